"""The type stubs and annotations: mypy --strict over the installed package and over a
usage file (typing_usage.py), which also runs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import smart

HERE = Path(__file__).resolve().parent


def mypy(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--cache-dir", os.devnull, "--config-file", str(HERE.parents[1] / "pyproject.toml"), *args],
        capture_output=True,
        text=True,
        cwd=HERE,
    )


def test_the_package_ships_its_stubs_and_marker() -> None:
    pkg = Path(smart.__file__).parent
    assert (pkg / "py.typed").is_file()
    assert (pkg / "_smart" / "__init__.pyi").is_file()


@pytest.mark.slow
def test_mypy_strict_passes_over_the_package() -> None:
    r = mypy("-p", "smart")
    assert r.returncode == 0, r.stdout + r.stderr


@pytest.mark.slow
def test_mypy_strict_passes_over_a_usage_file() -> None:
    r = mypy(str(HERE / "typing_usage.py"))
    assert r.returncode == 0, r.stdout + r.stderr


def test_mypy_strict_rejects_a_wrong_use(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("import smart\nn: int = smart.demo_cohort().evaluate('2025-04-30')['p01'].status\n")
    r = mypy(str(bad))
    assert r.returncode == 1 and "Incompatible types" in r.stdout


def test_the_usage_file_runs() -> None:
    r = subprocess.run([sys.executable, str(HERE / "typing_usage.py")], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert "Attended 6 of 8 days" in r.stdout

"""The hand-written stubs of the compiled module (smart/_smart/*.pyi) name exactly what the
module has: every stubbed class, function and member exists at run time, and every public
member at run time is stubbed."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import smart
from smart import _smart

STUBS = Path(smart.__file__).parent / "_smart"
RUNTIME_ONLY = {"__init__", "__repr__", "__eq__", "__hash__", "__len__", "__bool__", "__str__"}


def stubbed(path: Path) -> dict[str, set[str] | None]:
    """Top-level names of a stub: classes with their members, functions and variables (None)."""
    out: dict[str, set[str] | None] = {}
    for node in ast.parse(path.read_text()).body:
        if isinstance(node, ast.ClassDef):
            out[node.name] = {n.name for n in node.body if isinstance(n, ast.FunctionDef)}
        elif isinstance(node, ast.FunctionDef):
            out[node.name] = None
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            out[node.target.id] = None
    return out


@pytest.mark.parametrize("area", sorted(p.stem for p in STUBS.glob("*.pyi") if p.stem != "__init__"))
def test_the_stub_of_an_area_matches_the_module(area: str) -> None:
    module = getattr(_smart, area)
    stub = stubbed(STUBS / f"{area}.pyi")
    public = {n for n in dir(module) if not n.startswith("_")}
    assert public <= set(stub), f"not in {area}.pyi: {sorted(public - set(stub))}"
    for name, members in stub.items():
        if name == "Columns":
            continue  # a type alias of the stub only
        assert hasattr(module, name), f"{area}.{name} is stubbed but does not exist"
        if members is None:
            continue
        cls = getattr(module, name)
        runtime = {n for n in dir(cls) if not n.startswith("_") or n in RUNTIME_ONLY and n in vars(cls)}
        missing = {m for m in members if not hasattr(cls, m)}
        assert not missing, f"{area}.{name}: stubbed but absent: {sorted(missing)}"
        unstubbed = {m for m in runtime if not m.startswith("_")} - members
        assert not unstubbed, f"{area}.{name}: not stubbed: {sorted(unstubbed)}"


def test_the_top_level_stub_matches_the_module() -> None:
    stub = stubbed(STUBS / "__init__.pyi")
    public = {n for n in dir(_smart) if not n.startswith("_")}
    areas = {p.stem for p in STUBS.glob("*.pyi")} - {"__init__"}
    assert public == set(stub) - {"__version__"} | areas

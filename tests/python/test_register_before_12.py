"""A register written by the code before issue 12 (tests/data/issuing-before-12: serials of
the old form, an Ed25519 key of smart.*-key/1 files, EdDSA tokens, no status list entries)
still loads, verifies and is revoked through the Python API and the `smart` command."""

from __future__ import annotations

import pathlib
import shutil

import pytest

from smart import _smart, issuing
from conftest import ROOT, smart_cli

FIXTURE = ROOT / "tests/data/issuing-before-12"


@pytest.fixture
def old_register(tmp_path: pathlib.Path) -> pathlib.Path:
    path = tmp_path / "register.jsonl"
    shutil.copy(FIXTURE / "register.jsonl", path)
    return path


def test_the_old_register_loads_with_its_old_serials(old_register: pathlib.Path) -> None:
    records = issuing.Register(old_register).records()
    assert len(records) == 4
    for r in records:
        assert len(r.serial) == len("SMART-XXXX-XXXX-XXXX") and _smart.issuing.is_certificate_serial(r.serial)
        assert r.status_list is None and r.status_index is None
    assert [r.status for r in records].count(issuing.RecordStatus.valid) == 2


def test_smart_verify_and_revoke_work_on_the_old_register(old_register: pathlib.Path, tmp_path: pathlib.Path) -> None:
    pub = str(FIXTURE / "issuer.pub.json")
    reg = issuing.Register(old_register)
    valid = [r for r in reg.records() if r.status == issuing.RecordStatus.valid]
    token = tmp_path / "old.jwt"
    token.write_text(valid[0].credential_jws, encoding="utf-8")
    status, out, err = smart_cli("verify", str(token), "--public-key", pub, "--register", str(old_register))
    assert status == 0 and "status: valid" in out, out + err
    # serial and code as printed, the serial in lower case
    status, out, err = smart_cli(
        "verify", valid[1].serial.lower(), "--code", valid[1].verification_code, "--public-key", pub,
        "--register", str(old_register),
    )  # fmt: skip
    assert status == 0 and "valid" in out, out + err
    status, _, err = smart_cli("revoke", valid[0].serial.lower(), "--reason", "Utstedt ved en feil",
                               "--register", str(old_register))  # fmt: skip
    assert status == 0, err
    status, out, err = smart_cli("verify", str(token), "--public-key", pub, "--register", str(old_register))
    assert status == 1 and "status: revoked" in out, out + err
    found = issuing.Register(old_register).find(valid[0].serial)
    assert found is not None and found.status == issuing.RecordStatus.revoked

"""The certificate commands: smart keygen / issue / verify / revoke; a run killed half-way
and re-run; two runs at once on one register."""

from __future__ import annotations

import datetime
import json
import os
import pathlib
import signal
import stat
import subprocess
import sys
import time
from typing import Any

import pytest

import smart
from smart import issuing
from conftest import DEMO, smart_cli

AS_OF = "2025-04-30"


def issue(cohort: pathlib.Path, out: pathlib.Path, key: pathlib.Path, *extra: str) -> tuple[int, str, str]:
    return smart_cli("issue", str(cohort), "--out", str(out), "--key", str(key), "--as-of", AS_OF, "--no-progress", *extra)


def test_keygen_writes_a_private_secret_key_and_prints_the_public_key_file(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "issuer.key.json"
    status, out, err = smart_cli("keygen", str(path))
    assert status == 0 and err == ""
    first, second = out.splitlines()
    assert first == str(tmp_path / "issuer.pub.json")
    assert second == "issuer: did:key:" + json.loads((tmp_path / "issuer.pub.json").read_text())["kid"]
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    secret = json.loads(path.read_text())["d"]
    assert secret not in out
    status, out, err = smart_cli("keygen", str(path))
    assert status == 1 and "never overwritten" in err and "Traceback" not in err


def test_issue_then_verify_and_revoke(tmp_path: pathlib.Path, keyfile: pathlib.Path) -> None:
    out_dir = tmp_path / "out"
    status, out, err = issue(DEMO, out_dir, keyfile, "--issuer-id", "urn:smart:test:k", "--issuer-name", "Eksempel kommune")
    assert status == 0, err
    assert out.startswith("24 issued, 0 already in the register, 12 without a certificate")
    secret = json.loads(keyfile.read_text())["d"]
    assert secret not in out + err
    assert not any(secret in p.read_text(errors="replace") for p in out_dir.iterdir() if p.is_file())

    reg = issuing.Register(out_dir / "register.jsonl")
    first = reg.records()[0]
    jwt_file = out_dir / f"{first.serial}.jwt"
    pub = keyfile.with_name("issuer.pub.json")
    status, out, err = smart_cli("verify", str(jwt_file), "--public-key", str(pub), "--register", str(out_dir / "register.jsonl"))
    assert status == 0, err
    assert "status: valid" in out and first.data.holder in out and first.serial in out and "Eksempel kommune" in out

    # the .json credential: checked against what the register's token signed
    status, out, err = smart_cli("verify", str(out_dir / f"{first.serial}.json"), "--key", str(keyfile), "--register", str(out_dir / "register.jsonl"))
    assert status == 0 and "status: valid" in out, err
    doc = json.loads((out_dir / f"{first.serial}.json").read_text(encoding="utf-8"))
    doc["credentialSubject"]["identifier"][0]["identityHash"] = "Noen Andre"
    forged = tmp_path / "forged.json"
    forged.write_text(json.dumps(doc), encoding="utf-8")
    status, out, err = smart_cli("verify", str(forged), "--public-key", str(pub), "--register", str(out_dir / "register.jsonl"))
    assert status == 1 and "status: tampered" in out
    status, out, err = smart_cli("verify", str(out_dir / f"{first.serial}.json"), "--public-key", str(pub))
    assert status == 1 and "carries no signature" in err

    status, out, err = smart_cli("revoke", first.serial, "--reason", "Utstedt ved en feil", "--register", str(out_dir / "register.jsonl"), "--date", "2025-05-02")
    assert status == 0 and first.serial in out, err
    status, out, err = smart_cli("verify", str(jwt_file), "--public-key", str(pub), "--register", str(out_dir / "register.jsonl"))
    assert status == 1 and "status: revoked" in out and "Utstedt ved en feil" in out
    status, out, err = smart_cli("revoke", first.serial, "--reason", "igjen", "--register", str(out_dir / "register.jsonl"))
    assert status == 1 and "revoked, not valid" in err


def test_verify_with_a_wrong_key_or_a_tampered_token_fails(tmp_path: pathlib.Path, keyfile: pathlib.Path) -> None:
    out_dir = tmp_path / "out"
    assert issue(DEMO, out_dir, keyfile)[0] == 0
    token_file = next(out_dir.glob("*.jwt"))
    other = tmp_path / "stranger.key.json"
    assert smart_cli("keygen", str(other))[0] == 0
    status, out, err = smart_cli("verify", str(token_file), "--key", str(other))
    assert status == 1 and "status: unknown_key" in out
    h, p, s = token_file.read_text().strip().split(".")
    bad = tmp_path / "bad.jwt"
    bad.write_text(f"{h}.{p[:-2]}{'A' if p[-2] != 'A' else 'B'}{p[-1]}.{s}")
    status, out, err = smart_cli("verify", str(bad), "--key", str(keyfile))
    assert status == 1 and "status: tampered" in out and "holder" not in out


def test_a_missing_or_wrong_key_is_a_clear_error_without_traceback(tmp_path: pathlib.Path, keyfile: pathlib.Path) -> None:
    status, out, err = issue(DEMO, tmp_path / "out", tmp_path / "nope.key.json")
    assert status == 1 and "cannot open the key file" in err and "Traceback" not in err
    status, out, err = issue(DEMO, tmp_path / "out", keyfile.with_name("issuer.pub.json"))
    assert status == 1 and "this is a public key file; signing needs the secret key file" in err
    (tmp_path / "out").mkdir(exist_ok=True)
    inside = tmp_path / "out" / "issuer.key.json"
    inside.write_text(keyfile.read_text())
    status, out, err = issue(DEMO, tmp_path / "out", inside)
    assert status == 1 and "inside the output folder" in err
    assert not (tmp_path / "out" / "register.jsonl").exists()
    status, out, err = smart_cli("verify", str(tmp_path / "x.jwt"))
    assert status == 1 and "--public-key" in err
    status, out, err = smart_cli("revoke", "SMART-0000-0000-0000", "--reason", "x", "--register", str(tmp_path / "none.jsonl"))
    assert status == 1 and "no register" in err and not (tmp_path / "none.jsonl").exists()


def test_the_command_is_wired_into_python_m_smart(tmp_path: pathlib.Path) -> None:
    r = subprocess.run([sys.executable, "-m", "smart", "issue", "--help"], capture_output=True, text=True, check=True)
    assert "--key" in r.stdout and "register.jsonl" in r.stdout


# --- a large cohort, killed and re-run; two runs at once ---------------------------------


def big_cohort(path: pathlib.Path, n: int = 300) -> pathlib.Path:
    """The demo cohort's eligible participants, copied with new ids until there are n."""
    doc: dict[str, Any] = json.loads(DEMO.read_text(encoding="utf-8"))
    ev = smart.load_cohort(DEMO).evaluate(AS_OF)
    eligible = [p for p in doc["participants"] if ev[p["id"]].status == "eligible"]
    people = []
    for i in range(n):
        p = json.loads(json.dumps(eligible[i % len(eligible)]))
        p["id"] = f"x{i:04d}"
        p["name"] = f"{p['name']} {i}"
        people.append(p)
    doc["participants"] = people
    doc["capacity"] = n
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def issue_process(cohort: pathlib.Path, out: pathlib.Path, key: pathlib.Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "smart", "issue", str(cohort), "--out", str(out), "--key", str(key), "--as-of", AS_OF],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def check_complete(out: pathlib.Path, n: int) -> None:
    lines = (out / "register.jsonl").read_text(encoding="utf-8").splitlines()
    records = issuing.Register(out / "register.jsonl").records()
    ids = [r.data.participant_id for r in records]
    assert len(lines) == len(records) == n and len(set(ids)) == n  # one record per participant
    serials = {r.serial for r in records}
    for ext in ("pdf", "json", "jwt"):
        assert {p.stem for p in out.glob(f"*.{ext}")} == serials
    assert [p.name for p in out.iterdir() if p.name.startswith(".") or p.suffix == ".tmp"] == []


@pytest.mark.slow
def test_a_run_killed_half_way_loses_nothing_and_duplicates_nothing(tmp_path: pathlib.Path, keyfile: pathlib.Path) -> None:
    cohort = big_cohort(tmp_path / "big.json")
    out = tmp_path / "out"
    proc = issue_process(cohort, out, keyfile)
    register = out / "register.jsonl"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if register.exists() and register.read_bytes().count(b"\n") >= 40:
            break
        time.sleep(0.02)
    if proc.poll() is not None:
        proc.communicate()
        pytest.fail("the run finished before it could be killed")
    proc.send_signal(signal.SIGKILL)
    proc.communicate()  # reaps it and closes the pipes
    done_before = register.read_bytes().count(b"\n")
    assert 40 <= done_before < 300
    serials_before = [r.serial for r in issuing.Register(register).records()]

    status, outp, err = issue(cohort, out, keyfile)
    assert status == 0, err
    check_complete(out, 300)
    assert [r.serial for r in issuing.Register(register).records()][: len(serials_before)] == serials_before
    status, outp, err = issue(cohort, out, keyfile)  # and once more: nothing to do
    assert status == 0 and outp.startswith("0 issued, 300 already in the register") and " 0 files written" in outp


@pytest.mark.slow
def test_two_runs_at_once_on_one_register_issue_each_certificate_once(tmp_path: pathlib.Path, keyfile: pathlib.Path) -> None:
    cohort = big_cohort(tmp_path / "big.json", 120)
    out = tmp_path / "out"
    procs = [issue_process(cohort, out, keyfile) for _ in range(2)]
    issued = 0
    for p in procs:
        stdout, err = p.communicate(timeout=300)
        assert p.returncode == 0, err.decode()
        issued += int(stdout.split()[0])
    check_complete(out, 120)
    assert issued == 120  # between them, each certificate issued once


def test_stderr_not_a_terminal_means_no_progress_bar(tmp_path: pathlib.Path, keyfile: pathlib.Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "smart", "issue", str(DEMO), "--out", str(tmp_path / "o"), "--key", str(keyfile), "--as-of", AS_OF],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "80"},
    )
    assert proc.returncode == 0 and proc.stderr == ""


def test_a_certificate_pdf_verifies_against_the_register_and_an_edited_one_does_not(
    tmp_path: pathlib.Path, keyfile: pathlib.Path
) -> None:
    import dataclasses

    from smart.pdf import render_certificate

    out_dir = tmp_path / "out"
    assert issue(DEMO, out_dir, keyfile, "--lang", "nn")[0] == 0
    register = out_dir / "register.jsonl"
    reg = issuing.Register(register)
    record = reg.records()[0]
    pdf = out_dir / f"{record.serial}.pdf"

    # signed with the issuer's own ES256 key (the certificate beside the key file): the key the
    # verifier trusts for the credentials vouches for the PDF signature too
    status, out, err = smart_cli("verify", str(pdf), "--key", str(keyfile), "--register", str(register))
    assert status == 0, err
    assert "status: valid" in out and "issuer's trusted key" in out and record.data.holder in out
    assert (keyfile.parent / "issuer.cert.pem").is_file()
    sig = subprocess.run(["pdfsig", str(pdf)], capture_output=True, text=True, check=False).stdout
    assert "Signature is Valid" in sig and "Total document signed" in sig
    # another issuer's key does not vouch for it
    other = tmp_path / "stranger.key.json"
    assert smart_cli("keygen", str(other))[0] == 0
    status, out, _ = smart_cli("verify", str(pdf), "--key", str(other), "--register", str(register))
    assert status == 1 and "status: unknown_key" in out

    # without the register a PDF cannot be checked: a clear error, not a traceback
    status, out, err = smart_cli("verify", str(pdf), "--key", str(keyfile))
    assert status == 1 and "--register" in err and "Traceback" not in err

    # edits a forger would make, each rendered as a whole new page with the same serial and code
    genuine = issuing.certificate_text(record)
    edits = {
        "holder": dataclasses.replace(genuine, holder="Noen Andre"),
        "goal": dataclasses.replace(genuine, goals=(*genuine.goals[:-1], "leie eit heilt anna program")),
        "extra requirement": dataclasses.replace(genuine, requirements=(*genuine.requirements, "Bestått eksamen")),
        "issuer": dataclasses.replace(genuine, issued_line=genuine.issued_line.replace("2025", "2024")),
        "attests": dataclasses.replace(genuine, attests=genuine.attests.replace("2024/2025", "2023/2024")),
    }
    for what, text in edits.items():
        forged = render_certificate(text, tmp_path / f"forged-{what}.pdf")
        status, out, err = smart_cli("verify", str(forged), "--key", str(keyfile), "--register", str(register))
        assert status == 1 and "status: tampered" in out and "differ" in out, what
        assert record.data.holder in out  # shows what the register certifies under the serial

    # the same page re-rendered, unsigned, from the stored record: its words are the register's,
    # but an unsigned PDF is never `valid` (what a page shows needs the PDF signature)
    again = render_certificate(genuine, tmp_path / "again.pdf")
    assert "status: unsigned" in smart_cli("verify", str(again), "--key", str(keyfile), "--register", str(register))[1]

    # the genuine page twice in one file: a certificate has one page
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in [*PdfReader(pdf).pages, *PdfReader(pdf).pages]:
        writer.add_page(page)
    doubled = tmp_path / "doubled.pdf"
    with doubled.open("wb") as f:
        writer.write(f)
    status, out, _ = smart_cli("verify", str(doubled), "--key", str(keyfile), "--register", str(register))
    assert status == 1 and "status: tampered" in out and "one page" in out

    # a serial that is not in the register, and a PDF without one
    other = dataclasses.replace(genuine, serial_line=genuine.serial_line.replace(record.serial, "SMART-0000-0000-0000"))
    status, out, _ = smart_cli("verify", str(render_certificate(other, tmp_path / "other.pdf")), "--key", str(keyfile), "--register", str(register))
    assert status == 1 and "tampered" in out
    status, out, _ = smart_cli("verify", str(render_certificate(dataclasses.replace(genuine, serial_line="x"), tmp_path / "none.pdf")), "--key", str(keyfile), "--register", str(register))  # fmt: skip
    assert status == 1 and "no certificate serial" in out

    # revoked: the PDF says so
    reg.revoke(record.serial, "Utferda ved ein feil", datetime.date(2025, 5, 2))
    status, out, _ = smart_cli("verify", str(pdf), "--key", str(keyfile), "--register", str(register))
    assert status == 1 and "status: revoked" in out

    # a wrong key, and files that are no certificate at all
    other_key = tmp_path / "other.key.json"
    assert smart_cli("keygen", str(other_key))[0] == 0
    status, out, _ = smart_cli("verify", str(again), "--key", str(other_key), "--register", str(register))
    assert status == 1 and "unknown_key" in out
    junk = tmp_path / "junk.bin"
    junk.write_bytes(bytes(range(256)))
    status, out, err = smart_cli("verify", str(junk), "--key", str(keyfile))
    assert status == 1 and "not a certificate" in err and "Traceback" not in err
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n" + bytes(range(256)))
    status, out, err = smart_cli("verify", str(broken), "--key", str(keyfile), "--register", str(register))
    assert status == 1 and "not a readable PDF" in err and "Traceback" not in err

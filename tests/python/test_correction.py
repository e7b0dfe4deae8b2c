"""Issue 12: correcting a certificate (smart reissue, Register.reissue with a reason, the
bulk re-run after a revocation for correction), smart verify SERIAL --code CODE,
case-insensitive serials, serials that include the issuer, file permissions and --lang on
a folder issued in another language."""

from __future__ import annotations

import pathlib
import re
import stat

import pytest

import smart
from smart import issuing
from smart.errors import InvalidArgumentError, NotAllowedError, NotFoundError
from conftest import DEMO, smart_cli

AS_OF = "2025-04-30"
ISSUER = issuing.Issuer(id="urn:smart:issuer:test", name="Eksempel kommune (test)")


def issue(out: pathlib.Path, key: pathlib.Path, *extra: str, cohort: pathlib.Path = DEMO) -> tuple[int, str, str]:
    return smart_cli("issue", str(cohort), "--out", str(out), "--key", str(key), "--as-of", AS_OF, "--no-progress", *extra)


@pytest.fixture
def issued_out(tmp_path: pathlib.Path, keyfile: pathlib.Path) -> pathlib.Path:
    """The demo cohort issued by `smart issue` into tmp_path/"out" (PDFs, JSON, JWT, register)."""
    out_dir = tmp_path / "out"
    assert issue(out_dir, keyfile)[0] == 0
    return out_dir


def renamed(cohort: smart.Cohort, pid: str, name: str) -> None:
    p = cohort[pid]
    cohort.correct_participant(pid, name=name, municipality=p.municipality, role=p.role, sector=p.sector)


def mode(p: pathlib.Path) -> int:
    return stat.S_IMODE(p.stat().st_mode)


def test_register_reissue_with_a_reason_revokes_and_issues_in_one_step(tmp_path: pathlib.Path) -> None:
    key = issuing.generate_signing_key()
    reg = issuing.Register(tmp_path / "register.jsonl")
    cohort = smart.load_cohort(DEMO)
    old, _ = reg.issue(issuing.certificate_data(cohort.evaluate(AS_OF), "p01"), ISSUER, key, AS_OF, "nb")
    renamed(cohort, "p01", "Kari Retta Nordmann")
    data = issuing.certificate_data(cohort.evaluate(AS_OF), "p01")
    new = reg.reissue(old.serial.lower(), data, ISSUER, key, "2025-05-02", "nb", reason="Feil navn")
    assert new.replaces == old.serial and new.data.holder == "Kari Retta Nordmann"
    was = reg.find(old.serial.lower())
    assert was is not None
    assert was.status is issuing.RecordStatus.revoked and was.revoked_for_correction
    assert was.revoked_reason == "Feil navn" and was.replaced_by == new.serial
    assert len((tmp_path / "register.jsonl").read_text().splitlines()) == 2  # one line: both or neither
    with pytest.raises(NotAllowedError, match=new.serial):
        reg.reissue(old.serial, data, ISSUER, key, "2025-05-03", "nb", reason="igjen")
    with pytest.raises(InvalidArgumentError):
        reg.reissue(new.serial, data, ISSUER, key, "2025-05-03", "nb", reason="")
    v = issuing.verify(old.credential_jws, [key], reg)
    assert v.status is issuing.VerificationStatus.revoked and v.replaced_by == new.serial
    assert v.text("nb") == f"Trukket tilbake 2.5.2025: Feil navn. Erstattet av {new.serial}."
    assert v.text("en") == f"Revoked on 2 May 2025: Feil navn. Replaced by {new.serial}."
    assert "Erstatta av" in v.text("nn")


def test_a_revoked_serial_without_a_successor_can_be_reissued_and_issue_makes_no_unlinked_second(
    tmp_path: pathlib.Path,
) -> None:
    key = issuing.generate_signing_key()
    reg = issuing.Register(tmp_path / "register.jsonl")
    data = issuing.certificate_data(smart.load_cohort(DEMO).evaluate(AS_OF), "p02")
    old, _ = reg.issue(data, ISSUER, key, AS_OF, "en")
    reg.revoke(old.serial, "Wrong municipality", "2025-05-01")
    with pytest.raises(NotAllowedError, match=old.serial):
        reg.issue(data, ISSUER, key, "2025-05-02", "en")
    new = reg.reissue(old.serial, data, ISSUER, key, "2025-05-02", "en", reason="Corrected")
    assert new.replaces == old.serial and new.issue_number == 2
    was = reg.find(old.serial)
    assert was is not None and was.revoked_reason == "Wrong municipality" and was.replaced_by == new.serial


def test_serials_include_the_issuer_and_old_serials_stay_readable() -> None:
    iss = smart._smart.issuing
    a = iss.certificate_serial("prog", "c", "p01", 1, "urn:smart:issuer:a")
    b = iss.certificate_serial("prog", "c", "p01", 1, "urn:smart:issuer:b")
    old = iss.certificate_serial("prog", "c", "p01")
    assert a != b
    assert re.fullmatch(r"SMART(-[0-9A-Z]{4}){4}", a) and re.fullmatch(r"SMART(-[0-9A-Z]{4}){3}", old)
    assert iss.is_certificate_serial(a) and iss.is_certificate_serial(old)
    assert iss.find_certificate_serials(f"{a} og {old}") == sorted([a, old])
    assert iss.same_serial(a, a.lower())


def test_smart_reissue_corrects_a_certificate_and_verify_names_the_replacement(
    tmp_path: pathlib.Path, keyfile: pathlib.Path, issued_out: pathlib.Path
) -> None:
    out_dir = issued_out
    register = out_dir / "register.jsonl"
    reg = issuing.Register(register)
    cohort = smart.load_cohort(DEMO)
    old = next(r for r in reg.records() if r.data.participant_id == "p01")
    renamed(cohort, "p01", "Kari Retta Nordmann")
    corrected = tmp_path / "corrected.json"
    cohort.save(corrected)
    status, out, err = smart_cli(
        "reissue", old.serial.lower(), "--reason", "Feil navn", "--cohort", str(corrected), "--out", str(out_dir),
        "--key", str(keyfile), "--date", "2025-05-02",
    )  # fmt: skip
    assert status == 0, err
    reg.reload()
    new = reg.find_latest(old.data.programme_id, old.data.cohort_id, "p01")
    assert new is not None and new.replaces == old.serial and new.data.holder == "Kari Retta Nordmann"
    assert new.serial in out and old.serial in out
    for ext in ("pdf", "json", "jwt"):
        assert mode(out_dir / f"{new.serial}.{ext}") == 0o600
    assert "Kari Retta Nordmann" in (out_dir / f"{new.serial}.json").read_text(encoding="utf-8")
    # the corrected PDF is signed with the issuer key, as the first one was
    status, out, err = smart_cli(
        "verify", str(out_dir / f"{new.serial}.pdf"), "--key", str(keyfile), "--register", str(register)
    )
    assert status == 0 and "status: valid" in out, out + err
    # verify the old token: revoked, naming the replacement (the core's words, in nb and en)
    args = ("verify", str(out_dir / f"{old.serial}.jwt"), "--key", str(keyfile), "--register", str(register))
    status, out, err = smart_cli(*args)
    assert status == 1
    assert "status: revoked" in out and f"replaced by: {new.serial}" in out
    assert f"verdict: Trukket tilbake 2.5.2025: Feil navn. Erstattet av {new.serial}." in out
    status, out, _ = smart_cli(*args, "--lang", "en")
    assert f"Replaced by {new.serial}." in out
    # again: refused naming the successor; an unknown serial: one line
    status, _, err = smart_cli(
        "reissue", old.serial, "--reason", "x", "--cohort", str(corrected), "--out", str(out_dir), "--key", str(keyfile)
    )
    assert status == 1 and new.serial in err and "Traceback" not in err
    status, _, err = smart_cli(
        "reissue", "SMART-0000-0000-0000-0000", "--reason", "x", "--cohort", str(corrected), "--out", str(out_dir),
        "--key", str(keyfile),
    )  # fmt: skip
    assert status == 1 and "no certificate" in err and err.count("\n") == 1


def test_a_bulk_rerun_issues_the_replacement_after_a_revocation_for_correction(
    tmp_path: pathlib.Path, keyfile: pathlib.Path, issued_out: pathlib.Path
) -> None:
    out_dir = issued_out
    register = out_dir / "register.jsonl"
    reg = issuing.Register(register)
    by_id = {r.data.participant_id: r for r in reg.records()}
    status, out, err = smart_cli(
        "revoke", by_id["p01"].serial.lower(), "--reason", "Feil navn", "--register", str(register), "--correction"
    )
    assert status == 0 and "for correction" in out, err
    status, _, err = smart_cli("revoke", by_id["p02"].serial, "--reason", "Utstedt ved en feil", "--register", str(register))
    assert status == 0, err
    cohort = smart.load_cohort(DEMO)
    renamed(cohort, "p01", "Ola Retta Nordmann")
    corrected = tmp_path / "corrected.json"
    cohort.save(corrected)
    status, out, err = issue(out_dir, keyfile, cohort=corrected)
    assert status == 0, err
    assert out.startswith("1 issued (1 of them corrections), 22 already in the register")
    reg.reload()
    new = reg.find_latest(by_id["p01"].data.programme_id, by_id["p01"].data.cohort_id, "p01")
    assert new is not None and new.replaces == by_id["p01"].serial and new.data.holder == "Ola Retta Nordmann"
    assert (out_dir / f"{new.serial}.pdf").is_file()
    report = (out_dir / "not-issued.csv").read_text(encoding="utf-8")
    assert "p01," not in report and "p02," in report and ",revoked," in report


def test_verify_serial_and_code_against_the_register(keyfile: pathlib.Path, issued_out: pathlib.Path) -> None:
    out_dir = issued_out
    register = str(out_dir / "register.jsonl")
    reg = issuing.Register(register)
    r = reg.records()[0]
    status, out, err = smart_cli("verify", r.serial.lower(), "--code", r.verification_code.lower(), "--key", str(keyfile), "--register", register)
    assert status == 0, err
    assert "status: valid" in out and r.data.holder in out and "verdict: Gyldig" in out
    assert issuing.verify_code(r.serial, r.verification_code.replace("-", ""), [issuing.load_signing_key(keyfile)], reg).ok
    wrong = ("1" if r.verification_code[0] != "1" else "2") + r.verification_code[1:]
    status, out, err = smart_cli("verify", r.serial, "--code", wrong, "--key", str(keyfile), "--register", register)
    assert status == 1 and out == ""
    assert "code" in err and r.data.holder not in err and err.count("\n") == 1
    status, out, err = smart_cli("verify", "SMART-0000-0000-0000-0000", "--code", wrong, "--key", str(keyfile), "--register", register)
    assert status == 1 and "no certificate" in err
    status, out, err = smart_cli("verify", r.serial, "--code", r.verification_code, "--key", str(keyfile))
    assert status == 1 and "--register" in err
    status, out, err = smart_cli("verify", r.serial.lower(), "--key", str(keyfile), "--register", register)
    assert status == 1 and "--code" in err and err.count("\n") == 1
    with pytest.raises(NotFoundError):
        issuing.verify_code("SMART-0000-0000-0000-0000", "0000-0000", [issuing.load_signing_key(keyfile)], reg)
    # revoked and corrected: the check says so and names the replacement
    data = issuing.certificate_data(smart.load_cohort(DEMO).evaluate(AS_OF), r.data.participant_id)
    new = reg.reissue(r.serial, data, r.issuer, issuing.load_signing_key(keyfile), "2025-05-02", "nb", reason="Feil")
    status, out, err = smart_cli("verify", r.serial, "--code", r.verification_code, "--key", str(keyfile), "--register", register, "--lang", "nn")
    assert status == 1 and "status: revoked" in out and f"Erstatta av {new.serial}" in out


def test_register_and_documents_are_0600_unless_configured(
    tmp_path: pathlib.Path, keyfile: pathlib.Path, issued_out: pathlib.Path
) -> None:
    out_dir = issued_out
    files = [p for p in out_dir.iterdir() if p.suffix in (".pdf", ".json", ".jwt", ".jsonl")]
    assert len(files) == 24 * 3 + 1
    assert {mode(p) for p in files} == {0o600}
    shared = tmp_path / "shared"
    assert issue(shared, keyfile, "--mode", "640")[0] == 0
    files = [p for p in shared.iterdir() if p.suffix in (".pdf", ".json", ".jwt", ".jsonl")]
    assert {mode(p) for p in files} == {0o640}


def test_a_mode_that_is_not_octal_permission_bits_is_a_usage_error(
    tmp_path: pathlib.Path, keyfile: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as info:
        issue(tmp_path / "bad", keyfile, "--mode", "999")
    assert info.value.code == 2 and "octal" in capsys.readouterr().err
    assert not (tmp_path / "bad").exists()


def test_lang_on_a_folder_issued_in_another_language_is_refused(tmp_path: pathlib.Path, keyfile: pathlib.Path) -> None:
    out_dir = tmp_path / "out"
    assert issue(out_dir, keyfile, "--lang", "nn")[0] == 0
    status, out, err = issue(out_dir, keyfile, "--lang", "en")
    assert status == 1 and "issued in nn" in err and "--lang nn" in err and err.count("\n") == 1
    status, out, err = issue(out_dir, keyfile)  # no --lang: the folder's language
    assert status == 0 and out.startswith("0 issued, 24 already in the register"), err
    assert {str(r.language) for r in issuing.Register(out_dir / "register.jsonl").records()} == {"nn"}


def test_a_corrected_name_that_cannot_be_printed_is_refused_before_anything_is_registered(
    tmp_path: pathlib.Path, keyfile: pathlib.Path, issued_out: pathlib.Path
) -> None:
    out_dir = issued_out
    register = out_dir / "register.jsonl"
    before = register.read_bytes()
    old = next(r for r in issuing.Register(register).records() if r.data.participant_id == "p01")
    cohort = smart.load_cohort(DEMO)
    renamed(cohort, "p01", "Kari \U00013000 Nordmann")  # an Egyptian hieroglyph: no font has it
    corrected = tmp_path / "corrected.json"
    cohort.save(corrected)
    status, _, err = smart_cli(
        "reissue", old.serial, "--reason", "Feil navn", "--cohort", str(corrected), "--out", str(out_dir),
        "--key", str(keyfile),
    )  # fmt: skip
    assert status == 1 and "cannot be printed" in err and "U+13000" in err and err.count("\n") == 1
    assert register.read_bytes() == before  # not even the revocation

"""Issuing certificates from Python: records only for the eligible, stable serials, frozen
records, revoke and re-issue, verification (tampering, wrong key), the Open Badges 3.0
credential against the official schema and checked with PyJWT, the documents."""

from __future__ import annotations

import base64
import copy
import csv
import datetime
import json
import os
import pathlib
import shutil
import stat
import subprocess
from collections.abc import Iterator
from typing import Any

import pytest

import smart
from smart import issuing
from conftest import DEMO, ROOT, validate_ob3_credential

AS_OF = datetime.date(2025, 4, 30)
ISSUER = issuing.Issuer(id="urn:smart:test:eksempel-kommune", name="Eksempel kommune")


@pytest.fixture(scope="module")
def key() -> issuing.SigningKey:
    return issuing.generate_signing_key()


@pytest.fixture
def demo_ev() -> smart.Evaluation:
    return smart.load_cohort(DEMO).evaluate(AS_OF)


def issue_demo(ev: smart.Evaluation, out: pathlib.Path, key: issuing.SigningKey) -> issuing.IssueReport:
    return issuing.issue_cohort(ev, out, key, ISSUER, issued_on=AS_OF, lang="nb")


def b64d(part: str) -> bytes:
    return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))


def b64e(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


# --- records ------------------------------------------------------------------------------


def test_only_eligible_participants_get_a_record(
    demo_ev: smart.Evaluation, key: issuing.SigningKey, tmp_path: pathlib.Path
) -> None:
    report = issue_demo(demo_ev, tmp_path, key)
    eligible = {r.id for r in demo_ev if r.status == "eligible"}
    assert len(eligible) == 24
    reg = issuing.Register(tmp_path / "register.jsonl")
    assert {r.data.participant_id for r in reg.records()} == eligible
    assert len(reg.records()) == len(report.issued) == 24
    with (tmp_path / "not-issued.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert {row["participant_id"] for row in rows} == {r.id for r in demo_ev} - eligible
    for row in rows:  # the core's own explanation of what is missing
        assert row["reason"] == "; ".join(demo_ev[row["participant_id"]].missing("nb"))
    with pytest.raises(smart.NotAllowedError):
        issuing.certificate_data(demo_ev, "p07")


def test_serials_are_unique_and_stable_across_re_runs(
    demo_ev: smart.Evaluation, key: issuing.SigningKey, tmp_path: pathlib.Path
) -> None:
    first = issue_demo(demo_ev, tmp_path, key)
    serials = [r.serial for r in first.issued]
    assert len(set(serials)) == len(serials) == 24
    again = issue_demo(smart.load_cohort(DEMO).evaluate(AS_OF), tmp_path, key)
    assert again.issued == [] and again.written == []
    assert [r.serial for r in again.existing] == serials
    # in another folder, with another key, the serials are the same: they name
    # (issuer, programme, cohort, participant, issue number), nothing else
    other = issue_demo(demo_ev, tmp_path / "other", issuing.generate_signing_key())
    assert [r.serial for r in other.issued] == serials
    r = first.issued[0]
    assert r.serial == smart._smart.issuing.certificate_serial(
        r.data.programme_id, r.data.cohort_id, r.data.participant_id, 1, r.issuer.id
    )
    assert len((tmp_path / "register.jsonl").read_text(encoding="utf-8").splitlines()) == 24


def _doc_with_inline_programme() -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(DEMO.read_text(encoding="utf-8"))
    doc["programme"] = json.loads((ROOT / "examples/programmes/smart-trener-2024.json").read_text(encoding="utf-8"))
    return doc


def test_a_record_is_frozen_edits_to_the_programme_or_the_name_change_nothing_issued(
    key: issuing.SigningKey, tmp_path: pathlib.Path
) -> None:
    doc = _doc_with_inline_programme()
    out = tmp_path / "out"
    ev = smart.loads_cohort(json.dumps(doc)).evaluate(AS_OF)
    first = issue_demo(ev, out, key)
    p01 = next(r for r in first.issued if r.data.participant_id == "p01")
    old_name, old_programme = p01.data.holder, p01.data.programme_name.nb
    pdf = out / f"{p01.serial}.pdf"
    before = pdf_text(pdf)

    edited = copy.deepcopy(doc)
    edited["programme"]["name"] = "Omdøpt program"
    edited["participants"][0]["name"] = "Helt Annet Navn"
    pdf.unlink()  # re-rendered from the stored record
    again = issue_demo(smart.loads_cohort(json.dumps(edited)).evaluate(AS_OF), out, key)
    assert again.issued == [] and again.written == [pdf]
    stored = issuing.Register(out / "register.jsonl").find(p01.serial)
    assert stored == p01
    assert stored is not None and stored.data.holder == old_name and stored.data.programme_name.nb == old_programme
    after = pdf_text(pdf)
    assert after == before
    assert "Helt Annet Navn" not in after and "Omdøpt" not in after


def test_revoke_and_reissue(demo_ev: smart.Evaluation, key: issuing.SigningKey, tmp_path: pathlib.Path) -> None:
    reg = issuing.Register(tmp_path / "register.jsonl")
    data = issuing.certificate_data(demo_ev, "p01")
    r1, new = reg.issue(data, ISSUER, key, AS_OF, "nb")
    assert new and r1.status == "valid" and r1.issue_number == 1 and r1.replaces is None
    assert reg.issue(data, ISSUER, key, AS_OF, "nb") == (r1, False)  # nothing twice

    r2 = reg.reissue(r1.serial, data, ISSUER, key, datetime.date(2025, 5, 2), "en")
    assert r2.serial != r1.serial and r2.issue_number == 2 and r2.replaces == r1.serial
    old = reg.find(r1.serial)
    assert old is not None and old.status == issuing.RecordStatus.replaced and old.replaced_by == r2.serial
    assert issuing.verify(r1.credential_jws, [key.public_key], reg).status == "replaced"

    revoked = reg.revoke(r2.serial, "Utstedt ved en feil", datetime.date(2025, 5, 3))
    assert revoked.status == "revoked" and revoked.revoked_reason == "Utstedt ved en feil"
    assert revoked.revoked_on == datetime.date(2025, 5, 3)
    v = issuing.verify(r2.credential_jws, [key.public_key], reg)
    assert v.status == issuing.VerificationStatus.revoked and not v.ok
    assert v.credential is not None  # what was certified is still told
    with pytest.raises(smart.NotAllowedError):
        reg.revoke(r2.serial, "again", datetime.date(2025, 5, 4))
    with pytest.raises(smart.NotFoundError):
        reg.revoke("SMART-0000-0000-0000", "no such", datetime.date(2025, 5, 4))
    with pytest.raises(smart.InvalidArgumentError):
        reg.revoke(r1.serial, "", datetime.date(2025, 5, 4))
    # another register object on the same file reads the same history
    again = issuing.Register(tmp_path / "register.jsonl")
    assert [(r.serial, r.status) for r in again.records()] == [(r1.serial, "replaced"), (r2.serial, "revoked")]


def test_a_revoked_participant_gets_no_new_certificate_from_a_bulk_run(
    demo_ev: smart.Evaluation, key: issuing.SigningKey, tmp_path: pathlib.Path
) -> None:
    first = issue_demo(demo_ev, tmp_path, key)
    target = first.issued[0]
    issuing.Register(tmp_path / "register.jsonl").revoke(target.serial, "Feil", AS_OF)
    again = issue_demo(demo_ev, tmp_path, key)
    assert again.issued == []
    assert (target.data.participant_id, target.data.holder, "revoked") in [x[:3] for x in again.not_issued]
    reason = next(x[3] for x in again.not_issued if x[0] == target.data.participant_id)
    assert reason.startswith(f"{target.serial} trukket tilbake 30.4.2025: Feil")


def test_issue_cohort_reports_the_cores_decision_for_every_participant(
    demo_ev: smart.Evaluation, key: issuing.SigningKey, tmp_path: pathlib.Path
) -> None:
    report = issuing.issue_cohort(demo_ev, tmp_path, key, ISSUER, issued_on=AS_OF, lang="nn")
    assert [x.participant_id for x in report.entries] == [r.id for r in demo_ev]
    outcomes = [x.outcome for x in report.entries]
    assert outcomes.count(issuing.IssueOutcome.issued) == len(report.issued) == 24
    for x, r in zip(report.entries, demo_ev):
        if x.outcome == "issued":
            assert x.record is not None and x.record.data.participant_id == r.id and x.reason == ""
        else:  # the core's words of what is missing, in the run's language
            assert x.outcome == str(r.status) and x.reason == "; ".join(r.missing("nn"))
    assert report.not_issued == [(x.participant_id, x.name, str(x.outcome), x.reason) for x in report.entries if x.record is None]
    with open(tmp_path / "not-issued.csv", newline="", encoding="utf-8") as f:
        assert [tuple(row) for row in csv.reader(f)][1:] == report.not_issued
    # before the last day: nothing, and the core says why
    early = issuing.issue_cohort(demo_ev, tmp_path / "early", key, ISSUER, issued_on="2025-04-01", lang="en")
    assert early.issued == [] and {x[2] for x in early.not_issued} >= {"too_early"}
    assert any("before the programme's last day (9 April 2025)" in x[3] for x in early.not_issued)


def test_register_issue_after_a_revocation_is_refused_and_a_reissue_corrects_it(
    demo_ev: smart.Evaluation, key: issuing.SigningKey, tmp_path: pathlib.Path
) -> None:
    # one policy, the core's: Register.issue refuses as issue_cohort does; reissue corrects
    reg = issuing.Register(tmp_path / "register.jsonl")
    data = issuing.certificate_data(demo_ev, "p01")
    r1, _ = reg.issue(data, ISSUER, key, AS_OF, "nb")
    reg.revoke(r1.serial, "Feil navn", datetime.date(2025, 5, 2))
    with pytest.raises(smart.NotAllowedError, match=r1.serial):
        reg.issue(data, ISSUER, key, datetime.date(2025, 5, 3), "nb")
    assert len(reg.records()) == 1
    r2 = reg.reissue(r1.serial, data, ISSUER, key, datetime.date(2025, 5, 3), "nb")
    assert r2.issue_number == 2 and r2.replaces == r1.serial
    old = reg.find(r1.serial)
    assert old is not None and old.status == "revoked" and old.replaced_by == r2.serial
    assert reg.issue(data, ISSUER, key, datetime.date(2025, 5, 4), "nb") == (r2, False)


# --- verification ---------------------------------------------------------------------


@pytest.fixture
def record(demo_ev: smart.Evaluation, key: issuing.SigningKey) -> issuing.CertificateRecord:
    return smart._smart.issuing.sign_certificate(issuing.certificate_data(demo_ev, "p01"), ISSUER, key, AS_OF, "nb")


def test_a_good_record_verifies_and_tells_what_was_certified(
    record: issuing.CertificateRecord, key: issuing.SigningKey
) -> None:
    v = issuing.verify(record.credential_jws, [key.public_key])
    assert v.status == "valid" and v.ok and v.serial == record.serial and v.key_id == f"{key.did}#{key.key_id}"
    assert v.credential is not None
    assert v.credential["credentialSubject"]["identifier"][0]["identityHash"] == record.data.holder
    assert v.credential["jti"] == f"urn:smart:certificate:{record.serial}"


def leaves(doc: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if isinstance(doc, dict):
        for k, v in doc.items():
            yield from leaves(v, (*path, k))
    elif isinstance(doc, list):
        for i, v in enumerate(doc):
            yield from leaves(v, (*path, i))
    else:
        yield path


def changed(value: Any) -> Any:
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return value + 86400
    return str(value) + "x"


def test_every_single_field_tampering_is_detected(record: issuing.CertificateRecord, key: issuing.SigningKey) -> None:
    header, payload, sig = record.credential_jws.split(".")
    doc = json.loads(b64d(payload))
    paths = list(leaves(doc))
    assert len(paths) > 30
    for path in paths:
        forged = copy.deepcopy(doc)
        node = forged
        for step in path[:-1]:
            node = node[step]
        node[path[-1]] = changed(node[path[-1]])
        token = f"{header}.{b64e(json.dumps(forged, ensure_ascii=False).encode())}.{sig}"
        assert issuing.verify(token, [key.public_key]).status == "tampered", path
    # even re-serialising the same content (other spacing) breaks the signature
    same = b64e(json.dumps(doc, indent=1).encode())
    assert issuing.verify(f"{header}.{same}.{sig}", [key.public_key]).status == "tampered"
    # and so does changing the header (e.g. swapping the embedded key)
    h = json.loads(b64d(header))
    h["typ"] = "jwt"
    assert issuing.verify(f"{b64e(json.dumps(h).encode())}.{payload}.{sig}", [key.public_key]).status == "tampered"


def test_a_wrong_key_is_an_unknown_key(record: issuing.CertificateRecord) -> None:
    other = issuing.generate_signing_key()
    v = issuing.verify(record.credential_jws, [other.public_key])
    assert v.status == issuing.VerificationStatus.unknown_key and v.credential is None
    assert issuing.verify(record.credential_jws, []).status == "unknown_key"
    assert issuing.verify("not a token", [other]).status == "tampered"


def test_the_credential_validates_against_the_official_ob3_schema_and_verifies_with_pyjwt(
    record: issuing.CertificateRecord, key: issuing.SigningKey
) -> None:
    jwt = pytest.importorskip("jwt")
    validate_ob3_credential(issuing.open_badge_credential(record))

    # PyJWT, an independent implementation, checks the ES256 signature with the public key
    # file, a JWK
    pub = jwt.PyJWK(json.loads(key.public_key.to_json())).key
    claims = jwt.decode(record.credential_jws, pub, algorithms=["ES256"], options={"verify_aud": False})
    assert claims["id"] == f"urn:smart:certificate:{record.serial}"
    assert jwt.get_unverified_header(record.credential_jws)["kid"] == f"{key.did}#{key.key_id}"
    signed = {k: v for k, v in claims.items() if k not in ("iss", "jti", "nbf")}
    assert signed == issuing.open_badge_credential(record)
    wrong = jwt.PyJWK(json.loads(issuing.generate_signing_key().public_key.to_json())).key
    with pytest.raises(jwt.InvalidSignatureError):
        jwt.decode(record.credential_jws, wrong, algorithms=["ES256"])


def test_wording_comes_from_the_core_in_each_language(record: issuing.CertificateRecord) -> None:
    assert issuing.wording(record).title == "Kompetansebevis"
    en = issuing.wording(record, "en")
    assert en.title == "Certificate of competence"
    assert en.serial_line.endswith(record.serial) and en.code_line.endswith(record.verification_code)
    assert issuing.wording(record, smart.Lang.nn).holder_line == record.data.holder


# --- keys -----------------------------------------------------------------------------------


def test_keys_round_trip_through_files_readable_by_the_owner_only(tmp_path: pathlib.Path) -> None:
    k = issuing.generate_signing_key()
    pub = issuing.save_signing_key(k, tmp_path / "issuer.key.json")
    assert pub == tmp_path / "issuer.pub.json"
    assert stat.S_IMODE(os.stat(tmp_path / "issuer.key.json").st_mode) == 0o600
    assert issuing.load_signing_key(tmp_path / "issuer.key.json").public_key == k.public_key
    assert issuing.load_public_key(pub) == k.public_key
    assert "secret" not in pub.read_text() and "secret" not in repr(k) and k.key_id in repr(k)
    with pytest.raises(FileExistsError):
        issuing.save_signing_key(k, tmp_path / "issuer.key.json")
    with pytest.raises(smart.NotFoundError):
        issuing.load_signing_key(tmp_path / "missing.key.json")
    with pytest.raises(smart.SmartError):
        issuing.load_signing_key(pub)  # a public key file is no signing key


def test_the_key_file_is_refused_inside_the_output_folder(
    demo_ev: smart.Evaluation, key: issuing.SigningKey, tmp_path: pathlib.Path
) -> None:
    with pytest.raises(ValueError, match="inside the output folder"):
        issuing.issue_cohort(demo_ev, tmp_path, key, ISSUER, issued_on=AS_OF, key_file=tmp_path / "k.key.json")
    assert not (tmp_path / "register.jsonl").exists()


# --- documents ------------------------------------------------------------------------------


def pdf_text(path: pathlib.Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("needs poppler-utils (scripts/setup.sh)")
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True).stdout


def test_the_documents_carry_the_holder_with_aeoa_intact_and_the_serial(
    demo_ev: smart.Evaluation, key: issuing.SigningKey, tmp_path: pathlib.Path
) -> None:
    report = issue_demo(demo_ev, tmp_path, key)
    assert len(report.written) == 3 * 24
    aase = next(r for r in report.issued if "æ" in r.data.holder or "ø" in r.data.holder or "å" in r.data.holder)
    text = pdf_text(tmp_path / f"{aase.serial}.pdf")
    assert aase.data.holder in text and aase.serial in text and aase.verification_code in text
    assert (tmp_path / f"{aase.serial}.jwt").read_text().strip() == aase.credential_jws
    assert json.loads((tmp_path / f"{aase.serial}.json").read_text(encoding="utf-8")) == issuing.open_badge_credential(aase)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary files left


def test_a_killed_writers_temporary_file_is_removed_by_the_next_run(
    demo_ev: smart.Evaluation, key: issuing.SigningKey, tmp_path: pathlib.Path
) -> None:
    proc = subprocess.Popen(["true"])
    proc.wait()
    leftover = tmp_path / f".SMART-0000-0000-0000.pdf.{proc.pid}.abc123.tmp"
    live = tmp_path / f".SMART-0000-0000-0000.pdf.{os.getpid()}.def456.tmp"
    leftover.write_bytes(b"%PDF-1.7 torn")
    live.write_bytes(b"%PDF-1.7 being written")
    issue_demo(demo_ev, tmp_path, key)
    assert not leftover.exists() and live.exists()


def test_the_qr_code_carries_serial_and_code_or_the_page_on_the_site(record: issuing.CertificateRecord) -> None:
    assert issuing.certificate_text(record).qr_text == f"{record.serial} {record.verification_code}"
    t = issuing.certificate_text(record, verify_url="https://bevis.example.org/sjekk/")
    token = issuing.verification_token(record.serial, record.verification_code)
    assert t.qr_text == f"https://bevis.example.org/sjekk/c/{token}/"  # its page on the published site

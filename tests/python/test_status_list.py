"""Public revocation (issue 12): the issuer's W3C Bitstring Status List.

Checked without the project's own code where it counts: the list is decoded with Python's
gzip and base64, and openbadgeslib — an independent OB 3.0 verifier — fetches the list
(and the did:web document) from a real HTTP server and says revoked or not, with no
register."""

from __future__ import annotations

import base64
import datetime
import gzip
import json
import pathlib
from typing import Any

import pytest

import smart
from smart import issuing
from conftest import smart_cli, validate_ob3_credential, web_issuer

URL = "https://kommune.example"
LIST_URL = URL + "/status/revocation.jwt"
AS_OF = "2025-04-30"


def b64d(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def payload(jws: str) -> dict[str, Any]:
    return json.loads(b64d(jws.split(".")[1]))


def bits_of(list_jws: str) -> bytes:
    """The list's bits, with Python's own base64 and gzip."""
    encoded = payload(list_jws)["credentialSubject"]["encodedList"]
    assert encoded.startswith("u")
    return gzip.decompress(b64d(encoded[1:]))


def bit(bits: bytes, i: int) -> bool:
    return bool(bits[i // 8] >> (7 - i % 8) & 1)


@pytest.fixture()
def issued(
    key: issuing.SigningKey, tmp_path: pathlib.Path
) -> tuple[issuing.Register, issuing.Issuer, list[issuing.CertificateRecord]]:
    ev = smart.demo_cohort().evaluate(AS_OF)
    issuer = web_issuer(URL)
    reg = issuing.Register(tmp_path / "register.jsonl")
    records = [reg.issue(issuing.certificate_data(ev, p), issuer, key, AS_OF, "nb")[0] for p in ("p01", "p02", "p03")]
    return reg, issuer, records


def test_every_credential_names_a_random_unique_index_of_the_issuers_list(
    issued: tuple[issuing.Register, issuing.Issuer, list[issuing.CertificateRecord]],
) -> None:
    _, _, records = issued
    indices = [r.status_index for r in records]
    assert len(set(indices)) == 3
    for r in records:
        assert r.status_list == LIST_URL == issuing.status_list_url(URL)
        assert r.status_index is not None and 0 <= r.status_index < issuing.STATUS_LIST_SIZE == 131072
        assert payload(r.credential_jws)["credentialStatus"] == {
            "id": f"{LIST_URL}#{r.status_index}",
            "type": "BitstringStatusListEntry",
            "statusPurpose": "revocation",
            "statusListIndex": str(r.status_index),
            "statusListCredential": LIST_URL,
        }


def test_without_an_issuer_url_there_is_no_status(key: issuing.SigningKey, tmp_path: pathlib.Path) -> None:
    ev = smart.demo_cohort().evaluate(AS_OF)
    reg = issuing.Register(tmp_path / "r.jsonl")
    r, _ = reg.issue(issuing.certificate_data(ev, "p01"), issuing.Issuer(id=key.did, name="K"), key, AS_OF, "nb")
    assert r.status_list is None and r.status_index is None
    assert "credentialStatus" not in payload(r.credential_jws)


def test_a_credential_with_status_validates_against_the_official_ob3_schema(
    issued: tuple[issuing.Register, issuing.Issuer, list[issuing.CertificateRecord]],
) -> None:
    credential = issuing.open_badge_credential(issued[2][0])
    assert "credentialStatus" in credential
    validate_ob3_credential(credential)


def test_the_list_sets_the_bits_of_revoked_and_corrected_certificates(
    key: issuing.SigningKey, issued: tuple[issuing.Register, issuing.Issuer, list[issuing.CertificateRecord]]
) -> None:
    reg, issuer, (a, b, c) = issued
    empty = issuing.status_list_credential(reg, issuer, key, LIST_URL, "2025-05-01")
    p = payload(empty)
    assert p["type"] == ["VerifiableCredential", "BitstringStatusListCredential"]
    assert p["issuer"] == issuer.id and p["id"] == LIST_URL and "validUntil" not in p
    assert p["credentialSubject"]["id"] == LIST_URL + "#list"
    assert len(bits_of(empty)) == 16384 and not any(bits_of(empty))
    assert issuing.verify(a.credential_jws, [key], status_list=empty).status == "valid"

    reg.revoke(a.serial, "Utstedt ved en feil", datetime.date(2025, 5, 2))
    ev = smart.demo_cohort().evaluate(AS_OF)
    b2 = reg.reissue(b.serial, issuing.certificate_data(ev, "p02"), issuer, key, "2025-05-03", "nb", reason="Feil navn")
    assert b2.status_index not in (a.status_index, b.status_index, c.status_index)
    after = issuing.status_list_credential(reg, issuer, key, LIST_URL, datetime.date(2025, 5, 3))
    bits = bits_of(after)
    assert bit(bits, a.status_index) and bit(bits, b.status_index)
    assert not bit(bits, c.status_index) and not bit(bits, b2.status_index)
    assert sum(bin(x).count("1") for x in bits) == 2
    assert "Kari" not in after and a.data.holder not in json.dumps(p)
    # without the register
    v = issuing.verify(a.credential_jws, [key], status_list=after)
    assert v.status == "revoked" and v.text("en") == "Revoked: the issuer's public revocation list says so."
    assert issuing.verify(b.credential_jws, [key], status_list=after).status == "revoked"
    assert issuing.verify(c.credential_jws, [key], status_list=after).status == "valid"
    assert issuing.verify(b2.credential_jws, [key], status_list=after).status == "valid"
    # a list signed by another key, or for another URL, proves nothing
    forged = issuing.status_list_credential(reg, issuer, issuing.generate_signing_key(), LIST_URL, "2025-05-03")
    assert issuing.verify(a.credential_jws, [key], status_list=forged).status == "unknown_key"
    moved = issuing.status_list_credential(reg, issuer, key, URL + "/other.jwt", "2025-05-03")
    assert issuing.verify(c.credential_jws, [key], status_list=moved).status == "tampered"


def test_openbadgeslib_reads_the_published_list_without_the_register(
    key: issuing.SigningKey,
    issued: tuple[issuing.Register, issuing.Issuer, list[issuing.CertificateRecord]],
    served: tuple[pathlib.Path, str],
) -> None:
    from openbadgeslib.ob3 import OB3VerificationError, OB3Verifier

    reg, issuer, (a, b, _) = issued
    root, base = served
    (root / ".well-known").mkdir()
    (root / ".well-known" / "did.json").write_text(issuing.did_document(key, URL))
    (root / "status").mkdir()
    fetched: list[str] = []

    def fetch(url: str) -> bytes:
        import urllib.request

        fetched.append(url)
        assert url.startswith(URL + "/")
        with urllib.request.urlopen(base + url[len(URL) :], timeout=10) as response:  # noqa: S310 (local server)
            return bytes(response.read())

    def publish() -> None:
        (root / "status" / "revocation.jwt").write_text(
            issuing.status_list_credential(reg, issuer, key, LIST_URL, datetime.date.today())
        )

    publish()
    verifier = OB3Verifier.for_issuer_did(issuer.id, download=fetch)
    assert verifier.verify(a.credential_jws, check_status=True, download=fetch).issuer.id == issuer.id
    assert LIST_URL in fetched
    reg.revoke(a.serial, "Utstedt ved en feil", datetime.date(2025, 5, 2))
    publish()
    with pytest.raises(OB3VerificationError, match="revocation"):
        verifier.verify(a.credential_jws, check_status=True, download=fetch)
    verifier.verify(b.credential_jws, check_status=True, download=fetch)  # still valid


def test_cli_status_list_and_verify_with_it(
    key: issuing.SigningKey,
    issued: tuple[issuing.Register, issuing.Issuer, list[issuing.CertificateRecord]],
    tmp_path: pathlib.Path,
) -> None:
    reg, issuer, (a, _, _) = issued
    register = str(tmp_path / "register.jsonl")
    key_file = tmp_path / "keys" / "issuer.key.json"
    key_file.parent.mkdir()
    issuing.save_signing_key(key, key_file)
    token = tmp_path / "a.jwt"
    token.write_text(a.credential_jws)
    out = tmp_path / "revocation.jwt"
    cmd = ["status-list", register, "--key", str(key_file), "--issuer-url", URL, "--out", str(out)]
    status, text, err = smart_cli(*cmd)
    assert status == 0, err
    assert "3 certificates" in text and "0 no longer valid" in text
    verify = ["verify", str(token), "--key", str(key_file), "--status-list", str(out)]
    status, text, _ = smart_cli(*verify)
    assert status == 0 and "Gyldig" in text
    status, text, _ = smart_cli("revoke", a.serial, "--reason", "Feil", "--register", register)
    assert status == 0 and "smart status-list" in text
    assert smart_cli(*cmd)[0] == 0
    status, text, _ = smart_cli(*verify)
    assert status == 1 and "Trukket tilbake" in text
    assert payload(out.read_text().strip())["issuer"] == issuer.id
    status, _, err = smart_cli("verify", str(token), "--key", str(key_file), "--status-list", str(tmp_path / "none"))
    assert status == 1 and "cannot read the status list" in err
    document = tmp_path / "a.json"
    document.write_text(json.dumps(issuing.open_badge_credential(a)))
    status, _, err = smart_cli("verify", str(document), "--key", str(key_file), "--status-list", str(out))
    assert status == 1 and "give the .jwt" in err

"""Issuer keys strangers can resolve: ES256 keys, did:key and did:web issuers, tokens
whose header carries no key — checked with independent verifiers (jwcrypto, joserfc,
multiformats, pydid, openbadgeslib), never with the project's own resolver; and Ed25519
keys and EdDSA tokens made before still verify."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import pathlib
import stat
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

import smart
from smart import issuing
from smart.cli import run as cli_run

ISSUED_ON = "2025-04-30"


def b64e(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def b64d(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def issue(key: issuing.SigningKey, issuer: issuing.Issuer, tmp_path: pathlib.Path) -> issuing.CertificateRecord:
    ev = smart.demo_cohort().evaluate(ISSUED_ON)
    reg = issuing.Register(tmp_path / f"register-{key.key_id[-6:]}.jsonl")
    record, _ = reg.issue(issuing.certificate_data(ev, "p01"), issuer, key, ISSUED_ON, "nb")
    return record


def independent_key_of_did(did_url: str) -> ec.EllipticCurvePublicKey:
    """Resolves a did:key URL with pydid (the DID URL) and multiformats (the multikey)."""
    from multiformats import multibase, multicodec
    from pydid import DID, DIDUrl

    url = DIDUrl.parse(did_url)
    did = DID(url.did)
    assert did.method == "key" and url.fragment == did.method_specific_id
    codec, raw = multicodec.unwrap(multibase.decode(did.method_specific_id))
    assert codec.name == "p256-pub" and len(raw) == 33
    return ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), raw)


def resign(token: str, new_payload: dict[str, Any], attacker: ec.EllipticCurvePrivateKey) -> str:
    """The payload re-signed with an attacker's key, the attacker's jwk in the header, the kid kept."""
    header = jwt.get_unverified_header(token)
    header["jwk"] = json.loads(jwt.algorithms.ECAlgorithm.to_jwk(attacker.public_key()))
    return jwt.encode(new_payload, attacker, algorithm="ES256", headers=header)


@pytest.fixture(scope="module")
def key() -> issuing.SigningKey:
    return issuing.generate_signing_key()


def test_a_new_key_is_es256_and_its_did_is_its_did_key(key: issuing.SigningKey) -> None:
    assert key.algorithm == issuing.KeyAlgorithm.es256 == "ES256"
    assert key.public_key.algorithm == "ES256"
    assert key.did.startswith("did:key:zDn") and key.did == key.public_key.did == "did:key:" + key.key_id
    assert key.public_key.multibase == key.key_id
    secret = json.loads(key.to_json())
    assert secret["format"] == "smart.signing-key/2"
    assert (secret["kty"], secret["crv"], secret["alg"], secret["kid"]) == ("EC", "P-256", "ES256", key.key_id)
    public = json.loads(key.public_key.to_json())
    assert public["format"] == "smart.public-key/2" and "d" not in public
    # the JWK is the key multiformats finds in the did:key
    pub = independent_key_of_did(key.did + "#" + key.key_id)
    numbers = pub.public_numbers()
    assert (b64e(numbers.x.to_bytes(32, "big")), b64e(numbers.y.to_bytes(32, "big"))) == (public["x"], public["y"])
    assert issuing.resolve_did_key(key.did) == key.public_key
    ed = issuing.generate_signing_key("Ed25519")
    assert ed.algorithm == issuing.KeyAlgorithm.ed25519 and ed.did.startswith("did:key:z6Mk")
    assert secret["d"] not in repr(key) and secret["d"] not in str(key)  # the secret never shows


def test_jwcrypto_and_joserfc_verify_a_credential_with_the_key_resolved_from_its_did(
    key: issuing.SigningKey, tmp_path: pathlib.Path
) -> None:
    from joserfc import jws as joserfc_jws
    from joserfc.jwk import ECKey
    from jwcrypto import jwk as jwcrypto_jwk
    from jwcrypto import jws as jwcrypto_jws

    default = issuing.Issuer(id=key.did, name="Eksempel kommune")
    record = issue(key, default, tmp_path)
    header = jwt.get_unverified_header(record.credential_jws)
    assert header == {"alg": "ES256", "typ": "JWT", "kid": key.did + "#" + key.key_id}
    pub = independent_key_of_did(header["kid"])

    j = jwcrypto_jws.JWS()
    j.deserialize(record.credential_jws)
    j.verify(jwcrypto_jwk.JWK.from_pyca(pub), alg="ES256")
    payload = json.loads(j.payload)
    assert payload["issuer"]["id"] == payload["iss"] == key.did

    pem = pub.public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo)
    obj = joserfc_jws.deserialize_compact(record.credential_jws, ECKey.import_key(pem), algorithms=["ES256"])
    assert json.loads(obj.payload)["id"] == f"urn:smart:certificate:{record.serial}"

    forged = dict(payload, name="Forfalsket")
    attacker = ec.generate_private_key(ec.SECP256R1())
    bad = resign(record.credential_jws, forged, attacker)
    j = jwcrypto_jws.JWS()
    j.deserialize(bad)
    with pytest.raises(jwcrypto_jws.InvalidJWSSignature):
        j.verify(jwcrypto_jwk.JWK.from_pyca(pub), alg="ES256")


def test_openbadgeslib_accepts_a_did_key_credential_and_refuses_a_resigned_one(
    key: issuing.SigningKey, tmp_path: pathlib.Path
) -> None:
    from openbadgeslib.ob3 import OB3VerificationError, OB3Verifier

    record = issue(key, issuing.Issuer(id=key.did, name="Eksempel kommune"), tmp_path)
    credential = OB3Verifier.for_issuer_did(key.did).verify(record.credential_jws)
    assert credential.issuer.id == key.did

    payload = jwt.decode(record.credential_jws, options={"verify_signature": False})
    payload["credentialSubject"]["identifier"][0]["identityHash"] = "Mallory"
    bad = resign(record.credential_jws, payload, ec.generate_private_key(ec.SECP256R1()))
    with pytest.raises(OB3VerificationError):
        OB3Verifier.for_issuer_did(key.did).verify(bad)
    ours = issuing.verify(bad, [key.did])
    assert ours.status == issuing.VerificationStatus.tampered and ours.credential is None
    assert issuing.verify(record.credential_jws, [key.did]).status == "valid"
    # a generic verifier that trusts the header's jwk would accept it: ours never does
    assert jwt.decode(bad, jwt.PyJWK(jwt.get_unverified_header(bad)["jwk"]).key, algorithms=["ES256"])


def test_openbadgeslib_reads_our_did_web_document(key: issuing.SigningKey, tmp_path: pathlib.Path) -> None:
    from openbadgeslib.ob3 import OB3VerificationError, OB3Verifier
    from pydid import deserialize_document

    url = "https://kommune.example/smart"
    did = issuing.did_web(url)
    assert did == "did:web:kommune.example:smart"
    document = issuing.did_document(key, url)
    doc = deserialize_document(json.loads(document))
    assert str(doc.id) == did
    assert [str(m) for m in doc.assertion_method or []] == [f"{did}#{key.key_id}"]
    fetched: list[str] = []

    def download(address: str) -> bytes:
        fetched.append(address)
        return document.encode()

    record = issue(key, issuing.Issuer(id=did, name="Eksempel kommune", url=url), tmp_path)
    assert jwt.get_unverified_header(record.credential_jws)["kid"] == f"{did}#{key.key_id}"
    credential = OB3Verifier.for_issuer_did(did, download=download).verify(record.credential_jws)
    assert credential.issuer.id == did
    assert fetched[0] == issuing.did_web_document_url(did) == "https://kommune.example/smart/did.json"

    other = issuing.did_document(issuing.generate_signing_key(), url)
    with pytest.raises(OB3VerificationError):
        OB3Verifier.for_issuer_did(did, download=lambda _: other.encode()).verify(record.credential_jws)

    published = tmp_path / "did.json"
    published.write_text(document)
    keys = issuing.load_did_document(published)
    assert issuing.verify(record.credential_jws, keys).status == "valid"
    assert issuing.verify(record.credential_jws, [issuing.generate_signing_key()]).status == "unknown_key"


def old_key_files(tmp_path: pathlib.Path) -> tuple[Ed25519PrivateKey, str, pathlib.Path, pathlib.Path]:
    """An Ed25519 key in the /1 files as the code before wrote them, made without this project."""
    private = Ed25519PrivateKey.generate()
    seed = private.private_bytes_raw()
    public = private.public_key().public_bytes_raw()
    key_id = "smart-" + hashlib.blake2b(public, digest_size=8).hexdigest()
    secret_file = tmp_path / "old.key.json"
    secret_file.write_text(json.dumps({"format": "smart.signing-key/1", "algorithm": "Ed25519", "key_id": key_id,
                                       "public": b64e(public), "secret": b64e(seed + public)}))  # fmt: skip
    public_file = tmp_path / "old.pub.json"
    public_file.write_text(json.dumps({"format": "smart.public-key/1", "algorithm": "Ed25519", "key_id": key_id,
                                       "public": b64e(public)}))  # fmt: skip
    return private, key_id, secret_file, public_file


def test_an_old_ed25519_key_and_its_eddsa_tokens_still_verify(tmp_path: pathlib.Path) -> None:
    private, key_id, secret_file, public_file = old_key_files(tmp_path)
    old = issuing.load_signing_key(secret_file)
    assert old.algorithm == "Ed25519" and old.key_id == key_id
    pub = issuing.load_public_key(public_file)
    assert pub == old.public_key

    # a token as the code before made it: alg EdDSA, kid smart-…, the key in the header
    record = issue(old, issuing.Issuer(id="urn:smart:provider:smart-trener-2024", name="Kommune"), tmp_path)
    payload = jwt.decode(record.credential_jws, options={"verify_signature": False})
    old_header = {"kid": key_id, "jwk": {"kty": "OKP", "crv": "Ed25519", "x": b64e(private.public_key().public_bytes_raw())}}
    old_token = jwt.encode(payload, private, algorithm="EdDSA", headers=old_header)
    assert jwt.get_unverified_header(old_token)["alg"] == "EdDSA"
    v = issuing.verify(old_token, [pub])
    assert v.status == "valid" and v.key_id == key_id

    # what it signs now is alg Ed25519 under its did:key, and verifies
    header = jwt.get_unverified_header(record.credential_jws)
    assert header == {"alg": "Ed25519", "typ": "JWT", "kid": old.did + "#" + old.public_key.multibase}
    assert issuing.verify(record.credential_jws, [pub]).status == "valid"
    # an Ed25519 signature never passes as ES256, nor an ES256 one as EdDSA
    swapped = jwt.encode(payload, private, algorithm="EdDSA", headers={"kid": key_id})
    h, p, s = swapped.split(".")
    as_es256 = b64e(json.dumps({"alg": "ES256", "kid": key_id}).encode())
    assert issuing.verify(f"{as_es256}.{p}.{s}", [pub]).status == "tampered"
    es = issuing.generate_signing_key()
    es_token = issue(es, issuing.Issuer(id=es.did, name="K"), tmp_path).credential_jws
    _, p2, s2 = es_token.split(".")
    for alg in ("EdDSA", "Ed25519", "none", "HS256"):
        forged_header = b64e(json.dumps({"alg": alg, "kid": es.did + "#" + es.key_id}).encode())
        assert issuing.verify(f"{forged_header}.{p2}.{s2}", [es]).status == "tampered", alg


def test_a_secret_key_file_is_no_public_key(key: issuing.SigningKey, tmp_path: pathlib.Path) -> None:
    secret = tmp_path / "issuer.key.json"
    issuing.save_signing_key(key, secret)
    with pytest.raises(smart.ValidationError, match="this is a secret key; give the public key file") as info:
        issuing.load_public_key(secret)
    assert "issuer.pub.json" in str(info.value) and json.loads(secret.read_text())["d"] not in str(info.value)


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = cli_run(list(args), out, err)
    return status, out.getvalue(), err.getvalue()


def test_cli_keygen_issue_and_verify_with_dids(tmp_path: pathlib.Path) -> None:
    keys = tmp_path / "keys"
    status, out, err = run("keygen", str(keys / "issuer.key.json"), "--issuer-url", "https://kommune.example",
                           )  # fmt: skip
    assert status == 0, err
    lines = out.splitlines()
    assert lines[0] == str(keys / "issuer.pub.json") and lines[1] == "issuer: did:web:kommune.example"
    assert "https://kommune.example/.well-known/did.json" in lines[2]
    did_json = keys / "did.json"
    assert stat.S_IMODE(did_json.stat().st_mode) == 0o644
    assert json.loads(did_json.read_text())["id"] == "did:web:kommune.example"
    assert "\"d\"" not in did_json.read_text()
    status, _, err = run("keygen", str(keys / "second.key.json"), "--issuer-url", "https://kommune.example",
                         )  # fmt: skip
    assert status == 1 and "did.json exists" in err and not (keys / "second.key.json").exists()
    status, _, err = run("keygen", str(tmp_path / "x.key.json"), "--issuer-url", "http://kommune.example")
    assert status == 1 and "https" in err and "Traceback" not in err

    out_dir = tmp_path / "out"
    demo = pathlib.Path(__file__).parents[2] / "examples" / "cohorts" / "trener-2024-demo.json"
    status, _, err = run("issue", str(demo), "--out", str(out_dir), "--key", str(keys / "issuer.key.json"),
                         "--as-of", ISSUED_ON, "--issuer-url", "https://kommune.example", "--no-progress",
                         )  # fmt: skip
    assert status == 0, err
    token_file = sorted(out_dir.glob("SMART-*.jwt"))[0]
    assert json.loads(token_file.with_suffix(".json").read_text())["issuer"]["id"] == "did:web:kommune.example"
    status, out, _ = run("verify", str(token_file), "--did-document", str(did_json))
    assert status == 0 and "status: valid" in out and "did:web:kommune.example#" in out
    status, out, err = run("verify", str(token_file), "--public-key", str(keys / "issuer.key.json"))
    assert status == 1 and "this is a secret key; give the public key file" in err and "issuer.pub.json" in err
    status, out, err = run("verify", str(token_file), "--issuer", "did:web:kommune.example")
    assert status == 1 and "--did-document" in err

    # without --issuer-url the issuer is the key's did:key, which a verifier gives as --issuer
    other = tmp_path / "other"
    status, out, err = run("keygen", str(other / "k.key.json"))
    did = out.splitlines()[1].removeprefix("issuer: ")
    assert status == 0 and did.startswith("did:key:zDn")
    status, _, err = run("issue", str(demo), "--out", str(other / "out"), "--key", str(other / "k.key.json"),
                         "--as-of", ISSUED_ON, "--no-progress")  # fmt: skip
    assert status == 0, err
    token_file = sorted((other / "out").glob("SMART-*.jwt"))[0]
    status, out, _ = run("verify", str(token_file), "--issuer", did)
    assert status == 0 and f"({did})" in out
    status, out, _ = run("verify", str(token_file), "--did-document", str(did_json))
    assert status == 1 and "status: unknown_key" in out
    status, _, err = run("issue", str(demo), "--out", str(tmp_path / "o3"), "--key", str(other / "k.key.json"),
                         "--as-of", ISSUED_ON, "--issuer-id", "not a uri", "--no-progress")  # fmt: skip
    assert status == 1 and "not a URI" in err


def test_public_key_pem_is_the_jwks_point_as_cryptography_reads_it() -> None:
    # The core's SubjectPublicKeyInfo PEM against the key's JWK (x, y) read by cryptography,
    # the way the PDF signature check compares signer keys.
    from cryptography.hazmat.primitives import serialization

    key = issuing.generate_signing_key().public_key
    jwk = json.loads(key.to_json())

    def number(b64: str) -> int:
        return int.from_bytes(base64.urlsafe_b64decode(b64 + "=" * (-len(b64) % 4)), "big")

    expected = ec.EllipticCurvePublicNumbers(number(jwk["x"]), number(jwk["y"]), ec.SECP256R1()).public_key()
    pem = key.public_key_pem()
    assert pem.startswith(b"-----BEGIN PUBLIC KEY-----")
    got = serialization.load_pem_public_key(pem)
    spki = Encoding.DER, PublicFormat.SubjectPublicKeyInfo
    assert got.public_bytes(*spki) == expected.public_bytes(*spki)
    with pytest.raises(smart.InvalidArgumentError, match="Ed25519"):
        issuing.generate_signing_key("Ed25519").public_key.public_key_pem()

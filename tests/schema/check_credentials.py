"""Checks issued Open Badges 3.0 credentials without the project's own code.

    python check_credentials.py ISSUE_DEMO_BINARY SHARED_OPENBADGES_DIR WORK_DIR

Runs the C++ example issue_demo into WORK_DIR, then, for every credential:
- validates the signed JSON against the official OB 3.0 AchievementCredential schema
  (../shared/openbadges/, with the jsonschema package), and
- verifies the compact JWS (VC-JWT, alg ES256) with PyJWT + cryptography — an
  independent implementation — using the public key file (a JWK), checks that the header
  names the key by the issuer's did:key URL and carries no key, that the JWT payload is
  exactly the credential JSON, and that a tampered token is refused.
Prints "N passed, M failed" and exits non-zero on any failure.
"""

from __future__ import annotations

import base64
import json
import pathlib
import shutil
import subprocess
import sys

import jsonschema
import jwt


def b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def main() -> int:
    binary, shared, work = sys.argv[1], pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    key_file = work / "signing-key.json"
    out = work / "out"
    subprocess.run([binary, "--out", str(out), "--new-key", str(key_file), "--as-of", "2025-04-30", "--lang", "nb"],
                   check=True)
    schema = json.loads((shared / "ob_v3p0_achievementcredential.schema.json").read_text())
    validator_cls = jsonschema.validators.validator_for(schema)
    validator = validator_cls(schema, format_checker=validator_cls.FORMAT_CHECKER)
    public = json.loads((out / "public-key.json").read_text())
    key = jwt.algorithms.ECAlgorithm.from_jwk(json.dumps({k: public[k] for k in ("kty", "crv", "x", "y")}))

    passed = failed = 0

    def check(ok: bool, what: str) -> None:
        nonlocal passed, failed
        if ok:
            passed += 1
        else:
            failed += 1
            print(f"FAIL {what}")

    tokens = sorted(out.glob("SMART-*.jwt"))
    check(len(tokens) == 24, f"24 credentials issued (got {len(tokens)})")
    check(not any(p.name.startswith("signing-key") for p in out.iterdir()), "no key in the output folder")
    for token_file in tokens:
        token = token_file.read_text().strip()
        credential = json.loads(token_file.with_suffix(".json").read_text())
        errors = sorted(validator.iter_errors(credential), key=lambda e: list(e.path))
        check(not errors, f"{token_file.name} validates against the OB 3.0 schema: {[e.message for e in errors[:3]]}")
        header = jwt.get_unverified_header(token)
        did = "did:key:" + public["kid"]
        check(
            header == {"alg": "ES256", "typ": "JWT", "kid": did + "#" + public["kid"]}
            and credential["issuer"]["id"] == did,
            f"{token_file.name} header",
        )
        try:
            claims = jwt.decode(token, key=key, algorithms=["ES256"], options={"verify_aud": False})
            check(True, "")
        except jwt.PyJWTError as exc:
            check(False, f"{token_file.name} verifies with PyJWT: {exc}")
            continue
        check(claims["iss"] == credential["issuer"]["id"], f"{token_file.name} iss claim")
        check(claims["jti"] == credential["id"], f"{token_file.name} jti claim")
        check(all(claims[k] == v for k, v in credential.items()), f"{token_file.name} payload is the credential")
        head, payload, sig = token.split(".")
        forged = json.loads(b64url_decode(payload))
        forged["credentialSubject"]["identifier"][0]["identityHash"] += "x"
        forged_payload = base64.urlsafe_b64encode(json.dumps(forged).encode()).rstrip(b"=").decode()
        try:
            jwt.decode(f"{head}.{forged_payload}.{sig}", key=key, algorithms=["ES256"])
            check(False, f"{token_file.name}: a tampered token was accepted")
        except jwt.InvalidSignatureError:
            check(True, "")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

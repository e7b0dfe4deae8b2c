"""Writes tests/capi/forged_token.h: a credential signed with ES256 by a fresh P-256 key
(its issuer the key's did:key), and the same credential with another holder re-signed by
an attacker's key, the attacker's jwk in its header and the genuine kid. Made with PyJWT
and cryptography, not with this project. Run once: .venv/bin/python tests/capi/make_forged_token.py"""

import json
import pathlib

import jwt
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def b58(data: bytes) -> str:
    n = int.from_bytes(data, "big")
    out = ""
    while n:
        n, r = divmod(n, 58)
        out = B58[r] + out
    return "1" * (len(data) - len(data.lstrip(b"\0"))) + out


def main() -> None:
    genuine = ec.generate_private_key(ec.SECP256R1())
    attacker = ec.generate_private_key(ec.SECP256R1())
    mb = "z" + b58(b"\x80\x24" + genuine.public_key().public_bytes(Encoding.X962, PublicFormat.CompressedPoint))
    did = "did:key:" + mb
    payload = {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "id": "urn:smart:certificate:SMART-0000-0000-0000",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": did, "type": ["Profile"], "name": "Eksempel kommune"},
        "credentialSubject": {"identifier": [{"identityHash": "Kari Nordmann", "identityType": "name"}]},
        "iss": did,
        "jti": "urn:smart:certificate:SMART-0000-0000-0000",
        "nbf": 1745971200,
    }
    headers = {"kid": did + "#" + mb, "typ": "JWT"}
    good = jwt.encode(payload, genuine, algorithm="ES256", headers=headers)
    payload["credentialSubject"]["identifier"][0]["identityHash"] = "Mallory"
    attacker_jwk = json.loads(jwt.algorithms.ECAlgorithm.to_jwk(attacker.public_key()))
    forged = jwt.encode(payload, attacker, algorithm="ES256", headers={**headers, "jwk": attacker_jwk})
    out = pathlib.Path(__file__).with_name("forged_token.h")
    out.write_text(
        "/* Made by tests/capi/make_forged_token.py (PyJWT, cryptography): see there. */\n"
        f'#define FORGED_TOKEN_ISSUER "{did}"\n'
        f'#define GENUINE_TOKEN "{good}"\n'
        f'#define FORGED_TOKEN "{forged}"\n'
    )


if __name__ == "__main__":
    main()

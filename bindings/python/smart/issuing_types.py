"""The types of issuing (the core's classes, and the enums that compare to their names),
shared by the modules of :mod:`smart.issuing`."""

from __future__ import annotations

import enum

from ._core import _smart

__all__ = [
    "CertificateData",
    "CertificateRecord",
    "CertifiedRequirement",
    "IssueOutcome",
    "Issuer",
    "KeyAlgorithm",
    "PublicKey",
    "RecordStatus",
    "Register",
    "SigningKey",
    "VerificationStatus",
    "Wording",
]

_iss = _smart.issuing

PublicKey = _iss.PublicKey
SigningKey = _iss.SigningKey
Issuer = _iss.Issuer
CertificateData = _iss.CertificateData
CertifiedRequirement = _iss.CertifiedRequirement
CertificateRecord = _iss.CertificateRecord
Wording = _iss.Wording
Register = _iss.Register


class _NamedEnum(str, enum.Enum):
    """An enum whose members compare to, print as and format as their names."""

    def __str__(self) -> str:
        return str(self.value)

    def __format__(self, spec: str) -> str:
        return format(self.value, spec)


class KeyAlgorithm(_NamedEnum):
    """What a key signs with: its JOSE algorithm (RFC 9864)."""

    es256 = "ES256"
    ed25519 = "Ed25519"


class RecordStatus(_NamedEnum):
    """A record's status in the register."""

    valid = "valid"
    revoked = "revoked"
    replaced = "replaced"


class VerificationStatus(_NamedEnum):
    """What verifying a credential found."""

    valid = "valid"
    revoked = "revoked"
    replaced = "replaced"
    tampered = "tampered"
    unknown_key = "unknown_key"
    unsigned = "unsigned"  # a PDF without a PDF signature whose words are the register's (faces that read PDFs)


class IssueOutcome(_NamedEnum):
    """What a bulk run did for one participant (the core's ``issue_outcome``)."""

    issued = "issued"
    already_issued = "already_issued"
    not_eligible = "not_eligible"
    in_progress = "in_progress"
    no_certificate = "no_certificate"
    revoked = "revoked"
    too_early = "too_early"
    withdrawn = "withdrawn"
    reissued = "reissued"
    not_printable = "not_printable"

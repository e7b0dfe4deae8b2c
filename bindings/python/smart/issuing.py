"""Issuing certificates: keys, frozen records, signed credentials, verification, the register.

The C++ core does the work (``include/smart/issuing.hpp``, ``docs/certificates.md``): it
makes the frozen records and their serials, signs the Open Badges 3.0 credential as a
VC-JWT (ES256; its issuer the key's did:key or the issuer's did:web), verifies, keeps the append-only register (locking it with ``flock`` and
appending atomically) and decides who of a cohort gets a certificate. This package hands
Python objects to it and lays out the documents; one module per job:

- :mod:`smart.issuing_types` — the core's classes and the status enums;
- :mod:`smart.issuing_keys` — key pairs and key files;
- :mod:`smart.issuing_documents` — what a certificate states, its words and its files;
- :mod:`smart.issuing_verify` — verifying a token, a credential document or a PDF;
- :mod:`smart.issuing_bulk` — :func:`issue_cohort`, the bulk run (``smart issue``);
- :mod:`smart.issuing_correct` — :func:`reissue_certificate`, the one-step correction
  (``smart reissue``).

::

    import smart
    from smart import issuing

    key = issuing.generate_signing_key()
    issuing.save_signing_key(key, "issuer.key.json")        # mode 0600
    reg = issuing.Register("certs/register.jsonl")
    ev = smart.demo_cohort().evaluate("2025-04-30")
    data = issuing.certificate_data(ev, "p01")
    record, new = reg.issue(data, issuing.Issuer(id="urn:x", name="Eksempel kommune"), key, "2025-04-30", "nb")
    issuing.verify(record.credential_jws, [key.public_key], reg).status   # VerificationStatus.valid
"""

from __future__ import annotations

from .issuing_bulk import REPORT_FIELDS, IssueReport, issue_cohort
from .issuing_correct import reissue_certificate
from .issuing_documents import (
    certificate_data,
    certificate_text,
    document_paths,
    open_badge_credential,
    verification_token,
    wording,
    write_documents,
)
from .issuing_keys import (
    did_document,
    did_web,
    did_web_document_url,
    generate_signing_key,
    load_did_document,
    load_public_key,
    load_signing_key,
    public_key_path,
    resolve_did_key,
    save_did_document,
    save_public_key,
    save_signing_key,
)
from .issuing_status import STATUS_LIST_SIZE, status_list_credential, status_list_url
from .issuing_types import (
    CertificateData,
    CertificateRecord,
    CertifiedRequirement,
    IssueOutcome,
    Issuer,
    KeyAlgorithm,
    PublicKey,
    RecordStatus,
    Register,
    SigningKey,
    VerificationStatus,
    Wording,
)
from .issuing_verify import Verification, verify, verify_code, verify_document, verify_pdf, verify_site_token

__all__ = [
    "REPORT_FIELDS",
    "STATUS_LIST_SIZE",
    "CertificateData",
    "CertificateRecord",
    "CertifiedRequirement",
    "IssueOutcome",
    "IssueReport",
    "Issuer",
    "KeyAlgorithm",
    "PublicKey",
    "RecordStatus",
    "Register",
    "SigningKey",
    "Verification",
    "VerificationStatus",
    "Wording",
    "certificate_data",
    "certificate_text",
    "did_document",
    "did_web",
    "did_web_document_url",
    "document_paths",
    "generate_signing_key",
    "issue_cohort",
    "load_did_document",
    "load_public_key",
    "load_signing_key",
    "open_badge_credential",
    "public_key_path",
    "reissue_certificate",
    "resolve_did_key",
    "save_did_document",
    "save_public_key",
    "save_signing_key",
    "status_list_credential",
    "status_list_url",
    "verify",
    "verify_code",
    "verify_site_token",
    "verification_token",
    "verify_document",
    "verify_pdf",
    "wording",
    "write_documents",
]

"""The certificate commands of the command line: ``smart keygen``, ``smart issue``,
``smart verify`` and ``smart revoke`` (wired into :mod:`smart.cli` by :func:`add_commands`).

Exit status: 0 on success (for ``verify``: the credential is valid), 1 for bad input (a
missing or wrong key, a file that does not load) and for a credential that is not valid
(revoked, replaced, tampered, unknown key, an unsigned PDF), 2 for a usage error. Key material is never
printed: messages name files, not keys.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import pathlib
from typing import TYPE_CHECKING, TextIO

from ._core import _smart
from .cohort import load_cohort
from .enums import Lang
from .errors import SmartError
from .issuing import (
    Issuer,
    PublicKey,
    Register,
    Verification,
    VerificationStatus,
    generate_signing_key,
    issue_cohort,
    load_public_key,
    load_signing_key,
    save_signing_key,
    verify,
    verify_document,
    verify_pdf,
)
from .issuing_bulk import _tqdm_progress

if TYPE_CHECKING:
    from .pdf_sign import PdfSigner

__all__ = ["add_commands"]


def _date(text: str) -> datetime.date:
    try:
        day: datetime.date = _smart.schedule.parse_date(text)
    except SmartError as exc:
        raise argparse.ArgumentTypeError(exc.message) from exc
    return day


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Adds keygen, issue, verify and revoke to the ``smart`` command's subparsers. Each
    parser sets ``issue_handler(args, out, err) -> int``."""
    _add_keygen(sub)
    _add_issue(sub)
    _add_verify(sub)
    _add_revoke(sub)


def _add_keygen(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    kg = sub.add_parser(
        "keygen",
        help="make a signing key pair",
        description="Make an Ed25519 signing key pair: the secret key file (mode 0600) and the public key "
        "file beside it (NAME.key.json -> NAME.pub.json; otherwise KEYFILE.pub.json). Prints the public "
        "key file's path. Existing files are never overwritten.",
    )
    kg.add_argument("keyfile", metavar="KEYFILE", help="the secret key file to write, e.g. issuer.key.json")
    kg.set_defaults(issue_handler=_keygen)


def _add_issue(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    iss = sub.add_parser(
        "issue",
        help="issue certificates to the eligible participants of a cohort",
        description="Issue a certificate to every eligible participant of a cohort: the record in the "
        "register DIR/register.jsonl (append-only, the source of truth), and per certificate "
        "DIR/SERIAL.pdf, DIR/SERIAL.json (Open Badges 3.0) and DIR/SERIAL.jwt (the signed token). "
        "Who got none and why: DIR/not-issued.csv. Re-running issues nothing twice: it renders "
        "whatever is missing from the stored records.",
    )
    iss.add_argument("file", metavar="COHORT", help="a smart.cohort/1 document")
    iss.add_argument("--out", required=True, metavar="DIR", help="output folder (holds the register)")
    iss.add_argument("--key", required=True, metavar="KEYFILE", help="the secret key file (never inside DIR)")
    iss.add_argument("--lang", choices=[x.value for x in Lang], default="nb", help="language of new certificates")
    iss.add_argument(
        "--as-of", type=_date, default=None, metavar="DATE", help="evaluation and issue date (default: today)"
    )
    iss.add_argument("--issuer-id", metavar="URI", help="the issuer's id, https://… or urn:…")
    iss.add_argument("--issuer-name", metavar="NAME", help="the issuer's name (default: the programme's provider)")
    iss.add_argument(
        "--issuer-url", metavar="URL", help="the issuer's web address; the QR code then carries URL?serial=…&code=…"
    )
    iss.add_argument("--no-progress", action="store_true", help="no progress bar (shown only on a terminal)")
    iss.add_argument("--pdf-key", metavar="PEM", help="sign the PDFs with this private key (ECDSA P-256 or RSA, PEM)")
    iss.add_argument(
        "--pdf-cert", metavar="PEM", help="the --pdf-key's X.509 certificate, then its chain (PEM); needed with --pdf-key"
    )
    iss.add_argument(
        "--pdf-p12",
        metavar="FILE",
        help="sign the PDFs with the key, certificate and chain of a PKCS#12 file (password: SMART_PDF_PASSWORD)",
    )
    iss.set_defaults(issue_handler=_issue)


def _add_verify(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    ver = sub.add_parser(
        "verify",
        help="verify a certificate: its signed credential or its PDF",
        description="Verify a certificate's signed credential (the .jwt; a .json credential only with "
        "--register, which holds its signed token) or its PDF (with --register: the serial on the page must "
        "be a record of the register, and the words on the page exactly that record's). A PDF's own signature "
        "is checked first: broken, or the file changed after signing, is tampered; a signer that is not a "
        "--pdf-cert is unknown_key; no signature is tampered with --pdf-cert, else unsigned. Prints what was "
        "certified and the status; exits 0 only when it is valid.",
    )
    ver.add_argument("file", metavar="FILE", help="SERIAL.jwt, or SERIAL.json / SERIAL.pdf with --register")
    ver.add_argument(
        "--public-key", action="append", default=[], metavar="FILE", help="a trusted public key file (repeatable)"
    )
    ver.add_argument("--key", action="append", default=[], metavar="KEYFILE", help="trust this key file's public key")
    ver.add_argument("--register", metavar="FILE", help="the register (register.jsonl): revoked or replaced?")
    ver.add_argument(
        "--pdf-cert",
        action="append",
        default=[],
        metavar="PEM",
        help="a trusted certificate for PDF signatures: the issuer's, or its CA's (repeatable)",
    )
    ver.set_defaults(issue_handler=_verify)


def _add_revoke(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    rev = sub.add_parser(
        "revoke",
        help="revoke a certificate",
        description="Revoke a certificate in the register (an appended event: nothing is deleted).",
    )
    rev.add_argument("serial", metavar="SERIAL", help="SMART-XXXX-XXXX-XXXX")
    rev.add_argument("--reason", required=True, help="why (kept in the register)")
    rev.add_argument("--register", required=True, metavar="FILE", help="the register, DIR/register.jsonl")
    rev.add_argument("--date", type=_date, default=None, metavar="DATE", help="revocation date (default: today)")
    rev.set_defaults(issue_handler=_revoke)


def _fail(err: TextIO, message: str) -> int:
    err.write(f"smart: {message}\n")
    return 1


def _keygen(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    path = pathlib.Path(args.keyfile)
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        pub = save_signing_key(generate_signing_key(), path)  # the core never overwrites a key
    except FileExistsError as exc:
        return _fail(err, str(exc))
    except (OSError, SmartError) as exc:
        return _fail(err, f"cannot write the key: {exc}")
    out.write(f"{pub}\n")
    return 0


def _issue(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    out_dir = pathlib.Path(args.out)
    key_path = pathlib.Path(args.key)
    try:
        _smart.issuing.check_key_outside(key_path, out_dir)
        key = load_signing_key(key_path)
        pdf_signer = _pdf_signer(args)
        cohort = load_cohort(args.file)
        as_of = args.as_of or datetime.date.today()
        ev = cohort.evaluate(as_of)
        lang = Lang(args.lang)
        default = _smart.issuing.default_issuer(ev._e, lang)
        issuer = Issuer(
            id=args.issuer_id or default.id, name=args.issuer_name or default.name, url=args.issuer_url or ""
        )
        report = issue_cohort(
            ev,
            out_dir,
            key,
            issuer,
            issued_on=as_of,
            lang=lang,
            verify_url=args.issuer_url,
            key_file=key_path,
            progress=None if args.no_progress else _tqdm_progress(),
            pdf_signer=pdf_signer,
        )
    except SmartError as exc:
        return _fail(err, str(exc))
    except (OSError, ValueError) as exc:
        return _fail(err, str(exc))
    out.write(
        f"{len(report.issued)} issued, {len(report.existing)} already in the register, "
        f"{len(report.not_issued)} without a certificate (see {out_dir / 'not-issued.csv'}); "
        f"{len(report.written)} files written to {out_dir}\n"
    )
    return 0


def _pdf_signer(args: argparse.Namespace) -> PdfSigner | None:
    """The PDF signer of ``--pdf-key``/``--pdf-cert`` or ``--pdf-p12``, or None (unsigned
    PDFs). Raises ValueError for a missing or unusable file, before anything is issued."""
    if args.pdf_p12 and (args.pdf_key or args.pdf_cert):
        raise ValueError("give either --pdf-p12 or --pdf-key with --pdf-cert, not both")
    if args.pdf_p12:
        from .pdf_sign import load_pkcs12_signer

        password = os.environ.get("SMART_PDF_PASSWORD")
        return load_pkcs12_signer(args.pdf_p12, password.encode("utf-8") if password else None)
    if bool(args.pdf_key) != bool(args.pdf_cert):
        raise ValueError("--pdf-key and --pdf-cert go together: the key and its certificate (and chain)")
    if args.pdf_key:
        from .pdf_sign import load_pem_signer

        password = os.environ.get("SMART_PDF_PASSWORD")
        return load_pem_signer(args.pdf_key, args.pdf_cert, password.encode("utf-8") if password else None)
    return None


def _describe(v: Verification, out: TextIO) -> None:
    out.write(f"status: {v.status}\n")
    if v.serial:
        out.write(f"serial: {v.serial}\n")
    if v.credential is not None:
        s = _smart.issuing.summarize_credential(json.dumps(v.credential))
        out.write(f"holder: {s.holder}\n")
        out.write(f"certificate: {s.certificate}\n")
        out.write(f"period: {s.period_start} – {s.period_end}\n")
        out.write(f"issuer: {s.issuer_name} ({s.issuer_id})\n")
        out.write(f"issued: {s.issued_on}\n")
        for code, name in s.goals:
            out.write(f"  goal {code}: {name}\n")
        if s.requirements:
            out.write(f"requirements: {s.requirements}\n")
    if v.key_id:
        out.write(f"key: {v.key_id}\n")
    out.write(f"detail: {v.detail}\n")


def _verify(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    try:
        keys: list[PublicKey] = [load_public_key(p) for p in args.public_key]
        keys += [load_signing_key(p).public_key for p in args.key]
        if not keys:
            return _fail(err, "give the trusted key: --public-key FILE (or --key KEYFILE)")
        path = pathlib.Path(args.file)
        try:
            data = path.read_bytes()
        except OSError as exc:
            return _fail(err, f"cannot read {path}: {exc.strerror or exc}")
        reg: Register | None = None
        if args.register:
            if not pathlib.Path(args.register).is_file():
                return _fail(err, f"no register at {args.register}")
            reg = Register(args.register)
        if data.startswith(b"%PDF-"):
            if reg is None:
                return _fail(err, f"{path}: a PDF shows the serial and code, not the signature: give --register "
                             "(the issuer's register) to check it, or verify the .jwt")  # fmt: skip
            try:
                from .pdf_sign import load_certificates

                anchors = [c for f in args.pdf_cert for c in load_certificates(f)]
                v = verify_pdf(path, keys, reg, trusted_certs=anchors or None)
            except (ValueError, ImportError) as exc:
                return _fail(err, str(exc))
        else:
            try:
                text = data.decode("utf-8").strip()
            except UnicodeDecodeError:
                return _fail(err, f"{path}: not a certificate (expected a .jwt or .json credential, or a PDF)")
            if text.startswith("{"):
                maybe = _verify_json(text, path, keys, reg, err)
                if maybe is None:
                    return 1
                v = maybe
            else:
                v = verify(text, keys, reg)
    except SmartError as exc:
        return _fail(err, str(exc))
    _describe(v, out)
    return 0 if v.status is VerificationStatus.valid else 1


def _verify_json(text: str, path: pathlib.Path, keys: list[PublicKey], reg: Register | None, err: TextIO) -> Verification | None:
    """A .json credential carries no signature: the core checks it against the register's
    record of its id, whose signed token must have signed exactly that JSON."""
    if reg is None:
        _fail(err, f"{path}: a .json credential carries no signature: verify the .jwt, or give --register")
        return None
    try:
        return verify_document(text, keys, reg)
    except SmartError as exc:
        _fail(err, f"{path}: {exc.message}")
        return None


def _revoke(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if not pathlib.Path(args.register).is_file():
        return _fail(err, f"no register at {args.register}")
    try:
        r = Register(args.register).revoke(args.serial, args.reason, args.date or datetime.date.today())
    except SmartError as exc:
        return _fail(err, str(exc))
    out.write(f"{r.serial} ({r.data.holder}) revoked on {r.revoked_on}: {r.revoked_reason}\n")
    return 0

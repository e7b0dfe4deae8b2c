"""The certificate commands of the command line: ``smart keygen``, ``smart issue``,
``smart verify``, ``smart revoke`` and ``smart reissue`` (wired into :mod:`smart.cli` by
:func:`add_commands`).

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
from .cli_args import date_arg as _date
from .cohort import load_cohort
from .enums import Lang
from .errors import SmartError
from .issuing import (
    Issuer,
    KeyAlgorithm,
    PublicKey,
    Register,
    SigningKey,
    Verification,
    VerificationStatus,
    did_web,
    did_web_document_url,
    generate_signing_key,
    issue_cohort,
    load_did_document,
    load_public_key,
    load_signing_key,
    reissue_certificate,
    resolve_did_key,
    save_did_document,
    save_signing_key,
    status_list_credential,
    status_list_url,
    verify,
    verify_code,
    verify_document,
    verify_pdf,
    verify_site_token,
)
from .issuing_bulk import _tqdm_progress
from .pdf_names import check_requirements

if TYPE_CHECKING:
    from .pdf_sign import PdfSigner

__all__ = ["add_commands"]



def _mode(text: str) -> int:
    """File permission bits in octal: 600, 0600 or 0o600."""
    try:
        value = int(text.removeprefix("0o"), 8)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected octal permission bits such as 600 or 640, not {text!r}") from None
    if not 0 <= value <= 0o777:
        raise argparse.ArgumentTypeError(f"expected permission bits 000..777, not {text!r}")
    return value


def _add_mode(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--mode",
        type=_mode,
        default=0o600,
        metavar="OCTAL",
        help="permission bits of the register (when created) and the documents written (default 600)",
    )


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Adds keygen, issue, verify, revoke, reissue and publish to the ``smart`` command's subparsers.
    Each parser sets ``issue_handler(args, out, err) -> int``."""
    _add_keygen(sub)
    _add_issue(sub)
    _add_verify(sub)
    _add_revoke(sub)
    _add_reissue(sub)
    _add_status_list(sub)
    _add_publish(sub)


def _add_keygen(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    kg = sub.add_parser(
        "keygen",
        help="make a signing key pair",
        description="Make an ECDSA P-256 (ES256) signing key pair: the secret key file (mode 0600) and the "
        "public key file beside it (NAME.key.json -> NAME.pub.json; otherwise KEYFILE.pub.json). Prints the "
        "public key file's path and the issuer's DID: the key's did:key, or with --issuer-url the did:web of "
        "that address, whose DID document (did.json) is written beside the public key, to be published at "
        "the address printed. Existing files are never overwritten.",
    )
    kg.add_argument("keyfile", metavar="KEYFILE", help="the secret key file to write, e.g. issuer.key.json")
    kg.add_argument(
        "--issuer-url",
        metavar="URL",
        help="the issuer's https address (https://host[/path]): write the DID document of did:web:host[:path]",
    )
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
    iss.add_argument(
        "--lang",
        choices=[x.value for x in Lang],
        default=None,
        help="language of new certificates (default: the folder's, nb for a new folder); a folder "
        "issued in another language is refused",
    )
    iss.add_argument(
        "--as-of", type=_date, default=None, metavar="DATE", help="evaluation and issue date (default: today)"
    )
    iss.add_argument(
        "--issuer-id",
        metavar="URI",
        help="the issuer's id, a URI (default: the did:web of --issuer-url, else the key's did:key)",
    )
    iss.add_argument("--issuer-name", metavar="NAME", help="the issuer's name (default: the programme's provider)")
    iss.add_argument(
        "--issuer-url",
        metavar="URL",
        help="the issuer's https address: the issuer id is then its did:web (publish the did.json smart keygen "
        "--issuer-url wrote), the QR code and the footer give the certificate's page URL/c/<token>/ on the site "
        "smart publish writes, and every credential names its entry in the public revocation list "
        "URL/status/revocation.jwt (smart publish writes it too; or smart status-list)",
    )
    iss.add_argument("--no-progress", action="store_true", help="no progress bar (shown only on a terminal)")
    _add_mode(iss)
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


def _add_publish(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    pub = sub.add_parser(
        "publish",
        help="write the static verification site of a register, for any web server",
        description="Write the issuer's verification site into SITE: the DID document (.well-known/did.json, "
        "or did.json under the URL's path), the public keys (jwks.json), a front page in nb/nn/en, and one "
        "page per certificate at c/<token>/ (the token derived from its serial and verification code, so only "
        "who holds the certificate finds it) with its signed token and its status in the register. The site "
        "is built beside SITE and put in place as a whole; re-run after revoking or re-issuing. Copy SITE to "
        "the web server that serves URL.",
    )
    pub.add_argument("register", metavar="REGISTER", help="the register, DIR/register.jsonl")
    pub.add_argument("--key", required=True, metavar="KEYFILE", help="the issuer's secret key file (never inside SITE)")
    pub.add_argument("--issuer-url", required=True, metavar="URL", help="the https address SITE is served at")
    pub.add_argument("--out", required=True, metavar="SITE", help="the site folder (new, empty, or a site published before)")
    pub.add_argument(
        "--status-list",
        metavar="FILE",
        help="a signed status list (VC-JWT) to publish at status/revocation.jwt (default: made from the register "
        "and signed with --key now, so every publish republishes the revocations)",
    )
    pub.add_argument("--date", type=_date, default=None, metavar="DATE", help="the day the status is stated for (default: today)")
    pub.set_defaults(issue_handler=_publish)


def _publish(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .publish import publish_site

    register = pathlib.Path(args.register)
    if not register.is_file():
        return _fail(err, f"no register at {register}")
    try:
        key = load_signing_key(args.key)
        if args.status_list:
            try:
                status_list = pathlib.Path(args.status_list).read_text(encoding="utf-8")
            except OSError as exc:
                return _fail(err, f"cannot read the status list {args.status_list}: {exc.strerror or exc}")
        else:  # the list as the register says now, signed today: every publish republishes it
            status_list = _status_list_text(Register(register), key, args.issuer_url, None, args.date)
        report = publish_site(
            Register(register),
            key,
            args.issuer_url,
            args.out,
            status_list=status_list,
            published_on=args.date,
            key_files=[args.key],
        )
    except (SmartError, ValueError) as exc:
        return _fail(err, str(exc))
    except OSError as exc:
        return _fail(err, f"cannot write the site {args.out}: {exc.strerror or exc}")
    out.write(f"{report.site}: {report.certificates} certificates, {report.files} files, {report.bytes} bytes\n")
    return 0


def _add_verify(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    ver = sub.add_parser(
        "verify",
        help="verify a certificate: its signed credential, its PDF, or its serial and code",
        description="Verify a certificate's signed credential (the .jwt; a .json credential only with "
        "--register, which holds its signed token) or its PDF (with --register: the serial on the page must "
        "be a record of the register, and the words on the page exactly that record's), or check the serial "
        "and verification code printed on it (SERIAL --code CODE --register FILE; letter case does not "
        "matter). Prints what was certified and the status (a corrected certificate names its replacement); "
        "the trusted keys come from what you give, never from the token: a public key file, an issuer's "
        "did:key, or an issuer's DID document (did.json, as published at https://host/.well-known/did.json); "
        "a PDF's own signature is checked first: broken, or the file changed after signing, is tampered; a "
        "signer that is not a --pdf-cert is unknown_key; no signature is tampered with --pdf-cert, else "
        "unsigned; exits 0 only when it is valid.",
    )
    ver.add_argument(
        "file", metavar="FILE", help="SERIAL.jwt, or SERIAL.json / SERIAL.pdf with --register, or SERIAL with --code"
    )
    ver.add_argument("--code", metavar="CODE", help="the verification code printed on the certificate (XXXX-XXXX)")
    ver.add_argument(
        "--lang", choices=[x.value for x in Lang], default="nb", help="language of the verdict line (default nb)"
    )
    ver.add_argument(
        "--public-key", action="append", default=[], metavar="FILE", help="a trusted public key file (repeatable)"
    )
    ver.add_argument("--key", action="append", default=[], metavar="KEYFILE", help="trust this key file's public key")
    ver.add_argument(
        "--issuer", action="append", default=[], metavar="DID", help="a trusted issuer's did:key (repeatable)"
    )
    ver.add_argument(
        "--did-document",
        action="append",
        default=[],
        metavar="FILE",
        help="a trusted issuer's DID document, did.json (repeatable): trusts the keys it publishes",
    )
    ver.add_argument("--register", metavar="FILE", help="the register (register.jsonl): revoked or replaced?")
    ver.add_argument(
        "--site",
        metavar="URL_OR_FOLDER",
        help="with SERIAL --code CODE: the issuer's verification site (smart publish), an http(s) address or a "
        "folder: the signed token is fetched from it and verified with the trusted key; the status is the one the "
        "site states",
    )
    ver.add_argument(
        "--pdf-cert",
        action="append",
        default=[],
        metavar="PEM",
        help="a trusted certificate for PDF signatures: the issuer's, or its CA's (repeatable)",
    )
    ver.add_argument(
        "--status-list",
        metavar="FILE",
        help="the issuer's published status list (revocation.jwt): revoked? (without the register; for a .jwt)",
    )
    ver.set_defaults(issue_handler=_verify)


def _add_revoke(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    rev = sub.add_parser(
        "revoke",
        help="revoke a certificate",
        description="Revoke a certificate in the register (an appended event: nothing is deleted).",
    )
    rev.add_argument("serial", metavar="SERIAL", help="the serial, SMART-IIII-XXXX-XXXX-XXXX (letter case does not matter)")
    rev.add_argument(
        "--reason",
        required=True,
        help="why (kept in the register, and shown on the certificate's page of the site smart publish writes: "
        "no personal data)",
    )
    rev.add_argument("--register", required=True, metavar="FILE", help="the register, DIR/register.jsonl")
    rev.add_argument("--date", type=_date, default=None, metavar="DATE", help="revocation date (default: today)")
    rev.add_argument(
        "--correction",
        action="store_true",
        help="revoked to be corrected: the next `smart issue` issues the replacement from the corrected cohort",
    )
    rev.set_defaults(issue_handler=_revoke)


def _add_reissue(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    re_ = sub.add_parser(
        "reissue",
        help="correct a certificate: revoke it and issue the corrected one, linked",
        description="Correct a certificate in one step: revoke SERIAL for correction (a revoked one keeps its "
        "revocation) and issue the corrected certificate from its participant's current record in COHORT "
        "(correct the name or municipality there first), in one register line: both or neither. The new "
        "record replaces the old; verifying the old one names the new. Writes DIR/NEWSERIAL.pdf, .json and "
        ".jwt as `smart issue` does and prints the new serial.",
    )
    re_.add_argument("serial", metavar="SERIAL", help="the certificate to correct (letter case does not matter)")
    re_.add_argument("--reason", required=True, help="why (kept in the register)")
    re_.add_argument("--cohort", required=True, metavar="COHORT", help="the corrected smart.cohort/1 document")
    re_.add_argument("--out", required=True, metavar="DIR", help="output folder (holds the register)")
    re_.add_argument("--key", required=True, metavar="KEYFILE", help="the secret key file (never inside DIR)")
    re_.add_argument("--register", metavar="FILE", help="the register (default DIR/register.jsonl)")
    re_.add_argument(
        "--as-of", type=_date, default=None, metavar="DATE",
        help="evaluation date (default: the one the old certificate states)",
    )  # fmt: skip
    re_.add_argument("--date", type=_date, default=None, metavar="DATE", help="issue date (default: today)")
    re_.add_argument(
        "--issuer-url",
        metavar="URL",
        help="the QR code then gives the page URL/c/<token>/, the credential its status list entry (as for smart issue)",
    )
    _add_mode(re_)
    re_.set_defaults(issue_handler=_reissue)


def _add_status_list(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    sl = sub.add_parser(
        "status-list",
        help="write the issuer's public revocation list (W3C Bitstring Status List)",
        description="Write the signed status list credential of the register's certificates (VC-JWT): the "
        "bits of revoked and corrected certificates set, no names. Publish it at URL/status/revocation.jwt, "
        "where every certificate issued with --issuer-url URL points; write and publish it again after every "
        "revocation or correction. Verifiers check a certificate with it without the register "
        "(smart verify X.jwt --status-list FILE).",
    )
    sl.add_argument("register", metavar="REGISTER", help="the register, DIR/register.jsonl")
    sl.add_argument("--key", required=True, metavar="KEYFILE", help="the issuer's secret key file")
    sl.add_argument("--issuer-url", required=True, metavar="URL", help="the issuer's https URL (as for smart issue)")
    sl.add_argument("--out", required=True, metavar="FILE", help="where to write the list (revocation.jwt)")
    sl.add_argument(
        "--issuer", metavar="ID", help="the issuer id (default: the one of the register's certificates on the list)"
    )
    sl.add_argument("--date", type=_date, default=None, metavar="DATE", help="its validFrom (default: today)")
    sl.set_defaults(issue_handler=_status_list)


def _status_list_text(
    reg: Register, key: SigningKey, issuer_url: str, issuer_id: str | None, day: datetime.date | None
) -> str:
    """The signed status list at ``<issuer_url>/status/revocation.jwt``, signed as the core's
    ``status_list_issuer`` says (the issuer of the register's records on that list)."""
    url = status_list_url(issuer_url)
    issuer = _smart.issuing.status_list_issuer(reg, issuer_url, url, issuer_id or "")
    return status_list_credential(reg, issuer, key, url, day or datetime.date.today())


def _status_list(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if not pathlib.Path(args.register).is_file():
        return _fail(err, f"no register at {args.register}")
    try:
        key = load_signing_key(args.key)
        reg = Register(args.register)
        url = status_list_url(args.issuer_url)
        entries, revoked = _smart.issuing.count_status_list(reg, url)
        text = _status_list_text(reg, key, args.issuer_url, args.issuer, args.date)
    except (SmartError, OSError, ValueError) as exc:
        return _fail(err, str(exc))
    try:
        pathlib.Path(args.out).write_text(text + "\n", encoding="utf-8")
    except OSError as exc:
        return _fail(err, f"cannot write {args.out}: {exc.strerror or exc}")
    out.write(f"{args.out}: {entries} certificates on {url}, {revoked} no longer valid; publish it at that URL\n")
    return 0


def _fail(err: TextIO, message: str) -> int:
    err.write(f"smart: {message}\n")
    return 1


def _keygen(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    path = pathlib.Path(args.keyfile)
    did_file = path.parent / "did.json"
    try:
        did = did_web(args.issuer_url) if args.issuer_url is not None else None
    except SmartError as exc:
        return _fail(err, f"--issuer-url: {exc.message}")
    if did is not None and did_file.exists():
        return _fail(err, f"{did_file} exists: a DID document is never overwritten")
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        key = generate_signing_key()
        pub = save_signing_key(key, path)  # the core never overwrites a key
        if did is not None:
            save_did_document(key, args.issuer_url, did_file)
    except FileExistsError as exc:
        return _fail(err, str(exc))
    except (OSError, SmartError) as exc:
        return _fail(err, f"cannot write the key: {exc}")
    out.write(f"{pub}\n")
    if did is None:
        out.write(f"issuer: {key.did}\n")
    else:
        out.write(f"issuer: {did}\n{did_file} (publish it at {did_web_document_url(did)})\n")
    return 0


def _issue(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    out_dir = pathlib.Path(args.out)
    key_path = pathlib.Path(args.key)
    try:
        check_requirements()  # pre-flight: a missing package or font before anything is registered
    except (ImportError, OSError) as exc:
        return _fail(err, str(exc))
    try:
        _smart.issuing.check_key_outside(key_path, out_dir)
        key = load_signing_key(key_path)
        pdf_signer = _pdf_signer(args)
        cohort = load_cohort(args.file)
        as_of = args.as_of or datetime.date.today()
        ev = cohort.evaluate(as_of)
        folder = _folder_language(out_dir / "register.jsonl")
        if args.lang is not None and folder is not None and Lang(args.lang) is not folder:
            return _fail(
                err,
                f"{out_dir} holds certificates issued in {folder}: issue in {args.lang} into another "
                f"folder, or give --lang {folder}",
            )
        lang = Lang(args.lang) if args.lang is not None else (folder or Lang.nb)
        url = "" if args.issuer_id else args.issuer_url or ""  # the did:web only when it is the id
        default = _smart.issuing.default_issuer(ev._e, lang, key.public_key, url)
        issuer = Issuer(
            id=args.issuer_id or default.id, name=args.issuer_name or default.name, url=args.issuer_url or ""
        )
        pdf_signer = pdf_signer or _issuer_key_signer(key, key_path, issuer, err)
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
            mode=args.mode,
            pdf_signer=pdf_signer,
        )
    except SmartError as exc:
        return _fail(err, str(exc))
    except (OSError, ValueError) as exc:
        return _fail(err, str(exc))
    reissued = sum(1 for x in report.entries if x.outcome == "reissued")
    out.write(
        f"{len(report.issued)} issued ({reissued} of them corrections), " if reissued else f"{len(report.issued)} issued, "
    )
    out.write(
        f"{len(report.existing)} already in the register, "
        f"{len(report.not_issued)} without a certificate (see {out_dir / 'not-issued.csv'}); "
        f"{len(report.written)} files written to {out_dir}\n"
    )
    if pdf_signer is not None and report.written:
        from .pdf_sign import certificate_path

        cert = certificate_path(key_path) if not (args.pdf_key or args.pdf_p12) else args.pdf_cert or args.pdf_p12
        out.write(f"the PDFs are signed (PAdES); the signer's certificate: {cert}\n")
    return 0


def _issuer_key_signer(key: SigningKey, key_path: pathlib.Path, issuer: Issuer, err: TextIO) -> PdfSigner | None:
    """The PDFs are signed with the issuer's own key (ES256) under the self-signed
    certificate kept beside the key file, unless --pdf-key/--pdf-p12 name another; an old
    Ed25519 key signs no PDF (PDF readers do not verify Ed25519): a note says so."""
    from .pdf_sign import issuer_key_signer

    if key.algorithm is not KeyAlgorithm.es256:
        err.write(
            f"note: {key_path} is an Ed25519 key: the PDFs are not signed (PDF readers do not verify Ed25519); "
            "make an ES256 key with smart keygen to sign them\n"
        )
        return None
    return issuer_key_signer(key, key_path, issuer.name, issuer.url or None)


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


def _folder_language(register: pathlib.Path) -> Lang | None:
    """The language of the certificates in a register (its newest record's), or None for
    none: a folder holds certificates of one language."""
    if not register.is_file():
        return None
    records = Register(register).records()
    return Lang(records[-1].language) if records else None


def _describe(v: Verification, out: TextIO, lang: str = "nb") -> None:
    out.write(f"status: {v.status}\n")
    out.write(f"verdict: {v.text(lang)}\n")
    if v.serial:
        out.write(f"serial: {v.serial}\n")
    if v.replaced_by:
        out.write(f"replaced by: {v.replaced_by}\n")
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
        for did in args.issuer:
            if did.startswith("did:web:"):
                return _fail(err, f"--issuer {did}: a did:web is read from its DID document: download "
                             f"{did_web_document_url(did)} and give it with --did-document FILE")  # fmt: skip
            keys.append(resolve_did_key(did))
        for doc in args.did_document:
            try:
                keys += load_did_document(doc)
            except OSError as exc:
                return _fail(err, f"cannot read {doc}: {exc.strerror or exc}")
        if not keys:
            return _fail(
                err,
                "give the trusted key: --public-key FILE, --issuer did:key:… or --did-document did.json "
                "(or --key KEYFILE)",
            )
        if args.code is not None:
            return _verify_code(args, keys, out, err)
        path = pathlib.Path(args.file)
        if not path.exists() and _smart.issuing.is_certificate_serial(args.file.strip().upper()):
            return _fail(err, f"{args.file} is a serial: check it with the code printed beside it, "
                         "--code CODE --register FILE")  # fmt: skip
        try:
            data = path.read_bytes()
        except OSError as exc:
            return _fail(err, f"cannot read {path}: {exc.strerror or exc}")
        reg: Register | None = None
        if args.register:
            if not pathlib.Path(args.register).is_file():
                return _fail(err, f"no register at {args.register}")
            reg = Register(args.register)
        if args.status_list and (data.startswith(b"%PDF-") or data.lstrip().startswith(b"{")):
            return _fail(err, f"{path}: --status-list checks a signed credential: give the .jwt")
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
                status_list = None
                if args.status_list:
                    try:
                        status_list = pathlib.Path(args.status_list).read_text(encoding="utf-8")
                    except (OSError, UnicodeDecodeError) as exc:
                        return _fail(err, f"cannot read the status list {args.status_list}: {exc}")
                v = verify(text, keys, reg, status_list=status_list)
    except SmartError as exc:
        return _fail(err, str(exc))
    _describe(v, out, args.lang)
    return 0 if v.status is VerificationStatus.valid else 1


def _verify_site(args: argparse.Namespace, keys: list[PublicKey], out: TextIO, err: TextIO) -> int:
    """SERIAL --code CODE against a published site: the signed token it publishes for them,
    verified with the trusted keys and against the site's signed status list (revoked when
    its bit is set, whatever else the site says); the revocation's date and reason, or the
    replacement, as the site's page states them."""
    from .publish import fetch_site_certificate, fetch_site_status_list

    try:
        jwt, stated = fetch_site_certificate(args.site, args.file, args.code)
        status_list = fetch_site_status_list(args.site)
    except LookupError as exc:
        return _fail(err, str(exc))
    except (OSError, ValueError) as exc:
        return _fail(err, f"cannot read the site {args.site}: {exc}")
    try:
        v = verify_site_token(jwt, args.file, args.code, keys, status_list=status_list, stated=stated)
    except SmartError as exc:
        return _fail(err, f"{args.site}: {exc.message}")
    _describe(v, out, args.lang)
    out.write(_smart.issuing.site_status_source(status_list is not None, stated, args.lang))
    return 0 if v.status is VerificationStatus.valid else 1


def _verify_code(args: argparse.Namespace, keys: list[PublicKey], out: TextIO, err: TextIO) -> int:
    """SERIAL --code CODE against the register: a wrong code or an unknown serial is one
    line on stderr that names neither the holder nor what was certified."""
    if args.site:
        return _verify_site(args, keys, out, err)
    if not args.register:
        return _fail(err, "checking a serial and code needs the issuer's register or site: give --register FILE "
                     "or --site URL_OR_FOLDER")  # fmt: skip
    if not pathlib.Path(args.register).is_file():
        return _fail(err, f"no register at {args.register}")
    try:
        v = verify_code(args.file, args.code, keys, Register(args.register))
    except SmartError as exc:
        return _fail(err, exc.message)
    _describe(v, out, args.lang)
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
        r = Register(args.register).revoke(
            args.serial, args.reason, args.date or datetime.date.today(), correction=args.correction
        )
    except SmartError as exc:
        return _fail(err, str(exc))
    note = " (for correction: the next `smart issue` issues the replacement)" if args.correction else ""
    out.write(f"{r.serial} ({r.data.holder}) revoked on {r.revoked_on}: {r.revoked_reason}{note}\n")
    if r.status_list:
        out.write(f"publish the status list again: smart status-list {args.register} --key KEYFILE "
                  f"--issuer-url URL --out revocation.jwt (for {r.status_list})\n")  # fmt: skip
    return 0


def _reissue(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    out_dir = pathlib.Path(args.out)
    key_path = pathlib.Path(args.key)
    register = pathlib.Path(args.register) if args.register else out_dir / "register.jsonl"
    if not register.is_file():
        return _fail(err, f"no register at {register}")
    try:
        _smart.issuing.check_key_outside(key_path, out_dir)
        key = load_signing_key(key_path)
        cohort = load_cohort(args.cohort)
        old = Register(register).find(args.serial)
        signer = _issuer_key_signer(key, key_path, old.issuer, err) if old is not None else None
        record, written = reissue_certificate(
            Register(register, mode=args.mode),
            args.serial,
            args.reason,
            cohort,
            key,
            out_dir,
            issued_on=args.date,
            as_of=args.as_of,
            verify_url=args.issuer_url,
            mode=args.mode,
            pdf_signer=signer,
        )
    except SmartError as exc:
        return _fail(err, str(exc))
    except (OSError, ValueError) as exc:
        return _fail(err, str(exc))
    out.write(
        f"{record.serial} ({record.data.holder}) replaces {record.replaces}; "
        f"{len(written)} files written to {out_dir}\n"
    )
    return 0

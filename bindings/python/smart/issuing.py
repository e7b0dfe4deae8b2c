"""Issuing certificates: keys, frozen records, signed credentials, verification, the register.

The C++ core does the work (``include/smart/issuing.hpp``, ``docs/certificates.md``): it
makes the frozen records and their serials, signs the Open Badges 3.0 credential as a
VC-JWT (Ed25519), verifies, and keeps the append-only register, locking it (``flock``)
and appending atomically. This module hands Python objects to it and lays out the
documents::

    import smart
    from smart import issuing

    key = issuing.generate_signing_key()
    issuing.save_signing_key(key, "issuer.key.json")        # mode 0600
    reg = issuing.Register("certs/register.jsonl")
    ev = smart.demo_cohort().evaluate("2025-04-30")
    data = issuing.certificate_data(ev, "p01")
    record, new = reg.issue(data, issuing.Issuer(id="urn:x", name="Eksempel kommune"), key, "2025-04-30", "nb")
    issuing.verify(record.credential_jws, [key.public_key], reg).status   # VerificationStatus.valid

:func:`issue_cohort` issues for every eligible participant of an evaluation and writes the
documents (PDF, OB 3.0 JSON, the ``.jwt`` token); ``smart issue`` is its command line.
"""

from __future__ import annotations

import csv
import datetime
import enum
import io
import json
import os
import pathlib
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from ._core import _smart
from .cohort import DateLike
from .enums import Lang, Status
from .evaluation import Evaluation

__all__ = [
    "CertificateData",
    "CertificateRecord",
    "CertifiedRequirement",
    "IssueReport",
    "Issuer",
    "PublicKey",
    "RecordStatus",
    "Register",
    "SigningKey",
    "Verification",
    "VerificationStatus",
    "Wording",
    "certificate_data",
    "certificate_text",
    "generate_signing_key",
    "issue_cohort",
    "load_public_key",
    "load_signing_key",
    "open_badge_credential",
    "public_key_path",
    "save_public_key",
    "save_signing_key",
    "verify",
    "verify_pdf",
    "wording",
    "write_documents",
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


class RecordStatus(str, enum.Enum):
    """A record's status in the register."""

    valid = "valid"
    revoked = "revoked"
    replaced = "replaced"

    def __str__(self) -> str:
        return self.value

    def __format__(self, spec: str) -> str:
        return format(self.value, spec)


class VerificationStatus(str, enum.Enum):
    """What verifying a credential found."""

    valid = "valid"
    revoked = "revoked"
    replaced = "replaced"
    tampered = "tampered"
    unknown_key = "unknown_key"

    def __str__(self) -> str:
        return self.value

    def __format__(self, spec: str) -> str:
        return format(self.value, spec)


# --- keys ---------------------------------------------------------------------------------


def generate_signing_key() -> SigningKey:
    """A fresh Ed25519 key pair from the operating system's randomness."""
    return _iss.generate_signing_key()


def public_key_path(key_file: str | os.PathLike[str]) -> pathlib.Path:
    """Where the public key of a secret key file goes: ``issuer.key.json`` ->
    ``issuer.pub.json``; any other name gets ``.pub.json`` appended."""
    p = pathlib.Path(key_file)
    if p.name.endswith(".key.json"):
        return p.with_name(p.name[: -len(".key.json")] + ".pub.json")
    return p.with_name(p.name + ".pub.json")


def _write_new(path: pathlib.Path, text: str, mode: int) -> None:
    """Writes a new file (refusing to replace one) with ``mode`` from the start."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, mode)
    try:
        os.fchmod(fd, mode)  # whatever the umask
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            fd = -1
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
    finally:
        if fd >= 0:
            os.close(fd)


def save_signing_key(key: SigningKey, path: str | os.PathLike[str]) -> pathlib.Path:
    """Writes the secret key file, readable by its owner only (mode 0600), and the public
    key file beside it (:func:`public_key_path`). Returns the public key file's path.

    Raises:
        FileExistsError: either file exists (a key is never overwritten).
    """
    p = pathlib.Path(path)
    pub = public_key_path(p)
    if pub.exists():
        raise FileExistsError(f"{pub} exists: a key file is never overwritten")
    _write_new(p, key.to_json(), 0o600)
    _write_new(pub, key.public_key.to_json(), 0o644)
    return pub


def save_public_key(key: PublicKey | SigningKey, path: str | os.PathLike[str]) -> pathlib.Path:
    """Writes a public key file (``smart.public-key/1``); refuses to overwrite one."""
    pk = key.public_key if isinstance(key, SigningKey) else key
    p = pathlib.Path(path)
    _write_new(p, pk.to_json(), 0o644)
    return p


def load_signing_key(path: str | os.PathLike[str]) -> SigningKey:
    """Reads a secret key file (``smart.signing-key/1``).

    Raises:
        NotFoundError: the file cannot be opened.
        ParseError, ValidationError: not a key file, or an inconsistent one. Messages
            name the file and the place, never key material.
    """
    return _iss.load_signing_key_file(os.fspath(path))


def load_public_key(path: str | os.PathLike[str]) -> PublicKey:
    """Reads a public key file (``smart.public-key/1``) — or the public half of a secret
    key file.

    Raises:
        NotFoundError, ParseError, ValidationError: as :func:`load_signing_key`.
    """
    from .errors import NotFoundError, ParseError, SmartError, ValidationError

    p = pathlib.Path(path)
    limit = 1 << 20  # a key file is a few hundred bytes: read no more than this of anything
    try:
        with open(p, "rb") as f:
            data = f.read(limit + 1)
    except OSError as exc:
        raise NotFoundError(f'cannot open the key file "{p}"') from exc
    if len(data) > limit:
        raise ValidationError(f'key file "{p}": more than {limit} bytes, not a key file')
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ParseError(f'key file "{p}": not UTF-8 (byte {exc.start})') from None
    try:
        if '"smart.signing-key/1"' in text:
            return _iss.load_signing_key(text).public_key
        return _iss.load_public_key(text)
    except SmartError as exc:
        raise type(exc)(f'key file "{p}": {exc.message}', path=exc.path) from None


# --- records --------------------------------------------------------------------------------


def certificate_data(evaluation: Evaluation, participant: int | str) -> CertificateData:
    """What a certificate for this participant of the evaluation states.

    Raises:
        NotAllowedError: the participant is not eligible, the programme has no
            certificate, or the evaluation is dated before the cohort's last day.
        NotFoundError: no participant has this id.
    """
    core = evaluation._e
    index = core.index_of(participant) if isinstance(participant, str) else participant
    return _iss.certificate_for(core, index)


def wording(record: CertificateRecord, lang: Lang | str | None = None) -> Wording:
    """The certificate's words (title, attesting sentence, goals, requirements, issuer,
    serial, code), in ``lang`` — by default the language it was issued in."""
    return _iss.wording(record, Lang(lang) if lang is not None else None)


def open_badge_credential(record: CertificateRecord) -> dict[str, Any]:
    """The Open Badges 3.0 ``AchievementCredential`` of a record (the credential the
    record's JWS signs, without the JWT claims iss, jti and nbf)."""
    doc: dict[str, Any] = json.loads(_iss.open_badge_credential(record))
    return doc


@dataclass(frozen=True)
class Verification:
    """What :func:`verify` found.

    Attributes:
        status: valid, revoked, replaced, tampered or unknown_key.
        key_id: The key id the credential names.
        serial: The certificate's serial, when it could be read.
        credential: What was certified — the signed payload, as Python data — when the
            signature verified (also for revoked and replaced; for a tampered PDF, what the
            register certifies under its serial); else None.
        detail: Why, in English.
    """

    status: VerificationStatus
    key_id: str
    serial: str
    credential: dict[str, Any] | None
    detail: str

    @property
    def ok(self) -> bool:
        """True when the status is valid."""
        return self.status is VerificationStatus.valid


def verify(
    credential_jws: str,
    trusted_keys: Iterable[PublicKey | SigningKey],
    register: Register | None = None,
) -> Verification:
    """Checks a compact JWS credential: its key must be one of ``trusted_keys`` (else
    unknown_key), its signature must match the exact bytes (else tampered); with a
    ``register``, a revoked or replaced record says so. Releases the GIL."""
    keys = [k.public_key if isinstance(k, SigningKey) else k for k in trusted_keys]
    r = _iss.verify_credential(credential_jws.strip(), keys, register)
    cred: dict[str, Any] | None = json.loads(r.credential_json) if r.credential_json else None
    return Verification(VerificationStatus(r.status), r.key_id, r.serial, cred, r.detail)


_SERIAL = re.compile(r"SMART-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}")


def verify_pdf(
    path: str | os.PathLike[str],
    trusted_keys: Iterable[PublicKey | SigningKey],
    register: Register,
) -> Verification:
    """Checks a certificate PDF against the issuer's register: the serial printed on it
    must be a record of the register whose signed credential verifies with one of
    ``trusted_keys`` (revoked and replaced records say so), and the words on the page
    must be exactly the words of that stored record — the holder, programme, period,
    competence goals, requirements, issuer, serial and verification code — so an edited
    PDF is ``tampered``. Line breaks and spacing do not matter; drawings do not count (see
    docs/certificates.md). Needs pypdf (the ``pdf`` extra).

    Raises:
        ValueError: the file is not a readable PDF.
    """
    try:
        from pypdf import PdfReader
        from pypdf.errors import PyPdfError
    except ImportError as exc:  # pragma: no cover - the pdf extra is missing
        raise ImportError("verifying a PDF needs pypdf: pip install 'smart[pdf]'") from exc
    p = pathlib.Path(path)
    try:
        reader = PdfReader(p)
        pages = [page.extract_text() for page in reader.pages]
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ValueError(f"{p}: not a readable PDF ({exc})") from exc

    def tampered(serial: str, detail: str, key_id: str = "", certified: dict[str, Any] | None = None) -> Verification:
        return Verification(VerificationStatus.tampered, key_id, serial, certified, detail)

    found = sorted(set(_SERIAL.findall("".join(pages))))
    if len(found) != 1:
        what = "no certificate serial" if not found else f"{len(found)} different serials"
        return tampered("", f"{what} on the page: not a certificate of this register")
    serial = found[0]
    record = register.find(serial)
    if record is None:
        return tampered(serial, f"the serial {serial} is not in the register")
    v = verify(record.credential_jws, trusted_keys, register)
    if v.status in (VerificationStatus.tampered, VerificationStatus.unknown_key):
        return v
    if len(pages) != 1:
        return tampered(serial, f"a certificate has one page, this PDF has {len(pages)}", v.key_id, v.credential)
    from .pdf import page_words

    expected = _squeeze(page_words(certificate_text(record)))
    got = _squeeze(pages[0])
    if got != expected:
        at = next((i for i, (a, b) in enumerate(zip(got, expected)) if a != b), min(len(got), len(expected)))
        return tampered(
            serial,
            f"the words on the page differ from the certified record from character {at}: "
            f"page {got[max(0, at - 20) : at + 20]!r}, record {expected[max(0, at - 20) : at + 20]!r}",
            v.key_id,
            v.credential,  # what the register certifies under this serial
        )
    return v


def _squeeze(text: str) -> str:
    """The text without any whitespace: line breaks and spacing of a PDF's text differ
    between extraction tools, the words do not."""
    return "".join(text.split())


# --- documents ----------------------------------------------------------------------------


def _qr_text(record: CertificateRecord, verify_url: str | None) -> str:
    if verify_url:
        sep = "&" if "?" in verify_url else "?"
        return f"{verify_url}{sep}serial={record.serial}&code={record.verification_code}"
    return f"{record.serial} {record.verification_code}"


def certificate_text(record: CertificateRecord, *, verify_url: str | None = None) -> Any:
    """The :class:`smart.pdf.CertificateText` of a record: the core's words in the record's
    language; the QR code carries ``"SMART-… XXXX-XXXX"`` or, with ``verify_url``, that
    address with ``?serial=…&code=…``."""
    from .pdf import CertificateText

    w = _iss.wording(record, None)
    lang = str(record.language)
    return CertificateText(
        title=w.title,
        holder=w.holder_line,
        attests=w.attests,
        goals_heading=w.goals_heading,
        goals=tuple(w.goals),
        requirements_heading=w.requirements_heading,
        requirements=tuple(w.requirements),
        issued_line=w.issued_line,
        serial_line=w.serial_line,
        code_line=w.code_line,
        verify_hint=w.verify_hint,
        qr_text=_qr_text(record, verify_url),
        lang=lang,
        programme=record.data.programme_name.get(lang),
        keywords=(record.serial, record.data.programme_id, record.data.cohort_id),
    )


def _write_atomic(path: pathlib.Path, data: bytes) -> None:
    """The core's atomic, durable replacement: a temporary ``.NAME.PID.UNIQUE.tmp`` in the
    same folder (what :func:`_remove_leftovers` looks for), fsync, rename, fsync of the folder."""
    _smart.file.write_file_atomic(path, data)


def document_paths(record: CertificateRecord, out_dir: str | os.PathLike[str]) -> dict[str, pathlib.Path]:
    """The files of a record in ``out_dir``: ``<serial>.pdf``, ``<serial>.json`` (the OB 3.0
    credential) and ``<serial>.jwt`` (the signed compact token)."""
    d = pathlib.Path(out_dir)
    return {ext: d / f"{record.serial}.{ext}" for ext in ("jwt", "json", "pdf")}


def write_documents(
    record: CertificateRecord,
    out_dir: str | os.PathLike[str],
    *,
    verify_url: str | None = None,
    only_missing: bool = True,
) -> list[pathlib.Path]:
    """Writes a record's documents (:func:`document_paths`) from the stored record, each
    whole or not at all (temporary file, then rename). With ``only_missing`` (default),
    files that exist are left as they are. Returns the files written."""
    written: list[pathlib.Path] = []
    paths = document_paths(record, out_dir)
    for ext, p in paths.items():
        if only_missing and p.exists():
            continue
        if ext == "jwt":
            _write_atomic(p, (record.credential_jws + "\n").encode("ascii"))
        elif ext == "json":
            _write_atomic(p, _iss.open_badge_credential(record).encode("utf-8"))
        else:
            from .pdf import render_certificate

            render_certificate(certificate_text(record, verify_url=verify_url), p)
        written.append(p)
    return written


# --- bulk issuing ---------------------------------------------------------------------------


@dataclass
class IssueReport:
    """What :func:`issue_cohort` did.

    Attributes:
        issued: Records newly issued in this run.
        existing: Records found in the register (issued by an earlier or a concurrent
            run) and rendered from the stored record.
        written: Files written in this run.
        not_issued: ``(participant_id, name, status, reason)`` for everyone who got no
            certificate: not eligible (the reason is the core's explanation of what is
            missing), or whose certificate was revoked.
    """

    issued: list[CertificateRecord] = field(default_factory=list)
    existing: list[CertificateRecord] = field(default_factory=list)
    written: list[pathlib.Path] = field(default_factory=list)
    not_issued: list[tuple[str, str, str, str]] = field(default_factory=list)


REPORT_FIELDS = ["participant_id", "name", "status", "reason"]


def _remove_leftovers(folder: pathlib.Path) -> None:
    """Removes the temporary files of writers that died (killed while writing a document:
    ``.NAME.PID.XXXX.tmp``, PID no longer running). A live writer's files are left alone:
    another run may be writing into the same folder."""
    for p in folder.glob(".*.tmp"):
        parts = p.name.split(".")
        try:
            pid = int(parts[-3])
            os.kill(pid, 0)
        except ProcessLookupError:
            p.unlink(missing_ok=True)
        except (ValueError, IndexError, PermissionError):
            continue


def _inside(path: pathlib.Path, folder: pathlib.Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except ValueError:
        return False
    return True


def issue_cohort(
    evaluation: Evaluation,
    out_dir: str | os.PathLike[str],
    key: SigningKey,
    issuer: Issuer,
    *,
    issued_on: DateLike | None = None,
    lang: Lang | str = "nb",
    verify_url: str | None = None,
    key_file: str | os.PathLike[str] | None = None,
    progress: Callable[[Iterable[int], int], Iterable[int]] | None = None,
) -> IssueReport:
    """Issues a certificate to every eligible participant of ``evaluation`` and writes
    their documents into ``out_dir``; the register is ``out_dir/register.jsonl``.

    For each eligible participant: a valid record in the register is used as stored
    (never re-made from today's data); otherwise the register issues one (under its lock,
    so a concurrent run cannot issue twice). A participant whose certificate was revoked
    gets no new one (re-issue explicitly). Then any of the record's files that is missing
    is written — the register entry always exists before its documents, so a run killed
    half-way is completed by the next run, which issues nothing twice and gives the same
    serials (and removes the killed run's temporary files). The participants without a certificate, with the reason, are written to
    ``out_dir/not-issued.csv``.

    Args:
        key_file: Where the key was read from; refused when it lies inside ``out_dir``.
        progress: Wraps the loop over participants, e.g. ``lambda it, n: tqdm(it, total=n)``.

    Raises:
        ValueError: the key file is inside the output folder.
    """
    out = pathlib.Path(out_dir)
    if key_file is not None and _inside(pathlib.Path(key_file), out):
        raise ValueError(f"the key file {key_file} is inside the output folder {out}: keep keys elsewhere")
    out.mkdir(parents=True, exist_ok=True)
    _remove_leftovers(out)
    lng = Lang(lang)
    day = issued_on if issued_on is not None else datetime.date.today()
    reg = Register(out / "register.jsonl")
    report = IssueReport()
    # who was revoked, read once (not per participant: that is quadratic in the register)
    revoked = {
        (x.data.programme_id, x.data.cohort_id, x.data.participant_id): x
        for x in reg.records()
        if x.status == RecordStatus.revoked
    }
    results = list(evaluation)
    indices: Iterable[int] = range(len(results))
    if progress is not None:
        indices = progress(indices, len(results))
    for i in indices:
        r = results[i]
        if r.status != Status.eligible:
            report.not_issued.append((r.id, r.name, str(r.status), "; ".join(r.missing(lng))))
            continue
        data = certificate_data(evaluation, i)
        record = reg.find_valid(data.programme_id, data.cohort_id, data.participant_id)
        if record is None:
            last = revoked.get((data.programme_id, data.cohort_id, data.participant_id))
            if last is not None:
                report.not_issued.append(
                    (r.id, r.name, "revoked", f"{last.serial} revoked on {last.revoked_on}: {last.revoked_reason}")
                )
                continue
            record, new = reg.issue(data, issuer, key, day, lng)
        else:
            new = False
        (report.issued if new else report.existing).append(record)
        report.written += write_documents(record, out, verify_url=verify_url)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(REPORT_FIELDS)
    w.writerows(report.not_issued)
    _write_atomic(out / "not-issued.csv", buf.getvalue().encode("utf-8"))
    return report


def _tqdm_progress(enabled: bool | None = None) -> Callable[[Iterable[int], int], Iterable[int]] | None:
    """A tqdm progress bar on stderr when it is a terminal (and tqdm is installed)."""
    if enabled is None:
        enabled = sys.stderr.isatty()
    if not enabled:
        return None
    try:
        from tqdm import tqdm
    except ImportError:
        return None

    def bar(it: Iterable[int], total: int) -> Iterable[int]:
        return tqdm(it, total=total, unit="participant", file=sys.stderr)

    return bar

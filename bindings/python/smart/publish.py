"""A static verification site an issuer puts on any web server (``smart publish``).

Layout of a site (docs/certificates.md, "Publishing a verification site"):

- ``.well-known/did.json`` — the issuer's DID document (``did.json`` under the URL's path
  when the issuer URL has one, where did:web looks for it);
- ``jwks.json`` — the issuer's public key as a JWK Set;
- ``status/revocation.jwt`` — the status list, when one is given;
- ``style.css`` and ``index.html`` — what the site is and how to check a certificate, in
  bokmål, nynorsk and English, without personal data;
- ``c/<token>/`` — one folder per certificate: ``index.html`` in the certificate's
  language, ``index.nb.html`` / ``index.nn.html`` / ``index.en.html`` for the two others,
  ``credential.jwt`` (the signed token) and ``status.json`` (the register's status, for
  ``smart verify --site``). ``<token>`` is :func:`verification_token` of the serial and
  the verification code: only someone holding the paper finds the page.

Pages are static HTML without JavaScript and without external resources (one stylesheet
of the site itself), so they work under a ``default-src 'self'`` Content Security Policy.
"""

from __future__ import annotations

import datetime
import json
import os
import pathlib
import shutil
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable
from dataclasses import dataclass
from html import escape
from typing import Any

from ._core import _smart
from .enums import Lang
from .issuing import (
    CertificateRecord,
    PublicKey,
    Register,
    RecordStatus,
    SigningKey,
    did_document,
    did_web,
    did_web_document_url,
    verification_token,
)

_iss = _smart.issuing

__all__ = [
    "PublishReport",
    "SiteStatus",
    "certificate_page_url",
    "fetch_site_certificate",
    "fetch_site_status_list",
    "publish_site",
    "verification_token",
]

SITE_MARKER = ".smart-site"
_LANGS = (Lang.nb, Lang.nn, Lang.en)
_STYLE = """\
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;max-width:42rem;margin:0 auto;
padding:1rem;line-height:1.5;color:#1f2328;background:#fff}
h1{font-size:1.5rem;margin:.5rem 0}h2{font-size:1.15rem;margin-top:1.5rem}
.holder{font-size:1.4rem;font-weight:bold;unicode-bidi:isolate}
.status{padding:.75rem 1rem;border-radius:.4rem;border:2px solid;font-weight:bold}
.valid{border-color:#1a7f37;background:#dafbe1}.revoked,.replaced{border-color:#cf222e;background:#ffebe9}
nav{font-size:.9rem}nav a{margin-right:.75rem}small{color:#57606a}
li{margin:.2rem 0}section{margin-bottom:1.5rem}p,li{overflow-wrap:anywhere}
"""


def certificate_page_url(site_url: str, serial: str, code: str) -> str:
    """``site_url/c/<token>/``: the address of a certificate's page (QR code, footer)."""
    return f"{site_url.rstrip('/')}/c/{verification_token(serial, code)}/"


@dataclass(frozen=True)
class PublishReport:
    """What :func:`publish_site` wrote."""

    site: pathlib.Path
    certificates: int
    files: int
    bytes: int


#: A certificate's status as a published site states it (``c/<token>/status.json``): the
#: issuer's register when the site was published, not a live answer (the core's type).
SiteStatus = _smart.issuing.SiteStatus


def _did_path(url: str) -> str:
    """Where did:web looks for the DID document, relative to the site's root ``url``."""
    doc = did_web_document_url(did_web(url))
    base = url.rstrip("/") + "/"
    if not doc.startswith(base):  # did_web normalises the host; compare without case
        if doc.lower().startswith(base.lower()):
            return doc[len(base) :]
        raise ValueError(f"the DID document of {url} ({doc}) is not under the site {url}")
    return doc[len(base) :]


def _jwks(did_doc: str) -> str:
    doc = json.loads(did_doc)
    keys: list[dict[str, Any]] = []
    for vm in doc.get("verificationMethod", []):
        jwk = dict(vm.get("publicKeyJwk") or {})
        if jwk:
            jwk.setdefault("kid", vm.get("id", ""))
            keys.append(jwk)
    return json.dumps({"keys": keys}, indent=2, ensure_ascii=False) + "\n"


def _status_text(record: CertificateRecord, lang: Lang) -> str:
    return _iss.verification_text(
        str(record.status),
        lang,
        revoked_on=record.revoked_on,
        revoked_reason=record.revoked_reason or "",
        replaced_by=record.replaced_by or "",
    )


def _lang_nav(current: Lang, first: Lang, words: Any) -> str:
    links = []
    for lang in _LANGS:
        name = {Lang.nb: "Bokmål", Lang.nn: "Nynorsk", Lang.en: "English"}[lang]
        if lang is current:
            links.append(f'<strong lang="{lang}">{name}</strong>')
        else:
            href = "./" if lang is first else f"index.{lang}.html"
            links.append(f'<a href="{href}" lang="{lang}" hreflang="{lang}">{name}</a>')
    return f'<nav aria-label="{escape(words.language)}">' + " ".join(links) + "</nav>"


def _head(lang: Lang, title: str, css: str) -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="robots" content="noindex, nofollow">\n<meta name="referrer" content="no-referrer">\n'
        f"<title>{escape(title)}</title>\n"
        f'<link rel="stylesheet" href="{css}">\n</head>\n'
    )


def certificate_page(
    record: CertificateRecord,
    lang: Lang,
    published_on: datetime.date,
    *,
    status_list: bool = False,
) -> str:
    """The HTML page of one certificate in ``lang``: what was certified and its status in
    the register on ``published_on`` (valid, revoked on a date with the reason, or
    replaced by the corrected one — named, not linked: its page needs its own code)."""
    w = _iss.wording(record, lang)
    s = _iss.site_words(lang, record.issuer.name, published_on)
    status = str(record.status)
    e = escape
    parts = [_head(lang, f"{s.page_title}: {record.serial}", "../../style.css"), "<body>\n"]
    parts.append(_lang_nav(lang, record.language, s) + "\n<main>\n")
    parts.append(f"<h1>{e(w.title)}</h1>\n")
    parts.append(f'<p class="holder"><bdi>{e(w.holder_line)}</bdi></p>\n<p>{e(w.attests)}</p>\n')
    # the status first: what an employer opening the page looks for
    parts.append(f'<section aria-labelledby="status-heading">\n<h2 id="status-heading">{e(s.status_heading)}</h2>\n')
    parts.append(f'<p class="status {status}" id="status" data-status="{status}">{e(_status_text(record, lang))}</p>\n')
    parts.append(f"<p><small>{e(s.status_note)}</small></p>\n</section>\n")
    parts.append(f"<h2>{e(w.goals_heading)}</h2>\n<ul>\n")
    parts.extend(f"<li>{e(g)}</li>\n" for g in w.goals)
    parts.append("</ul>\n")
    if w.requirements:
        parts.append(f"<h2>{e(w.requirements_heading)}</h2>\n<ul>\n")
        parts.extend(f"<li>{e(r)}</li>\n" for r in w.requirements)
        parts.append("</ul>\n")
    parts.append(f"<p>{e(w.issued_line)}<br>{e(w.serial_line)}</p>\n")
    parts.append(f"<p>{e(s.independent)}</p>\n<ul>\n")
    parts.append(f'<li><a href="credential.jwt" download="{e(record.serial)}.jwt">{e(s.download)}</a></li>\n')
    parts.append(f'<li><a href="../../jwks.json">{e(s.keys)}</a></li>\n')
    if status_list:
        parts.append(f'<li><a href="../../status/revocation.jwt">{e(s.status_list)}</a></li>\n')
    parts.append("</ul>\n</main>\n</body>\n</html>\n")
    return "".join(parts)


def site_index(issuer_name: str, published_on: datetime.date, *, status_list: bool = False) -> str:
    """The site's front page: what it is and how to check, in bokmål, nynorsk and English."""
    e = escape
    parts = [_head(Lang.nb, _iss.site_words(Lang.nb, issuer_name, published_on).site_title, "style.css"), "<body>\n<main>\n"]
    for lang in _LANGS:
        s = _iss.site_words(lang, issuer_name, published_on)
        parts.append(f'<section lang="{lang}">\n<h1>{e(s.site_title)}</h1>\n<p>{e(s.about)}</p>\n')
        parts.append(f"<p>{e(s.how_to_check)}</p>\n<p>{e(s.independent)}</p>\n")
        parts.append(f'<p><a href="jwks.json">{e(s.keys)}</a>')
        if status_list:
            parts.append(f' · <a href="status/revocation.jwt">{e(s.status_list)}</a>')
        parts.append("</p>\n</section>\n")
    parts.append("</main>\n</body>\n</html>\n")
    return "".join(parts)


def _check_out(out: pathlib.Path, register: pathlib.Path, key_files: Iterable[pathlib.Path]) -> None:
    for k in key_files:
        _iss.check_key_outside(k, out)
    reg = register.resolve()
    o = out.resolve()
    if reg == o or o in reg.parents:
        raise ValueError(f"{out}: the register {register} is inside it; publish into a folder of its own")
    if out.exists():
        if not out.is_dir():
            raise ValueError(f"{out} is not a folder")
        if any(out.iterdir()) and not (out / SITE_MARKER).is_file():
            raise ValueError(
                f"{out} is not empty and holds no site published by smart publish ({SITE_MARKER}); "
                "give an empty or new folder (publishing replaces the whole folder)"
            )


def publish_site(
    register: Register | str | os.PathLike[str],
    key: SigningKey | PublicKey,
    issuer_url: str,
    out: str | os.PathLike[str],
    *,
    status_list: str | None = None,
    published_on: datetime.date | None = None,
    key_files: Iterable[str | os.PathLike[str]] = (),
) -> PublishReport:
    """Writes the verification site of a register into ``out``: built in a temporary folder
    beside it, then put in place with renames, so a reader never sees half a site; files
    0644, folders 0755. Re-running replaces the site (after a revocation: the pages and the
    status list). ``status_list`` is the signed status list (VC-JWT) to publish at
    ``status/revocation.jwt``. ``key_files`` (the secret key files) must not be inside
    ``out``; neither may the register.

    Raises:
        ValueError: ``out`` holds the register or a key file, or is a non-empty folder that
            is not a site published before.
        InvalidArgumentError: ``issuer_url`` is not an https URL (a did:web).
    """
    reg = register if isinstance(register, Register) else Register(register)
    out_path = pathlib.Path(out)
    _check_out(out_path, pathlib.Path(reg.path), [pathlib.Path(k) for k in key_files])
    pk = key.public_key if isinstance(key, SigningKey) else key
    day = published_on or datetime.date.today()
    did_doc = did_document(pk, issuer_url)
    did_rel = _did_path(issuer_url)
    records = reg.records()
    issuer_name = records[-1].issuer.name if records else ""

    parent = out_path.resolve().parent
    parent.mkdir(parents=True, exist_ok=True)
    tmp = pathlib.Path(tempfile.mkdtemp(prefix=f".{out_path.name}.", suffix=".tmp", dir=parent))
    files = 0
    size = 0

    def put(rel: str, text: str) -> None:
        nonlocal files, size
        p = tmp / rel
        p.parent.mkdir(parents=True, exist_ok=True, mode=0o755)
        data = text.encode("utf-8")
        p.write_bytes(data)
        os.chmod(p, 0o644)
        files += 1
        size += len(data)

    try:
        os.chmod(tmp, 0o755)
        put(SITE_MARKER, "A verification site written by smart publish; it is replaced as a whole.\n")
        put(did_rel, did_doc if did_doc.endswith("\n") else did_doc + "\n")
        put("jwks.json", _jwks(did_doc))
        put("style.css", _STYLE)
        if status_list is not None:
            put("status/revocation.jwt", status_list.strip() + "\n")
        put("index.html", site_index(issuer_name, day, status_list=status_list is not None))
        for r in records:
            token = verification_token(r.serial, r.verification_code)
            base = f"c/{token}/"
            put(base + "index.html", certificate_page(r, r.language, day, status_list=status_list is not None))
            for lang in _LANGS:
                if lang is not r.language:
                    put(base + f"index.{lang}.html", certificate_page(r, lang, day, status_list=status_list is not None))
            put(base + "credential.jwt", r.credential_jws + "\n")
            put(base + "status.json", _smart.issuing.site_status_json(r, day))
        for d in [tmp, *(p for p in tmp.rglob("*") if p.is_dir())]:
            os.chmod(d, 0o755)
        old: pathlib.Path | None = None
        if out_path.exists():
            old = pathlib.Path(tempfile.mkdtemp(prefix=f".{out_path.name}.", suffix=".old", dir=parent))
            os.rmdir(old)
            os.rename(out_path, old)
        os.rename(tmp, out_path)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return PublishReport(site=out_path, certificates=len(records), files=files, bytes=size)


def _read(site: str, rel: str, timeout: float) -> bytes | None:
    """A file of a site (an http(s) URL or a folder); None when it is not there."""
    if site.startswith(("http://", "https://")):
        url = site.rstrip("/") + "/" + rel
        try:
            with urllib.request.urlopen(url, timeout=timeout) as resp:  # noqa: S310 (http(s) only)
                data: bytes = resp.read(1 << 20)
                return data
        except urllib.error.HTTPError as exc:
            if exc.code == 404:
                return None
            raise OSError(f"{url}: HTTP {exc.code}") from exc
        except urllib.error.URLError as exc:
            raise OSError(f"{url}: {exc.reason}") from exc
    base = pathlib.Path(urllib.parse.unquote(site[7:]) if site.startswith("file://") else site)
    try:
        return (base / rel).read_bytes()
    except FileNotFoundError:
        return None


def fetch_site_status_list(site: str, *, timeout: float = 10.0) -> str | None:
    """The signed status list a site publishes (``status/revocation.jwt``), or None.

    Raises:
        OSError: the site cannot be read.
    """
    data = _read(site, "status/revocation.jwt", timeout)
    return data.decode("utf-8").strip() if data is not None else None


def fetch_site_certificate(site: str, serial: str, code: str, *, timeout: float = 10.0) -> tuple[str, SiteStatus | None]:
    """The signed token a site publishes for a serial and code, and the status the site
    states (None when it states none). ``site`` is an http(s) URL or a folder.

    Raises:
        LookupError: the site has no certificate for this serial and code.
        OSError: the site cannot be read.
        ValidationError: its status.json is not one (naming the member's JSON Pointer).
    """
    token = verification_token(serial, code)
    jwt = _read(site, f"c/{token}/credential.jwt", timeout)
    if jwt is None:
        raise LookupError(f"{site} has no certificate with this serial and code: check both against the certificate")
    raw = _read(site, f"c/{token}/status.json", timeout)
    status = None if raw is None else _smart.issuing.read_site_status(raw.decode("utf-8"))
    return jwt.decode("utf-8").strip(), status

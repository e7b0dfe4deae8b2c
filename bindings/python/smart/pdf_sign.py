"""Signing certificate PDFs (PAdES baseline B-B, ``/SubFilter /ETSI.CAdES.detached``) and
checking their signatures, with pyHanko.

A signed certificate PDF keeps its PDF/A-2B identification: the signature is an
incremental update (the original bytes stay as they are and are covered by the signature)
that adds an invisible signature field (a widget with an empty rectangle and the print
flag, which PDF/A-2 allows without an appearance) to the one page and an ``/AcroForm`` to
the catalog, and nothing else; the document's metadata is not touched.

Keys and certificates are ``cryptography`` objects: an ECDSA P-256 or RSA private key and
the signer's certificate followed by its chain. :func:`issuer_certificate` makes a
self-signed certificate for an issuer without one; :func:`load_pem_signer` and
:func:`load_pkcs12_signer` read a municipality's own key, certificate and chain.

Speed: pyHanko builds the CMS signature container of a :class:`PdfSigner` once, with a
placeholder digest; every document then gets that container with its own digest and its
own signature value over the (otherwise identical) signed attributes, and a certificate
PDF as :mod:`smart.pdf` writes it (one page, a classic cross-reference table) gets its
incremental update written here directly — about 0.3 ms a document against about 55 ms
for pyHanko's whole signing run. Any other PDF is signed by pyHanko's ``PdfSigner``. Both
are checked by pyHanko's validator and poppler's ``pdfsig`` in tests/python/test_pdf_sign.py.
"""

from __future__ import annotations

import asyncio
import dataclasses
import datetime
import enum
import hashlib
import io
import logging
import os
import pathlib
import re
import tempfile
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Union

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.x509.oid import NameOID

if TYPE_CHECKING:
    from pyhanko.sign.signers.pdf_cms import Signer

__all__ = [
    "PdfSignatureVerdict",
    "PdfSigner",
    "PrivateKey",
    "PublicKeyType",
    "SignatureState",
    "certificate_path",
    "certificate_pem",
    "issuer_certificate",
    "issuer_certificate_file",
    "issuer_key_signer",
    "load_certificates",
    "public_key_of",
    "load_pem_signer",
    "load_pkcs12_signer",
    "private_key_pem",
    "verify_pdf_signature",
]

# pyHanko logs what its validator finds (with tracebacks) at warning level; the verdict says
# it, so without a logging configuration of the application's own nothing goes to stderr
for _name in ("pyhanko", "pyhanko_certvalidator"):
    logging.getLogger(_name).addHandler(logging.NullHandler())

PrivateKey = Union[ec.EllipticCurvePrivateKey, rsa.RSAPrivateKey]
PublicKeyType = Union[ec.EllipticCurvePublicKey, rsa.RSAPublicKey]

FIELD_NAME = "Signature1"


def _need_pyhanko() -> None:
    try:
        import pyhanko  # noqa: F401
    except ImportError as exc:  # pragma: no cover - pyhanko is a dependency
        raise ImportError("signing and checking PDF signatures needs pyHanko: pip install pyhanko") from exc


# ---------------------------------------------------------------- certificates and keys


def issuer_certificate(
    private_key: PrivateKey,
    name: str,
    url: str | None = None,
    *,
    organization: str | None = None,
    country: str | None = "NO",
    valid_years: int = 10,
    now: datetime.datetime | None = None,
) -> x509.Certificate:
    """A self-signed X.509 certificate for an issuer without a certificate of its own:
    subject and issuer CN = ``name``, O = ``organization`` (default ``name``), C =
    ``country``; key usage digitalSignature, nonRepudiation (the signer of a document)
    and keyCertSign (it is its own trust anchor: basicConstraints CA:true, path length 0,
    which pdfsig and pyHanko accept as a trust anchor given to them); with ``url``, a
    subjectAltName URI. SHA-256, valid from a day before ``now`` for ``valid_years``.

    Raises:
        ValueError: the key is not ECDSA P-256/P-384 or RSA (at least 2048 bits), the name is
            empty or ``valid_years`` is not positive.
    """
    _check_key(private_key, "issuer_certificate")
    if not name.strip():
        raise ValueError("issuer_certificate: the issuer's name is empty")
    if valid_years < 1:
        raise ValueError(f"issuer_certificate: valid_years must be at least 1, got {valid_years}")
    attrs = [x509.NameAttribute(NameOID.COMMON_NAME, name), x509.NameAttribute(NameOID.ORGANIZATION_NAME, organization or name)]
    if country:
        attrs.append(x509.NameAttribute(NameOID.COUNTRY_NAME, country))
    subject = x509.Name(attrs)
    start = (now or datetime.datetime.now(datetime.timezone.utc)) - datetime.timedelta(days=1)
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(private_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + datetime.timedelta(days=365 * valid_years + valid_years // 4 + 1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True, content_commitment=True, key_encipherment=False, data_encipherment=False,
                key_agreement=False, key_cert_sign=True, crl_sign=False, encipher_only=False, decipher_only=False,
            ),
            critical=True,
        )  # fmt: skip
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(private_key.public_key()), critical=False)
    )
    if url:
        builder = builder.add_extension(x509.SubjectAlternativeName([x509.UniformResourceIdentifier(url)]), critical=False)
    return builder.sign(private_key, hashes.SHA256())


def issuer_certificate_file(
    path: str | os.PathLike[str], private_key: PrivateKey, name: str, url: str | None = None
) -> list[x509.Certificate]:
    """The issuer's certificate chain kept at ``path`` (PEM), made self-signed with
    :func:`issuer_certificate` and written (never overwritten) when the file does not exist:
    a verifier needs the same certificate for every PDF, so it is made once per key, e.g.
    beside the key file. The seam for ``smart keygen`` and ``smart issue`` once the issuer's
    key is ECDSA P-256: ``PdfSigner(key, issuer_certificate_file(...))``.

    Raises:
        ValueError: the file's first certificate is not the key's (names the file).
    """
    p = pathlib.Path(path)
    if not p.exists():
        data = certificate_pem(issuer_certificate(private_key, name, url))
        # Written whole to a temporary file, then linked into place: a concurrent run sees
        # no file or the whole file, never a partial one; if it linked first, theirs is used.
        fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", dir=p.parent)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
            os.chmod(tmp, 0o644)
            try:
                os.link(tmp, p)
            except FileExistsError:
                pass
        finally:
            os.unlink(tmp)
    chain = load_certificates(p)
    if not _same_key(chain[0], private_key):
        raise ValueError(f"{p}: its certificate is not the certificate of this private key")
    return chain


def certificate_path(key_file: str | os.PathLike[str]) -> pathlib.Path:
    """Where the issuer key's PDF certificate is kept: beside the key file,
    ``issuer.key.json`` -> ``issuer.cert.pem`` (any other name gets ``.cert.pem`` appended)."""
    p = pathlib.Path(key_file)
    stem = p.name[: -len(".key.json")] if p.name.endswith(".key.json") else p.name
    return p.with_name(stem + ".cert.pem")


def issuer_key_signer(key: Any, key_file: str | os.PathLike[str], name: str, url: str | None = None) -> PdfSigner:
    """The PDF signer of the issuer's own ES256 key (a :class:`smart.issuing.SigningKey`, as
    loaded from ``key_file``): the same key signs the credentials and the PDFs, under the
    self-signed certificate kept beside the key file (:func:`certificate_path`; made on
    first use with :func:`issuer_certificate_file`, CN = ``name``). A verifier that trusts
    the issuer's public key trusts the PDF signature too.

    Raises:
        InvalidArgumentError: the key is Ed25519 (PDF readers do not verify it).
        ValueError: the certificate file is not this key's.
    """
    private = serialization.load_pem_private_key(key.private_key_pem(), password=None)
    if not isinstance(private, ec.EllipticCurvePrivateKey):  # pragma: no cover - the core gives P-256 only
        raise ValueError("issuer_key_signer: not an ECDSA key")
    return PdfSigner(private, issuer_certificate_file(certificate_path(key_file), private, name, url))


def public_key_of(key: Any) -> PublicKeyType | None:
    """A :class:`smart.issuing.PublicKey` (ES256) as a ``cryptography`` public key, from the
    core's SubjectPublicKeyInfo PEM; None for an Ed25519 key (it signs no PDF)."""
    if str(key.algorithm) != "ES256":
        return None
    public = serialization.load_pem_public_key(key.public_key_pem())
    return public if isinstance(public, ec.EllipticCurvePublicKey) else None


def _same_key(cert: x509.Certificate, key: PrivateKey) -> bool:
    spki = serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    return bool(cert.public_key().public_bytes(*spki) == key.public_key().public_bytes(*spki))


def _check_key(key: Any, where: str) -> None:
    if isinstance(key, ec.EllipticCurvePrivateKey):
        if key.curve.name not in ("secp256r1", "secp384r1"):
            raise ValueError(f"{where}: an ECDSA key must be on P-256 or P-384 (PDF readers verify these), got {key.curve.name}")
    elif isinstance(key, rsa.RSAPrivateKey):
        if key.key_size < 2048:
            raise ValueError(f"{where}: an RSA key must have at least 2048 bits, got {key.key_size}")
    else:
        raise ValueError(
            f"{where}: expected an ECDSA P-256 or RSA private key (PDF readers do not verify "
            f"{type(key).__name__} signatures), got {type(key).__name__}"
        )


def private_key_pem(key: PrivateKey, password: bytes | None = None) -> bytes:
    """The key as PKCS#8 PEM, encrypted with ``password`` when given."""
    enc: serialization.KeySerializationEncryption = (
        serialization.BestAvailableEncryption(password) if password else serialization.NoEncryption()
    )
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, enc)


def certificate_pem(certs: x509.Certificate | Sequence[x509.Certificate]) -> bytes:
    """Certificates as PEM, one after the other (the signer's first, then its chain)."""
    seq = [certs] if isinstance(certs, x509.Certificate) else list(certs)
    return b"".join(c.public_bytes(serialization.Encoding.PEM) for c in seq)


def load_certificates(path_or_pem: str | os.PathLike[str] | bytes) -> list[x509.Certificate]:
    """The certificates of a PEM file (or PEM bytes), in file order; a DER file holds one.

    Raises:
        ValueError: no certificate in it (the message names the file).
    """
    where, data = _read(path_or_pem)
    try:
        if b"-----BEGIN" in data:
            certs = x509.load_pem_x509_certificates(data)
        else:
            certs = [x509.load_der_x509_certificate(data)]
    except ValueError as exc:
        raise ValueError(f"{where}: expected PEM or DER X.509 certificates ({exc})") from None
    return certs


def _read(path_or_pem: str | os.PathLike[str] | bytes) -> tuple[str, bytes]:
    if isinstance(path_or_pem, bytes):
        return "the certificate data", path_or_pem
    p = pathlib.Path(path_or_pem)
    try:
        return str(p), p.read_bytes()
    except OSError as exc:
        raise ValueError(f"cannot read {p}: {exc.strerror or exc}") from None


def load_pem_signer(
    key_file: str | os.PathLike[str], cert_file: str | os.PathLike[str], password: bytes | None = None
) -> PdfSigner:
    """A :class:`PdfSigner` from a PEM private key file and a PEM file holding the signer's
    certificate followed by its chain (the certificate may also be in the key file).

    Raises:
        ValueError: a file is unreadable, the key is of a kind PDF readers do not verify,
            or the first certificate is not the key's (messages name files, never key
            material).
    """
    where, data = _read(key_file)
    try:
        key = serialization.load_pem_private_key(data, password)
    except (ValueError, TypeError) as exc:
        raise ValueError(f"{where}: not a PEM private key, or a wrong password ({type(exc).__name__})") from None
    _check_key(key, where)
    return PdfSigner(key, load_certificates(cert_file))  # type: ignore[arg-type]


def load_pkcs12_signer(path: str | os.PathLike[str], password: bytes | None = None) -> PdfSigner:
    """A :class:`PdfSigner` from a PKCS#12 file (``.p12``/``.pfx``: key, certificate and
    chain, as a municipality's certificate provider delivers them).

    Raises:
        ValueError: as :func:`load_pem_signer`, or the file holds no key or certificate.
    """
    from cryptography.hazmat.primitives.serialization import pkcs12

    where, data = _read(path)
    try:
        key, cert, extra = pkcs12.load_key_and_certificates(data, password)
    except (ValueError, TypeError) as exc:
        raise ValueError(f"{where}: not a PKCS#12 file, or a wrong password ({type(exc).__name__})") from None
    if key is None or cert is None:
        raise ValueError(f"{where}: the PKCS#12 file holds no private key or no certificate")
    _check_key(key, where)
    return PdfSigner(key, [cert, *extra])  # type: ignore[arg-type]


# ---------------------------------------------------------------- signing


def _der_len(n: int) -> bytes:
    if n < 0x80:
        return bytes([n])
    b = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(b)]) + b


def _tlv(tag: int, body: bytes) -> bytes:
    return bytes([tag]) + _der_len(len(body)) + body


@dataclasses.dataclass(frozen=True)
class _CmsTemplate:
    """A CAdES-detached ``SignedData`` as pyHanko builds it, cut around the message
    digest and the signature value (all else is the same for every document)."""

    attrs_before: bytes  # the DER of the signed attributes (a SET) up to the digest
    attrs_after: bytes
    signer_info_head: bytes  # version, sid, digestAlgorithm
    signature_algorithm: bytes
    signed_data_head: bytes  # version, digestAlgorithms, encapContentInfo, certificates
    content_type: bytes
    max_size: int


class PdfSigner:
    """Signs PDFs with one key and certificate chain (``chain[0]`` is the signer's
    certificate). Build it once and reuse it: the CMS template is made on construction.

    Raises:
        ValueError: the key kind is not one PDF readers verify, the chain is empty, or the
            first certificate is not the key's.
    """

    def __init__(self, private_key: PrivateKey, chain: Sequence[x509.Certificate], *, field_name: str = FIELD_NAME) -> None:
        _need_pyhanko()
        _check_key(private_key, "PdfSigner")
        if not chain:
            raise ValueError("PdfSigner: the certificate chain is empty (give at least the signer's certificate)")
        if not _same_key(chain[0], private_key):
            raise ValueError("PdfSigner: the first certificate of the chain is not the private key's certificate")
        self.private_key = private_key
        self.chain = list(chain)
        self.field_name = field_name
        self._signer = self._pyhanko_signer()
        self._template = self._make_template()

    @property
    def certificate(self) -> x509.Certificate:
        """The signer's certificate."""
        return self.chain[0]

    def _pyhanko_signer(self) -> Signer:
        from asn1crypto import keys as akeys
        from asn1crypto import x509 as ax509
        from pyhanko.sign.signers.pdf_cms import SimpleSigner
        from pyhanko_certvalidator.registry import SimpleCertificateStore

        der = serialization.Encoding.DER
        certs = [ax509.Certificate.load(c.public_bytes(der)) for c in self.chain]
        key = akeys.PrivateKeyInfo.load(
            self.private_key.private_bytes(der, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
        )
        return SimpleSigner(signing_cert=certs[0], signing_key=key, cert_registry=SimpleCertificateStore.from_certs(certs))  # type: ignore[no-untyped-call]

    def _make_template(self) -> _CmsTemplate:
        placeholder = b"\x5a" * 32
        ci = asyncio.run(self._signer.async_sign(placeholder, "sha256", use_pades=True))
        sd = ci["content"]
        si = sd["signer_infos"][0]
        attrs = si["signed_attrs"].untag().dump()
        if attrs.count(placeholder) != 1 or len(sd["signer_infos"]) != 1:  # pragma: no cover - pyHanko changed
            raise RuntimeError("PdfSigner: pyHanko's CMS container is not the expected CAdES-detached SignedData")
        before, after = attrs.split(placeholder)
        t = _CmsTemplate(
            attrs_before=before,
            attrs_after=after,
            signer_info_head=si["version"].dump() + si["sid"].dump() + si["digest_algorithm"].dump(),
            signature_algorithm=si["signature_algorithm"].dump(),
            signed_data_head=sd["version"].dump() + sd["digest_algorithms"].dump() + sd["encap_content_info"].dump()
            + sd["certificates"].dump(),
            content_type=ci["content_type"].dump(),
            max_size=0,
        )  # fmt: skip
        sig_max = 2 * 72 if isinstance(self.private_key, ec.EllipticCurvePrivateKey) else self.private_key.key_size // 8
        size = len(self._cms_with(t, b"\0" * 32, b"\0" * sig_max)) + 16
        size += size % 2  # pyHanko reserves an even number of bytes
        return dataclasses.replace(t, max_size=size)

    @staticmethod
    def _cms_with(t: _CmsTemplate, digest: bytes, signature: bytes) -> bytes:
        attrs = t.attrs_before + digest + t.attrs_after
        signer_info = _tlv(0x30, t.signer_info_head + b"\xa0" + attrs[1:] + t.signature_algorithm + _tlv(0x04, signature))
        signed_data = _tlv(0x30, t.signed_data_head + _tlv(0x31, signer_info))
        return _tlv(0x30, t.content_type + _tlv(0xA0, signed_data))

    def cms(self, digest: bytes) -> bytes:
        """The DER CMS ``ContentInfo`` (CAdES detached, PAdES B-B signed attributes:
        content type, message digest, signing-certificate-v2) for a SHA-256 ``digest``."""
        if len(digest) != 32:
            raise ValueError(f"PdfSigner.cms: expected a SHA-256 digest of 32 bytes, got {len(digest)}")
        t = self._template
        attrs = t.attrs_before + digest + t.attrs_after
        key = self.private_key
        if isinstance(key, ec.EllipticCurvePrivateKey):
            sig = key.sign(attrs, ec.ECDSA(hashes.SHA256()))
        else:
            sig = key.sign(attrs, padding.PKCS1v15(), hashes.SHA256())
        return self._cms_with(t, digest, sig)

    def sign(self, pdf: bytes, *, signing_time: datetime.datetime | None = None) -> bytes:
        """The PDF with a PAdES B-B signature over all of it, appended as an incremental
        update (an invisible signature field). A one-page PDF with a classic
        cross-reference table and no form or annotations (as :mod:`smart.pdf` writes) is
        updated directly; any other PDF is signed by pyHanko.

        Raises:
            ValueError: not a PDF pyHanko can read.
        """
        when = signing_time or datetime.datetime.now(datetime.timezone.utc)
        fast = self._sign_simple(pdf, when)
        return fast if fast is not None else self.sign_with_pyhanko(pdf, signing_time=when)

    def sign_with_pyhanko(self, pdf: bytes, *, signing_time: datetime.datetime | None = None) -> bytes:
        """:meth:`sign` by pyHanko's ``PdfSigner`` for any PDF (an invisible field; the
        ESIC extension for PDF 1.7; the XMP metadata's dates and producer updated)."""
        from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
        from pyhanko.pdf_utils.misc import PdfReadError
        from pyhanko.sign import fields, signers
        from pyhanko.sign.signers import pdf_signer

        class _Pdf17Signer(signers.PdfSigner):
            # pyHanko declares ISO/TS 32002 (a PDF 2.0 extension) for ECDSA; a PDF/A-2
            # file is PDF 1.7, whose PAdES extension (ESIC) is all a reader needs
            def register_extensions(self, pdf_out: Any, *, md_algorithm: str) -> None:
                pdf_signer._ensure_esic_ext(pdf_out)

        meta = signers.PdfSignatureMetadata(
            field_name=self.field_name, subfilter=fields.SigSeedSubFilter.PADES, md_algorithm="sha256"
        )
        try:
            w = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
        except (PdfReadError, ValueError, KeyError, IndexError) as exc:
            raise ValueError(f"not a PDF that can be signed ({exc})") from None
        out = io.BytesIO()
        timestamp = signing_time or datetime.datetime.now(datetime.timezone.utc)
        _Pdf17Signer(meta, signer=self._signer).sign_pdf(
            w, output=out, appearance_text_params={"ts": timestamp}
        )
        return out.getvalue()

    def _sign_simple(self, pdf: bytes, when: datetime.datetime) -> bytes | None:
        """The incremental update of a simple PDF (see :meth:`sign`), or None when the PDF
        is not of that shape."""
        shape = _simple_shape(pdf)
        if shape is None:
            return None
        size = shape.size
        acro, widget, sig = size, size + 1, size + 2
        hex_len = 2 * self._template.max_size
        m = when.astimezone(datetime.timezone.utc).strftime("D:%Y%m%d%H%M%S+00'00'")
        br_slot = b"/ByteRange [" + b" " * 40 + b"]"
        objects = {
            shape.root: shape.root_body + b"\n/AcroForm %d 0 R" % acro,
            shape.page: shape.page_body + b"\n/Annots [%d 0 R]" % widget,
            acro: b"\n/Fields [%d 0 R]\n/SigFlags 3" % widget,
            widget: b"\n/Type /Annot\n/Subtype /Widget\n/FT /Sig\n/F 132\n/Rect [0 0 0 0]\n/T (%s)\n/P %d 0 R\n/V %d 0 R"
            % (self.field_name.encode("latin-1"), shape.page, sig),
            sig: b"\n/Type /Sig\n/Filter /Adobe.PPKLite\n/SubFilter /ETSI.CAdES.detached\n/M (%s)\n%s\n/Contents <%s>"
            % (m.encode("ascii"), br_slot, b"0" * hex_len),
        }
        out = bytearray(pdf if pdf.endswith(b"\n") else pdf + b"\n")
        offsets: dict[int, int] = {}
        for num in sorted(objects):
            offsets[num] = len(out)
            out += b"%d 0 obj\n<<%s\n>>\nendobj\n" % (num, objects[num])
        xref_at = len(out)
        out += b"xref\n"
        nums = sorted(objects)
        i = 0
        while i < len(nums):  # runs of consecutive numbers, one subsection each
            j = i
            while j + 1 < len(nums) and nums[j + 1] == nums[j] + 1:
                j += 1
            out += b"%d %d\n" % (nums[i], j - i + 1)
            for n in nums[i : j + 1]:
                out += b"%010d 00000 n \n" % offsets[n]
            i = j + 1
        out += b"trailer\n<<\n/Size %d\n/Root %d 0 R\n%s/Prev %d\n>>\nstartxref\n%d\n%%%%EOF\n" % (
            sig + 1, shape.root, shape.trailer_extra, shape.startxref, xref_at
        )  # fmt: skip
        # the byte range: everything but the hex string of /Contents
        sig_at = offsets[sig]
        c0 = out.index(b"/Contents <", sig_at) + len(b"/Contents ")
        c1 = c0 + hex_len + 2
        ranges = b"/ByteRange [0 %d %d %d]" % (c0, c1, len(out) - c1)
        b0 = out.index(br_slot, sig_at)
        out[b0 : b0 + len(br_slot)] = ranges[:-1].ljust(len(br_slot) - 1) + b"]"  # same length: offsets stay
        digest = hashlib.sha256(bytes(out[:c0]) + bytes(out[c1:])).digest()
        cms = self.cms(digest).hex().upper().encode("ascii")
        out[c0 + 1 : c0 + 1 + len(cms)] = cms
        return bytes(out)


@dataclasses.dataclass(frozen=True)
class _Shape:
    startxref: int
    size: int
    root: int
    root_body: bytes
    page: int
    page_body: bytes
    trailer_extra: bytes  # /ID and /Info, copied into the new trailer


_INT = rb"(\d+)"


def _simple_shape(pdf: bytes) -> _Shape | None:
    """The objects a signature updates, for a PDF with one classic cross-reference table
    (no earlier revision, no encryption), one page, no form and no annotations."""
    tail = pdf[-64:]
    m = re.search(rb"startxref\s+" + _INT + rb"\s+%%EOF\s*$", tail)
    if not m or not pdf.startswith(b"%PDF-1."):
        return None
    startxref = int(m.group(1))
    t = re.compile(rb"xref\s+0\s+" + _INT + rb"\s+").match(pdf, startxref)
    if not t:
        return None
    count = int(t.group(1))
    table_at = t.end()
    entries = pdf[table_at : table_at + 20 * count]
    tr = re.compile(rb"\s*trailer\s*<<(.*?)>>\s*startxref", re.S).match(pdf, table_at + 20 * count)
    if not tr or len(entries) != 20 * count:
        return None
    trailer = tr.group(1)
    if b"/Prev" in trailer or b"/Encrypt" in trailer or b"/XRefStm" in trailer:
        return None
    size_m = re.search(rb"/Size\s+" + _INT, trailer)
    root_m = re.search(rb"/Root\s+" + _INT + rb"\s+0\s+R", trailer)
    if not size_m or not root_m or int(size_m.group(1)) != count:
        return None
    extra = b"".join(x.group(0) + b"\n" for x in re.finditer(rb"/(?:ID\s*\[[^\]]*\]|Info\s+\d+\s+0\s+R)", trailer))

    def body(num: int) -> bytes | None:
        if not 0 < num < count:
            return None
        e = entries[20 * num : 20 * num + 20]
        if e[17:18] != b"n":
            return None
        off = int(e[:10])
        om = re.compile(rb"%d\s+0\s+obj\s*<<" % num).match(pdf, off)
        if not om:
            return None
        end = pdf.find(b"endobj", om.end())
        inner = pdf[om.end() : end].rstrip()
        if end < 0 or not inner.endswith(b">>") or b"stream" in inner:
            return None
        return inner[:-2]

    root_num = int(root_m.group(1))
    root = body(root_num)
    if root is None or b"/AcroForm" in root or b"/Perms" in root or b"/Type /Catalog" not in root:
        return None
    pages_m = re.search(rb"/Pages\s+" + _INT + rb"\s+0\s+R", root)
    pages = body(int(pages_m.group(1))) if pages_m else None
    if pages is None:
        return None
    kids = re.search(rb"/Kids\s*\[\s*" + _INT + rb"\s+0\s+R\s*\]", pages)
    if not kids or not re.search(rb"/Count\s+1\b", pages):
        return None
    page_num = int(kids.group(1))
    page = body(page_num)
    if page is None or b"/Annots" in page or b"/Type /Page" not in page:
        return None
    return _Shape(startxref, count, root_num, root, page_num, page, extra)


# ---------------------------------------------------------------- checking

# what pyHanko's reader and validator raise on a damaged or hostile file, besides their own
# errors: the verdict is then "unreadable" or "broken", never a traceback
_PARSE_ERRORS = (ValueError, KeyError, IndexError, TypeError, AttributeError, NotImplementedError, RecursionError, EOFError)


class SignatureState(str, enum.Enum):
    """What :func:`verify_pdf_signature` found, from worst to best."""

    unreadable = "unreadable"  # not a PDF pyHanko can read
    unsigned = "unsigned"  # no signature at all
    broken = "broken"  # a signature whose bytes or certificate do not match the document
    modified = "modified"  # the signature is intact, but the file was changed after signing
    untrusted = "untrusted"  # intact and covering the whole file, signer not a trust anchor given
    intact = "intact"  # intact, covering the whole file; no trust anchors were given
    trusted = "trusted"  # intact, covering the whole file, signer chains to a trust anchor

    def __str__(self) -> str:
        return str(self.value)


@dataclasses.dataclass(frozen=True)
class PdfSignatureVerdict:
    """The result of :func:`verify_pdf_signature`.

    Attributes:
        state: see :class:`SignatureState`.
        signer: The signer certificate's subject (RFC 4514), when there is a signature.
        signed_at: The signing time the signature states (``/M``), if any.
        signatures: How many signatures the PDF has.
        detail: What was checked and found, in English; it says that a signature is
            valid only when a signature was checked and found valid.
    """

    state: SignatureState
    signer: str
    signed_at: datetime.datetime | None
    signatures: int
    detail: str

    @property
    def ok(self) -> bool:
        """The signature is intact over the whole file and chains to a given trust anchor."""
        return self.state is SignatureState.trusted


def verify_pdf_signature(
    pdf: bytes,
    trusted_certs: Sequence[x509.Certificate] | None = None,
    trusted_keys: Sequence[PublicKeyType] | None = None,
) -> PdfSignatureVerdict:
    """Checks the PDF's signature with pyHanko: the CMS signature must verify over the
    signed byte ranges (intact), the signed revision must be the whole file (no byte
    appended or changed after signing: coverage of the entire file, no modification), and,
    with ``trusted_certs``, the signer's certificate must chain to one of them — or, with
    ``trusted_keys``, its public key must be one of them (the issuer's own key: ``smart
    issue`` signs PDFs with the issuer key of the credentials, under a self-signed
    certificate, so the key a verifier already trusts vouches for the PDF too). A PDF with
    more than one signature is checked on its last one; certificates are not checked for
    revocation (no network)."""
    _need_pyhanko()
    from pyhanko.pdf_utils.misc import PdfReadError
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation.errors import SignatureValidationError
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        sigs = list(reader.embedded_signatures)
    except PdfReadError as exc:
        return PdfSignatureVerdict(SignatureState.unreadable, "", None, 0, f"not a readable PDF ({exc})")
    except _PARSE_ERRORS as exc:
        return PdfSignatureVerdict(SignatureState.unreadable, "", None, 0, f"not a readable PDF ({exc})")
    if not sigs:
        return PdfSignatureVerdict(SignatureState.unsigned, "", None, 0, "the PDF carries no signature")
    sig = sigs[-1]
    n = len(sigs)
    try:
        signer = x509.load_der_x509_certificate(sig.signer_cert.dump()).subject.rfc4514_string()
    except (ValueError, KeyError, AttributeError, TypeError):
        signer = ""
    signed_at = sig.self_reported_timestamp
    from asn1crypto import x509 as ax509

    anchors = [ax509.Certificate.load(c.public_bytes(serialization.Encoding.DER)) for c in trusted_certs or ()]
    vc = ValidationContext(trust_roots=anchors, allow_fetching=False, revocation_mode="soft-fail")
    try:
        status = validate_pdf_signature(sig, vc)
    except (SignatureValidationError, PdfReadError, *_PARSE_ERRORS) as exc:
        return PdfSignatureVerdict(SignatureState.broken, signer, signed_at, n, f"the signature could not be checked: {exc}")
    if not status.intact or not status.valid:
        what = "the signed bytes changed after signing" if not status.intact else "the signature value does not verify"
        return PdfSignatureVerdict(SignatureState.broken, signer, signed_at, n, f"the signature is broken: {what}")
    if status.coverage is not SignatureCoverageLevel.ENTIRE_FILE:
        return PdfSignatureVerdict(
            SignatureState.modified, signer, signed_at, n,
            "the signature is intact, but the file was changed after signing (the signature covers "
            f"{_coverage(status)}; changes to the document's objects after it: {_changes(status)})",
        )  # fmt: skip
    if trusted_keys and _signer_key_in(sig.signer_cert, trusted_keys):
        return PdfSignatureVerdict(
            SignatureState.trusted, signer, signed_at, n,
            f"the PDF signature is valid: by {signer}, whose key is the issuer's trusted key, over the whole "
            "file, unchanged since signing",
        )  # fmt: skip
    if trusted_certs is None and not trusted_keys:
        return PdfSignatureVerdict(
            SignatureState.intact, signer, signed_at, n,
            f"the signature by {signer} is intact and covers the whole file; its certificate was not checked "
            "against a trusted certificate",
        )  # fmt: skip
    if not status.trusted:
        return PdfSignatureVerdict(
            SignatureState.untrusted, signer, signed_at, n,
            f"the signature is intact and covers the whole file, but its signer {signer} is not one of the "
            "trusted certificates",
        )  # fmt: skip
    return PdfSignatureVerdict(
        SignatureState.trusted, signer, signed_at, n,
        f"the PDF signature is valid: by {signer}, a trusted certificate, over the whole file, unchanged since signing",
    )  # fmt: skip


def _signer_key_in(signer_cert: Any, keys: Sequence[PublicKeyType]) -> bool:
    """True when the signer certificate's public key is one of ``keys`` (SubjectPublicKeyInfo
    compared byte for byte)."""
    spki = serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    try:
        signer = x509.load_der_x509_certificate(signer_cert.dump()).public_key().public_bytes(*spki)
    except (ValueError, TypeError, AttributeError):
        return False
    return any(k.public_bytes(*spki) == signer for k in keys)


_COVERAGE = {
    "ENTIRE_REVISION": "its own revision, not what was appended to it",
    "CONTIGUOUS_BLOCK_FROM_START": "a block from the start of the file, not all of it",
    "UNCLEAR": "an unclear part of the file",
}


def _coverage(status: Any) -> str:
    c = status.coverage
    return "an unclear part of the file" if c is None else _COVERAGE.get(str(c.name), str(c.name).lower())


def _changes(status: Any) -> str:
    try:
        level = status.modification_level
    except (AttributeError, ValueError):  # pragma: no cover - pyHanko's diff analysis failed
        level = None
    return "not analysed" if level is None else str(level.name).lower().replace("_", " ")

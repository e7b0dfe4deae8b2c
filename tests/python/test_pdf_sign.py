"""Signed certificate PDFs (PAdES B-B inside PDF/A-2B) and `verify` on the PDF signature
first: the forgeries a text comparison cannot see (a white box and a name whose
text-extraction map reads as spaces; a swapped QR code) are `tampered`, as is any byte
changed after signing; poppler's pdfsig is the independent check."""

from __future__ import annotations

import datetime
import io
import pathlib
import re
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
from cryptography.hazmat.primitives.serialization import pkcs12

import smart
from smart import issuing, pdf_sign
from smart.issuing_verify import _read_pdf_pages, _verify_pdf_text
from smart.pdf import certificate_pdf
from smart.pdf_sign import PdfSigner, SignatureState, issuer_certificate, verify_pdf_signature

pytestmark = pytest.mark.skipif(shutil.which("pdfsig") is None, reason="needs poppler-utils (scripts/setup.sh)")

ROOT = pathlib.Path(__file__).resolve().parents[2]
DEMO = ROOT / "examples/cohorts/trener-2024-demo.json"
AS_OF = datetime.date(2025, 4, 30)
ISSUER = issuing.Issuer(id="urn:smart:test:eksempel-kommune", name="Eksempel kommune")


@dataclass
class Issued:
    key: issuing.SigningKey
    pdf_key: ec.EllipticCurvePrivateKey
    cert: x509.Certificate
    signer: PdfSigner
    register: issuing.Register
    record: issuing.CertificateRecord
    pdf: pathlib.Path
    unsigned_pdf: bytes

    def verify(self, data: bytes, tmp: pathlib.Path, trusted: list[x509.Certificate] | None = None) -> issuing.Verification:
        p = tmp / "check.pdf"
        p.write_bytes(data)
        certs = [self.cert] if trusted is None else trusted
        return issuing.verify_pdf(p, [self.key], self.register, trusted_certs=certs)

    def text_check_alone(self, data: bytes, tmp: pathlib.Path) -> issuing.Verification:
        """What `verify` said before PDFs were signed: the register against the page's text."""
        p = tmp / "text.pdf"
        p.write_bytes(data)
        return _verify_pdf_text(_read_pdf_pages(p), [self.key], self.register)


@pytest.fixture(scope="module")
def issued(tmp_path_factory: pytest.TempPathFactory) -> Issued:
    tmp = tmp_path_factory.mktemp("signed")
    key = issuing.generate_signing_key()
    pdf_key = ec.generate_private_key(ec.SECP256R1())
    cert = issuer_certificate(pdf_key, ISSUER.name, "https://example.kommune.no")
    signer = PdfSigner(pdf_key, [cert])
    ev = smart.load_cohort(DEMO).evaluate(AS_OF)
    report = issuing.issue_cohort(ev, tmp / "out", key, ISSUER, issued_on=AS_OF, pdf_signer=signer)
    record = report.issued[0]
    unsigned = certificate_pdf(issuing.certificate_text(record))
    return Issued(key, pdf_key, cert, signer, issuing.Register(tmp / "out/register.jsonl"), record,
                  tmp / "out" / f"{record.serial}.pdf", unsigned)  # fmt: skip


def pdfsig(data: bytes, tmp: pathlib.Path) -> str:
    p = tmp / "pdfsig.pdf"
    p.write_bytes(data)
    # pdfsig exits non-zero for a signature it finds invalid: its words are the verdict
    return subprocess.run(["pdfsig", str(p)], capture_output=True, text=True).stdout


def pdfsig_ok(report: str) -> bool:
    return "Signature Validation: Signature is Valid." in report and "Total document signed" in report


# ---------------------------------------------------------------- the genuine certificate


def test_a_genuine_signed_certificate_is_valid_for_pdfsig_and_for_verify(issued: Issued, tmp_path: pathlib.Path) -> None:
    data = issued.pdf.read_bytes()
    report = pdfsig(data, tmp_path)
    assert pdfsig_ok(report), report
    assert "Signature Type: ETSI.CAdES.detached" in report
    assert f"Signer Certificate Common Name: {ISSUER.name}" in report
    assert "Signing Hash Algorithm: SHA-256" in report
    # one signature, whose byte ranges run to the last byte of the file
    ranges = re.findall(r"\[(\d+) - (\d+)\], \[(\d+) - (\d+)\]", report)
    assert len(ranges) == 1 and ranges[0][0] == "0" and int(ranges[0][3]) == len(data)

    v = issued.verify(data, tmp_path)
    assert v.status is issuing.VerificationStatus.valid and v.ok, v.detail
    assert v.serial == issued.record.serial and v.credential is not None
    assert v.detail.startswith("the PDF signature is valid: by ") and "CN=Eksempel kommune" in v.detail
    assert issued.record.serial in v.detail

    sv = verify_pdf_signature(data, [issued.cert])
    assert sv.state is SignatureState.trusted and sv.ok and sv.signatures == 1
    assert f"CN={ISSUER.name}" in sv.signer and sv.signed_at is not None


def test_signing_keeps_the_pdf_a_2b_file_and_appends_an_invisible_field(issued: Issued, tmp_path: pathlib.Path) -> None:
    pikepdf = pytest.importorskip("pikepdf")
    data = issued.pdf.read_bytes()
    signed_again = issued.signer.sign(issued.unsigned_pdf)
    assert signed_again.startswith(issued.unsigned_pdf)  # an incremental update: the original bytes stay
    with pikepdf.open(io.BytesIO(data)) as doc:
        assert doc.pdf_version <= "1.7" and "/Version" not in doc.Root  # PDF/A-2 is PDF 1.7
        assert doc.open_metadata().pdfa_status == "2B"
        assert len(doc.pages) == 1
        assert doc.check_pdf_syntax() == []  # qpdf: cross-references, objects, content streams
        (field,) = doc.Root.AcroForm.Fields
        assert field.FT == "/Sig" and int(doc.Root.AcroForm.SigFlags) == 3
        assert [float(x) for x in field.Rect] == [0, 0, 0, 0]  # invisible: no appearance needed
        assert int(field.F) & 4  # printable, as PDF/A requires of an annotation
        assert field.V.SubFilter == "/ETSI.CAdES.detached" and field.V.Filter == "/Adobe.PPKLite"
    info = subprocess.run(["pdfinfo", str(issued.pdf)], check=True, capture_output=True, text=True).stdout
    assert re.search(r"^Pages:\s+1$", info, re.M)


def test_the_signature_has_the_pades_baseline_b_attributes(issued: Issued) -> None:
    from asn1crypto import cms

    sig = verify_pdf_signature(issued.pdf.read_bytes())
    assert sig.state is SignatureState.intact  # no trust anchor given: intact, and nothing more is said
    assert "valid" not in sig.detail
    raw = issued.signer.cms(b"\x01" * 32)
    si = cms.ContentInfo.load(raw)["content"]["signer_infos"][0]
    names = [a["type"].native for a in si["signed_attrs"]]
    assert names == ["content_type", "message_digest", "signing_certificate_v2"]  # no signing-time: /M has it
    assert si["signed_attrs"][1]["values"][0].native == b"\x01" * 32


def test_rsa_keys_and_other_pdfs_are_signed_too(tmp_path: pathlib.Path) -> None:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    cert = issuer_certificate(key, "RSA kommune")
    signer = PdfSigner(key, [cert])
    from fpdf import FPDF

    doc = FPDF()
    for _ in range(2):  # two pages: not the certificate's shape, so pyHanko signs it
        doc.add_page()
    two_pages = bytes(doc.output())
    by_pyhanko = signer.sign_with_pyhanko(certificate_pdf(_text()))
    for data in (signer.sign(two_pages), by_pyhanko):
        assert pdfsig_ok(pdfsig(data, tmp_path))
        assert verify_pdf_signature(data, [cert]).state is SignatureState.trusted
    pikepdf = pytest.importorskip("pikepdf")
    with pikepdf.open(io.BytesIO(by_pyhanko)) as doc:  # pyHanko's way keeps PDF/A-2B too
        assert doc.open_metadata().pdfa_status == "2B"
        assert str(doc.Root.get("/Version", "/1.7")) == "/1.7"  # not the PDF 2.0 ISO/TS 32002 declares


def _text() -> Any:
    from smart.pdf import CertificateText

    return CertificateText(
        title="Kompetansebevis", holder="Åse Grønlie", attests="har gjennomført.", goals_heading="Mål", goals=["a"],
        requirements_heading="Krav", requirements=["b"], issued_line="Utstedt", serial_line="SMART-0NRP-XRP6-5KTE",
        code_line="7K2M-QX9P", verify_hint="-", qr_text="SMART-0NRP-XRP6-5KTE 7K2M-QX9P",
    )  # fmt: skip


@pytest.mark.skipif(shutil.which("certutil") is None, reason="needs libnss3-tools (scripts/setup.sh)")
def test_a_reader_that_trusts_the_issuer_certificate_shows_the_signature_as_trusted(
    issued: Issued, tmp_path: pathlib.Path
) -> None:
    """pdfsig with an NSS database holding the issuer's self-signed certificate as a
    trusted CA (what importing it into a PDF reader does): trusted. The same name on a
    forger's certificate is not. (A self-signed certificate with CA:false cannot be made
    trusted this way: NSS then says "Certificate issuer is unknown" — hence CA:true.)"""
    nss = tmp_path / "nss"
    nss.mkdir()
    (tmp_path / "issuer.pem").write_bytes(pdf_sign.certificate_pem(issued.cert))
    subprocess.run(["certutil", "-N", "-d", f"sql:{nss}", "--empty-password"], check=True, capture_output=True)
    subprocess.run(["certutil", "-A", "-d", f"sql:{nss}", "-n", "issuer", "-t", "C,C,C", "-i", str(tmp_path / "issuer.pem")],
                   check=True, capture_output=True)  # fmt: skip

    def check(data: bytes) -> str:
        (tmp_path / "s.pdf").write_bytes(data)
        return subprocess.run(["pdfsig", "-nssdir", f"sql:{nss}", str(tmp_path / "s.pdf")], capture_output=True, text=True).stdout

    report = check(issued.pdf.read_bytes())
    assert pdfsig_ok(report) and "Certificate Validation: Certificate is Trusted." in report, report
    forger_key = ec.generate_private_key(ec.SECP256R1())
    forged = PdfSigner(forger_key, [issuer_certificate(forger_key, ISSUER.name)]).sign(issued.unsigned_pdf)
    report = check(forged)
    assert "Signature is Valid." in report and "Certificate is Trusted." not in report, report


# ---------------------------------------------------------------- forgeries


def _space_font_and_cids(font: Any, text: str) -> tuple[bytes, str]:
    """A ToUnicode map of the font that turns every glyph into a space, and ``text`` as the
    font's glyph ids (hex) — the glyphs a reader draws, the spaces extraction reads."""
    cmap = font.ToUnicode.read_bytes().decode("latin-1")
    to_cid = {chr(int(u, 16)): cid for cid, u in re.findall(r"<([0-9A-F]{4})> <([0-9A-F]{4})>", cmap)}
    spaces = re.sub(r"(<[0-9A-F]{4}>) <[0-9A-F]{4}>", r"\1 <0020>", cmap)
    return spaces.encode("latin-1"), "".join(to_cid[c] for c in text)


def _qr_squares(text: str, x0: float, y_top: float, size: float) -> bytes:
    import segno

    qr = segno.make(text, error="m")
    m = [list(row) for row in qr.matrix]
    cell = size / len(m)
    out = [b"q 0 g"]
    for r, row in enumerate(m):
        for c, dark in enumerate(row):
            if dark:
                out.append(b"%.2f %.2f %.2f %.2f re f" % (x0 + c * cell, y_top - (r + 1) * cell, cell, cell))
    out.append(b"Q")
    return b"\n".join(out)


FAKE_NAME = "Noen Andre"
FAKE_URL = "https://evil.example/ok"


def _forgery_content(font: Any, what: str) -> tuple[bytes, bytes | None]:
    """The content drawn over the page, and the ToUnicode map of the forger's font (for a
    new name)."""
    if what == "name":
        spaces, cids = _space_font_and_cids(font, FAKE_NAME)
        draw = b"q 1 g 40 638 515 36 re f Q\nBT /FX 22 Tf 0 g 230 648.2 Td <%s> Tj ET" % cids.encode("ascii")
        return draw, spaces
    # the QR code: 34 mm square, 25 mm from the right and 27 mm from the bottom edge
    mm = 72 / 25.4
    x0, bottom, size = (210 - 25 - 34) * mm, 27 * mm, 34 * mm
    white = b"q 1 g %.2f %.2f %.2f %.2f re f Q\n" % (x0 - 5, bottom - 5, size + 10, size + 10)
    return white + _qr_squares(FAKE_URL, x0, bottom + size, size), None


def forge_incrementally(signed: bytes, what: str) -> bytes:
    """The forgery as an incremental update after the signature (pyHanko's writer): the
    signed bytes stay intact."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    w = IncrementalPdfFileWriter(io.BytesIO(signed))
    page = w.root["/Pages"]["/Kids"][0].get_object()
    bold = page["/Resources"]["/Font"]["/F2"]
    draw, spaces = _forgery_content(_PyHankoFont(bold), what)
    resources = None
    if spaces is not None:
        fx = generic.DictionaryObject({generic.NameObject(k): bold.raw_get(k) for k in bold.keys()})
        fx[generic.NameObject("/ToUnicode")] = w.add_object(generic.StreamObject(stream_data=spaces))
        resources = generic.DictionaryObject(
            {generic.NameObject("/Font"): generic.DictionaryObject({generic.NameObject("/FX"): w.add_object(fx)})}
        )
    w.add_stream_to_page(0, w.add_object(generic.StreamObject(stream_data=draw)), resources=resources)
    out = io.BytesIO()
    w.write(out)
    return out.getvalue()


class _PyHankoFont:
    def __init__(self, font: Any) -> None:
        self.ToUnicode = _Stream(font["/ToUnicode"].data)


class _Stream:
    def __init__(self, data: bytes) -> None:
        self.data = data

    def read_bytes(self) -> bytes:
        return self.data


def forge_by_rewriting(signed: bytes, what: str) -> bytes:
    """The forgery written as a whole new file (pikepdf), the signature dictionary copied."""
    pikepdf = pytest.importorskip("pikepdf")
    with pikepdf.open(io.BytesIO(signed)) as doc:
        page = doc.pages[0]
        bold = page.obj.Resources.Font.F2
        draw, spaces = _forgery_content(bold, what)
        if spaces is not None:
            fx = pikepdf.Dictionary({k: bold[k] for k in bold.keys()})
            fx.ToUnicode = doc.make_stream(spaces)
            page.obj.Resources.Font.FX = doc.make_indirect(fx)
        page.contents_add(doc.make_stream(draw))
        out = io.BytesIO()
        doc.save(out)
        return out.getvalue()


def _shows(data: bytes, tmp: pathlib.Path) -> tuple[str, list[str]]:
    """What the page's text extraction reads, and what its QR codes say when drawn."""
    zxingcpp = pytest.importorskip("zxingcpp")
    from PIL import Image

    p = tmp / "shown.pdf"
    p.write_bytes(data)
    text = subprocess.run(["pdftotext", str(p), "-"], check=True, capture_output=True, text=True).stdout
    subprocess.run(["pdftoppm", "-r", "150", "-png", "-singlefile", str(p), str(tmp / "page")], check=True)
    return text, [b.text for b in zxingcpp.read_barcodes(Image.open(tmp / "page.png"))]


FORGERS: dict[str, Callable[[bytes, str], bytes]] = {"incremental": forge_incrementally, "rewrite": forge_by_rewriting}


@pytest.mark.parametrize("how", list(FORGERS))
def test_a_white_box_and_a_name_that_extracts_as_spaces_is_tampered(
    issued: Issued, tmp_path: pathlib.Path, how: str
) -> None:
    signed = issued.pdf.read_bytes()
    forged = FORGERS[how](signed, "name")
    text, _ = _shows(forged, tmp_path)
    assert issued.record.data.holder in text and FAKE_NAME not in text  # extraction still reads the old name
    assert issued.text_check_alone(forged, tmp_path).status is issuing.VerificationStatus.valid  # fooled

    v = issued.verify(forged, tmp_path)
    assert v.status is issuing.VerificationStatus.tampered and not v.ok, v.detail
    assert "after signing" in v.detail and "valid" not in v.detail
    assert v.credential is not None and v.serial == issued.record.serial  # what the register certifies
    assert not pdfsig_ok(pdfsig(forged, tmp_path))


@pytest.mark.parametrize("how", list(FORGERS))
def test_a_swapped_qr_code_is_tampered(issued: Issued, tmp_path: pathlib.Path, how: str) -> None:
    forged = FORGERS[how](issued.pdf.read_bytes(), "qr")
    _, codes = _shows(forged, tmp_path)
    assert codes == [FAKE_URL]  # the page shows the forger's QR code
    assert issued.text_check_alone(forged, tmp_path).status is issuing.VerificationStatus.valid  # fooled
    v = issued.verify(forged, tmp_path)
    assert v.status is issuing.VerificationStatus.tampered, v.detail
    assert not pdfsig_ok(pdfsig(forged, tmp_path))


def test_a_forgery_re_signed_with_the_forgers_own_certificate_is_not_trusted(issued: Issued, tmp_path: pathlib.Path) -> None:
    forger_key = ec.generate_private_key(ec.SECP256R1())
    forger = PdfSigner(forger_key, [issuer_certificate(forger_key, ISSUER.name)])  # the same name
    base = certificate_pdf(issuing.certificate_text(issued.record))
    forged = forger.sign(forge_by_rewriting(base, "name"))
    assert "Signature Validation: Signature is Valid." in pdfsig(forged, tmp_path)  # pdfsig checks only the bytes
    v = issued.verify(forged, tmp_path)
    assert v.status is issuing.VerificationStatus.unknown_key and "not one of the trusted" in v.detail


@pytest.mark.parametrize("where", ["first range", "second range", "signature", "appended", "truncated"])
def test_any_byte_edit_after_signing_is_reported_by_pdfsig_and_by_verify(
    issued: Issued, tmp_path: pathlib.Path, where: str
) -> None:
    data = bytearray(issued.pdf.read_bytes())
    c0 = data.rindex(b"/Contents <") + len(b"/Contents <")
    c1 = data.index(b">", c0)
    if where == "first range":
        data[len(data) // 3] ^= 0x01
    elif where == "second range":
        data[c1 + 30] ^= 0x01
    elif where == "signature":  # a hex digit of the signature value, the end of the CMS container
        at = len(data[c0:c1].rstrip(b"0")) + c0 - 20
        data[at] = ord("A") if data[at] != ord("A") else ord("B")
    elif where == "appended":
        data += b"% one more line\n"
    else:
        del data[-3:]
    edited = bytes(data)
    assert not pdfsig_ok(pdfsig(edited, tmp_path)), where
    try:
        v = issued.verify(edited, tmp_path)
    except ValueError as exc:  # an edit that leaves no readable PDF
        assert "not a readable PDF" in str(exc)
        return
    assert v.status is issuing.VerificationStatus.tampered and not v.ok, (where, v.detail)


def test_damaged_signed_files_give_a_verdict_or_a_clear_error_never_a_traceback(
    issued: Issued, tmp_path: pathlib.Path
) -> None:
    import random

    data = issued.pdf.read_bytes()
    sig_at = data.rindex(b"/Type /Sig")
    c0 = data.rindex(b"/Contents <") + len(b"/Contents <")
    c1 = data.index(b">", c0)
    rng = random.Random(12)
    edits: list[tuple[bytes, bool]] = [(data[:n], False) for n in range(len(data) - 1, len(data) // 2, -(len(data) // 9))]
    for _ in range(25):  # bytes of the update (signature dictionary, field, cross-references) changed
        b = bytearray(data)
        at = rng.randrange(sig_at - 400, len(b))
        b[at] = rng.choice(b"0123456789<>[]/ R()x")
        # /Contents is the one part of the file the signature does not cover (as in every
        # PDF signature): a hex digit changed in the padding or in the certificates it
        # carries may leave the signature by the trusted key valid; nothing shown changes
        edits.append((bytes(b), c0 <= at < c1 and chr(b[at]).isdigit()))
    for edited, harmless in edits:
        if edited == data:
            continue
        sv = verify_pdf_signature(edited, [issued.cert])
        assert harmless or sv.state is not SignatureState.trusted, sv.detail
        try:
            v = issued.verify(edited, tmp_path)
        except ValueError as exc:
            assert "not a readable PDF" in str(exc)
            continue
        assert harmless or v.status is not issuing.VerificationStatus.valid, sv.detail


# ---------------------------------------------------------------- unsigned PDFs


def test_an_unsigned_pdf_falls_back_to_the_register_and_says_it_is_not_signed(issued: Issued, tmp_path: pathlib.Path) -> None:
    v = issued.verify(issued.unsigned_pdf, tmp_path, trusted=[])
    assert v.status is issuing.VerificationStatus.unsigned and not v.ok
    assert "not signed" in v.detail and v.credential is not None
    assert "signature is valid" not in v.detail  # no signature of the PDF was checked
    # an unsigned PDF with other words is tampered, as before
    forged = forge_by_rewriting(issued.unsigned_pdf, "qr")
    assert issued.verify(forged, tmp_path, trusted=[]).status is issuing.VerificationStatus.unsigned  # QR: not text
    # when the issuer signs its PDFs (its certificate is given), no signature is tampered
    v = issued.verify(issued.unsigned_pdf, tmp_path)
    assert v.status is issuing.VerificationStatus.tampered and "not signed" in v.detail


# ---------------------------------------------------------------- keys and certificates


def test_keys_and_certificates_load_from_pem_and_pkcs12(tmp_path: pathlib.Path) -> None:
    key = ec.generate_private_key(ec.SECP256R1())
    cert = issuer_certificate(key, "Eksempel kommune", "https://example.no", valid_years=3)
    assert cert.subject.get_attributes_for_oid(x509.NameOID.COMMON_NAME)[0].value == "Eksempel kommune"
    ku = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    assert ku.digital_signature and ku.content_commitment
    assert (cert.not_valid_after_utc - cert.not_valid_before_utc).days >= 3 * 365
    (tmp_path / "k.pem").write_bytes(pdf_sign.private_key_pem(key, b"secret"))
    (tmp_path / "c.pem").write_bytes(pdf_sign.certificate_pem([cert]))
    s = pdf_sign.load_pem_signer(tmp_path / "k.pem", tmp_path / "c.pem", b"secret")
    assert s.certificate == cert
    with pytest.raises(ValueError, match="k.pem.*wrong password"):
        pdf_sign.load_pem_signer(tmp_path / "k.pem", tmp_path / "c.pem", b"wrong")
    p12 = pkcs12.serialize_key_and_certificates(b"x", key, cert, None, serialization.BestAvailableEncryption(b"pw"))
    (tmp_path / "x.p12").write_bytes(p12)
    assert pdf_sign.load_pkcs12_signer(tmp_path / "x.p12", b"pw").certificate == cert
    assert pdf_sign.load_certificates(pdf_sign.certificate_pem([cert, cert])) == [cert, cert]
    with pytest.raises(ValueError, match="expected PEM or DER"):
        pdf_sign.load_certificates(b"not a certificate")


def test_runs_making_the_issuer_certificate_at_once_all_read_one_whole_file(tmp_path: pathlib.Path) -> None:
    # Two `smart issue` runs started together both find no certificate file: each must read
    # a whole certificate (the one that got there first), never a partly written file.
    import concurrent.futures

    key = ec.generate_private_key(ec.SECP256R1())
    for attempt in range(5):
        path = tmp_path / f"issuer{attempt}.cert.pem"
        with concurrent.futures.ThreadPoolExecutor(8) as pool:
            chains = list(pool.map(lambda _: pdf_sign.issuer_certificate_file(path, key, "Eksempel kommune"), range(8)))
        assert all(c == chains[0] for c in chains)
        assert pdf_sign.load_certificates(path) == chains[0]
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"issuer{i}.cert.pem" for i in range(5)]  # no temporary left


def test_the_issuer_certificate_file_is_made_once_and_must_be_the_keys(tmp_path: pathlib.Path) -> None:
    key = ec.generate_private_key(ec.SECP256R1())
    path = tmp_path / "issuer.cert.pem"
    first = pdf_sign.issuer_certificate_file(path, key, "Eksempel kommune", "https://example.no")
    assert path.is_file() and first == pdf_sign.load_certificates(path)
    assert pdf_sign.issuer_certificate_file(path, key, "Eksempel kommune") == first  # the same, not a new one
    with pytest.raises(ValueError, match="issuer.cert.pem: its certificate is not"):
        pdf_sign.issuer_certificate_file(path, ec.generate_private_key(ec.SECP256R1()), "Eksempel kommune")
    assert PdfSigner(key, first).certificate == first[0]


def test_keys_pdf_readers_do_not_verify_and_mismatched_chains_are_refused() -> None:
    key = ec.generate_private_key(ec.SECP256R1())
    other = ec.generate_private_key(ec.SECP256R1())
    with pytest.raises(ValueError, match="Ed25519PrivateKey"):
        issuer_certificate(ed25519.Ed25519PrivateKey.generate(), "x")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="not the private key's certificate"):
        PdfSigner(key, [issuer_certificate(other, "x")])
    with pytest.raises(ValueError, match="chain is empty"):
        PdfSigner(key, [])
    with pytest.raises(ValueError, match="P-256"):
        PdfSigner(ec.generate_private_key(ec.SECP521R1()), [])


# ---------------------------------------------------------------- the command line


def test_smart_issue_signs_the_pdfs_and_smart_verify_checks_the_signature(tmp_path: pathlib.Path) -> None:
    from smart.cli import run

    def cli(*argv: str) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        return run(list(argv), out, err), out.getvalue(), err.getvalue()

    keyfile = tmp_path / "keys/issuer.key.json"
    assert cli("keygen", str(keyfile))[0] == 0
    pdf_key = ec.generate_private_key(ec.SECP256R1())
    cert = issuer_certificate(pdf_key, "Eksempel kommune")
    (tmp_path / "keys/pdf.key.pem").write_bytes(pdf_sign.private_key_pem(pdf_key))
    (tmp_path / "keys/pdf.cert.pem").write_bytes(pdf_sign.certificate_pem(cert))
    out_dir = tmp_path / "out"
    base = ["issue", str(DEMO), "--out", str(out_dir), "--key", str(keyfile), "--as-of", "2025-04-30", "--no-progress"]

    # half a signer is an error before anything is registered
    status, _, err = cli(*base, "--pdf-key", str(tmp_path / "keys/pdf.key.pem"))
    assert status == 1 and "--pdf-cert" in err and not (out_dir / "register.jsonl").exists()

    status, _, err = cli(*base, "--pdf-key", str(tmp_path / "keys/pdf.key.pem"), "--pdf-cert", str(tmp_path / "keys/pdf.cert.pem"))  # fmt: skip
    assert status == 0, err
    pdfs = sorted(out_dir.glob("*.pdf"))
    assert pdfs and all(pdfsig_ok(pdfsig(p.read_bytes(), tmp_path)) for p in pdfs)

    check = ["verify", str(pdfs[0]), "--key", str(keyfile), "--register", str(out_dir / "register.jsonl")]
    status, out, err = cli(*check, "--pdf-cert", str(tmp_path / "keys/pdf.cert.pem"))
    assert status == 0 and "status: valid" in out and "PDF signature" in out, out + err
    status, out, _ = cli(*check)  # no trusted certificate: the signer is not known
    assert status == 1 and "status: unknown_key" in out
    forged = tmp_path / "forged.pdf"
    forged.write_bytes(forge_incrementally(pdfs[0].read_bytes(), "name"))
    check[1] = str(forged)
    status, out, _ = cli(*check, "--pdf-cert", str(tmp_path / "keys/pdf.cert.pem"))
    assert status == 1 and "status: tampered" in out

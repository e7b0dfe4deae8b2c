"""The certificate document: one A4 page, PDF/A-2B, embedded font with æøå, QR code."""

from __future__ import annotations

import pathlib
import re
import shutil
import subprocess

import pytest

from smart import pdf
from smart.pdf import CertificateText, render_certificate

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils (scripts/setup.sh)")


def _text(holder: str = "Åse Grønlie Kjærnes") -> CertificateText:
    return CertificateText(
        title="Kompetansebevis",
        holder=holder,
        attests="har gjennomført SMART trenerutdanning 2024/2025 (18.9.2024–9.4.2025) og oppfylt kravene.",
        goals_heading="Kompetansemål",
        goals=["anvende SMART på en selvstendig og reflektert måte i egen praksis"] * 8,
        requirements_heading="Dokumenterte krav",
        requirements=["80 % deltagelse", "Deltakelse på SMARTfestivalen (fritatt: Sykdom)"],
        issued_line="Utstedt 30.4.2025 av Eksempel kommune (test)",
        serial_line="Serienummer SMART-0NRP-XRP6-5KTE",
        code_line="Kontrollkode 7K2M-QX9P",
        verify_hint="Ekthet kan kontrolleres med serienummer og kontrollkode.",
        qr_text="SMART-0NRP-XRP6-5KTE 7K2M-QX9P",
        programme="SMART trenerutdanning 2024/2025",
    )


def test_the_pdf_carries_the_holder_with_aeoa_intact_and_the_serial(tmp_path: pathlib.Path) -> None:
    out = render_certificate(_text(), tmp_path / "bevis.pdf")
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], check=True, capture_output=True, text=True).stdout
    assert "Åse Grønlie Kjærnes" in text
    assert "SMART-0NRP-XRP6-5KTE" in text
    assert "7K2M-QX9P" in text
    assert "Kompetansemål" in text


def test_the_pdf_is_one_a4_page_of_pdf_a_2b_with_an_embedded_font(tmp_path: pathlib.Path) -> None:
    out = render_certificate(_text(), tmp_path / "bevis.pdf")
    info = subprocess.run(["pdfinfo", str(out)], check=True, capture_output=True, text=True).stdout
    assert re.search(r"^Pages:\s+1$", info, re.M)
    assert re.search(r"^Page size:\s+595.28 x 841.89 pts \(A4\)$", info, re.M)
    fonts = subprocess.run(["pdffonts", str(out)], check=True, capture_output=True, text=True).stdout
    assert "DejaVu" in fonts
    assert all(line.split()[-5] == "yes" for line in fonts.splitlines()[2:] if line.strip())  # embedded
    raw = out.read_bytes()
    assert b"pdfaid:part" in raw and b"GTS_PDFA1" in raw  # PDF/A identification and output intent


def test_a_pdf_is_written_whole_or_not_at_all(tmp_path: pathlib.Path) -> None:
    render_certificate(_text(), tmp_path / "bevis.pdf")
    assert [p.name for p in tmp_path.iterdir()] == ["bevis.pdf"]  # no temporary file left behind


def _pdftotext(path: pathlib.Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True).stdout


def _fonts_embedded_and_subset(path: pathlib.Path) -> bool:
    rows = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout.splitlines()[2:]
    return bool(rows) and all(r.split()[-5:-2] == ["yes", "yes", "yes"] for r in rows)  # emb sub uni


def test_the_qr_code_on_the_page_decodes_to_serial_and_code(tmp_path: pathlib.Path) -> None:
    zxingcpp = pytest.importorskip("zxingcpp")
    from PIL import Image

    t = _text()
    out = render_certificate(t, tmp_path / "bevis.pdf")
    subprocess.run(["pdftoppm", "-r", "150", "-png", "-singlefile", str(out), str(tmp_path / "page")], check=True)
    found = zxingcpp.read_barcodes(Image.open(tmp_path / "page.png"))
    assert [(b.format.name, b.text) for b in found] == [("QRCode", t.qr_text)]


def test_documents_of_one_character_set_reuse_the_font_objects_and_stay_whole(tmp_path: pathlib.Path) -> None:
    # The font set of a character set: the first document has fpdf2 subset the fonts and
    # write their objects; the next ones write the same objects again. Each document must
    # still carry its own holder, intact, in embedded subset fonts.
    names = ["Åse Grønlie Kjærnes", "Per Ås", "Ola Nordmann", "Kari Øvergård"]
    fs = pdf._font_set(_text(names[0]))
    before = fs.reused
    pikepdf = pytest.importorskip("pikepdf")
    for i, name in enumerate(names):
        out = render_certificate(_text(name), tmp_path / f"{i}.pdf")
        assert name in _pdftotext(out)
        assert _fonts_embedded_and_subset(out)
        with pikepdf.open(out) as doc:  # qpdf's checks: cross-references, objects, content streams
            assert doc.check_pdf_syntax() == []
            fonts = doc.pages[0].Resources.Font
            for key in fonts.keys():  # every font resource leads to its embedded font program
                program = fonts[key].DescendantFonts[0].FontDescriptor.FontFile2
                assert len(program.read_bytes()) == int(program.Length1) > 1_000
    assert pdf._font_set(_text(names[-1])) is fs  # the same character set
    assert fs.reused - before >= len(names) - 1


@pytest.mark.parametrize(
    "name",
    [
        "Núñez Çelik Ödegaard",  # Latin letters outside the base set: a font set of their own
        "Ωmega Ŋuolja Ŧåhpe",  # Greek (outside the reduced font): the full font file
    ],
)
def test_names_outside_the_base_characters_are_printed_intact(tmp_path: pathlib.Path, name: str) -> None:
    for i in range(2):  # the second one reuses the first one's font objects
        out = render_certificate(_text(name), tmp_path / f"{i}.pdf")
        assert name in _pdftotext(out)
        assert _fonts_embedded_and_subset(out)


def test_documents_rendered_in_threads_at_once_are_each_whole(tmp_path: pathlib.Path) -> None:
    # The font objects are renumbered in every document: each thread has its own font sets.
    from concurrent.futures import ThreadPoolExecutor

    jobs = [(f"Deltaker {chr(0x41 + i)} Ødegård", tmp_path / f"{i}.pdf") for i in range(12)]
    with ThreadPoolExecutor(4) as pool:
        outs = list(pool.map(lambda j: render_certificate(_text(j[0]), j[1]), jobs))
    for (name, _), out in zip(jobs, outs):
        assert name in _pdftotext(out)
        assert _fonts_embedded_and_subset(out)


def test_the_fast_width_and_line_match_fpdf2s_own(tmp_path: pathlib.Path) -> None:
    # _width must equal get_string_width, and _cell must put the text where cell() puts it.
    from fpdf import FPDF

    lines = [("Kompetansebevis", "B", 30, "C"), ("Åse Grønlie Kjærnes", "B", 22, "C"),
             ("anvende SMART på en selvstendig måte – «i egen praksis»", "", 10.5, "L"),
             ("✓ 80 % deltakelse", "", 9.5, "L")]  # fmt: skip
    boxes = []
    for fast in (False, True):
        doc = FPDF(unit="mm", format="A4")
        pdf._font_set(_text()).install(doc)
        doc.add_page()
        doc.set_margins(25, 25, 25)
        doc.set_y(30)
        for text, style, size, align in lines:
            doc.set_font("DejaVu", style, size)
            assert pdf._width(doc, text) == pytest.approx(doc.get_string_width(text), abs=1e-9)
            if fast:
                pdf._cell(doc, 160, 9, text, align)
            else:
                doc.cell(160, 9, text, align=align, new_x="LMARGIN", new_y="NEXT")
        assert (doc.get_x(), doc.get_y()) == pytest.approx((25, 30 + 9 * len(lines)))
        out = tmp_path / f"{fast}.html"
        doc.output(str(tmp_path / f"{fast}.pdf"))
        subprocess.run(["pdftotext", "-bbox", str(tmp_path / f"{fast}.pdf"), str(out)], check=True)
        boxes.append(re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<', out.read_text()))
    assert len(boxes[0]) > 10
    assert boxes[0] == boxes[1]


@pytest.mark.parametrize(
    "text",
    ["SMART-0A1B-ABCD-EFGH-JKMN ABCD-EFGH", "https://kommune.example/c/abcdefghijklmnopqrstuvwxyz/", "Åse Ødegård 王秀英 ✓"],
)
def test_the_cores_qr_code_decodes_with_zxing_to_the_same_text(text: str) -> None:
    # The core's symbol (libqrencode: version, level M, the mask of lowest penalty) drawn from
    # its rectangles alone, as the PDF draws it, read back by zxing-cpp, a reader not ours.
    zxingcpp = pytest.importorskip("zxingcpp")
    import numpy as np
    from PIL import Image

    from smart._smart import issuing as _iss

    code = _iss.qr_code(text)
    assert code.size == 17 + 4 * code.version
    scale, quiet = 6, 4
    px = np.full(((code.size + 2 * quiet) * scale,) * 2, 255, dtype=np.uint8)
    for row, col, w, h in code.rectangles():
        px[(quiet + row) * scale : (quiet + row + h) * scale, (quiet + col) * scale : (quiet + col + w) * scale] = 0
    found = zxingcpp.read_barcodes(Image.fromarray(px))
    assert [(b.format.name, b.text) for b in found] == [("QRCode", text)]
    assert [code.dark(r, c) for r in range(code.size) for c in range(code.size)].count(True) == sum(
        w * h for _, _, w, h in code.rectangles()
    )

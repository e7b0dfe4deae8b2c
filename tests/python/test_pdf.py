"""The certificate document: one A4 page, PDF/A-2B, embedded font with æøå, QR code."""

from __future__ import annotations

import pathlib
import re
import shutil
import subprocess

import pytest

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

"""Certificate documents as PDF/A-2B (A4, one page), with fpdf2.

The words come from the C++ core (``smart::wording``), so C and Python consumers print the
same text; this module only lays them out. The font is embedded (DejaVu Sans, which has
æ, ø and å; the holder's name in other scripts with Noto fonts, shaped with HarfBuzz:
:mod:`smart.pdf_names`); the QR code, drawn as vector squares, carries the serial and the
verification code.

Speed (about 5 ms a document; docs/certificates.md): once per process the font is cut
down to the Latin, punctuation and symbol blocks a certificate uses (about 700 glyphs,
cached as a file in the temporary folder; a document with a character outside them uses
the full font). Fonts are prepared once per character set and thread (:class:`_FontSet`):
fpdf2's parsed font is copied into each document with its glyph map already filled, and
the font objects fpdf2 wrote for the first document of a set (subset font, widths, maps)
are written again for the next ones. Lines are drawn with ``text()`` where ``cell()``
would put them, and wrapped here, each word measured once.

One job per module: :mod:`smart.pdf_fonts` (finding, reducing and caching the fonts),
:mod:`smart.pdf_producer` (the fpdf2 producer that reuses a font set's objects),
:mod:`smart.pdf_layout` (lines, paragraphs, the QR code) and this module (the page).
"""

from __future__ import annotations

import os
import pathlib
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ._core import _smart
from .pdf_fonts import _CHECK, _font_set, find_font
from .pdf_names import NameLayout, add_fonts, name_layout, use_fonts
from .pdf_layout import _cell, _paragraph, _qr, _width  # noqa: F401  (_width: for the tests of the layout)
from .pdf_producer import _producer_class

if TYPE_CHECKING:
    from fpdf import FPDF

    from .pdf_sign import PdfSigner

__all__ = ["CertificateText", "certificate_pdf", "find_font", "page_words", "render_certificate"]

# Colours: a calm municipal blue and a warm accent.
_BLUE = (31, 73, 125)
_ACCENT = (196, 137, 41)
_GREY = (90, 90, 90)


@dataclass(frozen=True)
class CertificateText:
    """The words on a certificate, as the core words them, plus what the QR code carries."""

    title: str
    holder: str
    attests: str
    goals_heading: str
    goals: Sequence[str]
    requirements_heading: str
    requirements: Sequence[str]
    issued_line: str
    serial_line: str
    code_line: str
    verify_hint: str
    qr_text: str
    lang: str = "nb"
    programme: str = ""
    keywords: Sequence[str] = field(default_factory=tuple)


def page_words(text: CertificateText) -> str:
    """The words :func:`render_certificate` puts on the page, in the order it draws them,
    one part per line (wrapped lines are joined): what ``smart.issuing.verify_pdf``
    compares a PDF's text with."""
    return "\n".join(
        [text.title, text.holder, text.attests, text.goals_heading, *text.goals, text.requirements_heading,
         *(f"{chr(_CHECK)} {r}" for r in text.requirements), text.issued_line, text.serial_line, text.code_line,
         text.verify_hint]
    )  # fmt: skip


def _new_document(text: CertificateText) -> FPDF:
    """An A4 PDF/A-2B document with its metadata, the certificate's font set and one page."""
    from fpdf import FPDF

    pdf = FPDF(orientation="portrait", unit="mm", format="A4", enforce_compliance="PDFA_2B")
    pdf.set_lang(text.lang)
    pdf.set_title(f"{text.title} – {text.holder}")
    pdf.set_subject(text.programme or text.title)
    pdf.set_creator("smart")
    pdf.set_keywords(" ".join(text.keywords))
    # a name drawn with the chain's fonts leaves the document's DejaVu set as it is for Latin names
    _font_set(replace(text, holder="") if name_layout(text.holder).fonts else text).install(pdf)
    pdf.set_auto_page_break(False)
    pdf.set_margins(25, 25, 25)
    pdf.add_page()
    return pdf


def _draw_frame(pdf: FPDF) -> None:
    pdf.set_draw_color(*_BLUE)
    pdf.set_line_width(1.2)
    pdf.rect(12, 12, pdf.w - 24, pdf.h - 24)
    pdf.set_draw_color(*_ACCENT)
    pdf.set_line_width(0.4)
    pdf.rect(15, 15, pdf.w - 30, pdf.h - 30)


def _draw_heading(pdf: FPDF, text: CertificateText, width: float) -> None:
    """The title, the holder's name and the attesting sentence."""
    pdf.set_y(32)
    pdf.set_text_color(*_BLUE)
    pdf.set_font("DejaVu", "B", 30)
    _cell(pdf, width, 14, text.title, "C")
    pdf.set_draw_color(*_ACCENT)
    pdf.set_line_width(0.8)
    pdf.line(pdf.w / 2 - 30, pdf.get_y() + 3, pdf.w / 2 + 30, pdf.get_y() + 3)
    pdf.set_y(pdf.get_y() + 14)
    pdf.set_text_color(0, 0, 0)
    _draw_name(pdf, name_layout(text.holder), width)
    pdf.set_y(pdf.get_y() + 4)
    pdf.set_font("DejaVu", "", 11.5)
    _paragraph(pdf, width, 6.2, text.attests, "C")


def _draw_name(pdf: FPDF, layout: NameLayout, width: float) -> None:
    """The holder's name as :func:`smart.pdf_names.name_layout` fits it: one or two lines,
    with DejaVu Sans Bold, or shaped with the chain's fonts (in a saved graphics state, so
    the fonts fpdf2 switches to while drawing do not leak into the rest of the page)."""
    if not layout.fonts:
        pdf.set_font("DejaVu", "B", layout.size)
        for line in layout.lines:
            _cell(pdf, width, layout.line_height, line, "C")
        return
    families = add_fonts(pdf, layout.fonts, {})
    y = pdf.get_y()
    with pdf.local_context():
        use_fonts(pdf, families, layout.size)
        for line in layout.lines:
            pdf.set_xy(pdf.l_margin, y)
            pdf.cell(width, layout.line_height, line, align="C")
            y += layout.line_height
    pdf.set_xy(pdf.l_margin, y)


def _draw_goals(pdf: FPDF, text: CertificateText, width: float) -> None:
    pdf.set_y(pdf.get_y() + 6)
    pdf.set_text_color(*_BLUE)
    pdf.set_font("DejaVu", "B", 12.5)
    _cell(pdf, width, 8, text.goals_heading)
    pdf.set_text_color(0, 0, 0)
    goal_size = 10.5 if len(text.goals) <= 8 else 9.5
    pdf.set_font("DejaVu", "", goal_size)
    for goal in text.goals:
        y = pdf.get_y()
        pdf.set_fill_color(*_ACCENT)
        pdf.rect(pdf.l_margin + 1.5, y + 2.1, 1.6, 1.6, style="F")
        pdf.set_x(pdf.l_margin + 6)
        _paragraph(pdf, width - 6, 5.3, goal, "L")
        pdf.set_y(pdf.get_y() + 0.8)


def _draw_requirements(pdf: FPDF, text: CertificateText, width: float) -> None:
    pdf.set_y(pdf.get_y() + 4)
    pdf.set_text_color(*_BLUE)
    pdf.set_font("DejaVu", "B", 11)
    _cell(pdf, width, 7, text.requirements_heading)
    pdf.set_text_color(*_GREY)
    pdf.set_font("DejaVu", "", 9.5)
    for req in text.requirements:
        pdf.set_x(pdf.l_margin + 6)
        _paragraph(pdf, width - 6, 4.8, f"{chr(_CHECK)} {req}", "L")


def _draw_footer(pdf: FPDF, text: CertificateText, width: float) -> None:
    """Issuer, serial and code on the left; the QR code on the right."""
    qr_size = 34
    bottom = pdf.h - 27
    _qr(pdf, text.qr_text, pdf.w - 25 - qr_size, bottom - qr_size, qr_size)
    pdf.set_text_color(0, 0, 0)
    pdf.set_font("DejaVu", "B", 11)
    pdf.set_xy(25, bottom - qr_size + 1)
    _paragraph(pdf, width - qr_size - 8, 5.5, text.issued_line, "L")
    pdf.set_draw_color(*_GREY)
    pdf.set_line_width(0.3)
    pdf.line(25, pdf.get_y() + 9, 95, pdf.get_y() + 9)
    pdf.set_y(pdf.get_y() + 11)
    pdf.set_font("DejaVu", "", 9.5)
    _cell(pdf, width - qr_size - 6, 5, text.serial_line)
    pdf.set_font("DejaVu", "B", 9.5)
    _cell(pdf, width - qr_size - 6, 5, text.code_line)
    pdf.set_font("DejaVu", "", 8)
    pdf.set_text_color(*_GREY)
    _paragraph(pdf, width - qr_size - 8, 4, text.verify_hint, "L")


def certificate_pdf(text: CertificateText, signer: PdfSigner | None = None) -> bytes:
    """The certificate as the bytes of a one-page A4 PDF/A-2B; with ``signer``, signed
    (PAdES B-B, an invisible signature over the whole file: :mod:`smart.pdf_sign`).

    Raises :class:`smart.pdf_names.NameNotPrintable` for a holder's name that cannot be
    printed (:func:`smart.pdf_names.name_problem`)."""
    pdf = _new_document(text)
    width = pdf.w - 50
    _draw_frame(pdf)
    _draw_heading(pdf, text, width)
    _draw_goals(pdf, text, width)
    _draw_requirements(pdf, text, width)
    _draw_footer(pdf, text, width)
    data = bytes(pdf.output(output_producer_class=_producer_class()))
    return signer.sign(data) if signer is not None else data


def render_certificate(
    text: CertificateText,
    path: str | os.PathLike[str],
    *,
    signer: PdfSigner | None = None,
    mode: int | None = None,
) -> pathlib.Path:
    """Writes the certificate as a one-page A4 PDF/A-2B at ``path`` (:func:`certificate_pdf`;
    signed when a ``signer`` is given; with exactly the permission bits ``mode`` when given).
    Raises :class:`smart.pdf_names.NameNotPrintable` (nothing written) for a holder's name
    that cannot be printed.

    The file appears whole or not at all: it is written to a temporary file in the same
    folder, flushed to the disk and renamed into place (the core's ``write_file_atomic``).
    """
    target = pathlib.Path(path)
    data = certificate_pdf(text, signer)
    target.parent.mkdir(parents=True, exist_ok=True)
    # The core's atomic, durable write: the temporary file's name holds the writer's pid,
    # so a later run can tell a killed writer's leftover.
    _smart.file.write_file_atomic(target, data, mode=mode)
    return target

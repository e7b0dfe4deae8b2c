"""Certificate documents as PDF/A-2B (A4, one page), with fpdf2.

The words come from the C++ core (``smart::wording``), so C and Python consumers print the
same text; this module only lays them out. The font is embedded (DejaVu Sans, which has
æ, ø and å); the QR code, drawn as vector squares, carries the serial and the
verification code.
"""

from __future__ import annotations

import os
import pathlib
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field

__all__ = ["CertificateText", "find_font", "render_certificate"]

_FONT_DIRS = (
    "/usr/share/fonts/truetype/dejavu",
    "/usr/share/fonts/dejavu",
    "/usr/local/share/fonts",
)

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


def find_font(bold: bool = False) -> pathlib.Path:
    """Path of DejaVu Sans (or Bold). Set SMART_FONT_DIR to use another folder.

    Raises FileNotFoundError with what to install when the font is missing.
    """
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    dirs = [os.environ["SMART_FONT_DIR"]] if os.environ.get("SMART_FONT_DIR") else []
    for d in [*dirs, *_FONT_DIRS]:
        p = pathlib.Path(d) / name
        if p.is_file():
            return p
    raise FileNotFoundError(
        f"font {name} not found (install Debian's fonts-dejavu-core, or set SMART_FONT_DIR)"
    )


def _qr(pdf: object, text: str, x: float, y: float, size: float) -> None:
    import segno

    code = segno.make(text, error="m", micro=False)
    matrix = [list(row) for row in code.matrix]
    n = len(matrix)
    quiet = 2
    cell = size / (n + 2 * quiet)
    pdf.set_fill_color(255, 255, 255)  # type: ignore[attr-defined]
    pdf.rect(x, y, size, size, style="F")  # type: ignore[attr-defined]
    pdf.set_fill_color(0, 0, 0)  # type: ignore[attr-defined]
    for r, row in enumerate(matrix):
        c = 0
        while c < n:
            if row[c]:
                start = c
                while c < n and row[c]:
                    c += 1
                pdf.rect(  # type: ignore[attr-defined]
                    x + (quiet + start) * cell, y + (quiet + r) * cell, (c - start) * cell, cell, style="F"
                )
            else:
                c += 1


def render_certificate(text: CertificateText, path: str | os.PathLike[str]) -> pathlib.Path:
    """Writes the certificate as a one-page A4 PDF/A-2B at ``path``.

    The file appears whole or not at all: it is written to a temporary file in the same
    folder and renamed into place.
    """
    from fpdf import FPDF

    target = pathlib.Path(path)
    pdf = FPDF(orientation="portrait", unit="mm", format="A4", enforce_compliance="PDFA_2B")
    pdf.set_lang(text.lang)
    pdf.set_title(f"{text.title} – {text.holder}")
    pdf.set_subject(text.programme or text.title)
    pdf.set_creator("smart")
    pdf.set_keywords(" ".join(text.keywords))
    pdf.add_font("DejaVu", "", str(find_font()))
    pdf.add_font("DejaVu", "B", str(find_font(bold=True)))
    pdf.set_auto_page_break(False)
    pdf.set_margins(25, 25, 25)
    pdf.add_page()
    width = pdf.w - 50

    # frame
    pdf.set_draw_color(*_BLUE)
    pdf.set_line_width(1.2)
    pdf.rect(12, 12, pdf.w - 24, pdf.h - 24)
    pdf.set_draw_color(*_ACCENT)
    pdf.set_line_width(0.4)
    pdf.rect(15, 15, pdf.w - 30, pdf.h - 30)

    pdf.set_y(32)
    pdf.set_text_color(*_BLUE)
    pdf.set_font("DejaVu", "B", 30)
    pdf.cell(width, 14, text.title, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_draw_color(*_ACCENT)
    pdf.set_line_width(0.8)
    pdf.line(pdf.w / 2 - 30, pdf.get_y() + 3, pdf.w / 2 + 30, pdf.get_y() + 3)

    pdf.set_y(pdf.get_y() + 14)
    pdf.set_text_color(0, 0, 0)
    pdf.set_font("DejaVu", "B", 22)
    pdf.cell(width, 12, text.holder, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_y(pdf.get_y() + 4)
    pdf.set_font("DejaVu", "", 11.5)
    pdf.multi_cell(width, 6.2, text.attests, align="C", new_x="LMARGIN", new_y="NEXT")

    pdf.set_y(pdf.get_y() + 6)
    pdf.set_text_color(*_BLUE)
    pdf.set_font("DejaVu", "B", 12.5)
    pdf.cell(width, 8, text.goals_heading, new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    goal_size = 10.5 if len(text.goals) <= 8 else 9.5
    pdf.set_font("DejaVu", "", goal_size)
    for goal in text.goals:
        y = pdf.get_y()
        pdf.set_fill_color(*_ACCENT)
        pdf.rect(pdf.l_margin + 1.5, y + 2.1, 1.6, 1.6, style="F")
        pdf.set_x(pdf.l_margin + 6)
        pdf.multi_cell(width - 6, 5.3, goal, align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.set_y(pdf.get_y() + 0.8)

    pdf.set_y(pdf.get_y() + 4)
    pdf.set_text_color(*_BLUE)
    pdf.set_font("DejaVu", "B", 11)
    pdf.cell(width, 7, text.requirements_heading, new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(*_GREY)
    pdf.set_font("DejaVu", "", 9.5)
    for req in text.requirements:
        pdf.set_x(pdf.l_margin + 6)
        pdf.multi_cell(width - 6, 4.8, "✓ " + req, align="L", new_x="LMARGIN", new_y="NEXT")

    # footer: issuer, serial, code on the left; QR code on the right
    qr_size = 34
    bottom = pdf.h - 27
    _qr(pdf, text.qr_text, pdf.w - 25 - qr_size, bottom - qr_size, qr_size)
    pdf.set_text_color(0, 0, 0)
    pdf.set_font("DejaVu", "B", 11)
    pdf.set_xy(25, bottom - qr_size + 1)
    pdf.multi_cell(width - qr_size - 8, 5.5, text.issued_line, align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_draw_color(*_GREY)
    pdf.set_line_width(0.3)
    pdf.line(25, pdf.get_y() + 9, 95, pdf.get_y() + 9)
    pdf.set_y(pdf.get_y() + 11)
    pdf.set_font("DejaVu", "", 9.5)
    pdf.cell(width - qr_size - 6, 5, text.serial_line, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "B", 9.5)
    pdf.cell(width - qr_size - 6, 5, text.code_line, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 8)
    pdf.set_text_color(*_GREY)
    pdf.multi_cell(width - qr_size - 8, 4, text.verify_hint, align="L", new_x="LMARGIN", new_y="NEXT")

    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(bytes(pdf.output()))
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, target)
    except BaseException:
        pathlib.Path(tmp).unlink(missing_ok=True)
        raise
    return target


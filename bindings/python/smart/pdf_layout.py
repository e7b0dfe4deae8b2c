"""Drawing primitives of certificate PDFs: one line of text where ``cell()`` would put it,
word-wrapped paragraphs (each word measured once) and the QR code as merged rectangles."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .pdf_fonts import _ttf_class

if TYPE_CHECKING:
    from fpdf import FPDF

__all__: list[str] = []


def _qr(pdf: FPDF, text: str, x: float, y: float, size: float) -> None:
    """The QR code of ``text`` from the core (error correction M, the mask of lowest
    penalty) as a white square with the dark modules filled: the core merges them into
    rectangles, written as one path filled once."""
    from ._smart import issuing as _iss

    code = _iss.qr_code(text)
    quiet = 2
    cell = size / (code.size + 2 * quiet)
    pdf.set_fill_color(255, 255, 255)
    pdf.rect(x, y, size, size, style="F")
    pdf.set_fill_color(0, 0, 0)
    k = pdf.k
    left, top = (x + quiet * cell) * k, (pdf.h - y - quiet * cell) * k
    c = cell * k
    ops = [f"{left + col * c:.2f} {top - row * c:.2f} {w * c:.2f} {-h * c:.2f} re" for row, col, w, h in code.rectangles()]
    pdf._out("\n".join(ops) + "\nf")


def _width(pdf: FPDF, text: str) -> float:
    """The width of ``text`` in the current font, as ``pdf.get_string_width`` gives it
    (the sum of the glyphs' advance widths: no kerning, no shaping) without fpdf2's
    per-call text preparation."""
    font = pdf.current_font
    assert isinstance(font, _ttf_class())
    cw = font.cw
    return sum(cw[ord(c)] for c in text) * pdf.font_size_pt * 0.001 / pdf.k


def _cell(pdf: FPDF, width: float, height: float, text: str, align: str = "L") -> None:
    """Like ``cell(width, height, text, align=align, new_x="LMARGIN", new_y="NEXT")`` for
    one line of text without a border or fill — the same position, baseline and
    alignment — but drawn with ``text()``, a quarter of the time of ``cell()``."""
    x, y = pdf.get_x(), pdf.get_y()
    if text:
        dx = (width - _width(pdf, text)) / 2 if align == "C" else pdf.c_margin
        pdf.text(x + dx, y + 0.5 * height + 0.3 * pdf.font_size, text)
    pdf.set_xy(pdf.l_margin, y + height)


def _wrap(pdf: FPDF, text: str, width: float) -> list[str] | None:
    """Greedy word wrap with the current font: each word measured once. (fpdf2's
    multi_cell re-measures the growing line at every character: quadratic, and most of
    the layout time.) None when a word does not fit on a line or the text has line
    breaks: then multi_cell breaks it."""
    if "\n" in text:
        return None
    room = width - 2 * pdf.c_margin
    space = _width(pdf, " ")
    lines: list[str] = []
    line: list[str] = []
    used = 0.0
    for word in text.split(" "):
        w = _width(pdf, word)
        if w > room:
            return None
        if line and used + space + w > room:
            lines.append(" ".join(line))
            line, used = [word], w
        else:
            used = used + space + w if line else w
            line.append(word)
    if line:
        lines.append(" ".join(line))
    return lines


def _paragraph(pdf: FPDF, width: float, height: float, text: str, align: str) -> None:
    """Like ``multi_cell(width, height, text, align=align, new_x="LMARGIN", new_y="NEXT")``."""
    lines = _wrap(pdf, text, width)
    if lines is None:
        pdf.multi_cell(width, height, text, align=align, new_x="LMARGIN", new_y="NEXT")
        return
    x = pdf.get_x()
    for line in lines:
        pdf.set_x(x)
        _cell(pdf, width, height, line, align)

"""Certificate documents as PDF/A-2B (A4, one page), with fpdf2.

The words come from the C++ core (``smart::wording``), so C and Python consumers print the
same text; this module only lays them out. The font is embedded (DejaVu Sans, which has
æ, ø and å); the QR code, drawn as vector squares, carries the serial and the
verification code.

Speed: fpdf2 parses the whole font file for every document and fontTools subsets it when
writing (about 100 ms for DejaVu's 6,000 glyphs). So, once per process, the font is cut
down to the Latin, punctuation and symbol blocks a certificate uses (about 700 glyphs,
cached as a file in the temporary folder); documents use that small font, and fpdf2 still
subsets it to the glyphs each document uses and embeds the subset (PDF/A needs embedded
fonts). A document with a character outside those blocks uses the full font.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pathlib
import tempfile
from collections.abc import Sequence
from dataclasses import astuple, dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fpdf import FPDF

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


# The blocks the reduced font keeps: Basic Latin, Latin-1, Latin Extended-A and -B (the
# Sámi and other Nordic letters), IPA-free; spacing modifiers; General Punctuation; the
# currency signs; letterlike symbols, arrows, mathematical operators; check marks.
_REDUCED = frozenset(
    [*range(0x20, 0x7F), *range(0xA0, 0x250), *range(0x2B0, 0x300), *range(0x2000, 0x2070),
     *range(0x20A0, 0x20C0), *range(0x2100, 0x2150), *range(0x2190, 0x2200), *range(0x2200, 0x2300),
     0x25CF, 0x2713, 0x2714, 0x2715, 0x2717]
)  # fmt: skip
_REDUCED_VERSION = "1"


@functools.lru_cache(maxsize=None)
def _reduced_font(source: pathlib.Path) -> pathlib.Path:
    """The font at ``source`` cut down to :data:`_REDUCED`, with its glyph names, widths
    and outlines unchanged (no hinting: a PDF viewer does not need it). Made once and kept
    in the temporary folder under a name derived from the source file and the blocks."""
    st = source.stat()
    tag = hashlib.sha256(
        f"{source.resolve()}|{st.st_size}|{st.st_mtime_ns}|{_REDUCED_VERSION}".encode()
    ).hexdigest()[:16]
    folder = pathlib.Path(tempfile.gettempdir()) / f"smart-fonts-{os.getuid()}"
    target = folder / f"{source.stem}-{tag}.ttf"
    if target.is_file():
        return target
    from fontTools import subset as ftsubset  # type: ignore[import-untyped]
    from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    font = TTFont(str(source), recalcTimestamp=False)
    options = ftsubset.Options(
        notdef_outline=True, recommended_glyphs=True, glyph_names=True, hinting=False,
        name_IDs=["*"], name_languages=["*"], layout_features=[],
    )  # fmt: skip
    options.drop_tables += ["GDEF", "GPOS", "GSUB", "kern", "MATH", "FFTM"]
    subsetter = ftsubset.Subsetter(options)
    subsetter.populate(unicodes=_REDUCED)
    subsetter.subset(font)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as out:
            font.save(out)
        os.replace(tmp, target)  # atomic: another process may be making the same file
    except BaseException:
        pathlib.Path(tmp).unlink(missing_ok=True)
        raise
    return target


def _fonts_for(text: CertificateText) -> tuple[pathlib.Path, pathlib.Path]:
    """Regular and bold font files for a document: the reduced fonts when they cover
    every character of it, else the full ones."""
    regular, bold = find_font(), find_font(bold=True)
    chars: set[int] = {0x2713}  # the check mark before each requirement
    for part in astuple(text):
        for s in part if isinstance(part, (tuple, list)) else (part,):
            if isinstance(s, str):
                chars.update(map(ord, s))
    if chars <= _REDUCED:
        try:
            return _reduced_font(regular), _reduced_font(bold)
        except (OSError, ImportError):  # pragma: no cover - e.g. a read-only temporary folder
            pass
    return regular, bold


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


def _wrap(pdf: FPDF, text: str, width: float) -> list[str] | None:
    """Greedy word wrap with the current font: each word measured once. (fpdf2's
    multi_cell re-measures the growing line at every character: quadratic, and most of
    the layout time.) None when a word does not fit on a line or the text has line
    breaks: then multi_cell breaks it."""
    if "\n" in text:
        return None
    room = width - 2 * pdf.c_margin
    space = pdf.get_string_width(" ")
    lines: list[str] = []
    line: list[str] = []
    used = 0.0
    for word in text.split(" "):
        w = pdf.get_string_width(word)
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
        pdf.cell(width, height, line, align=align, new_x="LMARGIN", new_y="NEXT")


def render_certificate(text: CertificateText, path: str | os.PathLike[str]) -> pathlib.Path:
    """Writes the certificate as a one-page A4 PDF/A-2B at ``path``.

    The file appears whole or not at all: it is written to a temporary file in the same
    folder and renamed into place.
    """
    from fpdf import FPDF
    from fpdf.fonts import TTFFont

    target = pathlib.Path(path)
    pdf = FPDF(orientation="portrait", unit="mm", format="A4", enforce_compliance="PDFA_2B")
    pdf.set_lang(text.lang)
    pdf.set_title(f"{text.title} – {text.holder}")
    pdf.set_subject(text.programme or text.title)
    pdf.set_creator("smart")
    pdf.set_keywords(" ".join(text.keywords))
    regular, bold = _fonts_for(text)
    pdf.add_font("DejaVu", "", str(regular))
    pdf.add_font("DejaVu", "B", str(bold))
    for font in pdf.fonts.values():
        if not isinstance(font, TTFFont):
            continue
        # The outlines are unchanged by subsetting, so their bounding boxes are right:
        # not recomputing them lets fontTools copy each glyph's bytes instead of
        # re-encoding it (a third of the time of writing a document).
        font.ttfont.recalcBBoxes = False
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
    _paragraph(pdf, width, 6.2, text.attests, "C")

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
        _paragraph(pdf, width - 6, 5.3, goal, "L")
        pdf.set_y(pdf.get_y() + 0.8)

    pdf.set_y(pdf.get_y() + 4)
    pdf.set_text_color(*_BLUE)
    pdf.set_font("DejaVu", "B", 11)
    pdf.cell(width, 7, text.requirements_heading, new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(*_GREY)
    pdf.set_font("DejaVu", "", 9.5)
    for req in text.requirements:
        pdf.set_x(pdf.l_margin + 6)
        _paragraph(pdf, width - 6, 4.8, "✓ " + req, "L")

    # footer: issuer, serial, code on the left; QR code on the right
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
    pdf.cell(width - qr_size - 6, 5, text.serial_line, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "B", 9.5)
    pdf.cell(width - qr_size - 6, 5, text.code_line, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 8)
    pdf.set_text_color(*_GREY)
    _paragraph(pdf, width - qr_size - 8, 4, text.verify_hint, "L")

    target.parent.mkdir(parents=True, exist_ok=True)
    # the writer's pid in the name: a later run can tell a killed writer's leftover
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp", dir=target.parent)
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


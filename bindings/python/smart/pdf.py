"""Certificate documents as PDF/A-2B (A4, one page), with fpdf2.

The words come from the C++ core (``smart::wording``), so C and Python consumers print the
same text; this module only lays them out. The font is embedded (DejaVu Sans, which has
æ, ø and å); the QR code, drawn as vector squares, carries the serial and the
verification code.

Speed (about 5 ms a document; docs/certificates.md): once per process the font is cut
down to the Latin, punctuation and symbol blocks a certificate uses (about 700 glyphs,
cached as a file in the temporary folder; a document with a character outside them uses
the full font). Fonts are prepared once per character set and thread (:class:`_FontSet`):
fpdf2's parsed font is copied into each document with its glyph map already filled, and
the font objects fpdf2 wrote for the first document of a set (subset font, widths, maps)
are written again for the next ones. Lines are drawn with ``text()`` where ``cell()``
would put them, and wrapped here, each word measured once.
"""

from __future__ import annotations

import collections
import copy
import functools
import hashlib
import os
import pathlib
import tempfile
import threading
from collections.abc import Sequence
from dataclasses import astuple, dataclass, field
from typing import TYPE_CHECKING, Any

from ._core import _smart

if TYPE_CHECKING:
    from fpdf import FPDF
    from fpdf.fonts import TTFFont
    from fpdf.output import PDFFont, PDFType3Font
    from fpdf.syntax import PDFObject

__all__ = ["CertificateText", "find_font", "page_words", "render_certificate"]

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


def _fonts_for(chars: frozenset[int]) -> tuple[pathlib.Path, pathlib.Path]:
    """Regular and bold font files for a document printing ``chars``: the reduced fonts
    when they cover every character, else the full ones."""
    regular, bold = find_font(), find_font(bold=True)
    if chars <= _REDUCED:
        try:
            return _reduced_font(regular), _reduced_font(bold)
        except (OSError, ImportError):  # pragma: no cover - e.g. a read-only temporary folder
            pass
    return regular, bold


def _chars(text: CertificateText) -> frozenset[int]:
    """Every character printed on the document (the check mark included)."""
    chars: set[int] = {_CHECK}
    for part in astuple(text):
        for s in part if isinstance(part, (tuple, list)) else (part,):
            if isinstance(s, str):
                chars.update(map(ord, s))
    return frozenset(chars)


_CHECK = 0x2713  # the check mark before each requirement

# The characters every document embeds (of those the font has), whether it prints them or
# not, besides its own: the letters, digits and common punctuation. Then the documents of
# a cohort embed the same glyphs — these and the cohort's wording — unless a name has a
# letter of its own, which lets the embedded font, its widths and its maps be made once
# per process and reused (see _FontSet); a document with other characters (a name with
# "ñ") gets a font set of its own, made once for that character set. Each glyph more
# costs every document about 100 bytes per face.
_BASE = frozenset(map(ord, "ABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅabcdefghijklmnopqrstuvwxyzæøå0123456789 .,:;-–()/%'’"))


class _FontSet:
    """The document fonts for one character set, made once per process and thread.

    fpdf2 parses a font file into a ``TTFFont`` for every document and, when writing it,
    subsets the font with fontTools and builds the font's PDF objects (widths, ToUnicode
    map, CIDToGIDMap, the font program). For certificates that was most of the time of a
    document. A font set instead keeps one parsed ``TTFFont`` per face and gives each
    document a light copy whose glyph-to-code map (fpdf2's ``SubsetMap``) is already filled
    with the whole character set in a fixed order. Every document with this character set
    then embeds the same subset font with the same codes, so the font objects fpdf2 wrote
    for the first document are written again, unchanged, for the next ones
    (:func:`_producer_class`). A document still embeds a real subset: the set's
    characters, not the whole font.
    """

    def __init__(self, files: tuple[pathlib.Path, pathlib.Path], chars: frozenset[int]) -> None:
        from fpdf import FPDF
        from fpdf.fonts import TTFFont

        pdf = FPDF()
        pdf.add_font("DejaVu", "", str(files[0]))
        pdf.add_font("DejaVu", "B", str(files[1]))
        self.files = files
        self.faces: list[TTFFont] = []
        for key in ("dejavu", "dejavuB"):
            face = pdf.fonts[key]
            assert isinstance(face, TTFFont)
            for c in sorted(chars):
                if c in face.cmap:
                    face.subset.pick(c)
            face.subset.pick.cache_clear()
            face.subset.get_glyph.cache_clear()
            face.close()  # all read; documents get a fontTools font of their own to subset
            self.faces.append(face)
        # What fpdf2 wrote for the fonts of the first document: (object, trace label) in
        # order, the font objects by font index, and the number of the first object.
        self.objects: list[tuple[PDFObject, str | None]] | None = None
        self.by_index: dict[int, PDFFont | PDFType3Font] = {}
        self.first_id = 0
        self.reused = 0  # documents that wrote the recorded objects again (for the tests)

    def install(self, pdf: FPDF) -> None:
        """Adds the regular ("DejaVu", "") and bold ("DejaVu", "B") faces to ``pdf``."""
        from fpdf.fonts import SubsetMap, TTFFont

        for face in self.faces:
            font = TTFFont.__new__(TTFFont)
            for name in TTFFont.__slots__:
                if hasattr(face, name):
                    setattr(font, name, getattr(face, name))
            font.i = len(pdf.fonts) + 1
            font.missing_glyphs = []
            if hasattr(face, "biggest_size_pt"):  # fpdf2 >= 2.8.3
                font.biggest_size_pt = 0
            subset = SubsetMap.__new__(SubsetMap)
            subset.font = font
            subset._next = face.subset._next
            subset._reserved = list(face.subset._reserved)
            subset._char_id_per_glyph = dict(face.subset._char_id_per_glyph)
            font.subset = subset
            pdf.fonts[font.fontkey] = font
        setattr(pdf, "_smart_font_set", self)

    def fresh_ttfont(self, font: TTFFont) -> None:
        """Gives ``font`` its own fontTools font and font descriptor, which fpdf2 changes
        in place when it writes the font."""
        from fontTools.ttLib import TTFont

        i = [f.fontkey for f in self.faces].index(font.fontkey)
        tt = TTFont(str(self.files[i]), recalcTimestamp=False, lazy=True)
        # The outlines are unchanged by subsetting, so their bounding boxes are right: not
        # recomputing them lets fontTools copy each glyph's bytes instead of re-encoding it.
        tt.recalcBBoxes = False
        font.ttfont = tt
        font.desc = copy.copy(font.desc)


_font_sets = threading.local()  # the objects are renumbered in each document: one cache per thread


def _font_set(text: CertificateText) -> _FontSet:
    """The font set for a document: the one for its characters and the base set, made
    when first needed (the 16 most recently used are kept)."""
    chars = _chars(text) | _BASE
    key = (_fonts_for(chars), chars)
    cache: collections.OrderedDict[object, _FontSet] | None = getattr(_font_sets, "cache", None)
    if cache is None:
        cache = _font_sets.cache = collections.OrderedDict()
    found = cache.get(key)
    if found is None:
        found = cache[key] = _FontSet(*key)
        while len(cache) > 16:
            cache.popitem(last=False)
    cache.move_to_end(key)
    return found


@functools.lru_cache(maxsize=None)
def _producer_class() -> type:
    """fpdf2's ``OutputProducer`` (its hook for custom writers: ``FPDF.output``'s
    ``output_producer_class``), but the font objects of a font set are written by fpdf2
    for the first document of the set and then written again unchanged (see
    :class:`_FontSet`)."""
    from fpdf.fonts import TTFFont
    from fpdf.output import OutputProducer

    class _Producer(OutputProducer):
        def _add_fonts(self, *args: Any, **kwargs: Any) -> dict[int, PDFFont | PDFType3Font]:
            fs: _FontSet | None = getattr(self.fpdf, "_smart_font_set", None)
            if fs is None:
                return super()._add_fonts(*args, **kwargs)
            fonts = [f for f in self.fpdf.fonts.values() if isinstance(f, TTFFont)]
            # the document's fonts must be the set's, with no glyph added while laying out
            same = len(fonts) == len(self.fpdf.fonts) == len(fs.faces) and all(
                f.i == i + 1 and len(f.subset) == len(face.subset) for i, (f, face) in enumerate(zip(fonts, fs.faces))
            )  # fmt: skip
            if same and fs.objects is not None and self.obj_id + 1 == fs.first_id:
                for obj, label in fs.objects:
                    self._add_pdf_obj(obj, label)
                for f in fonts:  # as fpdf2 does after writing a font: these caches are per class
                    f.subset.pick.cache_clear()
                    f.subset.get_glyph.cache_clear()
                fs.reused += 1
                return dict(fs.by_index)
            # fpdf2 itself, on fonts of their own (it subsets them in place), recording
            # what it writes for the next documents of the set
            for f in fonts:
                fs.fresh_ttfont(f)
            first = self.obj_id + 1
            written: list[tuple[PDFObject, str | None]] = []
            add = self._add_pdf_obj

            def record(obj: PDFObject, label: str | None = None) -> int:
                written.append((obj, label))
                return add(obj, label)

            setattr(self, "_add_pdf_obj", record)
            try:
                by_index = super()._add_fonts(*args, **kwargs)
            finally:
                delattr(self, "_add_pdf_obj")
            if same:
                fs.objects, fs.by_index, fs.first_id = written, dict(by_index), first
            return by_index

    return _Producer


def _qr(pdf: FPDF, text: str, x: float, y: float, size: float) -> None:
    """The QR code of ``text`` (error correction M, segno's best mask) as a white square
    with the dark modules as filled rectangles: a horizontal run of dark modules is one
    rectangle, and the same run in the rows below extends it downwards."""
    import segno

    code = segno.make(text, error="m", micro=False)
    matrix = code.matrix
    n = len(matrix)
    quiet = 2
    cell = size / (n + 2 * quiet)
    pdf.set_fill_color(255, 255, 255)
    pdf.rect(x, y, size, size, style="F")
    pdf.set_fill_color(0, 0, 0)
    rects: list[tuple[int, int, int, int]] = []  # (row, start, end, rows)
    open_: dict[tuple[int, int], int] = {}  # run -> index in rects, for runs of the previous row
    for r, row in enumerate(matrix):
        runs: dict[tuple[int, int], int] = {}
        c = 0
        while c < n:
            if row[c]:
                start = c
                while c < n and row[c]:
                    c += 1
                i = open_.get((start, c))
                if i is None:
                    i = len(rects)
                    rects.append((r, start, c, 1))
                else:
                    row0, s0, e0, h = rects[i]
                    rects[i] = (row0, s0, e0, h + 1)
                runs[(start, c)] = i
            else:
                c += 1
        open_ = runs
    for r, start, end, h in rects:
        pdf.rect(x + (quiet + start) * cell, y + (quiet + r) * cell, (end - start) * cell, h * cell, style="F")


@functools.lru_cache(maxsize=None)
def _ttf_class() -> type[TTFFont]:
    from fpdf.fonts import TTFFont

    return TTFFont


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


def page_words(text: CertificateText) -> str:
    """The words :func:`render_certificate` puts on the page, in the order it draws them,
    one part per line (wrapped lines are joined): what ``smart.issuing.verify_pdf``
    compares a PDF's text with."""
    return "\n".join(
        [text.title, text.holder, text.attests, text.goals_heading, *text.goals, text.requirements_heading,
         *(f"{chr(_CHECK)} {r}" for r in text.requirements), text.issued_line, text.serial_line, text.code_line,
         text.verify_hint]
    )  # fmt: skip


def render_certificate(text: CertificateText, path: str | os.PathLike[str]) -> pathlib.Path:
    """Writes the certificate as a one-page A4 PDF/A-2B at ``path``.

    The file appears whole or not at all: it is written to a temporary file in the same
    folder, flushed to the disk and renamed into place (the core's ``write_file_atomic``).
    """
    from fpdf import FPDF

    target = pathlib.Path(path)
    pdf = FPDF(orientation="portrait", unit="mm", format="A4", enforce_compliance="PDFA_2B")
    pdf.set_lang(text.lang)
    pdf.set_title(f"{text.title} – {text.holder}")
    pdf.set_subject(text.programme or text.title)
    pdf.set_creator("smart")
    pdf.set_keywords(" ".join(text.keywords))
    _font_set(text).install(pdf)
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
    _cell(pdf, width, 14, text.title, "C")
    pdf.set_draw_color(*_ACCENT)
    pdf.set_line_width(0.8)
    pdf.line(pdf.w / 2 - 30, pdf.get_y() + 3, pdf.w / 2 + 30, pdf.get_y() + 3)

    pdf.set_y(pdf.get_y() + 14)
    pdf.set_text_color(0, 0, 0)
    pdf.set_font("DejaVu", "B", 22)
    _cell(pdf, width, 12, text.holder, "C")
    pdf.set_y(pdf.get_y() + 4)
    pdf.set_font("DejaVu", "", 11.5)
    _paragraph(pdf, width, 6.2, text.attests, "C")

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

    pdf.set_y(pdf.get_y() + 4)
    pdf.set_text_color(*_BLUE)
    pdf.set_font("DejaVu", "B", 11)
    _cell(pdf, width, 7, text.requirements_heading)
    pdf.set_text_color(*_GREY)
    pdf.set_font("DejaVu", "", 9.5)
    for req in text.requirements:
        pdf.set_x(pdf.l_margin + 6)
        _paragraph(pdf, width - 6, 4.8, f"{chr(_CHECK)} {req}", "L")

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
    _cell(pdf, width - qr_size - 6, 5, text.serial_line)
    pdf.set_font("DejaVu", "B", 9.5)
    _cell(pdf, width - qr_size - 6, 5, text.code_line)
    pdf.set_font("DejaVu", "", 8)
    pdf.set_text_color(*_GREY)
    _paragraph(pdf, width - qr_size - 8, 4, text.verify_hint, "L")

    target.parent.mkdir(parents=True, exist_ok=True)
    # The core's atomic, durable write: the temporary file's name holds the writer's pid,
    # so a later run can tell a killed writer's leftover.
    _smart.file.write_file_atomic(target, bytes(pdf.output(output_producer_class=_producer_class())))
    return target


"""The holder's name on a certificate: which fonts draw it, at what size, on one line or
two, or why it cannot be printed — answered without writing a PDF (docs/certificates.md,
"The holder's name").

A name of Latin, Greek or Cyrillic letters without combining marks (every character in
DejaVu Sans Bold and below U+0590) is drawn with the document's DejaVu Sans Bold, as the
rest of the page. Any other name is drawn with a chain of fonts from Debian — Noto Sans
and its script fonts (``fonts-noto-core``), Noto Sans CJK (``fonts-noto-cjk``), DejaVu
Sans (``fonts-dejavu-core``) and Symbola, a monochrome outline font with the emoji of
Unicode 9 (``fonts-symbola``) — each character from the first font that has it, shaped
with HarfBuzz (fpdf2's text shaping, ``uharfbuzz``): Arabic joined and right to left,
Indic scripts with their conjuncts. A name is shrunk from 22 pt down to 16 pt to fit the
frame, then split onto two lines at the space (or after the hyphen) that balances them
and shrunk again down to 11 pt; a name that still does not fit, or has a character no
font of the chain has, cannot be printed — and nothing is issued for it
(:func:`name_problem`).
"""

from __future__ import annotations

import functools
import os
import pathlib
import threading
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fpdf import FPDF
    from fpdf.fonts import TTFFont

__all__ = ["NameLayout", "NameNotPrintable", "check_requirements", "name_layout", "name_problem"]

#: The width the name is drawn in (mm): the page's text width, inside the frame.
NAME_WIDTH = 160.0
#: Sizes (pt): the largest, the smallest on one line, the smallest on two lines.
LARGEST, SMALLEST_ONE_LINE, SMALLEST_TWO_LINES = 22.0, 16.0, 11.0
#: Heights (mm) of the name's line, and of each of two lines.
ONE_LINE_HEIGHT, TWO_LINE_HEIGHT = 12.0, 7.0

_PT_MM = 25.4 / 72

_FONT_DIRS = {
    "fonts-dejavu-core": ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu"),
    "fonts-noto-core": ("/usr/share/fonts/truetype/noto",),
    "fonts-noto-cjk": ("/usr/share/fonts/opentype/noto",),
    "fonts-symbola": ("/usr/share/fonts/truetype/ancient-scripts",),
}

# The chain, in order: (file name, Debian package). Noto Sans first (Latin, Greek,
# Cyrillic), then the scripts, then CJK, then DejaVu (symbols Noto lacks), then Symbola.
_NOTO_SCRIPTS = (
    "Arabic", "Hebrew", "Armenian", "Georgian", "Devanagari", "Bengali", "Gurmukhi", "Gujarati", "Oriya",
    "Tamil", "Telugu", "Kannada", "Malayalam", "Sinhala", "Thai", "Lao", "Khmer", "Myanmar", "Ethiopic",
    "Thaana", "CanadianAboriginal", "Cherokee", "Tifinagh", "Adlam", "NKo", "Syriac", "Mongolian", "Tibetan",
)  # fmt: skip
_CHAIN: tuple[tuple[str, str], ...] = (
    ("NotoSans-Bold.ttf", "fonts-noto-core"),
    *((f"NotoSans{s}-Bold.ttf", "fonts-noto-core") for s in _NOTO_SCRIPTS),
    ("NotoSansCJK-Bold.ttc", "fonts-noto-cjk"),
    ("DejaVuSans-Bold.ttf", "fonts-dejavu-core"),
    ("Symbola_hint.ttf", "fonts-symbola"),
)
# The files a Debian package must provide for the pre-flight check (some script fonts of
# the chain are not in every version of fonts-noto-core: those are used when present).
_REQUIRED = ("NotoSans-Bold.ttf", "NotoSansArabic-Bold.ttf", "NotoSansCJK-Bold.ttc", "DejaVuSans-Bold.ttf",
             "Symbola_hint.ttf")  # fmt: skip


class NameNotPrintable(ValueError):
    """A name that cannot be printed on a certificate.

    Attributes:
        kind: ``"missing_glyph"`` (no font has some character) or ``"too_long"``.
        characters: For missing_glyph, the characters, e.g. ``"U+E000"``.
    """

    def __init__(self, name: str, kind: str, characters: str = "") -> None:
        self.name, self.kind, self.characters = name, kind, characters
        if kind == "too_long":
            why = (f"does not fit on the certificate, not even on two lines at {SMALLEST_TWO_LINES:g} pt "
                   f"({len(name)} characters)")  # fmt: skip
        else:
            why = f"cannot be printed: no font has the character {characters}"
        super().__init__(f"the name {name!r} {why}")


@dataclass(frozen=True)
class NameLayout:
    """How a name is drawn.

    Attributes:
        lines: One or two lines.
        size: The font size in pt.
        fonts: The font files of the chain the name needs, the first the main font and the
            others fallbacks (each character drawn with the first that has it); empty when
            the document's DejaVu Sans Bold draws it without shaping.
    """

    lines: tuple[str, ...]
    size: float
    fonts: tuple[pathlib.Path, ...] = ()

    @property
    def line_height(self) -> float:
        """The height of each line, mm."""
        return ONE_LINE_HEIGHT if len(self.lines) == 1 else TWO_LINE_HEIGHT


def _font_dirs(package: str) -> list[str]:
    extra = [os.environ["SMART_FONT_DIR"]] if os.environ.get("SMART_FONT_DIR") else []
    return [*extra, *_FONT_DIRS[package], "/usr/local/share/fonts"]


def _find(file: str, package: str) -> pathlib.Path | None:
    for d in _font_dirs(package):
        p = pathlib.Path(d) / file
        if p.is_file():
            return p
    return None


@functools.lru_cache(maxsize=None)
def _chain() -> tuple[pathlib.Path, ...]:
    """The chain's font files found on this machine, in order."""
    return tuple(p for file, package in _CHAIN if (p := _find(file, package)) is not None)


def check_requirements() -> None:
    """The pre-flight check of ``smart issue``: every Python package and font file a
    certificate may need is there. Raises ImportError or FileNotFoundError with a one-line
    message saying what to install."""
    import importlib

    for module, package in (("fpdf", "fpdf2"), ("pypdf", "pypdf"), ("uharfbuzz", "uharfbuzz"),
                            ("fontTools", "fonttools"), ("cryptography", "cryptography")):  # fmt: skip
        try:
            importlib.import_module(module)
        except ImportError as exc:
            raise ImportError(
                f"certificates need the Python package {package}, which is missing ({exc}): pip install {package}"
            ) from None
    missing = sorted({pkg for file, pkg in _CHAIN if file in _REQUIRED and _find(file, pkg) is None})
    if missing:
        raise FileNotFoundError(
            f"certificates need the fonts of the Debian packages {', '.join(missing)}, which are missing: "
            f"apt-get install {' '.join(missing)} (or set SMART_FONT_DIR to a folder holding their files)"
        )


@functools.lru_cache(maxsize=None)
def _cmap(path: pathlib.Path) -> frozenset[int]:
    from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

    with TTFont(str(path), lazy=True, fontNumber=0) as tt:
        return frozenset(tt.getBestCmap())


@functools.lru_cache(maxsize=None)
def _dejavu_bold() -> tuple[dict[int, int], int]:
    """DejaVu Sans Bold's advance width per character, and its units per em."""
    from fontTools.ttLib import TTFont

    from .pdf_fonts import find_font

    with TTFont(str(find_font(bold=True)), lazy=True) as tt:
        hmtx = tt["hmtx"]
        return {c: hmtx[g][0] for c, g in tt.getBestCmap().items()}, tt["head"].unitsPerEm


def _simple(name: str) -> bool:
    """Drawn with the document's DejaVu Sans Bold, unshaped: every character below U+0590
    (Latin, Greek, Cyrillic, Armenian), none a combining mark, all in the font."""
    widths = _dejavu_bold()[0]
    return all(ord(c) < 0x590 and ord(c) in widths and not unicodedata.category(c).startswith("M") for c in name)


def _fonts_for(name: str) -> tuple[pathlib.Path, ...]:
    """The fonts of the chain that draw ``name``, in chain order (the first character's
    font first, so fpdf2 uses it as the main font). Raises NameNotPrintable when no font
    has some character."""
    chain = _chain()
    if not chain:
        check_requirements()
    used: list[pathlib.Path] = []
    missing: list[str] = []
    for c in dict.fromkeys(name):
        font = next((p for p in chain if ord(c) in _cmap(p)), None)
        if font is None:
            missing.append(f"U+{ord(c):04X}")
        elif font not in used:
            used.append(font)
    if missing:
        raise NameNotPrintable(name, "missing_glyph", ", ".join(missing))
    first = next(p for p in chain if ord(name[0]) in _cmap(p))
    return (first, *(p for p in chain if p in used and p != first))


class _Measurer(threading.local):
    """A page-less fpdf2 document per thread that measures shaped text (fonts added when
    first needed)."""

    def __init__(self) -> None:
        self.pdf: FPDF | None = None
        self.families: dict[pathlib.Path, str] = {}


_measurer = _Measurer()


class _Parsed(threading.local):
    """fpdf2's parsed font per file, made once per thread (see :func:`add_fonts`)."""

    def __init__(self) -> None:
        self.fonts: dict[pathlib.Path, TTFFont] = {}


_parsed = _Parsed()


def _copy_font(pdf: FPDF, path: pathlib.Path, family: str) -> None:
    """Adds the font at ``path`` to ``pdf`` as ``family`` like ``pdf.add_font`` does, but
    from a font fpdf2 parsed once per thread (parsing Noto Sans CJK — its widths, its
    cmap — is half a second or more): a copy with a glyph map of its own and a fontTools
    font of its own, which fpdf2 subsets in place when it writes the document."""
    import copy

    from fontTools.ttLib import TTFont
    from fpdf import FPDF as _FPDF
    from fpdf.fonts import SubsetMap
    from fpdf.fonts import TTFFont as _TTFFont

    parsed = _parsed.fonts.get(path)
    if parsed is None:
        scratch = _FPDF()
        scratch.add_font("parsed", "", str(path))
        made = scratch.fonts["parsed"]
        assert isinstance(made, _TTFFont)
        made.ttfont.close()  # each document opens the file itself
        _ = made.hbfont  # HarfBuzz's font, shared by the copies: HarfBuzz only reads it
        parsed = _parsed.fonts[path] = made
    font = copy.copy(parsed)  # shares the widths, maps and HarfBuzz font, which fpdf2 only reads
    font.fontkey = family.lower()
    font.i = len(pdf.fonts) + 1
    font.desc = copy.copy(parsed.desc)
    font.ttfont = TTFont(str(path), recalcTimestamp=False, lazy=True, fontNumber=parsed.collection_font_number)
    font.missing_glyphs = []
    font.biggest_size_pt = 0
    font.subset = SubsetMap(font)
    pdf.fonts[font.fontkey] = font
    if font.is_cff and font.is_cid_keyed:
        pdf._set_min_pdf_version("1.6")


def add_fonts(pdf: FPDF, fonts: tuple[pathlib.Path, ...], families: dict[pathlib.Path, str], *, copied: bool = True) -> list[str]:
    """Adds ``fonts`` to ``pdf`` (once each; ``families`` remembers them) and returns their
    family names in order: copies of fonts parsed once per thread, or with ``copied=False``
    parsed by ``pdf.add_font``."""
    for p in fonts:
        if p not in families:
            families[p] = f"SmartName{len(families)}"
            if copied:
                _copy_font(pdf, p, families[p])
            else:
                pdf.add_font(families[p], "", str(p))
    return [families[p] for p in fonts]


def use_fonts(pdf: FPDF, names: list[str], size: float) -> None:
    """Sets the name's main font, its fallbacks and HarfBuzz shaping on ``pdf``."""
    pdf.set_font(names[0], "", size)
    pdf.set_fallback_fonts(names[1:], exact_match=False)
    pdf.set_text_shaping(True)


def _width_per_pt(name: str, fonts: tuple[pathlib.Path, ...]) -> float:
    """The width of ``name`` at 1 pt, mm."""
    if not fonts:
        widths, upem = _dejavu_bold()
        return sum(widths[ord(c)] for c in name) / upem * _PT_MM
    from fpdf import FPDF

    m = _measurer
    if m.pdf is None:
        m.pdf = FPDF(unit="mm", format="A4")
    use_fonts(m.pdf, add_fonts(m.pdf, fonts, m.families, copied=False), 100.0)
    return float(m.pdf.get_string_width(name)) / 100.0


def _size(width_per_pt: float, largest: float, smallest: float) -> float | None:
    """The largest size in half points from ``largest`` down to ``smallest`` at which the
    text fits NAME_WIDTH, or None."""
    if width_per_pt <= 0:
        return largest
    size = min(largest, int(NAME_WIDTH / width_per_pt * 2) / 2)
    return size if size >= smallest else None


def _splits(name: str) -> list[tuple[str, str]]:
    """Where a name may go onto two lines: at a space (which goes), after a hyphen (which
    stays on the first line)."""
    out = [(name[:i], name[i + 1 :]) for i, c in enumerate(name) if c == " "]
    out += [(name[: i + 1], name[i + 1 :]) for i, c in enumerate(name) if c in "-\u2010" and name[i + 1 : i + 2] != " "]
    return out


@functools.lru_cache(maxsize=4096)
def name_layout(name: str) -> NameLayout:
    """How ``name`` is drawn on a certificate: its fonts, size and lines.

    Raises:
        NameNotPrintable: a character no font of the chain has, or too long for two lines.
    """
    fonts: tuple[pathlib.Path, ...] = () if _simple(name) else _fonts_for(name)
    size = _size(_width_per_pt(name, fonts), LARGEST, SMALLEST_ONE_LINE)
    if size is not None:
        return NameLayout((name,), size, fonts)
    best: tuple[float, tuple[str, str]] | None = None
    for first, second in _splits(name):
        if not first.strip() or not second.strip():
            continue
        w = max(_width_per_pt(first, fonts), _width_per_pt(second, fonts))
        if best is None or w < best[0]:
            best = (w, (first, second))
    if best is not None:
        size = _size(best[0], SMALLEST_ONE_LINE, SMALLEST_TWO_LINES)
        if size is not None:
            return NameLayout(best[1], size, fonts)
    raise NameNotPrintable(name, "too_long")


def name_problem(name: str) -> tuple[str, str] | None:
    """None when ``name`` can be printed on a certificate, else why not: ``("missing_glyph",
    "U+E000")`` or ``("too_long", "")`` (what the core's ``issue_cohort`` words as the
    participant's reason). Fast: no PDF is written, and answers are cached."""
    try:
        name_layout(name)
    except NameNotPrintable as exc:
        return (exc.kind, exc.characters)
    return None

"""The fonts of certificate PDFs: DejaVu Sans found on the system, cut down once to the
blocks a certificate uses (cached in the temporary folder), and prepared once per
character set and thread (:class:`_FontSet`), so the documents of a cohort embed the same
subset font. Leans on fpdf2 internals (``TTFFont``, ``SubsetMap``); docs/certificates.md.
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
from dataclasses import astuple
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fpdf import FPDF
    from fpdf.fonts import TTFFont
    from fpdf.output import PDFFont, PDFType3Font
    from fpdf.syntax import PDFObject

    from .pdf import CertificateText

__all__ = ["find_font"]

_FONT_DIRS = (
    "/usr/share/fonts/truetype/dejavu",
    "/usr/share/fonts/dejavu",
    "/usr/local/share/fonts",
)


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
def _ttf_class() -> type[TTFFont]:
    from fpdf.fonts import TTFFont

    return TTFFont

"""fpdf2's output producer with the font objects of a font set written once and then
reused unchanged for the next documents of the set (see :class:`smart.pdf_fonts._FontSet`)."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fpdf.output import PDFFont, PDFType3Font
    from fpdf.syntax import PDFObject

    from .pdf_fonts import _FontSet

__all__: list[str] = []


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
            keys = {face.fontkey for face in fs.faces}
            for f in fonts:
                if f.fontkey in keys:  # the fonts of a holder's name were added as fpdf2 adds any font
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

"""The exceptions of the smart package.

Every error the C++ core reports arrives as the class its code names (the core's
``smart::errc``, by name: ``validation_error``, ``not_found``, ...), carrying the JSON Pointer
of the offending place as :attr:`SmartError.path`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar

if TYPE_CHECKING:
    from .enums import Lang

__all__ = [
    "InternalError",
    "InvalidArgumentError",
    "NotAllowedError",
    "NotFoundError",
    "OutOfMemoryError",
    "ParseError",
    "SheetImportError",
    "SheetProblem",
    "SmartError",
    "ValidationError",
]


class SmartError(Exception):
    """Base class of every error the library reports.

    Attributes:
        message: What went wrong, without the place.
        path: The JSON Pointer (RFC 6901) of the offending value, e.g.
            ``/participants/3/attendance/2024-02-30``; ``""`` when not about a place.
        table, row, column: Set when the error is about a row of a DataFrame given to
            :meth:`smart.Cohort.from_frames` (the row is the DataFrame's index label).
    """

    code: ClassVar[str] = "internal"
    """The core's error code name."""

    def __init__(
        self,
        message: str,
        *,
        path: str = "",
        table: str | None = None,
        row: object = None,
        column: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.table = table
        self.row = row
        self.column = column

    def __str__(self) -> str:
        # An error about a DataFrame row names the row in its message; the pointer then
        # refers to a document the user never saw.
        return f"{self.path}: {self.message}" if self.path and self.table is None else self.message

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (type(self), self.message, self.path, self.table, self.row, self.column))


def _rebuild(
    cls: type[SmartError], message: str, path: str, table: str | None, row: object, column: str | None
) -> SmartError:
    return cls(message, path=path, table=table, row=row, column=column)


class InvalidArgumentError(SmartError, ValueError):
    """A caller passed something unusable (an unknown enum name, an empty id, ...)."""

    code = "invalid_argument"


class ParseError(SmartError, ValueError):
    """Text that is not well-formed: JSON, a date, a ratio, a time of day."""

    code = "parse_error"


class ValidationError(SmartError, ValueError):
    """Well-formed input that breaks a rule of the model; :attr:`path` names the place."""

    code = "validation_error"


class NotFoundError(SmartError, KeyError):
    """An id that names nothing: a programme, a participant, a requirement, a file."""

    code = "not_found"

    def __str__(self) -> str:  # KeyError would quote the message
        return SmartError.__str__(self)


class NotAllowedError(SmartError):
    """A valid request the state forbids (the cohort is full, not yet eligible, ...)."""

    code = "not_allowed"


class OutOfMemoryError(SmartError, MemoryError):
    """The core ran out of memory."""

    code = "out_of_memory"


class InternalError(SmartError):
    """A bug in the library: please report it."""

    code = "internal"


@dataclass(frozen=True)
class SheetProblem:
    """One problem found by the spreadsheet import (docs/import.md, "The error report").

    Attributes:
        table: The sheet's, file's or table's name as given.
        row: The spreadsheet line (header on line 1, first data row on line 2) when read
            from a file; the DataFrame's index label for :meth:`smart.Cohort.from_frames`;
            None when the problem is about the whole table.
        letter: The column letter ("C"), "" when not about one column.
        column: That column's header as written, "" when none.
        found: The cell's text ("" for a blank cell).
        expected: What was expected there, in words (English; :meth:`expected_in` for nb, nn).
        message: The sentence without the place (English; :meth:`message_in` for nb, nn).
        path: The JSON Pointer of the value in the cohort document, "" when none.
        code: The core's error code name (``validation_error``, ...).
        text: The whole sentence with the place, in English (:meth:`describe` for nb, nn).

    Every word comes from the core, in bokmål, nynorsk and English.
    """

    table: str
    row: object
    letter: str
    column: str
    found: str
    expected: str
    message: str
    path: str
    code: str
    text: str
    # (nb, nn, en): the whole sentence, the message, what was expected
    _texts: tuple[str, str, str] = field(default=("", "", ""), repr=False, compare=False)
    _messages: tuple[str, str, str] = field(default=("", "", ""), repr=False, compare=False)
    _expected: tuple[str, str, str] = field(default=("", "", ""), repr=False, compare=False)

    def __str__(self) -> str:
        return self.text

    def describe(self, lang: Lang | str | None = None) -> str:
        """The whole sentence with its place in ``lang`` (``"nb"``, ``"nn"`` or ``"en"``;
        default :func:`smart.get_language`): "Deltakere linje 3, kolonne C (Kommunenr):
        forventet ...". The core's words."""
        return _pick(self._texts, lang) or self.text

    def message_in(self, lang: Lang | str | None = None) -> str:
        """The sentence without the place in ``lang`` (default :func:`smart.get_language`)."""
        return _pick(self._messages, lang) or self.message

    def expected_in(self, lang: Lang | str | None = None) -> str:
        """What was expected at the place, in ``lang`` (default :func:`smart.get_language`)."""
        return _pick(self._expected, lang) or self.expected


def _pick(texts: tuple[str, str, str], lang: Lang | str | None) -> str:
    from ._texts import resolve

    return texts[("nb", "nn", "en").index(str(resolve(lang).value))]


class SheetImportError(ValidationError):
    """Every problem a spreadsheet import found (up to the limit), as :attr:`errors`; the
    single-error attributes (``message``, ``table``, ``row``, ``column``, ``path``) are
    those of the first. Nothing was loaded."""

    def __init__(
        self,
        message: str,
        *,
        path: str = "",
        table: str | None = None,
        row: object = None,
        column: str | None = None,
        errors: list[SheetProblem] | None = None,
        truncated: bool = False,
    ) -> None:
        super().__init__(message, path=path, table=table, row=row, column=column)
        self.errors: list[SheetProblem] = list(errors or [])
        self.truncated = truncated
        """More problems were found than the limit (``max_errors``) allowed to report."""

    def __str__(self) -> str:
        # the first problem first (as a single error reads), then the others, one a line;
        # English, as every exception of the library (describe() for nb and nn)
        lines = [self.message] + [e.text for e in self.errors[1:]]
        return "\n".join(lines) + ("\n(and more)" if self.truncated else "")

    def describe(self, lang: Lang | str | None = None) -> str:
        """Every problem, one a line, in ``lang`` (``"nb"``, ``"nn"`` or ``"en"``; default
        :func:`smart.get_language`), then "(og flere)" / "(og fleire)" / "(and more)" when
        the limit cut the list: the report to hand to the person who keeps the sheets."""
        from ._core import _smart
        from ._texts import resolve

        more: str = _smart.sheet_import.more_problems(resolve(lang)).strip()
        return "\n".join(e.describe(lang) for e in self.errors) + (f"\n{more}" if self.truncated else "")

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_sheet, (self.message, self.path, self.table, self.row, self.column, self.errors, self.truncated))


def _rebuild_sheet(
    message: str, path: str, table: str | None, row: object, column: str | None, errors: list[SheetProblem], truncated: bool
) -> SheetImportError:
    return SheetImportError(message, path=path, table=table, row=row, column=column, errors=errors, truncated=truncated)


_BY_CODE: dict[str, type[SmartError]] = {
    cls.code: cls
    for cls in (
        InvalidArgumentError,
        ParseError,
        ValidationError,
        NotFoundError,
        NotAllowedError,
        OutOfMemoryError,
        InternalError,
    )
}


def _from_core(code: str, message: str, path: str) -> SmartError:
    """The exception for an error of the core (called by the compiled module)."""
    return _BY_CODE.get(code, InternalError)(message, path=path)

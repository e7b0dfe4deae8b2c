"""Programmes (course designs), their certificate requirements and the built-in catalogue."""

from __future__ import annotations

import os

from ._core import _smart

__all__ = [
    "AttendanceRule",
    "BetweenSessionWork",
    "CompetenceGoal",
    "FestivalRule",
    "FinalTextRule",
    "IntervalNotesRule",
    "LocalizedText",
    "Programme",
    "Requirement",
    "Resource",
    "Session",
    "get_programme",
    "load_programme",
    "loads_programme",
    "programme_ids",
]

LocalizedText = _smart.text.LocalizedText
Session = _smart.schedule.Session
Resource = _smart.schedule.Resource
BetweenSessionWork = _smart.schedule.BetweenSessionWork
Programme = _smart.programme.Programme
Requirement = _smart.programme.Requirement
CompetenceGoal = _smart.programme.CompetenceGoal
AttendanceRule = _smart.programme.AttendanceRule
IntervalNotesRule = _smart.programme.IntervalNotesRule
FinalTextRule = _smart.programme.FinalTextRule
FestivalRule = _smart.programme.FestivalRule


def programme_ids() -> list[str]:
    """Ids of the built-in programmes, in catalogue order."""
    return _smart.catalogue.programme_ids()


def get_programme(id: str) -> Programme:
    """The built-in programme with this id.

    Raises:
        NotFoundError: no built-in programme has this id (the message lists the known ids).
    """
    return _smart.catalogue.get(id)


def loads_programme(text: str) -> Programme:
    """Parses and validates a ``smart.programme/1`` document.

    Raises:
        ParseError: the text is not well-formed JSON.
        ValidationError: a value breaks the format; ``.path`` is its JSON Pointer.
    """
    return _smart.programme.load_programme(text)


def load_programme(path: str | os.PathLike[str]) -> Programme:
    """Loads a ``smart.programme/1`` document from a file (see :func:`loads_programme`).

    Raises:
        NotFoundError: the file cannot be opened.
    """
    return _smart.programme.load_programme_file(path)

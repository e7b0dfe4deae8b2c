"""The official register of Norwegian municipalities valid from 2024-01-01 (357
municipalities, Kartverket's official names with the parallel Sami and Kven names), as the
C++ core holds it (docs/format.md, "Municipalities")::

    >>> smart.municipality("3905")
    RegisteredMunicipality(number='3905', name='Tønsberg', names=('Tønsberg',))
    >>> smart.municipality("3005") is None   # Drammen's number until 2023
    True
"""

from __future__ import annotations

from typing import NamedTuple

from ._core import _smart

__all__ = ["RegisteredMunicipality", "municipality", "municipality_register"]


class RegisteredMunicipality(NamedTuple):
    """A municipality of the register."""

    number: str
    """Statistics Norway's four-digit number, "3905"."""
    name: str
    """The official name as the register writes it, parallel names joined with " - ":
    "Nordreisa - Ráisa - Raisi"."""
    names: tuple[str, ...]
    """Each parallel name on its own, in the register's order: ("Nordreisa", "Ráisa", "Raisi")."""


def municipality(number: str) -> RegisteredMunicipality | None:
    """The municipality with this four-digit number in the register of 2024, or None (a
    number of before 2024, a typo). ``smart.municipality("5501").name`` is "Tromsø"."""
    if not isinstance(number, str):
        raise TypeError(f"municipality(): expected the number as a str such as '0301', got {type(number).__name__}")
    found = _smart.cohort.find_municipality(number)
    if found is None:
        return None
    num, name, names = found
    return RegisteredMunicipality(num, name, tuple(names))


def municipality_register() -> list[RegisteredMunicipality]:
    """Every municipality of the register of 2024, by number."""
    return [RegisteredMunicipality(n, name, tuple(names)) for n, name, names in _smart.cohort.municipality_register()]

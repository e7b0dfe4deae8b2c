"""Loads the compiled core, smart._smart, with a helpful message when it is missing."""

from __future__ import annotations

from collections.abc import Callable

try:
    from . import _smart
except ImportError as exc:  # pragma: no cover - only without a built extension
    raise ImportError(
        "smart: the compiled core (smart._smart) is missing or does not load. The package "
        "must be installed with its C++ core built: from the repository root run "
        "`pip install .` (or `bash scripts/test_python.sh`); importing the sources in "
        f"bindings/python/ directly does not work. Cause: {exc}"
    ) from exc



def position(key: int | str, size: int, index_of: Callable[[str], int], what: str) -> int:
    """The position a participant key names: an id (str, looked up with `index_of`, which
    raises NotFoundError) or a position (int, negative counting from the end, as in a list).

    Raises:
        IndexError: the position is out of range (the message says of `what` and its size).
    """
    if isinstance(key, str):
        return index_of(key)
    i = key + size if key < 0 else key
    if not 0 <= i < size:
        raise IndexError(f"participant index {key} out of range ({what} of {size})")
    return i


__all__ = ["_smart", "position"]

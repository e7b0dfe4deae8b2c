"""Loads the compiled core, smart._smart, with a helpful message when it is missing."""

from __future__ import annotations

try:
    from . import _smart
except ImportError as exc:  # pragma: no cover - only without a built extension
    raise ImportError(
        "smart: the compiled core (smart._smart) is missing or does not load. The package "
        "must be installed with its C++ core built: from the repository root run "
        "`pip install .` (or `bash scripts/test_python.sh`); importing the sources in "
        f"bindings/python/ directly does not work. Cause: {exc}"
    ) from exc

__all__ = ["_smart"]

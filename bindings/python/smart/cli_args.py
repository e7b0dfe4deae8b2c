"""What the ``smart`` subcommands share: the date argument type and how a FILE|ID argument
names a cohort (a file, else a built-in demo cohort by id)."""

from __future__ import annotations

import argparse
import datetime
import os

from ._core import _smart
from .cohort import Cohort, demo_cohort, load_cohort
from .errors import SmartError

__all__ = ["cohort_arg", "date_arg"]


def date_arg(text: str) -> datetime.date:
    """An ISO 8601 date for argparse: a bad one is a usage error with the core's message."""
    try:
        day: datetime.date = _smart.schedule.parse_date(text)
    except SmartError as exc:
        raise argparse.ArgumentTypeError(exc.message) from exc
    return day


def cohort_arg(name: str) -> Cohort:
    """The cohort in the file ``name`` (when it exists or looks like a path), else the
    built-in demo cohort with that id (an unknown id is an error naming the built-in ones)."""
    if os.path.exists(name) or os.sep in name or name.endswith(".json"):
        return load_cohort(name)
    return demo_cohort(name)

"""Cohort statistics (the tables municipalities report) and synthetic cohorts, from the
core: counts are exact, rates are counts with their denominators, small groups can be
suppressed. See docs/statistics.md for the tables and the suppression rules."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any, Literal

from ._core import _smart
from .cohort import Cohort, Municipality
from .evaluation import Evaluation

__all__ = ["statistics", "synthetic_cohorts"]

GroupBy = Literal["none", "municipality", "role", "sector"]


def statistics(
    evaluations: Sequence[Evaluation],
    *,
    by: GroupBy = "none",
    min_cell: int | None = None,
    municipality_mapping: Mapping[str, Municipality] | None = None,
) -> dict[str, Any]:
    """Every statistics table of the evaluated cohorts, as the ``smart.statistics/1``
    document (per cohort, per group, attendance per day, certified per municipality).

    Args:
        evaluations: One evaluation per cohort (of one or several programmes).
        by: Group participants by municipality, role or sector (default: no groups).
        min_cell: Suppress groups smaller than this (and enough others that totals do not
            reveal them). Default: no suppression.
        municipality_mapping: Municipality numbers as recorded -> current municipality,
            to group across municipal mergers.

    Raises:
        InvalidArgumentError: an unknown grouping, or ``min_cell`` 0.
    """
    text = _smart.statistics.statistics_json(
        [e._e for e in evaluations], by=by, min_cell=min_cell, municipality_mapping=dict(municipality_mapping or {})
    )
    doc: dict[str, Any] = json.loads(text)
    return doc


def synthetic_cohorts(
    *, seed: int = 2017, first_year: int = 2017, years: int = 9, participants: int = 36, dropout_percent: int = 6
) -> list[Cohort]:
    """One synthetic cohort per year of the trainer programme's shape, with fictional
    people ("Syntetisk deltaker 00042") and realistic outcomes; the same seed always gives
    the same cohorts. For notebooks, tests and benchmarks."""
    return [
        Cohort._wrap(c)
        for c in _smart.statistics.cohort_series(
            seed=seed, first_year=first_year, years=years, participants=participants, dropout_percent=dropout_percent
        )
    ]

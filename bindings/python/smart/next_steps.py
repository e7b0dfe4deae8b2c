"""Next steps (docs/next-steps.md): what each participant must still do, and by when.

The core plans the steps (numbers, ids and dates; words on demand); this module hands them
over as typed objects bound from the core's structs — :class:`NextSteps` per participant,
:class:`Step`, :class:`BlockedRequirement` and the coordinator's list
(:class:`CoordinatorList` of :class:`DueStep`, :class:`ActionGroup`, :class:`AtRiskList`)
— and as a DataFrame with one row per step built from the core's columns.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ._core import _smart
from .enums import Lang

if TYPE_CHECKING:
    import pandas as pd

    from .evaluation import Evaluation

__all__ = [
    "ActionGroup",
    "AtRiskList",
    "BlockedRequirement",
    "CoordinatorList",
    "DueStep",
    "NextSteps",
    "Step",
    "coordinator_list",
]

Step = _smart.next_steps.Step
BlockedRequirement = _smart.next_steps.BlockedRequirement
NextSteps = _smart.next_steps.NextSteps
DueStep = _smart.next_steps.DueStep
ActionGroup = _smart.next_steps.ActionGroup
AtRiskList = _smart.next_steps.AtRiskList
CoordinatorList = _smart.next_steps.CoordinatorList

FRAME_COLUMNS = ["participant_id", "status", "at_risk", "kind", "must", "requirement", "start", "end", "due",
                 "needed", "of", "interval", "approval", "min_pages", "max_pages", "awaiting_approval", "text"]
"""The columns of :meth:`Evaluation.next_steps_frame` (and of ``smart next --format csv``):
the members of a step in the ``smart.next_steps/1`` document, plus the participant's id,
status and at_risk and the step's line as ``text``."""


def coordinator_list(evaluations: Iterable[Evaluation], within_days: int) -> CoordinatorList:
    """The coordinator's list over one or several evaluations (cohorts): every step falling
    due within ``within_days`` days of each evaluation's date, by due date; the same steps
    grouped by action; the at-risk participants before each cohort's next counted day.
    ``cohort`` in its entries is the position of the evaluation in ``evaluations``.

    Raises:
        InvalidArgumentError: ``within_days`` is negative.
    """
    return _smart.next_steps.coordinator_list([e._e for e in evaluations], within_days)


def steps_frame(evaluation: Evaluation, participant: str | None, lang: Lang | str) -> pd.DataFrame:
    """The DataFrame of :meth:`Evaluation.next_steps_frame`, from the core's columns."""
    from .frames import to_pandas

    return to_pandas(_smart.next_steps.columns(evaluation._e, participant or "", Lang(lang)))

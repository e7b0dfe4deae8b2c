from collections.abc import Mapping, Sequence

from .cohort import Cohort, Municipality
from .evaluation import Evaluation

def statistics_json(
    evaluations: Sequence[Evaluation],
    *,
    by: str = "none",
    min_cell: int | None = None,
    municipality_mapping: Mapping[str, Municipality] = ...,
) -> str: ...
def cohort_series(
    *, seed: int = 2017, first_year: int = 2017, years: int = 9, participants: int = 36, dropout_percent: int = 6
) -> list[Cohort]: ...

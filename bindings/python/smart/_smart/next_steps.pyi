# Stubs of smart._smart.next_steps (bindings/python/src/register_next_steps.cpp). Private API.
from smart.enums import Lang

from .evaluation import Evaluation

def next_steps_json(evaluation: Evaluation, participant: str = "", within_days: int | None = None) -> str: ...
def next_steps_icalendar(
    evaluation: Evaluation,
    *,
    lang: Lang | str = ...,
    participant: str = "",
    previous: str | None = None,
    stamp: int | None = None,
) -> str: ...

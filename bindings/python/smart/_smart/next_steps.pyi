# Stubs of smart._smart.next_steps (bindings/python/src/register_next_steps.cpp). Private API.
from .evaluation import Evaluation

def next_steps_json(evaluation: Evaluation, participant: str = "", within_days: int | None = None) -> str: ...

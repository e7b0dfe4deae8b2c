"""The JSON Schemas and the loader agree (issue 10).

Documents are generated from the schemas' edge values: every value of the example
documents is replaced, one at a time, by the values at and just past each constraint its
schema states (minimum/maximum, minLength/maxLength, enum, minItems/maxItems,
uniqueItems, the type, a required member removed, an unknown member added). For each
generated document the schema (Python's jsonschema, with format checking) and the loader
(smart.loads_programme / loads_cohort / Agreement.from_json, issue 13) must give the same
verdict.

One kind of disagreement is allowed and checked: the schema accepts and the loader
refuses with a message of one of the rules the schemas' descriptions say JSON Schema
cannot express (days in order, a session day for each attendance date, ...). Anything else
fails with the pointer, the edge value and both verdicts.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import smart

jsonschema = pytest.importorskip("jsonschema")
referencing = pytest.importorskip("referencing")
from referencing.jsonschema import DRAFT202012  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_DIR = ROOT / "schema"

# Rules the schemas' descriptions name as checked by the library only. A loader refusal
# the schema does not share must match one of these.
LIBRARY_ONLY_RULES = [
    r"strictly increasing",  # days in order
    r"follows|in date order|share|overlap|same day|before .* ends|after its start",  # sessions in date order
    r"no session is held on",  # attendance on a session day
    r"duplicate (participant|session|requirement|competence goal) id",  # unique ids
    r"unknown requirement",  # exemption names a requirement
    r"already exempted",
    r"not a calendar date",  # real calendar days (format "date" is checked too)
    r"min_ratio|weight",  # ratios in range
    r"minimum page count is above the maximum",
    r"festival",  # a festival session for a festival rule
    r"gathering|interval|counted|no counted day",  # rules that need the schedule
    r"template|has no date",  # undated programme sessions in a cohort
    r"end .*start|start .*end",  # end after start
    r"control character|line or paragraph separator|bidirectional formatting",  # text content the schema leaves to the library
    r"the cohort has \d+ seats|is one too many",  # capacity against participants
    r"id of lower-case letters",  # identifiers (the schema pattern says the same)
    r"between-session work",  # between-session work names a session of the schedule that has it
    r"is before the document",  # a decision on or after the document's date
    r"on or before the cohort's last day",  # a withdrawal within the cohort
    # agreements (schema/agreement.schema.json's description lists these)
    r"outside the agreement period|an extension is agreed within",  # dates within the period
    r"is one too many: the plan has|already has a seat",  # seats within the plan, one per participant
    r"agreement year \d+ does not exist|is above core_group_max",  # plan values that need the years
    r"the small form records|belong to the small form",  # half-yearly meetings: small form only
    r"a second price of",  # one price per item and date
    r"ends after the last date the library handles",  # the period within the library's dates
]

LOADERS = {"programme": smart.loads_programme, "cohort": smart.loads_cohort, "agreement": smart.Agreement.from_json}
KINDS = ("programme", "cohort", "agreement")


def _registry() -> Any:
    resources = []
    for name in (f"{kind}.schema.json" for kind in KINDS):
        schema = json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))
        resources.append((schema["$id"], referencing.Resource(contents=schema, specification=DRAFT202012)))
    return referencing.Registry().with_resources(resources)


REGISTRY = _registry()
SCHEMAS = {
    kind: json.loads((SCHEMA_DIR / f"{kind}.schema.json").read_text(encoding="utf-8")) for kind in KINDS
}
VALIDATORS = {
    kind: jsonschema.Draft202012Validator(
        schema, registry=REGISTRY, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    for kind, schema in SCHEMAS.items()
}


def _resolve(node: Any, base: str) -> tuple[Any, str]:
    """Follows $ref (local or into the other schema file)."""
    while isinstance(node, dict) and "$ref" in node:
        ref = node["$ref"]
        target, _, frag = ref.partition("#")
        if target:
            base = target.replace(".schema.json", "")
        doc: Any = SCHEMAS[base]
        for part in [p for p in frag.split("/") if p]:
            doc = doc[part]
        rest = {k: v for k, v in node.items() if k not in ("$ref", "description")}
        if rest:  # a $ref with siblings: keep the siblings as their own node
            return {"allOf": [doc, rest]}, base
        node = doc
    return node, base


def _valid(schema: Any, base: str, value: Any) -> bool:
    """Whether `value` is valid against one node of schema `base` (its $refs resolved as there)."""
    if not isinstance(schema, dict):
        return bool(schema)
    wrapper = {"$id": "https://smart.example/schema/_node.json", "$defs": SCHEMAS[base].get("$defs", {}), **schema}
    validator = jsonschema.Draft202012Validator(
        wrapper, registry=REGISTRY, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    return bool(validator.is_valid(value))


def _applicable(node: Any, base: str, value: Any) -> list[tuple[dict[str, Any], str]]:
    """The schema nodes that apply to `value` (allOf, the matching oneOf/anyOf branches, then of a true if)."""
    node, base = _resolve(node, base)
    if not isinstance(node, dict):
        return []
    out = [(node, base)]
    for sub in node.get("allOf", []):
        out += _applicable(sub, base, value)
    for key in ("oneOf", "anyOf"):
        if key in node:
            branches = node[key]
            matching = [b for b in branches if _valid(_resolve(b, base)[0], _resolve(b, base)[1], value)]
            for b in matching or branches[:0]:
                out += _applicable(b, base, value)
    if "if" in node:
        cond, cbase = _resolve(node["if"], base)
        if _valid(cond, cbase, value) and "then" in node:
            out += _applicable(node["then"], base, value)
    return out


def _pointer(path: list[str | int]) -> str:
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in path)


def _set(doc: Any, path: list[str | int], value: Any) -> Any:
    doc = copy.deepcopy(doc)
    target = doc
    for p in path[:-1]:
        target = target[p]
    target[path[-1]] = value
    return doc


def _delete(doc: Any, path: list[str | int]) -> Any:
    doc = copy.deepcopy(doc)
    target = doc
    for p in path[:-1]:
        target = target[p]
    del target[path[-1]]
    return doc


def _edges(nodes: list[tuple[dict[str, Any], str]], value: Any) -> Iterator[tuple[str, Any]]:
    """(description, edge value) pairs from the constraints of the applicable nodes."""
    kw: dict[str, Any] = {}
    for n, _ in nodes:
        for k, v in n.items():
            kw.setdefault(k, v)
    typ = kw.get("type")
    if "enum" in kw:
        for e in kw["enum"]:
            yield f"enum {e!r}", e
        yield "not in the enum", "bogus-value"
        return
    if "const" in kw:
        yield "not the const", "smart.other/9"
        return
    if typ == "integer":
        lo, hi = kw.get("minimum"), kw.get("maximum")
        if lo is not None:
            yield "minimum", lo
            yield "below the minimum", lo - 1
            yield "minimum as 1.0-style number", float(lo)
        if hi is not None:
            yield "maximum", hi
            yield "above the maximum", hi + 1
        yield "a fraction", (lo or 0) + 0.5
        yield "a string", "1"
    elif typ == "string" and "pattern" not in kw and "format" not in kw:
        lo, hi = kw.get("minLength"), kw.get("maxLength")
        if lo:
            yield "empty", ""
        if hi is not None and hi <= 20000:
            yield "maxLength ASCII", "x" * hi
            yield "past maxLength ASCII", "x" * (hi + 1)
            yield "maxLength two-byte", "ø" * hi
            yield "past maxLength two-byte", "ø" * (hi + 1)
        yield "a number", 7
    elif typ == "string" and "format" in kw and kw["format"] == "date":
        for d in ("1400-01-01", "1399-12-31", "9999-12-31", "2025-02-29", "2024-02-29", "2024-13-01"):
            yield f"date {d}", d
    elif typ == "boolean":
        yield "a string", "true"
    elif typ == "array":
        lo, hi = kw.get("minItems"), kw.get("maxItems")
        if lo:
            yield "empty array", []
        if kw.get("uniqueItems") and isinstance(value, list) and value:
            yield "a repeated item", value + [value[0]]
        if hi is not None and hi <= 100 and isinstance(value, list) and value:
            yield "maxItems+1 repeats", [copy.deepcopy(value[0]) for _ in range(hi + 1)]
        yield "an object", {}
    elif typ == "object":
        if kw.get("additionalProperties") is False:
            yield "an unknown member", "__unknown__"
        yield "an array", []


def _walk(doc: Any, node: Any, base: str, path: list[str | int]) -> Iterator[tuple[list[str | int], Any, str]]:
    """Every value location of `doc` with its applicable schema nodes."""
    value = doc
    for p in path:
        value = value[p]
    nodes = _applicable(node, base, value)
    yield path, nodes, base
    if isinstance(value, dict):
        for key in value:
            for n, b in nodes:
                props = n.get("properties", {})
                if key in props:
                    yield from _walk(doc, props[key], b, path + [key])
                    break
            else:
                for n, b in nodes:
                    if isinstance(n.get("additionalProperties"), dict):
                        yield from _walk(doc, n["additionalProperties"], b, path + [key])
                        break
    elif isinstance(value, list):
        for n, b in nodes:
            if "items" in n and isinstance(n["items"], dict):
                for i in range(min(len(value), 2)):  # the first two of each list
                    yield from _walk(doc, n["items"], b, path + [i])
                break


def _cases(kind: str, doc: Any) -> Iterator[tuple[str, Any]]:
    for path, nodes, _ in _walk(doc, SCHEMAS[kind], kind, []):
        if not path:
            continue
        value = doc
        for p in path:
            value = value[p]
        where = _pointer(path)
        for desc, edge in _edges(nodes, value):
            if desc == "an unknown member":
                yield f"{where}: {desc}", _set(doc, path + ["__unknown__"], 1)
            else:
                yield f"{where}: {desc}", _set(doc, path, edge)
        # required members removed
        kw_required = [r for n, _ in nodes for r in n.get("required", [])]
        if isinstance(value, dict):
            for r in dict.fromkeys(kw_required):
                if r in value:
                    yield f"{where}: without required {r!r}", _delete(doc, path + [r])


def _documents() -> list[tuple[str, Path]]:
    out = [("programme", p) for p in sorted((ROOT / "examples" / "programmes").glob("*.json"))]
    out += [("cohort", p) for p in sorted((ROOT / "examples" / "cohorts").glob("*.json"))]
    out += [("agreement", p) for p in sorted((ROOT / "examples" / "agreements").glob("*.json"))]
    return out


def _loader_verdict(kind: str, doc: Any) -> tuple[bool, str]:
    try:
        LOADERS[kind](json.dumps(doc, ensure_ascii=False))
    except smart.SmartError as e:
        return False, str(e)
    return True, ""


@pytest.mark.parametrize(("kind", "path"), _documents(), ids=lambda v: v.name if isinstance(v, Path) else v)
def test_schema_and_loader_agree_on_edge_values(kind: str, path: Path) -> None:
    base = json.loads(path.read_text(encoding="utf-8"))
    assert VALIDATORS[kind].is_valid(base), f"{path.name} must be valid to start from"
    disagreements = []
    count = 0
    for desc, doc in _cases(kind, base):
        count += 1
        schema_ok = VALIDATORS[kind].is_valid(doc)
        loader_ok, message = _loader_verdict(kind, doc)
        if schema_ok == loader_ok:
            continue
        if schema_ok and not loader_ok and any(re.search(r, message) for r in LIBRARY_ONLY_RULES):
            continue
        first = next(iter(VALIDATORS[kind].iter_errors(doc)), None)
        disagreements.append(
            f"{desc}: schema {'accepts' if schema_ok else 'refuses (' + str(first and first.message)[:80] + ')'}, "
            f"loader {'accepts' if loader_ok else 'refuses: ' + message[:160]}"
        )
    assert count > 50, f"only {count} cases generated from {path.name}"
    assert not disagreements, f"{len(disagreements)} of {count} cases disagree:\n" + "\n".join(disagreements)

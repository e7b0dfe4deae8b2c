#!/usr/bin/env python3
"""Validates the example documents against the JSON Schemas, offline.

Usage: python validate_examples.py <repo root>

Every examples/programmes/*.json is checked against schema/programme.schema.json and
every examples/cohorts/*.json against schema/cohort.schema.json, with format checking
("date", "email", ...). Both schemas sit in one referencing.Registry, so the cohort
schema's "$ref": "programme.schema.json#/$defs/..." resolves without network access.
A few deliberately bad documents must be rejected. Prints one line per check and exits
non-zero on any failure.
"""

import copy
import json
import sys
from pathlib import Path

from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

PROGRAMME_ID = "https://smart.example/schema/programme.schema.json"
COHORT_ID = "https://smart.example/schema/cohort.schema.json"


def load_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def first_error(validator, doc):
    """The most relevant error as "pointer: message", or None when the document is valid."""
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))
    if not errors:
        return None
    e = errors[0]
    pointer = "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in e.absolute_path)
    more = f" (+{len(errors) - 1} more)" if len(errors) > 1 else ""
    message = e.message if len(e.message) <= 160 else e.message[:150] + " ..."
    return f"{pointer or '/'}: {message}{more}"


def bad_cohorts(demo):
    """(description, document) pairs that the cohort schema must reject."""
    cases = []

    def variant(description, mutate):
        doc = copy.deepcopy(demo)
        mutate(doc)
        cases.append((description, doc))

    def first_participant(doc):
        if not doc.get("participants"):
            doc["participants"] = [{"id": "x1", "name": "Test Testesen",
                                    "municipality": {"number": "3905", "name": "Tønsberg"},
                                    "role": "lærer", "sector": "public"}]
        return doc["participants"][0]

    variant("unknown member in a participant (\"atendance\")",
            lambda d: first_participant(d).__setitem__("atendance", {}))
    variant("unknown top-level member",
            lambda d: d.__setitem__("participant", []))
    variant("bad attendance status (\"sick\")",
            lambda d: first_participant(d).setdefault("attendance", {}).__setitem__("2024-09-18", "sick"))
    variant("attendance keyed by an impossible date (2024-02-30)",
            lambda d: first_participant(d).setdefault("attendance", {}).__setitem__("2024-02-30", "present"))
    variant("missing required member \"label\"", lambda d: d.pop("label", None))
    variant("missing required participant member \"sector\"",
            lambda d: first_participant(d).pop("sector", None))
    variant("wrong format name", lambda d: d.__setitem__("format", "smart.cohort/2"))
    variant("municipality number not four digits",
            lambda d: first_participant(d)["municipality"].__setitem__("number", "390"))
    variant("submission with 0 pages",
            lambda d: first_participant(d).setdefault("submissions", []).append(
                {"kind": "final_text", "date": "2025-04-01", "pages": 0}))
    variant("exemption without granted_by",
            lambda d: first_participant(d).setdefault("exemptions", []).append(
                {"requirement": "festival", "reason": "test"}))
    variant("session with no days",
            lambda d: d.__setitem__("sessions", [{"id": "g1", "kind": "gathering", "days": []}]))
    variant("between-session work without its session",
            lambda d: first_participant(d).setdefault("submissions", []).append(
                {"kind": "between_session_work", "date": "2025-04-01"}))
    variant("a session named by a submission that is not between-session work",
            lambda d: first_participant(d).setdefault("submissions", []).append(
                {"kind": "reflection", "date": "2025-04-01", "session": "g1"}))
    return cases


def bad_programmes(example):
    cases = []

    def variant(description, mutate):
        doc = copy.deepcopy(example)
        mutate(doc)
        cases.append((description, doc))

    variant("programme with an unknown member", lambda d: d.__setitem__("naem", "x"))
    variant("programme without \"id\"", lambda d: d.pop("id", None))
    return cases


def main(argv):
    if len(argv) != 2:
        print("usage: validate_examples.py <repo root>", file=sys.stderr)
        return 2
    root = Path(argv[1])
    failures = 0

    def report(ok, what, detail=""):
        nonlocal failures
        if not ok:
            failures += 1
        print(f"{'ok  ' if ok else 'FAIL'} {what}{': ' + detail if detail else ''}")

    try:
        programme_schema = load_json(root / "schema" / "programme.schema.json")
        cohort_schema = load_json(root / "schema" / "cohort.schema.json")
    except (OSError, json.JSONDecodeError) as e:
        print(f"FAIL cannot read the schemas: {e}")
        return 1

    for name, schema, expected_id in (("programme", programme_schema, PROGRAMME_ID),
                                      ("cohort", cohort_schema, COHORT_ID)):
        try:
            Draft202012Validator.check_schema(schema)
            report(schema.get("$id") == expected_id, f"schema/{name}.schema.json is a valid draft 2020-12 schema",
                   "" if schema.get("$id") == expected_id else f"$id is {schema.get('$id')!r}, expected {expected_id!r}")
        except Exception as e:  # SchemaError
            report(False, f"schema/{name}.schema.json", str(e).splitlines()[0])

    registry = Registry().with_resources([
        (PROGRAMME_ID, Resource.from_contents(programme_schema, default_specification=DRAFT202012)),
        (COHORT_ID, Resource.from_contents(cohort_schema, default_specification=DRAFT202012)),
    ])
    checker = Draft202012Validator.FORMAT_CHECKER
    programme_validator = Draft202012Validator(programme_schema, registry=registry, format_checker=checker)
    cohort_validator = Draft202012Validator(cohort_schema, registry=registry, format_checker=checker)

    examples = []
    for sub, validator in (("programmes", programme_validator), ("cohorts", cohort_validator)):
        files = sorted((root / "examples" / sub).glob("*.json"))
        if not files:
            report(False, f"examples/{sub}/", "no *.json files")
        for path in files:
            rel = path.relative_to(root).as_posix()
            try:
                doc = load_json(path)
            except (OSError, json.JSONDecodeError, UnicodeDecodeError) as e:
                report(False, rel, f"not JSON: {e}")
                continue
            error = first_error(validator, doc)
            report(error is None, rel, error or "")
            examples.append((sub, doc))

    # Deliberately bad documents, derived from a valid example where there is one.
    cohort_base = next((d for s, d in examples if s == "cohorts"),
                       {"format": "smart.cohort/1", "id": "t", "label": "t", "programme": "smart-trener-2024"})
    programme_base = next((d for s, d in examples if s == "programmes"),
                          {"format": "smart.programme/1", "id": "t", "name": "t"})
    for description, doc in bad_cohorts(cohort_base):
        error = first_error(cohort_validator, doc)
        report(error is not None, f"rejects bad cohort: {description}", error or "accepted")
    for description, doc in bad_programmes(programme_base):
        error = first_error(programme_validator, doc)
        report(error is not None, f"rejects bad programme: {description}", error or "accepted")
    # A cohort may embed a programme object instead of an id; its "format" is optional
    # there (docs/format.md), but it is otherwise checked by the programme schema.
    embedded = copy.deepcopy(cohort_base)
    embedded["programme"] = {k: v for k, v in programme_base.items() if k != "format"}
    error = first_error(cohort_validator, embedded)
    report(error is None, "accepts a cohort embedding a programme object without \"format\"", error or "")
    embedded["programme"] = dict(programme_base)
    error = first_error(cohort_validator, embedded)
    report(error is None, "accepts a cohort embedding a programme object with \"format\"", error or "")
    embedded["programme"] = dict(programme_base, naem="x")
    error = first_error(cohort_validator, embedded)
    report(error is not None, "rejects bad cohort: embedded programme with an unknown member", error or "accepted")

    print(f"{'FAILED' if failures else 'passed'}: {failures} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

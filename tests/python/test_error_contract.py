"""The error contract of docs/errors.md, checked in all three faces (issue 10).

The page has one table of cases: each row names an error kind, its C status, its C++ code,
its Python exception, a case (an operation and its arguments, usually a small document
under tests/data/errors/) and the JSON Pointer the error names. This test reads that table
and runs every case

- in C++, through tests/errors/error_cases.cpp (path in $SMART_ERROR_CASES),
- in C, through tests/errors/error_cases_c.c, linked to libsmart_c ($SMART_ERROR_CASES_C),
- in Python, through the smart package,

and checks that each face reports the row's code, status or exception class, and pointer;
that the message is short valid UTF-8; that a failed recording call leaves the cohort as it
was; and that the faces tell the same message. CTest's ``errors.contract`` sets the two
variables; run directly, the programs are taken from build/release/tests/errors/ and the
C++ and C faces are skipped (with the reason) when they are not built.
"""

from __future__ import annotations

import builtins
import datetime
import json
import os
import re
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import smart
import smart.errors

ROOT = Path(__file__).resolve().parents[2]
PAGE = ROOT / "docs" / "errors.md"
DATA = ROOT / "tests" / "data" / "errors"
DEFAULT_BUILD = ROOT / "build" / "release" / "tests" / "errors"

# The header of the page's table of cases; the test reads the first table that has it.
HEADER = ["kind", "C status", "C++", "Python", "case", "pointer", "what it shows"]
KINDS_HEADER = ["kind", "C status", "value", "C++", "Python", "means"]
NO_CASE = "—"  # a kind no input can produce on purpose (out of memory, a bug)
MAX_MESSAGE = 600  # characters: a message quotes outside text briefly

# The arguments of each operation: a FILE is a path (under tests/data/errors/, generated,
# or the name of a file that does not exist); anything else is passed as written.
OPERATIONS: dict[str, tuple[str, ...]] = {
    "load_cohort_file": ("FILE",),
    "load_programme_file": ("FILE",),
    "load_cohort_json": ("FILE",),
    "get_programme": ("ID",),
    "add_participant": ("FILE", "FILE"),
    "set_attendance": ("FILE", "ID", "DATE", "STATUS"),
    "remove_exemption": ("FILE", "ID", "REQUIREMENT"),
    "evaluate": ("FILE", "DATE"),
}
ATTENDANCE_NAMES = ("unrecorded", "present", "late", "excused", "absent")  # smart_attendance 0..4

# --- the code tables the page must agree with --------------------------------------------


def core_codes() -> dict[str, int]:
    """smart::errc names and their C statuses, from the one mapping table (src/error.cpp)."""
    text = (ROOT / "src" / "error.cpp").read_text(encoding="utf-8")
    rows = re.findall(r'\{errc::(\w+), "(\w+)", (-?\d+)\}', text)
    assert rows, "no code table found in src/error.cpp"
    assert all(a == b for a, b, _ in rows), "the code table's names differ from its enumerators"
    return {name: int(value) for name, _, value in rows}


def c_statuses() -> dict[str, int]:
    """The SMART_E* constants of the C headers (smart.h and the per-area headers it includes) and their values."""
    headers = sorted((ROOT / "capi" / "include" / "smart").glob("*.h"))
    text = "\n".join(h.read_text(encoding="utf-8") for h in headers)
    found = {name: int(value) for name, value in re.findall(r"\b(SMART_(?:OK|E[A-Z]+)) = (-?\d+)", text)}
    assert "SMART_EINVAL" in found, "no status codes found in the C headers"
    return found


def errc_names() -> list[str]:
    """The enumerators of smart::errc (include/smart/error.hpp), ok excluded."""
    text = (ROOT / "include" / "smart" / "error.hpp").read_text(encoding="utf-8")
    body = re.search(r"enum class errc \{(.*?)\};", text, re.S)
    assert body, "enum class errc not found"
    names = re.findall(r"^\s*(\w+)(?:\s*=\s*\d+)?,", body.group(1), re.M)
    return [n for n in names if n != "ok"]


# --- the page's table ----------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    line: int  # in docs/errors.md
    kind: str
    c_status: str
    cpp: str
    python: str
    case: tuple[str, ...]  # () for NO_CASE
    pointer: str
    c_pointer: str  # the C face's pointer (differs only where the page says so)

    @property
    def id(self) -> str:
        return f"{self.line}:{' '.join(self.case) or self.kind}"


def _code(cell: str) -> str:
    """The text of a cell that is one code span."""
    m = re.fullmatch(r"`([^`]*)`", cell.strip())
    assert m, f"expected one `code` span, got {cell!r}"
    return m.group(1)


def _pointer(cell: str) -> tuple[str, str]:
    """`""` or `/a/b`, optionally followed by (C: `/b`)."""
    m = re.fullmatch(r"`([^`]*)`(?:\s*\(C: `([^`]*)`\))?", cell.strip())
    assert m, f"expected a pointer such as `/capacity` or `\"\"`, got {cell!r}"

    def unquote(p: str) -> str:
        return "" if p == '""' else p

    pointer = unquote(m.group(1))
    return pointer, unquote(m.group(2)) if m.group(2) is not None else pointer


def _cells(line: str) -> list[str]:
    assert line.startswith("|") and line.rstrip().endswith("|"), line
    return [c.strip() for c in line.strip()[1:-1].split("|")]


def table(header: list[str]) -> list[tuple[int, list[str]]]:
    """The rows (line number, cells) of the page's first table with this header."""
    lines = PAGE.read_text(encoding="utf-8").splitlines()
    for start, line in enumerate(lines):
        if line.startswith("|") and _cells(line) == header:
            break
    else:
        raise AssertionError(f"{PAGE}: no table with the header {' | '.join(header)}")
    rows: list[tuple[int, list[str]]] = []
    for number, line in enumerate(lines[start + 2 :], start=start + 3):
        if not line.startswith("|"):
            break
        cells = _cells(line)
        assert len(cells) == len(header), f"docs/errors.md:{number}: {len(cells)} cells, expected {len(header)}"
        rows.append((number, cells))
    assert rows, f"the table {' | '.join(header)} is empty"
    return rows


def read_table() -> list[Row]:
    rows: list[Row] = []
    for number, cells in table(HEADER):
        kind, c_status, cpp, python, case, pointer = cells[:6]
        parts = () if case == NO_CASE else tuple(_code(case).split())
        ptr, c_ptr = _pointer(pointer) if parts else ("", "")
        rows.append(Row(number, _code(kind), _code(c_status), _code(cpp), _code(python), parts, ptr, c_ptr))
    return rows


ROWS = read_table()
CASES = [r for r in ROWS if r.case]

# --- inputs too large to keep in the repository: written by the test ------------------------

PERSON: dict[str, Any] = {
    "id": "p01",
    "name": "Kari Nordmann",
    "municipality": {"number": "3905", "name": "Tønsberg"},
    "role": "lærer",
    "sector": "public",
}


def _cohort(**members: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "format": "smart.cohort/1",
        "id": "errors-demo",
        "label": "Kull for feiltestene",
        "programme": "smart-trener-2024",
    }
    doc.update(members)
    return doc


def _write(path: Path, doc: Any) -> None:
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")


def _days(n: int) -> list[str]:
    first = datetime.date(2000, 1, 1)
    return [(first + datetime.timedelta(days=i)).isoformat() for i in range(n)]


NO_RULES = {"id": "no-rules", "name": "Uten regler"}  # an embedded programme without a certificate


def _huge(p: Path) -> None:
    with p.open("wb") as f:  # sparse: the size is checked before a byte is read
        f.truncate(256 * 1024 * 1024 + 1)


GENERATED: dict[str, Callable[[Path], None]] = {
    "huge.json": _huge,
    "many-members.json": lambda p: _write(
        p, _cohort(participants=[dict(PERSON, attendance={f"k{i}": "present" for i in range(65537)})])
    ),
    "many-elements.json": lambda p: _write(p, _cohort(label=[0] * 65537)),
    "long-string.json": lambda p: _write(p, _cohort(label="x" * 65537)),
    "long-key.json": lambda p: _write(p, _cohort(**{"k" * 1025: 1})),
    "long-text.json": lambda p: _write(
        p, {"format": "smart.programme/1", "id": "long-text", "name": "Lang tekst", "description": "æ" * 16385}
    ),
    "many-days.json": lambda p: _write(
        p, _cohort(programme=NO_RULES, sessions=[{"id": "s1", "kind": "other", "days": _days(65536)}])
    ),
    "many-sessions.json": lambda p: _write(
        p,
        {
            "format": "smart.programme/1",
            "id": "many-sessions",
            "name": "Mange samlinger",
            "sessions": [{"id": f"s{i}", "kind": "other", "days": [d]} for i, d in enumerate(_days(65536))],
        },
    ),
    "many-gatherings.json": lambda p: _write(
        p,
        _cohort(
            sessions=[{"id": f"g{i}", "kind": "gathering", "days": [d]} for i, d in enumerate(_days(66))]
            + [{"id": "festival", "kind": "festival", "days": ["2001-01-01"]}]
        ),
    ),
    "many-submissions.json": lambda p: _write(
        p, _cohort(participants=[dict(PERSON, submissions=[{"kind": "reflection", "date": "2024-10-01"}] * 10001)])
    ),
    "many-exemptions.json": lambda p: _write(
        p,
        _cohort(
            participants=[
                dict(PERSON, exemptions=[{"requirement": "festival", "reason": "Sykdom", "granted_by": "Leder"}] * 65)
            ]
        ),
    ),
}
MISSING = "missing-file"  # a path that names nothing


@pytest.fixture(scope="session")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("error-cases")


def arguments(row: Row, generated: Path) -> list[str]:
    """The case's arguments, FILE names resolved to paths."""
    op, *args = row.case
    kinds = OPERATIONS[op]
    out: list[str] = []
    for kind, arg in zip(kinds, args, strict=True):
        if kind != "FILE":
            out.append(arg)
        elif arg in GENERATED:
            path = generated / arg
            if not path.exists():
                GENERATED[arg](path)
            out.append(str(path))
        else:
            path = DATA / arg
            assert arg == MISSING or path.exists(), f"docs/errors.md:{row.line}: no file tests/data/errors/{arg}"
            assert arg != MISSING or not path.exists()
            out.append(str(path))
    return [op, *out]


# --- the table itself --------------------------------------------------------------------


def test_the_table_covers_every_kind_and_agrees_with_the_code_tables() -> None:
    core = core_codes()
    c = c_statuses()
    kinds = errc_names()
    assert sorted(kinds) == sorted(k for k in core if k != "ok"), "smart::errc and src/error.cpp disagree"
    seen = {r.kind for r in ROWS}
    assert seen == set(kinds), f"kinds without a row: {set(kinds) - seen}; unknown kinds: {seen - set(kinds)}"
    for r in ROWS:
        where = f"docs/errors.md:{r.line}"
        assert r.c_status in c, f"{where}: {r.c_status} is not a status of the C headers"
        assert c[r.c_status] == core[r.kind], f"{where}: {r.c_status} = {c[r.c_status]}, but {r.kind} maps to {core[r.kind]}"
        assert r.cpp == f"errc::{r.kind}", where
        cls = getattr(smart.errors, r.python, None)
        assert isinstance(cls, type) and issubclass(cls, smart.SmartError), f"{where}: no exception {r.python}"
        assert cls.code == r.kind, f"{where}: {r.python}.code is {cls.code!r}"
        assert getattr(smart, r.python) is cls, f"{where}: smart.{r.python} is not exported"
        if r.case:
            op = r.case[0]
            assert op in OPERATIONS, f"{where}: unknown operation {op}"
            assert len(r.case) - 1 == len(OPERATIONS[op]), f"{where}: {op} takes {' '.join(OPERATIONS[op])}"
        else:
            assert r.kind in ("out_of_memory", "internal"), f"{where}: only these kinds may lack a case"
    # every kind a caller can provoke has a case
    assert {r.kind for r in CASES} == set(kinds) - {"out_of_memory", "internal"}
    # the Python exception classes are one per kind (smart.errors' own table)
    assert {r.kind: r.python for r in ROWS} == {
        k: cls.__name__ for k, cls in smart.errors._BY_CODE.items()  # noqa: SLF001
    }


def test_the_table_of_kinds_agrees_with_the_code_tables() -> None:
    core = core_codes()
    c = c_statuses()
    rows = table(KINDS_HEADER)
    assert [_code(cells[0]) for _, cells in rows] == errc_names(), "one row per kind, in code order"
    for number, cells in rows:
        kind, status, cpp = _code(cells[0]), _code(cells[1]), _code(cells[3])
        value = cells[2]
        python = re.match(r"`(\w+)`", cells[4])
        assert python, f"docs/errors.md:{number}: no class in {cells[4]!r}"
        assert c.get(status) == core[kind] == int(value), f"docs/errors.md:{number}: {status} {value} vs {core[kind]}"
        assert cpp == f"errc::{kind}", f"docs/errors.md:{number}"
        assert smart.errors._BY_CODE[kind].__name__ == python.group(1), f"docs/errors.md:{number}"  # noqa: SLF001
        for name in re.findall(r"`(\w+)`", cells[4])[1:]:  # the built-in exceptions it also is
            assert issubclass(smart.errors._BY_CODE[kind], getattr(builtins, name)), f"docs/errors.md:{number}: {name}"  # noqa: SLF001


def test_every_case_file_is_named_by_the_table() -> None:
    named = {a for r in CASES for a in r.case[1:]}
    files = {p.name for p in DATA.iterdir()}
    assert not files & set(GENERATED), "a generated case shadows a file"
    unused = files - named
    assert not unused, f"files in tests/data/errors/ no row uses: {sorted(unused)}"


# --- running a case ---------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    code: str  # errc name, SMART_E* name or Python class name; "ok" / "SMART_OK" / "" on success
    pointer: str
    message: str


def _program(variable: str, name: str) -> Path:
    given = os.environ.get(variable)
    if given:
        path = Path(given)
        assert path.is_file(), f"${variable} names {given}, which is not a file"
        return path
    path = DEFAULT_BUILD / name
    if not path.is_file():
        pytest.skip(f"{name} is not built: set ${variable} (CTest's errors.contract does) or build {path}")
    return path


def _run(program: Path, args: list[str]) -> Outcome:
    proc = subprocess.run([str(program), *args], capture_output=True, timeout=120)
    assert proc.returncode in (0, 1), (
        f"{program.name} {' '.join(args)} exited with {proc.returncode}: {proc.stderr.decode(errors='replace')}"
    )
    assert proc.stderr == b"", proc.stderr.decode(errors="replace")
    out = proc.stdout.decode("utf-8")  # a message is valid UTF-8: this raises otherwise
    assert out.endswith("\n") and out.count("\n") == 1, f"expected one line, got {out!r}"
    code, pointer, message = out[:-1].split("\t", 2)
    return Outcome(code, pointer, message)


def _check_message(o: Outcome, row: Row) -> None:
    assert o.message, f"docs/errors.md:{row.line}: empty message"
    assert len(o.message) <= MAX_MESSAGE, f"docs/errors.md:{row.line}: a message of {len(o.message)} characters"
    assert not re.search(r"[\x00-\x1f\x7f]", o.message), f"control characters in {o.message!r}"


def cpp_face(row: Row, generated: Path) -> Outcome:
    return _run(_program("SMART_ERROR_CASES", "error_cases"), arguments(row, generated))


def c_face(row: Row, generated: Path) -> Outcome:
    return _run(_program("SMART_ERROR_CASES_C", "error_cases_c"), arguments(row, generated))


def _participant(doc: dict[str, Any]) -> smart.Participant:
    known = {"id", "name", "municipality", "role", "sector"}
    assert set(doc) <= known, f"the Python face builds participants of {sorted(known)} only"
    m = doc["municipality"]
    fields = {k: v for k, v in doc.items() if k != "municipality"}
    return smart.Participant(**fields, municipality=smart.Municipality(m["number"], m["name"]))


def _recording(path: str, call: Callable[[smart.Cohort], object]) -> None:
    cohort = smart.load_cohort(path)
    before = cohort.to_json()
    try:
        call(cohort)
    except smart.SmartError:
        assert cohort.to_json() == before, "the failed call changed the cohort"
        raise


def python_call(op: str, a: list[str]) -> None:
    if op == "load_cohort_file":
        smart.load_cohort(a[0])
    elif op == "load_programme_file":
        smart.load_programme(a[0])
    elif op == "load_cohort_json":
        smart.loads_cohort(Path(a[0]).read_text(encoding="utf-8"))
    elif op == "get_programme":
        smart.get_programme(a[0])
    elif op == "add_participant":
        p = _participant(json.loads(Path(a[1]).read_text(encoding="utf-8")))
        _recording(a[0], lambda c: c.add_participant(p))
    elif op == "set_attendance":
        _recording(a[0], lambda c: c.set_attendance(a[1], a[2], a[3]))
    elif op == "remove_exemption":
        _recording(a[0], lambda c: c.remove_exemption(a[1], a[2]))
    elif op == "evaluate":
        smart.load_cohort(a[0]).evaluate(a[1])
    else:
        raise AssertionError(f"unknown operation {op}")


def python_face(row: Row, generated: Path) -> Outcome:
    try:
        python_call(row.case[0], arguments(row, generated)[1:])
    except smart.SmartError as e:
        assert isinstance(e.message, str) and isinstance(e.path, str)
        assert str(e) == (f"{e.path}: {e.message}" if e.path else e.message)
        return Outcome(type(e).__name__, e.path, e.message)
    return Outcome("", "", "")


# --- the cases, face by face ---------------------------------------------------------------


def _ids(rows: list[Row]) -> list[str]:
    return [r.id for r in rows]


@pytest.mark.parametrize("row", CASES, ids=_ids(CASES))
def test_cpp(row: Row, generated: Path) -> None:
    o = cpp_face(row, generated)
    assert (o.code, o.pointer) == (row.kind, row.pointer), f"docs/errors.md:{row.line}: {o}"
    _check_message(o, row)


@pytest.mark.parametrize("row", CASES, ids=_ids(CASES))
def test_c(row: Row, generated: Path) -> None:
    o = c_face(row, generated)
    assert (o.code, o.pointer) == (row.c_status, row.c_pointer), f"docs/errors.md:{row.line}: {o}"
    _check_message(o, row)


@pytest.mark.parametrize("row", CASES, ids=_ids(CASES))
def test_python(row: Row, generated: Path) -> None:
    o = python_face(row, generated)
    assert (o.code, o.pointer) == (row.python, row.pointer), f"docs/errors.md:{row.line}: {o}"
    _check_message(o, row)


def _same_input_in_c(row: Row) -> bool:
    """False where the C face cannot pass what the others pass (an attendance status name
    it does not know goes in as a value outside the enum, with a message of its own)."""
    return not (row.case[0] == "set_attendance" and row.case[4] not in ATTENDANCE_NAMES)


@pytest.mark.parametrize("row", CASES, ids=_ids(CASES))
def test_the_faces_tell_the_same_message(row: Row, generated: Path) -> None:
    cpp = cpp_face(row, generated)
    py = python_face(row, generated)
    assert py.message == cpp.message
    if _same_input_in_c(row):
        assert c_face(row, generated).message == cpp.message


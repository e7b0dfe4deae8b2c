"""Cohorts and the records kept about their participants.

A :class:`Cohort` wraps the core's cohort. Records are validated by the core as they enter
(:meth:`Cohort.add_participant`, :meth:`Cohort.set_attendance`, ...), so a cohort is always
valid. Participants read from a cohort are values (copies): change the cohort through its
methods.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, BinaryIO, Literal, overload

from ._core import _smart, position
from .enums import AttendanceStatus, FestivalRole, Lang, Sector, SubmissionStatus
from .programme import Programme, Session

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

    from .calendar import ScheduleWarning
    from .evaluation import Evaluation
    from .follow_up import FollowUp

__all__ = [
    "Cohort",
    "Contact",
    "Exemption",
    "Municipality",
    "Participant",
    "Submission",
    "Withdrawal",
    "demo_cohort",
    "load_cohort",
    "loads_cohort",
]

Participant = _smart.cohort.Participant
Municipality = _smart.cohort.Municipality
Contact = _smart.cohort.Contact
Submission = _smart.cohort.Submission
Exemption = _smart.cohort.Exemption
Withdrawal = _smart.cohort.Withdrawal

Table = Literal["participants", "attendance", "submissions", "exemptions"]
DateLike = datetime.date | str


class Cohort:
    """One run of a programme: its schedule, seats and participants.

    ``len(cohort)`` is the number of participants; iterating gives them in order;
    ``cohort["p01"]`` (by id) or ``cohort[0]`` (by position) gives one.

    Args:
        programme: A :class:`Programme`, or the id of a built-in one (the cohort then
            refers to the catalogue by that id when saved).
        id: The cohort's id (any non-empty string).
        label: A readable name, e.g. "SMART trenerutdanning 2024/2025 – kull 3".
        capacity: Seats; default the programme's ``seats`` (no limit when neither).
        sessions: The cohort's own schedule; default the programme's.

    Raises:
        ValidationError: a bad schedule, or one lacking what the rules need.
        NotFoundError: no built-in programme has the given id.
    """

    __slots__ = ("_c",)
    _c: _smart.cohort.Cohort

    def __init__(
        self,
        programme: Programme | str,
        *,
        id: str,
        label: str,
        capacity: int | None = None,
        sessions: Sequence[Session] = (),
    ) -> None:
        if isinstance(programme, str):
            prog, ref = _smart.catalogue.get(programme), programme
        else:
            prog, ref = programme, ""
        self._c = _smart.cohort.Cohort(
            prog, id=id, label=label, capacity=capacity, sessions=list(sessions), programme_ref=ref
        )

    @classmethod
    def _wrap(cls, core: _smart.cohort.Cohort) -> Cohort:
        obj = cls.__new__(cls)
        obj._c = core
        return obj

    # --- construction from documents and tables ---------------------------------------

    @classmethod
    def from_json(cls, text: str) -> Cohort:
        """Parses and validates a ``smart.cohort/1`` document (see :func:`loads_cohort`)."""
        return loads_cohort(text)

    @classmethod
    def from_frames(
        cls,
        programme: Programme | str,
        *,
        id: str,
        label: str,
        participants: pd.DataFrame,
        attendance: pd.DataFrame | Sequence[pd.DataFrame] | None = None,
        submissions: pd.DataFrame | None = None,
        exemptions: pd.DataFrame | None = None,
        capacity: int | None = None,
        sessions: Sequence[Session] = (),
        vocabulary: Mapping[str, str] | None = None,
        max_errors: int = 100,
    ) -> Cohort:
        """A cohort from pandas DataFrames, as municipalities keep them in CSV or Excel.

        The core's spreadsheet import reads them (docs/import.md): English or Norwegian
        column names (``deltaker``, ``navn``, ``kommunenr``, ``kommune``, ``rolle``,
        ``sektor``, ``dato``, ``status``, ...), municipality numbers as integers (``301`` is
        ``0301``), dates as ``datetime``/``date``, ISO text or ``18.09.2024``, and a blank
        cell means "not recorded".

        - ``participants``: ``id``, ``name``, ``municipality_number``, ``municipality``,
          ``role``, ``sector``; optional ``email``, ``phone``, ``festival_role``; columns
          headed by a session day (wide attendance) are allowed too.
        - ``attendance``: long (``participant_id``, ``date``, ``status``: one row per
          recorded day) or wide (``participant_id``, optional ``name``, one column per
          session day headed by its date or a one-day session's id); several wide frames
          may be given as a list. Values: ``x``/``✓``/``1``/``til stede`` present, ``sen``
          late, ``forfall``/``gyldig fravær`` excused, ``fravær`` absent (or the English
          names), blank not recorded; `vocabulary` replaces the Norwegian words.
        - ``submissions``: ``participant_id``, ``kind``, ``date``; optional ``status``,
          ``pages``, ``category``, ``title``, ``decided_by``, ``decided_on``, ``session``.
        - ``exemptions``: ``participant_id``, ``requirement``, ``reason``, ``granted_by``;
          optional ``date``.

        All or nothing: the cohort is built only when no cell is wrong.

        Raises:
            SheetImportError: (a ValidationError) every problem found, up to `max_errors`,
                as ``.errors`` (:class:`smart.SheetProblem`: table, row = the DataFrame's
                index label, column, found, expected, message); the message names the
                first, e.g. ``attendance row 7, column 'date': "2024-02-30" is not a
                calendar date ...``, and ``.table``, ``.row``, ``.column``, ``.path`` are
                the first's.
        """
        from .workbook import cohort_from_frames

        return cohort_from_frames(
            programme,
            id=id,
            label=label,
            participants=participants,
            attendance=attendance,
            submissions=submissions,
            exemptions=exemptions,
            capacity=capacity,
            sessions=sessions,
            vocabulary=vocabulary,
            max_errors=max_errors,
        )

    @classmethod
    def from_workbook(
        cls,
        path: str | os.PathLike[str] | bytes | BinaryIO,
        programme: Programme | str,
        *,
        id: str | None = None,
        label: str | None = None,
        capacity: int | None = None,
        sessions: Sequence[Session] = (),
        vocabulary: Mapping[str, str] | None = None,
        max_errors: int = 100,
    ) -> Cohort:
        """A cohort from an .xlsx workbook (a path, its bytes or a binary file object) or a
        directory of CSV files (see :func:`smart.read_workbook`); errors name the sheet,
        line and column letter."""
        from .workbook import read_workbook

        return read_workbook(
            path, programme, id=id, label=label, capacity=capacity, sessions=sessions, vocabulary=vocabulary,
            max_errors=max_errors,
        )

    # --- what the cohort is -------------------------------------------------------------

    @property
    def id(self) -> str:
        """The cohort's id."""
        return self._c.id

    @property
    def label(self) -> str:
        """The cohort's readable name."""
        return self._c.label

    @property
    def capacity(self) -> int | None:
        """Seats, or None for no limit."""
        return self._c.capacity

    @property
    def programme(self) -> Programme:
        """The programme the cohort runs."""
        return self._c.programme

    @property
    def sessions(self) -> list[Session]:
        """The cohort's schedule."""
        return self._c.sessions

    @property
    def days(self) -> list[datetime.date]:
        """Every session day, in increasing order."""
        return self._c.days

    @property
    def first_day(self) -> datetime.date:
        """The first session day."""
        return self._c.first_day

    @property
    def last_day(self) -> datetime.date:
        """The last session day (usually the festival)."""
        return self._c.last_day

    @property
    def ids(self) -> list[str]:
        """The participants' ids, in cohort order."""
        return self._c.ids()

    def __len__(self) -> int:
        return len(self._c)

    def __iter__(self) -> Iterator[Participant]:
        for i in range(len(self._c)):
            yield self._c.participant(i)

    def __getitem__(self, key: int | str) -> Participant:
        """The participant with this id (str) or at this position (int).

        Raises:
            NotFoundError: no participant has this id (a KeyError).
            IndexError: the position is out of range.
        """
        return self._c.participant(position(key, len(self._c), self._c.index_of, "cohort"))

    def __contains__(self, participant_id: object) -> bool:
        return isinstance(participant_id, str) and self._c.find(participant_id) is not None

    def index_of(self, participant_id: str) -> int:
        """The position of the participant with this id. Raises NotFoundError."""
        return self._c.index_of(participant_id)

    # --- recording ------------------------------------------------------------------------

    def add_participant(self, participant: Participant) -> None:
        """Adds a participant after the core has validated the record.

        Raises:
            ValidationError: a bad record (duplicate id, municipality number not four digits,
                attendance on a day with no session, ...), ``.path`` naming
                ``/participants/<position>/...``.
            NotAllowedError: the cohort is full.
        """
        self._c.add_participant(participant)

    def add_participants(self, participants: Sequence[Participant]) -> None:
        """Adds many participants, all or nothing (see :meth:`add_participant`)."""
        self._c.add_participants(list(participants))

    def set_attendance(self, participant_id: str, day: DateLike, status: AttendanceStatus | str | None) -> None:
        """Records the attendance for one session day (None removes the record).

        Raises:
            NotFoundError: no participant has this id.
            ValidationError: ``day`` is not a session day.
        """
        self._c.set_attendance(participant_id, day, status)

    def attendance(self, participant_id: str, day: DateLike) -> AttendanceStatus | None:
        """The recorded attendance for a day, or None when nothing is recorded."""
        return self._c.attendance(participant_id, day)

    def set_festival_role(self, participant_id: str, role: FestivalRole | str | None) -> None:
        """Records the participant's role at the festival (None: no role)."""
        self._c.set_festival_role(participant_id, role)

    def add_submission(self, participant_id: str, submission: Submission) -> None:
        """Adds a submission. Raises ValidationError for a bad one (pages 0, ...)."""
        self._c.add_submission(participant_id, submission)

    def add_exemption(self, participant_id: str, exemption: Exemption) -> None:
        """Records an exemption.

        Raises:
            ValidationError: unknown requirement id, already exempted, or an empty reason.
        """
        self._c.add_exemption(participant_id, exemption)

    def remove_exemption(self, participant_id: str, requirement_id: str) -> None:
        """Withdraws an exemption. Raises NotFoundError when there is none."""
        self._c.remove_exemption(participant_id, requirement_id)

    # --- corrections ----------------------------------------------------------------------
    # A submission is addressed by its participant's id and its position ``index`` in
    # ``cohort[participant_id].submissions`` (0 = the first recorded). Every correction is
    # checked by the core and changes nothing when it raises; evaluations made before it
    # keep the records they were made from.

    def set_submission_status(
        self,
        participant_id: str,
        index: int,
        status: SubmissionStatus | str,
        *,
        decided_by: str | None = None,
        decided_on: DateLike | None = None,
    ) -> None:
        """Approves or rejects a submission (who decided and when are then required; the
        date on or after the document's), or sets it back to submitted (neither given).

        Raises:
            NotFoundError: no such participant or submission.
            ValidationError: who or when missing, or the decision dated before the document
                (``path`` ``/participants/<n>/submissions/<i>/decided_on``, ...).
        """
        self._c.set_submission_status(participant_id, index, status, decided_by=decided_by, decided_on=decided_on)

    def correct_submission(self, participant_id: str, index: int, submission: Submission) -> None:
        """Replaces a submission (kind, date, pages, category, title, status, decision),
        checked as :meth:`add_submission` checks a new one. Raises NotFoundError or
        ValidationError."""
        self._c.correct_submission(participant_id, index, submission)

    def remove_submission(self, participant_id: str, index: int) -> None:
        """Removes a mistaken submission; the later ones move up. Raises NotFoundError."""
        self._c.remove_submission(participant_id, index)

    def correct_participant(
        self, participant_id: str, *, name: str, municipality: Municipality, role: str, sector: Sector | str
    ) -> None:
        """Corrects a participant's name, municipality, role and sector; the id and the
        records stay. Raises NotFoundError or ValidationError (e.g. at
        ``/participants/<n>/municipality/number``)."""
        self._c.correct_participant(participant_id, name=name, municipality=municipality, role=role, sector=sector)

    def withdraw(self, participant_id: str, date: DateLike, reason: str) -> None:
        """Withdraws a participant who dropped out: as of ``date`` (on or before the last
        day) or later their status is ``withdrawn``, the requirement states still shown.
        The record and the seat stay.

        Raises:
            NotFoundError: no such participant.
            ValidationError: a date after the last day, or an empty reason.
            NotAllowedError: already withdrawn (cancel that withdrawal first).
        """
        self._c.withdraw(participant_id, date, reason)

    def cancel_withdrawal(self, participant_id: str) -> None:
        """Undoes a withdrawal recorded by mistake. Raises NotFoundError when the
        participant is not withdrawn."""
        self._c.cancel_withdrawal(participant_id)

    # --- evaluating and exporting -------------------------------------------------------

    def evaluate(self, as_of: DateLike | None = None) -> Evaluation:
        """Evaluates every participant as of the end of ``as_of`` (default: today).

        The evaluation keeps the cohort as it was: changing the cohort afterwards does not
        change the evaluation. Releases the GIL while the core works.
        """
        from .evaluation import evaluate

        return evaluate(self, as_of)

    def follow_up(self, as_of: DateLike | None = None) -> FollowUp:
        """Follows up attendance and between-session work per participant and gathering as
        of the end of ``as_of`` (default: today): a follow-up status, never a certificate
        status (docs/follow-up.md). ``.to_pandas()`` gives one row per participant ×
        gathering."""
        from .follow_up import follow_up

        return follow_up(self, as_of)
    def schedule_warnings(self) -> list[ScheduleWarning]:
        """The session days that fall on a Norwegian public holiday, a Saturday or a Sunday,
        in schedule order: warnings, not errors (``w.describe("en")`` words one)."""
        return _smart.calendar.schedule_warnings(self._c)

    def municipality_warnings(self) -> list[_smart.cohort.MunicipalityWarning]:
        """Municipalities recorded in a way that is probably wrong, by number: warnings, not
        errors. ``w.kind`` says which (:class:`MunicipalityWarningKind`): a number recorded
        with two names ("3905" as "Tønsberg" and "Bergen"), a number whose recorded name is
        none of the register's official names ("3905" as "Bergen" alone), or a number not in
        the register of 2024 in a cohort from 2024 on ("3005"). ``w.path`` is the JSON
        Pointer of the participant's name (or number), ``w.describe("en")`` words it
        (docs/format.md, "Municipalities")."""
        return _smart.cohort.municipality_warnings(self._c)

    def to_icalendar(
        self,
        lang: Lang | str = "nb",
        participant: str | None = None,
        previous: str | None = None,
        stamp: datetime.datetime | None = None,
    ) -> str:
        """The schedule as iCalendar (RFC 5545) text, names in ``lang``: one event per session,
        or with ``participant`` (an id) that participant's own dates: the sessions and the
        deadlines that apply to them. ``previous``: the previous export of the same calendar,
        so an unchanged event keeps its SEQUENCE and a changed one (a moved gathering) gets
        SEQUENCE + 1 under the same UID. ``stamp``: the DTSTAMP (default now; naive = UTC).
        See docs/calendar.md."""
        from .calendar import stamp_seconds

        return _smart.calendar.icalendar(
            self._c, lang=lang, participant=participant, previous=previous, stamp=stamp_seconds(stamp)
        )

    def to_json(self) -> str:
        """The cohort as a ``smart.cohort/1`` document (loading it gives an equal cohort)."""
        return self._c.to_json()

    def save(self, path: str | os.PathLike[str]) -> None:
        """Writes the cohort document (UTF-8) to a file, whole or not at all.

        The document goes to a temporary file in the same folder, is flushed to the disk and
        renamed over ``path``: the file holds its old content or the complete new document,
        also when the process is killed or the machine stops while saving. An existing file
        keeps its permissions. Releases the GIL while the core works.

        Raises:
            NotFoundError: the folder does not exist.
            InvalidArgumentError: ``path`` is a folder.
            NotAllowedError: the system refused (permission, read-only or full disk); the
                old file is then as it was.
        """
        self._c.save_file(path)

    def to_pandas(self, table: Table = "participants") -> pd.DataFrame:
        """One table of the cohort as a pandas DataFrame (needs the ``pandas`` extra).

        - ``participants``: one row per participant: ``participant_id``, ``name``,
          ``municipality_number``, ``municipality_name``, ``role``, ``sector``,
          ``festival_role`` (contact data is left out, as from all statistics).
        - ``attendance``: one row per recorded day: ``participant_id``, ``date``,
          ``session_id``, ``session_kind``, ``status``.
        - ``submissions``: ``participant_id``, ``kind``, ``date``, ``status``, ``pages``,
          ``category``, ``title``, ``decided_by``, ``decided_on`` (who approved or rejected
          it, and when), ``session`` (between-session work: its session).
        - ``exemptions``: ``participant_id``, ``requirement``, ``reason``, ``granted_by``,
          ``date``.

        Strings are ordered categoricals (municipality numbers sorted, municipality
        names by their number, roles sorted, statuses and kinds in the core's order,
        participants in cohort order), dates :class:`datetime.date` objects, missing
        values NA. The same columns are accepted by :meth:`from_frames`.
        """
        from .frames import to_pandas

        return to_pandas(self._c.table(table))

    def to_arrow(self, table: Table = "participants") -> pa.Table:
        """One table of the cohort as a pyarrow Table (needs the ``arrow`` extra); the
        columns of :meth:`to_pandas`, strings dictionary-encoded, dates date32."""
        from .frames import to_arrow

        return to_arrow(self._c.table(table))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Cohort) and self._c == other._c

    __hash__ = None  # type: ignore[assignment]  # mutable

    def __repr__(self) -> str:
        n, s = len(self), len(self.sessions)
        return (
            f"<Cohort {self.id} {self.label!r}: programme {self.programme.id}, "
            f"{n} {'participant' if n == 1 else 'participants'}, {s} {'session' if s == 1 else 'sessions'} "
            f"{self.first_day.isoformat()}..{self.last_day.isoformat()}>"
        )

    def to_html(self, as_of: DateLike | None = None, *, lang: Lang | str | None = None, max_rows: int = 60) -> str:
        """An HTML table in ``lang`` (default: :func:`smart.set_language`). With ``as_of``:
        the participants' status as of that date and what is missing, saying the date.
        Without: the roster (id, name, municipality, role) and no status — a cohort has no
        date of its own, so its repr never evaluates as of today behind the notebook's back."""
        from . import _texts

        if as_of is not None:
            return self.evaluate(as_of).to_html(lang=lang, max_rows=max_rows)
        from .html import cohort_html

        return cohort_html(self, lang=_texts.resolve(lang), max_rows=max_rows)

    def _repr_html_(self) -> str:
        return self.to_html()


def loads_cohort(text: str) -> Cohort:
    """Parses and validates a ``smart.cohort/1`` document, all or nothing.

    Raises:
        ParseError: the text is not well-formed JSON (the message gives the byte offset).
        ValidationError: a value breaks the format or the model; ``.path`` is its JSON
            Pointer, e.g. ``/participants/3/attendance/2024-02-30``.
    """
    return Cohort._wrap(_smart.cohort.load_cohort(text))


def load_cohort(path: str | os.PathLike[str]) -> Cohort:
    """Loads a ``smart.cohort/1`` document from a file (see :func:`loads_cohort`).

    Raises:
        NotFoundError: the file cannot be opened.
    """
    return Cohort._wrap(_smart.cohort.load_cohort_file(path))


def demo_cohort(id: str | None = None) -> Cohort:
    """A built-in demo cohort: by default SMART trenerutdanning 2024/2025 with 36 fictional
    participants; ``demo_cohort("trygge-fagfolk-demo")`` gives the leader-support cohort with
    between-session work (12 fictional leaders). Raises NotFoundError for another id."""
    if id is None:
        return Cohort._wrap(_smart.catalogue.demo_cohort())
    return Cohort._wrap(_smart.follow_up.demo_cohort(id))

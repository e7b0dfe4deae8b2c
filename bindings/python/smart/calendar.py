"""Norwegian public holidays, the schedule check and iCalendar export (docs/calendar.md).

The computation is the core's: Easter by the Gregorian computus and the 12 public holidays
(:func:`holidays_in`), and the warnings for session days on a holiday or a weekend
(:meth:`smart.Cohort.schedule_warnings`). :meth:`smart.Cohort.to_icalendar` writes a
cohort's schedule, or one participant's own dates, as RFC 5545 text.
"""

from __future__ import annotations

import datetime

from ._core import _smart

__all__ = ["Holiday", "ScheduleWarning", "easter_sunday", "holidays_in", "public_holiday"]

Holiday = _smart.calendar.Holiday
ScheduleWarning = _smart.calendar.ScheduleWarning


def easter_sunday(year: int) -> datetime.date:
    """Easter Sunday of ``year`` (Gregorian computus; years 1583–9999)."""
    return _smart.calendar.easter_sunday(year)


def holidays_in(year: int) -> list[Holiday]:
    """The 12 Norwegian public holidays of ``year``, in date order."""
    return _smart.calendar.holidays_in(year)


def public_holiday(day: datetime.date | str) -> Holiday | None:
    """The Norwegian public holiday on ``day``, or None."""
    return _smart.calendar.public_holiday(day)


def stamp_seconds(stamp: datetime.datetime | None) -> int | None:
    """A DTSTAMP as seconds since 1970 UTC (a naive datetime is taken as UTC)."""
    if stamp is None:
        return None
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=datetime.timezone.utc)
    return int(stamp.timestamp())

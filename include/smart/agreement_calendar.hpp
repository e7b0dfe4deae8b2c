// A long-term agreement's dates in people's calendars, and the holiday/weekend check of
// them: the agreement's planned dates and the end of each agreement year as iCalendar
// events (smart/calendar.hpp), and warnings for planned or held meetings on a Norwegian
// public holiday or a weekend (smart/holidays.hpp). docs/calendar.md, docs/agreements.md.
#pragma once

#include <vector>

#include "smart/agreement.hpp"
#include "smart/calendar.hpp"
#include "smart/holidays.hpp"

namespace smart {

/// The agreement's calendar: one all-day event per planned date (summary: the
/// organisation and the date's label, else the item's name, in `l`) and one on the last
/// day of every agreement year or half-yearly period ("Avtaleår 2 slutter" / "Agreement
/// year 2 ends"), so a coordinator sees what is planned and by when each year's meetings
/// must be held. UIDs from the agreement id and the item kind with its position among the
/// planned dates of that kind (the 2nd staff meeting stays the 2nd when its date moves:
/// the calendar updates it), or the period's number; never from dates or names.
std::vector<calendar_event> agreement_events(const agreement& a, lang l);

/// One warning per planned date and held meeting on a public holiday, a Saturday or a
/// Sunday: warnings, not errors. The warning's session_id is the JSON Pointer of the date
/// in the agreement document ("/plan/dates/0", "/records/meetings/3").
std::vector<schedule_warning> check_agreement_days(const agreement& a);

}  // namespace smart

"""Building a cohort from pandas DataFrames (as kept in CSV or Excel): the core validates,
errors name the table, row and column."""

from __future__ import annotations

import datetime

import pandas as pd
import pytest

import smart


def participants(**over: object) -> pd.DataFrame:
    rows = [
        dict(id="a1", name="Kari Nordmann", municipality_number="3905", municipality="Tønsberg", role="lærer", sector="public"),
        dict(id="a2", name="Ola Nordmann", municipality_number="3301", municipality="Drammen", role="rektor", sector="private"),
    ]
    df = pd.DataFrame(rows)
    for k, v in over.items():
        df[k] = v
    return df


def attendance() -> pd.DataFrame:
    days = ["2024-09-18", "2024-09-19", "2024-11-13", "2024-11-14", "2025-01-15", "2025-01-16", "2025-03-12", "2025-03-13", "2025-04-09"]
    return pd.DataFrame(
        [dict(participant_id=p, date=pd.Timestamp(d), status="present") for p in ("a1", "a2") for d in days]
    )


def submissions() -> pd.DataFrame:
    return pd.DataFrame(
        [
            dict(participant_id="a1", kind="practice_blog", date=datetime.date(2024, 10, 1), pages=None),
            dict(participant_id="a1", kind="practice_blog", date=datetime.date(2024, 12, 1), pages=None),
            dict(participant_id="a1", kind="practice_blog", date=datetime.date(2025, 2, 1), pages=None),
            dict(participant_id="a1", kind="final_text", date=datetime.date(2025, 4, 1), pages=3),
        ]
    )


def build(**frames: pd.DataFrame | None) -> smart.Cohort:
    args: dict[str, pd.DataFrame | None] = dict(participants=participants(), attendance=attendance(), submissions=submissions())
    args.update(frames)
    return smart.Cohort.from_frames("smart-trener-2024", id="kull-1", label="Kull 1", **args)  # type: ignore[arg-type]


def test_a_cohort_from_frames_evaluates() -> None:
    c = build()
    assert len(c) == 2 and c.programme.id == "smart-trener-2024"
    ev = c.evaluate("2025-04-30")
    assert ev["a1"].status == "eligible"
    assert ev["a2"].status == "not_eligible"
    assert c["a1"].submissions[-1].pages == 3  # float column with NaN: 3.0 became 3


def test_frames_round_trip_through_to_pandas(demo: smart.Cohort) -> None:
    people = demo.to_pandas()  # its id column is participant_id: accepted as id
    again = smart.Cohort.from_frames(
        demo.programme.id,
        id=demo.id,
        label=demo.label,
        capacity=demo.capacity,
        participants=people,
        attendance=demo.to_pandas("attendance").drop(columns=["session_id", "session_kind"]),
        submissions=demo.to_pandas("submissions"),
        exemptions=demo.to_pandas("exemptions"),
    )
    for a, b in zip(demo.evaluate("2025-04-30"), again.evaluate("2025-04-30"), strict=True):
        assert (a.id, a.status, [q.state for q in a.requirements]) == (b.id, b.status, [q.state for q in b.requirements])


def test_who_decided_on_a_submission_goes_to_a_frame_and_back(demo: smart.Cohort) -> None:
    p = demo["p01"]
    i = len(p.submissions) - 1
    demo.set_submission_status("p01", i, "approved", decided_by="Kari Veileder", decided_on=p.submissions[i].date)
    subs = demo.to_pandas("submissions")
    mine = subs[subs.participant_id == "p01"].iloc[-1]
    assert mine.decided_by == "Kari Veileder"
    assert mine.decided_on == p.submissions[i].date
    assert subs.decided_by.isna().sum() == len(subs) - subs.decided_by.notna().sum()
    again = smart.Cohort.from_frames(
        demo.programme.id,
        id=demo.id,
        label=demo.label,
        capacity=demo.capacity,
        participants=demo.to_pandas(),
        submissions=subs,
    )
    back = again["p01"].submissions[-1]
    assert (back.decided_by, back.decided_on) == ("Kari Veileder", p.submissions[i].date)
    # the core's rule (who decided needs when) reported at the row and column of the sheet
    bad = subs.copy()
    bad["decided_on"] = bad["decided_on"].where(bad.decided_by.isna())
    with pytest.raises(smart.ValidationError) as e:
        smart.Cohort.from_frames(
            demo.programme.id, id=demo.id, label=demo.label, participants=demo.to_pandas(), submissions=bad
        )
    assert e.value.table == "submissions"


def test_a_bad_date_names_the_attendance_row_and_column() -> None:
    att = attendance()
    att["date"] = att["date"].dt.strftime("%Y-%m-%d")
    att.loc[7, "date"] = "2024-02-30"
    with pytest.raises(smart.ValidationError) as info:
        build(attendance=att)
    e = info.value
    assert str(e).startswith("attendance row 7, column 'date': ")
    assert "not a calendar date" in str(e)
    assert (e.table, e.row, e.column) == ("attendance", 7, "date")
    assert e.path == "/participants/0/attendance/2024-02-30"


def test_a_day_without_session_is_about_the_date_column() -> None:
    att = attendance()
    att.loc[3, "date"] = pd.Timestamp("2024-09-20")
    with pytest.raises(smart.ValidationError, match=r"^attendance row 3, column 'date': no session is held on 2024-09-20"):
        build(attendance=att)


def test_a_bad_status_names_the_status_column() -> None:
    att = attendance()
    att.loc[10, "status"] = "kanskje"  # "tilstede" is Norwegian for present now
    with pytest.raises(smart.ValidationError, match=r"^attendance row 10, column 'status': unknown attendance status"):
        build(attendance=att)


def test_bad_participant_values_name_their_column() -> None:
    with pytest.raises(smart.ValidationError, match=r"^participants row 1, column 'sector': unknown sector"):
        build(participants=participants(sector=["public", "privatt"]))  # "privat" is Norwegian for private now
    with pytest.raises(smart.ValidationError, match=r"^participants row 0, column 'municipality_number': "):
        build(participants=participants(municipality_number=["39O", "3301"]))  # "390" is 0390 now
    with pytest.raises(smart.ValidationError, match=r"^participants row 1, column 'name': expected the participant's name, found a blank cell"):
        build(participants=participants(name=["Kari", None]))
    with pytest.raises(smart.ValidationError, match=r"^participants row 1, column 'id': .*duplicate|^participants row 1"):
        build(participants=participants(id=["a1", "a1"]), attendance=None, submissions=None)


def test_bad_submission_values_name_their_row_and_column() -> None:
    subs = submissions()
    subs.index = [10, 11, 12, 13]  # labels, not positions, are reported
    subs.loc[12, "kind"] = "blogg"
    with pytest.raises(smart.ValidationError, match=r"^submissions row 12, column 'kind': unknown submission kind"):
        build(submissions=subs)
    subs = submissions()
    subs.loc[3, "pages"] = 0
    with pytest.raises(smart.ValidationError, match=r"^submissions row 3, column 'pages': "):
        build(submissions=subs)


def test_an_unknown_participant_and_duplicate_days_are_reported() -> None:
    att = attendance()
    att.loc[4, "participant_id"] = "zz"
    with pytest.raises(smart.ValidationError, match=r"^attendance row 4, column 'participant_id': no participant \"zz\""):
        build(attendance=att)
    att = pd.concat([attendance(), attendance().iloc[[2]]], ignore_index=True)
    with pytest.raises(smart.ValidationError, match=r"^attendance row 18, column 'date': a second record .* \(first in row 2\)"):
        build(attendance=att)


def test_missing_and_unknown_columns_are_reported() -> None:
    with pytest.raises(smart.ValidationError, match=r"^participants: missing column 'sector'"):
        build(participants=participants().drop(columns=["sector"]))
    with pytest.raises(smart.ValidationError, match=r"^attendance column 'datum': unknown column 'datum'"):
        build(attendance=attendance().rename(columns={"date": "datum"}))  # "dato" is Norwegian for date now


def test_an_exemption_for_an_unknown_requirement_names_its_row() -> None:
    ex = pd.DataFrame([dict(participant_id="a2", requirement="festivalen", reason="Syk", granted_by="Koordinator")])
    with pytest.raises(smart.ValidationError, match=r"^exemptions row 0, column 'requirement': "):
        build(exemptions=ex)

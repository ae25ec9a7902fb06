"""Ranking who can take an empty row, on a constructed Tuesday and a Saturday."""

from __future__ import annotations

from datetime import date, time, timedelta
from decimal import Decimal

from enhetschef_app.domain.cover_candidates import (
    CoverKind,
    OpenShift,
    Person,
    rank_candidates,
)
from enhetschef_app.domain.rest_rules import RestLimits
from enhetschef_app.domain.shifts import Shift
from enhetschef_app.domain.staff import EmploymentForm

TUESDAY = date(2026, 11, 17)
SATURDAY = date(2026, 11, 21)
LIMITS = RestLimits()
DAY_ROW = OpenShift(TUESDAY, time(7), time(15, 30), 30, "D")


def shift(no: str, day: date, start: str, end: str, code: str = "D") -> Shift:
    return Shift(no, day, time.fromisoformat(start), time.fromisoformat(end), 30, code)


def person(
    key: int,
    name: str,
    form: EmploymentForm = EmploymentForm.PERMANENT,
    grade: str | None = "100",
    shifts: tuple[Shift, ...] = (),
    *,
    absent: bool = False,
    resurspass: Shift | None = None,
    own: bool = True,
    unit: str = "HT-NORR",
) -> Person:
    return Person(
        key=key,
        employee_no=str(1000 + key),
        name=name,
        unit_code=unit,
        own_unit=own,
        form=form,
        grade_percent=None if grade is None else Decimal(grade),
        fulltime_week_hours=Decimal("38.25"),
        absent=absent,
        shifts=shifts,
        resurspass=resurspass,
    )


def week(no: str, days: range, start: str = "07:00", end: str = "15:30") -> tuple[Shift, ...]:
    monday = TUESDAY - timedelta(days=1)
    return tuple(shift(no, monday + timedelta(days=d), start, end) for d in days)


def test_ranks_resurspass_mertid_hourly_then_overtime_each_with_why() -> None:
    resurs = shift("1001", TUESDAY, "08:00", "16:30", "R")
    people = [
        person(4, "Dan Heltid", shifts=week("1004", range(0, 1))),
        person(3, "Cissi Tim", EmploymentForm.HOURLY, None),
        person(2, "Bea Deltid", grade="75", shifts=week("1002", range(2, 4))),
        person(1, "Alva Resurs", shifts=(*week("1001", range(2, 5)), resurs), resurspass=resurs),
    ]
    ranking = rank_candidates(DAY_ROW, people, LIMITS)
    assert [(c.person.name, c.kind) for c in ranking.candidates] == [
        ("Alva Resurs", CoverKind.RESURSPASS),
        ("Bea Deltid", CoverKind.MERTID),
        ("Cissi Tim", CoverKind.HOURLY),
        ("Dan Heltid", CoverKind.OVERTIME),
    ]
    why = {c.person.name: c.why for c in ranking.candidates}
    assert "resurspass 2026-11-17 R 08:00–16:30" in why["Alva Resurs"]
    assert "Deltid 75 %" in why["Bea Deltid"] and "kvar till heltid – mertid" in why["Bea Deltid"]
    assert why["Cissi Tim"].startswith("Timavlönad")
    assert "beslutas av enhetschefen" in why["Dan Heltid"]
    assert ranking.excluded == ()


def test_leaves_out_the_absent_the_busy_and_those_who_would_lose_their_rest() -> None:
    monday = TUESDAY - timedelta(days=1)
    people = [
        person(1, "Absent", absent=True),
        person(2, "Busy", shifts=(shift("1002", TUESDAY, "13:30", "21:30", "K"),)),
        person(3, "Evening before", shifts=(shift("1003", monday, "13:30", "21:30", "K"),)),
        person(4, "Night before", shifts=(shift("1004", monday, "21:00", "07:00", "N"),)),
        person(5, "Free"),
    ]
    ranking = rank_candidates(DAY_ROW, people, LIMITS)
    assert [c.person.name for c in ranking.candidates] == ["Free"]
    reasons = {e.person.name: e.reason for e in ranking.excluded}
    assert reasons["Absent"] == "Frånvarande den dagen."
    assert reasons["Busy"] == "Arbetar redan 2026-11-17 K 13:30–21:30."
    assert reasons["Evening before"] == (
        "Dygnsvilan blir 9,5 h mot 2026-11-16 K 13:30–21:30 (minst 11 h)."
    )
    assert reasons["Night before"] == (
        "Skulle arbeta 18,5 h i sträck, utan dygnsvila på 11 h inom ett dygn."
    )


def test_eleven_hours_of_rest_is_enough_and_a_minute_less_is_not() -> None:
    monday = TUESDAY - timedelta(days=1)
    enough = person(1, "Enough", shifts=(shift("1001", monday, "12:00", "20:00"),))
    short = person(2, "Short", shifts=(shift("1002", monday, "12:00", "20:01"),))
    ranking = rank_candidates(DAY_ROW, [enough, short], LIMITS)
    assert [c.person.name for c in ranking.candidates] == ["Enough"]
    assert ranking.excluded[0].reason.startswith("Dygnsvilan blir 10,98 h")


def test_a_cover_that_takes_away_the_weekly_rest_is_left_out() -> None:
    # Works every day of the week but Tuesday: the free stretch around Tuesday is the week's
    # only one of 36 hours, and taking Tuesday's day shift breaks it.
    monday = TUESDAY - timedelta(days=1)
    shifts = week("1001", range(0, 1)) + week("1001", range(2, 7))
    assert shifts[0].work_date == monday
    ranking = rank_candidates(DAY_ROW, [person(1, "Tired", shifts=shifts)], LIMITS)
    assert ranking.candidates == ()
    assert ranking.excluded[0].reason == (
        "Veckovilan v. 47 blir 15,5 h (minst 36 h sammanhängande)."
    )


def test_a_missing_competence_leaves_out_only_when_the_row_requires_it() -> None:
    people = [person(1, "Without"), person(2, "With")]
    delegated = {2: {"insulin"}}
    plain = rank_candidates(DAY_ROW, people, LIMITS, competences=delegated)
    assert {c.person.name for c in plain.candidates} == {"Without", "With"}
    insulin_row = OpenShift(TUESDAY, time(7), time(15, 30), 30, "D", frozenset({"insulin"}))
    ranking = rank_candidates(insulin_row, people, LIMITS, competences=delegated)
    assert [c.person.name for c in ranking.candidates] == ["With"]
    assert ranking.excluded[0].reason == "Saknar insulin."


def test_neighbour_staff_come_after_the_units_own_with_their_unit() -> None:
    resurs = shift("1001", TUESDAY, "08:00", "16:30", "R")
    people = [
        person(1, "Granne Resurs", resurspass=resurs, shifts=(resurs,), own=False, unit="HT-SYD"),
        person(2, "Egen Heltid"),
    ]
    ranking = rank_candidates(DAY_ROW, people, LIMITS)
    assert [(c.person.name, c.kind) for c in ranking.candidates] == [
        ("Egen Heltid", CoverKind.OVERTIME),
        ("Granne Resurs", CoverKind.RESURSPASS),
    ]
    assert "Från grannenheten HT-SYD." in ranking.candidates[1].why


def test_a_part_timer_on_a_free_saturday_is_overtime_not_mertid() -> None:
    saturday_row = OpenShift(SATURDAY, time(7), time(15, 30), 30, "D")
    part_timer = person(1, "Deltid", grade="50", shifts=week("1001", range(0, 2)))
    (candidate,) = rank_candidates(saturday_row, [part_timer], LIMITS).candidates
    assert candidate.kind is CoverKind.OVERTIME
    assert candidate.why.startswith("Deltid på en ledig helg- eller helgdag")


def test_a_part_timer_whose_week_is_nearly_full_is_overtime() -> None:
    almost = person(1, "Nästan full", grade="90", shifts=week("1001", range(0, 5, 2)))
    almost = person(
        1, "Nästan full", grade="90", shifts=(*almost.shifts, *week("1001", range(3, 4)))
    )
    room = person(2, "Gott om tid", grade="90", shifts=week("1002", range(2, 3)))
    ranking = rank_candidates(DAY_ROW, [almost, room], LIMITS)
    assert [(c.person.name, c.kind) for c in ranking.candidates] == [
        ("Gott om tid", CoverKind.MERTID),
        ("Nästan full", CoverKind.OVERTIME),
    ]
    assert "går över heltid" in ranking.candidates[1].why


def test_within_a_kind_the_one_with_fewest_hours_this_week_comes_first() -> None:
    busy = person(1, "A Mycket", EmploymentForm.HOURLY, None, week("1001", range(2, 5)))
    calm = person(2, "B Lite", EmploymentForm.HOURLY, None, week("1002", range(2, 3)))
    ranking = rank_candidates(DAY_ROW, [busy, calm], LIMITS)
    assert [c.person.name for c in ranking.candidates] == ["B Lite", "A Mycket"]


def test_a_seventh_day_in_a_row_is_a_note_not_an_exclusion() -> None:
    monday = TUESDAY - timedelta(days=1)
    shifts = tuple(
        shift("1001", monday - timedelta(days=5) + timedelta(days=d), "07:00", "15:30")
        for d in range(6)
    )
    (candidate,) = rank_candidates(DAY_ROW, [person(1, "Flitig", shifts=shifts)], LIMITS).candidates
    assert candidate.notes and "7 arbetsdagar i följd" in candidate.notes[0]

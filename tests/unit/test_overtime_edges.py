"""Classification at its edges, beyond DOMAIN.md's worked examples: the exact two-hour boundary,
midnight, the eves AB treats as holidays, a part-timer's weekend and holiday, and the hourly
paid crossing the month's full-time hours inside one request."""

from __future__ import annotations

from datetime import date, time, timedelta
from decimal import Decimal

import pytest

from enhetschef_app.domain.overtime import (
    Classification,
    ExtraKind,
    OvertimeRules,
    WorkerContext,
    classify,
)
from enhetschef_app.domain.settings_catalog import RuleSettings
from enhetschef_app.domain.shifts import Shift
from enhetschef_app.domain.staff import EmploymentForm

TUESDAY = date(2026, 11, 17)
RULES = OvertimeRules()


def t(text: str) -> time:
    return time.fromisoformat(text)


def context(
    grade: int | None = 100,
    shifts: tuple[tuple[date, str, str, int], ...] = (),
    form: EmploymentForm = EmploymentForm.PERMANENT,
    week_before: float = 0,
    month_before: float = 0,
) -> WorkerContext:
    return WorkerContext(
        form=form,
        grade_percent=None if grade is None else Decimal(grade),
        fulltime_week_hours=Decimal(40),
        ordinary_shifts=[Shift("1", d, t(a), t(b), rast) for d, a, b, rast in shifts],
        week_worked_before=timedelta(hours=week_before),
        month_worked_before=timedelta(hours=month_before),
    )


def split(result: Classification) -> list[str]:
    return [f"{s.start:%m-%d %H:%M}-{s.end:%H:%M} {s.kind.value}" for s in result.segments]


# -- the two-hour boundary --------------------------------------------------------------------


def test_exactly_two_hours_after_the_shift_are_all_simple() -> None:
    full = context(shifts=((TUESDAY, "07:00", "15:30", 30),))
    result = classify(TUESDAY, t("15:30"), t("17:30"), full, RULES)
    assert split(result) == ["11-17 15:30-17:30 enkel"]


def test_the_boundary_minute_is_the_first_qualified_one() -> None:
    full = context(shifts=((TUESDAY, "07:00", "15:30", 30),))
    result = classify(TUESDAY, t("17:29"), t("17:31"), full, RULES)
    assert split(result) == ["11-17 17:29-17:30 enkel", "11-17 17:30-17:31 kvalificerad"]


def test_exactly_two_hours_before_the_shift_are_simple_and_a_minute_more_is_not() -> None:
    full = context(shifts=((TUESDAY, "13:30", "21:30", 30),))
    assert split(classify(TUESDAY, t("11:30"), t("13:30"), full, RULES)) == [
        "11-17 11:30-13:30 enkel"
    ]
    assert split(classify(TUESDAY, t("11:29"), t("13:30"), full, RULES)) == [
        "11-17 11:29-11:30 kvalificerad",
        "11-17 11:30-13:30 enkel",
    ]


def test_a_gap_of_one_minute_after_the_shift_is_not_adjacent_for_the_minutes_past_two_hours() -> (
    None
):
    full = context(shifts=((TUESDAY, "07:00", "15:30", 30),))
    # 15:31–17:31: within two hours of the end only up to 17:30.
    assert split(classify(TUESDAY, t("15:31"), t("17:31"), full, RULES)) == [
        "11-17 15:31-17:30 enkel",
        "11-17 17:30-17:31 kvalificerad",
    ]


# -- midnight ---------------------------------------------------------------------------------


def test_after_a_night_shift_the_morning_is_simple_for_two_hours() -> None:
    wednesday = TUESDAY + timedelta(days=1)
    night = context(shifts=((TUESDAY, "21:15", "07:15", 0),))
    result = classify(wednesday, t("07:15"), t("10:00"), night, RULES)
    assert split(result) == ["11-18 07:15-09:15 enkel", "11-18 09:15-10:00 kvalificerad"]


def test_a_request_from_friday_evening_into_saturday_is_split_at_midnight() -> None:
    friday = date(2026, 11, 20)
    full = context(shifts=((friday, "13:30", "21:30", 30),))
    # Friday 21:30–22:00 is night (after 20) and Saturday is weekend: all qualified, by day.
    result = classify(friday, t("21:30"), t("01:00"), full, RULES)
    assert result.minutes(ExtraKind.QUALIFIED) == 210
    assert [s.start.date() for s in result.segments] == [friday]
    assert result.segments[-1].end.date() == friday + timedelta(days=1)


def test_a_part_timer_past_midnight_into_a_free_saturday_loses_mertid_at_midnight() -> None:
    friday = date(2026, 11, 20)
    part = context(grade=75, week_before=10)
    result = classify(friday, t("22:00"), t("02:00"), part, RULES)
    assert split(result) == ["11-20 22:00-00:00 mertid", "11-21 00:00-02:00 kvalificerad"]


def test_a_request_that_ends_at_midnight_ends_the_next_day() -> None:
    full = context(shifts=((TUESDAY, "13:30", "21:30", 30),))
    result = classify(TUESDAY, t("21:30"), t("00:00"), full, RULES)
    assert result.minutes(ExtraKind.QUALIFIED) == 150


# -- eves and holidays ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "name"),
    [
        (date(2026, 4, 4), "påskafton"),
        (date(2026, 12, 31), "nyårsafton"),
        (date(2026, 6, 19), "midsommarafton"),
        (date(2026, 12, 24), "julafton"),
    ],
)
def test_the_eves_are_qualified_even_right_after_the_shift(day: date, name: str) -> None:
    full = context(shifts=((day, "07:00", "15:30", 30),))
    assert classify(day, t("15:30"), t("16:30"), full, RULES).minutes(ExtraKind.SIMPLE) == 0, name


def test_the_evening_before_christmas_eve_is_simple_until_midnight_and_then_qualified() -> None:
    day = date(2026, 12, 23)
    evening = context(shifts=((day, "15:00", "23:00", 30),))
    rules = OvertimeRules(night_start=time(23, 59))  # a unit whose evenings run late
    result = classify(day, t("23:00"), t("01:00"), evening, rules)
    assert split(result) == ["12-23 23:00-23:59 enkel", "12-23 23:59-01:00 kvalificerad"]


def test_a_weekday_holiday_is_qualified_for_a_full_timer() -> None:
    ascension = date(2026, 5, 14)  # Kristi himmelfärdsdag, a Thursday
    full = context(shifts=((ascension, "07:00", "15:30", 30),))
    result = classify(ascension, t("15:30"), t("17:30"), full, RULES)
    assert result.minutes(ExtraKind.QUALIFIED) == 120


# -- a part-timer's weekend -------------------------------------------------------------------


@pytest.mark.parametrize(
    "day",
    [date(2026, 11, 22), date(2026, 5, 14), date(2026, 12, 24)],
    ids=["free Sunday", "free weekday holiday", "free julafton"],
)
def test_a_part_timer_on_a_free_red_day_gets_qualified_overtime_not_mertid(day: date) -> None:
    part = context(grade=75, week_before=10)
    result = classify(day, t("08:00"), t("12:00"), part, RULES)
    assert split(result) == [f"{day:%m-%d} 08:00-12:00 kvalificerad"]


def test_a_part_timer_who_works_that_saturday_fills_up_to_a_fulltime_day_first() -> None:
    saturday = date(2026, 11, 21)
    part = context(grade=75, shifts=((saturday, "07:00", "13:00", 0),), week_before=20)
    # A full-time day is 8 h (40 / 5): two hours of mertid, then weekend övertid.
    result = classify(saturday, t("13:00"), t("16:00"), part, RULES)
    assert split(result) == ["11-21 13:00-15:00 mertid", "11-21 15:00-16:00 kvalificerad"]


# -- the hourly paid --------------------------------------------------------------------------


def test_the_hourly_paid_cross_the_months_hours_inside_one_request() -> None:
    hourly = context(grade=None, form=EmploymentForm.HOURLY, month_before=164.5)
    result = classify(TUESDAY, t("13:00"), t("15:00"), hourly, RULES)
    assert split(result) == ["11-17 13:00-13:30 timavlonad", "11-17 13:30-15:00 kvalificerad"]


def test_the_hourly_paid_months_hours_are_a_setting() -> None:
    rules = OvertimeRules.from_settings(RuleSettings({"overtime.hourly_paid_month_hours": 160}))
    hourly = context(grade=None, form=EmploymentForm.HOURLY, month_before=160)
    result = classify(TUESDAY, t("13:00"), t("15:00"), hourly, rules)
    assert result.minutes(ExtraKind.HOURLY_ORDINARY) == 0
    assert result.overtime_minutes == 120


def test_the_hourly_paid_past_the_months_hours_get_simple_overtime_next_to_a_shift() -> None:
    hourly = context(
        grade=None,
        form=EmploymentForm.HOURLY,
        shifts=((TUESDAY, "07:00", "15:30", 30),),
        month_before=170,
    )
    assert split(classify(TUESDAY, t("15:30"), t("16:30"), hourly, RULES)) == [
        "11-17 15:30-16:30 enkel"
    ]


def test_comp_factors_follow_the_settings() -> None:
    settings = RuleSettings(
        {"overtime.simple_comp_factor": "1.25", "overtime.qualified_comp_factor": "1.75"}
    )
    rules = OvertimeRules.from_settings(settings)
    assert (rules.simple_comp_factor, rules.qualified_comp_factor) == (
        Decimal("1.25"),
        Decimal("1.75"),
    )
    assert OvertimeRules.from_settings(RuleSettings({})).simple_comp_factor == Decimal("1.5")

"""The worked examples of DOMAIN.md (the two-hour rule as employers teach it) and the edges."""

from __future__ import annotations

from datetime import date, time, timedelta
from decimal import Decimal

import pytest

from enhetschef_app.domain.overtime import (
    ExtraKind,
    OvertimeRules,
    WorkerContext,
    classify,
    cost_of,
    hourly_wage,
    overtime_cost,
)
from enhetschef_app.domain.shifts import Shift
from enhetschef_app.domain.staff import EmploymentForm

TUESDAY = date(2026, 11, 17)
SATURDAY = date(2026, 11, 21)
RULES = OvertimeRules()


def t(text: str) -> time:
    return time.fromisoformat(text)


def person(
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


def split(result: object) -> list[str]:
    return [f"{s.start:%H:%M}-{s.end:%H:%M} {s.kind.value}" for s in result.segments]  # type: ignore[attr-defined]  # a Classification, or the test fails


def test_fulltimer_after_the_shift_two_hours_simple_then_qualified() -> None:
    full = person(shifts=((TUESDAY, "07:00", "15:30", 30),))
    assert split(classify(TUESDAY, t("15:30"), t("18:00"), full, RULES)) == [
        "15:30-17:30 enkel",
        "17:30-18:00 kvalificerad",
    ]


def test_fulltimer_not_adjacent_is_all_qualified() -> None:
    full = person(shifts=((TUESDAY, "07:00", "15:30", 30),))
    assert split(classify(TUESDAY, t("17:30"), t("18:30"), full, RULES)) == [
        "17:30-18:30 kvalificerad"
    ]


def test_fulltimer_before_the_shift_only_the_last_two_hours_are_simple() -> None:
    full = person(shifts=((TUESDAY, "11:00", "20:00", 60),))
    assert split(classify(TUESDAY, t("07:00"), t("11:00"), full, RULES)) == [
        "07:00-09:00 kvalificerad",
        "09:00-11:00 enkel",
    ]


def test_parttimer_fills_up_to_a_fulltime_day_first() -> None:
    part = person(grade=75, shifts=((TUESDAY, "07:00", "14:00", 60),), week_before=6)
    result = classify(
        TUESDAY, t("14:00"), t("20:00"), part, RULES, breaks=[(t("16:00"), t("16:30"))]
    )
    assert split(result) == ["14:00-16:00 mertid", "16:30-20:00 kvalificerad"]


def test_parttimer_before_the_shift_mertid_takes_the_first_hours() -> None:
    part = person(grade=75, shifts=((TUESDAY, "11:00", "19:00", 60),), week_before=7)
    assert split(classify(TUESDAY, t("07:00"), t("10:30"), part, RULES)) == [
        "07:00-08:00 mertid",
        "08:00-09:00 kvalificerad",
        "09:00-10:30 enkel",
    ]


def test_parttimer_on_a_free_weekday_is_mertid_and_on_a_free_saturday_qualified() -> None:
    part = person(grade=75, week_before=20)
    assert split(classify(TUESDAY, t("07:00"), t("17:00"), part, RULES)) == ["07:00-17:00 mertid"]
    assert split(classify(SATURDAY, t("07:00"), t("17:00"), part, RULES)) == [
        "07:00-17:00 kvalificerad"
    ]


def test_mertid_stops_at_the_fulltime_week() -> None:
    part = person(grade=75, week_before=39)
    assert split(classify(TUESDAY, t("07:00"), t("09:00"), part, RULES)) == [
        "07:00-08:00 mertid",
        "08:00-09:00 kvalificerad",
    ]


@pytest.mark.parametrize(
    ("day", "holiday"),
    [
        (date(2026, 12, 24), "julafton"),
        (date(2026, 6, 19), "midsommarafton"),
        (date(2026, 1, 6), "trettondedag"),
    ],
)
def test_adjacent_overtime_on_a_holiday_or_eve_is_qualified(day: date, holiday: str) -> None:
    full = person(shifts=((day, "07:00", "15:30", 30),))
    assert split(classify(day, t("15:30"), t("17:00"), full, RULES)) == [
        "15:30-17:00 kvalificerad"
    ], holiday


def test_the_day_before_an_eve_is_an_ordinary_weekday() -> None:
    day = date(2026, 12, 23)
    full = person(shifts=((day, "07:00", "15:30", 30),))
    assert split(classify(day, t("15:30"), t("17:00"), full, RULES)) == ["15:30-17:00 enkel"]


def test_after_20_is_night_and_qualified_even_when_adjacent() -> None:
    full = person(shifts=((TUESDAY, "11:00", "19:00", 30),))
    assert split(classify(TUESDAY, t("19:00"), t("21:00"), full, RULES)) == [
        "19:00-20:00 enkel",
        "20:00-21:00 kvalificerad",
    ]


def test_a_request_across_midnight_is_split_by_the_minute() -> None:
    night_worker = person(shifts=((TUESDAY, "13:00", "21:30", 30),))
    result = classify(TUESDAY, t("21:30"), t("01:00"), night_worker, RULES)
    assert split(result) == ["21:30-01:00 kvalificerad"]
    assert result.minutes(ExtraKind.QUALIFIED) == 210
    friday_evening = date(2026, 11, 20)
    early = person(shifts=((date(2026, 11, 23), "07:00", "15:00", 30),))
    # Sunday night before a Monday shift: the window before 07:00 falls at night anyway.
    result = classify(friday_evening + timedelta(days=2), t("23:00"), t("07:00"), early, RULES)
    assert result.minutes(ExtraKind.SIMPLE) == 60  # 06:00-07:00 on Monday
    assert result.minutes(ExtraKind.QUALIFIED) == 420


@pytest.mark.parametrize(
    ("month_before", "ordinary", "overtime"), [(160, 300, 0), (163, 120, 180), (165, 0, 300)]
)
def test_the_hourly_paid_get_overtime_only_past_165_hours(
    month_before: int, ordinary: int, overtime: int
) -> None:
    hourly = person(grade=None, form=EmploymentForm.HOURLY, month_before=month_before)
    result = classify(TUESDAY, t("07:00"), t("12:00"), hourly, RULES)
    assert result.minutes(ExtraKind.HOURLY_ORDINARY) == ordinary
    assert result.overtime_minutes == overtime


def test_hourly_wage_and_cost_are_rounded_to_ore() -> None:
    wage = hourly_wage(Decimal(31500), Decimal("38.25"))
    assert wage.quantize(Decimal("0.0001")) == Decimal("190.0452")
    full = person(shifts=((TUESDAY, "07:00", "15:30", 30),))
    result = classify(TUESDAY, t("15:30"), t("18:00"), full, RULES)
    # AB's divisors on the full-time monthly salary, whatever the full-time week.
    cost = overtime_cost(result, Decimal(31500), RULES)
    assert cost.simple == Decimal("670.21")  # 2 h × 31 500 / 94 = 670.2127…
    assert cost.qualified == Decimal("218.75")  # 0.5 h × 31 500 / 72
    assert cost.total == Decimal("888.96")
    assert cost_of(result, Decimal(31500), Decimal("38.25"), RULES) == cost
    comp = overtime_cost(result, Decimal(31500), RULES, as_comp=True)
    assert comp.total == Decimal(0)
    assert comp.comp_hours == Decimal("4.00")  # 2 × 1.5 + 0.5 × 2.0


def test_no_salary_means_no_cost_but_the_hours_stand() -> None:
    full = person(shifts=((TUESDAY, "07:00", "15:30", 30),))
    result = classify(TUESDAY, t("15:30"), t("16:30"), full, RULES)
    assert cost_of(result, None, Decimal(40), RULES).total == Decimal(0)
    assert result.minutes(ExtraKind.SIMPLE) == 60


def test_the_night_window_follows_the_settings() -> None:
    from enhetschef_app.domain.settings_catalog import RuleSettings

    rules = OvertimeRules.from_settings(RuleSettings({"overtime.night_start_hour": 21}))
    full = person(shifts=((TUESDAY, "11:00", "19:00", 30),))
    assert split(classify(TUESDAY, t("19:00"), t("21:00"), full, rules)) == ["19:00-21:00 enkel"]

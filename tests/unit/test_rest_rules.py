"""The rest-time rules at their edges: midnight, DST, exactly the limit and a minute under."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from enhetschef_app.domain.rest_rules import RestLimits, RestRule, check_rest_rules
from enhetschef_app.domain.settings_catalog import RuleSettings
from enhetschef_app.domain.shifts import Shift

LIMITS = RestLimits()
MONDAY = date(2026, 11, 16)


def shift(day: date, start: str, end: str, rast: int = 30, who: str = "1001") -> Shift:
    return Shift(who, day, time.fromisoformat(start), time.fromisoformat(end), rast)


def rules(shifts: list[Shift], first: date = MONDAY, last: date | None = None) -> list[str]:
    found = check_rest_rules(shifts, first, last or first + timedelta(days=13), LIMITS)
    return [f"{b.rule.value} {b.date.isoformat()} {b.found}" for b in found]


def test_a_quick_return_from_evening_to_morning_breaks_dygnsvila() -> None:
    found = check_rest_rules(
        [shift(MONDAY, "13:30", "21:30"), shift(MONDAY + timedelta(days=1), "07:00", "15:30")],
        MONDAY,
        MONDAY + timedelta(days=1),
        LIMITS,
    )
    (breach,) = found
    assert breach.rule is RestRule.DAILY_REST
    assert (breach.date, breach.found, breach.limit) == (date(2026, 11, 17), 9.5, 11.0)
    assert "9,5 h" in breach.explain() and "minst 11 h" in breach.explain()


@pytest.mark.parametrize(("end", "breach"), [("20:00", False), ("20:01", True)])
def test_eleven_hours_exactly_is_enough(end: str, breach: bool) -> None:
    tuesday = MONDAY + timedelta(days=1)
    found = rules([shift(MONDAY, "12:00", end), shift(tuesday, "07:00", "15:00")], last=tuesday)
    assert any(f.startswith("dygnsvila") for f in found) is breach


def test_a_night_shift_belongs_to_the_day_it_starts_and_crosses_midnight() -> None:
    night = shift(MONDAY, "21:00", "07:00", rast=0)
    assert night.length == timedelta(hours=10)
    assert night.end_at.date() == date(2026, 11, 17)
    # Two nights in a row rest 14 h; an extension that starts as the night ends is one stretch.
    assert rules([night, shift(MONDAY + timedelta(days=1), "21:00", "07:00", 0)]) == []
    assert rules([night, shift(MONDAY + timedelta(days=1), "07:00", "09:00", 0)]) == []


def test_shift_length_follows_the_clock_change() -> None:
    assert shift(date(2026, 3, 28), "21:00", "07:00", 0).length == timedelta(hours=9)
    assert shift(date(2026, 10, 24), "21:00", "07:00", 0).length == timedelta(hours=11)
    # Rest that spans the spring change is an hour shorter than the wall clock says.
    spring = [
        shift(date(2026, 3, 28), "13:00", "20:30"),
        shift(date(2026, 3, 29), "07:00", "15:00"),
    ]
    found = check_rest_rules(spring, date(2026, 3, 28), date(2026, 3, 29), LIMITS)
    assert [(b.rule, b.found) for b in found] == [(RestRule.DAILY_REST, 9.5)]


def test_overlapping_shifts_are_named() -> None:
    found = check_rest_rules(
        [shift(MONDAY, "07:00", "15:30"), shift(MONDAY, "13:30", "21:30")], MONDAY, MONDAY, LIMITS
    )
    assert [(b.rule, b.found) for b in found] == [(RestRule.OVERLAP, 2.0)]


def test_a_week_without_36_hours_free_breaks_veckovila_once_per_week() -> None:
    fortnight = [shift(MONDAY + timedelta(days=i), "07:00", "15:30") for i in range(14)]
    found = check_rest_rules(fortnight, MONDAY, MONDAY + timedelta(days=13), LIMITS)
    weekly = [b for b in found if b.rule is RestRule.WEEKLY_REST]
    assert [(b.date, b.found) for b in weekly] == [
        (MONDAY, 15.5),
        (MONDAY + timedelta(days=7), 15.5),
    ]
    assert "v. 47" in weekly[0].explain()


def test_monday_to_friday_with_every_weekend_off_keeps_veckovila() -> None:
    weekdays = [
        shift(MONDAY + timedelta(days=i), "07:00", "15:30")
        for i in range(28)
        if (MONDAY + timedelta(days=i)).weekday() < 5
    ]
    found = check_rest_rules(weekdays, MONDAY, MONDAY + timedelta(days=27), LIMITS)
    assert [b for b in found if b.rule is RestRule.WEEKLY_REST] == []


@pytest.mark.parametrize(("sunday_start", "breach"), [("07:00", False), ("06:59", True)])
def test_a_free_stretch_of_exactly_36_hours_is_enough(sunday_start: str, breach: bool) -> None:
    # Monday to Saturday worked, Friday ends 19:00, Saturday free, Sunday starts 07:00: 36 h.
    friday = MONDAY + timedelta(days=4)
    shifts = [shift(MONDAY + timedelta(days=i), "07:00", "19:00") for i in range(5)]
    shifts.append(shift(friday + timedelta(days=2), sunday_start, "12:00"))
    found = check_rest_rules(shifts, MONDAY, MONDAY, LIMITS)
    assert any(b.rule is RestRule.WEEKLY_REST for b in found) is breach


def test_the_seventh_day_in_a_row_is_flagged() -> None:
    six = [shift(MONDAY + timedelta(days=i), "07:00", "15:30") for i in range(6)]
    assert not any(f.startswith("consecutive") for f in rules(six))
    seven = [*six, shift(MONDAY + timedelta(days=6), "07:00", "15:30")]
    assert [f for f in rules(seven) if f.startswith("consecutive")] == [
        "consecutive_days 2026-11-22 7.0"
    ]


def test_a_shift_over_five_hours_needs_a_rast_but_a_night_may_have_a_meal_break() -> None:
    assert rules([shift(MONDAY, "07:00", "15:30", rast=0)]) == ["rast 2026-11-16 8.5"]
    assert rules([shift(MONDAY, "07:00", "12:00", rast=0)]) == []
    assert rules([shift(MONDAY, "07:00", "15:30", rast=30)]) == []
    night = [shift(MONDAY, "21:00", "07:00", rast=0)]
    assert rules(night) == []
    strict = RestLimits(night_meal_break=False)
    assert [b.rule for b in check_rest_rules(night, MONDAY, MONDAY, strict)] == [RestRule.BREAK]


def test_weekly_hours_over_full_time() -> None:
    long_days = [shift(MONDAY + timedelta(days=i), "07:00", "19:30", rast=45) for i in range(4)]
    limit = {"1001": timedelta(hours=38, minutes=15)}
    found = check_rest_rules(long_days, MONDAY, MONDAY + timedelta(days=6), LIMITS, limit)
    assert [(b.rule, b.found, b.limit) for b in found] == [(RestRule.WEEKLY_HOURS, 47.0, 38.25)]
    three = long_days[:3]
    assert check_rest_rules(three, MONDAY, MONDAY + timedelta(days=6), LIMITS, limit) == []


@pytest.mark.parametrize(("daily_hours", "breach"), [(9, False), (10.5, True)])
def test_the_48_hour_average_over_four_months(daily_hours: float, breach: bool) -> None:
    start = date(2026, 1, 1)
    minutes = int(daily_hours * 60)
    end = (timedelta(hours=7) + timedelta(minutes=minutes)).seconds // 60
    end_time = time(end // 60, end % 60)
    shifts = [
        Shift("1001", start + timedelta(days=i), time(7), end_time, 0)
        for i in range(130)
        if (start + timedelta(days=i)).weekday() < 5
    ]
    limits = RestLimits(night_meal_break=True, break_after=timedelta(hours=24))
    found = check_rest_rules(shifts, start, start, limits)
    assert any(b.rule is RestRule.AVERAGE_48H for b in found) is breach


def test_limits_follow_the_settings() -> None:
    limits = RestLimits.from_settings(
        RuleSettings({"rest.daily_rest_hours": "9", "rest.max_consecutive_days": 5})
    )
    assert limits.daily_rest == timedelta(hours=9)
    assert limits.max_consecutive_days == 5
    assert limits.weekly_rest == timedelta(hours=36)


@given(
    st.dates(min_value=date(2024, 1, 1), max_value=date(2030, 12, 31)),
    st.times(),
    st.times(),
)
def test_a_shift_is_never_negative_nor_a_day_and_differs_from_the_wall_clock_by_dst_only(
    day: date, start: time, end: time
) -> None:
    start = start.replace(second=0, microsecond=0)
    end = end.replace(second=0, microsecond=0)
    length = shift(day, start.isoformat(), end.isoformat(), 0).length
    wall = (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)
    if wall <= 0:
        wall += 24 * 60
    difference = length - timedelta(minutes=wall)
    assert difference in (timedelta(0), timedelta(hours=1), timedelta(hours=-1))
    assert timedelta(0) <= length <= timedelta(hours=25)


@given(
    st.lists(
        st.tuples(st.integers(0, 20), st.integers(0, 23), st.integers(4, 12)),
        min_size=1,
        max_size=12,
    )
)
def test_every_breach_lies_in_the_period_and_names_its_shifts(
    plan: list[tuple[int, int, int]],
) -> None:
    shifts = [
        Shift("1001", MONDAY + timedelta(days=d), time(h), time((h + length) % 24), 0)
        for d, h, length in plan
    ]
    first, last = MONDAY + timedelta(days=3), MONDAY + timedelta(days=10)
    for breach in check_rest_rules(shifts, first, last, LIMITS):
        assert first <= breach.date <= last
        assert breach.shifts
        assert breach.explain()

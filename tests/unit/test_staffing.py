"""Staffing against need per time band: half a band counts, nights cross midnight, holidays
have their own column."""

from __future__ import annotations

from datetime import date, time

from enhetschef_app.domain.shift_kinds import ShiftKind, guess_shift_kind
from enhetschef_app.domain.shifts import Shift
from enhetschef_app.domain.staffing import (
    HOLIDAY,
    NeedBand,
    bands_of_day,
    need_weekday,
    staffing_of_day,
    validate_needs,
)

TUESDAY = date(2026, 11, 17)
CHRISTMAS_EVE = date(2026, 12, 24)  # a Thursday


def needs(weekday: int) -> list[NeedBand]:
    return [
        NeedBand(weekday, time(7), time(13, 30), 3),
        NeedBand(weekday, time(13, 30), time(21, 30), 2),
        NeedBand(weekday, time(21, 30), time(7), 1),
    ]


def shift(day: date, start: str, end: str) -> Shift:
    return Shift("1", day, time.fromisoformat(start), time.fromisoformat(end))


def test_a_shift_counts_in_a_band_it_covers_at_least_half_of() -> None:
    shifts = [
        shift(TUESDAY, "07:00", "15:30"),  # the morning; 2 h of the evening: not there
        shift(TUESDAY, "10:15", "18:00"),  # 3 h 15 of 6 h 30 in the morning: half exactly
        shift(TUESDAY, "13:30", "21:30"),
    ]
    counted = [(b.needed, b.staffed) for b in staffing_of_day(TUESDAY, needs(1), shifts)]
    assert counted == [(3, 2), (2, 2), (1, 0)]


def test_last_nights_shift_staffs_nothing_today_but_tonights_reaches_tomorrow() -> None:
    monday = date(2026, 11, 16)
    night_before = shift(monday, "21:15", "07:15")
    tonight = shift(TUESDAY, "21:15", "07:15")
    bands = staffing_of_day(TUESDAY, needs(1), [night_before, tonight])
    assert [b.staffed for b in bands] == [0, 0, 1]
    assert bands[2].shortfall == 0 and bands[0].shortfall == 3


def test_holidays_use_their_own_column_when_the_unit_has_one() -> None:
    every_day = [n for weekday in range(7) for n in needs(weekday)]
    assert need_weekday(CHRISTMAS_EVE, {n.weekday for n in every_day}) == 3
    with_holiday = [*every_day, NeedBand(HOLIDAY, time(7), time(15), 2)]
    assert need_weekday(CHRISTMAS_EVE, {n.weekday for n in with_holiday}) == HOLIDAY
    assert [b.staff_count for b in bands_of_day(CHRISTMAS_EVE, with_holiday)] == [2]
    assert len(bands_of_day(TUESDAY, with_holiday)) == 3


def test_an_edited_need_is_checked() -> None:
    good = needs(0)
    assert validate_needs(good) == []
    bad = [*good, NeedBand(0, time(7), time(9), 1), NeedBand(8, time(9), time(9), -1)]
    problems = validate_needs(bad)
    assert any("två tidsband börjar samtidigt" in p for p in problems)
    assert any("Okänd veckodag 8" in p for p in problems)
    assert any("ingen längd" in p for p in problems)


def test_shift_kinds_from_code_or_times() -> None:
    assert guess_shift_kind("R", time(8), time(16, 30)) is ShiftKind.RESOURCE
    assert guess_shift_kind("X1", time(21), time(7)) is ShiftKind.NIGHT
    assert guess_shift_kind("X2", time(7), time(19, 30)) is ShiftKind.LONG
    assert guess_shift_kind("X3", time(14), time(22)) is ShiftKind.EVENING
    assert guess_shift_kind(None, time(6, 45), time(15)) is ShiftKind.DAY

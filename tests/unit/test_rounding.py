"""The one rounding rule: hours and percentages to the hundredth, half up, wherever they are
shown or reported."""

from __future__ import annotations

from datetime import date, time, timedelta
from decimal import Decimal

import pytest

from enhetschef_app.domain.month_rows import (
    RowGroup,
    SickBand,
    clock_change_correction,
    month_row_figures,
    sick_band,
)
from enhetschef_app.domain.rounding import (
    hours_of_minutes,
    hours_of_percent_minutes,
    percent,
    round_half_up,
)
from enhetschef_app.domain.shifts import hours
from enhetschef_app.domain.staff import EmploymentForm

D = Decimal


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (D("0.125"), D("0.13")),  # half even would give 0.12
        (D("0.135"), D("0.14")),
        (D("0.115"), D("0.12")),
        (D("2.5"), D("2.50")),
        (D("0.1249999"), D("0.12")),
        (D("0.005"), D("0.01")),
        (D("-0.125"), D("-0.13")),  # away from zero, as by hand
        (0, D("0.00")),
    ],
)
def test_round_half_up_at_the_half(value: Decimal | int, expected: Decimal) -> None:
    assert round_half_up(value) == expected


def test_round_half_up_to_other_steps() -> None:
    assert round_half_up(D("12.5"), D("1")) == D("13")
    assert round_half_up(D("11.5"), D("1")) == D("12")
    assert round_half_up(D("0.25"), D("0.1")) == D("0.3")


def test_hours_and_percent_round_half_up() -> None:
    assert hours_of_percent_minutes(15 * 50) == D("0.13")  # 15 min at 50 %
    assert hours_of_percent_minutes(45 * 50) == D("0.38")  # 0.375
    assert hours_of_minutes(90) == D("1.50")
    assert percent(1, 800) == D("0.13")  # 0.125 %
    assert percent(1, 8) == D("12.50")
    assert percent(0, 0) is None
    assert hours(timedelta(minutes=7, seconds=30)) == 0.13  # 0.125 h


def test_15_minutes_at_50_percent_is_0_13_hours_on_every_line() -> None:
    # A 15-minute row of a monthly-paid person who is 50 % sick: the worked line counts the
    # present half, the sick line the absent half; both are 750 percent-minutes.
    row = RowGroup(
        start=time(7, 0),
        end=time(7, 15),
        break_minutes=0,
        count=1,
        holder_form=EmploymentForm.PERMANENT.value,
        holder_absent_percent=50,
    )
    figures = month_row_figures([row])
    assert figures.worked_percent_minutes == 750
    assert hours_of_percent_minutes(figures.worked_percent_minutes) == D("0.13")
    sick_percent_minutes = row.minutes() * row.holder_absent_percent
    assert hours_of_percent_minutes(sick_percent_minutes) == D("0.13")


def test_the_clock_change_correction_and_the_sick_bands() -> None:
    assert clock_change_correction(date(2026, 3, 28), time(21), time(7), 0) == -60
    assert clock_change_correction(date(2026, 10, 24), time(21), time(7), 0) == 60
    assert clock_change_correction(date(2026, 10, 24), time(7), time(15), 0) == 0
    assert [sick_band(d) for d in (1, 14, 15, 59, 60)] == [
        SickBand.SHORT,
        SickBand.SHORT,
        SickBand.MIDDLE,
        SickBand.MIDDLE,
        SickBand.LONG,
    ]

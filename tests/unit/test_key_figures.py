"""The month summary's pure rules: the key figure formulas, the counting of a month's schedule
rows, months, and the differences a month marked klar shows."""

from __future__ import annotations

from datetime import date, time
from decimal import Decimal
from typing import Any

import pytest

from enhetschef_app.domain.key_figures import (
    FIGURE_KEYS,
    FIGURE_SPECS,
    TargetStatus,
    hourly_paid_share_percent,
    sick_percent,
    target_status,
)
from enhetschef_app.domain.month_lock import figure_differences
from enhetschef_app.domain.month_rows import RowGroup, month_row_figures
from enhetschef_app.domain.rounding import hours_of_percent_minutes, percent
from enhetschef_app.domain.year_month import YearMonth

D = Decimal


def test_sick_percent_is_sick_hours_of_scheduled_hours_in_percent() -> None:
    # The seeds' 2023 outcome: 6.78 %, written as percent, not as 0.0678.
    assert sick_percent(D("678"), D("10000")) == D("6.78")
    assert sick_percent(D("1"), D("3")) == D("33.33")
    assert sick_percent(D("2"), D("3")) == D("66.67")  # half up at the hundredth
    assert sick_percent(D("0"), D("0")) is None  # nothing scheduled: no share, not zero


def test_hourly_paid_share_and_rounding_half_up() -> None:
    assert hourly_paid_share_percent(15, 100) == D("15.00")
    assert percent(1, 8) == D("12.50")
    assert percent(D("0.125"), 1) == D("12.50")
    assert percent(D("0.00005"), 1) == D("0.01")  # 0.005 % rounds up
    assert hourly_paid_share_percent(0, 0) is None


def test_percent_minutes_become_hours_to_the_hundredth() -> None:
    assert hours_of_percent_minutes(6000) == D("1.00")  # 60 minutes at 100 %
    assert hours_of_percent_minutes(450 * 50) == D("3.75")  # 7.5 h at 50 %
    assert hours_of_percent_minutes(1) == D("0.00")


def test_targets_are_ceilings() -> None:
    assert target_status(D("5.00"), D("5")) is TargetStatus.WITHIN
    assert target_status(D("5.01"), D("5")) is TargetStatus.ABOVE
    assert target_status(None, D("5")) is TargetStatus.NO_VALUE
    assert TargetStatus.ABOVE.label == "Över målet"


def test_every_figure_has_a_swedish_definition_and_the_three_targets() -> None:
    assert (
        len(FIGURE_KEYS) == len(set(FIGURE_KEYS)) == 35
    )  # 27 + the eight of the personnel economy
    for key in FIGURE_KEYS:
        spec = FIGURE_SPECS[key]
        assert spec.label and spec.definition.endswith(".") and spec.section
    targets = {k: s.target_setting for k, s in FIGURE_SPECS.items() if s.target_setting}
    assert targets == {
        "sick_percent": "targets.sick_percent",
        "hourly_paid_share_percent": "targets.hourly_paid_share_percent",
        "turnover_percent_12m": "targets.turnover_percent",
    }


DAY = (time(7), time(16), 60)  # 8 h


def group(times: tuple[time, time, int] = DAY, count: int = 1, **facts: Any) -> RowGroup:
    start, end, rast = times
    return RowGroup(start=start, end=end, break_minutes=rast, count=count, **facts)


def test_a_present_persons_row_is_worked_by_them() -> None:
    figures = month_row_figures(
        [group(holder_form="tillsvidare", count=3), group(holder_form="timavlonad")]
    )
    assert figures.worked_percent_minutes == 4 * 480 * 100
    assert figures.hourly_paid_percent_minutes == 480 * 100
    assert figures.empty_rows == 0


def test_an_empty_row_is_filled_by_a_present_cover_and_worked_by_the_coverer() -> None:
    figures = month_row_figures(
        [
            group(holder_form="tillsvidare", holder_absent_percent=100, cover_kind="timavlonad",
                  cover_form="timavlonad", cover_holds=True),
            group(holder_form=None, cover_kind="mertid", cover_form="tillsvidare",
                  cover_holds=True),
            # The cover's person is absent too: the row is unfilled after all.
            group(holder_form=None, cover_kind="resurspass", cover_form="visstid",
                  cover_holds=False),
            group(holder_form=None),
        ]
    )  # fmt: skip
    assert figures.empty_rows == 4
    assert figures.filled_by == {"mertid": 1, "timavlonad": 1}
    assert figures.unfilled == 2
    assert figures.worked_percent_minutes == 2 * 480 * 100
    assert figures.hourly_paid_percent_minutes == 480 * 100


def test_partial_absence_leaves_the_row_empty_but_its_present_part_worked() -> None:
    figures = month_row_figures(
        [group(holder_form="timavlonad", holder_absent_percent=25, times=(time(14), time(22), 30))]
    )
    assert figures.empty_rows == 1 and figures.unfilled == 1
    assert figures.worked_percent_minutes == 450 * 75  # 5.625 h
    assert figures.hourly_paid_percent_minutes == 450 * 75


def test_resurspass_given_up_or_of_an_absent_person_is_neither_worked_nor_empty() -> None:
    figures = month_row_figures(
        [
            group(holder_form="visstid", is_resurspass=True, released=True),
            group(holder_form="tillsvidare", is_resurspass=True, holder_absent_percent=100),
        ]
    )
    assert figures.empty_rows == 0
    assert figures.worked_percent_minutes == 0


def test_a_row_past_midnight_and_over_the_clock_change_has_its_real_length() -> None:
    night = (time(21), time(7), 0)
    ordinary = month_row_figures([group(holder_form="visstid", times=night)])
    assert ordinary.worked_percent_minutes == 600 * 100
    back = month_row_figures([group(holder_form="visstid", times=night, day=date(2026, 10, 24))])
    assert back.worked_percent_minutes == 660 * 100  # the clocks go back: 11 hours
    forward = month_row_figures([group(holder_form="visstid", times=night, day=date(2026, 3, 28))])
    assert forward.worked_percent_minutes == 540 * 100


def test_year_month() -> None:
    month = YearMonth.parse("2026-2")
    assert (month.label, month.first, month.last) == (
        "2026-02",
        date(2026, 2, 1),
        date(2026, 2, 28),
    )
    assert YearMonth(2024, 2).last == date(2024, 2, 29)
    assert month.shifted(-2) == YearMonth(2025, 12)
    assert [m.label for m in YearMonth(2026, 1).back(3)] == ["2025-11", "2025-12", "2026-01"]
    for bad in ("2026-13", "2026", "okt 2026", "2026-00"):
        with pytest.raises(ValueError, match="månad"):
            YearMonth.parse(bad)


def test_differences_are_the_figures_that_changed() -> None:
    reported: dict[str, Decimal | int | None] = {
        "sick_percent": D("4.20"),
        "empty_rows": 3,
        "turnover_percent_12m": None,
    }
    current: dict[str, Decimal | int | None] = {
        "sick_percent": D("4.2"),
        "empty_rows": 5,
        "turnover_percent_12m": D("8.50"),
    }
    found = figure_differences(
        reported, current, ("sick_percent", "empty_rows", "turnover_percent_12m")
    )
    assert [(d.key, d.reported, d.current) for d in found] == [
        ("empty_rows", 3, 5),
        ("turnover_percent_12m", None, D("8.50")),
    ]
    assert found[0].change == D(2)
    assert found[1].change is None

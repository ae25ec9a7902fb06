"""The month summary's absence figures on a real database, against sums done by hand: monthly
paid staff only, extent, the DST night, and the split by spell length."""

from __future__ import annotations

from datetime import date, time
from decimal import Decimal

from absence_helpers import absence, employee, shifts, weekdays

from enhetschef_app.domain.care_talks import TalkState, TalkStep
from enhetschef_app.domain.month_rows import dst_change_days
from enhetschef_app.domain.staff import EmploymentForm
from enhetschef_app.services.absence.care_talks import apply_talk_step
from enhetschef_app.services.absence.figures import absence_month_figures
from enhetschef_app.services.core.workspace import Workspace
from enhetschef_app.services.month.summary import month_summary

MARCH = weekdays(date(2026, 3, 1), date(2026, 3, 31))  # 22 weekdays, 8 h each


def test_the_dst_nights_are_found() -> None:
    assert dst_change_days(2026) == [
        date(2026, 3, 28),
        date(2026, 3, 29),
        date(2026, 10, 24),
        date(2026, 10, 25),
    ]


def test_sick_hours_percent_and_split_match_the_hand_count(workspace: Workspace) -> None:
    anna = employee(workspace, "1", "Anna Ålund")
    bo = employee(workspace, "2", "Bo Berg", EmploymentForm.FIXED_TERM, end=date(2026, 12, 31))
    cia = employee(workspace, "3", "Cia Dahl")
    tim = employee(workspace, "4", "Tim Vikarie", form=EmploymentForm.HOURLY)
    for person in (anna, bo, cia, tim):
        shifts(workspace, person, MARCH)
    shifts(workspace, None, MARCH)  # vacant rows are nobody's hours
    # The spring night: 21:00–07:00 is ten hours on the clock but nine in fact.
    shifts(workspace, anna, [date(2026, 3, 28)], time(21, 0), time(7, 0), 0)

    absence(workspace, anna, "2026-03-02", "2026-03-03")  # korttid: 16 h
    absence(workspace, anna, "2026-03-27", "2026-03-28")  # korttid: 8 h + the 9 h night
    absence(workspace, bo, "2026-01-10", None, extent=50)  # långtid at 50 %: 22 × 4 h
    absence(workspace, cia, "2026-02-20", "2026-03-10")  # 19 days: 7 March weekdays, 56 h
    absence(workspace, tim, "2026-03-02", "2026-03-06")  # hourly paid: not in the figures
    talk = TalkStep(TalkState.INVITED, date(2026, 3, 20), time(9), "Kontoret")
    apply_talk_step(workspace, anna, talk, as_of=date(2026, 3, 10), today=date(2026, 3, 31))
    held = TalkStep(
        TalkState.HELD, date(2026, 3, 20), text="Avstämning", follow_up=date(2026, 5, 1)
    )
    apply_talk_step(workspace, anna, held, as_of=date(2026, 3, 10), today=date(2026, 3, 31))

    figures = absence_month_figures(workspace, 2026, 3)
    assert figures.scheduled_hours == Decimal("537.00")  # 3 × 176 + 9
    assert figures.short_sick_hours == Decimal("33.00")
    assert figures.middle_sick_hours == Decimal("56.00")
    assert figures.long_sick_hours == Decimal("88.00")
    assert figures.sick_hours == Decimal("177.00")
    assert figures.sick_percent == Decimal("32.96")  # 177 / 537
    assert figures.occasions_started == 3  # Anna's two and Tim's; Bo's and Cia's began earlier
    assert figures.talks_held == 1
    assert figures.talks_due_at_month_end == 0
    assert absence_month_figures(workspace, 2026, 3) == figures  # reproducible


def test_a_month_without_schedule_has_no_percentage(workspace: Workspace) -> None:
    anna = employee(workspace, "1", "Anna Ålund")
    absence(workspace, anna, "2026-04-06", "2026-04-07")
    figures = absence_month_figures(workspace, 2026, 4)
    assert figures.scheduled_hours == Decimal("0.00") and figures.sick_percent is None
    assert figures.occasions_started == 1
    assert figures.as_dict()["month"] == "2026-04"


def test_15_minutes_at_50_percent_are_0_13_hours_on_both_lines(workspace: Workspace) -> None:
    # The sick line and the worked line count the same 750 percent-minutes: both round half up.
    anna = employee(workspace, "1", "Anna Ålund")
    shifts(workspace, anna, [date(2026, 4, 7)], time(7, 0), time(7, 15), 0)
    absence(workspace, anna, "2026-04-07", "2026-04-07", extent=50)
    figures = absence_month_figures(workspace, 2026, 4)
    assert figures.sick_hours == Decimal("0.13")
    assert figures.short_sick_hours == Decimal("0.13")
    summary = month_summary(workspace, 2026, 4)
    assert summary.value("sick_hours") == Decimal("0.13")
    assert summary.value("worked_hours") == Decimal("0.13")
    assert summary.value("scheduled_hours") == Decimal("0.25")

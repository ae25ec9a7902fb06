"""The medarbetarsamtal cycle: which cycle is in force, across the new year; who is expected
(start and leave at the edges, the hourly paid); status, overdue and coverage."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from enhetschef_app.domain.reviews import (
    Coverage,
    Expectation,
    ReviewState,
    TalkFacts,
    TalkStatus,
    coverage,
    cycle_on,
    cycle_starting,
    expectation,
    goal_needs_follow_up,
    review_state,
)
from enhetschef_app.domain.staff import EmploymentForm

PERMANENT = EmploymentForm.PERMANENT
SEP_NOV = cycle_starting(2026, 9, 11)
NOV_FEB = cycle_starting(2026, 11, 2)


def held(day: date, followed: date | None = None) -> TalkFacts:
    return TalkFacts(planned_on=day, booked=True, held_on=day, followed_up_on=followed)


def planned(day: date | None, booked: bool = False) -> TalkFacts:
    return TalkFacts(planned_on=day, booked=booked, held_on=None, followed_up_on=None)


@pytest.mark.parametrize(
    ("day", "start"),
    [
        (date(2026, 9, 1), date(2026, 9, 1)),  # the window opens
        (date(2026, 8, 31), date(2025, 9, 1)),  # the day before: last year's cycle
        (date(2026, 12, 31), date(2026, 9, 1)),
        (date(2027, 1, 1), date(2026, 9, 1)),  # the new year does not start a cycle
    ],
)
def test_the_cycle_in_force_is_the_one_opened_last(day: date, start: date) -> None:
    cycle = cycle_on(day, 9, 11)
    assert cycle.start == start
    assert cycle.end == date(start.year, 11, 30)
    assert cycle.next_start == date(start.year + 1, 9, 1)
    assert cycle.label == str(start.year)


def test_a_cycle_across_the_new_year() -> None:
    assert NOV_FEB.start == date(2026, 11, 1)
    assert NOV_FEB.end == date(2027, 2, 28)
    assert NOV_FEB.label == "2026/27"
    assert cycle_on(date(2027, 1, 15), 11, 2) == NOV_FEB
    assert cycle_on(date(2027, 10, 31), 11, 2) == NOV_FEB
    assert cycle_on(date(2027, 11, 1), 11, 2).start == date(2027, 11, 1)
    assert cycle_on(date(2026, 10, 31), 11, 2).label == "2025/26"
    # A window that ends in February of a leap year ends on the 29th.
    assert cycle_starting(2027, 11, 2).end == date(2028, 2, 29)


def test_a_one_month_window_and_a_window_of_the_whole_year() -> None:
    one = cycle_starting(2026, 10, 10)
    assert (one.start, one.end) == (date(2026, 10, 1), date(2026, 10, 31))
    whole = cycle_starting(2026, 1, 12)
    assert (whole.start, whole.end, whole.next_start) == (
        date(2026, 1, 1),
        date(2026, 12, 31),
        date(2027, 1, 1),
    )


def test_months_outside_1_to_12_are_refused() -> None:
    with pytest.raises(ValueError):
        cycle_starting(2026, 0, 11)
    with pytest.raises(ValueError):
        cycle_on(date(2026, 1, 1), 9, 13)


@given(
    day=st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)),
    start_month=st.integers(1, 12),
    end_month=st.integers(1, 12),
)
def test_every_day_lies_in_exactly_the_cycle_year_of_its_cycle(
    day: date, start_month: int, end_month: int
) -> None:
    cycle = cycle_on(day, start_month, end_month)
    assert cycle.counts_for(day)
    assert cycle.start <= cycle.end < cycle.next_start
    assert (cycle.end - cycle.start).days < 366
    assert not cycle_on(cycle.next_start, start_month, end_month).counts_for(day)


@pytest.mark.parametrize(
    ("form", "start", "end", "expected"),
    [
        (PERMANENT, None, None, Expectation.EXPECTED),
        (PERMANENT, SEP_NOV.start, None, Expectation.EXPECTED),
        (PERMANENT, SEP_NOV.start + timedelta(1), None, Expectation.STARTED_AFTER_START),
        (PERMANENT, date(2027, 1, 10), None, Expectation.STARTED_AFTER_START),
        (PERMANENT, SEP_NOV.next_start, None, Expectation.NOT_EMPLOYED),
        (PERMANENT, date(2010, 1, 1), SEP_NOV.end, Expectation.LEAVES_IN_CYCLE),
        (PERMANENT, date(2010, 1, 1), SEP_NOV.start, Expectation.LEAVES_IN_CYCLE),
        (PERMANENT, date(2010, 1, 1), SEP_NOV.end + timedelta(1), Expectation.EXPECTED),
        (PERMANENT, date(2010, 1, 1), SEP_NOV.start - timedelta(1), Expectation.NOT_EMPLOYED),
        (EmploymentForm.FIXED_TERM, date(2026, 2, 1), date(2027, 1, 31), Expectation.EXPECTED),
        (EmploymentForm.HOURLY, date(2020, 1, 1), None, Expectation.HOURLY),
    ],
)
def test_who_the_cycle_expects(
    form: EmploymentForm, start: date | None, end: date | None, expected: Expectation
) -> None:
    assert expectation(form, start, end, SEP_NOV) is expected


def test_who_is_expected_in_a_cycle_across_the_new_year() -> None:
    # Leaving in January is leaving within the Nov–Feb window; starting in December is late.
    assert expectation(PERMANENT, None, date(2027, 1, 31), NOV_FEB) is Expectation.LEAVES_IN_CYCLE
    assert expectation(PERMANENT, None, date(2027, 3, 1), NOV_FEB) is Expectation.EXPECTED
    assert (
        expectation(PERMANENT, date(2026, 12, 1), None, NOV_FEB) is Expectation.STARTED_AFTER_START
    )


def state(
    day: date, *talks: TalkFacts, expected: Expectation = Expectation.EXPECTED
) -> ReviewState:
    return review_state(SEP_NOV, day, expected, talks)


def test_status_follows_the_talk_from_plan_to_follow_up() -> None:
    day = date(2026, 10, 1)
    assert state(day).status is TalkStatus.NONE
    assert state(day, planned(date(2026, 10, 20))).status is TalkStatus.PLANNED
    assert state(day, planned(date(2026, 10, 20), booked=True)).status is TalkStatus.BOOKED
    assert state(day, held(date(2026, 9, 20))).status is TalkStatus.HELD
    followed = held(date(2026, 9, 20), followed=date(2026, 9, 30))
    assert state(day, followed).status is TalkStatus.FOLLOWED_UP


def test_overdue_only_once_the_window_has_closed() -> None:
    assert not state(SEP_NOV.end).overdue
    assert state(SEP_NOV.end + timedelta(1)).overdue
    # Booked for December: still overdue (the window closed), but it shows as booked.
    late = state(date(2026, 12, 2), planned(date(2026, 12, 10), booked=True))
    assert late.overdue and late.status is TalkStatus.BOOKED
    assert late.planned == date(2026, 12, 10)
    # The hourly paid are never overdue.
    assert not state(date(2027, 1, 5), expected=Expectation.HOURLY).overdue


def test_a_late_talk_counts_for_its_cycle_and_an_early_one_for_the_previous() -> None:
    in_december = state(date(2027, 1, 5), held(date(2026, 12, 14)))
    assert in_december.held_this_cycle and not in_december.overdue
    in_august = state(date(2026, 12, 1), held(date(2026, 8, 31)))
    assert not in_august.held_this_cycle and in_august.overdue
    assert in_august.last_talk == date(2026, 8, 31)
    assert in_august.status is TalkStatus.NONE


def test_the_next_talk_not_held_is_the_planned_one_and_future_records_are_not_held() -> None:
    day = date(2026, 10, 1)
    found = state(day, planned(date(2026, 11, 20)), planned(date(2026, 10, 15), booked=True))
    assert found.planned == date(2026, 10, 15) and found.status is TalkStatus.BOOKED
    later = state(day, held(date(2026, 10, 20)))
    assert later.last_talk is None and not later.held_this_cycle


def test_coverage_counts_only_the_expected() -> None:
    day = date(2026, 12, 1)
    states = [
        state(day, held(date(2026, 9, 10))),
        state(day, held(date(2026, 10, 10))),
        state(day),
        state(day, held(date(2026, 10, 1)), expected=Expectation.HOURLY),
        state(day, expected=Expectation.LEAVES_IN_CYCLE),
    ]
    found = coverage(states)
    assert found == Coverage(expected=3, held=2, overdue=1)
    assert found.percent == Decimal("66.67")
    assert found.remaining == 1
    assert coverage([]).percent is None


@pytest.mark.parametrize(
    ("due", "followed", "day", "needs"),
    [
        (date(2026, 3, 1), None, date(2026, 3, 1), True),
        (date(2026, 3, 2), None, date(2026, 3, 1), False),
        (date(2026, 3, 1), date(2026, 3, 1), date(2026, 4, 1), False),
        (None, None, date(2026, 4, 1), False),
    ],
)
def test_a_goal_is_to_follow_up_from_its_by_when(
    due: date | None, followed: date | None, day: date, needs: bool
) -> None:
    assert goal_needs_follow_up(due, followed, day) is needs

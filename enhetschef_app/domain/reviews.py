"""The medarbetarsamtal cycle: which period is in force, who is expected, each employee's status
and the unit's coverage (DOMAIN.md, Medarbetarsamtal and competence).

A cycle is the window set in the settings (e.g. September–November) in which every expected
employee should have their yearly talk. The *cycle year* runs from the window's first day to the
day before the next window starts: a talk held in that year counts for the cycle, so a talk held
late (in December for a Sep–Nov window) still covers it, but the person was overdue meanwhile.
A window may cross the new year (November–February).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from enhetschef_app.domain.calendar import month_end
from enhetschef_app.domain.rounding import percent
from enhetschef_app.domain.staff import EmploymentForm


@dataclass(frozen=True)
class ReviewCycle:
    start: date  # first day of the window
    end: date  # last day of the window: every expected talk should be held by then
    next_start: date  # the next window's first day; the cycle year ends the day before

    @property
    def label(self) -> str:
        """'2026' for a window within one year, '2026/27' for one that crosses the new year."""
        if self.end.year == self.start.year:
            return str(self.start.year)
        return f"{self.start.year}/{self.end.year % 100:02d}"

    def counts_for(self, day: date) -> bool:
        """Whether a talk held on `day` belongs to this cycle (its cycle year)."""
        return self.start <= day < self.next_start

    def in_window(self, day: date) -> bool:
        return self.start <= day <= self.end

    def is_over(self, day: date) -> bool:
        return day > self.end


def _check_month(month: int) -> None:
    if not 1 <= month <= 12:
        raise ValueError(f"month {month} is not 1–12")


def cycle_starting(year: int, start_month: int, end_month: int) -> ReviewCycle:
    """The cycle whose window opens on the first of `start_month` in `year`."""
    _check_month(start_month)
    _check_month(end_month)
    start = date(year, start_month, 1)
    end_year = year if end_month >= start_month else year + 1
    return ReviewCycle(
        start=start,
        end=month_end(date(end_year, end_month, 1)),
        next_start=date(year + 1, start_month, 1),
    )


def cycle_on(day: date, start_month: int, end_month: int) -> ReviewCycle:
    """The cycle in force on `day`: the one whose window opened most recently (on or before it).

    Before this year's window opens, last year's cycle is still in force: whoever missed it stays
    overdue until the new window starts.
    """
    year = day.year if day.month >= start_month else day.year - 1
    return cycle_starting(year, start_month, end_month)


class Expectation(enum.StrEnum):
    """Whether an employee is expected to have a talk in a cycle, and if not, why."""

    EXPECTED = "forvantas"
    HOURLY = "timavlonad"
    STARTED_AFTER_START = "borjade_efter_start"
    LEAVES_IN_CYCLE = "slutar_under_perioden"
    NOT_EMPLOYED = "ej_anstalld"

    @property
    def label(self) -> str:
        return EXPECTATION_LABELS[self]


EXPECTATION_LABELS: dict[Expectation, str] = {
    Expectation.EXPECTED: "Ska ha samtal",
    Expectation.HOURLY: "Timavlönad – inget årligt samtal",
    Expectation.STARTED_AFTER_START: "Anställd efter periodens start – introduktion i stället",
    Expectation.LEAVES_IN_CYCLE: "Slutar senast vid periodens slut – avslutningssamtal i stället",
    Expectation.NOT_EMPLOYED: "Inte anställd under perioden",
}


def expectation(
    form: EmploymentForm, start: date | None, end: date | None, cycle: ReviewCycle
) -> Expectation:
    """Who the cycle expects a talk with (the denominator of coverage).

    - the hourly paid are not expected (no yearly talk; one held with them is recorded but not
      counted);
    - someone who starts after the window opens has their introduction instead, and their first
      talk in the next cycle;
    - someone whose last day is on or before the window's end gets an avslutningssamtal instead;
    - everyone else employed when the window opens (tillsvidare and visstid) is expected.
    """
    if end is not None and end < cycle.start:
        return Expectation.NOT_EMPLOYED
    if start is not None and start >= cycle.next_start:
        return Expectation.NOT_EMPLOYED
    if form is EmploymentForm.HOURLY:
        return Expectation.HOURLY
    if start is not None and start > cycle.start:
        return Expectation.STARTED_AFTER_START
    if end is not None and end <= cycle.end:
        return Expectation.LEAVES_IN_CYCLE
    return Expectation.EXPECTED


class TalkStatus(enum.StrEnum):
    NONE = "ej_planerat"
    PLANNED = "planerat"  # a date is set, no invitation sent
    BOOKED = "bokat"  # the invitation (.ics) has been made
    HELD = "genomfort"
    FOLLOWED_UP = "uppfoljt"  # held, and its goals followed up

    @property
    def label(self) -> str:
        return TALK_STATUS_LABELS[self]


TALK_STATUS_LABELS: dict[TalkStatus, str] = {
    TalkStatus.NONE: "Ej planerat",
    TalkStatus.PLANNED: "Planerat",
    TalkStatus.BOOKED: "Bokat",
    TalkStatus.HELD: "Genomfört",
    TalkStatus.FOLLOWED_UP: "Uppföljt",
}


@dataclass(frozen=True)
class TalkFacts:
    """One talk as the rules see it."""

    planned_on: date | None
    booked: bool
    held_on: date | None
    followed_up_on: date | None

    @property
    def status(self) -> TalkStatus:
        if self.held_on is not None:
            return TalkStatus.FOLLOWED_UP if self.followed_up_on is not None else TalkStatus.HELD
        if self.booked:
            return TalkStatus.BOOKED
        if self.planned_on is not None:
            return TalkStatus.PLANNED
        return TalkStatus.NONE


@dataclass(frozen=True)
class ReviewState:
    expectation: Expectation
    status: TalkStatus
    last_talk: date | None  # the latest held talk, any cycle
    planned: date | None  # the date of the next talk not yet held
    held_this_cycle: bool
    overdue: bool

    @property
    def expected(self) -> bool:
        return self.expectation is Expectation.EXPECTED


def review_state(
    cycle: ReviewCycle, day: date, expected: Expectation, talks: Iterable[TalkFacts]
) -> ReviewState:
    """One employee's place in the cycle on `day`.

    The status is that of the talk held this cycle (genomfört or uppföljt), otherwise that of the
    next talk not yet held (planerat or bokat), otherwise ej planerat. Overdue: expected, no talk
    held this cycle, and the window's last day has passed.
    """
    held = sorted(
        (t for t in talks if t.held_on is not None and t.held_on <= day),
        key=lambda t: t.held_on or date.min,
    )
    open_talks = sorted(
        (t for t in talks if t.held_on is None),
        key=lambda t: (t.planned_on is None, t.planned_on or date.max),
    )
    this_cycle = [t for t in held if t.held_on is not None and cycle.counts_for(t.held_on)]
    if this_cycle:
        status = this_cycle[-1].status
    elif open_talks:
        status = open_talks[0].status
    else:
        status = TalkStatus.NONE
    held_this_cycle = bool(this_cycle)
    return ReviewState(
        expectation=expected,
        status=status,
        last_talk=held[-1].held_on if held else None,
        planned=open_talks[0].planned_on if open_talks else None,
        held_this_cycle=held_this_cycle,
        overdue=(expected is Expectation.EXPECTED and not held_this_cycle and cycle.is_over(day)),
    )


@dataclass(frozen=True)
class Coverage:
    expected: int
    held: int  # expected employees with a talk held this cycle
    overdue: int

    @property
    def percent(self) -> Decimal | None:
        """Held of expected, in percent to two decimals; None when nobody is expected."""
        if not self.expected:
            return None
        return percent(self.held, self.expected)

    @property
    def remaining(self) -> int:
        return self.expected - self.held


def coverage(states: Sequence[ReviewState]) -> Coverage:
    """The share of expected staff with a talk held this cycle (DOMAIN.md: Coverage)."""
    expected = [s for s in states if s.expected]
    return Coverage(
        expected=len(expected),
        held=sum(1 for s in expected if s.held_this_cycle),
        overdue=sum(1 for s in expected if s.overdue),
    )


def goal_needs_follow_up(due_on: date | None, followed_up_on: date | None, day: date) -> bool:
    """A goal (IUP) whose 'by when' has come and that nobody has followed up yet."""
    return due_on is not None and followed_up_on is None and due_on <= day

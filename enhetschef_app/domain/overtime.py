"""Classifying extra work as mertid (fyllnadstid), enkel or kvalificerad övertid (AB §20–21),
the cost of it, and the ATL limits (DOMAIN.md: Övertid and mertid).

A request is classified minute by minute, so one that spans kinds is split exactly:
1. a timavlönad's minutes up to the month's full-time hours are ordinary hourly work;
2. a part-timer's first minutes fill up to full time (the day's, on a day with an ordinary
   shift, and the week's) as mertid — except on a free Saturday, Sunday or holiday, where all
   of it is kvalificerad övertid;
3. what remains is övertid: enkel within 2 hours before or after an ordinary shift on a
   weekday (not a holiday or eve, not at night), kvalificerad otherwise.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal

from enhetschef_app.domain.calendar import holiday_name
from enhetschef_app.domain.settings_catalog import RuleSettings
from enhetschef_app.domain.shifts import Shift, local_moment
from enhetschef_app.domain.staff import EmploymentForm

ORE = Decimal("0.01")
MINUTE = timedelta(minutes=1)


class ExtraKind(enum.StrEnum):
    HOURLY_ORDINARY = "timavlonad"  # an hourly-paid person's ordinary hours: not overtime
    MERTID = "mertid"
    SIMPLE = "enkel"
    QUALIFIED = "kvalificerad"

    @property
    def label(self) -> str:
        return {
            ExtraKind.HOURLY_ORDINARY: "Timlön (ej övertid)",
            ExtraKind.MERTID: "Mertid/fyllnadstid",
            ExtraKind.SIMPLE: "Enkel övertid",
            ExtraKind.QUALIFIED: "Kvalificerad övertid",
        }[self]


@dataclass(frozen=True)
class OvertimeRules:
    adjacent_window: timedelta = timedelta(hours=2)
    night_start: time = time(20)
    night_end: time = time(6)
    hourly_paid_month: timedelta = timedelta(hours=165)
    simple_rate_percent: int = 180
    qualified_rate_percent: int = 240
    simple_comp_factor: Decimal = Decimal("1.5")
    qualified_comp_factor: Decimal = Decimal("2.0")

    @classmethod
    def from_settings(cls, settings: RuleSettings) -> OvertimeRules:
        return cls(
            night_start=_hour(settings.integer("overtime.night_start_hour")),
            night_end=_hour(settings.integer("overtime.night_end_hour")),
            hourly_paid_month=timedelta(hours=settings.integer("overtime.hourly_paid_month_hours")),
            simple_rate_percent=settings.integer("overtime.simple_rate_percent"),
            qualified_rate_percent=settings.integer("overtime.qualified_rate_percent"),
            simple_comp_factor=settings.decimal("overtime.simple_comp_factor"),
            qualified_comp_factor=settings.decimal("overtime.qualified_comp_factor"),
        )


def _hour(value: int) -> time:
    return time(0) if value == 24 else time(value)


@dataclass(frozen=True)
class WorkerContext:
    """What the classification needs to know of the person around the request."""

    form: EmploymentForm
    grade_percent: Decimal | None
    fulltime_week_hours: Decimal
    ordinary_shifts: Sequence[Shift]  # the person's own shifts around the request's days
    week_worked_before: timedelta = timedelta(0)  # ordinary + approved mertid this ISO week
    month_worked_before: timedelta = timedelta(0)  # for the hourly paid: hours this month

    @property
    def is_part_time(self) -> bool:
        return (
            self.form is not EmploymentForm.HOURLY
            and self.grade_percent is not None
            and self.grade_percent < 100
        )

    @property
    def fulltime_week(self) -> timedelta:
        return timedelta(minutes=float(self.fulltime_week_hours * 60))

    @property
    def fulltime_day(self) -> timedelta:
        return self.fulltime_week / 5


@dataclass(frozen=True)
class Segment:
    kind: ExtraKind
    start: datetime
    end: datetime

    @property
    def minutes(self) -> int:
        return int((self.end - self.start) / MINUTE)


@dataclass(frozen=True)
class Classification:
    segments: tuple[Segment, ...]

    def minutes(self, kind: ExtraKind) -> int:
        return sum(s.minutes for s in self.segments if s.kind is kind)

    @property
    def overtime_minutes(self) -> int:
        return self.minutes(ExtraKind.SIMPLE) + self.minutes(ExtraKind.QUALIFIED)

    def describe(self) -> str:
        return ", ".join(
            f"{s.start:%H:%M}–{s.end:%H:%M} {s.kind.label.lower()}" for s in self.segments
        )


def is_weekday_for_simple_overtime(day: date) -> bool:
    """Monday to Friday, and neither a public holiday nor an eve that AB treats as one."""
    return day.weekday() < 5 and holiday_name(day) is None


def _is_free_weekend_or_holiday(day: date, shifts: Iterable[Shift]) -> bool:
    red = day.weekday() >= 5 or holiday_name(day) is not None
    return red and not any(s.work_date == day for s in shifts)


def _in_night(moment: datetime, rules: OvertimeRules) -> bool:
    at = moment.timetz().replace(tzinfo=None)
    if rules.night_start > rules.night_end:
        return at >= rules.night_start or at < rules.night_end
    return rules.night_start <= at < rules.night_end


def _adjacent(moment: datetime, shifts: Iterable[Shift], window: timedelta) -> bool:
    for shift in shifts:
        if shift.end_at <= moment < shift.end_at + window:
            return True
        if shift.start_at - window <= moment < shift.start_at:
            return True
    return False


def classify(
    work_date: date,
    start: time,
    end: time,
    person: WorkerContext,
    rules: OvertimeRules,
    breaks: Sequence[tuple[time, time]] = (),
) -> Classification:
    """Splits the request (end <= start: it ends the next day) by the minute into kinds."""
    request = Shift("", work_date, start, end)
    break_spans = [
        (request_moment(work_date, start, b_start), request_moment(work_date, start, b_end))
        for b_start, b_end in breaks
    ]
    hourly_left = (
        max(rules.hourly_paid_month - person.month_worked_before, timedelta(0))
        if person.form is EmploymentForm.HOURLY
        else None
    )
    week_left = max(person.fulltime_week - person.week_worked_before, timedelta(0))
    day_left = _day_room(person)

    kinds: list[tuple[datetime, ExtraKind]] = []
    moment = request.start_at
    while moment < request.end_at:
        if any(b_start <= moment < b_end for b_start, b_end in break_spans):
            moment += MINUTE
            continue
        day = moment.date()
        kind: ExtraKind
        if hourly_left is not None and hourly_left > timedelta(0):
            kind = ExtraKind.HOURLY_ORDINARY
            hourly_left -= MINUTE
        elif (
            person.is_part_time
            and not _is_free_weekend_or_holiday(day, person.ordinary_shifts)
            and week_left > timedelta(0)
            and day_left.get(day, week_left) > timedelta(0)
        ):
            kind = ExtraKind.MERTID
            week_left -= MINUTE
            if day in day_left:
                day_left[day] -= MINUTE
        elif (
            is_weekday_for_simple_overtime(day)
            and not _in_night(moment, rules)
            and _adjacent(moment, person.ordinary_shifts, rules.adjacent_window)
        ):
            kind = ExtraKind.SIMPLE
        else:
            kind = ExtraKind.QUALIFIED
        kinds.append((moment, kind))
        moment += MINUTE
    return Classification(tuple(_segments(kinds)))


def request_moment(work_date: date, start: time, at: time) -> datetime:
    """A time inside a request that started at `start` on `work_date` (after midnight: next day)."""
    day = work_date + timedelta(days=1) if at < start else work_date
    return local_moment(day, at)


def _day_room(person: WorkerContext) -> dict[date, timedelta]:
    """On a day with ordinary shifts, mertid fills only up to a full-time day."""
    worked: dict[date, timedelta] = {}
    for shift in person.ordinary_shifts:
        worked[shift.work_date] = worked.get(shift.work_date, timedelta(0)) + shift.worked
    return {day: max(person.fulltime_day - hours, timedelta(0)) for day, hours in worked.items()}


def _segments(kinds: list[tuple[datetime, ExtraKind]]) -> list[Segment]:
    segments: list[Segment] = []
    for moment, kind in kinds:
        last = segments[-1] if segments else None
        if last is not None and last.kind is kind and last.end == moment:
            segments[-1] = Segment(kind, last.start, moment + MINUTE)
        else:
            segments.append(Segment(kind, moment, moment + MINUTE))
    return segments


def hourly_wage(monthly_salary: Decimal, fulltime_week_hours: Decimal) -> Decimal:
    """Timlön = månadslön × 12 / (52 × veckoarbetstid för heltid), exact (rounded at the end)."""
    return monthly_salary * 12 / (52 * fulltime_week_hours)


@dataclass(frozen=True)
class OvertimeCost:
    mertid: Decimal
    simple: Decimal
    qualified: Decimal
    comp_hours: Decimal  # time off instead of money, when the person chooses komp

    @property
    def total(self) -> Decimal:
        return self.mertid + self.simple + self.qualified


def cost_of(
    classification: Classification,
    monthly_salary: Decimal | None,
    fulltime_week_hours: Decimal,
    rules: OvertimeRules,
    as_comp: bool = False,
) -> OvertimeCost:
    """Money per kind, each rounded to öre; with komp the övertid is paid in time instead."""
    simple_h = Decimal(classification.minutes(ExtraKind.SIMPLE)) / 60
    qualified_h = Decimal(classification.minutes(ExtraKind.QUALIFIED)) / 60
    mertid_h = Decimal(classification.minutes(ExtraKind.MERTID)) / 60
    comp = Decimal(0)
    if as_comp:
        comp = simple_h * rules.simple_comp_factor + qualified_h * rules.qualified_comp_factor
    if monthly_salary is None:
        return OvertimeCost(Decimal(0), Decimal(0), Decimal(0), comp.quantize(ORE))
    wage = hourly_wage(monthly_salary, fulltime_week_hours)

    def money(hours: Decimal, percent: int) -> Decimal:
        return (hours * wage * percent / 100).quantize(ORE, rounding=ROUND_HALF_UP)

    return OvertimeCost(
        mertid=money(mertid_h, 100),
        simple=Decimal(0) if as_comp else money(simple_h, rules.simple_rate_percent),
        qualified=Decimal(0) if as_comp else money(qualified_h, rules.qualified_rate_percent),
        comp_hours=comp.quantize(ORE, rounding=ROUND_HALF_UP),
    )

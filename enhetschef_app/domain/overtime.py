"""Classifying extra work as mertid (fyllnadstid), enkel or kvalificerad övertid (AB §20–21),
the cost of it, and the ATL limits (DOMAIN.md: Övertid and mertid).

A request is classified minute by minute, so one that spans kinds is split exactly:
1. a timavlönad's minutes up to the month's full-time hours are ordinary hourly work;
2. a part-timer's first minutes fill up to full time (the day's, on a day with an ordinary
   shift, and the week's) as mertid — except on a free Saturday, Sunday or holiday, where all
   of it is kvalificerad övertid;
3. what remains is övertid: enkel within 2 hours before or after an ordinary shift on a
   weekday (not a holiday or eve, not at night), kvalificerad otherwise.

The minutes are real minutes (`shifts.utc_seconds`, the calendar function of the rest checks):
22:00–06:00 across the night the clocks go back is 9 hours, across the spring night 7. Pay per
hour is the full-time monthly salary divided by AB's divisors (settings), one function for it:
`overtime_cost`.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal

from enhetschef_app.domain.calendar import STOCKHOLM, holiday_name
from enhetschef_app.domain.settings_catalog import RuleSettings
from enhetschef_app.domain.shifts import Shift, elapsed, local_moment, utc_seconds
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
    # AB: pay per hour = full-time monthly salary / divisor.
    simple_divisor: int = 94
    qualified_divisor: int = 72
    mertid_divisor: int = 165
    simple_comp_factor: Decimal = Decimal("1.5")
    qualified_comp_factor: Decimal = Decimal("2.0")

    @classmethod
    def from_settings(cls, settings: RuleSettings) -> OvertimeRules:
        return cls(
            night_start=_hour(settings.integer("overtime.night_start_hour")),
            night_end=_hour(settings.integer("overtime.night_end_hour")),
            hourly_paid_month=timedelta(hours=settings.integer("overtime.hourly_paid_month_hours")),
            simple_divisor=settings.integer("overtime.simple_divisor"),
            qualified_divisor=settings.integer("overtime.qualified_divisor"),
            mertid_divisor=settings.integer("overtime.mertid_divisor"),
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
        """Real minutes, also across a change to or from summer time."""
        return int(elapsed(self.start, self.end) / MINUTE)


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
    at = moment.time()
    if rules.night_start > rules.night_end:
        return at >= rules.night_start or at < rules.night_end
    return rules.night_start <= at < rules.night_end


def _adjacent(moment_s: int, shifts: Iterable[Shift], window_s: int) -> bool:
    for shift in shifts:
        if shift.end_s <= moment_s < shift.end_s + window_s:
            return True
        if shift.start_s - window_s <= moment_s < shift.start_s:
            return True
    return False


def _local(moment_s: int) -> datetime:
    """The Stockholm moment of epoch seconds (the repeated autumn hour keeps its fold)."""
    return datetime.fromtimestamp(moment_s, STOCKHOLM)


def classify(
    work_date: date,
    start: time,
    end: time,
    person: WorkerContext,
    rules: OvertimeRules,
    breaks: Sequence[tuple[time, time]] = (),
) -> Classification:
    """Splits the request (end <= start: it ends the next day) by the real minute into kinds."""
    request = Shift("", work_date, start, end)
    break_spans = [
        (_seconds_at(work_date, start, b_start), _seconds_at(work_date, start, b_end))
        for b_start, b_end in breaks
    ]
    hourly_left = (
        max(rules.hourly_paid_month - person.month_worked_before, timedelta(0))
        if person.form is EmploymentForm.HOURLY
        else None
    )
    week_left = max(person.fulltime_week - person.week_worked_before, timedelta(0))
    day_left = _day_room(person)
    window_s = int(rules.adjacent_window.total_seconds())

    kinds: list[tuple[int, ExtraKind]] = []
    moment_s = request.start_s
    while moment_s < request.end_s:
        if any(b_start <= moment_s < b_end for b_start, b_end in break_spans):
            moment_s += 60
            continue
        moment = _local(moment_s)
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
            and _adjacent(moment_s, person.ordinary_shifts, window_s)
        ):
            kind = ExtraKind.SIMPLE
        else:
            kind = ExtraKind.QUALIFIED
        kinds.append((moment_s, kind))
        moment_s += 60
    return Classification(tuple(_segments(kinds)))


def _seconds_at(work_date: date, start: time, at: time) -> int:
    day = work_date + timedelta(days=1) if at < start else work_date
    return utc_seconds(day, at)


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


def _segments(kinds: list[tuple[int, ExtraKind]]) -> list[Segment]:
    runs: list[tuple[ExtraKind, int, int]] = []
    for moment_s, kind in kinds:
        if runs and runs[-1][0] is kind and runs[-1][2] == moment_s:
            runs[-1] = (kind, runs[-1][1], moment_s + 60)
        else:
            runs.append((kind, moment_s, moment_s + 60))
    return [Segment(kind, _local(first), _local(last)) for kind, first, last in runs]


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


def overtime_cost(
    classification: Classification,
    monthly_salary: Decimal | None,
    rules: OvertimeRules,
    *,
    as_comp: bool = False,
) -> OvertimeCost:
    """What approved extra time costs, per kind, each rounded to öre (AB § 20–21).

    `monthly_salary` is the full-time monthly salary (the staff list's Månadslön, whatever the
    person's grade); per hour mertid earns it / `rules.mertid_divisor`, enkel övertid
    / `rules.simple_divisor` and kvalificerad / `rules.qualified_divisor`. With `as_comp` the
    övertid is taken as time off (`comp_hours`, 1.5 / 2.0 h per hour) and costs no money;
    mertid is always paid. Without a salary every amount is 0 (the caller lists the gap).
    An hourly-paid person's ordinary minutes are not extra time and cost nothing here.
    """
    simple_h = Decimal(classification.minutes(ExtraKind.SIMPLE)) / 60
    qualified_h = Decimal(classification.minutes(ExtraKind.QUALIFIED)) / 60
    mertid_h = Decimal(classification.minutes(ExtraKind.MERTID)) / 60
    comp = Decimal(0)
    if as_comp:
        comp = simple_h * rules.simple_comp_factor + qualified_h * rules.qualified_comp_factor
    comp = comp.quantize(ORE, rounding=ROUND_HALF_UP)
    if monthly_salary is None:
        return OvertimeCost(Decimal(0), Decimal(0), Decimal(0), comp)
    salary = monthly_salary

    def money(hours: Decimal, divisor: int) -> Decimal:
        return (hours * salary / divisor).quantize(ORE, rounding=ROUND_HALF_UP)

    return OvertimeCost(
        mertid=money(mertid_h, rules.mertid_divisor),
        simple=Decimal(0) if as_comp else money(simple_h, rules.simple_divisor),
        qualified=Decimal(0) if as_comp else money(qualified_h, rules.qualified_divisor),
        comp_hours=comp,
    )


def cost_of(
    classification: Classification,
    monthly_salary: Decimal | None,
    fulltime_week_hours: Decimal,
    rules: OvertimeRules,
    as_comp: bool = False,
) -> OvertimeCost:
    """`overtime_cost` under its older signature; the full-time week no longer enters the pay."""
    del fulltime_week_hours
    return overtime_cost(classification, monthly_salary, rules, as_comp=as_comp)

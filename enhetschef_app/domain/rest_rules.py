"""Working-time and rest checks of a schedule (ATL and AB; DOMAIN.md, Working time and rest).

The checks take shifts (planned, or as they turned out after covers and swaps) and return every
breach with who, when, the hours found, the limit and the shifts involved, so the EC can see
why. Limits come from the rule settings; nothing here is hard-coded but the rule names.
"""

from __future__ import annotations

import bisect
import enum
import operator
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, time, timedelta
from functools import lru_cache

from enhetschef_app.domain.calendar import week_start
from enhetschef_app.domain.settings_catalog import RuleSettings
from enhetschef_app.domain.shifts import Shift, elapsed, hours, local_moment, utc_seconds


class RestRule(enum.StrEnum):
    DAILY_REST = "dygnsvila"
    WEEKLY_REST = "veckovila"
    OVERLAP = "overlap"
    CONSECUTIVE_DAYS = "consecutive_days"
    BREAK = "rast"
    WEEKLY_HOURS = "weekly_hours"
    AVERAGE_48H = "atl_48h"

    @property
    def label(self) -> str:
        return RULE_LABELS[self]


RULE_LABELS = {
    RestRule.DAILY_REST: "Dygnsvila",
    RestRule.WEEKLY_REST: "Veckovila",
    RestRule.OVERLAP: "Överlappande pass",
    RestRule.CONSECUTIVE_DAYS: "Arbetsdagar i följd",
    RestRule.BREAK: "Rast saknas",
    RestRule.WEEKLY_HOURS: "Veckoarbetstid",
    RestRule.AVERAGE_48H: "Genomsnitt 48 h/vecka",
}


@dataclass(frozen=True)
class RestLimits:
    daily_rest: timedelta = timedelta(hours=11)
    weekly_rest: timedelta = timedelta(hours=36)
    break_after: timedelta = timedelta(hours=5)
    max_consecutive_days: int = 6
    average_week: timedelta = timedelta(hours=48)
    average_months: int = 4
    # A night shift may have a paid måltidsuppehåll instead of a rast (ATL 15 §, 2nd para).
    night_meal_break: bool = True

    @classmethod
    def from_settings(cls, settings: RuleSettings) -> RestLimits:
        def span(key: str) -> timedelta:
            return timedelta(minutes=float(settings.decimal(key) * 60))

        return cls(
            daily_rest=span("rest.daily_rest_hours"),
            weekly_rest=span("rest.weekly_rest_hours"),
            break_after=span("rest.break_after_hours"),
            max_consecutive_days=settings.integer("rest.max_consecutive_days"),
            average_week=span("rest.average_week_hours"),
            average_months=settings.integer("rest.average_months"),
            night_meal_break=settings.flag("rest.night_meal_break"),
        )


Day = date  # the field `date` of a breach hides the type inside its class


@dataclass(frozen=True)
class Breach:
    """One broken rule. `found` and `limit` are hours, except for consecutive_days: days."""

    employee_no: str
    rule: RestRule
    date: date
    found: float
    limit: float
    shifts: tuple[Shift, ...]
    # The 48-hour average: the calculation period, and the last planned day when the period
    # reaches past it (the average is then of what is planned).
    period: tuple[Day, Day] | None = None
    planned_through: Day | None = None

    def explain(self) -> str:
        found = _number(self.found)
        limit = _number(self.limit)
        listed = " och ".join(s.describe() for s in self.shifts[:2])
        if self.rule is RestRule.DAILY_REST:
            return f"Dygnsvila {found} h mellan {listed} (minst {limit} h)."
        if self.rule is RestRule.OVERLAP:
            return f"Passen {listed} överlappar med {found} h."
        if self.rule is RestRule.WEEKLY_REST:
            week = self.date.isocalendar().week
            return f"v. {week}: längsta ledighet är {found} h (minst {limit} h sammanhängande)."
        if self.rule is RestRule.CONSECUTIVE_DAYS:
            return (
                f"{found} arbetsdagar i följd till och med {self.date.isoformat()} (högst {limit})."
            )
        if self.rule is RestRule.BREAK:
            return f"Passet {listed} är {found} h utan rast (rast senast efter {limit} h)."
        if self.rule is RestRule.WEEKLY_HOURS:
            week = self.date.isocalendar().week
            return f"v. {week}: {found} h schemalagt, mer än heltid {limit} h."
        first, last = self.period or (self.date, self.date)
        text = (
            f"Beräkningsperioden {first.isoformat()}–{last.isoformat()}: i genomsnitt {found} h "
            f"per vecka (högst {limit} h)."
        )
        if self.planned_through is not None:
            text += (
                f" Perioden når förbi det som är planerat ({self.planned_through.isoformat()}) "
                "och bedöms på det planerade."
            )
        return text


def _number(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def check_rest_rules(
    shifts: Iterable[Shift],
    first: date,
    last: date,
    limits: RestLimits,
    week_limits: Mapping[str, timedelta] | None = None,
    rules: Collection[RestRule] | None = None,
) -> list[Breach]:
    """Every breach dated within first..last. Pass shifts from a week before `first` (and four
    months before, for the 48-hour average) so that rest across the edge is seen.

    `rules` limits the check to some rules (the week grid leaves out the four-month average,
    which needs months of shifts); all of them by default.
    """
    wanted = set(RestRule) if rules is None else set(rules)
    by_person: dict[str, list[Shift]] = defaultdict(list)
    for shift in shifts:
        by_person[shift.employee_no].append(shift)
    windows = _week_windows(first, last) if RestRule.WEEKLY_REST in wanted else []
    planned = _planned_span(by_person.values())
    found: list[Breach] = []
    for employee_no, own in by_person.items():
        own.sort(key=_start_and_end)
        if wanted & {RestRule.DAILY_REST, RestRule.OVERLAP}:
            found += _rest_between_shifts(own, limits, wanted)
        if windows:
            found += _weekly_rest(own, windows, first, limits)
        if RestRule.CONSECUTIVE_DAYS in wanted:
            found += _consecutive_days(own, first, limits)
        if RestRule.BREAK in wanted:
            found += _breaks(own, first, last, limits)
        if RestRule.WEEKLY_HOURS in wanted and week_limits and employee_no in week_limits:
            found += _weekly_hours(own, first, last, week_limits[employee_no])
        if RestRule.AVERAGE_48H in wanted:
            found += _average_hours(own, first, last, limits, planned)
    inside = [b for b in found if first <= b.date <= last]
    return sorted(inside, key=lambda b: (b.date, b.employee_no, b.rule.value))


_start_and_end = operator.attrgetter("start_s", "end_s")


def _seconds(span: timedelta) -> int:
    return int(span.total_seconds())


def _rest_between_shifts(
    own: list[Shift], limits: RestLimits, wanted: Collection[RestRule]
) -> list[Breach]:
    """Rest after every shift (AB): a shift that starts where the last ended continues it."""
    result: list[Breach] = []
    daily_rest = _seconds(limits.daily_rest)
    latest: Shift | None = None
    for shift in own:
        if latest is not None:
            gap = shift.start_s - latest.end_s
            if gap < 0 and RestRule.OVERLAP in wanted:
                overlap = min(latest.end_s, shift.end_s) - shift.start_s
                result.append(
                    Breach(
                        shift.employee_no,
                        RestRule.OVERLAP,
                        shift.work_date,
                        hours(timedelta(seconds=overlap)),
                        0.0,
                        (latest, shift),
                    )
                )
            elif 0 < gap < daily_rest and RestRule.DAILY_REST in wanted:
                result.append(
                    Breach(
                        shift.employee_no,
                        RestRule.DAILY_REST,
                        shift.work_date,
                        hours(timedelta(seconds=gap)),
                        hours(limits.daily_rest),
                        (latest, shift),
                    )
                )
        if latest is None or shift.end_s > latest.end_s:
            latest = shift
    return result


def _week_windows(first: date, last: date) -> list[tuple[date, int, int]]:
    """The ISO weeks (Monday 00:00 to the next Monday 00:00, local time) that touch first..last,
    in epoch seconds. The seven-day periods of veckovila are the calendar weeks, as scheduling
    systems and agreements fix them: a rolling window from every midnight would cut every free
    weekend in two and flag an ordinary Monday-to-Friday schedule."""
    windows = []
    monday = week_start(first)
    while monday <= last:
        windows.append(
            (monday, utc_seconds(monday, time(0)), utc_seconds(monday + timedelta(days=7), time(0)))
        )
        monday += timedelta(days=7)
    return windows


def _weekly_rest(
    own: list[Shift], windows: list[tuple[date, int, int]], first: date, limits: RestLimits
) -> list[Breach]:
    """One breach for each week without a free stretch of the weekly rest, dated by the
    week's Monday (or the period's first day, when the week began before it)."""
    result: list[Breach] = []
    needed = limits.weekly_rest.total_seconds()
    for monday, start, end in windows:
        inside = [s for s in own if s.end_s > start and s.start_s < end]
        longest = _longest_free(inside, start, end)
        if longest < needed:
            result.append(
                Breach(
                    own[0].employee_no,
                    RestRule.WEEKLY_REST,
                    max(monday, first),
                    hours(timedelta(seconds=longest)),
                    hours(limits.weekly_rest),
                    tuple(inside),
                )
            )
    return result


def _longest_free(inside: list[Shift], start: int, end: int) -> int:
    longest = 0
    free_from = start
    for shift in inside:  # sorted by start
        if shift.start_s > free_from:
            longest = max(longest, shift.start_s - free_from)
        if shift.end_s > free_from:
            free_from = shift.end_s
    if end > free_from:
        longest = max(longest, end - free_from)
    return longest


def _consecutive_days(own: list[Shift], first: date, limits: RestLimits) -> list[Breach]:
    days = sorted({s.work_date for s in own})
    result: list[Breach] = []
    run_start: date | None = None
    previous: date | None = None
    for day in days:
        if previous is None or day - previous != timedelta(days=1):
            run_start = day
        previous = day
        assert run_start is not None
        length = (day - run_start).days + 1
        if length == limits.max_consecutive_days + 1 and day >= first:
            start = run_start
            shifts = tuple(s for s in own if start <= s.work_date <= day)
            result.append(
                Breach(
                    own[0].employee_no,
                    RestRule.CONSECUTIVE_DAYS,
                    day,
                    float(length),
                    float(limits.max_consecutive_days),
                    shifts,
                )
            )
    return result


@lru_cache(maxsize=4096)
def _is_night(work_date: date, start: time, end: time) -> bool:
    """Most of the shift lies between 22:00 and 06:00."""
    shift = Shift("", work_date, start, end)
    night = timedelta(0)
    for offset in (-1, 0, 1):
        evening = shift.work_date + timedelta(days=offset)
        night_start = local_moment(evening, time(22))
        night_end = local_moment(evening + timedelta(days=1), time(6))
        overlap_start = max(night_start, shift.start_at)
        overlap_end = min(night_end, shift.end_at)
        if overlap_end > overlap_start:
            night += elapsed(overlap_start, overlap_end)
    return night * 2 > shift.length


def _is_night_shift(shift: Shift) -> bool:
    return _is_night(shift.work_date, shift.start, shift.end)


def _breaks(own: list[Shift], first: date, last: date, limits: RestLimits) -> list[Breach]:
    result: list[Breach] = []
    break_after = _seconds(limits.break_after)
    for shift in own:
        if shift.break_minutes > 0 or not first <= shift.work_date <= last:
            continue
        if shift.end_s - shift.start_s <= break_after:
            continue
        if limits.night_meal_break and _is_night_shift(shift):
            continue
        result.append(
            Breach(
                shift.employee_no,
                RestRule.BREAK,
                shift.work_date,
                hours(shift.length),
                hours(limits.break_after),
                (shift,),
            )
        )
    return result


def _weekly_hours(own: list[Shift], first: date, last: date, limit: timedelta) -> list[Breach]:
    weeks: dict[date, list[Shift]] = defaultdict(list)
    for shift in own:
        monday = week_start(shift.work_date)
        if monday + timedelta(days=6) >= first and monday <= last:
            weeks[monday].append(shift)
    result: list[Breach] = []
    for monday, shifts in sorted(weeks.items()):
        worked = timedelta(seconds=sum(s.worked_s for s in shifts))
        if worked > limit:
            result.append(
                Breach(
                    own[0].employee_no,
                    RestRule.WEEKLY_HOURS,
                    monday,
                    hours(worked),
                    hours(limit),
                    tuple(shifts),
                )
            )
    return result


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _planned_span(people: Iterable[list[Shift]]) -> tuple[date, date] | None:
    """The first and last day with any shift: what the schedule holds."""
    days = [s.work_date for own in people for s in own]
    return (min(days), max(days)) if days else None


def average_periods(first: date, last: date, months: int) -> list[tuple[date, date]]:
    """Every calculation period of `months` calendar months (one starting each month) that
    overlaps first..last, as (first day, last day)."""
    periods = []
    start = _add_months(first.replace(day=1), 1 - months)
    while start <= last:
        periods.append((start, _add_months(start, months) - timedelta(days=1)))
        start = _add_months(start, 1)
    return periods


def _average_hours(
    own: list[Shift],
    first: date,
    last: date,
    limits: RestLimits,
    planned: tuple[date, date] | None,
) -> list[Breach]:
    """The 48-hour average (ATL 10 b §) in every calculation period that overlaps first..last.

    A period that reaches past the schedule (before its first or after its last planned day) is
    judged on the planned part of it: the hours planned over the weeks planned (at least one),
    and the breach says so."""
    result: list[Breach] = []
    days = [s.work_date for s in own]  # in order: shifts are sorted by their start
    worked_before = [0]
    for shift in own:
        worked_before.append(worked_before[-1] + shift.worked_s)
    for period_start, period_end in average_periods(first, last, limits.average_months):
        low = bisect.bisect_left(days, period_start)
        high = bisect.bisect_right(days, period_end)
        if low == high:
            continue
        judged_from, judged_to = period_start, period_end
        # A week without shifts at an edge is a free week, not a schedule not yet made.
        if planned is not None and (planned[0] - period_start).days > 7:
            judged_from = planned[0]
        if planned is not None and (period_end - planned[1]).days > 7:
            judged_to = planned[1]
        partial = (judged_from, judged_to) != (period_start, period_end)
        weeks = max((judged_to - judged_from).days + 1, 7) / 7
        average = timedelta(seconds=(worked_before[high] - worked_before[low]) / weeks)
        if average > limits.average_week:
            result.append(
                Breach(
                    own[0].employee_no,
                    RestRule.AVERAGE_48H,
                    max(period_start, first),
                    hours(average),
                    hours(limits.average_week),
                    tuple(own[low:high]),
                    period=(period_start, period_end),
                    planned_through=judged_to if partial and planned is not None else None,
                )
            )
    return result

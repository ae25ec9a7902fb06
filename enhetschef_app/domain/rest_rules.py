"""Working-time and rest checks of a schedule (ATL and AB; DOMAIN.md, Working time and rest).

The checks take shifts (planned, or as they turned out after covers and swaps) and return every
breach with who, when, the hours found, the limit and the shifts involved, so the EC can see
why. Limits come from the rule settings; nothing here is hard-coded but the rule names.
"""

from __future__ import annotations

import enum
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from enhetschef_app.domain.calendar import week_start
from enhetschef_app.domain.settings_catalog import RuleSettings
from enhetschef_app.domain.shifts import Shift, elapsed, hours, local_moment


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
            night_meal_break=settings.flag("rest.night_meal_break"),
        )


@dataclass(frozen=True)
class Breach:
    """One broken rule. `found` and `limit` are hours, except for consecutive_days: days."""

    employee_no: str
    rule: RestRule
    date: date
    found: float
    limit: float
    shifts: tuple[Shift, ...]

    def explain(self) -> str:
        found = _number(self.found)
        limit = _number(self.limit)
        listed = " och ".join(s.describe() for s in self.shifts[:2])
        if self.rule is RestRule.DAILY_REST:
            return f"Dygnsvila {found} h mellan {listed} (minst {limit} h)."
        if self.rule is RestRule.OVERLAP:
            return f"Passen {listed} överlappar med {found} h."
        if self.rule is RestRule.WEEKLY_REST:
            end = self.date + timedelta(days=6)
            return (
                f"Längsta ledighet {self.date.isoformat()}–{end.isoformat()} är {found} h "
                f"(minst {limit} h sammanhängande)."
            )
        if self.rule is RestRule.CONSECUTIVE_DAYS:
            return (
                f"{found} arbetsdagar i följd till och med {self.date.isoformat()} (högst {limit})."
            )
        if self.rule is RestRule.BREAK:
            return f"Passet {listed} är {found} h utan rast (rast senast efter {limit} h)."
        if self.rule is RestRule.WEEKLY_HOURS:
            week = self.date.isocalendar().week
            return f"v. {week}: {found} h schemalagt, mer än heltid {limit} h."
        return (
            f"Fyra månader från {self.date.isoformat()}: i genomsnitt {found} h per vecka "
            f"(högst {limit} h)."
        )


def _number(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def check_rest_rules(
    shifts: Iterable[Shift],
    first: date,
    last: date,
    limits: RestLimits,
    week_limits: Mapping[str, timedelta] | None = None,
) -> list[Breach]:
    """Every breach dated within first..last. Pass shifts from a week before `first` (and four
    months before, for the 48-hour average) so that rest across the edge is seen."""
    by_person: dict[str, list[Shift]] = defaultdict(list)
    for shift in shifts:
        by_person[shift.employee_no].append(shift)
    found: list[Breach] = []
    for employee_no, own in by_person.items():
        own.sort(key=lambda s: (s.start_at, s.end_at))
        found += _rest_between_shifts(own, limits)
        found += _weekly_rest(own, first, last, limits)
        found += _consecutive_days(own, limits)
        found += _breaks(own, limits)
        if week_limits and employee_no in week_limits:
            found += _weekly_hours(own, week_limits[employee_no])
        found += _average_hours(own, first, last, limits)
    inside = [b for b in found if first <= b.date <= last]
    return sorted(inside, key=lambda b: (b.date, b.employee_no, b.rule.value))


def _rest_between_shifts(own: list[Shift], limits: RestLimits) -> list[Breach]:
    """Rest after every shift (AB): a shift that starts where the last ended continues it."""
    result: list[Breach] = []
    latest: Shift | None = None
    for shift in own:
        if latest is not None:
            gap = elapsed(latest.end_at, shift.start_at)
            if gap < timedelta(0):
                overlap = min(latest.end_at, shift.end_at)
                result.append(
                    Breach(
                        shift.employee_no,
                        RestRule.OVERLAP,
                        shift.work_date,
                        hours(elapsed(shift.start_at, overlap)),
                        0.0,
                        (latest, shift),
                    )
                )
            elif timedelta(0) < gap < limits.daily_rest:
                result.append(
                    Breach(
                        shift.employee_no,
                        RestRule.DAILY_REST,
                        shift.work_date,
                        hours(gap),
                        hours(limits.daily_rest),
                        (latest, shift),
                    )
                )
        if latest is None or shift.end_at > latest.end_at:
            latest = shift
    return result


def _weekly_rest(own: list[Shift], first: date, last: date, limits: RestLimits) -> list[Breach]:
    """Every 7-day period from each midnight must hold one free stretch of the weekly rest.

    A run of periods that all fail is one breach, dated by its first period.
    """
    result: list[Breach] = []
    in_run = False
    day = first
    while day <= last:
        start = local_moment(day, time(0))
        end = local_moment(day + timedelta(days=7), time(0))
        inside = [s for s in own if s.end_at > start and s.start_at < end]
        longest = _longest_free(inside, start, end)
        failing = longest < limits.weekly_rest
        if failing and not in_run:
            result.append(
                Breach(
                    own[0].employee_no,
                    RestRule.WEEKLY_REST,
                    day,
                    hours(longest),
                    hours(limits.weekly_rest),
                    tuple(inside),
                )
            )
        in_run = failing
        day += timedelta(days=1)
    return result


def _longest_free(inside: list[Shift], start: datetime, end: datetime) -> timedelta:
    longest = timedelta(0)
    free_from = start
    for shift in inside:  # sorted by start
        if shift.start_at > free_from:
            longest = max(longest, elapsed(free_from, shift.start_at))
        if shift.end_at > free_from:
            free_from = shift.end_at
    if end > free_from:
        longest = max(longest, elapsed(free_from, end))
    return longest


def _consecutive_days(own: list[Shift], limits: RestLimits) -> list[Breach]:
    days = sorted({s.work_date for s in own})
    result: list[Breach] = []
    run: list[date] = []
    for day in days:
        run = [*run, day] if run and day - run[-1] == timedelta(days=1) else [day]
        if len(run) == limits.max_consecutive_days + 1:
            shifts = tuple(s for s in own if run[0] <= s.work_date <= day)
            result.append(
                Breach(
                    own[0].employee_no,
                    RestRule.CONSECUTIVE_DAYS,
                    day,
                    float(len(run)),
                    float(limits.max_consecutive_days),
                    shifts,
                )
            )
    return result


def _is_night_shift(shift: Shift) -> bool:
    """Most of the shift lies between 22:00 and 06:00."""
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


def _breaks(own: list[Shift], limits: RestLimits) -> list[Breach]:
    result: list[Breach] = []
    for shift in own:
        if shift.break_minutes > 0 or shift.length <= limits.break_after:
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


def _weekly_hours(own: list[Shift], limit: timedelta) -> list[Breach]:
    weeks: dict[date, list[Shift]] = defaultdict(list)
    for shift in own:
        weeks[week_start(shift.work_date)].append(shift)
    result: list[Breach] = []
    for monday, shifts in sorted(weeks.items()):
        worked = sum((s.worked for s in shifts), timedelta(0))
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


def _average_hours(own: list[Shift], first: date, last: date, limits: RestLimits) -> list[Breach]:
    """The 48-hour average over periods of four calendar months starting each month."""
    result: list[Breach] = []
    period_start = _add_months(first.replace(day=1), 0)
    while period_start <= last:
        period_end = _add_months(period_start, limits.average_months)
        shifts = tuple(s for s in own if period_start <= s.work_date < period_end)
        worked = sum((s.worked for s in shifts), timedelta(0))
        weeks = (period_end - period_start).days / 7
        average = worked / weeks
        if average > limits.average_week:
            result.append(
                Breach(
                    own[0].employee_no,
                    RestRule.AVERAGE_48H,
                    max(period_start, first),
                    hours(average),
                    hours(limits.average_week),
                    shifts,
                )
            )
        period_start = _add_months(period_start, 1)
    return result

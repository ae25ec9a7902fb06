"""Whether a person was free on the days between two absence records (DOMAIN.md: days without a
shift in between do not break a spell).

The person's own schedule decides where the unit has one. Where it has none (before the first
imported week, after the last) the usual days off stand in: Saturday, Sunday, public holidays and
the eves AB treats as holidays. Elder care works weekends too, so the fallback is a guess; it only
matters for absences registered outside the imported schedule, and the explanation names it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from enhetschef_app.domain.calendar import holiday_name


def is_usual_day_off(day: date) -> bool:
    """Saturday, Sunday, a public holiday or a holiday eve."""
    return day.weekday() >= 5 or holiday_name(day) is not None


@dataclass(frozen=True)
class ScheduleSpan:
    """The days the unit's schedule covers, both ends included."""

    first: date
    last: date

    def covers(self, day: date) -> bool:
        return self.first <= day <= self.last


def gap_is_free(
    first: date, last: date, first_shift: date | None, span: ScheduleSpan | None
) -> bool:
    """True when nobody expected the person at work on any day `first`..`last`.

    `first_shift` is the first day in the run with one of the person's shifts (None: no shift
    in the part the schedule covers). Days outside `span` fall back to the usual days off.
    """
    if first_shift is not None and first <= first_shift <= last:
        return False
    day = first
    while day <= last:
        if span is not None and span.covers(day):
            day = span.last + timedelta(days=1)  # the schedule answered for these days
            continue
        if not is_usual_day_off(day):
            return False
        day += timedelta(days=1)
    return True


def clamp_to_span(first: date, last: date, span: ScheduleSpan | None) -> tuple[date, date] | None:
    """The part of a run of days the schedule covers; None when it covers none of it."""
    if span is None:
        return None
    start, end = max(first, span.first), min(last, span.last)
    return (start, end) if start <= end else None

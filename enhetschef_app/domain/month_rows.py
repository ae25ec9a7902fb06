"""A month's schedule rows as the month summary counts them: hours worked, by whom, and the
empty rows with how they were filled.

Storage counts the rows in groups that share everything these rules look at (times, the
holder's employment form and absence, the cover); the rules here turn the groups into figures.
The states follow `domain.actual_schedule.row_states`, so the month report and the Schema page
agree on what is empty and what is worked:

- a resurspass given up to cover another row (*released*) is neither worked nor empty;
- a row whose own person is present is worked by that person;
- an absent person's resurspass leaves no gap;
- an empty row (no person, or the person absent) that a present person covers is *filled* and
  worked by the coverer; otherwise it is *unfilled*.

Partial absence (50 % sick): the row is empty as the Schema page shows it, and the present
part of it counts as worked by its own person unless someone covers the row.
"""

from __future__ import annotations

import enum
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, time, timedelta

from enhetschef_app.domain.calendar import month_end
from enhetschef_app.domain.shifts import Shift
from enhetschef_app.domain.staff import EmploymentForm

MINUTES_PER_DAY = 24 * 60
HOURLY = EmploymentForm.HOURLY.value
SHORT_SPELL_DAYS = 14
LONG_SPELL_DAYS = 60


def dst_change_days(year: int) -> list[date]:
    """The last Sundays of March and October, and the Saturdays before (a night shift)."""
    found: list[date] = []
    for month in (3, 10):
        last = month_end(date(year, month, 1))
        sunday = last - timedelta(days=(last.weekday() + 1) % 7)
        found += [sunday - timedelta(days=1), sunday]
    return found


def dst_change_days_between(first: date, last: date) -> list[date]:
    """The days from `first` to `last` (one year) whose rows need the date for their length."""
    return [d for d in dst_change_days(first.year) if first <= d <= last]


def wall_clock_minutes(start: time, end: time, break_minutes: int) -> int:
    """A row's length on the clock less the rast; a row whose end is not after its start ends
    the next day. What storage sums in SQL, so it must stay this simple."""
    start_minute = start.hour * 60 + start.minute
    end_minute = end.hour * 60 + end.minute
    length = end_minute - start_minute + (MINUTES_PER_DAY if end_minute <= start_minute else 0)
    return max(length - break_minutes, 0)


def row_minutes(start: time, end: time, break_minutes: int, day: date | None = None) -> int:
    """One row's working minutes: its real length across midnight and DST, less rast. Without
    a day (any day but the two a year when the clocks change) the wall clock is the length."""
    if day is None:
        return wall_clock_minutes(start, end, break_minutes)
    real = Shift("", day, start, end, break_minutes).worked
    return int(real.total_seconds() // 60)


def clock_change_correction(day: date, start: time, end: time, break_minutes: int) -> int:
    """Minutes to add to a row's wall-clock length on `day` for its real length (−60 on the
    spring night, +60 on the autumn night, 0 for a row the change does not cross)."""
    return row_minutes(start, end, break_minutes, day) - wall_clock_minutes(
        start, end, break_minutes
    )


class SickBand(enum.StrEnum):
    """Korttid, mellan and långtid: a sick spell by its length in calendar days."""

    SHORT = "short"
    MIDDLE = "middle"
    LONG = "long"


def sick_band(spell_days: int) -> SickBand:
    """Korttid 1–14 days, långtid 60 days or more, mellan between."""
    if spell_days <= SHORT_SPELL_DAYS:
        return SickBand.SHORT
    if spell_days >= LONG_SPELL_DAYS:
        return SickBand.LONG
    return SickBand.MIDDLE


@dataclass(frozen=True)
class RowGroup:
    """`count` rows of a month alike in everything the rules read."""

    start: time
    end: time
    break_minutes: int
    count: int
    holder_form: str | None  # None: a vacant row
    holder_absent_percent: int = 0  # the holder's absences that day, summed (0: present)
    is_resurspass: bool = False
    cover_kind: str | None = None  # a CoverKind value when someone was recorded as cover
    cover_form: str | None = None
    cover_holds: bool = False  # the cover's person was not absent that day
    released: bool = False  # a resurspass given up for a cover that holds
    day: date | None = None  # only on the days the clocks change: the length needs the date

    def minutes(self) -> int:
        """One row's working minutes: its real length across midnight and DST, less rast."""
        return row_minutes(self.start, self.end, self.break_minutes, self.day)

    @property
    def present_percent(self) -> int:
        return max(0, 100 - min(100, self.holder_absent_percent))


@dataclass(frozen=True)
class MonthRowFigures:
    worked_percent_minutes: int  # minutes × share in percent: 6 000 make an hour
    hourly_paid_percent_minutes: int
    empty_rows: int
    filled_by: dict[str, int] = field(default_factory=dict)  # cover kind → rows

    @property
    def filled(self) -> int:
        return sum(self.filled_by.values())

    @property
    def unfilled(self) -> int:
        return self.empty_rows - self.filled


def month_row_figures(groups: list[RowGroup]) -> MonthRowFigures:
    worked = 0
    hourly = 0
    empty = 0
    filled: Counter[str] = Counter()
    for group in groups:
        row_minutes = group.minutes() * group.count
        present = group.holder_form is not None and group.holder_absent_percent <= 0
        if group.released:
            continue
        if present:
            worked += row_minutes * 100
            hourly += row_minutes * 100 if group.holder_form == HOURLY else 0
            continue
        # The holder's present part, if any (a vacant row has none).
        own_part = 0 if group.holder_form is None else row_minutes * group.present_percent
        if group.is_resurspass and group.holder_form is not None:
            worked += own_part
            hourly += own_part if group.holder_form == HOURLY else 0
            continue
        empty += group.count
        if group.cover_kind is not None and group.cover_holds:
            filled[group.cover_kind] += group.count
            worked += row_minutes * 100
            hourly += row_minutes * 100 if group.cover_form == HOURLY else 0
        else:
            worked += own_part
            hourly += own_part if group.holder_form == HOURLY else 0
    return MonthRowFigures(
        worked_percent_minutes=worked,
        hourly_paid_percent_minutes=hourly,
        empty_rows=empty,
        filled_by=dict(sorted(filled.items())),
    )

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

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, time

from enhetschef_app.domain.shifts import Shift
from enhetschef_app.domain.staff import EmploymentForm

MINUTES_PER_DAY = 24 * 60
HOURLY = EmploymentForm.HOURLY.value


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
        if self.day is not None:
            real = Shift("", self.day, self.start, self.end, self.break_minutes).worked
            return int(real.total_seconds() // 60)
        start = self.start.hour * 60 + self.start.minute
        end = self.end.hour * 60 + self.end.minute
        length = end - start + (MINUTES_PER_DAY if end <= start else 0)
        return max(length - self.break_minutes, 0)

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

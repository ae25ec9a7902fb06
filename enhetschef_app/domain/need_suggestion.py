"""A first staffing need read off an imported schedule, for a unit that has none yet.

The schedule's rows (tom rad included: it is a place the unit means to fill) are counted in
three usual bands – dag, kväll, natt – the way staffing is counted against need (a row counts
when it covers half the band). Per weekday the suggestion is the median over the schedule's
dates, so one odd week does not set the need. Resurspass are left out: they are extra hands,
not the need. The EC edits the suggestion before it is saved.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, time, timedelta
from statistics import median_high

from enhetschef_app.domain.actual_schedule import RowShift
from enhetschef_app.domain.shifts import Shift
from enhetschef_app.domain.staffing import NeedBand, staffing_of_day

SUGGESTED_BANDS: tuple[tuple[time, time], ...] = (
    (time(7, 0), time(15, 0)),
    (time(15, 0), time(22, 0)),
    (time(22, 0), time(7, 0)),
)


def suggest_need(rows: Sequence[RowShift]) -> list[NeedBand]:
    """One band list per weekday that the schedule has dates for; empty without rows."""
    counted = [row for row in rows if not row.is_resurspass]
    dates = sorted({row.work_date for row in counted})
    if not dates:
        return []
    shifts_on: dict[date, list[Shift]] = defaultdict(list)
    for row in counted:
        shifts_on[row.work_date].append(row.for_person(row.employee_no or ""))
    by_date: dict[date, list[int]] = {}
    for day in dates:
        needs = [NeedBand(day.weekday(), start, end, 0) for start, end in SUGGESTED_BANDS]
        # Yesterday's night shift still covers this morning's early hours.
        near = shifts_on[day - timedelta(days=1)] + shifts_on[day]
        by_date[day] = [band.staffed for band in staffing_of_day(day, needs, near)]
    per_weekday: dict[int, list[list[int]]] = defaultdict(list)
    for day, counts in by_date.items():
        per_weekday[day.weekday()].append(counts)
    suggestion: list[NeedBand] = []
    for weekday in sorted(per_weekday):
        samples = per_weekday[weekday]
        for index, (start, end) in enumerate(SUGGESTED_BANDS):
            count = int(median_high(sample[index] for sample in samples))
            suggestion.append(NeedBand(weekday, start, end, count))
    return suggestion

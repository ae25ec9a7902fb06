"""Staffing against need (bemanningsbehov) per time band of a day: one count for Översikt,
Dagsuppföljning and the command line (`band_staffing`).

A resurspass has no fixed place: it staffs a band only once it is placed on an empty row (a
cover), and is a reserve until then, on every page.

The need is given per weekday and time band, with holidays as a column of their own
(`HOLIDAY`): on a public holiday or an eve AB treats as one, the holiday column applies when the
unit has one. A shift counts in a band when it covers at least half of it, so a handover half
hour does not count a day shift in the evening band. A band or shift that ends at or before it
starts runs past midnight; last night's shift still staffs this morning's early band.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, time, timedelta

from enhetschef_app.domain.actual_schedule import RowState, RowStatus
from enhetschef_app.domain.calendar import holiday_name
from enhetschef_app.domain.shifts import Shift, utc_seconds

HOLIDAY = 7  # the need's "weekday" for public holidays and their eves
WEEKDAY_NAMES = ("Måndag", "Tisdag", "Onsdag", "Torsdag", "Fredag", "Lördag", "Söndag", "Helgdag")


@dataclass(frozen=True)
class NeedBand:
    weekday: int  # 0 = Monday ... 6 = Sunday, 7 = holiday
    start: time
    end: time
    staff_count: int

    def describe(self) -> str:
        return f"{self.start:%H:%M}–{self.end:%H:%M}"


@dataclass(frozen=True)
class BandStaffing:
    start: time
    end: time
    needed: int
    staffed: int

    @property
    def shortfall(self) -> int:
        return max(0, self.needed - self.staffed)


def need_weekday(day: date, weekdays_with_need: Collection[int]) -> int:
    """Which column of the need applies to `day`: the holiday one on a holiday, if there is one."""
    if HOLIDAY in weekdays_with_need and holiday_name(day) is not None:
        return HOLIDAY
    return day.weekday()


def bands_of_day(day: date, needs: Iterable[NeedBand]) -> list[NeedBand]:
    all_needs = list(needs)
    weekday = need_weekday(day, {n.weekday for n in all_needs})
    return sorted((n for n in all_needs if n.weekday == weekday), key=lambda n: n.start)


def staffing_of_day(
    day: date, needs: Iterable[NeedBand], shifts: Sequence[Shift]
) -> list[BandStaffing]:
    """Each band of the day with its need and the shifts (of any day) that staff it."""
    result: list[BandStaffing] = []
    for band in bands_of_day(day, needs):
        band_start = utc_seconds(day, band.start)
        end_day = day + timedelta(days=1) if band.end <= band.start else day
        band_end = utc_seconds(end_day, band.end)
        length = band_end - band_start
        staffed = sum(
            1 for s in shifts if 2 * (min(s.end_s, band_end) - max(s.start_s, band_start)) >= length
        )
        result.append(BandStaffing(band.start, band.end, band.staff_count, staffed))
    return result


def staffing_shifts(day: date, statuses: Iterable[RowStatus], *, actual: bool) -> list[Shift]:
    """The shifts that may staff `day`'s bands (rows of the day and of the day before):
    planned, every row with a person; as it turns out, rows worked by their own present person
    and covered rows by the coverer. A resurspass row itself never staffs a band."""
    found: list[Shift] = []
    for status in statuses:
        row = status.row
        if row.work_date not in (day, day - timedelta(days=1)):
            continue
        if status.state is RowState.COVERED and status.cover is not None:
            if actual:
                found.append(row.for_person(status.cover.employee_no))
            elif row.employee_no is not None and not row.is_resurspass:
                found.append(row.for_person(row.employee_no))
            continue
        if row.is_resurspass or row.employee_id is None or row.employee_no is None:
            continue
        if not actual or status.state is RowState.STAFFED:
            found.append(row.for_person(row.employee_no))
    return found


def band_staffing(
    day: date, needs: Iterable[NeedBand], statuses: Iterable[RowStatus], *, actual: bool
) -> list[BandStaffing]:
    """Staffed in each band of `day`, planned or as it turns out: the one count every page and
    command uses."""
    return staffing_of_day(day, needs, staffing_shifts(day, statuses, actual=actual))


def validate_needs(needs: Sequence[NeedBand]) -> list[str]:
    """Problems of an edited need, in Swedish; empty when it can be saved."""
    problems: list[str] = []
    seen: set[tuple[int, time]] = set()
    for need in needs:
        name = WEEKDAY_NAMES[need.weekday] if 0 <= need.weekday <= HOLIDAY else "?"
        if not 0 <= need.weekday <= HOLIDAY:
            problems.append(f"Okänd veckodag {need.weekday}.")
        if need.staff_count < 0 or need.staff_count > 500:
            problems.append(f"{name} {need.describe()}: antalet ska vara 0–500.")
        if need.start == need.end:
            problems.append(f"{name} {need.describe()}: tidsbandet har ingen längd.")
        if (need.weekday, need.start) in seen:
            problems.append(f"{name} {need.describe()}: två tidsband börjar samtidigt.")
        seen.add((need.weekday, need.start))
    return problems

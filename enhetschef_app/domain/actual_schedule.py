"""The schedule as planned and as it turns out: rows, absences and covers (DOMAIN.md: the app
checks the schedule as planned and as it turned out).

A row is *empty* when it has no person or its person is absent that day (tom rad), unless a
present person covers it. A resurspass whose holder is absent leaves no gap (it had no fixed
place), and a resurspass given up for a cover is no longer worked. The *actual* schedule is
every row worked by its own present person plus every cover.
"""

from __future__ import annotations

import enum
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, time, timedelta

from enhetschef_app.domain.shifts import Shift


class RowState(enum.StrEnum):
    STAFFED = "bemannad"
    VACANT = "vakant"  # no person on the row
    ABSENT = "franvarande"  # the row's person is absent that day
    COVERED = "ersatt"  # was empty; a present person covers it
    RELEASED = "overlamnad"  # a resurspass given up to cover another row
    RESOURCE_ABSENT = "resurs_franvarande"  # an absent person's resurspass: no gap to fill

    @property
    def is_empty(self) -> bool:
        return self in (RowState.VACANT, RowState.ABSENT)

    @property
    def label(self) -> str:
        return ROW_STATE_LABELS[self]


ROW_STATE_LABELS = {
    RowState.STAFFED: "Bemannad",
    RowState.VACANT: "Vakant",
    RowState.ABSENT: "Frånvarande",
    RowState.COVERED: "Ersatt",
    RowState.RELEASED: "Resurspass använt",
    RowState.RESOURCE_ABSENT: "Resurspass, frånvarande",
}


@dataclass(frozen=True)
class RowShift:
    """One schedule row as the rules need it."""

    row_id: int
    work_date: date
    start: time
    end: time
    break_minutes: int
    code: str | None
    employee_id: int | None
    employee_no: str | None
    is_resurspass: bool = False

    def for_person(self, employee_no: str) -> Shift:
        return Shift(
            employee_no, self.work_date, self.start, self.end, self.break_minutes, self.code
        )


@dataclass(frozen=True)
class CoverRecord:
    row_id: int
    employee_id: int
    employee_no: str
    kind: str  # a CoverKind value
    released_row_id: int | None = None  # the coverer's resurspass given up for it


@dataclass(frozen=True)
class AbsenceSpan:
    employee_id: int
    start: date
    end: date | None  # open: still going on

    def covers(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


class Absences:
    """Who is absent on which day, from the absence spans."""

    def __init__(self, spans: Iterable[AbsenceSpan]) -> None:
        # (first, last) pairs, an open end as the last date there is: checked for every row of
        # a year's schedule, a plain comparison of two dates is what this costs.
        self._by_person: dict[int, list[tuple[date, date]]] = defaultdict(list)
        for span in spans:
            last = span.end if span.end is not None else date.max
            self._by_person[span.employee_id].append((span.start, last))

    def is_absent(self, employee_id: int | None, day: date) -> bool:
        if employee_id is None:
            return False
        # A loop, not any(...): a generator per call is most of this call's cost.
        for first, last in self._by_person.get(employee_id, ()):  # noqa: SIM110
            if first <= day <= last:
                return True
        return False


@dataclass(frozen=True)
class RowStatus:
    row: RowShift
    state: RowState
    cover: CoverRecord | None = None  # the cover in force (its person present)


def row_states(
    rows: Sequence[RowShift], covers: Iterable[CoverRecord], absences: Absences
) -> list[RowStatus]:
    """Each row with its state. A cover whose person is absent that day no longer holds."""
    day_of = {row.row_id: row.work_date for row in rows}
    holding = {
        c.row_id: c
        for c in covers
        if c.row_id in day_of and not absences.is_absent(c.employee_id, day_of[c.row_id])
    }
    released = {c.released_row_id for c in holding.values() if c.released_row_id is not None}
    result: list[RowStatus] = []
    for row in rows:
        cover = holding.get(row.row_id)
        absent = absences.is_absent(row.employee_id, row.work_date)
        if row.row_id in released:
            state = RowState.RELEASED
        elif row.employee_id is not None and not absent:
            state = RowState.STAFFED
        elif row.is_resurspass and absent:
            state = RowState.RESOURCE_ABSENT
        elif cover is not None:
            state = RowState.COVERED
        else:
            state = RowState.VACANT if row.employee_id is None else RowState.ABSENT
        result.append(RowStatus(row, state, cover if state is RowState.COVERED else None))
    return result


def planned_shifts(rows: Iterable[RowShift]) -> list[Shift]:
    """Every row that has a person, as planned."""
    return [
        row.for_person(row.employee_no)
        for row in rows
        if row.employee_id is not None and row.employee_no is not None
    ]


def actual_shifts(statuses: Iterable[RowStatus]) -> list[Shift]:
    """What is worked: rows staffed by their own person, and covered rows by the coverer."""
    shifts: list[Shift] = []
    for status in statuses:
        row = status.row
        if status.state is RowState.STAFFED and row.employee_no is not None:
            shifts.append(row.for_person(row.employee_no))
        elif status.state is RowState.COVERED and status.cover is not None:
            shifts.append(row.for_person(status.cover.employee_no))
    return shifts


def shifts_by_employee(
    statuses: Iterable[RowStatus], employee_numbers: Mapping[int, str]
) -> dict[int, list[Shift]]:
    """The actual shifts of each employee (by id) among `employee_numbers`."""
    found: dict[int, list[Shift]] = defaultdict(list)
    for status in statuses:
        row = status.row
        if status.state is RowState.STAFFED and row.employee_id in employee_numbers:
            assert row.employee_id is not None
            found[row.employee_id].append(row.for_person(employee_numbers[row.employee_id]))
        elif status.state is RowState.COVERED and status.cover is not None:
            who = status.cover.employee_id
            if who in employee_numbers:
                found[who].append(row.for_person(employee_numbers[who]))
    return found


def days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]

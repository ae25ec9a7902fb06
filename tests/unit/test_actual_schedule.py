"""Planned and actual schedule: empty rows, absences, covers and given-up resurspass."""

from __future__ import annotations

from datetime import date, time

from enhetschef_app.domain.actual_schedule import (
    Absences,
    AbsenceSpan,
    CoverRecord,
    RowShift,
    RowState,
    actual_shifts,
    planned_shifts,
    row_states,
)

DAY = date(2026, 11, 17)


def row(row_id: int, employee: int | None, code: str = "D", resurs: bool = False) -> RowShift:
    start, end = (time(8), time(16, 30)) if resurs else (time(7), time(15, 30))
    number = None if employee is None else str(1000 + employee)
    return RowShift(row_id, DAY, start, end, 30, code, employee, number, resurs)


def states(rows: list[RowShift], covers: list[CoverRecord], absent: list[int]) -> list[RowState]:
    absences = Absences(AbsenceSpan(e, DAY, DAY) for e in absent)
    return [s.state for s in row_states(rows, covers, absences)]


def test_a_row_is_empty_without_a_person_or_with_an_absent_one() -> None:
    rows = [row(1, None), row(2, 2), row(3, 3)]
    assert states(rows, [], absent=[3]) == [RowState.VACANT, RowState.STAFFED, RowState.ABSENT]
    assert [s.is_empty for s in (RowState.VACANT, RowState.ABSENT, RowState.COVERED)] == [
        True,
        True,
        False,
    ]


def test_an_absent_persons_resurspass_leaves_no_gap() -> None:
    assert states([row(1, 1, "R", resurs=True)], [], absent=[1]) == [RowState.RESOURCE_ABSENT]


def test_a_cover_fills_the_row_and_gives_up_the_coverers_resurspass() -> None:
    rows = [row(1, None), row(2, 5, "R", resurs=True), row(3, 3)]
    cover = CoverRecord(
        row_id=1, employee_id=5, employee_no="1005", kind="resurspass", released_row_id=2
    )
    statuses = row_states(rows, [cover], Absences([AbsenceSpan(3, DAY, None)]))
    assert [s.state for s in statuses] == [RowState.COVERED, RowState.RELEASED, RowState.ABSENT]
    worked = actual_shifts(statuses)
    assert [(s.employee_no, s.code, s.start) for s in worked] == [("1005", "D", time(7))]
    planned = planned_shifts(rows)
    assert [(s.employee_no, s.code) for s in planned] == [("1005", "R"), ("1003", "D")]


def test_a_cover_whose_person_falls_ill_no_longer_holds() -> None:
    rows = [row(1, None), row(2, 5, "R", resurs=True)]
    cover = CoverRecord(1, 5, "1005", "resurspass", released_row_id=2)
    assert states(rows, [cover], absent=[5]) == [RowState.VACANT, RowState.RESOURCE_ABSENT]


def test_an_open_absence_covers_every_later_day() -> None:
    absences = Absences([AbsenceSpan(1, date(2026, 1, 1), None)])
    assert absences.is_absent(1, date(2030, 6, 1))
    assert not absences.is_absent(1, date(2025, 12, 31))
    assert not absences.is_absent(None, DAY)

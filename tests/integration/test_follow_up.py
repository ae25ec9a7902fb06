"""Dagsuppföljning on a constructed day in a real database: empty rows, candidates from the
unit and its neighbour, covers recorded and undone, the same-week rule, staffing need."""

from __future__ import annotations

import json
from datetime import date, time, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from enhetschef_app.domain.actual_schedule import RowState
from enhetschef_app.domain.cover_candidates import CoverKind
from enhetschef_app.domain.errors import RuleViolation, UserError
from enhetschef_app.domain.staffing import HOLIDAY, NeedBand
from enhetschef_app.services.core.settings import change_settings
from enhetschef_app.services.core.unit_neighbours import change_neighbours, list_neighbours
from enhetschef_app.services.core.workspace import Workspace, ensure_unit
from enhetschef_app.services.schedule.check import check_schedule
from enhetschef_app.services.schedule.follow_up import (
    cover_candidates,
    day_follow_up,
    record_cover,
    remove_cover,
)
from enhetschef_app.services.schedule.staffing_need import save_staffing_need, staffing_need
from enhetschef_app.storage.models import Absence, AuditEntry, Employee, ScheduleRow, ShiftType
from enhetschef_app.storage.models_schedule import ScheduleCover

TUESDAY = date(2026, 11, 24)
MONDAY = TUESDAY - timedelta(days=1)
NEXT_TUESDAY = TUESDAY + timedelta(days=7)
SHIFTS = {
    "D": (time(7), time(15, 30)),
    "K": (time(13, 30), time(21, 30)),
    "R": (time(8), time(16, 30)),
}


@pytest.fixture
def workspace(any_workspace: Workspace) -> Workspace:
    """Every test here runs on SQLite and on PostgreSQL (neighbour links, the day's minutes)."""
    return any_workspace


def add_employee(ws: Workspace, unit_id: int, no: str, name: str, grade: str | None) -> int:
    with ws.transaction() as session:
        employee = Employee(
            unit_id=unit_id,
            employee_no=no,
            name=name,
            employment_form="timavlonad" if grade is None else "tillsvidare",
            grade_percent=None if grade is None else Decimal(grade),
        )
        session.add(employee)
        session.flush()
        return employee.id


def add_row(ws: Workspace, unit_id: int, day: date, code: str, employee: int | None) -> int:
    start, end = SHIFTS[code]
    with ws.transaction() as session:
        row = ScheduleRow(
            unit_id=unit_id,
            work_date=day,
            start_time=start,
            end_time=end,
            break_minutes=30,
            shift_code=code,
            employee_id=employee,
        )
        session.add(row)
        session.flush()
        return row.id


def add_absence(ws: Workspace, employee: int, kind: str, first: date, last: date) -> None:
    with ws.transaction() as session:
        session.add(Absence(employee_id=employee, kind=kind, start_date=first, end_date=last))


class Day:
    def __init__(self, ws: Workspace) -> None:
        unit = ws.require_unit()
        self.ws = ws
        with ws.transaction() as session:
            for code, kind in (("D", "dag"), ("K", "kvall"), ("R", "resurs")):
                start, end = SHIFTS[code]
                session.add(
                    ShiftType(
                        unit_id=unit.id,
                        code=code,
                        name=code,
                        start_time=start,
                        end_time=end,
                        break_minutes=30,
                        kind=kind,
                    )
                )
        self.anna = add_employee(ws, unit.id, "1", "Anna Resurs", "100")
        self.bo = add_employee(ws, unit.id, "2", "Bo Deltid", "75")
        self.cia = add_employee(ws, unit.id, "3", "Cia Tim", None)
        self.dan = add_employee(ws, unit.id, "4", "Dan Kväll", "100")
        self.eva = add_employee(ws, unit.id, "5", "Eva Sjuk", "100")
        self.fia = add_employee(ws, unit.id, "6", "Fia Semester", "100")
        self.resurs_row = add_row(ws, unit.id, TUESDAY, "R", self.anna)
        self.evas_row = add_row(ws, unit.id, TUESDAY, "D", self.eva)
        self.vacant_row = add_row(ws, unit.id, TUESDAY, "K", None)
        add_row(ws, unit.id, MONDAY, "K", self.dan)
        add_row(ws, unit.id, MONDAY, "D", self.bo)
        self.fias_row = add_row(ws, unit.id, NEXT_TUESDAY, "D", self.fia)
        add_absence(ws, self.eva, "sjuk", TUESDAY, TUESDAY + timedelta(days=2))
        add_absence(ws, self.fia, "semester", NEXT_TUESDAY, NEXT_TUESDAY + timedelta(days=6))
        neighbour = ensure_unit(ws, "HT-SYD", "Hemtjänst Syd")
        self.gun = add_employee(ws, neighbour.id, "1", "Gun Granne", None)
        change_neighbours(ws, add=["HT-SYD"])


@pytest.fixture
def day(workspace: Workspace) -> Day:
    return Day(workspace)


def test_the_days_empty_rows_absences_and_staffing(day: Day) -> None:
    save_staffing_need(
        day.ws,
        [
            NeedBand(1, time(7), time(13, 30), 2),
            NeedBand(1, time(13, 30), time(21, 30), 1),
        ],
    )
    follow = day_follow_up(day.ws, TUESDAY, today=TUESDAY)
    assert [(line.code, line.state, line.reason) for line in follow.empty_today] == [
        ("D", RowState.ABSENT, "Eva Sjuk frånvarande"),
        ("K", RowState.VACANT, "Vakant"),
    ]
    assert [(b.needed, b.planned, b.actual) for b in follow.bands] == [(2, 1, 0), (1, 0, 0)]
    assert [(a.name, a.kind) for a in follow.absences] == [("Eva Sjuk", "Sjuk")]
    assert (follow.week_first, follow.week_last) == (MONDAY, MONDAY + timedelta(days=6))


def test_candidates_are_ranked_with_the_neighbour_last(day: Day) -> None:
    found = cover_candidates(day.ws, day.evas_row, today=TUESDAY)
    assert [(c.name, c.candidate.kind) for c in found.candidates] == [
        ("Anna Resurs", CoverKind.RESURSPASS),
        ("Bo Deltid", CoverKind.MERTID),
        ("Cia Tim", CoverKind.HOURLY),
        ("Fia Semester", CoverKind.OVERTIME),
        ("Gun Granne", CoverKind.HOURLY),
    ]
    assert found.candidates[-1].candidate.person.unit_code == "HT-SYD"
    assert {e.person.name: e.reason for e in found.excluded} == {
        "Dan Kväll": "Dygnsvilan blir 9,5 h mot 2026-11-23 K 13:30–21:30 (minst 11 h).",
        "Eva Sjuk": "Frånvarande den dagen.",
    }
    assert json.dumps([c.as_dict() for c in found.candidates], ensure_ascii=False)


def test_recording_a_resurspass_cover_fills_the_row_and_uses_the_resurspass(day: Day) -> None:
    recorded = record_cover(day.ws, day.evas_row, day.anna, today=TUESDAY)
    assert recorded.kind is CoverKind.RESURSPASS
    assert recorded.describe() == "Anna Resurs tar 2026-11-24 07:00–15:30 som resurspass."
    follow = day_follow_up(day.ws, TUESDAY, today=TUESDAY)
    assert [line.code for line in follow.empty_today] == ["K"]
    covered = next(line for line in follow.week_rows if line.row_id == day.evas_row)
    assert (covered.state, covered.cover_name, covered.cover_kind) == (
        RowState.COVERED,
        "Anna Resurs",
        CoverKind.RESURSPASS,
    )
    with day.ws.transaction() as session:
        cover = session.scalar(select(ScheduleCover))
        assert cover is not None and cover.released_row_id == day.resurs_row
        entry = session.scalar(
            select(AuditEntry).where(AuditEntry.action == "registrera_ersattare")
        )
        assert entry is not None and json.loads(entry.after_json or "{}")["kind"] == "resurspass"
    # The actual schedule has Anna on the day shift; the planned one still her resurspass.
    planned = check_schedule(day.ws, TUESDAY, TUESDAY)
    actual = check_schedule(day.ws, TUESDAY, TUESDAY, actual=True)
    assert (planned.actual, actual.actual) == (False, True)


def test_an_excluded_person_cannot_be_recorded_and_a_cover_can_be_undone(day: Day) -> None:
    with pytest.raises(RuleViolation, match="Dygnsvilan blir 9,5 h"):
        record_cover(day.ws, day.evas_row, day.dan, today=TUESDAY)
    recorded = record_cover(day.ws, day.vacant_row, day.fia, today=TUESDAY)
    assert recorded.kind is CoverKind.OVERTIME
    assert "Övertiden ska beslutas av enhetschefen" in recorded.describe()
    with day.ws.transaction() as session:
        kinds = list(session.scalars(select(ScheduleCover.kind)))
    assert kinds == ["overtid"]
    with pytest.raises(RuleViolation, match="redan bemannad"):
        record_cover(day.ws, day.vacant_row, day.cia, today=TUESDAY)
    remove_cover(day.ws, day.vacant_row)
    follow = day_follow_up(day.ws, TUESDAY, today=TUESDAY)
    assert [line.code for line in follow.empty_today] == ["D", "K"]
    with pytest.raises(UserError, match="ingen registrerad ersättare"):
        remove_cover(day.ws, day.vacant_row)


def test_a_planned_absence_next_week_is_shown_but_not_offered_until_that_week(
    day: Day,
) -> None:
    found = cover_candidates(day.ws, day.fias_row, today=TUESDAY)
    assert found.candidates == ()
    assert "bemannas tidigast samma vecka (från måndag 2026-11-30, v. 49)" in (
        found.row.blocked_reason
    )
    with pytest.raises(RuleViolation, match="tidigast samma vecka"):
        record_cover(day.ws, day.fias_row, day.cia, today=TUESDAY)
    assert cover_candidates(day.ws, day.fias_row, today=NEXT_TUESDAY).candidates
    change_settings(day.ws, {"staffing.fill_absence_gaps_same_week": False})
    assert cover_candidates(day.ws, day.fias_row, today=TUESDAY).candidates


def test_neighbours_are_both_ways_and_can_be_removed(day: Day) -> None:
    assert [u.code for u in list_neighbours(day.ws)] == ["HT-SYD"]
    assert change_neighbours(day.ws, add=["HT-SYD"]) == ["HT-SYD"]  # already there
    with pytest.raises(UserError, match="finns inte"):
        change_neighbours(day.ws, add=["HT-OKAND"])
    assert change_neighbours(day.ws, remove=["ht-syd"]) == []
    found = cover_candidates(day.ws, day.evas_row, today=TUESDAY)
    assert "Gun Granne" not in [c.name for c in found.candidates]


def test_staffing_need_with_a_holiday_column_is_saved_once_and_audited(day: Day) -> None:
    need = [
        NeedBand(weekday, time(7), time(15), 3 if weekday < 5 else 2) for weekday in range(7)
    ] + [NeedBand(HOLIDAY, time(7), time(15), 1)]
    assert save_staffing_need(day.ws, need) is True
    assert save_staffing_need(day.ws, list(reversed(need))) is False
    assert staffing_need(day.ws) == sorted(need, key=lambda n: (n.weekday, n.start))
    christmas = day_follow_up(day.ws, date(2026, 12, 24), today=TUESDAY)
    assert [b.needed for b in christmas.bands] == [1]
    with pytest.raises(UserError, match="två tidsband börjar samtidigt"):
        save_staffing_need(day.ws, [*need, NeedBand(0, time(7), time(9), 1)])
    with day.ws.transaction() as session:
        actions = list(
            session.scalars(select(AuditEntry.action).where(AuditEntry.entity == "bemanningsbehov"))
        )
    assert actions == ["andra_bemanningsbehov"]

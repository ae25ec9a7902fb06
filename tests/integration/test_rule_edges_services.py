"""The rules at their edges through the real database and the command line: approved overtime
in the actual schedule, `overtime request --rast`, `enhetschef rehab`, one staffing count on
Översikt and Dagsuppföljning, and a demo that never records the future."""

from __future__ import annotations

import json
from datetime import date, time, timedelta
from pathlib import Path

import pytest
from overtime_helpers import add_absence, add_employee, add_row
from sqlalchemy import func, select

from enhetschef_app.cli import main
from enhetschef_app.demo.unit import DemoSpec, generate_demo_unit
from enhetschef_app.domain.care_talks import TalkState
from enhetschef_app.domain.overtime_requests import Verdict
from enhetschef_app.services.absence.care_talk_scan import due_for_care_talk
from enhetschef_app.services.core.workspace import Workspace, ensure_unit, open_workspace
from enhetschef_app.services.overtime.requests import (
    RequestDraft,
    decide_overtime,
    request_overtime,
)
from enhetschef_app.services.overview.today import day_overview
from enhetschef_app.services.schedule.check import check_schedule
from enhetschef_app.services.schedule.follow_up import day_follow_up
from enhetschef_app.services.schedule.week import week_schedule
from enhetschef_app.storage.models import Absence, ScheduleRow, ShiftType, StaffingNeed
from enhetschef_app.storage.models_absence import CareTalk
from enhetschef_app.storage.models_incidents import Incident
from enhetschef_app.storage.models_month import MonthReport
from enhetschef_app.storage.models_overtime import OvertimeRequest
from enhetschef_app.storage.models_people import ReviewTalk
from enhetschef_app.storage.models_schedule import ScheduleCover

TUESDAY = date(2026, 11, 17)


def approve(ws: Workspace, number: str, day: date, start: str, end: str) -> None:
    view = request_overtime(
        ws,
        RequestDraft(number, day, time.fromisoformat(start), time.fromisoformat(end), "Täcker"),
    )
    decide_overtime(ws, view.id, Verdict.APPROVED, "Behövs")


# -- approved overtime is worked time ---------------------------------------------------------


def test_an_approved_overtime_evening_breaks_dygnsvila_in_the_actual_check(
    workspace: Workspace,
) -> None:
    anna = add_employee(workspace, "1", "Anna Ålund")
    add_row(workspace, TUESDAY, time(7), time(15, 30), anna)
    add_row(workspace, TUESDAY + timedelta(days=1), time(7), time(15, 30), anna)
    week = (TUESDAY - timedelta(days=1), TUESDAY + timedelta(days=5))

    def daily_rest(actual: bool) -> list[str]:
        found = check_schedule(workspace, *week, actual=actual).breaches
        return [b.text for b in found if b.breach.rule.value == "dygnsvila"]

    request_overtime(
        workspace, RequestDraft("1", TUESDAY, time(15, 30), time(22), "Väntar")
    )  # waiting: not worked
    assert daily_rest(True) == []
    approve(workspace, "1", TUESDAY, "15:30", "22:00")
    assert daily_rest(True) == [
        "Dygnsvila 9 h mellan 2026-11-17 övertid 15:30–22:00 och 2026-11-18 D 07:00–15:30 "
        "(minst 11 h)."
    ]
    assert daily_rest(False) == []  # the plan is unchanged

    def tuesday_cells(actual: bool) -> list[str]:
        grid = week_schedule(workspace, TUESDAY, actual=actual)
        (line,) = [line for line in grid.lines if line.employee_no == "1"]
        return [f"{s.code} {s.time_text} {s.covers_for}" for s in line.cells[TUESDAY.weekday()]]

    assert tuesday_cells(True) == ["D 07:00–15:30 None", "ÖT 15:30–22:00 godkänd övertid"]
    assert tuesday_cells(False) == ["D 07:00–15:30 None"]


def test_overtime_on_a_free_weekend_breaks_veckovila(workspace: Workspace) -> None:
    anna = add_employee(workspace, "1", "Anna Ålund")
    monday = date(2026, 11, 16)
    for offset in range(5):
        add_row(workspace, monday + timedelta(days=offset), time(7), time(15, 30), anna)
    add_row(workspace, monday + timedelta(days=7), time(7), time(15, 30), anna)
    week = (monday, monday + timedelta(days=6))

    def weekly_rest() -> list[str]:
        found = check_schedule(workspace, *week, actual=True).breaches
        return [b.breach.rule.value for b in found if b.breach.rule.value == "veckovila"]

    assert weekly_rest() == []
    approve(workspace, "1", monday + timedelta(days=5), "08:00", "16:00")
    approve(workspace, "1", monday + timedelta(days=6), "08:00", "16:00")
    assert weekly_rest() == ["veckovila"]


def test_overtime_counts_in_the_48_hour_average(workspace: Workspace) -> None:
    anna = add_employee(workspace, "1", "Anna Ålund")
    first = date(2026, 3, 2)
    days = [first + timedelta(days=n) for n in range(122)]
    weekdays = [d for d in days if d.weekday() < 5]
    for day in weekdays:
        add_row(workspace, day, time(7), time(16), anna, rast=0)  # 45 h a week
    check = (date(2026, 6, 1), date(2026, 6, 30))

    def averages() -> list[str]:
        found = check_schedule(workspace, *check, actual=True).breaches
        return [b.text for b in found if b.breach.rule.value == "atl_48h"]

    assert averages() == []
    # 4 h of overtime on Tuesdays and Thursdays: 53 h a week, within every overtime limit.
    for day in [d for d in weekdays if d.weekday() in (1, 3)]:
        approve(workspace, "1", day, "16:00", "20:00")
    texts = averages()
    assert texts and texts[0].startswith("Beräkningsperioden 2026-03-01–2026-06-30")


# -- overtime request --rast ------------------------------------------------------------------


def test_the_third_worked_example_from_the_command_line(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = open_workspace(db_path)
    ws = ws.with_unit(ensure_unit(ws, "HT-TEST", "Test"))
    bo = add_employee(ws, "2", "Bo Berg", grade="75", salary=33000, week_minutes=2400)
    add_row(ws, TUESDAY, time(7), time(14), bo, rast=60)  # 6 h
    ws.close()
    args = ["--db", str(db_path), "overtime", "request", "--employee", "2", "--date"]
    args += ["2026-11-17", "--start", "14:00", "--end", "20:00", "--reason", "Täcker kvällen"]
    assert main([*args, "--rast", "16:00-16:30", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["minutes_mertid"], data["minutes_simple"], data["minutes_qualified"]) == (
        120,
        0,
        210,
    )
    # 2 h × 33 000 / 165 + 3,5 h × 33 000 / 72.
    assert data["cost"] == 2004.17
    with pytest.raises(SystemExit) as refused:
        main([*args, "--rast", "16.00"])
    assert refused.value.code == 2
    assert "TT:MM-TT:MM" in capsys.readouterr().err


# -- enhetschef rehab -------------------------------------------------------------------------


def rehab(capsys: pytest.CaptureFixture[str], db: Path, day: str) -> list[dict[str, object]]:
    assert main(["--db", str(db), "rehab", "--date", day, "--json"]) == 0
    result: list[dict[str, object]] = json.loads(capsys.readouterr().out)
    return result


@pytest.mark.parametrize(
    ("restart", "sick_days", "day_8"),
    # Sick days counted over the rehabiliteringskedja: 5 + 3, or 5 + 2.
    [("2026-03-11", 8, "2026-03-13"), ("2026-03-12", 7, "2026-03-19")],
)
def test_rehab_counts_sick_days_over_a_spell_restarting_within_5_days(
    db_path: Path,
    capsys: pytest.CaptureFixture[str],
    restart: str,
    sick_days: int,
    day_8: str,
) -> None:
    ws = open_workspace(db_path)
    ws = ws.with_unit(ensure_unit(ws, "HT-TEST", "Test"))
    anna = add_employee(ws, "1", "Anna Ålund")
    add_absence(ws, anna, date(2026, 3, 2), date(2026, 3, 6))
    add_absence(ws, anna, date.fromisoformat(restart), None)
    ws.close()
    (spell,) = rehab(capsys, db_path, "2026-03-13")
    assert set(spell) >= {"employee_no", "name", "first_day", "sick_days", "milestones"}
    assert (spell["employee_no"], spell["name"], spell["first_day"]) == ("1", "Anna Ålund", restart)
    assert spell["sick_days"] == sick_days
    milestones = spell["milestones"]
    assert isinstance(milestones, list)
    assert milestones[0] == {"day": 8, "date": day_8, "label": "Läkarintyg"}
    # The rehabiliteringskedja adds both spells either way: day 30 counts the first one's 5.
    (day_30,) = [m for m in milestones if m["day"] == 30]
    assert day_30["date"] == (date.fromisoformat(restart) + timedelta(days=24)).isoformat()
    assert rehab(capsys, db_path, "2026-03-10") == []  # healthy that day


# -- one staffing count -----------------------------------------------------------------------


def test_overview_and_follow_up_count_a_resurspass_only_once_placed(workspace: Workspace) -> None:
    unit_id = workspace.require_unit().id
    with workspace.transaction() as session:
        session.add(
            ShiftType(
                unit_id=unit_id,
                code="R",
                name="Resurs",
                start_time=time(7),
                end_time=time(15),
                break_minutes=0,
                kind="resurs",
            )
        )
        session.add(
            StaffingNeed(
                unit_id=unit_id,
                weekday=TUESDAY.weekday(),
                band_start=time(7),
                band_end=time(15),
                staff_count=3,
            )
        )
    anna = add_employee(workspace, "1", "Anna Ålund")
    cilla = add_employee(workspace, "3", "Cilla Cederholm")
    add_row(workspace, TUESDAY, time(7), time(15), anna, rast=0)
    vacant = add_row(workspace, TUESDAY, time(7), time(15), None, rast=0)
    resurs = add_row(workspace, TUESDAY, time(7), time(15), cilla, code="R", rast=0)

    def counts() -> tuple[int, int]:
        (overview,) = day_overview(workspace, TUESDAY).bands
        (follow_up,) = day_follow_up(workspace, TUESDAY, today=TUESDAY).bands
        return overview.scheduled, follow_up.actual

    assert counts() == (1, 1)
    with workspace.transaction() as session:
        session.add(
            ScheduleCover(
                unit_id=unit_id,
                row_id=vacant,
                employee_id=cilla,
                kind="resurspass",
                released_row_id=resurs,
                recorded_by="EC",
            )
        )
    assert counts() == (2, 2)


# -- the demo never records the future --------------------------------------------------------


@pytest.fixture(scope="module")
def demo_ahead(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("ahead") / "demo.sqlite3"
    ws = open_workspace(path)
    try:
        generate_demo_unit(
            ws,
            DemoSpec(staff=30, weeks=60, end=date(2027, 1, 31), seed=3, today=DEMO_TODAY),
        )
    finally:
        ws.close()
    return path


DEMO_TODAY = date(2026, 12, 4)
HAPPENS = ("sjuk", "vab", "ovrigt")


def test_the_demo_plans_ahead_only_schedule_booked_talks_and_leave(demo_ahead: Path) -> None:
    ws = open_workspace(demo_ahead, "DEMO")
    today = DEMO_TODAY
    try:
        with ws.transaction() as session:

            def count(*where: object) -> int:
                return int(session.scalar(select(func.count()).where(*where)) or 0)  # type: ignore[arg-type]

            assert count(ScheduleRow.work_date > today) > 0
            assert count(Absence.kind.in_(HAPPENS), Absence.start_date > today) == 0
            assert count(Absence.kind.in_(HAPPENS), Absence.end_date > today) == 0
            assert count(OvertimeRequest.work_date > today) == 0
            assert count(Incident.occurred_on > today) == 0
            assert count(Incident.reported_on > today) == 0
            assert count(Incident.closed_on > today) == 0
            assert count(CareTalk.held_on > today) == 0
            assert count(CareTalk.signal_date > today) == 0
            assert count(ReviewTalk.held_on > today) == 0
            assert (
                count(
                    ScheduleCover.id.in_(
                        select(ScheduleCover.id)
                        .join(ScheduleRow, ScheduleRow.id == ScheduleCover.row_id)
                        .where(ScheduleRow.work_date > today)
                    )
                )
                == 0
            )
            months = session.scalars(select(MonthReport.month)).all()
            assert months and max(months) <= "2026-11"
            invited = set(
                session.scalars(
                    select(CareTalk.employee_id).where(CareTalk.state == TalkState.INVITED.value)
                )
            )
        due = {signal.employee_id for signal in due_for_care_talk(ws, today)}
        assert due and not due & invited
    finally:
        ws.close()

"""Medarbetarsamtal on a real database file: status and coverage across the new year and for staff
who start or leave in the cycle, the .ics invitation read back, records with goals, the privacy
check and the audit log."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from enhetschef_app.cli import main
from enhetschef_app.domain.errors import FieldProblems, RuleViolation, SensitiveText
from enhetschef_app.domain.review_talks import GoalDraft, TalkPlanDraft, TalkRecordDraft
from enhetschef_app.domain.reviews import TalkStatus
from enhetschef_app.domain.staff import EmployeeDraft, EmploymentForm
from enhetschef_app.services.core.settings import change_settings
from enhetschef_app.services.core.workspace import Workspace
from enhetschef_app.services.people.review_invitation import INVITATION_TITLE, book_talk
from enhetschef_app.services.people.reviews import (
    follow_up_goal,
    plan_talk,
    record_salary_talk,
    record_talk,
    review_overview,
    talk_detail,
)
from enhetschef_app.services.staff.employees import save_employee

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def person(
    ws: Workspace,
    number: str,
    name: str,
    form: EmploymentForm = EmploymentForm.PERMANENT,
    start: date | None = date(2020, 1, 1),
    end: date | None = None,
) -> int:
    draft = EmployeeDraft(
        employee_no=number,
        name=name,
        form=form,
        grade_percent=None if form is EmploymentForm.HOURLY else Decimal(100),
        fulltime_week_hours=None,
        start=start,
        end=end,
    )
    return save_employee(ws, draft).id


def hold(ws: Workspace, employee_id: int, day: date, *goals: GoalDraft) -> int:
    record = TalkRecordDraft(held_on=day, notes="Trivs.", goals=goals)
    return record_talk(ws, employee_id, record, day=day + timedelta(days=1)).id


def by_number(ws: Workspace, day: date) -> dict[str, dict[str, object]]:
    return {row.employee_no: row.as_json() for row in review_overview(ws, day).employees}


def test_coverage_across_the_new_year_with_starters_leavers_and_the_hourly_paid(
    workspace: Workspace,
) -> None:
    change_settings(workspace, {"reviews.cycle_start_month": 11, "reviews.cycle_end_month": 2})
    anna = person(workspace, "1", "Anna Ålund")
    bo = person(workspace, "2", "Bo Ek")
    person(workspace, "3", "Cia Ny", start=date(2026, 12, 1))  # starts within the window
    dan = person(workspace, "4", "Dan Går", end=date(2027, 1, 31))  # leaves within it
    person(workspace, "5", "Eva Tim", form=EmploymentForm.HOURLY)
    person(workspace, "6", "Fia Kvar", end=date(2027, 3, 15))  # leaves after the window
    person(workspace, "7", "Gun Borta", end=date(2026, 10, 31))  # gone before it opened
    hold(workspace, anna, date(2026, 12, 20))
    hold(workspace, bo, date(2027, 1, 10))  # after the new year: the same cycle
    hold(workspace, dan, date(2027, 1, 5))  # held, but he is not counted

    overview = review_overview(workspace, date(2027, 1, 20))
    assert overview.cycle.label == "2026/27"
    assert (overview.cycle.start, overview.cycle.end) == (date(2026, 11, 1), date(2027, 2, 28))
    assert (overview.coverage.expected, overview.coverage.held) == (3, 2)
    assert overview.coverage.percent == Decimal("66.67")
    assert overview.coverage.overdue == 0
    rows = by_number(workspace, date(2027, 1, 20))
    assert set(rows) == {"1", "2", "3", "4", "5", "6"}  # Gun had left before
    assert rows["3"]["expectation"] == "borjade_efter_start"
    assert rows["4"]["expectation"] == "slutar_under_perioden"
    assert rows["5"]["expected"] is False

    # The window closes with Fia's talk not held: she is overdue from 1 March.
    assert not by_number(workspace, date(2027, 2, 28))["6"]["overdue"]
    after = review_overview(workspace, date(2027, 3, 1))
    assert [r.employee_no for r in after.overdue] == ["6"]
    # Dan left on 31 January: no longer listed, and coverage is of current staff.
    assert "4" not in {r.employee_no for r in after.employees}


def test_status_keys_of_the_cli_contract(
    workspace: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    anna = person(workspace, "1001", "Anna Ålund")
    person(workspace, "1002", "Bo Ek")
    talk = plan_talk(workspace, anna, TalkPlanDraft(date(2026, 10, 5), time(10), 60, "Kontoret"))
    assert talk.status is TalkStatus.PLANNED
    code = main(
        ["--db", str(workspace.path), "reviews", "status", "--date", "2026-12-01", "--json"]
    )
    assert code == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["employee_no"] for r in rows] == ["1001", "1002"]
    first = rows[0]
    assert {"employee_no", "name", "last_talk", "planned", "status", "overdue"} <= set(first)
    assert first["planned"] == "2026-10-05"
    assert first["status"] == "planerat"
    assert first["last_talk"] is None
    assert first["overdue"] is True  # Sep–Nov is over and nothing was held

    assert (
        main(["--db", str(workspace.path), "reviews", "cycle", "--date", "2026-10-01", "--json"])
        == 0
    )
    cycle = json.loads(capsys.readouterr().out)
    assert cycle["cycle_start"] == "2026-09-01" and cycle["expected"] == 2
    with pytest.raises(SystemExit) as bad_date:
        main(["--db", str(workspace.path), "reviews", "status", "--date", "1/10"])
    assert bad_date.value.code == 2
    missing = str(workspace.path.with_name("finns-inte.sqlite3"))
    assert main(["--db", missing, "reviews", "status", "--json"]) == 2


def test_booking_writes_an_invitation_with_a_neutral_title(
    workspace: Workspace, tmp_path: Path
) -> None:
    anna = person(workspace, "1001", "Anna Ålund")
    talk = plan_talk(
        workspace, anna, TalkPlanDraft(date(2026, 10, 25), time(9, 30), 45, "Samtalsrummet")
    )
    out = tmp_path / "inbjudan" / "samtal.ics"
    assert book_talk(workspace, talk.id, out) == out
    calendar = Calendar.from_ical(out.read_bytes())
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 1
    event = events[0]
    assert str(event["SUMMARY"]) == INVITATION_TITLE == "Medarbetarsamtal"
    text = out.read_text(encoding="utf-8")
    assert "Anna" not in text and "Ålund" not in text and "1001" not in text
    start = event.decoded("DTSTART")
    # 25 October 2026 is the day summer time ends; 09:30 is already winter time (UTC+1).
    assert start == datetime(2026, 10, 25, 9, 30, tzinfo=STOCKHOLM)
    assert start.utcoffset() == timedelta(hours=1)
    assert event.decoded("DTEND") - start == timedelta(minutes=45)
    assert str(event["LOCATION"]) == "Samtalsrummet"
    assert list(calendar.walk("VTIMEZONE"))  # the zone travels with the file
    assert talk_detail(workspace, talk.id).status is TalkStatus.BOOKED

    # Booked again: the same event (UID), a later version (SEQUENCE).
    again = tmp_path / "igen.ics"
    book_talk(workspace, talk.id, again)
    second = next(iter(Calendar.from_ical(again.read_bytes()).walk("VEVENT")))
    assert str(second["UID"]) == str(event["UID"])
    assert int(str(second["SEQUENCE"])) >= int(str(event["SEQUENCE"]))

    # Moving the talk makes the invitation sent wrong: it is planned, not booked, again.
    moved = plan_talk(
        workspace,
        anna,
        TalkPlanDraft(date(2026, 10, 27), time(9, 30), 45, "Samtalsrummet"),
        talk.id,
    )
    assert moved.status is TalkStatus.PLANNED


def test_a_talk_without_time_cannot_be_booked_and_a_held_talk_is_not_rebooked(
    workspace: Workspace, tmp_path: Path
) -> None:
    anna = person(workspace, "1", "Anna Ålund")
    talk = plan_talk(workspace, anna, TalkPlanDraft(date(2026, 10, 5), None, 60, ""))
    with pytest.raises(FieldProblems) as caught:
        book_talk(workspace, talk.id, tmp_path / "x.ics")
    assert "planned_time" in caught.value.problems
    assert not (tmp_path / "x.ics").exists()
    record_talk(
        workspace, anna, TalkRecordDraft(date(2026, 10, 5), "", ()), talk.id, day=date(2026, 10, 6)
    )
    with pytest.raises(RuleViolation):
        book_talk(workspace, talk.id, tmp_path / "x.ics")
    with pytest.raises(RuleViolation):
        plan_talk(workspace, anna, TalkPlanDraft(date(2026, 10, 9), None, 60, ""), talk.id)


def test_notes_that_look_sensitive_are_saved_only_when_confirmed_and_never_audited(
    workspace: Workspace,
) -> None:
    anna = person(workspace, "1", "Anna Ålund")
    record = TalkRecordDraft(date(2026, 10, 5), "Har diabetes, pnr 19811218-9876.", ())
    with pytest.raises(SensitiveText) as caught:
        record_talk(workspace, anna, record, day=date(2026, 10, 6))
    assert len(caught.value.warnings) == 2
    assert review_overview(workspace, date(2026, 10, 6)).employees[0].state.last_talk is None
    saved = record_talk(workspace, anna, record, confirmed=True, day=date(2026, 10, 6))
    assert saved.notes.startswith("Har diabetes")
    conn = sqlite3.connect(workspace.path)
    try:
        audit = conn.execute(
            "SELECT action, after_json FROM audit_log WHERE entity = 'medarbetarsamtal'"
        ).fetchall()
    finally:
        conn.close()
    assert [a for a, _ in audit] == ["registrera_medarbetarsamtal"]
    assert "diabetes" not in audit[0][1] and json.loads(audit[0][1])["has_notes"] is True


def test_goals_are_kept_by_id_and_the_talk_is_followed_up_with_its_last_goal(
    workspace: Workspace,
) -> None:
    anna = person(workspace, "1", "Anna Ålund")
    talk_id = hold(
        workspace,
        anna,
        date(2026, 9, 15),
        GoalDraft("Demens ABC", "Webbutbildning", date(2026, 12, 1), None),
        GoalDraft("Hygienombud", "Nätverksträffar", date(2027, 3, 1), None),
    )
    goals = talk_detail(workspace, talk_id).goals
    assert [g.goal for g in goals] == ["Demens ABC", "Hygienombud"]
    assert by_number(workspace, date(2026, 12, 2))["1"]["goals_to_follow_up"] == 1

    follow_up_goal(workspace, goals[0].id, date(2026, 12, 3))
    assert talk_detail(workspace, talk_id).status is TalkStatus.HELD
    follow_up_goal(workspace, goals[1].id, date(2027, 2, 20))
    detail = talk_detail(workspace, talk_id)
    assert detail.status is TalkStatus.FOLLOWED_UP
    assert detail.followed_up_on == date(2027, 2, 20)
    with pytest.raises(RuleViolation):
        follow_up_goal(workspace, goals[0].id, date(2026, 9, 1))

    # Editing the record: the first goal kept (same id), the second dropped, a third added.
    kept = GoalDraft("Demens ABC", "Klar", date(2026, 12, 1), date(2026, 12, 3), goals[0].id)
    new = GoalDraft("Långpass", "Ny schemaperiod", date(2027, 6, 1), None)
    record_talk(
        workspace,
        anna,
        TalkRecordDraft(date(2026, 9, 15), "Trivs.", (kept, new), detail.followed_up_on),
        talk_id,
        day=date(2027, 2, 21),
    )
    after = talk_detail(workspace, talk_id).goals
    assert after[0].id == goals[0].id
    assert [g.goal for g in after] == ["Demens ABC", "Långpass"]


def test_salary_talks_are_recorded_apart(workspace: Workspace) -> None:
    anna = person(workspace, "1", "Anna Ålund")
    first = record_salary_talk(workspace, anna, date(2026, 3, 10), done=False)
    record_salary_talk(workspace, anna, date(2026, 3, 17), done=True, salary_talk_id=first)
    row = by_number(workspace, date(2026, 10, 1))["1"]
    assert (row["salary_talk"], row["salary_talk_done"]) == ("2026-03-17", True)
    assert row["status"] == "ej_planerat"  # a lönesamtal is not a medarbetarsamtal

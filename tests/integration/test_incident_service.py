"""Avvikelser through the services on a real database file: numbers, the workflow with its
refusals, steps, actions, timeline, audit log, deletion, and the staffing at the event."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from datetime import date, time

import pytest
from sqlalchemy import insert

from enhetschef_app.domain.errors import FieldProblems, RuleViolation
from enhetschef_app.domain.incident_report import ActionDraft, IncidentDraft, IncidentSteps
from enhetschef_app.domain.incidents import IncidentState, Track, WorkEnvironmentKind
from enhetschef_app.services.core.settings import change_settings
from enhetschef_app.services.core.workspace import Workspace, ensure_unit
from enhetschef_app.services.incidents.views import (
    incident_alerts,
    incident_detail,
    list_incidents,
)
from enhetschef_app.services.incidents.workflow import (
    change_state,
    complete_action,
    delete_action,
    delete_incident,
    record_steps,
    register_incident,
    save_action,
    update_incident,
)
from enhetschef_app.storage.models import Absence, Employee, ScheduleRow, StaffingNeed

TODAY = date(2026, 11, 24)
NEW, INV, REM, CLOSED = (
    IncidentState.NEW,
    IncidentState.INVESTIGATING,
    IncidentState.REMEDIED,
    IncidentState.CLOSED,
)


def draft(**changes: object) -> IncidentDraft:
    values: dict[str, object] = {
        "occurred_on": date(2026, 11, 2),
        "occurred_at": time(19, 30),
        "reported_on": date(2026, 11, 2),
        "reporter": "Undersköterska Lisa",
        "category": "bemotande",
        "track": Track.LEX_SARAH,
        "description": "Brukare fick vänta en timme på hjälp till toaletten.",
    }
    values.update(changes)
    return IncidentDraft(**values)  # type: ignore[arg-type]  # the draft checks the overrides


def audit_rows(workspace: Workspace) -> list[tuple[str, str, str | None, str | None]]:
    conn = sqlite3.connect(workspace.path)
    try:
        return list(
            conn.execute(
                "SELECT action, entity, entity_id, after_json FROM audit_log "
                "WHERE entity LIKE 'avvikelse%' ORDER BY id"
            )
        )
    finally:
        conn.close()


def test_numbers_count_per_year_and_are_never_given_twice(workspace: Workspace) -> None:
    first = register_incident(workspace, draft(), TODAY)
    second = register_incident(workspace, draft(category="fall", track=Track.OTHER), TODAY)
    assert (first.number, second.number) == ("AVV-2026-0001", "AVV-2026-0002")
    assert delete_incident(workspace, second.id) == "AVV-2026-0002"
    third = register_incident(workspace, draft(), TODAY)
    assert third.number == "AVV-2026-0003"  # 0002 is gone and stays unused
    older = register_incident(
        workspace,
        draft(occurred_on=date(2025, 12, 30), reported_on=date(2025, 12, 31)),
        TODAY,
    )
    assert older.number == "AVV-2025-0001"  # the reported date's year
    # Another unit has its own series.
    other = workspace.with_unit(ensure_unit(workspace, "HT-ANNAN", "Annan"))
    assert register_incident(other, draft(), TODAY).number == "AVV-2026-0001"
    # Newest event first; on the same minute the later registration first.
    assert [s.number for s in list_incidents(workspace, TODAY)] == [
        "AVV-2026-0003",
        "AVV-2026-0001",
        "AVV-2025-0001",
    ]


def test_a_bad_draft_is_refused_with_every_problem(workspace: Workspace) -> None:
    with pytest.raises(FieldProblems) as refused:
        register_incident(workspace, draft(reporter="", description=" ", category="x"), TODAY)
    assert set(refused.value.problems) == {"reporter", "description", "category"}
    assert "Avvikelsen sparades inte" in refused.value.message
    assert list_incidents(workspace, TODAY) == []


def test_lex_sarah_walks_its_steps_and_each_skip_names_the_step(workspace: Workspace) -> None:
    report = register_incident(workspace, draft(), TODAY)
    with pytest.raises(RuleViolation, match="åtgärd direkt"):
        change_state(workspace, report.id, INV, TODAY)
    with pytest.raises(RuleViolation, match="nästa steg är under utredning"):
        change_state(workspace, report.id, CLOSED, TODAY)
    update_incident(workspace, report.id, draft(immediate_action="Extra personal in"), TODAY)
    change_state(workspace, report.id, INV, TODAY)
    with pytest.raises(RuleViolation, match="dokumenterad utredning; beslut om"):
        change_state(workspace, report.id, REM, TODAY)
    steps = IncidentSteps(
        investigation_done_on=date(2026, 11, 9),
        investigation_note="Larmet var avstängt.",
        serious=True,
        serious_decided_on=date(2026, 11, 9),
    )
    record_steps(workspace, report.id, steps, TODAY)
    remedied = change_state(workspace, report.id, REM, TODAY)
    assert [w.what for w in remedied.deadlines] == ["Anmälan till IVO"]
    assert remedied.overdue
    action = save_action(
        workspace, report.id, ActionDraft("Rutin för larm", "EC", date(2026, 11, 30)), today=TODAY
    )
    with pytest.raises(RuleViolation) as refused:
        change_state(workspace, report.id, CLOSED, TODAY)
    assert "datum anmäld till IVO; 1 åtgärder som inte är klara" in refused.value.message
    record_steps(workspace, report.id, replace(steps, reported_to_ivo_on=date(2026, 11, 20)), TODAY)
    complete_action(workspace, action.id, today=TODAY)
    closed = change_state(workspace, report.id, CLOSED, TODAY)
    assert (closed.state, closed.closed_on, closed.overdue) == (CLOSED, TODAY, False)
    reopened = change_state(workspace, report.id, INV, date(2026, 11, 25))
    assert (reopened.state, reopened.closed_on) == (INV, None)


def test_the_timeline_and_the_audit_log_record_every_change(workspace: Workspace) -> None:
    report = register_incident(workspace, draft(immediate_action="Hjälp gavs direkt"), TODAY)
    update_incident(
        workspace, report.id, draft(immediate_action="Hjälp gavs direkt", category="ovrigt"), TODAY
    )
    change_state(workspace, report.id, INV, TODAY)
    record_steps(
        workspace,
        report.id,
        IncidentSteps(investigation_done_on=date(2026, 11, 9), investigation_note="Hemlig text"),
        TODAY,
    )
    action = save_action(
        workspace, report.id, ActionDraft("Ny rutin", "EC", date(2026, 11, 20)), today=TODAY
    )
    complete_action(workspace, action.id, date(2026, 11, 21), today=TODAY)
    extra = save_action(
        workspace, report.id, ActionDraft("Extra", "EC", date(2026, 12, 1)), today=TODAY
    )
    delete_action(workspace, extra.id)
    detail = incident_detail(workspace, report.id, TODAY)
    assert [line.text for line in detail.timeline] == [
        "Avvikelsen registrerades (Lex Sarah)",
        "Uppgifter ändrade: kategori",
        "Status: ny → under utredning",
        "Utredning dokumenterad: 2026-11-09",
        "Utredningens anteckning: ändrad",
        "Ny åtgärd, klar senast 2026-11-20",
        "Åtgärd klar 2026-11-21",
        "Ny åtgärd, klar senast 2026-12-01",
        "Åtgärd borttagen",
    ]
    assert all(line.actor == workspace.actor for line in detail.timeline)
    assert not any("Hemlig" in line.text for line in detail.timeline)
    actions = [row[0] for row in audit_rows(workspace)]
    assert actions == [
        "registrera_avvikelse",
        "andra_avvikelse",
        "avvikelse_status",
        "avvikelse_steg",
        "spara_avvikelse_atgard",
        "spara_avvikelse_atgard",
        "spara_avvikelse_atgard",
        "ta_bort_avvikelse_atgard",
    ]
    status = next(r for r in audit_rows(workspace) if r[0] == "avvikelse_status")
    assert status[2] == "AVV-2026-0001"
    assert json.loads(status[3] or "{}")["state"] == "under_utredning"


def test_a_refused_change_changes_nothing(workspace: Workspace) -> None:
    report = register_incident(workspace, draft(), TODAY)
    before = audit_rows(workspace)
    with pytest.raises(RuleViolation):
        change_state(workspace, report.id, INV, TODAY)
    with pytest.raises(FieldProblems):
        record_steps(
            workspace, report.id, IncidentSteps(reported_to_ivo_on=date(2026, 12, 1)), TODAY
        )
    assert audit_rows(workspace) == before
    assert list_incidents(workspace, TODAY)[0].state is NEW


def test_steps_of_another_track_are_kept_but_not_asked_for(workspace: Workspace) -> None:
    report = register_incident(
        workspace, draft(track=Track.WORK_ENVIRONMENT, category="arbetsmiljo"), TODAY
    )
    record_steps(
        workspace,
        report.id,
        IncidentSteps(
            work_environment_kind=WorkEnvironmentKind.INJURY,
            reported_to_fk_on=date(2026, 11, 3),
            reported_to_ivo_on=date(2026, 11, 3),  # not a step of this track: ignored
        ),
        TODAY,
    )
    summary = list_incidents(workspace, TODAY)[0]
    assert summary.steps.work_environment_kind is WorkEnvironmentKind.INJURY
    assert summary.steps.reported_to_ivo_on is None
    assert "reported_to_ivo_on" not in summary.as_dict()["steps"]


def test_deadlines_follow_the_settings(workspace: Workspace) -> None:
    report = register_incident(workspace, draft(track=Track.LEX_MARIA, category="lakemedel"), TODAY)
    late = list_incidents(workspace, date(2026, 11, 6))[0]
    assert [w.what for w in late.deadlines] == ["Överlämnas till MAS"]
    change_settings(workspace, {"incidents.report_warning_days": 10})
    assert list_incidents(workspace, date(2026, 11, 6))[0].deadlines == ()
    alerts = incident_alerts(workspace, date(2026, 12, 5))  # past 30 days: not closed in time
    assert alerts.overdue_reports == (report.number,)
    assert alerts.open_reports == 1


def test_the_list_carries_free_text_only_when_asked(workspace: Workspace) -> None:
    register_incident(workspace, draft(immediate_action="Personal bytte arbetssätt"), TODAY)
    summary = list_incidents(workspace, TODAY)[0]
    plain = json.dumps(summary.as_dict(), ensure_ascii=False)
    for text in ("Undersköterska Lisa", "toaletten", "arbetssätt"):
        assert text not in plain
    full = summary.as_dict(with_text=True)
    assert full["reporter"] == "Undersköterska Lisa"
    assert "toaletten" in full["description"]


def _schedule(workspace: Workspace, unit_id: int) -> None:
    """Tuesday 2026-11-03: need 3 by day, 2 in the evening; one vacant row, one absent person."""
    with workspace.transaction() as session:
        people = [
            Employee(unit_id=unit_id, employee_no=str(n), name=name, employment_form="tillsvidare")
            for n, name in enumerate(("Anna", "Britt", "Cecilia", "David", "Eva"), start=1)
        ]
        session.add_all(people)
        session.flush()
        ids = {p.name: p.id for p in people}
        session.execute(
            insert(StaffingNeed),
            [
                {
                    "unit_id": unit_id,
                    "weekday": 1,
                    "band_start": time(7),
                    "band_end": time(13, 30),
                    "staff_count": 3,
                },
                {
                    "unit_id": unit_id,
                    "weekday": 1,
                    "band_start": time(13, 30),
                    "band_end": time(21, 30),
                    "staff_count": 2,
                },
                {
                    "unit_id": unit_id,
                    "weekday": 0,
                    "band_start": time(21, 30),
                    "band_end": time(7),
                    "staff_count": 1,
                },
            ],
        )
        day, monday = date(2026, 11, 3), date(2026, 11, 2)
        rows = [
            (day, time(7), time(15, 30), ids["Anna"]),
            (day, time(7), time(15, 30), ids["Britt"]),
            (day, time(7), time(15, 30), None),
            (day, time(13, 30), time(21, 30), ids["Cecilia"]),
            (monday, time(21, 15), time(7, 15), ids["David"]),
        ]
        session.execute(
            insert(ScheduleRow),
            [
                {
                    "unit_id": unit_id,
                    "work_date": d,
                    "start_time": s,
                    "end_time": e,
                    "break_minutes": 0,
                    "shift_code": "D",
                    "employee_id": who,
                    "source": "test",
                }
                for d, s, e, who in rows
            ],
        )
        session.add(Absence(employee_id=ids["Britt"], kind="sjuk", start_date=day, end_date=day))


def test_the_detail_shows_the_staffing_when_it_happened(workspace: Workspace) -> None:
    unit = workspace.require_unit()
    _schedule(workspace, unit.id)
    morning = register_incident(
        workspace,
        draft(occurred_on=date(2026, 11, 3), occurred_at=time(10), reported_on=date(2026, 11, 3)),
        TODAY,
    )
    staffing = incident_detail(workspace, morning.id, TODAY).staffing
    assert (staffing.need_at_event, staffing.present_at_event, staffing.empty_at_event) == (3, 1, 2)
    assert staffing.understaffed is True
    assert staffing.empty_rows_of_day == 2
    states = sorted((r.employee_name or "vakant", r.empty) for r in staffing.rows_at_event)
    assert states == [("Anna", False), ("Britt", True), ("vakant", True)]

    night = register_incident(
        workspace,
        draft(
            occurred_on=date(2026, 11, 3), occurred_at=time(4, 30), reported_on=date(2026, 11, 3)
        ),
        TODAY,
    )
    staffing = incident_detail(workspace, night.id, TODAY).staffing
    assert [r.employee_name for r in staffing.rows_at_event] == ["David"]
    assert (staffing.need_at_event, staffing.understaffed) == (1, False)

    unscheduled = register_incident(workspace, draft(), TODAY)  # 2026-11-02: no day rows
    assert incident_detail(workspace, unscheduled.id, TODAY).staffing.understaffed is None

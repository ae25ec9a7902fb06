"""The year's statistics, the anonymized APT workbook and the EC's list workbook, written to
real files and read back with openpyxl."""

from __future__ import annotations

import sqlite3
from datetime import date, time
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import text

from enhetschef_app.demo.unit import DemoSpec, generate_demo_unit
from enhetschef_app.domain.errors import UserError
from enhetschef_app.domain.incident_report import ActionDraft, IncidentDraft
from enhetschef_app.domain.incidents import IncidentState, Track
from enhetschef_app.services.core.workspace import Workspace, open_workspace
from enhetschef_app.services.incidents.stats import (
    export_apt,
    export_incident_list,
    incident_stats,
)
from enhetschef_app.services.incidents.views import list_incidents
from enhetschef_app.services.incidents.workflow import (
    change_state,
    complete_action,
    register_incident,
    save_action,
)

TODAY = date(2026, 11, 24)


def report(workspace: Workspace, on: date, track: Track, category: str, text: str) -> int:
    draft = IncidentDraft(on, time(9, 0), on, "Rapportör Röd", category, track, text, "Direkt")
    return register_incident(workspace, draft, TODAY).id


@pytest.fixture
def year_of_reports(any_workspace: Workspace) -> Workspace:
    """On SQLite and on PostgreSQL: the statistics group by month in each one's SQL."""
    workspace = any_workspace
    """Five reports in 2026 and one in 2025; two closed after 4 and 11 days."""
    a = report(workspace, date(2026, 1, 10), Track.OTHER, "fall", "Text ett")
    b = report(workspace, date(2026, 1, 20), Track.OTHER, "brand", "Text två")
    report(workspace, date(2026, 3, 5), Track.LEX_SARAH, "bemotande", "Text tre")
    report(workspace, date(2026, 11, 1), Track.LEX_MARIA, "lakemedel", "Text fyra")
    report(workspace, date(2026, 11, 20), Track.WORK_ENVIRONMENT, "hot_vald", "Text fem")
    report(workspace, date(2025, 12, 30), Track.OTHER, "fall", "Förra året")
    for incident, closed_on in ((a, date(2026, 1, 14)), (b, date(2026, 1, 31))):
        for state in (IncidentState.INVESTIGATING, IncidentState.REMEDIED):
            change_state(workspace, incident, state, closed_on)
        change_state(workspace, incident, IncidentState.CLOSED, closed_on)
    late = save_action(
        workspace, b, ActionDraft("Hemlig åtgärd", "Ansvarig Blå", date(2026, 11, 1)), today=TODAY
    )
    assert late.overdue
    return workspace


def test_statistics_count_the_year_by_event_date(year_of_reports: Workspace) -> None:
    stats = incident_stats(year_of_reports, 2026, TODAY)
    data = stats.as_dict()
    assert data["total"] == 5
    assert data["by_track"] == {"lex_sarah": 1, "lex_maria": 1, "arbetsmiljo": 1, "ovrigt": 2}
    assert data["by_state"] == {"ny": 3, "under_utredning": 0, "atgardad": 0, "avslutad": 2}
    assert data["by_category"]["fall"] == 1 and data["by_category"]["arbetsmiljo"] == 0
    assert list(data["by_month"]) == [f"2026-{m:02d}" for m in range(1, 13)]
    assert data["by_month"]["2026-01"] == 2 and data["by_month"]["2026-11"] == 2
    assert data["by_month_and_track"]["2026-11"] == {
        "lex_sarah": 0,
        "lex_maria": 1,
        "arbetsmiljo": 1,
        "ovrigt": 0,
    }
    assert (data["closed"], data["median_days_to_close"]) == (2, 7.5)  # 4 and 11 days
    # Late now: the Lex Sarah open for more than 30 days, the Lex Maria not handed to the MAS,
    # and a closed report with an action added after closing and past its date.
    assert data["overdue"] == 3
    assert data["overdue_by_step"] == {"Avslutas": 1, "Överlämnas till MAS": 1}
    assert data["actions"] == {"total": 1, "open": 1, "overdue": 1}
    assert data["staffing_at_event"] == {"understaffed": 0, "staffed": 0, "unknown": 5}
    assert incident_stats(year_of_reports, 2025, TODAY).total == 1
    with pytest.raises(UserError, match="mellan 2000 och 2100"):
        incident_stats(year_of_reports, 1999, TODAY)


def cell_texts(path: Path) -> list[str]:
    book = openpyxl.load_workbook(path)
    return [
        str(cell.value)
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.value is not None
    ]


def test_the_apt_workbook_has_counts_and_charts_and_no_free_text(
    year_of_reports: Workspace, tmp_path: Path
) -> None:
    path = tmp_path / "apt.xlsx"
    export_apt(year_of_reports, 2026, path, TODAY)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == [
        "Sammanfattning",
        "Per månad",
        "Per kategori",
        "Per spår",
        "Per status",
        "Bemanning",
    ]
    assert all(len(book[name]._charts) == 1 for name in book.sheetnames[1:])
    months = {row[0]: row[1:] for row in book["Per månad"].iter_rows(values_only=True) if row[0]}
    assert months["Januari"] == (0, 0, 0, 2) and months["November"] == (0, 1, 1, 0)
    summary = {r[0]: r[1] for r in book["Sammanfattning"].iter_rows(values_only=True) if r[0]}
    assert summary["Avvikelser under året"] == 5
    assert summary["Mediantid till avslutad"] == "7,5 dagar"
    texts = " ".join(cell_texts(path))
    for private in ("Text ett", "Hemlig åtgärd", "Rapportör Röd", "Ansvarig Blå", "Direkt"):
        assert private not in texts
    with year_of_reports.transaction() as session:
        logged = session.execute(
            text("SELECT COUNT(*) FROM audit_log WHERE action = 'exportera_avvikelser_apt'")
        ).scalar_one()
    assert logged == 1


def test_the_apt_workbook_of_a_demo_unit_names_nobody(tmp_path: Path) -> None:
    """Read back with openpyxl: no employee's name and no text a report holds, in any cell."""
    database = tmp_path / "demo.sqlite3"
    maker = open_workspace(database)
    try:
        generate_demo_unit(maker, DemoSpec(staff=15, weeks=20, end=date(2026, 11, 29), seed=4))
    finally:
        maker.close()
    workspace = open_workspace(database)  # the only unit is chosen
    try:
        path = tmp_path / "apt.xlsx"
        assert export_apt(workspace, 2026, path, TODAY).total > 0
    finally:
        workspace.close()
    conn = sqlite3.connect(database)
    private = {r[0] for r in conn.execute("SELECT name FROM employees")}
    for column in ("reporter", "description", "immediate_action", "investigation_note"):
        private |= {r[0] for r in conn.execute(f"SELECT {column} FROM incidents") if r[0]}
    for column in ("description", "owner"):
        private |= {r[0] for r in conn.execute(f"SELECT {column} FROM incident_actions")}
    conn.close()
    assert len(private) > 30
    cells = cell_texts(path)
    assert [text for text in private if any(text in cell for cell in cells)] == []


def test_the_list_workbook_carries_free_text_only_when_chosen(
    year_of_reports: Workspace, tmp_path: Path
) -> None:
    shown = list_incidents(year_of_reports, TODAY)
    plain = export_incident_list(year_of_reports, tmp_path / "lista.xlsx", shown)
    texts = cell_texts(plain)
    assert "AVV-2026-0001" in texts and "Lex Maria" in texts
    assert not any("Text ett" in t or "Rapportör Röd" in t for t in texts)
    full = export_incident_list(year_of_reports, tmp_path / "full.xlsx", shown, with_text=True)
    texts = cell_texts(full)
    assert "Text ett" in texts and "Rapportör Röd" in texts
    sheet = openpyxl.load_workbook(full).active
    header = [c.value for c in sheet[3]]
    assert header[:3] == ["Nummer", "Händelsedatum", "Klockslag"]
    assert header[-4:] == ["Rapportör", "Beskrivning", "Åtgärd direkt", "Utredningens anteckning"]
    assert sheet.max_row == 3 + len(shown)


def test_an_export_to_a_wrong_place_is_a_users_error(
    year_of_reports: Workspace, tmp_path: Path
) -> None:
    with pytest.raises(UserError, match="finns inte"):
        export_apt(year_of_reports, 2026, tmp_path / "saknas" / "apt.xlsx", TODAY)
    with pytest.raises(UserError, match=r"\.xlsx"):
        export_apt(year_of_reports, 2026, tmp_path / "apt.csv", TODAY)
    assert not (tmp_path / "apt.csv").exists()


def test_closing_a_report_done_late_still_counts_its_days(any_workspace: Workspace) -> None:
    workspace = any_workspace
    incident = report(workspace, date(2026, 2, 1), Track.OTHER, "ovrigt", "x")
    action = save_action(workspace, incident, ActionDraft("a", "EC", date(2026, 2, 5)), today=TODAY)
    complete_action(workspace, action.id, date(2026, 2, 20), today=TODAY)
    change_state(workspace, incident, IncidentState.INVESTIGATING, date(2026, 2, 2))
    change_state(workspace, incident, IncidentState.REMEDIED, date(2026, 2, 10))
    change_state(workspace, incident, IncidentState.CLOSED, date(2026, 3, 3))
    assert incident_stats(workspace, 2026, TODAY).median_days_to_close == 30

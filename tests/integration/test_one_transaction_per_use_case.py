"""A use case is one unit of work: each service call the window and the command line make opens
at most one transaction, however many other service functions it passes through, and a write
reports the areas it changed (read off the statements the database ran)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from transactions import counting_transactions

from enhetschef_app.demo.plan import DemoSpec
from enhetschef_app.demo.unit import generate_demo_unit
from enhetschef_app.domain.year_month import YearMonth
from enhetschef_app.services.absence.care_talk_scan import scan_care_talks
from enhetschef_app.services.absence.care_talks import list_snoozes, list_talks
from enhetschef_app.services.absence.figures import absence_month_figures
from enhetschef_app.services.absence.overview import care_overview
from enhetschef_app.services.absence.sick_spells import ongoing_spells
from enhetschef_app.services.core.info import database_info
from enhetschef_app.services.core.privacy_overview import privacy_overview
from enhetschef_app.services.core.settings import setting_states
from enhetschef_app.services.core.workspace import Workspace, open_workspace
from enhetschef_app.services.economy.costs import year_view
from enhetschef_app.services.economy.figures import economy_month_figures
from enhetschef_app.services.incidents.stats import incident_stats
from enhetschef_app.services.incidents.views import incident_alerts, list_incidents
from enhetschef_app.services.month.document import month_document
from enhetschef_app.services.month.report import month_report_view, month_trend
from enhetschef_app.services.month.summary import month_summary
from enhetschef_app.services.overtime.figures import overtime_month_figures
from enhetschef_app.services.overtime.requests import list_requests
from enhetschef_app.services.overview.today import day_overview
from enhetschef_app.services.people.competence import competence_overview
from enhetschef_app.services.people.exit_talks import leavers
from enhetschef_app.services.people.introduction import introductions
from enhetschef_app.services.people.reviews import review_overview
from enhetschef_app.services.schedule.check import check_schedule
from enhetschef_app.services.schedule.follow_up import (
    cover_candidates,
    day_follow_up,
    record_cover,
    schedule_alerts,
)
from enhetschef_app.services.schedule.staffing_need import staffing_need, suggested_staffing_need
from enhetschef_app.services.schedule.week import week_schedule
from enhetschef_app.services.staff.employees import list_employees
from enhetschef_app.storage.unit_of_work import collect_changes

END = date(2026, 11, 30)
TODAY = date(2026, 11, 20)
MONTH = YearMonth(2026, 10)

CALLS: dict[str, Callable[[Workspace], Any]] = {
    "day_overview": lambda ws: day_overview(ws, TODAY),
    "week_schedule": lambda ws: week_schedule(ws, TODAY, actual=True),
    "day_follow_up": lambda ws: day_follow_up(ws, TODAY, today=TODAY),
    "schedule_alerts": lambda ws: schedule_alerts(ws, TODAY),
    "check_schedule": lambda ws: check_schedule(ws, TODAY - timedelta(days=28), TODAY),
    "staffing_need": staffing_need,
    "suggested_staffing_need": suggested_staffing_need,
    "list_employees": lambda ws: list_employees(ws, TODAY),
    "scan_care_talks": lambda ws: scan_care_talks(ws, TODAY),
    "care_overview": lambda ws: care_overview(ws, TODAY),
    "ongoing_spells": lambda ws: ongoing_spells(ws, TODAY),
    "list_talks": list_talks,
    "list_snoozes": list_snoozes,
    "absence_month_figures": lambda ws: absence_month_figures(ws, MONTH.year, MONTH.month),
    "list_requests": lambda ws: list_requests(ws, month=MONTH),
    "overtime_month_figures": lambda ws: overtime_month_figures(ws, MONTH.year, MONTH.month),
    "list_incidents": lambda ws: list_incidents(ws, TODAY),
    "incident_alerts": lambda ws: incident_alerts(ws, TODAY),
    "incident_stats": lambda ws: incident_stats(ws, 2026, TODAY),
    "review_overview": lambda ws: review_overview(ws, TODAY),
    "competence_overview": lambda ws: competence_overview(ws, TODAY),
    "introductions": lambda ws: introductions(ws, TODAY),
    "leavers": lambda ws: leavers(ws, TODAY),
    "month_summary": lambda ws: month_summary(ws, MONTH.year, MONTH.month),
    "month_report_view": lambda ws: month_report_view(ws, MONTH),
    "month_trend": lambda ws: month_trend(ws, MONTH),
    "month_document": lambda ws: month_document(ws, MONTH),
    "economy_month_figures": lambda ws: economy_month_figures(ws, MONTH.year, MONTH.month),
    "year_view": lambda ws: year_view(ws, 2026, TODAY),
    "setting_states": setting_states,
    "privacy_overview": lambda ws: privacy_overview(ws, TODAY),
    "database_info": lambda ws: database_info(ws, TODAY),
}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path: Path = tmp_path_factory.mktemp("uow") / "demo.sqlite3"
    workspace = open_workspace(path)
    try:
        generate_demo_unit(workspace, DemoSpec(staff=12, weeks=10, end=END, seed=5, today=TODAY))
    finally:
        workspace.close()
    return path


@pytest.fixture
def workspace(demo: Path) -> Any:
    opened = open_workspace(demo)
    units = __import__(
        "enhetschef_app.services.core.workspace", fromlist=["list_units"]
    ).list_units(opened)
    yield opened.with_unit(units[0])
    opened.close()


@pytest.mark.parametrize("name", sorted(CALLS))
def test_a_use_case_opens_at_most_one_transaction(workspace: Workspace, name: str) -> None:
    with counting_transactions(workspace) as counted:
        CALLS[name](workspace)
    assert counted.count <= 1, f"{name} opened {counted.count} transactions"


def test_recording_a_cover_is_one_transaction_and_reports_the_schedule(
    workspace: Workspace,
) -> None:
    day = day_follow_up(workspace, TODAY, today=TODAY)
    offerable = [line for line in day.week_rows if line.offerable and line.state.is_empty]
    assert offerable, "the demo week has an empty row to fill"
    row = offerable[0]
    with counting_transactions(workspace) as counted:
        listed = cover_candidates(workspace, row.row_id, today=TODAY)
    assert counted.count <= 1
    assert listed.candidates, "someone can take the row"
    with collect_changes() as changed, counting_transactions(workspace) as counted:
        record_cover(workspace, row.row_id, listed.candidates[0].candidate.person.key, today=TODAY)
    assert counted.count == 1
    assert "schedule" in changed
    # Reading changes nothing.
    with collect_changes() as changed:
        day_follow_up(workspace, TODAY, today=TODAY)
    assert changed == set()


# Public service functions that keep several transactions on purpose, and why.
OWN_STEPS = {
    "absence.imports.import_absences": "a backup first, then the import",
    "staff.imports.import_staff": "a backup first, then the import",
    "schedule.imports.import_schedule": "a backup first, then the import and its undo record",
    "schedule.imports.read_schedule": "reads the file; the database only for the column layout",
    "economy.budget.import_budget": "a backup first, then the import",
    "economy.budget.import_outcome": "a backup first, then the import",
    "core.import_undo.undo_last_import": "a backup first, then the undo",
    "core.gallring.run_gallring": "a backup first, then the deletions",
    "core.backup.back_up_now": "copies the file; no transaction of its own",
    "month.sync.sync_month_to_shared_workbook": "the queued sync survives a crash in the workbook",
    "month.sync.retry_sync_queue": "each queued sync is its own attempt",
    "month.sync.retry_sync_job": "the attempt is recorded whatever the workbook does",
    "month.sync.fetch_vc_comments": "no write lock held while the workbook is read",
    "incidents.stats.export_apt": "no write lock held while the file is written",
    "incidents.stats.export_incident_list": "no write lock held while the file is written",
    "month.document.export_month_workbook": "no write lock held while the file is written",
    "core.registerutdrag.export_register_extract": "no write lock held while the file is written",
    "absence.talk_invitation.save_invitation": "no write lock held while the file is written",
    "people.review_invitation.book_talk": "no write lock held while the file is written",
    "people.common.record_audit": "a helper inside another use case's session, not a use case",
    "month.management.management_overview": "each unit's month is that unit's use case",
    "month.management.management_trend": "each unit's trend is that unit's use case",
    "month.management.management_documents": "each unit's document is that unit's use case",
    "month.management.export_management_workbook": "no transaction open while the file is written",
    "schedule.coordination.coordinator_day": "each unit's day is that unit's use case",
    "schedule.coordination.row_candidates": "the row's unit's use case, after the unit check",
    "schedule.coordination.place_cover": "the row's unit's record_cover, after the unit check",
}


def test_every_public_service_function_is_one_use_case_or_says_why_not() -> None:
    import importlib
    import inspect
    import pkgutil

    import enhetschef_app.services as services
    from enhetschef_app.services.core.workspace import USE_CASE_MARK

    missing: list[str] = []
    checked = 0
    for info in pkgutil.walk_packages(services.__path__, "enhetschef_app.services."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if name.startswith("_") or not inspect.isfunction(value):
                continue
            if getattr(value, "__wrapped__", value).__module__ != module.__name__:
                continue  # imported from elsewhere
            parameters = list(inspect.signature(value).parameters)
            if not parameters or parameters[0] != "workspace":
                continue
            key = f"{info.name.removeprefix('enhetschef_app.services.')}.{name}"
            checked += 1
            if not getattr(value, USE_CASE_MARK, False) and key not in OWN_STEPS:
                missing.append(key)
    assert checked > 100, "the search found the service functions"
    assert not missing, f"not a use case and not in OWN_STEPS: {missing}"

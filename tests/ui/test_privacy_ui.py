"""Personal data in the window: Gallra… shows what goes per kind and count and deletes it after
asking, Inställningar → Logg shows who did what and filters by person, Översikt reminds when
something is due, Personal writes a registerutdrag, and health words in the month comment ask
before the report is written."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from page_loading import wait_loaded
from privacy_helpers import LeaverUnit, build_leaver_unit
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from enhetschef_app.domain.year_month import YearMonth
from enhetschef_app.services.core.gallring import gallring_preview
from enhetschef_app.services.core.settings import change_settings
from enhetschef_app.services.core.workspace import Workspace
from enhetschef_app.services.month.report import save_comment
from enhetschef_app.ui.core.settings_page import SettingsPage
from enhetschef_app.ui.month import page as month_report_page
from enhetschef_app.ui.month.page import MonthReportPage
from enhetschef_app.ui.overview.page import OverviewPage
from enhetschef_app.ui.shell.context import AppContext
from enhetschef_app.ui.staff.page import StaffPage

DAY = date(2026, 11, 24)


@pytest.fixture
def leavers(workspace: Workspace) -> LeaverUnit:
    built = build_leaver_unit(workspace)
    change_settings(workspace, {"privacy.retention_months": 12})
    return built


def _shown(qtbot: QtBot, widget: Any) -> Any:
    qtbot.addWidget(widget)
    widget.resize(1280, 760)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_gallra_shows_each_kind_and_count_then_deletes_after_asking(
    qtbot: QtBot, context: AppContext, leavers: LeaverUnit, monkeypatch: pytest.MonkeyPatch
) -> None:
    page: SettingsPage = _shown(qtbot, SettingsPage(context))
    dialog = page.open_gallring()
    shown = {
        dialog.model.index(r, 0).data(): dialog.model.index(r, 1).data()
        for r in range(dialog.model.rowCount())
    }
    assert shown["Frånvaroperioder"] == 3
    assert shown["Anteckningar från avslutningssamtal"] == 2
    assert dialog.model.index(0, 2).data() == "2025-11-24"
    assert "8 uppgifter gallras" in dialog.summary.text()
    asked: list[str] = []

    def answer(_parent: object, _title: str, text: str, *_rest: object) -> Any:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    dialog.run_button.click()
    assert asked and "8 uppgifter" in asked[0]
    qtbot.waitUntil(lambda: dialog.task is not None and dialog.task.done, timeout=60_000)
    assert dialog.done_plan is not None and dialog.done_plan.total == 8
    assert gallring_preview(context.workspace, today=DAY).total == 0


def test_the_log_shows_who_and_filters_by_person(
    qtbot: QtBot, context: AppContext, leavers: LeaverUnit
) -> None:
    page: SettingsPage = _shown(qtbot, SettingsPage(context))
    page.tabs.setCurrentWidget(page.log_view)
    view = page.log_view
    wait_loaded(qtbot, page)
    everything = view.model.rowCount()
    assert everything > 10
    first = view.model.row_at(0)
    assert first.os_user and first.machine
    view.choose_person(leavers.leavers["F"])
    wait_loaded(qtbot, page)
    rows = view.model.rows()
    assert 0 < len(rows) < everything
    assert {row.person for row in rows} == {"Fia Falk"}
    assert {row.entity for row in rows} >= {"medarbetare", "franvaro"}
    view.who_edit.setText("ingen-sådan-användare")
    wait_loaded(qtbot, page)
    assert view.model.rowCount() == 0


def test_oversikt_reminds_when_something_is_due(
    qtbot: QtBot, context: AppContext, leavers: LeaverUnit
) -> None:
    page: OverviewPage = _shown(qtbot, OverviewPage(context))
    page.refresh()
    wait_loaded(qtbot, page)
    panel = page.privacy_panel
    assert panel.isVisible() and panel.gallring_line.isVisible()
    assert panel.gallring_line.text().startswith("8 uppgifter ska gallras")
    wanted: list[tuple[str, object]] = []
    context.events.page_wanted.connect(lambda page_id, hint: wanted.append((page_id, hint)))
    panel.gallring_line.click()
    assert wanted == [("installningar", "gallring")]
    change_settings(context.workspace, {"privacy.retention_months": 120})
    page.refresh()
    wait_loaded(qtbot, page)
    assert not panel.isVisible()


def test_personal_writes_a_registerutdrag(
    qtbot: QtBot,
    context: AppContext,
    leavers: LeaverUnit,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page: StaffPage = _shown(qtbot, StaffPage(context))
    page.refresh()
    wait_loaded(qtbot, page)
    assert not page.extract_button.isEnabled()
    page.select_employee(leavers.month.people["A"])
    assert page.extract_button.isEnabled()
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    (employee,) = page.selected_employees()
    task = page.extract_to(employee, tmp_path / "anna.xlsx")
    qtbot.waitUntil(lambda: task.done, timeout=60_000)
    assert told and "Anna Ahl" in told[0]
    book = openpyxl.load_workbook(tmp_path / "anna.xlsx", read_only=True)
    assert "Frånvaro" in book.sheetnames
    book.close()
    assert (tmp_path / "anna.pdf").read_bytes().startswith(b"%PDF")


def test_health_words_in_the_comment_ask_before_the_report_is_written(
    qtbot: QtBot,
    context: AppContext,
    leavers: LeaverUnit,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    save_comment(context.workspace, YearMonth(2026, 10), "Många har haft influensa.")
    page: MonthReportPage = _shown(qtbot, MonthReportPage(context))
    qtbot.waitUntil(lambda: page.load_task is not None and page.load_task.done, timeout=60_000)
    answers = [False, True]
    asked: list[str] = []

    def confirm(_parent: object, message: str) -> bool:
        asked.append(message)
        return answers.pop(0)

    monkeypatch.setattr(month_report_page, "confirm_health_words_export", confirm)
    target = tmp_path / "rapport.xlsx"
    task = page.export_excel_to(target)
    qtbot.waitUntil(lambda: task.done, timeout=60_000)
    assert len(asked) == 1 and "influensa" in asked[0]
    assert not target.exists()  # she chose to change the text
    task = page.export_excel_to(target)
    qtbot.waitUntil(lambda: task.done, timeout=60_000)
    assert len(asked) == 2
    # Her yes writes the report in a second task.
    qtbot.waitUntil(lambda: page.action_task is not task, timeout=60_000)
    qtbot.waitUntil(lambda: page.action_task is not None and page.action_task.done, timeout=60_000)
    assert target.exists()

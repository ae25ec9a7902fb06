"""Månadsrapport with real widgets over a real database: the figures against their targets with
their definitions on hover, the trends, the comment with its privacy warning, klar and unlock,
the exports, the sync and its queue, and Översikt's and the status bar's lines."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from month_unit import build_month_unit
from PySide6.QtCharts import QXYSeries
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from enhetschef_app.domain.absences import AbsenceDraft
from enhetschef_app.domain.year_month import YearMonth
from enhetschef_app.services.absence.absences import save_absence
from enhetschef_app.services.core.workspace import Workspace
from enhetschef_app.services.month.report import month_report_view
from enhetschef_app.services.month.sync import sync_queue
from enhetschef_app.services.staff.employees import list_employees
from enhetschef_app.ui.month.figures_model import Column
from enhetschef_app.ui.month.overview_panel import MonthOverviewPanel
from enhetschef_app.ui.month.page import MonthReportPage
from enhetschef_app.ui.shell import events
from enhetschef_app.ui.shell.context import AppContext
from enhetschef_app.ui.shell.main_window import MainWindow

OCTOBER = YearMonth(2026, 10)


@pytest.fixture
def unit(workspace: Workspace) -> Workspace:
    build_month_unit(workspace)
    return workspace


@pytest.fixture
def page(qtbot: QtBot, context: AppContext, unit: Workspace) -> MonthReportPage:
    widget = MonthReportPage(context)
    qtbot.addWidget(widget)
    widget.resize(1280, 700)
    widget.show()
    qtbot.waitExposed(widget)
    wait_loaded(qtbot, widget)
    return widget


def wait_loaded(qtbot: QtBot, page: MonthReportPage) -> None:
    qtbot.waitUntil(lambda: page.load_task is not None and page.load_task.done, timeout=20_000)


def figure(page: MonthReportPage, label: str, column: int = Column.VALUE) -> str:
    model = page.model
    for row in range(model.rowCount()):
        if model.index(row, Column.LABEL).data() == label:
            return str(model.index(row, column).data())
    raise AssertionError(label)


def test_it_opens_on_last_month_with_the_figures_against_their_targets(
    qtmodeltester: ModelTester,
    page: MonthReportPage,
) -> None:
    # The context's day is 2026-11-24: October is the month to report.
    assert page.month == OCTOBER
    qtmodeltester.check(page.model)
    assert figure(page, "Sjukfrånvaro") == "26,7 %"
    assert figure(page, "Sjukfrånvaro", Column.TARGET) == "5,0 %"
    assert figure(page, "Sjukfrånvaro", Column.STATUS) == "Över målet"
    assert figure(page, "Andel timavlönade") == "22,8 %"
    assert figure(page, "Tomma rader") == "6"
    assert figure(page, "Personalomsättning, 12 mån", Column.STATUS) == "Över målet"
    row = next(
        r
        for r in range(page.model.rowCount())
        if page.model.index(r, Column.LABEL).data() == "Sjukfrånvaro"
    )
    tooltip = page.model.index(row, Column.VALUE).data(Qt.ItemDataRole.ToolTipRole)
    assert "Sjuktimmar / schemalagda timmar" in tooltip
    assert "Underlag: sjuktimmar: 19,75; schemalagda timmar: 74,00" in tooltip
    assert "Utkast" in page.state_label.text()
    assert "inte synkad" in page.sync_state_label.text()
    assert "Håll muspekaren över ett nyckeltal" in page.status_label.text()


def test_the_trends_show_twelve_months(page: MonthReportPage) -> None:
    sick = page.trends.sick.chart()
    assert len(page.trends.sick.months) == 12
    assert [s.name() for s in sick.series()] == ["Sjukfrånvaro %", "Mål"]
    sick_line = sick.series()[0]
    assert isinstance(sick_line, QXYSeries)
    assert sick_line.points()[-1].y() == pytest.approx(26.69)  # October, the last month
    assert page.trends.overtime.chart().series()
    hourly_line = page.trends.hourly.chart().series()[0]
    assert isinstance(hourly_line, QXYSeries)
    assert hourly_line.points()[-1].y() == pytest.approx(22.78)


def test_choosing_another_month_counts_it(qtbot: QtBot, page: MonthReportPage) -> None:
    page.previous_button.click()
    wait_loaded(qtbot, page)
    assert page.month == YearMonth(2026, 9)
    assert figure(page, "Sjukfrånvaro") == "0,0 %"


def test_the_comment_warns_as_it_is_typed_and_is_saved(
    qtbot: QtBot, page: MonthReportPage, unit: Workspace
) -> None:
    page.comment_edit.setPlainText("Samtal med 19121212-1212.")
    assert page.comment_warning.isVisible()
    assert "personnummer" in page.comment_warning.text()
    page.comment_edit.setPlainText("Hög korttidsfrånvaro i oktober.")
    assert not page.comment_warning.isVisible()
    assert page.save_comment_button.isEnabled()
    page.save_comment_button.click()
    wait_loaded(qtbot, page)
    assert month_report_view(unit, OCTOBER).comment == "Hög korttidsfrånvaro i oktober."
    assert not page.save_comment_button.isEnabled()


def test_marking_klar_locks_and_later_changes_show_as_differences(
    qtbot: QtBot, page: MonthReportPage, unit: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.close_button.click()
    qtbot.waitUntil(lambda: page.action_task is not None and page.action_task.done)
    wait_loaded(qtbot, page)
    assert "Klar, låst" in page.state_label.text()
    assert page.comment_edit.isReadOnly()
    assert page.close_button.text() == "Lås upp…"

    # C (1003) sick on her resurspass day: 8 more sick hours.
    cia = next(e.id for e in list_employees(unit) if e.employee_no == "1003")
    save_absence(unit, AbsenceDraft(cia, "sjuk", date(2026, 10, 13), date(2026, 10, 13)))
    page.context.events.announce(events.ABSENCE)
    wait_loaded(qtbot, page)
    assert figure(page, "Sjukfrånvaro") == "26,7 %"  # as marked klar
    assert figure(page, "Sjukfrånvaro", Column.CHANGE) == "nu 37,5 %"
    assert "har ändrats sedan dess" in page.state_label.text()

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Sen sjukanmälan", True))
    page.close_button.click()
    qtbot.waitUntil(lambda: page.action_task is not None and page.action_task.done)
    wait_loaded(qtbot, page)
    assert "Utkast" in page.state_label.text()
    assert figure(page, "Sjukfrånvaro") == "37,5 %"


def test_the_report_exports_as_excel_and_pdf(
    qtbot: QtBot, page: MonthReportPage, tmp_path: Path
) -> None:
    task = page.export_excel_to(tmp_path / "rapport.xlsx")
    qtbot.waitUntil(lambda: task.done, timeout=20_000)
    workbook = openpyxl.load_workbook(tmp_path / "rapport.xlsx")
    assert workbook.sheetnames == ["Månadsrapport", "Trender", "Definitioner"]
    task = page.export_pdf_to(tmp_path / "rapport.pdf")
    qtbot.waitUntil(lambda: task.done, timeout=20_000)
    assert (tmp_path / "rapport.pdf").read_bytes().startswith(b"%PDF")
    assert "rapport.pdf" in page.status_label.text()


def test_sync_and_the_queue(
    qtbot: QtBot,
    page: MonthReportPage,
    unit: Workspace,
    samples: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shared = tmp_path / "delad.xlsx"
    shutil.copy(samples / "delad-manadsuppfoljning.xlsx", shared)
    excel = tmp_path / "~$delad.xlsx"
    excel.write_bytes(b"\x02VC")
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))

    task = page.sync_to(shared, None)
    qtbot.waitUntil(lambda: task.done, timeout=20_000)
    assert told and "Excel" in told[0]
    wait_loaded(qtbot, page)
    assert "1 väntar (2026-10)" in page.queue_label.text()
    assert page.retry_button.isEnabled()

    excel.unlink()
    page.retry_button.click()
    qtbot.waitUntil(lambda: page.retry_task is not None and page.retry_task.done, timeout=20_000)
    wait_loaded(qtbot, page)
    assert sync_queue(unit, waiting_only=True) == []
    assert "inget väntar" in page.queue_label.text()
    assert "Synkad" in page.sync_state_label.text()

    page.fetch_vc_comment()
    qtbot.waitUntil(lambda: page.action_task is not None and page.action_task.done)
    wait_loaded(qtbot, page)
    assert "Ingen kommentar från verksamhetschefen" in page.vc_comment_label.text()
    workbook = openpyxl.load_workbook(shared)
    workbook["Månadsuppföljning"]["J8"] = "Bra att korttidsfrånvaron följs upp"
    workbook.save(shared)
    page.fetch_vc_comment()
    qtbot.waitUntil(lambda: page.action_task is not None and page.action_task.done)
    wait_loaded(qtbot, page)
    assert "Bra att korttidsfrånvaron följs upp" in page.vc_comment_label.text()


def test_waiting_syncs_are_tried_at_start(
    qtbot: QtBot, context: AppContext, unit: Workspace, samples: Path, tmp_path: Path
) -> None:
    from enhetschef_app.services.month.sync import SyncQueued, sync_month_to_shared_workbook

    shared = tmp_path / "delad.xlsx"
    shutil.copy(samples / "delad-manadsuppfoljning.xlsx", shared)
    (tmp_path / ".~lock.delad.xlsx#").write_text("VC,dator,,,")
    with pytest.raises(SyncQueued):
        sync_month_to_shared_workbook(unit, OCTOBER, shared)
    (tmp_path / ".~lock.delad.xlsx#").unlink()

    widget = MonthReportPage(context)
    qtbot.addWidget(widget)
    assert widget.start_timer.isActive() and widget.retry_timer.isActive()
    widget.start_timer.timeout.emit()  # what happens a few seconds after start
    qtbot.waitUntil(lambda: widget.retry_task is not None and widget.retry_task.done)
    assert sync_queue(unit, waiting_only=True) == []
    assert sync_queue(unit)[0].state == "done"


def test_overview_and_status_bar_say_whether_last_month_is_synced(
    qtbot: QtBot, context: AppContext, unit: Workspace, samples: Path, tmp_path: Path
) -> None:
    panel = MonthOverviewPanel(context)
    qtbot.addWidget(panel)
    panel.refresh(context.today())
    assert "2026-10 är inte synkad" in panel.month_line.text()
    wanted: list[tuple[str, object]] = []
    context.events.page_wanted.connect(lambda page_id, hint: wanted.append((page_id, hint)))
    panel.month_line.click()
    assert wanted == [("manadsrapport", OCTOBER)]

    window = MainWindow(context)
    qtbot.addWidget(window)
    assert window.sync_label.text() == "Månadsrapport: ej synkad"
    shared = tmp_path / "delad.xlsx"
    shutil.copy(samples / "delad-manadsuppfoljning.xlsx", shared)
    from enhetschef_app.services.month.sync import sync_month_to_shared_workbook

    sync_month_to_shared_workbook(unit, OCTOBER, shared)
    context.events.announce(events.MONTH)
    assert window.sync_label.text().startswith("Månadsrapport 2026-10 synkad ")
    panel.refresh(context.today())
    assert "2026-10 synkad" in panel.month_line.text()
    window.open_page("manadsrapport", OCTOBER)
    assert window.current_page().page_id == "manadsrapport"

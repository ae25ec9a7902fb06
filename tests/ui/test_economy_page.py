"""Ekonomi with real widgets over a real database: the year table and chart, the month's cost
lines with their inputs on hover, the drivers, the typed-in budget, an import with a bad row,
and Översikt's line when the prognos passes the budget."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from month_unit import build_month_unit
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from enhetschef_app.domain.year_month import YearMonth
from enhetschef_app.services.core.settings import change_settings
from enhetschef_app.services.core.workspace import Workspace
from enhetschef_app.services.economy.budget import BudgetEntry, save_budget
from enhetschef_app.services.staff.employees import list_employees, save_employee
from enhetschef_app.ui.economy.budget_dialog import BudgetColumn, BudgetDialog
from enhetschef_app.ui.economy.models import LineColumn, YearColumn
from enhetschef_app.ui.economy.overview import EconomyOverviewPanel
from enhetschef_app.ui.economy.page import EconomyPage
from enhetschef_app.ui.shell.context import AppContext
from enhetschef_app.ui.shell.import_problems import ImportProblemsDialog
from enhetschef_app.ui.shell.main_window import MainWindow

D = Decimal


@pytest.fixture
def unit(workspace: Workspace) -> Workspace:
    build_month_unit(workspace)
    change_settings(workspace, {"unit.fulltime_week_hours": "40"})
    anna = next(e for e in list_employees(workspace) if e.name == "Anna Ahl")
    save_employee(workspace, replace(anna.as_draft(), monthly_salary=32_500), anna.id)
    save_budget(workspace, [BudgetEntry(YearMonth(2026, 10), D(50_000), D(3))])
    return workspace


@pytest.fixture
def page(qtbot: QtBot, context: AppContext, unit: Workspace) -> EconomyPage:
    widget = EconomyPage(context)
    qtbot.addWidget(widget)
    widget.resize(1120, 640)
    widget.show()
    qtbot.waitExposed(widget)
    wait_loaded(qtbot, widget)
    return widget


def wait_loaded(qtbot: QtBot, page: EconomyPage) -> None:
    qtbot.waitUntil(lambda: page.load_task is not None and page.load_task.done, timeout=30_000)


def test_the_year_table_chart_and_the_months_lines_with_inputs_on_hover(
    qtbot: QtBot, page: EconomyPage
) -> None:
    fatal = QAbstractItemModelTester.FailureReportingMode.Fatal
    testers = [QAbstractItemModelTester(m, fatal) for m in (page.year_model, page.line_model)]
    model = page.year_model
    assert model.rowCount() == 12
    assert model.index(9, YearColumn.MONTH).data() == "2026-10"
    assert model.index(9, YearColumn.BUDGET).data() == "50 000".replace(" ", "\u00a0")
    assert model.index(9, YearColumn.DEVIATION).data() == "3\u00a0212"
    assert model.index(8, YearColumn.BUDGET).data() == "–"
    assert "Budget − kostnad" in model.headerData(
        YearColumn.DEVIATION, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
    )
    # The context's day is 2026-11-24: November is chosen; October is a click away.
    assert "2026-11" in page.lines_title.text()
    page.year_table.selectRow(9)
    assert "2026-10: 46\u00a0788 kr" in page.lines_title.text()
    lines = page.line_model
    found = {
        (lines.index(r, LineColumn.KIND).data(), lines.index(r, LineColumn.PERSON).data()): r
        for r in range(lines.rowCount())
    }
    row = found[("Sjukavdrag", "Anna Ahl")]
    assert lines.index(row, LineColumn.AMOUNT).data() == "−3\u00a0000,00"  # Swedish minus
    tip = lines.index(row, LineColumn.AMOUNT).data(Qt.ItemDataRole.ToolTipRole)
    assert "Schemalagda timmar förlorade: 16 h" in tip
    assert "187,50 kr" in tip
    assert ("PO-pålägg", "Hela enheten") in found
    assert "Bo Berg" in page.gaps_label.text() and page.gaps_label.isVisible()
    assert "Avvikelse mot budget: <b>3\u00a0212 kr</b>" in page.drivers_label.text()
    assert "Timavlönade" in page.drivers_label.text()
    assert page.chart.budget[9] == 50.0
    assert page.chart.costs  # the months as columns by where their cost comes from
    assert "Prognos helår" in page.forecast_label.text()
    assert len(testers) == 2  # kept alive while the models changed above


def test_the_typed_in_budget_is_saved_and_shown(
    qtbot: QtBot, page: EconomyPage, unit: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog_seen: list[BudgetDialog] = []

    def fill(dialog: BudgetDialog) -> QDialog.DialogCode:
        model = dialog.model
        assert not model.setData(model.index(10, BudgetColumn.COST), "mycket")
        dialog._show_problem()
        assert "2026-11: 'mycket' är inte ett belopp" in dialog.problem_label.text()
        assert model.setData(model.index(10, BudgetColumn.COST), "1 234 567,50")
        assert model.setData(model.index(10, BudgetColumn.FTE), "3,5")
        dialog_seen.append(dialog)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(BudgetDialog, "exec", fill)
    page.edit_budget()
    assert dialog_seen
    qtbot.waitUntil(lambda: page.action_task is not None and page.action_task.done)
    wait_loaded(qtbot, page)
    assert page.year_model.index(10, YearColumn.BUDGET).data() == "1\u00a0234\u00a0568"


def test_a_bad_budget_file_shows_every_problem(
    qtbot: QtBot, page: EconomyPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "budget.csv"
    path.write_text("Månad;Personalkostnad\n2026-13;1\nokt 2026;x\n", encoding="utf-8")
    opened: list[ImportProblemsDialog] = []
    monkeypatch.setattr(ImportProblemsDialog, "open", lambda self: opened.append(self))
    task = page.import_file(path, outcome=False)
    qtbot.waitUntil(lambda: task.done)
    (dialog,) = opened
    assert [(p.row, p.column) for p in dialog.error.problems] == [
        (2, "Månad"),
        (3, "Personalkostnad"),
    ]
    good = tmp_path / "ok.csv"
    good.write_text("Månad;Personalkostnad\nokt 2026;40 000\n", encoding="utf-8")
    monkeypatch.setattr(QMessageBox, "information", lambda *args: None)
    task = page.import_file(good, outcome=False)
    qtbot.waitUntil(lambda: task.done)
    wait_loaded(qtbot, page)
    assert page.year_model.index(9, YearColumn.BUDGET).data() == "40\u00a0000"


def test_overview_shows_a_line_when_the_prognos_passes_the_budget(
    qtbot: QtBot, context: AppContext, unit: Workspace
) -> None:
    panel = EconomyOverviewPanel(context)
    qtbot.addWidget(panel)
    panel.refresh(context.today())
    qtbot.waitUntil(lambda: panel.task is not None and panel.task.done, timeout=30_000)
    # The year's budget is October's 50 000 kr against a prognos of 547 288 kr.
    assert panel.signal is not None and panel.signal.over_budget == D("497288.00")
    assert "497\u00a0288 kr över budget" in panel.forecast_line.text()
    assert not panel.forecast_line.isHidden()
    wanted: list[tuple[str, object]] = []
    context.events.page_wanted.connect(lambda page_id, hint: wanted.append((page_id, hint)))
    panel.forecast_line.click()
    assert wanted == [("ekonomi", None)]
    save_budget(unit, [BudgetEntry(YearMonth(2026, m), D(60_000), D(3)) for m in range(1, 13)])
    panel.refresh(context.today())
    qtbot.waitUntil(lambda: panel.task is not None and panel.task.done, timeout=30_000)
    assert panel.forecast_line.isHidden()
    # Bo Berg and Cia Cato have no salary (Eva Ek left in October): a gap, not a zero.
    assert "2 medarbetare saknar månadslön" in panel.gap_line.text()


def test_the_page_is_in_the_window(qtbot: QtBot, context: AppContext, unit: Workspace) -> None:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.open_page("ekonomi", None)
    assert window.current_page().title() == "Ekonomi"


def test_ctrl_shift_e_opens_ekonomi(qtbot: QtBot, context: AppContext, unit: Workspace) -> None:
    window = MainWindow(context)
    qtbot.addWidget(window)
    action = next(a for a in window.page_actions.actions() if a.text() == "Ekonomi")
    assert action.shortcut().toString() == "Ctrl+Shift+E"
    action.trigger()
    assert window.current_page().page_id == "ekonomi"

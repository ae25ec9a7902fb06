"""The Personal page with real widgets over a real database file."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from page_loading import wait_loaded
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from enhetschef_app.domain.staff import EmploymentForm
from enhetschef_app.services.core.workspace import Workspace, open_workspace
from enhetschef_app.services.staff.employees import EmployeeView, list_employees, save_employee
from enhetschef_app.ui.shell.context import AppContext
from enhetschef_app.ui.staff.employee_dialog import EmployeeDialog
from enhetschef_app.ui.staff.employees_model import Column
from enhetschef_app.ui.staff.page import StaffPage

MakeEmployee = Callable[..., EmployeeView]


@pytest.fixture
def staff(make_employee: MakeEmployee) -> None:
    make_employee("10", "Östen Berg", grade="50")
    make_employee("9", "Anna Ålund", grade="100")
    make_employee("100", "Åsa Bergström", grade="5")
    make_employee("20", "Zara Ek", form=EmploymentForm.HOURLY, grade=None)
    make_employee(
        "30", "Vera Vik", form=EmploymentForm.FIXED_TERM, grade="87.5", end=date(2027, 6, 30)
    )
    make_employee("40", "Ulla Gammal", grade="75", end=date(2025, 12, 31))  # ended before DAY


@pytest.fixture
def page(qtbot: QtBot, context: AppContext, staff: None) -> StaffPage:
    widget = StaffPage(context)
    qtbot.addWidget(widget)
    widget.resize(1100, 600)
    widget.show()
    qtbot.waitExposed(widget)
    wait_loaded(qtbot, widget)
    return widget


def shown(page: StaffPage, column: Column = Column.NAME) -> list[str]:
    proxy = page.proxy
    return [proxy.index(row, column).data() for row in range(proxy.rowCount())]


def test_lists_active_staff_by_name_in_swedish_order_with_a_count(page: StaffPage) -> None:
    assert shown(page) == ["Anna Ålund", "Vera Vik", "Zara Ek", "Åsa Bergström", "Östen Berg"]
    assert page.count_label.text() == "5 av 6 visas"


def test_filter_matches_number_or_name_ignoring_case(qtbot: QtBot, page: StaffPage) -> None:
    qtbot.keyClicks(page.filter_edit, "BERG")
    assert shown(page) == ["Åsa Bergström", "Östen Berg"]
    assert page.count_label.text() == "2 av 6 visas"
    page.filter_edit.clear()
    qtbot.keyClicks(page.filter_edit, "100")
    assert shown(page) == ["Åsa Bergström"]


def test_form_filter_and_ended_staff(page: StaffPage) -> None:
    page.form_combo.setCurrentIndex(page.form_combo.findText("Timavlönad"))
    assert shown(page) == ["Zara Ek"]
    page.form_combo.setCurrentIndex(0)
    page.show_ended.setChecked(True)
    assert "Ulla Gammal" in shown(page)
    assert page.count_label.text() == "6 av 6 visas"
    row = shown(page).index("Ulla Gammal")
    assert page.proxy.index(row, Column.STATUS).data() == "Avslutad"


def test_grade_and_number_sort_as_numbers(page: StaffPage) -> None:
    page.view.sortByColumn(Column.GRADE, Qt.SortOrder.AscendingOrder)
    # As text it would be "100" < "5" < "50" < "87,5"; the hourly paid have no grade.
    assert shown(page, Column.GRADE) == ["", "5", "50", "87,5", "100"]
    page.view.sortByColumn(Column.GRADE, Qt.SortOrder.DescendingOrder)
    assert shown(page, Column.GRADE)[:2] == ["100", "87,5"]
    page.view.sortByColumn(Column.NUMBER, Qt.SortOrder.AscendingOrder)
    assert shown(page, Column.NUMBER) == ["9", "10", "20", "30", "100"]


def test_dates_sort_as_dates_and_hours_show_a_decimal_comma(page: StaffPage) -> None:
    page.view.sortByColumn(Column.END, Qt.SortOrder.DescendingOrder)
    assert shown(page, Column.END)[0] == "2027-06-30"
    row = shown(page).index("Vera Vik")
    assert page.proxy.index(row, Column.FULLTIME).data() == "38,25"
    assert page.proxy.index(row, Column.CONTRACT).data() == "33,47"


def test_the_list_keeps_the_model_contract_while_it_is_filtered_sorted_and_refreshed(
    qtbot: QtBot, qtmodeltester: ModelTester, page: StaffPage
) -> None:
    qtmodeltester.check(page.proxy)
    page.show_ended.setChecked(True)
    everyone = page.proxy.rowCount()
    page.proxy.set_text("berg")
    narrowed = page.proxy.rowCount()
    assert 0 < narrowed < everyone
    page.view.sortByColumn(Column.START, Qt.SortOrder.DescendingOrder)
    page.refresh()
    wait_loaded(qtbot, page)
    assert page.proxy.rowCount() == narrowed


def open_by_keyboard(qtbot: QtBot, page: StaffPage, name: str) -> EmployeeDialog:
    row = shown(page).index(name)
    page.view.setFocus()
    page.view.setCurrentIndex(page.proxy.index(row, 0))
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    dialog = page.employee_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_edit_in_dialog_is_saved_to_the_database(
    qtbot: QtBot, page: StaffPage, db_path: Path
) -> None:
    dialog = open_by_keyboard(qtbot, page, "Vera Vik")
    assert dialog.grade_edit.text() == "87,5"
    dialog.name_edit.setText("Vera Vikström")  # QTest types ASCII only
    dialog.grade_edit.clear()
    qtbot.keyClicks(dialog.grade_edit, "62,5")
    dialog.salary_edit.setText("31 500")
    assert dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_loaded(qtbot, page)

    assert "Vera Vikström" in shown(page)
    other = open_workspace(db_path, "HT-TEST")
    try:
        saved = {e.employee_no: e for e in list_employees(other, as_of=date(2026, 11, 24))}
    finally:
        other.close()
    assert saved["30"].name == "Vera Vikström"
    assert saved["30"].grade_percent == Decimal("62.5")
    assert saved["30"].monthly_salary == 31500
    assert saved["30"].end == date(2027, 6, 30)


def test_dialog_shows_problems_next_to_fields_and_blocks_saving(
    qtbot: QtBot, page: StaffPage
) -> None:
    dialog = open_by_keyboard(qtbot, page, "Anna Ålund")
    dialog.grade_edit.clear()
    qtbot.keyClicks(dialog.grade_edit, "150")
    problem = dialog.problem_labels["grade_percent"]
    assert problem.isVisible()
    assert "mellan 1 och 100" in problem.text()
    assert not dialog.save_button.isEnabled()

    dialog.grade_edit.setText("80")
    dialog.end_edit.setText("2026-13-01")
    assert "ÅÅÅÅ-MM-DD" in dialog.problem_labels["end"].text()
    assert not dialog.problem_labels["grade_percent"].isVisible()
    assert not dialog.save_button.isEnabled()

    dialog.end_edit.clear()
    dialog.form_combo.setCurrentIndex(dialog.form_combo.findText("Visstid"))
    assert dialog.problem_labels["end"].text() == "En visstidsanställning behöver ett slutdatum."
    dialog.end_edit.setText("2027-01-31")
    assert dialog.save_button.isEnabled()


def test_new_employee_with_a_taken_number_shows_the_service_problem(
    qtbot: QtBot, page: StaffPage, workspace: Workspace
) -> None:
    page.new_item()
    dialog = page.employee_dialog
    assert dialog is not None
    assert not dialog.save_button.isEnabled()  # number and name are required
    qtbot.keyClicks(dialog.number_edit, "9")
    qtbot.keyClicks(dialog.name_edit, "Ny Person")
    qtbot.keyClicks(dialog.grade_edit, "75")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert dialog.isVisible()
    assert "finns redan" in dialog.problem_labels["employee_no"].text()
    assert len(list_employees(workspace, as_of=date(2026, 11, 24))) == 6

    dialog.number_edit.setText("77")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    wait_loaded(qtbot, page)
    assert "Ny Person" in shown(page)
    selected = page.selected_employees()
    assert [e.name for e in selected] == ["Ny Person"]


def test_double_click_opens_the_employee(qtbot: QtBot, page: StaffPage) -> None:
    row = shown(page).index("Zara Ek")
    rect = page.view.visualRect(page.proxy.index(row, Column.NAME))
    qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialog = page.employee_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.name_edit.text() == "Zara Ek"
    assert not dialog.grade_edit.isEnabled()  # the hourly paid have no grade
    dialog.reject()


def test_saving_the_form_keeps_the_staff_lists_timlon(
    qtbot: QtBot, page: StaffPage, workspace: Workspace, db_path: Path
) -> None:
    zara = next(e for e in list_employees(workspace) if e.name == "Zara Ek")
    save_employee(workspace, replace(zara.as_draft(), hourly_rate=Decimal("181.25")), zara.id)
    page.refresh()
    wait_loaded(qtbot, page)
    dialog = open_by_keyboard(qtbot, page, "Zara Ek")
    dialog.name_edit.setText("Zara Eklund")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    other = open_workspace(db_path, "HT-TEST")
    try:
        saved = {e.employee_no: e for e in list_employees(other, as_of=date(2026, 11, 24))}
    finally:
        other.close()
    assert saved["20"].name == "Zara Eklund"
    assert saved["20"].hourly_rate == Decimal("181.25")

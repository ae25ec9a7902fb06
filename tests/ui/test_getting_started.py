"""Kom igång: a new database opens on it, and its steps lead to a unit with staff, a schedule
and a staffing need, using the example files that ship with the program."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from enhetschef_app.paths import example_file
from enhetschef_app.services.core.info import unit_row_counts_for
from enhetschef_app.services.core.workspace import Workspace, open_workspace
from enhetschef_app.services.schedule.staffing_need import staffing_need
from enhetschef_app.ui.overview.getting_started import GettingStartedPage
from enhetschef_app.ui.shell.context import AppContext
from enhetschef_app.ui.shell.examples import ABSENCE_EXAMPLE, SCHEDULE_EXAMPLE, STAFF_EXAMPLE
from enhetschef_app.ui.shell.main_window import MainWindow

DAY = date(2026, 11, 24)


@pytest.fixture
def new_database(tmp_path: Path) -> Iterator[Workspace]:
    workspace = open_workspace(tmp_path / "ny.sqlite3")
    yield workspace
    workspace.close()


@pytest.fixture
def window(qtbot: QtBot, new_database: Workspace, tmp_path: Path) -> MainWindow:
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    main = MainWindow(AppContext(new_database, settings, today=lambda: DAY))
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    return main


def choose_file(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(path), ""))


def import_button(page: GettingStartedPage) -> object:
    step = page.steps.currentWidget()
    assert step is not None
    return step.property("importButton")


def test_the_example_files_ship_with_the_program() -> None:
    for name in (STAFF_EXAMPLE, SCHEDULE_EXAMPLE, ABSENCE_EXAMPLE):
        assert example_file(name).stat().st_size > 0


def test_a_new_database_leads_to_a_unit_with_staff_and_a_schedule(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    summaries: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: summaries.append(text))
    page = window.current_page()
    assert isinstance(page, GettingStartedPage)
    assert page.steps.currentIndex() == 0
    assert page.demo_button.isVisible()

    # The unit: nothing is said before the user has typed; Skapa is usable once both are there.
    assert not page.unit_problem.isVisible()
    assert not page.create_unit_button.isEnabled()
    page.unit_name_edit.setText("Hemtjänst Norr")  # keyClicks types ASCII only
    qtbot.keyClicks(page.unit_code_edit, "ht-norr")
    assert page.create_unit_button.isEnabled()
    qtbot.mouseClick(page.create_unit_button, Qt.MouseButton.LeftButton)
    unit = window.context.workspace.unit
    assert unit is not None and (unit.code, unit.name) == ("HT-NORR", "Hemtjänst Norr")
    assert window.unit_label.text() == "Enhet: HT-NORR – Hemtjänst Norr"
    assert page.steps.currentWidget() is page.staff_step

    choose_file(monkeypatch, example_file(STAFF_EXAMPLE))
    import_button(page).click()  # type: ignore[attr-defined]
    assert page.task is not None
    qtbot.waitUntil(lambda: page.task is not None and page.task.done, timeout=30_000)
    counts = unit_row_counts_for(window.context.workspace)
    assert counts["employees"] > 0
    assert page.staff_step.done_label.text() == f"Enheten har {counts['employees']} anställda."

    qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    assert page.steps.currentWidget() is page.schedule_step
    choose_file(monkeypatch, example_file(SCHEDULE_EXAMPLE))
    import_button(page).click()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: page.task is not None and page.task.done, timeout=30_000)
    counts = unit_row_counts_for(window.context.workspace)
    assert counts["schedule_rows"] > 0
    # A successful import moves on by itself: the next step is the staffing need.
    qtbot.waitUntil(lambda: page.steps.currentWidget() is page.need_step)

    task = page.suggest_need()
    qtbot.waitUntil(lambda: task.done, timeout=30_000)
    assert page.need_tab.save_button.isEnabled()
    qtbot.mouseClick(page.need_tab.save_button, Qt.MouseButton.LeftButton)
    needs = staffing_need(window.context.workspace)
    assert {need.weekday for need in needs} and any(need.staff_count > 0 for need in needs)

    # Frånvaron is skipped; the last step leads to Översikt, which now shows the unit.
    qtbot.mouseClick(page.skip_button, Qt.MouseButton.LeftButton)
    assert page.steps.currentWidget() is page.absence_step
    qtbot.mouseClick(page.skip_button, Qt.MouseButton.LeftButton)
    assert page.steps.currentWidget() is page.done_step
    qtbot.mouseClick(page.overview_button, Qt.MouseButton.LeftButton)
    assert window.current_page().page_id == "oversikt"
    assert any("importer" in text.lower() for text in summaries)


def test_later_steps_wait_for_the_unit(qtbot: QtBot, window: MainWindow) -> None:
    page = window.current_page()
    assert isinstance(page, GettingStartedPage)
    assert not page.next_button.isEnabled()
    page.go_to(2)
    assert page.steps.currentIndex() == 0
    assert page.unit_problem.isVisible()


def test_the_demo_unit_shows_its_steps_and_opens_the_overview(
    qtbot: QtBot, window: MainWindow
) -> None:
    page = window.current_page()
    assert isinstance(page, GettingStartedPage)
    page.demo_staff, page.demo_weeks = 10, 2  # a small one: the same steps, in less time
    task = page.make_demo()
    assert not page.demo_button.isEnabled()  # cannot be started twice
    qtbot.waitUntil(lambda: task.done, timeout=120_000)
    assert task.steps and task.steps[-1][0] == task.steps[-1][1]  # reported up to the last step
    unit = window.context.workspace.unit
    assert unit is not None and unit.code == "DEMO"
    assert window.current_page().page_id == "oversikt"


def test_a_database_with_a_unit_opens_on_the_overview(qtbot: QtBot, context: AppContext) -> None:
    main = MainWindow(context)
    qtbot.addWidget(main)
    assert main.current_page().page_id == "oversikt"
    assert main.getting_started is None

"""The main window: its pages, navigation, menus, status bar and remembered state."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from page_loading import wait_loaded
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QSplitter
from pytestqt.qtbot import QtBot

from enhetschef_app.services.core.workspace import Workspace, ensure_unit
from enhetschef_app.services.staff.employees import EmployeeView
from enhetschef_app.ui.shell.context import LAST_UNIT_KEY, AppContext
from enhetschef_app.ui.shell.main_window import MainWindow
from enhetschef_app.ui.staff.page import StaffPage

MakeEmployee = Callable[..., EmployeeView]


@pytest.fixture
def window(qtbot: QtBot, context: AppContext, make_employee: MakeEmployee) -> MainWindow:
    make_employee("1", "Anna Ålund")
    main = MainWindow(context)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    return main


def personal_row(window: MainWindow) -> int:
    """Where Personal is in the navigation (areas add their pages before it)."""
    return next(row for row, page in enumerate(window.pages) if page.page_id == "personal")


def menu_titles(window: MainWindow) -> list[str]:
    return [action.text().replace("&", "") for action in window.menuBar().actions()]


def test_opens_with_the_three_working_pages_and_switches(qtbot: QtBot, window: MainWindow) -> None:
    titles = [window.navigation.item(row).text() for row in range(window.navigation.count())]
    # The areas add their pages between Översikt first and Inställningar last (UI.md's order).
    assert titles[0] == "Översikt" and titles[-1] == "Inställningar"
    assert {"Personal", "Avvikelser"} <= set(titles)
    assert window.stack.count() == len(titles)
    assert window.current_page().page_id == "oversikt"
    assert menu_titles(window) == ["Arkiv", "Redigera", "Visa", "Verktyg", "Hjälp"]

    window.navigation.setCurrentRow(personal_row(window))
    assert window.current_page().page_id == "personal"
    assert window.new_action.isEnabled() and window.filter_action.isEnabled()

    last = len(titles) - 1
    window.page_actions.actions()[last].trigger()  # Visa → Inställningar
    assert window.current_page().page_id == "installningar"
    assert window.navigation.currentRow() == last
    # Ctrl+N stays available and says why it makes nothing here.
    window.new_action.trigger()
    assert window.statusBar().currentMessage().startswith("Inställningar har ingen ny post")


def test_status_bar_names_database_unit_and_sync(window: MainWindow, workspace: Workspace) -> None:
    assert window.database_label.text() == f"Databas: {workspace.path.name}"
    assert window.unit_label.text() == "Enhet: HT-TEST – Hemtjänst Test"
    assert window.sync_label.text() == "Månadsrapport: ej synkad"
    assert window.windowTitle() == "Enhetschef – Hemtjänst Test"


def test_ctrl_f_and_ctrl_n_reach_the_current_page(qtbot: QtBot, window: MainWindow) -> None:
    window.show_page(personal_row(window))
    page = window.current_page()
    assert isinstance(page, StaffPage)
    window.filter_action.trigger()
    assert QApplication.focusWidget() is page.filter_edit or page.filter_edit.hasFocus()
    window.new_action.trigger()
    assert page.employee_dialog is not None and page.employee_dialog.isVisible()
    assert page.employee_dialog.windowTitle() == "Ny medarbetare"
    page.employee_dialog.reject()


def test_remembers_geometry_splitter_and_last_page(
    qtbot: QtBot, window: MainWindow, context: AppContext, ui_settings: QSettings
) -> None:
    # Within the offscreen platform's 800 x 600 screen, which restoreGeometry respects, unless
    # the pages need more than 780 px (the font of an earlier test can make them so).
    width = max(780, window.minimumSizeHint().width())
    window.resize(width, 520)
    window.splitter.setSizes([155, width - 155])
    sizes = window.splitter.sizes()
    window.show_page(personal_row(window))
    window.close()

    again = MainWindow(context)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert again.current_page().page_id == "personal"
    assert (again.width(), again.height()) == (width, 520)
    assert again.splitter.sizes() == sizes
    assert ui_settings.value("pages/personal/columns") is not None
    overview_splitter = again.page("oversikt").findChild(QSplitter, "overviewSplitter")
    assert overview_splitter is not None


def test_switching_unit_reloads_pages_and_is_remembered(
    qtbot: QtBot, window: MainWindow, workspace: Workspace, ui_settings: QSettings
) -> None:
    other = ensure_unit(workspace, "HT-SYD", "Hemtjänst Syd")
    window._fill_unit_menu()
    assert window.unit_menu.isEnabled()
    window.show_page(personal_row(window))
    staff = window.current_page()
    assert isinstance(staff, StaffPage)
    wait_loaded(qtbot, staff)
    assert staff.model.rowCount() == 1
    window.choose_unit(other)
    assert window.unit_label.text() == "Enhet: HT-SYD – Hemtjänst Syd"
    wait_loaded(qtbot, staff)
    assert staff.model.rowCount() == 0
    assert ui_settings.value(LAST_UNIT_KEY) == "HT-SYD"


def test_backup_runs_in_a_worker_and_reports_the_copy(
    qtbot: QtBot, window: MainWindow, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "information", lambda _parent, _title, text: shown.append(text)
    )
    task = window.back_up()
    qtbot.waitUntil(lambda: task.done)
    copies = list((workspace.path.parent / "backups").glob("*manuell*"))
    assert len(copies) == 1
    assert shown and str(copies[0]) in shown[0]


def test_quit_action_closes_the_window(qtbot: QtBot, window: MainWindow) -> None:
    assert window.quit_action.shortcut().toString() == "Ctrl+Q"
    assert window.refresh_action.shortcut().toString() == "F5"
    window.quit_action.trigger()
    assert not window.isVisible()


def test_window_fits_a_small_laptop_screen(qtbot: QtBot, window: MainWindow) -> None:
    # 1366 x 768 at 125 % leaves about 1090 x 580 for the window: every page must fit.
    for row in range(window.navigation.count()):
        window.show_page(row)
        hint = window.minimumSizeHint()
        assert hint.width() <= 1024 and hint.height() <= 580, window.current_page().page_id


def test_navigation_by_keyboard(qtbot: QtBot, window: MainWindow) -> None:
    window.navigation.setFocus()
    window.navigation.setCurrentRow(0)
    qtbot.keyClick(window.navigation, Qt.Key.Key_Down)
    assert window.current_page().page_id == window.pages[1].page_id


def test_empty_database_opens_with_empty_states(
    qtbot: QtBot, tmp_path: Path, ui_settings: QSettings
) -> None:
    from enhetschef_app.services.core.workspace import open_workspace

    empty = open_workspace(tmp_path / "tom.sqlite3")
    try:
        main = MainWindow(AppContext(empty, ui_settings))
        qtbot.addWidget(main)
        main.show()
        assert main.unit_label.text() == "Enhet: ingen än"
        main.show_page(personal_row(main))
        staff = main.current_page()
        assert isinstance(staff, StaffPage)
        assert staff.empty_state.isVisible()
        assert "ingen enhet" in staff.empty_state.text()
        main.close()
    finally:
        empty.close()


def test_the_window_builds_only_the_page_it_shows(tmp_path: Path) -> None:
    """Filled with Översikt, the window has neither imported nor built the other pages; a page
    is built on its first visit."""
    script = f"""
import sys
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from enhetschef_app.services.core.workspace import ensure_unit, open_workspace
from enhetschef_app.ui.shell.context import AppContext
from enhetschef_app.ui.shell.main_window import MainWindow

app = QApplication([])
from pathlib import Path
workspace = open_workspace(Path({str(tmp_path / "lazy.db")!r}))
workspace = workspace.with_unit(ensure_unit(workspace, "LAZY"))
settings = QSettings({str(tmp_path / "ui.ini")!r}, QSettings.Format.IniFormat)
window = MainWindow(AppContext(workspace, settings))
print(window.current_page().page_id, len(window.built_pages()),
      "enhetschef_app.ui.people.page" in sys.modules)
window.open_page("medarbetarsamtal")
print(window.current_page().page_id, len(window.built_pages()),
      "enhetschef_app.ui.people.page" in sys.modules)
"""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[:2] == ["oversikt 1 False", "medarbetarsamtal 2 True"]

"""Hjälp → Om Enhetschef: the version from pyproject.toml, where the database, the data and the
logs are, and the licences of the libraries that ship with the program."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from enhetschef_app.services.core.workspace import Workspace
from enhetschef_app.ui.shell.about import AboutDialog
from enhetschef_app.ui.shell.context import AppContext
from enhetschef_app.ui.shell.main_window import MainWindow
from enhetschef_app.ui.shell.worker import BackgroundTask

REPO = Path(__file__).resolve().parents[2]


def pyproject_version() -> str:
    with (REPO / "pyproject.toml").open("rb") as handle:
        return str(tomllib.load(handle)["project"]["version"])


def help_actions(window: MainWindow) -> dict[str, QAction]:
    for action in window.menuBar().actions():
        menu = action.menu()
        if action.text().replace("&", "") == "Hjälp" and isinstance(menu, QMenu):
            return {a.text(): a for a in menu.actions()}
    raise AssertionError("the window has no Hjälp menu")


def test_the_help_menu_opens_the_about_dialog_with_version_and_folders(
    qtbot: QtBot, context: AppContext, workspace: Workspace
) -> None:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    seen: dict[str, str] = {}
    loading: list[BackgroundTask[Any]] = []

    def inspect_and_close() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, AboutDialog)
        seen["title"] = dialog.windowTitle()
        seen["version"] = dialog.version_label.text()
        seen["database"] = dialog.database_label.text()
        seen["data"] = dialog.data_label.text()
        seen["log"] = dialog.log_label.text()
        loading.append(dialog.loading)
        dialog.reject()

    QTimer.singleShot(0, inspect_and_close)
    help_actions(window)["Om Enhetschef"].trigger()
    qtbot.waitUntil(lambda: loading[0].done, timeout=20_000)

    assert seen["title"] == "Om Enhetschef"
    assert seen["version"] == pyproject_version()
    assert seen["database"] == str(workspace.path)
    assert seen["data"] == os.environ["ENHETSCHEF_DATA_DIR"]
    assert seen["log"] == os.environ["ENHETSCHEF_LOG_DIR"]


def test_the_licences_of_the_shipped_libraries_are_listed_with_their_texts(
    qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = AboutDialog(tmp_path / "enhet.sqlite3", tmp_path / "data", tmp_path / "log")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.table.rowCount() > 0, timeout=20_000)

    def cell(row: int, column: int) -> str:
        item = dialog.table.item(row, column)
        assert item is not None
        return item.text()

    rows = {cell(row, 0): (cell(row, 1), cell(row, 2)) for row in range(dialog.table.rowCount())}
    # The program's direct requirements and what they pull in; the program itself is not listed.
    for name in ("Python", "PySide6_Essentials", "SQLAlchemy", "alembic", "pandas", "openpyxl"):
        assert name in rows, sorted(rows)
    assert "enhetschef" not in {name.lower() for name in rows}
    assert "LGPL-3.0" in rows["PySide6_Essentials"][1]
    assert rows["SQLAlchemy"][1] == "MIT"

    pyside_row = list(rows).index("PySide6_Essentials")
    dialog.table.selectRow(pyside_row)
    text = dialog.licence_text.toPlainText()
    assert text.startswith("PySide6_Essentials")
    # PySide6 ships no licence text of its own: the program carries the LGPL's.
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in text

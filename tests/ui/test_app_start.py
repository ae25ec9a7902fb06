"""Starting the program: refused databases, the error hook, and the start-up bench contract."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from enhetschef_app import app
from enhetschef_app.domain.errors import EXIT_USER_ERROR
from enhetschef_app.services.core.workspace import Workspace, ensure_unit, open_for_window
from enhetschef_app.ui.shell.main_window import MainWindow

BENCH_LINE = re.compile(
    r"^BENCH shown_wall=(\d+\.\d+) ready_wall=(\d+\.\d+) rss_kb=(\d+) pandas_loaded=([01])"
    r" translations=([\w,-]+) sqlalchemy_before_shown=([01])$"
)


def main_windows() -> list[MainWindow]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]


def test_a_refused_database_shows_why_and_opens_no_window(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    garbage = tmp_path / "inte-en-databas.sqlite3"
    garbage.write_bytes(os.urandom(4096))
    before = garbage.read_bytes()
    messages: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "critical", lambda _parent, _title, text: messages.append(text)
    )
    windows_before = len(main_windows())

    assert app.run_gui(garbage, None) == EXIT_USER_ERROR

    assert garbage.read_bytes() == before
    assert len(main_windows()) == windows_before
    assert len(messages) == 1
    assert "går inte att öppna" in messages[0] and "Filen har inte ändrats" in messages[0]


def test_an_unknown_unit_is_refused_too(
    qtbot: QtBot, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    messages: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "critical", lambda _parent, _title, text: messages.append(text)
    )
    assert app.run_gui(workspace.path, "FINNS-EJ") == EXIT_USER_ERROR
    assert messages and "FINNS-EJ" in messages[0]


def test_unexpected_errors_are_logged_with_traceback_and_named_briefly(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[QMessageBox] = []

    def record(box: QMessageBox) -> int:
        shown.append(box)
        return 0

    monkeypatch.setattr(QMessageBox, "exec", record)
    with app._log_file() as log_path:
        try:
            raise ZeroDivisionError("division by zero in a test")
        except ZeroDivisionError as exc:
            app._report_unexpected(type(exc), exc, exc.__traceback__)
    logged = log_path.read_text(encoding="utf-8")
    assert "Traceback" in logged and "division by zero in a test" in logged
    assert len(shown) == 1
    assert str(log_path) in shown[0].text()
    assert "Traceback" not in shown[0].text()
    assert "Kopiera felrapport" in [button.text() for button in shown[0].buttons()]


# The window's event loop runs in a process of its own: once QApplication.exec() has returned,
# Qt 6 ends every later event loop at once, which would break the tests that follow.
@pytest.mark.slow
def test_bench_start_in_a_process_does_not_load_pandas(workspace: Workspace) -> None:
    from decimal import Decimal

    from enhetschef_app.domain.staff import EmployeeDraft, EmploymentForm
    from enhetschef_app.services.staff.employees import save_employee

    save_employee(
        workspace,
        EmployeeDraft("1", "Anna Ålund", EmploymentForm.PERMANENT, Decimal(100), None, None, None),
    )
    env = dict(os.environ, ENHETSCHEF_BENCH_STARTUP="1", QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-m", "enhetschef_app", "--db", str(workspace.path), "gui"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    lines = [line for line in done.stdout.splitlines() if line.startswith("BENCH")]
    assert len(lines) == 1, done.stdout
    found = BENCH_LINE.match(lines[0])
    assert found is not None, lines[0]
    # The window shows first; the pages are filled once the database is open.
    assert float(found.group(2)) >= float(found.group(1))
    assert int(found.group(3)) > 0
    assert found.group(4) == "0"
    assert found.group(5).split(",") == ["qtbase_sv", "enhetschef_sv"]
    assert found.group(6) == "0"  # the window shows before the database layer is imported


def test_of_several_units_the_remembered_one_opens(
    workspace: Workspace, ui_settings: QSettings
) -> None:
    ensure_unit(workspace, "HT-SYD", "Hemtjänst Syd")
    first = open_for_window(workspace.path, None, remembered="")
    try:
        assert first.unit is not None and first.unit.code == "HT-SYD"  # the first by code
    finally:
        first.close()
    remembered = open_for_window(workspace.path, None, remembered="HT-TEST")
    try:
        assert remembered.unit is not None and remembered.unit.code == "HT-TEST"
    finally:
        remembered.close()

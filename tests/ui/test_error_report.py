"""The dialog of an unexpected error: "Kopiera felrapport" puts a report on the clipboard with
the version, the platform, the kind of error, where it happened and the last log lines, and
nothing that names a person."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from enhetschef_app import __version__
from enhetschef_app.app import _log_file
from enhetschef_app.ui.shell.errors import unexpected_error_box

PERSONNUMMER = "19121212-1212"


def _failing_sync(name: str) -> None:
    raise KeyError(f"{name} {PERSONNUMMER}")


def test_kopiera_felrapport_copies_a_report_without_personal_data(
    qtbot: QtBot, tmp_path: Path
) -> None:
    home = Path.home()
    with _log_file() as log_path:
        log = logging.getLogger("enhetschef.test")
        log.info("Öppnade %s (enhet HT-NORR)", home / "Dokument" / "enhet.sqlite3")
        log.warning("Import av 'Anna Ålund' %s avbröts, e-post anna.alund@kommun.se", PERSONNUMMER)
        try:
            _failing_sync("Anna Ålund")
        except KeyError as exc:
            error = exc
        box = unexpected_error_box(None, error)
        qtbot.addWidget(box)
        assert str(log_path) in box.text()
        [copy] = [b for b in box.buttons() if b.text() == "Kopiera felrapport"]
        assert isinstance(copy, QPushButton)
        QGuiApplication.clipboard().clear()
        box.show()
        copy.click()
        report = QGuiApplication.clipboard().text()

    assert box.isVisible()  # copying leaves the message on screen
    assert copy.text() == "Felrapporten är kopierad"
    assert f"Enhetschef {__version__}" in report
    assert "Plattform: " in report and "Qt: " in report
    assert "Fel: builtins.KeyError" in report
    assert "test_error_report.py" in report and "_failing_sync" in report
    assert "Öppnade" in report and "avbröts" in report  # the last log lines are there
    for personal in ("Anna", "Ålund", PERSONNUMMER, "1212", "anna.alund", str(home)):
        assert personal not in report
    box.close()


def test_the_bug_dialog_is_critical_and_names_the_log_file(qtbot: QtBot) -> None:
    box = unexpected_error_box(None, RuntimeError("x"))
    qtbot.addWidget(box)
    assert box.icon() == QMessageBox.Icon.Critical
    assert "oväntat fel" in box.text() and "enhetschef.log" in box.text()

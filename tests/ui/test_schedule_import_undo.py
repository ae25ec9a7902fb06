"""The window asks before an import removes many rows, showing the counts, and Arkiv → Ångra
senaste import puts the schedule back."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from enhetschef_app.services.core.workspace import Workspace
from enhetschef_app.services.schedule.imports import import_schedule
from enhetschef_app.services.staff.imports import import_staff
from enhetschef_app.storage.models import ScheduleRow
from enhetschef_app.ui.schedule.import_flow import import_schedule_file
from enhetschef_app.ui.shell.context import AppContext
from enhetschef_app.ui.shell.main_window import MainWindow
from enhetschef_app.ui.shell.worker import running_tasks

EXPORT = "schema-export-cp1252.csv"


def row_count(workspace: Workspace) -> int:
    with workspace.transaction() as session:
        return int(session.scalar(select(func.count()).select_from(ScheduleRow)) or 0)


def test_an_import_removing_many_rows_asks_with_the_counts_and_undo_restores(
    qtbot: QtBot,
    context: AppContext,
    workspace: Workspace,
    samples: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import_staff(workspace, samples / "personal-standard.csv")
    import_schedule(workspace, samples / EXPORT)
    lines = (samples / EXPORT).read_text(encoding="cp1252").splitlines()
    ends = [line for line in lines[1:] if "2026-11-16" in line or "2026-11-22" in line]
    path = tmp_path / "mandag-sondag.csv"
    path.write_text("\n".join([lines[0], *ends]) + "\n", encoding="utf-8")
    summaries: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: summaries.append(text))
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()

    task = import_schedule_file(context, window, path)
    qtbot.waitUntil(lambda: task.done, timeout=20000)
    box = window.findChild(QMessageBox, "confirmRemoval")
    assert box is not None and box.isVisible()
    assert "tar bort 26 av 36 pass i filens veckor, 0 registrerade ersättare" in box.text()
    assert row_count(workspace) == 72  # nothing yet
    go = box.findChild(QPushButton, "replaceRows")
    assert go is not None and go.text() == "Importera och ta bort"
    go.click()
    qtbot.waitUntil(lambda: bool(summaries) and running_tasks() == 0, timeout=20000)
    assert "26 borttagna" in summaries[0] and "Säkerhetskopia före importen" in summaries[0]
    assert row_count(workspace) == 46

    assert window.undo_import_action.text() == "Ångra senaste import"
    window.undo_import_action.trigger()
    qtbot.waitUntil(lambda: len(summaries) == 2 and running_tasks() == 0, timeout=20000)
    assert "26 borttagna pass tillbaka" in summaries[1]
    assert row_count(workspace) == 72
    window.undo_import_action.trigger()
    assert summaries[2] == "Det finns ingen schemaimport att ångra."

"""A form whose save is refused because someone else changed the record since it was read
(two ECs of one unit, issue 21 point 3) stays open with what the user wrote, and says who
changed it and when."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from enhetschef_app.domain.absences import AbsenceDraft
from enhetschef_app.services.absence.absences import list_absences, save_absence
from enhetschef_app.services.core.workspace import Workspace, open_workspace
from enhetschef_app.services.staff.employees import EmployeeView
from enhetschef_app.ui.absence.absence_dialog import AbsenceDialog
from enhetschef_app.ui.shell.context import AppContext


def test_a_refused_save_keeps_the_absence_dialog_open_with_the_input(
    qtbot: QtBot,
    context: AppContext,
    workspace: Workspace,
    make_employee: Callable[..., EmployeeView],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    anna = make_employee("1", "Anna Ålund")
    save_absence(workspace, AbsenceDraft(anna.id, "sjuk", date(2026, 11, 2), None, 100))
    [read] = list_absences(workspace)
    dialog = AbsenceDialog(context, [anna], read)
    qtbot.addWidget(dialog)
    dialog.show()

    # The biträdande chef, in her own program, changes it meanwhile.
    other = replace(open_workspace(workspace.path, workspace.require_unit().code), actor="Bo B")
    try:
        save_absence(other, replace(read.as_draft(), extent_percent=50), read.id, version=1)
    finally:
        other.close()

    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: told.append(text))
    dialog.end_edit.setText("2026-11-06")
    dialog.extent_spin.setValue(75)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert dialog.isVisible() and dialog.saved is None
    assert len(told) == 1
    assert told[0].startswith("Ändrad av Bo B kl. ") and told[0].endswith(" — läs in igen")
    assert (dialog.end_edit.text(), dialog.extent_spin.value()) == ("2026-11-06", 75)
    [stored] = list_absences(workspace)
    assert (stored.end, stored.extent_percent) == (None, 50)

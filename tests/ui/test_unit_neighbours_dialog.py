"""Grannenheter set in the window reach the cover search in both directions."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from enhetschef_app.services.core.unit_neighbours import list_neighbours
from enhetschef_app.services.core.workspace import Workspace, ensure_unit
from enhetschef_app.ui.core.unit_neighbours import UnitNeighboursDialog
from enhetschef_app.ui.shell.context import AppContext


def test_ticked_units_become_neighbours_both_ways_and_unticked_stop(
    qtbot: QtBot, workspace: Workspace, context: AppContext
) -> None:
    north = ensure_unit(workspace, "HT-NORR", "Hemtjänst Norr")
    ensure_unit(workspace, "HT-SYD", "Hemtjänst Syd")
    changed: list[object] = []
    context.events.changed.connect(changed.append)

    dialog = UnitNeighboursDialog(context)
    qtbot.addWidget(dialog)
    assert sorted(dialog.boxes) == ["HT-NORR", "HT-SYD"]  # never the unit itself
    dialog.boxes["HT-NORR"].setChecked(True)
    dialog.save()

    assert [u.code for u in list_neighbours(workspace)] == ["HT-NORR"]
    assert [u.code for u in list_neighbours(workspace.with_unit(north))] == ["HT-TEST"]
    assert changed  # the pages that show covers reload

    again = UnitNeighboursDialog(context)
    qtbot.addWidget(again)
    assert again.boxes["HT-NORR"].isChecked()
    again.boxes["HT-NORR"].setChecked(False)
    again.save()
    assert list_neighbours(workspace) == []


def test_a_database_of_one_unit_says_how_to_add_another(qtbot: QtBot, context: AppContext) -> None:
    dialog = UnitNeighboursDialog(context)
    qtbot.addWidget(dialog)
    assert dialog.boxes == {}
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert any("inga andra enheter" in text for text in texts)

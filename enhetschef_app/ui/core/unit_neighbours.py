"""Grannenheter: which other units of the database lend staff to this one (and borrow from it).
Their staff are listed after the unit's own in "Hitta ersättare"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from enhetschef_app.domain.errors import UserError
from enhetschef_app.services.core.unit_neighbours import change_neighbours, list_neighbours
from enhetschef_app.services.core.workspace import list_units
from enhetschef_app.ui.shell import events
from enhetschef_app.ui.shell.errors import show_error
from enhetschef_app.ui.shell.widgets import role_label

if TYPE_CHECKING:
    from enhetschef_app.ui.shell.context import AppContext


class UnitNeighboursDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        unit = context.workspace.require_unit()
        self.setWindowTitle(self.tr("Grannenheter"))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        layout.addWidget(
            role_label(
                self.tr(
                    "Grannenheter lånar ut personal till {code} och lånar från den. Deras "
                    "personal visas efter enhetens egen när du söker ersättare."
                ).format(code=unit.code),
                "help",
            )
        )
        current = {u.code for u in list_neighbours(context.workspace)}
        self.boxes: dict[str, QCheckBox] = {}
        others = [u for u in list_units(context.workspace) if u.id != unit.id]
        for other in others:
            box = QCheckBox(self.tr("{code} – {name}").format(code=other.code, name=other.name))
            box.setChecked(other.code in current)
            self.boxes[other.code] = box
            layout.addWidget(box)
        if not others:
            layout.addWidget(
                role_label(
                    self.tr(
                        "Databasen har inga andra enheter. Importera en personallista med en ny "
                        "enhetskod för att lägga till en."
                    ),
                    "emptyState",
                )
            )
        self._initial = current
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(bool(others))
        layout.addWidget(buttons)

    def chosen(self) -> set[str]:
        return {code for code, box in self.boxes.items() if box.isChecked()}

    def save(self) -> None:
        chosen = self.chosen()
        try:
            change_neighbours(
                self.context.workspace,
                add=sorted(chosen - self._initial),
                remove=sorted(self._initial - chosen),
            )
        except UserError as exc:
            show_error(self, exc)
            return
        self.context.events.announce(events.SCHEDULE)
        self.accept()

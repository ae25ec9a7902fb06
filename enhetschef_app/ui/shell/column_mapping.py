"""Choosing which column of an unfamiliar schedule file is which, with a preview of its rows.

The choice is remembered for the file's layout, so the next file from the same system imports
without asking.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from enhetschef_app.domain.schedule_import import SCHEDULE_FIELDS, ColumnMappingNeeded
from enhetschef_app.ui.shell.examples import SCHEDULE_EXAMPLE, example_button
from enhetschef_app.ui.shell.widgets import read_only_table, role_label

Index = QModelIndex | QPersistentModelIndex
CHOSEN = QColor("#d9e9f7")


class PreviewModel(QAbstractTableModel):
    """The first rows of the file, the chosen columns tinted and named in the header."""

    def __init__(
        self, headers: list[str], rows: list[list[str]], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.headers = headers
        self.rows = rows
        self.chosen: dict[str, str] = {}  # header -> field label

    def set_chosen(self, chosen: dict[str, str]) -> None:
        self.chosen = chosen
        if self.headers:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.headers) - 1)
        if self.rows and self.headers:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.rows) - 1, len(self.headers) - 1)
            )

    def rowCount(self, parent: Index | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self.headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        if not 0 <= index.column() < len(self.headers):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row[index.column()] if index.column() < len(row) else ""
        if role == Qt.ItemDataRole.BackgroundRole and self.headers[index.column()] in self.chosen:
            return QBrush(CHOSEN)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            header = self.headers[section]
            field = self.chosen.get(header)
            return f"{header}\n→ {field}" if field else header
        return None


class ColumnMappingDialog(QDialog):
    def __init__(self, error: ColumnMappingNeeded, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.error = error
        self.setWindowTitle(self.tr("Välj kolumner"))
        self.resize(820, 520)
        intro = role_label(
            self.tr(
                "Rubrikerna i {file} går inte att känna igen. Välj vilken kolumn som är vilket "
                "fält; valet sparas för filer med samma rubriker."
            ).format(file=error.file_name),
            "help",
        )
        self.combos: dict[str, QComboBox] = {}
        form = QFormLayout()
        for field in SCHEDULE_FIELDS:
            combo = QComboBox()
            combo.addItem(self.tr("(ingen)"), "")
            for header in error.headers:
                combo.addItem(header, header)
            guessed = error.guess.get(field.key)
            if guessed:
                combo.setCurrentIndex(combo.findData(guessed))
            combo.setAccessibleName(field.label)
            combo.currentIndexChanged.connect(self._changed)
            self.combos[field.key] = combo
            label = f"{field.label}{' *' if field.required else ''}"
            row = QHBoxLayout()
            row.addWidget(combo, 1)
            row.addWidget(role_label(field.help, "help"))
            form.addRow(QLabel(label), row)
        self.problem = role_label("", "error")
        self.preview = PreviewModel(error.headers, error.preview, self)
        self.preview_view = read_only_table(self.preview)
        self.preview_view.setAccessibleName(self.tr("De första raderna i filen"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Importera"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.example_button = example_button(self, SCHEDULE_EXAMPLE)
        self.buttons.addButton(self.example_button, QDialogButtonBox.ButtonRole.HelpRole)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(role_label(self.tr("Förhandsvisning"), "sectionTitle"))
        layout.addWidget(self.preview_view, 1)
        layout.addWidget(self.buttons)
        self._changed()

    def mapping(self) -> dict[str, str]:
        return {
            key: combo.currentData() for key, combo in self.combos.items() if combo.currentData()
        }

    def problems(self) -> list[str]:
        chosen = self.mapping()
        found: list[str] = []
        missing = [f.label for f in SCHEDULE_FIELDS if f.required and f.key not in chosen]
        if missing:
            found.append(self.tr("Välj kolumn för {0}.").format(", ".join(missing)))
        headers = list(chosen.values())
        doubled = sorted({h for h in headers if headers.count(h) > 1})
        if doubled:
            found.append(self.tr("Kolumnen {0} är vald för flera fält.").format(", ".join(doubled)))
        return found

    def _changed(self) -> None:
        labels = {f.key: f.label for f in SCHEDULE_FIELDS}
        self.preview.set_chosen({header: labels[key] for key, header in self.mapping().items()})
        problems = self.problems()
        self.problem.setText(" ".join(problems))
        self.problem.setVisible(bool(problems))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problems)

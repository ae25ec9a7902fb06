"""Inställningar → Logg: the audit log, newest first, with who (the program's user, the
computer account and the machine), filterable by the person an entry is about and by who."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from enhetschef_app.domain.errors import UserError
from enhetschef_app.services.core.audit_log import LogLine, LogPerson, log_lines, log_people
from enhetschef_app.ui.shell.column_widths import fit_to_contents
from enhetschef_app.ui.shell.context import AppContext
from enhetschef_app.ui.shell.loading import Loader
from enhetschef_app.ui.shell.table_model import ALIGN_TEXT, SORT_ROLE, RowTableModel
from enhetschef_app.ui.shell.widgets import read_only_table, role_label


class LogModel(RowTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            [
                self.tr("Tid"),
                self.tr("Vem"),
                self.tr("Konto i datorn"),
                self.tr("Dator"),
                self.tr("Person"),
                self.tr("Händelse"),
                self.tr("Gäller"),
                self.tr("Uppgifter"),
            ],
            parent,
        )

    def cell(self, row: Any, column: int, role: int) -> Any:
        assert isinstance(row, LogLine)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return ALIGN_TEXT
        if role == SORT_ROLE and column == 0:
            return row.at.isoformat()
        if role not in (Qt.ItemDataRole.DisplayRole, SORT_ROLE, Qt.ItemDataRole.ToolTipRole):
            return None
        if column == 0:
            return row.at.astimezone().strftime("%Y-%m-%d %H:%M")
        entity = row.entity if row.entity_id is None else f"{row.entity} {row.entity_id}"
        values = (
            None,
            row.actor,
            row.os_user or "",
            row.machine or "",
            row.person or "",
            row.action,
            entity,
            row.details,
        )
        return values[column]


class AuditLogView(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.loader = Loader(self)
        self._columns_sized = False
        self.person_box = QComboBox()
        self.person_box.setAccessibleName(self.tr("Person"))
        self.person_box.setMinimumContentsLength(24)
        self.who_edit = QLineEdit()
        self.who_edit.setPlaceholderText(self.tr("Vem (användare, konto eller dator)"))
        self.who_edit.setAccessibleName(self.tr("Vem"))
        self.model = LogModel(self)
        self.table = read_only_table(self.model)
        self.table.setAccessibleName(self.tr("Loggen"))
        self.count_label = role_label("", "state")
        person_label = QLabel(self.tr("&Person:"))
        person_label.setBuddy(self.person_box)
        filters = QHBoxLayout()
        filters.addWidget(person_label)
        filters.addWidget(self.person_box)
        filters.addWidget(self.who_edit, 1)
        filters.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addWidget(
            role_label(
                self.tr(
                    "Varje ändring i programmet: när, vem, från vilket konto och vilken dator. "
                    "Uppgifter om gallrade poster är ersatta med ”gallrad”."
                ),
                "help",
            )
        )
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        self.person_box.currentIndexChanged.connect(self.reload)
        self.who_edit.textChanged.connect(self.reload)

    def refresh(self) -> None:
        """Reads the people and the lines in the worker; the filters stay as chosen."""
        workspace = self.context.workspace
        employee_id, who = self.person_box.currentData(), self.who_edit.text()

        def fetch() -> tuple[list[LogPerson], list[LogLine]]:
            try:
                people = log_people(workspace)
            except UserError:
                people = []
            return people, log_lines(workspace, employee_id=employee_id, who=who)

        self.loader.load(fetch, self._show_all, refused=lambda _message: self._show_lines([]))

    def _show_all(self, found: tuple[list[LogPerson], list[LogLine]]) -> None:
        people, lines = found
        chosen = self.person_box.currentData()
        self.person_box.blockSignals(True)
        try:
            self.person_box.clear()
            self.person_box.addItem(self.tr("Alla"), None)
            for person in people:
                self.person_box.addItem(person.label, person.employee_id)
            index = self.person_box.findData(chosen)
            self.person_box.setCurrentIndex(max(index, 0))
        finally:
            self.person_box.blockSignals(False)
        if self.person_box.currentData() != chosen:
            self.reload()  # the person chosen is no longer in the log: all of it, then
        else:
            self._show_lines(lines)

    def choose_person(self, employee_id: int | None) -> None:
        self.person_box.setCurrentIndex(max(self.person_box.findData(employee_id), 0))

    def reload(self) -> None:
        """The lines again for the filters chosen (read in the worker: typing stays quick)."""
        workspace = self.context.workspace
        employee_id, who = self.person_box.currentData(), self.who_edit.text()
        self.loader.load(
            lambda: log_lines(workspace, employee_id=employee_id, who=who),
            self._show_lines,
            refused=lambda _message: self._show_lines([]),
        )

    def _show_lines(self, lines: list[LogLine]) -> None:
        self.model.set_rows(lines)
        self.count_label.setText(self.tr("{0} rader").format(len(lines)))
        if lines and not self._columns_sized:
            fit_to_contents(self.table)
            self._columns_sized = True

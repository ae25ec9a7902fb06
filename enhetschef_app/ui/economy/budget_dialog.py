"""Skriv in budget: the year's twelve months in a table the EC types into – budget in kronor,
årsarbetare and, when the ekonomisystem has booked it, the utfall."""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QLocale, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from enhetschef_app.domain.economy_year import EconomyYear
from enhetschef_app.domain.year_month import YearMonth
from enhetschef_app.services.economy.budget import BudgetEntry
from enhetschef_app.ui.shell.column_widths import fit_to_contents
from enhetschef_app.ui.shell.table_model import ALIGN_NUMBER, ALIGN_TEXT, RowTableModel
from enhetschef_app.ui.shell.widgets import role_label

Index = QModelIndex | QPersistentModelIndex


class BudgetColumn(enum.IntEnum):
    MONTH = 0
    COST = 1
    FTE = 2
    OUTCOME = 3


def _number(text: str) -> Decimal | None:
    """'1 234 567,50', '1234567.5', '' (nothing); ValueError for anything else."""
    cleaned = (
        text.replace("\u00a0", "").replace("\u202f", "").replace(" ", "").replace("kr", "")
    ).replace(",", ".")
    if not cleaned:
        return None
    value = Decimal(cleaned)  # raises InvalidOperation, a ValueError
    if value < 0:
        raise ValueError(text)
    return value


class BudgetEditModel(RowTableModel):
    """Rows are [month, cost, fte, outcome]; the three amounts can be edited."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                self.tr("Månad"),
                self.tr("Budget (kr)"),
                self.tr("Årsarbetare"),
                self.tr("Bokfört utfall (kr)"),
            ],
            parent,
        )
        self.problem = ""

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() != BudgetColumn.MONTH:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def cell(self, row: Any, column: int, role: int) -> Any:
        value = row[column]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == BudgetColumn.MONTH:
                return value.label
            if value is None:
                return ""
            decimals = 2 if column == BudgetColumn.FTE or value % 1 else 0
            if role == Qt.ItemDataRole.EditRole:
                return QLocale().toString(float(value), "f", decimals).replace("\u00a0", " ")
            return QLocale().toString(float(value), "f", decimals)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return ALIGN_TEXT if column == BudgetColumn.MONTH else ALIGN_NUMBER
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        row = self.row_at(index.row())
        try:
            row[index.column()] = _number(str(value))
        except (ArithmeticError, ValueError):
            self.problem = self.tr("{month}: '{text}' är inte ett belopp eller antal.").format(
                month=row[0].label, text=value
            )
            return False
        self.problem = ""
        self.dataChanged.emit(index, index)
        return True

    def entries(self) -> list[BudgetEntry]:
        return [BudgetEntry(r[0], r[1], r[2], r[3]) for r in self.rows()]


class BudgetDialog(QDialog):
    def __init__(self, year: EconomyYear, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Budget {0}").format(year.year))
        self.model = BudgetEditModel(self)
        self.model.set_rows(
            [
                [YearMonth(year.year, m.month.month), m.budget, m.fte_budget, m.outcome]
                for m in year.months
            ]
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Budget per månad"))
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        fit_to_contents(self.table)
        for column in (BudgetColumn.COST, BudgetColumn.OUTCOME):
            self.table.setColumnWidth(column, 150)
        self.problem_label = QLabel()
        self.problem_label.setProperty("role", "error")
        self.problem_label.setVisible(False)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.model.dataChanged.connect(self._show_problem)
        self.table.itemDelegate().closeEditor.connect(lambda *_: self._show_problem())
        layout = QVBoxLayout(self)
        layout.addWidget(
            role_label(
                self.tr(
                    "Skriv månadens budget för personalkostnad och årsarbetare. Bokfört utfall "
                    "ersätter programmets beräkning för månaden. Belopp skrivs som 1 234 567,50."
                ),
                "help",
            )
        )
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problem_label)
        layout.addWidget(buttons)
        self.resize(620, 520)

    def _show_problem(self) -> None:
        self.problem_label.setText(self.model.problem)
        self.problem_label.setVisible(bool(self.model.problem))

    def entries(self) -> list[BudgetEntry]:
        return self.model.entries()

"""The grid of absences on Frånvaro och omtanke, and its filter: person, kind, period, ongoing."""

from __future__ import annotations

from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QObject, QSortFilterProxyModel, Qt

from enhetschef_app.domain.staff import fold
from enhetschef_app.services.absence.absences import AbsenceView
from enhetschef_app.ui.shell.formatting import iso_date, natural_sort_key, swedish_sort_key
from enhetschef_app.ui.shell.row_proxy import RowSortFilterProxy
from enhetschef_app.ui.shell.table_model import (
    ALIGN_NUMBER,
    ALIGN_TEXT,
    ROW_ROLE,
    SORT_ROLE,
    Index,
    RowTableModel,
)


class AbsenceColumn(IntEnum):
    NUMBER = 0
    NAME = 1
    KIND = 2
    START = 3
    END = 4
    DAYS = 5
    EXTENT = 6
    STATUS = 7


def _date_key(value: date | None, empty: int) -> int:
    return empty if value is None else value.toordinal()


class AbsenceTableModel(RowTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                self.tr("Anställningsnr"),
                self.tr("Namn"),
                self.tr("Frånvarotyp"),
                self.tr("Från"),
                self.tr("Till"),
                self.tr("Dagar"),
                self.tr("Omfattning %"),
                self.tr("Läge"),
            ],
            parent,
        )
        self._today = date.min

    def set_absences(self, absences: list[AbsenceView], today: date) -> None:
        self._today = today
        self.set_rows(absences)

    def today(self) -> date:
        return self._today

    def status_text(self, absence: AbsenceView) -> str:
        if absence.start > self._today:
            return self.tr("Kommande")
        if absence.end is None or absence.end >= self._today:
            return self.tr("Pågår")
        return self.tr("Avslutad")

    def cell(self, row: Any, column: int, role: int) -> Any:
        absence: AbsenceView = row
        col = AbsenceColumn(column)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(absence, col)
        if role == SORT_ROLE:
            return self._sort_key(absence, col)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            numeric = col in (AbsenceColumn.DAYS, AbsenceColumn.EXTENT)
            return int(ALIGN_NUMBER if numeric else ALIGN_TEXT)
        if role == Qt.ItemDataRole.ToolTipRole and col is AbsenceColumn.END and absence.ongoing:
            return self.tr("Inget slutdatum: frånvaron pågår. Avsluta den när den är över.")
        return None

    def _display(self, a: AbsenceView, col: AbsenceColumn) -> str:
        if col is AbsenceColumn.NUMBER:
            return a.employee_no
        if col is AbsenceColumn.NAME:
            return a.employee_name
        if col is AbsenceColumn.KIND:
            return a.kind_label
        if col is AbsenceColumn.START:
            return iso_date(a.start)
        if col is AbsenceColumn.END:
            return iso_date(a.end) if a.end else self.tr("pågår")
        if col is AbsenceColumn.DAYS:
            return str(a.days(self._today))
        if col is AbsenceColumn.EXTENT:
            return str(a.extent_percent)
        return self.status_text(a)

    def _sort_key(self, a: AbsenceView, col: AbsenceColumn) -> object:
        if col is AbsenceColumn.NUMBER:
            return natural_sort_key(a.employee_no)
        if col is AbsenceColumn.NAME:
            return swedish_sort_key(a.employee_name)
        if col is AbsenceColumn.KIND:
            return swedish_sort_key(a.kind_label)
        if col is AbsenceColumn.START:
            return _date_key(a.start, 0)
        if col is AbsenceColumn.END:
            return _date_key(a.end, date.max.toordinal())  # ongoing after every end
        if col is AbsenceColumn.DAYS:
            return a.days(self._today)
        if col is AbsenceColumn.EXTENT:
            return a.extent_percent
        return swedish_sort_key(self.status_text(a))


class AbsenceFilterProxy(RowSortFilterProxy):
    """Person (name or number), kind, a period the absence touches, and ongoing only."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._kind: str | None = None
        self._first: date | None = None
        self._last: date | None = None
        self._ongoing_only = False
        self._employee_id: int | None = None
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def set_text(self, text: str) -> None:
        self._change(text=fold(text))

    def set_kind(self, kind: str | None) -> None:
        self._change(kind=kind)

    def set_period(self, first: date | None, last: date | None) -> None:
        self._change(first=first, last=last)

    def set_ongoing_only(self, ongoing: bool) -> None:
        self._change(ongoing_only=ongoing)

    def set_employee(self, employee_id: int | None) -> None:
        self._change(employee_id=employee_id)

    def _change(self, **changes: Any) -> None:
        # Qt 6.10 brought begin/endFilterChange; older Qt only has invalidateRowsFilter.
        modern = hasattr(self, "beginFilterChange")
        if modern:
            self.beginFilterChange()
        for name, value in changes.items():
            setattr(self, f"_{name}", value)
        if modern:
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, AbsenceTableModel):
            return True
        absence: AbsenceView = model.data(model.index(source_row, 0, source_parent), ROW_ROLE)
        if self._employee_id is not None and absence.employee_id != self._employee_id:
            return False
        if self._kind is not None and absence.kind != self._kind:
            return False
        if self._first is not None and absence.end is not None and absence.end < self._first:
            return False
        if self._last is not None and absence.start > self._last:
            return False
        if self._ongoing_only and not (
            absence.start <= model.today() and (absence.end is None or absence.end >= model.today())
        ):
            return False
        if self._text:
            return self._text in fold(absence.employee_no) or self._text in fold(
                absence.employee_name
            )
        return True

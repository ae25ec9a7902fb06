"""The Personal page's grid: one row per employee, and the filter over it."""

from __future__ import annotations

from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QObject, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor

from enhetschef_app.domain.staff import EmploymentForm, fold
from enhetschef_app.services.staff.employees import EmployeeView
from enhetschef_app.ui.shell.formatting import (
    decimal_text,
    hours_text,
    iso_date,
    natural_sort_key,
    swedish_sort_key,
)
from enhetschef_app.ui.shell.row_proxy import RowSortFilterProxy
from enhetschef_app.ui.shell.table_model import (
    ALIGN_NUMBER,
    ALIGN_TEXT,
    ROW_ROLE,
    SORT_ROLE,
    Index,
    RowTableModel,
)

ENDED_COLOUR = QColor("#6b7680")


class Column(IntEnum):
    NUMBER = 0
    NAME = 1
    FORM = 2
    GRADE = 3
    FULLTIME = 4
    CONTRACT = 5
    START = 6
    END = 7
    STATUS = 8


NUMERIC = {Column.GRADE, Column.FULLTIME, Column.CONTRACT}


def _number_key(value: object) -> float:
    # Empty cells sort before every number, in either direction consistently.
    return float("-inf") if value is None else float(value)  # type: ignore[arg-type]  # a number column's value: int or Decimal


def _date_key(value: date | None) -> int:
    return 0 if value is None else value.toordinal()


class EmployeeTableModel(RowTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                self.tr("Anställningsnr"),
                self.tr("Namn"),
                self.tr("Anställningsform"),
                self.tr("Syss.grad %"),
                self.tr("Heltid h/v"),
                self.tr("Avtalstimmar h/v"),
                self.tr("Anställd från"),
                self.tr("Anställd till"),
                self.tr("Status"),
            ],
            parent,
        )
        self._today = date.min  # set with the rows: the context's today
        self._keys: dict[int, tuple[object, ...]] = {}
        self._search: dict[int, tuple[str, str]] = {}

    def set_employees(self, employees: list[EmployeeView], today: date) -> None:
        self._today = today
        # Sorting and filtering ask for these again and again: compute them once per load.
        self._keys = {
            e.id: tuple(self._sort_key(e, column) for column in Column) for e in employees
        }
        self._search = {e.id: (fold(e.employee_no), fold(e.name)) for e in employees}
        self.set_rows(employees)

    def search_texts(self, employee: EmployeeView) -> tuple[str, str]:
        """Number and name folded (case and accents away), as the filter box matches them."""
        found = self._search.get(employee.id)
        return found if found is not None else (fold(employee.employee_no), fold(employee.name))

    def is_ended(self, employee: EmployeeView) -> bool:
        return employee.end is not None and employee.end < self._today

    def status_text(self, employee: EmployeeView) -> str:
        if self.is_ended(employee):
            return self.tr("Avslutad")
        if employee.start is not None and employee.start > self._today:
            return self.tr("Ej börjat")
        return self.tr("Aktiv")

    def cell(self, row: Any, column: int, role: int) -> Any:
        employee: EmployeeView = row
        col = Column(column)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(employee, col)
        if role == SORT_ROLE:
            keys = self._keys.get(employee.id)
            return keys[col] if keys is not None else self._sort_key(employee, col)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(ALIGN_NUMBER if col in NUMERIC else ALIGN_TEXT)
        if role == Qt.ItemDataRole.ForegroundRole and self.is_ended(employee):
            return QBrush(ENDED_COLOUR)
        if (
            role == Qt.ItemDataRole.ToolTipRole
            and col is Column.FULLTIME
            and employee.form.has_working_time
        ):
            if employee.fulltime_is_own:
                return self.tr("Medarbetarens egen heltidsvecka")
            return self.tr("Enhetens inställning för heltid")
        return None

    def _display(self, e: EmployeeView, col: Column) -> str:
        if col is Column.NUMBER:
            return e.employee_no
        if col is Column.NAME:
            return e.name
        if col is Column.FORM:
            return e.form.label
        if col is Column.GRADE:
            return decimal_text(e.grade_percent)
        if col is Column.FULLTIME:
            return hours_text(e.fulltime_week_hours) if e.form.has_working_time else ""
        if col is Column.CONTRACT:
            return hours_text(e.contract_week_hours)
        if col is Column.START:
            return iso_date(e.start)
        if col is Column.END:
            return iso_date(e.end)
        return self.status_text(e)

    def _sort_key(self, e: EmployeeView, col: Column) -> object:
        if col is Column.NUMBER:
            return natural_sort_key(e.employee_no)
        if col is Column.NAME:
            return swedish_sort_key(e.name)
        if col is Column.FORM:
            return swedish_sort_key(e.form.label)
        if col is Column.GRADE:
            return _number_key(e.grade_percent)
        if col is Column.FULLTIME:
            return _number_key(e.fulltime_week_hours if e.form.has_working_time else None)
        if col is Column.CONTRACT:
            return _number_key(e.contract_week_hours)
        if col is Column.START:
            return _date_key(e.start)
        if col is Column.END:
            return _date_key(e.end)
        return swedish_sort_key(self.status_text(e))


class EmployeeFilterProxy(RowSortFilterProxy):
    """Text (number or name, case and accents ignored), employment form, and ended or not."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._form: EmploymentForm | None = None
        self._show_ended = False
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def set_text(self, text: str) -> None:
        self._change_filter(text=fold(text))

    def set_form(self, form: EmploymentForm | None) -> None:
        self._change_filter(form=form)

    def set_show_ended(self, show: bool) -> None:
        self._change_filter(show_ended=show)

    def _change_filter(self, **changes: Any) -> None:
        # Qt 6.10 brought begin/endFilterChange; older Qt only has invalidateRowsFilter.
        modern = hasattr(self, "beginFilterChange")
        if modern:
            self.beginFilterChange()
        self._text = changes.get("text", self._text)
        self._form = changes.get("form", self._form)
        self._show_ended = changes.get("show_ended", self._show_ended)
        if modern:
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, EmployeeTableModel):
            return True
        employee: EmployeeView = model.data(model.index(source_row, 0, source_parent), ROW_ROLE)
        if not self._show_ended and model.is_ended(employee):
            return False
        if self._form is not None and employee.form is not self._form:
            return False
        if self._text:
            # Matched within the number or within the name, never across the two.
            return any(self._text in part for part in model.search_texts(employee))
        return True

"""The Schema page's week grid: a line per employee (empty rows on top), a column per day.

Each cell holds the shifts of that person and day; the delegate draws them coloured by kind with
the code as text, and a warning icon where a rule is broken. Everything the delegate draws is
also in the item's text and tooltip, so status is never colour alone.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from enhetschef_app.domain.actual_schedule import RowState
from enhetschef_app.domain.shift_kinds import ShiftKind
from enhetschef_app.services.schedule.week import GridLine, GridShift, WeekSchedule
from enhetschef_app.ui.shell.icons import icon

Index = QModelIndex | QPersistentModelIndex

SHIFTS_ROLE = Qt.ItemDataRole.UserRole + 10  # tuple[GridShift, ...] of the cell
BREACHES_ROLE = Qt.ItemDataRole.UserRole + 11  # tuple[BreachView, ...] of the cell
LINE_ROLE = Qt.ItemDataRole.UserRole + 12  # the GridLine of the row

KIND_COLOURS = {
    ShiftKind.DAY: QColor("#d9e9f7"),
    ShiftKind.EVENING: QColor("#fde4c2"),
    ShiftKind.NIGHT: QColor("#dcd5f0"),
    ShiftKind.LONG: QColor("#d3eddb"),
    ShiftKind.RESOURCE: QColor("#f2efc2"),
    ShiftKind.OTHER: QColor("#e6e9ec"),
}
EMPTY_COLOUR = QColor("#f9d9d6")
ABSENT_COLOUR = QColor("#eceff1")
RED_DAY_TEXT = QColor("#a61b1b")


class WeekGridModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.week: WeekSchedule | None = None
        self._lines: tuple[GridLine, ...] = ()

    def set_week(self, week: WeekSchedule | None) -> None:
        self.beginResetModel()
        self.week = week
        self._lines = week.lines if week is not None else ()
        self.endResetModel()

    def line(self, row: int) -> GridLine:
        return self._lines[row]

    def rowCount(self, parent: Index | None = None) -> int:
        if parent is not None and parent.isValid():
            return 0
        return len(self._lines)

    def columnCount(self, parent: Index | None = None) -> int:
        if parent is not None and parent.isValid():
            return 0
        return 7 if self.week is not None else 0

    # -- texts --------------------------------------------------------------------------------

    def state_text(self, shift: GridShift, on_empty_line: bool) -> str:
        if shift.covers_for:
            return shift.covers_for
        state = shift.state
        if state is RowState.VACANT:
            return self.tr("vakant")
        if state is RowState.ABSENT:
            if on_empty_line and shift.absent_name:
                # The reason first: a narrow cell cuts the end of the name, not the reason.
                return self.tr("frånvarande: {0}").format(shift.absent_name)
            return self.tr("frånvarande")
        if state is RowState.COVERED:
            if on_empty_line or shift.cover_name is None:
                return self.tr("ersatt")
            return self.tr("ersatt av {0}").format(shift.cover_name)
        if state is RowState.RELEASED:
            return self.tr("resurspass använt")
        if state is RowState.RESOURCE_ABSENT:
            return self.tr("frånvarande")
        return ""

    def shift_text(self, shift: GridShift, on_empty_line: bool = False) -> str:
        code = f"{shift.code} " if shift.code else ""
        state = self.state_text(shift, on_empty_line)
        return f"{code}{shift.time_text}" + (f" ({state})" if state else "")

    def _tooltip(self, line: GridLine, column: int) -> str:
        assert self.week is not None
        parts: list[str] = []
        for shift in line.cells[column]:
            text = self.shift_text(shift, line.is_empty_line)
            parts.append(f"{shift.kind.label}: {text}")
            if shift.crosses_midnight:
                parts.append(self.tr("Slutar nästa dag."))
            if (
                shift.state is RowState.COVERED
                and shift.cover_kind is not None
                and not shift.covers_for
            ):
                name = shift.cover_name or self.tr("annan enhet")
                parts.append(
                    self.tr("Ersätts av {name} ({kind}).").format(
                        name=name, kind=shift.cover_kind.label.lower()
                    )
                )
        for view in line.day_breaches[column]:
            parts.append("⚠ " + view.text)
        return "\n".join(parts)

    # -- data ---------------------------------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.week is None:
            return None
        if not 0 <= index.row() < len(self._lines) or not 0 <= index.column() < 7:
            return None
        line = self._lines[index.row()]
        shifts = line.cells[index.column()]
        breaches = line.day_breaches[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return "\n".join(self.shift_text(s, line.is_empty_line) for s in shifts)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(line, index.column()) or None
        if role == Qt.ItemDataRole.BackgroundRole and shifts:
            return QBrush(self.colour(shifts[0], line.is_empty_line))
        if role == Qt.ItemDataRole.DecorationRole and breaches:
            return icon("varning")
        if role == SHIFTS_ROLE:
            return shifts
        if role == BREACHES_ROLE:
            return breaches
        if role == LINE_ROLE:
            return line
        return None

    @staticmethod
    def colour(shift: GridShift, on_empty_line: bool) -> QColor:
        if shift.state.is_empty and on_empty_line:
            return EMPTY_COLOUR
        if shift.state in (RowState.ABSENT, RowState.RESOURCE_ABSENT, RowState.RELEASED):
            return ABSENT_COLOUR
        return KIND_COLOURS[shift.kind]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if self.week is None:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < 7:
                return None
            header = self.week.days[section]
            if role == Qt.ItemDataRole.DisplayRole:
                name = QLocale().dayName(header.day.isoweekday(), QLocale.FormatType.ShortFormat)
                text = f"{name.capitalize()} {header.day.isoformat()}"
                return f"{text}\n{header.holiday}" if header.holiday else text
            if role == Qt.ItemDataRole.ForegroundRole and header.red:
                return QBrush(RED_DAY_TEXT)
            if role == Qt.ItemDataRole.ToolTipRole and header.holiday:
                return header.holiday
            return None
        if not 0 <= section < len(self._lines):
            return None
        line = self._lines[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return line.label
        if role == Qt.ItemDataRole.DecorationRole and line.week_breaches:
            return icon("varning")
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [f"{line.employee_no} · {line.detail}"] if line.employee_no else []
            if line.is_empty_line:
                parts.append(self.tr("Pass utan någon som arbetar: bemannas på Dagsuppföljning."))
            parts += ["⚠ " + view.text for view in line.week_breaches]
            return "\n".join(parts) or None
        return None

"""A read-only table of Python rows: the part every grid's model shares."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

Index = QModelIndex | QPersistentModelIndex

SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # a value that sorts as a number, date or Swedish text
ROW_ROLE = Qt.ItemDataRole.UserRole + 2  # the row object itself

# Roles the views ask of every cell that no list of the program answers (no check boxes, no
# size hints of its own).
UNANSWERED_ROLES = frozenset(
    {int(Qt.ItemDataRole.CheckStateRole), int(Qt.ItemDataRole.SizeHintRole)}
)

ALIGN_NUMBER = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
ALIGN_TEXT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


class RowTableModel(QAbstractTableModel):
    """Rows are Python objects; subclasses say what each cell shows in `cell()`.

    The model sorts itself (`sort`), by each row's SORT_ROLE key, and keeps that order when new
    rows come: Qt's proxy sorting asks the model for two keys per comparison, each a call into
    Python, which on a list of a few hundred rows held the window for a tenth of a second."""

    def __init__(self, headers: Sequence[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._rows: list[Any] = []
        self._sorted_by: tuple[int, Qt.SortOrder] | None = None
        # Each cell's answer is worked out once: sizing the columns reads the texts, and painting
        # asks every cell on screen for six roles at each repaint, each a call into Python.
        # Anything that may change an answer clears them.
        self._answers: dict[tuple[int, int, int], Any] = {}
        for signal in (
            self.modelReset,
            self.layoutChanged,
            self.dataChanged,
            self.headerDataChanged,
        ):
            signal.connect(self._answers.clear)

    def set_rows(self, rows: Iterable[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        if self._sorted_by is not None:
            self._rows = self._in_order(self._rows, *self._sorted_by)
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._headers):
            self._sorted_by = None
            return
        self._sorted_by = (column, order)
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        positions = self._in_order(list(range(len(self._rows))), column, order, by_position=True)
        self._rows = [self._rows[old] for old in positions]
        moved_to = {old: new for new, old in enumerate(positions)}
        self.changePersistentIndexList(
            before, [self.index(moved_to[index.row()], index.column()) for index in before]
        )
        self.layoutChanged.emit()

    def _in_order(
        self, items: list[Any], column: int, order: Qt.SortOrder, *, by_position: bool = False
    ) -> list[Any]:
        rows = self._rows
        keys = [self.cell(rows[item] if by_position else item, column, SORT_ROLE) for item in items]
        descending = order == Qt.SortOrder.DescendingOrder
        # Like Qt: a row without a key first, and equal keys keep their order (stable).
        numbered = range(len(items))
        try:
            ranked = sorted(numbered, key=lambda i: _orderable(keys[i]), reverse=descending)
        except TypeError:  # keys of different kinds in one column: compared as text
            ranked = sorted(numbered, key=lambda i: _as_text(keys[i]), reverse=descending)
        return [items[i] for i in ranked]

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def rowCount(self, parent: Index | None = None) -> int:
        if parent is not None and parent.isValid():
            return 0
        return len(self._rows)

    def columnCount(self, parent: Index | None = None) -> int:
        if parent is not None and parent.isValid():
            return 0
        return len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called for every role of every cell painted: kept to the fewest calls into Qt.
        if role in UNANSWERED_ROLES:
            return None
        number, column = index.row(), index.column()  # -1 for an invalid index
        if not (0 <= number < len(self._rows) and 0 <= column < len(self._headers)):
            return None
        row = self._rows[number]
        if role == ROW_ROLE:
            return row
        return self.answer(row, column, role)

    def answer(self, row: Any, column: int, role: int) -> Any:
        """`cell`'s answer, worked out once while the rows stay as they are."""
        key = (id(row), column, role)
        try:
            return self._answers[key]
        except KeyError:
            value = self._answers[key] = self.cell(row, column, role)
            return value

    def cell(self, row: Any, column: int, role: int) -> Any:
        raise NotImplementedError


def _orderable(key: Any) -> tuple[int, Any]:
    return (0, 0) if key is None else (1, key)


def _as_text(key: Any) -> tuple[int, str]:
    return (0, "") if key is None else (1, str(key))

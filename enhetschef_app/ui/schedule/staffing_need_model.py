"""The Bemanningsbehov table: a row per time band, a column per weekday and one for holidays,
edited in place. An empty cell means the band is not staffed that day; an empty holiday column
means holidays follow their weekday."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import time
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from enhetschef_app.domain.staffing import HOLIDAY, NeedBand

Index = QModelIndex | QPersistentModelIndex
COLUMNS_BEFORE_DAYS = 2
DAYS = 8  # Monday..Sunday and holidays
_TIME = re.compile(r"(\d{1,2})[:.]?(\d{2})")
HOLIDAY_TINT = QColor("#fbeeee")


@dataclass
class NeedRow:
    start: time
    end: time
    counts: list[int | None] = field(default_factory=lambda: [None] * DAYS)


def parse_clock(text: str) -> time | None:
    match = _TIME.fullmatch(text.strip())
    if match is None:
        return None
    hour, minute = int(match.group(1)), int(match.group(2))
    if hour == 24 and minute == 0:
        return time(0)
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


def rows_from_needs(needs: list[NeedBand]) -> list[NeedRow]:
    by_band: dict[tuple[time, time], NeedRow] = {}
    for need in needs:
        row = by_band.setdefault((need.start, need.end), NeedRow(need.start, need.end))
        if 0 <= need.weekday < DAYS:
            row.counts[need.weekday] = need.staff_count
    return sorted(by_band.values(), key=lambda r: (r.start, r.end))


class StaffingNeedModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[NeedRow] = []
        self.saved: list[NeedBand] = []
        self.headers = [
            self.tr("Från"),
            self.tr("Till"),
            self.tr("Mån"),
            self.tr("Tis"),
            self.tr("Ons"),
            self.tr("Tor"),
            self.tr("Fre"),
            self.tr("Lör"),
            self.tr("Sön"),
            self.tr("Helgdag"),
        ]

    def set_needs(self, needs: list[NeedBand]) -> None:
        self.beginResetModel()
        self.saved = list(needs)
        self.rows = rows_from_needs(list(needs))
        self.endResetModel()

    def propose(self, needs: list[NeedBand]) -> None:
        """Shows `needs` as an unsaved change (a suggestion the EC looks at before saving)."""
        self.beginResetModel()
        self.rows = rows_from_needs(list(needs))
        self.endResetModel()

    def needs(self) -> list[NeedBand]:
        return [
            NeedBand(weekday, row.start, row.end, count)
            for row in self.rows
            for weekday, count in enumerate(row.counts)
            if count is not None
        ]

    def is_changed(self) -> bool:
        key = lambda n: (n.weekday, n.start, n.end, n.staff_count)  # noqa: E731
        return sorted(map(key, self.needs())) != sorted(map(key, self.saved))

    def add_band(self) -> int:
        last = self.rows[-1].end if self.rows else time(7)
        row = len(self.rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self.rows.append(NeedRow(last, last.replace(hour=(last.hour + 8) % 24), [1] * 7 + [None]))
        self.endInsertRows()
        return row

    def remove_band(self, row: int) -> None:
        if not 0 <= row < len(self.rows):
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self.rows[row]
        self.endRemoveRows()

    def rowCount(self, parent: Index | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self.headers)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        if role == Qt.ItemDataRole.ToolTipRole and section == COLUMNS_BEFORE_DAYS + HOLIDAY:
            return self.tr(
                "Röda dagar och aftnar (julafton, nyårsafton …). Tomt: samma som veckodagen."
            )
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        if not 0 <= index.column() < len(self.headers):
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == 0:
                return f"{row.start:%H:%M}"
            if column == 1:
                return f"{row.end:%H:%M}"
            count = row.counts[column - COLUMNS_BEFORE_DAYS]
            return "" if count is None else str(count)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole and column == COLUMNS_BEFORE_DAYS + HOLIDAY:
            return QBrush(HOLIDAY_TINT)
        if role == Qt.ItemDataRole.ToolTipRole and column == 1 and row.end <= row.start:
            return self.tr("Tidsbandet slutar nästa dag")
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        row = self.rows[index.row()]
        text = str(value).strip()
        column = index.column()
        if column in (0, 1):
            moment = parse_clock(text)
            if moment is None:
                return False
            if column == 0:
                row.start = moment
            else:
                row.end = moment
        else:
            if text == "":
                row.counts[column - COLUMNS_BEFORE_DAYS] = None
            elif text.isdigit() and int(text) <= 500:
                row.counts[column - COLUMNS_BEFORE_DAYS] = int(text)
            else:
                return False
        self.dataChanged.emit(index, index)
        return True

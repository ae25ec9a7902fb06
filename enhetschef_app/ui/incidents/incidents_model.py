"""The Avvikelser page's list: one row per report, and the filter over it (text, state, track,
category, period, overdue)."""

from __future__ import annotations

from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QObject, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor

from enhetschef_app.domain.incidents import STATE_ORDER, IncidentState, Track
from enhetschef_app.domain.staff import fold
from enhetschef_app.services.incidents.views import IncidentSummary
from enhetschef_app.ui.shell.formatting import clock, natural_sort_key, swedish_sort_key
from enhetschef_app.ui.shell.row_proxy import RowSortFilterProxy
from enhetschef_app.ui.shell.table_model import (
    ALIGN_TEXT,
    ROW_ROLE,
    SORT_ROLE,
    Index,
    RowTableModel,
)

ATTENTION_BACKGROUND = QColor("#fff4dc")
ATTENTION_TEXT = QColor("#7a4f00")
CLOSED_TEXT = QColor("#5f6b76")


class Column(IntEnum):
    NUMBER = 0
    DATE = 1
    TRACK = 2
    CATEGORY = 3
    STATE = 4
    DEADLINE = 5
    DESCRIPTION = 6


class IncidentTableModel(RowTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                self.tr("Nummer"),
                self.tr("Händelse"),
                self.tr("Spår"),
                self.tr("Kategori"),
                self.tr("Status"),
                self.tr("Tidsfrist"),
                self.tr("Beskrivning"),
            ],
            parent,
        )

    def deadline_text(self, s: IncidentSummary) -> str:
        """Never colour alone: a late report says so in words (the tooltip says which step)."""
        if s.deadlines:
            most = max(w.days_over for w in s.deadlines)
            return self.tr("Sen, {0} d").format(most)
        if s.actions.overdue:
            return self.tr("Sen åtgärd")
        if s.state is IncidentState.CLOSED:
            return ""
        return self.tr("I tid")

    def cell(self, row: Any, column: int, role: int) -> Any:
        s: IncidentSummary = row
        col = Column(column)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(s, col)
        if role == SORT_ROLE:
            return self._sort_key(s, col)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(ALIGN_TEXT)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col is Column.DEADLINE and s.overdue:
                lines = [
                    self.tr("{what}: senast {due}, {days} dagar sen").format(
                        what=w.what, due=w.due.isoformat(), days=w.days_over
                    )
                    for w in s.deadlines
                ]
                if s.actions.overdue:
                    lines.append(self.tr("{0} åtgärder efter sitt datum").format(s.actions.overdue))
                return "\n".join(lines)
            if col is Column.DESCRIPTION:
                return s.description
        if s.overdue and col is Column.DEADLINE:
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(ATTENTION_BACKGROUND)
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(ATTENTION_TEXT)
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and s.state is IncidentState.CLOSED
            and not s.overdue
        ):
            return QBrush(CLOSED_TEXT)
        return None

    def _display(self, s: IncidentSummary, col: Column) -> str:
        if col is Column.NUMBER:
            return s.number
        if col is Column.DATE:
            return f"{s.occurred_on.isoformat()} {clock(s.occurred_at)}"
        if col is Column.TRACK:
            return s.track.label
        if col is Column.CATEGORY:
            return s.category_label
        if col is Column.STATE:
            return s.state.label
        if col is Column.DEADLINE:
            return self.deadline_text(s)
        return " ".join(s.description.split())

    def _sort_key(self, s: IncidentSummary, col: Column) -> object:
        if col is Column.NUMBER:
            return natural_sort_key(s.number)
        if col is Column.DATE:
            return f"{s.occurred_on.isoformat()} {clock(s.occurred_at)}"
        if col is Column.STATE:
            return STATE_ORDER.index(s.state)
        if col is Column.DEADLINE:
            # Descending: the most days late first, then late actions, then open, then closed.
            most = max((w.days_over for w in s.deadlines), default=0)
            return most * 4 + 2 * s.overdue + (s.state is not IncidentState.CLOSED)
        return swedish_sort_key(self._display(s, col))


class IncidentFilterProxy(RowSortFilterProxy):
    """Number or description text, state, track, category, event period and overdue only."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._state: IncidentState | None = None
        self._track: Track | None = None
        self._category: str | None = None
        self._period: tuple[date, date] | None = None
        self._overdue_only = False
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def set_text(self, text: str) -> None:
        self._change(text=fold(text))

    def set_state(self, state: IncidentState | None) -> None:
        self._change(state=state)

    def set_track(self, track: Track | None) -> None:
        self._change(track=track)

    def set_category(self, category: str | None) -> None:
        self._change(category=category)

    def set_period(self, period: tuple[date, date] | None) -> None:
        self._change(period=period)

    def set_overdue_only(self, overdue: bool) -> None:
        self._change(overdue_only=overdue)

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
        if not isinstance(model, IncidentTableModel):
            return True
        s: IncidentSummary = model.data(model.index(source_row, 0, source_parent), ROW_ROLE)
        if self._state is not None and s.state is not self._state:
            return False
        if self._track is not None and s.track is not self._track:
            return False
        if self._category is not None and s.category != self._category:
            return False
        if self._period is not None and not self._period[0] <= s.occurred_on <= self._period[1]:
            return False
        if self._overdue_only and not s.overdue:
            return False
        if self._text:
            return self._text in fold(s.number) or self._text in fold(s.description)
        return True

"""The grids of the omtankessamtal tab: the signals of a day and the talks."""

from __future__ import annotations

from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QObject, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor

from enhetschef_app.domain.care_talks import SignalStatus, TalkState
from enhetschef_app.services.absence.care_talk_scan import PersonSignal
from enhetschef_app.services.absence.care_talks import TalkView
from enhetschef_app.ui.shell.formatting import clock, iso_date, natural_sort_key, swedish_sort_key
from enhetschef_app.ui.shell.row_proxy import RowSortFilterProxy
from enhetschef_app.ui.shell.table_model import (
    ALIGN_NUMBER,
    ALIGN_TEXT,
    ROW_ROLE,
    SORT_ROLE,
    Index,
    RowTableModel,
)

ATTENTION_BACKGROUND = QColor("#fff4dc")
ATTENTION_TEXT = QColor("#7a4f00")
QUIET_TEXT = QColor("#6b7680")


class SignalColumn(IntEnum):
    NUMBER = 0
    NAME = 1
    OCCASIONS = 2
    LATEST = 3
    STATUS = 4


class SignalTableModel(RowTableModel):
    """Everyone at or over the threshold on the day, whatever has been done about it."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                self.tr("Nr"),
                self.tr("Namn"),
                self.tr("Tillfällen"),
                self.tr("Senaste tillfället"),
                self.tr("Läge"),
            ],
            parent,
        )

    def status_text(self, signal: PersonSignal) -> str:
        verdict = signal.verdict
        if signal.status is SignalStatus.DUE:
            return self.tr("Ska erbjudas samtal")
        if signal.status is SignalStatus.SNOOZED and verdict.snooze is not None:
            return self.tr("Vilande till {0}").format(verdict.snooze.until.isoformat())
        if signal.status is SignalStatus.INVITED and verdict.talk is not None:
            when = iso_date(verdict.talk.invited_date)
            return self.tr("Inbjuden {0}").format(when)
        if verdict.talk is not None:
            return self.tr("Hanterad: {0}").format(verdict.talk.state.label.lower())
        return signal.status.label

    def cell(self, row: Any, column: int, role: int) -> Any:
        signal: PersonSignal = row
        col = SignalColumn(column)
        latest = max(o.start for o in signal.count.counted)
        if role == Qt.ItemDataRole.DisplayRole:
            if col is SignalColumn.NUMBER:
                return signal.employee_no
            if col is SignalColumn.NAME:
                return signal.name
            if col is SignalColumn.OCCASIONS:
                return str(signal.occasions)
            if col is SignalColumn.LATEST:
                return latest.isoformat()
            return self.status_text(signal)
        if role == SORT_ROLE:
            if col is SignalColumn.NUMBER:
                return natural_sort_key(signal.employee_no)
            if col is SignalColumn.NAME:
                return swedish_sort_key(signal.name)
            if col is SignalColumn.OCCASIONS:
                return signal.occasions
            if col is SignalColumn.LATEST:
                return latest.toordinal()
            order = list(SignalStatus).index(signal.status)
            return f"{order}:{swedish_sort_key(signal.name)}"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(ALIGN_NUMBER if col is SignalColumn.OCCASIONS else ALIGN_TEXT)
        if role == Qt.ItemDataRole.ToolTipRole:
            return signal.verdict.why
        due = signal.status is SignalStatus.DUE
        if due and role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(ATTENTION_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(ATTENTION_TEXT if due else QUIET_TEXT)
        return None


class TalkColumn(IntEnum):
    NUMBER = 0
    NAME = 1
    STATE = 2
    SIGNAL = 3
    TALK = 4
    FOLLOW_UP = 5
    DONE = 6


def _talk_time(talk: TalkView) -> str:
    if talk.held_on is not None:
        return talk.held_on.isoformat()
    if talk.invited_date is None:
        return ""
    at = f" {clock(talk.invited_time)}" if talk.invited_time else ""
    return f"{talk.invited_date.isoformat()}{at}"


def _done_on(talk: TalkView) -> date | None:
    return talk.closed_on or talk.decided_on or talk.followed_up_on


class TalkTableModel(RowTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                self.tr("Nr"),
                self.tr("Namn"),
                self.tr("Läge"),
                self.tr("Signal"),
                self.tr("Samtal"),
                self.tr("Uppföljning"),
                self.tr("Klart"),
            ],
            parent,
        )
        self._today = date.min

    def set_talks(self, talks: list[TalkView], today: date) -> None:
        self._today = today
        self.set_rows(talks)

    def needs_attention(self, talk: TalkView) -> bool:
        """A talk or follow-up whose day has come."""
        waiting = talk.next_date
        return waiting is not None and waiting <= self._today

    def cell(self, row: Any, column: int, role: int) -> Any:
        talk: TalkView = row
        col = TalkColumn(column)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(talk, col)
        if role == SORT_ROLE:
            return self._sort_key(talk, col)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(ALIGN_TEXT)
        attention = self.needs_attention(talk)
        if attention and role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(ATTENTION_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and talk.state.is_final:
            return QBrush(QUIET_TEXT)
        return None

    def _display(self, t: TalkView, col: TalkColumn) -> str:
        if col is TalkColumn.NUMBER:
            return t.employee_no
        if col is TalkColumn.NAME:
            return t.employee_name
        if col is TalkColumn.STATE:
            text = t.state.label
            if self.needs_attention(t):
                text = self.tr("{0} – dags att registrera").format(text)
            return text
        if col is TalkColumn.SIGNAL:
            return t.signal_date.isoformat()
        if col is TalkColumn.TALK:
            return _talk_time(t)
        if col is TalkColumn.FOLLOW_UP:
            return iso_date(t.follow_up_date)
        return iso_date(_done_on(t))

    def _sort_key(self, t: TalkView, col: TalkColumn) -> object:
        if col is TalkColumn.NUMBER:
            return natural_sort_key(t.employee_no)
        if col is TalkColumn.NAME:
            return swedish_sort_key(t.employee_name)
        if col is TalkColumn.STATE:
            return list(TalkState).index(t.state)
        if col is TalkColumn.SIGNAL:
            return t.signal_date.toordinal()
        if col is TalkColumn.TALK:
            return _talk_time(t)
        if col is TalkColumn.FOLLOW_UP:
            return iso_date(t.follow_up_date)
        return iso_date(_done_on(t))


class TalkFilterProxy(RowSortFilterProxy):
    """Talks under way, or all of them."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._show_finished = False
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def set_show_finished(self, show: bool) -> None:
        modern = hasattr(self, "beginFilterChange")
        if modern:
            self.beginFilterChange()
        self._show_finished = show
        if modern:
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if self._show_finished or not isinstance(model, TalkTableModel):
            return True
        talk: TalkView = model.data(model.index(source_row, 0, source_parent), ROW_ROLE)
        return not talk.state.is_final

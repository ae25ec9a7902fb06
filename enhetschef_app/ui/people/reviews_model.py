"""The Medarbetarsamtal list: one row per employee with the last and the planned talk, the
status, goals to follow up, the lönesamtal and whether the talk is overdue."""

from __future__ import annotations

from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor

from enhetschef_app.domain.reviews import TalkStatus
from enhetschef_app.services.people.reviews import EmployeeReview
from enhetschef_app.ui.shell.formatting import iso_date, natural_sort_key, swedish_sort_key
from enhetschef_app.ui.shell.icons import icon
from enhetschef_app.ui.shell.table_model import ALIGN_NUMBER, ALIGN_TEXT, SORT_ROLE, RowTableModel

ATTENTION_BACKGROUND = QColor("#fff4dc")
ATTENTION_TEXT = QColor("#7a4f00")
QUIET_TEXT = QColor("#5f6b76")

STATUS_ORDER = {
    TalkStatus.NONE: 0,
    TalkStatus.PLANNED: 1,
    TalkStatus.BOOKED: 2,
    TalkStatus.HELD: 3,
    TalkStatus.FOLLOWED_UP: 4,
}


class Column(IntEnum):
    NUMBER = 0
    NAME = 1
    FORM = 2
    LAST = 3
    PLANNED = 4
    STATUS = 5
    GOALS = 6
    SALARY = 7
    SITUATION = 8


def _day_key(day: date | None) -> int:
    return 0 if day is None else day.toordinal()


class ReviewTableModel(RowTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                self.tr("Anst.nr"),
                self.tr("Namn"),
                self.tr("Anställning"),
                self.tr("Senaste samtal"),
                self.tr("Planerat"),
                self.tr("Status"),
                self.tr("Mål att följa upp"),
                self.tr("Lönesamtal"),
                self.tr("Läge"),
            ],
            parent,
        )

    def status_text(self, row: EmployeeReview) -> str:
        status = row.status
        if status is TalkStatus.NONE:
            return self.tr("Ej planerat")
        if status is TalkStatus.PLANNED:
            return self.tr("Planerat")
        if status is TalkStatus.BOOKED:
            return self.tr("Bokat")
        if status is TalkStatus.HELD:
            return self.tr("Genomfört")
        return self.tr("Uppföljt")

    def situation_text(self, row: EmployeeReview) -> str:
        """In words, so that it never rests on colour alone."""
        state = row.state
        if state.overdue:
            return self.tr("Försenat")
        if not state.expected:
            return state.expectation.label
        if state.held_this_cycle:
            return self.tr("Klart")
        return self.tr("Kvar att hålla")

    def salary_text(self, row: EmployeeReview) -> str:
        if row.salary_talk_on is None:
            return ""
        if row.salary_talk_done:
            return row.salary_talk_on.isoformat()
        return self.tr("{0} ej genomfört").format(row.salary_talk_on.isoformat())

    def cell(self, row: Any, column: int, role: int) -> Any:
        review: EmployeeReview = row
        col = Column(column)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(review, col)
        if role == SORT_ROLE:
            return self._sort_key(review, col)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(ALIGN_NUMBER if col is Column.GOALS else ALIGN_TEXT)
        if (
            role == Qt.ItemDataRole.DecorationRole
            and col is Column.SITUATION
            and review.state.overdue
        ):
            return icon("varning")
        if review.state.overdue and role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(ATTENTION_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole:
            if review.state.overdue:
                return QBrush(ATTENTION_TEXT)
            if not review.state.expected:
                return QBrush(QUIET_TEXT)
        if (
            role == Qt.ItemDataRole.ToolTipRole
            and col is Column.GOALS
            and review.goals_to_follow_up
        ):
            return self.tr("Mål vars 'klart senast' har passerats utan uppföljning")
        return None

    def _display(self, r: EmployeeReview, col: Column) -> str:
        if col is Column.NUMBER:
            return r.employee_no
        if col is Column.NAME:
            return r.name
        if col is Column.FORM:
            return r.form.label
        if col is Column.LAST:
            return iso_date(r.state.last_talk)
        if col is Column.PLANNED:
            return iso_date(r.state.planned)
        if col is Column.STATUS:
            return self.status_text(r)
        if col is Column.GOALS:
            return str(r.goals_to_follow_up) if r.goals_to_follow_up else ""
        if col is Column.SALARY:
            return self.salary_text(r)
        return self.situation_text(r)

    def _sort_key(self, r: EmployeeReview, col: Column) -> object:
        if col is Column.NUMBER:
            return natural_sort_key(r.employee_no)
        if col is Column.NAME:
            return swedish_sort_key(r.name)
        if col is Column.FORM:
            return swedish_sort_key(r.form.label)
        if col is Column.LAST:
            return _day_key(r.state.last_talk)
        if col is Column.PLANNED:
            return _day_key(r.state.planned)
        if col is Column.STATUS:
            return STATUS_ORDER[r.status]
        if col is Column.GOALS:
            return r.goals_to_follow_up
        if col is Column.SALARY:
            return _day_key(r.salary_talk_on)
        # Overdue first, then those still to have their talk, then the rest.
        return (
            0 if r.state.overdue else 1 if r.state.expected and not r.state.held_this_cycle else 2
        )

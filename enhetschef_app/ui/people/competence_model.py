"""The competence list: each person's recurring trainings and delegations, with when each holds
until and where it stands (giltig, går snart ut, utgången, saknas, avslutad)."""

from __future__ import annotations

from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor

from enhetschef_app.domain.competence import ExpiryState
from enhetschef_app.services.people.competence import CompetenceItem, ItemKind
from enhetschef_app.ui.shell.formatting import iso_date, natural_sort_key, swedish_sort_key
from enhetschef_app.ui.shell.icons import icon
from enhetschef_app.ui.shell.table_model import ALIGN_TEXT, SORT_ROLE, RowTableModel

ATTENTION_BACKGROUND = QColor("#fff4dc")
ATTENTION_TEXT = QColor("#7a4f00")
PROBLEM_BACKGROUND = QColor("#fbe3e3")
PROBLEM_TEXT = QColor("#a61b1b")
QUIET_TEXT = QColor("#5f6b76")

STATE_ORDER = {
    ExpiryState.EXPIRED: 0,
    ExpiryState.MISSING: 1,
    ExpiryState.EXPIRING: 2,
    ExpiryState.NOT_STARTED: 3,
    ExpiryState.VALID: 4,
    ExpiryState.ENDED: 5,
}
PROBLEMS = {ExpiryState.EXPIRED, ExpiryState.MISSING}


class Column(IntEnum):
    NUMBER = 0
    NAME = 1
    KIND = 2
    WHAT = 3
    BY = 4
    FROM = 5
    UNTIL = 6
    LEFT = 7
    STATE = 8


def _day_key(day: date | None) -> int:
    return 10**7 if day is None else day.toordinal()


class CompetenceTableModel(RowTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                self.tr("Anst.nr"),
                self.tr("Namn"),
                self.tr("Typ"),
                self.tr("Utbildning/uppgift"),
                self.tr("Delegerad av"),
                self.tr("Från/genomförd"),
                self.tr("Giltig till"),
                self.tr("Giltig"),
                self.tr("Läge"),
            ],
            parent,
        )

    def kind_text(self, item: CompetenceItem) -> str:
        return self.tr("Utbildning") if item.kind is ItemKind.TRAINING else self.tr("Delegering")

    def state_text(self, item: CompetenceItem) -> str:
        state = item.state
        if state is ExpiryState.VALID:
            return self.tr("Giltig")
        if state is ExpiryState.EXPIRING:
            return self.tr("Går snart ut")
        if state is ExpiryState.EXPIRED:
            return self.tr("Utgången")
        if state is ExpiryState.MISSING:
            return self.tr("Saknas")
        if state is ExpiryState.NOT_STARTED:
            return self.tr("Gäller från {0}").format(iso_date(item.valid_from))
        return self.tr("Avslutad {0}").format(iso_date(item.ended_on))

    def left_text(self, item: CompetenceItem) -> str:
        if item.days_left is None or item.state in (ExpiryState.ENDED, ExpiryState.MISSING):
            return ""
        days = item.days_left
        if days < 0:
            return self.tr("gick ut för {0} dagar sedan").format(-days)
        if days == 0:
            return self.tr("går ut idag")
        return self.tr("{0} dagar kvar").format(days)

    def cell(self, row: Any, column: int, role: int) -> Any:
        item: CompetenceItem = row
        col = Column(column)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, col)
        if role == SORT_ROLE:
            return self._sort_key(item, col)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(ALIGN_TEXT)
        if (
            role == Qt.ItemDataRole.DecorationRole
            and col is Column.STATE
            and (item.state in PROBLEMS or item.state is ExpiryState.EXPIRING)
        ):
            return icon("varning")
        if role == Qt.ItemDataRole.BackgroundRole:
            if item.state in PROBLEMS:
                return QBrush(PROBLEM_BACKGROUND)
            if item.state is ExpiryState.EXPIRING:
                return QBrush(ATTENTION_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole:
            if item.state in PROBLEMS:
                return QBrush(PROBLEM_TEXT)
            if item.state is ExpiryState.EXPIRING:
                return QBrush(ATTENTION_TEXT)
            if item.state is ExpiryState.ENDED:
                return QBrush(QUIET_TEXT)
        return None

    def _display(self, item: CompetenceItem, col: Column) -> str:
        if col is Column.NUMBER:
            return item.employee_no
        if col is Column.NAME:
            return item.employee_name
        if col is Column.KIND:
            return self.kind_text(item)
        if col is Column.WHAT:
            return item.what
        if col is Column.BY:
            return item.delegated_by or ""
        if col is Column.FROM:
            return iso_date(item.valid_from)
        if col is Column.UNTIL:
            if item.valid_until is None and item.state is not ExpiryState.MISSING:
                return self.tr("tills vidare")
            return iso_date(item.valid_until)
        if col is Column.LEFT:
            return self.left_text(item)
        return self.state_text(item)

    def _sort_key(self, item: CompetenceItem, col: Column) -> object:
        if col is Column.NUMBER:
            return natural_sort_key(item.employee_no)
        if col is Column.NAME:
            return swedish_sort_key(item.employee_name)
        if col is Column.KIND:
            return swedish_sort_key(self.kind_text(item))
        if col is Column.WHAT:
            return swedish_sort_key(item.what)
        if col is Column.BY:
            return swedish_sort_key(item.delegated_by or "")
        if col is Column.FROM:
            return _day_key(item.valid_from)
        if col is Column.UNTIL:
            return _day_key(item.valid_until)
        if col is Column.LEFT:
            return 10**7 if item.days_left is None else item.days_left
        return STATE_ORDER[item.state] * 10**8 + _day_key(item.valid_until)

"""The introduction lists (new staff and one person's checklist) and the leavers of the exit-talk
tab."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor

from enhetschef_app.domain.exit_talks import ExitOutcome
from enhetschef_app.services.people.exit_talks import LeaverView
from enhetschef_app.services.people.introduction import IntroLine, IntroProgress
from enhetschef_app.ui.shell.formatting import iso_date, natural_sort_key, swedish_sort_key
from enhetschef_app.ui.shell.icons import icon
from enhetschef_app.ui.shell.table_model import ALIGN_NUMBER, ALIGN_TEXT, SORT_ROLE, RowTableModel

ATTENTION_BACKGROUND = QColor("#fff4dc")
ATTENTION_TEXT = QColor("#7a4f00")
DONE_TEXT = QColor("#2d6a3e")


def _day_key(day: date | None) -> int:
    return 0 if day is None else day.toordinal()


class IntroProgressModel(RowTableModel):
    """New staff: first day, how much of the checklist is done, what comes next."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                self.tr("Namn"),
                self.tr("Första dag"),
                self.tr("Klart"),
                self.tr("Nästa"),
                self.tr("Försenade punkter"),
            ],
            parent,
        )
        self._today = date.min

    def set_progress(self, rows: list[IntroProgress], today: date) -> None:
        self._today = today
        self.set_rows(rows)

    def cell(self, row: Any, column: int, role: int) -> Any:
        p: IntroProgress = row
        late = p.late(self._today)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return p.name
            if column == 1:
                return iso_date(p.start)
            if column == 2:
                return self.tr("{done} av {total}").format(done=p.done, total=p.total)
            if column == 3:
                line = p.next_line()
                return self.tr("Allt klart") if line is None else iso_date(line.planned_on)
            return str(late) if late else ""
        if role == SORT_ROLE:
            upcoming = p.next_line()
            keys: tuple[object, ...] = (
                swedish_sort_key(p.name),
                _day_key(p.start),
                p.done - p.total,
                _day_key(upcoming.planned_on if upcoming else None),
                late,
            )
            return keys[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == 4:
            return self.tr("Punkter vars dag har passerat utan att de är klara")
        if role == Qt.ItemDataRole.ToolTipRole and column == 3:
            upcoming = p.next_line()
            return upcoming.title if upcoming else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(ALIGN_NUMBER if column == 4 else ALIGN_TEXT)
        if late and column == 4 and role == Qt.ItemDataRole.DecorationRole:
            return icon("varning")
        if late and role == Qt.ItemDataRole.ForegroundRole and column == 4:
            return QBrush(ATTENTION_TEXT)
        return None


class IntroChecklistModel(RowTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([self.tr("Punkt"), self.tr("Planerat"), self.tr("Klart")], parent)
        self._today = date.min

    def set_lines(self, lines: tuple[IntroLine, ...], today: date) -> None:
        self._today = today
        self.set_rows(lines)

    def state_text(self, line: IntroLine) -> str:
        if line.done_on is not None:
            return self.tr("Klar")
        if line.is_late(self._today):
            return self.tr("Försenad")
        return self.tr("Återstår")

    def cell(self, row: Any, column: int, role: int) -> Any:
        line: IntroLine = row
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return line.title
            if column == 1:
                return iso_date(line.planned_on)
            # The day it was done, or in words why not: never colour alone.
            return iso_date(line.done_on) if line.done_on else self.state_text(line)
        if role == SORT_ROLE:
            return (
                swedish_sort_key(line.title),
                _day_key(line.planned_on),
                _day_key(line.done_on),
            )[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return line.title  # the whole point, where the column is too narrow for it
        if role == Qt.ItemDataRole.ToolTipRole and column == 1 and line.planned_is_own:
            return self.tr("Datumet är ändrat för den här medarbetaren")
        if role == Qt.ItemDataRole.ForegroundRole:
            if line.done_on is not None:
                return QBrush(DONE_TEXT)
            if line.is_late(self._today):
                return QBrush(ATTENTION_TEXT)
        if role == Qt.ItemDataRole.BackgroundRole and line.is_late(self._today):
            return QBrush(ATTENTION_BACKGROUND)
        return None


class LeaverTableModel(RowTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                self.tr("Anst.nr"),
                self.tr("Namn"),
                self.tr("Anställning"),
                self.tr("Sista dag"),
                self.tr("Orsak"),
                self.tr("Avslutningssamtal"),
                self.tr("Anteckning"),
            ],
            parent,
        )
        self._today = date.min

    def set_leavers(self, rows: list[LeaverView], today: date) -> None:
        self._today = today
        self.set_rows(rows)

    def talk_text(self, leaver: LeaverView) -> str:
        if leaver.outcome is ExitOutcome.HELD:
            return self.tr("Genomfört {0}").format(iso_date(leaver.held_on))
        if leaver.outcome is ExitOutcome.DECLINED:
            return self.tr("Avböjt")
        if leaver.talk_due(self._today):
            return self.tr("Att hålla")
        return self.tr("Ej registrerat")

    def cell(self, row: Any, column: int, role: int) -> Any:
        leaver: LeaverView = row
        if role == Qt.ItemDataRole.DisplayRole:
            values = (
                leaver.employee_no,
                leaver.name,
                leaver.form.label,
                iso_date(leaver.end),
                leaver.reason.label if leaver.reason else self.tr("(ej angiven)"),
                self.talk_text(leaver),
                leaver.notes.splitlines()[0] if leaver.notes else "",
            )
            return values[column]
        if role == SORT_ROLE:
            keys: tuple[object, ...] = (
                natural_sort_key(leaver.employee_no),
                swedish_sort_key(leaver.name),
                swedish_sort_key(leaver.form.label),
                _day_key(leaver.end),
                swedish_sort_key(leaver.reason.label if leaver.reason else ""),
                swedish_sort_key(self.talk_text(leaver)),
                swedish_sort_key(leaver.notes),
            )
            return keys[column]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(ALIGN_TEXT)
        if role == Qt.ItemDataRole.ToolTipRole and column == 6 and leaver.notes:
            return leaver.notes
        if leaver.talk_due(self._today):
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(ATTENTION_TEXT)
            if role == Qt.ItemDataRole.DecorationRole and column == 5:
                return icon("varning")
        return None

"""The Dagsuppföljning page's lists: empty rows, absences, breaches, and the candidates of the
"Hitta ersättare" dialog; and Sambandscentral's empty rows of every unit."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from enhetschef_app.domain.cover_candidates import Excluded
from enhetschef_app.services.schedule.check import BreachView
from enhetschef_app.services.schedule.coordination import EmptyRow
from enhetschef_app.services.schedule.follow_up import AbsenceLine, CandidateView, RowLine
from enhetschef_app.ui.shell.formatting import day_name, swedish_sort_key
from enhetschef_app.ui.shell.table_model import ALIGN_NUMBER, ALIGN_TEXT, SORT_ROLE, RowTableModel

ATTENTION_BACKGROUND = QColor("#fff4dc")
ATTENTION_TEXT = QColor("#7a4f00")
DONE_TEXT = QColor("#2d6a3e")
WAITING_TEXT = QColor("#5f6b76")


class RowLineModel(RowTableModel):
    """The week's empty rows and the ones already covered; the chosen day's in bold."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [self.tr("Dag"), self.tr("Tid"), self.tr("Pass"), self.tr("Orsak"), self.tr("Läge")],
            parent,
        )
        self.day: date | None = None

    def set_lines(self, lines: tuple[RowLine, ...], day: date) -> None:
        self.day = day
        self.set_rows(lines)

    def state_text(self, line: RowLine) -> str:
        if line.cover_name is not None and line.cover_kind is not None:
            unit = f" [{line.cover_unit}]" if line.cover_unit else ""
            return self.tr("Ersätts av {name}{unit} ({kind})").format(
                name=line.cover_name, unit=unit, kind=line.cover_kind.label.lower()
            )
        if not line.offerable:
            return self.tr("Väntar: bemannas tidigast samma vecka")
        return self.tr("Tom – behöver ersättare")

    def cell(self, row: Any, column: int, role: int) -> Any:
        line: RowLine = row
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                day_name(line.work_date),
                line.time_text,
                line.code or "",
                line.reason,
                self.state_text(line),
            )[column]
        if role == SORT_ROLE:
            return (line.work_date.toordinal(), line.start.isoformat(), line.row_id)
        if role == Qt.ItemDataRole.ToolTipRole:
            if not line.offerable:
                return line.blocked_reason
            if line.end <= line.start and column == 1:
                return self.tr("Passet slutar nästa dag")
            return None
        if role == Qt.ItemDataRole.FontRole and line.work_date == self.day:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole:
            if line.cover_name is not None:
                return QBrush(DONE_TEXT)
            if not line.offerable:
                return QBrush(WAITING_TEXT)
            return QBrush(ATTENTION_TEXT)
        if role == Qt.ItemDataRole.BackgroundRole and line.state.is_empty and line.offerable:
            return QBrush(ATTENTION_BACKGROUND)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(ALIGN_TEXT)
        return None


class EmptyRowModel(RowTableModel):
    """Sambandscentral's list: the day's empty rows of every unit, each with its unit."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                self.tr("Enhet"),
                self.tr("Datum"),
                self.tr("Tid"),
                self.tr("Pass"),
                self.tr("Orsak"),
                self.tr("Läge"),
            ],
            parent,
        )

    def state_text(self, line: RowLine) -> str:
        if not line.offerable:
            return self.tr("Väntar: bemannas tidigast samma vecka")
        return self.tr("Tom – behöver ersättare")

    def cell(self, row: Any, column: int, role: int) -> Any:
        empty: EmptyRow = row
        line = empty.line
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                empty.unit.code,
                line.work_date.isoformat(),
                line.time_text,
                line.code or "",
                line.reason,
                self.state_text(line),
            )[column]
        if role == SORT_ROLE:
            if column == 0:
                return (swedish_sort_key(empty.unit.code), line.start.isoformat(), line.row_id)
            return (line.work_date.toordinal(), line.start.isoformat(), line.row_id)
        if role == Qt.ItemDataRole.ToolTipRole:
            if not line.offerable:
                return line.blocked_reason
            if column == 0:
                return empty.unit.name
            if line.end <= line.start and column == 2:
                return self.tr("Passet slutar nästa dag")
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(ATTENTION_TEXT if line.offerable else WAITING_TEXT)
        if role == Qt.ItemDataRole.BackgroundRole and line.offerable:
            return QBrush(ATTENTION_BACKGROUND)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(ALIGN_TEXT)
        return None


class AbsenceModel(RowTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                self.tr("Medarbetare"),
                self.tr("Frånvaro"),
                self.tr("Från"),
                self.tr("Till"),
                self.tr("Omfattning"),
            ],
            parent,
        )

    def cell(self, row: Any, column: int, role: int) -> Any:
        absence: AbsenceLine = row
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                absence.name,
                absence.kind,
                absence.start.isoformat(),
                absence.end.isoformat() if absence.end else self.tr("tills vidare"),
                f"{absence.extent_percent} %",
            )[column]
        if role == SORT_ROLE:
            return swedish_sort_key(absence.name) if column == 0 else absence.start.toordinal()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(ALIGN_NUMBER if column == 4 else ALIGN_TEXT)
        return None


class BreachModel(RowTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [self.tr("Datum"), self.tr("Medarbetare"), self.tr("Regel"), self.tr("Vad")], parent
        )

    def cell(self, row: Any, column: int, role: int) -> Any:
        view: BreachView = row
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                view.breach.date.isoformat(),
                view.employee_name or view.breach.employee_no,
                view.breach.rule.label,
                view.text,
            )[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return view.text
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(ALIGN_TEXT)
        return None


class CandidateModel(RowTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [self.tr("Nr"), self.tr("Namn"), self.tr("Enhet"), self.tr("Som"), self.tr("Varför")],
            parent,
        )

    def set_candidates(self, candidates: tuple[CandidateView, ...]) -> None:
        self.set_rows(enumerate(candidates, start=1))

    def candidate_at(self, row: int) -> CandidateView:
        candidate: CandidateView = self.row_at(row)[1]
        return candidate

    def cell(self, row: Any, column: int, role: int) -> Any:
        rank, view = row
        candidate = view.candidate
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                str(rank),
                candidate.person.name,
                candidate.person.unit_code,
                candidate.kind.label,
                candidate.why,
            )[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [candidate.why, *candidate.notes]
            return "\n".join(lines)
        if role == Qt.ItemDataRole.ForegroundRole and not candidate.person.own_unit:
            return QBrush(WAITING_TEXT)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(ALIGN_NUMBER if column == 0 else ALIGN_TEXT)
        return None


class ExcludedModel(RowTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([self.tr("Namn"), self.tr("Enhet"), self.tr("Varför inte")], parent)

    def cell(self, row: Any, column: int, role: int) -> Any:
        left_out: Excluded = row
        if role == Qt.ItemDataRole.DisplayRole:
            return (left_out.person.name, left_out.person.unit_code, left_out.reason)[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return left_out.reason
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(ALIGN_TEXT)
        return None

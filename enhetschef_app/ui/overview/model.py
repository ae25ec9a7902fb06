"""The Översikt page's grids: headcount by employment form, staffing per time band, and the
day's schedule rows."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor

from enhetschef_app.domain.staff import EmploymentForm
from enhetschef_app.services.overview.today import BandLine, LineState, ScheduleLine
from enhetschef_app.ui.shell.formatting import time_range
from enhetschef_app.ui.shell.table_model import ALIGN_NUMBER, ALIGN_TEXT, RowTableModel

ATTENTION_BACKGROUND = QColor("#fff4dc")
ATTENTION_TEXT = QColor("#7a4f00")


class HeadcountModel(RowTableModel):
    """Rows: (form, count); the last row is the total."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([self.tr("Anställningsform"), self.tr("Anställda idag")], parent)

    def set_headcount(self, counts: tuple[tuple[EmploymentForm, int], ...]) -> None:
        rows: list[tuple[str, int]] = [(form.label, count) for form, count in counts]
        if rows:
            rows.append((self.tr("Totalt"), sum(count for _label, count in rows)))
        self.set_rows(rows)

    def cell(self, row: Any, column: int, role: int) -> Any:
        label, count = row
        if role == Qt.ItemDataRole.DisplayRole:
            return label if column == 0 else str(count)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(ALIGN_TEXT if column == 0 else ALIGN_NUMBER)
        return None


class StaffingBandModel(RowTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [self.tr("Tid"), self.tr("Behov"), self.tr("Schemalagda"), self.tr("Läge")], parent
        )

    def state_text(self, band: BandLine) -> str:
        if band.shortfall:
            return self.tr("Saknas {0}").format(band.shortfall)
        if band.scheduled > band.needed:
            return self.tr("OK, {0} extra").format(band.scheduled - band.needed)
        return self.tr("OK")

    def cell(self, row: Any, column: int, role: int) -> Any:
        band: BandLine = row
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return time_range(band.start, band.end)
            if column == 1:
                return str(band.needed)
            if column == 2:
                return str(band.scheduled)
            return self.state_text(band)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(ALIGN_NUMBER if column in (1, 2) else ALIGN_TEXT)
        if band.shortfall and role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(ATTENTION_BACKGROUND)
        if band.shortfall and role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(ATTENTION_TEXT)
        return None


class DayScheduleModel(RowTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [self.tr("Tid"), self.tr("Pass"), self.tr("Medarbetare"), self.tr("Läge")], parent
        )

    def person_text(self, line: ScheduleLine) -> str:
        if line.state is LineState.VACANT:
            return self.tr("Vakant")
        return line.employee_name or ""

    def state_text(self, line: ScheduleLine) -> str:
        if line.state is LineState.VACANT:
            return self.tr("Tom rad")
        if line.state is LineState.ABSENT:
            return self.tr("Frånvarande – tom rad")
        return self.tr("Bemannad")

    def cell(self, row: Any, column: int, role: int) -> Any:
        line: ScheduleLine = row
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return time_range(line.start, line.end)
            if column == 1:
                return line.shift_code or ""
            if column == 2:
                return self.person_text(line)
            return self.state_text(line)
        if role == Qt.ItemDataRole.ToolTipRole and column == 0 and line.crosses_midnight:
            return self.tr("Passet slutar nästa dag")
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(ALIGN_TEXT)
        if line.is_empty and role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(ATTENTION_BACKGROUND)
        if line.is_empty and role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(ATTENTION_TEXT)
        return None

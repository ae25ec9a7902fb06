"""The grids of one avvikelse: its actions, its timeline, and the staffing when it happened."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from enhetschef_app.domain.calendar import STOCKHOLM
from enhetschef_app.domain.incident_staffing import BandAtEvent, RowOfDay
from enhetschef_app.services.incidents.views import ActionView, TimelineLine
from enhetschef_app.ui.shell.formatting import iso_date, swedish_sort_key, time_range
from enhetschef_app.ui.shell.table_model import ALIGN_NUMBER, ALIGN_TEXT, SORT_ROLE, RowTableModel

ATTENTION_BACKGROUND = QColor("#fff4dc")
ATTENTION_TEXT = QColor("#7a4f00")
DONE_TEXT = QColor("#5f6b76")


class ActionTableModel(RowTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                self.tr("Åtgärd"),
                self.tr("Ansvarig"),
                self.tr("Klar senast"),
                self.tr("Klar"),
                self.tr("Läge"),
            ],
            parent,
        )

    def state_text(self, action: ActionView) -> str:
        if action.done:
            return self.tr("Klar")
        if action.overdue:
            return self.tr("Försenad")
        return self.tr("Pågår")

    def cell(self, row: Any, column: int, role: int) -> Any:
        action: ActionView = row
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                " ".join(action.description.split()),
                action.owner,
                iso_date(action.due_on),
                iso_date(action.done_on),
                self.state_text(action),
            )[column]
        if role == SORT_ROLE:
            return (
                swedish_sort_key(action.description),
                swedish_sort_key(action.owner),
                iso_date(action.due_on),
                iso_date(action.done_on),
                self.state_text(action),
            )[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return action.description
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(ALIGN_TEXT)
        if action.overdue and role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(ATTENTION_BACKGROUND)
        if action.overdue and role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(ATTENTION_TEXT)
        if action.done and role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(DONE_TEXT)
        return None


class TimelineModel(RowTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([self.tr("När"), self.tr("Vem"), self.tr("Vad")], parent)

    def cell(self, row: Any, column: int, role: int) -> Any:
        line: TimelineLine = row
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return line.at.astimezone(STOCKHOLM).strftime("%Y-%m-%d %H:%M")
            return line.actor if column == 1 else line.text
        if role == Qt.ItemDataRole.ToolTipRole and column == 2:
            return line.text
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(ALIGN_TEXT)
        return None


class EventBandModel(RowTableModel):
    """The day's time bands: need against the staff present, the event's band marked."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                self.tr("Tidsband"),
                self.tr("Behov"),
                self.tr("I tjänst"),
                self.tr("Läge"),
            ],
            parent,
        )

    def state_text(self, band: BandAtEvent) -> str:
        text = self.tr("Saknas {0}").format(band.shortfall) if band.shortfall else self.tr("OK")
        return self.tr("{0} – här hände det").format(text) if band.holds_event else text

    def cell(self, row: Any, column: int, role: int) -> Any:
        band: BandAtEvent = row
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                time_range(band.start, band.end),
                str(band.needed),
                str(band.present),
                self.state_text(band),
            )[column]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(ALIGN_NUMBER if column in (1, 2) else ALIGN_TEXT)
        if band.shortfall and role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(ATTENTION_BACKGROUND)
        if band.shortfall and role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(ATTENTION_TEXT)
        if band.holds_event and role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return None


class EventRowsModel(RowTableModel):
    """The schedule rows running when it happened; empty ones (vacant or absent) marked."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [self.tr("Pass"), self.tr("Tid"), self.tr("Medarbetare"), self.tr("Läge")], parent
        )

    def state_text(self, row: RowOfDay) -> str:
        if row.vacant:
            return self.tr("Tom rad (vakant)")
        if row.absent:
            return self.tr("Tom rad (frånvarande)")
        return self.tr("I tjänst")

    def cell(self, row: Any, column: int, role: int) -> Any:
        line: RowOfDay = row
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return line.shift_code or ""
            if column == 1:
                text = time_range(line.start, line.end)
                return (
                    self.tr("{0} (från dagen före)").format(text) if line.from_yesterday else text
                )
            if column == 2:
                return line.employee_name or self.tr("Vakant")
            return self.state_text(line)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(ALIGN_TEXT)
        if line.empty and role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(ATTENTION_BACKGROUND)
        if line.empty and role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(ATTENTION_TEXT)
        return None

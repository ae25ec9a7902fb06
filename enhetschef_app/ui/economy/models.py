"""The grids of the Ekonomi page: the year month by month, and the month's cost lines with
their inputs as the tooltip."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt

from enhetschef_app.domain.economy import CostLine
from enhetschef_app.domain.economy_year import EconomyMonth
from enhetschef_app.ui.shell.formatting import fixed_text
from enhetschef_app.ui.shell.table_model import ALIGN_NUMBER, ALIGN_TEXT, SORT_ROLE, RowTableModel


def kronor_text(value: Decimal | None) -> str:
    """'1 571 178' – whole kronor in the year table, where öre would only be noise."""
    if value is None:
        return "–"
    return QLocale().toString(float(value), "f", 0)


def ore_text(value: Decimal) -> str:
    return QLocale().toString(float(value), "f", 2)


class YearColumn(enum.IntEnum):
    MONTH = 0
    BUDGET = 1
    COST = 2
    SOURCE = 3
    DEVIATION = 4
    DEVIATION_YTD = 5
    FTE = 6
    FIXED = 7


@dataclass(frozen=True)
class YearRow:
    month: EconomyMonth
    deviation_ytd: Decimal | None
    current: bool


class YearTableModel(RowTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                QCoreApplication.translate("EconomyModels", "Månad"),
                QCoreApplication.translate("EconomyModels", "Budget"),
                QCoreApplication.translate("EconomyModels", "Kostnad"),
                QCoreApplication.translate("EconomyModels", "Källa"),
                QCoreApplication.translate("EconomyModels", "Avvikelse"),
                QCoreApplication.translate("EconomyModels", "Ack."),
                QCoreApplication.translate("EconomyModels", "ÅA"),
                QCoreApplication.translate("EconomyModels", "Fast %"),
            ],
            parent,
        )

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return YEAR_HEADER_TIPS.get(YearColumn(section)) if 0 <= section < 8 else None
        return super().headerData(section, orientation, role)

    def cell(self, row: Any, column: int, role: int) -> Any:
        assert isinstance(row, YearRow)
        m = row.month
        if role == Qt.ItemDataRole.DisplayRole:
            if column == YearColumn.MONTH:
                return m.month.label
            if column == YearColumn.BUDGET:
                return kronor_text(m.budget)
            if column == YearColumn.COST:
                return kronor_text(m.cost)
            if column == YearColumn.SOURCE:
                return m.source.label
            if column == YearColumn.DEVIATION:
                return _signed(m.deviation)
            if column == YearColumn.DEVIATION_YTD:
                return _signed(row.deviation_ytd)
            if column == YearColumn.FTE:
                budget = "–" if m.fte_budget is None else fixed_text(m.fte_budget, 1)
                return f"{fixed_text(m.fte_actual, 1)} / {budget}"
            if column == YearColumn.FIXED:
                if m.fixed_share_percent is None:
                    return "–"
                return fixed_text(m.fixed_share_percent, 1)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return ALIGN_TEXT if column in (YearColumn.MONTH, YearColumn.SOURCE) else ALIGN_NUMBER
        if role == Qt.ItemDataRole.ToolTipRole:
            return _month_tip(m)
        if role == Qt.ItemDataRole.FontRole and row.current:
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        if role == SORT_ROLE:
            return m.month.label
        return None


def _signed(value: Decimal | None) -> str:
    if value is None:
        return "–"
    text = kronor_text(abs(value))
    return text if value >= 0 else f"−{text}"


def _month_tip(m: EconomyMonth) -> str:
    parts = [
        QCoreApplication.translate("EconomyModels", "Beräknad av programmet: {0} kr").format(
            kronor_text(m.estimate)
        )
    ]
    if m.outcome is not None and m.outcome_difference is not None:
        parts.append(
            QCoreApplication.translate(
                "EconomyModels", "Bokfört utfall: {0} kr ({1} kr mot beräkningen)"
            ).format(kronor_text(m.outcome), _signed(m.outcome_difference))
        )
    if m.deviation is not None:
        word = (
            QCoreApplication.translate("EconomyModels", "under budget")
            if m.deviation >= 0
            else QCoreApplication.translate("EconomyModels", "över budget")
        )
        parts.append(
            QCoreApplication.translate("EconomyModels", "Avvikelse: {0} kr {1}").format(
                kronor_text(abs(m.deviation)), word
            )
        )
    return "\n".join(parts)


YEAR_HEADER_TIPS = {
    YearColumn.BUDGET: QCoreApplication.translate(
        "EconomyModels", "Månadens budget för personalkostnad, kr"
    ),
    YearColumn.COST: QCoreApplication.translate(
        "EconomyModels", "Bokfört utfall där det finns, annars programmets beräkning, kr"
    ),
    YearColumn.DEVIATION: QCoreApplication.translate(
        "EconomyModels", "Budget − kostnad, kr (positiv: under budget)"
    ),
    YearColumn.DEVIATION_YTD: QCoreApplication.translate(
        "EconomyModels", "Avvikelsen ackumulerad från januari, kr"
    ),
    YearColumn.FTE: QCoreApplication.translate("EconomyModels", "Årsarbetare: utfall / budget"),
    YearColumn.FIXED: QCoreApplication.translate(
        "EconomyModels", "Fast bemanning: månadsavlönades timmar inom schemat, % av alla"
    ),
}


class LineColumn(enum.IntEnum):
    KIND = 0
    PERSON = 1
    AMOUNT = 2
    INPUTS = 3


class CostLineModel(RowTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                QCoreApplication.translate("EconomyModels", "Post"),
                QCoreApplication.translate("EconomyModels", "Medarbetare"),
                QCoreApplication.translate("EconomyModels", "Belopp (kr)"),
                QCoreApplication.translate("EconomyModels", "Underlag"),
            ],
            parent,
        )

    def cell(self, row: Any, column: int, role: int) -> Any:
        assert isinstance(row, CostLine)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == LineColumn.KIND:
                return row.label
            if column == LineColumn.PERSON:
                return row.person or QCoreApplication.translate("EconomyModels", "Hela enheten")
            if column == LineColumn.INPUTS:
                return row.inputs_text()
            return ore_text(row.amount)
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(f"{name}: {value}" for name, value in row.inputs)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return ALIGN_NUMBER if column == LineColumn.AMOUNT else ALIGN_TEXT
        if role == SORT_ROLE:
            if column == LineColumn.INPUTS:
                return row.inputs_text()
            if column == LineColumn.AMOUNT:
                return float(row.amount)
            return row.label if column == LineColumn.KIND else row.person
        return None

"""The tables of Förvaltning: the units down, one group of the month's figures across (each
value against that unit's own target), and a trend figure's 12 months across."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QBrush, QColor

from enhetschef_app.domain.key_figures import FIGURE_SPECS, FIGURES, TargetStatus
from enhetschef_app.domain.year_month import YearMonth
from enhetschef_app.services.month.document import figure_text
from enhetschef_app.services.month.management import (
    ManagementTrend,
    UnitMonth,
    UnitTrend,
    WorkbookTrend,
    WorkbookUnitRow,
)
from enhetschef_app.services.month.report import TrendPoint
from enhetschef_app.ui.shell.formatting import decimal_text
from enhetschef_app.ui.shell.table_model import ALIGN_NUMBER, SORT_ROLE, RowTableModel

ABOVE = QColor("#fbe3d6")
WITHIN = QColor("#e4f1df")
DRAFT = QColor("#fff4dc")

# The figures with a target first: what a VC reads across her units before anything else.
HEADLINE = (
    "sick_percent",
    "hourly_paid_share_percent",
    "turnover_percent_12m",
    "empty_rows_unfilled",
    "incidents",
    "personnel_cost",
    "budget_deviation",
)


GROUP_MAX = 5


def figure_groups() -> list[tuple[str, tuple[str, ...]]]:
    """The choices of the page's 'Visa': the headline figures, then each section's."""
    groups: dict[str, list[str]] = {}
    for spec in FIGURES:
        groups.setdefault(spec.section, []).append(spec.key)
    headline = QCoreApplication.translate("management", "Huvudtal")
    found: list[tuple[str, tuple[str, ...]]] = [(headline, HEADLINE)]
    more = QCoreApplication.translate("management", "{0}, forts.")
    for name, keys in groups.items():
        # At most GROUP_MAX figures side by side: a laptop's window shows them without a
        # sideways scrollbar.
        for start in range(0, len(keys), GROUP_MAX):
            title = name if start == 0 else more.format(name)
            found.append((title, tuple(keys[start : start + GROUP_MAX])))
    return found


def two_lines(text: str) -> str:
    """A column title on two lines, broken at the space nearest its middle, so that eight
    figures fit side by side."""
    if " " not in text or len(text) < 12:
        return text
    middle = len(text) / 2
    spaces = [i for i, c in enumerate(text) if c == " "]
    cut = min(spaces, key=lambda i: abs(i - middle))
    return f"{text[:cut]}\n{text[cut + 1 :]}"


class UnitFiguresModel(RowTableModel):
    """A row per unit: its code, klar or not, and the chosen figures. A unit on the server is
    a UnitMonth (each value against the unit's own target); a unit that still syncs to the
    shared workbook is its row there (WorkbookUnitRow), shown as it stands, without targets:
    those are kept in the unit's own database."""

    FIXED = 2  # Enhet, Status

    def __init__(self, parent: QObject | None = None) -> None:
        self._keys: tuple[str, ...] = HEADLINE
        super().__init__(self._headers_for(HEADLINE), parent)

    def _headers_for(self, keys: Sequence[str]) -> list[str]:
        return [
            QCoreApplication.translate("management", "Enhet"),
            QCoreApplication.translate("management", "Status"),
            *(two_lines(FIGURE_SPECS[k].label) for k in keys),
        ]

    @property
    def keys(self) -> tuple[str, ...]:
        return self._keys

    def show_figures(self, keys: Sequence[str]) -> None:
        self.beginResetModel()
        self._keys = tuple(keys)
        self._headers = self._headers_for(self._keys)
        self._sorted_by = None
        self.endResetModel()

    def cell(self, row: Any, column: int, role: int) -> Any:
        if isinstance(row, WorkbookUnitRow):
            return self._workbook_cell(row, column, role)
        assert isinstance(row, UnitMonth)
        if column == 0:
            if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
                return row.unit.code
            if role == Qt.ItemDataRole.ToolTipRole:
                return row.unit.name
            return None
        if column == 1:
            if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
                return (
                    QCoreApplication.translate("management", "klar")
                    if row.closed
                    else QCoreApplication.translate("management", "utkast")
                )
            if role == Qt.ItemDataRole.BackgroundRole and not row.closed:
                return QBrush(DRAFT)
            if role == Qt.ItemDataRole.ToolTipRole:
                if row.view.closed_at is None:
                    return QCoreApplication.translate("management", "Månaden är inte markerad klar")
                when = row.view.closed_at.astimezone().strftime("%Y-%m-%d")
                return QCoreApplication.translate("management", "Markerad klar {0} av {1}").format(
                    when, row.view.closed_by
                )
            return None
        key = self._keys[column - self.FIXED]
        value = row.view.reported[key]
        if role == Qt.ItemDataRole.DisplayRole:
            return figure_text(key, value)
        if role == SORT_ROLE:
            return None if value is None else Decimal(value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return ALIGN_NUMBER
        status = row.view.summary.status_of(key, value)
        if role == Qt.ItemDataRole.BackgroundRole:
            if status is TargetStatus.ABOVE:
                return QBrush(ABOVE)
            if status is TargetStatus.WITHIN:
                return QBrush(WITHIN)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            target = row.view.summary.targets.get(key)
            if target is None:
                return FIGURE_SPECS[key].label
            word = (
                QCoreApplication.translate("management", "över målet")
                if status is TargetStatus.ABOVE
                else QCoreApplication.translate("management", "inom målet")
            )
            return QCoreApplication.translate(
                "management", "{label}: mål högst {target}, {word}"
            ).format(label=FIGURE_SPECS[key].label, target=figure_text(key, target), word=word)
        return None

    def _workbook_cell(self, row: WorkbookUnitRow, column: int, role: int) -> Any:
        if column == 0:
            return row.unit_code if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE) else None
        if column == 1:
            if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
                return QCoreApplication.translate("management", "arbetsbok")
            if role == Qt.ItemDataRole.ToolTipRole:
                return QCoreApplication.translate(
                    "management", "Enheten synkar till den delade arbetsboken: rad {0} där"
                ).format(row.row_number)
            return None
        key = self._keys[column - self.FIXED]
        value = row.values.get(key)
        if role == Qt.ItemDataRole.DisplayRole:
            return figure_text(key, value)
        if role == SORT_ROLE:
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return ALIGN_NUMBER
        if role == Qt.ItemDataRole.ToolTipRole:
            if key not in row.values:
                return QCoreApplication.translate(
                    "management", "{0}: arbetsboken har ingen sådan kolumn"
                ).format(FIGURE_SPECS[key].label)
            return QCoreApplication.translate(
                "management", "{0}: ur den delade arbetsboken, utan enhetens mål"
            ).format(FIGURE_SPECS[key].label)
        return None


TREND_FIGURES = ("sick_percent", "overtime_and_mertid_hours", "hourly_paid_share_percent")


def trend_titles() -> dict[str, str]:
    return {
        "sick_percent": QCoreApplication.translate("management", "Sjukfrånvaro %"),
        "overtime_and_mertid_hours": QCoreApplication.translate(
            "management", "Övertid och mertid (h)"
        ),
        "hourly_paid_share_percent": QCoreApplication.translate(
            "management", "Andel timavlönade %"
        ),
    }


def trend_value(point: TrendPoint, figure: str) -> Decimal | None:
    if figure == "sick_percent":
        return point.sick_percent
    if figure == "hourly_paid_share_percent":
        return point.hourly_paid_share_percent
    return point.overtime_and_mertid_hours


class UnitTrendModel(RowTableModel):
    """A row per unit (UnitTrend): one trend figure of each of the 12 months."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([QCoreApplication.translate("management", "Enhet")], parent)
        self._months: list[YearMonth] = []
        self._figure = TREND_FIGURES[0]

    def show_trend(self, trend: ManagementTrend, figure: str) -> None:
        self.beginResetModel()
        self._months = list(trend.months)
        self._figure = figure
        self._headers = [
            QCoreApplication.translate("management", "Enhet"),
            *(m.label for m in self._months),
        ]
        self._rows = [*trend.units, *trend.workbook_units]
        self._sorted_by = None
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self._rows = []
        self.endResetModel()

    def _workbook_cell(self, row: WorkbookTrend, column: int, role: int) -> Any:
        if column == 0:
            if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
                return row.unit_code
            if role == Qt.ItemDataRole.ToolTipRole:
                return QCoreApplication.translate("management", "Ur den delade arbetsboken")
            return None
        if column - 1 >= len(self._months):
            return None
        value = row.value(self._months[column - 1], self._figure)
        if role == Qt.ItemDataRole.DisplayRole:
            return "–" if value is None else decimal_text(value)
        if role == SORT_ROLE:
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return ALIGN_NUMBER
        if role == Qt.ItemDataRole.ToolTipRole:
            return QCoreApplication.translate("management", "Ur den delade arbetsboken")
        return None

    def cell(self, row: Any, column: int, role: int) -> Any:
        if isinstance(row, WorkbookTrend):
            return self._workbook_cell(row, column, role)
        assert isinstance(row, UnitTrend)
        if column == 0:
            if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
                return row.unit.code
            if role == Qt.ItemDataRole.ToolTipRole:
                return row.unit.name
            return None
        points = row.trend.points
        if column - 1 >= len(points):
            return None
        point = points[column - 1]
        value = trend_value(point, self._figure)
        if role == Qt.ItemDataRole.DisplayRole:
            return "–" if value is None else decimal_text(value)
        if role == SORT_ROLE:
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return ALIGN_NUMBER
        if role == Qt.ItemDataRole.ToolTipRole and point.reported:
            return QCoreApplication.translate(
                "management", "Rapporterad siffra (månaden är markerad klar)"
            )
        return None

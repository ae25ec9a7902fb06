"""The Övertid page's lists: the requests (and the filter over them), and in the decision dialog
the split by kind, the running totals against the limits and the earlier decisions."""

from __future__ import annotations

from decimal import Decimal
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QLocale, QObject, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor

from enhetschef_app.domain.calendar import STOCKHOLM
from enhetschef_app.domain.overtime import ExtraKind, Segment
from enhetschef_app.domain.overtime_limits import LimitCheck
from enhetschef_app.domain.overtime_requests import Compensation, RequestStatus
from enhetschef_app.domain.rounding import hours_of_minutes
from enhetschef_app.domain.staff import fold
from enhetschef_app.domain.year_month import YearMonth
from enhetschef_app.services.overtime.views import DecisionView, RequestView
from enhetschef_app.ui.shell.formatting import day_name, hours_text, swedish_sort_key
from enhetschef_app.ui.shell.icons import icon
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
DONE_TEXT = QColor("#2d6a3e")
MUTED_TEXT = QColor("#5f6b76")


def hours_of(minutes: int) -> str:
    """Minutes as hours with two decimals and a decimal comma: 150 → '2,50'."""
    return hours_text(hours_of_minutes(minutes))


def kronor_text(amount: Decimal) -> str:
    """'1 419,00 kr' with the locale's separators."""
    return QLocale().toString(float(amount), "f", 2) + " kr"


class Column(IntEnum):
    DAY = 0
    TIME = 1
    PERSON = 2
    SIMPLE = 3
    QUALIFIED = 4
    MERTID = 5
    COST = 6
    STATUS = 7
    LIMITS = 8
    REASON = 9


NUMBER_COLUMNS = {Column.SIMPLE, Column.QUALIFIED, Column.MERTID, Column.COST}


class RequestTableModel(RowTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                self.tr("Dag"),
                self.tr("Tid"),
                self.tr("Medarbetare"),
                self.tr("Enkel h"),
                self.tr("Kval. h"),
                self.tr("Mertid h"),
                self.tr("Kostnad"),
                self.tr("Status"),
                self.tr("Gräns"),
                self.tr("Skäl"),
            ],
            parent,
        )

    def status_text(self, view: RequestView) -> str:
        if view.decision is not None and view.decision.is_correction:
            return self.tr("{0} (rättad)").format(view.status.label)
        return view.status.label

    def limits_text(self, view: RequestView) -> str:
        """Never colour alone: a limit passed is said in words."""
        if view.decision is not None:
            return self.tr("Passerad") if view.decision.limits_passed else ""
        return self.tr("Passeras") if view.passed else self.tr("Inom")

    def cost_text(self, view: RequestView) -> str:
        text = kronor_text(view.figures.cost)
        if view.compensation is Compensation.COMP and view.figures.overtime_minutes:
            return self.tr("{0} + komp").format(text)
        return text

    def cell(self, row: Any, column: int, role: int) -> Any:
        view: RequestView = row
        col = Column(column)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(view, col)
        if role == SORT_ROLE:
            return self._sort_key(view, col)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(ALIGN_NUMBER if col in NUMBER_COLUMNS else ALIGN_TEXT)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(view, col)
        if role == Qt.ItemDataRole.DecorationRole and col is Column.LIMITS:
            if view.passed or (view.decision is not None and view.decision.limits_passed):
                return icon("varning")
            return None
        waiting = view.status is RequestStatus.WAITING
        if role == Qt.ItemDataRole.BackgroundRole and waiting and col is Column.STATUS:
            return QBrush(ATTENTION_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and col is Column.STATUS:
            if waiting:
                return QBrush(ATTENTION_TEXT)
            if view.status is RequestStatus.APPROVED:
                return QBrush(DONE_TEXT)
            return QBrush(MUTED_TEXT)
        return None

    def _display(self, view: RequestView, col: Column) -> str:
        # Only the column asked for: a list repaint asks every cell, one column at a time.
        f = view.figures
        if col is Column.DAY:
            return day_name(view.work_date)
        if col is Column.TIME:
            return view.time_text
        if col is Column.PERSON:
            return view.employee_name
        if col is Column.SIMPLE:
            return hours_of(f.minutes_simple)
        if col is Column.QUALIFIED:
            return hours_of(f.minutes_qualified)
        if col is Column.MERTID:
            return hours_of(f.minutes_mertid)
        if col is Column.COST:
            return self.cost_text(view)
        if col is Column.STATUS:
            return self.status_text(view)
        if col is Column.LIMITS:
            return self.limits_text(view)
        return " ".join(view.reason.split())

    def _sort_key(self, view: RequestView, col: Column) -> object:
        f = view.figures
        if col in (Column.DAY, Column.TIME):
            return f"{view.work_date.isoformat()} {view.start:%H:%M} {view.id:08d}"
        if col is Column.SIMPLE:
            return f.minutes_simple
        if col is Column.QUALIFIED:
            return f.minutes_qualified
        if col is Column.MERTID:
            return f.minutes_mertid
        if col is Column.COST:
            return float(f.cost)
        if col is Column.STATUS:
            return list(RequestStatus).index(view.status)
        return swedish_sort_key(self._display(view, col))

    def _tooltip(self, view: RequestView, col: Column) -> str | None:
        if col is Column.TIME and view.crosses_midnight:
            return self.tr("Slutar nästa dag")
        if col is Column.COST and view.compensation is Compensation.COMP:
            return self.tr("Kompledigt {0} h i stället för pengar för övertiden").format(
                hours_of(int(view.figures.comp_hours * 60))
            )
        if col is Column.STATUS and view.decision is not None:
            return view.decision.describe()
        if col is Column.REASON:
            return view.reason
        if col is Column.LIMITS:
            if view.decision is not None and view.decision.over_limit_reason:
                return self.tr("Godkänd över gränsen: {0}").format(view.decision.over_limit_reason)
            if view.passed:
                return self.tr("Ett godkännande skulle passera en gräns för övertid")
        return None


class RequestFilterProxy(RowSortFilterProxy):
    """Status (the tabs), person, the month of the day, and text in name or reason."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._status: RequestStatus | None = RequestStatus.WAITING
        self._employee_id: int | None = None
        self._month: YearMonth | None = None
        self._text = ""
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def set_text(self, text: str) -> None:
        self._change(text=fold(text.strip()))

    def set_filters(
        self,
        *,
        status: RequestStatus | None,
        text: str,
        employee_id: int | None,
        month: YearMonth | None,
    ) -> None:
        """All filters at once: the list is filtered once, not once per filter."""
        self._change(status=status, text=fold(text.strip()), employee_id=employee_id, month=month)

    def _change(self, **changes: Any) -> None:
        if all(getattr(self, f"_{name}") == value for name, value in changes.items()):
            return
        modern = hasattr(self, "beginFilterChange")
        if modern:
            self.beginFilterChange()
        for name, value in changes.items():
            setattr(self, f"_{name}", value)
        if modern:
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateRowsFilter()

    def accepts(self, view: RequestView, *, status: bool = True) -> bool:
        """The filters other than status decide the counts on the tabs."""
        if status and self._status is not None and view.status is not self._status:
            return False
        if self._employee_id is not None and view.employee_id != self._employee_id:
            return False
        if self._month is not None and not (
            self._month.first <= view.work_date <= self._month.last
        ):
            return False
        if self._text:
            return self._text in fold(view.employee_name) or self._text in fold(view.reason)
        return True

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, RequestTableModel):
            return True
        view = model.data(model.index(source_row, 0, source_parent), ROW_ROLE)
        return isinstance(view, RequestView) and self.accepts(view)


class SegmentModel(RowTableModel):
    """The request split by the minute: from, to, kind, hours."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([self.tr("Tid"), self.tr("Slag"), self.tr("Timmar")], parent)

    def cell(self, row: Any, column: int, role: int) -> Any:
        segment: Segment = row
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                f"{segment.start:%H:%M}–{segment.end:%H:%M}",
                segment.kind.label,
                hours_of(segment.minutes),
            )[column]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(ALIGN_NUMBER if column == 2 else ALIGN_TEXT)
        if role == Qt.ItemDataRole.ForegroundRole and segment.kind is ExtraKind.HOURLY_ORDINARY:
            return QBrush(MUTED_TEXT)
        return None


class LimitModel(RowTableModel):
    """Running totals: approved so far, this request, after it, the limit, and whether it holds."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                self.tr("Gräns"),
                self.tr("Hittills"),
                self.tr("Denna"),
                self.tr("Efter"),
                self.tr("Högst"),
                self.tr("Läge"),
            ],
            parent,
        )

    def cell(self, row: Any, column: int, role: int) -> Any:
        check: LimitCheck = row
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                check.label,
                hours_of(check.used_minutes),
                hours_of(check.adding_minutes),
                hours_of(check.after_minutes),
                hours_of(check.limit_minutes),
                self.tr("ÖVER GRÄNSEN") if check.exceeded else self.tr("Inom"),
            )[column]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(ALIGN_NUMBER if 1 <= column <= 4 else ALIGN_TEXT)
        if role == Qt.ItemDataRole.DecorationRole and column == 5 and check.exceeded:
            return icon("varning")
        if check.exceeded:
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(ATTENTION_BACKGROUND)
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(ATTENTION_TEXT)
        if role == Qt.ItemDataRole.ToolTipRole:
            return check.describe()
        return None


class HistoryModel(RowTableModel):
    """A request's decisions, oldest first: none is ever changed."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [self.tr("Beslut"), self.tr("Av"), self.tr("När"), self.tr("Skäl")], parent
        )

    def cell(self, row: Any, column: int, role: int) -> Any:
        decision: DecisionView = row
        if role == Qt.ItemDataRole.DisplayRole:
            verdict = decision.verdict.label
            if decision.is_correction:
                verdict = self.tr("{0} (rättelse)").format(verdict)
            reason = decision.reason
            if decision.over_limit_reason:
                reason = self.tr("{reason} Över gräns: {why}").format(
                    reason=reason, why=decision.over_limit_reason
                )
            return (
                verdict,
                decision.decided_by,
                decision.decided_at.astimezone(STOCKHOLM).strftime("%Y-%m-%d %H:%M"),
                reason,
            )[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return decision.describe()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(ALIGN_TEXT)
        return None

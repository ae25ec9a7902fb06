"""The month's key figures as a table: value, target and how it stands, and (for a month marked
klar) what the data says now. Each figure's definition and inputs are its tooltip."""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from enhetschef_app.domain.key_figures import FIGURES, TargetStatus, target_status
from enhetschef_app.services.month.document import figure_text, inputs_text
from enhetschef_app.services.month.report import MonthReportView
from enhetschef_app.ui.shell.icons import icon
from enhetschef_app.ui.shell.table_model import ALIGN_NUMBER, ALIGN_TEXT, RowTableModel

ABOVE = QColor("#fbe3d6")
WITHIN = QColor("#e4f1df")
SECTION = QColor("#eef3f8")
CHANGED = QColor("#fff4dc")


@dataclass(frozen=True)
class FigureLine:
    key: str  # '' for a section's title line
    label: str
    value: str = ""
    target: str = ""
    status: TargetStatus | None = None
    change: str = ""
    tooltip: str = ""

    @property
    def is_section(self) -> bool:
        return not self.key


class Column:
    LABEL, VALUE, TARGET, STATUS, CHANGE = range(5)


class MonthFigureModel(RowTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                self.tr("Nyckeltal"),
                self.tr("Värde"),
                self.tr("Mål (högst)"),
                self.tr("Mot målet"),
                self.tr("Ändrat sedan klar"),
            ],
            parent,
        )

    def show_report(self, view: MonthReportView) -> None:
        summary = view.summary
        changed = {d.key: d for d in view.differences}
        lines: list[FigureLine] = []
        section = ""
        for spec in FIGURES:
            if spec.section != section:
                section = spec.section
                lines.append(FigureLine("", section))
            value = view.reported[spec.key]
            ceiling = summary.targets.get(spec.key)
            inputs = inputs_text(view.reported_inputs.get(spec.key, {}))
            # Rich text, so Qt wraps a long definition instead of one line across the screen.
            tooltip = f"<qt>{html.escape(summary.definitions[spec.key])}"
            if inputs:
                tooltip += "<br/><i>" + html.escape(self.tr("Underlag: {0}").format(inputs))
                tooltip += "</i>"
            tooltip += "</qt>"
            difference = changed.get(spec.key)
            lines.append(
                FigureLine(
                    key=spec.key,
                    label=spec.label,
                    value=figure_text(spec.key, value),
                    target="" if ceiling is None else figure_text(spec.key, ceiling),
                    status=None if ceiling is None else target_status(value, ceiling),
                    change=""
                    if difference is None
                    else self.tr("nu {0}").format(figure_text(spec.key, difference.current)),
                    tooltip=tooltip,
                )
            )
        self.set_rows(lines)

    def status_text(self, status: TargetStatus) -> str:
        return {
            TargetStatus.WITHIN: self.tr("Inom målet"),
            TargetStatus.ABOVE: self.tr("Över målet"),
            TargetStatus.NO_VALUE: self.tr("Inget värde"),
        }[status]

    def cell(self, row: Any, column: int, role: int) -> Any:
        assert isinstance(row, FigureLine)
        if row.is_section:
            if role == Qt.ItemDataRole.DisplayRole and column == Column.LABEL:
                return row.label
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(SECTION)
            if role == Qt.ItemDataRole.FontRole and column == Column.LABEL:
                font = QFont()
                font.setBold(True)
                return font
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                row.label,
                row.value,
                row.target,
                "" if row.status is None else self.status_text(row.status),
                row.change,
            )[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.tooltip
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return ALIGN_NUMBER if column in (Column.VALUE, Column.TARGET) else ALIGN_TEXT
        if role == Qt.ItemDataRole.BackgroundRole:
            if column == Column.STATUS and row.status is TargetStatus.ABOVE:
                return QBrush(ABOVE)
            if column == Column.STATUS and row.status is TargetStatus.WITHIN:
                return QBrush(WITHIN)
            if column == Column.CHANGE and row.change:
                return QBrush(CHANGED)
        if role == Qt.ItemDataRole.DecorationRole:
            if column == Column.STATUS and row.status is TargetStatus.ABOVE:
                return icon("varning")
            if column == Column.CHANGE and row.change:
                return icon("info")
        return None

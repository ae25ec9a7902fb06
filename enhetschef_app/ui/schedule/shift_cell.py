"""Draws a cell of the week grid: each shift a rounded chip in its kind's colour with the code
in bold and the times, a second line for what is special (absent, covered...), and the warning
icon in the corner where a rule is broken."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from enhetschef_app.domain.actual_schedule import RowState
from enhetschef_app.services.schedule.week import GridLine, GridShift
from enhetschef_app.ui.schedule.week_grid_model import WeekGridModel
from enhetschef_app.ui.shell.icons import icon

Index = QModelIndex | QPersistentModelIndex

INK = QColor("#1f2d3a")
QUIET = QColor("#5f6b76")
BORDER = QColor("#b9c3cc")
SELECTED = QColor("#2f5d7c")
MARGIN = 3
ICON = 14


class ShiftCellDelegate(QStyledItemDelegate):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    def chip_height(self, option: QStyleOptionViewItem) -> int:
        return 2 * option.fontMetrics.height() + 6

    @staticmethod
    def _cell(index: Index) -> tuple[GridLine | None, tuple[GridShift, ...], bool]:
        """The line, the cell's shifts and whether a rule is broken, read from the model
        itself: Python tuples do not travel through QVariant unharmed."""
        model = index.model()
        if not isinstance(model, WeekGridModel) or not index.isValid():
            return None, (), False
        line = model.line(index.row())
        return line, line.cells[index.column()], bool(line.day_breaches[index.column()])

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        _line, shifts, _broken = self._cell(index)
        count = max(1, len(shifts))
        return QSize(130, count * (self.chip_height(option) + MARGIN) + MARGIN)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        painter.save()
        style = option.widget.style() if option.widget is not None else None
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(option.rect, QColor("#e3eaf1"))
        elif style is not None:
            base = QStyleOptionViewItem(option)
            base.text = ""
            style.drawPrimitive(
                QStyle.PrimitiveElement.PE_PanelItemViewItem, base, painter, option.widget
            )
        line, shifts, broken = self._cell(index)
        model = index.model()
        on_empty_line = bool(line is not None and line.is_empty_line)
        height = self.chip_height(option)
        top = option.rect.top() + MARGIN
        for shift in shifts:
            chip = QRect(
                option.rect.left() + MARGIN,
                top,
                option.rect.width() - 2 * MARGIN,
                height,
            )
            self._paint_chip(painter, option, chip, shift, model, on_empty_line)
            top += height + MARGIN
        if broken:
            corner = QRect(
                option.rect.right() - ICON - MARGIN, option.rect.top() + MARGIN, ICON, ICON
            )
            icon("varning").paint(painter, corner)
        if option.state & QStyle.StateFlag.State_HasFocus:
            painter.setPen(QPen(SELECTED, 1, Qt.PenStyle.DotLine))
            painter.drawRect(option.rect.adjusted(0, 0, -1, -1))
        painter.restore()

    def _paint_chip(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        chip: QRect,
        shift: GridShift,
        model: object,
        on_empty_line: bool,
    ) -> None:
        colour = WeekGridModel.colour(shift, on_empty_line)
        dashed = not on_empty_line and shift.state in (
            RowState.ABSENT,
            RowState.RELEASED,
            RowState.RESOURCE_ABSENT,
        )
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setBrush(colour)
        pen = QPen(BORDER, 1, Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine)
        painter.setPen(pen)
        painter.drawRoundedRect(QRectF(chip).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4)
        text_rect = chip.adjusted(6, 2, -ICON - 4, -2)
        metrics = option.fontMetrics
        first = QRect(text_rect.left(), text_rect.top(), text_rect.width(), metrics.height())
        second = first.translated(0, metrics.height())
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(QUIET if dashed else INK)
        code = shift.code or "–"
        painter.drawText(first, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, code)
        code_width = painter.fontMetrics().horizontalAdvance(code + " ")
        painter.setFont(option.font)
        times = first.adjusted(code_width, 0, 0, 0)
        painter.drawText(
            times, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, shift.time_text
        )
        state = model.state_text(shift, on_empty_line) if isinstance(model, WeekGridModel) else ""
        if state:
            small = QFont(option.font)
            small.setPointSizeF(max(6.0, option.font.pointSizeF() * 0.9))
            small.setItalic(dashed)
            painter.setFont(small)
            painter.setPen(QUIET)
            elided = painter.fontMetrics().elidedText(
                state, Qt.TextElideMode.ElideRight, second.width()
            )
            painter.drawText(
                second, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, elided
            )

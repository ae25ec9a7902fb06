"""How wide a column's cells are, measured from their texts rather than through Qt's delegate.

Qt's `sizeHintForColumn` asks the model for ten roles of every cell it looks at, each a Python
call through a model index; on a list of a few hundred rows that stalled the window for half a
second. Here each cell is asked for its text, font and icon straight from the rows, and each
distinct text is measured once — the same width Qt gives (a test holds the two together).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QAbstractProxyModel, Qt
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QStyle, QTableView

from enhetschef_app.ui.shell.table_model import RowTableModel

# A longer list is measured on its first rows, as Qt does with its resize precision (every list
# view is given this one). Two hundred rows held the window for 70 ms on the audit log alone.
SAMPLE_ROWS = 100
BOLD_AT_MOST = 1.25

DECORATION = Qt.ItemDataRole.DecorationRole
FONT = Qt.ItemDataRole.FontRole


def row_model_of(view: QTableView) -> RowTableModel | None:
    """The rows behind `view`, through any sorting or filtering proxies; None for other models."""
    model = view.model()
    while isinstance(model, QAbstractProxyModel):
        model = model.sourceModel()
    return model if isinstance(model, RowTableModel) else None


def content_width(view: QTableView, column: int) -> int:
    """The width `column`'s cells need to show whole, as `view.sizeHintForColumn` gives it."""
    model = row_model_of(view)
    if model is None:
        return view.sizeHintForColumn(column)
    rows = model.rows()[:SAMPLE_ROWS]
    if not rows:
        return 0
    base_font = view.font()
    plain = QFontMetricsF(base_font)
    margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    icon_room = _icon_width(view) + 2 * margin
    measured: dict[str, float] = {}
    texts: list[tuple[float, str, object]] = []
    for row in rows:
        text = _text(model.answer(row, column, Qt.ItemDataRole.DisplayRole))
        width = measured.get(text)
        if width is None:
            width = measured[text] = _advance(plain, text)
        texts.append((width, text, row))
    texts.sort(key=lambda item: item[0], reverse=True)
    # Only a cell that could still come out widest is asked for its font and icon: a bold
    # text is at most a quarter wider than the plain one.
    widest = 0.0
    for width, text, row in texts:
        if width * BOLD_AT_MOST + icon_room <= widest:
            break
        font = model.answer(row, column, FONT)
        if isinstance(font, QFont):
            width = _advance(QFontMetricsF(font.resolve(base_font)), text)
        if model.answer(row, column, DECORATION) is not None:
            width += icon_room
        widest = max(widest, width)
    grid = 1 if view.showGrid() else 0
    # Qt lays the text out in fractions of a pixel and rounds up, and a glyph may reach a pixel
    # past its advance ("OK" in DejaVu Sans); one pixel to spare keeps every text whole.
    return math.ceil(widest) + 1 + 2 * margin + grid


def fit_to_contents(view: QTableView) -> None:
    """As `resizeColumnsToContents`: each column as wide as its widest cell or its title."""
    header = view.horizontalHeader()
    shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
    if shown and header.stretchLastSection():
        # The last column fills what the others leave; sized to its longest text it would push
        # the list wider than its pane and bring a sideways scrollbar.
        shown.pop()
    for column in shown:
        fit_column(view, column)


def fit_column(view: QTableView, column: int) -> None:
    """As `resizeColumnToContents`: one column as wide as its widest cell or its title."""
    width = max(content_width(view, column), view.horizontalHeader().sectionSizeHint(column))
    view.setColumnWidth(column, width)


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _advance(metrics: QFontMetricsF, text: str) -> float:
    if "\n" in text:
        return max(metrics.horizontalAdvance(line) for line in text.split("\n"))
    return metrics.horizontalAdvance(text)


def _icon_width(view: QTableView) -> int:
    size = view.iconSize()
    if size.isValid():
        return size.width()
    return view.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize, None, view)

"""Small building blocks the pages share: titled sections, read-only table views, labels with
a role the style sheet knows."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QWidget


def role_label(text: str, role: str, parent: QWidget | None = None) -> QLabel:
    """A label styled by its role in style.qss (pageTitle, sectionTitle, help, error, ...)."""
    label = QLabel(text, parent)
    label.setProperty("role", role)
    if role in {"help", "error", "emptyState"}:
        label.setWordWrap(True)
    return label


def read_only_table(model: QAbstractItemModel, parent: QWidget | None = None) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    header = view.horizontalHeader()
    header.setStretchLastSection(True)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    # Fitting columns looks at the first rows only, so a long list still opens at once.
    header.setResizeContentsPrecision(200)
    return view


def fit_height_to_rows(view: QTableView, rows: int) -> None:
    """A short table as tall as its rows, so the page does not scroll inside a small box."""
    height = view.horizontalHeader().sizeHint().height() + 2 * view.frameWidth()
    height += view.verticalHeader().defaultSectionSize() * max(rows, 1)
    view.setFixedHeight(height + 2)


def fit_columns(view: QTableView, spare: int = 18) -> None:
    """Each column as wide as its widest cell or its title, and no wider.

    Qt's own resizeColumnsToContents keeps room for a sort arrow in every title; that made the
    Personal list too wide for a 1366-pixel screen.
    """
    model = view.model()
    header = view.horizontalHeader()
    metrics = header.fontMetrics()
    for column in range(model.columnCount()):
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        width = max(view.sizeHintForColumn(column), metrics.horizontalAdvance(title) + spare)
        view.setColumnWidth(column, width)

"""The filter in front of a list's rows: Qt filters, the rows' own model sorts."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSortFilterProxyModel, Qt

from enhetschef_app.ui.shell.table_model import SORT_ROLE, RowTableModel


class RowSortFilterProxy(QSortFilterProxyModel):
    """A click on a column header sorts the model behind (`RowTableModel.sort`, one key per
    row) and this proxy keeps the model's order, filtering only. Qt's own sorting here asked
    the model for two keys per comparison."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if isinstance(source, RowTableModel):
            source.sort(column, order)
        else:
            super().sort(column, order)

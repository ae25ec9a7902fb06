"""The filter the Medarbetarsamtal page's lists share: free text (name or number, case and
accents ignored) and a choice the tab sets (status, kind...), as a predicate over the row."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QSortFilterProxyModel

from enhetschef_app.domain.staff import fold
from enhetschef_app.ui.shell.row_proxy import RowSortFilterProxy
from enhetschef_app.ui.shell.table_model import ROW_ROLE, SORT_ROLE, Index

RowTest = Callable[[Any], bool]


class RowFilterProxy(RowSortFilterProxy):
    def __init__(self, search_text: Callable[[Any], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._search_text = search_text
        self._text = ""
        self._test: RowTest | None = None
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def set_text(self, text: str) -> None:
        self._change(lambda: setattr(self, "_text", fold(text)))

    def set_test(self, test: RowTest | None) -> None:
        self._change(lambda: setattr(self, "_test", test))

    def _change(self, apply: Callable[[], None]) -> None:
        # Qt 6.10 brought begin/endFilterChange; older Qt only has invalidateRowsFilter.
        modern = hasattr(self, "beginFilterChange")
        if modern:
            self.beginFilterChange()
        apply()
        if modern:
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        row = model.data(model.index(source_row, 0, source_parent), ROW_ROLE)
        if row is None:
            return True
        if self._test is not None and not self._test(row):
            return False
        return not self._text or self._text in fold(self._search_text(row))

    def row_at(self, proxy_row: int) -> Any:
        return self.data(self.index(proxy_row, 0), ROW_ROLE)

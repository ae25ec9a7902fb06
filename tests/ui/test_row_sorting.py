"""Lists sort in their own model (RowTableModel.sort) behind a filtering proxy: what a click on
a column header shows, what stays chosen, and what a refresh keeps."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt
from pytestqt.qtbot import QtBot

from enhetschef_app.ui.shell.row_proxy import RowSortFilterProxy
from enhetschef_app.ui.shell.table_model import SORT_ROLE, RowTableModel
from enhetschef_app.ui.shell.widgets import read_only_table

PEOPLE = [("Örjan", 3), ("Anna", None), ("Åsa", 1), ("Bo", 2), ("Cecilia", 2)]


class People(RowTableModel):
    def __init__(self) -> None:
        super().__init__(["Namn", "Tillfällen"])

    def cell(self, row: Any, column: int, role: int) -> Any:
        name, count = row
        if role == Qt.ItemDataRole.DisplayRole:
            return name if column == 0 else ("" if count is None else str(count))
        if role == SORT_ROLE:
            # Swedish order of the last letters: Å before Ö.
            return name.replace("Å", "Z1").replace("Ö", "Z3") if column == 0 else count
        return None


def shown(proxy: RowSortFilterProxy) -> list[str]:
    return [proxy.index(row, 0).data() for row in range(proxy.rowCount())]


def test_a_header_click_sorts_keeps_the_choice_and_a_refresh_keeps_the_order(
    qtbot: QtBot,
) -> None:
    model = People()
    model.set_rows(PEOPLE)
    proxy = RowSortFilterProxy()
    proxy.setSourceModel(model)
    view = read_only_table(proxy)
    qtbot.addWidget(view)
    view.setSortingEnabled(True)

    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert shown(proxy) == ["Anna", "Bo", "Cecilia", "Åsa", "Örjan"]
    view.selectionModel().select(
        proxy.index(3, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )

    # By count, most first; no count last, equal counts in the order they had (stable).
    view.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    assert shown(proxy) == ["Örjan", "Bo", "Cecilia", "Åsa", "Anna"]
    chosen = view.selectionModel().selectedRows()
    assert [index.data() for index in chosen] == ["Åsa"]

    # A refresh (new rows from the service, in its own order) comes in the order chosen.
    model.set_rows([("Dan", 5), *PEOPLE])
    assert shown(proxy) == ["Dan", "Örjan", "Bo", "Cecilia", "Åsa", "Anna"]

    # The filter works on the sorted rows.
    proxy.setFilterKeyColumn(0)
    proxy.setFilterFixedString("a")  # Bo has none
    assert shown(proxy) == ["Dan", "Örjan", "Cecilia", "Åsa", "Anna"]

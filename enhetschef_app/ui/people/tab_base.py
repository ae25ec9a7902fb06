"""What the Medarbetarsamtal page's tabs share: the context, a filtered list with a count, and
the announcement that people data changed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QTableView, QWidget

from enhetschef_app.ui.people.filter_model import RowFilterProxy
from enhetschef_app.ui.shell import events
from enhetschef_app.ui.shell.context import AppContext
from enhetschef_app.ui.shell.loading import Loader
from enhetschef_app.ui.shell.table_model import RowTableModel
from enhetschef_app.ui.shell.widgets import fit_columns, read_only_table, role_label


class PeopleTab(QWidget):
    key = ""  # the tab's name in the remembered state and in hints from Översikt

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._columns_sized = False
        # Each tab reads in the worker with its own loader: a tab switched away from while it
        # reads still shows its data when it comes.
        self.loader = Loader(self)

    def refresh(self) -> None:
        """Reads the tab's data in the worker and shows it when it comes."""
        raise NotImplementedError

    def focus_filter(self) -> None:
        pass

    def new_item(self) -> None:
        pass

    def show_hint(self, hint: str) -> None:
        """Another page led here with `hint` (a filter to show)."""

    def save_tab_state(self, settings: QSettings, prefix: str) -> None:
        """Stores column widths (and splitters) under the page's key."""

    def restore_tab_state(self, settings: QSettings, prefix: str) -> None:
        pass

    def changed(self) -> None:
        self.context.events.announce(events.PEOPLE)

    def make_list(
        self,
        model: RowTableModel,
        search_text: Callable[[Any], str],
        accessible_name: str,
    ) -> tuple[RowFilterProxy, QTableView, QLineEdit, QLabel]:
        proxy = RowFilterProxy(search_text, self)
        proxy.setSourceModel(model)
        view = read_only_table(proxy)
        view.setSortingEnabled(True)
        view.setAccessibleName(accessible_name)
        filter_edit = QLineEdit()
        filter_edit.setPlaceholderText(self.tr("Sök namn eller anställningsnr (Ctrl+F)"))
        filter_edit.setClearButtonEnabled(True)
        filter_edit.setAccessibleName(self.tr("Filtrera"))
        filter_edit.setMinimumWidth(200)
        count = role_label("", "state")
        self.no_match = role_label(
            self.tr("Ingen i listan med det valet. Välj Alla eller ändra sökningen."), "help"
        )

        def update_count() -> None:
            count.setText(
                self.tr("{shown} av {total} visas").format(
                    shown=proxy.rowCount(), total=model.rowCount()
                )
            )
            self.no_match.setVisible(model.rowCount() > 0 and proxy.rowCount() == 0)

        filter_edit.textChanged.connect(proxy.set_text)
        filter_edit.textChanged.connect(update_count)
        for signal in (
            proxy.rowsInserted,
            proxy.rowsRemoved,
            proxy.modelReset,
            proxy.layoutChanged,
        ):
            signal.connect(update_count)
        update_count()
        return proxy, view, filter_edit, count

    def size_columns_once(self, view: QTableView) -> None:
        if not self._columns_sized and view.model().rowCount():
            fit_columns(view)
            self._columns_sized = True

    def save_state(self, settings: QSettings, prefix: str, view: QTableView) -> None:
        settings.setValue(f"{prefix}/{self.key}_columns", view.horizontalHeader().saveState())

    def restore_state(self, settings: QSettings, prefix: str, view: QTableView) -> None:
        state = settings.value(f"{prefix}/{self.key}_columns")
        if state is not None:
            self._columns_sized = view.horizontalHeader().restoreState(state)


def focus(edit: QLineEdit) -> None:
    edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
    edit.selectAll()

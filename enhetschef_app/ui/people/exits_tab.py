"""The Avslutningssamtal tab: everyone whose end date is set (the last year and ahead), with the
reason and whether the exit talk was held or declined."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, QSettings, Qt
from PySide6.QtWidgets import QCheckBox, QDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from enhetschef_app.services.people.exit_talks import LeaverView, leavers
from enhetschef_app.ui.people.lists_model import LeaverTableModel
from enhetschef_app.ui.people.misc_dialogs import ExitTalkDialog
from enhetschef_app.ui.people.tab_base import PeopleTab, focus
from enhetschef_app.ui.shell.context import AppContext
from enhetschef_app.ui.shell.icons import icon
from enhetschef_app.ui.shell.widgets import role_label

HINT_MISSING = "utan_samtal"


class ExitsTab(PeopleTab):
    key = "avslut"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.dialog: QDialog | None = None
        self.model = LeaverTableModel(self)
        self.proxy, self.view, self.filter_edit, self.count_label = self.make_list(
            self.model, lambda v: f"{v.employee_no} {v.name}", self.tr("Avslutningssamtal")
        )
        self.view.sortByColumn(3, Qt.SortOrder.DescendingOrder)
        self.missing_only = QCheckBox(self.tr("Bara de utan registrerat samtal"))
        self.record_button = QPushButton(icon("redigera"), self.tr("Registrera avslutningssamtal…"))
        self.empty_state = role_label(
            self.tr(
                "Ingen har slutat det senaste året eller har ett slutdatum. När ett slutdatum "
                "anges på sidan Personal syns medarbetaren här för avslutningssamtal."
            ),
            "emptyState",
        )
        tools = QHBoxLayout()
        tools.addWidget(self.filter_edit, 2)
        tools.addWidget(self.missing_only)
        tools.addStretch(1)
        tools.addWidget(self.count_label)
        actions = QHBoxLayout()
        actions.addWidget(self.record_button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(
            role_label(
                self.tr(
                    "Orsaken väljs ur den fasta listan och räknas in i personalomsättningen och "
                    "månadsrapportens avgångsorsaker."
                ),
                "help",
            )
        )
        layout.addLayout(tools)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.no_match)
        layout.addWidget(self.empty_state)
        layout.addLayout(actions)
        self.missing_only.toggled.connect(self._apply_filter)
        self.view.activated.connect(self._open_index)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.proxy.modelReset.connect(self._update_buttons)
        self.record_button.clicked.connect(self.record)
        self._apply_filter()

    def refresh(self) -> None:
        workspace, day = self.context.workspace, self.context.today()
        self.loader.load(
            lambda: leavers(workspace, day),
            lambda rows: self._show_leavers(rows, day),
            refused=self._refused,
        )

    def _refused(self, message: str) -> None:
        self.empty_state.setText(message)
        self._show_leavers([], self.context.today())

    def _show_leavers(self, rows: list[LeaverView], day: date) -> None:
        self.model.set_leavers(rows, day)
        self.empty_state.setVisible(not rows)
        self.view.setVisible(bool(rows))
        self.size_columns_once(self.view)
        self._update_buttons()

    def _apply_filter(self) -> None:
        only = self.missing_only.isChecked()
        self.proxy.set_test((lambda v: v.needs_talk()) if only else None)

    def show_hint(self, hint: str) -> None:
        self.missing_only.setChecked(hint == HINT_MISSING)

    def focus_filter(self) -> None:
        focus(self.filter_edit)

    def selected(self) -> LeaverView | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        found = self.proxy.row_at(rows[0].row())
        return found if isinstance(found, LeaverView) else None

    def _update_buttons(self) -> None:
        self.record_button.setEnabled(self.selected() is not None)

    def _open_index(self, _index: QModelIndex) -> None:
        self.record()

    def record(self) -> QDialog | None:
        leaver = self.selected()
        if leaver is None:
            return None
        dialog = ExitTalkDialog(self.context, leaver, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self.changed)
        dialog.destroyed.connect(self._dialog_gone)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _dialog_gone(self) -> None:
        self.dialog = None

    def save_tab_state(self, settings: QSettings, prefix: str) -> None:
        self.save_state(settings, prefix, self.view)

    def restore_tab_state(self, settings: QSettings, prefix: str) -> None:
        self.restore_state(settings, prefix, self.view)

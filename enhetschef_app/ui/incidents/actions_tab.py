"""The actions of one avvikelse: what, who, by when and when done; added, changed, marked done
and removed from the detail view."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QMessageBox, QPushButton, QVBoxLayout, QWidget

from enhetschef_app.domain.errors import UserError
from enhetschef_app.domain.incidents import suggested_action_due
from enhetschef_app.services.incidents.views import ActionView, IncidentDetail
from enhetschef_app.services.incidents.workflow import complete_action, delete_action
from enhetschef_app.ui.incidents.action_dialog import ActionDialog
from enhetschef_app.ui.incidents.detail_model import ActionTableModel
from enhetschef_app.ui.shell.context import AppContext
from enhetschef_app.ui.shell.errors import show_error
from enhetschef_app.ui.shell.icons import icon
from enhetschef_app.ui.shell.table_model import ROW_ROLE
from enhetschef_app.ui.shell.widgets import fit_columns, read_only_table


class ActionsTab(QWidget):
    saved = Signal()  # an action was added, changed, done or removed

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.detail: IncidentDetail | None = None
        self.action_dialog: ActionDialog | None = None

        self.model = ActionTableModel(self)
        self.view = read_only_table(self.model)
        self.view.setAccessibleName(self.tr("Åtgärder"))
        self.new_button = QPushButton(icon("ny"), self.tr("Ny åtgärd…"))
        self.edit_button = QPushButton(self.tr("Ändra…"))
        self.done_button = QPushButton(self.tr("Markera klar"))
        self.remove_button = QPushButton(self.tr("Ta bort"))
        buttons = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.done_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)

        self.new_button.clicked.connect(lambda: self.open_action(None))
        self.edit_button.clicked.connect(self._edit_selected)
        self.done_button.clicked.connect(self.complete_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.view.activated.connect(self._open_index)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def set_detail(self, detail: IncidentDetail | None) -> None:
        self.detail = detail
        self.model.set_rows(detail.actions if detail else [])
        fit_columns(self.view)
        self._update_buttons()

    def selected(self) -> ActionView | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        found = self.model.data(rows[0], ROW_ROLE)
        return found if isinstance(found, ActionView) else None

    def _update_buttons(self) -> None:
        action = self.selected()
        self.new_button.setEnabled(self.detail is not None)
        self.edit_button.setEnabled(action is not None)
        self.remove_button.setEnabled(action is not None)
        self.done_button.setEnabled(action is not None and not action.done)

    def open_action(self, action: ActionView | None) -> ActionDialog | None:
        if self.detail is None:
            return None
        s = self.detail.summary
        due = suggested_action_due(self.context.today(), self.detail.action_due_days)
        dialog = ActionDialog(self.context, s.id, s.number, action, self, suggested_due=due)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self.saved.emit)
        self.action_dialog = dialog
        dialog.open()
        return dialog

    def _open_index(self, index: QModelIndex) -> None:
        found = self.model.data(index, ROW_ROLE)
        if isinstance(found, ActionView):
            self.open_action(found)

    def _edit_selected(self) -> None:
        action = self.selected()
        if action is not None:
            self.open_action(action)

    def complete_selected(self) -> None:
        action = self.selected()
        if action is None or action.done:
            return
        try:
            complete_action(self.context.workspace, action.id, today=self.context.today())
        except UserError as exc:
            show_error(self, exc)
            return
        self.saved.emit()

    def confirm_remove(self, action: ActionView) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Ta bort åtgärd"),
            self.tr("Ta bort åtgärden ”{0}”? Borttagningen syns i tidslinjen.").format(
                action.description[:60]
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def remove_selected(self) -> None:
        action = self.selected()
        if action is None or not self.confirm_remove(action):
            return
        try:
            delete_action(self.context.workspace, action.id)
        except UserError as exc:
            show_error(self, exc)
            return
        self.saved.emit()

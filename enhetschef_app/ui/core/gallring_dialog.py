"""Gallra…: what a gallring today deletes, per kind and count, and the question before it does.
The run deletes exactly what was shown; if the data changed in between it refuses and the
dialog shows the new preview."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QVBoxLayout, QWidget
from shiboken6 import isValid

from enhetschef_app.domain.errors import UserError
from enhetschef_app.services.core.gallring import (
    GallringItem,
    GallringPlan,
    gallring_preview,
    run_gallring,
)
from enhetschef_app.ui.shell import events
from enhetschef_app.ui.shell.errors import show_error
from enhetschef_app.ui.shell.table_model import ALIGN_NUMBER, ALIGN_TEXT, RowTableModel
from enhetschef_app.ui.shell.widgets import (
    fit_columns,
    fit_height_to_rows,
    read_only_table,
    role_label,
)
from enhetschef_app.ui.shell.worker import BackgroundTask, run_in_background

if TYPE_CHECKING:
    from enhetschef_app.ui.shell.context import AppContext


class GallringModel(RowTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__([self.tr("Vad"), self.tr("Antal"), self.tr("Slutade före")], parent)

    def cell(self, row: Any, column: int, role: int) -> Any:
        from PySide6.QtCore import Qt

        assert isinstance(row, GallringItem)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return ALIGN_NUMBER if column == 1 else ALIGN_TEXT
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return (row.label, row.count, row.ended_before.isoformat())[column]


class GallringDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.task: BackgroundTask[Any] | None = None
        self.done_plan: GallringPlan | None = None
        self.setWindowTitle(self.tr("Gallra personuppgifter"))
        self.setMinimumWidth(520)
        self.summary = role_label("", "state")
        self.summary.setWordWrap(True)
        self.model = GallringModel(self)
        self.view = read_only_table(self.model)
        self.view.setAccessibleName(self.tr("Det här gallras"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.run_button = self.buttons.addButton(
            self.tr("Gallra nu"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            role_label(
                self.tr(
                    "Uppgifter som sparats längre än inställningarna under Dataskydd medger "
                    "raderas för gott, liksom säkerhetskopior som är äldre. Månadsrapportens "
                    "nyckeltal ändras inte: de sparas som summor innan raderna tas bort. "
                    "Loggen får veta vad som gallrades och hur mycket, aldrig innehållet."
                ),
                "help",
            )
        )
        layout.addWidget(self.summary)
        layout.addWidget(self.view)
        layout.addWidget(self.buttons)
        self.plan = self.load()

    def load(self) -> GallringPlan:
        plan = gallring_preview(self.context.workspace, today=self.context.today())
        self.plan = plan
        self.model.set_rows(plan.items)
        fit_height_to_rows(self.view, len(plan.items))
        fit_columns(self.view)
        if plan.total:
            self.summary.setText(
                self.tr("{0} uppgifter gallras per {1}.").format(plan.total, plan.as_of.isoformat())
            )
        else:
            self.summary.setText(self.tr("Inget behöver gallras i dag."))
        self.run_button.setEnabled(plan.total > 0)
        return plan

    def confirm(self) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Gallra"),
            self.tr("{0} uppgifter raderas och kan inte återställas. Vill du gallra nu?").format(
                self.plan.total
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.run()

    def run(self) -> BackgroundTask[Any]:
        workspace, plan, day = self.context.workspace, self.plan, self.context.today()
        self.run_button.setEnabled(False)
        self.task = run_in_background(
            self,
            lambda: run_gallring(workspace, today=day, expected=plan),
            self._done,
            on_error=self._failed,
            progress_text=self.tr("Gallrar …"),
        )
        return self.task

    def _done(self, result: GallringPlan) -> None:
        self.done_plan = result
        self.context.events.announce(
            events.ABSENCE, events.PEOPLE, events.INCIDENTS, events.MONTH, events.SETTINGS
        )
        if isValid(self):
            self.accept()

    def _failed(self, error: BaseException) -> None:
        if not isValid(self):
            return
        show_error(self, error)
        if isinstance(error, UserError):
            self.load()

"""One action of an avvikelse: what, who is responsible, by when, and when it was done."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from enhetschef_app.domain.errors import FieldProblems, UserError
from enhetschef_app.domain.incident_report import ActionDraft, validate_action
from enhetschef_app.domain.incidents import suggested_action_due
from enhetschef_app.domain.settings_catalog import RuleSettings
from enhetschef_app.services.incidents.views import ActionView
from enhetschef_app.services.incidents.workflow import save_action
from enhetschef_app.ui.incidents.incident_dialog import text_box
from enhetschef_app.ui.shell import privacy
from enhetschef_app.ui.shell.context import AppContext
from enhetschef_app.ui.shell.errors import show_error
from enhetschef_app.ui.shell.formatting import iso_date, parse_iso_date
from enhetschef_app.ui.shell.widgets import role_label

FIELDS = ("description", "owner", "due_on", "done_on")


class ActionDialog(QDialog):
    def __init__(
        self,
        context: AppContext,
        incident_id: int,
        number: str,
        action: ActionView | None = None,
        parent: QWidget | None = None,
        *,
        suggested_due: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.incident_id = incident_id
        self.action = action
        self.saved: ActionView | None = None
        self.setWindowTitle(
            self.tr("Ny åtgärd – {0}").format(number)
            if action is None
            else self.tr("Åtgärd – {0}").format(number)
        )
        self.setMinimumWidth(480)

        self.description_edit = text_box(self.tr("Vad ska göras?"))
        self.owner_edit = QLineEdit()
        self.owner_edit.setPlaceholderText(self.tr("Namn eller yrkesroll"))
        self.due_edit = QLineEdit()
        self.done_edit = QLineEdit()
        for edit in (self.due_edit, self.done_edit):
            edit.setPlaceholderText(self.tr("ÅÅÅÅ-MM-DD"))
            edit.setMaximumWidth(140)
        self.done_edit.setToolTip(self.tr("Lämna tomt tills åtgärden är gjord"))
        self.privacy_label = privacy.PrivacyNote()

        self.inputs: dict[str, QWidget] = {
            "description": self.description_edit,
            "owner": self.owner_edit,
            "due_on": self.due_edit,
            "done_on": self.done_edit,
        }
        labels = {
            "description": self.tr("Åtgärd *"),
            "owner": self.tr("Ansvarig *"),
            "due_on": self.tr("Klar senast *"),
            "done_on": self.tr("Klar datum"),
        }
        self.problem_labels: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for field in FIELDS:
            problem = role_label("", "error")
            problem.setVisible(False)
            self.problem_labels[field] = problem
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(self.inputs[field])
            column.addWidget(problem)
            label = QLabel(labels[field])
            label.setBuddy(self.inputs[field])
            form.addRow(label, column)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Spara"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Avbryt"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.privacy_label)
        layout.addWidget(self.buttons)

        if action is None:
            due = suggested_due or suggested_action_due(
                context.today(), RuleSettings().integer("incidents.action_due_days")
            )
            self.due_edit.setText(due.isoformat())
        else:
            self.description_edit.setPlainText(action.description)
            self.owner_edit.setText(action.owner)
            self.due_edit.setText(iso_date(action.due_on))
            self.done_edit.setText(iso_date(action.done_on))
        for edit in (self.owner_edit, self.due_edit, self.done_edit):
            edit.textChanged.connect(self.check)
        self.description_edit.textChanged.connect(self.check)
        self.check()

    def read_draft(self) -> tuple[ActionDraft, dict[str, str]]:
        unreadable: dict[str, str] = {}
        dates: dict[str, date | None] = {}
        for field, edit in (("due_on", self.due_edit), ("done_on", self.done_edit)):
            try:
                dates[field] = parse_iso_date(edit.text())
            except ValueError:
                dates[field] = None
                unreadable[field] = self.tr("Skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2026-11-22.")
        draft = ActionDraft(
            description=self.description_edit.toPlainText(),
            owner=self.owner_edit.text(),
            due_on=dates["due_on"],
            done_on=dates["done_on"],
        )
        return draft, unreadable

    def problems(self) -> dict[str, str]:
        draft, unreadable = self.read_draft()
        found = validate_action(draft, self.context.today())
        found.update(unreadable)
        return found

    def check(self) -> None:
        found = self.problems()
        for field, label in self.problem_labels.items():
            text = found.get(field, "")
            label.setText(text)
            label.setVisible(bool(text))
            self.inputs[field].setAccessibleDescription(text)
        texts = [self.description_edit.toPlainText(), self.owner_edit.text()]
        self.privacy_label.check_all(texts)
        self.save_button.setEnabled(not found)

    def save(self) -> None:
        draft, unreadable = self.read_draft()
        if unreadable or validate_action(draft, self.context.today()):
            self.check()
            return
        texts = [draft.description, draft.owner]
        if privacy.holds_identity_number(texts) and not privacy.confirm_save(
            self, privacy.warnings_for(texts)
        ):
            return
        try:
            self.saved = save_action(
                self.context.workspace,
                self.incident_id,
                draft,
                self.action.id if self.action else None,
                today=self.context.today(),
            )
        except FieldProblems as exc:
            for field, text in exc.problems.items():
                if field in self.problem_labels:
                    self.problem_labels[field].setText(text)
                    self.problem_labels[field].setVisible(True)
            return
        except UserError as exc:
            show_error(self, exc)
            return
        self.accept()

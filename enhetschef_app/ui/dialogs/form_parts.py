"""Parts the Medarbetarsamtal page's forms share: a date field, a form whose fields show their
problem in words beside them, the live privacy note under free text, and the question asked
before text that looks sensitive is saved."""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from enhetschef_app.domain.sensitive_text import privacy_warnings
from enhetschef_app.ui.formatting import parse_iso_date
from enhetschef_app.ui.widgets import role_label


class DateField(QLineEdit):
    """A date typed as ÅÅÅÅ-MM-DD; empty is allowed where the form allows it."""

    def __init__(self, value: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("ÅÅÅÅ-MM-DD"))
        self.setMaximumWidth(140)
        self.set_date(value)

    def set_date(self, value: date | None) -> None:
        self.setText("" if value is None else value.isoformat())

    def date_value(self) -> date | None:
        """The date, None when empty; ValueError when it is not a date."""
        return parse_iso_date(self.text())


class TimeField(QLineEdit):
    """A time of day typed as 10:00 (or 1000, 10.00)."""

    def __init__(self, value: time | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("TT:MM"))
        self.setMaximumWidth(100)
        self.setText("" if value is None else value.strftime("%H:%M"))

    def time_value(self) -> time | None:
        cleaned = self.text().strip().replace(".", ":")
        if not cleaned:
            return None
        if ":" not in cleaned and cleaned.isdigit() and len(cleaned) in (3, 4):
            cleaned = f"{cleaned[:-2]}:{cleaned[-2:]}"
        hours, _, minutes = cleaned.partition(":")
        if not (hours.isdigit() and minutes.isdigit() and len(minutes) == 2):
            raise ValueError(self.text())
        return time(int(hours), int(minutes))


class ProblemForm(QFormLayout):
    """Rows of label, field and the field's problem (hidden while there is none)."""

    def __init__(self) -> None:
        super().__init__()
        self.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields: dict[str, QWidget] = {}
        self.problem_labels: dict[str, QLabel] = {}

    def add_field(self, key: str, label: str, field: QWidget) -> None:
        problem = role_label("", "error")
        problem.setVisible(False)
        column = QVBoxLayout()
        column.setSpacing(2)
        column.addWidget(field)
        column.addWidget(problem)
        text = QLabel(label)
        text.setBuddy(field)
        self.addRow(text, column)
        self.fields[key] = field
        self.problem_labels[key] = problem

    def show_problems(self, problems: dict[str, str]) -> None:
        for key, label in self.problem_labels.items():
            text = problems.get(key, "")
            label.setText(text)
            label.setVisible(bool(text))
            self.fields[key].setAccessibleDescription(text)


class PrivacyNote(QLabel):
    """Under a free-text field: what in the text looks like a personnummer or health details."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "error")
        self.setWordWrap(True)
        self.setVisible(False)
        self.warnings: list[str] = []

    def check(self, text: str) -> list[str]:
        self.warnings = privacy_warnings(text)
        self.setText("\n".join(self.warnings))
        self.setVisible(bool(self.warnings))
        return self.warnings


def notes_edit(text: str = "", placeholder: str = "") -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setPlainText(text)
    edit.setPlaceholderText(placeholder)
    edit.setTabChangesFocus(True)
    edit.setMaximumHeight(110)
    return edit


def confirm_sensitive(parent: QWidget, warnings: list[str]) -> bool:
    """Asks before saving text that looks sensitive; the EC decides."""
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("people", "Känsliga uppgifter?"),
        QCoreApplication.translate("people", "{0}\n\nSpara ändå?").format("\n".join(warnings)),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def save_cancel_buttons() -> QDialogButtonBox:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
    )
    save = QCoreApplication.translate("people", "Spara")
    cancel = QCoreApplication.translate("people", "Avbryt")
    buttons.button(QDialogButtonBox.StandardButton.Save).setText(save)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(cancel)
    return buttons

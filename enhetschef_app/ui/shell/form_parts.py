"""Parts the validating dialogs share: a date field, a form whose fields show their problem in
words beside them, the live privacy note under free text, the question asked before text that
looks sensitive is saved, the Spara/Avbryt wiring, the call to the service with its refusal shown,
and the pieces of a list edited in place."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, time
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from enhetschef_app.domain.errors import FieldProblems, UserError
from enhetschef_app.ui.shell.errors import show_error
from enhetschef_app.ui.shell.formatting import parse_iso_date
from enhetschef_app.ui.shell.widgets import role_label

_T = TypeVar("_T")


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


class LeftFields(QObject):
    """Which fields the user has left: a form opens without red text, and a field's problem
    shows once the user has been in it and moved on (or has tried to save)."""

    def __init__(self, on_left: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_left = on_left
        self._keys: dict[QObject, str] = {}
        self.left: set[str] = set()
        self.all = False

    def watch(self, key: str, field: QWidget) -> None:
        self._keys[field] = key
        field.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut and watched in self._keys:
            key = self._keys[watched]
            if key not in self.left:
                self.left.add(key)
                self._on_left()
        return False

    def reveal_all(self) -> None:
        self.all = True
        self._on_left()

    def shown(self, problems: dict[str, str]) -> dict[str, str]:
        if self.all:
            return problems
        return {key: text for key, text in problems.items() if key in self.left}


class ProblemForm(QFormLayout):
    """Rows of label, field and the field's problem (hidden while there is none, and until
    the user has left the field or tried to save)."""

    def __init__(self) -> None:
        super().__init__()
        self.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields: dict[str, QWidget] = {}
        self.problem_labels: dict[str, QLabel] = {}
        self._problems: dict[str, str] = {}
        self.left_fields = LeftFields(lambda: self._show(self._problems))

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
        self.left_fields.watch(key, field)

    def show_problems(self, problems: dict[str, str]) -> None:
        self._problems = dict(problems)
        self._show(problems)

    def reveal_all(self) -> None:
        """Spara was pressed (or the service refused): every problem shows."""
        self.left_fields.reveal_all()

    def _show(self, problems: dict[str, str]) -> None:
        shown = self.left_fields.shown(problems)
        for key, label in self.problem_labels.items():
            text = shown.get(key, "")
            label.setText(text)
            label.setVisible(bool(text))
            self.fields[key].setAccessibleDescription(text)


def notes_edit(text: str = "", placeholder: str = "") -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setPlainText(text)
    edit.setPlaceholderText(placeholder)
    edit.setTabChangesFocus(True)
    edit.setMaximumHeight(110)
    return edit


def save_cancel_buttons() -> QDialogButtonBox:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
    )
    save = QCoreApplication.translate("people", "Spara")
    cancel = QCoreApplication.translate("people", "Avbryt")
    buttons.button(QDialogButtonBox.StandardButton.Save).setText(save)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(cancel)
    return buttons


def required_date(
    field: DateField, key: str, unreadable: str, missing: str
) -> tuple[date | None, dict[str, str]]:
    """The day in a field that must hold one, or the field's problem in words."""
    try:
        day = field.date_value()
    except ValueError:
        return None, {key: unreadable}
    if day is None:
        return None, {key: missing}
    return day, {}


def wired_save_cancel(
    dialog: QDialog, save: Callable[[], None]
) -> tuple[QDialogButtonBox, QPushButton]:
    """Spara runs `save` (which accepts when it succeeds); Avbryt rejects the dialog."""
    buttons = save_cancel_buttons()
    buttons.accepted.connect(save)
    buttons.rejected.connect(dialog.reject)
    return buttons, buttons.button(QDialogButtonBox.StandardButton.Save)


def show_found(form: ProblemForm, save_button: QPushButton, problems: dict[str, str]) -> None:
    """Each problem beside its field; Spara only while there is none."""
    form.show_problems(problems)
    save_button.setEnabled(not problems)


def service_saved(
    dialog: QDialog,
    form: ProblemForm | None,
    call: Callable[[], _T],
) -> tuple[bool, _T | None]:
    """Runs the service call and gives (saved, what it returned); a refusal naming fields goes
    beside them, any other in words. The caller accepts the dialog when saved."""
    try:
        return True, call()
    except FieldProblems as exc:
        if form is None:
            show_error(dialog, exc)
        else:
            form.show_problems(exc.problems)
            form.reveal_all()
        return False, None
    except UserError as exc:
        show_error(dialog, exc)
        return False, None


def headed_grid(headers: Sequence[str]) -> QGridLayout:
    """The grid of a list edited in place: a header row, the first column taking the width."""
    grid = QGridLayout()
    for column, header in enumerate(headers):
        grid.addWidget(role_label(header, "help"), 0, column)
    grid.setColumnStretch(0, 1)
    return grid


def problem_text_label() -> QLabel:
    label = role_label("", "error")
    label.setVisible(False)
    return label


def show_problem_text(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


def list_editor_layout(
    dialog: QDialog,
    help_text: str,
    grid: QGridLayout,
    add_button: QPushButton,
    problem_label: QLabel,
    buttons: QDialogButtonBox,
) -> QVBoxLayout:
    """What the list means, the list, a button that adds a line, why it was not saved, Spara."""
    layout = QVBoxLayout(dialog)
    layout.addWidget(role_label(help_text, "help"))
    layout.addLayout(grid)
    layout.addWidget(add_button, 0, Qt.AlignmentFlag.AlignLeft)
    layout.addWidget(problem_label)
    layout.addWidget(buttons)
    return layout

"""One employee's form: checked as the user types, each problem in words beside its field."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from enhetschef_app.domain.errors import FieldProblems, UserError
from enhetschef_app.domain.staff import (
    FULLTIME_AROUND_THE_CLOCK,
    FULLTIME_PERMANENT_NIGHT,
    FULLTIME_WEEKDAYS,
    EmployeeDraft,
    EmploymentForm,
    EndReason,
    grade_as_typed,
    validate_employee,
)
from enhetschef_app.services.core.settings import rule_settings
from enhetschef_app.services.staff.employees import EmployeeView, save_employee
from enhetschef_app.ui.shell.context import AppContext
from enhetschef_app.ui.shell.errors import show_error
from enhetschef_app.ui.shell.formatting import (
    decimal_text,
    parse_decimal,
    parse_iso_date,
    parse_whole_kronor,
    whole_number_text,
)
from enhetschef_app.ui.shell.widgets import role_label

FIELDS = (
    "employee_no",
    "name",
    "form",
    "grade_percent",
    "fulltime_week_hours",
    "start",
    "end",
    "monthly_salary",
    "end_reason",
)


class EmployeeDialog(QDialog):
    """New employee (no `employee`) or an existing one; `saved` holds the result after Spara."""

    def __init__(
        self,
        context: AppContext,
        employee: EmployeeView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.employee = employee
        self.saved: EmployeeView | None = None
        self.setWindowTitle(
            self.tr("Ny medarbetare")
            if employee is None
            else self.tr("Medarbetare {0}").format(employee.name)
        )

        self.number_edit = QLineEdit()
        self.number_edit.setMinimumWidth(340)  # sets the width of the whole column
        self.name_edit = QLineEdit()
        self.form_combo = QComboBox()
        self._forms = list(EmploymentForm)
        for form in self._forms:
            self.form_combo.addItem(form.label)
        self.grade_edit = QLineEdit()
        self.grade_edit.setPlaceholderText(self.tr("t.ex. 87,5"))
        self.fulltime_combo = QComboBox()
        self._fulltimes: list[Decimal | None] = []
        self.start_edit = QLineEdit()
        self.end_edit = QLineEdit()
        for edit in (self.start_edit, self.end_edit):
            edit.setPlaceholderText(self.tr("ÅÅÅÅ-MM-DD"))
        self.end_edit.setToolTip(self.tr("Lämna tomt för en anställning som gäller tills vidare"))
        self.salary_edit = QLineEdit()
        self.salary_edit.setPlaceholderText(self.tr("kronor per månad, t.ex. 31 500"))
        self.reason_combo = QComboBox()
        self.reason_combo.addItem(self.tr("(ingen)"))
        self._reasons: list[EndReason | None] = [None]
        for reason in EndReason:
            self.reason_combo.addItem(reason.label)
            self._reasons.append(reason)

        self.inputs: dict[str, QWidget] = {
            "employee_no": self.number_edit,
            "name": self.name_edit,
            "form": self.form_combo,
            "grade_percent": self.grade_edit,
            "fulltime_week_hours": self.fulltime_combo,
            "start": self.start_edit,
            "end": self.end_edit,
            "monthly_salary": self.salary_edit,
            "end_reason": self.reason_combo,
        }
        labels = {
            "employee_no": self.tr("Anställningsnr *"),
            "name": self.tr("Namn *"),
            "form": self.tr("Anställningsform *"),
            "grade_percent": self.tr("Sysselsättningsgrad (%)"),
            "fulltime_week_hours": self.tr("Heltid (h/v)"),
            "start": self.tr("Anställd från"),
            "end": self.tr("Anställd till"),
            "monthly_salary": self.tr("Månadslön (kr)"),
            "end_reason": self.tr("Avslutsorsak"),
        }
        self.problem_labels: dict[str, QLabel] = {}
        form_layout = QFormLayout()
        form_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for field in FIELDS:
            problem = role_label("", "error")
            # One line that widens the dialog: the layout then grows the window to fit it,
            # where a wrapped label would be clipped.
            problem.setWordWrap(False)
            problem.setVisible(False)
            self.problem_labels[field] = problem
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(self.inputs[field])
            column.addWidget(problem)
            label = QLabel(labels[field])
            label.setBuddy(self.inputs[field])
            form_layout.addRow(label, column)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Spara"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Avbryt"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form_layout)
        layout.addWidget(role_label(self.tr("* måste fyllas i"), "help"))
        layout.addWidget(self.buttons)

        self._fill(employee)
        for edit in (
            self.number_edit,
            self.name_edit,
            self.grade_edit,
            self.start_edit,
            self.end_edit,
            self.salary_edit,
        ):
            edit.textChanged.connect(self.check)
        for combo in (self.form_combo, self.fulltime_combo, self.reason_combo):
            combo.currentIndexChanged.connect(self.check)
        self.check()

    def _fill(self, employee: EmployeeView | None) -> None:
        unit_hours = rule_settings(self.context.workspace).decimal("unit.fulltime_week_hours")
        choices: list[tuple[Decimal | None, str]] = [
            (None, self.tr("Enhetens inställning ({0} h/v)").format(decimal_text(unit_hours))),
            (
                FULLTIME_WEEKDAYS,
                self.tr("{0} h/v – vardagar").format(decimal_text(FULLTIME_WEEKDAYS)),
            ),
            (
                FULLTIME_AROUND_THE_CLOCK,
                self.tr("{0} h/v – dygnet runt").format(decimal_text(FULLTIME_AROUND_THE_CLOCK)),
            ),
            (
                FULLTIME_PERMANENT_NIGHT,
                self.tr("{0} h/v – ständig natt").format(decimal_text(FULLTIME_PERMANENT_NIGHT)),
            ),
        ]
        own = employee.fulltime_week_hours if employee and employee.fulltime_is_own else None
        if own is not None and own not in {value for value, _ in choices}:
            choices.append((own, self.tr("{0} h/v").format(decimal_text(own))))
        for value, text in choices:
            self._fulltimes.append(value)
            self.fulltime_combo.addItem(text)
        if employee is None:
            return
        self.number_edit.setText(employee.employee_no)
        self.name_edit.setText(employee.name)
        self.form_combo.setCurrentIndex(self._forms.index(employee.form))
        self.grade_edit.setText(decimal_text(employee.grade_percent))
        self.fulltime_combo.setCurrentIndex(self._fulltimes.index(own))
        self.start_edit.setText(employee.start.isoformat() if employee.start else "")
        self.end_edit.setText(employee.end.isoformat() if employee.end else "")
        self.salary_edit.setText(whole_number_text(employee.monthly_salary))
        self.reason_combo.setCurrentIndex(self._reasons.index(employee.end_reason))

    def read_draft(self) -> tuple[EmployeeDraft, dict[str, str]]:
        """The draft as typed, and the fields that could not even be read."""
        unreadable: dict[str, str] = {}
        form = self._forms[self.form_combo.currentIndex()]
        try:
            grade = parse_decimal(self.grade_edit.text())
        except ValueError:
            grade = None
            unreadable["grade_percent"] = self.tr(
                "Skriv sysselsättningsgraden som ett tal, till exempel 87,5."
            )
        if "grade_percent" not in unreadable:
            grade = grade_as_typed(form, grade)
        dates = {}
        for field, edit in (("start", self.start_edit), ("end", self.end_edit)):
            try:
                dates[field] = parse_iso_date(edit.text())
            except ValueError:
                dates[field] = None
                unreadable[field] = self.tr(
                    "Skriv datumet som ÅÅÅÅ-MM-DD (t.ex. 2026-11-22) eller lämna tomt."
                )
        try:
            salary = parse_whole_kronor(self.salary_edit.text())
        except ValueError:
            salary = None
            unreadable["monthly_salary"] = self.tr(
                "Skriv månadslönen i hela kronor, till exempel 31 500."
            )
        draft = EmployeeDraft(
            employee_no=self.number_edit.text(),
            name=self.name_edit.text(),
            form=form,
            grade_percent=grade,
            fulltime_week_hours=self._fulltimes[self.fulltime_combo.currentIndex()],
            start=dates["start"],
            end=dates["end"],
            monthly_salary=salary,
            end_reason=self._reasons[self.reason_combo.currentIndex()],
            # The staff list's Timlön has no field here: saving the form keeps it.
            hourly_rate=self.employee.hourly_rate if self.employee else None,
        )
        return draft, unreadable

    def problems(self) -> dict[str, str]:
        draft, unreadable = self.read_draft()
        found = validate_employee(draft)
        found.update(unreadable)  # "not a date" says more than what followed from it
        return found

    def check(self) -> None:
        hourly = not self._forms[self.form_combo.currentIndex()].has_working_time
        self.grade_edit.setEnabled(not hourly)
        if hourly and self.grade_edit.text():
            self.grade_edit.clear()
        found = self.problems()
        self.show_problems(found)
        self.save_button.setEnabled(not found)

    def show_problems(self, problems: dict[str, str]) -> None:
        for field, label in self.problem_labels.items():
            text = problems.get(field, "")
            label.setText(text)
            label.setVisible(bool(text))
            self.inputs[field].setAccessibleDescription(text)

    def save(self) -> None:
        draft, unreadable = self.read_draft()
        if unreadable or validate_employee(draft):
            self.check()
            return
        try:
            self.saved = save_employee(
                self.context.workspace,
                draft,
                self.employee.id if self.employee else None,
                version=self.employee.version if self.employee else None,
            )
        except FieldProblems as exc:
            self.show_problems(exc.problems)
            self.save_button.setEnabled(False)
            first = next(iter(exc.problems), None)
            if first in self.inputs:
                self.inputs[first].setFocus()
            return
        except UserError as exc:
            show_error(self, exc)
            return
        self.accept()

"""Registering, changing and ending one absence: person, kind, from, to, extent. There is no
field for a cause or a diagnosis, on purpose (GDPR art. 9)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QDialog, QSpinBox, QVBoxLayout, QWidget

from enhetschef_app.domain.absences import KIND_LABELS, AbsenceDraft, validate_absence
from enhetschef_app.domain.errors import FieldProblems, UserError
from enhetschef_app.services.absence.absences import (
    AbsenceView,
    end_absence,
    save_absence,
)
from enhetschef_app.services.staff.employees import EmployeeView
from enhetschef_app.ui.absence.care_talk_dialog import widen_problems
from enhetschef_app.ui.shell.context import AppContext
from enhetschef_app.ui.shell.errors import show_error
from enhetschef_app.ui.shell.form_parts import (
    DateField,
    ProblemForm,
    required_date,
    service_saved,
    show_found,
    wired_save_cancel,
)
from enhetschef_app.ui.shell.formatting import swedish_sort_key
from enhetschef_app.ui.shell.widgets import role_label


class AbsenceDialog(QDialog):
    """A new absence (no `absence`) or an existing one; `saved` holds the result after Spara."""

    def __init__(
        self,
        context: AppContext,
        employees: list[EmployeeView],
        absence: AbsenceView | None = None,
        employee_id: int | None = None,
        start: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.absence = absence
        self.saved: AbsenceView | None = None
        self.setWindowTitle(
            self.tr("Ny frånvaro")
            if absence is None
            else self.tr("Frånvaro för {0}").format(absence.employee_name)
        )
        self.setMinimumWidth(460)

        self.person_combo = QComboBox()
        self._people: list[int | None] = [None]
        self.person_combo.addItem(self.tr("Välj medarbetare …"))
        for person in sorted(employees, key=lambda e: swedish_sort_key(e.name)):
            self.person_combo.addItem(f"{person.name} ({person.employee_no})")
            self._people.append(person.id)
        self.kind_combo = QComboBox()
        self._kinds = list(KIND_LABELS)
        for kind in self._kinds:
            self.kind_combo.addItem(KIND_LABELS[kind])
        self.start_edit = DateField(start or context.today())
        self.end_edit = DateField()
        self.end_edit.setToolTip(self.tr("Lämna tomt medan frånvaron pågår"))
        self.end_edit.setPlaceholderText(self.tr("tomt = pågår"))
        self.extent_spin = QSpinBox()
        self.extent_spin.setRange(1, 100)
        self.extent_spin.setValue(100)
        self.extent_spin.setSuffix(" %")

        self.form = ProblemForm()
        self.form.add_field("employee", self.tr("Medarbetare *"), self.person_combo)
        self.form.add_field("kind", self.tr("Frånvarotyp *"), self.kind_combo)
        self.form.add_field("start", self.tr("Från *"), self.start_edit)
        self.form.add_field("end", self.tr("Till"), self.end_edit)
        self.form.add_field("extent_percent", self.tr("Omfattning *"), self.extent_spin)
        widen_problems(self.form)

        self.buttons, self.save_button = wired_save_cancel(self, self.save)

        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(
            role_label(
                self.tr(
                    "Bara typ, datum och omfattning sparas – aldrig orsak eller diagnos. "
                    "Omfattning är andel av den schemalagda dagen."
                ),
                "help",
            )
        )
        layout.addWidget(self.buttons)

        if absence is not None:
            self._select(absence.employee_id, employees)
            self.kind_combo.setCurrentIndex(self._kinds.index(absence.kind))
            self.start_edit.set_date(absence.start)
            self.end_edit.set_date(absence.end)
            self.extent_spin.setValue(absence.extent_percent)
        elif employee_id is not None:
            self._select(employee_id, employees)
        self.person_combo.currentIndexChanged.connect(self.check)
        self.kind_combo.currentIndexChanged.connect(self.check)
        self.start_edit.textChanged.connect(self.check)
        self.end_edit.textChanged.connect(self.check)
        self.extent_spin.valueChanged.connect(self.check)
        self.check()

    def _select(self, employee_id: int, employees: list[EmployeeView]) -> None:
        if employee_id not in self._people:
            # Someone who has left still owns their absences: show them too.
            person = next((e for e in employees if e.id == employee_id), None)
            label = person.name if person else self.tr("Medarbetare {0}").format(employee_id)
            self.person_combo.addItem(label)
            self._people.append(employee_id)
        self.person_combo.setCurrentIndex(self._people.index(employee_id))

    def read_draft(self) -> tuple[AbsenceDraft, dict[str, str]]:
        unreadable: dict[str, str] = {}
        dates: dict[str, date | None] = {}
        for key, edit in (("start", self.start_edit), ("end", self.end_edit)):
            try:
                dates[key] = edit.date_value()
            except ValueError:
                dates[key] = None
                unreadable[key] = self.tr("Skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2026-11-22.")
        draft = AbsenceDraft(
            employee_id=self._people[self.person_combo.currentIndex()],
            kind=self._kinds[self.kind_combo.currentIndex()],
            start=dates["start"],
            end=dates["end"],
            extent_percent=self.extent_spin.value(),
        )
        return draft, unreadable

    def problems(self) -> dict[str, str]:
        draft, unreadable = self.read_draft()
        found = validate_absence(draft)
        found.update(unreadable)
        return found

    def check(self) -> None:
        show_found(self.form, self.save_button, self.problems())

    def save(self) -> None:
        draft, unreadable = self.read_draft()
        if unreadable or validate_absence(draft):
            self.check()
            return
        try:
            self.saved = save_absence(
                self.context.workspace,
                draft,
                self.absence.id if self.absence else None,
                version=self.absence.version if self.absence else None,
            )
        except FieldProblems as exc:
            self.form.show_problems(exc.problems)
            self.form.reveal_all()
            self.save_button.setEnabled(False)
            return
        except UserError as exc:
            show_error(self, exc)
            return
        self.accept()


class EndAbsenceDialog(QDialog):
    """Sets the last day of an ongoing absence."""

    def __init__(
        self, context: AppContext, absence: AbsenceView, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.absence = absence
        self.saved: AbsenceView | None = None
        self.setWindowTitle(self.tr("Avsluta frånvaro"))
        self.end_edit = DateField(max(context.today(), absence.start))
        self.form = ProblemForm()
        self.form.add_field("end", self.tr("Sista dag *"), self.end_edit)
        widen_problems(self.form)
        self.buttons, self.save_button = wired_save_cancel(self, self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(
            role_label(
                self.tr("{kind} för {name} från {start}.").format(
                    kind=absence.kind_label,
                    name=absence.employee_name,
                    start=absence.start.isoformat(),
                ),
                "help",
            )
        )
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)
        self.end_edit.textChanged.connect(self.check)
        self.check()

    def problems(self) -> dict[str, str]:
        end, found = required_date(
            self.end_edit,
            "end",
            self.tr("Skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2026-11-22."),
            self.tr("Ange sista dagen."),
        )
        if end is not None and end < self.absence.start:
            return {"end": self.tr("Sista dagen ligger före första dagen.")}
        return found

    def check(self) -> None:
        show_found(self.form, self.save_button, self.problems())

    def save(self) -> None:
        end = None if self.problems() else self.end_edit.date_value()
        if end is None:
            self.check()
            return
        ok, self.saved = service_saved(
            self,
            self.form,
            lambda: end_absence(
                self.context.workspace, self.absence.id, end, version=self.absence.version
            ),
        )
        if ok:
            self.accept()

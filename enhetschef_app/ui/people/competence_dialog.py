"""The competence forms: a training done, a delegation (new, renewed, corrected or ended), the
list of recurring trainings and what each shift type requires."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from enhetschef_app.domain.competence import (
    DelegationDraft,
    TrainingKindDraft,
    competence_key,
    delegation_last_allowed_day,
    training_valid_until,
    validate_delegation,
    validate_training_kind,
)
from enhetschef_app.domain.errors import UserError
from enhetschef_app.services.people.competence import (
    DelegationView,
    TrainingKindView,
    competence_suggestions,
    delegation_task_suggestions,
    end_delegation,
    record_training,
    save_delegation,
    save_training_kind,
    set_shift_requirements,
    shift_requirements,
    training_kinds,
)
from enhetschef_app.ui.shell.context import AppContext
from enhetschef_app.ui.shell.errors import show_error
from enhetschef_app.ui.shell.form_parts import (
    DateField,
    ProblemForm,
    headed_grid,
    list_editor_layout,
    problem_text_label,
    required_date,
    service_saved,
    show_found,
    show_problem_text,
    wired_save_cancel,
)
from enhetschef_app.ui.shell.icons import icon
from enhetschef_app.ui.shell.widgets import role_label

EmployeeChoice = tuple[int, str]  # (id, "number – name")


def _employee_combo(employees: list[EmployeeChoice], chosen: int | None) -> QComboBox:
    combo = QComboBox()
    for employee_id, label in employees:
        combo.addItem(label, employee_id)
    if chosen is not None:
        combo.setCurrentIndex(max(0, combo.findData(chosen)))
    return combo


class TrainingDialog(QDialog):
    """A training done: who, which, when; valid until follows from the training's validity."""

    def __init__(
        self,
        context: AppContext,
        employees: list[EmployeeChoice],
        employee_id: int | None = None,
        kind_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.saved_id: int | None = None
        self.setWindowTitle(self.tr("Registrera utbildning"))
        self.setMinimumWidth(460)
        self.kinds = [k for k in training_kinds(context.workspace) if k.active or k.id == kind_id]
        self.employee_combo = _employee_combo(employees, employee_id)
        self.kind_combo = QComboBox()
        for kind in self.kinds:
            self.kind_combo.addItem(kind.name, kind.id)
        if kind_id is not None:
            self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(kind_id)))
        self.done_edit = DateField(context.today())
        self.until_edit = DateField()
        self.until_edit.setToolTip(
            self.tr("Räknas fram ur utbildningens giltighetstid; kan ändras")
        )
        self._until_own = False
        self.form = ProblemForm()
        self.form.add_field("employee", self.tr("Medarbetare *"), self.employee_combo)
        self.form.add_field("kind", self.tr("Utbildning *"), self.kind_combo)
        self.form.add_field("completed_on", self.tr("Genomförd *"), self.done_edit)
        self.form.add_field("valid_until", self.tr("Giltig till"), self.until_edit)
        self.buttons, self.save_button = wired_save_cancel(self, self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(role_label(self.tr("Tomt 'Giltig till': gäller tills vidare."), "help"))
        layout.addWidget(self.buttons)
        self.done_edit.textChanged.connect(self._fill_until)
        self.kind_combo.currentIndexChanged.connect(self._fill_until)
        self.until_edit.textEdited.connect(self._until_typed)
        self.until_edit.textChanged.connect(self.check)
        self._fill_until()

    def _until_typed(self) -> None:
        self._until_own = True

    def _kind(self) -> TrainingKindView | None:
        index = self.kind_combo.currentIndex()
        return self.kinds[index] if 0 <= index < len(self.kinds) else None

    def _fill_until(self) -> None:
        kind = self._kind()
        if not self._until_own and kind is not None:
            try:
                done = self.done_edit.date_value()
            except ValueError:
                done = None
            if done is not None:
                self.until_edit.set_date(training_valid_until(done, kind.validity_months))
        self.check()

    def read(self) -> tuple[date | None, date | None, dict[str, str]]:
        problems: dict[str, str] = {}
        values: list[date | None] = []
        for key, edit in (("completed_on", self.done_edit), ("valid_until", self.until_edit)):
            try:
                values.append(edit.date_value())
            except ValueError:
                values.append(None)
                problems[key] = self.tr("Skriv datumet som ÅÅÅÅ-MM-DD.")
        done, until = values
        if done is None and "completed_on" not in problems:
            problems["completed_on"] = self.tr("Ange när utbildningen genomfördes.")
        elif done is not None and done > self.context.today():
            problems["completed_on"] = self.tr("Utbildningen är inte genomförd än.")
        if done is not None and until is not None and until < done:
            problems["valid_until"] = self.tr("Sista giltiga dag ligger före utbildningen.")
        if self.employee_combo.count() == 0:
            problems["employee"] = self.tr("Enheten har ingen anställd att registrera på.")
        if self._kind() is None:
            problems["kind"] = self.tr("Lägg först till utbildningen i listan.")
        return done, until, problems

    def check(self) -> None:
        _done, _until, problems = self.read()
        self.form.show_problems(problems)
        self.save_button.setEnabled(not problems)

    def save(self) -> None:
        done, until, problems = self.read()
        kind = self._kind()
        if problems or done is None or kind is None:
            self.check()
            return
        ok, self.saved_id = service_saved(
            self,
            self.form,
            lambda: record_training(
                self.context.workspace,
                int(self.employee_combo.currentData()),
                kind.id,
                done,
                until,
                day=self.context.today(),
            ),
        )
        if ok:
            self.accept()


class DelegationDialog(QDialog):
    """A new delegation, a renewal (`renew`: from the day after the old one ends) or a
    correction of `existing`."""

    def __init__(
        self,
        context: AppContext,
        employees: list[EmployeeChoice],
        employee_id: int | None = None,
        existing: DelegationView | None = None,
        *,
        renew: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.existing = None if renew else existing
        self.saved: DelegationView | None = None
        self.setWindowTitle(
            self.tr("Förnya delegering")
            if renew
            else self.tr("Delegering")
            if existing
            else self.tr("Ny delegering")
        )
        self.setMinimumWidth(480)
        chosen = existing.employee_id if existing else employee_id
        self.employee_combo = _employee_combo(employees, chosen)
        self.employee_combo.setEnabled(self.existing is None)
        self.task_combo = QComboBox()
        self.task_combo.setEditable(True)
        self.task_combo.addItems(delegation_task_suggestions(context.workspace))
        self.task_combo.setCurrentText(existing.task if existing else "")
        task_line = self.task_combo.lineEdit()
        if task_line is not None:
            task_line.setPlaceholderText(self.tr("t.ex. Insulininjektion"))
        self.nurse_edit = QLineEdit(existing.delegated_by if existing else "")
        self.nurse_edit.setPlaceholderText(self.tr("Sjuksköterskans namn"))
        if existing and renew:
            start = max(existing.valid_to + timedelta(days=1), context.today())
        elif existing:
            start = existing.valid_from
        else:
            start = context.today()
        self.from_edit = DateField(start)
        self.to_edit = DateField(existing.valid_to if existing and not renew else None)
        self._to_own = existing is not None and not renew
        self.form = ProblemForm()
        self.form.add_field("employee", self.tr("Medarbetare *"), self.employee_combo)
        self.form.add_field("task", self.tr("Arbetsuppgift *"), self.task_combo)
        self.form.add_field("delegated_by", self.tr("Delegerande sjuksköterska *"), self.nurse_edit)
        self.form.add_field("valid_from", self.tr("Gäller från *"), self.from_edit)
        self.form.add_field("valid_to", self.tr("Gäller till *"), self.to_edit)
        self.buttons, self.save_button = wired_save_cancel(self, self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(
            role_label(self.tr("En delegering gäller högst ett år och förnyas sedan."), "help")
        )
        layout.addWidget(self.buttons)
        self.task_combo.currentTextChanged.connect(self.check)
        self.nurse_edit.textChanged.connect(self.check)
        self.from_edit.textChanged.connect(self._fill_to)
        self.to_edit.textEdited.connect(self._to_typed)
        self.to_edit.textChanged.connect(self.check)
        self._fill_to()

    def _to_typed(self) -> None:
        self._to_own = True

    def _fill_to(self) -> None:
        if not self._to_own:
            try:
                start = self.from_edit.date_value()
            except ValueError:
                start = None
            if start is not None:
                self.to_edit.set_date(delegation_last_allowed_day(start))
        self.check()

    def read(self) -> tuple[DelegationDraft, dict[str, str]]:
        unreadable: dict[str, str] = {}
        values: list[date | None] = []
        for key, edit in (("valid_from", self.from_edit), ("valid_to", self.to_edit)):
            try:
                values.append(edit.date_value())
            except ValueError:
                values.append(None)
                unreadable[key] = self.tr("Skriv datumet som ÅÅÅÅ-MM-DD.")
        if self.employee_combo.count() == 0:
            unreadable["employee"] = self.tr("Enheten har ingen anställd att registrera på.")
        draft = DelegationDraft(
            self.task_combo.currentText(), self.nurse_edit.text(), values[0], values[1]
        )
        return draft, unreadable

    def problems(self) -> dict[str, str]:
        draft, unreadable = self.read()
        found = validate_delegation(draft)
        found.update(unreadable)
        return found

    def check(self) -> None:
        show_found(self.form, self.save_button, self.problems())

    def save(self) -> None:
        if self.problems():
            self.check()
            return
        draft, _ = self.read()
        ok, self.saved = service_saved(
            self,
            self.form,
            lambda: save_delegation(
                self.context.workspace,
                int(self.employee_combo.currentData()),
                draft,
                self.existing.id if self.existing else None,
            ),
        )
        if ok:
            self.accept()


class EndDelegationDialog(QDialog):
    """Withdraws a delegation from a day on (the nurse took it back, the task ended)."""

    def __init__(
        self, context: AppContext, delegation: DelegationView, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.delegation = delegation
        self.setWindowTitle(self.tr("Avsluta delegering"))
        self.date_edit = DateField(context.today())
        self.form = ProblemForm()
        self.form.add_field("ended_on", self.tr("Gäller inte från *"), self.date_edit)
        self.buttons, self.save_button = wired_save_cancel(self, self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(
            role_label(
                self.tr("{task}, delegerad av {nurse}, {first}–{last}.").format(
                    task=delegation.task,
                    nurse=delegation.delegated_by,
                    first=delegation.valid_from.isoformat(),
                    last=delegation.valid_to.isoformat(),
                ),
                "help",
            )
        )
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)
        self.date_edit.textChanged.connect(self.check)
        self.check()

    def problems(self) -> dict[str, str]:
        day, found = required_date(
            self.date_edit,
            "ended_on",
            self.tr("Skriv datumet som ÅÅÅÅ-MM-DD."),
            self.tr("Ange från vilken dag delegeringen inte gäller."),
        )
        if day is not None and day < self.delegation.valid_from:
            return {"ended_on": self.tr("Dagen ligger före delegeringens första dag.")}
        return found

    def check(self) -> None:
        show_found(self.form, self.save_button, self.problems())

    def save(self) -> None:
        day = None if self.problems() else self.date_edit.date_value()
        if day is None:
            return
        ok, _ = service_saved(
            self,
            None,
            lambda: end_delegation(self.context.workspace, self.delegation.id, day),
        )
        if ok:
            self.accept()


class TrainingKindsDialog(QDialog):
    """The recurring trainings and how long each holds; a training no longer used is unticked."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Återkommande utbildningar"))
        self.setMinimumWidth(560)
        self.grid = headed_grid((self.tr("Utbildning"), self.tr("Giltig i"), self.tr("Används")))
        self.rows: list[tuple[TrainingKindView | None, QLineEdit, QSpinBox, QCheckBox]] = []
        for kind in training_kinds(context.workspace):
            self.add_row(kind)
        self.problem_label = problem_text_label()
        self.add_button = QPushButton(icon("ny"), self.tr("Lägg till utbildning"))
        self.add_button.clicked.connect(lambda: self.add_row(None))
        self.buttons, self.save_button = wired_save_cancel(self, self.save)
        list_editor_layout(
            self,
            self.tr(
                "Listan gäller alla enheter i databasen. En ändrad giltighetstid gäller "
                "utbildningar som registreras från nu; redan registrerade behåller sina datum."
            ),
            self.grid,
            self.add_button,
            self.problem_label,
            self.buttons,
        )

    def add_row(self, kind: TrainingKindView | None) -> None:
        name = QLineEdit(kind.name if kind else "")
        name.setAccessibleName(self.tr("Utbildningens namn"))
        months = QSpinBox()
        months.setRange(0, 120)
        months.setSuffix(self.tr(" månader"))
        months.setSpecialValueText(self.tr("gäller alltid"))
        months.setValue(kind.validity_months if kind else 12)
        months.setAccessibleName(self.tr("Giltighetstid"))
        active = QCheckBox()
        active.setChecked(kind.active if kind else True)
        active.setAccessibleName(self.tr("Används"))
        line = len(self.rows) + 1
        self.grid.addWidget(name, line, 0)
        self.grid.addWidget(months, line, 1)
        self.grid.addWidget(active, line, 2)
        self.rows.append((kind, name, months, active))
        if kind is None:
            name.setFocus()

    def save(self) -> None:
        problems: list[str] = []
        changes: list[tuple[TrainingKindView | None, TrainingKindDraft, bool]] = []
        for kind, name, months, active in self.rows:
            if kind is None and not name.text().strip():
                continue
            draft = TrainingKindDraft(name.text(), months.value())
            found = validate_training_kind(draft)
            problems.extend(found.values())
            same = kind is not None and (kind.name, kind.validity_months, kind.active) == (
                " ".join(draft.name.split()),
                draft.validity_months,
                active.isChecked(),
            )
            if not same:
                changes.append((kind, draft, active.isChecked()))
        if problems:
            show_problem_text(self.problem_label, "\n".join(problems))
            return
        try:
            for kind, draft, in_use in changes:
                save_training_kind(self.context.workspace, draft, kind.id if kind else None, in_use)
        except UserError as exc:
            show_problem_text(self.problem_label, exc.message)
            return
        self.accept()


class ShiftRequirementsDialog(QDialog):
    """What a person must hold to take a shift of each type (the candidate list uses it)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Krav per passtyp"))
        self.setMinimumWidth(480)
        self.requirements = shift_requirements(context.workspace)
        self.chosen: dict[str, set[str]] = {r.code: set(r.competences) for r in self.requirements}
        self.suggestions = competence_suggestions(context.workspace)
        self.shift_combo = QComboBox()
        self.shift_combo.setAccessibleName(self.tr("Passtyp"))
        for requirement in self.requirements:
            self.shift_combo.addItem(
                self.tr("{code} – {name}").format(code=requirement.code, name=requirement.name),
                requirement.code,
            )
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Kompetenser som krävs"))
        self.other_edit = QLineEdit()
        self.other_edit.setPlaceholderText(self.tr("Annan delegering eller utbildning"))
        self.add_button = QPushButton(self.tr("Lägg till"))
        self.add_button.clicked.connect(self.add_other)
        self.buttons, save_button = wired_save_cancel(self, self.save)
        other = QHBoxLayout()
        other.addWidget(self.other_edit, 1)
        other.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        if not self.requirements:
            layout.addWidget(
                role_label(
                    self.tr("Enheten har inga passtyper än; de kommer med schemat."), "emptyState"
                )
            )
            save_button.setEnabled(False)
        layout.addWidget(self.shift_combo)
        layout.addWidget(self.list, 1)
        layout.addLayout(other)
        layout.addWidget(
            role_label(
                self.tr(
                    "Den som föreslås för ett tomt pass av typen ska ha alla markerade "
                    "delegeringar och utbildningar giltiga den dagen."
                ),
                "help",
            )
        )
        layout.addWidget(self.buttons)
        self.shift_combo.currentIndexChanged.connect(self._show_shift)
        self.list.itemChanged.connect(self._ticked)
        self._show_shift()

    def current_code(self) -> str | None:
        data = self.shift_combo.currentData()
        return None if data is None else str(data)

    def _show_shift(self) -> None:
        code = self.current_code()
        chosen = self.chosen.get(code, set()) if code else set()
        keys = {competence_key(c) for c in chosen}
        labels = list(self.suggestions)
        labels += [
            c
            for c in sorted(chosen)
            if competence_key(c) not in {competence_key(s) for s in labels}
        ]
        self.list.blockSignals(True)
        self.list.clear()
        for label in labels:
            item = QListWidgetItem(label)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            ticked = competence_key(label) in keys
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.blockSignals(False)

    def _ticked(self, item: QListWidgetItem) -> None:
        code = self.current_code()
        if code is None:
            return
        chosen = self.chosen.setdefault(code, set())
        key = competence_key(item.text())
        for label in list(chosen):
            if competence_key(label) == key:
                chosen.discard(label)
        if item.checkState() == Qt.CheckState.Checked:
            chosen.add(item.text())

    def add_other(self) -> None:
        text = " ".join(self.other_edit.text().split())
        code = self.current_code()
        if not text or code is None:
            return
        if competence_key(text) not in {competence_key(s) for s in self.suggestions}:
            self.suggestions.append(text)
        self.chosen.setdefault(code, set()).add(text)
        self.other_edit.clear()
        self._show_shift()

    def save(self) -> None:
        before = {r.code: set(r.competences) for r in self.requirements}
        try:
            for code, chosen in self.chosen.items():
                if {competence_key(c) for c in chosen} != {
                    competence_key(c) for c in before.get(code, set())
                }:
                    set_shift_requirements(self.context.workspace, code, sorted(chosen))
        except UserError as exc:
            show_error(self, exc)
            return
        self.accept()

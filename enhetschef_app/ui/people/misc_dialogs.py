"""The introduction forms (one point for one person; the checklist's points) and the
avslutningssamtal."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from enhetschef_app.domain.errors import UserError
from enhetschef_app.domain.exit_talks import ExitOutcome, ExitTalkDraft, validate_exit_talk
from enhetschef_app.domain.sensitive_text import privacy_warnings
from enhetschef_app.domain.staff import EndReason
from enhetschef_app.services.people.exit_talks import LeaverView, save_exit_talk
from enhetschef_app.services.people.introduction import (
    MAX_DUE_DAYS,
    IntroItemView,
    IntroLine,
    intro_items,
    save_intro_item,
    set_intro_point,
)
from enhetschef_app.ui.shell.context import AppContext
from enhetschef_app.ui.shell.form_parts import (
    DateField,
    ProblemForm,
    headed_grid,
    list_editor_layout,
    notes_edit,
    problem_text_label,
    service_saved,
    show_found,
    show_problem_text,
    wired_save_cancel,
)
from enhetschef_app.ui.shell.icons import icon
from enhetschef_app.ui.shell.privacy import PrivacyNote, confirm_sensitive
from enhetschef_app.ui.shell.widgets import role_label


class IntroPointDialog(QDialog):
    """One point of one person's checklist: its date, and the day it was done."""

    def __init__(
        self,
        context: AppContext,
        employee_id: int,
        line: IntroLine,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.employee_id = employee_id
        self.line = line
        self.setWindowTitle(line.title)
        self.setMinimumWidth(420)
        self.planned_edit = DateField(line.planned_on if line.planned_is_own else None)
        self.planned_edit.setPlaceholderText(
            line.planned_on.isoformat() if line.planned_on else self.tr("ÅÅÅÅ-MM-DD")
        )
        self.planned_edit.setToolTip(self.tr("Tomt: checklistans dag räknat från första dagen"))
        self.done_edit = DateField(line.done_on)
        self.form = ProblemForm()
        self.form.add_field("planned_on", self.tr("Planerat"), self.planned_edit)
        self.form.add_field("done_on", self.tr("Klart"), self.done_edit)
        self.today_button = QPushButton(self.tr("Klart idag"))
        self.today_button.clicked.connect(lambda: self.done_edit.set_date(context.today()))
        self.buttons, self.save_button = wired_save_cancel(self, self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.today_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.buttons)
        self.planned_edit.textChanged.connect(self.check)
        self.done_edit.textChanged.connect(self.check)
        self.check()

    def read(self) -> tuple[date | None, date | None, dict[str, str]]:
        problems: dict[str, str] = {}
        values: list[date | None] = []
        for key, edit in (("planned_on", self.planned_edit), ("done_on", self.done_edit)):
            try:
                values.append(edit.date_value())
            except ValueError:
                values.append(None)
                problems[key] = self.tr("Skriv datumet som ÅÅÅÅ-MM-DD.")
        if values[1] is not None and values[1] > self.context.today():
            problems["done_on"] = self.tr("Punkten kan inte vara klar i framtiden.")
        return values[0], values[1], problems

    def check(self) -> None:
        _planned, _done, problems = self.read()
        self.form.show_problems(problems)
        self.save_button.setEnabled(not problems)

    def save(self) -> None:
        planned, done, problems = self.read()
        if problems:
            return
        ok, _ = service_saved(
            self,
            None,
            lambda: set_intro_point(
                self.context.workspace,
                self.employee_id,
                self.line.item_id,
                planned_on=planned,
                done_on=done,
                day=self.context.today(),
            ),
        )
        if ok:
            self.accept()


class IntroItemsDialog(QDialog):
    """The checklist's points and on which day after the first working day each is due."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Punkter i introduktionen"))
        self.setMinimumWidth(620)
        self.grid = headed_grid(
            (self.tr("Punkt"), self.tr("Dag efter första arbetsdagen"), self.tr("Används"))
        )
        self.rows: list[tuple[IntroItemView | None, QLineEdit, QSpinBox, QCheckBox]] = []
        for item in intro_items(context.workspace):
            self.add_row(item)
        self.problem_label = problem_text_label()
        self.add_button = QPushButton(icon("ny"), self.tr("Lägg till punkt"))
        self.add_button.clicked.connect(lambda: self.add_row(None))
        self.buttons, _save = wired_save_cancel(self, self.save)
        list_editor_layout(
            self,
            self.tr("Listan gäller alla enheter i databasen och alla nyanställda."),
            self.grid,
            self.add_button,
            self.problem_label,
            self.buttons,
        )

    def add_row(self, item: IntroItemView | None) -> None:
        title = QLineEdit(item.title if item else "")
        title.setAccessibleName(self.tr("Punkt"))
        days = QSpinBox()
        days.setRange(0, MAX_DUE_DAYS)
        days.setPrefix(self.tr("dag "))
        days.setValue(item.due_days if item else 7)
        days.setAccessibleName(self.tr("Dag efter första arbetsdagen"))
        active = QCheckBox()
        active.setChecked(item.active if item else True)
        active.setAccessibleName(self.tr("Används"))
        line = len(self.rows) + 1
        self.grid.addWidget(title, line, 0)
        self.grid.addWidget(days, line, 1)
        self.grid.addWidget(active, line, 2)
        self.rows.append((item, title, days, active))
        if item is None:
            title.setFocus()

    def save(self) -> None:
        try:
            for item, title, days, active in self.rows:
                if item is None and not title.text().strip():
                    continue
                wanted = (" ".join(title.text().split()), days.value(), active.isChecked())
                if item is not None and (item.title, item.due_days, item.active) == wanted:
                    continue
                save_intro_item(
                    self.context.workspace,
                    title.text(),
                    days.value(),
                    item.id if item else None,
                    active.isChecked(),
                )
        except UserError as exc:
            show_problem_text(self.problem_label, exc.message)
            return
        self.accept()


class ExitTalkDialog(QDialog):
    """The avslutningssamtal: the reason from the fixed list, held or declined, short notes."""

    def __init__(
        self, context: AppContext, leaver: LeaverView, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.leaver = leaver
        self.saved: LeaverView | None = None
        self.setWindowTitle(self.tr("Avslutningssamtal – {0}").format(leaver.name))
        self.setMinimumWidth(520)
        self.reason_combo = QComboBox()
        self._reasons: list[EndReason | None] = [None, *EndReason]
        self.reason_combo.addItem(self.tr("(välj orsak)"))
        for reason in EndReason:
            self.reason_combo.addItem(reason.label)
        self.reason_combo.setCurrentIndex(self._reasons.index(leaver.reason))
        self.held_radio = QRadioButton(self.tr("Genomfört"))
        self.declined_radio = QRadioButton(self.tr("Avböjt av medarbetaren"))
        self.outcome_group = QButtonGroup(self)
        self.outcome_group.addButton(self.held_radio)
        self.outcome_group.addButton(self.declined_radio)
        (
            self.declined_radio if leaver.outcome is ExitOutcome.DECLINED else self.held_radio
        ).setChecked(True)
        outcome = QWidget()
        outcome_layout = QHBoxLayout(outcome)
        outcome_layout.setContentsMargins(0, 0, 0, 0)
        outcome_layout.addWidget(self.held_radio)
        outcome_layout.addWidget(self.declined_radio)
        outcome_layout.addStretch(1)
        self.date_edit = DateField(leaver.held_on or min(context.today(), leaver.end))
        self.notes_edit = notes_edit(
            leaver.notes,
            self.tr("Kort: vad som fungerat, vad som kan bli bättre. Inga hälsouppgifter."),
        )
        self.notes_edit.setAccessibleName(self.tr("Anteckning"))
        self.privacy = PrivacyNote()
        self.form = ProblemForm()
        self.form.add_field("reason", self.tr("Orsak *"), self.reason_combo)
        self.form.add_field("outcome", self.tr("Samtalet *"), outcome)
        self.form.add_field("held_on", self.tr("Datum"), self.date_edit)
        self.form.add_field("notes", self.tr("Anteckning"), self.notes_edit)
        self.form.addRow("", self.privacy)
        self.buttons, self.save_button = wired_save_cancel(self, self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(
            role_label(
                self.tr(
                    "Sista anställningsdag {0}. Orsaken räknas in i personalomsättningen "
                    "och månadsrapportens avgångsorsaker."
                ).format(leaver.end.isoformat()),
                "help",
            )
        )
        layout.addLayout(self.form)
        layout.addWidget(role_label(self.tr("* måste fyllas i"), "help"))
        layout.addWidget(self.buttons)
        self.reason_combo.currentIndexChanged.connect(self.check)
        self.held_radio.toggled.connect(self.check)
        self.date_edit.textChanged.connect(self.check)
        self.notes_edit.textChanged.connect(self.check)
        self.check()

    def read(self) -> tuple[ExitTalkDraft, dict[str, str]]:
        unreadable: dict[str, str] = {}
        held = self.held_radio.isChecked()
        try:
            day = self.date_edit.date_value()
        except ValueError:
            day = None
            if held:
                unreadable["held_on"] = self.tr("Skriv datumet som ÅÅÅÅ-MM-DD.")
        draft = ExitTalkDraft(
            reason=self._reasons[self.reason_combo.currentIndex()],
            outcome=ExitOutcome.HELD if held else ExitOutcome.DECLINED,
            held_on=day if held else None,
            notes=self.notes_edit.toPlainText(),
        )
        return draft, unreadable

    def problems(self) -> dict[str, str]:
        draft, unreadable = self.read()
        found = validate_exit_talk(draft, self.leaver.end)
        found.update(unreadable)
        return found

    def check(self) -> None:
        self.date_edit.setEnabled(self.held_radio.isChecked())
        show_found(self.form, self.save_button, self.problems())
        self.privacy.check(self.notes_edit.toPlainText())

    def save(self) -> None:
        if self.problems():
            self.check()
            return
        draft, _ = self.read()
        warnings = privacy_warnings(draft.notes)
        if warnings and not confirm_sensitive(self, warnings):
            return
        ok, self.saved = service_saved(
            self,
            self.form,
            lambda: save_exit_talk(
                self.context.workspace, self.leaver.employee_id, draft, confirmed=bool(warnings)
            ),
        )
        if ok:
            self.accept()

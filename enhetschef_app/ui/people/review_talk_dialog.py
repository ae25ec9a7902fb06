"""The forms of one medarbetarsamtal: planning (and booking with an .ics invitation), recording
the held talk with its goals (IUP), and the separate lönesamtal."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from enhetschef_app.domain.errors import UserError
from enhetschef_app.domain.review_talks import (
    DEFAULT_DURATION_MINUTES,
    MAX_DURATION_MINUTES,
    MIN_DURATION_MINUTES,
    GoalDraft,
    TalkPlanDraft,
    TalkRecordDraft,
    validate_plan,
    validate_record,
)
from enhetschef_app.domain.sensitive_text import privacy_warnings
from enhetschef_app.services.people.review_invitation import book_talk, default_file_name
from enhetschef_app.services.people.reviews import (
    GoalView,
    TalkDetail,
    delete_planned_talk,
    plan_talk,
    record_salary_talk,
    record_talk,
    salary_talks_of,
)
from enhetschef_app.ui.shell.context import AppContext
from enhetschef_app.ui.shell.errors import show_error
from enhetschef_app.ui.shell.form_parts import (
    DateField,
    ProblemForm,
    TimeField,
    notes_edit,
    required_date,
    save_cancel_buttons,
    service_saved,
    show_found,
    wired_save_cancel,
)
from enhetschef_app.ui.shell.icons import icon
from enhetschef_app.ui.shell.privacy import PrivacyNote, confirm_sensitive
from enhetschef_app.ui.shell.widgets import role_label

ICS_FOLDER_KEY = "people/invitation_folder"


def book_with_file_dialog(context: AppContext, parent: QWidget, detail: TalkDetail) -> Path | None:
    """Asks where to save the invitation, writes it and marks the talk booked."""
    folder = str(
        context.settings.value(ICS_FOLDER_KEY, "")
        or QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    )
    chosen, _filter = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("people", "Spara inbjudan"),
        str(Path(folder) / default_file_name(detail)),
        QCoreApplication.translate("people", "Kalenderfil (*.ics)"),
    )
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != ".ics":
        path = path.with_suffix(".ics")
    try:
        written = book_talk(context.workspace, detail.id, path)
    except UserError as exc:
        show_error(parent, exc)
        return None
    context.settings.setValue(ICS_FOLDER_KEY, str(written.parent))
    QMessageBox.information(
        parent,
        QCoreApplication.translate("people", "Inbjudan sparad"),
        QCoreApplication.translate(
            "people",
            "Inbjudan är sparad:\n{0}\n\nÖppna den i Outlook eller skicka den till "
            "medarbetaren. Rubriken är bara 'Medarbetarsamtal'.",
        ).format(written),
    )
    return written


class PlanTalkDialog(QDialog):
    """Plans a talk or moves a planned one; `saved` holds the talk after Spara."""

    def __init__(
        self,
        context: AppContext,
        employee_id: int,
        employee_name: str,
        detail: TalkDetail | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.employee_id = employee_id
        self.detail = detail
        self.saved: TalkDetail | None = None
        self.invitation: Path | None = None
        self.setWindowTitle(self.tr("Planera medarbetarsamtal – {0}").format(employee_name))
        self.setMinimumWidth(460)

        self.date_edit = DateField(detail.planned_on if detail else None)
        self.time_edit = TimeField(detail.planned_time if detail else None)
        self.duration_spin = QSpinBox()
        self.duration_spin.setRange(MIN_DURATION_MINUTES, MAX_DURATION_MINUTES)
        self.duration_spin.setSingleStep(15)
        self.duration_spin.setSuffix(self.tr(" min"))
        self.duration_spin.setValue(
            detail.duration_minutes
            if detail and detail.duration_minutes
            else DEFAULT_DURATION_MINUTES
        )
        self.place_edit = QLineEdit(detail.place if detail else "")
        self.place_edit.setPlaceholderText(self.tr("t.ex. Enhetschefens kontor"))
        self.form = ProblemForm()
        self.form.add_field("planned_on", self.tr("Dag *"), self.date_edit)
        self.form.add_field("planned_time", self.tr("Tid"), self.time_edit)
        self.form.add_field("duration_minutes", self.tr("Längd"), self.duration_spin)
        self.form.add_field("place", self.tr("Plats"), self.place_edit)

        self.buttons = save_cancel_buttons()
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.book_button = QPushButton(icon("kalender"), self.tr("Spara och skapa inbjudan…"))
        self.book_button.setToolTip(
            self.tr("Sparar en kalenderfil (.ics) med neutral rubrik att skicka till medarbetaren")
        )
        self.buttons.addButton(self.book_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.delete_button: QPushButton | None = None
        if detail is not None:
            self.delete_button = QPushButton(self.tr("Stryk samtalet"))
            self.buttons.addButton(self.delete_button, QDialogButtonBox.ButtonRole.DestructiveRole)
            self.delete_button.clicked.connect(self.delete)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.book_button.clicked.connect(self.save_and_book)

        layout = QVBoxLayout(self)
        if detail is not None and detail.booked:
            layout.addWidget(
                role_label(
                    self.tr("Inbjudan är skickad. Ändras dag eller tid behövs en ny inbjudan."),
                    "help",
                )
            )
        layout.addLayout(self.form)
        layout.addWidget(role_label(self.tr("* måste fyllas i"), "help"))
        layout.addWidget(self.buttons)
        for edit in (self.date_edit, self.time_edit, self.place_edit):
            edit.textChanged.connect(self.check)
        self.check()

    def read_draft(self) -> tuple[TalkPlanDraft, dict[str, str]]:
        unreadable: dict[str, str] = {}
        try:
            day = self.date_edit.date_value()
        except ValueError:
            day = None
            unreadable["planned_on"] = self.tr("Skriv dagen som ÅÅÅÅ-MM-DD, t.ex. 2026-10-05.")
        try:
            at = self.time_edit.time_value()
        except ValueError:
            at = None
            unreadable["planned_time"] = self.tr("Skriv tiden som TT:MM, t.ex. 10:00.")
        draft = TalkPlanDraft(day, at, self.duration_spin.value(), self.place_edit.text())
        return draft, unreadable

    def problems(self, *, for_booking: bool = False) -> dict[str, str]:
        draft, unreadable = self.read_draft()
        found = validate_plan(draft, for_booking=for_booking)
        found.update(unreadable)
        return found

    def check(self) -> None:
        found = self.problems()
        show_found(self.form, self.save_button, found)
        self.book_button.setEnabled(not found)

    def _save(self, *, for_booking: bool) -> bool:
        found = self.problems(for_booking=for_booking)
        if found:
            self.form.show_problems(found)
            self.form.reveal_all()
            return False
        draft, _ = self.read_draft()
        ok, self.saved = service_saved(
            self,
            self.form,
            lambda: plan_talk(
                self.context.workspace,
                self.employee_id,
                draft,
                self.detail.id if self.detail else None,
                version=self.detail.version if self.detail else None,
            ),
        )
        return ok

    def save(self) -> None:
        if self._save(for_booking=False):
            self.accept()

    def save_and_book(self) -> None:
        if not self._save(for_booking=True):
            return
        assert self.saved is not None
        self.invitation = book_with_file_dialog(self.context, self, self.saved)
        self.accept()

    def delete(self) -> None:
        assert self.detail is not None
        answer = QMessageBox.question(
            self,
            self.tr("Stryk samtalet"),
            self.tr(
                "Stryka det planerade samtalet {0}? En skickad inbjudan tas inte bort ur kalendrar."
            ).format(self.detail.planned_on or ""),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        detail_id = self.detail.id
        ok, _ = service_saved(
            self, None, lambda: delete_planned_talk(self.context.workspace, detail_id)
        )
        if ok:
            self.saved = None
            self.accept()


class GoalRow:
    """One goal's fields in the record form's goal grid."""

    def __init__(self, dialog: RecordTalkDialog, goal: GoalView | None) -> None:
        self.goal_id = goal.id if goal else None
        self.goal_edit = QLineEdit(goal.goal if goal else "")
        self.goal_edit.setPlaceholderText(dialog.tr("Mål"))
        self.goal_edit.setAccessibleName(dialog.tr("Mål"))
        self.how_edit = QLineEdit(goal.how if goal else "")
        self.how_edit.setPlaceholderText(dialog.tr("Hur"))
        self.how_edit.setAccessibleName(dialog.tr("Hur"))
        self.due_edit = DateField(goal.due_on if goal else None)
        self.due_edit.setAccessibleName(dialog.tr("Klart senast"))
        self.followed_edit = DateField(goal.followed_up_on if goal else None)
        self.followed_edit.setAccessibleName(dialog.tr("Uppföljt"))
        self.remove_button = QPushButton(dialog.tr("Ta bort"))
        self.widgets: tuple[QWidget, ...] = (
            self.goal_edit,
            self.how_edit,
            self.due_edit,
            self.followed_edit,
            self.remove_button,
        )

    def read(self) -> tuple[GoalDraft, bool]:
        """The goal as typed, and whether a date could not be read."""
        bad = False
        dates: list[date | None] = []
        for edit in (self.due_edit, self.followed_edit):
            try:
                dates.append(edit.date_value())
            except ValueError:
                dates.append(None)
                bad = True
        draft = GoalDraft(
            self.goal_edit.text(), self.how_edit.text(), dates[0], dates[1], self.goal_id
        )
        return draft, bad


class RecordTalkDialog(QDialog):
    """The held talk: date, short notes and the goals; `saved` holds it after Spara."""

    def __init__(
        self,
        context: AppContext,
        employee_id: int,
        employee_name: str,
        detail: TalkDetail | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.employee_id = employee_id
        self.detail = detail
        self.saved: TalkDetail | None = None
        self.setWindowTitle(self.tr("Medarbetarsamtal – {0}").format(employee_name))
        self.setMinimumWidth(760)

        today = context.today()
        held = detail.held_on if detail and detail.held_on else None
        if held is None and detail and detail.planned_on and detail.planned_on <= today:
            held = detail.planned_on
        self.held_edit = DateField(held or today)
        self.notes_edit = notes_edit(
            detail.notes if detail else "",
            self.tr("Kort: vad ni kom överens om. Aldrig diagnos eller hälsouppgifter."),
        )
        self.notes_edit.setAccessibleName(self.tr("Anteckning"))
        self.privacy = PrivacyNote()
        self.followed_edit = DateField(detail.followed_up_on if detail else None)
        self.followed_edit.setToolTip(
            self.tr("Dagen målen följdes upp; sätts själv när alla mål är uppföljda")
        )
        self.form = ProblemForm()
        self.form.add_field("held_on", self.tr("Samtalet hölls *"), self.held_edit)
        self.form.add_field("notes", self.tr("Anteckning"), self.notes_edit)
        self.form.addRow("", self.privacy)
        self.form.add_field("followed_up_on", self.tr("Uppföljt"), self.followed_edit)

        self.goal_grid = QGridLayout()
        for column, header in enumerate(
            (self.tr("Mål"), self.tr("Hur"), self.tr("Klart senast"), self.tr("Uppföljt"))
        ):
            self.goal_grid.addWidget(role_label(header, "help"), 0, column)
        self.goal_grid.setColumnStretch(0, 3)
        self.goal_grid.setColumnStretch(1, 3)
        self.goal_rows: list[GoalRow] = []
        goals_box = QWidget()
        goals_layout = QVBoxLayout(goals_box)
        goals_layout.setContentsMargins(0, 0, 0, 0)
        goals_layout.addLayout(self.goal_grid)
        goals_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(goals_box)
        scroll.setMinimumHeight(150)
        self.add_goal_button = QPushButton(icon("ny"), self.tr("Lägg till mål"))
        self.add_goal_button.clicked.connect(lambda: self.add_goal(None))
        self.goal_problems = role_label("", "error")
        self.goal_problems.setVisible(False)

        self.buttons, self.save_button = wired_save_cancel(self, self.save)

        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(role_label(self.tr("Mål (IUP)"), "sectionTitle"))
        layout.addWidget(scroll, 1)
        layout.addWidget(self.goal_problems)
        layout.addWidget(self.add_goal_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(role_label(self.tr("* måste fyllas i"), "help"))
        layout.addWidget(self.buttons)

        for goal in detail.goals if detail else ():
            self.add_goal(goal)
        if not self.goal_rows:
            self.add_goal(None)
        for edit in (self.held_edit, self.followed_edit):
            edit.textChanged.connect(self.check)
        self.notes_edit.textChanged.connect(self.check)
        self.check()

    def add_goal(self, goal: GoalView | None) -> GoalRow:
        row = GoalRow(self, goal)
        line = len(self.goal_rows) + 1
        for column, widget in enumerate(row.widgets):
            self.goal_grid.addWidget(widget, line, column)
        for edit in row.widgets[:4]:
            assert isinstance(edit, QLineEdit)
            edit.textChanged.connect(self.check)
        row.remove_button.clicked.connect(lambda: self.remove_goal(row))
        self.goal_rows.append(row)
        self.check()
        return row

    def remove_goal(self, row: GoalRow) -> None:
        for widget in row.widgets:
            self.goal_grid.removeWidget(widget)
            widget.deleteLater()
        self.goal_rows.remove(row)
        self.check()

    def read_draft(self) -> tuple[TalkRecordDraft, dict[str, str]]:
        unreadable: dict[str, str] = {}
        dates: dict[str, date | None] = {}
        for key, edit in (("held_on", self.held_edit), ("followed_up_on", self.followed_edit)):
            try:
                dates[key] = edit.date_value()
            except ValueError:
                dates[key] = None
                unreadable[key] = self.tr("Skriv datumet som ÅÅÅÅ-MM-DD.")
        goals: list[GoalDraft] = []
        for number, row in enumerate(self.goal_rows, start=1):
            goal, bad = row.read()
            if bad:
                unreadable[f"goal.{number}"] = self.tr(
                    "Mål {0}: skriv datumen som ÅÅÅÅ-MM-DD."
                ).format(number)
            goals.append(goal)
        draft = TalkRecordDraft(
            held_on=dates["held_on"],
            notes=self.notes_edit.toPlainText(),
            goals=tuple(goals),
            followed_up_on=dates["followed_up_on"],
        )
        return draft, unreadable

    def problems(self) -> dict[str, str]:
        draft, unreadable = self.read_draft()
        found = validate_record(draft, self.context.today())
        found.update(unreadable)
        return found

    def all_text(self) -> str:
        draft, _ = self.read_draft()
        return "\n".join([draft.notes, *(f"{g.goal}\n{g.how}" for g in draft.goals)])

    def check(self) -> None:
        found = self.problems()
        show_found(self.form, self.save_button, found)
        goal_texts = [text for key, text in sorted(found.items()) if key.startswith("goal.")]
        self.goal_problems.setText("\n".join(goal_texts))
        self.goal_problems.setVisible(bool(goal_texts))
        self.privacy.check(self.all_text())

    def save(self) -> None:
        if self.problems():
            self.check()
            return
        draft, _ = self.read_draft()
        warnings = privacy_warnings(self.all_text())
        if warnings and not confirm_sensitive(self, warnings):
            return
        ok, self.saved = service_saved(
            self,
            self.form,
            lambda: record_talk(
                self.context.workspace,
                self.employee_id,
                draft,
                self.detail.id if self.detail else None,
                confirmed=bool(warnings),
                version=self.detail.version if self.detail else None,
                day=self.context.today(),
            ),
        )
        if ok:
            self.accept()


class SalaryTalkDialog(QDialog):
    """The year's lönesamtal: its date, and whether it was held."""

    def __init__(
        self,
        context: AppContext,
        employee_id: int,
        employee_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.employee_id = employee_id
        self.saved_id: int | None = None
        self.setWindowTitle(self.tr("Lönesamtal – {0}").format(employee_name))
        year = context.today().year
        this_year = [
            s for s in salary_talks_of(context.workspace, employee_id) if s.talk_date.year == year
        ]
        self.existing = this_year[-1] if this_year else None
        self.date_edit = DateField(self.existing.talk_date if self.existing else context.today())
        self.done_box = QCheckBox(self.tr("Genomfört"))
        self.done_box.setChecked(self.existing.done if self.existing else False)
        self.form = ProblemForm()
        self.form.add_field("talk_date", self.tr("Dag *"), self.date_edit)
        self.form.addRow("", self.done_box)
        self.buttons, self.save_button = wired_save_cancel(self, self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Lönesamtalet hålls skilt från medarbetarsamtalet."), self))
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)
        self.date_edit.textChanged.connect(self.check)
        self.check()

    def problems(self) -> dict[str, str]:
        _day, found = required_date(
            self.date_edit,
            "talk_date",
            self.tr("Skriv dagen som ÅÅÅÅ-MM-DD."),
            self.tr("Ange dag för lönesamtalet."),
        )
        return found

    def check(self) -> None:
        show_found(self.form, self.save_button, self.problems())

    def save(self) -> None:
        if self.problems():
            return
        day = self.date_edit.date_value()
        assert day is not None
        ok, self.saved_id = service_saved(
            self,
            None,
            lambda: record_salary_talk(
                self.context.workspace,
                self.employee_id,
                day,
                self.done_box.isChecked(),
                self.existing.id if self.existing else None,
            ),
        )
        if ok:
            self.accept()

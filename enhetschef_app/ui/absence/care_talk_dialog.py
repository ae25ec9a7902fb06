"""One step of an omtankessamtal (invite, held, followed up, closed, declined, not needed) and
snoozing a signal. Fields are checked as the EC types; free text shows its privacy warnings
before saving, and saving such text asks first."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialog, QLineEdit, QSpinBox, QVBoxLayout, QWidget

from enhetschef_app.domain.care_talks import (
    MAX_NOTE_CHARS,
    MAX_REASON_CHARS,
    TalkFacts,
    TalkIntervals,
    TalkState,
    TalkStep,
    step_warnings,
    validate_snooze,
    validate_step,
)
from enhetschef_app.domain.sensitive_text import privacy_warnings
from enhetschef_app.services.absence.care_talks import (
    SnoozeView,
    TalkView,
    apply_talk_step,
    snooze_signal,
)
from enhetschef_app.ui.shell.context import AppContext
from enhetschef_app.ui.shell.form_parts import (
    DateField,
    ProblemForm,
    TimeField,
    notes_edit,
    service_saved,
    show_found,
    wired_save_cancel,
)
from enhetschef_app.ui.shell.privacy import PrivacyNote, confirm_sensitive
from enhetschef_app.ui.shell.widgets import role_label

PROBLEM_WIDTH = 320


def widen_problems(form: ProblemForm) -> None:
    """A problem under a narrow field (a date, a time) gets the form's width, not the field's."""
    for label in form.problem_labels.values():
        label.setMinimumWidth(PROBLEM_WIDTH)


class TalkStepDialog(QDialog):
    """The fields of one step; Spara runs it through the service (which checks it again)."""

    def __init__(
        self,
        context: AppContext,
        employee_id: int,
        employee_name: str,
        target: TalkState,
        facts: TalkFacts,
        as_of: date,
        talk: TalkView | None = None,
        parent: QWidget | None = None,
        *,
        intervals: TalkIntervals | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.employee_id = employee_id
        self.target = target
        self.facts = facts
        self.intervals = intervals or TalkIntervals.defaults()
        self.as_of = as_of
        # The talk's version as shown: a step over someone else's newer one is refused.
        self.talk_version = talk.version if talk is not None else None
        self.saved: TalkView | None = None
        self.setWindowTitle(self._title(employee_name))
        self.setMinimumWidth(500)
        today = context.today()

        self.date_edit = DateField(self._default_date(today, talk))
        self.time_edit = TimeField(talk.invited_time if talk and talk.invited_time else None)
        self.minutes_spin = QSpinBox()
        self.minutes_spin.setRange(15, 240)
        self.minutes_spin.setSingleStep(15)
        self.minutes_spin.setSuffix(self.tr(" min"))
        self.minutes_spin.setValue(talk.duration_minutes if talk and talk.duration_minutes else 45)
        self.place_edit = QLineEdit(talk.place if talk and talk.place else "")
        self.place_edit.setPlaceholderText(self.tr("t.ex. Chefens kontor"))
        self.text_edit = notes_edit(placeholder=self._text_placeholder())
        self.follow_up_edit = DateField(
            self.intervals.follow_up_date(self.date_edit.date_value() or today)
        )
        self.privacy_note = PrivacyNote()

        self.form = ProblemForm()
        self.form.add_field("on", self._date_label(), self.date_edit)
        if target is TalkState.INVITED:
            self.form.add_field("at", self.tr("Tid *"), self.time_edit)
            self.form.add_field("minutes", self.tr("Längd"), self.minutes_spin)
            self.form.add_field("place", self.tr("Plats *"), self.place_edit)
        if target in (
            TalkState.HELD,
            TalkState.FOLLOWED_UP,
            TalkState.DECLINED,
            TalkState.NOT_NEEDED,
        ):
            self.form.add_field("text", self._text_label(), self.text_edit)
        if target is TalkState.HELD:
            self.form.add_field("follow_up", self.tr("Uppföljning *"), self.follow_up_edit)
        widen_problems(self.form)

        self.buttons, self.save_button = wired_save_cancel(self, self.save)

        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        if self.has_text:
            layout.addWidget(self.privacy_note)
            layout.addWidget(role_label(self._text_help(), "help"))
        if target is TalkState.INVITED:
            layout.addWidget(
                role_label(
                    self.tr(
                        "Inbjudan kan sparas som kalenderfil (.ics) med rubriken 'Samtal med din "
                        "chef' – utan något om frånvaro eller hälsa."
                    ),
                    "help",
                )
            )
        layout.addWidget(self.buttons)

        for edit in (self.date_edit, self.time_edit, self.place_edit, self.follow_up_edit):
            edit.textChanged.connect(self.check)
        self.minutes_spin.valueChanged.connect(self.check)
        self.text_edit.textChanged.connect(self.check)
        self.check()

    @property
    def has_text(self) -> bool:
        return self.target in (
            TalkState.HELD,
            TalkState.FOLLOWED_UP,
            TalkState.DECLINED,
            TalkState.NOT_NEEDED,
        )

    def _title(self, name: str) -> str:
        titles = {
            TalkState.INVITED: self.tr("Bjud in {0} till omtankessamtal"),
            TalkState.HELD: self.tr("Omtankessamtal med {0} genomfört"),
            TalkState.FOLLOWED_UP: self.tr("Uppföljning med {0}"),
            TalkState.CLOSED: self.tr("Avsluta omtankessamtalet med {0}"),
            TalkState.DECLINED: self.tr("{0} avböjde omtankessamtal"),
            TalkState.NOT_NEEDED: self.tr("Omtankessamtal med {0} är inte aktuellt"),
        }
        return titles.get(self.target, self.tr("Omtankessamtal med {0}")).format(name)

    def _default_date(self, today: date, talk: TalkView | None) -> date:
        if self.target is TalkState.INVITED:
            if talk is not None and talk.invited_date is not None:
                return talk.invited_date
            return self.intervals.invitation_date(today, self.facts.signal_date)
        if self.target is TalkState.HELD and talk is not None and talk.invited_date is not None:
            return min(talk.invited_date, today)
        if self.target is TalkState.FOLLOWED_UP and talk and talk.follow_up_date is not None:
            return min(talk.follow_up_date, today)
        return today

    def _date_label(self) -> str:
        labels = {
            TalkState.INVITED: self.tr("Datum för samtalet *"),
            TalkState.HELD: self.tr("Genomfört den *"),
            TalkState.FOLLOWED_UP: self.tr("Uppföljt den *"),
            TalkState.CLOSED: self.tr("Avslutat den *"),
        }
        return labels.get(self.target, self.tr("Datum *"))

    def _text_label(self) -> str:
        if self.target is TalkState.HELD:
            return self.tr("Överenskommet stöd *")
        if self.target is TalkState.FOLLOWED_UP:
            return self.tr("Anteckning")
        return self.tr("Skäl *")

    def _text_placeholder(self) -> str:
        if self.target is TalkState.HELD:
            return self.tr("t.ex. Kortare pass i två veckor, avstämning varje fredag")
        if self.target is TalkState.FOLLOWED_UP:
            return self.tr("t.ex. Stödet har fungerat")
        return self.tr("Kort skäl")

    def _text_help(self) -> str:
        limit = (
            MAX_NOTE_CHARS
            if self.target in (TalkState.HELD, TalkState.FOLLOWED_UP)
            else (MAX_REASON_CHARS)
        )
        return self.tr(
            "Skriv kort, bara det ni kom överens om (högst {0} tecken). Aldrig diagnos, "
            "sjukdomsdetaljer eller personnummer."
        ).format(limit)

    def read_step(self) -> tuple[TalkStep, dict[str, str]]:
        unreadable: dict[str, str] = {}
        date_text = self.tr("Skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2026-11-22.")
        try:
            on = self.date_edit.date_value()
        except ValueError:
            on, unreadable["on"] = None, date_text
        try:
            at = self.time_edit.time_value()
        except ValueError:
            at, unreadable["at"] = None, self.tr("Skriv tiden som TT:MM, t.ex. 09:30.")
        try:
            follow_up = self.follow_up_edit.date_value()
        except ValueError:
            follow_up, unreadable["follow_up"] = None, date_text
        step = TalkStep(
            target=self.target,
            on=on,
            at=at,
            place=self.place_edit.text(),
            minutes=self.minutes_spin.value(),
            text=self.text_edit.toPlainText() if self.has_text else "",
            follow_up=follow_up,
        )
        return step, unreadable

    def problems(self) -> dict[str, str]:
        step, unreadable = self.read_step()
        found = validate_step(self.facts, step, self.context.today())
        found.update(unreadable)
        return found

    def check(self) -> None:
        show_found(self.form, self.save_button, self.problems())
        step, _ = self.read_step()
        self.privacy_note.check(f"{step.place}\n{step.text}")

    def save(self) -> None:
        step, unreadable = self.read_step()
        if unreadable or validate_step(self.facts, step, self.context.today()):
            self.check()
            return
        warnings = step_warnings(step)
        if warnings and not confirm_sensitive(self, warnings):
            return
        ok, self.saved = service_saved(
            self,
            self.form,
            lambda: apply_talk_step(
                self.context.workspace,
                self.employee_id,
                step,
                as_of=self.as_of,
                today=self.context.today(),
                accept_warnings=True,
                version=self.talk_version,
            ),
        )
        if ok:
            self.accept()


class SnoozeDialog(QDialog):
    """Wait with a signal until a date, for a reason (kept in the audit log)."""

    def __init__(
        self,
        context: AppContext,
        employee_id: int,
        employee_name: str,
        as_of: date,
        parent: QWidget | None = None,
        *,
        intervals: TalkIntervals | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.employee_id = employee_id
        self.as_of = as_of
        self.saved: SnoozeView | None = None
        self.setWindowTitle(self.tr("Vänta med signalen för {0}").format(employee_name))
        self.setMinimumWidth(460)
        self.until_edit = DateField((intervals or TalkIntervals.defaults()).snooze_until(as_of))
        self.reason_edit = notes_edit(placeholder=self.tr("t.ex. Samtal bokas efter semestern"))
        self.privacy_note = PrivacyNote()
        self.form = ProblemForm()
        self.form.add_field("until", self.tr("Vila till *"), self.until_edit)
        self.form.add_field("reason", self.tr("Skäl *"), self.reason_edit)
        widen_problems(self.form)
        self.buttons, self.save_button = wired_save_cancel(self, self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.privacy_note)
        layout.addWidget(
            role_label(
                self.tr(
                    "Signalen visas inte som aktuell förrän den dagen. Skälet och datumet sparas "
                    "i loggen."
                ),
                "help",
            )
        )
        layout.addWidget(self.buttons)
        self.until_edit.textChanged.connect(self.check)
        self.reason_edit.textChanged.connect(self.check)
        self.check()

    def read(self) -> tuple[date | None, str, dict[str, str]]:
        try:
            until = self.until_edit.date_value()
        except ValueError:
            return (
                None,
                self.reason_edit.toPlainText(),
                {"until": self.tr("Skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2026-12-08.")},
            )
        return until, self.reason_edit.toPlainText(), {}

    def problems(self) -> dict[str, str]:
        until, reason, unreadable = self.read()
        found = validate_snooze(until, reason, self.as_of)
        found.update(unreadable)
        return found

    def check(self) -> None:
        show_found(self.form, self.save_button, self.problems())
        self.privacy_note.check(self.reason_edit.toPlainText())

    def save(self) -> None:
        until, reason, unreadable = self.read()
        if unreadable or until is None or validate_snooze(until, reason, self.as_of):
            self.check()
            return
        warnings = privacy_warnings(reason)
        if warnings and not confirm_sensitive(self, warnings):
            return
        ok, self.saved = service_saved(
            self,
            self.form,
            lambda: snooze_signal(
                self.context.workspace,
                self.employee_id,
                until,
                reason,
                as_of=self.as_of,
                accept_warnings=True,
            ),
        )
        if ok:
            self.accept()

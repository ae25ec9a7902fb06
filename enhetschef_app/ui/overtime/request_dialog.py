"""A new overtime request by hand: who, when, why, and which empty row or absence it covers.
The split by kind, the cost and the running totals show as the EC types; the request then
waits for her decision on the Övertid page."""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from enhetschef_app.domain.errors import FieldProblems, SensitiveText, UserError
from enhetschef_app.domain.overtime import ExtraKind
from enhetschef_app.domain.overtime_requests import Compensation
from enhetschef_app.services.overtime.form import RequestChoices, draft_preview, request_choices
from enhetschef_app.services.overtime.requests import (
    RequestDraft,
    request_overtime,
)
from enhetschef_app.services.overtime.views import RequestView
from enhetschef_app.ui.overtime.requests_model import hours_of, kronor_text
from enhetschef_app.ui.shell.context import AppContext
from enhetschef_app.ui.shell.errors import message_for
from enhetschef_app.ui.shell.form_parts import (
    DateField,
    ProblemForm,
    TimeField,
    notes_edit,
    save_cancel_buttons,
)
from enhetschef_app.ui.shell.privacy import PrivacyNote, confirm_sensitive
from enhetschef_app.ui.shell.widgets import role_label

PREVIEW_DELAY_MS = 300


class RequestDialog(QDialog):
    def __init__(
        self,
        context: AppContext,
        day: date,
        parent: QWidget | None = None,
        employee_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.saved: RequestView | None = None
        self.choices: RequestChoices | None = None
        self.setWindowTitle(self.tr("Ny övertidsbegäran"))
        self.resize(640, 560)

        self.person_combo = QComboBox()
        self.person_combo.setAccessibleName(self.tr("Medarbetare"))
        self.date_field = DateField(day)
        self.start_field = TimeField()
        self.end_field = TimeField()
        times = QHBoxLayout()
        times.addWidget(self.start_field)
        times.addWidget(QLabel(self.tr("till")))
        times.addWidget(self.end_field)
        times.addWidget(role_label(self.tr("(slut före start: nästa dag)"), "help"))
        times.addStretch(1)
        times_widget = QWidget()
        times_widget.setLayout(times)
        times.setContentsMargins(0, 0, 0, 0)
        self.rast_start = TimeField()
        self.rast_end = TimeField()
        self.rast_start.setAccessibleName(self.tr("Rast från"))
        self.rast_end.setAccessibleName(self.tr("Rast till"))
        rast = QHBoxLayout()
        rast.setContentsMargins(0, 0, 0, 0)
        rast.addWidget(self.rast_start)
        rast.addWidget(QLabel(self.tr("till")))
        rast.addWidget(self.rast_end)
        rast.addWidget(role_label(self.tr("(om rast ingår)"), "help"))
        rast.addStretch(1)
        rast_widget = QWidget()
        rast_widget.setLayout(rast)
        self.cover_combo = QComboBox()
        self.cover_combo.setAccessibleName(self.tr("Täcker"))
        self.money_radio = QRadioButton(self.tr("Pengar"))
        self.comp_radio = QRadioButton(self.tr("Kompledigt"))
        self.money_radio.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.money_radio)
        group.addButton(self.comp_radio)
        compensation = QHBoxLayout()
        compensation.setContentsMargins(0, 0, 0, 0)
        compensation.addWidget(self.money_radio)
        compensation.addWidget(self.comp_radio)
        compensation.addStretch(1)
        compensation_widget = QWidget()
        compensation_widget.setLayout(compensation)
        self.reason_edit = notes_edit(
            placeholder=self.tr("Vem eller vilken tom rad övertiden täcker, och varför")
        )
        self.reason_edit.setAccessibleName(self.tr("Skäl"))
        self.privacy = PrivacyNote()

        self.form = ProblemForm()
        self.form.add_field("employee", self.tr("Medarbetare *"), self.person_combo)
        self.form.add_field("date", self.tr("Datum *"), self.date_field)
        self.form.add_field("start", self.tr("Tid *"), times_widget)
        self.form.add_field("rast", self.tr("Rast"), rast_widget)
        self.form.add_field("row", self.tr("Täcker"), self.cover_combo)
        self.form.add_field("compensation", self.tr("Ersättning"), compensation_widget)
        self.form.add_field("reason", self.tr("Skäl *"), self.reason_edit)

        self.preview = role_label("", "help")
        self.preview.setWordWrap(True)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.problem = role_label("", "error")
        self.problem.setVisible(False)
        self.buttons = save_cancel_buttons()
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.privacy)
        layout.addWidget(role_label(self.tr("Så blir den om den godkänns"), "sectionTitle"))
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(PREVIEW_DELAY_MS)
        self.timer.timeout.connect(self.update_preview)
        for field in (self.start_field, self.end_field, self.rast_start, self.rast_end):
            field.textChanged.connect(self.timer.start)
        self.date_field.textChanged.connect(self._date_changed)
        self.person_combo.currentIndexChanged.connect(self.timer.start)
        self.comp_radio.toggled.connect(self.timer.start)
        self.reason_edit.textChanged.connect(
            lambda: self.privacy.check(self.reason_edit.toPlainText())
        )
        # Spara only once the request can be saved; the form says why not, field by field,
        # once the user has left a field.
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        for edit in (self.date_field, self.start_field, self.end_field):
            edit.textChanged.connect(self._check)
        for edit in (self.rast_start, self.rast_end):
            edit.textChanged.connect(self._check)
        self.person_combo.currentIndexChanged.connect(self._check)
        self.reason_edit.textChanged.connect(self._check)
        self._load_choices(day, employee_id)
        self._check()

    # Choices ------------------------------------------------------------------------------

    def _load_choices(self, day: date, employee_id: int | None = None) -> None:
        keep = employee_id if employee_id is not None else self.person_combo.currentData()
        try:
            self.choices = request_choices(self.context.workspace, day)
        except UserError as exc:
            self.problem.setText(exc.message)
            self.problem.setVisible(True)
            return
        self.person_combo.blockSignals(True)
        self.person_combo.clear()
        self.person_combo.addItem(self.tr("Välj medarbetare …"), None)
        for person in self.choices.people:
            self.person_combo.addItem(f"{person.name} ({person.employee_no})", person.employee_id)
        index = self.person_combo.findData(keep) if keep is not None else 0
        self.person_combo.setCurrentIndex(max(index, 0))
        self.person_combo.blockSignals(False)
        self.cover_combo.clear()
        self.cover_combo.addItem(self.tr("Ingen särskild rad eller frånvaro"), None)
        for cover in self.choices.covers:
            label = self.tr("Rad: {0}") if cover.kind == "row" else self.tr("Frånvaro: {0}")
            self.cover_combo.addItem(label.format(cover.text), (cover.kind, cover.ident))
        self.timer.start()

    def _date_changed(self) -> None:
        try:
            day = self.date_field.date_value()
        except ValueError:
            return
        if day is not None:
            self._load_choices(day)

    # Reading the form ---------------------------------------------------------------------

    def _employee_no(self) -> str | None:
        employee_id = self.person_combo.currentData()
        if self.choices is None or employee_id is None:
            return None
        found = next((p for p in self.choices.people if p.employee_id == employee_id), None)
        return found.employee_no if found else None

    def draft(self) -> tuple[RequestDraft | None, dict[str, str]]:
        problems: dict[str, str] = {}
        number = self._employee_no()
        if number is None:
            problems["employee"] = self.tr("Välj vem som ska arbeta.")
        day: date | None = None
        try:
            day = self.date_field.date_value()
        except ValueError:
            problems["date"] = self.tr("Skriv datumet som ÅÅÅÅ-MM-DD.")
        if day is None and "date" not in problems:
            problems["date"] = self.tr("Ange datum.")
        start = end = None
        try:
            start, end = self.start_field.time_value(), self.end_field.time_value()
        except ValueError:
            problems["start"] = self.tr("Skriv tiderna som TT:MM, t.ex. 15:30.")
        if (start is None or end is None) and "start" not in problems:
            problems["start"] = self.tr("Ange start och slut.")
        rast: tuple[time, time] | None = None
        try:
            rast_start, rast_end = self.rast_start.time_value(), self.rast_end.time_value()
            if (rast_start is None) != (rast_end is None):
                problems["rast"] = self.tr("Ange både när rasten börjar och slutar, eller ingen.")
            elif rast_start is not None and rast_end is not None:
                rast = (rast_start, rast_end)
        except ValueError:
            problems["rast"] = self.tr("Skriv rastens tider som TT:MM.")
        if problems or number is None or day is None or start is None or end is None:
            return None, problems
        chosen = self.cover_combo.currentData()
        return (
            RequestDraft(
                employee_no=number,
                work_date=day,
                start=start,
                end=end,
                reason=self.reason_edit.toPlainText(),
                rast=rast,
                compensation=Compensation.COMP
                if self.comp_radio.isChecked()
                else Compensation.MONEY,
                row_id=chosen[1] if chosen and chosen[0] == "row" else None,
                absence_id=chosen[1] if chosen and chosen[0] == "absence" else None,
            ),
            problems,
        )

    def update_preview(self) -> None:
        draft, problems = self.draft()
        if draft is None:
            # Say what is still missing: the split needs the person's schedule and the times.
            missing = [problems[key] for key in ("employee", "date", "start") if key in problems]
            self.preview.setText(
                " ".join(missing)
                + " "
                + self.tr("Då syns fördelningen på mertid, enkel och kvalificerad övertid.")
            )
            return
        try:
            evaluation = draft_preview(self.context.workspace, draft)
        except UserError as exc:
            self.preview.setText(exc.message)
            return
        if evaluation is None:
            self.preview.setText(self.tr("Start och slut kan inte vara samma tid."))
            return
        lines = [
            evaluation.classification.describe(),
            self.tr("Enkel {simple} h, kvalificerad {qualified} h, mertid {mertid} h.").format(
                simple=hours_of(evaluation.minutes(ExtraKind.SIMPLE)),
                qualified=hours_of(evaluation.minutes(ExtraKind.QUALIFIED)),
                mertid=hours_of(evaluation.minutes(ExtraKind.MERTID)),
            ),
            self.tr("Kostnad {0}.").format(kronor_text(evaluation.cost)),
            *(check.describe() for check in evaluation.checks),
        ]
        self.preview.setText("\n".join(lines))

    # Saving -------------------------------------------------------------------------------

    def show_problems(self, problems: dict[str, str]) -> None:
        """The service names the end and the absence; the form shows them with the times and
        with what the request covers."""
        shown: dict[str, str] = {}
        for key, text in problems.items():
            field = {"end": "start", "absence": "row"}.get(key, key)
            shown[field] = f"{shown[field]} {text}" if field in shown else text
        self.form.show_problems(shown)

    def _all_problems(self) -> tuple[RequestDraft | None, dict[str, str]]:
        draft, problems = self.draft()
        if not self.reason_edit.toPlainText().strip():
            problems["reason"] = self.tr("Ange skäl: vem eller vilken tom rad övertiden täcker.")
        return draft, problems

    def _check(self) -> None:
        draft, problems = self._all_problems()
        self.show_problems(problems)
        self.save_button.setEnabled(draft is not None and not problems)

    def save(self) -> None:
        draft, problems = self._all_problems()
        self.form.reveal_all()
        self.show_problems(problems)
        if draft is None or problems:
            return
        confirmed = False
        while True:
            try:
                self.saved = request_overtime(
                    self.context.workspace, draft, reason_confirmed=confirmed
                )
            except SensitiveText as exc:
                if not confirm_sensitive(self, exc.warnings):
                    return
                confirmed = True
                continue
            except FieldProblems as exc:
                self.form.reveal_all()
                self.show_problems(exc.problems)
                return
            except UserError as exc:
                self.problem.setText(message_for(exc))
                self.problem.setVisible(True)
                return
            break
        self.accept()

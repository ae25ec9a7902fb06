"""Register or change one avvikelse: checked as the user types, each problem beside its field,
privacy warnings beside the free text."""

from __future__ import annotations

import re
from datetime import date, time

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from enhetschef_app.domain.errors import FieldProblems, UserError
from enhetschef_app.domain.incident_report import IncidentDraft, validate_incident
from enhetschef_app.domain.incidents import CATEGORIES, Track
from enhetschef_app.services.incidents.views import IncidentSummary
from enhetschef_app.services.incidents.workflow import (
    register_incident,
    update_incident,
)
from enhetschef_app.ui.shell import privacy
from enhetschef_app.ui.shell.context import AppContext
from enhetschef_app.ui.shell.errors import show_error
from enhetschef_app.ui.shell.form_parts import LeftFields
from enhetschef_app.ui.shell.formatting import clock, parse_iso_date
from enhetschef_app.ui.shell.widgets import role_label

FIELDS = (
    "occurred_on",
    "occurred_at",
    "reported_on",
    "reporter",
    "category",
    "track",
    "description",
    "immediate_action",
)
TEXT_HEIGHT = 76


def parse_clock(text: str) -> time | None:
    """Reads '14:30', '14.30', '1430' or '14'; None for an empty field; ValueError otherwise."""
    cleaned = text.strip()
    if not cleaned:
        return None
    match = re.fullmatch(r"(\d{1,2})(?:[:.]?(\d{2}))?", cleaned)
    if match is None:
        raise ValueError(text)
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    if hour > 23 or minute > 59:
        raise ValueError(text)
    return time(hour, minute)


def text_box(placeholder: str) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)
    box.setFixedHeight(TEXT_HEIGHT)
    return box


class IncidentDialog(QDialog):
    """A new report (no `incident`) or an existing one; `saved` holds the result after Spara."""

    def __init__(
        self,
        context: AppContext,
        incident: IncidentSummary | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.incident = incident
        self.saved: IncidentSummary | None = None
        self.setWindowTitle(
            self.tr("Ny avvikelse")
            if incident is None
            else self.tr("Avvikelse {0}").format(incident.number)
        )
        self.setMinimumWidth(560)

        self.occurred_on_edit = QLineEdit()
        self.occurred_at_edit = QLineEdit()
        self.occurred_at_edit.setPlaceholderText(self.tr("TT:MM, t.ex. 14:30"))
        self.occurred_at_edit.setMaximumWidth(140)
        self.reported_on_edit = QLineEdit()
        for edit in (self.occurred_on_edit, self.reported_on_edit):
            edit.setPlaceholderText(self.tr("ÅÅÅÅ-MM-DD"))
            edit.setMaximumWidth(140)
        self.reporter_edit = QLineEdit()
        self.reporter_edit.setPlaceholderText(self.tr("Namn eller yrkesroll"))
        self.category_combo = QComboBox()
        self.category_combo.addItem(self.tr("(välj kategori)"))
        self._categories: list[str | None] = [None]
        for code, category in CATEGORIES:
            self.category_combo.addItem(category)
            self._categories.append(code)
        self.track_combo = QComboBox()
        # No track is preselected: it decides the steps and deadlines, so it is chosen.
        self.track_combo.addItem(self.tr("(välj spår)"))
        self._tracks: list[Track | None] = [None]
        for track in Track:
            self.track_combo.addItem(track.label)
            self._tracks.append(track)
        self.track_combo.setToolTip(
            self.tr(
                "Lex Sarah: missförhållanden i omsorgen (SoL/LSS). Lex Maria: vårdskador (HSL), "
                "går via MAS. Arbetsmiljö: tillbud, olycka eller arbetsskada för personal. "
                "Övrigt: intern förbättring."
            )
        )
        self.description_edit = text_box(
            self.tr("Vad hände? Skriv inte namn eller personnummer på brukare.")
        )
        self.immediate_edit = text_box(self.tr("Vad gjordes direkt?"))
        self.privacy_label = privacy.PrivacyNote()

        when = QHBoxLayout()
        when.addWidget(self.occurred_on_edit)
        when.addWidget(QLabel(self.tr("kl.")))
        when.addWidget(self.occurred_at_edit)
        when.addStretch(1)
        when_widget = QWidget()
        when_widget.setLayout(when)
        when.setContentsMargins(0, 0, 0, 0)

        self.inputs: dict[str, QWidget] = {
            "occurred_on": self.occurred_on_edit,
            "occurred_at": self.occurred_at_edit,
            "reported_on": self.reported_on_edit,
            "reporter": self.reporter_edit,
            "category": self.category_combo,
            "track": self.track_combo,
            "description": self.description_edit,
            "immediate_action": self.immediate_edit,
        }
        self.occurred_at_edit.setAccessibleName(self.tr("Klockslag"))
        rows = (
            (self.tr("Händelsen inträffade *"), when_widget, ("occurred_on", "occurred_at")),
            (self.tr("Rapporterad *"), self.reported_on_edit, ("reported_on",)),
            (self.tr("Rapportör *"), self.reporter_edit, ("reporter",)),
            (self.tr("Kategori *"), self.category_combo, ("category",)),
            (self.tr("Spår *"), self.track_combo, ("track",)),
            (self.tr("Beskrivning *"), self.description_edit, ("description",)),
            (self.tr("Åtgärd direkt"), self.immediate_edit, ("immediate_action",)),
        )
        self.problem_labels: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for text, widget, fields in rows:
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(widget)
            for field in fields:
                problem = role_label("", "error")
                problem.setVisible(False)
                self.problem_labels[field] = problem
                column.addWidget(problem)
            label = QLabel(text)
            label.setBuddy(self.inputs[fields[0]])
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
        if incident is not None:
            layout.addWidget(
                role_label(self.tr("Numret {0} ändras inte.").format(incident.number), "help")
            )
        layout.addLayout(form)
        layout.addWidget(self.privacy_label)
        layout.addWidget(
            role_label(
                self.tr("* måste fyllas i. Lex Sarah kräver en åtgärd direkt innan utredningen."),
                "help",
            )
        )
        layout.addWidget(self.buttons)

        self._fill(incident)
        for edit in (
            self.occurred_on_edit,
            self.occurred_at_edit,
            self.reported_on_edit,
            self.reporter_edit,
        ):
            edit.textChanged.connect(self.check)
        for box in (self.description_edit, self.immediate_edit):
            box.textChanged.connect(self.check)
        for combo in (self.category_combo, self.track_combo):
            combo.currentIndexChanged.connect(self.check)
        self.check()

    def _fill(self, incident: IncidentSummary | None) -> None:
        if incident is None:
            today = self.context.today().isoformat()
            self.occurred_on_edit.setText(today)
            self.reported_on_edit.setText(today)
            return
        self.occurred_on_edit.setText(incident.occurred_on.isoformat())
        self.occurred_at_edit.setText(clock(incident.occurred_at))
        self.reported_on_edit.setText(incident.reported_on.isoformat())
        self.reporter_edit.setText(incident.reporter)
        if incident.category in self._categories:
            self.category_combo.setCurrentIndex(self._categories.index(incident.category))
        self.track_combo.setCurrentIndex(self._tracks.index(incident.track))
        self.description_edit.setPlainText(incident.description)
        self.immediate_edit.setPlainText(incident.immediate_action)

    def read_draft(self) -> tuple[IncidentDraft, dict[str, str]]:
        unreadable: dict[str, str] = {}
        dates: dict[str, date | None] = {}
        for field, edit in (
            ("occurred_on", self.occurred_on_edit),
            ("reported_on", self.reported_on_edit),
        ):
            try:
                dates[field] = parse_iso_date(edit.text())
            except ValueError:
                dates[field] = None
                unreadable[field] = self.tr("Skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2026-11-22.")
        try:
            at = parse_clock(self.occurred_at_edit.text())
        except ValueError:
            at = None
            unreadable["occurred_at"] = self.tr("Skriv klockslaget som TT:MM, t.ex. 14:30.")
        draft = IncidentDraft(
            occurred_on=dates["occurred_on"],
            occurred_at=at,
            reported_on=dates["reported_on"],
            reporter=self.reporter_edit.text(),
            category=self._categories[self.category_combo.currentIndex()] or "",
            track=self._tracks[self.track_combo.currentIndex()],
            description=self.description_edit.toPlainText(),
            immediate_action=self.immediate_edit.toPlainText(),
        )
        return draft, unreadable

    def free_texts(self) -> list[str]:
        return [
            self.reporter_edit.text(),
            self.description_edit.toPlainText(),
            self.immediate_edit.toPlainText(),
        ]

    def problems(self) -> dict[str, str]:
        draft, unreadable = self.read_draft()
        found = validate_incident(draft, self.context.today())
        found.update(unreadable)
        return found

    def check(self) -> None:
        found = self.problems()
        self.show_problems(found)
        self.privacy_label.check_all(self.free_texts())
        self.save_button.setEnabled(not found)

    def show_problems(self, problems: dict[str, str]) -> None:
        if not hasattr(self, "left_fields"):
            # A new report opens without red text: a field's problem shows once it is left.
            self.left_fields = LeftFields(self.check, self)
            for key, widget in self.inputs.items():
                self.left_fields.watch(key, widget)
            self.left_fields.all = self.incident is not None
        shown = self.left_fields.shown(problems)
        for field, label in self.problem_labels.items():
            text = shown.get(field, "")
            label.setText(text)
            label.setVisible(bool(text))
            self.inputs[field].setAccessibleDescription(text)

    def confirm_privacy(self) -> bool:
        """Asks before saving a text that looks like it holds an identity number."""
        texts = self.free_texts()
        if not privacy.holds_identity_number(texts):
            return True
        return privacy.confirm_save(self, privacy.warnings_for(texts))

    def save(self) -> None:
        draft, unreadable = self.read_draft()
        if unreadable or validate_incident(draft, self.context.today()):
            self.check()
            return
        if not self.confirm_privacy():
            self.description_edit.setFocus()
            return
        workspace = self.context.workspace
        today = self.context.today()
        try:
            if self.incident is None:
                self.saved = register_incident(workspace, draft, today)
            else:
                self.saved = update_incident(
                    workspace, self.incident.id, draft, today, version=self.incident.version
                )
        except FieldProblems as exc:
            self.left_fields.all = True
            self.show_problems(exc.problems)
            self.save_button.setEnabled(False)
            return
        except UserError as exc:
            show_error(self, exc)
            return
        self.accept()

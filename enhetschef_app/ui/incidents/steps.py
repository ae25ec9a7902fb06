"""The steps and dates of an avvikelse's track, edited in its detail view: the investigation for
every track; the decision on allvarligt and the IVO date for Lex Sarah; the date handed to the
MAS for Lex Maria; tillbud, olycka or arbetsskada and the report dates for arbetsmiljö. A late
step says so next to its field, in words."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from enhetschef_app.domain.errors import FieldProblems, UserError
from enhetschef_app.domain.incident_report import (
    STEP_FIELDS,
    IncidentSteps,
    Seriousness,
    validate_steps,
)
from enhetschef_app.domain.incidents import WorkEnvironmentKind
from enhetschef_app.services.incidents.views import IncidentSummary
from enhetschef_app.services.incidents.workflow import record_steps
from enhetschef_app.ui.incidents.incident_dialog import text_box
from enhetschef_app.ui.shell import privacy
from enhetschef_app.ui.shell.context import AppContext
from enhetschef_app.ui.shell.errors import show_error
from enhetschef_app.ui.shell.formatting import iso_date, parse_iso_date
from enhetschef_app.ui.shell.widgets import role_label

DATE_FIELDS = (
    "investigation_done_on",
    "serious_decided_on",
    "reported_to_ivo_on",
    "handed_to_mas_on",
    "reported_to_av_on",
    "reported_to_fk_on",
)


class StepsForm(QWidget):
    saved = Signal(object)  # the IncidentSummary after a save

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.summary: IncidentSummary | None = None
        self._note = ""

        self.dates: dict[str, QLineEdit] = {}
        for name in DATE_FIELDS:
            edit = QLineEdit()
            edit.setPlaceholderText(self.tr("ÅÅÅÅ-MM-DD"))
            edit.setMaximumWidth(130)
            self.dates[name] = edit
        self.note_edit = text_box(self.tr("Vad visade utredningen? (ingen fritext i exporter)"))
        self.serious_combo = QComboBox()
        self._seriousness = list(Seriousness)
        for choice in self._seriousness:
            self.serious_combo.addItem(choice.label)
        self.kind_combo = QComboBox()
        self.kind_combo.addItem(self.tr("(inte angiven)"))
        self._kinds: list[WorkEnvironmentKind | None] = [None, *WorkEnvironmentKind]
        for kind in WorkEnvironmentKind:
            self.kind_combo.addItem(kind.label)

        self.inputs: dict[str, QWidget] = {
            **self.dates,
            "investigation_note": self.note_edit,
            "serious": self.serious_combo,
            "work_environment_kind": self.kind_combo,
        }
        labels = {
            "investigation_done_on": self.tr("Utredning dokumenterad"),
            "investigation_note": self.tr("Utredningens slutsats"),
            "serious": self.tr("Allvarligt missförhållande?"),
            "serious_decided_on": self.tr("Beslutat"),
            "reported_to_ivo_on": self.tr("Anmäld till IVO"),
            "handed_to_mas_on": self.tr("Överlämnad till MAS"),
            "work_environment_kind": self.tr("Typ av händelse"),
            "reported_to_av_on": self.tr("Anmäld till Arbetsmiljöverket"),
            "reported_to_fk_on": self.tr("Anmäld till Försäkringskassan"),
        }
        self.problem_labels: dict[str, QLabel] = {}
        self.rows: dict[str, QWidget] = {}
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name in STEP_FIELDS:
            problem = role_label("", "error")
            problem.setVisible(False)
            self.problem_labels[name] = problem
            column = QVBoxLayout()
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(self.inputs[name])
            column.addWidget(problem)
            holder = QWidget()
            holder.setLayout(column)
            self.rows[name] = holder
            label = QLabel(labels[name])
            label.setBuddy(self.inputs[name])
            self.form.addRow(label, holder)

        self.hint = role_label("", "help")
        self.hint.setWordWrap(True)
        self.privacy_label = privacy.PrivacyNote()
        self.save_button = QPushButton(self.tr("Spara stegen"))
        self.save_button.setToolTip(
            self.tr("Sparar datum och beslut; varje ändring syns i tidslinjen")
        )
        self.save_button.clicked.connect(self.save)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addLayout(self.form)
        layout.addWidget(self.privacy_label)
        layout.addLayout(buttons)
        layout.addStretch(1)

        for edit in self.dates.values():
            edit.textChanged.connect(self.check)
        self.note_edit.textChanged.connect(self.check)
        self.serious_combo.currentIndexChanged.connect(self.check)
        self.kind_combo.currentIndexChanged.connect(self.check)

    def set_incident(self, summary: IncidentSummary | None, note: str = "") -> None:
        self.summary = summary
        self._note = note
        self.setEnabled(summary is not None)
        if summary is None:
            return
        steps = summary.steps
        for name, edit in self.dates.items():
            edit.setText(iso_date(getattr(steps, name)))
        self.note_edit.setPlainText(note)
        self.serious_combo.setCurrentIndex(self._seriousness.index(Seriousness.of(steps.serious)))
        self.kind_combo.setCurrentIndex(self._kinds.index(steps.work_environment_kind))
        own = set(summary.track_steps)
        for name, holder in self.rows.items():
            self.form.setRowVisible(holder, name in own)
        self.hint.setText(self._track_hint(summary))
        self.check()

    def _track_hint(self, summary: IncidentSummary) -> str:
        hints = {
            "lex_sarah": self.tr(
                "Lex Sarah: missförhållandet avhjälps genast (åtgärd direkt), utredningen "
                "dokumenteras och du beslutar om det är allvarligt. Ett allvarligt "
                "missförhållande anmäls till IVO utan dröjsmål."
            ),
            "lex_maria": self.tr(
                "Lex Maria: händelsen lämnas till MAS, som bedömer och anmäler till IVO."
            ),
            "arbetsmiljo": self.tr(
                "Arbetsmiljö: ange tillbud, olycka eller arbetsskada. En olycka anmäls till "
                "Arbetsmiljöverket och en arbetsskada till Försäkringskassan."
            ),
            "ovrigt": self.tr("Övrigt: intern förbättring; dokumentera gärna utredningen."),
        }
        return hints[summary.track.value]

    def read_steps(self) -> tuple[IncidentSteps, dict[str, str]]:
        unreadable: dict[str, str] = {}
        values: dict[str, date | None] = {}
        for name, edit in self.dates.items():
            try:
                values[name] = parse_iso_date(edit.text())
            except ValueError:
                values[name] = None
                unreadable[name] = self.tr("Skriv datumet som ÅÅÅÅ-MM-DD eller lämna tomt.")
        steps = IncidentSteps(
            investigation_done_on=values["investigation_done_on"],
            investigation_note=self.note_edit.toPlainText().strip(),
            serious=self._seriousness[self.serious_combo.currentIndex()].as_bool,
            serious_decided_on=values["serious_decided_on"],
            reported_to_ivo_on=values["reported_to_ivo_on"],
            handed_to_mas_on=values["handed_to_mas_on"],
            work_environment_kind=self._kinds[self.kind_combo.currentIndex()],
            reported_to_av_on=values["reported_to_av_on"],
            reported_to_fk_on=values["reported_to_fk_on"],
        )
        return steps, unreadable

    def problems(self) -> dict[str, str]:
        if self.summary is None:
            return {}
        steps, unreadable = self.read_steps()
        found = validate_steps(
            steps, self.summary.occurred_on, self.context.today(), self.summary.track
        )
        found.update(unreadable)
        return found

    def changed(self) -> bool:
        if self.summary is None:
            return False
        steps, _ = self.read_steps()
        current = self.summary.steps
        own = self.summary.track_steps
        return (
            any(getattr(steps, n) != getattr(current, n) for n in own if n != "investigation_note")
            or steps.investigation_note != self._note.strip()
        )

    def check(self) -> None:
        found = self.problems()
        late = {w.step: w for w in self.summary.deadlines} if self.summary else {}
        for name, label in self.problem_labels.items():
            text = found.get(name, "")
            if not text and name in late:
                warning = late[name]
                text = self.tr("Sen: skulle ha gjorts senast {due} ({days} dagar sedan).").format(
                    due=warning.due.isoformat(), days=warning.days_over
                )
            label.setText(text)
            label.setVisible(bool(text))
            self.inputs[name].setAccessibleDescription(text)
        self.privacy_label.check_all([self.note_edit.toPlainText()])
        self.save_button.setEnabled(self.summary is not None and not found and self.changed())

    def save(self) -> None:
        if self.summary is None or self.problems() or not self.changed():
            self.check()
            return
        steps, _ = self.read_steps()
        note = [steps.investigation_note]
        if privacy.holds_identity_number(note) and not privacy.confirm_save(
            self, privacy.warnings_for(note)
        ):
            return
        try:
            summary = record_steps(
                self.context.workspace,
                self.summary.id,
                steps,
                self.context.today(),
                version=self.summary.version,
            )
        except FieldProblems as exc:
            for name, text in exc.problems.items():
                if name in self.problem_labels:
                    self.problem_labels[name].setText(text)
                    self.problem_labels[name].setVisible(True)
            return
        except UserError as exc:
            show_error(self, exc)
            return
        self.saved.emit(summary)

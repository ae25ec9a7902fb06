"""One avvikelse in full, beside the list: what happened, the state and the next step (a refused
step is named in words), the track's steps, the actions, the timeline, and the staffing when it
happened."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from enhetschef_app.domain.errors import RuleViolation, UserError
from enhetschef_app.domain.incident_staffing import EventStaffing
from enhetschef_app.domain.incidents import IncidentState, WorkEnvironmentKind
from enhetschef_app.services.incidents.views import IncidentDetail, incident_detail
from enhetschef_app.services.incidents.workflow import (
    change_state,
    delete_incident,
)
from enhetschef_app.ui.incidents.actions_tab import ActionsTab
from enhetschef_app.ui.incidents.detail_model import (
    EventBandModel,
    EventRowsModel,
    TimelineModel,
)
from enhetschef_app.ui.incidents.incident_dialog import IncidentDialog
from enhetschef_app.ui.incidents.steps import StepsForm
from enhetschef_app.ui.shell.context import AppContext
from enhetschef_app.ui.shell.errors import show_error
from enhetschef_app.ui.shell.formatting import clock
from enhetschef_app.ui.shell.icons import icon
from enhetschef_app.ui.shell.widgets import (
    fit_columns,
    fit_height_to_rows,
    read_only_table,
    role_label,
)


def _value_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class IncidentDetailPanel(QWidget):
    changed = Signal(int)  # the report's id, after anything about it was saved
    deleted = Signal(str)  # the number of a deleted report

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.detail: IncidentDetail | None = None
        self.incident_dialog: IncidentDialog | None = None

        self.title_label = role_label("", "sectionTitle")
        self.state_label = role_label("", "keyFigure")
        self.edit_button = QPushButton(icon("redigera"), self.tr("Ändra…"))
        self.next_button = QPushButton()
        self.reopen_button = QPushButton(self.tr("Öppna igen"))
        self.reopen_button.setToolTip(self.tr("Tillbaka till under utredning"))
        self.delete_button = QPushButton(self.tr("Ta bort…"))
        self.missing_label = role_label("", "help")
        self.deadline_label = role_label("", "error")
        self.deadline_label.setWordWrap(True)
        self.message_label = role_label("", "error")
        self.message_label.setWordWrap(True)
        self.message_label.setAccessibleName(self.tr("Meddelande om status"))

        self.facts = {
            key: _value_label()
            for key in (
                "when",
                "reported",
                "reporter",
                "category",
                "track",
                "description",
                "immediate",
            )
        }
        facts_tab = QWidget()
        facts_form = QFormLayout(facts_tab)
        for key, text in (
            ("when", self.tr("Händelsen inträffade")),
            ("reported", self.tr("Rapporterad")),
            ("reporter", self.tr("Rapportör")),
            ("category", self.tr("Kategori")),
            ("track", self.tr("Spår")),
            ("description", self.tr("Beskrivning")),
            ("immediate", self.tr("Åtgärd direkt")),
        ):
            facts_form.addRow(QLabel(text), self.facts[key])

        self.steps_form = StepsForm(context)
        steps_scroll = QScrollArea()
        steps_scroll.setWidgetResizable(True)
        steps_scroll.setWidget(self.steps_form)

        self.actions_tab = ActionsTab(context)

        self.timeline_model = TimelineModel(self)
        self.timeline_view = read_only_table(self.timeline_model)
        self.timeline_view.setAccessibleName(self.tr("Tidslinje"))

        self.staffing_label = role_label("", "help")
        self.staffing_label.setWordWrap(True)
        self.band_model = EventBandModel(self)
        self.band_view = read_only_table(self.band_model)
        self.band_view.setAccessibleName(self.tr("Bemanning mot behov den dagen"))
        self.rows_model = EventRowsModel(self)
        self.rows_view = read_only_table(self.rows_model)
        self.rows_view.setAccessibleName(self.tr("Schemarader vid händelsen"))
        staffing_tab = QWidget()
        staffing_layout = QVBoxLayout(staffing_tab)
        staffing_layout.addWidget(self.staffing_label)
        staffing_layout.addWidget(role_label(self.tr("Bemanning mot behov den dagen"), "help"))
        staffing_layout.addWidget(self.band_view)
        staffing_layout.addWidget(role_label(self.tr("Schemarader när det hände"), "help"))
        staffing_layout.addWidget(self.rows_view, 1)

        self.tabs = QTabWidget()
        self.tabs.addTab(facts_tab, self.tr("Händelsen"))
        self.tabs.addTab(steps_scroll, self.tr("Steg"))
        self.tabs.addTab(self.actions_tab, self.tr("Åtgärder"))
        self.tabs.addTab(self.timeline_view, self.tr("Tidslinje"))
        self.tabs.addTab(staffing_tab, self.tr("Bemanning"))

        heading = QHBoxLayout()
        heading.addWidget(self.title_label, 1)
        heading.addWidget(self.edit_button)
        heading.addWidget(self.delete_button)
        state_row = QHBoxLayout()
        state_row.addWidget(self.state_label)
        state_row.addWidget(self.next_button)
        state_row.addWidget(self.reopen_button)
        state_row.addStretch(1)

        self.content = QWidget()
        content_layout = QVBoxLayout(self.content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.addLayout(heading)
        content_layout.addLayout(state_row)
        content_layout.addWidget(self.missing_label)
        content_layout.addWidget(self.deadline_label)
        content_layout.addWidget(self.message_label)
        content_layout.addWidget(self.tabs, 1)
        self.empty_state = role_label(
            self.tr("Välj en avvikelse i listan för att se och följa upp den."), "emptyState"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 0, 0)
        layout.addWidget(self.content, 1)
        layout.addWidget(self.empty_state)
        layout.addStretch(0)

        self.edit_button.clicked.connect(self.edit_incident)
        self.next_button.clicked.connect(self.move_on)
        self.reopen_button.clicked.connect(self.reopen)
        self.delete_button.clicked.connect(self.delete)
        self.steps_form.saved.connect(self._saved)
        self.actions_tab.saved.connect(self._saved)
        self.show_incident(None)

    # Showing ------------------------------------------------------------------------------

    @property
    def incident_id(self) -> int | None:
        return self.detail.summary.id if self.detail else None

    def show_incident(self, incident_id: int | None, keep_message: bool = False) -> None:
        if not keep_message:
            self.message_label.setVisible(False)
        detail: IncidentDetail | None = None
        if incident_id is not None:
            try:
                detail = incident_detail(self.context.workspace, incident_id, self.context.today())
            except UserError as exc:
                self.empty_state.setText(exc.message)
        self.detail = detail
        self.content.setVisible(detail is not None)
        self.empty_state.setVisible(detail is None)
        if detail is None:
            self.steps_form.set_incident(None)
            self.actions_tab.set_detail(None)
            self.timeline_model.set_rows([])
            return
        self._show_header(detail)
        self._show_facts(detail)
        self.steps_form.set_incident(detail.summary, detail.investigation_note)
        self.actions_tab.set_detail(detail)
        open_actions = sum(1 for a in detail.actions if not a.done)
        self.tabs.setTabText(2, self.tr("Åtgärder ({0} öppna)").format(open_actions))
        self.timeline_model.set_rows(detail.timeline)
        fit_columns(self.timeline_view)
        self._show_staffing(detail)

    def _show_header(self, detail: IncidentDetail) -> None:
        s = detail.summary
        self.title_label.setText(
            self.tr("{number} · {track} · {category}").format(
                number=s.number, track=s.track.label, category=s.category_label
            )
        )
        self.state_label.setText(self.tr("Status: {0}").format(s.state.label))
        following = s.next_state
        self.next_button.setVisible(following is not None)
        if following is not None:
            self.next_button.setText(self.tr("Till {0} →").format(following.label.lower()))
            self.next_button.setToolTip(
                self.tr("Flytta avvikelsen till nästa steg: {0}").format(following.label.lower())
            )
        self.reopen_button.setVisible(s.state is IncidentState.CLOSED)
        if s.missing_for_next:
            self.missing_label.setText(
                self.tr("Innan nästa steg saknas: {0}.").format("; ".join(s.missing_for_next))
            )
        elif following is not None:
            self.missing_label.setText(self.tr("Allt som krävs för nästa steg är gjort."))
        else:
            self.missing_label.setText(
                self.tr("Avslutad {0}.").format(s.closed_on.isoformat() if s.closed_on else "")
            )
        lines = [
            self.tr("Sen: {what} – senast {due}, {days} dagar sedan.").format(
                what=w.what, due=w.due.isoformat(), days=w.days_over
            )
            for w in s.deadlines
        ]
        if s.actions.overdue:
            lines.append(self.tr("Sen: {0} åtgärder efter sitt datum.").format(s.actions.overdue))
        self.deadline_label.setText("\n".join(lines))
        self.deadline_label.setVisible(bool(lines))

    def _show_facts(self, detail: IncidentDetail) -> None:
        s = detail.summary
        track = s.track.label
        kind = s.steps.work_environment_kind
        if (
            kind is not None
            and isinstance(kind, WorkEnvironmentKind)
            and "work_environment_kind" in s.track_steps
        ):
            track = self.tr("{track} ({kind})").format(track=track, kind=kind.label.lower())
        values = {
            "when": self.tr("{date} kl. {time}").format(
                date=s.occurred_on.isoformat(), time=clock(s.occurred_at)
            ),
            "reported": s.reported_on.isoformat(),
            "reporter": s.reporter,
            "category": s.category_label,
            "track": track,
            "description": s.description,
            "immediate": s.immediate_action or self.tr("(inte ifylld)"),
        }
        for key, label in self.facts.items():
            label.setText(values[key])

    def _show_staffing(self, detail: IncidentDetail) -> None:
        staffing = detail.staffing
        s = detail.summary
        self.band_model.set_rows(staffing.bands)
        self.rows_model.set_rows(staffing.rows_at_event)
        self.staffing_label.setText(
            self.staffing_text(staffing, s.occurred_on.isoformat(), clock(s.occurred_at))
        )
        fit_height_to_rows(self.band_view, len(staffing.bands))
        fit_columns(self.band_view)
        fit_columns(self.rows_view)

    def staffing_text(self, staffing: EventStaffing, day: str, at: str) -> str:
        if not staffing.has_schedule:
            return self.tr(
                "Det finns inget schema för {day}. Importera schemat för att se bemanningen "
                "när det hände."
            ).format(day=day)
        need = staffing.need_at_event
        present = staffing.present_at_event
        empty = staffing.empty_at_event
        if need is None:
            head = self.tr("Kl. {at} den {day}: {present} i tjänst (inget behov angivet).").format(
                at=at, day=day, present=present
            )
        elif staffing.understaffed:
            head = self.tr(
                "Kl. {at} den {day}: {present} i tjänst mot behov {need} – underbemannat, "
                "{short} saknades."
            ).format(at=at, day=day, present=present, need=need, short=need - present)
        else:
            head = self.tr(
                "Kl. {at} den {day}: {present} i tjänst mot behov {need} – bemanningen räckte."
            ).format(at=at, day=day, present=present, need=need)
        tail = self.tr("Tomma rader just då: {now}. Tomma rader under dagen: {day}.").format(
            now=empty, day=staffing.empty_rows_of_day
        )
        return f"{head} {tail}"

    # Changing -----------------------------------------------------------------------------

    def _saved(self, _result: object = None) -> None:
        if self.incident_id is not None:
            incident_id = self.incident_id
            self.show_incident(incident_id, keep_message=True)
            self.changed.emit(incident_id)

    def edit_incident(self) -> IncidentDialog | None:
        if self.detail is None:
            return None
        dialog = IncidentDialog(self.context, self.detail.summary, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._saved)
        self.incident_dialog = dialog
        dialog.open()
        return dialog

    def move_on(self) -> None:
        if self.detail is None or self.detail.summary.next_state is None:
            return
        self._change_state(self.detail.summary.next_state)

    def reopen(self) -> None:
        self._change_state(IncidentState.INVESTIGATING)

    def _change_state(self, target: IncidentState) -> None:
        if self.detail is None:
            return
        try:
            change_state(
                self.context.workspace,
                self.detail.summary.id,
                target,
                self.context.today(),
                version=self.detail.summary.version,
            )
        except RuleViolation as exc:
            # Refused: the step that is missing, in words, beside the button.
            self.message_label.setText(exc.message)
            self.message_label.setVisible(True)
            return
        except UserError as exc:
            show_error(self, exc)
            return
        self.message_label.setVisible(False)
        self._saved()

    def confirm_delete(self, text: str) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Ta bort avvikelse"),
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def delete(self) -> None:
        if self.detail is None:
            return
        s = self.detail.summary
        text = self.tr(
            "Ta bort {number}? Dess {actions} åtgärder och tidslinjen tas bort med den. Numret "
            "används inte igen, och borttagningen syns i granskningsloggen."
        ).format(number=s.number, actions=s.actions.total)
        if not self.confirm_delete(text):
            return
        try:
            number = delete_incident(self.context.workspace, s.id)
        except UserError as exc:
            show_error(self, exc)
            return
        self.show_incident(None)
        self.deleted.emit(number)

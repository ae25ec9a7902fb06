"""Avvikelser as the page, the command line and Översikt read them: the list with each report's
deadlines and action counts, one report in full (actions, timeline, staffing at the event), and
the overdue figures of Översikt."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from enhetschef_app.domain.calendar import today as today_in_sweden
from enhetschef_app.domain.errors import NotFoundError
from enhetschef_app.domain.incident_report import (
    TRACK_STEPS,
    IncidentSteps,
    describe_event,
)
from enhetschef_app.domain.incident_staffing import EventStaffing, staffing_at_event
from enhetschef_app.domain.incidents import (
    DeadlineWarning,
    IncidentFacts,
    IncidentState,
    Track,
    WorkEnvironmentKind,
    action_overdue,
    category_label,
    deadline_warnings,
    incident_number,
    missing_steps,
    next_state,
)
from enhetschef_app.domain.settings_catalog import RuleSettings
from enhetschef_app.services.core.settings import rule_settings
from enhetschef_app.services.core.workspace import Workspace, use_case
from enhetschef_app.storage.models_incidents import Incident, IncidentAction
from enhetschef_app.storage.queries.incident_staffing import needs_around, rows_around
from enhetschef_app.storage.queries.incidents import (
    ActionCounts,
    actions_of,
    events_of,
    incident_of_unit,
    incidents_with_action_counts,
    years_with_incidents,
)
from enhetschef_app.storage.session import Session


@dataclass(frozen=True)
class Deadlines:
    """The settings that date a report's steps (DOMAIN.md: the app warns when a step is late)."""

    ivo_days: int
    report_days: int
    close_days: int

    @classmethod
    def of(cls, settings: RuleSettings) -> Deadlines:
        return cls(
            ivo_days=settings.integer("incidents.ivo_warning_days"),
            report_days=settings.integer("incidents.report_warning_days"),
            close_days=settings.integer("incidents.close_warning_days"),
        )

    def warnings(self, facts: IncidentFacts, today: date) -> list[DeadlineWarning]:
        return deadline_warnings(
            facts,
            today,
            ivo_days=self.ivo_days,
            closing_days=self.close_days,
            report_days=self.report_days,
        )


def require_incident(session: Session, unit_id: int, incident_id: int) -> Incident:
    incident = incident_of_unit(session, unit_id, incident_id)
    if incident is None:
        raise NotFoundError(
            "Avvikelsen finns inte längre i enheten; den kan ha tagits bort. Uppdatera listan (F5)."
        )
    return incident


def steps_of(incident: Incident) -> IncidentSteps:
    kind = incident.work_environment_kind
    return IncidentSteps(
        investigation_done_on=incident.investigation_done_on,
        investigation_note=incident.investigation_note,
        serious=incident.serious,
        serious_decided_on=incident.serious_decided_on,
        reported_to_ivo_on=incident.reported_to_ivo_on,
        handed_to_mas_on=incident.handed_to_mas_on,
        work_environment_kind=WorkEnvironmentKind(kind) if kind else None,
        reported_to_av_on=incident.reported_to_av_on,
        reported_to_fk_on=incident.reported_to_fk_on,
    )


def facts_of(incident: Incident, open_actions: int) -> IncidentFacts:
    steps = steps_of(incident)
    return IncidentFacts(
        track=Track(incident.track),
        state=IncidentState(incident.state),
        reported_on=incident.reported_on,
        immediate_action=incident.immediate_action,
        investigation_done_on=steps.investigation_done_on,
        serious=steps.serious,
        reported_to_ivo_on=steps.reported_to_ivo_on,
        handed_to_mas_on=steps.handed_to_mas_on,
        work_environment_kind=steps.work_environment_kind,
        reported_to_av_on=steps.reported_to_av_on,
        reported_to_fk_on=steps.reported_to_fk_on,
        open_actions=open_actions,
    )


def _json_value(value: object) -> object:
    if isinstance(value, date):
        return value.isoformat()
    return value


@dataclass(frozen=True)
class IncidentSummary:
    """One report as the list shows it. The free texts are here for the EC's own page; the
    exports and `as_dict` leave them out unless asked."""

    id: int
    number: str
    occurred_on: date
    occurred_at: time
    reported_on: date
    category: str
    track: Track
    state: IncidentState
    steps: IncidentSteps
    closed_on: date | None
    actions: ActionCounts
    deadlines: tuple[DeadlineWarning, ...]
    missing_for_next: tuple[str, ...]  # what the next state still needs, in Swedish
    reporter: str
    description: str
    immediate_action: str
    version: int = 1  # as read: a save of another version is refused (ChangedByOtherError)

    @property
    def category_label(self) -> str:
        return category_label(self.category)

    @property
    def overdue(self) -> bool:
        """A step past its deadline, or an action past its due date."""
        return bool(self.deadlines) or self.actions.overdue > 0

    @property
    def next_state(self) -> IncidentState | None:
        return next_state(self.state)

    @property
    def track_steps(self) -> tuple[str, ...]:
        return TRACK_STEPS[self.track]

    def as_dict(self, with_text: bool = False) -> dict[str, Any]:
        steps = {
            name: _json_value(getattr(self.steps, name))
            for name in self.track_steps
            if name != "investigation_note"
        }
        found: dict[str, Any] = {
            "number": self.number,
            "event_date": self.occurred_on.isoformat(),
            "event_time": self.occurred_at.strftime("%H:%M"),
            "reported_on": self.reported_on.isoformat(),
            "track": self.track.value,
            "track_label": self.track.label,
            "category": self.category,
            "category_label": self.category_label,
            "state": self.state.value,
            "state_label": self.state.label,
            "steps": steps,
            "closed_on": _json_value(self.closed_on),
            "actions": {
                "total": self.actions.total,
                "open": self.actions.open,
                "overdue": self.actions.overdue,
            },
            "deadlines": [
                {"what": w.what, "due": w.due.isoformat(), "days_over": w.days_over}
                for w in self.deadlines
            ],
            "overdue": self.overdue,
        }
        if with_text:
            found["reporter"] = self.reporter
            found["description"] = self.description
            found["immediate_action"] = self.immediate_action
            found["investigation_note"] = self.steps.investigation_note
        return found


def summarize(
    incident: Incident, actions: ActionCounts, deadlines: Deadlines, today: date
) -> IncidentSummary:
    facts = facts_of(incident, actions.open)
    state = IncidentState(incident.state)
    following = next_state(state)
    return IncidentSummary(
        id=incident.id,
        number=incident_number(incident.year, incident.sequence),
        occurred_on=incident.occurred_on,
        occurred_at=incident.occurred_at,
        reported_on=incident.reported_on,
        category=incident.category,
        track=Track(incident.track),
        state=state,
        steps=steps_of(incident),
        closed_on=incident.closed_on,
        actions=actions,
        deadlines=tuple(deadlines.warnings(facts, today)),
        missing_for_next=tuple(missing_steps(facts, following)) if following else (),
        reporter=incident.reporter,
        description=incident.description,
        immediate_action=incident.immediate_action,
        version=incident.version,
    )


@use_case
def list_incidents(
    workspace: Workspace,
    today: date | None = None,
    first: date | None = None,
    last: date | None = None,
) -> list[IncidentSummary]:
    """The unit's reports whose event lies in [first, last], newest first."""
    unit = workspace.require_unit()
    day = today or today_in_sweden()
    deadlines = Deadlines.of(rule_settings(workspace))
    with workspace.transaction() as session:
        found = incidents_with_action_counts(session, unit.id, day, first, last)
        return [summarize(incident, counts, deadlines, day) for incident, counts in found]


@use_case
def incident_years(workspace: Workspace) -> list[int]:
    unit = workspace.require_unit()
    with workspace.transaction() as session:
        return years_with_incidents(session, unit.id)


@dataclass(frozen=True)
class ActionView:
    id: int
    description: str
    owner: str
    due_on: date
    done_on: date | None
    overdue: bool

    @property
    def done(self) -> bool:
        return self.done_on is not None


def action_view(action: IncidentAction, today: date) -> ActionView:
    return ActionView(
        id=action.id,
        description=action.description,
        owner=action.owner,
        due_on=action.due_on,
        done_on=action.done_on,
        overdue=action_overdue(action.due_on, action.done_on, today),
    )


@dataclass(frozen=True)
class TimelineLine:
    at: datetime  # aware UTC; the page shows it in local time
    actor: str
    text: str


@dataclass(frozen=True)
class IncidentDetail:
    summary: IncidentSummary
    investigation_note: str
    actions: tuple[ActionView, ...]
    timeline: tuple[TimelineLine, ...]
    staffing: EventStaffing
    today: date = field(default_factory=today_in_sweden)
    action_due_days: int = 14  # the setting `incidents.action_due_days`


@use_case
def incident_detail(
    workspace: Workspace, incident_id: int, today: date | None = None
) -> IncidentDetail:
    unit = workspace.require_unit()
    day = today or today_in_sweden()
    settings = rule_settings(workspace)
    deadlines = Deadlines.of(settings)
    with workspace.transaction() as session:
        incident = require_incident(session, unit.id, incident_id)
        actions = [action_view(a, day) for a in actions_of(session, incident.id)]
        counts = ActionCounts(
            open=sum(1 for a in actions if not a.done),
            overdue=sum(1 for a in actions if a.overdue),
            total=len(actions),
        )
        timeline = tuple(
            TimelineLine(e.at, e.actor, describe_event(e.kind, e.step, e.old_value, e.new_value))
            for e in events_of(session, incident.id)
        )
        staffing = staffing_at_event(
            rows_around(session, unit.id, incident.occurred_on),
            needs_around(session, unit.id, incident.occurred_on),
            incident.occurred_at,
        )
        return IncidentDetail(
            summary=summarize(incident, counts, deadlines, day),
            investigation_note=incident.investigation_note,
            actions=tuple(actions),
            timeline=timeline,
            staffing=staffing,
            today=day,
            action_due_days=settings.integer("incidents.action_due_days"),
        )


@dataclass(frozen=True)
class IncidentAlerts:
    """What Översikt shows of avvikelser: reports past a deadline and late actions."""

    open_reports: int
    overdue_reports: tuple[str, ...]  # their numbers, oldest first
    overdue_actions: int

    @property
    def any(self) -> bool:
        return bool(self.overdue_reports) or self.overdue_actions > 0


NO_INCIDENT_ALERTS = IncidentAlerts(0, (), 0)


@use_case
def incident_alerts(workspace: Workspace, today: date | None = None) -> IncidentAlerts:
    if workspace.unit is None:
        return NO_INCIDENT_ALERTS
    summaries = list_incidents(workspace, today)
    open_reports = [s for s in summaries if s.state is not IncidentState.CLOSED]
    overdue = sorted((s for s in summaries if s.overdue), key=lambda s: (s.reported_on, s.number))
    return IncidentAlerts(
        open_reports=len(open_reports),
        overdue_reports=tuple(s.number for s in overdue),
        overdue_actions=sum(s.actions.overdue for s in summaries),
    )

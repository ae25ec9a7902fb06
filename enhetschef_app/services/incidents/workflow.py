"""Avvikelser written: register a report, change it, record the track's steps, move it through
its states, and keep its actions. Every change is one unit of work with a line in the report's
timeline and an entry in the audit log.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from enhetschef_app.domain.calendar import today as today_in_sweden
from enhetschef_app.domain.errors import FieldProblems, UserError
from enhetschef_app.domain.incident_report import (
    ACTION_LABELS,
    REPORT_LABELS,
    STEP_FIELDS,
    STEP_LABELS,
    TRACK_STEPS,
    ActionDraft,
    EventKind,
    IncidentDraft,
    IncidentSteps,
    step_value_text,
    validate_action,
    validate_incident,
    validate_steps,
)
from enhetschef_app.domain.incidents import (
    IncidentState,
    Track,
    check_transition,
    incident_number,
)
from enhetschef_app.services.core.settings import rule_settings
from enhetschef_app.services.core.workspace import Workspace, use_case
from enhetschef_app.services.incidents.views import (
    ActionView,
    Deadlines,
    IncidentSummary,
    action_view,
    facts_of,
    require_incident,
    steps_of,
    summarize,
)
from enhetschef_app.storage import audit
from enhetschef_app.storage.models_incidents import Incident, IncidentAction, IncidentEvent
from enhetschef_app.storage.queries.incidents import (
    ActionCounts,
    action_of_unit,
    actions_of,
    take_next_sequence,
)
from enhetschef_app.storage.session import Session
from enhetschef_app.storage.versions import check_version

ENTITY = "avvikelse"
ACTION_ENTITY = "avvikelse_atgard"


def report_snapshot(incident: Incident) -> dict[str, Any]:
    """The saved fields, as the audit log records them before and after a change."""
    return {
        "number": incident_number(incident.year, incident.sequence),
        "occurred_on": incident.occurred_on,
        "occurred_at": incident.occurred_at,
        "reported_on": incident.reported_on,
        "reporter": incident.reporter,
        "category": incident.category,
        "track": incident.track,
        "state": incident.state,
        "description": incident.description,
        "immediate_action": incident.immediate_action,
        "closed_on": incident.closed_on,
        **{name: getattr(incident, name) for name in STEP_FIELDS},
    }


def _counts(session: Session, incident: Incident, today: date) -> ActionCounts:
    actions = actions_of(session, incident.id)
    open_ = [a for a in actions if a.done_on is None]
    return ActionCounts(
        open=len(open_),
        overdue=sum(1 for a in open_ if a.due_on < today),
        total=len(actions),
    )


def _event(
    session: Session,
    workspace: Workspace,
    incident: Incident,
    kind: EventKind,
    step: str | None = None,
    old: str | None = None,
    new: str | None = None,
) -> None:
    session.add(
        IncidentEvent(
            incident_id=incident.id,
            actor=workspace.actor,
            kind=kind.value,
            step=step,
            old_value=old,
            new_value=new,
        )
    )


def _audit(
    session: Session,
    workspace: Workspace,
    action: str,
    incident: Incident,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
) -> None:
    audit.record(
        session,
        actor=workspace.actor,
        action=action,
        entity=ENTITY,
        entity_id=incident_number(incident.year, incident.sequence),
        unit_id=incident.unit_id,
        before=before,
        after=after,
    )


def _summary(
    session: Session, workspace: Workspace, incident: Incident, today: date
) -> IncidentSummary:
    session.flush()
    deadlines = Deadlines.of(rule_settings(workspace))
    return summarize(incident, _counts(session, incident, today), deadlines, today)


def _check_draft(draft: IncidentDraft, today: date) -> None:
    problems = validate_incident(draft, today)
    if problems:
        raise FieldProblems("Avvikelsen sparades inte.", problems, REPORT_LABELS)


@use_case
def register_incident(
    workspace: Workspace, draft: IncidentDraft, today: date | None = None
) -> IncidentSummary:
    """Saves a new report in state ny with the next number of the reported date's year."""
    unit = workspace.require_unit()
    day = today or today_in_sweden()
    _check_draft(draft, day)
    assert draft.occurred_on and draft.occurred_at and draft.reported_on and draft.track
    with workspace.transaction() as session:
        year = draft.reported_on.year
        incident = Incident(
            unit_id=unit.id,
            year=year,
            sequence=take_next_sequence(session, unit.id, year),
            occurred_on=draft.occurred_on,
            occurred_at=draft.occurred_at,
            reported_on=draft.reported_on,
            reporter=draft.reporter.strip(),
            category=draft.category,
            track=draft.track.value,
            state=IncidentState.NEW.value,
            description=draft.description.strip(),
            immediate_action=draft.immediate_action.strip(),
            investigation_note="",
            created_by=workspace.actor,
        )
        session.add(incident)
        session.flush()
        _event(session, workspace, incident, EventKind.REGISTERED, new=draft.track.label)
        _audit(
            session, workspace, "registrera_avvikelse", incident, None, report_snapshot(incident)
        )
        return _summary(session, workspace, incident, day)


@use_case
def update_incident(
    workspace: Workspace,
    incident_id: int,
    draft: IncidentDraft,
    today: date | None = None,
    *,
    version: int | None = None,
) -> IncidentSummary:
    """Changes the report's own fields; the number stays."""
    unit = workspace.require_unit()
    day = today or today_in_sweden()
    _check_draft(draft, day)
    assert draft.track is not None
    with workspace.transaction() as session:
        incident = require_incident(session, unit.id, incident_id)
        check_version(session, incident, version)
        before = report_snapshot(incident)
        values = {
            "occurred_on": draft.occurred_on,
            "occurred_at": draft.occurred_at,
            "reported_on": draft.reported_on,
            "reporter": draft.reporter.strip(),
            "category": draft.category,
            "track": draft.track.value,
            "description": draft.description.strip(),
            "immediate_action": draft.immediate_action.strip(),
        }
        changed = [name for name, value in values.items() if getattr(incident, name) != value]
        if not changed:
            return _summary(session, workspace, incident, day)
        for name in changed:
            setattr(incident, name, values[name])
        # Only names of the changed fields: the timeline never repeats free text.
        _event(
            session,
            workspace,
            incident,
            EventKind.EDITED,
            new=", ".join(REPORT_LABELS[name].lower() for name in changed),
        )
        _audit(session, workspace, "andra_avvikelse", incident, before, report_snapshot(incident))
        return _summary(session, workspace, incident, day)


@use_case
def record_steps(
    workspace: Workspace,
    incident_id: int,
    steps: IncidentSteps,
    today: date | None = None,
    *,
    version: int | None = None,
) -> IncidentSummary:
    """Stores the track's steps and dates; each changed step is a line of the timeline."""
    unit = workspace.require_unit()
    day = today or today_in_sweden()
    with workspace.transaction() as session:
        incident = require_incident(session, unit.id, incident_id)
        check_version(session, incident, version)
        track = Track(incident.track)
        current = steps_of(incident)
        # Steps of another track are kept as they were (a track changed back finds them).
        allowed = set(TRACK_STEPS[track])
        wanted = replace(
            current, **{name: getattr(steps, name) for name in STEP_FIELDS if name in allowed}
        )
        problems = validate_steps(wanted, incident.occurred_on, day, track)
        if problems:
            raise FieldProblems("Stegen sparades inte.", problems, STEP_LABELS)
        changed = [n for n in STEP_FIELDS if getattr(current, n) != getattr(wanted, n)]
        if not changed:
            return _summary(session, workspace, incident, day)
        before = report_snapshot(incident)
        for name in changed:
            old, new = getattr(current, name), getattr(wanted, name)
            setattr(incident, name, new.value if name == "work_environment_kind" and new else new)
            _event(
                session,
                workspace,
                incident,
                EventKind.STEP,
                step=name,
                old=step_value_text(name, old) if name != "investigation_note" else None,
                new=step_value_text(name, new),
            )
        _audit(session, workspace, "avvikelse_steg", incident, before, report_snapshot(incident))
        return _summary(session, workspace, incident, day)


@use_case
def change_state(
    workspace: Workspace,
    incident_id: int,
    target: IncidentState,
    today: date | None = None,
    *,
    version: int | None = None,
) -> IncidentSummary:
    """Moves the report one state on (or reopens a closed one); a skipped step is refused
    with the step named (RuleViolation)."""
    unit = workspace.require_unit()
    day = today or today_in_sweden()
    with workspace.transaction() as session:
        incident = require_incident(session, unit.id, incident_id)
        check_version(session, incident, version)
        counts = _counts(session, incident, day)
        check_transition(facts_of(incident, counts.open), target)
        before = report_snapshot(incident)
        old = IncidentState(incident.state)
        incident.state = target.value
        incident.closed_on = day if target is IncidentState.CLOSED else None
        kind = EventKind.REOPENED if old is IncidentState.CLOSED else EventKind.STATE
        _event(session, workspace, incident, kind, old=old.value, new=target.value)
        _audit(session, workspace, "avvikelse_status", incident, before, report_snapshot(incident))
        return _summary(session, workspace, incident, day)


@use_case
def delete_incident(workspace: Workspace, incident_id: int) -> str:
    """Removes a report registered by mistake, with its actions and timeline; its number is
    not given again. Returns the number."""
    unit = workspace.require_unit()
    with workspace.transaction() as session:
        incident = require_incident(session, unit.id, incident_id)
        number = incident_number(incident.year, incident.sequence)
        before = report_snapshot(incident)
        before["actions"] = len(actions_of(session, incident.id))
        _audit(session, workspace, "ta_bort_avvikelse", incident, before, None)
        session.delete(incident)
        return number


def _action_snapshot(action: IncidentAction, number: str) -> dict[str, Any]:
    return {
        "incident": number,
        "description": action.description,
        "owner": action.owner,
        "due_on": action.due_on,
        "done_on": action.done_on,
    }


@use_case
def save_action(
    workspace: Workspace,
    incident_id: int,
    draft: ActionDraft,
    action_id: int | None = None,
    today: date | None = None,
) -> ActionView:
    """Adds an action to the report (no id) or changes one."""
    unit = workspace.require_unit()
    day = today or today_in_sweden()
    problems = validate_action(draft, day)
    if problems:
        raise FieldProblems("Åtgärden sparades inte.", problems, ACTION_LABELS)
    assert draft.due_on is not None
    with workspace.transaction() as session:
        incident = require_incident(session, unit.id, incident_id)
        number = incident_number(incident.year, incident.sequence)
        if action_id is None:
            action = IncidentAction(incident_id=incident.id)
            session.add(action)
            before = None
        else:
            found = action_of_unit(session, unit.id, action_id)
            if found is None or found.incident_id != incident.id:
                raise UserError("Åtgärden finns inte längre; uppdatera sidan (F5).")
            action = found
            before = _action_snapshot(action, number)
        was_done = action.done_on
        action.description = draft.description.strip()
        action.owner = draft.owner.strip()
        action.due_on = draft.due_on
        action.done_on = draft.done_on
        session.flush()
        if before is None:
            _event(
                session, workspace, incident, EventKind.ACTION_ADDED, new=draft.due_on.isoformat()
            )
        if draft.done_on is not None and was_done is None:
            _event(
                session, workspace, incident, EventKind.ACTION_DONE, new=draft.done_on.isoformat()
            )
        elif before is not None and _action_snapshot(action, number) != before:
            changed = [
                ACTION_LABELS[name].lower()
                for name in ("description", "owner", "due_on", "done_on")
                if before[name] != getattr(action, name)
            ]
            _event(session, workspace, incident, EventKind.ACTION_CHANGED, new=", ".join(changed))
        audit.record(
            session,
            actor=workspace.actor,
            action="spara_avvikelse_atgard",
            entity=ACTION_ENTITY,
            entity_id=action.id,
            unit_id=unit.id,
            before=before,
            after=_action_snapshot(action, number),
        )
        return action_view(action, day)


@use_case
def complete_action(
    workspace: Workspace, action_id: int, done_on: date | None = None, today: date | None = None
) -> ActionView:
    """Marks an action done, today unless another day is given."""
    unit = workspace.require_unit()
    day = today or today_in_sweden()
    with workspace.transaction() as session:
        action = action_of_unit(session, unit.id, action_id)
        if action is None:
            raise UserError("Åtgärden finns inte längre; uppdatera sidan (F5).")
        incident_id = action.incident_id
        draft = ActionDraft(action.description, action.owner, action.due_on, done_on or day)
    return save_action(workspace, incident_id, draft, action_id, today=day)


@use_case
def delete_action(workspace: Workspace, action_id: int) -> None:
    unit = workspace.require_unit()
    with workspace.transaction() as session:
        action = action_of_unit(session, unit.id, action_id)
        if action is None:
            return
        incident = require_incident(session, unit.id, action.incident_id)
        number = incident_number(incident.year, incident.sequence)
        _event(session, workspace, incident, EventKind.ACTION_REMOVED)
        audit.record(
            session,
            actor=workspace.actor,
            action="ta_bort_avvikelse_atgard",
            entity=ACTION_ENTITY,
            entity_id=action.id,
            unit_id=unit.id,
            before=_action_snapshot(action, number),
        )
        session.delete(action)

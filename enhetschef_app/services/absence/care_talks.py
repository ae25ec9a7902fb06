"""The omtankessamtal's workflow: each step checked by the domain, saved, and written to the
audit log; snoozing a signal and waking it again.

A person has at most one talk under way. The first step (an invitation, or a decision that no
talk is needed or that the employee declined) creates the talk and records the occasions it
answers, counted on the day the EC acted on. Free text is short and warned about before saving:
a step whose text looks like health details or a personnummer is refused with the warnings
unless the caller says the EC has seen them (`accept_warnings`). The audit log records that a
text changed and how long it is, never the text itself, so that gallring can delete it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from typing import Any

from enhetschef_app.domain.absence_occasions import CareTalkRules, OccasionRules
from enhetschef_app.domain.calendar import today as today_in_sweden
from enhetschef_app.domain.care_talks import (
    STEP_FIELD_LABELS,
    TalkFacts,
    TalkState,
    TalkStep,
    check_transition,
    step_warnings,
    validate_snooze,
    validate_step,
)
from enhetschef_app.domain.errors import FieldProblems, NotFoundError, SensitiveText, UserError
from enhetschef_app.domain.sensitive_text import privacy_warnings
from enhetschef_app.services.absence.care_talk_scan import count_for_person
from enhetschef_app.services.core.settings import rule_settings
from enhetschef_app.services.core.workspace import UnitRef, Workspace, use_case
from enhetschef_app.storage import audit
from enhetschef_app.storage.models import Employee
from enhetschef_app.storage.models_absence import CareTalk, CareTalkSnooze
from enhetschef_app.storage.queries.care_talks import (
    open_talk,
    snooze_of_unit,
    snoozes_of_unit,
    talk_of_unit,
    talks_of_unit,
)
from enhetschef_app.storage.session import Session
from enhetschef_app.storage.versions import check_version

ENTITY = "omtankessamtal"
SNOOZE_ENTITY = "omtankessignal"

_ACTIONS = {
    TalkState.INVITED: "bjud_in_omtankessamtal",
    TalkState.HELD: "genomfort_omtankessamtal",
    TalkState.FOLLOWED_UP: "foljt_upp_omtankessamtal",
    TalkState.CLOSED: "avsluta_omtankessamtal",
    TalkState.DECLINED: "avbojt_omtankessamtal",
    TalkState.NOT_NEEDED: "ej_aktuellt_omtankessamtal",
}


@dataclass(frozen=True)
class TalkView:
    id: int
    employee_id: int
    employee_no: str
    employee_name: str
    state: TalkState
    signal_date: date
    occasions: int
    covers_from: date | None
    covers_through: date
    invited_date: date | None
    invited_time: time | None
    duration_minutes: int | None
    place: str | None
    invitations: int
    held_on: date | None
    support_text: str | None
    follow_up_date: date | None
    followed_up_on: date | None
    follow_up_note: str | None
    closed_on: date | None
    decided_on: date | None
    reason: str | None
    version: int = 1  # as read: a step on another version is refused (ChangedByOtherError)

    @property
    def next_date(self) -> date | None:
        """The date the talk waits for: the talk itself, or its follow-up."""
        if self.state is TalkState.INVITED:
            return self.invited_date
        if self.state is TalkState.HELD:
            return self.follow_up_date
        return None

    @property
    def facts(self) -> TalkFacts:
        return TalkFacts(
            state=self.state,
            signal_date=self.signal_date,
            invited_date=self.invited_date,
            held_on=self.held_on,
            follow_up_date=self.follow_up_date,
            followed_up_on=self.followed_up_on,
        )


@dataclass(frozen=True)
class SnoozeView:
    id: int
    employee_id: int
    made_on: date
    until: date
    reason: str
    created_by: str


def talk_view(talk: CareTalk, employee: Employee) -> TalkView:
    return TalkView(
        id=talk.id,
        employee_id=employee.id,
        employee_no=employee.employee_no,
        employee_name=employee.name,
        state=TalkState(talk.state),
        signal_date=talk.signal_date,
        occasions=talk.occasions,
        covers_from=talk.covers_from,
        covers_through=talk.covers_through,
        invited_date=talk.invited_date,
        invited_time=talk.invited_time,
        duration_minutes=talk.duration_minutes,
        place=talk.place,
        invitations=talk.invitations,
        held_on=talk.held_on,
        support_text=talk.support_text,
        follow_up_date=talk.follow_up_date,
        followed_up_on=talk.followed_up_on,
        follow_up_note=talk.follow_up_note,
        closed_on=talk.closed_on,
        decided_on=talk.decided_on,
        reason=talk.reason,
        version=talk.version,
    )


def snooze_view(snooze: CareTalkSnooze) -> SnoozeView:
    return SnoozeView(
        snooze.id,
        snooze.employee_id,
        snooze.made_on,
        snooze.until,
        snooze.reason,
        snooze.created_by,
    )


@use_case
def list_talks(workspace: Workspace, employee_id: int | None = None) -> list[TalkView]:
    """The unit's talks (or one person's), oldest signal first."""
    unit = workspace.require_unit()
    with workspace.transaction() as session:
        talks = talks_of_unit(session, unit.id, employee_id)
        people = {t.employee_id: session.get(Employee, t.employee_id) for t in talks}
        return [talk_view(t, e) for t in talks if (e := people[t.employee_id]) is not None]


def talk_snapshot(talk: CareTalk) -> dict[str, Any]:
    """What the audit log keeps of a talk: states and dates, and only the length of texts."""
    return {
        "state": talk.state,
        "signal_date": talk.signal_date,
        "occasions": talk.occasions,
        "covers_through": talk.covers_through,
        "invited_date": talk.invited_date,
        "invited_time": talk.invited_time,
        "duration_minutes": talk.duration_minutes,
        "place": talk.place,
        "held_on": talk.held_on,
        "support_text_chars": len(talk.support_text or ""),
        "follow_up_date": talk.follow_up_date,
        "followed_up_on": talk.followed_up_on,
        "follow_up_note_chars": len(talk.follow_up_note or ""),
        "closed_on": talk.closed_on,
        "decided_on": talk.decided_on,
        "reason_chars": len(talk.reason or ""),
    }


def _employee(session: Session, unit: UnitRef, employee_id: int) -> Employee:
    employee = session.get(Employee, employee_id)
    if employee is None or employee.unit_id != unit.id:
        raise NotFoundError("Medarbetaren finns inte i enheten. Uppdatera listan (F5).")
    return employee


def _new_talk(
    workspace: Workspace, session: Session, unit: UnitRef, employee: Employee, as_of: date
) -> CareTalk:
    """A talk that answers the person's occasions as counted on `as_of`."""
    settings = rule_settings(workspace)
    found = count_for_person(
        session,
        unit.id,
        employee.id,
        as_of,
        OccasionRules.from_settings(settings),
        CareTalkRules.from_settings(settings),
    )
    counted = found.count.counted
    return CareTalk(
        unit_id=unit.id,
        employee_id=employee.id,
        state=TalkState.DUE.value,
        signal_date=as_of,
        occasions=len(counted),
        covers_from=counted[0].start if counted else None,
        covers_through=max(o.start for o in counted) if counted else as_of,
        invitations=0,
    )


def _facts(talk: CareTalk) -> TalkFacts:
    return TalkFacts(
        state=TalkState(talk.state),
        signal_date=talk.signal_date,
        invited_date=talk.invited_date,
        held_on=talk.held_on,
        follow_up_date=talk.follow_up_date,
        followed_up_on=talk.followed_up_on,
    )


def _apply(talk: CareTalk, step: TalkStep) -> None:
    text = step.text.strip() or None
    target = step.target
    if target is TalkState.INVITED:
        talk.invited_date = step.on
        talk.invited_time = step.at
        talk.duration_minutes = step.minutes
        talk.place = step.place.strip()
        talk.invitations = (talk.invitations or 0) + 1
    elif target is TalkState.HELD:
        talk.held_on = step.on
        talk.support_text = text
        talk.follow_up_date = step.follow_up
    elif target is TalkState.FOLLOWED_UP:
        talk.followed_up_on = step.on
        talk.follow_up_note = text
    elif target is TalkState.CLOSED:
        talk.closed_on = step.on
    else:
        talk.decided_on = step.on
        talk.reason = text
    talk.state = target.value


@use_case
def apply_talk_step(
    workspace: Workspace,
    employee_id: int,
    step: TalkStep,
    *,
    as_of: date,
    today: date | None = None,
    accept_warnings: bool = False,
    version: int | None = None,
) -> TalkView:
    """Takes the person's talk one step: from the signal on `as_of` when none is under way.
    With `version` (the talk as the form read it), refused when someone else has changed the
    talk since (ChangedByOtherError).

    Refuses an illegal step (RuleViolation), missing or wrong fields (FieldProblems) and,
    unless accepted, text that looks like health details (SensitiveText)."""
    unit = workspace.require_unit()
    day = today or today_in_sweden()
    with workspace.transaction() as session:
        employee = _employee(session, unit, employee_id)
        talk = open_talk(session, unit.id, employee.id)
        creating = talk is None
        if talk is not None:
            check_version(session, talk, version)
        if talk is None:
            talk = _new_talk(workspace, session, unit, employee, as_of)
        state = TalkState(talk.state)
        check_transition(state, step.target)
        problems = validate_step(_facts(talk), step, day)
        if problems:
            raise FieldProblems("Steget sparades inte.", problems, STEP_FIELD_LABELS)
        warnings = step_warnings(step)
        if warnings and not accept_warnings:
            raise SensitiveText("Texten", warnings)
        before = None if creating else talk_snapshot(talk)
        _apply(talk, step)
        if creating:
            session.add(talk)
        session.flush()
        action = _ACTIONS[step.target]
        if state is TalkState.INVITED and step.target is TalkState.INVITED:
            action = "flytta_omtankessamtal"
        audit.record(
            session,
            actor=workspace.actor,
            action=action,
            entity=ENTITY,
            entity_id=talk.id,
            unit_id=unit.id,
            before=before,
            after={**talk_snapshot(talk), "employee_id": employee.id},
        )
        return talk_view(talk, employee)


@use_case
def advance_talk(
    workspace: Workspace,
    talk_id: int,
    step: TalkStep,
    *,
    today: date | None = None,
    accept_warnings: bool = False,
) -> TalkView:
    """The next step of a stored talk (the page acts on a talk it shows)."""
    unit = workspace.require_unit()
    with workspace.transaction() as session:
        talk = talk_of_unit(session, unit.id, talk_id)
        if talk is None:
            raise NotFoundError("Samtalet finns inte längre. Uppdatera listan (F5).")
        employee_id, signal_date = talk.employee_id, talk.signal_date
        if TalkState(talk.state).is_final:
            check_transition(TalkState(talk.state), step.target)
    return apply_talk_step(
        workspace,
        employee_id,
        step,
        as_of=signal_date,
        today=today,
        accept_warnings=accept_warnings,
    )


@use_case
def snooze_signal(
    workspace: Workspace,
    employee_id: int,
    until: date,
    reason: str,
    *,
    as_of: date,
    accept_warnings: bool = False,
) -> SnoozeView:
    """The EC waits with the person's signal until `until` (due again that day)."""
    unit = workspace.require_unit()
    problems = validate_snooze(until, reason, as_of)
    if problems:
        raise FieldProblems("Steget sparades inte.", problems, STEP_FIELD_LABELS)
    warnings = privacy_warnings(reason)
    if warnings and not accept_warnings:
        raise SensitiveText("Texten", warnings)
    with workspace.transaction() as session:
        employee = _employee(session, unit, employee_id)
        snooze = CareTalkSnooze(
            unit_id=unit.id,
            employee_id=employee.id,
            made_on=as_of,
            until=until,
            reason=reason.strip(),
            created_by=workspace.actor,
        )
        session.add(snooze)
        session.flush()
        audit.record(
            session,
            actor=workspace.actor,
            action="vila_omtankessignal",
            entity=SNOOZE_ENTITY,
            entity_id=snooze.id,
            unit_id=unit.id,
            after={
                "employee_id": employee.id,
                "made_on": as_of,
                "until": until,
                "reason_chars": len(snooze.reason),
            },
        )
        return snooze_view(snooze)


@use_case
def wake_signal(workspace: Workspace, snooze_id: int, on: date) -> SnoozeView:
    """Ends a snooze early: the signal is due again from `on`."""
    unit = workspace.require_unit()
    with workspace.transaction() as session:
        snooze = snooze_of_unit(session, unit.id, snooze_id)
        if snooze is None:
            raise NotFoundError("Vilan finns inte längre. Uppdatera listan (F5).")
        if snooze.until <= on:
            raise UserError(f"Signalen vilar inte längre (till {snooze.until.isoformat()}).")
        before = {"until": snooze.until}
        snooze.until = max(on, snooze.made_on)
        session.flush()
        audit.record(
            session,
            actor=workspace.actor,
            action="vack_omtankessignal",
            entity=SNOOZE_ENTITY,
            entity_id=snooze.id,
            unit_id=unit.id,
            before=before,
            after={"until": snooze.until},
        )
        return snooze_view(snooze)


@use_case
def list_snoozes(workspace: Workspace, employee_id: int | None = None) -> list[SnoozeView]:
    unit = workspace.require_unit()
    with workspace.transaction() as session:
        return [snooze_view(s) for s in snoozes_of_unit(session, unit.id, employee_id)]

"""What gallring and the registerutdrag read: the rows that are due, and the month figures
kept as recorded aggregates."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from enhetschef_app.domain.care_talks import TalkState
from enhetschef_app.storage.models import Absence, Employee
from enhetschef_app.storage.models_absence import CareTalk, CareTalkSnooze
from enhetschef_app.storage.models_incidents import Incident, IncidentAction
from enhetschef_app.storage.models_people import ExitTalk, ReviewTalk
from enhetschef_app.storage.models_privacy import GallringRun, MonthAggregate


def absences_ended_before(session: Session, unit_id: int, cutoff: date) -> list[Absence]:
    return list(
        session.scalars(
            select(Absence)
            .join(Employee, Employee.id == Absence.employee_id)
            .where(Employee.unit_id == unit_id, Absence.end_date.is_not(None))
            .where(Absence.end_date < cutoff)
            .order_by(Absence.id)
        )
    )


def care_talks_ended_before(session: Session, unit_id: int, cutoff: date) -> list[CareTalk]:
    final = (TalkState.CLOSED.value, TalkState.DECLINED.value, TalkState.NOT_NEEDED.value)
    return list(
        session.scalars(
            select(CareTalk)
            .where(CareTalk.unit_id == unit_id, CareTalk.state.in_(final))
            # A talk ends when it is closed, or when it is declined or found not needed.
            .where(func.coalesce(CareTalk.closed_on, CareTalk.decided_on) < cutoff)
            .order_by(CareTalk.id)
        )
    )


def snoozes_ended_before(session: Session, unit_id: int, cutoff: date) -> list[CareTalkSnooze]:
    return list(
        session.scalars(
            select(CareTalkSnooze)
            .where(CareTalkSnooze.unit_id == unit_id, CareTalkSnooze.until < cutoff)
            .order_by(CareTalkSnooze.id)
        )
    )


def review_talks_with_notes_before(
    session: Session, unit_id: int, cutoff: date
) -> list[ReviewTalk]:
    """Held medarbetarsamtal with notes, whose follow-up (or the talk, if none) was before."""
    ended = func.coalesce(ReviewTalk.followed_up_on, ReviewTalk.held_on)
    return list(
        session.scalars(
            select(ReviewTalk)
            .join(Employee, Employee.id == ReviewTalk.employee_id)
            .where(Employee.unit_id == unit_id, ReviewTalk.held_on.is_not(None))
            .where(ReviewTalk.notes != "", ended < cutoff)
            .order_by(ReviewTalk.id)
        )
    )


def exit_talks_with_notes_before(session: Session, unit_id: int, cutoff: date) -> list[ExitTalk]:
    """Exit talks with notes, held (or, if no date was kept, the last day) before `cutoff`."""
    ended = func.coalesce(ExitTalk.held_on, Employee.end_date)
    return list(
        session.scalars(
            select(ExitTalk)
            .join(Employee, Employee.id == ExitTalk.employee_id)
            .where(Employee.unit_id == unit_id, ExitTalk.notes != "")
            .where(and_(ended.is_not(None), ended < cutoff))
            .order_by(ExitTalk.id)
        )
    )


def incidents_closed_before(session: Session, unit_id: int, cutoff: date) -> list[Incident]:
    return list(
        session.scalars(
            select(Incident)
            .where(Incident.unit_id == unit_id, Incident.closed_on.is_not(None))
            .where(Incident.closed_on < cutoff)
            .order_by(Incident.id)
        )
    )


def incident_action_ids(session: Session, incident_ids: Sequence[int]) -> list[int]:
    if not incident_ids:
        return []
    return list(
        session.scalars(
            select(IncidentAction.id).where(IncidentAction.incident_id.in_(incident_ids))
        )
    )


def incidents_involving(session: Session, unit_id: int, name: str) -> list[tuple[Incident, str]]:
    """The unit's reports the person made or holds an action of, with the role. Names are
    compared in Python: SQLite's lower() knows no å, ä, ö."""
    folded = name.strip().casefold()
    found: list[tuple[Incident, str]] = []
    for incident in session.scalars(
        select(Incident).where(Incident.unit_id == unit_id).order_by(Incident.occurred_on)
    ):
        if incident.reporter.strip().casefold() == folded:
            found.append((incident, "Rapporterade avvikelsen"))
    owned = session.execute(
        select(Incident, IncidentAction)
        .join(IncidentAction, IncidentAction.incident_id == Incident.id)
        .where(Incident.unit_id == unit_id)
        .order_by(Incident.occurred_on, IncidentAction.id)
    )
    for incident, action in owned:
        if action.owner.strip().casefold() != folded:
            continue
        state = "klar" if action.done_on is not None else "öppen"
        found.append((incident, f"Ansvarig för en åtgärd (senast {action.due_on}, {state})"))
    return found


def month_aggregate(session: Session, unit_id: int, month: str) -> MonthAggregate | None:
    return session.scalar(
        select(MonthAggregate).where(
            MonthAggregate.unit_id == unit_id, MonthAggregate.month == month
        )
    )


def aggregated_months(session: Session, unit_id: int) -> set[str]:
    return set(
        session.scalars(select(MonthAggregate.month).where(MonthAggregate.unit_id == unit_id))
    )


def last_finished_run(session: Session, unit_id: int) -> GallringRun | None:
    """The unit's latest gallring run that finished."""
    return session.scalar(
        select(GallringRun)
        .where(GallringRun.unit_id == unit_id, GallringRun.finished_at.is_not(None))
        .order_by(GallringRun.id.desc())
        .limit(1)
    )

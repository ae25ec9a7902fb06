"""Avvikelser read and numbered: the unit's reports with their action counts, one report's
actions and timeline, and the counts the statistics group in SQL."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, Integer, cast, func, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from enhetschef_app.storage.models_incidents import (
    Incident,
    IncidentAction,
    IncidentEvent,
    IncidentNumberSeries,
)
from enhetschef_app.storage.sql_functions import days_between, year_month


def take_next_sequence(session: Session, unit_id: int, year: int) -> int:
    """The next number of the unit's year; the series only counts up, so none is reused.

    One statement that creates or counts up the year's row and returns the new number: read
    first and written after, two reporters at the same moment (two programs on one file, two
    colleagues on one server) both saw the same last number, or both created the year's row.
    The row stays locked until the report is committed, so the next reporter waits for it."""
    dialect = session.get_bind().dialect.name
    insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
    series_table = IncidentNumberSeries
    statement = (
        insert(series_table)
        .values(unit_id=unit_id, year=year, last_sequence=1)
        .on_conflict_do_update(
            index_elements=["unit_id", "year"],
            set_={"last_sequence": series_table.last_sequence + 1},
        )
        .returning(series_table.last_sequence)
    )
    sequence = int(session.execute(statement).scalar_one())
    # An ORM copy of the row loaded earlier in this session would now be stale.
    series = session.identity_map.get(session.identity_key(IncidentNumberSeries, (unit_id, year)))
    if series is not None:
        session.expire(series)
    return sequence


@dataclass(frozen=True)
class ActionCounts:
    open: int
    overdue: int  # not done and due before `today`
    total: int


def incidents_with_action_counts(
    session: Session,
    unit_id: int,
    today: date,
    first: date | None = None,
    last: date | None = None,
) -> list[tuple[Incident, ActionCounts]]:
    """The unit's reports whose event date lies in [first, last] (either end open), newest
    first, each with its action counts."""
    not_done = IncidentAction.done_on.is_(None)
    counts = (
        select(
            IncidentAction.incident_id.label("incident_id"),
            func.count().label("total"),
            func.sum(cast(not_done, Integer)).label("open"),
            func.sum(cast(not_done & (IncidentAction.due_on < today), Integer)).label("overdue"),
        )
        .group_by(IncidentAction.incident_id)
        .subquery("counts")
    )
    query = (
        select(Incident, counts.c.total, counts.c.open, counts.c.overdue)
        .outerjoin(counts, counts.c.incident_id == Incident.id)
        .where(Incident.unit_id == unit_id)
        .order_by(Incident.occurred_on.desc(), Incident.occurred_at.desc(), Incident.id.desc())
    )
    if first is not None:
        query = query.where(Incident.occurred_on >= first)
    if last is not None:
        query = query.where(Incident.occurred_on <= last)
    return [
        (incident, ActionCounts(int(open_ or 0), int(overdue or 0), int(total or 0)))
        for incident, total, open_, overdue in session.execute(query)
    ]


def incident_of_unit(session: Session, unit_id: int, incident_id: int) -> Incident | None:
    return session.scalar(
        select(Incident).where(Incident.id == incident_id, Incident.unit_id == unit_id)
    )


def incident_by_number(session: Session, unit_id: int, year: int, sequence: int) -> Incident | None:
    return session.scalar(
        select(Incident).where(
            Incident.unit_id == unit_id, Incident.year == year, Incident.sequence == sequence
        )
    )


def actions_of(session: Session, incident_id: int) -> list[IncidentAction]:
    return list(
        session.scalars(
            select(IncidentAction)
            .where(IncidentAction.incident_id == incident_id)
            .order_by(IncidentAction.due_on, IncidentAction.id)
        )
    )


def events_of(session: Session, incident_id: int) -> list[IncidentEvent]:
    return list(
        session.scalars(
            select(IncidentEvent)
            .where(IncidentEvent.incident_id == incident_id)
            .order_by(IncidentEvent.at, IncidentEvent.id)
        )
    )


def action_of_unit(session: Session, unit_id: int, action_id: int) -> IncidentAction | None:
    return session.scalar(
        select(IncidentAction)
        .join(Incident, Incident.id == IncidentAction.incident_id)
        .where(IncidentAction.id == action_id, Incident.unit_id == unit_id)
    )


def _in_year(unit_id: int, year: int) -> list[ColumnElement[bool]]:
    return [
        Incident.unit_id == unit_id,
        Incident.occurred_on >= date(year, 1, 1),
        Incident.occurred_on <= date(year, 12, 31),
    ]


def counts_by(session: Session, unit_id: int, year: int, column: str) -> dict[str, int]:
    """Reports of the year (by event date) counted by track, category, state or month."""
    key = year_month(Incident.occurred_on) if column == "month" else getattr(Incident, column)
    rows = session.execute(select(key, func.count()).where(*_in_year(unit_id, year)).group_by(key))
    return {str(value): int(count) for value, count in rows}


def counts_by_month_and_track(
    session: Session, unit_id: int, year: int
) -> dict[tuple[str, str], int]:
    month = year_month(Incident.occurred_on)
    rows = session.execute(
        select(month, Incident.track, func.count())
        .where(*_in_year(unit_id, year))
        .group_by(month, Incident.track)
    )
    return {(str(m), str(t)): int(n) for m, t, n in rows}


def days_to_close(session: Session, unit_id: int, year: int) -> list[int]:
    """Days from report to closing, for the year's closed reports."""
    days = days_between(Incident.reported_on, Incident.closed_on)
    return [
        int(d)
        for d in session.scalars(
            select(days).where(*_in_year(unit_id, year), Incident.closed_on.is_not(None))
        )
    ]


def action_totals(session: Session, unit_id: int, year: int, today: date) -> ActionCounts:
    not_done = IncidentAction.done_on.is_(None)
    row = session.execute(
        select(
            func.count(),
            func.sum(cast(not_done, Integer)),
            func.sum(cast(not_done & (IncidentAction.due_on < today), Integer)),
        )
        .select_from(IncidentAction)
        .join(Incident, Incident.id == IncidentAction.incident_id)
        .where(*_in_year(unit_id, year))
    ).one()
    total, open_, overdue = row
    return ActionCounts(int(open_ or 0), int(overdue or 0), int(total or 0))


def years_with_incidents(session: Session, unit_id: int) -> list[int]:
    year = cast(func.strftime("%Y", Incident.occurred_on), Integer)
    return [
        int(y)
        for y in session.scalars(
            select(year).where(Incident.unit_id == unit_id).group_by(year).order_by(year.desc())
        )
    ]

"""Omtankessamtal and snoozes of a unit or a person."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from enhetschef_app.domain.care_talks import OPEN_STATES
from enhetschef_app.storage.models_absence import CareTalk, CareTalkSnooze


def talks_of_unit(session: Session, unit_id: int, employee_id: int | None = None) -> list[CareTalk]:
    query = select(CareTalk).where(CareTalk.unit_id == unit_id)
    if employee_id is not None:
        query = query.where(CareTalk.employee_id == employee_id)
    return list(session.scalars(query.order_by(CareTalk.signal_date, CareTalk.id)))


def talk_of_unit(session: Session, unit_id: int, talk_id: int) -> CareTalk | None:
    return session.scalar(
        select(CareTalk).where(CareTalk.id == talk_id, CareTalk.unit_id == unit_id)
    )


def open_talk(session: Session, unit_id: int, employee_id: int) -> CareTalk | None:
    """The person's talk under way (invited, held or followed up), if any."""
    return session.scalar(
        select(CareTalk)
        .where(
            CareTalk.unit_id == unit_id,
            CareTalk.employee_id == employee_id,
            CareTalk.state.in_([state.value for state in OPEN_STATES]),
        )
        .order_by(CareTalk.id.desc())
        .limit(1)
    )


def snoozes_of_unit(
    session: Session, unit_id: int, employee_id: int | None = None
) -> list[CareTalkSnooze]:
    query = select(CareTalkSnooze).where(CareTalkSnooze.unit_id == unit_id)
    if employee_id is not None:
        query = query.where(CareTalkSnooze.employee_id == employee_id)
    return list(session.scalars(query.order_by(CareTalkSnooze.made_on, CareTalkSnooze.id)))


def snooze_of_unit(session: Session, unit_id: int, snooze_id: int) -> CareTalkSnooze | None:
    return session.scalar(
        select(CareTalkSnooze).where(
            CareTalkSnooze.id == snooze_id, CareTalkSnooze.unit_id == unit_id
        )
    )


def talks_held_between(session: Session, unit_id: int, first: date, last: date) -> int:
    """How many of the unit's care talks were held from `first` to `last`."""
    count = session.scalar(
        select(func.count())
        .select_from(CareTalk)
        .where(
            CareTalk.unit_id == unit_id,
            CareTalk.held_on >= first,
            CareTalk.held_on <= last,
        )
    )
    return int(count or 0)

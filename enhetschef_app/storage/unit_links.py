"""Neighbour units are linked both ways: a neighbour lends staff and borrows them."""

from __future__ import annotations

from sqlalchemy import and_, delete, or_
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from enhetschef_app.storage.models import unit_neighbours


def link_units(session: Session, unit_id: int, other_id: int) -> None:
    """Links the two; a link that is already there stays as it is."""
    dialect = session.get_bind().dialect.name
    insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
    session.execute(
        insert(unit_neighbours).on_conflict_do_nothing(),
        [
            {"unit_id": unit_id, "neighbour_id": other_id},
            {"unit_id": other_id, "neighbour_id": unit_id},
        ],
    )


def unlink_units(session: Session, unit_id: int, other_id: int) -> None:
    session.execute(
        delete(unit_neighbours).where(
            or_(
                and_(
                    unit_neighbours.c.unit_id == unit_id,
                    unit_neighbours.c.neighbour_id == other_id,
                ),
                and_(
                    unit_neighbours.c.unit_id == other_id,
                    unit_neighbours.c.neighbour_id == unit_id,
                ),
            )
        )
    )

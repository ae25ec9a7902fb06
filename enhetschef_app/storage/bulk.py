"""Many rows written at once, for the demo unit and the few services that replace a whole
set: one executemany per call, without loading an object per row.

Portable SQL only (SQLAlchemy's insert and update of a model), so the same calls work on
SQLite today and PostgreSQL next.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from typing import Any

from sqlalchemy import delete, insert, inspect, update

from enhetschef_app.storage.models import Base
from enhetschef_app.storage.session import Session

Row = Mapping[str, Any]


def insert_rows(session: Session, model: type[Base], rows: Iterable[Row]) -> None:
    """Inserts `rows` (column name → value) into the model's table; nothing for no rows."""
    batch = [dict(row) for row in rows]
    if batch:
        session.execute(insert(model), batch)


def update_rows(session: Session, model: type[Base], rows: Iterable[Row]) -> None:
    """Updates rows by primary key: each mapping holds the key and the columns to set."""
    batch = [dict(row) for row in rows]
    if batch:
        session.execute(update(model), batch)


def delete_by_ids(session: Session, model: type[Base], ids: Collection[int]) -> None:
    """Deletes the model's rows whose (single-column) primary key is in `ids`."""
    if ids:
        key = inspect(model).primary_key[0]
        session.execute(delete(model).where(key.in_(list(ids))))

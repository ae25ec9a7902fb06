"""Versions of the records a form edits (migration 0012, `models.Versioned`).

Every flush stamps a new or changed record with the unit of work's actor and the time, and the
mapper's `version_id_col` makes each UPDATE check the version it read. A service that saves
what a form read compares the form's version first (`check_version`, after locking the row on
PostgreSQL), so the refusal names who made the newer change and when; a change that lands
between that check and the UPDATE is caught by the UPDATE itself (`StaleDataError`, turned
into the same refusal by `conflict_of`).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import event, inspect, select
from sqlalchemy.orm import Session, UOWTransaction

from enhetschef_app.domain.errors import ChangedByOtherError
from enhetschef_app.storage.models import Versioned

ACTOR_KEY = "actor"
# The versioned records the last flush was to change or delete: a failed flush rolls the
# session back, and the refusal still needs to know which record it was.
FLUSHING_KEY = "versioned_in_flush"


@event.listens_for(Session, "before_flush")
def _stamp(session: Session, _flush: UOWTransaction, _instances: Any) -> None:
    actor = session.info.get(ACTOR_KEY)
    now = datetime.now(UTC)
    for record in session.new:
        if isinstance(record, Versioned):
            record.changed_by = record.changed_by or actor
            record.changed_at = record.changed_at or now
    changing: list[Versioned] = []
    for record in session.dirty:
        if isinstance(record, Versioned) and session.is_modified(record):
            record.changed_by = actor
            record.changed_at = now
            changing.append(record)
    changing.extend(r for r in session.deleted if isinstance(r, Versioned))
    session.info[FLUSHING_KEY] = changing


def lock(session: Session, record: Versioned) -> None:
    """Reads the record anew and, on PostgreSQL, holds its row to the end of the transaction
    (SELECT ... FOR UPDATE; SQLite's one writer needs no lock), so two decisions on one record
    are made one after the other and the second sees the first."""
    session.refresh(record, with_for_update=True)


def touch(record: Versioned) -> None:
    """Marks the record changed (its version moves on at the flush) when what changed is kept
    elsewhere, as a decision on an overtime request."""
    record.changed_at = datetime.now(UTC)


def check_version(session: Session, record: Versioned, expected: int | None) -> None:
    """Refuses the save when the record is no longer the version the form read (`expected`;
    None: the caller read it in this unit of work). Locks the row first."""
    lock(session, record)
    compare_version(record, expected)


def compare_version(record: Versioned, expected: int | None) -> None:
    """`check_version` of a record the caller has just read locked."""
    if expected is not None and record.version != expected:
        raise ChangedByOtherError(record.changed_by, record.changed_at)


def conflict_of(sessions: Any, records: Iterable[Versioned]) -> ChangedByOtherError:
    """The refusal for an UPDATE that matched no row: who changed the record last and when, read
    in a new session (the failed transaction's own view is the old one)."""
    for record in records:
        identity = inspect(record).identity
        if identity is None:
            continue
        kind = type(record)
        key = inspect(kind).primary_key[0]
        with sessions() as fresh:
            row = fresh.execute(
                select(kind.changed_by, kind.changed_at).where(key == identity[0])
            ).first()
        if row is not None:
            return ChangedByOtherError(row[0], row[1])
        return ChangedByOtherError(None, None)
    return ChangedByOtherError(None, None)


def pending_versioned(session: Session) -> list[Versioned]:
    """The versioned records the session's last flush was to change or delete."""
    found: list[Versioned] = session.info.get(FLUSHING_KEY, [])
    return found

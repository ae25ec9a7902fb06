"""Appending to the audit log (who, when, what, before and after, from which account and
machine, and about which person)."""

from __future__ import annotations

import functools
import getpass
import json
import platform
from collections.abc import Iterable, Mapping
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from enhetschef_app.storage.bulk import insert_rows
from enhetschef_app.storage.models import AuditEntry


def _plain(value: Any) -> Any:
    """What json cannot write itself: dates and times as ISO text, a Decimal as its text."""
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, Mapping):  # a mapping that is not a dict
        return dict(value)
    raise TypeError(f"{type(value).__name__} cannot be written to the audit log")


# One encoder for every entry: an import writes tens of thousands of them.
_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True, default=_plain)


def to_json(values: Mapping[str, Any] | None) -> str | None:
    if values is None:
        return None
    try:
        return _ENCODER.encode(values)
    except TypeError:
        # Keys that are not all text cannot be sorted together: written as text, as they read.
        return _ENCODER.encode(_text_keys(values))


def _text_keys(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _text_keys(v) for k, v in value.items()}
    if isinstance(value, tuple | list):
        return [_text_keys(v) for v in value]
    return value


@functools.cache
def os_user() -> str:
    """The operating-system account the program runs as."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "okänd"


@functools.cache
def machine() -> str:
    return platform.node() or "okänd"


# Entries of this entity have the employee's own id as their entity id.
EMPLOYEE_ENTITY = "medarbetare"


def _person_of(
    entity: str,
    entity_id: object | None,
    before: Mapping[str, Any] | None,
    after: Mapping[str, Any] | None,
) -> int | None:
    if entity == EMPLOYEE_ENTITY and str(entity_id).isdigit():
        return int(str(entity_id))
    for values in (after, before):
        found = None if values is None else values.get("employee_id")
        if isinstance(found, int):
            return found
    return None


def record(
    session: Session,
    *,
    actor: str,
    action: str,
    entity: str,
    entity_id: object | None = None,
    unit_id: int | None = None,
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
    employee_id: int | None = None,
) -> AuditEntry:
    """Appends one entry. `employee_id` is the person it is about; left out, it is taken from
    an employee entity's id or an `employee_id` in the details."""
    entry = AuditEntry(
        actor=actor,
        unit_id=unit_id,
        action=action,
        entity=entity,
        entity_id=None if entity_id is None else str(entity_id),
        before_json=to_json(before),
        after_json=to_json(after),
        os_user=os_user(),
        machine=machine(),
        employee_id=employee_id
        if employee_id is not None
        else _person_of(entity, entity_id, before, after),
    )
    session.add(entry)
    return entry


def record_many(
    session: Session,
    *,
    actor: str,
    action: str,
    entity: str,
    unit_id: int | None,
    entries: Iterable[tuple[object, Mapping[str, Any] | None, Mapping[str, Any] | None]],
) -> int:
    """Many entries of one action at once, each (entity id, before, after), in one executemany:
    an import of thousands of rows would otherwise make an ORM object per entry."""
    account, host = os_user(), machine()
    rows = [
        {
            "actor": actor,
            "unit_id": unit_id,
            "action": action,
            "entity": entity,
            "entity_id": None if entity_id is None else str(entity_id),
            "before_json": to_json(before),
            "after_json": to_json(after),
            "os_user": account,
            "machine": host,
            "employee_id": _person_of(entity, entity_id, before, after),
        }
        for entity_id, before, after in entries
    ]
    insert_rows(session, AuditEntry, rows)
    return len(rows)

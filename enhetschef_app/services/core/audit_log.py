"""The audit log as the EC reads it (Inställningar → Logg): who did what, when, from which
account and machine, filterable by the person an entry is about and by who made it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from enhetschef_app.services.core.workspace import Workspace, use_case
from enhetschef_app.storage.queries.audit_log import employees_by_name, newest_entries

LIMIT = 2000  # the newest entries; the filter narrows before the limit


@dataclass(frozen=True)
class LogLine:
    id: int
    at: datetime
    actor: str
    os_user: str | None
    machine: str | None
    action: str
    entity: str
    entity_id: str | None
    person: str | None  # the employee it is about, by name
    details: str


@dataclass(frozen=True)
class LogPerson:
    employee_id: int
    label: str  # "Anna Berg (1001)"


@use_case
def log_people(workspace: Workspace) -> list[LogPerson]:
    """The unit's employees, for the person filter."""
    unit = workspace.require_unit()
    with workspace.transaction() as session:
        rows = employees_by_name(session, unit.id)
        return [LogPerson(i, f"{name} ({number})") for i, name, number in rows]


@use_case
def log_lines(
    workspace: Workspace, *, employee_id: int | None = None, who: str = "", limit: int = LIMIT
) -> list[LogLine]:
    """The unit's entries (and those of no unit), newest first."""
    unit = workspace.require_unit()
    with workspace.transaction() as session:
        return [
            LogLine(
                id=entry.id,
                at=entry.at,
                actor=entry.actor,
                os_user=entry.os_user,
                machine=entry.machine,
                action=entry.action,
                entity=entry.entity,
                entity_id=entry.entity_id,
                person=name,
                details=_details(entry.before_json, entry.after_json),
            )
            for entry, name in newest_entries(
                session, unit.id, employee_id=employee_id, who=who.strip(), limit=limit
            )
        ]


def _details(before: str | None, after: str | None) -> str:
    parts = []
    if before:
        parts.append(f"före: {before}")
    if after:
        parts.append(f"efter: {after}")
    return "; ".join(parts)

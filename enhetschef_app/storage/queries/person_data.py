"""Every row the database holds about one employee, found from the schema itself: the tables
with a foreign key to `employees`, and the tables below them (a goal of a talk, a decision on a
request). A table that refers to the person directly is read by that reference only, never
through another parent, so a row about someone else never comes along."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, or_, select
from sqlalchemy.orm import Session

from enhetschef_app.storage.model_registry import metadata
from enhetschef_app.storage.models import AuditEntry

EMPLOYEES = "employees"


@dataclass(frozen=True)
class PersonTable:
    name: str
    direct: tuple[str, ...]  # columns referring to employees.id
    via: tuple[tuple[str, str], ...]  # (column, parent table) when no direct reference


def person_tables(tables: Iterable[Table] | None = None) -> list[PersonTable]:
    """The tables that refer to an employee, directly or through a parent, parents first;
    `employees` itself first of all."""
    known = {t.name: t for t in (tables if tables is not None else metadata.sorted_tables)}
    found: dict[str, PersonTable] = {EMPLOYEES: PersonTable(EMPLOYEES, ("id",), ())}
    order = [EMPLOYEES]
    for table in known.values():
        direct = tuple(
            fk.parent.name for fk in table.foreign_keys if fk.column.table.name == EMPLOYEES
        )
        if direct and table.name != EMPLOYEES:
            found[table.name] = PersonTable(table.name, tuple(sorted(direct)), ())
            order.append(table.name)
    changed = True
    while changed:
        changed = False
        for table in known.values():
            if table.name in found:
                continue
            via = tuple(
                sorted(
                    (fk.parent.name, fk.column.table.name)
                    for fk in table.foreign_keys
                    if fk.column.table.name in found and fk.column.table.name != table.name
                )
            )
            if via:
                found[table.name] = PersonTable(table.name, (), via)
                order.append(table.name)
                changed = True
    return [found[name] for name in order]


def person_rows(session: Session, employee_id: int) -> dict[str, list[dict[str, Any]]]:
    """Table name → the person's rows (column → value), for every table of `person_tables`."""
    rows: dict[str, list[dict[str, Any]]] = {}
    ids: dict[str, set[Any]] = {}
    for spec in person_tables():
        table = metadata.tables[spec.name]
        if spec.direct:
            condition = or_(*(table.c[column] == employee_id for column in spec.direct))
        else:
            parents = [
                table.c[column].in_(sorted(ids[parent]))
                for column, parent in spec.via
                if ids.get(parent)
            ]
            if not parents:
                rows[spec.name] = []
                ids[spec.name] = set()
                continue
            condition = or_(*parents)
        order = [c for c in table.primary_key.columns]
        found = [
            dict(r._mapping)
            for r in session.execute(select(table).where(condition).order_by(*order))
        ]
        rows[spec.name] = found
        pk = [c.name for c in table.primary_key.columns]
        ids[spec.name] = {r[pk[0]] for r in found} if len(pk) == 1 else set()
    return rows


def lookup_names(session: Session, table: str, column: str, keys: set[Any]) -> dict[Any, Any]:
    """id → a readable value of a referenced table (a training's name, a unit's code)."""
    if not keys:
        return {}
    found = metadata.tables[table]
    return {
        key: value
        for key, value in session.execute(
            select(found.c.id, found.c[column]).where(found.c.id.in_(sorted(keys)))
        )
    }


def audit_entries_about(
    session: Session, employee_id: int, refs: Iterable[tuple[str, str]]
) -> list[AuditEntry]:
    """The audit log's entries about the person: marked with their id, or about one of their
    records (entity, entity id)."""
    by_entity: dict[str, set[str]] = {}
    for entity, entity_id in refs:
        by_entity.setdefault(entity, set()).add(entity_id)
    conditions = [AuditEntry.employee_id == employee_id]
    conditions += [
        (AuditEntry.entity == entity) & AuditEntry.entity_id.in_(sorted(entity_ids))
        for entity, entity_ids in by_entity.items()
    ]
    return list(session.scalars(select(AuditEntry).where(or_(*conditions)).order_by(AuditEntry.id)))

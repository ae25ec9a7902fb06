"""Moving a unit in: one unit with its whole history copied from one database into another
(a SQLite file into a PostgreSQL server database, or into another file), as one transaction,
and verified before it commits.

Which tables are copied is read from the models' metadata, in the order of their foreign keys:
a table is the unit's when it has a `unit_id` that refers to `units`, or a required foreign key
to a table that is the unit's (an absence through its employee, a goal through its talk).
Catalogues that every unit of a database shares are matched at the target by their natural key
and made there when missing. What is deliberately not copied is listed in `NOT_COPIED` with the
reason; a table added to the models later is either copied by these rules or stops the copy
(and the test that holds every table to one of the three).

Ids are new at the target. Foreign keys are remapped; so are the references that have no
foreign key: the audit log's `employee_id` and its `entity_id` where the entity is a row of a
table, and a schedule import's `row_id`. A reference to a row that no longer exists at the
source cannot point at a row of the target: the audit log's employee becomes NULL, an entity id
gets the prefix `GONE_PREFIX`, an import item's row id is negated. A reference out of the unit
(a cover by a neighbour unit's employee) is found at the target by the employee's unit code and
number, or the copy is refused.

The check compares, per table, the number of rows and a checksum over what the rows say and not
their ids: each row's digest is made from its values with every reference replaced by the
referenced row's digest (a catalogue's by its natural key), and the table's checksum is the
digest of the sorted row digests.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from sqlalchemy import Column, Connection, MetaData, Table, func, insert, select, text
from sqlalchemy.orm import Session

from enhetschef_app.domain.errors import UserError

UNITS = "units"
# Deliberately not per unit, and not copied: why.
NOT_COPIED: dict[str, str] = {
    "unit_neighbours": "grannenheter är förvaltningens beslut och gäller två enheter",
    "unit_members": "behörigheter ges av databasens ägare på servern (admin grant)",
}
# Shared by every unit of a database: matched at the target by these columns, made if missing.
CATALOGUES: dict[str, tuple[str, ...]] = {
    "training_kinds": ("name",),
    "intro_items": ("title",),
    "import_column_mappings": ("kind", "layout_key"),
}
# The audit log's entities whose entity_id is the id of a row of a table (as the services
# write them); any other entity_id (a month, a setting's key, a login) is copied as written.
AUDIT_ENTITY_TABLES: dict[str, str] = {
    "enhet": "units",
    "medarbetare": "employees",
    "franvaro": "absences",
    "omtankessamtal": "care_talks",
    "omtankessignal": "care_talk_snoozes",
    "avvikelse_atgard": "incident_actions",
    "overtid": "overtime_requests",
    "ersattare": "schedule_covers",
    "passtyp": "shift_types",
    "schemarad": "schedule_rows",
    "schema": "import_batches",
    "gallring": "gallring_runs",
    "utbildning_genomford": "trainings",
    "delegering": "delegations",
    "avslutningssamtal": "exit_talks",
    "introduktionspunkt": "intro_checks",
    "introduktionslista": "intro_items",
    "medarbetarsamtal": "review_talks",
}
GONE_PREFIX = "borttagen:"
# The audit entry the target gets when a unit has moved in (services/core/unit_copy.py).
MOVED_IN_ACTION = "flytta_in_enhet"
# Tables whose references without a foreign key are remapped (see `_Copier.remap`).
SOFT_REFERENCES = ("import_batch_items", "audit_log")
_BATCH = 500
_GONE = ("borttagen",)


class UnitCopyRefused(UserError):
    pass


@dataclass(frozen=True)
class TablePlan:
    """How one table's rows of the unit are found: `how` is "unit" (the unit row itself),
    "unit_id" (its own column), "parent" (through `parent_column` into `parent`) or
    "catalogue"."""

    table: Table
    how: str
    parent_column: str | None = None
    parent: str | None = None

    @property
    def name(self) -> str:
        return self.table.name


@dataclass(frozen=True)
class TableCheck:
    table: str
    source_rows: int
    target_rows: int
    source_checksum: str
    target_checksum: str

    @property
    def matches(self) -> bool:
        return self.source_rows == self.target_rows and self.source_checksum == self.target_checksum


@dataclass
class CopyResult:
    unit_code: str
    checks: list[TableCheck] = field(default_factory=list)

    @property
    def all_match(self) -> bool:
        return all(check.matches for check in self.checks)


@functools.cache
def _layout(table: Table) -> tuple[tuple[str, str | None], ...]:
    """The table's columns other than its surrogate id, each with the table it refers to."""
    return tuple(
        (column.name, _single_fk(column))
        for column in table.c
        if not _is_surrogate(table, column.name)
    )


def _single_fk(column: Column[Any]) -> str | None:
    keys = list(column.foreign_keys)
    return keys[0].column.table.name if keys else None


def copy_plan(metadata: MetaData) -> list[TablePlan]:
    """Every table that is copied, parents before children. A table the rules do not place
    is an error: it has to be placed by hand (here) before a unit can be moved."""
    plans: list[TablePlan] = []
    placed: set[str] = set()
    for table in metadata.sorted_tables:
        name = table.name
        if name in NOT_COPIED:
            continue
        if name in CATALOGUES:
            plans.append(TablePlan(table, "catalogue"))
        elif name == UNITS:
            plans.append(TablePlan(table, "unit"))
        elif "unit_id" in table.c and _single_fk(table.c.unit_id) == UNITS:
            plans.append(TablePlan(table, "unit_id"))
        else:
            parents = [
                column
                for column in table.c
                if not column.nullable
                and _single_fk(column) in placed
                and _single_fk(column) not in CATALOGUES
            ]
            if not parents:
                raise RuntimeError(
                    f"table {name} is neither the unit's, a catalogue nor listed in NOT_COPIED"
                )
            column = parents[0]
            plans.append(TablePlan(table, "parent", column.name, _single_fk(column)))
        placed.add(name)
    # References without a foreign key point into tables the metadata does not order them
    # after: these come last, when every row they may name has its new id.
    last = [plan for plan in plans if plan.name in SOFT_REFERENCES]
    return [plan for plan in plans if plan.name not in SOFT_REFERENCES] + last


def _where(plan: TablePlan, plans: Mapping[str, TablePlan], unit_id: int) -> Any:
    """The condition that selects the unit's rows of the table."""
    table = plan.table
    if plan.how == "unit":
        return table.c.id == unit_id
    if plan.how == "unit_id":
        return table.c.unit_id == unit_id
    if plan.how == "catalogue":
        return None
    assert plan.parent is not None and plan.parent_column is not None
    parent = plans[plan.parent]
    inner = select(parent.table.c.id)
    condition = _where(parent, plans, unit_id)
    if condition is not None:
        inner = inner.where(condition)
    return table.c[plan.parent_column].in_(inner)


def read_rows(
    connection: Connection, plan: TablePlan, plans: Mapping[str, TablePlan], unit_id: int
) -> list[dict[str, Any]]:
    statement = select(plan.table)
    condition = _where(plan, plans, unit_id)
    if condition is not None:
        statement = statement.where(condition)
    if "id" in plan.table.c:
        statement = statement.order_by(plan.table.c.id)
    else:
        statement = statement.order_by(*plan.table.primary_key.columns)
    return [dict(row._mapping) for row in connection.execute(statement)]


def moved_in_at(session: Session, unit_id: int) -> datetime | None:
    """When the unit last moved into this database, if it did."""
    from enhetschef_app.storage.models import AuditEntry

    found: datetime | None = session.scalar(
        select(func.max(AuditEntry.at)).where(
            AuditEntry.unit_id == unit_id, AuditEntry.action == MOVED_IN_ACTION
        )
    )
    return found


# Two copies of the same unit into one server at once: the second waits for the first, then
# finds the unit there and is refused (any fixed number; this one spells "COPY").
_COPY_LOCK = 0x434F5059


def hold_unit_code(connection: Connection, code: str) -> None:
    """Holds the unit's code at a server target until the transaction ends. A file's writer
    holds the whole file already."""
    if connection.dialect.name == "postgresql":
        connection.execute(
            text("SELECT pg_advisory_xact_lock(:key, hashtext(:code))"),
            {"key": _COPY_LOCK, "code": code},
        )


def unit_id_of(connection: Connection, metadata: MetaData, code: str) -> int | None:
    units = metadata.tables[UNITS]
    found = connection.execute(select(units.c.id).where(units.c.code == code)).scalar()
    return None if found is None else int(found)


class _Copier:
    def __init__(
        self,
        source: Connection,
        target: Connection,
        metadata: MetaData,
        unit_id: int,
    ) -> None:
        self.source = source
        self.target = target
        self.metadata = metadata
        self.unit_id = unit_id
        self.ids: dict[str, dict[int, int]] = {}

    def outside(self, table: str, source_id: int) -> int:
        """A reference out of the unit: found at the target by its natural key."""
        if table == "employees":
            employees = self.metadata.tables["employees"]
            units = self.metadata.tables[UNITS]
            row = self.source.execute(
                select(units.c.code, employees.c.employee_no)
                .join(units, units.c.id == employees.c.unit_id)
                .where(employees.c.id == source_id)
            ).first()
            if row is not None:
                found = self.target.execute(
                    select(employees.c.id)
                    .join(units, units.c.id == employees.c.unit_id)
                    .where(units.c.code == row.code, employees.c.employee_no == row.employee_no)
                ).scalar()
                if found is not None:
                    self.ids.setdefault(table, {})[source_id] = int(found)
                    return int(found)
                raise UnitCopyRefused(
                    f"Enheten har uppgifter om en medarbetare i enheten {row.code} "
                    f"(anställningsnummer {row.employee_no}), till exempel ett pass som "
                    f"grannenheten täckt, och den medarbetaren finns inte i måldatabasen. Flytta "
                    f"in enheten {row.code} först. Inget har kopierats."
                )
        raise UnitCopyRefused(
            f"Enheten har en hänvisning till en rad i tabellen {table} som inte hör till "
            "enheten och inte finns i måldatabasen. Inget har kopierats."
        )

    def remap(self, plan: TablePlan, row: dict[str, Any]) -> dict[str, Any]:
        table = plan.table
        layout = _layout(table)
        values = {name: row[name] for name, _referred in layout}
        for name, referred in layout:
            value = values[name]
            if referred is None or value is None:
                continue
            mapped = self.ids.get(referred, {}).get(value)
            values[name] = mapped if mapped is not None else self.outside(referred, value)
        if table.name == "audit_log":
            employee = values.get("employee_id")
            if employee is not None:
                values["employee_id"] = self.ids.get("employees", {}).get(employee)
            entity_table = AUDIT_ENTITY_TABLES.get(values.get("entity") or "")
            entity_id = values.get("entity_id")
            if entity_table is not None and entity_id is not None and entity_id.isdigit():
                mapped = self.ids.get(entity_table, {}).get(int(entity_id))
                values["entity_id"] = (
                    str(mapped) if mapped is not None else f"{GONE_PREFIX}{entity_id}"
                )
        if table.name == "import_batch_items":
            mapped = self.ids.get("schedule_rows", {}).get(values["row_id"])
            values["row_id"] = mapped if mapped is not None else -abs(values["row_id"])
        return values

    def copy_catalogue(self, plan: TablePlan, rows: list[dict[str, Any]]) -> None:
        table = plan.table
        key = CATALOGUES[plan.name]
        present: dict[tuple[Any, ...], int] = {}
        for existing in self.target.execute(select(table).order_by(table.c.id.desc())):
            present[tuple(existing._mapping[k] for k in key)] = int(existing.id)
        mapping = self.ids.setdefault(plan.name, {})
        for row in rows:
            natural = tuple(row[k] for k in key)
            if natural not in present:
                values = {k: v for k, v in row.items() if k != "id"}
                present[natural] = int(
                    self.target.execute(insert(table).returning(table.c.id), values).scalar_one()
                )
            mapping[int(row["id"])] = present[natural]

    def copy_table(self, plan: TablePlan, rows: list[dict[str, Any]]) -> None:
        if plan.how == "catalogue":
            self.copy_catalogue(plan, rows)
            return
        table = plan.table
        if "id" not in table.c:
            for start in range(0, len(rows), _BATCH):
                chunk = [self.remap(plan, row) for row in rows[start : start + _BATCH]]
                self.target.execute(insert(table), chunk)
            return
        mapping = self.ids.setdefault(plan.name, {})
        self_referring = any(_single_fk(column) == plan.name for column in table.c)
        size = 1 if self_referring else _BATCH
        statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
        for start in range(0, len(rows), size):
            chunk = rows[start : start + size]
            values = [self.remap(plan, row) for row in chunk]
            new_ids = self.target.execute(statement, values).scalars().all()
            for row, new_id in zip(chunk, new_ids, strict=True):
                mapping[int(row["id"])] = int(new_id)


def _is_surrogate(table: Table, column: str) -> bool:
    return column == "id" and "id" in table.c and table.c.id.primary_key


def copy_unit_rows(
    source: Connection,
    target: Connection,
    metadata: MetaData,
    unit_code: str,
    *,
    on_table: Callable[[str, int], None] | None = None,
) -> None:
    """Copies the unit's rows from `source` into `target`, in the callers' transactions.
    `on_table(name, rows)` is called after each table."""
    unit_id = unit_id_of(source, metadata, unit_code)
    if unit_id is None:
        raise UnitCopyRefused(f"Enheten {unit_code} finns inte i källdatabasen.")
    plans = copy_plan(metadata)
    by_name = {plan.name: plan for plan in plans}
    copier = _Copier(source, target, metadata, unit_id)
    for plan in plans:
        rows = read_rows(source, plan, by_name, unit_id)
        copier.copy_table(plan, rows)
        if on_table is not None:
            on_table(plan.name, len(rows))


# --- the check ---------------------------------------------------------------------------


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value.normalize()) if value == value.to_integral() else str(value)
    if isinstance(value, bytes):
        return value.hex()
    return value


def _digest(value: Any) -> str:
    dumped = json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(dumped.encode()).hexdigest()


class _Fingerprints:
    """Each row's digest, by table and id, for one database."""

    def __init__(self, connection: Connection, metadata: MetaData, unit_id: int) -> None:
        self.connection = connection
        self.metadata = metadata
        self.unit_id = unit_id
        self.by_id: dict[str, dict[int, str]] = {}

    def reference(self, table: str, value: Any) -> Any:
        if value is None:
            return None
        known = self.by_id.get(table)
        if known is not None and value in known:
            return known[value]
        if table == "employees":  # out of the unit: by its natural key
            employees = self.metadata.tables["employees"]
            units = self.metadata.tables[UNITS]
            row = self.connection.execute(
                select(units.c.code, employees.c.employee_no)
                .join(units, units.c.id == employees.c.unit_id)
                .where(employees.c.id == value)
            ).first()
            if row is not None:
                return ["employees", row.code, row.employee_no]
        return _GONE

    def row_digest(
        self, plan: TablePlan, row: Mapping[str, Any], rows_by_id: Mapping[int, Mapping[str, Any]]
    ) -> str:
        table = plan.table
        if plan.how == "catalogue":
            return _digest([_plain(row[k]) for k in CATALOGUES[plan.name]])
        values: dict[str, Any] = {}
        for name, referred in _layout(table):
            value = row[name]
            if referred == plan.name and value is not None:  # a row of its own table
                parent = rows_by_id.get(value)
                values[name] = (
                    _GONE
                    if parent is None
                    else self.by_id[plan.name].get(value)
                    or self.row_digest(plan, parent, rows_by_id)
                )
            elif referred is not None:
                values[name] = self.reference(referred, value)
            else:
                values[name] = _plain(value)
        if table.name == "audit_log":
            values["employee_id"] = (
                None
                if row["employee_id"] is None
                else self.by_id.get("employees", {}).get(row["employee_id"])
            )
            entity_table = AUDIT_ENTITY_TABLES.get(row["entity"] or "")
            entity_id = row["entity_id"]
            if entity_table is not None and entity_id is not None:
                if entity_id.isdigit():
                    values["entity_id"] = self.by_id.get(entity_table, {}).get(
                        int(entity_id), _GONE
                    )
                elif entity_id.startswith(GONE_PREFIX):
                    values["entity_id"] = _GONE
        if table.name == "import_batch_items":
            values["row_id"] = self.by_id.get("schedule_rows", {}).get(row["row_id"], _GONE)
        return _digest(values)

    def table(self, plan: TablePlan, plans: Mapping[str, TablePlan]) -> tuple[int, str]:
        rows = read_rows(self.connection, plan, plans, self.unit_id)
        known = self.by_id.setdefault(plan.name, {})
        has_id = "id" in plan.table.c
        rows_by_id = {row["id"]: row for row in rows} if has_id else {}
        digests = []
        for row in rows:
            digest = self.row_digest(plan, row, rows_by_id)
            if has_id:
                known[row["id"]] = digest
            digests.append(digest)
        if plan.how == "catalogue":  # one per natural key, as the target matches them
            digests = list(set(digests))
        return len(digests), _digest(sorted(digests))


def check_copy(
    source: Connection,
    target: Connection,
    metadata: MetaData,
    unit_code: str,
) -> list[TableCheck]:
    """Rows and checksum of every copied table, source against target. A catalogue counts the
    source's rows and, at the target, the rows with the same natural keys."""
    plans = copy_plan(metadata)
    by_name = {plan.name: plan for plan in plans}
    source_unit = unit_id_of(source, metadata, unit_code)
    target_unit = unit_id_of(target, metadata, unit_code)
    if source_unit is None or target_unit is None:
        raise UnitCopyRefused(f"Enheten {unit_code} saknas efter kopieringen.")
    ours = _Fingerprints(source, metadata, source_unit)
    theirs = _Fingerprints(target, metadata, target_unit)
    checks: list[TableCheck] = []
    for plan in plans:
        source_rows, source_sum = ours.table(plan, by_name)
        if plan.how == "catalogue":
            target_rows, target_sum = _catalogue_at_target(target, plan, source, theirs, by_name)
        else:
            target_rows, target_sum = theirs.table(plan, by_name)
        checks.append(TableCheck(plan.name, source_rows, target_rows, source_sum, target_sum))
    return checks


def _catalogue_at_target(
    target: Connection,
    plan: TablePlan,
    source: Connection,
    theirs: _Fingerprints,
    plans: Mapping[str, TablePlan],
) -> tuple[int, str]:
    """The target's rows of a catalogue whose natural keys the source has (one per key)."""
    key = CATALOGUES[plan.name]
    wanted = {tuple(row[k] for k in key) for row in read_rows(source, plan, plans, theirs.unit_id)}
    known = theirs.by_id.setdefault(plan.name, {})
    chosen: dict[tuple[Any, ...], str] = {}
    for row in read_rows(target, plan, plans, theirs.unit_id):
        natural = tuple(row[k] for k in key)
        digest = theirs.row_digest(plan, row, {})
        known[row["id"]] = digest
        if natural in wanted:
            chosen[natural] = digest
    return len(chosen), _digest(sorted(chosen.values()))


def table_names(plans: Iterable[TablePlan]) -> Sequence[str]:
    return [plan.name for plan in plans]

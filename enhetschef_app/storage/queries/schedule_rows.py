"""The schedule of a period as the rules read it: rows, covers, absences, shift kinds, needs
and neighbour units, returned as the domain's value types."""

from __future__ import annotations

import json
from collections.abc import Collection, Sequence
from dataclasses import replace
from datetime import UTC, date, datetime, time
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, String, and_, delete, or_, select, type_coerce
from sqlalchemy.orm import Session

from enhetschef_app.domain.actual_schedule import AbsenceSpan, CoverRecord, RowShift
from enhetschef_app.domain.schedule_merge import RowValues
from enhetschef_app.domain.shift_kinds import ShiftKind, parse_shift_kind
from enhetschef_app.domain.staffing import NeedBand
from enhetschef_app.storage.bulk import insert_rows
from enhetschef_app.storage.models import (
    Absence,
    Employee,
    ScheduleRow,
    ShiftType,
    StaffingNeed,
    Unit,
    unit_neighbours,
)
from enhetschef_app.storage.models_schedule import ImportColumnMapping, ScheduleCover
from enhetschef_app.storage.queries.neighbour_views import neighbour_numbers

# SQLite allows some thousands of bound parameters; lists of ids go in chunks below that.
_CHUNK = 900


def shift_kinds(session: Session, unit_id: int) -> dict[str, ShiftKind]:
    """{code: kind} of the unit's shift types."""
    rows = session.execute(
        select(ShiftType.code, ShiftType.kind).where(ShiftType.unit_id == unit_id)
    )
    return {code: parse_shift_kind(kind) for code, kind in rows}


def _connection(session: Session) -> Connection:
    """The session's connection for plain rows without the ORM's row handling, with what the
    session holds unwritten flushed first (as the session's own execute would)."""
    session.flush()
    return session.connection()


def _row_shifts(session: Session, where: Any) -> list[RowShift]:
    """The rows matching `where`, by date, start and id.

    The rows alone on the connection, with the dates and times as stored text converted once
    per distinct text (`_converted`); the employees' numbers and the shift types' kinds in one
    query each, looked up here: a year of rows shares a few thousand values and a hundred
    people, and the ORM's row handling, per-value parsing and per-row joins were most of the
    time a check of the schedule took.
    """
    dialect = session.get_bind().dialect
    table: Any = ScheduleRow.__table__
    connection = _connection(session)
    rows = connection.execute(
        select(
            ScheduleRow.id,
            type_coerce(ScheduleRow.work_date, String),
            type_coerce(ScheduleRow.start_time, String),
            type_coerce(ScheduleRow.end_time, String),
            ScheduleRow.break_minutes,
            ScheduleRow.shift_code,
            ScheduleRow.employee_id,
            ScheduleRow.unit_id,
        )
        .where(where)
        .order_by(ScheduleRow.work_date, ScheduleRow.start_time, ScheduleRow.id)
    ).all()
    if not rows:
        return []
    ids, days, starts, ends, rasts, codes, employees, units = zip(*rows, strict=True)
    people = sorted({e for e in employees if e is not None})
    numbers: dict[int | None, str] = {}
    for at in range(0, len(people), _CHUNK):
        numbers.update(
            connection.execute(
                select(Employee.id, Employee.employee_no).where(
                    Employee.id.in_(people[at : at + _CHUNK])
                )
            ).all()
        )
    resource = ShiftKind.RESOURCE.value
    resources = {
        (unit, code)
        for unit, code in connection.execute(
            select(ShiftType.unit_id, ShiftType.code).where(
                ShiftType.unit_id.in_(sorted(set(units))), ShiftType.kind == resource
            )
        )
    }
    return [
        RowShift(
            row_id,
            day,
            start,
            end,
            rast,
            code,
            employee,
            numbers.get(employee),
            (unit, code) in resources,
        )
        for row_id, day, start, end, rast, code, employee, unit in zip(
            ids,
            _converted(days, table.c.work_date, dialect),
            _converted(starts, table.c.start_time, dialect),
            _converted(ends, table.c.end_time, dialect),
            rasts,
            codes,
            employees,
            units,
            strict=True,
        )
    ]


def unit_rows(session: Session, unit_id: int, first: date, last: date) -> list[RowShift]:
    """The unit's rows with a work date in first..last."""
    return _row_shifts(
        session,
        and_(
            ScheduleRow.unit_id == unit_id,
            ScheduleRow.work_date >= first,
            ScheduleRow.work_date <= last,
        ),
    )


def rows_covered_elsewhere(
    session: Session, unit_id: int, employee_ids: Collection[int], first: date, last: date
) -> list[RowShift]:
    """Rows of other units, first..last, that these employees cover (lent to a neighbour)."""
    found: list[RowShift] = []
    ids = sorted(employee_ids)
    for at in range(0, len(ids), _CHUNK):
        covered = select(ScheduleCover.row_id).where(
            ScheduleCover.employee_id.in_(ids[at : at + _CHUNK]),
            ScheduleCover.unit_id != unit_id,
        )
        found += _row_shifts(
            session,
            and_(
                ScheduleRow.work_date >= first,
                ScheduleRow.work_date <= last,
                ScheduleRow.id.in_(covered),
            ),
        )
    # On a server the other unit's person on the row is hidden (row-level security: the row
    # shows through migration 0013's policy, its employee does not): the row has an employee
    # id and no number. Its cover was placed because the row was empty, so it reads as the
    # vacant row our person covers. On a file every employee shows and nothing changes.
    return [
        replace(row, employee_id=None)
        if row.employee_id is not None and row.employee_no is None
        else row
        for row in found
    ]


def unit_codes_of_rows(session: Session, row_ids: Collection[int]) -> dict[int, str]:
    """{row id: code of the row's unit} of rows the login may read."""
    rows = session.execute(
        select(ScheduleRow.id, Unit.code)
        .join(Unit, Unit.id == ScheduleRow.unit_id)
        .where(ScheduleRow.id.in_(sorted(row_ids)))
    )
    return {r.id: r.code for r in rows}


def staff_of_unit(
    session: Session, unit_id: int
) -> list[tuple[int, str, str, str, Decimal | None, int | None, date | None, date | None]]:
    """(id, number, name, employment form, grade, own full-time week in minutes, start, end)
    of the unit's employees by number: what the schedule's rules need of them, without the
    rest of each person's record."""
    rows = session.execute(
        select(
            Employee.id,
            Employee.employee_no,
            Employee.name,
            Employee.employment_form,
            Employee.grade_percent,
            Employee.fulltime_week_minutes,
            Employee.start_date,
            Employee.end_date,
        )
        .where(Employee.unit_id == unit_id)
        .order_by(Employee.employee_no)
    )
    return [tuple(r) for r in rows]  # type: ignore[misc]  # the select's columns, in order


def row_by_id(session: Session, row_id: int) -> RowShift | None:
    rows = _row_shifts(session, ScheduleRow.id == row_id)
    return rows[0] if rows else None


_COVER_COLUMNS = (
    ScheduleCover.row_id,
    ScheduleCover.employee_id,
    Employee.employee_no,
    ScheduleCover.kind,
    ScheduleCover.released_row_id,
)


def covers_of_rows(session: Session, row_ids: Collection[int]) -> list[CoverRecord]:
    ids = sorted(row_ids)
    found: list[CoverRecord] = []
    for at in range(0, len(ids), _CHUNK):
        rows = _connection(session).execute(
            select(*_COVER_COLUMNS)
            .outerjoin(Employee, Employee.id == ScheduleCover.employee_id)
            .where(ScheduleCover.row_id.in_(ids[at : at + _CHUNK]))
        )
        found += [CoverRecord(*r) for r in rows]
    return _with_neighbour_numbers(session, found)


def covers_of_unit_rows(
    session: Session, unit_id: int, first: date, last: date
) -> list[CoverRecord]:
    """The covers of the unit's rows with a work date in first..last: those of
    `covers_of_rows` over `unit_rows`' ids, in one query instead of lists of ids."""
    rows = _connection(session).execute(
        select(*_COVER_COLUMNS)
        .join(ScheduleRow, ScheduleRow.id == ScheduleCover.row_id)
        .outerjoin(Employee, Employee.id == ScheduleCover.employee_id)
        .where(
            ScheduleRow.unit_id == unit_id,
            ScheduleRow.work_date >= first,
            ScheduleRow.work_date <= last,
        )
    )
    return _with_neighbour_numbers(session, [CoverRecord(*r) for r in rows])


def _with_neighbour_numbers(session: Session, found: list[CoverRecord]) -> list[CoverRecord]:
    # On a server a neighbour unit's employee who covers one of our rows is hidden from the
    # employees table: her number comes through the neighbour views (migration 0013).
    hidden = {c.employee_id for c in found if c.employee_no is None}
    if not hidden:
        return found
    numbers = neighbour_numbers(session, hidden)
    return [
        c if c.employee_no is not None else replace(c, employee_no=numbers.get(c.employee_id, ""))
        for c in found
    ]


def absences_between(
    session: Session, employee_ids: Collection[int] | None, first: date, last: date
) -> list[AbsenceSpan]:
    """Absences touching first..last, of these employees (None: everyone)."""
    where = [
        Absence.start_date <= last,
        or_(Absence.end_date.is_(None), Absence.end_date >= first),
    ]
    if employee_ids is None:
        rows = session.execute(
            select(Absence.employee_id, Absence.start_date, Absence.end_date).where(*where)
        )
        return [AbsenceSpan(r.employee_id, r.start_date, r.end_date) for r in rows]
    ids = sorted(employee_ids)
    found: list[AbsenceSpan] = []
    for at in range(0, len(ids), _CHUNK):
        rows = session.execute(
            select(Absence.employee_id, Absence.start_date, Absence.end_date).where(
                Absence.employee_id.in_(ids[at : at + _CHUNK]), *where
            )
        )
        found += [AbsenceSpan(r.employee_id, r.start_date, r.end_date) for r in rows]
    return found


def absence_rows_between(
    session: Session, unit_id: int, first: date, last: date
) -> list[tuple[int, str, str, str, date, date | None, int]]:
    """(employee id, number, name, kind, start, end, extent) of the unit's absences in the
    period, for the EC's own list on Dagsuppföljning."""
    rows = session.execute(
        select(
            Employee.id,
            Employee.employee_no,
            Employee.name,
            Absence.kind,
            Absence.start_date,
            Absence.end_date,
            Absence.extent_percent,
        )
        .join(Employee, Employee.id == Absence.employee_id)
        .where(
            Employee.unit_id == unit_id,
            Absence.start_date <= last,
            or_(Absence.end_date.is_(None), Absence.end_date >= first),
        )
        .order_by(Absence.start_date, Employee.name)
    )
    return [tuple(r) for r in rows]  # type: ignore[misc]  # the select's columns, in order


def staffing_needs(session: Session, unit_id: int) -> list[NeedBand]:
    rows = session.execute(
        select(
            StaffingNeed.weekday,
            StaffingNeed.band_start,
            StaffingNeed.band_end,
            StaffingNeed.staff_count,
        )
        .where(StaffingNeed.unit_id == unit_id)
        .order_by(StaffingNeed.weekday, StaffingNeed.band_start)
    )
    return [NeedBand(r.weekday, r.band_start, r.band_end, r.staff_count) for r in rows]


def neighbour_units(session: Session, unit_id: int) -> list[Unit]:
    return list(
        session.scalars(
            select(Unit)
            .join(unit_neighbours, unit_neighbours.c.neighbour_id == Unit.id)
            .where(unit_neighbours.c.unit_id == unit_id)
            .order_by(Unit.code)
        )
    )


def employees_of_units(session: Session, unit_ids: Sequence[int]) -> list[Employee]:
    return list(
        session.scalars(
            select(Employee)
            .where(Employee.unit_id.in_(unit_ids))
            .order_by(Employee.unit_id, Employee.name, Employee.id)
        )
    )


def stored_mapping(session: Session, kind: str, layout: str) -> dict[str, str] | None:
    found = session.scalar(
        select(ImportColumnMapping).where(
            ImportColumnMapping.kind == kind, ImportColumnMapping.layout_key == layout
        )
    )
    if found is None:
        return None
    value = json.loads(found.mapping_json)
    return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else None


def save_mapping(
    session: Session,
    kind: str,
    layout: str,
    headers: Sequence[str],
    mapping: dict[str, str],
    saved_by: str,
) -> None:
    found = session.scalar(
        select(ImportColumnMapping).where(
            ImportColumnMapping.kind == kind, ImportColumnMapping.layout_key == layout
        )
    )
    if found is None:
        found = ImportColumnMapping(kind=kind, layout_key=layout)
        session.add(found)
    found.headers_json = json.dumps(list(headers), ensure_ascii=False)
    found.mapping_json = json.dumps(mapping, ensure_ascii=False, sort_keys=True)
    found.saved_by = saved_by


def stored_rows_of_period(
    session: Session, unit_id: int, first: date, last: date
) -> list[tuple[int, date, time, time, int, str | None, int | None]]:
    """(id, date, start, end, rast, code, employee id) of the unit's rows in the period.

    The dates and times come as stored text and each distinct text is converted once, with the
    columns' own result processors: the period's thousands of rows share a few hundred values.
    """
    dialect = session.get_bind().dialect
    table: Any = ScheduleRow.__table__
    # On the connection: plain columns need none of the ORM's row handling.
    rows = (
        session.connection()
        .execute(
            select(
                ScheduleRow.id,
                type_coerce(ScheduleRow.work_date, String),
                type_coerce(ScheduleRow.start_time, String),
                type_coerce(ScheduleRow.end_time, String),
                ScheduleRow.break_minutes,
                ScheduleRow.shift_code,
                ScheduleRow.employee_id,
            )
            .where(
                ScheduleRow.unit_id == unit_id,
                ScheduleRow.work_date >= first,
                ScheduleRow.work_date <= last,
            )
            .order_by(ScheduleRow.id)
        )
        .all()
    )
    if not rows:
        return []
    ids, days, starts, ends, rasts, codes, employees = zip(*rows, strict=True)
    return list(
        zip(
            ids,
            _converted(days, table.c.work_date, dialect),
            _converted(starts, table.c.start_time, dialect),
            _converted(ends, table.c.end_time, dialect),
            rasts,
            codes,
            employees,
            strict=True,
        )
    )


def _converted(stored: Sequence[Any], column: Any, dialect: Any) -> list[Any]:
    """The stored texts as the column's values, converted once per distinct text."""
    process = column.type.dialect_impl(dialect).result_processor(dialect, None)
    if process is None:
        return list(stored)
    value_of = {text: process(text) for text in set(stored)}
    return list(map(value_of.__getitem__, stored))


def names_and_units(session: Session, employee_ids: Collection[int]) -> dict[int, tuple[str, str]]:
    """{employee id: (name, unit code)} of the given people, of any unit."""
    rows = session.execute(
        select(Employee.id, Employee.name, Unit.code)
        .join(Unit, Unit.id == Employee.unit_id)
        .where(Employee.id.in_(sorted(employee_ids)))
    )
    return {r.id: (r.name, r.code) for r in rows}


def row_has_cover(session: Session, row_id: int) -> bool:
    return (
        session.scalar(select(ScheduleCover.id).where(ScheduleCover.row_id == row_id)) is not None
    )


def cover_of_row(session: Session, unit_id: int, row_id: int) -> ScheduleCover | None:
    return session.scalar(
        select(ScheduleCover).where(
            ScheduleCover.row_id == row_id, ScheduleCover.unit_id == unit_id
        )
    )


def locked_staffing_needs(
    session: Session, unit_id: int
) -> tuple[list[NeedBand], str | None, datetime | None]:
    """The unit's staffing need, its rows held to the end of the transaction on PostgreSQL
    (SELECT ... FOR UPDATE), and who last saved it and when."""
    rows = session.scalars(
        select(StaffingNeed)
        .where(StaffingNeed.unit_id == unit_id)
        .order_by(StaffingNeed.weekday, StaffingNeed.band_start)
        .with_for_update()
    ).all()
    stamped = [r for r in rows if r.changed_at is not None]
    newest = (
        max(stamped, key=lambda r: r.changed_at or datetime.min.replace(tzinfo=UTC))
        if stamped
        else None
    )
    return (
        [NeedBand(r.weekday, r.band_start, r.band_end, r.staff_count) for r in rows],
        None if newest is None else newest.changed_by,
        None if newest is None else newest.changed_at,
    )


def replace_staffing_needs(
    session: Session, unit_id: int, needs: Sequence[NeedBand], actor: str | None = None
) -> None:
    """The unit's staffing need becomes `needs`: the bands it had are removed. The new bands
    carry who saved them and when (migration 0012)."""
    session.execute(delete(StaffingNeed).where(StaffingNeed.unit_id == unit_id))
    now = datetime.now(UTC)
    insert_rows(
        session,
        StaffingNeed,
        (
            {
                "unit_id": unit_id,
                "weekday": n.weekday,
                "band_start": n.start,
                "band_end": n.end,
                "staff_count": n.staff_count,
                "changed_by": actor,
                "changed_at": now,
            }
            for n in needs
        ),
    )


def row_ids_of_unit(session: Session, unit_id: int) -> list[int]:
    """Every schedule row id of the unit, in the order written."""
    query = select(ScheduleRow.id).where(ScheduleRow.unit_id == unit_id).order_by(ScheduleRow.id)
    return list(session.scalars(query))


def cover_times_of_unit(session: Session, unit_id: int) -> list[tuple[int, date, time, time]]:
    """(coverer's employee id, date, start, end) of every row covered in the unit."""
    rows = session.execute(
        select(
            ScheduleCover.employee_id,
            ScheduleRow.work_date,
            ScheduleRow.start_time,
            ScheduleRow.end_time,
        )
        .join(ScheduleRow, ScheduleRow.id == ScheduleCover.row_id)
        .where(ScheduleCover.unit_id == unit_id)
    )
    return [(employee_id, day, start, end) for employee_id, day, start, end in rows]


def covers_of_kind_by_day(session: Session, unit_id: int, kind: str) -> list[ScheduleCover]:
    """The unit's covers of one kind, by the covered row's date."""
    return list(
        session.scalars(
            select(ScheduleCover)
            .join(ScheduleRow, ScheduleRow.id == ScheduleCover.row_id)
            .where(ScheduleCover.unit_id == unit_id, ScheduleCover.kind == kind)
            .order_by(ScheduleRow.work_date, ScheduleCover.id)
        )
    )


def row_columns(values: RowValues) -> dict[str, Any]:
    """A schedule row's values under the table's column names (the import writes them, the
    undo puts them back)."""
    return {
        "work_date": values.work_date,
        "start_time": values.start,
        "end_time": values.end,
        "break_minutes": values.break_minutes,
        "shift_code": values.shift_code,
        "employee_id": values.employee_id,
    }

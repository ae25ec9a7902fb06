"""What the personnel cost is computed from, read for a period: the budget months, the rows each
person works (their own and the rows they cover as timavlönade), their absences, and the
approved övertid and mertid per person with the cost its decision recorded."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, time
from typing import Any

from sqlalchemy import Date, Select, and_, func, literal, or_, select, union_all
from sqlalchemy.orm import Session

from enhetschef_app.storage.models import Absence, Employee, ScheduleRow
from enhetschef_app.storage.models_economy import BudgetMonth
from enhetschef_app.storage.models_overtime import OvertimeDecision, OvertimeRequest
from enhetschef_app.storage.models_schedule import ScheduleCover
from enhetschef_app.storage.queries.absence_figures import row_clock_minutes
from enhetschef_app.storage.queries.overtime import APPROVED, in_force
from enhetschef_app.storage.sql_functions import days_between, year_month

COVER_KIND_HOURLY = "timavlonad"


def budget_months(session: Session, unit_id: int, months: list[str]) -> dict[str, BudgetMonth]:
    rows = session.scalars(
        select(BudgetMonth).where(BudgetMonth.unit_id == unit_id, BudgetMonth.month.in_(months))
    )
    return {row.month: row for row in rows}


def budget_month(session: Session, unit_id: int, month: str) -> BudgetMonth | None:
    return session.scalar(
        select(BudgetMonth).where(BudgetMonth.unit_id == unit_id, BudgetMonth.month == month)
    )


@dataclass(frozen=True)
class WorkedRow:
    employee_id: int
    work_date: date
    start: time
    end: time
    break_minutes: int
    covered: bool  # a row the person covers for someone else


def worked_rows(
    session: Session, unit_id: int, first: date, last: date, days: Collection[date] | None = None
) -> list[WorkedRow]:
    """The rows each person holds, and the rows timavlönade cover, first..last (with `days`:
    only the rows on those days)."""
    in_period = and_(
        ScheduleRow.unit_id == unit_id,
        ScheduleRow.work_date >= first,
        ScheduleRow.work_date <= last,
    )
    if days is not None:
        in_period = and_(in_period, ScheduleRow.work_date.in_(list(days)))
    own = session.execute(
        select(
            ScheduleRow.employee_id,
            ScheduleRow.work_date,
            ScheduleRow.start_time,
            ScheduleRow.end_time,
            ScheduleRow.break_minutes,
        ).where(in_period, ScheduleRow.employee_id.is_not(None))
    )
    covers = session.execute(
        select(
            ScheduleCover.employee_id,
            ScheduleRow.work_date,
            ScheduleRow.start_time,
            ScheduleRow.end_time,
            ScheduleRow.break_minutes,
        )
        .join(ScheduleRow, ScheduleRow.id == ScheduleCover.row_id)
        .where(in_period, ScheduleCover.kind == COVER_KIND_HOURLY)
    )
    found = [WorkedRow(int(r[0] or 0), r[1], r[2], r[3], r[4], False) for r in own]
    found += [WorkedRow(int(r[0]), r[1], r[2], r[3], r[4], True) for r in covers]
    return found


def worked_minutes_by_day(
    session: Session, unit_id: int, first: date, last: date, skipped: Collection[date]
) -> list[tuple[int, int, bool, int]]:
    """Per person, day and own or covered: the wall-clock minutes less rast of the rows each
    person holds and of the rows timavlönade cover, first..last, summed in SQL. The day comes
    as its number of days after `first`. Rows on the `skipped` days (the nights the clocks
    change, whose length needs the date) are left to `worked_rows`."""
    in_period = and_(
        ScheduleRow.unit_id == unit_id,
        ScheduleRow.work_date >= first,
        ScheduleRow.work_date <= last,
        ScheduleRow.work_date.not_in(list(skipped)),
    )
    minutes = row_clock_minutes()
    own = select(
        ScheduleRow.employee_id.label("employee_id"),
        ScheduleRow.work_date.label("work_date"),
        literal(False).label("covered"),
        minutes.label("minutes"),
    ).where(in_period, ScheduleRow.employee_id.is_not(None))
    covers = (
        select(
            ScheduleCover.employee_id.label("employee_id"),
            ScheduleRow.work_date.label("work_date"),
            literal(True).label("covered"),
            minutes.label("minutes"),
        )
        .join(ScheduleRow, ScheduleRow.id == ScheduleCover.row_id)
        .where(in_period, ScheduleCover.kind == COVER_KIND_HOURLY)
    )
    rows = union_all(own, covers).subquery()
    offset = days_between(literal(first, Date), rows.c.work_date)
    grouped = session.execute(
        select(rows.c.employee_id, offset, rows.c.covered, func.sum(rows.c.minutes)).group_by(
            rows.c.employee_id, rows.c.work_date, rows.c.covered
        )
    )
    return [(int(e), int(d), bool(c), int(m or 0)) for e, d, c, m in grouped]


@dataclass(frozen=True)
class AbsenceSpan:
    employee_id: int
    kind: str
    start: date
    end: date | None
    extent_percent: int


def absences_until(session: Session, unit_id: int, last: date) -> list[AbsenceSpan]:
    """Every absence of the unit's staff that begins by `last` (sick spells need the earlier
    days of their sjuklöneperiod)."""
    rows = session.execute(
        select(
            Absence.employee_id,
            Absence.kind,
            Absence.start_date,
            Absence.end_date,
            Absence.extent_percent,
        )
        .join(Employee, Employee.id == Absence.employee_id)
        .where(Employee.unit_id == unit_id, Absence.start_date <= last)
        .order_by(Absence.employee_id, Absence.start_date)
    )
    return [AbsenceSpan(int(r[0]), r[1], r[2], r[3], int(r[4])) for r in rows]


@dataclass(frozen=True)
class PersonOvertime:
    employee_id: int
    minutes_mertid: int
    minutes_simple: int
    minutes_qualified: int
    cost_mertid_ore: int
    cost_simple_ore: int
    cost_qualified_ore: int


def _approved_sums(unit_id: int, first: date, last: date, *by: Any) -> Select[Any]:
    """The approved minutes and recorded cost of the decisions in force, first..last, summed
    per `by` and person (the person's id the last grouping column)."""
    return (
        select(
            *by,
            OvertimeRequest.employee_id,
            func.sum(OvertimeDecision.minutes_mertid),
            func.sum(OvertimeDecision.minutes_simple),
            func.sum(OvertimeDecision.minutes_qualified),
            func.sum(OvertimeDecision.cost_mertid_ore),
            func.sum(OvertimeDecision.cost_simple_ore),
            func.sum(OvertimeDecision.cost_qualified_ore),
        )
        .join(OvertimeDecision, OvertimeDecision.request_id == OvertimeRequest.id)
        .where(
            in_force(),
            OvertimeDecision.verdict == APPROVED,
            OvertimeRequest.unit_id == unit_id,
            OvertimeRequest.work_date >= first,
            OvertimeRequest.work_date <= last,
        )
        .group_by(*by, OvertimeRequest.employee_id)
    )


def _person_overtime(employee_id: Any, sums: Sequence[Any]) -> PersonOvertime:
    return PersonOvertime(int(employee_id), *(int(v or 0) for v in sums))


def approved_overtime_by_person(
    session: Session, unit_id: int, first: date, last: date
) -> dict[int, PersonOvertime]:
    """Per person, the approved minutes and the cost the decisions in force recorded."""
    rows = session.execute(_approved_sums(unit_id, first, last))
    found = (_person_overtime(employee_id, sums) for employee_id, *sums in rows)
    return {person.employee_id: person for person in found}


def approved_overtime_by_month(
    session: Session, unit_id: int, first: date, last: date
) -> dict[str, dict[int, PersonOvertime]]:
    """`approved_overtime_by_person` of every month first..last in one statement: month
    ('2026-10') → person → the approved minutes and their recorded cost."""
    rows = session.execute(
        _approved_sums(unit_id, first, last, year_month(OvertimeRequest.work_date))
    )
    found: dict[str, dict[int, PersonOvertime]] = {}
    for label, employee_id, *sums in rows:
        person = _person_overtime(employee_id, sums)
        found.setdefault(str(label), {})[person.employee_id] = person
    return found


def employees_in_period(session: Session, unit_id: int, first: date, last: date) -> list[Employee]:
    """The unit's staff employed some day first..last (or with no dates recorded)."""
    return list(
        session.scalars(
            select(Employee)
            .where(
                Employee.unit_id == unit_id,
                or_(Employee.start_date.is_(None), Employee.start_date <= last),
                or_(Employee.end_date.is_(None), Employee.end_date >= first),
            )
            .order_by(Employee.name)
        )
    )

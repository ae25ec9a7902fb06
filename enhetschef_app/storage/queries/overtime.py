"""Overtime requests and decisions as the Övertid area reads them: a person's work around a
request, the approved minutes, the requests with the decision in force, and the month's sums.

The decision in force on a request is its newest (highest id): a correction always comes after
the decision it corrects.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, time
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, exists, func, or_, select
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.elements import SQLCoreOperations

from enhetschef_app.domain.overtime_requests import ApprovedMinutes, WorkedShift, request_shift
from enhetschef_app.domain.shifts import Shift
from enhetschef_app.storage.models import Absence, Employee, ScheduleRow
from enhetschef_app.storage.models_overtime import OvertimeDecision, OvertimeRequest
from enhetschef_app.storage.models_schedule import ScheduleCover

APPROVED = "approved"
COVER_KIND_OVERTIME = "overtid"
COVER_KIND_RESURSPASS = "resurspass"


def newest_decisions() -> Select[int]:
    """The id of the decision in force on each decided request."""
    return select(func.max(OvertimeDecision.id)).group_by(OvertimeDecision.request_id)


def in_force() -> ColumnElement[bool]:
    """The decision is the one in force on its request: no later decision on the same request.
    The same decisions as `newest_decisions`, asked of each row through the index on
    request_id instead of grouping every decision of the database (of every unit)."""
    later = aliased(OvertimeDecision)
    return ~exists().where(
        later.request_id == OvertimeDecision.request_id, later.id > OvertimeDecision.id
    )


def _absent_days(session: Session, employee_id: int, first: date, last: date) -> set[date]:
    spans = session.execute(
        select(Absence.start_date, Absence.end_date).where(
            Absence.employee_id == employee_id,
            Absence.start_date <= last,
            or_(Absence.end_date.is_(None), Absence.end_date >= first),
        )
    )
    days: set[date] = set()
    for start, end in spans:
        day = max(start, first)
        stop = min(end or last, last)
        while day <= stop:
            days.add(day)
            day = date.fromordinal(day.toordinal() + 1)
    return days


def person_work(
    session: Session, employee_id: int, employee_no: str, first: date, last: date
) -> list[WorkedShift]:
    """What the person works first..last: own rows (not on an absent day, not a resurspass given
    up for a cover) and the rows they cover, except övertid covers, which count once approved."""
    absent = _absent_days(session, employee_id, first, last)
    released = select(ScheduleCover.released_row_id).where(
        ScheduleCover.released_row_id.is_not(None)
    )
    own = session.execute(
        select(
            ScheduleRow.work_date,
            ScheduleRow.start_time,
            ScheduleRow.end_time,
            ScheduleRow.break_minutes,
            ScheduleRow.shift_code,
        ).where(
            ScheduleRow.employee_id == employee_id,
            ScheduleRow.work_date >= first,
            ScheduleRow.work_date <= last,
            ScheduleRow.id.not_in(released),
        )
    )
    found = [
        WorkedShift(
            Shift(employee_no, r.work_date, r.start_time, r.end_time, r.break_minutes, r.shift_code)
        )
        for r in own
        if r.work_date not in absent
    ]
    covered = session.execute(
        select(
            ScheduleRow.work_date,
            ScheduleRow.start_time,
            ScheduleRow.end_time,
            ScheduleRow.break_minutes,
            ScheduleRow.shift_code,
            ScheduleCover.kind,
        )
        .join(ScheduleCover, ScheduleCover.row_id == ScheduleRow.id)
        .where(
            ScheduleCover.employee_id == employee_id,
            ScheduleCover.kind != COVER_KIND_OVERTIME,
            ScheduleRow.work_date >= first,
            ScheduleRow.work_date <= last,
        )
    )
    found += [
        WorkedShift(
            Shift(
                employee_no, r.work_date, r.start_time, r.end_time, r.break_minutes, r.shift_code
            ),
            ordinary=r.kind == COVER_KIND_RESURSPASS,
        )
        for r in covered
        if r.work_date not in absent
    ]
    found.sort(key=lambda w: w.shift.start_s)
    return found


def approved_minutes(
    session: Session,
    employee_id: int,
    first: date,
    last: date,
    exclude_request_id: int | None = None,
) -> list[ApprovedMinutes]:
    """The person's approved requests first..last (the decision in force), in minutes."""
    rows = session.execute(
        select(
            OvertimeRequest.work_date,
            OvertimeRequest.start_time,
            OvertimeRequest.end_time,
            OvertimeDecision.minutes_hourly,
            OvertimeDecision.minutes_mertid,
            OvertimeDecision.minutes_simple + OvertimeDecision.minutes_qualified,
        )
        .join(OvertimeDecision, OvertimeDecision.request_id == OvertimeRequest.id)
        .where(
            OvertimeRequest.employee_id == employee_id,
            OvertimeRequest.work_date >= first,
            OvertimeRequest.work_date <= last,
            OvertimeRequest.id != (exclude_request_id or 0),
            OvertimeDecision.id.in_(newest_decisions()),
            OvertimeDecision.verdict == APPROVED,
        )
        .order_by(OvertimeRequest.work_date)
    )
    return [
        ApprovedMinutes(day, hourly, mertid, overtime, Shift("", day, start, end).end_s)
        for day, start, end, hourly, mertid, overtime in rows
    ]


def approved_extra_work(
    session: Session, employee_numbers: Mapping[int, str], first: date, last: date
) -> list[Shift]:
    """Approved requests first..last of the given people that are not a cover of a schedule row
    (a cover is in the schedule already), as worked shifts: what the schedule as it turned out
    adds to the rows (DOMAIN.md: approved övertid and mertid are worked time)."""
    if not employee_numbers:
        return []
    rows = session.execute(
        select(
            OvertimeRequest.employee_id,
            OvertimeRequest.work_date,
            OvertimeRequest.start_time,
            OvertimeRequest.end_time,
            OvertimeRequest.break_start,
            OvertimeRequest.break_end,
            OvertimeDecision.minutes_simple + OvertimeDecision.minutes_qualified,
        )
        .join(OvertimeDecision, OvertimeDecision.request_id == OvertimeRequest.id)
        .where(
            OvertimeRequest.employee_id.in_(list(employee_numbers)),
            OvertimeRequest.work_date >= first,
            OvertimeRequest.work_date <= last,
            OvertimeRequest.cover_id.is_(None),
            OvertimeDecision.id.in_(newest_decisions()),
            OvertimeDecision.verdict == APPROVED,
        )
        .order_by(OvertimeRequest.work_date, OvertimeRequest.start_time)
    )
    return [
        request_shift(
            employee_numbers[who],
            day,
            start,
            end,
            (b_start, b_end) if b_start is not None and b_end is not None else None,
            "övertid" if overtime else "mertid",
        )
        for who, day, start, end, b_start, b_end, overtime in rows
    ]


@dataclass(frozen=True)
class RequestRow:
    """A request with its person and the decision in force (None while it waits)."""

    request: OvertimeRequest
    employee_no: str
    employee_name: str
    decision: OvertimeDecision | None
    decisions: int  # how many, corrections included


def request_rows(
    session: Session,
    unit_id: int,
    *,
    first: date | None = None,
    last: date | None = None,
    status: str | None = None,
    employee_id: int | None = None,
    request_ids: Sequence[int] | None = None,
) -> list[RequestRow]:
    counts = (
        select(
            OvertimeDecision.request_id,
            func.max(OvertimeDecision.id).label("newest"),
            func.count().label("count"),
        )
        .group_by(OvertimeDecision.request_id)
        .subquery()
    )
    query = (
        select(
            OvertimeRequest, Employee.employee_no, Employee.name, OvertimeDecision, counts.c.count
        )
        .join(Employee, Employee.id == OvertimeRequest.employee_id)
        .outerjoin(counts, counts.c.request_id == OvertimeRequest.id)
        .outerjoin(OvertimeDecision, OvertimeDecision.id == counts.c.newest)
        .where(OvertimeRequest.unit_id == unit_id)
        .order_by(OvertimeRequest.work_date, OvertimeRequest.start_time, OvertimeRequest.id)
    )
    if first is not None:
        query = query.where(OvertimeRequest.work_date >= first)
    if last is not None:
        query = query.where(OvertimeRequest.work_date <= last)
    if employee_id is not None:
        query = query.where(OvertimeRequest.employee_id == employee_id)
    if request_ids is not None:
        query = query.where(OvertimeRequest.id.in_(list(request_ids)))
    if status == "waiting":
        query = query.where(OvertimeDecision.id.is_(None))
    elif status is not None:
        query = query.where(OvertimeDecision.verdict == status)
    return [
        RequestRow(request, number, name, decision, int(count or 0))
        for request, number, name, decision, count in session.execute(query)
    ]


def decisions_of(session: Session, request_id: int) -> list[OvertimeDecision]:
    return list(
        session.scalars(
            select(OvertimeDecision)
            .where(OvertimeDecision.request_id == request_id)
            .order_by(OvertimeDecision.id)
        )
    )


def request_of_cover(session: Session, cover_id: int) -> OvertimeRequest | None:
    return session.scalar(select(OvertimeRequest).where(OvertimeRequest.cover_id == cover_id))


def has_decision(session: Session, request_id: int) -> bool:
    found = session.scalar(
        select(OvertimeDecision.id).where(OvertimeDecision.request_id == request_id).limit(1)
    )
    return found is not None


@dataclass(frozen=True)
class MonthSums:
    approved_requests: int
    people: int
    minutes_hourly: int
    minutes_mertid: int
    minutes_simple: int
    minutes_qualified: int
    cost_mertid_ore: int
    cost_simple_ore: int
    cost_qualified_ore: int
    comp_hundredths: int  # komp time of the approved övertid, 0.01 h each
    waiting: int
    rejected: int


def month_sums(session: Session, unit_id: int, first: date, last: date) -> MonthSums:
    """Sums of the decisions in force on the unit's requests first..last, in one query."""
    newest = newest_decisions().subquery()
    approved = OvertimeDecision.verdict == APPROVED

    def approved_sum(column: SQLCoreOperations[int]) -> ColumnElement[int]:
        return func.coalesce(func.sum(case((approved, column), else_=0)), 0)

    row = session.execute(
        select(
            func.count(case((approved, 1))),
            func.count(func.distinct(case((approved, OvertimeRequest.employee_id)))),
            approved_sum(OvertimeDecision.minutes_hourly),
            approved_sum(OvertimeDecision.minutes_mertid),
            approved_sum(OvertimeDecision.minutes_simple),
            approved_sum(OvertimeDecision.minutes_qualified),
            approved_sum(OvertimeDecision.cost_mertid_ore),
            approved_sum(OvertimeDecision.cost_simple_ore),
            approved_sum(OvertimeDecision.cost_qualified_ore),
            approved_sum(OvertimeDecision.comp_hundredths),
            func.count(OvertimeRequest.id).filter(OvertimeDecision.id.is_(None)),
            func.count(case((OvertimeDecision.verdict == "rejected", 1))),
        )
        .select_from(OvertimeRequest)
        .outerjoin(
            OvertimeDecision,
            and_(
                OvertimeDecision.request_id == OvertimeRequest.id,
                OvertimeDecision.id.in_(select(newest)),
            ),
        )
        .where(
            OvertimeRequest.unit_id == unit_id,
            OvertimeRequest.work_date >= first,
            OvertimeRequest.work_date <= last,
        )
    ).one()
    return MonthSums(
        approved_requests=int(row[0]),
        people=int(row[1]),
        minutes_hourly=int(row[2]),
        minutes_mertid=int(row[3]),
        minutes_simple=int(row[4]),
        minutes_qualified=int(row[5]),
        cost_mertid_ore=int(row[6]),
        cost_simple_ore=int(row[7]),
        cost_qualified_ore=int(row[8]),
        comp_hundredths=int(row[9]),
        waiting=int(row[10]),
        rejected=int(row[11]),
    )


@dataclass(frozen=True)
class WaitingSummary:
    count: int
    oldest_day: date | None


def waiting_summary(session: Session, unit_id: int) -> WaitingSummary:
    """Requests without a decision, and the earliest day one of them is for."""
    decided = select(OvertimeDecision.request_id)
    count, oldest = session.execute(
        select(func.count(OvertimeRequest.id), func.min(OvertimeRequest.work_date)).where(
            OvertimeRequest.unit_id == unit_id, OvertimeRequest.id.not_in(decided)
        )
    ).one()
    return WaitingSummary(int(count), oldest)


@dataclass(frozen=True)
class RowFacts:
    """A schedule row as a request names it: when, which shift, whose (and whether absent)."""

    row_id: int
    work_date: date
    start: time
    end: time
    break_minutes: int
    code: str | None
    employee_name: str | None
    absence_id: int | None  # the row's person's absence that day, if any
    absence_kind: str | None
    covered: bool


def _row_facts(session: Session, where: Any) -> list[RowFacts]:
    rows = session.execute(
        select(
            ScheduleRow.id,
            ScheduleRow.work_date,
            ScheduleRow.start_time,
            ScheduleRow.end_time,
            ScheduleRow.break_minutes,
            ScheduleRow.shift_code,
            ScheduleRow.employee_id,
            Employee.name,
            ScheduleCover.id,
        )
        .outerjoin(Employee, Employee.id == ScheduleRow.employee_id)
        .outerjoin(ScheduleCover, ScheduleCover.row_id == ScheduleRow.id)
        .where(where)
        .order_by(ScheduleRow.work_date, ScheduleRow.start_time, ScheduleRow.id)
    ).all()
    facts: list[RowFacts] = []
    for row_id, day, start, end, rast, code, employee_id, name, cover_id in rows:
        absence = None
        if employee_id is not None:
            absence = session.execute(
                select(Absence.id, Absence.kind)
                .where(
                    Absence.employee_id == employee_id,
                    Absence.start_date <= day,
                    or_(Absence.end_date.is_(None), Absence.end_date >= day),
                )
                .order_by(Absence.start_date.desc())
                .limit(1)
            ).first()
        facts.append(
            RowFacts(
                row_id,
                day,
                start,
                end,
                rast,
                code,
                name,
                absence[0] if absence else None,
                absence[1] if absence else None,
                cover_id is not None,
            )
        )
    return facts


def row_facts(session: Session, row_id: int) -> RowFacts | None:
    found = _row_facts(session, ScheduleRow.id == row_id)
    return found[0] if found else None


def empty_rows_of_day(session: Session, unit_id: int, day: date) -> list[RowFacts]:
    """The unit's rows of the day without a person or whose person is absent (covered or
    not), the rows a request may say it covers."""
    return [
        facts
        for facts in _row_facts(
            session, and_(ScheduleRow.unit_id == unit_id, ScheduleRow.work_date == day)
        )
        if facts.employee_name is None or facts.absence_id is not None
    ]


@dataclass(frozen=True)
class AbsenceFacts:
    absence_id: int
    employee_name: str
    kind: str
    start: date
    end: date | None


def absences_on_day(session: Session, unit_id: int, day: date) -> list[AbsenceFacts]:
    rows = session.execute(
        select(Absence.id, Employee.name, Absence.kind, Absence.start_date, Absence.end_date)
        .join(Employee, Employee.id == Absence.employee_id)
        .where(
            Employee.unit_id == unit_id,
            Absence.start_date <= day,
            or_(Absence.end_date.is_(None), Absence.end_date >= day),
        )
        .order_by(Employee.name, Absence.start_date)
    )
    return [AbsenceFacts(*row) for row in rows]


def absence_of_unit(session: Session, unit_id: int, absence_id: int) -> AbsenceFacts | None:
    row = session.execute(
        select(Absence.id, Employee.name, Absence.kind, Absence.start_date, Absence.end_date)
        .join(Employee, Employee.id == Absence.employee_id)
        .where(Employee.unit_id == unit_id, Absence.id == absence_id)
    ).first()
    return AbsenceFacts(*row) if row else None

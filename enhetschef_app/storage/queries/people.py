"""Read side of medarbetarsamtal and competence: talks, goals, trainings, delegations, the
introduction checklist and exit talks of one unit's staff, and the counts of the people figures.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Float, and_, cast, delete, func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from enhetschef_app.storage.models import Employee, ShiftType
from enhetschef_app.storage.models_people import (
    Delegation,
    ExitTalk,
    IntroCheck,
    IntroItem,
    ReviewGoal,
    ReviewTalk,
    SalaryTalk,
    ShiftTypeCompetence,
    Training,
    TrainingKind,
)
from enhetschef_app.storage.queries.staff import employed_on


def unit_employees(session: Session, unit_id: int) -> list[Employee]:
    return list(
        session.scalars(
            select(Employee).where(Employee.unit_id == unit_id).order_by(Employee.employee_no)
        )
    )


def unit_employee(session: Session, unit_id: int, employee_id: int) -> Employee | None:
    found = session.get(Employee, employee_id)
    return found if found is not None and found.unit_id == unit_id else None


def talks_of_unit(session: Session, unit_id: int) -> list[ReviewTalk]:
    return list(
        session.scalars(
            select(ReviewTalk)
            .join(Employee, Employee.id == ReviewTalk.employee_id)
            .where(Employee.unit_id == unit_id)
            .order_by(ReviewTalk.employee_id, ReviewTalk.id)
        )
    )


def talk_of_unit(session: Session, unit_id: int, talk_id: int) -> ReviewTalk | None:
    return session.scalar(
        select(ReviewTalk)
        .join(Employee, Employee.id == ReviewTalk.employee_id)
        .where(ReviewTalk.id == talk_id, Employee.unit_id == unit_id)
    )


def goals_of_talks(session: Session, talk_ids: Sequence[int]) -> list[ReviewGoal]:
    if not talk_ids:
        return []
    return list(
        session.scalars(
            select(ReviewGoal)
            .where(ReviewGoal.talk_id.in_(talk_ids))
            .order_by(ReviewGoal.talk_id, ReviewGoal.position, ReviewGoal.id)
        )
    )


@dataclass(frozen=True)
class GoalToFollowUp:
    goal_id: int
    talk_id: int
    employee_id: int
    employee_name: str
    goal: str
    due_on: date


def goals_to_follow_up(session: Session, unit_id: int, day: date) -> list[GoalToFollowUp]:
    """Goals whose 'by when' has come, not followed up, of people employed on `day`."""
    rows = session.execute(
        select(
            ReviewGoal.id,
            ReviewGoal.talk_id,
            Employee.id,
            Employee.name,
            ReviewGoal.goal,
            ReviewGoal.due_on,
        )
        .join(ReviewTalk, ReviewTalk.id == ReviewGoal.talk_id)
        .join(Employee, Employee.id == ReviewTalk.employee_id)
        .where(
            Employee.unit_id == unit_id,
            employed_on(day),
            ReviewGoal.followed_up_on.is_(None),
            ReviewGoal.due_on.is_not(None),
            ReviewGoal.due_on <= day,
        )
        .order_by(ReviewGoal.due_on, Employee.name)
    )
    return [
        GoalToFollowUp(g, t, e, n, text, due) for g, t, e, n, text, due in rows if due is not None
    ]


def salary_talks_of_unit(session: Session, unit_id: int) -> list[SalaryTalk]:
    return list(
        session.scalars(
            select(SalaryTalk)
            .join(Employee, Employee.id == SalaryTalk.employee_id)
            .where(Employee.unit_id == unit_id)
            .order_by(SalaryTalk.employee_id, SalaryTalk.talk_date, SalaryTalk.id)
        )
    )


def training_kinds(session: Session, *, active_only: bool = False) -> list[TrainingKind]:
    query = select(TrainingKind).order_by(TrainingKind.position, TrainingKind.name)
    if active_only:
        query = query.where(TrainingKind.active.is_(True))
    return list(session.scalars(query))


def active_training_kinds_in_order_added(session: Session) -> list[TrainingKind]:
    """The recurring trainings in use, oldest first."""
    query = select(TrainingKind).where(TrainingKind.active.is_(True)).order_by(TrainingKind.id)
    return list(session.scalars(query))


def trainings_of_unit(session: Session, unit_id: int) -> list[Training]:
    return list(
        session.scalars(
            select(Training)
            .join(Employee, Employee.id == Training.employee_id)
            .where(Employee.unit_id == unit_id)
            .order_by(Training.employee_id, Training.training_kind_id, Training.completed_on)
        )
    )


def delegations_of_unit(session: Session, unit_id: int) -> list[Delegation]:
    return list(
        session.scalars(
            select(Delegation)
            .join(Employee, Employee.id == Delegation.employee_id)
            .where(Employee.unit_id == unit_id)
            .order_by(Delegation.employee_id, Delegation.task, Delegation.valid_from)
        )
    )


def delegation_of_unit(session: Session, unit_id: int, delegation_id: int) -> Delegation | None:
    return session.scalar(
        select(Delegation)
        .join(Employee, Employee.id == Delegation.employee_id)
        .where(Delegation.id == delegation_id, Employee.unit_id == unit_id)
    )


def delegation_tasks(session: Session) -> list[str]:
    """Every task ever delegated in the file, most used first: the suggestions of the form."""
    rows = session.execute(
        select(Delegation.task, func.count())
        .group_by(Delegation.task)
        .order_by(func.count().desc(), Delegation.task)
    )
    return [task for task, _count in rows]


def _valid_on_day(
    session: Session, day: date, who: ColumnElement[bool]
) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    trainings = session.execute(
        select(Training.employee_id, TrainingKind.name)
        .join(TrainingKind, TrainingKind.id == Training.training_kind_id)
        .join(Employee, Employee.id == Training.employee_id)
        .where(
            who,
            Training.completed_on <= day,
            or_(Training.valid_until.is_(None), Training.valid_until >= day),
        )
    )
    delegations = session.execute(
        select(Delegation.employee_id, Delegation.task)
        .join(Employee, Employee.id == Delegation.employee_id)
        .where(
            who,
            Delegation.valid_from <= day,
            Delegation.valid_to >= day,
            or_(Delegation.ended_on.is_(None), Delegation.ended_on > day),
        )
    )
    return [(e, n) for e, n in trainings], [(e, t) for e, t in delegations]


def valid_on_day(
    session: Session, unit_id: int, day: date
) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """(employee id, training name) and (employee id, delegation task) valid on `day`."""
    return _valid_on_day(session, day, Employee.unit_id == unit_id)


def valid_on_day_for(
    session: Session, employee_ids: Sequence[int], day: date
) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """As `valid_on_day`, for the given people whatever their unit."""
    return _valid_on_day(session, day, Employee.id.in_(list(employee_ids)))


def shift_type_requirements(session: Session, unit_id: int) -> list[tuple[ShiftType, list[str]]]:
    types = list(
        session.scalars(
            select(ShiftType).where(ShiftType.unit_id == unit_id).order_by(ShiftType.code)
        )
    )
    needs: dict[int, list[str]] = {t.id: [] for t in types}
    rows = session.execute(
        select(ShiftTypeCompetence.shift_type_id, ShiftTypeCompetence.competence)
        .where(ShiftTypeCompetence.shift_type_id.in_(list(needs)))
        .order_by(ShiftTypeCompetence.competence)
    )
    for shift_type_id, competence in rows:
        needs[shift_type_id].append(competence)
    return [(t, needs[t.id]) for t in types]


def intro_items(session: Session, *, active_only: bool = False) -> list[IntroItem]:
    query = select(IntroItem).order_by(IntroItem.position, IntroItem.id)
    if active_only:
        query = query.where(IntroItem.active.is_(True))
    return list(session.scalars(query))


def intro_checks_of_unit(session: Session, unit_id: int) -> list[IntroCheck]:
    return list(
        session.scalars(
            select(IntroCheck)
            .join(Employee, Employee.id == IntroCheck.employee_id)
            .where(Employee.unit_id == unit_id)
        )
    )


def exit_talks_of_unit(session: Session, unit_id: int) -> dict[int, ExitTalk]:
    talks = session.scalars(
        select(ExitTalk)
        .join(Employee, Employee.id == ExitTalk.employee_id)
        .where(Employee.unit_id == unit_id)
    )
    return {t.employee_id: t for t in talks}


def leavers_between(
    session: Session, unit_id: int, first: date, last: date, form: str | None = None
) -> list[tuple[str, str | None, str | None]]:
    """(employment form, end reason, exit talk outcome) of those whose last day is in the span."""
    query = (
        select(Employee.employment_form, Employee.end_reason, ExitTalk.outcome)
        .outerjoin(ExitTalk, ExitTalk.employee_id == Employee.id)
        .where(
            Employee.unit_id == unit_id,
            Employee.end_date.is_not(None),
            Employee.end_date >= first,
            Employee.end_date <= last,
        )
        .order_by(Employee.end_date, Employee.id)
    )
    if form is not None:
        query = query.where(Employee.employment_form == form)
    return [(f, r, o) for f, r, o in session.execute(query)]


def fulltime_count(session: Session, unit_id: int, day: date, form: str) -> tuple[int, int]:
    """(employed full time, all) among staff of `form` employed on `day`."""
    base = and_(
        Employee.unit_id == unit_id,
        Employee.employment_form == form,
        employed_on(day),
    )
    total = session.scalar(select(func.count()).select_from(Employee).where(base)) or 0
    full = (
        session.scalar(
            select(func.count())
            .select_from(Employee)
            .where(base, cast(Employee.grade_percent, Float) >= 100)
        )
        or 0
    )
    return int(full), int(total)


def shift_type_by_code(session: Session, unit_id: int, code: str) -> ShiftType | None:
    return session.scalar(
        select(ShiftType).where(ShiftType.unit_id == unit_id, ShiftType.code == code)
    )


def delete_shift_type_requirements(session: Session, shift_type_id: int) -> None:
    """Removes every competence the shift type requires."""
    session.execute(
        delete(ShiftTypeCompetence).where(ShiftTypeCompetence.shift_type_id == shift_type_id)
    )


def training_kind_named(session: Session, name: str) -> TrainingKind | None:
    return session.scalar(select(TrainingKind).where(TrainingKind.name == name))


def intro_check_of(session: Session, employee_id: int, item_id: int) -> IntroCheck | None:
    """The person's check of one checklist item, if it was planned or done."""
    return session.scalar(
        select(IntroCheck).where(
            IntroCheck.employee_id == employee_id, IntroCheck.item_id == item_id
        )
    )

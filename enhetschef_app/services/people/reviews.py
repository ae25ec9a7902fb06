"""Medarbetarsamtal: the unit's cycle, each employee's status and the coverage (read side), and
planning, recording and following up talks and lönesamtal (each one unit of work, audited)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, time
from typing import Any

from enhetschef_app.domain.calendar import today
from enhetschef_app.domain.errors import FieldProblems, NotFoundError, RuleViolation
from enhetschef_app.domain.review_talks import (
    GoalDraft,
    TalkPlanDraft,
    TalkRecordDraft,
    validate_plan,
    validate_record,
)
from enhetschef_app.domain.reviews import (
    Coverage,
    Expectation,
    ReviewCycle,
    ReviewState,
    TalkFacts,
    TalkStatus,
    coverage,
    cycle_on,
    expectation,
    goal_needs_follow_up,
    review_state,
)
from enhetschef_app.domain.staff import EmploymentForm
from enhetschef_app.services.core.settings import rule_settings
from enhetschef_app.services.core.workspace import Workspace, use_case
from enhetschef_app.services.people.common import (
    check_free_text,
    record_audit,
    require_employee,
)
from enhetschef_app.storage.models import Employee
from enhetschef_app.storage.models_people import ReviewGoal, ReviewTalk, SalaryTalk
from enhetschef_app.storage.queries.people import (
    goals_of_talks,
    salary_talks_of_unit,
    talk_of_unit,
    talks_of_unit,
    unit_employees,
)
from enhetschef_app.storage.session import Session
from enhetschef_app.storage.versions import check_version, touch


@use_case
def unit_cycle(workspace: Workspace, day: date) -> ReviewCycle:
    values = rule_settings(workspace)
    return cycle_on(
        day, values.integer("reviews.cycle_start_month"), values.integer("reviews.cycle_end_month")
    )


def facts(talk: ReviewTalk) -> TalkFacts:
    return TalkFacts(
        planned_on=talk.planned_on,
        booked=talk.booked_at is not None,
        held_on=talk.held_on,
        followed_up_on=talk.followed_up_on,
    )


@dataclass(frozen=True)
class EmployeeReview:
    employee_id: int
    employee_no: str
    name: str
    form: EmploymentForm
    start: date | None
    end: date | None
    state: ReviewState
    open_talk_id: int | None  # the next talk not yet held
    cycle_talk_id: int | None  # the talk held this cycle
    goals_to_follow_up: int
    salary_talk_on: date | None  # the latest lönesamtal
    salary_talk_done: bool | None

    @property
    def status(self) -> TalkStatus:
        return self.state.status

    def as_json(self) -> dict[str, Any]:
        """The keys of `reviews status --json` (docs/medarbetarsamtal.md)."""
        return {
            "employee_no": self.employee_no,
            "name": self.name,
            "employment_form": self.form.value,
            "expected": self.state.expected,
            "expectation": self.state.expectation.value,
            "last_talk": _iso(self.state.last_talk),
            "planned": _iso(self.state.planned),
            "status": self.state.status.value,
            "overdue": self.state.overdue,
            "goals_to_follow_up": self.goals_to_follow_up,
            "salary_talk": _iso(self.salary_talk_on),
            "salary_talk_done": self.salary_talk_done,
        }


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


@dataclass(frozen=True)
class ReviewOverview:
    day: date
    cycle: ReviewCycle
    coverage: Coverage
    employees: tuple[EmployeeReview, ...]

    @property
    def overdue(self) -> list[EmployeeReview]:
        return [e for e in self.employees if e.state.overdue]

    def cycle_json(self) -> dict[str, Any]:
        return {
            "date": self.day.isoformat(),
            "cycle": self.cycle.label,
            "cycle_start": self.cycle.start.isoformat(),
            "cycle_end": self.cycle.end.isoformat(),
            "expected": self.coverage.expected,
            "held": self.coverage.held,
            "overdue": self.coverage.overdue,
            "coverage_percent": (
                None if self.coverage.percent is None else str(self.coverage.percent)
            ),
        }


def _listed(employee: Employee, expected: Expectation, day: date) -> bool:
    """Staff employed on the day, as far as the cycle concerns them."""
    if expected is Expectation.NOT_EMPLOYED:
        return False
    started = employee.start_date is None or employee.start_date <= day
    return started and (employee.end_date is None or employee.end_date >= day)


@use_case
def review_overview(workspace: Workspace, day: date | None = None) -> ReviewOverview:
    """Everyone employed on `day` with their place in the cycle in force, and the coverage.

    Coverage counts the listed staff the cycle expects (domain.reviews.expectation).
    """
    unit = workspace.require_unit()
    day = day or today()
    cycle = unit_cycle(workspace, day)
    with workspace.transaction() as session:
        employees = unit_employees(session, unit.id)
        talks = talks_of_unit(session, unit.id)
        goals = goals_of_talks(session, [t.id for t in talks])
        salary = salary_talks_of_unit(session, unit.id)
        by_employee: dict[int, list[ReviewTalk]] = defaultdict(list)
        for talk in talks:
            by_employee[talk.employee_id].append(talk)
        open_goals: dict[int, int] = defaultdict(int)
        talk_owner = {t.id: t.employee_id for t in talks}
        for goal in goals:
            if goal_needs_follow_up(goal.due_on, goal.followed_up_on, day):
                open_goals[talk_owner[goal.talk_id]] += 1
        last_salary: dict[int, SalaryTalk] = {}
        for talk_record in salary:
            if talk_record.talk_date <= day or talk_record.employee_id not in last_salary:
                last_salary[talk_record.employee_id] = talk_record
        rows: list[EmployeeReview] = []
        for employee in employees:
            form = EmploymentForm(employee.employment_form)
            expected = expectation(form, employee.start_date, employee.end_date, cycle)
            if not _listed(employee, expected, day):
                continue
            own = by_employee.get(employee.id, [])
            state = review_state(cycle, day, expected, [facts(t) for t in own])
            open_talks = sorted(
                (t for t in own if t.held_on is None),
                key=lambda t: (t.planned_on is None, t.planned_on or date.max, t.id),
            )
            held = sorted(
                (t for t in own if t.held_on is not None and cycle.counts_for(t.held_on)),
                key=lambda t: (t.held_on or date.min, t.id),
            )
            salary_talk = last_salary.get(employee.id)
            rows.append(
                EmployeeReview(
                    employee_id=employee.id,
                    employee_no=employee.employee_no,
                    name=employee.name,
                    form=form,
                    start=employee.start_date,
                    end=employee.end_date,
                    state=state,
                    open_talk_id=open_talks[0].id if open_talks else None,
                    cycle_talk_id=held[-1].id if held else None,
                    goals_to_follow_up=open_goals.get(employee.id, 0),
                    salary_talk_on=salary_talk.talk_date if salary_talk else None,
                    salary_talk_done=salary_talk.done if salary_talk else None,
                )
            )
    rows.sort(key=lambda r: (r.name.casefold(), r.employee_no))
    return ReviewOverview(
        day=day,
        cycle=cycle,
        coverage=coverage([r.state for r in rows]),
        employees=tuple(rows),
    )


# Reading and writing one talk -----------------------------------------------------------


@dataclass(frozen=True)
class GoalView:
    id: int
    goal: str
    how: str
    due_on: date | None
    followed_up_on: date | None


@dataclass(frozen=True)
class TalkDetail:
    id: int
    employee_id: int
    employee_no: str
    employee_name: str
    planned_on: date | None
    planned_time: time | None
    duration_minutes: int | None
    place: str
    booked: bool
    held_on: date | None
    notes: str
    followed_up_on: date | None
    goals: tuple[GoalView, ...]
    version: int = 1  # as read: a save of another version is refused (ChangedByOtherError)

    @property
    def status(self) -> TalkStatus:
        return TalkFacts(self.planned_on, self.booked, self.held_on, self.followed_up_on).status


def _detail(session: Session, talk: ReviewTalk) -> TalkDetail:
    employee = session.get(Employee, talk.employee_id)
    assert employee is not None
    goals = goals_of_talks(session, [talk.id])
    return TalkDetail(
        id=talk.id,
        employee_id=employee.id,
        employee_no=employee.employee_no,
        employee_name=employee.name,
        planned_on=talk.planned_on,
        planned_time=talk.planned_time,
        duration_minutes=talk.duration_minutes,
        place=talk.place or "",
        booked=talk.booked_at is not None,
        held_on=talk.held_on,
        notes=talk.notes,
        followed_up_on=talk.followed_up_on,
        goals=tuple(GoalView(g.id, g.goal, g.how, g.due_on, g.followed_up_on) for g in goals),
        version=talk.version,
    )


@use_case
def talk_detail(workspace: Workspace, talk_id: int) -> TalkDetail:
    unit = workspace.require_unit()
    with workspace.transaction() as session:
        return _detail(session, require_talk(session, unit.id, talk_id))


def require_talk(session: Session, unit_id: int, talk_id: int) -> ReviewTalk:
    talk = talk_of_unit(session, unit_id, talk_id)
    if talk is None:
        raise NotFoundError("Samtalet finns inte längre. Uppdatera listan (F5).")
    return talk


def talk_snapshot(talk: ReviewTalk) -> dict[str, Any]:
    # Notes are not copied into the audit log: they are personal and are culled (gallring).
    return {
        "employee_id": talk.employee_id,
        "planned_on": talk.planned_on,
        "planned_time": talk.planned_time,
        "duration_minutes": talk.duration_minutes,
        "place": talk.place,
        "booked": talk.booked_at is not None,
        "held_on": talk.held_on,
        "followed_up_on": talk.followed_up_on,
        "has_notes": bool(talk.notes),
    }


@use_case
def plan_talk(
    workspace: Workspace,
    employee_id: int,
    draft: TalkPlanDraft,
    talk_id: int | None = None,
    *,
    version: int | None = None,
) -> TalkDetail:
    """Plans a new talk (no `talk_id`) or moves a planned one; a held talk is not replanned.
    A move of `version` is refused when someone else has changed the talk since."""
    unit = workspace.require_unit()
    problems = validate_plan(draft)
    if problems:
        raise FieldProblems("Samtalet sparades inte.", problems)
    with workspace.transaction() as session:
        require_employee(session, unit.id, employee_id)
        if talk_id is None:
            talk = ReviewTalk(employee_id=employee_id, notes="")
            session.add(talk)
            before = None
        else:
            talk = require_talk(session, unit.id, talk_id)
            check_version(session, talk, version)
            if talk.held_on is not None:
                raise RuleViolation("Samtalet är redan genomfört och kan inte planeras om.")
            before = talk_snapshot(talk)
        changed_time = (talk.planned_on, talk.planned_time) != (
            draft.planned_on,
            draft.planned_time,
        )
        talk.planned_on = draft.planned_on
        talk.planned_time = draft.planned_time
        talk.duration_minutes = draft.duration_minutes
        talk.place = draft.place.strip() or None
        if changed_time and talk.booked_at is not None:
            talk.booked_at = None  # the invitation sent says another time: book it again
        session.flush()
        record_audit(
            workspace,
            session,
            "planera_medarbetarsamtal",
            "medarbetarsamtal",
            talk.id,
            before,
            talk_snapshot(talk),
        )
        return _detail(session, talk)


@use_case
def delete_planned_talk(workspace: Workspace, talk_id: int) -> None:
    """Cancels a talk that has not been held; a held talk stays (it is the record)."""
    unit = workspace.require_unit()
    with workspace.transaction() as session:
        talk = require_talk(session, unit.id, talk_id)
        if talk.held_on is not None:
            raise RuleViolation("Ett genomfört samtal tas inte bort.")
        before = talk_snapshot(talk)
        session.delete(talk)
        record_audit(
            workspace, session, "stryk_medarbetarsamtal", "medarbetarsamtal", talk_id, before, None
        )


@use_case
def record_talk(
    workspace: Workspace,
    employee_id: int,
    draft: TalkRecordDraft,
    talk_id: int | None = None,
    *,
    confirmed: bool = False,
    day: date | None = None,
    version: int | None = None,
) -> TalkDetail:
    """Records the held talk: date, short notes and the goals (IUP). A change of `version` is
    refused when someone else has changed the talk (or its goals) since.

    Notes and goals that look like they hold a personnummer or health details raise
    SensitiveText unless `confirmed`. Goals keep their ids; a goal left out is removed.
    """
    unit = workspace.require_unit()
    problems = validate_record(draft, day or today())
    if problems:
        raise FieldProblems("Samtalet sparades inte.", problems)
    free_text = "\n".join([draft.notes, *(f"{g.goal}\n{g.how}" for g in draft.goals)])
    check_free_text(free_text, confirmed=confirmed)
    with workspace.transaction() as session:
        require_employee(session, unit.id, employee_id)
        if talk_id is None:
            talk = ReviewTalk(employee_id=employee_id, notes="")
            session.add(talk)
            session.flush()
            before = None
        else:
            talk = require_talk(session, unit.id, talk_id)
            if talk.employee_id != employee_id:
                raise NotFoundError("Samtalet hör till en annan medarbetare.")
            check_version(session, talk, version)
            touch(talk)  # its goals are other rows: a change of them moves the talk's version
            before = talk_snapshot(talk)
        talk.held_on = draft.held_on
        talk.notes = draft.notes.strip()
        talk.followed_up_on = draft.followed_up_on
        if talk.planned_on is None:
            talk.planned_on = draft.held_on
        _replace_goals(session, talk, [g for g in draft.goals if not g.is_blank])
        session.flush()
        _settle_follow_up(session, talk)
        record_audit(
            workspace,
            session,
            "registrera_medarbetarsamtal",
            "medarbetarsamtal",
            talk.id,
            before,
            {**talk_snapshot(talk), "goals": len(draft.goals)},
        )
        return _detail(session, talk)


def _replace_goals(session: Session, talk: ReviewTalk, drafts: list[GoalDraft]) -> None:
    existing = {g.id: g for g in goals_of_talks(session, [talk.id])}
    kept: set[int] = set()
    for position, draft in enumerate(drafts):
        goal = existing.get(draft.goal_id) if draft.goal_id is not None else None
        if goal is None:
            goal = ReviewGoal(talk_id=talk.id)
            session.add(goal)
        else:
            kept.add(goal.id)
        goal.position = position
        goal.goal = draft.goal.strip()
        goal.how = draft.how.strip()
        goal.due_on = draft.due_on
        goal.followed_up_on = draft.followed_up_on
    for goal_id, goal in existing.items():
        if goal_id not in kept:
            session.delete(goal)


def _settle_follow_up(session: Session, talk: ReviewTalk) -> None:
    """A held talk whose goals are all followed up is followed up (on the last goal's day)."""
    if talk.held_on is None or talk.followed_up_on is not None:
        return
    goals = goals_of_talks(session, [talk.id])
    if goals and all(g.followed_up_on is not None for g in goals):
        talk.followed_up_on = max(g.followed_up_on for g in goals if g.followed_up_on)


@use_case
def follow_up_goal(workspace: Workspace, goal_id: int, on: date | None) -> None:
    """Marks one goal followed up on `on` (None: not followed up after all)."""
    unit = workspace.require_unit()
    with workspace.transaction() as session:
        goal = session.get(ReviewGoal, goal_id)
        talk = None if goal is None else talk_of_unit(session, unit.id, goal.talk_id)
        if goal is None or talk is None:
            raise NotFoundError("Målet finns inte längre. Uppdatera listan (F5).")
        if on is not None and talk.held_on is not None and on < talk.held_on:
            raise RuleViolation("Uppföljningen kan inte ligga före samtalet.")
        before = {"followed_up_on": goal.followed_up_on}
        goal.followed_up_on = on
        if on is None:
            talk.followed_up_on = None
        session.flush()
        _settle_follow_up(session, talk)
        record_audit(
            workspace,
            session,
            "folj_upp_mal",
            "mal",
            goal.id,
            before,
            {"followed_up_on": on, "talk_id": talk.id},
        )


@use_case
def record_salary_talk(
    workspace: Workspace,
    employee_id: int,
    talk_date: date,
    done: bool,
    salary_talk_id: int | None = None,
) -> int:
    """Records a lönesamtal: its date, and whether it was held."""
    unit = workspace.require_unit()
    with workspace.transaction() as session:
        require_employee(session, unit.id, employee_id)
        if salary_talk_id is None:
            record = SalaryTalk(employee_id=employee_id, talk_date=talk_date, done=done)
            session.add(record)
            before = None
        else:
            found = session.get(SalaryTalk, salary_talk_id)
            if found is None or found.employee_id != employee_id:
                raise NotFoundError("Lönesamtalet finns inte längre. Uppdatera listan (F5).")
            record = found
            before = {"talk_date": record.talk_date, "done": record.done}
            record.talk_date = talk_date
            record.done = done
        session.flush()
        record_audit(
            workspace,
            session,
            "registrera_lonesamtal",
            "lonesamtal",
            record.id,
            before,
            {"employee_id": employee_id, "talk_date": talk_date, "done": done},
        )
        return record.id


@dataclass(frozen=True)
class SalaryTalkView:
    id: int
    talk_date: date
    done: bool


@use_case
def salary_talks_of(workspace: Workspace, employee_id: int) -> list[SalaryTalkView]:
    unit = workspace.require_unit()
    with workspace.transaction() as session:
        require_employee(session, unit.id, employee_id)
        return [
            SalaryTalkView(s.id, s.talk_date, s.done)
            for s in salary_talks_of_unit(session, unit.id)
            if s.employee_id == employee_id
        ]

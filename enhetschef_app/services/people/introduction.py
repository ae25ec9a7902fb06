"""Introduktion: the checklist for a new employee, with a date for each point and the day it was
done. The points are the file's list (`intro_items`), which the EC edits."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from enhetschef_app.domain.calendar import today
from enhetschef_app.domain.errors import FieldProblems, NotFoundError
from enhetschef_app.services.core.settings import rule_settings
from enhetschef_app.services.core.workspace import Workspace, use_case
from enhetschef_app.services.people.common import record_audit, require_employee
from enhetschef_app.storage.models import Employee
from enhetschef_app.storage.models_people import IntroCheck, IntroItem
from enhetschef_app.storage.queries import people as queries

MAX_DUE_DAYS = 730


@dataclass(frozen=True)
class IntroItemView:
    id: int
    title: str
    due_days: int
    active: bool


@dataclass(frozen=True)
class IntroLine:
    item_id: int
    title: str
    planned_on: date | None  # the first working day + the item's days, or as changed
    done_on: date | None
    planned_is_own: bool  # the date was changed for this person

    def is_late(self, day: date) -> bool:
        return self.done_on is None and self.planned_on is not None and self.planned_on < day


@dataclass(frozen=True)
class IntroProgress:
    employee_id: int
    employee_no: str
    name: str
    start: date | None
    lines: tuple[IntroLine, ...]

    @property
    def done(self) -> int:
        return sum(1 for line in self.lines if line.done_on is not None)

    @property
    def total(self) -> int:
        return len(self.lines)

    @property
    def complete(self) -> bool:
        return self.done == self.total

    def next_line(self) -> IntroLine | None:
        open_lines = [line for line in self.lines if line.done_on is None]
        return min(
            open_lines,
            key=lambda line: (line.planned_on is None, line.planned_on or date.max),
            default=None,
        )

    def late(self, day: date) -> int:
        return sum(1 for line in self.lines if line.is_late(day))


def _lines(
    employee: Employee, items: list[IntroItem], checks: dict[int, IntroCheck]
) -> tuple[IntroLine, ...]:
    lines: list[IntroLine] = []
    for item in items:
        check = checks.get(item.id)
        if not item.active and (check is None or check.done_on is None):
            continue  # a point taken off the list stays only where it was done
        default = (
            None if employee.start_date is None else employee.start_date + timedelta(item.due_days)
        )
        own = check is not None and check.planned_on is not None
        lines.append(
            IntroLine(
                item_id=item.id,
                title=item.title,
                planned_on=check.planned_on if own and check else default,
                done_on=check.done_on if check else None,
                planned_is_own=own,
            )
        )
    return tuple(lines)


@use_case
def introductions(workspace: Workspace, day: date | None = None) -> list[IntroProgress]:
    """New staff: started within the setting's days before `day` or starting later, and anyone
    employed whose checklist was begun and is not finished."""
    unit = workspace.require_unit()
    day = day or today()
    window = rule_settings(workspace).integer("introduction.new_employee_days")
    with workspace.transaction() as session:
        items = queries.intro_items(session)
        checks: dict[int, dict[int, IntroCheck]] = {}
        for check in queries.intro_checks_of_unit(session, unit.id):
            checks.setdefault(check.employee_id, {})[check.item_id] = check
        found: list[IntroProgress] = []
        for employee in queries.unit_employees(session, unit.id):
            if employee.end_date is not None and employee.end_date < day:
                continue
            own = checks.get(employee.id, {})
            lines = _lines(employee, items, own)
            recent = employee.start_date is not None and employee.start_date >= day - timedelta(
                window
            )
            begun = any(c.done_on is not None for c in own.values())
            unfinished = any(line.done_on is None for line in lines)
            if recent or (begun and unfinished):
                found.append(
                    IntroProgress(
                        employee.id, employee.employee_no, employee.name, employee.start_date, lines
                    )
                )
    found.sort(key=lambda p: (p.start or date.min, p.name.casefold()), reverse=True)
    return found


@use_case
def checklist(workspace: Workspace, employee_id: int) -> IntroProgress:
    unit = workspace.require_unit()
    with workspace.transaction() as session:
        employee = require_employee(session, unit.id, employee_id)
        items = queries.intro_items(session)
        own = {
            c.item_id: c
            for c in queries.intro_checks_of_unit(session, unit.id)
            if c.employee_id == employee_id
        }
        return IntroProgress(
            employee.id,
            employee.employee_no,
            employee.name,
            employee.start_date,
            _lines(employee, items, own),
        )


@use_case
def set_intro_point(
    workspace: Workspace,
    employee_id: int,
    item_id: int,
    *,
    planned_on: date | None,
    done_on: date | None,
    day: date | None = None,
) -> None:
    """Records one point for one person: another date (None: the list's), and the day done."""
    unit = workspace.require_unit()
    if done_on is not None and done_on > (day or today()):
        raise FieldProblems(
            "Punkten sparades inte.", {"done_on": "Punkten kan inte vara klar i framtiden."}
        )
    with workspace.transaction() as session:
        employee = require_employee(session, unit.id, employee_id)
        item = session.get(IntroItem, item_id)
        if item is None:
            raise NotFoundError("Punkten finns inte längre i checklistan.")
        check = queries.intro_check_of(session, employee.id, item.id)
        before = (
            None if check is None else {"planned_on": check.planned_on, "done_on": check.done_on}
        )
        if check is None:
            check = IntroCheck(employee_id=employee.id, item_id=item.id)
            session.add(check)
        check.planned_on = planned_on
        check.done_on = done_on
        session.flush()
        record_audit(
            workspace,
            session,
            "introduktion",
            "introduktionspunkt",
            check.id,
            before,
            {
                "employee_id": employee.id,
                "item": item.title,
                "planned_on": planned_on,
                "done_on": done_on,
            },
        )


@use_case
def intro_items(workspace: Workspace) -> list[IntroItemView]:
    with workspace.transaction() as session:
        return [
            IntroItemView(i.id, i.title, i.due_days, i.active) for i in queries.intro_items(session)
        ]


@use_case
def save_intro_item(
    workspace: Workspace,
    title: str,
    due_days: int,
    item_id: int | None = None,
    active: bool = True,
) -> IntroItemView:
    """Adds a point to the checklist or changes one; a point no longer used is made inactive
    (kept where it was done)."""
    cleaned = " ".join(title.split())
    problems: dict[str, str] = {}
    if not cleaned:
        problems["title"] = "Skriv vad punkten gäller."
    elif len(cleaned) > 200:
        problems["title"] = "Texten är längre än 200 tecken."
    if not 0 <= due_days <= MAX_DUE_DAYS:
        problems["due_days"] = f"Ange 0–{MAX_DUE_DAYS} dagar efter första arbetsdagen."
    if problems:
        raise FieldProblems("Punkten sparades inte.", problems)
    with workspace.transaction() as session:
        if item_id is None:
            item = IntroItem(
                title=cleaned,
                due_days=due_days,
                position=len(queries.intro_items(session)),
                active=active,
            )
            session.add(item)
            before = None
        else:
            found = session.get(IntroItem, item_id)
            if found is None:
                raise NotFoundError("Punkten finns inte längre i checklistan.")
            item = found
            before = {"title": item.title, "due_days": item.due_days, "active": item.active}
            item.title = cleaned
            item.due_days = due_days
            item.active = active
        session.flush()
        record_audit(
            workspace,
            session,
            "andra_introduktionslista",
            "introduktionslista",
            item.id,
            before,
            {"title": cleaned, "due_days": due_days, "active": active},
        )
        return IntroItemView(item.id, item.title, item.due_days, item.active)

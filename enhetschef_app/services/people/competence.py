"""Competence: the recurring trainings and delegations each person holds, what expires within the
reminder window, and what a shift type requires (for the dagsuppföljning candidate list)."""

from __future__ import annotations

import enum
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from enhetschef_app.domain.calendar import today
from enhetschef_app.domain.competence import (
    COMMON_DELEGATED_TASKS,
    DelegationDraft,
    ExpiryState,
    TrainingKindDraft,
    competence_key,
    days_left,
    expiry_state,
    training_valid_until,
    validate_delegation,
    validate_training_kind,
)
from enhetschef_app.domain.errors import FieldProblems, NotFoundError, RuleViolation, UserError
from enhetschef_app.services.core.settings import rule_settings
from enhetschef_app.services.core.workspace import Workspace, use_case
from enhetschef_app.services.people.common import record_audit, require_employee
from enhetschef_app.storage.models import Employee
from enhetschef_app.storage.models_people import (
    Delegation,
    ShiftTypeCompetence,
    Training,
    TrainingKind,
)
from enhetschef_app.storage.queries import people as queries


class ItemKind(enum.StrEnum):
    TRAINING = "utbildning"
    DELEGATION = "delegering"

    @property
    def label(self) -> str:
        return "Utbildning" if self is ItemKind.TRAINING else "Delegering"


@dataclass(frozen=True)
class CompetenceItem:
    """A person's current training of one kind, or delegation of one task (or a missing one)."""

    kind: ItemKind
    record_id: int | None  # the training's or delegation's id; None for a missing training
    employee_id: int
    employee_no: str
    employee_name: str
    what: str  # the training's name or the delegated task
    training_kind_id: int | None
    delegated_by: str | None
    valid_from: date | None  # the day the training was done, the delegation's first day
    valid_until: date | None  # the last valid day; None: it does not expire
    ended_on: date | None
    state: ExpiryState
    days_left: int | None

    @property
    def needs_reminder(self) -> bool:
        return self.state in (ExpiryState.EXPIRING, ExpiryState.EXPIRED)

    def as_json(self) -> dict[str, Any]:
        """The keys of `competence expiring --json` (docs/medarbetarsamtal.md)."""
        return {
            "employee_no": self.employee_no,
            "name": self.employee_name,
            "type": self.kind.value,
            "what": self.what,
            "delegated_by": self.delegated_by,
            "valid_from": None if self.valid_from is None else self.valid_from.isoformat(),
            "valid_until": None if self.valid_until is None else self.valid_until.isoformat(),
            "days_left": self.days_left,
            "expired": self.state is ExpiryState.EXPIRED,
        }


@dataclass(frozen=True)
class CompetenceOverview:
    day: date
    reminder_days: int
    kinds: tuple[TrainingKindView, ...]
    items: tuple[CompetenceItem, ...]

    @property
    def reminders(self) -> list[CompetenceItem]:
        return [i for i in self.items if i.needs_reminder]


@dataclass(frozen=True)
class TrainingKindView:
    id: int
    name: str
    validity_months: int
    active: bool


def _employed(employee: Employee, day: date) -> bool:
    started = employee.start_date is None or employee.start_date <= day
    return started and (employee.end_date is None or employee.end_date >= day)


def _latest_training(trainings: Iterable[Training]) -> Training:
    return max(trainings, key=lambda t: (t.valid_until or date.max, t.completed_on, t.id))


def _latest_delegation(delegations: Iterable[Delegation]) -> Delegation:
    # A withdrawn delegation is only the current one when nothing else is left.
    return max(delegations, key=lambda d: (d.ended_on is None, d.valid_to, d.valid_from, d.id))


@use_case
def competence_overview(
    workspace: Workspace, day: date | None = None, reminder_days: int | None = None
) -> CompetenceOverview:
    """For everyone employed on `day`: each active recurring training (done or missing) and each
    delegated task, the latest record of each, with where it stands."""
    unit = workspace.require_unit()
    day = day or today()
    window = (
        reminder_days
        if reminder_days is not None
        else rule_settings(workspace).integer("competence.reminder_days")
    )
    with workspace.transaction() as session:
        kinds = queries.training_kinds(session)
        staff = [e for e in queries.unit_employees(session, unit.id) if _employed(e, day)]
        trainings: dict[tuple[int, int], list[Training]] = defaultdict(list)
        for training in queries.trainings_of_unit(session, unit.id):
            trainings[(training.employee_id, training.training_kind_id)].append(training)
        delegations: dict[tuple[int, str], list[Delegation]] = defaultdict(list)
        for delegation in queries.delegations_of_unit(session, unit.id):
            key = (delegation.employee_id, competence_key(delegation.task))
            delegations[key].append(delegation)
        items: list[CompetenceItem] = []
        for employee in staff:
            for kind in kinds:
                done = trainings.get((employee.id, kind.id))
                if not kind.active and not done:
                    continue
                items.append(_training_item(employee, kind, done, day, window))
            own = [(k, v) for k, v in delegations.items() if k[0] == employee.id]
            for _key, records in sorted(own, key=lambda kv: kv[0][1]):
                items.append(_delegation_item(employee, _latest_delegation(records), day, window))
        kind_views = tuple(
            TrainingKindView(k.id, k.name, k.validity_months, k.active) for k in kinds
        )
    return CompetenceOverview(day=day, reminder_days=window, kinds=kind_views, items=tuple(items))


def _training_item(
    employee: Employee,
    kind: TrainingKind,
    done: list[Training] | None,
    day: date,
    window: int,
) -> CompetenceItem:
    latest = _latest_training(done) if done else None
    if latest is None:
        state = ExpiryState.MISSING
    else:
        state = expiry_state(latest.completed_on, latest.valid_until, day, window)
    return CompetenceItem(
        kind=ItemKind.TRAINING,
        record_id=latest.id if latest else None,
        employee_id=employee.id,
        employee_no=employee.employee_no,
        employee_name=employee.name,
        what=kind.name,
        training_kind_id=kind.id,
        delegated_by=None,
        valid_from=latest.completed_on if latest else None,
        valid_until=latest.valid_until if latest else None,
        ended_on=None,
        state=state,
        days_left=days_left(latest.valid_until, day) if latest else None,
    )


def _delegation_item(
    employee: Employee, delegation: Delegation, day: date, window: int
) -> CompetenceItem:
    return CompetenceItem(
        kind=ItemKind.DELEGATION,
        record_id=delegation.id,
        employee_id=employee.id,
        employee_no=employee.employee_no,
        employee_name=employee.name,
        what=delegation.task,
        training_kind_id=None,
        delegated_by=delegation.delegated_by,
        valid_from=delegation.valid_from,
        valid_until=delegation.valid_to,
        ended_on=delegation.ended_on,
        state=expiry_state(
            delegation.valid_from, delegation.valid_to, day, window, delegation.ended_on
        ),
        days_left=days_left(delegation.valid_to, day),
    )


@use_case
def expiring(
    workspace: Workspace, day: date | None = None, days: int | None = None
) -> list[CompetenceItem]:
    """Trainings and delegations of current staff whose last valid day is within `days` days
    (default: the setting), or that have passed it without being renewed; soonest first."""
    if days is not None and days < 0:
        raise UserError("Ange antal dagar som 0 eller mer (--days).")
    overview = competence_overview(workspace, day, days)
    return sorted(
        overview.reminders,
        key=lambda i: (i.valid_until or date.max, i.employee_name.casefold(), i.what),
    )


@use_case
def valid_competences(
    workspace: Workspace, day: date, employee_ids: Sequence[int] | None = None
) -> dict[int, set[str]]:
    """Employee id → the competences valid on `day`: the names of trainings done and not
    expired, and the tasks of delegations in force, as `domain.competence.competence_key`s.

    Without `employee_ids`, the unit's staff; with them, those people whatever their unit (the
    candidate list also offers staff of neighbour units). Everyone asked for has an entry.
    """
    with workspace.transaction() as session:
        if employee_ids is None:
            unit = workspace.require_unit()
            ids = [e.id for e in queries.unit_employees(session, unit.id)]
            trainings, delegations = queries.valid_on_day(session, unit.id, day)
        else:
            ids = list(employee_ids)
            trainings, delegations = queries.valid_on_day_for(session, ids, day)
    found: dict[int, set[str]] = {employee_id: set() for employee_id in ids}
    for employee_id, label in [*trainings, *delegations]:
        if employee_id in found:
            found[employee_id].add(competence_key(label))
    return found


@use_case
def required_competences(workspace: Workspace) -> dict[str, set[str]]:
    """Shift code → the competences (keys) a person on such a shift must hold."""
    unit = workspace.require_unit()
    with workspace.transaction() as session:
        rows = queries.shift_type_requirements(session, unit.id)
    return {t.code: {competence_key(c) for c in needs} for t, needs in rows if needs}


@use_case
def competence_check(
    workspace: Workspace, shift_code: str | None, day: date, employee_ids: Sequence[int]
) -> tuple[frozenset[str], dict[int, set[str]]]:
    """For the candidate list: what a shift of this code requires (as the EC wrote it) and,
    per person, which of those they hold on `day`. Both empty when the shift requires nothing.

    The labels are the requirement's own words, so a reason reads 'Saknar Insulininjektion'.
    """
    if not shift_code:
        return frozenset(), {}
    unit = workspace.require_unit()
    with workspace.transaction() as session:
        needs = [
            label
            for shift_type, labels in queries.shift_type_requirements(session, unit.id)
            if shift_type.code == shift_code
            for label in labels
        ]
    if not needs:
        return frozenset(), {}
    by_key = {competence_key(label): label for label in needs}
    held = valid_competences(workspace, day, employee_ids)
    return frozenset(needs), {
        person: {by_key[key] for key in keys if key in by_key} for person, keys in held.items()
    }


def missing_competences(required: Iterable[str], held: Iterable[str]) -> set[str]:
    """The required competences (keys) a person lacks; empty when they may take the shift."""
    return {competence_key(r) for r in required} - {competence_key(h) for h in held}


@dataclass(frozen=True)
class ShiftRequirement:
    shift_type_id: int
    code: str
    name: str
    competences: tuple[str, ...]


@use_case
def shift_requirements(workspace: Workspace) -> list[ShiftRequirement]:
    unit = workspace.require_unit()
    with workspace.transaction() as session:
        return [
            ShiftRequirement(t.id, t.code, t.name, tuple(needs))
            for t, needs in queries.shift_type_requirements(session, unit.id)
        ]


@use_case
def set_shift_requirements(
    workspace: Workspace, shift_code: str, competences: Sequence[str]
) -> None:
    """Replaces what the shift type requires (an empty list: nothing)."""
    unit = workspace.require_unit()
    wanted: dict[str, str] = {}
    for label in competences:
        cleaned = " ".join(label.split())
        if cleaned and len(cleaned) <= 200:
            wanted.setdefault(competence_key(cleaned), cleaned)
    with workspace.transaction() as session:
        shift_type = queries.shift_type_by_code(session, unit.id, shift_code)
        if shift_type is None:
            raise NotFoundError(f"Passtypen {shift_code} finns inte i enheten.")
        before = [
            c
            for t, needs in queries.shift_type_requirements(session, unit.id)
            if t.id == shift_type.id
            for c in needs
        ]
        queries.delete_shift_type_requirements(session, shift_type.id)
        session.add_all(
            ShiftTypeCompetence(shift_type_id=shift_type.id, competence=label)
            for label in sorted(wanted.values())
        )
        record_audit(
            workspace,
            session,
            "andra_passkrav",
            "passtyp",
            shift_type.id,
            {"code": shift_code, "competences": before},
            {"code": shift_code, "competences": sorted(wanted.values())},
        )


@use_case
def competence_suggestions(workspace: Workspace) -> list[str]:
    """Names to pick from: active trainings, tasks delegated in the file, the common tasks."""
    with workspace.transaction() as session:
        names = [k.name for k in queries.training_kinds(session, active_only=True)]
        tasks = queries.delegation_tasks(session)
    seen: dict[str, str] = {}
    for label in [*names, *tasks, *COMMON_DELEGATED_TASKS]:
        seen.setdefault(competence_key(label), label)
    return list(seen.values())


@use_case
def delegation_task_suggestions(workspace: Workspace) -> list[str]:
    with workspace.transaction() as session:
        tasks = queries.delegation_tasks(session)
    seen: dict[str, str] = {}
    for label in [*tasks, *COMMON_DELEGATED_TASKS]:
        seen.setdefault(competence_key(label), label)
    return list(seen.values())


# Trainings ------------------------------------------------------------------------------


@use_case
def training_kinds(workspace: Workspace) -> list[TrainingKindView]:
    with workspace.transaction() as session:
        return [
            TrainingKindView(k.id, k.name, k.validity_months, k.active)
            for k in queries.training_kinds(session)
        ]


@use_case
def save_training_kind(
    workspace: Workspace, draft: TrainingKindDraft, kind_id: int | None = None, active: bool = True
) -> TrainingKindView:
    """Adds a recurring training or changes one (name, validity, in use). A changed validity
    applies to trainings recorded from now on; those recorded keep their dates."""
    problems = validate_training_kind(draft)
    if problems:
        raise FieldProblems("Utbildningen sparades inte.", problems)
    name = " ".join(draft.name.split())
    with workspace.transaction() as session:
        clash = queries.training_kind_named(session, name)
        if clash is not None and clash.id != kind_id:
            raise FieldProblems(
                "Utbildningen sparades inte.", {"name": f"Det finns redan en utbildning {name}."}
            )
        if kind_id is None:
            position = len(queries.training_kinds(session))
            kind = TrainingKind(name=name, validity_months=0, position=position, active=True)
            session.add(kind)
            before = None
        else:
            found = session.get(TrainingKind, kind_id)
            if found is None:
                raise NotFoundError("Utbildningen finns inte längre.")
            kind = found
            before = {
                "name": kind.name,
                "validity_months": kind.validity_months,
                "active": kind.active,
            }
        kind.name = name
        kind.validity_months = draft.validity_months
        kind.active = active
        session.flush()
        audit_after = {"name": name, "validity_months": draft.validity_months, "active": active}
        record_audit(
            workspace, session, "andra_utbildningslista", "utbildning", kind.id, before, audit_after
        )
        return TrainingKindView(kind.id, kind.name, kind.validity_months, kind.active)


@use_case
def record_training(
    workspace: Workspace,
    employee_id: int,
    kind_id: int,
    completed_on: date,
    valid_until: date | None = None,
    *,
    day: date | None = None,
) -> int:
    """Records a training done; without `valid_until` it holds for the kind's validity."""
    unit = workspace.require_unit()
    if completed_on > (day or today()):
        raise FieldProblems(
            "Utbildningen sparades inte.", {"completed_on": "Utbildningen är inte genomförd än."}
        )
    if valid_until is not None and valid_until < completed_on:
        raise FieldProblems(
            "Utbildningen sparades inte.",
            {"valid_until": "Sista giltiga dag ligger före utbildningen."},
        )
    with workspace.transaction() as session:
        require_employee(session, unit.id, employee_id)
        kind = session.get(TrainingKind, kind_id)
        if kind is None:
            raise NotFoundError("Utbildningen finns inte längre i listan.")
        until = (
            valid_until
            if valid_until is not None
            else training_valid_until(completed_on, kind.validity_months)
        )
        training = Training(
            employee_id=employee_id,
            training_kind_id=kind.id,
            completed_on=completed_on,
            valid_until=until,
        )
        session.add(training)
        session.flush()
        record_audit(
            workspace,
            session,
            "registrera_utbildning",
            "utbildning_genomford",
            training.id,
            None,
            {
                "employee_id": employee_id,
                "training": kind.name,
                "completed_on": completed_on,
                "valid_until": until,
            },
        )
        return training.id


@use_case
def delete_training(workspace: Workspace, training_id: int) -> None:
    """Removes a training recorded by mistake."""
    unit = workspace.require_unit()
    with workspace.transaction() as session:
        training = session.get(Training, training_id)
        if (
            training is None
            or queries.unit_employee(session, unit.id, training.employee_id) is None
        ):
            raise NotFoundError("Utbildningen finns inte längre. Uppdatera listan (F5).")
        before = {
            "employee_id": training.employee_id,
            "training_kind_id": training.training_kind_id,
            "completed_on": training.completed_on,
            "valid_until": training.valid_until,
        }
        session.delete(training)
        record_audit(
            workspace,
            session,
            "ta_bort_utbildning",
            "utbildning_genomford",
            training_id,
            before,
            None,
        )


# Delegations ----------------------------------------------------------------------------


@dataclass(frozen=True)
class DelegationView:
    id: int
    employee_id: int
    task: str
    delegated_by: str
    valid_from: date
    valid_to: date
    ended_on: date | None


def _delegation_view(d: Delegation) -> DelegationView:
    return DelegationView(
        d.id, d.employee_id, d.task, d.delegated_by, d.valid_from, d.valid_to, d.ended_on
    )


def _delegation_snapshot(d: Delegation) -> dict[str, Any]:
    return {
        "employee_id": d.employee_id,
        "task": d.task,
        "delegated_by": d.delegated_by,
        "valid_from": d.valid_from,
        "valid_to": d.valid_to,
        "ended_on": d.ended_on,
    }


@use_case
def delegation(workspace: Workspace, delegation_id: int) -> DelegationView:
    unit = workspace.require_unit()
    with workspace.transaction() as session:
        found = queries.delegation_of_unit(session, unit.id, delegation_id)
        if found is None:
            raise NotFoundError("Delegeringen finns inte längre. Uppdatera listan (F5).")
        return _delegation_view(found)


@use_case
def save_delegation(
    workspace: Workspace,
    employee_id: int,
    draft: DelegationDraft,
    delegation_id: int | None = None,
) -> DelegationView:
    """Records a new delegation (a renewal is a new one) or corrects one."""
    unit = workspace.require_unit()
    problems = validate_delegation(draft)
    if problems:
        raise FieldProblems("Delegeringen sparades inte.", problems)
    assert draft.valid_from is not None and draft.valid_to is not None
    with workspace.transaction() as session:
        require_employee(session, unit.id, employee_id)
        if delegation_id is None:
            record = Delegation(employee_id=employee_id)
            session.add(record)
            before = None
        else:
            found = queries.delegation_of_unit(session, unit.id, delegation_id)
            if found is None or found.employee_id != employee_id:
                raise NotFoundError("Delegeringen finns inte längre. Uppdatera listan (F5).")
            record = found
            before = _delegation_snapshot(record)
        record.task = " ".join(draft.task.split())
        record.delegated_by = " ".join(draft.delegated_by.split())
        record.valid_from = draft.valid_from
        record.valid_to = draft.valid_to
        session.flush()
        record_audit(
            workspace,
            session,
            "registrera_delegering" if before is None else "andra_delegering",
            "delegering",
            record.id,
            before,
            _delegation_snapshot(record),
        )
        return _delegation_view(record)


@use_case
def end_delegation(workspace: Workspace, delegation_id: int, ended_on: date) -> None:
    """Withdraws a delegation: it no longer holds from `ended_on` (and reminds no more)."""
    unit = workspace.require_unit()
    with workspace.transaction() as session:
        record = queries.delegation_of_unit(session, unit.id, delegation_id)
        if record is None:
            raise NotFoundError("Delegeringen finns inte längre. Uppdatera listan (F5).")
        if ended_on < record.valid_from:
            raise RuleViolation("Delegeringen kan inte avslutas före sin första dag.")
        before = _delegation_snapshot(record)
        record.ended_on = ended_on
        record_audit(
            workspace,
            session,
            "avsluta_delegering",
            "delegering",
            record.id,
            before,
            _delegation_snapshot(record),
        )

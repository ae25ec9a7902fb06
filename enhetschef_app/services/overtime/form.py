"""The new-request form's read side: who can be asked on a day, which empty rows and absences
a request may cover, and the split, cost and totals of a request while it is typed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from enhetschef_app.domain.settings_catalog import ABSENCE_KIND_CHOICES
from enhetschef_app.services.core.workspace import Workspace, use_case
from enhetschef_app.services.overtime.evaluation import Evaluation, evaluate, settings_in
from enhetschef_app.services.overtime.requests import RequestDraft
from enhetschef_app.services.schedule.covers import row_text
from enhetschef_app.storage.queries.overtime import absences_on_day, empty_rows_of_day
from enhetschef_app.storage.queries.staff import employee_by_number, employees_of_unit

ABSENCE_LABELS = dict(ABSENCE_KIND_CHOICES)


@dataclass(frozen=True)
class PersonChoice:
    employee_id: int
    employee_no: str
    name: str


@dataclass(frozen=True)
class CoverChoice:
    kind: str  # "row" or "absence"
    ident: int
    text: str


@dataclass(frozen=True)
class RequestChoices:
    people: tuple[PersonChoice, ...]
    covers: tuple[CoverChoice, ...]  # the day's empty rows and absences


@use_case
def request_choices(workspace: Workspace, day: date) -> RequestChoices:
    """Who can be asked on the day, and which empty rows and absences a request may cover."""
    unit = workspace.require_unit()
    with workspace.transaction() as session:
        people = tuple(
            PersonChoice(e.id, e.employee_no, e.name)
            for e in sorted(employees_of_unit(session, unit.id), key=lambda e: e.name)
            if (e.start_date is None or e.start_date <= day)
            and (e.end_date is None or day <= e.end_date)
        )
        covers = [
            CoverChoice("row", facts.row_id, row_text(facts))
            for facts in empty_rows_of_day(session, unit.id, day)
        ]
        for absence in absences_on_day(session, unit.id, day):
            kind = ABSENCE_LABELS.get(absence.kind, absence.kind).lower()
            end = absence.end.isoformat() if absence.end else "tills vidare"
            covers.append(
                CoverChoice(
                    "absence",
                    absence.absence_id,
                    f"{absence.employee_name}, {kind} {absence.start.isoformat()}–{end}",
                )
            )
    return RequestChoices(people, tuple(covers))


@use_case
def draft_preview(workspace: Workspace, draft: RequestDraft) -> Evaluation | None:
    """The split, cost and totals of a request being typed; None while it names no one."""
    unit = workspace.require_unit()
    if draft.start == draft.end:
        return None
    with workspace.transaction() as session:
        employee = employee_by_number(session, unit.id, draft.employee_no)
        if employee is None:
            return None
        return evaluate(
            session,
            employee,
            draft.work_date,
            draft.start,
            draft.end,
            draft.rast,
            draft.compensation,
            settings_in(session, unit.id),
        )

"""Avslutningssamtal: everyone whose end date is set, with the talk held or declined, the reason
(the fixed list, stored on the employee as `end_reason`, which the month summary reads) and
short notes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from enhetschef_app.domain.calendar import today
from enhetschef_app.domain.errors import FieldProblems
from enhetschef_app.domain.exit_talks import ExitOutcome, ExitTalkDraft, validate_exit_talk
from enhetschef_app.domain.staff import EmploymentForm, EndReason
from enhetschef_app.services.core.workspace import Workspace, use_case
from enhetschef_app.services.people.common import (
    check_free_text,
    record_audit,
    require_employee,
)
from enhetschef_app.storage.models_people import ExitTalk
from enhetschef_app.storage.queries import people as queries

# Leavers are listed from a year before the day shown to half a year after it (a notice
# period); a fixed-term contract ending years ahead is not yet a leaver.
LISTED_DAYS_BACK = 365
LISTED_DAYS_AHEAD = 180
# An exit talk is due from a month before the last day.
TALK_DUE_DAYS_BEFORE = 30


@dataclass(frozen=True)
class LeaverView:
    employee_id: int
    employee_no: str
    name: str
    form: EmploymentForm
    end: date
    reason: EndReason | None
    outcome: ExitOutcome | None  # None: no exit talk recorded yet
    held_on: date | None
    notes: str

    def needs_talk(self) -> bool:
        return self.outcome is None

    def talk_due(self, day: date) -> bool:
        """No talk recorded, and the last day is a month away or has passed."""
        return self.needs_talk() and self.end <= day + timedelta(TALK_DUE_DAYS_BEFORE)


@use_case
def leavers(workspace: Workspace, day: date | None = None) -> list[LeaverView]:
    """Everyone whose last day lies from a year before `day` to half a year after it, latest
    leaver first."""
    unit = workspace.require_unit()
    day = day or today()
    first = day - timedelta(LISTED_DAYS_BACK)
    last = day + timedelta(LISTED_DAYS_AHEAD)
    with workspace.transaction() as session:
        talks = queries.exit_talks_of_unit(session, unit.id)
        found = []
        for employee in queries.unit_employees(session, unit.id):
            if employee.end_date is None or not first <= employee.end_date <= last:
                continue
            talk = talks.get(employee.id)
            found.append(
                LeaverView(
                    employee_id=employee.id,
                    employee_no=employee.employee_no,
                    name=employee.name,
                    form=EmploymentForm(employee.employment_form),
                    end=employee.end_date,
                    reason=EndReason(employee.end_reason) if employee.end_reason else None,
                    outcome=ExitOutcome(talk.outcome) if talk else None,
                    held_on=talk.held_on if talk else None,
                    notes=talk.notes if talk else "",
                )
            )
    found.sort(key=lambda v: (v.end, v.name.casefold()), reverse=True)
    return found


@use_case
def save_exit_talk(
    workspace: Workspace, employee_id: int, draft: ExitTalkDraft, *, confirmed: bool = False
) -> LeaverView:
    """Records (or corrects) the avslutningssamtal and the reason for leaving.

    Notes that look like they hold a personnummer or health details raise SensitiveText
    unless `confirmed`.
    """
    unit = workspace.require_unit()
    with workspace.transaction() as session:
        employee = require_employee(session, unit.id, employee_id)
        problems = validate_exit_talk(draft, employee.end_date)
        if problems:
            raise FieldProblems("Avslutningssamtalet sparades inte.", problems)
        check_free_text(draft.notes, confirmed=confirmed)
        assert draft.reason is not None and employee.end_date is not None
        talk = queries.exit_talks_of_unit(session, unit.id).get(employee.id)
        before = (
            None
            if talk is None
            else {
                "outcome": talk.outcome,
                "held_on": talk.held_on,
                "end_reason": employee.end_reason,
            }
        )
        if talk is None:
            talk = ExitTalk(employee_id=employee.id, notes="")
            session.add(talk)
        talk.outcome = draft.outcome.value
        talk.held_on = draft.held_on if draft.outcome is ExitOutcome.HELD else None
        talk.notes = draft.notes.strip()
        employee.end_reason = draft.reason.value
        session.flush()
        record_audit(
            workspace,
            session,
            "registrera_avslutningssamtal",
            "avslutningssamtal",
            talk.id,
            before,
            {
                "employee_id": employee.id,
                "outcome": talk.outcome,
                "held_on": talk.held_on,
                "end_reason": employee.end_reason,
                "has_notes": bool(talk.notes),
            },
        )
        return LeaverView(
            employee_id=employee.id,
            employee_no=employee.employee_no,
            name=employee.name,
            form=EmploymentForm(employee.employment_form),
            end=employee.end_date,
            reason=draft.reason,
            outcome=draft.outcome,
            held_on=talk.held_on,
            notes=talk.notes,
        )

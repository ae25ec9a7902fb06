"""Övertid from dagsuppföljning: the request made when the EC chooses an övertid candidate for
an empty row, what happens to it when the cover is removed, and the running totals the "Hitta
ersättare" dialog shows before she chooses.

The request is made in the cover's own transaction (`follow_up.record_cover` calls
`request_from_cover`), so a cover of kind "overtid" never exists without its request. Nothing
here decides: the request waits for the EC on the Övertid page.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from enhetschef_app.domain.errors import NotFoundError
from enhetschef_app.domain.overtime_requests import (
    Compensation,
    RequestSource,
    centred_break,
)
from enhetschef_app.domain.settings_catalog import ABSENCE_KIND_CHOICES
from enhetschef_app.services.core.workspace import Workspace, use_case
from enhetschef_app.services.overtime.evaluation import Evaluation, evaluate, settings_in
from enhetschef_app.storage import audit
from enhetschef_app.storage.models import Employee
from enhetschef_app.storage.models_overtime import OvertimeRequest
from enhetschef_app.storage.models_schedule import ScheduleCover
from enhetschef_app.storage.queries.overtime import (
    RowFacts,
    has_decision,
    request_of_cover,
    row_facts,
)
from enhetschef_app.storage.session import Session

ABSENCE_LABELS = dict(ABSENCE_KIND_CHOICES)


def row_text(facts: RowFacts) -> str:
    """'2026-11-24 D 07:00–15:30, Anna Ålund sjuk' as a request's reason names the row."""
    code = f" {facts.code}" if facts.code else ""
    when = f"{facts.work_date.isoformat()}{code} {facts.start:%H:%M}–{facts.end:%H:%M}"
    if facts.employee_name is None:
        return f"{when}, vakant rad"
    if facts.absence_kind is not None:
        kind = ABSENCE_LABELS.get(facts.absence_kind, facts.absence_kind).lower()
        return f"{when}, {facts.employee_name} frånvarande ({kind})"
    return f"{when}, {facts.employee_name}"


def request_from_cover(session: Session, cover: ScheduleCover, actor: str) -> OvertimeRequest:
    """A waiting request for the covered row's date and times, its rast in the middle."""
    facts = row_facts(session, cover.row_id)
    if facts is None:
        raise NotFoundError("Schemaraden finns inte längre. Uppdatera sidan (F5).")
    rast = centred_break(facts.work_date, facts.start, facts.end, facts.break_minutes)
    request = OvertimeRequest(
        unit_id=cover.unit_id,
        employee_id=cover.employee_id,
        work_date=facts.work_date,
        start_time=facts.start,
        end_time=facts.end,
        break_start=rast[0] if rast else None,
        break_end=rast[1] if rast else None,
        reason=f"Ersätter tom rad {row_text(facts)}.",
        compensation=Compensation.MONEY.value,
        source=RequestSource.COVER.value,
        cover_id=cover.id,
        row_id=cover.row_id,
        absence_id=facts.absence_id,
        created_by=actor,
    )
    session.add(request)
    session.flush()
    audit.record(
        session,
        actor=actor,
        action="registrera_overtid",
        entity="overtid",
        entity_id=request.id,
        unit_id=cover.unit_id,
        after={
            "employee_id": cover.employee_id,
            "date": facts.work_date,
            "start": facts.start,
            "end": facts.end,
            "rast": list(rast) if rast else None,
            "source": RequestSource.COVER.value,
            "cover_id": cover.id,
            "row_id": cover.row_id,
            "reason": request.reason,
        },
    )
    return request


def release_cover_request(session: Session, cover: ScheduleCover, actor: str) -> str:
    """Called before a cover is removed. A waiting request made from it goes with it; a decided
    one stays (its decisions are history) and the EC is told to correct the decision."""
    request = request_of_cover(session, cover.id)
    if request is None:
        return ""
    if has_decision(session, request.id):
        return (
            "Övertiden för raden är redan beslutad och finns kvar på sidan Övertid; rätta "
            "beslutet där om passet inte blev av."
        )
    audit.record(
        session,
        actor=actor,
        action="ta_bort_overtid",
        entity="overtid",
        entity_id=request.id,
        unit_id=request.unit_id,
        before={
            "employee_id": request.employee_id,
            "date": request.work_date,
            "start": request.start_time,
            "end": request.end_time,
            "cover_id": cover.id,
            "why": "ersättaren togs bort innan övertiden beslutades",
        },
    )
    session.delete(request)
    return "Den väntande övertidsbegäran för raden togs bort."


@dataclass(frozen=True)
class CoverOutlook:
    """What the row would be as övertid for the person: split, cost and running totals."""

    employee_name: str
    work_date: date
    evaluation: Evaluation

    def lines(self) -> list[str]:
        found = [self.evaluation.classification.describe()]
        found += [check.describe() for check in self.evaluation.checks]
        return found


@use_case
def cover_outlook(workspace: Workspace, row_id: int, employee_id: int) -> CoverOutlook:
    """The running totals shown beside an övertid candidate before the EC chooses."""
    unit = workspace.require_unit()
    with workspace.transaction() as session:
        facts = row_facts(session, row_id)
        employee = session.get(Employee, employee_id)
        if facts is None or employee is None:
            raise NotFoundError("Raden eller personen finns inte längre. Uppdatera sidan (F5).")
        settings = settings_in(session, unit.id)
        rast = centred_break(facts.work_date, facts.start, facts.end, facts.break_minutes)
        evaluation = evaluate(
            session,
            employee,
            facts.work_date,
            facts.start,
            facts.end,
            rast,
            Compensation.MONEY,
            settings,
        )
        return CoverOutlook(employee.name, facts.work_date, evaluation)

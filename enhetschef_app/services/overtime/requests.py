"""Övertid och mertid: requests and the EC's decisions (DOMAIN.md: Övertid and mertid).

- `request_overtime`: a request made by hand (who, when, why, what it covers); requests from
  dagsuppföljning are made in `overtime_covers`.
- `list_requests`: the unit's requests with their status. A waiting request is classified and
  priced as it stands now; a decided one shows what its decision recorded.
- `decision_preview`: what the EC sees before deciding: the split by kind, the cost both ways,
  the running totals against every limit and the earlier decisions.
- `decide_overtime`: approve or reject, with who, when and why. A decision is never changed; a
  second decision on the same request is a correction that refers to the one in force. An
  approval that passes a limit needs a reason to go over it (`LimitPassed` otherwise).
Every request and decision goes to the audit log.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from enhetschef_app.domain.errors import FieldProblems, NotFoundError, SensitiveText
from enhetschef_app.domain.identifiers import normalise_identifier
from enhetschef_app.domain.overtime import ExtraKind
from enhetschef_app.domain.overtime_requests import (
    Compensation,
    RequestSource,
    RequestStatus,
    Verdict,
    check_decision,
    request_problems,
)
from enhetschef_app.domain.sensitive_text import privacy_warnings
from enhetschef_app.domain.settings_catalog import ABSENCE_KIND_CHOICES, RuleSettings
from enhetschef_app.domain.year_month import YearMonth
from enhetschef_app.services.core.workspace import UnitRef, Workspace, use_case
from enhetschef_app.services.overtime.evaluation import Evaluation, ore, settings_in
from enhetschef_app.services.overtime.views import (
    DecisionView,
    RequestView,
    decision_view,
    evaluate_request,
    request_view,
    views_of,
)
from enhetschef_app.services.schedule.covers import row_text
from enhetschef_app.storage import audit
from enhetschef_app.storage.models import Employee
from enhetschef_app.storage.models_overtime import OvertimeDecision, OvertimeRequest
from enhetschef_app.storage.queries.overtime import (
    absence_of_unit,
    decisions_of,
    person_work,
    request_rows,
    row_facts,
)
from enhetschef_app.storage.queries.staff import employee_by_number
from enhetschef_app.storage.session import Session
from enhetschef_app.storage.versions import check_version, touch

ABSENCE_LABELS = dict(ABSENCE_KIND_CHOICES)


# -- reading ----------------------------------------------------------------------------------


@use_case
def list_requests(
    workspace: Workspace,
    *,
    month: YearMonth | None = None,
    status: RequestStatus | None = None,
    employee_id: int | None = None,
) -> list[RequestView]:
    """The unit's requests by day, filtered by the month of their day, status and person."""
    unit = workspace.require_unit()
    with workspace.transaction() as session:
        rows = request_rows(
            session,
            unit.id,
            first=month.first if month else None,
            last=month.last if month else None,
            status=status.value if status else None,
            employee_id=employee_id,
        )
        return views_of(session, unit, rows)


@use_case
def get_request(workspace: Workspace, request_id: int) -> RequestView:
    unit = workspace.require_unit()
    with workspace.transaction() as session:
        rows = request_rows(session, unit.id, request_ids=[request_id])
        if not rows:
            raise NotFoundError(f"Övertidsbegäran {request_id} finns inte i enheten {unit.code}.")
        return views_of(session, unit, rows)[0]


@use_case
def request_history(workspace: Workspace, request_id: int) -> tuple[DecisionView, ...]:
    """The request's decisions, oldest first; the last one is in force."""
    unit = workspace.require_unit()
    with workspace.transaction() as session:
        request = session.get(OvertimeRequest, request_id)
        if request is None or request.unit_id != unit.id:
            raise NotFoundError(f"Övertidsbegäran {request_id} finns inte i enheten {unit.code}.")
        return tuple(decision_view(d) for d in decisions_of(session, request_id))


@dataclass(frozen=True)
class DecisionPreview:
    """What the EC sees before deciding (or correcting) a request."""

    request: RequestView
    evaluation: Evaluation  # as it stands now, the request itself left out of the totals
    history: tuple[DecisionView, ...]  # oldest first
    covers: str  # the row or absence it covers, in words ("" if none named)
    salary_known: bool

    @property
    def in_force(self) -> DecisionView | None:
        return self.history[-1] if self.history else None


def _covers_text(session: Session, unit: UnitRef, request: OvertimeRequest) -> str:
    parts: list[str] = []
    if request.row_id is not None:
        facts = row_facts(session, request.row_id)
        if facts is not None:
            parts.append(f"Tom rad {row_text(facts)}")
    elif request.source == RequestSource.COVER.value:
        parts.append("Raden eller ersättaren är borttagen i dagsuppföljningen")
    if request.absence_id is not None and request.row_id is None:
        absence = absence_of_unit(session, unit.id, request.absence_id)
        if absence is not None:
            kind = ABSENCE_LABELS.get(absence.kind, absence.kind).lower()
            end = absence.end.isoformat() if absence.end else "tills vidare"
            parts.append(
                f"Frånvaro: {absence.employee_name}, {kind} {absence.start.isoformat()}–{end}"
            )
    return "; ".join(parts)


@use_case
def decision_preview(workspace: Workspace, request_id: int) -> DecisionPreview:
    unit = workspace.require_unit()
    with workspace.transaction() as session:
        rows = request_rows(session, unit.id, request_ids=[request_id])
        if not rows:
            raise NotFoundError(f"Övertidsbegäran {request_id} finns inte i enheten {unit.code}.")
        row = rows[0]
        settings = settings_in(session, unit.id)
        evaluation = evaluate_request(session, row.request, settings)
        history = tuple(decision_view(d) for d in decisions_of(session, request_id))
        employee = session.get(Employee, row.request.employee_id)
        return DecisionPreview(
            request=request_view(row, evaluation),
            evaluation=evaluation,
            history=history,
            covers=_covers_text(session, unit, row.request),
            salary_known=employee is not None and employee.monthly_salary is not None,
        )


# -- requesting -------------------------------------------------------------------------------


@dataclass(frozen=True)
class RequestDraft:
    employee_no: str
    work_date: date
    start: time
    end: time
    reason: str
    rast: tuple[time, time] | None = None
    compensation: Compensation = Compensation.MONEY
    row_id: int | None = None  # the empty row it covers
    absence_id: int | None = None  # the absence it covers


@use_case
def request_overtime(
    workspace: Workspace, draft: RequestDraft, *, reason_confirmed: bool = False
) -> RequestView:
    """Saves a waiting request made by hand; refused with every problem named per field."""
    unit = workspace.require_unit()
    warnings = privacy_warnings(draft.reason)
    if warnings and not reason_confirmed:
        raise SensitiveText("Skälet", warnings)
    with workspace.transaction() as session:
        employee = employee_by_number(session, unit.id, normalise_identifier(draft.employee_no))
        if employee is None:
            raise FieldProblems(
                "Övertiden registrerades inte.",
                {"employee": f"Anställningsnummer {draft.employee_no} finns inte i {unit.code}."},
            )
        problems: dict[str, str] = {}
        if (employee.start_date is not None and draft.work_date < employee.start_date) or (
            employee.end_date is not None and draft.work_date > employee.end_date
        ):
            problems["employee"] = (
                f"{employee.name} är inte anställd {draft.work_date.isoformat()}."
            )
        around = person_work(
            session,
            employee.id,
            employee.employee_no,
            draft.work_date - timedelta(days=1),
            draft.work_date + timedelta(days=1),
        )
        problems.update(
            request_problems(
                draft.work_date,
                draft.start,
                draft.end,
                draft.reason,
                draft.rast,
                [w.shift for w in around],
            )
        )
        if draft.row_id is not None:
            facts = row_facts(session, draft.row_id)
            if facts is None or facts.work_date != draft.work_date:
                problems["row"] = "Den valda raden finns inte den dagen."
        if draft.absence_id is not None:
            absence = absence_of_unit(session, unit.id, draft.absence_id)
            if absence is None or not (
                absence.start <= draft.work_date
                and (absence.end is None or draft.work_date <= absence.end)
            ):
                problems["absence"] = "Den valda frånvaron gäller inte den dagen."
        if problems:
            raise FieldProblems("Övertiden registrerades inte.", problems)
        request = OvertimeRequest(
            unit_id=unit.id,
            employee_id=employee.id,
            work_date=draft.work_date,
            start_time=draft.start,
            end_time=draft.end,
            break_start=draft.rast[0] if draft.rast else None,
            break_end=draft.rast[1] if draft.rast else None,
            reason=draft.reason.strip(),
            compensation=draft.compensation.value,
            source=RequestSource.BY_HAND.value,
            row_id=draft.row_id,
            absence_id=draft.absence_id,
            created_by=workspace.actor,
        )
        session.add(request)
        session.flush()
        audit.record(
            session,
            actor=workspace.actor,
            action="registrera_overtid",
            entity="overtid",
            entity_id=request.id,
            unit_id=unit.id,
            after={
                "employee_no": employee.employee_no,
                "date": draft.work_date,
                "start": draft.start,
                "end": draft.end,
                "rast": list(draft.rast) if draft.rast else None,
                "reason": request.reason,
                "compensation": draft.compensation.value,
                "row_id": draft.row_id,
                "absence_id": draft.absence_id,
                "source": RequestSource.BY_HAND.value,
            },
        )
        rows = request_rows(session, unit.id, request_ids=[request.id])
        return views_of(session, unit, rows)[0]


# -- deciding ---------------------------------------------------------------------------------


def _summary(decision: OvertimeDecision) -> dict[str, Any]:
    return {
        "decision_id": decision.id,
        "verdict": decision.verdict,
        "reason": decision.reason,
        "over_limit_reason": decision.over_limit_reason,
        "limits_passed": decision.limits_passed,
        "corrects": decision.corrects_id,
        "compensation": decision.compensation,
        "minutes_mertid": decision.minutes_mertid,
        "minutes_simple": decision.minutes_simple,
        "minutes_qualified": decision.minutes_qualified,
        "cost_ore": decision.cost_mertid_ore
        + decision.cost_simple_ore
        + decision.cost_qualified_ore,
    }


def record_decision(
    session: Session,
    unit_id: int,
    request: OvertimeRequest,
    verdict: Verdict,
    reason: str,
    *,
    actor: str,
    settings: RuleSettings,
    over_limit_reason: str | None = None,
    compensation: Compensation | None = None,
    at: datetime | None = None,
) -> OvertimeDecision:
    """Decides inside the caller's session (the use case below, and the demo)."""
    history = decisions_of(session, request.id)
    previous = history[-1] if history else None
    evaluation = evaluate_request(session, request, settings)
    if compensation is not None:
        evaluation = evaluation.with_compensation(compensation)
    passed = check_decision(verdict, reason, evaluation.checks, over_limit_reason)
    chosen = evaluation.chosen
    decision = OvertimeDecision(
        request_id=request.id,
        corrects_id=previous.id if previous is not None else None,
        verdict=verdict.value,
        reason=reason.strip(),
        over_limit_reason=((over_limit_reason or "").strip() or None) if passed else None,
        limits_passed=",".join(check.key for check in passed),
        decided_by=actor,
        decided_at=at or datetime.now(UTC),
        compensation=evaluation.compensation.value,
        minutes_hourly=evaluation.minutes(ExtraKind.HOURLY_ORDINARY),
        minutes_mertid=evaluation.minutes(ExtraKind.MERTID),
        minutes_simple=evaluation.minutes(ExtraKind.SIMPLE),
        minutes_qualified=evaluation.minutes(ExtraKind.QUALIFIED),
        cost_mertid_ore=ore(chosen.mertid),
        cost_simple_ore=ore(chosen.simple),
        cost_qualified_ore=ore(chosen.qualified),
        comp_hundredths=int(chosen.comp_hours * 100),  # comp_hours is to 0.01 h
        hourly_wage=evaluation.hourly_wage,
        segments_json=evaluation.segments_json(),
        limits_json=evaluation.limits_json(),
    )
    session.add(decision)
    touch(request)  # the request's version moves on: a decision made on the old one is refused
    session.flush()
    audit.record(
        session,
        actor=actor,
        action="ratta_overtidsbeslut" if previous is not None else "besluta_overtid",
        entity="overtid",
        entity_id=request.id,
        unit_id=unit_id,
        before=_summary(previous) if previous is not None else None,
        after=_summary(decision),
    )
    return decision


@use_case
def decide_overtime(
    workspace: Workspace,
    request_id: int,
    verdict: Verdict,
    reason: str,
    *,
    over_limit_reason: str | None = None,
    compensation: Compensation | None = None,
    version: int | None = None,
) -> DecisionView:
    """The EC's decision, as she saw it: refused without a reason, and an approval past a limit
    without a reason to go over it (`LimitPassed`, naming the limits). With `version` (the
    request as the EC read it), refused when someone else decided or changed it since
    (ChangedByOtherError): the request's row is locked, so of two decisions at once the second
    waits and then sees the first."""
    unit = workspace.require_unit()
    with workspace.transaction() as session:
        request = session.get(OvertimeRequest, request_id)
        if request is None or request.unit_id != unit.id:
            raise NotFoundError(f"Övertidsbegäran {request_id} finns inte i enheten {unit.code}.")
        check_version(session, request, version)
        decision = record_decision(
            session,
            unit.id,
            request,
            verdict,
            reason,
            actor=workspace.actor,
            settings=settings_in(session, unit.id),
            over_limit_reason=over_limit_reason,
            compensation=compensation,
        )
        return decision_view(decision)

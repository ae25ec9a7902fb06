"""The Övertid area's views of requests and decisions: what a list row, the history and the
command line show. A waiting request is classified and priced as it stands now; a decided one
shows what its decision recorded (`storage.models_overtime`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from enhetschef_app.domain.calendar import STOCKHOLM
from enhetschef_app.domain.overtime import ExtraKind, Segment
from enhetschef_app.domain.overtime_limits import LimitCheck
from enhetschef_app.domain.overtime_requests import (
    Compensation,
    RequestSource,
    RequestStatus,
    Verdict,
)
from enhetschef_app.domain.rounding import round_half_up
from enhetschef_app.domain.settings_catalog import RuleSettings
from enhetschef_app.services.core.workspace import UnitRef
from enhetschef_app.services.overtime.evaluation import (
    Evaluation,
    check_from_dict,
    evaluate,
    kronor,
    settings_in,
)
from enhetschef_app.storage.models import Employee
from enhetschef_app.storage.models_overtime import OvertimeDecision, OvertimeRequest
from enhetschef_app.storage.queries.overtime import RequestRow
from enhetschef_app.storage.session import Session


@dataclass(frozen=True)
class ExtraFigures:
    """Minutes by kind and kronor by kind of one request (as decided, or as it stands)."""

    minutes_hourly: int = 0
    minutes_mertid: int = 0
    minutes_simple: int = 0
    minutes_qualified: int = 0
    cost_mertid: Decimal = Decimal("0.00")
    cost_simple: Decimal = Decimal("0.00")
    cost_qualified: Decimal = Decimal("0.00")
    comp_hours: Decimal = Decimal("0.00")

    @property
    def cost(self) -> Decimal:
        return self.cost_mertid + self.cost_simple + self.cost_qualified

    @property
    def overtime_minutes(self) -> int:
        return self.minutes_simple + self.minutes_qualified

    @classmethod
    def of(cls, evaluation: Evaluation) -> ExtraFigures:
        chosen = evaluation.chosen
        return cls(
            minutes_hourly=evaluation.minutes(ExtraKind.HOURLY_ORDINARY),
            minutes_mertid=evaluation.minutes(ExtraKind.MERTID),
            minutes_simple=evaluation.minutes(ExtraKind.SIMPLE),
            minutes_qualified=evaluation.minutes(ExtraKind.QUALIFIED),
            cost_mertid=chosen.mertid,
            cost_simple=chosen.simple,
            cost_qualified=chosen.qualified,
            comp_hours=chosen.comp_hours,
        )


@dataclass(frozen=True)
class DecisionView:
    id: int
    request_id: int
    verdict: Verdict
    reason: str
    over_limit_reason: str | None
    limits_passed: tuple[str, ...]
    decided_by: str
    decided_at: datetime
    corrects_id: int | None
    compensation: Compensation
    figures: ExtraFigures
    hourly_wage: Decimal | None
    segments: tuple[Segment, ...]
    checks: tuple[LimitCheck, ...]

    @property
    def is_correction(self) -> bool:
        return self.corrects_id is not None

    def describe(self) -> str:
        when = self.decided_at.astimezone(STOCKHOLM).strftime("%Y-%m-%d %H:%M")
        head = "Rättelse: " if self.is_correction else ""
        return f"{head}{self.verdict.label} av {self.decided_by} {when}: {self.reason}"

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "verdict": self.verdict.value,
            "reason": self.reason,
            "over_limit_reason": self.over_limit_reason,
            "limits_passed": list(self.limits_passed),
            "decided_by": self.decided_by,
            "decided_at": self.decided_at.isoformat(),
            "corrects": self.corrects_id,
            "compensation": self.compensation.value,
        }


@dataclass(frozen=True)
class RequestView:
    id: int
    employee_id: int
    employee_no: str
    employee_name: str
    work_date: date
    start: time
    end: time
    rast: tuple[time, time] | None
    reason: str
    compensation: Compensation
    source: RequestSource
    cover_id: int | None
    row_id: int | None
    absence_id: int | None
    created_by: str
    created_at: datetime
    status: RequestStatus
    figures: ExtraFigures
    decision: DecisionView | None = None
    decisions: int = 0
    passed: tuple[str, ...] = field(default=())  # waiting: limits an approval would pass now
    version: int = 1  # as read: a decision on another version is refused (ChangedByOtherError)

    @property
    def time_text(self) -> str:
        return f"{self.start:%H:%M}–{self.end:%H:%M}"

    @property
    def crosses_midnight(self) -> bool:
        return self.end <= self.start

    @property
    def cover_removed(self) -> bool:
        return self.source is RequestSource.COVER and self.cover_id is None

    def as_dict(self) -> dict[str, Any]:
        f = self.figures
        return {
            "id": self.id,
            "employee_no": self.employee_no,
            "name": self.employee_name,
            "date": self.work_date.isoformat(),
            "start": f"{self.start:%H:%M}",
            "end": f"{self.end:%H:%M}",
            "rast": None if self.rast is None else [f"{t:%H:%M}" for t in self.rast],
            "reason": self.reason,
            "source": self.source.value,
            "compensation": self.compensation.value,
            "status": self.status.value,
            "minutes_hourly": f.minutes_hourly,
            "minutes_mertid": f.minutes_mertid,
            "minutes_simple": f.minutes_simple,
            "minutes_qualified": f.minutes_qualified,
            "cost": float(f.cost),
            "cost_mertid": float(f.cost_mertid),
            "cost_simple": float(f.cost_simple),
            "cost_qualified": float(f.cost_qualified),
            "comp_hours": float(f.comp_hours),
            "limits_passed": list(
                self.decision.limits_passed if self.decision is not None else self.passed
            ),
            "decisions": self.decisions,
            "decision": None if self.decision is None else self.decision.as_dict(),
            "created_by": self.created_by,
            "created_at": self.created_at.isoformat(),
        }


def decision_view(decision: OvertimeDecision) -> DecisionView:
    segments = tuple(
        Segment(
            ExtraKind(item["kind"]),
            datetime.fromisoformat(item["start"]),
            datetime.fromisoformat(item["end"]),
        )
        for item in json.loads(decision.segments_json)
    )
    return DecisionView(
        id=decision.id,
        request_id=decision.request_id,
        verdict=Verdict(decision.verdict),
        reason=decision.reason,
        over_limit_reason=decision.over_limit_reason,
        limits_passed=tuple(k for k in decision.limits_passed.split(",") if k),
        decided_by=decision.decided_by,
        decided_at=decision.decided_at,
        corrects_id=decision.corrects_id,
        compensation=Compensation(decision.compensation),
        figures=ExtraFigures(
            minutes_hourly=decision.minutes_hourly,
            minutes_mertid=decision.minutes_mertid,
            minutes_simple=decision.minutes_simple,
            minutes_qualified=decision.minutes_qualified,
            cost_mertid=kronor(decision.cost_mertid_ore),
            cost_simple=kronor(decision.cost_simple_ore),
            cost_qualified=kronor(decision.cost_qualified_ore),
            comp_hours=round_half_up(Decimal(decision.comp_hundredths) / 100),
        ),
        hourly_wage=decision.hourly_wage,
        segments=segments,
        checks=tuple(check_from_dict(item) for item in json.loads(decision.limits_json)),
    )


def request_rast(request: OvertimeRequest) -> tuple[time, time] | None:
    if request.break_start is None or request.break_end is None:
        return None
    return request.break_start, request.break_end


def evaluate_request(
    session: Session, request: OvertimeRequest, settings: RuleSettings
) -> Evaluation:
    employee = session.get(Employee, request.employee_id)
    assert employee is not None  # the foreign key holds it
    return evaluate(
        session,
        employee,
        request.work_date,
        request.start_time,
        request.end_time,
        request_rast(request),
        Compensation(request.compensation),
        settings,
        exclude_request_id=request.id,
    )


def request_view(row: RequestRow, evaluation: Evaluation | None = None) -> RequestView:
    request = row.request
    decision = decision_view(row.decision) if row.decision is not None else None
    if decision is not None:
        figures = decision.figures
        status = decision.verdict.status
        passed: tuple[str, ...] = ()
    else:
        figures = ExtraFigures.of(evaluation) if evaluation is not None else ExtraFigures()
        status = RequestStatus.WAITING
        passed = tuple(c.key for c in evaluation.passed) if evaluation is not None else ()
    return RequestView(
        id=request.id,
        employee_id=request.employee_id,
        employee_no=row.employee_no,
        employee_name=row.employee_name,
        work_date=request.work_date,
        start=request.start_time,
        end=request.end_time,
        rast=request_rast(request),
        reason=request.reason,
        compensation=Compensation(request.compensation),
        source=RequestSource(request.source),
        cover_id=request.cover_id,
        row_id=request.row_id,
        absence_id=request.absence_id,
        created_by=request.created_by,
        created_at=request.created_at,
        status=status,
        figures=figures,
        decision=decision,
        decisions=row.decisions,
        passed=passed,
        version=request.version,
    )


def views_of(session: Session, unit: UnitRef, rows: list[RequestRow]) -> list[RequestView]:
    settings = settings_in(session, unit.id) if any(r.decision is None for r in rows) else None
    views: list[RequestView] = []
    for row in rows:
        evaluation = None
        if row.decision is None:
            assert settings is not None
            evaluation = evaluate_request(session, row.request, settings)
        views.append(request_view(row, evaluation))
    return views

"""The Månadsrapport of a month: its figures as reported, the EC's comment, the klar mark, the
VC's comment read back from the shared workbook, and the 12-month trends.

A month marked klar keeps the figures it had then (`reported`); the summary is still computed
anew, and whatever changed since shows as a difference beside the reported figure, never
silently in its place. The comment is part of the report and is locked with it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from enhetschef_app.domain.calendar import today as today_in_sweden
from enhetschef_app.domain.errors import RuleViolation, UserError
from enhetschef_app.domain.key_figures import FIGURE_KEYS, hourly_paid_share_percent
from enhetschef_app.domain.month_lock import FigureDifference, FigureValue, figure_differences
from enhetschef_app.domain.month_rows import dst_change_days_between, month_row_figures
from enhetschef_app.domain.sensitive_text import privacy_warnings
from enhetschef_app.domain.year_month import YearMonth
from enhetschef_app.services.absence.figures import sick_percent_of_month
from enhetschef_app.services.core.workspace import Workspace, use_case
from enhetschef_app.services.month.overtime import overtime_of_month
from enhetschef_app.services.month.summary import MonthSummary, json_number, month_summary
from enhetschef_app.storage import audit
from enhetschef_app.storage.models_month import MonthReport
from enhetschef_app.storage.queries.month_reports import (
    month_report,
    month_report_locked,
    month_reports_between,
)
from enhetschef_app.storage.queries.month_rows import month_row_groups
from enhetschef_app.storage.queries.privacy import month_aggregate
from enhetschef_app.storage.versions import check_version, compare_version

COMMENT_MAX = 4000


def encode_values(values: dict[str, FigureValue]) -> dict[str, Any]:
    """Exact JSON: a Decimal as its text ('6.78'), a count as a number."""
    return {k: str(v) if isinstance(v, Decimal) else v for k, v in values.items()}


def decode_values(stored: dict[str, Any]) -> dict[str, FigureValue]:
    return {k: Decimal(v) if isinstance(v, str) else v for k, v in stored.items()}


@dataclass(frozen=True)
class MonthReportView:
    summary: MonthSummary  # computed now from the data
    reported: dict[str, FigureValue]  # the klar month's figures, else the summary's
    reported_inputs: dict[str, Any]
    closed_at: datetime | None
    closed_by: str | None
    differences: list[FigureDifference]
    comment: str
    comment_changed_at: datetime | None
    comment_changed_by: str | None
    vc_comment: str | None
    vc_comment_read_at: datetime | None
    synced_at: datetime | None
    synced_to: str | None
    synced_values: dict[str, FigureValue] | None = None
    # The report row's version as read (1 when the month has no row yet: the version a new row
    # starts at); a save of another version is refused (ChangedByOtherError).
    version: int = 1

    @property
    def month(self) -> YearMonth:
        return self.summary.month

    @property
    def is_closed(self) -> bool:
        return self.closed_at is not None

    @property
    def changed_since_sync(self) -> bool:
        """True when the figures to report differ from those the last sync wrote."""
        if self.synced_values is None:
            return False
        return bool(figure_differences(self.synced_values, self.reported, FIGURE_KEYS))

    def as_dict(self) -> dict[str, Any]:
        """The summary's JSON with the reported figures at the top and the klar state."""
        out = self.summary.as_dict()
        for key in FIGURE_KEYS:
            out[key] = json_number(self.reported[key])
            out["figures"][key]["value"] = json_number(self.reported[key])
            out["figures"][key]["current_value"] = json_number(self.summary.values[key])
            status = self.summary.status_of(key, self.reported[key])
            if status is not None:
                out["figures"][key]["target_status"] = status.value
        out["closed"] = (
            None
            if self.closed_at is None
            else {"at": self.closed_at.isoformat(), "by": self.closed_by}
        )
        out["differences"] = [
            {
                "key": d.key,
                "reported": json_number(d.reported),
                "current": json_number(d.current),
            }
            for d in self.differences
        ]
        out["comment"] = self.comment
        out["vc_comment"] = self.vc_comment
        out["synced_at"] = None if self.synced_at is None else self.synced_at.isoformat()
        return out


def _view(summary: MonthSummary, row: MonthReport | None) -> MonthReportView:
    live = summary.values
    if row is None:
        return MonthReportView(
            summary=summary,
            reported=dict(live),
            reported_inputs=dict(summary.inputs),
            closed_at=None,
            closed_by=None,
            differences=[],
            comment="",
            comment_changed_at=None,
            comment_changed_by=None,
            vc_comment=None,
            vc_comment_read_at=None,
            synced_at=None,
            synced_to=None,
        )
    reported = dict(live)
    reported_inputs: dict[str, Any] = dict(summary.inputs)
    differences: list[FigureDifference] = []
    if row.closed_at is not None and row.reported_json:
        stored = json.loads(row.reported_json)
        reported.update(decode_values(stored.get("values", {})))
        reported_inputs = stored.get("inputs", {})
        differences = figure_differences(reported, live, FIGURE_KEYS)
    synced = None if not row.synced_json else decode_values(json.loads(row.synced_json))
    return MonthReportView(
        summary=summary,
        reported=reported,
        reported_inputs=reported_inputs,
        closed_at=row.closed_at,
        closed_by=row.closed_by,
        differences=differences,
        comment=row.ec_comment,
        comment_changed_at=row.comment_changed_at,
        comment_changed_by=row.comment_changed_by,
        vc_comment=row.vc_comment,
        vc_comment_read_at=row.vc_comment_read_at,
        synced_at=row.synced_at,
        synced_to=row.synced_to,
        synced_values=synced,
        version=row.version,
    )


@use_case
def month_report_view(workspace: Workspace, period: YearMonth) -> MonthReportView:
    unit = workspace.require_unit()
    summary = month_summary(workspace, period.year, period.month)
    with workspace.transaction() as session:
        row = month_report(session, unit.id, period.label)
        return _view(summary, row)


@use_case
def save_comment(
    workspace: Workspace, period: YearMonth, text: str, *, version: int | None = None
) -> list[str]:
    """Stores the EC's comment of the month; returns the privacy warnings about it (the text
    goes to the VC, so it must not hold a personnummer or health details). With `version`
    (the report as read), refused when someone else changed it since."""
    unit = workspace.require_unit()
    text = text.strip()
    if len(text) > COMMENT_MAX:
        raise UserError(f"Kommentaren är för lång ({len(text)} tecken, högst {COMMENT_MAX}).")
    with workspace.transaction() as session:
        row = month_report_locked(session, unit.id, period.label)
        compare_version(row, version)
        if row.closed_at is not None:
            raise RuleViolation(
                f"Månaden {period.label} är markerad klar. Lås upp den för att ändra kommentaren."
            )
        if row.ec_comment == text:
            return privacy_warnings(text)
        before = row.ec_comment
        row.ec_comment = text
        row.comment_changed_at = datetime.now(UTC)
        row.comment_changed_by = workspace.actor
        session.flush()
        audit.record(
            session,
            actor=workspace.actor,
            action="andra_manadskommentar",
            entity="manadsrapport",
            entity_id=period.label,
            unit_id=unit.id,
            before={"length": len(before)},
            after={"length": len(text)},
        )
    return privacy_warnings(text)


@use_case
def close_month(
    workspace: Workspace,
    period: YearMonth,
    *,
    today: date | None = None,
    version: int | None = None,
) -> MonthReportView:
    """Marks the month klar: its figures are kept as they are now. With `version` (the report
    as the EC read it), refused when someone else changed it since (ChangedByOtherError); the
    row is locked, so of two ECs marking it at once the second sees the first."""
    unit = workspace.require_unit()
    day = today or today_in_sweden()
    if period.last >= day:
        raise RuleViolation(
            f"Månaden {period.label} är inte slut än (sista dagen är {period.last.isoformat()}). "
            "Markera den klar när den är över."
        )
    summary = month_summary(workspace, period.year, period.month)
    with workspace.transaction() as session:
        row = month_report_locked(session, unit.id, period.label)
        compare_version(row, version)
        if row.closed_at is not None:
            raise RuleViolation(f"Månaden {period.label} är redan markerad klar.")
        row.closed_at = datetime.now(UTC)
        row.closed_by = workspace.actor
        row.reported_json = json.dumps(
            {
                "values": encode_values(summary.values),
                "inputs": _plain_inputs(summary.inputs),
            },
            ensure_ascii=False,
            sort_keys=True,
        )
        session.flush()
        audit.record(
            session,
            actor=workspace.actor,
            action="markera_manad_klar",
            entity="manadsrapport",
            entity_id=period.label,
            unit_id=unit.id,
            after={"values": encode_values(summary.values)},
        )
        return _view(summary, row)


@use_case
def reopen_month(
    workspace: Workspace, period: YearMonth, reason: str, *, version: int | None = None
) -> MonthReportView:
    """Takes the klar mark away, with a reason; the reported figures go to the audit log. With
    `version`, refused when someone else changed the report since it was read."""
    unit = workspace.require_unit()
    reason = reason.strip()
    if not reason:
        raise UserError("Ange varför månaden låses upp.")
    summary = month_summary(workspace, period.year, period.month)
    with workspace.transaction() as session:
        row = month_report(session, unit.id, period.label)
        if row is not None and version is not None:
            check_version(session, row, version)
        if row is None or row.closed_at is None:
            raise RuleViolation(f"Månaden {period.label} är inte markerad klar.")
        before = {
            "closed_at": row.closed_at,
            "closed_by": row.closed_by,
            "values": json.loads(row.reported_json or "{}").get("values", {}),
        }
        row.closed_at = None
        row.closed_by = None
        row.reported_json = None
        session.flush()
        audit.record(
            session,
            actor=workspace.actor,
            action="las_upp_manad",
            entity="manadsrapport",
            entity_id=period.label,
            unit_id=unit.id,
            before=before,
            after={"reason": reason},
        )
        return _view(summary, row)


def _plain_inputs(inputs: dict[str, Any]) -> Any:
    if isinstance(inputs, Decimal):
        return str(inputs)
    if isinstance(inputs, dict):
        return {str(k): _plain_inputs(v) for k, v in inputs.items()}
    if isinstance(inputs, list | tuple):
        return [_plain_inputs(v) for v in inputs]
    return inputs


# -- trends ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TrendPoint:
    month: YearMonth
    sick_percent: Decimal | None
    overtime_hours: Decimal  # enkel + kvalificerad
    mertid_hours: Decimal
    hourly_paid_share_percent: Decimal | None
    reported: bool = False  # from a month marked klar

    @property
    def overtime_and_mertid_hours(self) -> Decimal:
        return self.overtime_hours + self.mertid_hours


@dataclass(frozen=True)
class MonthTrend:
    points: list[TrendPoint] = field(default_factory=list)

    def as_dict(self) -> list[dict[str, Any]]:
        return [
            {
                "month": p.month.label,
                "sick_percent": json_number(p.sick_percent),
                "overtime_hours": json_number(p.overtime_hours),
                "mertid_hours": json_number(p.mertid_hours),
                "hourly_paid_share_percent": json_number(p.hourly_paid_share_percent),
                "reported": p.reported,
            }
            for p in self.points
        ]


def _trend_point(workspace: Workspace, unit_id: int, period: YearMonth) -> TrendPoint:
    """The three trend figures of a month not marked klar, each from its own source (or from
    the aggregate kept when gallring removed the month's rows)."""
    with workspace.transaction() as session:
        recorded = month_aggregate(session, unit_id, period.label)
        stored = None if recorded is None else json.loads(recorded.summary_json)
    if stored is not None:
        point = _reported_point(period, {"values": _plain_tagged(stored["values"])})
        return replace(point, reported=False)
    sick = sick_percent_of_month(workspace, period.year, period.month)
    overtime = overtime_of_month(workspace, period.year, period.month)
    dst_days = dst_change_days_between(period.first, period.last)
    with workspace.transaction() as session:
        rows = month_row_figures(
            month_row_groups(session, unit_id, period.first, period.last, dst_days)
        )
    return TrendPoint(
        month=period,
        sick_percent=sick,
        overtime_hours=overtime.simple_hours + overtime.qualified_hours,
        mertid_hours=overtime.mertid_hours,
        hourly_paid_share_percent=hourly_paid_share_percent(
            rows.hourly_paid_percent_minutes, rows.worked_percent_minutes
        ),
    )


def _plain_tagged(values: dict[str, Any]) -> dict[str, Any]:
    """The recorded aggregate's values as `reported_json` keeps them (a Decimal as text)."""
    return {
        k: v["$decimal"] if isinstance(v, dict) and "$decimal" in v else v
        for k, v in values.items()
    }


def _reported_point(period: YearMonth, stored: dict[str, Any]) -> TrendPoint:
    values = decode_values(stored.get("values", {}))

    def hours(key: str) -> Decimal:
        value = values.get(key)
        return Decimal(value) if value is not None else Decimal("0.00")

    sick = values.get("sick_percent")
    share = values.get("hourly_paid_share_percent")
    return TrendPoint(
        month=period,
        sick_percent=None if sick is None else Decimal(sick),
        overtime_hours=hours("overtime_hours_simple") + hours("overtime_hours_qualified"),
        mertid_hours=hours("mertid_hours"),
        hourly_paid_share_percent=None if share is None else Decimal(share),
        reported=True,
    )


def _summary_point(summary: MonthSummary) -> TrendPoint:
    """The trend's figures of a month whose summary is at hand (computed, not reported)."""
    point = _reported_point(summary.month, {"values": encode_values(summary.values)})
    return replace(point, reported=False)


@use_case
def month_trend(
    workspace: Workspace,
    last: YearMonth,
    count: int = 12,
    *,
    known: MonthSummary | None = None,
) -> MonthTrend:
    """Sjukfrånvaro, övertid + mertid and andel timavlönade of `count` months up to `last`. A
    month marked klar gives the figures recorded when it was (`reported_json`), so only the
    open months are computed; `known`, a summary the caller has just computed (the page's
    month), gives its month's figures instead of computing them again."""
    unit = workspace.require_unit()
    months = last.back(count)
    with workspace.transaction() as session:
        closed = {
            r.month: json.loads(r.reported_json)
            for r in month_reports_between(session, unit.id, months[0].label, last.label)
            if r.closed_at is not None and r.reported_json
        }
    points: list[TrendPoint] = []
    for m in months:
        if m.label in closed:
            points.append(_reported_point(m, closed[m.label]))
        elif known is not None and known.month == m:
            points.append(_summary_point(known))
        else:
            points.append(_trend_point(workspace, unit.id, m))
    return MonthTrend(points)

"""Förvaltning: the verksamhetschef's view of every unit she follows, one month side by side.

Each unit's month is exactly that unit's Månadsrapport (`month_report_view`): the figures as
reported when the month is marked klar, else as computed now, against the unit's own targets,
with the EC's comment and the VC's. So the overview, `month-summary` and the VC report of one
unit never disagree. The figures are aggregated in SQL per unit by each area's queries (no
per-person loops); a unit is one read transaction of its own, as it is for its EC.

Which units: on a file every unit in it; on the server the units the login is a member of
(`storage.access.own_units`), which are also the only ones the server lets it read. The VC may
change one thing, her comment on a unit's month: the one write row-level security allows her
(migration 0011).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from enhetschef_app.domain.errors import NotFoundError, RuleViolation, UserError
from enhetschef_app.domain.report_document import MonthReportDocument
from enhetschef_app.domain.year_month import YearMonth
from enhetschef_app.excel.shared_read import WorkbookUnitRow as WorkbookUnitRow  # the page shows it
from enhetschef_app.services.core.outgoing_text import OutgoingText, check_outgoing
from enhetschef_app.services.core.workspace import UnitRef, Workspace, use_case
from enhetschef_app.services.month.document import COMMENT_FIELD, report_document
from enhetschef_app.services.month.report import (
    COMMENT_MAX,
    MonthReportView,
    MonthTrend,
    month_report_view,
    month_trend,
)
from enhetschef_app.services.month.summary import json_number
from enhetschef_app.storage import audit
from enhetschef_app.storage.access import login_roles, own_units
from enhetschef_app.storage.queries.month_reports import month_report, set_vc_comment

VC = "vc"
VC_COMMENT_ACTION = "vc_kommentar"


@dataclass(frozen=True)
class ManagedUnit:
    """A unit of the overview and the login's role there ("ec", "vc"; None on a file or for
    the server's owner)."""

    unit: UnitRef
    role: str | None

    @property
    def may_write_vc_comment(self) -> bool:
        return self.role in (VC, None)


@dataclass(frozen=True)
class UnitMonth:
    managed: ManagedUnit
    view: MonthReportView

    @property
    def unit(self) -> UnitRef:
        return self.managed.unit

    @property
    def closed(self) -> bool:
        return self.view.is_closed

    def as_dict(self) -> dict[str, Any]:
        """The month summary's JSON of the unit (`month-summary --json`, the same keys), with
        `closed` as a plain true/false and when and by whom under `closed_at`/`closed_by`."""
        out = self.view.as_dict()
        out["closed"] = self.closed
        out["closed_at"] = None if self.view.closed_at is None else self.view.closed_at.isoformat()
        out["closed_by"] = self.view.closed_by
        return out


@dataclass(frozen=True)
class WorkbookUnits:
    """The units that still sync to the shared workbook: their rows of the month there, beside
    the server's units. A unit that is on the server is shown from the server only; its old
    rows in the workbook are `left_out`."""

    workbook: Path
    sheet: str
    rows: list[WorkbookUnitRow]
    left_out: list[str]
    duplicates: list[tuple[str, int]]

    def as_dicts(self) -> list[dict[str, Any]]:
        return [
            {
                "unit": row.unit_code,
                "unit_name": None,
                "source": "arbetsbok",
                "workbook": str(self.workbook),
                "sheet": self.sheet,
                "row": row.row_number,
                **{key: json_number(value) for key, value in row.values.items()},
                "comment": row.comment or None,
                "vc_comment": row.vc_comment or None,
                "unreadable_columns": list(row.unreadable),
            }
            for row in self.rows
        ]


@dataclass(frozen=True)
class ManagementOverview:
    month: YearMonth
    units: list[UnitMonth]
    workbook: WorkbookUnits | None = None
    workbook_problem: str | None = None  # why the workbook's rows are missing from the page

    @property
    def closed_count(self) -> int:
        return sum(1 for unit in self.units if unit.closed)

    def as_dict(self) -> dict[str, Any]:
        return {
            "month": self.month.label,
            "units": [unit.as_dict() for unit in self.units],
            "workbook_units": [] if self.workbook is None else self.workbook.as_dicts(),
        }


@dataclass(frozen=True)
class UnitTrend:
    unit: UnitRef
    trend: MonthTrend


@dataclass(frozen=True)
class WorkbookTrend:
    """A unit of the shared workbook: its rows of the trend's months (a month it has no row
    for is missing)."""

    unit_code: str
    rows: dict[str, WorkbookUnitRow]  # by month, '2026-10'

    def value(self, month: YearMonth, figure: str) -> Decimal | None:
        """One of the Månadsrapport's trend figures, as the workbook holds it."""
        row = self.rows.get(month.label)
        if row is None:
            return None
        if figure != "overtime_and_mertid_hours":
            return row.values.get(figure)
        parts = [row.values.get("overtime_hours"), row.values.get("mertid_hours")]
        known = [part for part in parts if part is not None]
        return sum(known, Decimal(0)) if known else None


@dataclass(frozen=True)
class ManagementTrend:
    last: YearMonth
    months: list[YearMonth]
    units: list[UnitTrend]
    workbook_units: list[WorkbookTrend] = field(default_factory=list)
    workbook_problem: str | None = None


@use_case
def managed_units(workspace: Workspace) -> list[ManagedUnit]:
    with workspace.transaction() as session:
        return [
            ManagedUnit(UnitRef(unit.id, unit.code, unit.name), role)
            for unit, role in own_units(session)
        ]


@use_case
def is_vc_login(workspace: Workspace) -> bool:
    """Whether this login is VC of some unit: the window then shows Förvaltning. Never on a
    file (it has one user, the EC)."""
    if not workspace.on_server:
        return False
    with workspace.transaction() as session:
        return VC in login_roles(session)


def management_overview(
    workspace: Workspace,
    period: YearMonth,
    *,
    workbook: Path | None = None,
    sheet: str | None = None,
    strict: bool = True,
) -> ManagementOverview:
    """Every unit's month side by side: each unit's Månadsrapport of `period`, and with a
    shared `workbook` the rows of the units that sync there. Unless `strict`, a workbook that
    cannot be read leaves the server's units shown and says why in `workbook_problem`."""
    units = [
        UnitMonth(managed, month_report_view(workspace.with_unit(managed.unit), period))
        for managed in managed_units(workspace)
    ]
    found, problem = _workbook_units(
        workbook, sheet, [period], {unit.unit.code for unit in units}, strict
    )
    return ManagementOverview(month=period, units=units, workbook=found, workbook_problem=problem)


def _workbook_units(
    workbook: Path | None,
    sheet: str | None,
    months: list[YearMonth],
    on_server: set[str],
    strict: bool,
) -> tuple[WorkbookUnits | None, str | None]:
    """The rows of `months` in the shared workbook of the units not on the server, or (not
    `strict`) why the workbook could not be read."""
    if workbook is None:
        return None, None
    from enhetschef_app.excel.shared_read import read_workbook_months

    try:
        read = read_workbook_months(workbook, [m.label for m in months], sheet)
    except UserError as error:
        if strict:
            raise
        return None, error.message
    found = WorkbookUnits(
        workbook=read.workbook,
        sheet=read.sheet,
        rows=[row for row in read.rows if row.unit_code not in on_server],
        left_out=list(dict.fromkeys(r.unit_code for r in read.rows if r.unit_code in on_server)),
        duplicates=read.duplicates,
    )
    return found, None


def management_trend(
    workspace: Workspace,
    last: YearMonth,
    count: int = 12,
    *,
    workbook: Path | None = None,
    sheet: str | None = None,
    strict: bool = True,
) -> ManagementTrend:
    """The Månadsrapport's 12-month trends (sjukfrånvaro, övertid + mertid, andel
    timavlönade) of every unit, up to `last`: a month marked klar gives its reported figures.
    With a shared `workbook`, the same months of the units that sync there."""
    units = [
        UnitTrend(managed.unit, month_trend(workspace.with_unit(managed.unit), last, count))
        for managed in managed_units(workspace)
    ]
    months = last.back(count)
    found, problem = _workbook_units(
        workbook, sheet, months, {unit.unit.code for unit in units}, strict
    )
    by_unit: dict[str, dict[str, WorkbookUnitRow]] = {}
    for row in [] if found is None else found.rows:
        by_unit.setdefault(row.unit_code, {})[row.month] = row
    return ManagementTrend(
        last=last,
        months=months,
        units=units,
        workbook_units=[WorkbookTrend(code, rows) for code, rows in by_unit.items()],
        workbook_problem=problem,
    )


def _managed(workspace: Workspace, code: str) -> ManagedUnit:
    wanted = code.strip().upper()
    for managed in managed_units(workspace):
        if managed.unit.code == wanted:
            return managed
    raise NotFoundError(f"Enheten {code} finns inte bland dina enheter.")


@use_case
def save_vc_comment(workspace: Workspace, unit_code: str, period: YearMonth, text: str) -> None:
    """The VC's comment on a unit's month. Only the comment changes (on the server the one
    column the VC may write); the month needs a report row, which its EC makes when she
    comments or marks it klar: the VC may not add rows."""
    managed = _managed(workspace, unit_code)
    if not managed.may_write_vc_comment:
        raise RuleViolation(
            f"Du är enhetschef, inte verksamhetschef, för {managed.unit.code}: "
            "verksamhetschefens kommentar skrivs av verksamhetschefen."
        )
    text = text.strip()
    if len(text) > COMMENT_MAX:
        raise UserError(f"Kommentaren är för lång ({len(text)} tecken, högst {COMMENT_MAX}).")
    with workspace.transaction() as session:
        row = month_report(session, managed.unit.id, period.label)
        if row is None:
            raise RuleViolation(
                f"{managed.unit.code} har ingen månadsrapport för {period.label} än. "
                "Kommentaren kan skrivas när enhetschefen har börjat på den (kommenterat "
                "månaden eller markerat den klar)."
            )
        before = row.vc_comment or ""
        if before != text:
            set_vc_comment(session, row.id, text or None)
            # Its length, not its text, as the EC's comment's entry (migration 0014 lets a VC
            # add exactly this entry for her units).
            audit.record(
                session,
                actor=workspace.actor,
                action=VC_COMMENT_ACTION,
                entity="manadsrapport",
                entity_id=period.label,
                unit_id=managed.unit.id,
                before={"length": len(before)},
                after={"length": len(text)},
            )


def export_management_workbook(
    workspace: Workspace, period: YearMonth, out: Path, *, allow_sensitive_words: bool = False
) -> tuple[Path, list[MonthReportDocument]]:
    """The VC report of every unit as one workbook: a sheet per unit (the first sheet of
    `export-month`'s report) and a sheet comparing the units. Nothing is written when an EC's
    comment must not leave (`outgoing_text`: a personnummer, or health words unless allowed)."""
    from enhetschef_app.excel.management_report import write_management_report

    documents = management_documents(workspace, period, allow_sensitive_words=allow_sensitive_words)
    return write_management_report(out, period.label, documents), documents


def management_documents(
    workspace: Workspace, period: YearMonth, *, allow_sensitive_words: bool = False
) -> list[MonthReportDocument]:
    """Each unit's month report document (`export-month`'s, trends included), in the order of
    the overview, once every EC comment in it may leave."""
    overview = management_overview(workspace, period)
    documents: list[MonthReportDocument] = []
    for unit in overview.units:
        trend = month_trend(workspace.with_unit(unit.unit), period, known=unit.view.summary)
        documents.append(report_document(unit.view, trend))
    check_outgoing(
        [
            OutgoingText(f"{COMMENT_FIELD} ({document.unit_code})", document.comment or "")
            for document in documents
        ],
        allow_health_words=allow_sensitive_words,
    )
    return documents

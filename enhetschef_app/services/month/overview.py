"""What Översikt and the status bar say about the month report: whether last month is marked
klar and synced to the VC's workbook, and how many syncs wait in the queue."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from enhetschef_app.domain.year_month import YearMonth
from enhetschef_app.services.core.workspace import Workspace, use_case
from enhetschef_app.storage.queries.month_reports import (
    last_synced_report,
    month_report,
    waiting_job_count,
)


@dataclass(frozen=True)
class MonthSignals:
    month: YearMonth  # the month to report: the one before today's
    closed: bool
    synced_at: datetime | None  # of that month
    waiting_syncs: int
    last_synced_month: str | None
    last_synced_at: datetime | None

    @property
    def needs_sync(self) -> bool:
        return self.synced_at is None


@use_case
def month_signals(workspace: Workspace, today: date) -> MonthSignals | None:
    if workspace.unit is None:
        return None
    unit_id = workspace.unit.id
    month = YearMonth.of(today).shifted(-1)
    with workspace.transaction() as session:
        report = month_report(session, unit_id, month.label)
        last = last_synced_report(session, unit_id)
        return MonthSignals(
            month=month,
            closed=report is not None and report.closed_at is not None,
            synced_at=None if report is None else report.synced_at,
            waiting_syncs=waiting_job_count(session, unit_id),
            last_synced_month=None if last is None else last.month,
            last_synced_at=None if last is None else last.synced_at,
        )

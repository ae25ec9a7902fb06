"""`sync_month_to_shared_workbook`: the unit's month into the VC's shared workbook, and the queue
of syncs that wait because the workbook was busy.

A busy workbook (open in Excel or LibreOffice, or another Enhetschef syncing) leaves the file
untouched and puts the sync in the queue (`SyncQueued`, exit code 3); the queue is retried when
the program starts, on a timer and when the EC asks. A sync writes the month's figures as
reported (a month marked klar: as they were then), reads back the VC's comments on the unit's
rows, and is written to the audit log.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

from enhetschef_app.domain.errors import BusyError, NotFoundError, UserError
from enhetschef_app.domain.month_lock import FigureValue
from enhetschef_app.domain.year_month import YearMonth
from enhetschef_app.excel.shared_columns import COMMENT
from enhetschef_app.excel.shared_merge import RowValue, UnitMonthRow
from enhetschef_app.excel.shared_sync import read_vc_comments, write_unit_month
from enhetschef_app.excel.shared_template import shared_workbook_template
from enhetschef_app.excel.sync_lock import LockOwner
from enhetschef_app.paths import backup_dir_for, user_data_dir
from enhetschef_app.services.core.outgoing_text import OutgoingText, check_outgoing
from enhetschef_app.services.core.settings import rule_settings
from enhetschef_app.services.core.workspace import Workspace, use_case
from enhetschef_app.services.month.report import (
    MonthReportView,
    encode_values,
    month_report_view,
)
from enhetschef_app.storage import audit
from enhetschef_app.storage.models_month import SharedWorkbookTarget, SyncJob
from enhetschef_app.storage.queries.month_reports import (
    WAITING,
    last_synced_report,
    month_report_for_update,
    sync_job,
    sync_jobs,
    waiting_job,
    waiting_job_count,
    workbook_target,
)
from enhetschef_app.storage.session import Session

DONE = "done"
FAILED = "failed"
RETRY_MINUTES = 5  # the window retries the queue this often
JOB_STATE_LABELS = {WAITING: "Väntar", DONE: "Klar", FAILED: "Misslyckades"}


class SyncQueued(BusyError):
    """The workbook was busy: nothing was written, the sync waits in the queue."""

    def __init__(self, message: str, job_id: int | None) -> None:
        super().__init__(message)
        self.job_id = job_id


@dataclass(frozen=True)
class SyncOutcome:
    month: YearMonth
    workbook: Path
    sheet: str
    row_number: int
    created_workbook: bool
    created_row: bool
    added_columns: tuple[str, ...]
    vc_comment: str | None
    backup: Path | None
    merges: int
    notes: list[str] = field(default_factory=list)

    def describe(self) -> str:
        what = "lades till" if self.created_row else "uppdaterades"
        text = (
            f"{self.month.label}: raden {what} på bladet '{self.sheet}' (rad {self.row_number}) "
            f"i {self.workbook.name}."
        )
        if self.created_workbook:
            text += " Arbetsboken fanns inte och skapades från mallen."
        if self.added_columns:
            text += " Nya kolumner: " + ", ".join(self.added_columns) + "."
        if self.merges > 1:
            text += (
                " Arbetsboken ändrades under tiden; ändringen är kvar och raden skrevs in i den."
            )
        return " ".join([text, *self.notes])


SHARED_COMMENT_FIELD = "Kommentaren till månaden (kolumnen Kommentar i den delade arbetsboken)"


def _backup_dir(workspace: Workspace) -> Path:
    # With the database on a server there is no folder beside it: the workbook's copies are
    # the user's own files, in her data folder.
    beside = user_data_dir() / "backups" if workspace.on_server else backup_dir_for(workspace.path)
    return beside / "delade-arbetsbocker"


def _recorded_overtime(view: MonthReportView) -> bool:
    inputs = view.reported_inputs.get("overtime_hours_simple", {})
    return not (isinstance(inputs, dict) and inputs.get("recorded") is False)


def shared_row(view: MonthReportView) -> UnitMonthRow:
    """The unit's row as the shared workbook gets it: the reported figures, no names."""
    reported: dict[str, FigureValue] = view.reported
    values: dict[str, RowValue] = {key: value for key, value in reported.items()}
    simple, qualified = reported["overtime_hours_simple"], reported["overtime_hours_qualified"]
    values["overtime_hours"] = (
        None if simple is None or qualified is None else Decimal(simple) + Decimal(qualified)
    )
    if not _recorded_overtime(view):
        # Not recorded in the program yet: a blank, not a claim of zero hours.
        for key in (
            "overtime_hours",
            "overtime_hours_simple",
            "overtime_hours_qualified",
            "mertid_hours",
            "overtime_cost",
        ):
            values[key] = None
    values[COMMENT] = view.comment or None
    return UnitMonthRow(view.summary.unit_code, view.month.label, values)


def _record_success(
    workspace: Workspace,
    period: YearMonth,
    workbook: Path,
    sheet: str,
    written: dict[str, FigureValue],
    comments: dict[str, str],
) -> str | None:
    unit = workspace.require_unit()
    now = datetime.now(UTC)
    with workspace.transaction() as session:
        report = month_report_for_update(session, unit.id, period.label)
        report.synced_at = now
        report.synced_to = str(workbook)
        report.synced_json = json.dumps(encode_values(written), sort_keys=True)
        _store_comments(session, unit.id, comments, now)
        target = workbook_target(session, unit.id)
        if target is None:
            session.add(
                SharedWorkbookTarget(
                    unit_id=unit.id,
                    workbook=str(workbook),
                    sheet=sheet,
                    changed_by=workspace.actor,
                )
            )
        elif target.workbook != str(workbook) or target.sheet != sheet:
            target.workbook, target.sheet = str(workbook), sheet
            target.changed_at, target.changed_by = now, workspace.actor
        for job in sync_jobs(session, unit.id, [WAITING]):
            if job.month == period.label and job.workbook == str(workbook):
                job.state, job.done_at = DONE, now
        session.flush()
        audit.record(
            session,
            actor=workspace.actor,
            action="synka_manad",
            entity="manadsrapport",
            entity_id=period.label,
            unit_id=unit.id,
            after={"workbook": str(workbook), "sheet": sheet, "values": encode_values(written)},
        )
        return report.vc_comment


def _store_comments(session: Session, unit_id: int, comments: dict[str, str], at: datetime) -> None:
    """The VC's comment of each of the unit's months in the workbook ('' where there is none)."""
    for month, text in comments.items():
        report = month_report_for_update(session, unit_id, month)
        report.vc_comment = text or None
        report.vc_comment_read_at = at


def _enqueue(
    workspace: Workspace, period: YearMonth, workbook: Path, sheet: str | None, reason: str
) -> int:
    unit = workspace.require_unit()
    now = datetime.now(UTC)
    with workspace.transaction() as session:
        job = waiting_job(session, unit.id, period.label, str(workbook))
        if job is None:
            job = SyncJob(
                unit_id=unit.id,
                month=period.label,
                workbook=str(workbook),
                sheet=sheet,
                state=WAITING,
                attempts=1,
                created_by=workspace.actor,
            )
            session.add(job)
        job.sheet = sheet
        job.last_attempt_at = now
        job.last_error = reason
        session.flush()
        return job.id


def sync_month_to_shared_workbook(
    workspace: Workspace,
    period: YearMonth,
    workbook: Path,
    sheet: str | None = None,
    *,
    wait_seconds: float = 0.0,
    queue_when_busy: bool = True,
    before_replace: Callable[[Path], None] | None = None,
    allow_sensitive_words: bool = False,
) -> SyncOutcome:
    unit = workspace.require_unit()
    workbook = workbook.expanduser().absolute()
    view = month_report_view(workspace, period)
    check_outgoing(
        [OutgoingText(SHARED_COMMENT_FIELD, view.comment or "")],
        allow_health_words=allow_sensitive_words,
    )
    row = shared_row(view)
    target = rule_settings(workspace).decimal("targets.sick_percent")
    try:
        result = write_unit_month(
            workbook,
            row,
            sheet=sheet,
            owner=LockOwner.here(workspace.actor, unit.code),
            backup_dir=_backup_dir(workspace),
            template=lambda: shared_workbook_template(target),
            wait_seconds=wait_seconds,
            before_replace=before_replace,
        )
    except BusyError as exc:
        if not queue_when_busy:
            raise
        job_id = _enqueue(workspace, period, workbook, sheet, exc.message)
        raise SyncQueued(exc.message, job_id) from exc
    vc_comment = _record_success(
        workspace, period, workbook, result.sheet, view.reported, result.vc_comments
    )
    return SyncOutcome(
        month=period,
        workbook=workbook,
        sheet=result.sheet,
        row_number=result.row_number,
        created_workbook=result.created_workbook,
        created_row=result.created_row,
        added_columns=result.added_columns,
        vc_comment=vc_comment,
        backup=result.backup,
        merges=result.merges,
        notes=list(result.notes),
    )


# -- the queue ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class SyncJobView:
    id: int
    month: str
    workbook: str
    sheet: str | None
    state: str
    attempts: int
    created_at: datetime
    last_attempt_at: datetime | None
    last_error: str | None
    done_at: datetime | None

    @property
    def state_label(self) -> str:
        return JOB_STATE_LABELS.get(self.state, self.state)

    def as_dict(self) -> dict[str, object]:
        def when(value: datetime | None) -> str | None:
            return None if value is None else value.isoformat()

        return {
            "id": self.id,
            "month": self.month,
            "workbook": self.workbook,
            "sheet": self.sheet,
            "state": self.state,
            "attempts": self.attempts,
            "created_at": when(self.created_at),
            "last_attempt_at": when(self.last_attempt_at),
            "last_error": self.last_error,
            "done_at": when(self.done_at),
        }


def _job_view(job: SyncJob) -> SyncJobView:
    return SyncJobView(
        id=job.id,
        month=job.month,
        workbook=job.workbook,
        sheet=job.sheet,
        state=job.state,
        attempts=job.attempts,
        created_at=job.created_at,
        last_attempt_at=job.last_attempt_at,
        last_error=job.last_error,
        done_at=job.done_at,
    )


@use_case
def sync_queue(workspace: Workspace, *, waiting_only: bool = False) -> list[SyncJobView]:
    unit = workspace.require_unit()
    with workspace.transaction() as session:
        jobs = sync_jobs(session, unit.id, [WAITING] if waiting_only else None)
        return [_job_view(j) for j in jobs]


@use_case
def waiting_syncs(workspace: Workspace) -> int:
    if workspace.unit is None:
        return 0
    with workspace.transaction() as session:
        return waiting_job_count(session, workspace.unit.id)


@dataclass(frozen=True)
class RetryResult:
    job_id: int
    month: str
    state: str
    message: str


def retry_sync_queue(workspace: Workspace, *, wait_seconds: float = 0.0) -> list[RetryResult]:
    """Tries every waiting sync once, oldest first."""
    results: list[RetryResult] = []
    for job in reversed(sync_queue(workspace, waiting_only=True)):
        results.append(retry_sync_job(workspace, job.id, wait_seconds=wait_seconds))
    return results


def retry_sync_job(workspace: Workspace, job_id: int, *, wait_seconds: float = 0.0) -> RetryResult:
    unit = workspace.require_unit()
    with workspace.transaction() as session:
        job = sync_job(session, unit.id, job_id)
        if job is None:
            raise NotFoundError(f"Synken {job_id} finns inte i kön.")
        month, workbook, sheet = job.month, job.workbook, job.sheet
        job.attempts += 1
        job.last_attempt_at = datetime.now(UTC)
    period = YearMonth.parse(month)
    try:
        outcome = sync_month_to_shared_workbook(
            workspace,
            period,
            Path(workbook),
            sheet,
            wait_seconds=wait_seconds,
            queue_when_busy=False,
            # Queued after the EC saw (and confirmed) the text; a personnummer still stops it.
            allow_sensitive_words=True,
        )
    except BusyError as exc:
        _job_failed(workspace, job_id, exc.message, give_up=False)
        return RetryResult(job_id, month, WAITING, exc.message)
    except UserError as exc:
        _job_failed(workspace, job_id, exc.message, give_up=True)
        return RetryResult(job_id, month, FAILED, exc.message)
    return RetryResult(job_id, month, DONE, outcome.describe())


def _job_failed(workspace: Workspace, job_id: int, message: str, *, give_up: bool) -> None:
    unit = workspace.require_unit()
    with workspace.transaction() as session:
        job = sync_job(session, unit.id, job_id)
        if job is None:
            return
        job.last_error = message
        if give_up:
            job.state = FAILED
            job.done_at = datetime.now(UTC)


@use_case
def cancel_sync_job(workspace: Workspace, job_id: int) -> None:
    unit = workspace.require_unit()
    with workspace.transaction() as session:
        job = sync_job(session, unit.id, job_id)
        if job is None or job.state != WAITING:
            raise NotFoundError(f"Det finns ingen väntande synk {job_id} i kön.")
        job.state = FAILED
        job.last_error = "Borttagen ur kön av " + workspace.actor
        job.done_at = datetime.now(UTC)


# -- the VC's comments and the remembered workbook ----------------------------------------------


@dataclass(frozen=True)
class WorkbookTarget:
    workbook: Path
    sheet: str | None


@use_case
def shared_workbook(workspace: Workspace) -> WorkbookTarget | None:
    unit = workspace.require_unit()
    with workspace.transaction() as session:
        target = workbook_target(session, unit.id)
        return None if target is None else WorkbookTarget(Path(target.workbook), target.sheet)


def fetch_vc_comments(
    workspace: Workspace, workbook: Path | None = None, sheet: str | None = None
) -> dict[str, str]:
    """Reads the VC's comments on the unit's rows from the shared workbook (nothing is written)
    and keeps them with the months; returns them by month."""
    unit = workspace.require_unit()
    if workbook is None:
        target = shared_workbook(workspace)
        if target is None:
            raise UserError("Enheten har inte synkats till någon delad arbetsbok än.")
        workbook, sheet = target.workbook, target.sheet
    comments = read_vc_comments(workbook, unit.code, sheet)
    with workspace.transaction() as session:
        _store_comments(session, unit.id, comments, datetime.now(UTC))
    return {month: text for month, text in comments.items() if text}


@dataclass(frozen=True)
class LastSync:
    month: str
    at: datetime
    workbook: str


@use_case
def last_sync(workspace: Workspace) -> LastSync | None:
    if workspace.unit is None:
        return None
    with workspace.transaction() as session:
        report = last_synced_report(session, workspace.unit.id)
        if report is None or report.synced_at is None:
            return None
        return LastSync(report.month, report.synced_at, report.synced_to or "")

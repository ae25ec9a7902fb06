"""The month reports of a unit, its sync queue and its shared workbook, read and kept."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from enhetschef_app.storage.models_month import MonthReport, SharedWorkbookTarget, SyncJob

WAITING = "waiting"


def month_report(session: Session, unit_id: int, month: str) -> MonthReport | None:
    return session.scalar(
        select(MonthReport).where(MonthReport.unit_id == unit_id, MonthReport.month == month)
    )


def month_report_for_update(session: Session, unit_id: int, month: str) -> MonthReport:
    """The month's report row, made (and added to the session) when the month has none yet."""
    found = month_report(session, unit_id, month)
    if found is None:
        found = MonthReport(unit_id=unit_id, month=month, ec_comment="")
        session.add(found)
    return found


def month_report_locked(session: Session, unit_id: int, month: str) -> MonthReport:
    """The month's report row, made first when the month has none (one statement that leaves a
    row someone else just made as it is), read anew and held to the end of the transaction on
    PostgreSQL (SELECT ... FOR UPDATE): of two ECs marking the month klar at once, the second
    waits and then sees the first's change."""
    dialect = session.get_bind().dialect.name
    insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
    session.execute(
        insert(MonthReport)
        .values(unit_id=unit_id, month=month, ec_comment="")
        .on_conflict_do_nothing(index_elements=["unit_id", "month"])
    )
    found = session.scalar(
        select(MonthReport)
        .where(MonthReport.unit_id == unit_id, MonthReport.month == month)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    assert found is not None
    return found


def month_reports_between(
    session: Session, unit_id: int, first: str, last: str
) -> list[MonthReport]:
    return list(
        session.scalars(
            select(MonthReport)
            .where(
                MonthReport.unit_id == unit_id,
                MonthReport.month >= first,
                MonthReport.month <= last,
            )
            .order_by(MonthReport.month)
        )
    )


def last_synced_report(session: Session, unit_id: int) -> MonthReport | None:
    return session.scalar(
        select(MonthReport)
        .where(MonthReport.unit_id == unit_id, MonthReport.synced_at.is_not(None))
        .order_by(MonthReport.synced_at.desc())
        .limit(1)
    )


def sync_jobs(
    session: Session, unit_id: int, states: Sequence[str] | None = None, limit: int = 200
) -> list[SyncJob]:
    query = select(SyncJob).where(SyncJob.unit_id == unit_id)
    if states is not None:
        query = query.where(SyncJob.state.in_(list(states)))
    return list(session.scalars(query.order_by(SyncJob.id.desc()).limit(limit)))


def waiting_job(session: Session, unit_id: int, month: str, workbook: str) -> SyncJob | None:
    return session.scalar(
        select(SyncJob).where(
            SyncJob.unit_id == unit_id,
            SyncJob.month == month,
            SyncJob.workbook == workbook,
            SyncJob.state == WAITING,
        )
    )


def sync_job(session: Session, unit_id: int, job_id: int) -> SyncJob | None:
    return session.scalar(select(SyncJob).where(SyncJob.unit_id == unit_id, SyncJob.id == job_id))


def waiting_job_count(session: Session, unit_id: int | None = None) -> int:
    query = select(func.count()).select_from(SyncJob).where(SyncJob.state == WAITING)
    if unit_id is not None:
        query = query.where(SyncJob.unit_id == unit_id)
    return int(session.scalar(query) or 0)


def workbook_target(session: Session, unit_id: int) -> SharedWorkbookTarget | None:
    return session.get(SharedWorkbookTarget, unit_id)


def set_vc_comment(session: Session, report_id: int, text: str | None) -> None:
    """The VC's comment alone: the one column her login may write on the server (0011), so the
    record's version and change stamp, which are the EC's, stay as they were."""
    session.execute(
        update(MonthReport)
        .where(MonthReport.id == report_id)
        .values(vc_comment=text)
        .execution_options(synchronize_session=False)
    )

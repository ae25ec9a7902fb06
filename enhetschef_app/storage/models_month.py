"""Månadsrapport: the EC's comment and the klar mark of each month, the syncs to the VC's shared
workbook waiting in the queue, and which workbook a unit syncs to. Migration 0007 creates these
tables."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from enhetschef_app.storage.models import Base, Versioned, utc_now
from enhetschef_app.storage.types import UtcDateTime


class MonthReport(Versioned, Base):
    """One month of one unit: the comment, whether it is klar, what was reported and synced.

    `reported_json` holds the figures (values and inputs) as they were when the month was marked
    klar; later changes of the data are shown against it, never written over it.
    """

    __tablename__ = "month_reports"
    __table_args__ = (UniqueConstraint("unit_id", "month"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"))
    month: Mapped[str] = mapped_column(String(7))  # '2026-10'
    ec_comment: Mapped[str] = mapped_column(Text, default="")
    comment_changed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    comment_changed_by: Mapped[str | None] = mapped_column(String(100))
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    closed_by: Mapped[str | None] = mapped_column(String(100))
    reported_json: Mapped[str | None] = mapped_column(Text)
    vc_comment: Mapped[str | None] = mapped_column(Text)
    vc_comment_read_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    synced_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    synced_to: Mapped[str | None] = mapped_column(Text)
    synced_json: Mapped[str | None] = mapped_column(Text)  # the values the last sync wrote


class SyncJob(Base):
    """A sync of one month to a shared workbook: waiting (to be retried), done or failed."""

    __tablename__ = "month_sync_jobs"
    __table_args__ = (Index("ix_month_sync_jobs_unit_state", "unit_id", "state"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"))
    month: Mapped[str] = mapped_column(String(7))
    workbook: Mapped[str] = mapped_column(Text)
    sheet: Mapped[str | None] = mapped_column(String(31))
    state: Mapped[str] = mapped_column(String(12))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    created_by: Mapped[str] = mapped_column(String(100))
    last_attempt_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
    done_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class SharedWorkbookTarget(Base):
    """The VC's shared workbook the unit syncs to, remembered from the last sync."""

    __tablename__ = "shared_workbook_targets"

    unit_id: Mapped[int] = mapped_column(
        ForeignKey("units.id", ondelete="CASCADE"), primary_key=True
    )
    workbook: Mapped[str] = mapped_column(Text)
    sheet: Mapped[str | None] = mapped_column(String(31))
    changed_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    changed_by: Mapped[str] = mapped_column(String(100))

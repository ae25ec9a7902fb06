"""Gallring: the runs (what went, by kind and count) and the month figures kept as recorded
aggregates once the rows behind them are culled. Migration 0009 creates these tables."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from enhetschef_app.storage.models import Base, utc_now
from enhetschef_app.storage.types import UtcDateTime


class GallringRun(Base):
    """One gallring of a unit. While `finished_at` is empty the audit log's trigger lets the
    details of culled records be replaced by the marker; the run closes in the same
    transaction."""

    __tablename__ = "gallring_runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"))
    as_of: Mapped[date]
    started_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    finished_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    actor: Mapped[str] = mapped_column(String(100))
    counts_json: Mapped[str] = mapped_column(Text, default="{}")  # kind → count, never content


class MonthAggregate(Base):
    """A month's whole summary (values, inputs, details) as it was before gallring removed rows
    it was computed from; the month summary reads it instead of computing anew."""

    __tablename__ = "month_aggregates"
    __table_args__ = (UniqueConstraint("unit_id", "month"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"))
    month: Mapped[str] = mapped_column(String(7))
    summary_json: Mapped[str] = mapped_column(Text)
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)

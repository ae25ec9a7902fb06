"""Omtankessamtal and snoozed signals (migration 0003). Absences themselves are in `models`.

Talk notes are short free text about agreed support, never a diagnosis; the audit log records
that they changed, not what they say, so that gallring can delete them for good.
"""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from enhetschef_app.storage.models import Base, Versioned, utc_now
from enhetschef_app.storage.types import UtcDateTime


class CareTalk(Versioned, Base):
    """One omtankessamtal, from its first step (invitation or a decision not to hold it)."""

    __tablename__ = "care_talks"
    __table_args__ = (Index("ix_care_talks_unit_employee", "unit_id", "employee_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"))
    employee_id: Mapped[int] = mapped_column(ForeignKey("employees.id", ondelete="CASCADE"))
    state: Mapped[str] = mapped_column(String(20))
    # The signal it answers: the day it was raised, and the occasions counted then.
    signal_date: Mapped[date]
    occasions: Mapped[int] = mapped_column(Integer, default=0)
    covers_from: Mapped[date | None]
    covers_through: Mapped[date]
    invited_date: Mapped[date | None]
    invited_time: Mapped[time | None]
    duration_minutes: Mapped[int | None] = mapped_column(Integer)
    place: Mapped[str | None] = mapped_column(String(120))
    invitations: Mapped[int] = mapped_column(Integer, default=0)  # the .ics SEQUENCE
    held_on: Mapped[date | None]
    support_text: Mapped[str | None] = mapped_column(Text)
    follow_up_date: Mapped[date | None]
    followed_up_on: Mapped[date | None]
    follow_up_note: Mapped[str | None] = mapped_column(Text)
    closed_on: Mapped[date | None]
    decided_on: Mapped[date | None]  # declined or not needed
    reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now, onupdate=utc_now)


class CareTalkSnooze(Base):
    """The EC waits with a signal until `until` (due again that day), for a reason."""

    __tablename__ = "care_talk_snoozes"
    __table_args__ = (Index("ix_care_talk_snoozes_unit_employee", "unit_id", "employee_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"))
    employee_id: Mapped[int] = mapped_column(ForeignKey("employees.id", ondelete="CASCADE"))
    made_on: Mapped[date]
    until: Mapped[date]
    reason: Mapped[str] = mapped_column(Text)
    created_by: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)

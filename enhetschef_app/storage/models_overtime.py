"""Övertid och mertid: the requests and the EC's decisions on them (migration 0004).

A decision is never changed or deleted — triggers of migration 0004 refuse it in the database
itself — and a request with a decision can neither be deleted nor have its facts changed. A
correction is a new decision whose `corrects_id` names the decision it corrects; each decision
can be corrected once, so a request's decisions form one line and its newest one is in force.

A decision keeps what the EC saw when she made it: the minutes by kind, the cost by kind in
öre, the komp alternative, the timlön and the running totals against the limits. The month
figures add these up, so a month's övertid does not move when the schedule changes later.
"""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal

from sqlalchemy import (
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from enhetschef_app.storage.models import Base, Versioned, utc_now
from enhetschef_app.storage.types import DecimalText, UtcDateTime


class OvertimeRequest(Versioned, Base):
    """Who is asked to work extra, when, why, and which empty row or absence it covers."""

    __tablename__ = "overtime_requests"
    __table_args__ = (
        UniqueConstraint("cover_id"),
        Index("ix_overtime_requests_unit_day", "unit_id", "work_date"),
        Index("ix_overtime_requests_employee_day", "employee_id", "work_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"))
    employee_id: Mapped[int] = mapped_column(ForeignKey("employees.id", ondelete="CASCADE"))
    work_date: Mapped[date]  # the day it starts; end <= start ends the next day
    start_time: Mapped[time]
    end_time: Mapped[time]
    break_start: Mapped[time | None]
    break_end: Mapped[time | None]
    reason: Mapped[str] = mapped_column(Text)
    compensation: Mapped[str] = mapped_column(String(10), default="pengar")
    source: Mapped[str] = mapped_column(String(20), default="manuell")
    # What it covers; kept as the day's facts when the row, cover or absence goes away.
    cover_id: Mapped[int | None] = mapped_column(
        ForeignKey("schedule_covers.id", ondelete="SET NULL")
    )
    row_id: Mapped[int | None] = mapped_column(ForeignKey("schedule_rows.id", ondelete="SET NULL"))
    absence_id: Mapped[int | None] = mapped_column(ForeignKey("absences.id", ondelete="SET NULL"))
    created_by: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)


class OvertimeDecision(Base):
    """The EC's approval or rejection, as she saw it. Append-only (triggers of 0004)."""

    __tablename__ = "overtime_decisions"
    __table_args__ = (
        UniqueConstraint("corrects_id"),
        Index("ix_overtime_decisions_request_id", "request_id"),
        # One first decision per request; every later one corrects its predecessor.
        Index(
            "uq_overtime_decisions_first",
            "request_id",
            unique=True,
            sqlite_where=text("corrects_id IS NULL"),
            postgresql_where=text("corrects_id IS NULL"),
        ),
        CheckConstraint("verdict IN ('approved', 'rejected')", name="verdict"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("overtime_requests.id", ondelete="CASCADE"))
    corrects_id: Mapped[int | None] = mapped_column(ForeignKey("overtime_decisions.id"))
    verdict: Mapped[str] = mapped_column(String(10))  # approved | rejected
    reason: Mapped[str] = mapped_column(Text)
    over_limit_reason: Mapped[str | None] = mapped_column(Text)
    limits_passed: Mapped[str] = mapped_column(String(100), default="")  # limit keys, comma
    decided_by: Mapped[str] = mapped_column(String(100))
    decided_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    compensation: Mapped[str] = mapped_column(String(10))
    minutes_hourly: Mapped[int] = mapped_column(Integer, default=0)
    minutes_mertid: Mapped[int] = mapped_column(Integer, default=0)
    minutes_simple: Mapped[int] = mapped_column(Integer, default=0)
    minutes_qualified: Mapped[int] = mapped_column(Integer, default=0)
    cost_mertid_ore: Mapped[int] = mapped_column(Integer, default=0)
    cost_simple_ore: Mapped[int] = mapped_column(Integer, default=0)
    cost_qualified_ore: Mapped[int] = mapped_column(Integer, default=0)
    comp_hundredths: Mapped[int] = mapped_column(Integer, default=0)  # komp: 0.01 h each
    hourly_wage: Mapped[Decimal | None] = mapped_column(DecimalText)  # kronor, 4 decimals
    segments_json: Mapped[str] = mapped_column(Text, default="[]")
    limits_json: Mapped[str] = mapped_column(Text, default="[]")

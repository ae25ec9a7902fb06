"""Personalekonomi: the unit's personnel budget per month and the utfall booked in the
ekonomisystem. Migration 0010 creates the table (and the employees' `hourly_rate_ore`)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from enhetschef_app.storage.models import Base, utc_now
from enhetschef_app.storage.types import DecimalText, UtcDateTime


class BudgetMonth(Base):
    """One month of one unit: the budgeted personnel cost and årsarbetare, and the booked
    utfall once the ekonomisystem has it. Amounts in öre, so sums are exact."""

    __tablename__ = "budget_months"
    __table_args__ = (UniqueConstraint("unit_id", "month"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"))
    month: Mapped[str] = mapped_column(String(7))  # '2026-10'
    cost_ore: Mapped[int | None] = mapped_column(Integer)
    fte: Mapped[Decimal | None] = mapped_column(DecimalText)
    outcome_ore: Mapped[int | None] = mapped_column(Integer)
    changed_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    changed_by: Mapped[str] = mapped_column(String(100))

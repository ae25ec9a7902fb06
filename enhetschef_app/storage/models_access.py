"""Who may use which unit on a server database: a login's membership of a unit as its EC or
VC. Migration 0011 creates the table and, on PostgreSQL, the policies that read it; on SQLite
the table stays empty (a file has one user)."""

from __future__ import annotations

from sqlalchemy import CheckConstraint, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from enhetschef_app.storage.models import Base


class UnitMember(Base):
    """A login (`user_name` as the server knows it) is EC or VC of one unit. The primary key
    leads with the user name: the policies look a login's units up by it on every query."""

    __tablename__ = "unit_members"
    __table_args__ = (CheckConstraint("role IN ('ec', 'vc')", name="role"),)

    user_name: Mapped[str] = mapped_column(Text, primary_key=True)
    unit_id: Mapped[int] = mapped_column(
        ForeignKey("units.id", ondelete="CASCADE"), primary_key=True
    )
    role: Mapped[str] = mapped_column(String(2))

"""The ORM models (SQLAlchemy 2.0 typed style). Migration 0001 creates these tables."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    Column,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, relationship

from enhetschef_app.storage.types import DecimalText, UtcDateTime

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utc_now() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Versioned:
    """A record a form edits (migration 0012): its version, counted up by every UPDATE, which
    the UPDATE also checks (mapper `version_id_col`: a row changed since it was read matches
    nothing and the save is refused), and who changed it last and when (set at the flush from
    the unit of work's actor, `storage.versions`)."""

    version: Mapped[int] = mapped_column(Integer, server_default=text("1"))
    changed_by: Mapped[str | None] = mapped_column(String(100))
    changed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:  # noqa: N805 (a class attribute)
        return {"version_id_col": cls.__table__.c.version}  # type: ignore[attr-defined]


unit_neighbours = Table(
    "unit_neighbours",
    Base.metadata,
    Column("unit_id", ForeignKey("units.id", ondelete="CASCADE"), primary_key=True),
    Column("neighbour_id", ForeignKey("units.id", ondelete="CASCADE"), primary_key=True),
)


class Unit(Base):
    __tablename__ = "units"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)

    employees: Mapped[list[Employee]] = relationship(back_populates="unit")
    neighbours: Mapped[list[Unit]] = relationship(
        secondary=unit_neighbours,
        primaryjoin=lambda: Unit.id == unit_neighbours.c.unit_id,
        secondaryjoin=lambda: Unit.id == unit_neighbours.c.neighbour_id,
    )


class Employee(Versioned, Base):
    __tablename__ = "employees"
    __table_args__ = (UniqueConstraint("unit_id", "employee_no"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"), index=True)
    employee_no: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(200))
    employment_form: Mapped[str] = mapped_column(String(20))
    grade_percent: Mapped[Decimal | None] = mapped_column(DecimalText)
    # Full-time week in minutes (38 h 15 min = 2295); None means the unit's setting.
    fulltime_week_minutes: Mapped[int | None] = mapped_column(Integer)
    monthly_salary: Mapped[int | None] = mapped_column(Integer)  # whole kronor
    hourly_rate_ore: Mapped[int | None] = mapped_column(Integer)  # timlön, for the hourly paid
    start_date: Mapped[date | None]
    end_date: Mapped[date | None]
    end_reason: Mapped[str | None] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now, onupdate=utc_now)

    unit: Mapped[Unit] = relationship(back_populates="employees")


class ShiftType(Base):
    __tablename__ = "shift_types"
    __table_args__ = (UniqueConstraint("unit_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(10))
    name: Mapped[str] = mapped_column(String(100))
    start_time: Mapped[time]
    end_time: Mapped[time]
    break_minutes: Mapped[int] = mapped_column(default=0)
    kind: Mapped[str] = mapped_column(String(20))  # dag, kvall, natt, lang, resurs, ovrigt


class StaffingNeed(Versioned, Base):
    """How many staff a time band of a weekday needs (weekday 0 = Monday)."""

    __tablename__ = "staffing_needs"
    __table_args__ = (UniqueConstraint("unit_id", "weekday", "band_start"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"), index=True)
    weekday: Mapped[int]
    band_start: Mapped[time]
    band_end: Mapped[time]
    staff_count: Mapped[int]


class ScheduleRow(Base):
    """One planned shift; no employee means a vacant row. end <= start: it ends the next day."""

    __tablename__ = "schedule_rows"
    __table_args__ = (
        Index("ix_schedule_rows_unit_day", "unit_id", "work_date"),
        Index("ix_schedule_rows_employee_day", "employee_id", "work_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"))
    work_date: Mapped[date]
    start_time: Mapped[time]
    end_time: Mapped[time]
    break_minutes: Mapped[int] = mapped_column(default=0)
    shift_code: Mapped[str | None] = mapped_column(String(10))
    employee_id: Mapped[int | None] = mapped_column(ForeignKey("employees.id", ondelete="SET NULL"))
    source: Mapped[str] = mapped_column(String(20), default="import")


class Absence(Versioned, Base):
    """A spell of absence: kind, dates and extent. Never a diagnosis (GDPR art. 9)."""

    __tablename__ = "absences"
    __table_args__ = (Index("ix_absences_employee_start", "employee_id", "start_date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employees.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))
    start_date: Mapped[date]
    end_date: Mapped[date | None]  # open while the spell goes on
    extent_percent: Mapped[int] = mapped_column(default=100)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)


class SettingChange(Base):
    """A rule parameter's value from `changed_at` on; the newest row per key is in force."""

    __tablename__ = "setting_changes"
    __table_args__ = (Index("ix_setting_changes_key", "unit_id", "key", "changed_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(80))
    value_json: Mapped[str] = mapped_column(Text)
    changed_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    changed_by: Mapped[str] = mapped_column(String(100))


class AuditEntry(Base):
    """Append-only: triggers refuse UPDATE and DELETE, except the gallring's replacement of a
    culled record's details (migration 0009, `audit_culling`)."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    actor: Mapped[str] = mapped_column(String(100))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id", ondelete="SET NULL"))
    action: Mapped[str] = mapped_column(String(60))
    entity: Mapped[str] = mapped_column(String(60))
    entity_id: Mapped[str | None] = mapped_column(String(60))
    before_json: Mapped[str | None] = mapped_column(Text)
    after_json: Mapped[str | None] = mapped_column(Text)
    os_user: Mapped[str | None] = mapped_column(String(100))
    machine: Mapped[str | None] = mapped_column(String(200))
    # The person the entry is about, when there is one; no foreign key, so the entry outlives
    # the row and a deleted employee never rewrites the log.
    employee_id: Mapped[int | None] = mapped_column(Integer, index=True)

"""Medarbetarsamtal and competence: talks and their goals (IUP), lönesamtal, the recurring
trainings and the delegations each person holds, the introduction checklist, exit talks, and the
competences a shift type requires.

Migration 0006 creates these tables. The list of recurring trainings and the introduction
checklist's items are the same for every unit in the file (the kommun's list); migration 0006
puts the defaults in and the EC edits them on the Medarbetarsamtal page.
"""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from enhetschef_app.storage.models import Base, Versioned, utc_now
from enhetschef_app.storage.types import UtcDateTime


class ReviewTalk(Versioned, Base):
    """One medarbetarsamtal: planned (a date), booked (the invitation made), held, followed up."""

    __tablename__ = "review_talks"
    __table_args__ = (Index("ix_review_talks_employee_held", "employee_id", "held_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employees.id", ondelete="CASCADE"))
    planned_on: Mapped[date | None]
    planned_time: Mapped[time | None]
    duration_minutes: Mapped[int | None]
    place: Mapped[str | None] = mapped_column(String(200))
    booked_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    held_on: Mapped[date | None]
    notes: Mapped[str] = mapped_column(Text, default="")
    followed_up_on: Mapped[date | None]
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)


class ReviewGoal(Base):
    """A goal of the individual development plan (IUP): what, how, by when, followed up."""

    __tablename__ = "review_goals"

    id: Mapped[int] = mapped_column(primary_key=True)
    talk_id: Mapped[int] = mapped_column(
        ForeignKey("review_talks.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    goal: Mapped[str] = mapped_column(Text)
    how: Mapped[str] = mapped_column(Text, default="")
    due_on: Mapped[date | None]
    followed_up_on: Mapped[date | None]


class SalaryTalk(Base):
    """A lönesamtal: kept apart from the medarbetarsamtal, with its date and whether it was held."""

    __tablename__ = "salary_talks"

    id: Mapped[int] = mapped_column(primary_key=True)
    employee_id: Mapped[int] = mapped_column(
        ForeignKey("employees.id", ondelete="CASCADE"), index=True
    )
    talk_date: Mapped[date]
    done: Mapped[bool] = mapped_column(default=False)


class TrainingKind(Base):
    """A training that recurs (brandskydd, HLR...) and how long it holds; 0 months: always."""

    __tablename__ = "training_kinds"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    validity_months: Mapped[int]
    position: Mapped[int] = mapped_column(default=0)
    active: Mapped[bool] = mapped_column(default=True)


class Training(Base):
    """A person's completed training; `valid_until` (inclusive) is fixed when it is recorded."""

    __tablename__ = "trainings"
    __table_args__ = (Index("ix_trainings_employee_kind", "employee_id", "training_kind_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employees.id", ondelete="CASCADE"))
    training_kind_id: Mapped[int] = mapped_column(
        ForeignKey("training_kinds.id", ondelete="CASCADE")
    )
    completed_on: Mapped[date]
    valid_until: Mapped[date | None]
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)


class Delegation(Base):
    """A nurse's delegation of a medical task to a person, valid `valid_from`–`valid_to`."""

    __tablename__ = "delegations"
    __table_args__ = (Index("ix_delegations_employee_to", "employee_id", "valid_to"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employees.id", ondelete="CASCADE"))
    task: Mapped[str] = mapped_column(String(200))
    delegated_by: Mapped[str] = mapped_column(String(200))
    valid_from: Mapped[date]
    valid_to: Mapped[date]
    ended_on: Mapped[date | None]  # withdrawn: no longer valid from this day
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)


class IntroItem(Base):
    """One point of the introduction checklist, due `due_days` after the first working day."""

    __tablename__ = "intro_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    due_days: Mapped[int] = mapped_column(default=0)
    position: Mapped[int] = mapped_column(default=0)
    active: Mapped[bool] = mapped_column(default=True)


class IntroCheck(Base):
    """What is recorded for one person and one checklist point: another date, or done."""

    __tablename__ = "intro_checks"
    __table_args__ = (UniqueConstraint("employee_id", "item_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employees.id", ondelete="CASCADE"))
    item_id: Mapped[int] = mapped_column(ForeignKey("intro_items.id", ondelete="CASCADE"))
    planned_on: Mapped[date | None]  # None: first working day + the item's due_days
    done_on: Mapped[date | None]


class ExitTalk(Base):
    """The avslutningssamtal; the reason for leaving lives on the employee (`end_reason`)."""

    __tablename__ = "exit_talks"

    id: Mapped[int] = mapped_column(primary_key=True)
    employee_id: Mapped[int] = mapped_column(
        ForeignKey("employees.id", ondelete="CASCADE"), unique=True
    )
    outcome: Mapped[str] = mapped_column(String(20))  # domain.exits.ExitOutcome
    held_on: Mapped[date | None]
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now, onupdate=utc_now)


class ShiftTypeCompetence(Base):
    """A competence (a delegation's task or a training's name) a shift type requires."""

    __tablename__ = "shift_type_competences"

    shift_type_id: Mapped[int] = mapped_column(
        ForeignKey("shift_types.id", ondelete="CASCADE"), primary_key=True
    )
    competence: Mapped[str] = mapped_column(String(200), primary_key=True)

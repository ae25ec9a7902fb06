"""Avvikelser: the reports, their actions, their timeline and the per-year number series.

Migration 0005 creates these tables. A report's number (AVV-2026-0042) comes from
`incident_number_series`, which only ever counts up, so a number is never given twice even after
a report registered by mistake is deleted.
"""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from enhetschef_app.storage.models import Base, Versioned, utc_now
from enhetschef_app.storage.types import UtcDateTime


class IncidentNumberSeries(Base):
    """The last sequence number given in a unit's year."""

    __tablename__ = "incident_number_series"

    unit_id: Mapped[int] = mapped_column(
        ForeignKey("units.id", ondelete="CASCADE"), primary_key=True
    )
    year: Mapped[int] = mapped_column(primary_key=True)
    last_sequence: Mapped[int]


class Incident(Versioned, Base):
    __tablename__ = "incidents"
    __table_args__ = (
        UniqueConstraint("unit_id", "year", "sequence"),
        Index("ix_incidents_unit_occurred", "unit_id", "occurred_on"),
        Index("ix_incidents_unit_state", "unit_id", "state"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"))
    year: Mapped[int]  # of the number: the year the report was registered
    sequence: Mapped[int]
    occurred_on: Mapped[date]
    occurred_at: Mapped[time]
    reported_on: Mapped[date]
    reporter: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(30))
    track: Mapped[str] = mapped_column(String(20))
    state: Mapped[str] = mapped_column(String(20))
    description: Mapped[str] = mapped_column(Text)
    immediate_action: Mapped[str] = mapped_column(Text, default="")
    investigation_done_on: Mapped[date | None]
    investigation_note: Mapped[str] = mapped_column(Text, default="")
    serious: Mapped[bool | None]
    serious_decided_on: Mapped[date | None]
    reported_to_ivo_on: Mapped[date | None]
    handed_to_mas_on: Mapped[date | None]
    work_environment_kind: Mapped[str | None] = mapped_column(String(20))
    reported_to_av_on: Mapped[date | None]
    reported_to_fk_on: Mapped[date | None]
    closed_on: Mapped[date | None]  # set when it becomes avslutad, cleared when reopened
    created_by: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now, onupdate=utc_now)


class IncidentAction(Base):
    """Something to do because of the report: who, by when, and when it was done."""

    __tablename__ = "incident_actions"

    id: Mapped[int] = mapped_column(primary_key=True)
    incident_id: Mapped[int] = mapped_column(
        ForeignKey("incidents.id", ondelete="CASCADE"), index=True
    )
    description: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(String(200))
    due_on: Mapped[date]
    done_on: Mapped[date | None]
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)


class IncidentEvent(Base):
    """One line of a report's timeline: who did what, when. Free text is never copied here."""

    __tablename__ = "incident_events"
    __table_args__ = (Index("ix_incident_events_incident_at", "incident_id", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    actor: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(30))
    step: Mapped[str | None] = mapped_column(String(40))
    old_value: Mapped[str | None] = mapped_column(String(200))
    new_value: Mapped[str | None] = mapped_column(String(200))

"""Schema och dagsuppföljning: covers of empty rows and remembered column mappings.

Migration 0002 creates these tables.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from enhetschef_app.storage.models import Base, utc_now
from enhetschef_app.storage.types import UtcDateTime


class ScheduleCover(Base):
    """Who took an empty row, as what (resurspass, mertid, timavlönad, övertid), and who decided.

    One cover per row. A cover of kind "overtid" is the ground for an overtime request (the EC
    decides it on the Övertid page). A resurspass given up for the cover is `released_row_id`.
    """

    __tablename__ = "schedule_covers"
    __table_args__ = (
        UniqueConstraint("row_id"),
        Index("ix_schedule_covers_employee_id", "employee_id"),
        Index("ix_schedule_covers_unit_id", "unit_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"))
    row_id: Mapped[int] = mapped_column(ForeignKey("schedule_rows.id", ondelete="CASCADE"))
    employee_id: Mapped[int] = mapped_column(ForeignKey("employees.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))
    released_row_id: Mapped[int | None] = mapped_column(
        ForeignKey("schedule_rows.id", ondelete="SET NULL")
    )
    recorded_by: Mapped[str] = mapped_column(String(100))
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)


class ImportColumnMapping(Base):
    """The columns a person chose for a file layout that the headers alone did not explain.

    `layout_key` identifies the layout by its headers (see excel.schedule_file.layout_key), so
    the next file from the same system imports without asking again.
    """

    __tablename__ = "import_column_mappings"
    __table_args__ = (UniqueConstraint("kind", "layout_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))  # "schema"
    layout_key: Mapped[str] = mapped_column(String(64))
    headers_json: Mapped[str] = mapped_column(Text)
    mapping_json: Mapped[str] = mapped_column(Text)  # {field: header}
    saved_by: Mapped[str] = mapped_column(String(100))
    saved_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)

"""What a schedule import changed, so that the last one can be undone (Arkiv → Ångra senaste
import). Migration 0008 creates these tables.

A batch is one import; its items are the rows it created, updated or removed, each with the row
as it was before (and the cover and overtime links that hung on it) and as the import left it.
Undoing compares the row as it is now with the after-image: a row touched since is not undone.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from enhetschef_app.storage.models import Base, utc_now
from enhetschef_app.storage.types import UtcDateTime


class ImportBatch(Base):
    __tablename__ = "import_batches"
    __table_args__ = (Index("ix_import_batches_unit_kind", "unit_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))  # "schema"
    file: Mapped[str] = mapped_column(Text)
    backup: Mapped[str | None] = mapped_column(Text)  # the copy taken before rows were removed
    imported_by: Mapped[str] = mapped_column(String(100))
    imported_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    undone_by: Mapped[str | None] = mapped_column(String(100))
    undone_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class ImportBatchItem(Base):
    __tablename__ = "import_batch_items"
    __table_args__ = (Index("ix_import_batch_items_batch_id", "batch_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("import_batches.id", ondelete="CASCADE"))
    row_id: Mapped[int]  # no foreign key: a removed row is gone
    change: Mapped[str] = mapped_column(String(10))  # created | updated | removed
    before_json: Mapped[str | None] = mapped_column(Text)
    after_json: Mapped[str | None] = mapped_column(Text)

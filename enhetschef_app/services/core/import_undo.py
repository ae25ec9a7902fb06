"""Undoing the unit's last schedule import (Arkiv → Ångra senaste import,
`enhetschef undo-import`): what the import changed is kept in storage/import_batches.py; a row
changed since the import is not overwritten, the undo is refused naming those rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from enhetschef_app.domain.errors import UserError
from enhetschef_app.services.core.workspace import Workspace, use_case
from enhetschef_app.storage.import_batches import last_batch, undo_batch
from enhetschef_app.storage.models_imports import ImportBatch
from enhetschef_app.storage.session import Session
from enhetschef_app.storage.unit_copy import moved_in_at


@dataclass(frozen=True)
class UndoSummary:
    file: str
    unit: str
    imported_at: datetime
    removed: int  # rows the import had created
    restored: int  # rows the import had updated, put back as they were
    reinserted: int  # rows the import had removed, back under their ids
    covers_restored: int

    def describe(self) -> str:
        return (
            f"Importen av {self.file} ({self.imported_at:%Y-%m-%d %H:%M} UTC) är ångrad "
            f"(enhet {self.unit}): {self.removed} tillagda pass borttagna, {self.restored} "
            f"ändrade pass återställda, {self.reinserted} borttagna pass tillbaka, "
            f"{self.covers_restored} ersättare tillbaka."
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "unit": self.unit,
            "imported_at": self.imported_at.isoformat(),
            "removed": self.removed,
            "restored": self.restored,
            "reinserted": self.reinserted,
            "covers_restored": self.covers_restored,
        }


def _before_the_move(session: Session, unit_id: int, batch: ImportBatch) -> bool:
    """An import made in another database, before the unit moved in (copy-unit): what it
    kept names that database's rows, so it is not undone here."""
    moved = moved_in_at(session, unit_id)
    return moved is not None and batch.imported_at <= moved


@use_case
def last_import(workspace: Workspace) -> tuple[str, datetime] | None:
    """The file and time of the unit's last schedule import that can be undone, if any."""
    unit = workspace.require_unit()
    with workspace.transaction() as session:
        batch = last_batch(session, unit.id)
        if batch is None or _before_the_move(session, unit.id, batch):
            return None
        return batch.file, batch.imported_at


def undo_last_import(workspace: Workspace) -> UndoSummary:
    unit = workspace.require_unit()
    with workspace.transaction() as session:
        batch = last_batch(session, unit.id)
        if batch is None:
            raise UserError(
                f"Enheten {unit.code} har ingen schemaimport att ångra; inget har ändrats."
            )
        if _before_the_move(session, unit.id, batch):
            raise UserError(
                f"Den senaste schemaimporten för enheten {unit.code} gjordes innan enheten "
                "flyttades in i den här databasen och kan inte ångras här; inget har ändrats."
            )
        summary = undo_batch(session, unit.id, workspace.actor, batch)
        return UndoSummary(
            file=batch.file,
            unit=unit.code,
            imported_at=batch.imported_at,
            removed=summary["removed"],
            restored=summary["restored"],
            reinserted=summary["reinserted"],
            covers_restored=summary["covers_restored"],
        )

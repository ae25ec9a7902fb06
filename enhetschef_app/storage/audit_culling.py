"""The one path by which the audit log changes after it is written: gallring replaces the
before/after details of entries about culled records with a marker, and forgets whom they were
about.

The database permits this change only (migration 0009's trigger): while a gallring run is
open, and with every other column as it was. `services.gallring` is the only caller (a test
reads the sources to hold that).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime

from sqlalchemy import text
from sqlalchemy.orm import Session

from enhetschef_app.storage.models_privacy import GallringRun

MARKER = '{"gallrad": true}'

_CULL = text(
    "UPDATE audit_log SET "
    "before_json = CASE WHEN before_json IS NULL THEN NULL ELSE :marker END, "
    "after_json = CASE WHEN after_json IS NULL THEN NULL ELSE :marker END, "
    "employee_id = NULL "
    "WHERE entity = :entity AND entity_id = :entity_id "
    "AND (COALESCE(before_json, :marker) != :marker OR COALESCE(after_json, :marker) != :marker)"
)


def open_run(session: Session, unit_id: int, as_of: date, actor: str) -> GallringRun:
    run = GallringRun(unit_id=unit_id, as_of=as_of, actor=actor, counts_json="{}")
    session.add(run)
    session.flush()
    return run


def cull_details(session: Session, run: GallringRun, refs: Iterable[tuple[str, str]]) -> int:
    """Replaces the details of every entry about (entity, entity id) in `refs`; returns how
    many entries changed. Only inside an open run."""
    if run.finished_at is not None:
        raise RuntimeError("gallring run already closed")
    changed = 0
    for entity, entity_id in refs:
        result = session.execute(
            _CULL, {"marker": MARKER, "entity": entity, "entity_id": entity_id}
        )
        changed += int(getattr(result, "rowcount", 0) or 0)
    return changed


def close_run(session: Session, run: GallringRun, counts: Mapping[str, int]) -> None:
    run.counts_json = json.dumps(dict(counts), ensure_ascii=False, sort_keys=True)
    run.finished_at = datetime.now(UTC)
    session.flush()

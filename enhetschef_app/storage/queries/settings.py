"""The rule parameters in force: the newest stored change per key."""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from enhetschef_app.storage.models import SettingChange


def current_settings(session: Session, unit_id: int | None) -> dict[str, tuple[object, datetime]]:
    """key -> (value, when it changed), unit-specific rows over global ones."""
    newest = (
        select(
            SettingChange.unit_id,
            SettingChange.key,
            func.max(SettingChange.id).label("last_id"),
        )
        .where((SettingChange.unit_id == unit_id) | SettingChange.unit_id.is_(None))
        .group_by(SettingChange.unit_id, SettingChange.key)
        .subquery()
    )
    rows = session.execute(
        select(SettingChange).join(newest, SettingChange.id == newest.c.last_id)
    ).scalars()
    found: dict[str, tuple[object, datetime]] = {}
    # Global rows first so that the unit's own rows win.
    for row in sorted(rows, key=lambda r: r.unit_id is not None):
        found[row.key] = (json.loads(row.value_json), row.changed_at)
    return found

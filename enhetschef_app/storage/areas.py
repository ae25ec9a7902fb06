"""Which area of the program each table belongs to, and the hook that tells the open unit of
work which areas its writes touched.

The window refreshes what shows an area that changed. The areas are read off the statements the
database actually ran (an ORM flush, a Core insert, update or delete, a bulk insert), so a use
case that registers a cover and thereby also makes an overtime request reports both areas
without anyone remembering to say so. The names are the domain's (domain/areas.py).
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Engine, event

from enhetschef_app.domain.areas import (
    ABSENCE,
    ECONOMY,
    INCIDENTS,
    MONTH,
    OVERTIME,
    PEOPLE,
    SCHEDULE,
    SETTINGS,
    STAFF,
    UNIT,
)

# None: a table whose writes change nothing a page shows by itself (the log, the import record).
TABLE_AREAS: dict[str, str | None] = {
    "units": UNIT,
    "employees": STAFF,
    "shift_types": SCHEDULE,
    "staffing_needs": SCHEDULE,
    "schedule_rows": SCHEDULE,
    "schedule_covers": SCHEDULE,
    "import_column_mappings": None,
    "import_batches": None,
    "import_batch_items": None,
    "absences": ABSENCE,
    "care_talks": ABSENCE,
    "care_talk_snoozes": ABSENCE,
    "setting_changes": SETTINGS,
    "audit_log": None,
    "gallring_runs": None,
    "budget_months": ECONOMY,
    "incident_number_series": INCIDENTS,
    "incidents": INCIDENTS,
    "incident_actions": INCIDENTS,
    "incident_events": INCIDENTS,
    "month_reports": MONTH,
    "month_sync_jobs": MONTH,
    "shared_workbook_targets": MONTH,
    "month_aggregates": MONTH,
    "overtime_requests": OVERTIME,
    "overtime_decisions": OVERTIME,
    "review_talks": PEOPLE,
    "review_goals": PEOPLE,
    "salary_talks": PEOPLE,
    "training_kinds": PEOPLE,
    "trainings": PEOPLE,
    "delegations": PEOPLE,
    "intro_items": PEOPLE,
    "intro_checks": PEOPLE,
    "exit_talks": PEOPLE,
    "shift_type_competences": PEOPLE,
    "unit_members": None,  # who may use a unit on a server: no page shows it
}


_noting = threading.local()


def area_of(table: str) -> str | None:
    return TABLE_AREAS.get(table)


@contextlib.contextmanager
def noting_writes(changed: set[str]) -> Iterator[None]:
    """While the block runs, the areas of the tables written in this thread go into `changed`
    (the open unit of work's set)."""
    outer: set[str] | None = getattr(_noting, "changed", None)
    _noting.changed = changed
    try:
        yield
    finally:
        _noting.changed = outer


def note_write(table: str) -> None:
    changed: set[str] | None = getattr(_noting, "changed", None)
    area = area_of(table)
    if changed is not None and area is not None:
        changed.add(area)


def watch_writes(engine: Engine, note: Any) -> None:
    """Calls `note(table name)` for every insert, update and delete the engine runs."""

    def after_execute(
        _conn: Any, _cursor: Any, _sql: Any, _params: Any, context: Any, _many: bool
    ) -> None:
        if context is None or not (context.isinsert or context.isupdate or context.isdelete):
            return
        compiled = context.compiled
        table = getattr(getattr(compiled, "statement", None), "table", None)
        name = getattr(table, "name", None)
        if isinstance(name, str):
            note(name)

    event.listen(engine, "after_cursor_execute", after_execute)

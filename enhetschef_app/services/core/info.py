"""What a database holds: schema version, units, headcounts and row counts (`enhetschef info`)."""

from __future__ import annotations

from datetime import date
from typing import Any

from enhetschef_app.domain.calendar import today
from enhetschef_app.domain.staff import EmploymentForm
from enhetschef_app.services.core.workspace import Workspace, use_case
from enhetschef_app.storage.queries.staff import headcount_by_form
from enhetschef_app.storage.queries.units import all_units, row_counts


@use_case
def headcount(workspace: Workspace, unit_id: int, day: date) -> dict[str, int]:
    """Staff employed on `day`, by employment form; every form present, zero or not."""
    with workspace.transaction() as session:
        counted = headcount_by_form(session, unit_id, day)
    return {form.value: counted.get(form.value, 0) for form in EmploymentForm}


@use_case
def database_info(workspace: Workspace, as_of: date | None = None) -> dict[str, Any]:
    day = as_of or today()
    with workspace.transaction() as session:
        units = [(u.id, u.code, u.name) for u in all_units(session)]
        counts = row_counts(session)
    unit_rows = []
    for unit_id, code, name in units:
        by_form = headcount(workspace, unit_id, day)
        unit_rows.append(
            {
                "code": code,
                "name": name,
                "headcount": by_form,
                "headcount_total": sum(by_form.values()),
            }
        )
    return {
        "database": str(workspace.location),
        "schema_version": workspace.revision,
        "date": day.isoformat(),
        "units": unit_rows,
        "row_counts": counts,
    }


@use_case
def unit_row_counts_for(workspace: Workspace) -> dict[str, int]:
    """What the open unit holds so far (employees, schedule rows, staffing need, absences):
    Kom igång shows it after each step."""
    from enhetschef_app.storage.queries.unit_content import unit_absence_count, unit_row_counts

    unit = workspace.require_unit()
    with workspace.transaction() as session:
        counts = unit_row_counts(session, unit.id)
        counts["absences"] = unit_absence_count(session, unit.id)
    return counts

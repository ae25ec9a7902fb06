"""Neighbour units (a "familj" of units) that lend each other staff for empty rows."""

from __future__ import annotations

from collections.abc import Sequence

from enhetschef_app.domain.errors import NotFoundError, UserError
from enhetschef_app.domain.identifiers import normalise_identifier
from enhetschef_app.services.core.workspace import UnitRef, Workspace, use_case
from enhetschef_app.storage import audit
from enhetschef_app.storage.queries.schedule_rows import neighbour_units
from enhetschef_app.storage.queries.units import unit_by_code
from enhetschef_app.storage.session import Session
from enhetschef_app.storage.unit_links import link_units, unlink_units


@use_case
def list_neighbours(workspace: Workspace) -> list[UnitRef]:
    unit = workspace.require_unit()
    with workspace.transaction() as session:
        return [UnitRef(u.id, u.code, u.name) for u in neighbour_units(session, unit.id)]


@use_case
def change_neighbours(
    workspace: Workspace, *, add: Sequence[str] = (), remove: Sequence[str] = ()
) -> list[str]:
    """Adds and removes neighbours (both ways: a neighbour lends and borrows); returns the codes
    of the unit's neighbours afterwards."""
    unit = workspace.require_unit()
    with workspace.transaction() as session:
        current = {u.code: u.id for u in neighbour_units(session, unit.id)}
        for code in [*add, *remove]:
            found = unit_by_code(session, normalise_identifier(code).upper())
            if found is None:
                raise NotFoundError(f"Enheten {code} finns inte i databasen.")
            if found.id == unit.id:
                raise UserError("En enhet kan inte vara granne med sig själv.")
        for code in add:
            other = unit_by_code(session, normalise_identifier(code).upper())
            assert other is not None
            if other.code in current:
                continue
            link_units(session, unit.id, other.id)
            current[other.code] = other.id
            _audit(workspace, session, unit, "lagg_till_grannenhet", other.code)
        for code in remove:
            other = unit_by_code(session, normalise_identifier(code).upper())
            assert other is not None
            if other.code not in current:
                continue
            unlink_units(session, unit.id, other.id)
            del current[other.code]
            _audit(workspace, session, unit, "ta_bort_grannenhet", other.code)
        return sorted(current)


def _audit(workspace: Workspace, session: Session, unit: UnitRef, action: str, code: str) -> None:
    audit.record(
        session,
        actor=workspace.actor,
        action=action,
        entity="grannenhet",
        entity_id=code,
        unit_id=unit.id,
        after={"unit": unit.code, "neighbour": code},
    )

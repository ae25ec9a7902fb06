"""Bemanningsbehov: how many staff each time band of each weekday (and of holidays) needs."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from enhetschef_app.domain.errors import ChangedByOtherError, UserError
from enhetschef_app.domain.staffing import NeedBand, validate_needs
from enhetschef_app.services.core.workspace import Workspace, use_case
from enhetschef_app.storage import audit
from enhetschef_app.storage.queries.schedule_rows import (
    locked_staffing_needs,
    replace_staffing_needs,
    staffing_needs,
)


@use_case
def staffing_need(workspace: Workspace) -> list[NeedBand]:
    unit = workspace.require_unit()
    with workspace.transaction() as session:
        return staffing_needs(session, unit.id)


def _plain(needs: Sequence[NeedBand]) -> list[dict[str, Any]]:
    return [
        {
            "weekday": n.weekday,
            "start": f"{n.start:%H:%M}",
            "end": f"{n.end:%H:%M}",
            "staff": n.staff_count,
        }
        for n in sorted(needs, key=lambda n: (n.weekday, n.start))
    ]


@use_case
def save_staffing_need(
    workspace: Workspace, needs: Sequence[NeedBand], *, read: Sequence[NeedBand] | None = None
) -> bool:
    """Replaces the unit's need with `needs`; False when nothing changed. Bands of zero staff
    are kept: they say the band was thought of. With `read` (the need as the tab read it),
    refused when someone else has saved another need since (ChangedByOtherError)."""
    unit = workspace.require_unit()
    problems = validate_needs(needs)
    if problems:
        raise UserError("Bemanningsbehovet sparades inte. " + " ".join(problems))
    with workspace.transaction() as session:
        before, who, when = locked_staffing_needs(session, unit.id)
        if read is not None and _plain(read) != _plain(before):
            raise ChangedByOtherError(who, when)
        if _plain(before) == _plain(needs):
            return False
        replace_staffing_needs(session, unit.id, needs, workspace.actor)
        audit.record(
            session,
            actor=workspace.actor,
            action="andra_bemanningsbehov",
            entity="bemanningsbehov",
            unit_id=unit.id,
            before={"needs": _plain(before)},
            after={"needs": _plain(needs)},
        )
    return True


@use_case
def suggested_staffing_need(workspace: Workspace) -> list[NeedBand]:
    """The need the unit's imported schedule implies (see domain.need_suggestion); not saved."""
    from datetime import date

    from enhetschef_app.domain.need_suggestion import suggest_need
    from enhetschef_app.storage.queries.schedule_rows import unit_rows

    unit = workspace.require_unit()
    with workspace.transaction() as session:
        rows = unit_rows(session, unit.id, date(1900, 1, 1), date(2999, 12, 31))
    return suggest_need(rows)

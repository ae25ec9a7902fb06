"""Sambandscentral: the dagsuppföljning across units, for a login that is EC of several units
(a coordinator). Every unit's empty rows of the day on one page, each with its ranked
candidates (the unit's own staff, then its neighbour units', across the server), and a cover
placed from here that both units see at once: the row's unit as covered, the person's own unit
as the shift its person is lent to (migration 0013 lets its members read that cover).

Each unit's day is that unit's own use case (`day_follow_up`, `cover_candidates`), and a cover
is recorded by the row's unit's `record_cover`, as its EC would: one transaction per unit, the
same rules, the same audit log.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from enhetschef_app.domain.errors import UserError
from enhetschef_app.services.core.workspace import UnitRef, Workspace, use_case
from enhetschef_app.services.schedule.follow_up import (
    CandidateList,
    DayFollowUp,
    RecordedCover,
    RowLine,
    cover_candidates,
    day_follow_up,
    record_cover,
)
from enhetschef_app.storage.access import on_postgresql, own_units

EC = "ec"
COORDINATOR_MIN_UNITS = 2


@dataclass(frozen=True)
class UnitDay:
    """One unit's day: its dagsuppföljning and, when asked for, each offerable empty row's
    candidates."""

    unit: UnitRef
    follow_up: DayFollowUp
    candidates: dict[int, CandidateList] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """`follow-up --json`'s keys for the unit, with its code and name."""
        return {
            "unit": self.unit.code,
            "unit_name": self.unit.name,
            "bands": [band.as_dict() for band in self.follow_up.bands],
            "empty_rows": [
                {
                    **line.as_dict(),
                    "candidates": [c.as_dict() for c in self.candidates[line.row_id].candidates]
                    if line.row_id in self.candidates
                    else [],
                }
                for line in self.follow_up.empty_today
            ],
            "lent_out": [line.as_dict() for line in self.follow_up.lent],
        }


@dataclass(frozen=True)
class EmptyRow:
    """An empty row of the day on the Sambandscentral's list: the row and its unit."""

    unit: UnitRef
    line: RowLine


@dataclass(frozen=True)
class CoordinatorDay:
    day: date
    units: tuple[UnitDay, ...]

    def empty_rows(self) -> list[EmptyRow]:
        """The day's empty rows of every unit, by time and then unit."""
        rows = [EmptyRow(u.unit, line) for u in self.units for line in u.follow_up.empty_today]
        return sorted(rows, key=lambda r: (r.line.start, r.unit.code, r.line.row_id))

    def as_dict(self) -> dict[str, Any]:
        return {"date": self.day.isoformat(), "units": [u.as_dict() for u in self.units]}


@use_case
def coordinated_units(workspace: Workspace) -> list[UnitRef]:
    """The units whose rows this login may fill: on a file every unit; on a server the units it
    is EC of (the owner, whom the policies do not bind, every unit)."""
    with workspace.transaction() as session:
        server = on_postgresql(session)
        return [
            UnitRef(unit.id, unit.code, unit.name)
            for unit, role in own_units(session)
            if not server or role in (EC, None)
        ]


@use_case
def is_coordinator_login(workspace: Workspace) -> bool:
    """Whether the window shows Sambandscentral: a login on a server that is EC of two units or
    more. Never on a file (its one EC switches unit in the status bar)."""
    if not workspace.on_server:
        return False
    with workspace.transaction() as session:
        ec_units = [unit for unit, role in own_units(session) if role == EC]
    return len(ec_units) >= COORDINATOR_MIN_UNITS


def coordinator_day(
    workspace: Workspace, day: date, *, today: date, with_candidates: bool = True
) -> CoordinatorDay:
    """Every coordinated unit's day, each unit its own use case; with the candidates of each
    offerable empty row (the command line), or without (the page asks for a row's when it is
    chosen). A login without such units gets a UserError."""
    units = coordinated_units(workspace)
    if not units:
        raise UserError(
            "Inloggningen är inte enhetschef för någon enhet i databasen: Sambandscentralen "
            "visar enheter där du är enhetschef. Den som sköter databasen ger behörighet per "
            "enhet (admin grant)."
        )
    found: list[UnitDay] = []
    for unit in units:
        at_unit = workspace.with_unit(unit)
        follow = day_follow_up(at_unit, day, today=today)
        lists = (
            {
                line.row_id: cover_candidates(at_unit, line.row_id, today=today)
                for line in follow.empty_today
                if line.offerable
            }
            if with_candidates
            else {}
        )
        found.append(UnitDay(unit, follow, lists))
    return CoordinatorDay(day, tuple(found))


def _coordinated(workspace: Workspace, unit_code: str) -> UnitRef:
    for unit in coordinated_units(workspace):
        if unit.code == unit_code:
            return unit
    raise UserError(
        f"Du är inte enhetschef för enheten {unit_code}: ersättare där tillsätts av dess "
        "enhetschef."
    )


def row_candidates(
    workspace: Workspace, unit_code: str, row_id: int, *, today: date
) -> CandidateList:
    """The ranked candidates of one empty row of a coordinated unit."""
    unit = _coordinated(workspace, unit_code)
    return cover_candidates(workspace.with_unit(unit), row_id, today=today)


def place_cover(
    workspace: Workspace, unit_code: str, row_id: int, employee_id: int, *, today: date
) -> RecordedCover:
    """Records who takes an empty row of a coordinated unit, as the unit's own EC would
    (`record_cover`: refused with the rule's words unless the person is a candidate now)."""
    unit = _coordinated(workspace, unit_code)
    return record_cover(workspace.with_unit(unit), row_id, employee_id, today=today)

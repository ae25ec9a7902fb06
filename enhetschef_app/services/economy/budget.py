"""The unit's personnel budget and booked utfall: imported from the ekonomisystem's export or
typed in, one transaction each, every change in the audit log. Importing the same file twice
changes nothing; months the file does not name are kept."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from enhetschef_app.domain.economy import kronor_of_ore, ore_of_kronor
from enhetschef_app.domain.errors import UserError
from enhetschef_app.domain.year_month import YearMonth
from enhetschef_app.excel.budget_file import read_budget_file, read_outcome_file
from enhetschef_app.services.core.workspace import Workspace, use_case
from enhetschef_app.storage import audit
from enhetschef_app.storage.models_economy import BudgetMonth
from enhetschef_app.storage.queries.economy import budget_month
from enhetschef_app.storage.session import Session

ENTITY = "budget_month"


@dataclass(frozen=True)
class BudgetImportSummary:
    file: str
    unit: str
    what: str  # "budget" or "utfall"
    months: tuple[str, ...]
    changed: int
    unchanged: int

    def describe(self) -> str:
        noun = "Budgeten" if self.what == "budget" else "Utfallet"
        span = f"{self.months[0]}–{self.months[-1]}" if self.months else "inga månader"
        return (
            f"{noun} i {self.file}: {len(self.months)} månader ({span}), {self.changed} ändrade, "
            f"{self.unchanged} oförändrade (enhet {self.unit})."
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "unit": self.unit,
            "kind": self.what,
            "months": list(self.months),
            "changed": self.changed,
            "unchanged": self.unchanged,
        }


@dataclass(frozen=True)
class BudgetEntry:
    """One month as the EC types it in the budget table."""

    month: YearMonth
    cost: Decimal | None
    fte: Decimal | None
    outcome: Decimal | None = None


def _snapshot(row: BudgetMonth) -> dict[str, Any]:
    return {
        "month": row.month,
        "cost": kronor_of_ore(row.cost_ore),
        "fte": row.fte,
        "outcome": kronor_of_ore(row.outcome_ore),
    }


def _upsert(
    session: Session, workspace: Workspace, month: YearMonth, changes: dict[str, Any], action: str
) -> bool:
    """Writes the fields in `changes` for the month; False when nothing differed."""
    unit = workspace.require_unit()
    row = budget_month(session, unit.id, month.label)
    before = None if row is None else _snapshot(row)
    if row is None:
        row = BudgetMonth(unit_id=unit.id, month=month.label, changed_by=workspace.actor)
        session.add(row)
    elif all(getattr(row, name) == value for name, value in changes.items()):
        return False
    for name, value in changes.items():
        setattr(row, name, value)
    row.changed_by = workspace.actor
    session.flush()
    audit.record(
        session,
        actor=workspace.actor,
        action=action,
        entity=ENTITY,
        entity_id=month.label,
        unit_id=unit.id,
        before=before,
        after=_snapshot(row),
    )
    return True


def import_budget(
    workspace: Workspace, path: Path, sheet: str | None = None
) -> BudgetImportSummary:
    """Reads the budget file (every bad row reported, nothing saved then) and stores each month's
    personalkostnad and årsarbetare."""
    unit = workspace.require_unit()
    records = read_budget_file(Path(path), sheet)
    changed = 0
    with workspace.transaction() as session:
        for record in records:
            changes: dict[str, Any] = {"cost_ore": ore_of_kronor(record.cost)}
            if record.fte is not None:
                changes["fte"] = record.fte
            changed += _upsert(session, workspace, record.month, changes, "import_budget")
    months = tuple(sorted(r.month.label for r in records))
    return BudgetImportSummary(
        Path(path).name, unit.code, "budget", months, changed, len(records) - changed
    )


def import_outcome(
    workspace: Workspace, path: Path, sheet: str | None = None
) -> BudgetImportSummary:
    """Reads the booked utfall per month; it replaces the estimate for those months."""
    unit = workspace.require_unit()
    records = read_outcome_file(Path(path), sheet)
    changed = 0
    with workspace.transaction() as session:
        for record in records:
            changes = {"outcome_ore": ore_of_kronor(record.outcome)}
            changed += _upsert(session, workspace, record.month, changes, "import_utfall")
    months = tuple(sorted(r.month.label for r in records))
    return BudgetImportSummary(
        Path(path).name, unit.code, "utfall", months, changed, len(records) - changed
    )


@use_case
def save_budget(workspace: Workspace, entries: list[BudgetEntry]) -> int:
    """The budget table as typed in: each month's budget, årsarbetare and utfall; the number of
    months changed."""
    for entry in entries:
        for value in (entry.cost, entry.fte):
            if value is not None and value < 0:
                raise UserError(
                    f"{entry.month.label}: ett belopp eller antal kan inte vara negativt."
                )
    changed = 0
    with workspace.transaction() as session:
        for entry in entries:
            changes = {
                "cost_ore": ore_of_kronor(entry.cost),
                "fte": entry.fte,
                "outcome_ore": ore_of_kronor(entry.outcome),
            }
            changed += _upsert(session, workspace, entry.month, changes, "save_budget")
    return changed

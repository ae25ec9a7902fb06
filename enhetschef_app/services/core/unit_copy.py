"""Moving a unit in (`enhetschef --db FIL --unit KOD copy-unit --to ADRESS`): the unit with its
whole history from the open database into another one, a PostgreSQL server database or another
file, brought to the newest schema first.

All or nothing: the rows are written in one transaction of the target, checked there table by
table against the source (rows and a checksum over what they say, not their ids; see
storage/unit_copy.py) and committed only when every table matches. A unit that already exists
at the target is refused, and a new file made for the copy is removed again if it fails.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from enhetschef_app.domain.errors import UserError
from enhetschef_app.services.core.workspace import Workspace, use_case
from enhetschef_app.storage import audit
from enhetschef_app.storage.database import open_database, translated_errors
from enhetschef_app.storage.location import DatabaseLocation, ServerAddress
from enhetschef_app.storage.model_registry import metadata
from enhetschef_app.storage.unit_copy import (
    MOVED_IN_ACTION,
    NOT_COPIED,
    TableCheck,
    UnitCopyRefused,
    check_copy,
    copy_plan,
    copy_unit_rows,
    hold_unit_code,
    unit_id_of,
)

__all__ = ["CopyReport", "TableCheck", "copied_tables", "copy_unit", "not_copied_tables"]


@dataclass(frozen=True)
class CopyReport:
    unit_code: str
    target: str
    checks: list[TableCheck]

    @property
    def all_match(self) -> bool:
        return all(check.matches for check in self.checks)


class UnitExistsAtTarget(UserError):
    def __init__(self, code: str, target: DatabaseLocation) -> None:
        super().__init__(
            f"Enheten {code} finns redan i måldatabasen {target}. Inget har kopierats. Ta bort "
            "den där först, eller kopiera till en annan databas."
        )


class CopyMismatch(UserError):
    """The copy read back at the target differs from the source: a bug; nothing was kept."""

    exit_code = 1

    def __init__(self, report: CopyReport) -> None:
        tables = ", ".join(c.table for c in report.checks if not c.matches)
        super().__init__(
            f"Kopian av enheten {report.unit_code} stämde inte med källan ({tables}), så den "
            "togs bort igen: inget har ändrats i måldatabasen. Det är ett fel i programmet; "
            "kör kommandot med --debug och skicka utskriften till den som ger support."
        )
        self.report = report


def copied_tables() -> list[str]:
    return [plan.name for plan in copy_plan(metadata)]


def not_copied_tables() -> dict[str, str]:
    return dict(NOT_COPIED)


def _same_place(source: DatabaseLocation, target: DatabaseLocation) -> bool:
    if isinstance(source, ServerAddress) or isinstance(target, ServerAddress):
        return str(source) == str(target)
    return source.expanduser().resolve() == target.expanduser().resolve()


def _remove_new_file(path: Path) -> None:
    for name in (path.name, path.name + "-wal", path.name + "-shm", path.name + "-journal"):
        with contextlib.suppress(OSError):
            (path.parent / name).unlink()


@use_case
def copy_unit(
    workspace: Workspace,
    target: DatabaseLocation,
    *,
    on_table: Callable[[str, int], None] | None = None,
) -> CopyReport:
    """Copies the workspace's unit into `target` and returns the check of every table."""
    unit = workspace.require_unit()
    if _same_place(workspace.location, target):
        raise UnitCopyRefused(
            "Måldatabasen är samma databas som källan. Ange en annan databas med --to."
        )
    new_file = isinstance(target, Path) and not target.expanduser().exists()
    target_db = open_database(target, create=True)
    try:
        with workspace.transaction() as session:
            source = session.connection()
            with translated_errors(target_db.location), target_db.engine.begin() as connection:
                hold_unit_code(connection, unit.code)
                if unit_id_of(connection, metadata, unit.code) is not None:
                    raise UnitExistsAtTarget(unit.code, target_db.location)
                copy_unit_rows(source, connection, metadata, unit.code, on_table=on_table)
                report = CopyReport(
                    unit.code,
                    str(target_db.location),
                    check_copy(source, connection, metadata, unit.code),
                )
                if not report.all_match:
                    raise CopyMismatch(report)
                target_unit = unit_id_of(connection, metadata, unit.code)
                with target_db.sessions(bind=connection) as target_session:
                    audit.record(
                        target_session,
                        actor=workspace.actor,
                        action=MOVED_IN_ACTION,
                        entity="enhet",
                        entity_id=target_unit,
                        unit_id=target_unit,
                        after={
                            "code": unit.code,
                            "from": str(workspace.location),
                            "tables": len(report.checks),
                        },
                    )
                    target_session.flush()
    except BaseException:
        target_db.close()
        if new_file and isinstance(target, Path):
            _remove_new_file(target.expanduser().resolve())
        raise
    target_db.close()
    return report

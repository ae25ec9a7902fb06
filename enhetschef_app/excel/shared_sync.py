"""Writing one unit's month into the VC's shared workbook without ever losing anyone's data.

The order of a write:

1. refuse at once when Excel or LibreOffice has the workbook open, or it is not an .xlsx;
2. take the sync lock beside the workbook (another Enhetschef syncing waits its turn);
3. read the file (or make it from the template when it does not exist), refuse content that
   could be lost, merge the unit's row in memory;
4. write the result to a temporary file in the same folder, read it back and check it part by
   part and row by row against what was meant;
5. if the workbook changed on disk since it was read (the VC saved it meanwhile), throw the
   result away and merge again from the new file; never write over someone else's change;
6. keep the previous version as a local backup, then move the checked file into place in one
   atomic rename.

A busy workbook (open elsewhere, or the lock held) raises a `BusyError`: nothing was written,
and the caller puts the sync in its queue.
"""

from __future__ import annotations

import contextlib
import shutil
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from enhetschef_app.domain.errors import BusyError, UserError
from enhetschef_app.excel.shared_merge import UnitMonthRow, merge_unit_month, verify_merge
from enhetschef_app.excel.sync_lock import LockOwner, SyncLock
from enhetschef_app.excel.workbook_guard import (
    WorkbookOpenElsewhere,
    refuse_if_open_elsewhere,
    refuse_lossy_content,
    refuse_macro_file,
)
from enhetschef_app.excel.xlsx_package import XlsxPackage

MAX_MERGES = 5
KEEP_BACKUPS = 30  # per workbook name


@dataclass(frozen=True)
class SharedSyncResult:
    workbook: Path
    sheet: str
    row_number: int
    created_workbook: bool
    created_row: bool
    added_columns: tuple[str, ...]
    skipped_formulas: tuple[str, ...]
    duplicate_rows: tuple[int, ...]
    vc_comments: dict[str, str]
    backup: Path | None
    merges: int  # more than 1: the file changed meanwhile and the merge was done again
    took_over_from: LockOwner | None = None  # a stale lock this sync replaced
    notes: list[str] = field(default_factory=list)


def _read_or_none(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except PermissionError as exc:
        raise WorkbookOpenElsewhere(
            f"Arbetsboken {path.name} kan inte läsas just nu (den är låst av ett annat program). "
            "Synken väntar i kön och försöks igen."
        ) from exc


def _back_up(data: bytes, workbook: Path, backup_dir: Path, unit: str) -> Path:
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).astimezone().strftime("%Y%m%d-%H%M%S-%f")
    target = backup_dir / f"{workbook.stem}-{stamp}-{unit}{workbook.suffix}"
    target.write_bytes(data)
    ours = sorted(backup_dir.glob(f"{workbook.stem}-*{workbook.suffix}"))
    for old in ours[:-KEEP_BACKUPS]:
        with contextlib.suppress(OSError):
            old.unlink()
    return target


def _replace(temp: Path, workbook: Path) -> None:
    try:
        temp.replace(workbook)
    except PermissionError as exc:
        raise WorkbookOpenElsewhere(
            f"Arbetsboken {workbook.name} kunde inte ersättas: den öppnades av ett annat program "
            "just nu. Den är oförändrad; synken väntar i kön och försöks igen."
        ) from exc


def write_unit_month(
    workbook: Path,
    row: UnitMonthRow,
    *,
    sheet: str | None,
    owner: LockOwner,
    backup_dir: Path,
    template: Callable[[], bytes],
    wait_seconds: float = 0.0,
    before_replace: Callable[[Path], None] | None = None,
) -> SharedSyncResult:
    """Upserts the unit's row; see the module's docstring for the order of things.

    `before_replace` is called with the checked temporary file just before the original is
    compared and replaced (tests change the original there to prove the merge is redone).
    """
    refuse_macro_file(workbook)
    if not workbook.parent.is_dir():
        raise UserError(
            f"Mappen {workbook.parent} finns inte eller går inte att nå. Kontrollera att "
            "nätverksenheten är ansluten."
        )
    refuse_if_open_elsewhere(workbook)
    lock = SyncLock(workbook, owner)
    lock.acquire(wait_seconds)
    try:
        for attempt in range(1, MAX_MERGES + 1):
            original = _read_or_none(workbook)
            package = XlsxPackage.from_bytes(
                template() if original is None else original, workbook.name
            )
            refuse_lossy_content(package)
            outcome = merge_unit_month(package, row, sheet)
            temp = workbook.with_name(f".~enhetschef-{uuid.uuid4().hex[:12]}-{workbook.name}")
            try:
                package.write(temp, outcome.replaced)
                if original is not None:
                    with contextlib.suppress(OSError):
                        shutil.copymode(workbook, temp)
                verify_merge(package, XlsxPackage.read(temp), outcome)
                if before_replace is not None:
                    before_replace(temp)
                refuse_if_open_elsewhere(workbook)
                if _read_or_none(workbook) != original:
                    continue  # changed while we worked: merge again from what is there now
                backup = (
                    None
                    if original is None
                    else _back_up(original, workbook, backup_dir, row.unit_code)
                )
                _replace(temp, workbook)
            finally:
                with contextlib.suppress(OSError):
                    temp.unlink()
            notes = []
            if outcome.duplicate_rows:
                rows = ", ".join(str(n) for n in outcome.duplicate_rows)
                notes.append(
                    f"Bladet har fler rader för {row.unit_code} {row.month} (rad {rows}); "
                    f"bara rad {outcome.row_number} uppdaterades."
                )
            if outcome.skipped_formulas:
                notes.append(
                    "Cellerna " + ", ".join(outcome.skipped_formulas) + " har formler och "
                    "skrevs inte över."
                )
            return SharedSyncResult(
                workbook=workbook,
                sheet=outcome.sheet,
                row_number=outcome.row_number,
                created_workbook=original is None,
                created_row=outcome.created_row,
                added_columns=outcome.added_columns,
                skipped_formulas=outcome.skipped_formulas,
                duplicate_rows=outcome.duplicate_rows,
                vc_comments=outcome.vc_comments,
                backup=backup,
                merges=attempt,
                took_over_from=lock.took_over,
                notes=notes,
            )
        raise BusyError(
            f"Arbetsboken {workbook.name} ändrades hela tiden medan enhetens rad skrevs "
            f"({MAX_MERGES} försök). Den är oförändrad; synken väntar i kön och försöks igen."
        )
    finally:
        lock.release()


def read_vc_comments(workbook: Path, unit_code: str, sheet: str | None) -> dict[str, str]:
    """The VC's comments on the unit's rows, by month; reading needs no lock."""
    from enhetschef_app.excel.shared_merge import read_unit_comments

    data = _read_or_none(workbook)
    if data is None:
        raise UserError(f"Arbetsboken {workbook} finns inte.")
    return read_unit_comments(XlsxPackage.from_bytes(data, workbook.name), unit_code, sheet)

"""Writing one unit's month into the VC's shared workbook without ever losing anyone's data.

The order of a write:

1. refuse at once when Excel or LibreOffice has the workbook open, or it is not an .xlsx;
2. take the sync lock beside the workbook (another Enhetschef syncing waits its turn);
3. read the file (or make it from the template when it does not exist), refuse content that
   could be lost, merge the unit's row in memory;
4. write the result to a temporary file in the same folder, read it back and check it part by
   part and row by row against what was meant;
5. keep the previous version as a local backup;
6. look at the workbook once more right before the replace: if it changed since it was read
   (the VC saved it meanwhile), throw the result away and merge again from the new file, never
   writing over someone else's change; else move the checked file into place in one atomic
   rename.

A read-only workbook or folder is refused before anything is written, and the temporary copies
a killed sync left behind (ours only, by name and age) are removed under the lock.

A busy workbook (open elsewhere, or the lock held) raises a `BusyError`: nothing was written,
and the caller puts the sync in its queue.
"""

from __future__ import annotations

import contextlib
import glob
import os
import re
import shutil
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from enhetschef_app.domain.errors import BusyError, UserError
from enhetschef_app.domain.file_names import safe_file_name
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
TEMP_PREFIX = ".~enhetschef-"
# Our own temporary copies, and only those: `.~enhetschef-<12 hex>-<workbook name>`.
_TEMP_NAME = re.compile(r"\.~enhetschef-[0-9a-f]{12}-.+\.xlsx", re.IGNORECASE)
LEFTOVER_AFTER_SECONDS = 10 * 60  # as the sync lock: no sync of ours takes that long


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
    target = backup_dir / safe_file_name(workbook.stem, stamp, unit, suffix=workbook.suffix)
    target.write_bytes(data)
    ours = sorted(
        backup_dir.glob(f"{glob.escape(safe_file_name(workbook.stem))}-*{workbook.suffix}")
    )
    for old in ours[:-KEEP_BACKUPS]:
        with contextlib.suppress(OSError):
            old.unlink()
    return target


def _temp_path(workbook: Path) -> Path:
    return workbook.with_name(f"{TEMP_PREFIX}{uuid.uuid4().hex[:12]}-{workbook.name}")


def remove_leftover_copies(folder: Path, older_than: float = LEFTOVER_AFTER_SECONDS) -> list[Path]:
    """Deletes the temporary copies a killed sync left in the shared folder: they hold a copy
    of the VC's workbook, names of staff included. Only files named as ours and older than any
    sync runs are touched, so a sync under way elsewhere keeps its copy."""
    removed: list[Path] = []
    now = time.time()
    try:
        candidates = [p for p in folder.iterdir() if _TEMP_NAME.fullmatch(p.name)]
    except OSError:
        return removed
    for candidate in candidates:
        with contextlib.suppress(OSError):
            if not candidate.is_file() or now - candidate.stat().st_mtime < older_than:
                continue
            candidate.unlink()
            removed.append(candidate)
    return removed


def refuse_read_only(workbook: Path) -> None:
    """A workbook marked read-only, or a folder we may not write in, is refused before
    anything is written (a rename would otherwise replace even a read-only file)."""
    folder = workbook.parent
    if workbook.exists() and not os.access(workbook, os.W_OK):
        raise UserError(
            f"Arbetsboken {workbook} är skrivskyddad, så enhetens rad skrevs inte. Ta bort "
            "skrivskyddet (eller be verksamhetschefen göra det) och synka igen."
        )
    if not os.access(folder, os.W_OK | os.X_OK):
        raise UserError(
            f"Du får inte skriva i mappen {folder}, så enhetens rad skrevs inte i "
            f"{workbook.name}. Be IT om skrivbehörighet till mappen och synka igen."
        )


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
    if workbook.is_dir():
        raise UserError(
            f"{workbook} är en mapp. Ange arbetsbokens fil, t.ex. {workbook / 'Uppfoljning.xlsx'}."
        )
    if not workbook.parent.is_dir():
        raise UserError(
            f"Mappen {workbook.parent} finns inte eller går inte att nå. Kontrollera att "
            "nätverksenheten är ansluten."
        )
    refuse_read_only(workbook)
    refuse_if_open_elsewhere(workbook)
    lock = SyncLock(workbook, owner)
    lock.acquire(wait_seconds)
    try:
        remove_leftover_copies(workbook.parent)
        for attempt in range(1, MAX_MERGES + 1):
            original = _read_or_none(workbook)
            package = XlsxPackage.from_bytes(
                template() if original is None else original, workbook.name
            )
            refuse_lossy_content(package)
            outcome = merge_unit_month(package, row, sheet)
            temp = _temp_path(workbook)
            try:
                package.write(temp, outcome.replaced)
                if original is not None:
                    with contextlib.suppress(OSError):
                        shutil.copymode(workbook, temp)
                verify_merge(package, XlsxPackage.read(temp), outcome)
                # The backup comes first, so that nothing slow stands between the last look
                # at the workbook and the replace.
                backup = (
                    None
                    if original is None
                    else _back_up(original, workbook, backup_dir, row.unit_code)
                )
                if before_replace is not None:
                    before_replace(temp)
                refuse_if_open_elsewhere(workbook)
                if _read_or_none(workbook) != original:
                    if backup is not None:
                        with contextlib.suppress(OSError):
                            backup.unlink()
                    continue  # changed while we worked: merge again from what is there now
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

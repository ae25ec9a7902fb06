"""A read-only look at a database file before anything opens it: is it SQLite, is it whole, is
it ours, and which schema revision does it carry. Only the standard library is used, so the
window can refuse a file before it loads SQLAlchemy or Alembic."""

from __future__ import annotations

import re
import sqlite3
import stat
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from enhetschef_app.paths import migrations_dir
from enhetschef_app.storage.errors import CorruptDatabaseError, ForeignDatabaseError

SQLITE_HEADER = b"SQLite format 3\x00"

_REVISION = re.compile(r"^revision\s*=\s*['\"]([^'\"]+)['\"]", re.MULTILINE)
_DOWN = re.compile(r"^down_revision\s*=\s*(?:['\"]([^'\"]+)['\"]|None)", re.MULTILINE)


@dataclass(frozen=True)
class FileState:
    exists: bool
    revision: str | None  # Alembic revision, None for a new or empty file
    has_tables: bool


@lru_cache(maxsize=1)
def known_revisions() -> tuple[str, ...]:
    """Every revision this program ships, oldest first, read from the migration scripts'
    `revision`/`down_revision` lines (a test checks this against Alembic's own reading)."""
    parents: dict[str, str | None] = {}
    for script in sorted((migrations_dir() / "versions").glob("*.py")):
        text = script.read_text(encoding="utf-8")
        revision = _REVISION.search(text)
        down = _DOWN.search(text)
        if revision is None or down is None:
            continue
        parents[revision.group(1)] = down.group(1)
    children = {parent: child for child, parent in parents.items()}
    order: list[str] = []
    current = children.get(None)
    while current is not None:
        order.append(current)
        current = children.get(current)
    if len(order) != len(parents):
        raise RuntimeError("the migration scripts do not form one chain")
    return tuple(order)


def head_revision() -> str:
    return known_revisions()[-1]


def inspect_file(path: Path, *, thorough: bool = True) -> FileState:
    """Looks at the file read-only; raises DatabaseRefused for anything not ours to open.

    `thorough` adds SQLite's quick_check, which reads every page: the window's first look
    leaves it out so that it can appear at once; the open that follows (in a worker) does it.
    """
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return FileState(exists=False, revision=None, has_tables=False)
    except OSError as exc:
        raise CorruptDatabaseError(path, f"filen går inte att nå ({exc.strerror})") from exc
    if stat.S_ISDIR(mode):
        raise CorruptDatabaseError(path, "det är en mapp, inte en fil")
    if not stat.S_ISREG(mode):
        # Opening a named pipe to read its header would wait for a writer forever.
        raise CorruptDatabaseError(path, f"det är {_special_kind(mode)}, inte en vanlig fil")
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if not header:
        # Only a path that does not exist becomes a new database: an empty file is someone
        # else's (a placeholder, a failed copy) and is left as it is.
        raise CorruptDatabaseError(path, "filen är tom och är ingen Enhetschef-databas")
    if header != SQLITE_HEADER:
        raise CorruptDatabaseError(path, "det är inte en SQLite-databas")
    # With no write-ahead log beside it the file is all there is, and `immutable` reads it
    # without creating -wal/-shm files: a refused file is left exactly as it was found.
    wal = path.with_name(path.name + "-wal")
    immutable = "" if wal.exists() and wal.stat().st_size > 0 else "&immutable=1"
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro{immutable}", uri=True)
    except sqlite3.Error as exc:
        raise CorruptDatabaseError(path, f"filen kan inte läsas ({exc})") from exc
    try:
        if thorough:
            check = conn.execute("PRAGMA quick_check").fetchone()
            if not check or check[0] != "ok":
                raise CorruptDatabaseError(path, "databasen är skadad")
        tables = {
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
        revision = None
        if "alembic_version" in tables:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
    except sqlite3.DatabaseError as exc:
        raise CorruptDatabaseError(path, "databasen är skadad") from exc
    finally:
        conn.close()
    if tables and revision is None:
        raise ForeignDatabaseError(path)
    return FileState(exists=True, revision=revision, has_tables=bool(tables))


def _special_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "en namngiven pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "en enhetsfil"
    if stat.S_ISSOCK(mode):
        return "en socket"
    return "en särskild fil"


def refusal(path: Path, unit_code: str | None = None) -> None:
    """Raises the reason this file cannot be opened, if there is one: newer, damaged, foreign,
    or without the unit asked for."""
    from enhetschef_app.domain.errors import NotFoundError
    from enhetschef_app.storage.errors import NewerDatabaseError

    state = inspect_file(path, thorough=False)
    if state.revision is not None and state.revision not in known_revisions():
        raise NewerDatabaseError(path, state.revision)
    if unit_code is not None and state.has_tables and not _has_unit(path, unit_code):
        raise NotFoundError(f"Enheten {unit_code} finns inte i databasen {path}.")


def _has_unit(path: Path, code: str) -> bool:
    wal = path.with_name(path.name + "-wal")
    immutable = "" if wal.exists() and wal.stat().st_size > 0 else "&immutable=1"
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro{immutable}", uri=True)
    try:
        return conn.execute("SELECT 1 FROM units WHERE code = ?", (code,)).fetchone() is not None
    finally:
        conn.close()

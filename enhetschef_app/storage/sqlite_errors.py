"""SQLite's run-time errors as errors a person can act on (qutebrowser's `raise_sqlite_error`
is the model): a busy database, one that cannot be written, a full disk, a file or drive that
went away, and a file that turns out damaged each get their own message. Any other SQLite error
is a bug in the program and is left as it is, to be logged with its traceback."""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

from enhetschef_app.domain.errors import UserError
from enhetschef_app.storage.errors import (
    DatabaseBusyError,
    DatabaseDamagedError,
    DatabaseReadOnlyError,
    DatabaseUnreachableError,
    DiskFullError,
)
from enhetschef_app.storage.location import ServerAddress

# Primary result codes (https://sqlite.org/rescode.html); extended codes keep them in the low byte.
SQLITE_PERM = 3
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26
SQLITE_READONLY_DBMOVED = SQLITE_READONLY | (4 << 8)

_UNREACHABLE_ERRNOS = {errno.ENOENT, errno.EIO, errno.ENXIO, errno.ENODEV, errno.ESTALE}
_READ_ONLY_ERRNOS = {errno.EACCES, errno.EPERM, errno.EROFS}


def _causes(exc: BaseException) -> list[BaseException]:
    """The error, SQLAlchemy's wrapped DB-API error (`orig`), and what caused them."""
    found: list[BaseException] = []
    pending: list[BaseException | None] = [exc]
    while pending:
        current = pending.pop(0)
        if current is None or any(current is seen for seen in found) or len(found) > 10:
            continue
        found.append(current)
        orig = getattr(current, "orig", None)
        wrapped = orig if isinstance(orig, BaseException) else None
        pending.extend([wrapped, current.__cause__, current.__context__])
    return found


def _folder_refuses_writes(path: Path | None) -> bool:
    return path is not None and path.parent.is_dir() and not os.access(path.parent, os.W_OK)


def _from_sqlite(error: sqlite3.Error, path: Path | None) -> UserError | None:
    code = getattr(error, "sqlite_errorcode", None)
    if not isinstance(code, int):
        return None
    primary = code & 0xFF
    if primary in (SQLITE_BUSY, SQLITE_LOCKED):
        return DatabaseBusyError(path)
    if code == SQLITE_READONLY_DBMOVED:  # the file was moved or deleted while open
        return DatabaseUnreachableError(path)
    if primary in (SQLITE_READONLY, SQLITE_PERM):
        return DatabaseReadOnlyError(path)
    if primary == SQLITE_FULL:
        return DiskFullError(path)
    if primary == SQLITE_IOERR:
        return DatabaseUnreachableError(path)
    if primary == SQLITE_CANTOPEN:
        # In a folder without write permission the write-ahead log cannot be made.
        if _folder_refuses_writes(path):
            return DatabaseReadOnlyError(path)
        return DatabaseUnreachableError(path)
    if primary in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return DatabaseDamagedError(path)
    return None


def _from_os(error: OSError, path: Path | None) -> UserError | None:
    if error.errno == errno.ENOSPC:
        return DiskFullError(path)
    if error.errno in _READ_ONLY_ERRNOS:
        return DatabaseReadOnlyError(path)
    if error.errno in _UNREACHABLE_ERRNOS:
        return DatabaseUnreachableError(path)
    return None


def known_database_error(
    exc: BaseException, path: Path | ServerAddress | None = None
) -> UserError | None:
    """The UserError that explains a run-time database error, or None when it is a bug.

    An OSError counts only where the caller knows it came from the database file itself."""
    for cause in _causes(exc):
        if isinstance(cause, UserError):
            return cause
        if isinstance(cause, sqlite3.Error):
            return _from_sqlite(cause, path if isinstance(path, Path) else None)
        if isinstance(path, ServerAddress):
            from enhetschef_app.storage.server_errors import from_server

            known = from_server(cause, path)
            if known is not None:
                return known
    return None


def known_file_error(exc: OSError, path: Path | None) -> UserError | None:
    """An OSError met while handling the database file (its folder, its backups)."""
    return _from_os(exc, path)

"""Opening the database file: checks first (touching nothing), then backup, migrate, connect."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from enhetschef_app.paths import backup_dir_for, migrations_dir
from enhetschef_app.storage.errors import CorruptDatabaseError, NewerDatabaseError
from enhetschef_app.storage.file_check import (
    FileState,
    head_revision,
    inspect_file,
    known_revisions,
)

__all__ = [
    "Database",
    "FileState",
    "backup_database",
    "head_revision",
    "inspect_file",
    "known_revisions",
    "make_engine",
    "migrate_file",
    "open_database",
]

BUSY_TIMEOUT_MS = 5000
BACKUPS_KEPT = 5


@dataclass
class Database:
    path: Path
    engine: Engine
    sessions: sessionmaker[Session]
    revision: str
    backup: Path | None = None  # the copy taken before this open's upgrade, if any

    def session(self) -> Session:
        return self.sessions()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: commits when the block ends, rolls back on any error."""
        with self.sessions.begin() as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()


def _set_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def make_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    event.listen(engine, "connect", _set_pragmas)
    return engine


def _alembic_config(connection: Any | None = None) -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def migrate_file(path: Path, revision: str, *, down: bool = False) -> None:
    """Moves the file to `revision` ("head" for the newest), without a backup or the checks of
    `open_database`: for making databases of earlier versions in tests, and for support."""
    from alembic import command

    engine = make_engine(path)
    try:
        with engine.begin() as connection:
            step = command.downgrade if down else command.upgrade
            step(_alembic_config(connection), revision)
    finally:
        engine.dispose()


# The database holds personal data: its files are the user's own (on Windows the data folder
# is in the user's profile, whose permissions already keep others out).
PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700


def create_private_file(path: Path) -> None:
    """Creates `path` empty and readable by its owner only, before SQLite writes to it (SQLite
    would make it as the umask allows, usually readable by everyone; its -wal and -shm files
    take the database file's permissions)."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    os.close(descriptor)
    if os.name == "posix":
        path.chmod(PRIVATE_FILE)  # whatever the umask


def backup_database(path: Path, reason: str, keep: int = BACKUPS_KEPT) -> Path:
    """A consistent copy by SQLite's online backup API, safe while the file is in use."""
    folder = backup_dir_for(path)
    folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = folder / f"{path.stem}-{stamp}-{reason}{path.suffix or '.sqlite3'}"
    create_private_file(target)
    source = sqlite3.connect(path)
    try:
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    _rotate(folder, path.stem, keep)
    return target


def _rotate(folder: Path, stem: str, keep: int) -> None:
    copies = sorted(folder.glob(f"{stem}-*"), key=lambda p: p.name)
    for old in copies[: max(0, len(copies) - keep)]:
        old.unlink()


def open_database(path: Path, *, create: bool = True) -> Database:
    """Opens (and if needed creates or upgrades) the database at `path`.

    Refuses, without writing a byte, a file that is not SQLite, is damaged, is someone else's
    database, or was made by a newer version of the program.
    """
    path = path.expanduser().resolve()
    state = inspect_file(path)
    revisions = known_revisions()
    if state.revision is not None and state.revision not in revisions:
        raise NewerDatabaseError(path, state.revision)
    if not state.exists:
        if not create:
            raise CorruptDatabaseError(path, "filen finns inte")
        path.parent.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER)
        create_private_file(path)

    backup: Path | None = None
    head = revisions[-1]
    if state.revision is not None and state.revision != head:
        backup = backup_database(path, f"fore-{head}")

    engine = make_engine(path)
    if state.revision != head:
        from alembic import command

        with engine.begin() as connection:
            command.upgrade(_alembic_config(connection), "head")
    return Database(
        path=path,
        engine=engine,
        sessions=sessionmaker(engine, expire_on_commit=False),
        revision=head,
        backup=backup,
    )

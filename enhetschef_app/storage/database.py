"""Opening the database: a file is checked first (touching nothing), then backed up, migrated
and connected; a database on a PostgreSQL server is connected, checked and migrated in one
transaction (its backups are the server's)."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from enhetschef_app.domain.errors import UserError
from enhetschef_app.paths import backup_dir_for, migrations_dir
from enhetschef_app.storage.areas import note_write, watch_writes
from enhetschef_app.storage.errors import (
    CorruptDatabaseError,
    DatabaseReadOnlyError,
    EmptyServerDatabaseError,
    ForeignDatabaseError,
    NewerDatabaseError,
)
from enhetschef_app.storage.file_check import (
    FileState,
    head_revision,
    inspect_file,
    known_revisions,
)
from enhetschef_app.storage.location import DatabaseLocation, ServerAddress, parse_location
from enhetschef_app.storage.versions import conflict_of, pending_versioned

__all__ = [
    "Database",
    "DatabaseLocation",
    "FileState",
    "ServerAddress",
    "backup_database",
    "head_revision",
    "inspect_file",
    "known_revisions",
    "make_engine",
    "migrate_file",
    "open_database",
    "parse_location",
]

BUSY_TIMEOUT_MS = 5000
BACKUPS_KEPT = 5


# Two programs opening the same server database at once: the second waits for the first's
# migration instead of running it again (any fixed number; this one spells "ENHETSCH").
MIGRATION_LOCK = 0x454E48455453_4348


@dataclass
class Database:
    location: DatabaseLocation
    engine: Engine
    sessions: sessionmaker[Session]
    revision: str
    backup: Path | None = None  # the copy taken before this open's upgrade, if any
    read_only: bool = False  # opened read-only: the file or its folder may not be written

    @property
    def path(self) -> Path:
        """The database file, for what only a file has (backups beside it, its folder)."""
        if isinstance(self.location, ServerAddress):
            raise UserError(
                f"Databasen ligger på en server ({self.location}), inte i en fil: det här gäller "
                "bara en databasfil. Säkerhetskopior av serverns databas sköts av IT."
            )
        return self.location

    @property
    def on_server(self) -> bool:
        return isinstance(self.location, ServerAddress)

    def session(self) -> Session:
        return self.sessions()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: commits when the block ends, rolls back on any error. The
        database's run-time errors that a person can act on come out as the matching
        UserError; an UPDATE of a record someone else changed since it was read (its version
        moved on) as the refusal that names who and when (`ChangedByOtherError`)."""
        with translated_errors(self.location), self.sessions.begin() as session:
            try:
                yield session
            except StaleDataError as exc:
                raise conflict_of(self.sessions, pending_versioned(session)) from exc

    def close(self) -> None:
        self.engine.dispose()


def _set_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _set_read_only_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.close()


def make_engine(path: Path, *, read_only: bool = False) -> Engine:
    if not read_only:
        engine = create_engine(
            f"sqlite:///{path}", connect_args={"timeout": BUSY_TIMEOUT_MS / 1000}
        )
        event.listen(engine, "connect", _set_pragmas)
        watch_writes(engine, note_write)
        return engine
    uri = read_only_uri(path)
    engine = create_engine(
        "sqlite://",
        creator=lambda: sqlite3.connect(
            uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False
        ),
    )
    event.listen(engine, "connect", _set_read_only_pragmas)
    return engine


def read_only_uri(path: Path) -> str:
    """`mode=ro`, and `immutable` when no write-ahead log holds data: WAL needs its `-shm`
    file, which a read-only folder does not let SQLite create."""
    wal = path.with_name(path.name + "-wal")
    immutable = "" if wal.exists() and wal.stat().st_size > 0 else "&immutable=1"
    return f"{path.as_uri()}?mode=ro{immutable}"


def may_write(path: Path) -> bool:
    """Whether this user may change the file and make the journal files beside it."""
    folder_ok = os.access(path.parent, os.W_OK | os.X_OK)
    return folder_ok and (not path.exists() or os.access(path, os.W_OK))


def make_server_engine(address: ServerAddress, password: str | None = None) -> Engine:
    """An engine for a server database. The address holds no password: it is libpq's business
    (PGPASSFILE, ~/.pgpass, GSSAPI), or, in the window, typed or taken from the operating
    system's keyring and handed to the driver here, never written anywhere."""
    secret = {} if password is None else {"password": password}
    try:
        engine = create_engine(
            address.url,
            pool_pre_ping=True,  # a server restarted overnight: reconnect, do not fail once
            connect_args={
                "application_name": "enhetschef",
                # As SQLite's busy timeout: a row someone else holds longer is "busy, try
                # again" (exit 3), not a program that hangs.
                "options": f"-c lock_timeout={BUSY_TIMEOUT_MS}",
                **secret,
            },
        )
    except ModuleNotFoundError as exc:
        from enhetschef_app.storage.errors import ServerDriverMissingError

        raise ServerDriverMissingError() from exc
    watch_writes(engine, note_write)
    return engine


@contextlib.contextmanager
def translated_errors(location: DatabaseLocation, *, file_errors: bool = False) -> Iterator[None]:
    """The database's errors (and with `file_errors`, the file system's, where only the
    database file and its folder are touched) as the UserError a person can act on; anything
    else (a bug) passes unchanged."""
    from enhetschef_app.storage.sqlite_errors import known_database_error, known_file_error

    try:
        yield
    except (DBAPIError, sqlite3.Error) as exc:
        known = known_database_error(exc, location)
        if known is None:
            raise
        raise known from exc
    except OSError as exc:
        path = location if isinstance(location, Path) else None
        known = known_file_error(exc, path) if file_errors and path is not None else None
        if known is None:
            raise
        raise known from exc


def _alembic_config(connection: Any | None = None) -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def migrate_file(location: DatabaseLocation, revision: str, *, down: bool = False) -> None:
    """Moves the database to `revision` ("head" for the newest), without a backup or the
    checks of `open_database`: for making databases of earlier versions in tests, and for
    support."""
    from alembic import command

    engine = (
        make_server_engine(location)
        if isinstance(location, ServerAddress)
        else make_engine(location)
    )
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


def open_database(
    location: DatabaseLocation | str, *, create: bool = True, password: str | None = None
) -> Database:
    """Opens (and if needed creates or upgrades) the database at `location`.

    Refuses, without writing a byte, a file that is not SQLite, is damaged, is someone else's
    database, or was made by a newer version of the program; and a server database that holds
    other tables or a newer schema.
    """
    if isinstance(location, str):
        location = parse_location(location)
    if isinstance(location, ServerAddress):
        return open_server_database(location, create=create, password=password)
    path = location.expanduser().resolve()
    with translated_errors(path, file_errors=True):
        state = inspect_file(path)
        revisions = known_revisions()
        if state.revision is not None and state.revision not in revisions:
            raise NewerDatabaseError(path, state.revision)
        head = revisions[-1]
        if state.exists and state.revision == head and not may_write(path):
            # A read-only file or folder: reading works, a write says why it cannot.
            engine = make_engine(path, read_only=True)
            return Database(
                location=path,
                engine=engine,
                sessions=sessionmaker(engine, expire_on_commit=False),
                revision=head,
                read_only=True,
            )
        if not state.exists:
            if not create:
                raise CorruptDatabaseError(path, "filen finns inte")
            path.parent.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER)
        if not may_write(path):
            raise DatabaseReadOnlyError(path)
        if not state.exists:
            create_private_file(path)

        backup: Path | None = None
        if state.revision is not None and state.revision != head:
            backup = backup_database(path, f"fore-{head}")

        engine = make_engine(path)
        try:
            if state.revision != head:
                from alembic import command

                with engine.begin() as connection:
                    command.upgrade(_alembic_config(connection), "head")
        except BaseException:
            engine.dispose()
            raise
        return Database(
            location=path,
            engine=engine,
            sessions=sessionmaker(engine, expire_on_commit=False),
            revision=head,
            backup=backup,
        )


def open_server_database(
    address: ServerAddress, *, create: bool = True, password: str | None = None
) -> Database:
    """Connects to the server database and brings it to the newest schema. PostgreSQL runs
    the whole migration in the one transaction: a failure leaves the database as it was."""
    head = head_revision()
    engine = make_server_engine(address, password)
    try:
        with translated_errors(address), engine.begin() as connection:
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
            revision, has_tables = server_state(connection)
            if revision is not None and revision not in known_revisions():
                raise NewerDatabaseError(address, revision)
            if revision is None and has_tables:
                raise ForeignDatabaseError(address)
            if revision is None and not create:
                raise EmptyServerDatabaseError(address)
            if revision != head:
                from alembic import command

                command.upgrade(_alembic_config(connection), "head")
    except BaseException:
        engine.dispose()
        raise
    return Database(
        location=address,
        engine=engine,
        sessions=sessionmaker(engine, expire_on_commit=False),
        revision=head,
    )


def server_state(connection: Connection) -> tuple[str | None, bool]:
    """The schema revision the server database carries, and whether it has any tables in the
    schema the program works in."""
    tables = connection.execute(
        text("SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema()")
    ).scalar_one()
    has_version = connection.execute(text("SELECT to_regclass('alembic_version')")).scalar()
    revision = None
    if has_version is not None:
        revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    return revision, bool(tables)

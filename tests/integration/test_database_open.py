"""Opening database files: new, empty, at an older revision with data, newer, corrupt, foreign."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from enhetschef_app.storage.database import (
    backup_database,
    head_revision,
    known_revisions,
    migrate_file,
    open_database,
)
from enhetschef_app.storage.errors import (
    CorruptDatabaseError,
    ForeignDatabaseError,
    NewerDatabaseError,
)


def fingerprint(folder: Path) -> dict[str, str]:
    """Every file in the folder with a hash of its bytes: 'untouched' means this is equal."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_new_file_is_created_at_the_newest_revision_with_pragmas(db_path: Path) -> None:
    database = open_database(db_path)
    try:
        assert db_path.exists()
        assert database.revision == head_revision()
        with database.engine.connect() as conn:
            assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert conn.execute(text("PRAGMA busy_timeout")).scalar() == 5000
            version = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        assert version == head_revision()
        assert database.backup is None  # nothing to back up in a new file
    finally:
        database.close()


def test_an_empty_existing_file_is_refused_and_left_empty(db_path: Path) -> None:
    db_path.touch()
    with pytest.raises(CorruptDatabaseError, match="filen är tom"):
        open_database(db_path)
    assert db_path.stat().st_size == 0
    assert sorted(p.name for p in db_path.parent.iterdir()) == [db_path.name]


def test_a_named_pipe_is_refused_as_a_pipe_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "rör.sqlite3"
    os.mkfifo(fifo)
    with pytest.raises(CorruptDatabaseError, match="namngiven pipe") as refused:
        open_database(fifo)
    assert "mapp" not in refused.value.message


def test_a_device_is_refused_as_a_device() -> None:
    with pytest.raises(CorruptDatabaseError, match="enhetsfil") as refused:
        open_database(Path("/dev/null"))
    assert "mapp" not in refused.value.message


def _fill_0001(path: Path) -> None:
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(
            "INSERT INTO units (id, code, name, created_at) VALUES (1, 'HT-NORR', 'Norr', "
            "'2026-01-01 08:00:00')"
        )
        conn.execute(
            "INSERT INTO employees (id, unit_id, employee_no, name, employment_form, "
            "grade_percent, fulltime_week_minutes, monthly_salary, start_date, created_at, "
            "updated_at) VALUES (1, 1, '1001', 'Anna Ålund', 'tillsvidare', '87.5', 2295, "
            "31500, '2019-08-15', '2026-01-01 08:00:00', '2026-01-01 08:00:00')"
        )
        conn.execute(
            "INSERT INTO schedule_rows (unit_id, work_date, start_time, end_time, break_minutes,"
            " shift_code, employee_id, source) VALUES (1, '2026-11-16', '21:00:00.000000', "
            "'07:00:00.000000', 0, 'N', 1, 'import')"
        )
        conn.execute(
            "INSERT INTO absences (employee_id, kind, start_date, end_date, extent_percent, "
            "created_at) VALUES (1, 'sjuk', '2026-11-02', NULL, 100, '2026-11-02 07:00:00')"
        )
    conn.close()


@pytest.mark.parametrize("revision", known_revisions())
def test_a_database_of_every_revision_with_data_opens_at_head(
    tmp_path: Path, revision: str
) -> None:
    from enhetschef_app.storage.models import Absence, Employee, ScheduleRow

    path = tmp_path / f"made-by-{revision}.sqlite3"
    migrate_file(path, revision)  # made by the version whose newest migration this was
    _fill_0001(path)
    database = open_database(path)
    try:
        assert database.revision == head_revision()
        with database.transaction() as session:
            anna = session.get(Employee, 1)
            assert anna is not None
            assert anna.name == "Anna Ålund"
            assert str(anna.grade_percent) == "87.5"
            row = session.query(ScheduleRow).one()
            assert (row.start_time.hour, row.end_time.hour, row.employee_id) == (21, 7, 1)
            absence = session.query(Absence).one()
            assert absence.end_date is None
        if revision != head_revision():
            assert database.backup is not None and database.backup.exists()
            copy = sqlite3.connect(database.backup)
            assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == (revision,)
            copy.close()
        else:
            assert database.backup is None
    finally:
        database.close()


def test_a_newer_database_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "newer.sqlite3"
    open_database(path).close()
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()
    before = fingerprint(tmp_path)

    with pytest.raises(NewerDatabaseError) as refused:
        open_database(path)

    assert "nyare version" in refused.value.message
    assert "inte ändrats" in refused.value.message
    assert fingerprint(tmp_path) == before


@pytest.mark.parametrize(
    "content",
    [
        os.urandom(4096),
        b"Anst\xe4llningsnr;Namn\n1001;Anna\n",
        b"SQLite format 3\x00" + b"\xff" * 4080,
    ],
    ids=["random-bytes", "a-csv-file", "sqlite-header-garbage-body"],
)
def test_a_corrupt_file_is_refused_and_left_untouched(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "broken.sqlite3"
    path.write_bytes(content)
    before = fingerprint(tmp_path)

    with pytest.raises(CorruptDatabaseError) as refused:
        open_database(path)

    assert "inte ändrats" in refused.value.message
    assert fingerprint(tmp_path) == before


def test_someone_elses_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)")
    conn.commit()
    conn.close()
    before = fingerprint(tmp_path)

    with pytest.raises(ForeignDatabaseError):
        open_database(path)
    assert fingerprint(tmp_path) == before


def test_backups_are_consistent_copies_and_rotated(db_path: Path) -> None:
    open_database(db_path).close()
    made = [backup_database(db_path, "manuell", keep=3) for _ in range(5)]
    kept = sorted((db_path.parent / "backups").iterdir())
    assert kept == sorted(made[-3:])
    conn = sqlite3.connect(kept[-1])
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (head_revision(),)
    conn.close()


def test_the_audit_log_cannot_be_rewritten(db_path: Path) -> None:
    from enhetschef_app.storage import audit

    database = open_database(db_path)
    try:
        with database.transaction() as session:
            audit.record(session, actor="ec", action="test", entity="enhet", after={"a": 1})
        for statement in ("UPDATE audit_log SET actor = 'någon annan'", "DELETE FROM audit_log"):
            with pytest.raises(IntegrityError), database.transaction() as session:
                session.execute(text(statement))
        with database.transaction() as session:
            assert session.execute(text("SELECT actor FROM audit_log")).scalars().all() == ["ec"]
    finally:
        database.close()


def test_foreign_keys_are_enforced(db_path: Path) -> None:
    database = open_database(db_path)
    try:
        with pytest.raises(IntegrityError), database.transaction() as session:
            session.execute(
                text(
                    "INSERT INTO employees (unit_id, employee_no, name, employment_form, "
                    "created_at, updated_at) VALUES (999, '1', 'X', 'visstid', "
                    "'2026-01-01', '2026-01-01')"
                )
            )
    finally:
        database.close()


def test_the_revisions_read_from_the_scripts_are_alembics_own() -> None:
    from alembic.script import ScriptDirectory

    from enhetschef_app.storage.database import _alembic_config

    scripts = ScriptDirectory.from_config(_alembic_config())
    alembic_order = [s.revision for s in reversed(list(scripts.walk_revisions()))]
    assert list(known_revisions()) == alembic_order
    assert head_revision() == scripts.get_current_head()


def test_refusing_a_file_needs_neither_sqlalchemy_nor_alembic(tmp_path: Path) -> None:
    import subprocess
    import sys

    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"x" * 64)
    probe = (
        "import sys; from pathlib import Path\n"
        "from enhetschef_app.storage.file_check import refusal\n"
        "try:\n    refusal(Path(sys.argv[1]))\n"
        "except Exception as e:\n    print(type(e).__name__)\n"
        "print('sqlalchemy' in sys.modules, 'alembic' in sys.modules)\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", probe, str(broken)], capture_output=True, text=True, check=True
    )
    assert run.stdout.split() == ["CorruptDatabaseError", "False", "False"]


def test_the_models_and_the_migrations_describe_the_same_schema(db_url: str) -> None:
    """Every area's models against the database its migrations build, on SQLite and on
    PostgreSQL: no table, column, index or constraint differs (one check for all areas, not
    one per area)."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from enhetschef_app.storage.model_registry import metadata

    database = open_database(db_url)
    try:
        with database.engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            differences = compare_metadata(context, metadata)
    finally:
        database.close()
    assert differences == []

"""Run-time database errors as a person meets them: a database busy in another program, a
read-only file or folder (reading still works), a full disk, a file or drive that went away, a
file that turns out damaged while in use; and anything else as a bug, with one line naming the
log file. Run as root, where `chmod` does not stop writes, the read-only cases run the command
line without CAP_DAC_OVERRIDE."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event
from unprivileged import reachable_folder, run_unprivileged

from enhetschef_app.cli import main
from enhetschef_app.domain.errors import EXIT_BUSY, EXIT_USER_ERROR
from enhetschef_app.domain.year_month import YearMonth
from enhetschef_app.services.core.workspace import ensure_unit, open_workspace
from enhetschef_app.services.month.report import month_report_view, save_comment
from enhetschef_app.storage.errors import (
    DatabaseDamagedError,
    DatabaseUnreachableError,
)

NOVEMBER = YearMonth(2026, 11)
READ_ONLY_TEXT = "är skrivskyddad eller ligger i en mapp där du inte får skriva"


def _database(path: Path) -> Path:
    workspace = open_workspace(path)
    ensure_unit(workspace, "HT-TEST", "Hemtjänst Test")
    workspace.close()
    return path


def _comment(db: Path, text: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["--db", str(db), "month-comment", "--month", "2026-11", "--text", text])
    return code, capsys.readouterr().err


def _stored_comment(db: Path) -> str | None:
    workspace = open_workspace(db)
    try:
        return month_report_view(workspace, NOVEMBER).comment
    finally:
        workspace.close()


def test_a_write_lock_held_past_the_busy_timeout_is_busy_exit_3(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _database(db_path)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys, time\n"
            "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
            "c.execute('BEGIN IMMEDIATE')\n"
            "print('held', flush=True)\n"
            "time.sleep(30)\n",
            str(db_path),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        started = time.monotonic()
        code, err = _comment(db_path, "under låset", capsys)
        waited = time.monotonic() - started
    finally:
        holder.kill()
        holder.wait()
    assert code == EXIT_BUSY
    assert "Databasen används av ett annat program just nu" in err
    assert "Traceback" not in err
    assert waited >= 4.5  # the busy timeout was waited out first
    assert not _stored_comment(db_path)


def test_a_full_disk_has_its_own_message_and_leaves_the_database_whole(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _database(db_path)
    pages = sqlite3.connect(db_path).execute("PRAGMA page_count").fetchone()[0]

    def full_disk(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count={pages}")

    event.listen(Engine, "connect", full_disk)
    try:
        code, err = _comment(db_path, "å" * 3900, capsys)  # overflow pages: the file must grow
    finally:
        event.remove(Engine, "connect", full_disk)
    assert code == EXIT_USER_ERROR
    assert "Disken där databasen" in err and "är full" in err
    assert "Traceback" not in err
    assert not _stored_comment(db_path)
    ok = sqlite3.connect(db_path).execute("PRAGMA integrity_check").fetchone()[0]
    assert ok == "ok"


def test_a_database_whose_folder_vanishes_while_open_says_it_cannot_be_reached(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "natverksenhet"
    folder.mkdir()
    db = _database(folder / "enhet.sqlite3")
    workspace = open_workspace(db, "HT-TEST")
    try:
        month_report_view(workspace, NOVEMBER)  # in use
        shutil.rmtree(folder)
        # Open handles on Linux keep an unlinked file alive; the next connection, as after a
        # network drive's reconnect, is where the loss shows.
        workspace.database.engine.dispose()
        with pytest.raises(DatabaseUnreachableError, match="går inte att nå längre"):
            save_comment(workspace, NOVEMBER, "efter bortkopplingen")
    finally:
        workspace.close()


def _damage_all_pages_but_the_first(path: Path) -> None:
    size = path.stat().st_size
    with path.open("r+b") as handle:
        handle.seek(4096)
        handle.write(b"\xa5" * (size - 4096))


def test_a_database_that_turns_out_damaged_during_use_has_its_own_message(
    db_path: Path,
) -> None:
    _database(db_path)
    workspace = open_workspace(db_path, "HT-TEST")
    try:
        workspace.database.engine.dispose()  # everything written; nothing cached
        with sqlite3.connect(db_path) as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        _damage_all_pages_but_the_first(db_path)
        with pytest.raises(DatabaseDamagedError, match="skadad medan den användes") as raised:
            month_report_view(workspace, NOVEMBER)
        assert raised.value.exit_code == EXIT_USER_ERROR
    finally:
        workspace.close()


def test_anything_else_is_a_bug_one_line_naming_the_log_file_and_exit_1(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _database(db_path)
    with sqlite3.connect(db_path) as conn:  # a table gone that the program relies on
        conn.execute("DROP TABLE month_reports")
    code, err = _comment(db_path, "x", capsys)
    assert code == 1
    lines = err.strip().splitlines()
    assert len(lines) == 1
    log_file = Path(os.environ["ENHETSCHEF_LOG_DIR"]) / "enhetschef.log"
    assert "Ett oväntat fel" in lines[0] and str(log_file) in lines[0]
    assert "Traceback" not in err
    logged = log_file.read_text(encoding="utf-8")
    assert "Traceback" in logged and "no such table: month_reports" in logged

    with pytest.raises(Exception, match="no such table"):
        main(
            ["--debug", "--db", str(db_path), "month-comment", "--month", "2026-11", "--text", "x"]
        )


# -- read-only, as a user without the right to write -------------------------------------------


@pytest.fixture
def open_folder() -> Iterator[Path]:
    yield from reachable_folder()


def _read_only_case(folder: Path, which: str) -> Path:
    db = _database(folder / "data" / "enhet.sqlite3")
    save_comment_db = open_workspace(db, "HT-TEST")
    save_comment(save_comment_db, NOVEMBER, "skriven innan")
    save_comment_db.close()
    for extra in db.parent.glob("enhet.sqlite3-*"):
        extra.unlink()  # closed cleanly: the file is all there is
    if which == "file":
        db.chmod(0o444)
    else:
        db.parent.chmod(0o555)
    return db


@pytest.mark.parametrize("which", ["file", "folder"])
def test_a_read_only_database_reads_and_refuses_writes_with_exit_2(
    open_folder: Path, which: str
) -> None:
    db = _read_only_case(open_folder, which)
    before = db.read_bytes()
    log_dir = open_folder / "log"
    log_dir.mkdir()
    log_dir.chmod(0o777)

    info = run_unprivileged(["--db", str(db), "info", "--json"], log_dir)
    assert info.returncode == 0, info.stderr
    assert '"HT-TEST"' in info.stdout
    summary = run_unprivileged(["--db", str(db), "month-summary", "--month", "2026-11"], log_dir)
    assert summary.returncode == 0, summary.stderr

    write = run_unprivileged(
        ["--db", str(db), "month-comment", "--month", "2026-11", "--text", "ny"], log_dir
    )
    assert write.returncode == EXIT_USER_ERROR
    assert READ_ONLY_TEXT in write.stderr
    assert "Traceback" not in write.stderr
    assert db.read_bytes() == before
    assert sorted(p.name for p in db.parent.iterdir()) == ["enhet.sqlite3"]


def test_a_new_database_in_a_read_only_folder_is_refused_with_exit_2(open_folder: Path) -> None:
    folder = open_folder / "las"
    folder.mkdir()
    folder.chmod(0o555)
    log_dir = open_folder / "log"
    log_dir.mkdir()
    log_dir.chmod(0o777)
    made = run_unprivileged(
        ["--db", str(folder / "ny.sqlite3"), "demo", "--staff", "5", "--weeks", "1"], log_dir
    )
    assert made.returncode == EXIT_USER_ERROR
    assert READ_ONLY_TEXT in made.stderr
    assert list(folder.iterdir()) == []

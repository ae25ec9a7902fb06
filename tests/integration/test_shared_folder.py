"""The shared folder stays clean and fair: leftover temporary copies of ours are removed, a
lock from a computer whose clock runs ahead is judged by the file's age, a read-only workbook
or folder is refused, and unit codes of every kind make valid backup and lock names."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import asdict
from datetime import UTC, datetime, timedelta
from pathlib import Path

import openpyxl
import pytest
from shared_workbooks import find_row
from unprivileged import reachable_folder, run_unprivileged

from enhetschef_app.domain.errors import UserError
from enhetschef_app.domain.year_month import YearMonth
from enhetschef_app.excel.sync_lock import LockOwner, lock_path_for
from enhetschef_app.services.core.workspace import Workspace, ensure_unit, open_workspace
from enhetschef_app.services.month.sync import SyncQueued, sync_month_to_shared_workbook

OCTOBER = YearMonth(2026, 10)
SHEET = "Månadsuppföljning"


@pytest.fixture
def shared(tmp_path: Path) -> Path:
    folder = tmp_path / "natverk"
    folder.mkdir()
    return folder / "delad.xlsx"


def _aged(path: Path, data: bytes, age: timedelta) -> Path:
    path.write_bytes(data)
    stamp = time.time() - age.total_seconds()
    os.utime(path, (stamp, stamp))
    return path


def test_our_leftover_copies_are_removed_by_the_next_sync_and_nothing_else(
    workspace: Workspace, shared: Path
) -> None:
    folder = shared.parent
    old = timedelta(minutes=30)
    ours_old = _aged(folder / ".~enhetschef-0123456789ab-delad.xlsx", b"namn", old)
    ours_other_book = _aged(folder / ".~enhetschef-abcdefabcdef-annan.xlsx", b"namn", old)
    ours_young = _aged(folder / ".~enhetschef-fedcba987654-delad.xlsx", b"p", timedelta(0))
    not_ours = [
        _aged(folder / ".~enhetschef-inte-hex-alls-delad.xlsx", b"x", old),
        _aged(folder / ".~enhetschef-0123456789ab-delad.xlsx.txt", b"x", old),
        _aged(folder / "kopia av delad.xlsx", b"x", old),
    ]

    sync_month_to_shared_workbook(workspace, OCTOBER, shared)

    assert not ours_old.exists() and not ours_other_book.exists()
    assert ours_young.exists()  # a sync under way elsewhere keeps its copy
    assert all(path.exists() for path in not_ours)
    leftovers = {p.name for p in folder.iterdir() if p.name.startswith(".~enhetschef-")}
    assert leftovers == {ours_young.name, not_ours[0].name, not_ours[1].name}


def _lock_record(path: Path, owner: LockOwner, since: datetime, file_age: timedelta) -> None:
    record = asdict(owner) | {"since": since.isoformat(timespec="seconds")}
    path.write_text(json.dumps(record), encoding="utf-8")
    stamp = time.time() - file_age.total_seconds()
    os.utime(path, (stamp, stamp))


def test_a_lock_from_a_clock_ahead_is_judged_by_the_files_own_age(
    workspace: Workspace, shared: Path
) -> None:
    ahead = LockOwner("erik", "dator-med-fel-klocka", 99, "HT-SYD", "")
    future = datetime.now(UTC) + timedelta(hours=3)

    _lock_record(lock_path_for(shared), ahead, future, file_age=timedelta(minutes=1))
    with pytest.raises(SyncQueued, match="dator-med-fel-klocka"):
        sync_month_to_shared_workbook(workspace, OCTOBER, shared)  # fresh: respected

    _lock_record(lock_path_for(shared), ahead, future, file_age=timedelta(minutes=11))
    outcome = sync_month_to_shared_workbook(workspace, OCTOBER, shared)  # old: taken over
    assert outcome.created_workbook
    assert not lock_path_for(shared).exists()


def test_a_backup_of_a_thrown_away_attempt_is_not_kept(workspace: Workspace, shared: Path) -> None:
    sync_month_to_shared_workbook(workspace, OCTOBER, shared)
    calls = 0

    def the_vc_saves_meanwhile(_temp: Path) -> None:
        nonlocal calls
        calls += 1
        if calls == 1:
            book = openpyxl.load_workbook(shared)
            book[SHEET]["A9"] = "HT-VC"
            book.save(shared)

    outcome = sync_month_to_shared_workbook(
        workspace, OCTOBER, shared, before_replace=the_vc_saves_meanwhile
    )
    assert outcome.merges == 2
    assert openpyxl.load_workbook(shared)[SHEET]["A9"].value == "HT-VC"
    assert outcome.backup is not None and outcome.backup.exists()
    assert len(list(outcome.backup.parent.iterdir())) == 1  # the first attempt's is gone


# -- read-only workbook and folder, as a user without the right to write -----------------------


@pytest.fixture
def open_folder() -> Iterator[Path]:
    yield from reachable_folder()


def _unit_with_a_month(folder: Path) -> Path:
    db = folder / "data" / "enhet.sqlite3"
    db.parent.mkdir()
    workspace = open_workspace(db)
    ensure_unit(workspace, "HT-TEST", "Hemtjänst Test")
    workspace.close()
    return db


@pytest.mark.parametrize("which", ["workbook", "folder"])
def test_a_read_only_workbook_or_folder_is_refused_with_exit_2(
    open_folder: Path, which: str
) -> None:
    db = _unit_with_a_month(open_folder)
    share = open_folder / "delad"
    share.mkdir()
    book = share / "delad.xlsx"
    workspace = open_workspace(db)
    sync_month_to_shared_workbook(workspace, OCTOBER, book)  # as the owner: fine
    workspace.close()
    before = book.read_bytes()
    if which == "workbook":
        book.chmod(0o444)
    else:
        share.chmod(0o555)

    result = run_unprivileged(
        ["--db", str(db), "sync", "--month", "2026-11", "--workbook", str(book)], open_folder
    )

    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    expected = "är skrivskyddad" if which == "workbook" else "Du får inte skriva i mappen"
    assert expected in result.stderr
    assert book.read_bytes() == before
    assert sorted(p.name for p in share.iterdir()) == ["delad.xlsx"]


# -- unit codes through backup, lock and sync ---------------------------------------------------


def test_a_unit_code_with_a_slash_is_refused_where_units_are_made(db_path: Path) -> None:
    workspace = open_workspace(db_path)
    try:
        with pytest.raises(UserError, match="Enhetskoden 'A/B'"):
            ensure_unit(workspace, "A/B")
        assert ensure_unit(workspace, "åsen_2").code == "ÅSEN_2"
    finally:
        workspace.close()


@pytest.mark.parametrize("code", ["ÅSEN_Ö-2", "CON", "A/B:C*", "NUL"])
def test_every_unit_code_round_trips_through_backup_lock_and_sync(
    tmp_path: Path, shared: Path, code: str
) -> None:
    db = tmp_path / "enhet.sqlite3"
    workspace = open_workspace(db)
    ensure_unit(workspace, "HT-TEMP")
    workspace.close()
    with sqlite3.connect(db) as conn:  # as a unit made before codes were checked
        conn.execute("UPDATE units SET code = ?", (code,))
    workspace = open_workspace(db)
    try:
        first = sync_month_to_shared_workbook(workspace, OCTOBER, shared)
        second = sync_month_to_shared_workbook(workspace, OCTOBER, shared)
    finally:
        workspace.close()
    assert first.created_workbook and second.backup is not None
    backups = shared.parent.parent / "backups" / "delade-arbetsbocker"
    assert second.backup.parent == backups and second.backup.exists()
    name = second.backup.name
    assert not set('/\\:*?"<>|') & set(name)
    assert name.split(".")[0].upper() not in {"CON", "NUL"} and name.endswith(".xlsx")
    assert not lock_path_for(shared).exists()
    assert find_row(shared, SHEET, code, "2026-10") == second.row_number
    assert sorted(p.name for p in shared.parent.iterdir()) == ["delad.xlsx"]
    shutil.rmtree(backups)

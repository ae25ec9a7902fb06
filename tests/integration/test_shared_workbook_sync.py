"""Syncing safely: a workbook open in Excel or LibreOffice, a sync lock held by someone else (and
stale locks), the queue that retries, a workbook changed between read and write, and several
Enhetschef processes syncing their units to one workbook at the same time."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from dataclasses import asdict
from datetime import UTC, datetime, timedelta
from pathlib import Path

import openpyxl
import pytest
from shared_workbooks import SAMPLE_NAME, all_cells, find_row

from enhetschef_app.cli import main
from enhetschef_app.domain.errors import EXIT_BUSY, BusyError
from enhetschef_app.domain.year_month import YearMonth
from enhetschef_app.excel.sync_lock import LockOwner, SyncLock, lock_path_for
from enhetschef_app.services.core.workspace import Workspace, ensure_unit, open_workspace
from enhetschef_app.services.month.sync import (
    SyncQueued,
    retry_sync_queue,
    sync_month_to_shared_workbook,
    sync_queue,
)

OCTOBER = YearMonth(2026, 10)
SHEET = "Månadsuppföljning"


@pytest.fixture
def shared(samples: Path, tmp_path: Path) -> Path:
    target = tmp_path / "natverk" / SAMPLE_NAME
    target.parent.mkdir()
    shutil.copy(samples / SAMPLE_NAME, target)
    return target


def _owner_record(path: Path, owner: LockOwner, age: timedelta = timedelta(0)) -> None:
    since = datetime.now(UTC) - age
    record = asdict(owner) | {"since": since.isoformat(timespec="seconds")}
    path.write_text(json.dumps(record), encoding="utf-8")
    stamp = since.timestamp()
    os.utime(path, (stamp, stamp))


@pytest.mark.parametrize(
    ("lock_name", "content", "program"),
    [
        ("~$" + SAMPLE_NAME, b"\x04Anna" + b" " * 50, "Excel av Anna"),
        (f".~lock.{SAMPLE_NAME}#", b"Bo Berg,vc-dator,/home/bo,24.11.2026 09:12,", "LibreOffice"),
    ],
)
def test_a_workbook_open_in_excel_or_libreoffice_is_not_written_and_the_sync_waits(
    workspace: Workspace, shared: Path, lock_name: str, content: bytes, program: str
) -> None:
    (shared.parent / lock_name).write_bytes(content)
    before = shared.read_bytes()
    with pytest.raises(SyncQueued, match=program) as raised:
        sync_month_to_shared_workbook(workspace, OCTOBER, shared)
    assert raised.value.exit_code == EXIT_BUSY
    assert shared.read_bytes() == before
    assert not lock_path_for(shared).exists()
    [job] = sync_queue(workspace)
    assert (job.month, job.state, job.workbook) == ("2026-10", "waiting", str(shared))

    # Still open: the retry leaves it waiting, and does not queue it twice.
    [result] = retry_sync_queue(workspace)
    assert result.state == "waiting"
    assert len(sync_queue(workspace)) == 1
    assert sync_queue(workspace)[0].attempts == 2

    (shared.parent / lock_name).unlink()
    [result] = retry_sync_queue(workspace)
    assert result.state == "done"
    assert find_row(shared, SHEET, "HT-TEST", "2026-10") == 8
    assert sync_queue(workspace, waiting_only=True) == []


def test_the_cli_exits_3_when_busy_and_the_queue_retries_on_demand(
    workspace: Workspace, shared: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(workspace.path)
    workspace.close()
    excel = shared.parent / ("~$" + SAMPLE_NAME)
    excel.write_bytes(b"\x02VC")
    before = shared.read_bytes()
    args = ["--db", db, "sync", "--month", "2026-10", "--workbook", str(shared)]
    assert main(args) == EXIT_BUSY
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "kön" in err
    assert shared.read_bytes() == before
    assert main(["--db", db, "sync-queue", "--retry"]) == EXIT_BUSY
    assert "1 synkar väntar i kön" in capsys.readouterr().out
    excel.unlink()
    assert main(["--db", db, "sync-queue", "--retry", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["retried"][0]["state"] == "done"
    assert report["jobs"][0]["state"] == "done"
    assert find_row(shared, SHEET, "HT-TEST", "2026-10") == 8


def test_a_sync_lock_held_by_a_running_enhetschef_makes_it_wait(
    workspace: Workspace, shared: Path
) -> None:
    other = LockOwner("anna", socket.gethostname(), os.getpid(), "HT-SYD", "")
    _owner_record(lock_path_for(shared), other)
    before = shared.read_bytes()
    with pytest.raises(SyncQueued, match="anna \\(HT-SYD\\)"):
        sync_month_to_shared_workbook(workspace, OCTOBER, shared)
    assert shared.read_bytes() == before
    assert lock_path_for(shared).exists()  # someone else's lock is not ours to remove


def test_a_fresh_lock_from_another_computer_is_respected(
    workspace: Workspace, shared: Path
) -> None:
    other = LockOwner("bo", "en-annan-dator", 4242, "HT-NORR", "")
    _owner_record(lock_path_for(shared), other, age=timedelta(minutes=2))
    with pytest.raises(SyncQueued, match="en-annan-dator"):
        sync_month_to_shared_workbook(workspace, OCTOBER, shared)


def test_a_lock_left_by_a_process_that_is_gone_is_taken_over(
    workspace: Workspace, shared: Path
) -> None:
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    dead = LockOwner("cecilia", socket.gethostname(), int(gone.stdout), "HT-VAST", "")
    _owner_record(lock_path_for(shared), dead)
    outcome = sync_month_to_shared_workbook(workspace, OCTOBER, shared)
    assert outcome.row_number == 8
    assert not lock_path_for(shared).exists()


def test_a_lock_older_than_ten_minutes_is_taken_over(workspace: Workspace, shared: Path) -> None:
    old = LockOwner("david", "dator-som-somnade", 77, "HT-OST", "")
    _owner_record(lock_path_for(shared), old, age=timedelta(minutes=11))
    outcome = sync_month_to_shared_workbook(workspace, OCTOBER, shared)
    assert outcome.row_number == 8
    assert not lock_path_for(shared).exists()


def test_the_lock_waits_its_turn_when_asked(shared: Path) -> None:
    first = SyncLock(shared, LockOwner.here("a", "A"))
    first.acquire()
    second = SyncLock(shared, LockOwner.here("b", "B"))
    with pytest.raises(BusyError):
        second.acquire(wait_seconds=0.3)
    first.release()
    second.acquire(wait_seconds=1)
    assert second.held
    second.release()
    assert not lock_path_for(shared).exists()


def test_a_workbook_changed_between_read_and_write_is_merged_again(
    workspace: Workspace, shared: Path
) -> None:
    calls = 0

    def the_vc_saves_meanwhile(_temp: Path) -> None:
        nonlocal calls
        calls += 1
        if calls == 1:
            workbook = openpyxl.load_workbook(shared)
            workbook[SHEET]["J4"] = "Ändrat av VC medan synken pågick"
            workbook[SHEET]["A9"] = "HT-VC"
            workbook.save(shared)

    outcome = sync_month_to_shared_workbook(
        workspace, OCTOBER, shared, before_replace=the_vc_saves_meanwhile
    )

    assert outcome.merges == 2 and calls == 2
    sheet = openpyxl.load_workbook(shared)[SHEET]
    assert sheet["J4"].value == "Ändrat av VC medan synken pågick"
    assert sheet["A9"].value == "HT-VC"
    # The VC's row 9 has values, so the unit's new row goes after it.
    assert find_row(shared, SHEET, "HT-TEST", "2026-10") == 10
    assert "ändrades under tiden" in outcome.describe()


def _unit_database(folder: Path, code: str) -> Path:
    path = folder / f"{code}.sqlite3"
    workspace = open_workspace(path)
    ensure_unit(workspace, code, f"Enhet {code}")
    workspace.close()
    return path


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "enhetschef_app", *args]


@pytest.mark.slow
def test_several_processes_syncing_at_once_all_end_with_their_rows(
    shared: Path, tmp_path: Path
) -> None:
    codes = [f"HT-{n:02d}" for n in range(1, 7)]
    databases = {code: _unit_database(tmp_path, code) for code in codes}
    before = all_cells(shared)
    env = dict(os.environ)
    started = [
        subprocess.Popen(
            _cli(
                "--db",
                str(db),
                "sync",
                "--month",
                "2026-10",
                "--workbook",
                str(shared),
                "--wait",
                "120",
            ),
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for db in databases.values()
    ]
    for process in started:
        _out, err = process.communicate(timeout=300)
        assert process.returncode == 0, err
    rows = {code: find_row(shared, SHEET, code, "2026-10") for code in codes}
    assert sorted(rows.values()) == list(range(8, 8 + len(codes)))  # type: ignore[type-var]  # every row was found
    after = all_cells(shared)
    for key, value in before.items():
        assert after[key] == value, key
    assert not lock_path_for(shared).exists()
    assert [p.name for p in shared.parent.iterdir()] == [SAMPLE_NAME]


@pytest.mark.slow
def test_processes_that_find_the_workbook_busy_queue_and_retry_until_all_rows_are_there(
    shared: Path, tmp_path: Path
) -> None:
    codes = [f"LSS-{n:02d}" for n in range(1, 6)]
    databases = {code: _unit_database(tmp_path, code) for code in codes}
    started = {
        code: subprocess.Popen(
            _cli("--db", str(db), "sync", "--month", "2026-09", "--workbook", str(shared)),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for code, db in databases.items()
    }
    exits = {code: p.wait(timeout=300) for code, p in started.items()}
    assert set(exits.values()) <= {0, EXIT_BUSY}
    for process in started.values():
        process.communicate()
    deadline = time.monotonic() + 240
    waiting = {code for code, status in exits.items() if status == EXIT_BUSY}
    while waiting and time.monotonic() < deadline:
        retries = {
            code: subprocess.Popen(
                _cli("--db", str(databases[code]), "sync-queue", "--retry"),
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
            )
            for code in waiting
        }
        waiting = {code for code, p in retries.items() if p.wait(timeout=300) == EXIT_BUSY}
        for retry in retries.values():
            retry.communicate()
    assert not waiting
    for code in codes:
        assert find_row(shared, SHEET, code, "2026-09") is not None, code
    ws = openpyxl.load_workbook(shared)[SHEET]
    assert ws.max_row == 7 + len(codes)

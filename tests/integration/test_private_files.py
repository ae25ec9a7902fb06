"""The database file is private: a new database, its -wal/-shm files and every backup are
readable by the user only (0600, the backups folder 0700; POSIX, as on the machines that run
the tests), whatever the umask; a database in a
synced folder or on a network share is warned about."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from enhetschef_app.cli import main
from enhetschef_app.services.core.backup import back_up_now
from enhetschef_app.services.core.database_file import storage_location_warning
from enhetschef_app.services.core.workspace import Workspace, open_workspace
from enhetschef_app.storage.database import backup_database, migrate_file, open_database


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def open_umask() -> Iterator[None]:
    """The most open umask a machine may have: SQLite alone would make the file 0644."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_a_new_database_and_its_journal_files_are_the_users_own(
    tmp_path: Path, open_umask: None
) -> None:
    path = tmp_path / "ny" / "enhet.sqlite3"
    database = open_database(path)
    try:
        with database.transaction() as session:
            session.execute(text("CREATE TABLE probe (x)"))
        assert _mode(path) == 0o600
        for extra in ("-wal", "-shm"):
            companion = path.with_name(path.name + extra)
            if companion.exists():
                assert _mode(companion) == 0o600
    finally:
        database.close()


def test_backups_are_the_users_own(workspace: Workspace, open_umask: None) -> None:
    copy = back_up_now(workspace)
    assert _mode(copy) == 0o600
    assert _mode(copy.parent) == 0o700
    again = backup_database(workspace.path, "test")
    assert _mode(again) == 0o600


def test_the_backup_before_an_upgrade_is_the_users_own(tmp_path: Path, open_umask: None) -> None:
    path = tmp_path / "gammal.sqlite3"
    migrate_file(path, "0007")
    database = open_database(path)
    try:
        assert database.backup is not None
        assert _mode(database.backup) == 0o600
    finally:
        database.close()


@pytest.mark.parametrize(
    ("folder", "named"),
    [
        ("OneDrive - Kommunen/Enhetschef", "OneDrive"),
        ("Dropbox/jobb", "Dropbox"),
        ("Google Drive/My Drive", "Google Drive"),
        ("Library/Mobile Documents/com~apple~CloudDocs", "iCloud"),
    ],
)
def test_a_synced_folder_is_warned_about(tmp_path: Path, folder: str, named: str) -> None:
    warning = storage_location_warning(tmp_path / folder / "enhet.sqlite3")
    assert warning is not None and named in warning and "personuppgifter" in warning


def test_a_network_share_is_warned_about_and_a_local_disk_is_not(tmp_path: Path) -> None:
    mounts = tmp_path / "mounts"
    mounts.write_text(
        f"/dev/sda1 / ext4 rw 0 0\n//server/delat {tmp_path / 'delat'} cifs rw 0 0\n",
        encoding="utf-8",
    )
    warning = storage_location_warning(tmp_path / "delat" / "enhet.sqlite3", mounts=mounts)
    assert warning is not None and "nätverksenhet" in warning and "cifs" in warning
    assert storage_location_warning(tmp_path / "lokal" / "enhet.sqlite3", mounts=mounts) is None


def test_the_command_line_warns_when_the_database_is_in_a_synced_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "OneDrive" / "enhet.sqlite3"
    path.parent.mkdir()
    open_workspace(path).close()
    assert main(["--db", str(path), "info", "--json"]) == 0
    err = capsys.readouterr().err
    assert "varning" in err and "OneDrive" in err

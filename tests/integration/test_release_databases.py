"""Databases as released versions left them, committed under tests/data/, open in today's
program: upgraded to the newest revision, a backup taken first, the data all there. The frozen
program opens the same file in tests/installer/test_frozen_program.py."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from enhetschef_app.services.core.info import database_info
from enhetschef_app.services.core.workspace import open_workspace
from enhetschef_app.storage.file_check import head_revision, known_revisions

RELEASE_0_1_0 = Path(__file__).resolve().parents[1] / "data" / "release-0.1.0.sqlite3"


def revision_of(database: Path) -> str:
    # immutable: reading the committed fixture must not leave -shm/-wal files beside it.
    connection = sqlite3.connect(f"file:{database}?mode=ro&immutable=1", uri=True)
    try:
        (revision,) = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    finally:
        connection.close()
    return str(revision)


def test_the_release_0_1_0_fixture_is_as_that_release_left_it() -> None:
    assert revision_of(RELEASE_0_1_0) == "0007"
    assert "0007" in known_revisions()
    assert RELEASE_0_1_0.stat().st_size < 1_000_000  # small enough to keep in the repository


def test_a_release_0_1_0_database_opens_upgraded_with_its_data(tmp_path: Path) -> None:
    database = tmp_path / "enhetschef.sqlite3"
    shutil.copyfile(RELEASE_0_1_0, database)

    workspace = open_workspace(database, choose_unit=False)
    try:
        info = database_info(workspace)
    finally:
        workspace.close()

    assert info["schema_version"] == head_revision()
    assert revision_of(database) == head_revision()
    (unit,) = info["units"]
    assert (unit["code"], unit["headcount_total"]) == ("REL-010", 6)
    counts = info["row_counts"]
    assert (counts["employees"], counts["schedule_rows"], counts["absences"]) == (7, 88, 5)
    backups = sorted((tmp_path / "backups").glob("*.sqlite3"))
    if head_revision() != "0007":  # there was something to upgrade: the file was kept first
        assert [revision_of(b) for b in backups] == ["0007"]
    else:
        assert backups == []

"""Shared fixtures: real SQLite files on disk, the sample files of ../shared (read only)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]
SHARED_SAMPLES = REPO.parent / "shared" / "samples"


@pytest.fixture(autouse=True)
def _private_user_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No test reads or writes the real user data, log or settings folders."""
    home = tmp_path_factory.mktemp("userdirs")
    monkeypatch.setenv("ENHETSCHEF_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("ENHETSCHEF_LOG_DIR", str(home / "log"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))


@pytest.fixture
def samples(tmp_path: Path) -> Path:
    """A private copy of ../shared/samples: tests never write to the shared originals."""
    if not SHARED_SAMPLES.is_dir():
        raise RuntimeError(f"the shared sample files are missing: {SHARED_SAMPLES}")
    target = tmp_path / "samples"
    shutil.copytree(SHARED_SAMPLES, target)
    return target


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "enhet.sqlite3"


@pytest.fixture
def workspace(db_path: Path) -> Iterator[object]:
    """An empty database on disk with one unit, HT-TEST."""
    from enhetschef_app.services.workspace import ensure_unit, open_workspace

    ws = open_workspace(db_path)
    unit = ensure_unit(ws, "HT-TEST", "Hemtjänst Test")
    ws = ws.with_unit(unit)
    yield ws
    ws.close()

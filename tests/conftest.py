"""Shared fixtures: real SQLite files on disk, a real PostgreSQL server for the tests that ask
for one, and the sample files the repository carries: the import examples users get
(resources/examples/) and the test-only files (tests/data/)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from postgres_server import PostgresServer, running_server

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "resources" / "examples"
TEST_DATA = REPO / "tests" / "data"


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
    """One folder with a private copy of every sample file: tests never write to the originals."""
    target = tmp_path / "samples"
    shutil.copytree(EXAMPLES, target)
    shutil.copytree(TEST_DATA, target, dirs_exist_ok=True)
    return target


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "enhet.sqlite3"


@pytest.fixture
def workspace(db_path: Path) -> Iterator[object]:
    """An empty database on disk with one unit, HT-TEST."""
    from enhetschef_app.services.core.workspace import ensure_unit, open_workspace

    ws = open_workspace(db_path)
    unit = ensure_unit(ws, "HT-TEST", "Hemtjänst Test")
    ws = ws.with_unit(unit)
    yield ws
    ws.close()


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """One server for the session, started by the first test that asks for it. Libpq finds the
    password through PGPASSFILE, as the program's users' scripts do."""
    with running_server() as server, pytest.MonkeyPatch.context() as patch:
        patch.setenv("PGPASSFILE", str(server.passfile))
        yield server


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> Iterator[str]:
    """An empty database of its own on the session's server, as the program's `--db` URL."""
    name = postgres_server.create_database()
    yield postgres_server.url(name)
    postgres_server.drop_database(name)


@pytest.fixture(scope="session")
def postgres_head_template(postgres_server: PostgresServer) -> str:
    """A database migrated to the newest schema once, copied for each test (a copy takes a
    tenth of the time of running every migration again)."""
    from enhetschef_app.storage.database import open_database

    name = postgres_server.create_database()
    open_database(postgres_server.url(name)).close()
    return name


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """What `--db` names, once per dialect: a new SQLite file, and a database of its own on
    the session's PostgreSQL server, already at the newest schema."""
    if request.param == "sqlite":
        yield str(tmp_path / "enhet.sqlite3")
        return
    server: PostgresServer = request.getfixturevalue("postgres_server")
    name = server.create_database(template=request.getfixturevalue("postgres_head_template"))
    yield server.url(name)
    server.drop_database(name)


@pytest.fixture
def any_workspace(db_url: str) -> Iterator[object]:
    """`workspace` on each dialect: an empty database with one unit, HT-TEST."""
    from enhetschef_app.services.core.workspace import ensure_unit, open_workspace

    ws = open_workspace(db_url)
    unit = ensure_unit(ws, "HT-TEST", "Hemtjänst Test")
    ws = ws.with_unit(unit)
    yield ws
    ws.close()

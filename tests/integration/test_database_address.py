"""`--db` with a PostgreSQL address: it opens the server's database wherever a file would open,
it never becomes a path on disk, and a password never stands in it."""

from __future__ import annotations

from pathlib import Path

import pytest
from postgres_server import free_port

from enhetschef_app.cli import main
from enhetschef_app.storage.location import ServerAddress, parse_location


def test_an_address_is_a_server_database_and_a_windows_path_is_a_file() -> None:
    assert parse_location("postgresql://ec@db.kommun.se/omsorg") == ServerAddress(
        "postgresql+psycopg://ec@db.kommun.se/omsorg"
    )
    assert parse_location("postgresql+psycopg://ec@127.0.0.1:5433/omsorg") == ServerAddress(
        "postgresql+psycopg://ec@127.0.0.1:5433/omsorg"
    )
    assert parse_location("C:\\Users\\anna\\enhet.sqlite3") == Path(
        "C:\\Users\\anna\\enhet.sqlite3"
    )
    assert parse_location("C:/data/enhet.sqlite3") == Path("C:/data/enhet.sqlite3")


@pytest.mark.parametrize(
    "address",
    [
        "postgresql+psycopg://ec:hemligt@127.0.0.1:5432/omsorg",
        "postgresql://ec:hemligt@db.kommun.se/omsorg",
        "postgresql://ec@db.kommun.se/omsorg?password=hemligt",
    ],
)
def test_a_password_in_the_address_is_refused_and_not_repeated(
    address: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)

    assert main(["--db", address, "info"]) == 2

    err = capsys.readouterr().err
    assert "Lösenordet får inte stå i databasadressen" in err
    assert ".pgpass" in err
    assert "hemligt" not in err
    assert list(tmp_path.iterdir()) == []


def test_another_kind_of_database_address_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", "mysql://ec@db.kommun.se/omsorg", "info"]) == 2
    assert "'mysql://'" in capsys.readouterr().err


@pytest.mark.parametrize("command", [["info"], ["demo", "--staff", "5"]])
def test_an_unreachable_server_is_a_users_error_and_no_folder_named_after_it_is_made(
    command: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """An earlier attempt turned the address into a path: `demo` then made a folder named
    `postgresql+psycopg:` in the folder the program was started from."""
    monkeypatch.chdir(tmp_path)
    address = f"postgresql+psycopg://ec@127.0.0.1:{free_port()}/omsorg"

    assert main(["--db", address, *command]) == 2

    err = capsys.readouterr().err
    assert "Databasservern" in err
    assert "går inte att nå" in err
    assert list(tmp_path.iterdir()) == []

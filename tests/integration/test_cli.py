"""The command line's contract: JSON keys, exit codes, one Swedish line on stderr."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from enhetschef_app.cli import main
from enhetschef_app.services.core.workspace import ensure_unit, open_workspace
from enhetschef_app.storage.database import head_revision


def _database_with_units(path: Path, *codes: str) -> None:
    workspace = open_workspace(path)
    for code in codes:
        ensure_unit(workspace, code, f"Enhet {code}")
    workspace.close()


def test_info_json_describes_the_database(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _database_with_units(db_path, "HT-NORR")

    assert main(["--db", str(db_path), "info", "--json"]) == 0

    info = json.loads(capsys.readouterr().out)
    assert info["schema_version"] == head_revision()
    assert [u["code"] for u in info["units"]] == ["HT-NORR"]
    assert info["units"][0]["headcount"] == {"tillsvidare": 0, "visstid": 0, "timavlonad": 0}
    assert info["row_counts"]["units"] == 1
    assert info["row_counts"]["audit_log"] == 1  # the unit's creation


def test_info_describes_a_database_of_several_units(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _database_with_units(db_path, "HT-NORR", "HT-SYD")
    assert main(["--db", str(db_path), "info", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)["units"]) == 2


def test_a_missing_database_is_a_users_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "finns-inte.sqlite3"
    assert main(["--db", str(missing), "info"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "finns inte" in err
    assert not missing.exists()


def test_a_corrupt_database_exits_2_without_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "trasig.sqlite3"
    broken.write_bytes(b"detta \xe4r ingen databas" * 50)
    before = broken.read_bytes()

    assert main(["--db", str(broken), "info", "--json"]) == 2

    captured = capsys.readouterr()
    assert captured.out == ""
    assert "Traceback" not in captured.err
    assert "inte en SQLite-databas" in captured.err
    assert broken.read_bytes() == before


def test_a_newer_database_exits_2(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _database_with_units(db_path, "HT-NORR")
    conn = sqlite3.connect(db_path)
    with conn:
        conn.execute("UPDATE alembic_version SET version_num = '0999'")
    conn.close()
    assert main(["--db", str(db_path), "info"]) == 2
    assert "nyare version" in capsys.readouterr().err


def test_an_unknown_unit_exits_2(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _database_with_units(db_path, "HT-NORR")
    assert main(["--db", str(db_path), "--unit", "HT-VÄST", "info"]) == 2
    assert "Enheten HT-VÄST finns inte" in capsys.readouterr().err


def test_bad_arguments_exit_2_in_swedish(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as ended:
        main(["demo", "--end", "2026-13-40"])
    assert ended.value.code == 2
    assert "inte ett datum" in capsys.readouterr().err


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    broken = tmp_path / "trasig.sqlite3"
    broken.write_bytes(b"x" * 100)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    quiet = subprocess.run(
        [sys.executable, "-m", "enhetschef_app", "--db", str(broken), "info"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    loud = subprocess.run(
        [sys.executable, "-m", "enhetschef_app", "--db", str(broken), "--debug", "info"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert quiet.returncode == 2
    assert "Traceback" not in quiet.stderr
    assert loud.returncode != 0
    assert "Traceback" in loud.stderr
    assert "CorruptDatabaseError" in loud.stderr


def test_the_global_unit_option_names_a_new_unit_for_the_staff_import(
    db_path: Path, samples: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv = samples / "personal-standard.csv"
    assert main(["--db", str(db_path), "--unit", "HT-NORR", "import-staff", str(csv)]) == 0
    assert "HT-NORR" in capsys.readouterr().out
    assert main(["--db", str(db_path), "info", "--json"]) == 0
    (unit,) = json.loads(capsys.readouterr().out)["units"]
    assert unit["code"] == "HT-NORR"
    assert unit["headcount_total"] == 8


@pytest.mark.parametrize(
    ("argv", "window"),
    [
        ([], True),
        (["gui"], True),
        (["--db", "x.sqlite3", "--unit", "HT", "--debug"], True),
        (["--db=x.sqlite3", "gui"], True),
        (["--db"], False),
        (["info"], False),
        (["--db", "x.sqlite3", "info", "--json"], False),
        (["--help"], False),
        (["--version"], False),
    ],
)
def test_starting_the_window_needs_no_command_modules(argv: list[str], window: bool) -> None:
    from enhetschef_app.cli import _window_arguments

    assert (_window_arguments(argv) is not None) is window


def test_the_window_starts_without_importing_the_commands() -> None:
    probe = (
        "import sys\n"
        "from enhetschef_app import cli\n"
        "args = cli._window_arguments(['--db', 'x.sqlite3'])\n"
        "print(args.db, any(m.startswith('enhetschef_app.commands.') and m != "
        "'enhetschef_app.commands.common' for m in sys.modules))\n"
    )
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert run.stdout.split() == ["x.sqlite3", "False"]

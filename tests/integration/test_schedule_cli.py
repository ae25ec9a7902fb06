"""The schedule commands' contract: summary keys, exit codes, the breach JSON, and the
breaches the standard sample holds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from enhetschef_app.cli import main

CHECK_KEYS = {"employee_no", "rule", "date", "hours", "limit", "shifts"}


@pytest.fixture
def database(tmp_path: Path, samples: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = str(tmp_path / "enhet.sqlite3")
    staff = str(samples / "personal-standard.csv")
    assert main(["--db", path, "import-staff", staff, "--unit", "HT-NORR"]) == 0
    capsys.readouterr()
    return path


def test_import_schedule_prints_the_summary_and_twice_changes_nothing(
    database: str, samples: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    standard = str(samples / "schema-standard-v47-v48.xlsx")
    assert main(["--db", database, "import-schedule", standard]) == 0
    out = capsys.readouterr().out
    assert "rows 72, created 72, updated 0, unchanged 0, vacant 6" in out
    assert main(["--db", database, "import-schedule", standard, "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert {k: summary[k] for k in ("rows", "created", "updated", "unchanged", "vacant")} == {
        "rows": 72,
        "created": 0,
        "updated": 0,
        "unchanged": 72,
        "vacant": 6,
    }


def test_a_dry_run_saves_nothing(
    database: str, samples: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = str(samples / "schema-export-cp1252.csv")
    assert main(["--db", database, "import-schedule", export, "--dry-run", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["created"] == 72
    assert main(["--db", database, "import-schedule", export, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["created"] == 72


def test_a_bad_file_exits_2_listing_every_bad_row(
    database: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "fel.csv"
    bad.write_text(
        "Anställningsnr;Namn;Datum;Start;Slut;Rast (min);Passkod\n"
        "1001;Anna Ålund;2026-13-01;7:00;15:30;30;D\n"
        "1002;Björn Öberg;2026-11-16;7:00;15:30;30;D\n"
        "1777;Ny;2026-11-16;sju;15:30;30;D\n",
        encoding="utf-8",
    )
    assert main(["--db", database, "import-schedule", str(bad)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("Schemat fel.csv importerades inte")
    assert err[1].startswith("rad 2, kolumn 'Datum': '2026-13-01'")
    assert err[2].startswith("rad 4, kolumn 'Start': 'sju'")
    assert len(err) == 3  # row 4's unknown number is named once its time is right
    assert main(["--db", database, "import-schedule", str(bad), "--valid-only", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["skipped"] == 2


def test_unmatched_headers_exit_2_and_columns_can_be_named(
    database: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    odd = tmp_path / "udda.csv"
    odd.write_text("Person;Dag;In;Ut\n1001;2026-11-16;07:00;15:30\n", encoding="utf-8")
    assert main(["--db", database, "import-schedule", str(odd)]) == 2
    assert "saknas kolumnerna" in capsys.readouterr().err
    columns = ["--column", "Anställningsnr=Person", "--column", "Datum=Dag"]
    columns += ["--column", "start=In", "--column", "Slut=Ut"]
    assert main(["--db", database, "import-schedule", str(odd), *columns, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["created"] == 1
    assert main(["--db", database, "import-schedule", str(odd), "--column", "Datum"]) == 2
    assert "FÄLT=RUBRIK" in capsys.readouterr().err


def test_check_schedule_json_names_the_breaches_of_the_standard_sample(
    database: str, samples: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    standard = str(samples / "schema-standard-v47-v48.xlsx")
    assert main(["--db", database, "import-schedule", standard]) == 0
    capsys.readouterr()
    args = ["--db", database, "check-schedule", "--from", "2026-11-16", "--to", "2026-11-29"]
    assert main([*args, "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert all(set(b) == CHECK_KEYS for b in found)
    summary = sorted((b["rule"], b["employee_no"], b["date"], b["hours"]) for b in found)
    quick_returns = [s for s in summary if s[0] == "dygnsvila"]
    assert quick_returns == [
        ("dygnsvila", "1003", "2026-11-17", 9.5),
        ("dygnsvila", "1003", "2026-11-24", 9.5),
        ("dygnsvila", "1004", "2026-11-20", 9.5),
        ("dygnsvila", "1004", "2026-11-27", 9.5),
        ("dygnsvila", "1006", "2026-11-18", 9.5),
        ("dygnsvila", "1006", "2026-11-25", 9.5),
        ("dygnsvila", "1008", "2026-11-19", 9.5),
        ("dygnsvila", "1008", "2026-11-26", 9.5),
    ]
    over_full_time = {(s[1], s[3]) for s in summary if s[0] == "weekly_hours"}
    assert over_full_time == {("1003", 43.0), ("1005", 50.0), ("1008", 47.0)}
    first = next(b for b in found if b["rule"] == "dygnsvila")
    assert first["shifts"] == [
        {"start": "2026-11-16T13:30:00+01:00", "end": "2026-11-16T21:30:00+01:00"},
        {"start": "2026-11-17T07:00:00+01:00", "end": "2026-11-17T15:30:00+01:00"},
    ]
    assert main(args) == 0
    text = capsys.readouterr().out
    assert text.startswith(f"{len(found)} brott i planerat schema, 2026-11-16–2026-11-29:")
    assert main([*args, "--actual"]) == 0
    assert "faktiskt schema" in capsys.readouterr().out


def test_check_schedule_refuses_a_period_backwards(
    database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["--db", database, "check-schedule", "--from", "2026-11-29", "--to", "2026-11-16"]
    assert main(args) == 2
    assert "före den börjar" in capsys.readouterr().err
    with pytest.raises(SystemExit) as caught:
        main(["--db", database, "check-schedule", "--from", "igår", "--to", "2026-11-16"])
    assert caught.value.code == 2
    assert "'igår' är inte ett datum" in capsys.readouterr().err


def test_follow_up_lists_the_days_empty_rows_with_candidates(
    database: str, samples: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    standard = str(samples / "schema-standard-v47-v48.xlsx")
    assert main(["--db", database, "import-schedule", standard]) == 0
    capsys.readouterr()
    assert main(["--db", database, "follow-up", "--date", "2026-11-19", "--json"]) == 0
    day = json.loads(capsys.readouterr().out)
    (row,) = day["empty_rows"]
    assert (row["date"], row["start"], row["code"], row["state"]) == (
        "2026-11-19",
        "13:30",
        "K",
        "vakant",
    )
    assert [(c["name"], c["kind"]) for c in row["candidates"]] == [("Gustav Berg", "timavlonad")]
    assert main(["--db", database, "follow-up", "--date", "2026-11-19"]) == 0
    text = capsys.readouterr().out
    assert "Tom rad: 2026-11-19 K 13:30–21:30 – Vakant" in text
    assert "1. Timavlönad: Gustav Berg" in text


def test_unit_neighbours_are_added_and_removed(
    database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from enhetschef_app.services.core.workspace import ensure_unit, open_workspace

    workspace = open_workspace(Path(database), "HT-NORR")
    ensure_unit(workspace, "HT-SYD", "Syd")
    workspace.close()
    base = ["--db", database, "--unit", "HT-NORR", "unit-neighbours"]
    assert main([*base, "--add", "ht-syd", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == ["HT-SYD"]
    assert main([*base, "--add", "HT-OST"]) == 2
    assert "HT-OST finns inte" in capsys.readouterr().err
    assert main([*base, "--remove", "HT-SYD"]) == 0
    assert capsys.readouterr().out.strip() == "Enheten har inga grannenheter."

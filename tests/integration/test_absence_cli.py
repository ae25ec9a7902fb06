"""`enhetschef import-absences`, `omtanke` and `absence-figures`: JSON keys and exit codes as
the contract says, on the sample files in a fresh database."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from enhetschef_app.cli import main


@pytest.fixture
def database(samples: Path, db_path: Path) -> Path:
    staff = samples / "personal-standard.csv"
    assert main(["--db", str(db_path), "import-staff", str(staff), "--unit", "HT-TEST"]) == 0
    return db_path


def run(database: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["--db", str(database), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_sample_gives_one_person_due_with_exactly_the_contract_keys(
    database: Path, samples: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _err = run(
        database, capsys, "import-absences", str(samples / "franvaro-standard.xlsx"), "--json"
    )
    assert code == 0
    assert json.loads(out) == {
        "file": "franvaro-standard.xlsx",
        "unit": "HT-TEST",
        "rows": 7,
        "created": 7,
        "updated": 0,
        "unchanged": 0,
        "joined": 0,  # rows overlapping or touching another record of their kind
    }
    code, out, _err = run(database, capsys, "omtanke", "--date", "2026-11-24", "--json")
    assert code == 0
    assert json.loads(out) == [
        {
            "employee_no": "1002",
            "name": "Björn Öberg",
            "occasions": 3,
            "spells": [
                {"from": "2026-03-02", "to": "2026-03-03"},
                {"from": "2026-05-11", "to": "2026-05-11"},
                {"from": "2026-09-14", "to": "2026-09-16"},
            ],
        }
    ]
    # On 2027-03-02 the window starts 2026-03-02, the first spell's first day: still due.
    code, out, _err = run(database, capsys, "omtanke", "--date", "2027-03-02", "--json")
    assert len(json.loads(out)) == 1
    # The day after, the first spell has left the window: nobody is due.
    code, out, _err = run(database, capsys, "omtanke", "--date", "2027-03-03", "--json")
    assert (code, json.loads(out)) == (0, [])


def test_the_text_form_names_the_people_and_their_spells(
    database: Path, samples: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(database, capsys, "import-absences", str(samples / "franvaro-standard.xlsx"))
    code, out, _err = run(database, capsys, "omtanke", "--date", "2026-11-24")
    assert code == 0
    assert "1002 Björn Öberg: 3 tillfällen (2026-03-02–2026-03-03, 2026-05-11," in out


def test_a_bad_file_exits_2_with_every_row_on_stderr(
    database: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "fel.csv"
    bad.write_text(
        "Anställningsnr;Frånvarotyp;Från;Till\n1001;Influensa;2026-03-02;\n4711;Sjuk;x;\n",
        encoding="utf-8",
    )
    code, out, err = run(database, capsys, "import-absences", str(bad))
    assert code == 2 and out == ""
    assert "importerades inte" in err
    assert "rad 2, kolumn 'Frånvarotyp': 'Influensa'" in err
    assert "rad 3, kolumn 'Anställningsnr': '4711'" in err
    assert "rad 3, kolumn 'Från': 'x'" in err
    assert "Traceback" not in err


def test_wrong_arguments_and_missing_files_are_users_errors(
    database: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--db", str(database), "omtanke", "--date", "24/11"])
    assert exited.value.code == 2
    code, _out, err = run(database, capsys, "import-absences", str(tmp_path / "saknas.xlsx"))
    assert code == 2 and "finns inte" in err
    code, _out, err = run(tmp_path / "ingen.sqlite3", capsys, "omtanke", "--json")
    assert code == 2 and "finns inte" in err


def test_the_month_figures_as_json(
    database: Path, samples: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(database, capsys, "import-absences", str(samples / "franvaro-standard.xlsx"))
    code, out, _err = run(database, capsys, "absence-figures", "2026-10", "--json")
    assert code == 0
    figures = json.loads(out)
    assert figures["month"] == "2026-10"
    assert figures["occasions_started"] == 1  # 1004's spell from 2026-10-05
    assert figures["sick_percent"] is None  # no schedule imported

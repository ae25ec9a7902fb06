"""Förvaltning (`enhetschef overview`): every unit's month side by side, on a file and on the
server, where each login sees the units it is a member of; the VC's comment, the one thing a
VC may write; the VC report of all units as one workbook."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from management_server import EC_A, MONTH, VC_A, VC_AB, make_forvaltning
from postgres_server import PostgresServer

from enhetschef_app.cli import main


def _json(capsys: pytest.CaptureFixture[str], argv: list[str]) -> Any:
    capsys.readouterr()
    assert main(argv) == 0
    return json.loads(capsys.readouterr().out)


@pytest.fixture(scope="module")
def forvaltning(postgres_server: PostgresServer) -> Iterator[str]:
    name = make_forvaltning(postgres_server)
    yield name
    postgres_server.drop_database(name)


@pytest.fixture(scope="module")
def two_unit_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("forvaltning") / "enheter.sqlite3"
    for seed, code in enumerate(("A", "B"), start=1):
        size = ["--staff", "6", "--weeks", "8", "--end", "2026-11-30", "--seed", str(seed)]
        made = main(["--db", str(path), "demo", "--unit", code, *size])
        assert made == 0
    return path


def test_overview_of_a_file_lists_its_units_with_the_month_summarys_keys(
    two_unit_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(two_unit_file)
    found = _json(capsys, ["--db", db, "overview", "--month", MONTH, "--json"])
    assert found["month"] == MONTH
    assert [u["unit"] for u in found["units"]] == ["A", "B"]
    for unit in found["units"]:
        summary = _json(
            capsys,
            ["--db", db, "--unit", unit["unit"], "month-summary", "--month", MONTH, "--json"],
        )
        assert unit["closed"] is False
        assert unit["unit_name"] == summary["unit_name"]
        assert set(summary) <= set(unit)  # the same key names as the month summary
        for key, value in summary.items():
            if key not in ("closed", "figures"):
                assert unit[key] == value, key
    assert found["units"][0]["sick_percent"] != found["units"][1]["sick_percent"]


def test_a_month_marked_klar_is_closed_in_the_overview(
    tmp_path: Path, two_unit_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "copy.sqlite3"
    db.write_bytes(two_unit_file.read_bytes())
    assert main(["--db", str(db), "--unit", "B", "month-close", "--month", MONTH]) == 0
    found = _json(capsys, ["--db", str(db), "overview", "--month", MONTH, "--json"])
    assert {u["unit"]: u["closed"] for u in found["units"]} == {"A": False, "B": True}


def test_user_errors_exit_2(tmp_path: Path, two_unit_file: Path) -> None:
    with pytest.raises(SystemExit) as refused:  # argparse's own error, exit 2 as well
        main(["--db", str(two_unit_file), "overview", "--month", "2026-13", "--json"])
    assert refused.value.code == 2
    assert main(["--db", str(tmp_path / "finns-ej.sqlite3"), "overview", "--month", MONTH]) == 2
    folder = tmp_path / "mapp"
    folder.mkdir()
    assert main(["--db", str(folder), "overview", "--month", MONTH, "--json"]) == 2
    assert main(["--db", "postgresql://x:hemligt@localhost/db", "overview", "--month", MONTH]) == 2


def test_each_vc_sees_the_units_it_is_vc_of(
    postgres_server: PostgresServer, forvaltning: str, capsys: pytest.CaptureFixture[str]
) -> None:
    def units(user: str) -> list[str]:
        url = postgres_server.url(forvaltning, user=user)
        found = _json(capsys, ["--db", url, "overview", "--month", MONTH, "--json"])
        assert found["month"] == MONTH
        return [u["unit"] for u in found["units"]]

    assert units(VC_AB) == ["A", "B"]
    assert units(VC_A) == ["A"]
    assert units(EC_A) == ["A"]
    owner = _json(
        capsys, ["--db", postgres_server.url(forvaltning), "overview", "--month", MONTH, "--json"]
    )
    vc = _json(
        capsys,
        ["--db", postgres_server.url(forvaltning, user=VC_AB), "overview", "--month", MONTH,
         "--json"],
    )  # fmt: skip
    assert vc["units"] == owner["units"]  # the VC reads the same figures as the owner


def test_the_vc_writes_her_comment_and_not_the_ecs(
    postgres_server: PostgresServer, forvaltning: str, capsys: pytest.CaptureFixture[str]
) -> None:
    ec = postgres_server.url(forvaltning, user=EC_A)
    vc = postgres_server.url(forvaltning, user=VC_A)
    assert main(["--db", ec, "--unit", "A", "month-comment", "--month", MONTH, "--text", "EC"]) == 0
    assert (
        main(["--db", vc, "vc-comment", "--month", MONTH, "--unit-code", "a", "--text", "Bra"]) == 0
    )
    # The EC's comment is not hers to change, nor is a unit she is not VC of.
    capsys.readouterr()
    assert main(["--db", vc, "--unit", "A", "month-comment", "--month", MONTH, "--text", "X"]) == 2
    assert "saknar behörighet" in capsys.readouterr().err
    assert (
        main(["--db", vc, "vc-comment", "--month", MONTH, "--unit-code", "B", "--text", "X"]) == 2
    )
    # The EC of A is not its VC: she does not write the VC's comment.
    assert (
        main(["--db", ec, "vc-comment", "--month", MONTH, "--unit-code", "A", "--text", "X"]) == 2
    )
    found = _json(capsys, ["--db", vc, "overview", "--month", MONTH, "--json"])
    assert [(u["comment"], u["vc_comment"]) for u in found["units"]] == [("EC", "Bra")]
    with postgres_server.connect(forvaltning) as owner:
        rows = owner.execute(
            "SELECT r.ec_comment, r.vc_comment FROM month_reports r JOIN units u "
            "ON u.id = r.unit_id WHERE u.code = 'A' AND r.month = %s",
            (MONTH,),
        ).fetchall()
    assert rows == [("EC", "Bra")]
    with postgres_server.connect(forvaltning) as owner:
        logged = owner.execute(
            "SELECT a.action, a.entity_id, a.before_json, a.after_json FROM audit_log a "
            "JOIN units u ON u.id = a.unit_id WHERE u.code = 'A' AND a.action = 'vc_kommentar'"
        ).fetchall()
    assert len(logged) == 1  # the VC's decision is traced, its length and not its text
    action, month, before, after = logged[0]
    assert (action, month) == ("vc_kommentar", MONTH)
    assert "Bra" not in f"{before}{after}" and '"length": 3' in str(after)
    # That one entry is all a VC may add to the log.
    with (
        postgres_server.connect(forvaltning, user=VC_A) as as_vc,
        pytest.raises(Exception, match="row-level security"),
    ):
        as_vc.execute(
            "INSERT INTO audit_log (actor, action, entity, unit_id, at) SELECT 'x', "
            "'radera_allt', 'x', id, now() FROM units WHERE code = 'A'"
        )


def test_a_vc_comment_needs_the_ecs_month_report_row(
    postgres_server: PostgresServer, forvaltning: str, capsys: pytest.CaptureFixture[str]
) -> None:
    vc = postgres_server.url(forvaltning, user=VC_AB)
    capsys.readouterr()
    assert (
        main(["--db", vc, "vc-comment", "--month", "2026-01", "--unit-code", "B", "--text", "X"])
        == 2
    )
    assert "ingen månadsrapport för 2026-01" in capsys.readouterr().err


def test_the_vc_report_of_all_units_has_a_sheet_per_unit_and_a_comparison(
    postgres_server: PostgresServer,
    forvaltning: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    vc = postgres_server.url(forvaltning, user=VC_AB)
    out = tmp_path / "forvaltning.xlsx"
    found = _json(capsys, ["--db", vc, "overview", "--month", MONTH, "--json", "--out", str(out)])
    workbook = openpyxl.load_workbook(out)
    assert workbook.sheetnames == ["Jämförelse", "Trender", "A", "B"]
    comparison = workbook["Jämförelse"]
    rows = list(comparison.iter_rows(values_only=True))
    header = next(r for r in rows if r[0] == "Nyckeltal")
    assert header[1:3] == ("A", "B")
    sick = next(r for r in rows if r[0] == "Sjukfrånvaro")
    assert [sick[1], sick[2]] == [u["sick_percent"] for u in found["units"]]
    closed = next(r for r in rows if r[0] == "Markerad klar")
    assert closed[1:3] == ("nej", "nej")
    for code in ("A", "B"):
        sheet = workbook[code]
        assert sheet["A1"].value.startswith(f"Månadsrapport {MONTH}")
        assert f"({code})" in sheet["A1"].value
    trends = list(workbook["Trender"].iter_rows(values_only=True))
    assert [r[0] for r in trends[2:4]] == ["A", "B"]
    assert len(trends[1]) == 13  # the unit and 12 months


def test_the_vc_report_of_all_units_as_one_pdf(
    postgres_server: PostgresServer, forvaltning: str, tmp_path: Path
) -> None:
    vc = postgres_server.url(forvaltning, user=VC_AB)
    out = tmp_path / "forvaltning.pdf"
    # In a process of its own, as the VC's scripts run it: the Qt application the command
    # starts for drawing would otherwise stay for the window tests later in this process.
    done = subprocess.run(
        [sys.executable, "-m", "enhetschef_app", "--db", vc, "overview", "--month", MONTH,
         "--pdf", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    pages = data.count(b"/Type /Page") - data.count(b"/Type /Pages")
    assert pages >= 2  # each unit from a page of its own
    assert main(["--db", vc, "overview", "--month", MONTH, "--pdf", str(tmp_path / "x.xlsx")]) == 2


def test_units_still_on_a_laptop_show_from_the_shared_workbook(
    postgres_server: PostgresServer,
    forvaltning: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    laptop = tmp_path / "c.sqlite3"
    size = ["--staff", "6", "--weeks", "8", "--end", "2026-11-30", "--seed", "7"]
    assert main(["--db", str(laptop), "demo", "--unit", "C", *size]) == 0
    workbook = tmp_path / "delad.xlsx"
    for db, code in ((laptop, "C"), (tmp_path / "a-gammal.sqlite3", "A")):
        if code == "A":  # A's laptop file from before A moved to the server
            assert main(["--db", str(db), "demo", "--unit", "A", *size]) == 0
        command = ["--db", str(db), "--unit", code, "sync", "--month", MONTH]
        assert main([*command, "--workbook", str(workbook)]) == 0
    c_summary = _json(
        capsys, ["--db", str(laptop), "--unit", "C", "month-summary", "--month", MONTH, "--json"]
    )

    vc = postgres_server.url(forvaltning, user=VC_AB)
    found = _json(
        capsys,
        ["--db", vc, "overview", "--month", MONTH, "--json", "--workbook", str(workbook)],
    )
    assert [u["unit"] for u in found["units"]] == ["A", "B"]  # A from the server only
    assert [u["unit"] for u in found["workbook_units"]] == ["C"]
    c = found["workbook_units"][0]
    assert c["source"] == "arbetsbok"
    assert c["sheet"] == "Månadsuppföljning"
    for key in ("sick_percent", "hourly_paid_share_percent", "empty_rows", "incidents"):
        assert c[key] == c_summary[key], key
    without = _json(capsys, ["--db", vc, "overview", "--month", MONTH, "--json"])
    assert without["workbook_units"] == []

    capsys.readouterr()
    assert main(["--db", vc, "overview", "--month", MONTH, "--workbook", str(workbook)]) == 0
    text = capsys.readouterr().out
    assert "Ur den delade arbetsboken delad.xlsx" in text
    assert "Finns på servern, visas därifrån: A" in text
    missing = tmp_path / "saknas.xlsx"
    assert main(["--db", vc, "overview", "--month", MONTH, "--workbook", str(missing)]) == 2
    assert "finns inte" in capsys.readouterr().err

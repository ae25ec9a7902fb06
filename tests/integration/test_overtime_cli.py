"""`enhetschef overtime ...`: the JSON keys of request and list, deciding and correcting, and the
exit codes (2 with the limit named when an approval passes one without a reason)."""

from __future__ import annotations

import json
from datetime import time
from pathlib import Path

import pytest
from overtime_helpers import TUESDAY, add_employee, add_row

from enhetschef_app.cli import main
from enhetschef_app.services.core.settings import change_settings
from enhetschef_app.services.core.workspace import ensure_unit, open_workspace

REQUEST_KEYS = {
    "id",
    "employee_no",
    "minutes_simple",
    "minutes_qualified",
    "minutes_mertid",
    "cost",
}


@pytest.fixture
def database(db_path: Path) -> Path:
    workspace = open_workspace(db_path)
    workspace = workspace.with_unit(ensure_unit(workspace, "HT-TEST", "Test"))
    anna = add_employee(workspace, "1001", "Anna Ålund")
    add_row(workspace, TUESDAY, time(7), time(15, 30), anna)
    add_row(workspace, TUESDAY.replace(day=18), time(7), time(15, 30), anna)
    change_settings(workspace, {"overtime.limit_month_hours": 4})
    workspace.close()
    return db_path


def run(capsys: pytest.CaptureFixture[str], database: Path, *args: str) -> tuple[int, str, str]:
    try:
        code = main(["--db", str(database), "overtime", *args])
    except SystemExit as exit_:  # argparse's own refusals
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def request(capsys: pytest.CaptureFixture[str], database: Path, day: str) -> dict[str, object]:
    code, out, _err = run(
        capsys,
        database,
        "request",
        "--employee",
        "1001",
        "--date",
        day,
        "--start",
        "15:30",
        "--end",
        "18:00",
        "--reason",
        "Täcker kvällens tomma rad",
        "--json",
    )
    assert code == 0
    data = json.loads(out)
    assert isinstance(data, dict)
    return data


def test_request_prints_the_contract_keys(
    capsys: pytest.CaptureFixture[str], database: Path
) -> None:
    data = request(capsys, database, "2026-11-17")
    assert set(data) >= REQUEST_KEYS
    assert data["employee_no"] == "1001"
    assert (data["minutes_simple"], data["minutes_qualified"], data["minutes_mertid"]) == (
        120,
        30,
        0,
    )
    assert data["cost"] == 888.96  # kronor, to the öre
    assert data["status"] == "waiting"


def test_request_as_text_and_its_errors(capsys: pytest.CaptureFixture[str], database: Path) -> None:
    base = ["request", "--date", "2026-11-17", "--start", "15:30", "--end", "17:00"]
    code, out, _ = run(capsys, database, *base, "--employee", "1001", "--reason", "Kväll")
    assert code == 0 and "väntar på beslut" in out
    code, _, err = run(capsys, database, *base, "--employee", "9999", "--reason", "Kväll")
    assert code == 2 and "9999 finns inte" in err
    code, _, err = run(capsys, database, *base, "--employee", "1001", "--reason", "  ")
    assert code == 2 and "Ange skäl" in err
    code, _, err = run(
        capsys, database, "request", "--employee", "1001", "--date", "2026-11-17",
        "--start", "25:00", "--end", "17:00", "--reason", "x",
    )  # fmt: skip
    assert code == 2 and "inte en tid" in err


def test_list_filters_by_month_and_status(
    capsys: pytest.CaptureFixture[str], database: Path
) -> None:
    first = request(capsys, database, "2026-11-17")
    request(capsys, database, "2026-12-01")
    code, out, _ = run(capsys, database, "list", "--month", "2026-11", "--json")
    data = json.loads(out)
    assert code == 0 and data["count"] == 1 and data["month"] == "2026-11"
    (row,) = data["requests"]
    assert REQUEST_KEYS | {"status", "date", "start", "end", "decision"} <= set(row)
    assert row["id"] == first["id"]
    code, out, _ = run(capsys, database, "list", "--status", "approved", "--json")
    assert json.loads(out)["count"] == 0
    code, out, _ = run(capsys, database, "list", "--status", "waiting", "--json")
    assert json.loads(out)["count"] == 2
    code, _, err = run(capsys, database, "list", "--status", "maybe", "--json")
    assert code == 2 and "maybe" in err


def test_decide_and_correct(capsys: pytest.CaptureFixture[str], database: Path) -> None:
    request_id = str(request(capsys, database, "2026-11-17")["id"])
    code, out, _ = run(capsys, database, "decide", request_id, "approve", "--reason", "Behövs")
    assert code == 0
    assert "Godkänd" in out and "Allmän övertid per kalendermånad: 0 + 2,5 = 2,5 av 4 h" in out
    code, out, _ = run(capsys, database, "list", "--status", "approved", "--json")
    (row,) = json.loads(out)["requests"]
    assert row["decision"]["reason"] == "Behövs" and row["decision"]["corrects"] is None
    code, out, _ = run(capsys, database, "decide", request_id, "reject", "--reason", "Fel dag")
    assert code == 0 and "Rättelse" in out
    code, out, _ = run(capsys, database, "list", "--status", "rejected", "--json")
    (row,) = json.loads(out)["requests"]
    assert row["decisions"] == 2 and row["decision"]["corrects"] is not None


def test_an_approval_past_a_limit_needs_over_limit_reason(
    capsys: pytest.CaptureFixture[str], database: Path
) -> None:
    first = str(request(capsys, database, "2026-11-17")["id"])
    assert run(capsys, database, "decide", first, "approve", "--reason", "Behövs")[0] == 0
    second = str(request(capsys, database, "2026-11-18")["id"])
    code, _, err = run(capsys, database, "decide", second, "approve", "--reason", "Behövs")
    assert code == 2
    assert "Allmän övertid per kalendermånad: 2,5 + 2,5 = 5 av 4 h" in err
    assert "--over-limit-reason" in err
    code, out, _ = run(capsys, database, "list", "--status", "waiting", "--json")
    assert json.loads(out)["requests"][0]["limits_passed"] == ["month"]
    code, out, _ = run(
        capsys, database, "decide", second, "approve", "--reason", "Behövs",
        "--over-limit-reason", "Särskilda skäl",
    )  # fmt: skip
    assert code == 0 and "ÖVER GRÄNSEN" in out
    # Rejecting passes no limit and needs no such reason.
    third = str(request(capsys, database, "2026-11-19")["id"])
    assert run(capsys, database, "decide", third, "reject", "--reason", "Nej")[0] == 0


def test_decide_errors(capsys: pytest.CaptureFixture[str], database: Path) -> None:
    code, _, err = run(capsys, database, "decide", "42", "approve", "--reason", "x")
    assert code == 2 and "42 finns inte" in err
    code, _, err = run(capsys, database, "decide", "x", "approve", "--reason", "x")
    assert code == 2 and "inte ett nummer" in err
    code, _, err = run(capsys, database, "decide", "1", "maybe", "--reason", "x")
    assert code == 2 and "maybe" in err

"""`enhetschef incidents ...`: the JSON keys of list and stats, free text only with
--with-text, the APT workbook, and the exit codes."""

from __future__ import annotations

import json
from datetime import date, time
from pathlib import Path

import openpyxl
import pytest

from enhetschef_app.cli import main
from enhetschef_app.domain.incident_report import IncidentDraft
from enhetschef_app.domain.incidents import Track
from enhetschef_app.services.core.workspace import ensure_unit, open_workspace
from enhetschef_app.services.incidents.workflow import register_incident

LIST_KEYS = {
    "number",
    "event_date",
    "event_time",
    "reported_on",
    "track",
    "track_label",
    "category",
    "category_label",
    "state",
    "state_label",
    "steps",
    "closed_on",
    "actions",
    "deadlines",
    "overdue",
}
TEXT_KEYS = {"reporter", "description", "immediate_action", "investigation_note"}
STATS_KEYS = {
    "unit",
    "year",
    "as_of",
    "total",
    "by_track",
    "by_category",
    "by_state",
    "by_month",
    "by_month_and_track",
    "closed",
    "median_days_to_close",
    "overdue",
    "overdue_by_step",
    "actions",
    "lex_sarah_serious",
    "reported_to_ivo",
    "staffing_at_event",
}


@pytest.fixture
def database(db_path: Path) -> Path:
    workspace = open_workspace(db_path)
    workspace = workspace.with_unit(ensure_unit(workspace, "HT-NORR", "Norr"))
    for on, track, category in (
        (date(2026, 10, 5), Track.LEX_MARIA, "lakemedel"),
        (date(2026, 11, 2), Track.OTHER, "fall"),
        (date(2026, 11, 20), Track.LEX_SARAH, "bemotande"),
    ):
        draft = IncidentDraft(
            on, time(8, 15), on, "Kim Karlsson", category, track, "Brukare 811218-9876 föll", ""
        )
        register_incident(workspace, draft, date(2026, 11, 24))
    workspace.close()
    return db_path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exit_:  # argparse's own errors leave through sys.exit
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_list_json_of_a_month_without_free_text(
    database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(
        capsys,
        "--db",
        str(database),
        "incidents",
        "list",
        "--month",
        "2026-11",
        "--as-of",
        "2026-11-24",
        "--json",
    )
    assert code == 0
    found = json.loads(out)
    assert set(found) == {"unit", "first", "last", "with_text", "count", "incidents"}
    assert (found["first"], found["last"], found["count"]) == ("2026-11-01", "2026-11-30", 2)
    assert [i["number"] for i in found["incidents"]] == ["AVV-2026-0003", "AVV-2026-0002"]
    assert all(set(i) == LIST_KEYS for i in found["incidents"])
    assert found["incidents"][0]["event_time"] == "08:15"
    assert "Kim" not in out and "811218" not in out and "föll" not in out


def test_list_with_text_and_filters(database: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys,
        "--db",
        str(database),
        "incidents",
        "list",
        "--track",
        "lex_maria",
        "--as-of",
        "2026-11-24",
        "--with-text",
        "--json",
    )
    assert code == 0
    (only,) = json.loads(out)["incidents"]
    assert set(only) == LIST_KEYS | TEXT_KEYS
    assert only["reporter"] == "Kim Karlsson"
    assert only["deadlines"][0] == {
        "what": "Överlämnas till MAS",
        "due": "2026-10-08",
        "days_over": 47,
    }
    code, out, _ = run(
        capsys, "--db", str(database), "incidents", "list", "--overdue", "--as-of", "2026-11-24"
    )
    assert code == 0
    assert "AVV-2026-0001" in out and "AVV-2026-0003" not in out
    assert out.strip().endswith("1 avvikelser")


def test_stats_json_has_the_documented_keys(
    database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(
        capsys,
        "--db",
        str(database),
        "incidents",
        "stats",
        "--year",
        "2026",
        "--as-of",
        "2026-11-24",
        "--json",
    )
    assert code == 0
    stats = json.loads(out)
    assert set(stats) == STATS_KEYS
    assert stats["total"] == 3
    assert stats["by_state"]["ny"] == 3
    assert stats["median_days_to_close"] is None
    assert stats["by_month"]["2026-10"] == 1


def test_apt_export_writes_a_workbook(
    database: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "apt.xlsx"
    code, out, _ = run(
        capsys, "--db", str(database), "incidents", "apt-export", str(target), "--year", "2026"
    )
    assert code == 0 and str(target) in out
    assert "Per månad" in openpyxl.load_workbook(target).sheetnames


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["incidents", "stats", "--year", "26"], "inte ett år"),
        (["incidents", "list", "--month", "2026-13"], "inte en månad"),
        (["incidents", "list", "--month", "2026-11", "--year", "2026"], "antingen --month"),
        (["incidents", "stats"], "--year"),
        (["incidents", "apt-export", "x.csv", "--year", "2026"], ".xlsx"),
    ],
)
def test_users_errors_exit_2_with_a_swedish_line(
    database: Path, capsys: pytest.CaptureFixture[str], args: list[str], words: str
) -> None:
    code, _, err = run(capsys, "--db", str(database), *args)
    assert code == 2
    assert words in err
    assert "Traceback" not in err


def test_a_database_of_several_units_asks_which(
    database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workspace = open_workspace(database, "HT-NORR")
    ensure_unit(workspace, "HT-SYD")
    workspace.close()
    code, _, err = run(capsys, "--db", str(database), "incidents", "list")
    assert code == 2 and "--unit" in err
    code, out, _ = run(
        capsys, "--db", str(database), "--unit", "HT-SYD", "incidents", "list", "--json"
    )
    assert code == 0 and json.loads(out)["count"] == 0

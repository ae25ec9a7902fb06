"""Budget and utfall in: the ekonomisystem's export as xlsx or csv (headers in any order, with
aliases, 'okt 2026' and 2026-10, Swedish amounts), every bad row named, the same file twice
changing nothing, the utfall replacing the estimate; and the CLI's exit codes."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from enhetschef_app.cli import main
from enhetschef_app.domain.economy_year import CostSource
from enhetschef_app.domain.errors import ImportFormatError
from enhetschef_app.domain.year_month import YearMonth
from enhetschef_app.services.core.workspace import Workspace
from enhetschef_app.services.economy.budget import (
    BudgetEntry,
    import_budget,
    import_outcome,
    save_budget,
)
from enhetschef_app.services.economy.costs import year_view

D = Decimal


def xlsx(path: Path, rows: list[list[object]], sheet: str = "Budget") -> Path:
    workbook = openpyxl.Workbook()
    ws = workbook.active
    ws.title = sheet
    for row in rows:
        ws.append(row)
    workbook.save(path)
    return path


def test_a_budget_in_any_order_with_aliases_and_swedish_numbers_is_stored(
    workspace: Workspace, tmp_path: Path
) -> None:
    path = xlsx(
        tmp_path / "budget.xlsx",
        [
            ["ÅA", "Period", "Budget personalkostnad"],
            ["21,5", "okt 2026", "1 234 567,50"],
            [21.5, "2026-11", 1250000],
            ["22", "december 2026", "1 301 000 kr"],
        ],
    )
    summary = import_budget(workspace, path)
    assert summary.months == ("2026-10", "2026-11", "2026-12")
    assert (summary.changed, summary.unchanged) == (3, 0)
    year = year_view(workspace, 2026).year
    assert year.month(10).budget == D("1234567.50")
    assert year.month(10).fte_budget == D("21.5")
    assert year.month(11).budget == D("1250000.00")
    assert year.month(12).budget == D("1301000.00")
    assert year.month(9).budget is None
    again = import_budget(workspace, path)
    assert (again.changed, again.unchanged) == (0, 3)


def test_every_bad_row_is_named_by_sheet_row_and_column_and_nothing_is_saved(
    workspace: Workspace, tmp_path: Path
) -> None:
    path = xlsx(
        tmp_path / "fel.xlsx",
        [
            ["Månad", "Personalkostnad", "Årsarbetare"],
            ["2026-10", "1 000 000", "20"],
            ["oktobr 2026", "1 000 000", "20"],
            ["2026-11", "1.000.000,5", "20"],
            ["2026-12", "-5", "tjugo"],
            ["2026-10", "900 000", "20"],
        ],
    )
    with pytest.raises(ImportFormatError) as caught:
        import_budget(workspace, path)
    problems = [(p.sheet, p.row, p.column) for p in caught.value.problems]
    assert problems == [
        ("Budget", 3, "Månad"),
        ("Budget", 4, "Personalkostnad"),
        ("Budget", 5, "Personalkostnad"),
        ("Budget", 5, "Årsarbetare"),
        ("Budget", 6, "Månad"),
    ]
    text = caught.value.full_text()
    assert "blad 'Budget', rad 6, kolumn 'Månad'" in text
    assert "finns redan på rad 2" in text
    assert year_view(workspace, 2026).year.budget is None


def test_a_csv_budget_and_a_missing_column(workspace: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "budget.csv"
    path.write_text(
        "Personalkostnad;Månad\n1 100 000,00;jan 2026\n1 120 000;2026-02\n", encoding="cp1252"
    )
    assert import_budget(workspace, path).months == ("2026-01", "2026-02")
    bad = tmp_path / "utan.csv"
    bad.write_text("Månad;Kostnadsställe\n2026-01;4711\n", encoding="utf-8")
    with pytest.raises(ImportFormatError) as caught:
        import_budget(workspace, bad)
    assert "saknas kolumnen Personalkostnad" in caught.value.message


def test_booked_utfall_replaces_the_estimate_and_shows_the_difference(
    workspace: Workspace, tmp_path: Path
) -> None:
    save_budget(workspace, [BudgetEntry(YearMonth(2026, 3), D(50_000), D(1))])
    before = year_view(workspace, 2026, as_of=YearMonth(2026, 5).first).year.month(3)
    assert before.source is CostSource.ESTIMATE
    path = xlsx(
        tmp_path / "utfall.xlsx",
        [["Månad", "Utfall personalkostnad"], ["mar 2026", "48 250,75"]],
        sheet="Utfall",
    )
    assert import_outcome(workspace, path).months == ("2026-03",)
    after = year_view(workspace, 2026, as_of=YearMonth(2026, 5).first).year
    march = after.month(3)
    assert march.source is CostSource.OUTCOME
    assert march.cost == D("48250.75")
    assert march.outcome_difference == D("48250.75") - march.estimate
    assert march.deviation == D("1749.25")
    assert march.budget == D(50_000)  # the utfall leaves the budget alone
    assert after.forecast == D("48250.75") + sum(
        (m.estimate for m in after.months if m.month.month != 3), D(0)
    )


def test_the_cli_imports_and_exits_2_on_a_bad_file(
    workspace: Workspace, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = xlsx(tmp_path / "b.xlsx", [["Månad", "Personalkostnad"], ["2026-10", "1 000 000"]])
    capsys.readouterr()
    assert main(["--db", str(db_path), "import-budget", str(good), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out == {
        "file": "b.xlsx",
        "unit": "HT-TEST",
        "kind": "budget",
        "months": ["2026-10"],
        "changed": 1,
        "unchanged": 0,
    }
    bad = xlsx(tmp_path / "u.xlsx", [["Månad", "Utfall personalkostnad"], ["2026-13", "1"]])
    assert main(["--db", str(db_path), "import-utfall", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "rad 2, kolumn 'Månad'" in err
    assert main(["--db", str(db_path), "economy", "2026-10", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["personnel_budget"] == 1_000_000
    assert data["lines"] == [] and data["estimate"] == 0

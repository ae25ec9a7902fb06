"""The personnel economy of the hand-made unit of `month_unit` (October 2026), worked out by hand:
the cost lines, the month summary's eight economy figures, the VC report and the sync of the
economy columns into a shared workbook that has them and one that does not."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from month_unit import build_month_unit

from enhetschef_app.domain.economy import CostKind
from enhetschef_app.domain.year_month import YearMonth
from enhetschef_app.excel.tables import header_key
from enhetschef_app.services.core.settings import change_settings
from enhetschef_app.services.core.workspace import Workspace
from enhetschef_app.services.economy.budget import BudgetEntry, save_budget
from enhetschef_app.services.economy.costs import estimate_month
from enhetschef_app.services.month.summary import month_summary
from enhetschef_app.services.month.sync import sync_month_to_shared_workbook
from enhetschef_app.services.staff.employees import list_employees, save_employee

D = Decimal
OCTOBER = YearMonth(2026, 10)


@pytest.fixture
def workspace(any_workspace: Workspace) -> Workspace:
    """Every test here runs on SQLite and on PostgreSQL (the shared workbook's copies have no
    folder beside a server database)."""
    return any_workspace


@pytest.fixture
def unit(workspace: Workspace) -> Workspace:
    """The month unit with a 40 h week and Anna Ahl (A) at 32 500 kr; the others have no salary;
    budget 10 000 kr in September and 50 000 kr (3 årsarbetare) in October."""
    build_month_unit(workspace)
    change_settings(workspace, {"unit.fulltime_week_hours": "40"})
    anna = next(e for e in list_employees(workspace) if e.name == "Anna Ahl")
    save_employee(workspace, replace(anna.as_draft(), monthly_salary=32_500), anna.id)
    save_budget(
        workspace,
        [
            BudgetEntry(YearMonth(2026, 9), D(10_000), D(3)),
            BudgetEntry(OCTOBER, D(50_000), D(3)),
        ],
    )
    return workspace


def test_the_cost_lines_of_october(unit: Workspace) -> None:
    cost = estimate_month(unit, 2026, 10)
    by_kind = {(ln.kind, ln.person): ln.amount for ln in cost.lines}
    # A: salary 32 500; sick 10-06 and 10-07, two D shifts of 8 h: 16 h × 187,50 deducted,
    # 16 h × 150 sick pay, one karensavdrag 0,2 × 0,8 × 187,50 × 40 = 1 200.
    assert by_kind[(CostKind.SALARY, "Anna Ahl")] == D("32500.00")
    assert by_kind[(CostKind.SICK_DEDUCTION, "Anna Ahl")] == D("-3000.00")
    assert by_kind[(CostKind.SICK_PAY, "Anna Ahl")] == D("2400.00")
    assert by_kind[(CostKind.QUALIFYING_DEDUCTION, "Anna Ahl")] == D("-1200.00")
    # D (timavlönad, the unit's default rate 170 kr): row 9 and row 2 as cover, 16 h.
    assert by_kind[(CostKind.HOURLY, "Dan Dahl")] == D("2720.00")
    assert cost.wages == D("33420.00")
    assert cost.po == D("13368.00")
    assert cost.total == D("46788.00")
    # B, C and E have no salary: listed, not zero.
    assert sorted(g.person for g in cost.gaps) == ["Bo Berg", "Cia Cato", "Eva Ek"]


def test_the_month_summary_gains_the_economy_figures(unit: Workspace) -> None:
    summary = month_summary(unit, 2026, 10)
    values = {key: summary.value(key) for key in ECONOMY}
    assert values == {
        "personnel_cost": D("46788.00"),
        "personnel_budget": D("50000.00"),
        "budget_deviation": D("3212.00"),
        # September: 45 500 (A's salary with PO) against 10 000.
        "budget_deviation_ytd": D("3212.00") + D("-35500.00"),
        # Eleven months of A's 45 500 and October's 46 788.
        "forecast_year": 11 * D("45500.00") + D("46788.00"),
        # A 1 + B 0,75 + C 1 + E 15/31 + D 16 h / 165 h.
        "fte_actual": D("3.33"),
        "fte_budget": D("3"),
        # Fixed 8 + 11,25 + 19 + 8 = 46,25 h against D's 16 h.
        "fixed_share_percent": D("74.30"),
    }
    data = summary.as_dict()
    assert data["budget_deviation"] == 3212
    assert data["figures"]["forecast_year"]["inputs"]["planned_months"] == 0
    assert data["figures"]["personnel_cost"]["inputs"]["gaps"] == 3


ECONOMY = (
    "personnel_cost",
    "personnel_budget",
    "budget_deviation",
    "budget_deviation_ytd",
    "forecast_year",
    "fte_actual",
    "fte_budget",
    "fixed_share_percent",
)


def _sheet(path: Path, headers: list[str], rows: list[list[object]]) -> Path:
    workbook = openpyxl.Workbook()
    ws = workbook.active
    ws.title = "Uppföljning"
    ws.append(headers)
    for row in rows:
        ws.append(row)
    workbook.save(path)
    return path


REQUIRED = [
    "Enhet",
    "Månad",
    "Sjukfrånvaro %",
    "Andel timavlönade %",
    "Övertid (h)",
    "Mertid (h)",
    "Tomma rader",
    "Omtankessamtal hållna",
    "Avvikelser",
]


def test_the_sync_writes_the_economy_columns_the_workbook_has(
    unit: Workspace, tmp_path: Path
) -> None:
    economy = [
        "Personalkostnad",
        "Budget (kr)",  # an alias
        "Avvikelse",
        "Avvikelse ack.",
        "Prognos helår",
        "Årsarbetare",
        "Fast andel %",
    ]
    other = ["HT-ANNAN", "2026-10", *([1] * 7), *([7] * 7)]
    path = _sheet(tmp_path / "delad.xlsx", [*REQUIRED, *economy], [other])
    outcome = sync_month_to_shared_workbook(unit, OCTOBER, path, "Uppföljning")
    assert outcome.added_columns == ()
    ws = openpyxl.load_workbook(path)["Uppföljning"]
    headers = [c.value for c in ws[1]]
    assert headers == [*REQUIRED, *economy]
    row = {h: ws.cell(outcome.row_number, i + 1).value for i, h in enumerate(headers)}
    assert row["Personalkostnad"] == 46788
    assert row["Budget (kr)"] == 50000
    assert row["Avvikelse"] == 3212
    assert row["Avvikelse ack."] == -32288
    assert row["Prognos helår"] == 547288
    assert row["Årsarbetare"] == 3.33
    assert row["Fast andel %"] == 74.3
    assert [c.value for c in ws[2]] == other  # the other unit's row is untouched


def test_the_sync_adds_no_economy_column_to_a_workbook_without_them(
    unit: Workspace, tmp_path: Path
) -> None:
    other = ["HT-ANNAN", "2026-10", 1, 2, 3, 4, 5, 6, 7, "VC:s egen"]
    path = _sheet(tmp_path / "delad.xlsx", [*REQUIRED, "Anteckning"], [other])
    outcome = sync_month_to_shared_workbook(unit, OCTOBER, path, "Uppföljning")
    assert outcome.added_columns == ()
    ws = openpyxl.load_workbook(path)["Uppföljning"]
    assert [c.value for c in ws[1]] == [*REQUIRED, "Anteckning"]
    assert ws.max_column == len(REQUIRED) + 1
    assert [c.value for c in ws[2]] == other
    mine = [c.value for c in ws[outcome.row_number]]
    assert mine[:2] == ["HT-TEST", "2026-10"] and mine[-1] is None
    assert not {header_key(h) for h in ("Personalkostnad", "Budget")} & {
        header_key(str(c.value)) for c in ws[1]
    }


def test_the_vc_report_shows_the_economy_in_excel_and_pdf(unit: Workspace, tmp_path: Path) -> None:
    db = str(unit.location)
    unit.close()
    xlsx, pdf = tmp_path / "r.xlsx", tmp_path / "r.pdf"
    # Its own process, as a scheduled job would: the PDF is drawn by Qt.
    done = subprocess.run(
        [sys.executable, "-m", "enhetschef_app", "--db", db, "export-month", "--month", "2026-10",
         "--out", str(xlsx), "--pdf", str(pdf)],
        capture_output=True, text=True, timeout=300, check=False,
        env={k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    sheet = openpyxl.load_workbook(xlsx)["Månadsrapport"]
    rows = {str(r[0]): r[1:] for r in sheet.iter_rows(values_only=True) if r[0]}
    assert "Personalekonomi" in rows
    assert rows["Personalkostnad"][0] == 46788
    assert rows["Budget personalkostnad"][0] == 50000
    assert rows["Avvikelse mot budget"][0] == 3212
    assert rows["Avvikelse ackumulerad"][0] == -32288
    assert rows["Prognos helår"][0] == 547288
    assert rows["Årsarbetare (utfall)"][0] == 3.33
    assert rows["Årsarbetare (budget)"][0] == 3
    assert rows["Fast bemanning"][0] == 74.3
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    for words in ("Personalekonomi", "Prognos helår", "547 288,00 kr", "3,33 åa", "74,30 %"):
        assert words in text, words

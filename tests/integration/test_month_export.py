"""The month report for the VC: the workbook read back with openpyxl (figures and targets, native
charts of the trends, definitions, the comment, no names), opened by LibreOffice headless, the
PDF drawn by Qt; and the command line's contract."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest
from month_unit import build_month_unit

from enhetschef_app.cli import main
from enhetschef_app.domain.year_month import YearMonth
from enhetschef_app.services.core.workspace import Workspace
from enhetschef_app.services.month.document import export_month_workbook
from enhetschef_app.services.month.report import close_month, save_comment

OCTOBER = YearMonth(2026, 10)
NAMES = ("Anna Ahl", "Bo Berg", "Cia Cato", "Dan Dahl", "Eva Ek", "1001", "1002")


@pytest.fixture
def report(workspace: Workspace, tmp_path: Path) -> Path:
    build_month_unit(workspace)
    save_comment(workspace, OCTOBER, "=Sjukfrånvaron följs upp på APT.")
    path, _document = export_month_workbook(workspace, OCTOBER, tmp_path / "rapport.xlsx")
    return path


def _rows(sheet: openpyxl.worksheet.worksheet.Worksheet) -> dict[str, tuple[object, ...]]:
    return {str(row[0]): row[1:] for row in sheet.iter_rows(values_only=True) if row[0]}


def test_the_report_has_figures_targets_trends_definitions_and_the_comment(report: Path) -> None:
    workbook = openpyxl.load_workbook(report)
    assert workbook.sheetnames == ["Månadsrapport", "Trender", "Definitioner"]
    summary = workbook["Månadsrapport"]
    rows = _rows(summary)
    assert summary["A1"].value.startswith("Månadsrapport 2026-10 – Hemtjänst Test (HT-TEST)")
    assert rows["Status"][0] == "Utkast: inte markerad klar"
    assert rows["Sjukfrånvaro"][:3] == (26.69, 5.0, "Över målet")
    assert rows["Andel timavlönade"][:3] == (22.78, 15.0, "Över målet")
    assert rows["Personalomsättning, 12 mån"][:3] == (34.29, 11.0, "Över målet")
    assert rows["Tomma rader"][0] == 6
    assert rows["Schemalagda timmar"][0] == 74.0
    label = next(c for c in summary["A"] if c.value == "Sjukfrånvaro")
    assert label.comment is not None and "Sjuktimmar / schemalagda timmar" in label.comment.text
    comment = next(c for c in summary["A"] if c.value == "=Sjukfrånvaron följs upp på APT.")
    assert comment.data_type == "s"  # the comment stays text, not a formula

    trends = workbook["Trender"]
    months = [r[0] for r in trends.iter_rows(min_row=2, values_only=True)]
    assert months == [YearMonth(2026, 10).shifted(-n).label for n in range(11, -1, -1)]
    october = next(trends.iter_rows(min_row=13, values_only=True))
    assert october[:3] == ("2026-10", 26.69, 5.0)
    assert len(trends._charts) == 3
    definitions = _rows(workbook["Definitioner"])
    assert "Sjuktimmar / schemalagda timmar × 100" in str(definitions["Sjukfrånvaro"][1])
    assert "sjuktimmar: 19,75" in str(definitions["Sjukfrånvaro"][2])
    with zipfile.ZipFile(report) as archive:
        charts = [n for n in archive.namelist() if n.startswith("xl/charts/chart")]
    assert len(charts) == 3  # native Excel charts


def test_the_report_names_no_one(report: Path) -> None:
    workbook = openpyxl.load_workbook(report)
    texts = [
        str(cell.value)
        for sheet in workbook.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.value is not None
    ]
    for name in NAMES:
        assert not any(name in text for text in texts), name


def test_a_klar_month_reports_its_locked_figures(workspace: Workspace, tmp_path: Path) -> None:
    from datetime import date

    from enhetschef_app.domain.absences import AbsenceDraft
    from enhetschef_app.services.absence.absences import save_absence

    unit = build_month_unit(workspace)
    close_month(workspace, OCTOBER, today=date(2026, 11, 5))
    save_absence(
        workspace, AbsenceDraft(unit.people["C"], "sjuk", date(2026, 10, 13), date(2026, 10, 13))
    )
    path, document = export_month_workbook(workspace, OCTOBER, tmp_path / "klar.xlsx")
    rows = _rows(openpyxl.load_workbook(path)["Månadsrapport"])
    assert rows["Sjukfrånvaro"][0] == 26.69
    assert rows["Sjukfrånvaro"][3] == "nu 37,5 %"
    assert str(rows["Status"][0]).startswith("Klar (markerad ")
    assert any("ändrats sedan månaden markerades klar" in note for note in document.notes)


def test_libreoffice_opens_the_report(report: Path, tmp_path: Path) -> None:
    out = tmp_path / "pdf"
    done = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            str(report),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    pdf = out / "rapport.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    assert pdf.stat().st_size > 5000


def test_the_cli_exports_excel_and_a_pdf_drawn_by_qt(workspace: Workspace, tmp_path: Path) -> None:
    build_month_unit(workspace)
    db = str(workspace.path)
    workspace.close()
    xlsx, pdf = tmp_path / "r.xlsx", tmp_path / "r.pdf"
    # Its own process: the command starts Qt itself, headless, as a scheduled job would.
    done = subprocess.run(
        [sys.executable, "-m", "enhetschef_app", "--db", db, "export-month", "--month", "2026-10",
         "--out", str(xlsx), "--pdf", str(pdf)],
        capture_output=True, text=True, timeout=180, check=False,
        env={k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert openpyxl.load_workbook(xlsx).sheetnames[0] == "Månadsrapport"
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and b"Enhetschef" in data
    assert not list(tmp_path.glob(".*sparas*"))


def test_month_summary_json_and_exit_codes(
    workspace: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    build_month_unit(workspace)
    db = str(workspace.path)
    workspace.close()
    assert main(["--db", db, "month-summary", "--month", "2026-10", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["unit"], data["month"], data["sick_percent"]) == ("HT-TEST", "2026-10", 26.69)
    assert data["closed"] is None and data["differences"] == []
    with pytest.raises(SystemExit) as bad_month:
        main(["--db", db, "month-summary", "--month", "2026-13"])
    assert bad_month.value.code == 2
    assert "inte en månad" in capsys.readouterr().err
    assert main(["--db", db, "month-close", "--month", "2099-01"]) == 2
    assert "inte slut" in capsys.readouterr().err
    assert main(["--db", db, "month-comment", "--month", "2026-10", "--text", "Ryggskott x2"]) == 0
    assert "varning" in capsys.readouterr().err
    assert main(["--db", db, "month-close", "--month", "2026-10"]) == 0
    assert main(["--db", db, "month-summary", "--month", "2026-10", "--json"]) == 0
    closed = json.loads(capsys.readouterr().out.split("\n", 1)[1])
    assert closed["closed"]["by"] and closed["comment"] == "Ryggskott x2"
    assert main(["--db", db, "month-reopen", "--month", "2026-10", "--reason", "fel"]) == 0
    assert main(["--db", db, "export-month", "--month", "2026-10", "--out", "x.txt"]) == 2

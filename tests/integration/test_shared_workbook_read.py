"""Reading every unit's row of a month from the VC's shared workbook (Förvaltning's units that
still sync from a laptop): the VC's own sample, a unit's row as the program syncs it, and rows
typed by hand in the ways people type them."""

from __future__ import annotations

import json
import shutil
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from shared_workbooks import SAMPLE_NAME

from enhetschef_app.cli import main
from enhetschef_app.domain.errors import UserError
from enhetschef_app.excel.shared_read import read_workbook_month

DATA = Path(__file__).resolve().parents[1] / "data"


def test_the_vcs_sample_gives_each_units_row_of_the_month(tmp_path: Path) -> None:
    workbook = tmp_path / SAMPLE_NAME
    shutil.copy(DATA / SAMPLE_NAME, workbook)
    before = workbook.read_bytes()
    found = read_workbook_month(workbook, "2026-10")
    assert found.sheet == "Månadsuppföljning"
    assert [(r.unit_code, r.row_number) for r in found.rows] == [("ÄB-SOLG", 4), ("LSS-ENG", 7)]
    solg = found.rows[0]
    assert solg.values["sick_percent"] == Decimal("6.9")
    assert solg.values["overtime_hours"] == Decimal("26")
    assert solg.values["incidents"] == Decimal("5")
    assert "personnel_cost" not in solg.values  # the sheet has no such column
    assert solg.vc_comment == "Följ upp på ledningsgrupp"
    assert solg.comment == ""
    assert workbook.read_bytes() == before  # read, never written
    assert read_workbook_month(workbook, "2025-01").rows == []


def _typed_by_hand(path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Uppföljning"
    sheet.append(["Rapport för området"])
    sheet.append([])
    sheet.append(
        [
            "Enhet",
            "Period",
            "Sjukfrånvaro",
            "Andel timavlönade %",
            "Personalkostnad",
            "Kommentar EC",
            "Kommentar VC",
        ]
    )
    norr = ["hv-norr", "okt 2026", 0.042, "12,5 %", 1234567.5, "Två långa sjukskrivningar", ""]
    sheet.append(norr)
    sheet.append(["HV-SÖDER", datetime(2026, 10, 1), 0.061, 11, "se bilaga", None, "Ring mig"])
    sheet.append(["HV-NORR", "2026-10", 0.5, 50, 1, "dubblett", None])
    sheet.append(["HV-VÄST", "2026-09", 0.05, 10, 1, None, None])
    sheet["C4"].number_format = "0.0%"
    sheet["C5"].number_format = "0.0%"
    sheet["C6"].number_format = "0.0%"
    sheet["B5"].number_format = "yyyy-mm-dd"
    book.save(path)


def test_rows_typed_by_hand_are_read_as_meant(tmp_path: Path) -> None:
    workbook = tmp_path / "omradet.xlsx"
    _typed_by_hand(workbook)
    found = read_workbook_month(workbook, "2026-10")
    assert found.sheet == "Uppföljning"
    assert [r.unit_code for r in found.rows] == ["HV-NORR", "HV-SÖDER"]
    norr, soder = found.rows
    assert norr.values["sick_percent"] == Decimal("4.2")  # a % cell holds 0.042
    assert norr.values["hourly_paid_share_percent"] == Decimal("12.5")
    assert norr.values["personnel_cost"] == Decimal("1234567.5")
    assert norr.comment == "Två långa sjukskrivningar"
    assert soder.values["personnel_cost"] is None
    assert soder.unreadable == ("Personalkostnad",)
    assert soder.vc_comment == "Ring mig"
    assert found.duplicates == [("HV-NORR", 6)]


def test_a_workbook_that_cannot_be_read_is_a_users_error(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="finns inte"):
        read_workbook_month(tmp_path / "saknas.xlsx", "2026-10")
    broken = tmp_path / "trasig.xlsx"
    broken.write_bytes(b"inte en arbetsbok")
    with pytest.raises(UserError, match="inte en Excel-arbetsbok"):
        read_workbook_month(broken, "2026-10")
    empty = tmp_path / "utan-rubriker.xlsx"
    openpyxl.Workbook().save(empty)
    with pytest.raises(UserError, match="rubrikrad"):
        read_workbook_month(empty, "2026-10")


def test_a_units_synced_row_reads_back_as_its_month_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "enhet.sqlite3"
    size = ["--staff", "6", "--weeks", "8", "--end", "2026-11-30", "--seed", "3"]
    assert main(["--db", str(db), "demo", "--unit", "C", *size]) == 0
    workbook = tmp_path / SAMPLE_NAME
    book = openpyxl.load_workbook(DATA / SAMPLE_NAME)
    book["Månadsuppföljning"]["K1"] = "Kommentar EC"  # the VC wants the ECs' comments too
    book.save(workbook)
    common = ["--db", str(db), "--unit", "C"]
    assert main([*common, "month-comment", "--month", "2026-11", "--text", "Lugn höst"]) == 0
    assert main([*common, "sync", "--month", "2026-11", "--workbook", str(workbook)]) == 0
    capsys.readouterr()
    assert main([*common, "month-summary", "--month", "2026-11", "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)

    found = read_workbook_month(workbook, "2026-11")
    assert [r.unit_code for r in found.rows] == ["C"]
    row = found.rows[0]
    for key in ("sick_percent", "hourly_paid_share_percent", "mertid_hours", "incidents"):
        assert row.values[key] == Decimal(str(summary[key])).normalize(), key
    assert row.comment == "Lugn höst"

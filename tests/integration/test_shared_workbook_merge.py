"""The unit's row in the VC's shared workbook: upserted by (Enhet, Månad), columns found by
header in any order, and everything else in the workbook kept exactly (cell by cell, and the
chart, comment, validation and drawing parts byte for byte)."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from month_unit import build_month_unit
from openpyxl.worksheet.table import Table
from shared_workbooks import SAMPLE_NAME, all_cells, find_row, parts, row_values, with_parts

from enhetschef_app.domain.errors import UserError
from enhetschef_app.domain.year_month import YearMonth
from enhetschef_app.excel.shared_merge import WorkbookWriteFailed
from enhetschef_app.excel.xlsx_package import XlsxPackage
from enhetschef_app.services.core.workspace import Workspace, ensure_unit
from enhetschef_app.services.month.report import save_comment
from enhetschef_app.services.month.sync import (
    fetch_vc_comments,
    sync_month_to_shared_workbook,
)

OCTOBER = YearMonth(2026, 10)
SHEET = "Månadsuppföljning"


@pytest.fixture
def shared(samples: Path, tmp_path: Path) -> Path:
    target = tmp_path / "delad" / SAMPLE_NAME
    target.parent.mkdir()
    shutil.copy(samples / SAMPLE_NAME, target)
    return target


@pytest.fixture
def unit_workspace(workspace: Workspace) -> Workspace:
    build_month_unit(workspace)
    return workspace


def test_a_new_row_keeps_every_other_cell_and_part_of_the_sample(
    unit_workspace: Workspace, shared: Path
) -> None:
    before_cells = all_cells(shared)
    before_parts = parts(shared)

    outcome = sync_month_to_shared_workbook(unit_workspace, OCTOBER, shared)

    assert outcome.created_row and outcome.row_number == 8 and outcome.sheet == SHEET
    after_cells = all_cells(shared)
    added = {key for key in after_cells if key not in before_cells}
    assert {coordinate for _sheet, coordinate in added} <= {f"{c}8" for c in "ABCDEFGHI"}
    for key, value in before_cells.items():
        assert after_cells[key] == value, key
    after_parts = parts(shared)
    assert set(after_parts) == set(before_parts)
    changed = {name for name in before_parts if after_parts[name] != before_parts[name]}
    assert changed == {"xl/worksheets/sheet1.xml"}
    for kept in (
        "xl/charts/chart1.xml",
        "xl/drawings/drawing1.xml",
        "xl/comments/comment1.xml",
        "xl/drawings/commentsDrawing1.vml",
        "xl/styles.xml",
    ):
        assert after_parts[kept] == before_parts[kept]
    sheet_xml = after_parts["xl/worksheets/sheet1.xml"].decode()
    old_xml = before_parts["xl/worksheets/sheet1.xml"].decode()
    # Everything outside the rows is as it was: frozen pane, widths, conditional format,
    # validation, the comments' drawing; only the dimension grows by the new row.
    outside = re.sub(r"<sheetData>.*</sheetData>", "", sheet_xml, flags=re.S)
    old_outside = re.sub(r"<sheetData>.*</sheetData>", "", old_xml, flags=re.S)
    assert outside == old_outside.replace('ref="A1:J7"', 'ref="A1:J8"')
    assert "<dataValidation " in outside and "<conditionalFormatting" in outside
    assert 'state="frozen"' in outside and "<legacyDrawing" in outside

    # The hand-made unit's October: 26.69 % sick, 22.78 % hourly paid, 6 empty rows, 1 talk
    # held, 3 incidents, no approved overtime or mertid.
    assert row_values(shared, SHEET, 8) == {
        "Enhet": "HT-TEST",
        "Månad": "2026-10",
        "Sjukfrånvaro %": 26.69,
        "Andel timavlönade %": 22.78,
        "Övertid (h)": 0,
        "Mertid (h)": 0,
        "Tomma rader": 6,
        "Omtankessamtal hållna": 1,
        "Avvikelser": 3,
        "Kommentar VC": None,
    }
    loaded = openpyxl.load_workbook(shared)
    assert loaded["Översikt"]._charts, "the chart is still there for openpyxl too"
    assert loaded[SHEET].freeze_panes == "A2"
    assert loaded[SHEET]["A1"].comment.text.startswith("En rad per enhet")
    assert loaded[SHEET].column_dimensions["J"].width == 30
    assert loaded["Översikt"]["B2"].value.startswith("=AVERAGEIF(")


def test_an_existing_row_is_updated_and_the_vcs_cells_are_kept(
    workspace: Workspace, shared: Path
) -> None:
    unit = ensure_unit(workspace, "LSS-ENG", "LSS Engelbrekt")
    ws = workspace.with_unit(unit)
    before = all_cells(shared)

    outcome = sync_month_to_shared_workbook(ws, OCTOBER, shared)

    assert not outcome.created_row and outcome.row_number == 7
    assert outcome.vc_comment == "Följ upp på ledningsgrupp"
    after = all_cells(shared)
    for key, value in before.items():
        sheet, coordinate = key
        if sheet == SHEET and coordinate[1:] == "7" and coordinate[0] in "CDEFGHI":
            continue
        assert after[key] == value, key
    values = row_values(shared, SHEET, 7)
    assert values["Kommentar VC"] == "Följ upp på ledningsgrupp"
    assert values["Sjukfrånvaro %"] is None  # an empty unit has no sick share
    assert values["Tomma rader"] == 0
    assert openpyxl.load_workbook(shared)[SHEET].max_row == 7  # no new row


def test_columns_are_found_by_header_in_any_order(
    unit_workspace: Workspace, tmp_path: Path
) -> None:
    path = tmp_path / "egen.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Uppföljning"
    sheet.append(["Åtgärd", "Avvikelser", "månad", "Kommentar VC", "ENHET", "Sjukfrånvaro (%)"])
    sheet.append(["Ring HR", 1, "2026-10", "Bra", "HT-TEST", 9.9])
    sheet.append(["Annat", 2, "2026-10", "", "HT-ANNAN", 3.3])
    workbook.save(path)

    outcome = sync_month_to_shared_workbook(unit_workspace, OCTOBER, path, "Uppföljning")

    assert outcome.row_number == 2 and not outcome.created_row
    assert outcome.vc_comment == "Bra"
    loaded = openpyxl.load_workbook(path)["Uppföljning"]
    assert [c.value for c in loaded[2]][:6] == ["Ring HR", 3, "2026-10", "Bra", "HT-TEST", 26.69]
    assert [c.value for c in loaded[3]][:6] == ["Annat", 2, "2026-10", None, "HT-ANNAN", 3.3]
    # The required columns it lacked come after the last column in use, in the sample's order.
    assert [c.value for c in loaded[1]] == [
        "Åtgärd",
        "Avvikelser",
        "månad",
        "Kommentar VC",
        "ENHET",
        "Sjukfrånvaro (%)",
        "Andel timavlönade %",
        "Övertid (h)",
        "Mertid (h)",
        "Tomma rader",
        "Omtankessamtal hållna",
    ]
    assert outcome.added_columns == (
        "Andel timavlönade %",
        "Övertid (h)",
        "Mertid (h)",
        "Tomma rader",
        "Omtankessamtal hållna",
    )
    assert loaded["J2"].value == 6 and loaded["J3"].value is None


def test_a_missing_column_is_added_at_the_end_of_the_sample(
    unit_workspace: Workspace, shared: Path
) -> None:
    workbook = openpyxl.load_workbook(shared)
    workbook[SHEET]["F1"] = "Fyllnadstid"  # another name of mertid: still found
    workbook[SHEET]["G1"] = "Anteckning"  # Tomma rader is gone
    workbook.save(shared)
    before = all_cells(shared)

    sync_month_to_shared_workbook(unit_workspace, OCTOBER, shared)

    sheet = openpyxl.load_workbook(shared)[SHEET]
    assert sheet["K1"].value == "Tomma rader"
    assert sheet["K1"].font.b  # styled like the header row
    assert sheet["K8"].value == 6
    assert sheet["G8"].value is None  # the VC's own column is left alone
    for key, value in before.items():
        if key[1][1:] != "8":
            assert all_cells(shared)[key] == value


def test_a_missing_workbook_is_made_from_the_template(
    unit_workspace: Workspace, tmp_path: Path
) -> None:
    path = tmp_path / "ny" / "uppfoljning.xlsx"
    path.parent.mkdir()

    outcome = sync_month_to_shared_workbook(unit_workspace, OCTOBER, path)

    assert outcome.created_workbook and outcome.backup is None
    loaded = openpyxl.load_workbook(path)
    sheet = loaded[SHEET]
    assert sheet.freeze_panes == "A2"
    assert [c.value for c in sheet[1]][:2] == ["Enhet", "Månad"]
    assert [c.value for c in sheet[1]][-1] == "Kommentar VC"
    assert find_row(path, SHEET, "HT-TEST", "2026-10") == 2
    assert "Instruktion" in loaded.sheetnames
    assert sheet.conditional_formatting  # sick share above the target is marked


def test_text_is_never_written_as_a_formula(unit_workspace: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "kommentarer.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active.title = SHEET
    workbook.active.append(["Enhet", "Månad", "Kommentar EC"])
    workbook.save(path)
    text = '=HYPERLINK("http://x.se","klicka")'
    save_comment(unit_workspace, OCTOBER, text)

    sync_month_to_shared_workbook(unit_workspace, OCTOBER, path)

    cell = openpyxl.load_workbook(path)[SHEET]["C2"]
    assert cell.value == text
    assert cell.data_type == "s"
    for start in ("+1+1", "-1", "@SUM(A1)"):
        save_comment(unit_workspace, OCTOBER, start)
        sync_month_to_shared_workbook(unit_workspace, OCTOBER, path)
        cell = openpyxl.load_workbook(path)[SHEET]["C2"]
        assert (cell.value, cell.data_type) == (start, "s")


def test_a_month_kept_as_a_date_is_the_same_month(
    unit_workspace: Workspace, tmp_path: Path
) -> None:
    path = tmp_path / "datum.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = SHEET
    sheet.append(["Enhet", "Månad", "Sjukfrånvaro %"])
    sheet.append(["ht-test", datetime(2026, 10, 1), 1.0])
    sheet["B2"].number_format = "mmm yyyy"
    sheet.append(["HT-TEST", "sep 2026", 2.0])
    workbook.save(path)

    outcome = sync_month_to_shared_workbook(unit_workspace, OCTOBER, path)

    assert outcome.row_number == 2
    loaded = openpyxl.load_workbook(path)[SHEET]
    assert loaded["C2"].value == 26.69
    assert loaded["B2"].value == datetime(2026, 10, 1)  # the VC's date is left as it was
    assert loaded["C3"].value == 2.0
    assert loaded.max_row == 3


def test_a_column_formatted_as_percent_gets_a_fraction(
    unit_workspace: Workspace, tmp_path: Path
) -> None:
    path = tmp_path / "procent.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = SHEET
    sheet.append(["Enhet", "Månad", "Sjukfrånvaro %"])
    sheet.append(["HT-ANNAN", "2026-10", 0.05])
    sheet["C2"].number_format = "0.0%"
    workbook.save(path)

    sync_month_to_shared_workbook(unit_workspace, OCTOBER, path)

    cell = openpyxl.load_workbook(path)[SHEET]["C3"]
    assert cell.value == pytest.approx(0.2669)
    assert cell.number_format == "0.0%"


def test_a_row_below_an_excel_table_joins_the_table(
    unit_workspace: Workspace, tmp_path: Path
) -> None:
    path = tmp_path / "tabell.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = SHEET
    sheet.append(["Enhet", "Månad", "Sjukfrånvaro %", "Andel timavlönade %", "Övertid (h)"])
    sheet.append(["HT-ANNAN", "2026-10", 3.0, 10.0, 5.0])
    sheet.add_table(Table(displayName="Uppfoljning", ref="A1:E2"))
    workbook.save(path)

    sync_month_to_shared_workbook(unit_workspace, OCTOBER, path)

    table = openpyxl.load_workbook(path)[SHEET].tables["Uppfoljning"]
    # Row 3 joins the table, and so do the four required columns added beside it.
    assert table.ref == "A1:I3"
    assert [c.name for c in table.tableColumns][-4:] == [
        "Mertid (h)",
        "Tomma rader",
        "Omtankessamtal hållna",
        "Avvikelser",
    ]


@pytest.mark.parametrize(
    ("what", "changes"),
    [
        ("pivottabeller", {"xl/pivotTables/pivotTable1.xml": b"<pivotTableDefinition/>"}),
        (
            "former eller textrutor",
            {
                "xl/drawings/drawing1.xml": (
                    b'<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/'
                    b'spreadsheetDrawing"><xdr:twoCellAnchor><xdr:sp><xdr:txBody/></xdr:sp>'
                    b"</xdr:twoCellAnchor></xdr:wsDr>"
                )
            },
        ),
        ("makron", {"xl/vbaProject.bin": b"\x00VBA"}),
        ("externa länkar", {"xl/externalLinks/externalLink1.xml": b"<externalLink/>"}),
    ],
)
def test_content_that_would_be_lost_is_refused_and_the_file_untouched(
    unit_workspace: Workspace,
    shared: Path,
    tmp_path: Path,
    what: str,
    changes: dict[str, bytes | None],
) -> None:
    path = with_parts(shared, tmp_path / "med-innehall.xlsx", changes)
    before = path.read_bytes()
    with pytest.raises(UserError, match=what) as raised:
        sync_month_to_shared_workbook(unit_workspace, OCTOBER, path)
    assert raised.value.exit_code == 2
    assert "förlorat" in raised.value.message
    assert path.read_bytes() == before


def test_sparklines_are_refused(unit_workspace: Workspace, shared: Path, tmp_path: Path) -> None:
    sheet = parts(shared)["xl/worksheets/sheet1.xml"].replace(
        b"</worksheet>",
        b'<extLst><ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" '
        b'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">'
        b"<x14:sparklineGroups/></ext></extLst></worksheet>",
    )
    path = with_parts(shared, tmp_path / "sparkline.xlsx", {"xl/worksheets/sheet1.xml": sheet})
    with pytest.raises(UserError, match="sparklines"):
        sync_month_to_shared_workbook(unit_workspace, OCTOBER, path)


def test_a_write_that_does_not_read_back_as_meant_leaves_the_original(
    unit_workspace: Workspace, shared: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = shared.read_bytes()
    real_write = XlsxPackage.write

    def losing_a_part(self: XlsxPackage, path: Path, replaced: dict[str, bytes]) -> None:
        spoiled = dict(replaced)
        spoiled["xl/comments/comment1.xml"] = b"<comments/>"
        real_write(self, path, spoiled)

    monkeypatch.setattr(XlsxPackage, "write", losing_a_part)
    with pytest.raises(WorkbookWriteFailed, match=r"comment1\.xml"):
        sync_month_to_shared_workbook(unit_workspace, OCTOBER, shared)
    assert shared.read_bytes() == before
    assert [p.name for p in shared.parent.iterdir()] == [SAMPLE_NAME]  # no temp file left


def test_the_previous_version_is_kept_as_a_local_backup(
    unit_workspace: Workspace, shared: Path
) -> None:
    before = shared.read_bytes()
    outcome = sync_month_to_shared_workbook(unit_workspace, OCTOBER, shared)
    assert outcome.backup is not None
    assert outcome.backup.read_bytes() == before
    assert outcome.backup.parent.parent == unit_workspace.path.parent / "backups"


def test_the_vcs_comments_are_read_back(workspace: Workspace, shared: Path) -> None:
    unit = ensure_unit(workspace, "ÄB-SOLG", "Solgården")
    ws = workspace.with_unit(unit)
    assert fetch_vc_comments(ws, shared) == {"2026-10": "Följ upp på ledningsgrupp"}
    from enhetschef_app.services.month.report import month_report_view

    assert month_report_view(ws, OCTOBER).vc_comment == "Följ upp på ledningsgrupp"
    assert month_report_view(ws, YearMonth(2026, 9)).vc_comment is None


def test_the_synced_workbook_opens_in_libreoffice(
    unit_workspace: Workspace, shared: Path, tmp_path: Path
) -> None:
    sync_month_to_shared_workbook(unit_workspace, OCTOBER, shared)
    out = tmp_path / "pdf"
    done = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}",
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,1",
            "--outdir",
            str(out),
            str(shared),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    csv = (out / (shared.stem + "-Månadsuppföljning.csv")).read_text(encoding="utf-8")
    assert "HT-TEST,2026-10,26.69,22.78,0,0,6,1,3" in csv
    assert "LSS-ENG,2026-10,5,14,26,33,6,2,5,Följ upp på ledningsgrupp" in csv
    assert date(2026, 10, 1)  # the month as text, as the VC's rows have it


DATA_BAR = (
    b'<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="http://schemas.'
    b'microsoft.com/office/spreadsheetml/2009/9/main"><x14:conditionalFormattings>'
    b'<x14:conditionalFormatting xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">'
    b'<x14:cfRule type="dataBar" id="{00000000-0000-0000-0000-000000000001}"><x14:dataBar '
    b'minLength="0" maxLength="100"><x14:cfvo type="autoMin"/><x14:cfvo type="autoMax"/>'
    b"</x14:dataBar></x14:cfRule><xm:sqref>G2:G500</xm:sqref></x14:conditionalFormatting>"
    b"</x14:conditionalFormattings></ext></extLst></worksheet>"
)
CHART_STYLE_RELS = (
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.microsoft.com/office/2011/relationships/'
    b'chartStyle" Target="style1.xml"/><Relationship Id="rId2" Type="http://schemas.microsoft.'
    b'com/office/2011/relationships/chartColorStyle" Target="colors1.xml"/></Relationships>'
)


def test_what_an_openpyxl_round_trip_drops_is_kept_by_the_sync(
    unit_workspace: Workspace, shared: Path, tmp_path: Path
) -> None:
    """Excel's chart style parts and a data bar (a worksheet extension): openpyxl's own load and
    save loses them, which is why the sync changes the sheet's XML instead."""
    cs = b'xmlns:cs="http://schemas.microsoft.com/office/drawing/2012/chartStyle"'
    style = b"<cs:chartStyle " + cs + b' id="201"/>'
    colors = b"<cs:colorStyle " + cs + b' id="10"/>'
    sheet = parts(shared)["xl/worksheets/sheet1.xml"].replace(b"</worksheet>", DATA_BAR)
    path = with_parts(
        shared,
        tmp_path / "excel.xlsx",
        {
            "xl/worksheets/sheet1.xml": sheet,
            "xl/charts/style1.xml": style,
            "xl/charts/colors1.xml": colors,
            "xl/charts/_rels/chart1.xml.rels": CHART_STYLE_RELS,
        },
    )
    with pytest.warns(UserWarning, match="extension is not supported"):
        round_trip = openpyxl.load_workbook(path)
    round_trip.save(tmp_path / "openpyxl.xlsx")
    assert "xl/charts/style1.xml" not in parts(tmp_path / "openpyxl.xlsx")

    before = parts(path)
    sync_month_to_shared_workbook(unit_workspace, OCTOBER, path)
    after = parts(path)
    for name in (
        "xl/charts/style1.xml",
        "xl/charts/colors1.xml",
        "xl/charts/_rels/chart1.xml.rels",
    ):
        assert after[name] == before[name]
    assert DATA_BAR in after["xl/worksheets/sheet1.xml"]
    with pytest.warns(UserWarning, match="extension is not supported"):
        assert find_row(path, SHEET, "HT-TEST", "2026-10") == 8

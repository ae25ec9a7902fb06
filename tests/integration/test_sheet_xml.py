"""The worksheet XML as Excel itself writes it (shared strings, extension attributes and
namespaces the app does not know, a prefixed namespace, rows and cells without references, an
empty sheet): read, merged and written so that Excel's own markup survives."""

from __future__ import annotations

import io
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from enhetschef_app.excel.shared_merge import UnitMonthRow, merge_unit_month, verify_merge
from enhetschef_app.excel.sheet_xml import Worksheet, text_cell
from enhetschef_app.excel.xlsx_package import XlsxPackage, number_format_kind

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxml'
    'formats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sharedStrings+xml"/>'
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.styles+xml"/></Types>'
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://'
    'schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="'
    f'{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://'
    'schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
    f'<Relationship Id="rId3" Type="{REL}/styles" Target="styles.xml"/></Relationships>'
)
STYLES = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="{MAIN}">'
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts>'
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="3">'
    '<xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="17"/>'
    '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/>'
    "</cellStyles></styleSheet>"
)


def excel_like(sheet_body: str, strings: list[str], prefix: str = "") -> bytes:
    """A workbook part by part, as Excel writes one (mc:Ignorable with x14ac, shared strings)."""
    p = f"{prefix}:" if prefix else ""
    ns = f'xmlns:{prefix}="{MAIN}"' if prefix else f'xmlns="{MAIN}"'
    workbook = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<{p}workbook {ns} xmlns:r="{REL}" xmlns:mc="http://schemas.openxmlformats.org/'
        'markup-compatibility/2006" mc:Ignorable="x15" xmlns:x15="http://schemas.microsoft.com'
        f'/office/spreadsheetml/2010/11/main"><{p}sheets><{p}sheet name="Månadsuppföljning" '
        f'sheetId="1" r:id="rId1"/></{p}sheets><{p}calcPr calcId="191029"/></{p}workbook>'
    )
    sheet = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<{p}worksheet {ns} xmlns:r="{REL}" xmlns:mc="http://schemas.openxmlformats.org/'
        'markup-compatibility/2006" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.'
        'microsoft.com/office/spreadsheetml/2009/9/ac">'
        f'<{p}dimension ref="A1:D3"/><{p}sheetFormatPr defaultRowHeight="15" '
        f'x14ac:dyDescent="0.25"/>{sheet_body}<{p}pageMargins left="0.7" right="0.7" '
        f'top="0.75" bottom="0.75" header="0.3" footer="0.3"/></{p}worksheet>'
    )
    shared = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="{MAIN}" '
        f'count="{len(strings)}" uniqueCount="{len(strings)}">'
        + "".join(f"<si><t>{s}</t></si>" for s in strings)
        + "</sst>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("xl/workbook.xml", workbook)
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
        archive.writestr("xl/sharedStrings.xml", shared)
        archive.writestr("xl/styles.xml", STYLES)
    return buffer.getvalue()


STRINGS = [
    "Enhet",
    "Månad",
    "Sjukfrånvaro %",
    "Kommentar VC",
    "HT-NORR",
    "2026-09",
    "Bra &amp; lugnt",
]
BODY = (
    '<sheetData><row r="1" spans="1:4" x14ac:dyDescent="0.25"><c r="A1" t="s"><v>0</v></c>'
    '<c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>'
    '<row r="2" spans="1:4" x14ac:dyDescent="0.25"><c r="A2" t="s"><v>4</v></c>'
    '<c r="B2" t="s"><v>5</v></c><c r="C2" s="1"><v>0.042</v></c><c r="D2" t="s"><v>6</v></c>'
    '</row><row r="3" spans="1:4" x14ac:dyDescent="0.25"><c r="A3" s="0"/><c r="C3" s="1"/>'
    "</row></sheetData>"
)


def merged(data: bytes, row: UnitMonthRow, tmp_path: Path) -> tuple[XlsxPackage, Path]:
    package = XlsxPackage.from_bytes(data, "delad.xlsx")
    outcome = merge_unit_month(package, row, None)
    path = tmp_path / "delad.xlsx"
    package.write(path, outcome.replaced)
    verify_merge(package, XlsxPackage.read(path), outcome)
    return package, path


def test_an_excel_saved_workbook_keeps_its_markup_and_gets_the_row(tmp_path: Path) -> None:
    row = UnitMonthRow("HT-NORR", "2026-10", {"sick_percent": Decimal("6.78")})
    package, path = merged(excel_like(BODY, STRINGS), row, tmp_path)
    sheet_xml = zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml").decode()
    # Excel's own attributes and declarations are untouched, the styled empty row 3 is taken.
    assert 'mc:Ignorable="x14ac"' in sheet_xml and 'x14ac:dyDescent="0.25"' in sheet_xml
    assert '<c r="C3" s="1"><v>0.0678</v></c>' in sheet_xml  # a % format: a fraction
    assert '<c r="A3" s="0" t="inlineStr"><is><t>HT-NORR</t></is></c>' in sheet_xml
    assert (
        zipfile.ZipFile(path).read("xl/sharedStrings.xml") == package.parts["xl/sharedStrings.xml"]
    )
    assert b'fullCalcOnLoad="1"' in zipfile.ZipFile(path).read("xl/workbook.xml")
    sheet = openpyxl.load_workbook(path)["Månadsuppföljning"]
    assert [c.value for c in sheet[2]][:4] == ["HT-NORR", "2026-09", 0.042, "Bra & lugnt"]
    assert [c.value for c in sheet[3]][:3] == ["HT-NORR", "2026-10", 0.0678]


def test_a_prefixed_namespace_is_read_and_written_with_its_prefix(tmp_path: Path) -> None:
    body = BODY.replace("<", "<x:").replace("<x:/", "</x:")
    row = UnitMonthRow("HT-NORR", "2026-09", {"sick_percent": Decimal("5")})
    _package, path = merged(excel_like(body, STRINGS, prefix="x"), row, tmp_path)
    sheet = openpyxl.load_workbook(path)["Månadsuppföljning"]
    assert sheet["C2"].value == 0.05
    assert sheet["D2"].value == "Bra & lugnt"


def test_rows_and_cells_without_references_are_placed_by_their_order() -> None:
    worksheet = Worksheet(
        f'<worksheet xmlns="{MAIN}"><sheetData><row><c t="inlineStr"><is><t>Enhet</t></is></c>'
        '<c t="inlineStr"><is><t>Månad</t></is></c></row><row><c/><c><v>7</v></c></row>'
        "</sheetData></worksheet>"
    )
    assert [r.number for r in worksheet.rows] == [1, 2]
    second = worksheet.rows[1]
    assert worksheet.cell_at(second, 2) is not None
    assert worksheet.value(worksheet.cell_at(second, 2), []) == 7.0  # type: ignore[arg-type]  # asserted not None above


def test_an_empty_sheet_gets_the_header_and_the_row(tmp_path: Path) -> None:
    row = UnitMonthRow("HT-NORR", "2026-10", {"sick_percent": Decimal("4.2"), "empty_rows": 3})
    _package, path = merged(excel_like("<sheetData/>", []), row, tmp_path)
    sheet = openpyxl.load_workbook(path)["Månadsuppföljning"]
    assert [c.value for c in sheet[1]][:4] == [
        "Enhet",
        "Månad",
        "Sjukfrånvaro %",
        "Andel timavlönade %",
    ]
    assert [c.value for c in sheet[2]][:3] == ["HT-NORR", "2026-10", 4.2]


def test_text_cells_escape_what_xml_and_ooxml_cannot_hold() -> None:
    cell = text_cell("", "A1", None, " <a & b> _x0041_ \x07")
    worksheet = Worksheet(
        f'<worksheet xmlns="{MAIN}"><sheetData><row r="1">{cell}</row></sheetData></worksheet>'
    )
    read = worksheet.value(worksheet.cells(worksheet.rows[0])[0], [])
    assert read == " <a & b> _x0041_ \x07"
    assert 'xml:space="preserve"' in cell


@pytest.mark.parametrize(
    ("code", "kind"),
    [
        ("0.0%", "percent"),
        ('0.00" %"', "number"),
        ("yyyy-mm-dd", "date"),
        ("mmm yy", "date"),
        ("[$-41D]mmmm yyyy", "date"),
        ("#,##0.00", "number"),
        ("General", "number"),
        ('[Red]0.00" h"', "number"),
    ],
)
def test_number_formats_are_told_apart(code: str, kind: str) -> None:
    assert number_format_kind(code) == kind


def test_cells_with_single_quoted_references_are_found() -> None:
    worksheet = Worksheet(
        f"<worksheet xmlns='{MAIN}'><sheetData><row r='1'><c r='A1'><v>1</v></c>"
        "<c r='C1'><v>3</v></c></row></sheetData></worksheet>"
    )
    row = worksheet.rows[0]
    assert worksheet.value(worksheet.cell_at(row, 3), []) == 3.0  # type: ignore[arg-type]  # asserted not None above
    assert worksheet.cell_at(row, 2) is None

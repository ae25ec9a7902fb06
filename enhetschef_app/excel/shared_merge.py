"""Putting one unit's month into the VC's shared workbook: the merge, in memory, and the check
that the written file holds exactly what was meant.

The unit's row is found by (Enhet, Månad); columns are found by their header, in any order.
Only the cells of the app's own columns in that row change (and the header row when a
required column is missing); every other row keeps its exact XML, every other part of the file
its exact bytes. A cell of the unit's row that holds a formula is left as the VC made it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from xml.etree import ElementTree

from enhetschef_app.domain.errors import UserError
from enhetschef_app.excel.shared_columns import (
    MONTH_COLUMN,
    SHARED_COLUMNS,
    UNIT_COLUMN,
    VC_COMMENT_COLUMN,
    SharedColumn,
    column_for_header,
)
from enhetschef_app.excel.shared_tables import CellRange, grown_tables
from enhetschef_app.excel.sheet_xml import (
    CellValue,
    Row,
    Worksheet,
    column_letter,
    empty_cell,
    number_cell,
    row_xml,
    text_cell,
)
from enhetschef_app.excel.xlsx_package import SheetRef, XlsxPackage

DEFAULT_SHEET = "Månadsuppföljning"
HEADER_SEARCH_ROWS = 20
STYLE_SEARCH_ROWS = 50
_MONTH_NAMES = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "januari"),
            ("feb", "februari"),
            ("mar", "mars"),
            ("apr", "april"),
            ("maj",),
            ("jun", "juni"),
            ("jul", "juli"),
            ("aug", "augusti"),
            ("sep", "sept", "september"),
            ("okt", "oktober"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}

RowValue = Decimal | int | str | None


class SharedSheetProblem(UserError):
    """The shared workbook's sheet cannot take the unit's row as it is."""


class WorkbookWriteFailed(UserError):
    """The written file did not read back as meant; the original was left untouched."""


@dataclass(frozen=True)
class UnitMonthRow:
    unit_code: str
    month: str  # '2026-10'
    values: dict[str, RowValue]  # by SharedColumn.key


@dataclass(frozen=True)
class MergeOutcome:
    sheet: str
    sheet_part: str
    replaced: dict[str, bytes]
    header_row: int
    row_number: int
    created_row: bool
    added_columns: tuple[str, ...]
    skipped_formulas: tuple[str, ...]  # cells of the unit's row with the VC's formulas
    duplicate_rows: tuple[int, ...]  # further rows with the same unit and month, left alone
    vc_comments: dict[str, str]  # the unit's months → the VC's comment ('' for none)
    expected: dict[int, CellValue] = field(default_factory=dict)  # column → value read back
    expected_headers: dict[int, str] = field(default_factory=dict)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.strip().casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def same_unit(value: CellValue, code: str) -> bool:
    return isinstance(value, str) and _fold(value) == _fold(code)


def month_key(value: CellValue, package: XlsxPackage, style_kind: str) -> str | None:
    """'2026-10' for what a person may have typed in Månad: text 2026-10 or 2026-10-01,
    'okt 2026', or a date Excel keeps as a number."""
    if isinstance(value, float) and not isinstance(value, bool):
        if style_kind == "date" and 1 <= value < 2958466:
            day = package.excel_date(value)
            return f"{day.year:04d}-{day.month:02d}"
        return None
    if not isinstance(value, str):
        return None
    text = value.strip()
    found = re.fullmatch(r"(\d{4})\s*[-/.]\s*(\d{1,2})(?:\s*[-/.]\s*\d{1,2})?(?:[T ].*)?", text)
    if found and 1 <= int(found.group(2)) <= 12:
        return f"{int(found.group(1)):04d}-{int(found.group(2)):02d}"
    found = re.fullmatch(r"([A-Za-zÅÄÖåäö]+)\.?\s+(\d{4})", text)
    if found and _fold(found.group(1)) in _MONTH_NAMES:
        return f"{int(found.group(2)):04d}-{_MONTH_NAMES[_fold(found.group(1))]:02d}"
    return None


def choose_sheet(package: XlsxPackage, wanted: str | None) -> SheetRef:
    sheets = package.sheets
    names = ", ".join(f"'{s.name}'" for s in sheets)
    if wanted:
        for sheet in sheets:
            if sheet.name == wanted:
                return sheet
        for sheet in sheets:
            if _fold(sheet.name) == _fold(wanted):
                return sheet
        raise SharedSheetProblem(
            f"Bladet '{wanted}' finns inte i {package.name}. Bladen där är {names}. "
            "Ange ett av dem (--sheet) eller be verksamhetschefen lägga till bladet."
        )
    for sheet in sheets:
        if _fold(sheet.name) == _fold(DEFAULT_SHEET):
            return sheet
    for sheet in sheets:
        worksheet = Worksheet(package.text(sheet.part))
        if _header_row(worksheet, package) is not None:
            return sheet
    if not sheets:
        raise SharedSheetProblem(f"{package.name} har inga kalkylblad.")
    return sheets[0]


def _header_row(worksheet: Worksheet, package: XlsxPackage) -> tuple[int, dict[int, str]] | None:
    for row in worksheet.rows[:HEADER_SEARCH_ROWS]:
        headers = {
            cell.column: value.strip()
            for cell in worksheet.cells(row)
            if isinstance(value := worksheet.value(cell, package.shared_strings), str)
            and value.strip()
        }
        known = {column_for_header(text) for text in headers.values()}
        if UNIT_COLUMN in known and MONTH_COLUMN in known:
            return row.number, headers
    return None


@dataclass
class SharedSheet:
    package: XlsxPackage
    ref: SheetRef
    worksheet: Worksheet
    header_row: int
    headers: dict[int, str]
    columns: dict[str, int]  # SharedColumn.key → column

    def value(self, row_number: int, column: int) -> CellValue:
        row = self.worksheet.by_number.get(row_number)
        cell = None if row is None else self.worksheet.cell_at(row, column)
        return None if cell is None else self.worksheet.value(cell, self.package.shared_strings)

    def style_at(self, row_number: int, column: int) -> int | None:
        row = self.worksheet.by_number.get(row_number)
        cell = None if row is None else self.worksheet.cell_at(row, column)
        return None if cell is None else cell.style

    def unit_rows(self, unit_code: str) -> list[tuple[int, str]]:
        """(row number, month) of the unit's rows below the header, in order."""
        unit_column = self.columns[UNIT_COLUMN.key]
        month_column = self.columns[MONTH_COLUMN.key]
        found: list[tuple[int, str]] = []
        for row in self.worksheet.rows:
            if row.number <= self.header_row:
                continue
            cell = self.worksheet.cell_at(row, unit_column)
            if cell is None:
                continue
            if not same_unit(self.worksheet.value(cell, self.package.shared_strings), unit_code):
                continue
            month_cell = self.worksheet.cell_at(row, month_column)
            if month_cell is None:
                continue
            key = month_key(
                self.worksheet.value(month_cell, self.package.shared_strings),
                self.package,
                self.package.style_kind(month_cell.style),
            )
            if key is not None:
                found.append((row.number, key))
        return found

    def vc_comments(self, unit_rows: Sequence[tuple[int, str]]) -> dict[str, str]:
        """The VC's comment on each of the unit's months ('' where the VC wrote none)."""
        column = self.columns.get(VC_COMMENT_COLUMN.key)
        if column is None:
            return {}
        comments: dict[str, str] = {}
        for number, month in unit_rows:
            value = self.value(number, column)
            text = f"{value:g}" if isinstance(value, float) else str(value or "").strip()
            if text or month not in comments:
                comments[month] = text
        return comments


def open_shared_sheet(
    package: XlsxPackage, wanted: str | None, *, allow_new_header: bool = False
) -> SharedSheet:
    ref = choose_sheet(package, wanted)
    worksheet = Worksheet(package.text(ref.part))
    found = _header_row(worksheet, package)
    if found is None:
        if allow_new_header and worksheet.last_row_with_values() == 0:
            return SharedSheet(package, ref, worksheet, 1, {}, {})
        raise SharedSheetProblem(
            f"Hittar ingen rubrikrad med både 'Enhet' och 'Månad' på bladet '{ref.name}' i "
            f"{package.name} (sökte i de {HEADER_SEARCH_ROWS} första raderna). Välj rätt blad "
            "eller lägg till rubrikerna."
        )
    header_row, headers = found
    columns: dict[str, int] = {}
    for column, text in sorted(headers.items()):
        known = column_for_header(text)
        if known is not None and known.key not in columns:
            columns[known.key] = column
    return SharedSheet(package, ref, worksheet, header_row, headers, columns)


def read_unit_comments(package: XlsxPackage, unit_code: str, sheet: str | None) -> dict[str, str]:
    """The VC's comments on the unit's rows, by month (nothing is written)."""
    opened = open_shared_sheet(package, sheet, allow_new_header=False)
    return opened.vc_comments(opened.unit_rows(unit_code))


def _style_from_above(opened: SharedSheet, row_number: int, column: int) -> int | None:
    lowest = max(opened.header_row + 1, row_number - STYLE_SEARCH_ROWS)
    for number in range(row_number - 1, lowest - 1, -1):
        style = opened.style_at(number, column)
        if style is not None:
            return style
    return opened.worksheet.column_styles().get(column)


def _cell_for(
    opened: SharedSheet, spec: SharedColumn, ref: str, style: int | None, value: RowValue
) -> tuple[str, CellValue]:
    prefix = opened.worksheet.prefix
    if value is None:
        return empty_cell(prefix, ref, style), None
    if isinstance(value, str):
        return text_cell(prefix, ref, style, value), value
    number = Decimal(value)
    if spec.percent and opened.package.style_kind(style) == "percent":
        number = number / 100
    return number_cell(prefix, ref, style, number), float(number)


def merge_unit_month(package: XlsxPackage, row: UnitMonthRow, sheet: str | None) -> MergeOutcome:
    opened = open_shared_sheet(package, sheet, allow_new_header=True)
    worksheet = opened.worksheet
    prefix = worksheet.prefix

    # Required columns the sheet lacks go after the last column in use.
    missing = [c for c in SHARED_COLUMNS if c.required and c.key not in opened.columns]
    added: dict[int, str] = {}
    if missing:
        used = max(
            [max(opened.headers, default=0)] + [worksheet.last_column(r) for r in worksheet.rows]
        )
        for offset, spec in enumerate(missing, start=1):
            opened.columns[spec.key] = used + offset
            added[used + offset] = spec.header

    unit_rows = opened.unit_rows(row.unit_code)
    matching = [number for number, month in unit_rows if month == row.month]
    vc_comments = opened.vc_comments(unit_rows)
    if matching:
        target, created = matching[0], False
    else:
        target = max(worksheet.last_row_with_values(), opened.header_row) + 1
        created = True

    existing_row = worksheet.by_number.get(target)
    cells = {} if existing_row is None else worksheet.cells_by_column(existing_row)
    written: dict[int, str] = {column: cell.xml for column, cell in cells.items()}
    expected: dict[int, CellValue] = {}
    skipped: list[str] = []
    values: dict[str, RowValue] = dict(row.values)
    if created:
        values[UNIT_COLUMN.key] = row.unit_code
        values[MONTH_COLUMN.key] = row.month
    for spec in SHARED_COLUMNS:
        column = opened.columns.get(spec.key)
        if column is None or spec.key not in values:
            continue
        ref = f"{column_letter(column)}{target}"
        current = cells.get(column)
        if current is not None and current.has_formula:
            skipped.append(ref)
            continue
        style = current.style if current is not None else _style_from_above(opened, target, column)
        xml, read_back = _cell_for(opened, spec, ref, style, values[spec.key])
        if xml:
            written[column] = xml
        else:
            written.pop(column, None)
        expected[column] = read_back

    tail = "" if existing_row is None else _non_cell_content(worksheet, existing_row)
    rewritten = {
        target: row_xml(
            prefix,
            target,
            None if existing_row is None else existing_row.open_tag,
            [written[c] for c in sorted(written)],
            tail,
        )
    }
    expected_headers: dict[int, str] = {}
    if added:
        header = worksheet.by_number.get(opened.header_row)
        header_cells = {} if header is None else worksheet.cells_by_column(header)
        header_xml = {column: cell.xml for column, cell in header_cells.items()}
        last_style = header_cells[max(header_cells)].style if header_cells else None
        for column, title in added.items():
            header_xml[column] = text_cell(
                prefix, f"{column_letter(column)}{opened.header_row}", last_style, title
            )
            expected_headers[column] = title
        rewritten[opened.header_row] = row_xml(
            prefix,
            opened.header_row,
            None if header is None else header.open_tag,
            [header_xml[c] for c in sorted(header_xml)],
            "" if header is None else _non_cell_content(worksheet, header),
        )

    last_column = max([*opened.columns.values(), *written])
    sheet_xml = worksheet.render(rewritten, _grown_dimension(worksheet, target, last_column))
    replaced = {opened.ref.part: sheet_xml.encode("utf-8")}
    replaced.update(
        grown_tables(
            package, opened.ref.part, opened.header_row, target if created else None, added
        )
    )
    workbook = _recalculated_on_open(package.text(package.workbook_part))
    if workbook is not None:
        replaced[package.workbook_part] = workbook.encode("utf-8")
    return MergeOutcome(
        sheet=opened.ref.name,
        sheet_part=opened.ref.part,
        replaced=replaced,
        header_row=opened.header_row,
        row_number=target,
        created_row=created,
        added_columns=tuple(added[c] for c in sorted(added)),
        skipped_formulas=tuple(skipped),
        duplicate_rows=tuple(matching[1:]),
        vc_comments=vc_comments,
        expected=expected,
        expected_headers=expected_headers,
    )


def _non_cell_content(worksheet: Worksheet, row: Row) -> str:
    """What a row holds besides cells (an extension list), kept when the row is rewritten."""
    p = re.escape(worksheet.prefix)
    return re.sub(rf"<{p}c\b[^>]*?(/>|>.*?</{p}c>)", "", row.body, flags=re.S).strip()


def _grown_dimension(worksheet: Worksheet, row: int, column: int) -> str | None:
    current = worksheet.dimension()
    if current is None:
        return None
    area = CellRange.parse(current)
    if area is None:
        return None
    return str(
        CellRange(
            min(area.first_column, 1),
            min(area.first_row, 1),
            max(area.last_column, column),
            max(area.last_row, row),
        )
    )


def _recalculated_on_open(workbook_xml: str) -> str | None:
    """The workbook asks Excel to recalculate when opened, so the VC's formulas over the
    changed row are right at once; None when it already does."""
    found = re.search(r"<(\w+:)?calcPr\b[^>]*?/?>", workbook_xml)
    if found is not None:
        if re.search(r'\bfullCalcOnLoad="(1|true)"', found.group(0)):
            return None
        tag = re.sub(r'\s+fullCalcOnLoad="[^"]*"', "", found.group(0))
        closing = "/>" if tag.endswith("/>") else ">"
        tag = tag[: -len(closing)].rstrip() + ' fullCalcOnLoad="1"' + closing
        return workbook_xml[: found.start()] + tag + workbook_xml[found.end() :]
    prefix_match = re.search(r"<(\w+:)?workbook\b", workbook_xml)
    prefix = prefix_match.group(1) or "" if prefix_match else ""
    anchor = None
    for name in ("definedNames", "externalReferences", "functionGroups", "sheets"):
        end = re.search(rf"</(\w+:)?{name}>|<(\w+:)?{name}\b[^>]*/>", workbook_xml)
        if end is not None:
            anchor = end.end()
            break
    if anchor is None:
        return None
    return workbook_xml[:anchor] + f'<{prefix}calcPr fullCalcOnLoad="1"/>' + workbook_xml[anchor:]


def verify_merge(original: XlsxPackage, written: XlsxPackage, outcome: MergeOutcome) -> None:
    """Raises WorkbookWriteFailed unless the written file is the original plus the merge."""

    def fail(what: str) -> WorkbookWriteFailed:
        return WorkbookWriteFailed(
            f"Kontrollen efter skrivningen av {original.name} stämde inte ({what}). Den delade "
            "arbetsboken har inte ändrats; försök igen och kontakta support om felet kvarstår."
        )

    if set(written.parts) != set(original.parts):
        raise fail("filens delar")
    for part, data in original.parts.items():
        if written.parts[part] != outcome.replaced.get(part, data):
            raise fail(f"delen {part}")
    sheet_text = written.text(outcome.sheet_part)
    try:
        ElementTree.fromstring(written.parts[outcome.sheet_part])
    except ElementTree.ParseError as exc:
        raise fail(f"bladets XML: {exc}") from exc
    before = Worksheet(original.text(outcome.sheet_part))
    after = Worksheet(sheet_text)
    changed = {outcome.row_number, outcome.header_row}
    kept_before = {n: before.row_xml(r) for n, r in before.by_number.items() if n not in changed}
    kept_after = {n: after.row_xml(r) for n, r in after.by_number.items() if n not in changed}
    if kept_before != kept_after:
        raise fail("andra rader")
    target = after.by_number.get(outcome.row_number)
    if target is None:
        raise fail("enhetens rad saknas")
    _check_values(after, target, outcome.expected, written, fail)
    header = after.by_number.get(outcome.header_row)
    if outcome.expected_headers and header is not None:
        _check_values(after, header, dict(outcome.expected_headers), written, fail)


def _check_values(
    sheet: Worksheet,
    row: Row,
    expected: Mapping[int, CellValue],
    package: XlsxPackage,
    fail: Callable[[str], WorkbookWriteFailed],
) -> None:
    for column, value in expected.items():
        cell = sheet.cell_at(row, column)
        found = None if cell is None else sheet.value(cell, package.shared_strings)
        if found != value:
            raise fail(f"cellen {column_letter(column)}{row.number}")

"""The förvaltning's month report for the verksamhetschef: every unit's month in one workbook.
First a sheet comparing the units (a column per unit, the figures down, each value coloured
against that unit's own target, klar or not, the EC's comment), then the three 12-month trends
of every unit, then one sheet per unit: the same sheet as the unit's own `export-month` report.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from enhetschef_app.domain.report_document import MonthReportDocument, TrendRow
from enhetschef_app.excel.month_report import (
    ABOVE_FILL,
    HEADER_FILL,
    NUMBER_FORMATS,
    SECTION_FILL,
    TITLE_SIZE,
    WITHIN_FILL,
    fit_to_page_width,
    write_summary_sheet,
)
from enhetschef_app.excel.workbook_files import save_workbook

COMPARISON_SHEET = "Jämförelse"
TRENDS_SHEET = "Trender"
FORMULA_STARTS = ("=", "+", "-", "@")
TREND_FIGURES: tuple[tuple[str, str], ...] = (
    ("Sjukfrånvaro %", "%"),
    ("Övertid och mertid (h)", "h"),
    ("Andel timavlönade %", "%"),
)


def _number(value: Decimal | int | None) -> float | int | None:
    return float(value) if isinstance(value, Decimal) else value


def _text(cell: Any, value: str) -> None:
    cell.value = value
    if value.startswith(FORMULA_STARTS):
        cell.data_type = "s"


def unit_sheet_name(code: str) -> str:
    """The unit's sheet: its code, unless that is the name of one of the shared sheets (Excel
    compares sheet names without case)."""
    taken = {COMPARISON_SHEET.casefold(), TRENDS_SHEET.casefold()}
    return f"{code} (enhet)" if code.casefold() in taken else code


def _header(cell: Any) -> None:
    from openpyxl.styles import Font, PatternFill

    cell.font = Font(bold=True)
    cell.fill = PatternFill("solid", fgColor=HEADER_FILL)


def _write_comparison(sheet: Any, month: str, documents: Sequence[MonthReportDocument]) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    sheet.title = COMPARISON_SHEET
    sheet["A1"] = f"Förvaltningens månadsrapport {month}"
    sheet["A1"].font = Font(bold=True, size=TITLE_SIZE)
    sheet["A2"] = f"{len(documents)} {'enhet' if len(documents) == 1 else 'enheter'}"
    if documents:
        sheet["B2"] = f"Skapad {documents[0].made_at}"
    row = 4
    _header(sheet.cell(row=row, column=1, value="Nyckeltal"))
    for column, document in enumerate(documents, start=2):
        _header(sheet.cell(row=row, column=column, value=document.unit_code))
    target_column = len(documents) + 2
    _header(sheet.cell(row=row, column=target_column, value="Mål (högst)"))
    sheet.freeze_panes = sheet.cell(row=row + 1, column=2)
    row += 1
    sheet.cell(row=row, column=1, value="Enhet").font = Font(bold=True)
    for column, document in enumerate(documents, start=2):
        _text(sheet.cell(row=row, column=column), document.unit_name)
    row += 1
    sheet.cell(row=row, column=1, value="Markerad klar").font = Font(bold=True)
    for column, document in enumerate(documents, start=2):
        closed = document.status.startswith("Klar")
        cell = sheet.cell(row=row, column=column, value="ja" if closed else "nej")
        if not closed:
            cell.fill = PatternFill("solid", fgColor=ABOVE_FILL)
    if not documents:
        return
    by_unit = [{figure.key: figure for figure in document.figures} for document in documents]
    for section, figures in documents[0].sections():
        row += 1
        cell = sheet.cell(row=row, column=1, value=section)
        cell.font = Font(bold=True)
        for column in range(1, target_column + 1):
            sheet.cell(row=row, column=column).fill = PatternFill("solid", fgColor=SECTION_FILL)
        for first in figures:
            row += 1
            sheet.cell(row=row, column=1, value=first.label)
            targets = set()
            for column, figures_of_unit in enumerate(by_unit, start=2):
                figure = figures_of_unit[first.key]
                cell = sheet.cell(row=row, column=column, value=_number(figure.value))
                cell.number_format = NUMBER_FORMATS.get(figure.unit, "General")
                if figure.value is None:
                    cell.value = "–"
                fill = {"Över målet": ABOVE_FILL, "Inom målet": WITHIN_FILL}.get(
                    figure.status or ""
                )
                if fill:
                    cell.fill = PatternFill("solid", fgColor=fill)
                if figure.target is not None:
                    targets.add(figure.target)
            if len(targets) == 1:
                target = sheet.cell(row=row, column=target_column, value=float(targets.pop()))
                target.number_format = NUMBER_FORMATS.get(first.unit, "General")
            elif targets:
                sheet.cell(row=row, column=target_column, value="olika per enhet")
    row += 2
    sheet.cell(row=row, column=1, value="Enhetschefens kommentar").font = Font(bold=True)
    for column, document in enumerate(documents, start=2):
        cell = sheet.cell(row=row, column=column)
        _text(cell, document.comment or "")
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.row_dimensions[row].height = 90
    sheet.column_dimensions["A"].width = 34
    for column in range(2, target_column + 1):
        sheet.column_dimensions[get_column_letter(column)].width = 16
    fit_to_page_width(sheet, landscape=True)


def _trend_value(point: TrendRow, index: int) -> Decimal | None:
    if index == 0:
        return point.sick_percent
    if index == 1:
        return point.overtime_hours + point.mertid_hours
    return point.hourly_paid_share_percent


def _write_trends(sheet: Any, documents: Sequence[MonthReportDocument]) -> None:
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    sheet.title = TRENDS_SHEET
    months = [point.month for point in documents[0].trend] if documents else []
    row = 1
    for index, (title, unit) in enumerate(TREND_FIGURES):
        sheet.cell(row=row, column=1, value=f"{title}, 12 månader").font = Font(bold=True)
        row += 1
        _header(sheet.cell(row=row, column=1, value="Enhet"))
        for column, month in enumerate(months, start=2):
            _header(sheet.cell(row=row, column=column, value=month))
        for document in documents:
            row += 1
            sheet.cell(row=row, column=1, value=document.unit_code)
            for column, point in enumerate(document.trend, start=2):
                value = _trend_value(point, index)
                cell = sheet.cell(row=row, column=column, value=_number(value))
                cell.number_format = NUMBER_FORMATS[unit]
                if value is None:
                    cell.value = "–"
        row += 2
    sheet.column_dimensions["A"].width = 16
    for column in range(2, len(months) + 2):
        sheet.column_dimensions[get_column_letter(column)].width = 11
    fit_to_page_width(sheet, landscape=True)


def write_management_report(
    path: Path, month: str, documents: Sequence[MonthReportDocument]
) -> Path:
    from openpyxl import Workbook

    workbook = Workbook()
    _write_comparison(workbook.active, month, documents)
    _write_trends(workbook.create_sheet(), documents)
    for document in documents:
        write_summary_sheet(workbook.create_sheet(), document, unit_sheet_name(document.unit_code))
    workbook.properties.creator = "Enhetschef"
    workbook.properties.title = f"Förvaltningens månadsrapport {month}"
    return save_workbook(workbook, path)

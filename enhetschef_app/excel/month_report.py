"""The month report for the verksamhetschef as a formatted workbook: the figures against their
targets, the 12-month trends with native Excel charts, each figure's definition, and the EC's
comment. openpyxl is imported here, when a report is written, so the window opens without it.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from enhetschef_app.domain.report_document import MonthReportDocument, ReportFigure
from enhetschef_app.excel.workbook_files import save_workbook

TITLE_SIZE = 14
HEADER_FILL = "DCE6F0"
SECTION_FILL = "EEF3F8"
ABOVE_FILL = "F8CBAD"
WITHIN_FILL = "D9EAD3"
FORMULA_STARTS = ("=", "+", "-", "@")
NUMBER_FORMATS = {
    "%": '0.00" %"',
    "h": '#,##0.00" h"',
    "kr": '#,##0.00" kr"',
    "st": "0",
    "åa": '0.00" åa"',
}


def _text(cell: Any, value: str) -> None:
    """Text as text: a comment starting with '=' must not become a formula."""
    cell.value = value
    if value.startswith(FORMULA_STARTS):
        cell.data_type = "s"


def _number(value: Decimal | int | None) -> float | int | None:
    if isinstance(value, Decimal):
        return float(value)
    return value


def _write_summary(sheet: Any, document: MonthReportDocument) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    sheet.title = "Månadsrapport"
    sheet["A1"] = document.title
    sheet["A1"].font = Font(bold=True, size=TITLE_SIZE)
    info = (
        ("Enhet", f"{document.unit_code} – {document.unit_name}"),
        ("Månad", document.month),
        ("Status", document.status),
        ("Skapad", document.made_at),
    )
    for offset, (label, value) in enumerate(info, start=2):
        sheet.cell(row=offset, column=1, value=label).font = Font(bold=True)
        _text(sheet.cell(row=offset, column=2), value)
    row = len(info) + 3
    headers = ("Nyckeltal", "Värde", "Mål (högst)", "Mot målet", "Ändrat sedan klar")
    for column, title in enumerate(headers, start=1):
        cell = sheet.cell(row=row, column=column, value=title)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
    sheet.freeze_panes = sheet.cell(row=row + 1, column=1)
    for section, figures in document.sections():
        row += 1
        cell = sheet.cell(row=row, column=1, value=section)
        cell.font = Font(bold=True)
        for column in range(1, len(headers) + 1):
            sheet.cell(row=row, column=column).fill = PatternFill("solid", fgColor=SECTION_FILL)
        for figure in figures:
            row += 1
            _write_figure(sheet, row, figure)
    row += 2
    sheet.cell(row=row, column=1, value="Enhetschefens kommentar").font = Font(bold=True)
    row += 1
    comment = sheet.cell(row=row, column=1)
    _text(comment, document.comment or "(ingen kommentar)")
    comment.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(headers))
    sheet.row_dimensions[row].height = max(30, 15 * (1 + len(document.comment) // 90))
    for note in document.notes:
        row += 2
        cell = sheet.cell(row=row, column=1)
        _text(cell, note)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(headers))
        sheet.row_dimensions[row].height = 15 * (1 + len(note) // 90)
    for letter, width in zip("ABCDE", (34, 16, 14, 14, 22), strict=True):
        sheet.column_dimensions[letter].width = width
    _fit_to_page_width(sheet, landscape=False)


def write_summary_sheet(sheet: Any, document: MonthReportDocument, title: str) -> None:
    """The report's first sheet (figures against targets, the comment) under another name:
    one unit's sheet of the förvaltning's workbook."""
    _write_summary(sheet, document)
    sheet.title = title


def fit_to_page_width(sheet: Any, *, landscape: bool) -> None:
    _fit_to_page_width(sheet, landscape=landscape)


def _fit_to_page_width(sheet: Any, *, landscape: bool) -> None:
    """Printed (or made a PDF of) one page wide, as a VC would print it."""
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def _write_figure(sheet: Any, row: int, figure: ReportFigure) -> None:
    from openpyxl.comments import Comment
    from openpyxl.styles import PatternFill

    label = sheet.cell(row=row, column=1, value=figure.label)
    label.comment = Comment(figure.definition, "Enhetschef", width=300, height=120)
    value = sheet.cell(row=row, column=2, value=_number(figure.value))
    value.number_format = NUMBER_FORMATS.get(figure.unit, "General")
    if figure.value is None:
        value.value = "–"
    if figure.target is not None:
        target = sheet.cell(row=row, column=3, value=float(figure.target))
        target.number_format = NUMBER_FORMATS.get(figure.unit, "General")
    if figure.status is not None:
        status = sheet.cell(row=row, column=4, value=figure.status)
        fill = {"Över målet": ABOVE_FILL, "Inom målet": WITHIN_FILL}.get(figure.status)
        if fill:
            status.fill = PatternFill("solid", fgColor=fill)
    if figure.change:
        sheet.cell(row=row, column=5, value=figure.change)


def _write_trends(sheet: Any, document: MonthReportDocument) -> None:
    from openpyxl.chart import BarChart, LineChart, Reference
    from openpyxl.styles import Font, PatternFill

    sheet.title = "Trender"
    headers = (
        "Månad",
        "Sjukfrånvaro %",
        "Mål sjukfrånvaro %",
        "Övertid (h)",
        "Mertid (h)",
        "Andel timavlönade %",
        "Mål andel timavlönade %",
        "Klar",
    )
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
    for point in document.trend:
        sheet.append(
            [
                point.month,
                _number(point.sick_percent),
                float(document.sick_target),
                float(point.overtime_hours),
                float(point.mertid_hours),
                _number(point.hourly_paid_share_percent),
                float(document.hourly_paid_target),
                "ja" if point.reported else "",
            ]
        )
    last = sheet.max_row
    for column, width in zip("ABCDEFGH", (10, 15, 18, 12, 12, 20, 24, 6), strict=True):
        sheet.column_dimensions[column].width = width
    if last < 2:
        return
    months = Reference(sheet, min_col=1, min_row=2, max_row=last)

    def line(title: str, first_col: int, axis: str) -> LineChart:
        chart = LineChart()
        chart.title = title
        chart.y_axis.title = axis
        chart.add_data(
            Reference(sheet, min_col=first_col, max_col=first_col + 1, min_row=1, max_row=last),
            titles_from_data=True,
        )
        chart.set_categories(months)
        # Newer Excel hides axes openpyxl does not mark as shown.
        chart.x_axis.delete = False
        chart.y_axis.delete = False
        chart.height, chart.width = 7.5, 16
        for series in chart.series:
            series.smooth = False  # a month's figure is a point, not a curve between them
        return chart

    sheet.add_chart(line("Sjukfrånvaro, 12 månader", 2, "%"), "J2")
    bars = BarChart()
    bars.type = "col"
    bars.grouping = "stacked"
    bars.overlap = 100
    bars.title = "Övertid och mertid, 12 månader"
    bars.y_axis.title = "timmar"
    bars.add_data(
        Reference(sheet, min_col=4, max_col=5, min_row=1, max_row=last), titles_from_data=True
    )
    bars.set_categories(months)
    bars.x_axis.delete = False
    bars.y_axis.delete = False
    bars.height, bars.width = 7.5, 16
    sheet.add_chart(bars, "J18")
    sheet.add_chart(line("Andel timavlönade, 12 månader", 6, "%"), "J34")
    _fit_to_page_width(sheet, landscape=True)


def _write_definitions(sheet: Any, document: MonthReportDocument) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    sheet.title = "Definitioner"
    sheet.append(("Nyckeltal", "Enhet", "Definition", "Underlag"))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
    for figure in document.figures:
        sheet.append((figure.label, figure.unit, figure.definition, figure.inputs))
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for letter, width in zip("ABCD", (30, 7, 80, 50), strict=True):
        sheet.column_dimensions[letter].width = width
    _fit_to_page_width(sheet, landscape=True)


def write_month_report(path: Path, document: MonthReportDocument) -> Path:
    from openpyxl import Workbook

    workbook = Workbook()
    _write_summary(workbook.active, document)
    _write_trends(workbook.create_sheet(), document)
    _write_definitions(workbook.create_sheet(), document)
    workbook.properties.creator = "Enhetschef"
    workbook.properties.title = document.title
    return save_workbook(workbook, path)

"""The avvikelser workbook for the APT (arbetsplatsträff): counts and native Excel charts only.

It is shown to the whole staff group, so it carries no names and no free text: the writer takes
labels and whole numbers and nothing else (DOMAIN.md: exports to APT are anonymized counts).
openpyxl is imported here, when a workbook is written, so the window opens without it.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from enhetschef_app.excel.workbook_files import save_workbook


class ChartKind(enum.StrEnum):
    STACKED_COLUMNS = "stacked"  # one column per row, a coloured part per count column
    BARS = "bars"
    PIE = "pie"


@dataclass(frozen=True)
class CountTable:
    sheet: str  # the sheet's name, at most 31 characters
    title: str
    label_header: str
    count_headers: tuple[str, ...]
    rows: tuple[tuple[str, tuple[int, ...]], ...]
    chart: ChartKind
    note: str = ""


@dataclass(frozen=True)
class AptFigures:
    title: str
    subtitle: str
    key_figures: tuple[tuple[str, int | str], ...]  # a count, or a text such as '12 dagar'
    definitions: tuple[str, ...]
    tables: tuple[CountTable, ...]


TITLE_SIZE = 14
HEADER_FILL = "DCE6F0"


def _write_table(ws: Any, table: CountTable) -> None:
    from openpyxl.chart import BarChart, PieChart, Reference
    from openpyxl.styles import Font, PatternFill

    ws.append([table.title])
    ws["A1"].font = Font(bold=True, size=TITLE_SIZE)
    if table.note:
        ws.append([table.note])
    ws.append([])
    header_row = ws.max_row + 1
    ws.append([table.label_header, *table.count_headers])
    for cell in ws[header_row]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
    for label, counts in table.rows:
        ws.append([label, *counts])
    last_row = ws.max_row
    ws.column_dimensions["A"].width = (
        max([len(table.label_header), *(len(label) for label, _ in table.rows), 12]) + 2
    )
    for index in range(len(table.count_headers)):
        letter = chr(ord("B") + index)
        ws.column_dimensions[letter].width = max(len(table.count_headers[index]), 8) + 2
    if not table.rows:
        return
    columns = len(table.count_headers)
    data = Reference(ws, min_col=2, max_col=1 + columns, min_row=header_row, max_row=last_row)
    categories = Reference(ws, min_col=1, min_row=header_row + 1, max_row=last_row)
    chart: BarChart | PieChart
    if table.chart is ChartKind.PIE:
        chart = PieChart()
    else:
        chart = BarChart()
        chart.type = "col" if table.chart is ChartKind.STACKED_COLUMNS else "bar"
        if table.chart is ChartKind.STACKED_COLUMNS:
            chart.grouping = "stacked"
            chart.overlap = 100
        chart.y_axis.title = "Antal"
        chart.y_axis.majorGridlines = None
        # Newer Excel hides axes openpyxl does not mark as shown.
        chart.x_axis.delete = False
        chart.y_axis.delete = False
    chart.title = table.title
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(categories)
    chart.height = 9
    chart.width = 18
    anchor_column = chr(ord("B") + columns + 1)
    ws.add_chart(chart, f"{anchor_column}{header_row}")


def write_apt_workbook(path: Path, figures: AptFigures) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    front = workbook.active
    front.title = "Sammanfattning"
    front.append([figures.title])
    front["A1"].font = Font(bold=True, size=TITLE_SIZE)
    front.append([figures.subtitle])
    front.append([])
    for label, value in figures.key_figures:
        front.append([label, value])
    front.append([])
    front.append(["Definitioner"])
    front.cell(row=front.max_row, column=1).font = Font(bold=True)
    for line in figures.definitions:
        front.append([line])
    front.column_dimensions["A"].width = (
        max([len(label) for label, _ in figures.key_figures] + [30]) + 2
    )
    front.column_dimensions["B"].width = 16
    for table in figures.tables:
        _write_table(workbook.create_sheet(table.sheet[:31]), table)
    workbook.properties.creator = "Enhetschef"
    workbook.properties.title = figures.title
    return save_workbook(workbook, path)


def table_from_counts(
    sheet: str,
    title: str,
    label_header: str,
    count_header: str,
    counts: Sequence[tuple[str, int]],
    chart: ChartKind,
    note: str = "",
) -> CountTable:
    return CountTable(
        sheet=sheet,
        title=title,
        label_header=label_header,
        count_headers=(count_header,),
        rows=tuple((label, (count,)) for label, count in counts),
        chart=chart,
        note=note,
    )

"""The EC's own list of avvikelser as a workbook: one row per report, the columns the service
chose (free text only when the EC asked for it)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from enhetschef_app.excel.workbook_files import save_workbook

Cell = str | int | date | None


def write_incident_list(
    path: Path, title: str, headers: Sequence[str], rows: Sequence[Sequence[Cell]]
) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Avvikelser"
    sheet.append([title])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([])
    sheet.append(list(headers))
    header_row = sheet.max_row
    for cell in sheet[header_row]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DCE6F0")
    for row in rows:
        sheet.append(list(row))
    for index, header in enumerate(headers, start=1):
        longest = max([len(header), *(len(str(r[index - 1] or "")) for r in rows)])
        letter = sheet.cell(row=header_row, column=index).column_letter
        sheet.column_dimensions[letter].width = min(max(longest, 8) + 2, 60)
    for line in sheet.iter_rows(min_row=header_row + 1):
        for cell in line:
            if isinstance(cell.value, date):
                cell.number_format = "yyyy-mm-dd"
            if isinstance(cell.value, str) and len(cell.value) > 60:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=2)
    sheet.auto_filter.ref = (
        f"A{header_row}:{sheet.cell(row=sheet.max_row, column=len(headers)).coordinate}"
    )
    workbook.properties.creator = "Enhetschef"
    return save_workbook(workbook, path)

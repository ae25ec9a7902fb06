"""The registerutdrag as a workbook: a first sheet saying whose data it is and when it was
taken, then one sheet per kind with Swedish headings (an empty kind says so)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

from enhetschef_app.excel.workbook_files import save_workbook

Cell = str | int | float | date | datetime | None


def write_register_extract(
    path: Path,
    about: Sequence[tuple[str, str]],
    sheets: Sequence[tuple[str, Sequence[str], Sequence[Sequence[Cell]]]],
) -> Path:
    """`about`: (label, value) lines of the first sheet; `sheets`: (title, headers, rows)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    workbook = Workbook()
    first = workbook.active
    first.title = "Om utdraget"
    first.append(["Registerutdrag"])
    first["A1"].font = Font(bold=True, size=14)
    first.append([])
    for label, value in about:
        first.append([label, value])
    first.column_dimensions["A"].width = 28
    first.column_dimensions["B"].width = 70
    for title, headers, rows in sheets:
        sheet = workbook.create_sheet(title[:31])
        sheet.append(list(headers))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor="DCE6F0")
        for row in rows:
            sheet.append(list(row))
        if not rows:
            sheet.append(["Inga uppgifter av detta slag."])
        for index, header in enumerate(headers, start=1):
            longest = max([len(header), *(len(str(r[index - 1] or "")) for r in rows)])
            letter = sheet.cell(row=1, column=index).column_letter
            sheet.column_dimensions[letter].width = min(max(longest, 8) + 2, 60)
        for line in sheet.iter_rows(min_row=2):
            for cell in line:
                if isinstance(cell.value, datetime):
                    cell.number_format = "yyyy-mm-dd hh:mm"
                elif isinstance(cell.value, date):
                    cell.number_format = "yyyy-mm-dd"
                elif isinstance(cell.value, str) and len(cell.value) > 60:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.freeze_panes = "A2"
    workbook.properties.creator = "Enhetschef"
    return save_workbook(workbook, path)

"""The app's template of the shared follow-up workbook, made when the VC's workbook does not
exist yet: the layout of tests/data/delad-manadsuppfoljning.xlsx, empty, so the first
sync writes the first row."""

from __future__ import annotations

import io
from decimal import Decimal

from enhetschef_app.excel.shared_columns import SHARED_COLUMNS, VC_COMMENT_COLUMN
from enhetschef_app.excel.shared_merge import DEFAULT_SHEET
from enhetschef_app.excel.sheet_xml import column_letter

HEADER_FILL = "DCE6F0"
ATTENTION_FILL = "F8CBAD"
DATA_ROWS = 2000  # rows the conditional format and the number formats cover in advance


def shared_workbook_template(sick_target_percent: Decimal) -> bytes:
    from openpyxl import Workbook
    from openpyxl.formatting.rule import CellIsRule
    from openpyxl.styles import Font, PatternFill

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = DEFAULT_SHEET
    headers = [c.header for c in SHARED_COLUMNS if c.required] + [VC_COMMENT_COLUMN.header]
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
    sheet.freeze_panes = "A2"
    for index, title in enumerate(headers, start=1):
        width = 30 if title == VC_COMMENT_COLUMN.header else max(len(title) + 2, 10)
        sheet.column_dimensions[column_letter(index)].width = width
    sick_column = column_letter(headers.index("Sjukfrånvaro %") + 1)
    sheet.conditional_formatting.add(
        f"{sick_column}2:{sick_column}{DATA_ROWS}",
        CellIsRule(
            operator="greaterThan",
            formula=[str(sick_target_percent)],
            fill=PatternFill("solid", fgColor=ATTENTION_FILL),
        ),
    )
    guide = workbook.create_sheet("Instruktion")
    guide["A1"] = "Månadsuppföljning: en rad per enhet och månad."
    guide["A2"] = (
        "Enhetschefernas program skriver sin enhets rad (Enhet, Månad och nyckeltalen). "
        "Kolumnen Kommentar VC och egna kolumner skrivs aldrig över."
    )
    guide["A3"] = f"Sjukfrånvaro över målet ({sick_target_percent} %) markeras."
    guide.column_dimensions["A"].width = 100
    workbook.properties.creator = "Enhetschef"
    workbook.properties.title = "Månadsuppföljning"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()

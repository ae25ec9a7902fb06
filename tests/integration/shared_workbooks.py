"""Helpers for the shared workbook's tests: every cell of a workbook as openpyxl reads it, the
parts of its zip, and workbooks with content made to order."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import openpyxl

SAMPLE_NAME = "delad-manadsuppfoljning.xlsx"


def all_cells(path: Path) -> dict[tuple[str, str], tuple[Any, str, str, str]]:
    """(sheet, cell) → (value, type, number format, font/fill) of every cell with content or
    style, as openpyxl reads the file."""
    workbook = openpyxl.load_workbook(path)
    found: dict[tuple[str, str], tuple[Any, str, str, str]] = {}
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is None and not cell.has_style:
                    continue
                look = f"{cell.font.b}|{cell.fill.fgColor.rgb}|{cell.alignment.wrap_text}"
                found[(sheet.title, cell.coordinate)] = (
                    cell.value,
                    cell.data_type,
                    cell.number_format,
                    look,
                )
    return found


def parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def with_parts(source: Path, target: Path, changes: dict[str, bytes | None]) -> Path:
    """A copy of `source` with parts added or replaced (bytes) or removed (None)."""
    original = parts(source)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, kept in original.items():
            if name in changes:
                continue
            archive.writestr(name, kept)
        for name, changed in changes.items():
            if changed is not None:
                archive.writestr(name, changed)
    target.write_bytes(buffer.getvalue())
    return target


def row_values(path: Path, sheet: str, row: int) -> dict[str, Any]:
    """{header: value} of one row, by the headers of row 1."""
    ws = openpyxl.load_workbook(path)[sheet]
    headers = [c.value for c in ws[1]]
    return {
        str(h): ws.cell(row=row, column=i + 1).value for i, h in enumerate(headers) if h is not None
    }


def find_row(path: Path, sheet: str, unit: str, month: str) -> int | None:
    ws = openpyxl.load_workbook(path)[sheet]
    headers = [c.value for c in ws[1]]
    unit_col, month_col = headers.index("Enhet") + 1, headers.index("Månad") + 1
    for number in range(2, ws.max_row + 1):
        if ws.cell(number, unit_col).value == unit and ws.cell(number, month_col).value == month:
            return number
    return None

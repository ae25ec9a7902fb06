"""Reading every unit's row of one month from the VC's shared follow-up workbook, for the
Förvaltning page of a förvaltning that moves to the server unit by unit: the units still on a
laptop sync their rows there, and the VC sees them beside the server's units.

Nothing is written and no lock is taken: a sync that writes meanwhile replaces the file whole
(shared_sync), so a read sees the old file or the new one.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from enhetschef_app.domain.errors import UserError
from enhetschef_app.excel.shared_columns import (
    COMMENT,
    MONTH_COLUMN,
    SHARED_COLUMNS,
    UNIT_COLUMN,
    VC_COMMENT_COLUMN,
)
from enhetschef_app.excel.shared_merge import month_key, open_shared_sheet
from enhetschef_app.excel.sheet_xml import CellValue
from enhetschef_app.excel.xlsx_package import XlsxPackage

_TEXT_KEYS = frozenset({UNIT_COLUMN.key, MONTH_COLUMN.key, COMMENT})


@dataclass(frozen=True)
class WorkbookUnitRow:
    """One unit's row of the month as the workbook holds it. `values` has the figures of the
    columns the sheet has (None for an empty or unreadable cell); `unreadable` names the
    columns whose cell held something that is not a number."""

    unit_code: str
    month: str
    row_number: int
    values: dict[str, Decimal | None]
    comment: str
    vc_comment: str
    unreadable: tuple[str, ...] = ()


@dataclass(frozen=True)
class WorkbookMonth:
    workbook: Path
    sheet: str
    rows: list[WorkbookUnitRow]
    duplicates: list[tuple[str, int]]  # (unit code, row) of further rows of a unit's month


def _number(value: CellValue) -> Decimal | None:
    """A figure as typed or written: a number, or text such as '4,2' or '4,2 %'."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, float | int):
        return Decimal(repr(float(value)))
    text = re.sub(r"[\s\u00a0%]", "", str(value)).replace(",", ".")
    if not text:
        return None
    try:
        return Decimal(text)
    except InvalidOperation:
        raise ValueError(text) from None


def _text(value: CellValue) -> str:
    if isinstance(value, float):
        return f"{value:g}"
    return str(value or "").strip()


def read_months(
    package: XlsxPackage, months: Collection[str], sheet: str | None
) -> tuple[str, list[WorkbookUnitRow], list[tuple[str, int]]]:
    """The sheet's name, each unit's first row of each of `months` ('2026-10') in the sheet's
    order, and the further rows of a unit's month that a sync would leave alone."""
    opened = open_shared_sheet(package, sheet)
    worksheet, strings = opened.worksheet, package.shared_strings
    unit_column = opened.columns[UNIT_COLUMN.key]
    month_column = opened.columns[MONTH_COLUMN.key]
    figures = [c for c in SHARED_COLUMNS if c.key not in _TEXT_KEYS and c.key in opened.columns]
    rows: list[WorkbookUnitRow] = []
    seen: set[tuple[str, str]] = set()
    duplicates: list[tuple[str, int]] = []
    for row in worksheet.rows:
        if row.number <= opened.header_row:
            continue
        code = _text(opened.value(row.number, unit_column)).upper()
        month_cell = worksheet.cell_at(row, month_column)
        if not code or month_cell is None:
            continue
        found = month_key(
            worksheet.value(month_cell, strings), package, package.style_kind(month_cell.style)
        )
        if found is None or found not in months:
            continue
        if (code, found) in seen:
            duplicates.append((code, row.number))
            continue
        seen.add((code, found))
        values: dict[str, Decimal | None] = {}
        unreadable: list[str] = []
        for spec in figures:
            column = opened.columns[spec.key]
            try:
                number = _number(opened.value(row.number, column))
            except ValueError:
                unreadable.append(spec.header)
                number = None
            style = opened.style_at(row.number, column)
            if number is not None and spec.percent and package.style_kind(style) == "percent":
                number = number * 100  # a 4,2 % cell holds 0.042
            values[spec.key] = None if number is None else number.normalize()
        comment_column = opened.columns.get(COMMENT)
        vc_column = opened.columns.get(VC_COMMENT_COLUMN.key)
        rows.append(
            WorkbookUnitRow(
                unit_code=code,
                month=found,
                row_number=row.number,
                values=values,
                comment=""
                if comment_column is None
                else _text(opened.value(row.number, comment_column)),
                vc_comment="" if vc_column is None else _text(opened.value(row.number, vc_column)),
                unreadable=tuple(unreadable),
            )
        )
    return opened.ref.name, rows, duplicates


def read_workbook_months(
    workbook: Path, months: Collection[str], sheet: str | None = None
) -> WorkbookMonth:
    """Every unit's row of each of `months` in the shared workbook at `workbook`."""
    try:
        data = workbook.read_bytes()
    except FileNotFoundError:
        raise UserError(f"Arbetsboken {workbook} finns inte.") from None
    except PermissionError:
        raise UserError(
            f"Arbetsboken {workbook.name} kan inte läsas just nu (den är låst av ett annat "
            "program eller så saknar du behörighet till mappen)."
        ) from None
    except OSError as exc:
        raise UserError(f"Arbetsboken {workbook} kan inte läsas: {exc.strerror or exc}.") from None
    package = XlsxPackage.from_bytes(data, workbook.name)
    name, rows, duplicates = read_months(package, set(months), sheet)
    return WorkbookMonth(workbook, name, rows, duplicates)


def read_workbook_month(workbook: Path, month: str, sheet: str | None = None) -> WorkbookMonth:
    """Every unit's row of `month` in the shared workbook at `workbook`."""
    return read_workbook_months(workbook, (month,), sheet)

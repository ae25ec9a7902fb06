"""The personnel budget and the booked utfall per month, as the ekonomisystem exports them.

Budget: `Månad`, `Personalkostnad` (kr), `Årsarbetare` (optional), with aliases, in any order.
Utfall: `Månad`, `Utfall personalkostnad`. A month is written `2026-10`, `okt 2026`,
`oktober 2026` or as an Excel date; amounts in Swedish form (`1 234 567,50`, `-12 000 kr`).
Every bad row is reported at once, named by sheet, row and column; nothing is read half.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TypeVar

from enhetschef_app.domain.errors import ImportFormatError, RowProblem, UserError
from enhetschef_app.domain.staff import fold
from enhetschef_app.domain.year_month import YearMonth
from enhetschef_app.excel.cells import parse_amount, parse_decimal
from enhetschef_app.excel.tables import RawTable, read_table

T = TypeVar("T")

MONTH_ALIASES = ("Månad", "Period", "År och månad", "År-månad", "Månad/år", "Bokföringsmånad")
BUDGET_COLUMNS: dict[str, tuple[str, ...]] = {
    "month": MONTH_ALIASES,
    "cost": (
        "Personalkostnad",
        "Personalkostnader",
        "Budget personalkostnad",
        "Budget personalkostnader",
        "Budget",
        "Budget kr",
        "Belopp",
    ),
    "fte": ("Årsarbetare", "Budget årsarbetare", "Antal årsarbetare", "ÅA", "FTE"),
}
OUTCOME_COLUMNS: dict[str, tuple[str, ...]] = {
    "month": MONTH_ALIASES,
    "outcome": (
        "Utfall personalkostnad",
        "Utfall personalkostnader",
        "Personalkostnad utfall",
        "Bokfört utfall",
        "Utfall",
        "Utfall kr",
    ),
}

MONTH_NAMES = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "maj": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "okt": 10,
    "nov": 11,
    "dec": 12,
}
_NAMED = re.compile(r"([a-z]+)\.?\s*-?\s*(\d{4})")
_NAMED_YEAR_FIRST = re.compile(r"(\d{4})\s*-?\s*([a-z]+)\.?")
_ISO_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00(?:\.0+)?)?)?")
_COMPACT = re.compile(r"(\d{4})(\d{2})")


def parse_month(text: str) -> YearMonth:
    """'2026-10', 'okt 2026', 'oktober 2026', '2026 okt', '202610' or an Excel date."""
    plain = fold(text).strip()
    for pattern, year_group, name_group in ((_NAMED, 2, 1), (_NAMED_YEAR_FIRST, 1, 2)):
        found = pattern.fullmatch(plain)
        if found is not None:
            name = found.group(name_group)
            number = MONTH_NAMES.get(name[:3])
            if number is None or not any(full.startswith(name) for full in _FULL_NAMES):
                raise ValueError(f"Okänt månadsnamn '{name}'; skriv t.ex. okt 2026.")
            return _month(int(found.group(year_group)), number)
    for pattern in (_ISO_DAY, _COMPACT):
        found = pattern.fullmatch(plain)
        if found is not None:
            return _month(int(found.group(1)), int(found.group(2)))
    try:
        return YearMonth.parse(plain)
    except ValueError:
        raise ValueError("Inte en månad; skriv 2026-10 eller okt 2026.") from None


_FULL_NAMES = (
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
)


def _month(year: int, number: int) -> YearMonth:
    try:
        return YearMonth(year, number)
    except ValueError:
        raise ValueError("Inte en månad; skriv 2026-10 eller okt 2026.") from None


@dataclass(frozen=True)
class BudgetRecord:
    row: int
    month: YearMonth
    cost: Decimal | None  # kr
    fte: Decimal | None


@dataclass(frozen=True)
class OutcomeRecord:
    row: int
    month: YearMonth
    outcome: Decimal


@dataclass(frozen=True)
class _Read:
    table: RawTable
    columns: Mapping[str, str]
    values: list[tuple[int, dict[str, object]]]


def _read(path: Path, sheet: str | None, fields: dict[str, tuple[str, ...]], what: str) -> _Read:
    table = read_table(path, sheet)
    required = {name for name in fields if name != "fte"}
    columns = table.match_columns(fields, required)
    if not table.rows:
        raise UserError(f"I {table.where} finns rubriker men inga månader.")
    problems: list[RowProblem] = []
    values: list[tuple[int, dict[str, object]]] = []
    first_row_of: dict[YearMonth, int] = {}
    for row in table.rows:
        found: dict[str, object] = {}
        for name, header in columns.items():
            text = row.value(header)
            try:
                if not text.strip():
                    if name == "fte":
                        continue
                    raise ValueError("Värde saknas.")
                if name == "month":
                    value: object = parse_month(text)
                elif name == "fte":
                    number = parse_decimal(text)
                    if number < 0:
                        raise ValueError("Antalet årsarbetare kan inte vara negativt.")
                    value = number
                else:
                    amount = parse_amount(text)
                    if name == "cost" and amount < 0:
                        raise ValueError("En budget kan inte vara negativ.")
                    value = amount
            except ValueError as exc:
                problems.append(table.problem(row.row_number, header, text, str(exc)))
                continue
            found[name] = value
        month = found.get("month")
        if isinstance(month, YearMonth):
            if month in first_row_of:
                problems.append(
                    table.problem(
                        row.row_number,
                        columns["month"],
                        row.value(columns["month"]),
                        f"Månaden finns redan på rad {first_row_of[month]}.",
                    )
                )
            first_row_of.setdefault(month, row.row_number)
        values.append((row.row_number, found))
    if problems:
        bad_rows = len({p.row for p in problems})
        raise ImportFormatError(
            table.file_name,
            problems,
            f"{what} i {table.file_name} importerades inte: {len(problems)} fel på {bad_rows} av "
            f"{len(table.rows)} rader. Rätta felen och importera filen igen; inget har ändrats.",
        )
    return _Read(table, columns, values)


def read_budget_file(path: Path, sheet: str | None = None) -> list[BudgetRecord]:
    """Every month of the budget, or an `ImportFormatError` listing every bad cell."""
    read = _read(Path(path), sheet, BUDGET_COLUMNS, "Budgeten")
    return [
        BudgetRecord(
            row,
            _as(found["month"], YearMonth),
            _as(found["cost"], Decimal),
            _as(found["fte"], Decimal) if "fte" in found else None,
        )
        for row, found in read.values
    ]


def read_outcome_file(path: Path, sheet: str | None = None) -> list[OutcomeRecord]:
    """Every month of the booked utfall, or an `ImportFormatError` listing every bad cell."""
    read = _read(Path(path), sheet, OUTCOME_COLUMNS, "Utfallet")
    return [
        OutcomeRecord(row, _as(found["month"], YearMonth), _as(found["outcome"], Decimal))
        for row, found in read.values
    ]


def _as(value: object, kind: type[T]) -> T:
    if not isinstance(value, kind):
        raise TypeError(f"{value!r} is not {kind.__name__}")
    return value

"""Absences in the standard layout (docs/import-franvaro.md):
`Anställningsnr, Frånvarotyp, Från, Till, Omfattning (%)`.

Reads every row and reports its problems without stopping; the import adds what only the
database knows (unknown employee numbers, overlaps with stored records) and then refuses the
file with every problem at once, or saves it all.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TypeVar

from enhetschef_app.domain.absences import (
    MAX_EXTENT,
    kind_names,
    parse_absence_kind,
)
from enhetschef_app.domain.errors import RowProblem, UserError
from enhetschef_app.domain.identifiers import (
    MAX_CODE_LENGTH,
    length_problem,
    normalise_identifier,
)
from enhetschef_app.excel.cells import optional, parse_date, parse_percent
from enhetschef_app.excel.tables import RawRow, read_table

T = TypeVar("T")

ABSENCE_COLUMNS: dict[str, tuple[str, ...]] = {
    "employee_no": (
        "Anställningsnr",
        "Anställningsnummer",
        "Anst nr",
        "Personalnr",
        "Personalnummer",
        "Anställnings-id",
    ),
    "kind": ("Frånvarotyp", "Typ", "Frånvaro", "Orsak", "Frånvaroorsak", "Ledighetstyp"),
    "start": ("Från", "Från och med", "Fr.o.m.", "Fom", "Startdatum", "Från datum"),
    "end": ("Till", "Till och med", "T.o.m.", "Tom", "Slutdatum", "Till datum"),
    "extent_percent": ("Omfattning (%)", "Omfattning", "Procent", "Andel", "Grad"),
}
REQUIRED_COLUMNS = frozenset({"employee_no", "kind", "start"})


@dataclass(frozen=True)
class AbsenceFileRecord:
    """One row, read; `kind`, `start` or `extent_percent` is None when its cell is bad."""

    row: int
    employee_no: str
    kind: str | None
    start: date | None
    end: date | None
    extent_percent: int | None
    sheet: str | None
    columns: Mapping[str, str]
    cells: Mapping[str, str]

    def problem(self, field_name: str, message: str) -> RowProblem:
        return RowProblem(
            row=self.row,
            column=self.columns.get(field_name, ABSENCE_COLUMNS[field_name][0]),
            value=self.cells.get(field_name, ""),
            problem=message,
            sheet=self.sheet,
        )


@dataclass
class AbsenceFile:
    file_name: str
    where: str
    records: list[AbsenceFileRecord] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)


def read_absence_file(path: Path, sheet: str | None = None) -> AbsenceFile:
    table = read_table(path, sheet)
    columns = table.match_columns(ABSENCE_COLUMNS, REQUIRED_COLUMNS)
    if not table.rows:
        raise UserError(
            f"I {table.where} finns rubriker men ingen frånvaro. Kontrollera att det är rätt "
            "fil och blad."
        )
    found = AbsenceFile(table.file_name, table.where)
    for row in table.rows:
        record, messages = _read_row(row, columns, table.sheet)
        found.records.append(record)
        found.problems.extend(
            record.problem(name, messages[name]) for name in ABSENCE_COLUMNS if name in messages
        )
    return found


def _read_row(
    row: RawRow, columns: Mapping[str, str], sheet: str | None
) -> tuple[AbsenceFileRecord, dict[str, str]]:
    cells = {name: row.value(header) for name, header in columns.items()}
    messages: dict[str, str] = {}

    def read(name: str, parse: Callable[[str], T]) -> T | None:
        try:
            return optional(parse, cells.get(name, ""))
        except ValueError as exc:
            messages[name] = str(exc)
            return None

    number = normalise_identifier(cells["employee_no"])
    if not number:
        messages["employee_no"] = "Anställningsnummer saknas."
    elif found := length_problem(number, MAX_CODE_LENGTH, "Anställningsnumret"):
        messages["employee_no"] = found
        number = ""  # no employee has it: the length is the one problem to name
    kind_text = cells["kind"].strip()
    kind = parse_absence_kind(kind_text) if kind_text else None
    if kind is None:
        messages["kind"] = (
            f"Okänd frånvarotyp; skriv en av {kind_names()}."
            if kind_text
            else "Frånvarotyp saknas."
        )
    start = read("start", parse_date)
    if start is None and "start" not in messages:
        messages["start"] = "Från-datum saknas."
    end = read("end", parse_date)
    if start is not None and end is not None and end < start:
        messages["end"] = "Till-datumet ligger före från-datumet."
    extent = _extent(cells.get("extent_percent", ""), messages)
    record = AbsenceFileRecord(
        row=row.row_number,
        employee_no=number,
        kind=kind,
        start=start,
        end=end,
        extent_percent=extent,
        sheet=sheet,
        columns=dict(columns),
        cells=cells,
    )
    return record, messages


def _extent(text: str, messages: dict[str, str]) -> int | None:
    """Whole percent 1–100; an empty cell (or no column) is a whole absence, 100 %."""
    if not text.strip():
        return MAX_EXTENT
    try:
        value = parse_percent(text)
    except ValueError as exc:
        # Excel keeps a percent-formatted cell as a share, so 100 % arrives as 1; an absence
        # of one per cent does not exist.
        if text.strip() == "1":
            return MAX_EXTENT
        messages["extent_percent"] = str(exc)
        return None
    if value != value.to_integral_value():
        messages["extent_percent"] = "Ange omfattningen i hela procent, t.ex. 50."
        return None
    if not 1 <= value <= MAX_EXTENT:
        messages["extent_percent"] = "Omfattningen ska vara mellan 1 och 100 %."
        return None
    return int(value)

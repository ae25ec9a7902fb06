"""The schedule as scheduling systems export it (docs/import-schema.md describes the layout).

One row per shift: employee number (empty: a vacant row), name, date, start, end, rast in
minutes and shift code. A shift whose end is not after its start ends the next day. Every row
is read and checked; the valid rows and every problem are returned together, so the import can
refuse the file or, when the EC chooses, take the valid rows alone.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, time
from pathlib import Path
from typing import TypeVar, cast

from enhetschef_app.domain.errors import ImportFormatError, RowProblem, UserError
from enhetschef_app.domain.identifiers import (
    MAX_CODE_LENGTH as MAX_IDENTIFIER_LENGTH,
)
from enhetschef_app.domain.identifiers import (
    MAX_NAME_LENGTH,
    length_problem,
    normalise_identifier,
    normalise_text,
)
from enhetschef_app.domain.schedule_import import (
    FIELD_BY_KEY,
    SCHEDULE_FIELDS,
    ColumnMappingNeeded,
)
from enhetschef_app.domain.staff import fold
from enhetschef_app.excel.cells import parse_date, parse_int, parse_time
from enhetschef_app.excel.tables import RawRow, RawTable, header_key, read_table

T = TypeVar("T")

# The first name of each column is the standard layout's; the others are what scheduling
# systems and people write. Matching ignores case, accents, punctuation and a unit in brackets.
SCHEDULE_COLUMNS: dict[str, tuple[str, ...]] = {
    "employee_no": (
        "Anställningsnr",
        "Anställningsnummer",
        "Anst nr",
        "Anst.nr",
        "Personalnr",
        "Personalnummer",
        "Anställnings-id",
        "Anst id",
    ),
    "name": ("Namn", "Medarbetare", "Anställd", "Personal", "För- och efternamn"),
    "work_date": ("Datum", "Passdatum", "Arbetsdag", "Dag"),
    "start": ("Start", "Från", "Starttid", "Börjar", "Tid från", "Fr.o.m."),
    "end": ("Slut", "Till", "Sluttid", "Slutar", "Tid till", "T.o.m."),
    "break_minutes": ("Rast (min)", "Rast", "Rasttid", "Rast minuter", "Måltidsrast"),
    "shift_code": ("Passkod", "Pass", "Passtyp", "Kod", "Passbeteckning"),
}
REQUIRED = frozenset(f.key for f in SCHEDULE_FIELDS if f.required)
PREVIEW_ROWS = 8
# A row this far (in days) from every other row of the file is taken for a typo.
FAR_DAYS = 8 * 7
MAX_CODE_LENGTH = 10
_BREAK_CLOCK = re.compile(r"(\d{1,2})[:.](\d{2})")
_BREAK_SUFFIX = re.compile(r"\s*(?:min|minuter|m)\.?$", re.IGNORECASE)
_VACANT_NAMES = {"vakant", "vakans", "obemannad", "tom", "tom rad", "ledigt pass"}


@dataclass(frozen=True)
class ScheduleRecord:
    row: int
    employee_no: str | None  # None: a vacant row
    name: str
    work_date: date
    start: time
    end: time
    break_minutes: int
    shift_code: str | None


@dataclass(frozen=True)
class ScheduleFile:
    file_name: str
    sheet: str | None
    headers: list[str]
    columns: dict[str, str]  # {field: header}
    records: list[ScheduleRecord]  # the valid rows, in file order
    problems: list[RowProblem]
    total_rows: int
    # The day of each bad row, None where the date itself could not be read.
    bad_row_days: dict[int, date | None] = field(default_factory=dict)

    @property
    def bad_rows(self) -> int:
        return len({p.row for p in self.problems})

    @property
    def layout(self) -> str:
        return layout_key(self.headers)


def layout_key(headers: list[str]) -> str:
    """One key per file layout: the same headers (case, accents and spacing aside) in order."""
    text = "|".join(header_key(h) for h in headers)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:40]


def read_schedule_table(path: Path, sheet: str | None = None) -> RawTable:
    table = read_table(path, sheet)
    if not table.rows:
        raise UserError(
            f"I {table.where} finns rubriker men inga pass. Kontrollera att det är rätt fil och "
            "blad."
        )
    return table


def schedule_columns(table: RawTable, chosen: Mapping[str, str] | None = None) -> dict[str, str]:
    """Which header holds each field: the chosen mapping if given, else by the headers' names.

    Raises `ColumnMappingNeeded` (with a preview of the rows) when that leaves a required field
    without a column, so the window can let the EC choose.
    """
    if chosen:
        unknown = [h for h in chosen.values() if h not in table.headers]
        missing = [f for f in REQUIRED if not chosen.get(f)]
        doubled = {h for h in chosen.values() if list(chosen.values()).count(h) > 1}
        if not unknown and not missing and not doubled:
            return {f: h for f, h in chosen.items() if h and f in FIELD_BY_KEY}
        kept = {f: h for f, h in chosen.items() if h in table.headers}
        raise _mapping_needed(table, kept, missing=[FIELD_BY_KEY[f].label for f in missing])
    try:
        return table.match_columns(SCHEDULE_COLUMNS, REQUIRED)
    except ImportFormatError as exc:
        guess: dict[str, str] = {}
        for field, aliases in SCHEDULE_COLUMNS.items():
            keys = {header_key(a) for a in aliases}
            found = [h for h in table.headers if header_key(h) in keys]
            if len(found) == 1:
                guess[field] = found[0]
        raise _mapping_needed(table, guess, summary=exc.message, problems=exc.problems) from None


def _mapping_needed(
    table: RawTable,
    guess: dict[str, str],
    *,
    missing: list[str] | None = None,
    summary: str = "",
    problems: list[RowProblem] | None = None,
) -> ColumnMappingNeeded:
    if not summary:
        named = ", ".join(missing or []) or "alla fält"
        summary = (
            f"I {table.where} går det inte att avgöra vilken kolumn som är {named}. "
            "Välj kolumnerna; inget importerades."
        )
    preview = [[row.value(h) for h in table.headers] for row in table.rows[:PREVIEW_ROWS]]
    return ColumnMappingNeeded(
        table.file_name,
        problems or [],
        summary,
        headers=table.headers,
        preview=preview,
        guess=guess,
    )


def parse_schedule(table: RawTable, columns: Mapping[str, str]) -> ScheduleFile:
    """Every row read and checked: the valid ones and the problems of the others."""
    reader = _RowReader(table, columns)
    records: list[ScheduleRecord] = []
    problems: list[RowProblem] = []
    first_row_of: dict[tuple[str, date, time], int] = {}
    bad_row_days: dict[int, date | None] = {}
    for row in table.rows:
        record, found, day = reader.read(row)
        if record is not None and record.employee_no is not None:
            key = (record.employee_no, record.work_date, record.start)
            if key in first_row_of:
                found.append(
                    reader.problem(
                        row,
                        "start",
                        f"Samma medarbetare har redan ett pass som börjar då (rad "
                        f"{first_row_of[key]}).",
                    )
                )
            else:
                first_row_of[key] = row.row_number
        if found:
            problems.extend(found)
            bad_row_days[row.row_number] = day
        elif record is not None:
            records.append(record)
    records = _without_far_rows(reader, records, problems, bad_row_days)
    return ScheduleFile(
        file_name=table.file_name,
        sheet=table.sheet,
        headers=list(table.headers),
        columns=dict(columns),
        records=records,
        problems=problems,
        total_rows=len(table.rows),
        bad_row_days=bad_row_days,
    )


def far_dates(days: Iterable[date]) -> set[date]:
    """The dates of rows more than `FAR_DAYS` from their nearest neighbour row: a year or
    month typed wrong. Two rows of one day are each other's neighbours."""
    counts = Counter(days)
    ordered = sorted(counts)
    far: set[date] = set()
    for index, day in enumerate(ordered):
        if counts[day] > 1:
            continue
        gaps = []
        if index > 0:
            gaps.append((day - ordered[index - 1]).days)
        if index + 1 < len(ordered):
            gaps.append((ordered[index + 1] - day).days)
        if gaps and min(gaps) > FAR_DAYS:
            far.add(day)
    return far


def _without_far_rows(
    reader: _RowReader,
    records: list[ScheduleRecord],
    problems: list[RowProblem],
    bad_row_days: dict[int, date | None],
) -> list[ScheduleRecord]:
    """The records less the rows dated far from the rest, each of them made a row error."""
    far = far_dates(r.work_date for r in records)
    if not far:
        return records
    rows = {row.row_number: row for row in reader.table.rows}
    kept: list[ScheduleRecord] = []
    for record in records:
        if record.work_date not in far:
            kept.append(record)
            continue
        problems.append(
            reader.problem(
                rows[record.row],
                "work_date",
                f"Datumet {record.work_date.isoformat()} ligger mer än {FAR_DAYS // 7} veckor "
                "från filens övriga pass. Kontrollera året och månaden.",
            )
        )
        bad_row_days[record.row] = record.work_date
    problems.sort(key=lambda p: p.row)
    return kept


def read_schedule_file(
    path: Path, sheet: str | None = None, columns: Mapping[str, str] | None = None
) -> ScheduleFile:
    table = read_schedule_table(path, sheet)
    return parse_schedule(table, schedule_columns(table, columns))


class _RowReader:
    """Reads rows of one table; the same text in a column is parsed once (a schedule repeats
    its dates and times thousands of times)."""

    def __init__(self, table: RawTable, columns: Mapping[str, str]) -> None:
        self.table = table
        self.columns = dict(columns)
        self._dates: dict[str, date | str] = {}
        self._times: dict[str, time | str] = {}
        self._breaks: dict[str, int | str] = {}
        self._lengths: dict[tuple[time, time], int] = {}
        # Valid (date, start, end, rast) texts, read: a schedule has a few hundred such
        # combinations among thousands of rows.
        self._slots: dict[tuple[str, str, str, str], tuple[date, time, time, int]] = {}
        # A field without a column looks up a key no row has, and so reads as empty.
        absent = cast(str, object())
        self._text_headers = tuple(
            self.columns.get(field, absent)
            for field in (
                "employee_no", "name", "shift_code", "work_date", "start", "end", "break_minutes"
            )
        )  # fmt: skip

    def problem(self, row: RawRow, field: str, message: str) -> RowProblem:
        header = self.columns.get(field, FIELD_BY_KEY[field].label)
        return self.table.problem(
            row.row_number, header, row.value(self.columns.get(field)), message
        )

    def _cell(self, row: RawRow, field: str) -> str:
        header = self.columns.get(field)
        return row.cells.get(header, "").strip() if header is not None else ""

    def _texts(self, row: RawRow) -> tuple[str, str, str, str, str, str, str]:
        """Number, name, code, date, start, end and rast as _cell gives them, at once."""
        get = row.cells.get
        number, name, code, day, start, end, rast = self._text_headers
        return (
            normalise_identifier(get(number, "")),
            normalise_text(get(name, "")),
            normalise_identifier(get(code, "")),
            get(day, "").strip(),
            get(start, "").strip(),
            get(end, "").strip(),
            get(rast, "").strip(),
        )

    def _parsed(
        self,
        row: RawRow,
        field: str,
        cache: dict[str, T | str],
        parse: Callable[[str], T],
        problems: list[RowProblem],
    ) -> T | None:
        text = self._cell(row, field)
        if not text:
            if field in REQUIRED:
                problems.append(self.problem(row, field, "Värde saknas."))
            return None
        value = cache.get(text)
        if value is None:
            try:
                value = cache[text] = parse(text)
            except ValueError as exc:
                value = cache[text] = str(exc)
        if isinstance(value, str):
            problems.append(self.problem(row, field, value))
            return None
        return value

    def read(self, row: RawRow) -> tuple[ScheduleRecord | None, list[RowProblem], date | None]:
        """The row as a record (None when it has problems), its problems, and its day."""
        problems: list[RowProblem] = []
        number, name, code_text, *slot = self._texts(row)
        if not number and name and fold(name) not in _VACANT_NAMES:
            problems.append(
                self.problem(
                    row,
                    "employee_no",
                    f"Anställningsnummer saknas för {name}. Ange numret, eller töm namnet om "
                    "raden är vakant.",
                )
            )
        if found := length_problem(number, MAX_IDENTIFIER_LENGTH, "Anställningsnumret"):
            problems.append(self.problem(row, "employee_no", found))
        if found := length_problem(name, MAX_NAME_LENGTH, "Namnet"):
            problems.append(self.problem(row, "name", found))
        code = code_text or None
        key = (slot[0], slot[1], slot[2], slot[3])
        known = self._slots.get(key)
        if known is not None and not problems and (code is None or len(code) <= MAX_CODE_LENGTH):
            record = ScheduleRecord(row.row_number, number or None, name, *known, code)
            return record, problems, known[0]
        work_date = self._parsed(row, "work_date", self._dates, parse_date, problems)
        start = self._parsed(row, "start", self._times, parse_time, problems)
        end = self._parsed(row, "end", self._times, parse_time, problems)
        rast = self._parsed(row, "break_minutes", self._breaks, parse_break, problems) or 0
        if code is not None and len(code) > MAX_CODE_LENGTH:
            problems.append(
                self.problem(row, "shift_code", f"Passkoden är längre än {MAX_CODE_LENGTH} tecken.")
            )
        if start is not None and end is not None:
            length = self._lengths.get((start, end))
            if length is None:
                length = self._lengths[(start, end)] = _minutes_between(start, end)
            if start == end:
                problems.append(
                    self.problem(
                        row, "end", "Slut är samma klockslag som start: passet saknar längd."
                    )
                )
            elif rast >= length:
                problems.append(
                    self.problem(
                        row, "break_minutes", "Rasten är lika lång som passet eller längre."
                    )
                )
        if problems or work_date is None or start is None or end is None:
            return None, problems, work_date
        self._slots[key] = (work_date, start, end, rast)
        record = ScheduleRecord(
            row.row_number, number or None, name, work_date, start, end, rast, code
        )
        return record, problems, work_date


def parse_break(text: str) -> int:
    """Rast in minutes: ``30``, ``30 min`` or as a clock duration ``0:30``."""
    plain = _BREAK_SUFFIX.sub("", text.strip())
    if match := _BREAK_CLOCK.fullmatch(plain):
        hours, minutes = int(match.group(1)), int(match.group(2))
        if minutes >= 60:
            raise ValueError("Minuterna ska vara 00–59.")
        return hours * 60 + minutes
    try:
        value = parse_int(plain)
    except ValueError:
        raise ValueError("Rasten ska anges i hela minuter, t.ex. 30.") from None
    if value < 0:
        raise ValueError("Rasten kan inte vara negativ.")
    return value


def _minutes_between(start: time, end: time) -> int:
    minutes = (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)
    return minutes if minutes > 0 else minutes + 24 * 60

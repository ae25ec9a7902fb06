"""Reading a tabular file (xlsx or csv) into rows of text, as the person sees them.

Every import (staff list, schedule, absences) starts here: one header row, then data rows, each
cell kept as the text shown in Excel or a text editor, each row with the number the person sees
there (the header of a file that starts at the top is row 1, the first data row row 2). Parsing
the text into numbers and dates is ``cells``; knowing what the columns mean is the import's.

Accepted: .xlsx/.xlsm (the first sheet or a named one) read with pandas and calamine; .csv
separated by ``;``, ``,`` or tab, in UTF-8 (with or without BOM), UTF-16 with BOM (Excel's
"Unicode text") or Windows-1252 (older Excel "CSV (semikolonavgränsad)").
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path

from enhetschef_app.domain.errors import ImportFormatError, NotFoundError, RowProblem, UserError
from enhetschef_app.domain.staff import fold

EXCEL_SUFFIXES = (".xlsx", ".xlsm")
CSV_SUFFIXES = (".csv",)
DELIMITERS = (";", "\t", ",")  # in order of preference when a header line fits several


@dataclass(frozen=True)
class RawRow:
    row_number: int
    cells: dict[str, str]

    def value(self, header: str | None) -> str:
        """The text under `header`; empty when the file has no such column."""
        return self.cells.get(header, "") if header is not None else ""


@dataclass(frozen=True)
class RawTable:
    file_name: str
    sheet: str | None  # None for csv
    headers: list[str]
    rows: list[RawRow]
    header_row: int = 1

    @property
    def where(self) -> str:
        """The file (and sheet) in words, for messages: "bladet 'Personal' i filen x.xlsx"."""
        return _where(self.file_name, self.sheet)

    def match_columns(
        self, fields: Mapping[str, Sequence[str]], required: Collection[str]
    ) -> dict[str, str]:
        return match_columns(
            self.headers,
            fields,
            required,
            file_name=self.file_name,
            sheet=self.sheet,
            header_row=self.header_row,
        )

    def problem(self, row: int, column: str, value: str, problem: str) -> RowProblem:
        return RowProblem(row=row, column=column, value=value, problem=problem, sheet=self.sheet)


def read_table(path: Path, sheet: str | None = None) -> RawTable:
    """The table in the file: the first sheet of a workbook unless `sheet` names another."""
    path = Path(path)
    if not path.exists():
        raise NotFoundError(f"Filen {path} finns inte. Kontrollera namnet och mappen.")
    if not path.is_file():
        raise UserError(f"{path} är en mapp, inte en fil.")
    suffix = path.suffix.lower()
    if suffix in EXCEL_SUFFIXES:
        return _read_workbook(path, sheet)
    if suffix in CSV_SUFFIXES:
        if sheet is not None:
            raise UserError(
                f"Filen {path.name} är en CSV-fil och har inga blad; ange inget bladnamn."
            )
        return _read_csv(path)
    raise UserError(
        f"Filen {path.name} kan inte läsas: filtypen '{path.suffix or '(ingen)'}' stöds inte. "
        "Spara den som Excel-arbetsbok (.xlsx) eller CSV (.csv) och försök igen."
    )


def _where(file_name: str, sheet: str | None) -> str:
    return f"bladet '{sheet}' i filen {file_name}" if sheet else f"filen {file_name}"


# --- matching headers -------------------------------------------------------------------------


def header_key(text: str) -> str:
    """'Sysselsättningsgrad (%)', 'SYSSELSATTNINGSGRAD' and 'Syssel-sättningsgrad' give one key.

    Case, accents, punctuation, spaces and a unit in parentheses do not matter, so the aliases
    of a column need only list the words people use.
    """
    folded = fold(text)
    without_unit = re.sub(r"\([^)]*\)", " ", folded)
    key = re.sub(r"[^0-9a-z]", "", without_unit)
    return key or re.sub(r"[^0-9a-z]", "", folded)


def match_columns(
    headers: Sequence[str],
    fields: Mapping[str, Sequence[str]],
    required: Collection[str],
    *,
    file_name: str = "",
    sheet: str | None = None,
    header_row: int = 1,
) -> dict[str, str]:
    """Which header holds each field: {field: header}, for the fields the file has.

    `fields` maps a field to its aliases, the first being the name the guide uses. A required
    field without a column, or a field with two columns, is an `ImportFormatError` that names
    the columns and lists the headers found.
    """
    mapping: dict[str, str] = {}
    problems: list[RowProblem] = []
    missing: list[str] = []
    for field, aliases in fields.items():
        keys = {header_key(alias) for alias in aliases}
        found = [header for header in headers if header_key(header) in keys]
        if len(found) > 1:
            shown = " och ".join(f"'{h}'" for h in found)
            problems.append(
                RowProblem(
                    row=header_row,
                    column=found[1],
                    value=found[1],
                    problem=f"Kolumnerna {shown} betyder samma sak ({aliases[0]}). "
                    "Ta bort eller byt namn på den ena.",
                    sheet=sheet,
                )
            )
        elif found:
            mapping[field] = found[0]
        elif field in required:
            missing.append(aliases[0])
            problems.append(
                RowProblem(
                    row=header_row,
                    column=aliases[0],
                    value="",
                    problem="Kolumnen saknas. Rubriker som godtas: " + ", ".join(aliases) + ".",
                    sheet=sheet,
                )
            )
    if problems:
        where = _where(file_name, sheet)
        found_text = ", ".join(headers) if headers else "(inga)"
        if missing:
            noun = "kolumnen" if len(missing) == 1 else "kolumnerna"
            head = f"I {where} saknas {noun} {', '.join(missing)}."
        else:
            head = f"I {where} finns kolumner som inte går att skilja åt."
        summary = f"{head} Rubrikerna i filen (rad {header_row}): {found_text}. Inget importerades."
        raise ImportFormatError(file_name, problems, summary)
    return mapping


# --- from a grid of text to a table -----------------------------------------------------------


def _table_from_grid(
    file_name: str,
    sheet: str | None,
    grid: Iterator[tuple[int, list[str]]],
    column_name: Callable[[int], str],
) -> RawTable:
    header_row = 0
    header_cells: list[str] = []
    body: list[tuple[int, list[str]]] = []
    for number, cells in grid:
        if not any(cells):
            continue
        if not header_row:
            header_row, header_cells = number, cells
        else:
            body.append((number, cells))
    if not header_row:
        raise UserError(
            f"Det finns inget i {_where(file_name, sheet)}: varken rubriker eller rader. "
            "Välj en annan fil eller ett annat blad."
        )

    width = max([len(header_cells), *(len(cells) for _, cells in body)])
    used = [
        index
        for index in range(width)
        if _at(header_cells, index) or any(_at(cells, index) for _, cells in body)
    ]
    headers: list[str] = []
    for index in used:
        name = " ".join(_at(header_cells, index).split()) or column_name(index)
        unique, copy = name, 2
        while unique in headers:  # two columns with one header must not hide each other
            unique, copy = f"{name} ({copy})", copy + 1
        headers.append(unique)

    columns = list(zip(headers, used, strict=True))
    every_column = used == list(range(width))
    rows = [
        # The common case, a full row of a table without empty columns, is zipped at once.
        RawRow(number, dict(zip(headers, cells, strict=True)))
        if every_column and len(cells) == width
        else RawRow(number, {header: _at(cells, index) for header, index in columns})
        for number, cells in body
    ]
    return RawTable(file_name, sheet, headers, rows, header_row)


def _at(cells: list[str], index: int) -> str:
    return cells[index] if index < len(cells) else ""


def _csv_column_name(index: int) -> str:
    """A column without a header, as a person counts it in a text file."""
    return f"Kolumn {index + 1}"


def _excel_column_name(index: int) -> str:
    return f"Kolumn {excel_column_letter(index)}"


def excel_column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


# --- xlsx ------------------------------------------------------------------------------------


def _read_workbook(path: Path, sheet: str | None) -> RawTable:
    import pandas as pd

    try:
        book = pd.ExcelFile(path, engine="calamine")
    except PermissionError:
        raise _locked(path) from None
    except Exception as exc:  # calamine's errors have no common base; each means "unreadable"
        raise UserError(
            f"Filen {path.name} kunde inte läsas som Excel-arbetsbok: {unreadable_text(exc)}. "
            "Öppna den i Excel och spara den som .xlsx igen."
        ) from exc
    with book:
        names = [str(name) for name in book.sheet_names]
        chosen = _choose_sheet(path.name, names, sheet)
        try:
            frame = pd.read_excel(book, sheet_name=chosen, header=None, dtype=object)
        except Exception as exc:  # a damaged sheet inside a readable workbook
            raise UserError(
                f"Bladet '{chosen}' i filen {path.name} kunde inte läsas: {unreadable_text(exc)}. "
                "Öppna filen i Excel och spara den som .xlsx igen."
            ) from exc
    # Row i of the frame is Excel row i + 1: calamine keeps the empty rows above the data.
    texts = _CellTexts()
    grid = (
        (index + 1, [texts.of(value) for value in values])
        for index, values in enumerate(frame.itertuples(index=False, name=None))
    )
    return _table_from_grid(path.name, chosen, grid, _excel_column_name)


# calamine's messages, in words a person can act on. An XML error names only the element it
# stopped in ('c', 'row', 'worksheet'), which says nothing to someone who has never seen the XML.
_CALAMINE_TEXTS = (
    (
        "cannot detect file format",
        "filens innehåll är inte en Excel-arbetsbok som går att känna igen",
    ),
    ("shared strings", "en cell hänvisar till en text som saknas i arbetsboken"),
    ("zip", "filen är skadad: den går inte att packa upp"),
    ("row component", "en rad saknar sitt radnummer"),
    ("column component", "en cell saknar sin kolumnbokstav"),
    ("float", "en cell som ska vara ett tal innehåller något annat"),
    ("date", "en cell som ska vara ett datum innehåller något annat"),
    ("encoding", "texten i filen har en okänd teckenkodning"),
)
_XML_ELEMENTS = {
    "c": "en cell är trasig",
    "v": "ett cellvärde är trasigt",
    "f": "en formel är trasig",
    "is": "en text i en cell är trasig",
    "row": "en rad är trasig",
    "sheetData": "bladets data är trasiga",
    "worksheet": "bladet är trasigt",
    "sst": "arbetsbokens texter är trasiga",
    "si": "en text i arbetsboken är trasig",
}


def unreadable_text(exc: BaseException) -> str:
    """What a reader could not read, in Swedish words rather than the library's own."""
    detail = str(exc).strip()
    if type(exc).__name__ == "XmlError" or detail in _XML_ELEMENTS:
        what = _XML_ELEMENTS.get(detail, "en del av bladet är trasig")
        return f"{what} eller slutar för tidigt (filen är skadad eller ofullständig)"
    lowered = detail.lower()
    for marker, text in _CALAMINE_TEXTS:
        if marker in lowered:
            return text
    return "innehållet går inte att tolka (filen är skadad eller i ett annat format)"


class _CellTexts:
    """excel_cell_text, remembered per value: a schedule repeats its dates, times and codes
    thousands of times. Keyed by type too, so that 1, 1.0 and True stay apart."""

    def __init__(self) -> None:
        self._known: dict[tuple[type, object], str] = {}

    def of(self, value: object) -> str:
        key = (type(value), value)
        try:
            return self._known[key]
        except KeyError:
            text = self._known[key] = excel_cell_text(value)
            return text
        except TypeError:  # an unhashable value: converted every time
            return excel_cell_text(value)


def _choose_sheet(file_name: str, names: list[str], wanted: str | None) -> str:
    if not names:
        raise UserError(f"Filen {file_name} har inga blad med data.")
    if wanted is None:
        return names[0]
    if wanted in names:
        return wanted
    same = [name for name in names if fold(name) == fold(wanted)]
    if len(same) == 1:
        return same[0]
    listed = ", ".join(f"'{name}'" for name in names)
    raise UserError(f"Filen {file_name} har inget blad som heter '{wanted}'. Bladen är: {listed}.")


def excel_cell_text(value: object) -> str:
    """The text a person sees in the cell (Swedish Excel aside: numbers keep a decimal point)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "SANT" if value else "FALSKT"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        if value.is_integer():
            return str(int(value))
        if math.isinf(value):
            return str(value)
        # Round away binary noise (0.1 + 0.2) the way Excel shows at most 15 digits.
        return format(Decimal(repr(round(value, 10))).normalize(), "f")
    if isinstance(value, datetime):
        if value != value:  # pandas' NaT is a datetime that is not equal to itself
            return ""
        if value.time() == time(0, 0):
            return value.date().isoformat()
        return f"{value.date().isoformat()} {_clock(value.time())}"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return _clock(value)
    if isinstance(value, timedelta):
        minutes = round(value.total_seconds() / 60)
        sign = "-" if minutes < 0 else ""
        hours, rest = divmod(abs(minutes), 60)
        return f"{sign}{hours}:{rest:02d}"
    if value != value:  # NaN of any other kind (pandas' NA)
        return ""
    return str(value).strip()


def _clock(moment: time) -> str:
    if moment.second:
        return f"{moment.hour:02d}:{moment.minute:02d}:{moment.second:02d}"
    return f"{moment.hour:02d}:{moment.minute:02d}"


def _locked(path: Path) -> UserError:
    return UserError(
        f"Filen {path.name} går inte att öppna. Den kan vara öppen i ett annat program: "
        "stäng den där och försök igen."
    )


# --- csv -------------------------------------------------------------------------------------


def _read_csv(path: Path) -> RawTable:
    try:
        raw = path.read_bytes()
    except PermissionError:
        raise _locked(path) from None
    except OSError as exc:
        raise UserError(f"Filen {path.name} kunde inte läsas ({exc.strerror}).") from exc
    text = _decode(path.name, raw)
    delimiter, skip_first_line = _delimiter(text)
    lines = io.StringIO(text, newline="")
    if skip_first_line:
        lines.readline()
    try:
        grid = list(_csv_grid(lines, delimiter, first_line=2 if skip_first_line else 1))
    except csv.Error as exc:
        raise UserError(f"Filen {path.name} kunde inte läsas som CSV ({exc}).") from exc
    return _table_from_grid(path.name, None, iter(grid), _csv_column_name)


def _decode(file_name: str, raw: bytes) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        return _strict(file_name, raw, "utf-8-sig")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(file_name, raw, "utf-16")
    if b"\x00" in raw:
        raise UserError(
            f"Filen {file_name} är inte en textfil (CSV). Är det en Excel-fil med fel filändelse? "
            "Spara den som .xlsx eller som CSV och försök igen."
        )
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        # Not UTF-8: older Excel saves CSV in the Windows code page, which decodes any Swedish
        # text; only a few bytes are undefined in it.
        return _strict(file_name, raw, "cp1252")


def _strict(file_name: str, raw: bytes, encoding: str) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError:
        raise UserError(
            f"Filen {file_name} har en teckenkodning som inte går att läsa. "
            "Spara den som 'CSV UTF-8' i Excel och försök igen."
        ) from None


def _delimiter(text: str) -> tuple[str, bool]:
    """The delimiter the header uses, and whether the file starts with Excel's 'sep=' line."""
    first_line = text.split("\n", 1)[0].strip()
    if re.fullmatch(r"sep=.", first_line):
        return first_line[-1], True
    best, best_count = DELIMITERS[0], 1
    for delimiter in DELIMITERS:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        try:
            header = next((row for row in reader if any(cell.strip() for cell in row)), [])
        except csv.Error:
            continue
        if len(header) > best_count:
            best, best_count = delimiter, len(header)
    return best, False


def _csv_grid(
    lines: io.StringIO, delimiter: str, first_line: int
) -> Iterator[tuple[int, list[str]]]:
    reader = csv.reader(lines, delimiter=delimiter)
    # A record may span lines (a quoted line break); a person finds it where it starts.
    consumed = 0
    for cells in reader:
        number = first_line + consumed
        consumed = reader.line_num
        yield number, [cell.strip() for cell in cells]

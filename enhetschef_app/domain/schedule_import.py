"""What a schedule import needs to say when a file cannot be taken as it is.

The fields of the standard layout (docs/import-schema.md) and the errors that let the window
offer the way forward: choose the columns (`ColumnMappingNeeded`), import the valid rows or
create the unknown employees (`ScheduleFileInvalid`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from enhetschef_app.domain.errors import ImportFormatError, RowProblem, UserError


@dataclass(frozen=True)
class ImportField:
    key: str
    label: str  # the standard layout's header
    required: bool
    help: str


SCHEDULE_FIELDS: tuple[ImportField, ...] = (
    ImportField("employee_no", "Anställningsnr", True, "tom cell = vakant rad"),
    ImportField("name", "Namn", False, "används för nya medarbetare"),
    ImportField("work_date", "Datum", True, "passets dag, t.ex. 2026-11-16"),
    ImportField("start", "Start", True, "klockslag, t.ex. 07:00"),
    ImportField("end", "Slut", True, "klockslag; före start = nästa dag"),
    ImportField("break_minutes", "Rast (min)", False, "minuter, tom = ingen rast"),
    ImportField("shift_code", "Passkod", False, "t.ex. D, K, N, L, R"),
)
FIELD_BY_KEY = {f.key: f for f in SCHEDULE_FIELDS}


class ColumnMappingNeeded(ImportFormatError):
    """The headers do not say which column is which: a person has to choose."""

    def __init__(
        self,
        file_name: str,
        problems: list[RowProblem],
        summary: str,
        *,
        headers: Sequence[str],
        preview: Sequence[Sequence[str]],
        guess: Mapping[str, str],
    ) -> None:
        super().__init__(file_name, problems, summary)
        self.headers = list(headers)
        self.preview = [list(row) for row in preview]  # the first rows, cells in header order
        self.guess = dict(guess)  # {field: header} for the fields the headers did explain


@dataclass(frozen=True)
class UnknownEmployee:
    employee_no: str
    name: str
    rows: tuple[int, ...]  # the file's row numbers that name this employee


class ScheduleFileInvalid(ImportFormatError):
    """Bad rows, unknown employees or both; nothing was imported.

    `valid_rows` rows could be imported on their own ("importera de giltiga raderna"); the
    unknown employees could be created first.
    """

    def __init__(
        self,
        file_name: str,
        problems: list[RowProblem],
        summary: str,
        *,
        valid_rows: int,
        total_rows: int,
        unknown: Sequence[UnknownEmployee] = (),
        bad_rows: int = 0,
    ) -> None:
        super().__init__(file_name, problems, summary)
        self.valid_rows = valid_rows
        self.total_rows = total_rows
        self.unknown = tuple(unknown)
        self.bad_rows = bad_rows  # rows with a problem other than an unknown employee

    @property
    def only_unknown_employees(self) -> bool:
        return bool(self.unknown) and self.bad_rows == 0


class ImportWouldRemove(UserError):
    """The import would remove registered covers, approved overtime links or more than a tenth
    of the rows of its weeks: the EC confirms first (the window asks, the CLI wants
    --replace). Nothing was changed."""

    def __init__(
        self, file_name: str, *, removed: int, in_weeks: int, covers: int, overtime: int
    ) -> None:
        self.file_name = file_name
        self.removed = removed
        self.in_weeks = in_weeks
        self.covers = covers
        self.overtime = overtime
        super().__init__(
            f"Importen av {file_name} skulle ta bort {removed} av {in_weeks} pass i filens "
            f"veckor, {covers} registrerade ersättare och {overtime} beviljade övertider. "
            "Inget har ändrats."
        )


class UndoRefused(UserError):
    """Rows the last import touched have changed since: undoing would overwrite that."""

    def __init__(self, message: str, rows: Sequence[str]) -> None:
        super().__init__(message)
        self.rows = tuple(rows)

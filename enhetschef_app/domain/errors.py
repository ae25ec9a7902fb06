"""Errors a person can cause and fix, in tiers (see ARCHITECTURE.md, Errors and messages).

A `UserError` carries a Swedish message that says what happened, where and what to do; the
front ends show it as it is (the CLI exits with `exit_code`). Anything else is a bug: logged with
a traceback and shown as a short message naming the log file.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

EXIT_OK = 0
EXIT_USER_ERROR = 2
EXIT_BUSY = 3


class UserError(Exception):
    exit_code = EXIT_USER_ERROR

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class BusyError(UserError):
    """A workbook or lock is held by someone else: try again later."""

    exit_code = EXIT_BUSY


class NotFoundError(UserError):
    pass


class ChangedByOtherError(UserError):
    """A save over someone else's newer change of the same record (two ECs of one unit on a
    server): nothing was saved, the form stays open with what the user wrote, and she reads
    the record in again. `who` is the actor the audit log names, `at` when (shown in local
    time)."""

    def __init__(self, who: str | None, at: datetime | None) -> None:
        self.who = who
        self.at = at
        when = f" kl. {at.astimezone().strftime('%H:%M')}" if at is not None else ""
        super().__init__(f"Ändrad av {who or 'någon annan'}{when} — läs in igen")


class RuleViolation(UserError):
    pass


class FieldProblems(UserError):
    """A form that cannot be saved as it is: `problems` maps each field to what is wrong, in
    Swedish, for the form to show beside the field. The message says it all in one line: `head`
    ("Frånvaron sparades inte."), then each problem, after its field's label where `labels`
    has one."""

    def __init__(
        self, head: str, problems: Mapping[str, str], labels: Mapping[str, str] | None = None
    ) -> None:
        self.problems = dict(problems)
        shown = (
            f"{labels[field]}: {text}" if labels and field in labels else text
            for field, text in self.problems.items()
        )
        super().__init__(" ".join([head, *shown]))


class SensitiveText(UserError):
    """Free text that looks like it holds a personnummer or health details: nothing was saved,
    and the EC decides (saving again, confirmed, keeps the text as it is). `what` names the text
    ("Anteckningen"); `warnings` are shown before the choice."""

    def __init__(self, what: str, warnings: list[str]) -> None:
        self.warnings = list(warnings)
        super().__init__(
            f"{what} sparades inte: "
            + " ".join(self.warnings)
            + " Ändra texten, eller bekräfta att den ska sparas som den är."
        )


@dataclass(frozen=True)
class RowProblem:
    """One bad cell of an imported file, located the way a person finds it in Excel."""

    row: int
    column: str
    value: str
    problem: str
    sheet: str | None = None

    def describe(self) -> str:
        where = f"blad '{self.sheet}', " if self.sheet else ""
        shown = f"'{self.value}'" if self.value != "" else "(tom)"
        return f"{where}rad {self.row}, kolumn '{self.column}': {shown} – {self.problem}"


class ImportFormatError(UserError):
    """A file that cannot be imported as it is; lists every bad row at once."""

    def __init__(self, file_name: str, problems: list[RowProblem], summary: str = "") -> None:
        self.file_name = file_name
        self.problems = problems
        head = summary or f"Filen {file_name} har {len(problems)} fel och importerades inte."
        super().__init__(head)

    def full_text(self) -> str:
        return "\n".join([self.message, *(p.describe() for p in self.problems)])

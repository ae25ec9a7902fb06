"""The staff list as HR systems export it (docs/import-personal.md describes the layout).

Reads every row into an `EmployeeDraft`, checks each with the domain's rules and the file as a
whole (one employee number once), and reports every problem of every row at once.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TypeVar

from enhetschef_app.domain.errors import ImportFormatError, RowProblem, UserError
from enhetschef_app.domain.identifiers import normalise_identifier, normalise_text
from enhetschef_app.domain.staff import (
    FIELD_LABELS,
    EmployeeDraft,
    EmploymentForm,
    parse_employment_form,
    validate_employee,
)
from enhetschef_app.excel.cells import (
    optional,
    parse_amount,
    parse_date,
    parse_hours,
    parse_kronor,
    parse_percent,
)
from enhetschef_app.excel.tables import RawRow, RawTable, read_table

T = TypeVar("T")

# The first name of each column is the standard layout's; the others are what HR systems and
# people write. Matching ignores case, accents, punctuation and a unit in parentheses.
STAFF_COLUMNS: dict[str, tuple[str, ...]] = {
    "employee_no": (
        FIELD_LABELS["employee_no"],
        "Anställningsnummer",
        "Anst nr",
        "Personalnr",
        "Personalnummer",
        "Anställnings-id",
    ),
    "name": (FIELD_LABELS["name"], "Medarbetare", "För- och efternamn", "Fullständigt namn"),
    "form": (FIELD_LABELS["form"], "Anst.form", "Anställningstyp"),
    "grade_percent": (
        FIELD_LABELS["grade_percent"],
        "Syss.grad",
        "Sysselsättning",
        "Tjänstgöringsgrad",
        "Tjg.grad",
    ),
    "fulltime_week_hours": (
        FIELD_LABELS["fulltime_week_hours"],
        "Heltidsmått",
        "Veckoarbetstid heltid",
        "Heltid timmar per vecka",
    ),
    "start": (FIELD_LABELS["start"], "Startdatum", "Anställningsdatum", "Anställd fr.o.m."),
    "end": (FIELD_LABELS["end"], "Slutdatum", "Anställd t.o.m.", "Anställningen upphör"),
    "monthly_salary": (FIELD_LABELS["monthly_salary"], "Lön", "Grundlön"),
    "hourly_rate": (FIELD_LABELS["hourly_rate"], "Timlön (kr)", "Timersättning", "Lön per timme"),
}
REQUIRED_COLUMNS = frozenset({"employee_no", "name", "form", "grade_percent"})
FORM_NAMES = "Tillsvidare, Visstid eller Timavlönad"


@dataclass(frozen=True)
class StaffRecord:
    """One row of the staff list, read and checked, with where it came from."""

    row: int
    draft: EmployeeDraft
    sheet: str | None
    # {draft field: header} for the columns the file has; a field without a column keeps what
    # is stored (an import does not wipe salaries because the file has no salary column).
    columns: Mapping[str, str]
    cells: Mapping[str, str]  # {draft field: text as in the file}

    def problem(self, field: str, message: str) -> RowProblem:
        """A problem with one field, located by the file's own column name."""
        return RowProblem(
            row=self.row,
            column=self.columns.get(field, FIELD_LABELS.get(field, field)),
            value=self.cells.get(field, ""),
            problem=message,
            sheet=self.sheet,
        )


def read_staff_file(path: Path, sheet: str | None = None) -> list[StaffRecord]:
    """Every employee in the file, or an `ImportFormatError` listing every problem found.

    Rules on a field whose column the file lacks (an end date for a visstid, say) are left to
    the import, which knows what is stored for that field.
    """
    table = read_table(path, sheet)
    columns = table.match_columns(STAFF_COLUMNS, REQUIRED_COLUMNS)
    if not table.rows:
        raise UserError(
            f"I {table.where} finns rubriker men inga medarbetare. Kontrollera att det är rätt "
            "fil och blad."
        )
    records: list[StaffRecord] = []
    problems: list[RowProblem] = []
    first_row_of: dict[str, int] = {}
    for row in table.rows:
        record, messages = _read_row(table, row, columns)
        number = record.draft.employee_no
        if number in first_row_of and "employee_no" not in messages:
            first = first_row_of[number]
            messages["employee_no"] = f"Anställningsnumret finns redan på rad {first}."
        if number:
            first_row_of.setdefault(number, row.row_number)
        problems.extend(record.problem(f, messages[f]) for f in _in_file_order(messages))
        records.append(record)
    if problems:
        bad_rows = len({p.row for p in problems})
        raise ImportFormatError(
            table.file_name,
            problems,
            f"Personallistan {table.file_name} importerades inte: {len(problems)} fel på "
            f"{bad_rows} av {len(table.rows)} rader. Rätta felen och importera filen igen; "
            "inget har ändrats.",
        )
    return records


def _read_row(
    table: RawTable, row: RawRow, columns: Mapping[str, str]
) -> tuple[StaffRecord, dict[str, str]]:
    """The row as a record, and its problems by draft field."""
    cells = {field: row.value(header) for field, header in columns.items()}
    parse_errors: dict[str, str] = {}

    def read(field: str, parse: Callable[[str], T]) -> T | None:
        try:
            return optional(parse, cells.get(field, ""))
        except ValueError as exc:
            parse_errors[field] = str(exc)
            return None

    form_text = cells["form"]
    form = parse_employment_form(form_text)
    if form is None:
        parse_errors["form"] = (
            f"Okänd anställningsform; skriv {FORM_NAMES}."
            if form_text
            else "Anställningsform saknas."
        )
    draft = EmployeeDraft(
        employee_no=normalise_identifier(cells["employee_no"]),
        name=normalise_text(cells["name"]),
        form=form or EmploymentForm.PERMANENT,
        grade_percent=read("grade_percent", parse_percent),
        fulltime_week_hours=read("fulltime_week_hours", parse_hours),
        start=read("start", parse_date),
        end=read("end", parse_date),
        monthly_salary=read("monthly_salary", parse_kronor),
        hourly_rate=read("hourly_rate", parse_amount),
    )
    record = StaffRecord(row.row_number, draft, table.sheet, dict(columns), cells)
    # A rule on a field the file has no column for is judged by the import, which knows the
    # stored value the field keeps.
    rule_problems = {
        field: message
        for field, message in _rule_problems(draft, form_known=form is not None).items()
        if field in columns
    }
    # A cell that cannot be read says so, rather than what its missing value breaks.
    return record, {**rule_problems, **parse_errors}


def _in_file_order(messages: Mapping[str, str]) -> list[str]:
    order = list(STAFF_COLUMNS)
    return sorted(messages, key=lambda field: order.index(field) if field in order else len(order))


def _rule_problems(draft: EmployeeDraft, *, form_known: bool) -> dict[str, str]:
    if form_known:
        return validate_employee(draft)
    # With the form unreadable, report only what is wrong whatever the form is (a missing end
    # date matters for visstid only), so the person sees no guesses built on a placeholder.
    per_form = [validate_employee(replace(draft, form=form)) for form in EmploymentForm]
    return {
        field: message
        for field, message in per_form[0].items()
        if all(other.get(field) == message for other in per_form[1:])
    }

"""Identifiers are what they look like: full-width digits and invisible characters do not make
a new employee beside 1001, in any import or in the form; names past 200 characters and
employee numbers past 20 are row errors, never cut short."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from enhetschef_app.domain.errors import FieldProblems, ImportFormatError
from enhetschef_app.domain.identifiers import normalise_identifier, normalise_text
from enhetschef_app.domain.schedule_import import ScheduleFileInvalid
from enhetschef_app.domain.staff import EmployeeDraft, EmploymentForm
from enhetschef_app.services.absence.imports import import_absences
from enhetschef_app.services.core.workspace import Workspace
from enhetschef_app.services.schedule.imports import import_schedule
from enhetschef_app.services.staff.employees import save_employee
from enhetschef_app.services.staff.imports import import_staff
from enhetschef_app.storage.models import Employee

STAFF = "Anställningsnr;Namn;Anställningsform;Sysselsättningsgrad (%)"
SCHEDULE = "Anställningsnr;Namn;Datum;Start;Slut;Rast (min);Passkod"
ABSENCE = "Anställningsnr;Frånvarotyp;Från;Till;Omfattning (%)"
FULL_WIDTH = "\uff11\uff10\uff10\uff11"  # １００１
ZERO_WIDTH = "10\u200b01"
WITH_BOM_AND_SHY = "\ufeff1001\u00ad"


def write(path: Path, header: str, lines: list[str]) -> Path:
    path.write_text("\n".join([header, *lines]) + "\n", encoding="utf-8")
    return path


def numbers(workspace: Workspace) -> list[str]:
    with workspace.transaction() as session:
        return sorted(session.scalars(select(Employee.employee_no)))


@pytest.fixture
def anna(workspace: Workspace, tmp_path: Path) -> Workspace:
    import_staff(workspace, write(tmp_path / "p.csv", STAFF, ["1001;Anna Ålund;Tillsvidare;100"]))
    return workspace


def test_the_normalisation_itself() -> None:
    for text in (FULL_WIDTH, ZERO_WIDTH, WITH_BOM_AND_SHY, " 1001 ", "1001\u2060"):
        assert normalise_identifier(text) == "1001"
    assert normalise_text("Anna\u00a0\u00a0Å\u200dlund ") == "Anna Ålund"
    assert normalise_text("Ｅｖａ") == "Eva"


@pytest.mark.parametrize("number", [FULL_WIDTH, ZERO_WIDTH, WITH_BOM_AND_SHY])
def test_a_staff_list_with_a_lookalike_number_updates_1001(
    anna: Workspace, tmp_path: Path, number: str
) -> None:
    path = write(tmp_path / "igen.csv", STAFF, [f"{number};Anna Ålund;Tillsvidare;100"])
    summary = import_staff(anna, path)
    assert (summary.created, summary.unchanged) == (0, 1)
    assert numbers(anna) == ["1001"]


def test_schedule_and_absence_rows_find_1001_by_a_lookalike(
    anna: Workspace, tmp_path: Path
) -> None:
    schedule = write(
        tmp_path / "s.csv",
        SCHEDULE,
        [
            f"{FULL_WIDTH};Anna Ålund;2026-11-16;7:00;15:30;30;D",
            f"{ZERO_WIDTH};Anna Ålund;2026-11-17;7:00;15:30;30;\uff24",  # full-width D
        ],
    )
    summary = import_schedule(anna, schedule)
    assert (summary.created, summary.employees_created, summary.shift_types_created) == (
        2,
        (),
        ("D",),
    )
    absences = write(tmp_path / "f.csv", ABSENCE, [f"{WITH_BOM_AND_SHY};Sjuk;2026-11-18;;100"])
    assert import_absences(anna, absences).created == 1
    assert numbers(anna) == ["1001"]


def test_the_form_sees_the_lookalike_as_the_taken_number(anna: Workspace) -> None:
    draft = EmployeeDraft(
        employee_no=FULL_WIDTH,
        name="Annan Person",
        form=EmploymentForm.PERMANENT,
        grade_percent=Decimal(100),
        fulltime_week_hours=None,
        start=None,
        end=None,
    )
    with pytest.raises(FieldProblems) as refused:
        save_employee(anna, draft)
    assert "finns redan (Anna Ålund)" in refused.value.problems["employee_no"]
    saved = save_employee(anna, EmployeeDraft(**{**draft.__dict__, "employee_no": "10\u200b02"}))
    assert saved.employee_no == "1002"


def test_lengths_past_the_limits_are_row_errors_in_every_import(
    anna: Workspace, tmp_path: Path
) -> None:
    long_name, long_number = "Å" * 201, "1" * 21
    with pytest.raises(ImportFormatError) as staff:
        import_staff(
            anna,
            write(
                tmp_path / "p.csv",
                STAFF,
                [f"2001;{long_name};Tillsvidare;100", f"{long_number};Bo Berg;Tillsvidare;100"],
            ),
        )
    assert [(p.row, p.column) for p in staff.value.problems] == [
        (2, "Namn"),
        (3, "Anställningsnr"),
    ]
    assert "längre än 200 tecken (201)" in staff.value.problems[0].problem
    assert "längre än 20 tecken (21)" in staff.value.problems[1].problem
    with pytest.raises(ScheduleFileInvalid) as schedule:
        import_schedule(
            anna,
            write(
                tmp_path / "s.csv",
                SCHEDULE,
                [
                    f"1001;{long_name};2026-11-16;7:00;15:30;30;D",
                    f"{long_number};Bo;2026-11-16;7:00;15:30;30;D",
                ],
            ),
        )
    assert [(p.row, p.column) for p in schedule.value.problems] == [
        (2, "Namn"),
        (3, "Anställningsnr"),
    ]
    with pytest.raises(ImportFormatError) as absence:
        import_absences(
            anna, write(tmp_path / "f.csv", ABSENCE, [f"{long_number};Sjuk;2026-11-18;;"])
        )
    assert [(p.row, p.column) for p in absence.value.problems] == [(2, "Anställningsnr")]
    assert numbers(anna) == ["1001"]

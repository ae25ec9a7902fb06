"""Importing absences from real files into a real database: the sample, idempotence, every
problem at once, xlsx and csv."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from enhetschef_app.domain.errors import ImportFormatError
from enhetschef_app.services.absence.absences import list_absences
from enhetschef_app.services.absence.imports import import_absences
from enhetschef_app.services.core.workspace import Workspace, open_workspace
from enhetschef_app.services.staff.imports import import_staff
from enhetschef_app.storage.models import AuditEntry

HEADER = "Anställningsnr;Frånvarotyp;Från;Till;Omfattning (%)"


@pytest.fixture
def unit(samples: Path, db_path: Path) -> Iterator[Workspace]:
    workspace = open_workspace(db_path)
    import_staff(workspace, samples / "personal-standard.csv", unit_code="HT-TEST")
    workspace.close()
    opened = open_workspace(db_path, "HT-TEST")
    yield opened
    opened.close()


def write_csv(path: Path, lines: list[str], encoding: str = "utf-8-sig") -> Path:
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


def audit_count(workspace: Workspace) -> int:
    with workspace.transaction() as session:
        return int(session.scalar(select(func.count()).select_from(AuditEntry)) or 0)


def test_the_sample_file_is_imported_and_a_second_time_changes_nothing(
    unit: Workspace, samples: Path
) -> None:
    first = import_absences(unit, samples / "franvaro-standard.xlsx")
    assert (first.rows, first.created, first.updated, first.unchanged) == (7, 7, 0, 0)
    stored = {(a.employee_no, a.kind, a.start.isoformat()): a for a in list_absences(unit)}
    assert stored[("1002", "sjuk", "2026-09-14")].extent_percent == 50
    assert stored[("1004", "sjuk", "2026-10-05")].end == date(2026, 10, 30)
    assert stored[("1002", "vab", "2026-06-01")].kind_label == "Vård av barn (VAB)"
    logged = audit_count(unit)

    again = import_absences(unit, samples / "franvaro-standard.xlsx")
    assert (again.created, again.updated, again.unchanged) == (0, 0, 7)
    assert audit_count(unit) == logged
    assert "7 oförändrade" in again.describe()


def test_a_changed_row_updates_its_record_and_new_rows_add_to_the_rest(
    unit: Workspace, samples: Path, tmp_path: Path
) -> None:
    import_absences(unit, samples / "franvaro-standard.xlsx")
    changed = write_csv(
        tmp_path / "franvaro.csv",
        [
            HEADER,
            "1004;Sjuk;2026-10-05;2026-11-06;100",  # the spell went on a week longer
            "1008;Sjuk;2026-11-20;;",  # ongoing, extent left empty: a whole day
        ],
    )
    summary = import_absences(unit, changed)
    assert (summary.created, summary.updated, summary.unchanged) == (1, 1, 0)
    stored = {(a.employee_no, a.start.isoformat()): a for a in list_absences(unit)}
    assert stored[("1004", "2026-10-05")].end == date(2026, 11, 6)
    assert stored[("1008", "2026-11-20")].ongoing
    assert stored[("1008", "2026-11-20")].extent_percent == 100
    assert len(stored) == 8  # records the file does not mention are kept


def test_every_problem_of_every_row_is_reported_at_once_and_nothing_is_saved(
    unit: Workspace, tmp_path: Path
) -> None:
    bad = write_csv(
        tmp_path / "fel.csv",
        [
            HEADER,
            "1001;Sjuk;2026-03-02;2026-03-03;100",  # fine on its own
            "9999;Sjuk;2026-03-02;2026-03-03;100",  # unknown employee
            "1002;Migrän;2026-03-02;;100",  # not a kind (and no diagnosis, ever)
            "1003;Sjuk;2026-13-01;;100",  # no such date
            "1004;Sjuk;2026-03-05;2026-03-01;100",  # ends before it starts
            "1005;Semester;2026-07-01;2026-07-20;150",  # more than 100 %
            "1006;Sjuk;2026-04-01;2026-04-05;100",
            "1006;Semester;2026-04-03;2026-04-04;100",  # whole semester on whole sick days
            ";VAB;2026-05-01;;",  # no number
        ],
    )
    with pytest.raises(ImportFormatError) as refused:
        import_absences(unit, bad)
    problems = [(p.row, p.column, p.value) for p in refused.value.problems]
    assert (3, "Anställningsnr", "9999") in problems
    assert (4, "Frånvarotyp", "Migrän") in problems
    assert (5, "Från", "2026-13-01") in problems
    assert (6, "Till", "2026-03-01") in problems
    assert (7, "Omfattning (%)", "150") in problems
    assert (8, "Från", "2026-04-01") in problems and (9, "Från", "2026-04-03") in problems
    assert (10, "Anställningsnr", "") in problems
    assert 2 not in {row for row, _c, _v in problems}
    text = refused.value.full_text()
    assert "importerades inte" in text and "rad 4, kolumn 'Frånvarotyp': 'Migrän'" in text
    assert list_absences(unit) == []


def test_a_conflict_with_a_stored_record_is_a_problem_of_the_row(
    unit: Workspace, samples: Path, tmp_path: Path
) -> None:
    import_absences(unit, samples / "franvaro-standard.xlsx")
    clash = write_csv(tmp_path / "krock.csv", [HEADER, "1004;Semester;2026-10-20;2026-11-02;100"])
    with pytest.raises(ImportFormatError) as refused:
        import_absences(unit, clash)
    (problem,) = refused.value.problems
    assert problem.row == 2
    assert "Överlappar sjuk 2026-10-05–2026-10-30: tillsammans mer än 100 %" in problem.problem


def test_a_missing_column_names_the_headers_that_are_accepted(
    unit: Workspace, tmp_path: Path
) -> None:
    no_kind = write_csv(tmp_path / "utan-typ.csv", ["Anställningsnr;Från;Till", "1001;2026-03-02;"])
    with pytest.raises(ImportFormatError) as refused:
        import_absences(unit, no_kind)
    assert "Frånvarotyp" in refused.value.message
    assert "Rubriker som godtas" in refused.value.problems[0].problem


def test_excel_values_and_windows_csv_are_read_as_people_see_them(
    unit: Workspace, tmp_path: Path
) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Anst nr", "Typ", "Fr.o.m.", "T.o.m.", "Omfattning"])
    sheet.append(
        [1001, "sjukdom", date(2026, 2, 2), date(2026, 2, 3), 1]
    )  # 100 % as Excel keeps it
    sheet.append([1002, "Föräldraledighet", date(2026, 2, 2), None, 0.5])
    book.save(tmp_path / "export.xlsx")
    summary = import_absences(unit, tmp_path / "export.xlsx")
    assert summary.created == 2
    extents = {a.employee_no: a.extent_percent for a in list_absences(unit)}
    assert extents == {"1001": 100, "1002": 50}

    old_excel = write_csv(
        tmp_path / "gammal.csv", [HEADER, "1003;Tjänstledig;2026-02-02;2026-02-28;100"], "cp1252"
    )
    assert import_absences(unit, old_excel).created == 1

"""Importing the staff list from real files into a real database, through the service and CLI."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from enhetschef_app.cli import main
from enhetschef_app.domain.errors import ImportFormatError, UserError
from enhetschef_app.domain.staff import EmploymentForm
from enhetschef_app.excel.staff_file import read_staff_file
from enhetschef_app.services.core.workspace import Workspace, list_units, open_workspace
from enhetschef_app.services.staff.employees import EmployeeView, list_employees
from enhetschef_app.services.staff.imports import import_staff
from enhetschef_app.storage.models import AuditEntry, Employee

HEADERS = [
    "Anställningsnr",
    "Namn",
    "Anställningsform",
    "Sysselsättningsgrad (%)",
    "Heltid (h/v)",
    "Anställd från",
    "Anställd till",
    "Månadslön",
]
# The sample's rows as a person types them into Excel: numbers and dates, not text.
SAMPLE_ROWS: list[list[object]] = [
    [1001, "Anna Ålund", "Tillsvidare", 100, 38.25, date(2019, 8, 15), None, 31500],
    [1002, "Björn Öberg", "Tillsvidare", 75, 38.25, date(2019, 8, 15), None, 31500],
    [1003, "Cecilia Ärlig", "Tillsvidare", 100, 38.25, date(2019, 8, 15), None, 31500],
    [1004, "David Nyström", "Tillsvidare", 80, 38.25, date(2019, 8, 15), None, 31500],
    [1005, "Eva Lindqvist", "Visstid", 100, 38.25, date(2026, 6, 1), date(2026, 12, 31), 31500],
    [1006, "Fatima Hassan", "Tillsvidare", 90, 38.25, date(2019, 8, 15), None, 31500],
    [1007, "Gustav Berg", "Timavlönad", None, None, date(2026, 6, 1), None, None],
    [1008, "Hanna Sjöberg", "Tillsvidare", 100, 38.25, date(2019, 8, 15), None, 31500],
]


@pytest.fixture
def workspace(any_workspace: Workspace) -> Workspace:
    """Every test here runs on SQLite and on PostgreSQL."""
    return any_workspace


def write_xlsx(path: Path, rows: list[list[object]], sheet: str = "Personal") -> Path:
    book = openpyxl.Workbook()
    info = book.active
    info.title = sheet
    info.append(HEADERS)
    for row in rows:
        info.append(row)
    book.save(path)
    return path


def write_csv(path: Path, lines: list[str], encoding: str = "utf-8-sig") -> Path:
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


def audit_count(workspace: Workspace) -> int:
    with workspace.transaction() as session:
        return int(session.scalar(select(func.count()).select_from(AuditEntry)) or 0)


def staff_by_number(workspace: Workspace) -> dict[str, EmployeeView]:
    return {e.employee_no: e for e in list_employees(workspace, date(2026, 11, 22))}


def assert_the_sample_staff(staff: dict[str, EmployeeView]) -> None:
    assert sorted(staff) == [str(n) for n in range(1001, 1009)]
    forms = {number: view.form for number, view in staff.items()}
    assert list(forms.values()).count(EmploymentForm.PERMANENT) == 6
    assert forms["1005"] is EmploymentForm.FIXED_TERM
    assert forms["1007"] is EmploymentForm.HOURLY
    assert staff["1001"].name == "Anna Ålund"
    assert staff["1002"].grade_percent == Decimal(75)
    assert staff["1004"].grade_percent == Decimal(80)
    assert staff["1001"].fulltime_week_hours == Decimal("38.25")
    assert staff["1001"].fulltime_is_own
    assert staff["1002"].contract_week_hours == Decimal("28.69")  # 38.25 h × 75 %
    assert staff["1001"].monthly_salary == 31500
    assert staff["1001"].start == date(2019, 8, 15)
    assert staff["1001"].end is None
    eva = staff["1005"]
    assert (eva.start, eva.end) == (date(2026, 6, 1), date(2026, 12, 31))
    gustav = staff["1007"]
    assert gustav.grade_percent is None
    assert gustav.contract_week_hours is None
    assert gustav.monthly_salary is None
    assert not gustav.fulltime_is_own  # an empty Heltid cell: the unit's setting


def test_the_sample_csv_imports_eight_employees(workspace: Workspace, samples: Path) -> None:
    summary = import_staff(workspace, samples / "personal-standard.csv")
    assert summary.as_dict() == {
        "file": "personal-standard.csv",
        "unit": "HT-TEST",
        "unit_created": False,
        "rows": 8,
        "created": 8,
        "updated": 0,
        "unchanged": 0,
    }
    assert summary.describe() == (
        "Personallistan personal-standard.csv: 8 rader, 8 nya, 0 ändrade, 0 oförändrade "
        "(enhet HT-TEST)."
    )
    assert_the_sample_staff(staff_by_number(workspace))


def test_the_same_data_as_xlsx_imports_the_same(workspace: Workspace, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "personal.xlsx", SAMPLE_ROWS)
    summary = import_staff(workspace, path)
    assert (summary.rows, summary.created) == (8, 8)
    assert_the_sample_staff(staff_by_number(workspace))


def test_xlsx_and_csv_of_the_same_list_give_identical_employees(
    tmp_path: Path, samples: Path
) -> None:
    from_csv = [r.draft for r in read_staff_file(samples / "personal-standard.csv")]
    from_xlsx = [r.draft for r in read_staff_file(write_xlsx(tmp_path / "p.xlsx", SAMPLE_ROWS))]
    assert from_xlsx == from_csv


def test_a_comma_separated_windows_1252_file_imports(workspace: Workspace, tmp_path: Path) -> None:
    lines = [
        "Anst nr,Medarbetare,Anst.form,Syss.grad,Heltidsmått,Startdatum,Slutdatum,Lön",
        '1001,Anna Ålund,Tillsvidare,100,"38,25",2019-08-15,,31500',
        '1002,Björn Öberg,TILLSVIDARE,75 %,"38,25",15/8/2019,,"31 500"',
        "1005,Eva Lindqvist,visstid,100,40,20260601,20261231,29000",
        "1007,Gustav Berg,Timvikarie,,,2026-06-01,,",
    ]
    path = write_csv(tmp_path / "personal-ansi.csv", lines, encoding="cp1252")
    assert import_staff(workspace, path).created == 4
    staff = staff_by_number(workspace)
    assert staff["1002"].name == "Björn Öberg"
    assert staff["1002"].grade_percent == Decimal(75)
    assert staff["1002"].start == date(2019, 8, 15)
    assert staff["1002"].monthly_salary == 31500
    assert staff["1005"].fulltime_week_hours == Decimal(40)
    assert staff["1005"].end == date(2026, 12, 31)
    assert staff["1007"].form is EmploymentForm.HOURLY


BROKEN_LINES = [
    ";".join(HEADERS),
    "2001;Ann Ek;Tillsvidare;100;38,25;2020-01-01;;30 000",
    "2002;Bo Ek;Fast;100;38,25;2020-01-01;;30 000",
    "2003;Cy Ek;Tillsvidare;130;38,25;2020-01-01;;30 000",
    "2004;Di Ek;Visstid;50;38,25;2026-06-01;2026-01-31;30 000",
    "2005;;Tillsvidare;100;38,25;2020-01-01;;30 000",
    "2001;Ella Ek;Tillsvidare;100;38,25;2020-01-01;;30 000",
    "2007;Fia Ek;Tillsvidare;100;38,25;2020-13-01;;30 000",
]


def test_a_broken_file_reports_every_problem_and_imports_nothing(
    workspace: Workspace, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "trasig.csv", BROKEN_LINES)
    before = audit_count(workspace)
    with pytest.raises(ImportFormatError) as caught:
        import_staff(workspace, path)
    error = caught.value
    assert error.file_name == "trasig.csv"
    found = [(p.row, p.column, p.value) for p in error.problems]
    assert found == [
        (3, "Anställningsform", "Fast"),
        (4, "Sysselsättningsgrad (%)", "130"),
        (5, "Anställd till", "2026-01-31"),
        (6, "Namn", ""),
        (7, "Anställningsnr", "2001"),
        (8, "Anställd från", "2020-13-01"),
    ]
    problems = {p.row: p.problem for p in error.problems}
    assert "Okänd anställningsform" in problems[3]
    assert "mellan 1 och 100" in problems[4]
    assert "före startdatum" in problems[5]
    assert "Namn saknas" in problems[6]
    assert "finns redan på rad 2" in problems[7]
    assert "finns inte i kalendern" in problems[8]
    assert "6 fel på 6 av 7 rader" in error.message
    assert list_employees(workspace) == []
    assert audit_count(workspace) == before


def test_an_unknown_form_hides_no_other_problem_and_adds_no_guess(
    workspace: Workspace, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "form.csv",
        [";".join(HEADERS), "3001;Ann Ek;Fast;;38,25;2026-06-01;2026-01-31;"],
    )
    with pytest.raises(ImportFormatError) as caught:
        import_staff(workspace, path)
    # No "grade missing" (right for a timavlönad) but the end date is wrong whatever the form.
    assert [p.column for p in caught.value.problems] == ["Anställningsform", "Anställd till"]


def test_importing_twice_changes_nothing(workspace: Workspace, samples: Path) -> None:
    first = import_staff(workspace, samples / "personal-standard.csv")
    after_first = audit_count(workspace)
    stamps = updated_stamps(workspace)
    second = import_staff(workspace, samples / "personal-standard.csv")
    assert (first.created, first.updated, first.unchanged) == (8, 0, 0)
    assert (second.created, second.updated, second.unchanged) == (0, 0, 8)
    assert after_first == 8 + audit_count_of_unit_creation(workspace)
    assert audit_count(workspace) == after_first
    assert updated_stamps(workspace) == stamps  # not even rewritten with the same values
    assert second.describe().endswith("0 nya, 0 ändrade, 8 oförändrade (enhet HT-TEST).")
    assert_the_sample_staff(staff_by_number(workspace))


def updated_stamps(workspace: Workspace) -> dict[str, object]:
    with workspace.transaction() as session:
        rows = session.execute(select(Employee.employee_no, Employee.updated_at))
        return {number: stamp for number, stamp in rows}


def audit_count_of_unit_creation(workspace: Workspace) -> int:
    with workspace.transaction() as session:
        return int(
            session.scalar(
                select(func.count())
                .select_from(AuditEntry)
                .where(AuditEntry.action == "skapa_enhet")
            )
            or 0
        )


def test_a_changed_row_updates_one_employee_and_audits_it(
    workspace: Workspace, samples: Path, tmp_path: Path
) -> None:
    import_staff(workspace, samples / "personal-standard.csv")
    before = audit_count(workspace)
    text = (samples / "personal-standard.csv").read_text(encoding="utf-8-sig")
    changed = text.replace("1002;Björn Öberg;Tillsvidare;75;", "1002;Björn Öberg;Tillsvidare;90;")
    assert changed != text
    path = write_csv(tmp_path / "personal-ny.csv", changed.splitlines())
    summary = import_staff(workspace, path)
    assert (summary.created, summary.updated, summary.unchanged) == (0, 1, 7)
    assert "1 ändrad," in summary.describe()
    assert staff_by_number(workspace)["1002"].grade_percent == Decimal(90)
    assert audit_count(workspace) == before + 1
    with workspace.transaction() as session:
        entry = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
        assert entry is not None
        assert entry.action == "andra_medarbetare"
        assert json.loads(entry.before_json or "")["grade_percent"] == "75"
        assert json.loads(entry.after_json or "")["grade_percent"] == "90"


def test_employees_missing_from_the_file_are_left_as_they_are(
    workspace: Workspace, samples: Path, tmp_path: Path
) -> None:
    import_staff(workspace, samples / "personal-standard.csv")
    path = write_xlsx(tmp_path / "ett-team.xlsx", SAMPLE_ROWS[:2])
    summary = import_staff(workspace, path)
    assert (summary.rows, summary.unchanged, summary.not_in_file) == (2, 2, 6)
    assert "6 medarbetare i enheten finns inte i filen" in summary.describe()
    assert_the_sample_staff(staff_by_number(workspace))


def test_a_column_the_file_lacks_keeps_what_is_stored(
    workspace: Workspace, samples: Path, tmp_path: Path
) -> None:
    import_staff(workspace, samples / "personal-standard.csv")
    lines = [
        "Anställningsnr;Namn;Anställningsform;Sysselsättningsgrad (%)",
        "1001;Anna Ålund;Tillsvidare;100",
        "1005;Eva Lindqvist;Visstid;100",
        "1009;Ida Nyman;Tillsvidare;50",
    ]
    summary = import_staff(workspace, write_csv(tmp_path / "kort.csv", lines))
    assert (summary.created, summary.updated, summary.unchanged) == (1, 0, 2)
    staff = staff_by_number(workspace)
    assert staff["1001"].monthly_salary == 31500  # no salary column: the salary stays
    assert staff["1005"].end == date(2026, 12, 31)
    assert staff["1009"].monthly_salary is None
    assert not staff["1009"].fulltime_is_own


def test_a_new_visstid_needs_its_end_date_even_without_the_column(
    workspace: Workspace, tmp_path: Path
) -> None:
    lines = [
        "Anställningsnr;Namn;Anställningsform;Sysselsättningsgrad (%)",
        "1005;Eva Lindqvist;Visstid;100",
    ]
    with pytest.raises(ImportFormatError) as caught:
        import_staff(workspace, write_csv(tmp_path / "kort.csv", lines))
    (problem,) = caught.value.problems
    assert (problem.row, problem.column) == (2, "Anställd till")
    assert "slutdatum" in problem.problem


def test_a_refused_file_creates_no_unit(db_path: Path, tmp_path: Path) -> None:
    lines = [
        "Anställningsnr;Namn;Anställningsform;Sysselsättningsgrad (%)",
        "1005;Eva Lindqvist;Visstid;100",
    ]
    workspace = open_workspace(db_path)
    try:
        with pytest.raises(ImportFormatError, match="saknar kolumner som behövs"):
            import_staff(workspace, write_csv(tmp_path / "kort.csv", lines), unit_code="HT-NY")
        assert list_units(workspace) == []
    finally:
        workspace.close()


def test_a_missing_required_column_is_named(workspace: Workspace, tmp_path: Path) -> None:
    lines = ["Anställningsnr;Namn;Sysselsättningsgrad (%)", "1001;Anna Ålund;100"]
    with pytest.raises(ImportFormatError) as caught:
        import_staff(workspace, write_csv(tmp_path / "utan-form.csv", lines))
    assert "saknas kolumnen Anställningsform" in caught.value.message
    assert "Anställningsnr, Namn, Sysselsättningsgrad (%)" in caught.value.message
    assert list_employees(workspace) == []


def test_a_named_sheet_and_a_wrong_sheet_name(workspace: Workspace, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.title = "Instruktioner"
    book.active.append(["Fyll i bladet Personal."])
    staff = book.create_sheet("Personal")
    staff.append(HEADERS)
    staff.append(SAMPLE_ROWS[0])
    staff.append(["", "Bo Ek", "Tillsvidare", 100])
    path = tmp_path / "hr.xlsx"
    book.save(path)
    with pytest.raises(UserError) as caught:
        import_staff(workspace, path, sheet="Anställda")
    assert "'Instruktioner', 'Personal'" in caught.value.message
    with pytest.raises(ImportFormatError) as bad:
        import_staff(workspace, path, sheet="Personal")
    (problem,) = bad.value.problems
    assert (problem.sheet, problem.row, problem.column) == ("Personal", 3, "Anställningsnr")
    assert problem.describe().startswith("blad 'Personal', rad 3, kolumn 'Anställningsnr'")


def test_a_database_without_a_unit_needs_a_unit_code(db_path: Path, samples: Path) -> None:
    workspace = open_workspace(db_path)
    try:
        with pytest.raises(UserError, match="ingen enhet"):
            import_staff(workspace, samples / "personal-standard.csv")
        summary = import_staff(workspace, samples / "personal-standard.csv", unit_code="ht-norr")
        assert (summary.unit, summary.unit_created, summary.created) == ("HT-NORR", True, 8)
        assert "Enheten HT-NORR är ny" in summary.describe()
        again = import_staff(workspace, samples / "personal-standard.csv", unit_code="HT-NORR")
        assert (again.unit_created, again.unchanged) == (False, 8)
    finally:
        workspace.close()


# --- the command line ----------------------------------------------------------------------


def test_cli_imports_and_prints_the_summary(
    workspace: Workspace, samples: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        ["--db", str(workspace.location), "import-staff", str(samples / "personal-standard.csv")]
    )
    out, err = capsys.readouterr()
    assert code == 0
    assert out.strip() == (
        "Personallistan personal-standard.csv: 8 rader, 8 nya, 0 ändrade, 0 oförändrade "
        "(enhet HT-TEST)."
    )
    assert err == ""


def test_cli_reports_a_broken_file_in_swedish_without_traceback(
    workspace: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_csv(tmp_path / "trasig.csv", BROKEN_LINES)
    code = main(["--db", str(workspace.location), "import-staff", str(path)])
    out, err = capsys.readouterr()
    assert code == 2
    assert out == ""
    lines = err.strip().splitlines()
    assert lines[0].startswith("Personallistan trasig.csv importerades inte: 6 fel")
    assert lines[1] == (
        "rad 3, kolumn 'Anställningsform': 'Fast' – Okänd anställningsform; skriv Tillsvidare, "
        "Visstid eller Timavlönad."
    )
    assert len(lines) == 7
    assert "Traceback" not in err
    assert list_employees(workspace) == []


def test_cli_json_summary(
    workspace: Workspace, samples: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = [
        "--db",
        str(workspace.location),
        "import-staff",
        str(samples / "personal-standard.csv"),
        "--json",
    ]
    assert main(args) == 0
    assert main(args) == 0
    first, second = (json.loads(part) for part in split_json(capsys.readouterr().out))
    assert set(first) == {
        "file", "unit", "unit_created", "rows", "created", "updated", "unchanged",
    }  # fmt: skip
    assert (first["created"], second["created"], second["unchanged"]) == (8, 0, 8)


def split_json(text: str) -> list[str]:
    """Two pretty-printed objects one after the other."""
    parts, current = [], []
    for line in text.splitlines():
        current.append(line)
        if line == "}":
            parts.append("\n".join(current))
            current = []
    return parts


def test_cli_unit_option_creates_the_unit(
    db_path: Path, samples: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = str(samples / "personal-standard.csv")
    assert main(["--db", str(db_path), "import-staff", file, "--unit", "HT-NORR"]) == 0
    out = capsys.readouterr().out
    assert "(enhet HT-NORR)" in out
    assert "Enheten HT-NORR är ny" in out
    workspace = open_workspace(db_path, "HT-NORR")
    try:
        assert [u.code for u in list_units(workspace)] == ["HT-NORR"]
        assert len(list_employees(workspace)) == 8
    finally:
        workspace.close()


def test_cli_missing_file_and_wrong_sheet(
    workspace: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(["--db", str(workspace.location), "import-staff", str(tmp_path / "saknas.csv")]) == 2
    )
    assert "finns inte" in capsys.readouterr().err
    path = write_xlsx(tmp_path / "hr.xlsx", SAMPLE_ROWS)
    assert (
        main(["--db", str(workspace.location), "import-staff", str(path), "--sheet", "Blad9"]) == 2
    )
    err = capsys.readouterr().err
    assert err.startswith("enhetschef: Filen hr.xlsx har inget blad som heter 'Blad9'")
    assert "Traceback" not in err


def test_the_optional_timlon_column_is_read_kept_and_checked(
    workspace: Workspace, tmp_path: Path
) -> None:
    lines = [
        "Anställningsnr;Namn;Anställningsform;Sysselsättningsgrad (%);Timlön",
        "2001;Tim Vik;Timavlönad;;185,50 kr",
        "2002;Tina Vik;Timavlönad;;",
    ]
    import_staff(workspace, write_csv(tmp_path / "tim.csv", lines))
    staff = staff_by_number(workspace)
    assert staff["2001"].hourly_rate == Decimal("185.50")
    assert staff["2002"].hourly_rate is None
    # A list without the column leaves the rate alone.
    without = [lines[0].rsplit(";", 1)[0], "2001;Tim Vik;Timavlönad;"]
    import_staff(workspace, write_csv(tmp_path / "utan.csv", without))
    assert staff_by_number(workspace)["2001"].hourly_rate == Decimal("185.50")
    bad = [lines[0], "2003;Tor Vik;Timavlönad;;185,505", "2004;Tea Vik;Timavlönad;;-3"]
    with pytest.raises(ImportFormatError) as caught:
        import_staff(workspace, write_csv(tmp_path / "fel.csv", bad))
    assert [(p.row, p.column) for p in caught.value.problems] == [(2, "Timlön"), (3, "Timlön")]

"""Overlapping and touching records of one kind: an HR export registers an extension as a new
row. They are stored as given, re-importing is idempotent, the summary names the join, the
spell is one occasion and every day counts once at its highest extent – never sick hours
twice. Only a day that cannot be one spell (whole sick and whole semester) is refused."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from absence_helpers import absence, employee, shifts, weekdays

from enhetschef_app.cli import main
from enhetschef_app.domain.errors import ImportFormatError
from enhetschef_app.services.absence.absences import list_absences
from enhetschef_app.services.absence.figures import absence_month_figures
from enhetschef_app.services.absence.imports import import_absences
from enhetschef_app.services.absence.person import person_absence_detail
from enhetschef_app.services.core.workspace import Workspace, ensure_unit, open_workspace

HEADER = "Anställningsnr;Frånvarotyp;Från;Till;Omfattning (%)"
MARCH = weekdays(date(2026, 3, 1), date(2026, 3, 31))  # 8 h on each weekday
SPELL = [
    "1;Sjuk;2026-03-02;2026-03-06;50",  # Mon–Fri at half
    "1;Sjuk;2026-03-04;2026-03-10;100",  # the extension, whole, overlapping Wed–Fri
    "1;Sjuk;2026-03-11;2026-03-12;100",  # touching: the next day on
]


@pytest.fixture
def unit(db_path: Path) -> Iterator[tuple[Workspace, int]]:
    workspace = open_workspace(db_path)
    workspace = workspace.with_unit(ensure_unit(workspace, "HT-TEST"))
    anna = employee(workspace, "1", "Anna Ålund")
    shifts(workspace, anna, MARCH)
    yield workspace, anna
    workspace.close()


def write_csv(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join([HEADER, *lines]) + "\n", encoding="utf-8")
    return path


def test_overlapping_and_touching_rows_are_stored_as_given_and_join(
    unit: tuple[Workspace, int], tmp_path: Path
) -> None:
    workspace, anna = unit
    path = write_csv(tmp_path / "hr.csv", SPELL)
    summary = import_absences(workspace, path)
    assert (summary.created, summary.joined) == (3, 3)
    assert "3 rader överlappar eller ansluter" in summary.describe()
    stored = [(a.start, a.end, a.extent_percent) for a in list_absences(workspace)]
    assert sorted(stored) == [
        (date(2026, 3, 2), date(2026, 3, 6), 50),
        (date(2026, 3, 4), date(2026, 3, 10), 100),
        (date(2026, 3, 11), date(2026, 3, 12), 100),
    ]
    again = import_absences(workspace, path)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)

    # Hand count: Mon 2 and Tue 3 at 50 % (8 h), Wed 4 – Fri 6 at the highest, 100 % (24 h),
    # Mon 9 – Thu 12 whole (32 h): 64 h, not 76 h with Wed–Fri counted twice.
    figures = absence_month_figures(workspace, 2026, 3)
    assert figures.sick_hours == Decimal("64.00")
    assert figures.occasions_started == 1
    detail = person_absence_detail(workspace, anna, date(2026, 3, 31))
    (occasion,) = [line.occasion for line in detail.occasions]
    assert (occasion.start, occasion.end, len(occasion.records)) == (
        date(2026, 3, 2),
        date(2026, 3, 12),
        3,
    )


def test_two_rows_the_same_first_day_reimport_idempotently(
    unit: tuple[Workspace, int], tmp_path: Path
) -> None:
    workspace, _anna = unit
    path = write_csv(
        tmp_path / "samma-dag.csv",
        ["1;Sjuk;2026-03-02;2026-03-03;100", "1;Sjuk;2026-03-02;2026-03-09;100"],
    )
    assert import_absences(workspace, path).created == 2
    again = import_absences(workspace, path)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    assert absence_month_figures(workspace, 2026, 3).sick_hours == Decimal("48.00")


def test_whole_sick_and_whole_semester_the_same_day_is_a_row_error(
    unit: tuple[Workspace, int], tmp_path: Path
) -> None:
    workspace, anna = unit
    absence(workspace, anna, "2026-03-02", "2026-03-06")
    clash = write_csv(
        tmp_path / "krock.csv",
        ["1;Sjuk;2026-03-06;2026-03-09;100", "1;Semester;2026-03-09;2026-03-13;100"],
    )
    with pytest.raises(ImportFormatError) as refused:
        import_absences(workspace, clash)
    assert [(p.row, p.column) for p in refused.value.problems] == [(2, "Från"), (3, "Från")]
    assert "Överlappar semester 2026-03-09–2026-03-13" in refused.value.problems[0].problem
    assert "tillsammans mer än 100 %" in refused.value.problems[1].problem
    assert len(list_absences(workspace)) == 1
    half = write_csv(tmp_path / "halv.csv", ["1;Föräldraledig;2026-03-16;2026-03-20;50"])
    absence(workspace, anna, "2026-03-16", "2026-03-20", extent=50)
    assert import_absences(workspace, half).created == 1  # 50 % + 50 %: one whole day


def test_the_cli_reports_the_join_in_its_json(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workspace = open_workspace(db_path)
    workspace = workspace.with_unit(ensure_unit(workspace, "HT-TEST"))
    employee(workspace, "1", "Anna Ålund")
    workspace.close()
    path = write_csv(tmp_path / "hr.csv", SPELL)
    assert main(["--db", str(db_path), "import-absences", str(path), "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert (summary["created"], summary["joined"]) == (3, 3)

"""A schedule import never deletes history by accident: a year typed wrong is a row error, only
the file's weeks are replaced, removing covers, approved overtime or many rows asks first, a
backup comes before any removal, and the last import can be undone exactly – or is refused
when a later change touched its rows."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest
from sqlalchemy import select, update

from enhetschef_app.cli import main
from enhetschef_app.domain.schedule_import import (
    ImportWouldRemove,
    ScheduleFileInvalid,
    UndoRefused,
)
from enhetschef_app.paths import backup_dir_for
from enhetschef_app.services.core.import_undo import undo_last_import
from enhetschef_app.services.core.workspace import Workspace
from enhetschef_app.services.schedule.imports import import_schedule
from enhetschef_app.services.staff.imports import import_staff
from enhetschef_app.storage.models import Employee, ScheduleRow
from enhetschef_app.storage.models_overtime import OvertimeDecision, OvertimeRequest
from enhetschef_app.storage.models_schedule import ScheduleCover

EXPORT = "schema-export-cp1252.csv"
HEADER = "Anställningsnr;Namn;Datum;Start;Slut;Rast (min);Passkod"

Row = tuple[int, date, time, time, int, str | None, int | None]


@pytest.fixture
def unit(workspace: Workspace, samples: Path) -> Workspace:
    import_staff(workspace, samples / "personal-standard.csv")
    import_schedule(workspace, samples / EXPORT)  # 72 rows, 2026-11-16 – 2026-11-29 (v. 47–48)
    return workspace


def lines_of(samples: Path) -> list[str]:
    return (samples / EXPORT).read_text(encoding="cp1252").splitlines()[1:]


def write_csv(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join([HEADER, *lines]) + "\n", encoding="utf-8")
    return path


def rows(workspace: Workspace) -> list[Row]:
    with workspace.transaction() as session:
        found = session.execute(
            select(
                ScheduleRow.id,
                ScheduleRow.work_date,
                ScheduleRow.start_time,
                ScheduleRow.end_time,
                ScheduleRow.break_minutes,
                ScheduleRow.shift_code,
                ScheduleRow.employee_id,
            ).order_by(ScheduleRow.id)
        )
        return [(r[0], r[1], r[2], r[3], r[4], r[5], r[6]) for r in found]


def covers(workspace: Workspace) -> list[tuple[int, int, int, str]]:
    with workspace.transaction() as session:
        return [
            (c.id, c.row_id, c.employee_id, c.kind)
            for c in session.scalars(select(ScheduleCover).order_by(ScheduleCover.id))
        ]


def vacant_row(workspace: Workspace, day: date, code: str) -> int:
    with workspace.transaction() as session:
        found = session.scalar(
            select(ScheduleRow.id).where(
                ScheduleRow.work_date == day,
                ScheduleRow.shift_code == code,
                ScheduleRow.employee_id.is_(None),
            )
        )
    assert found is not None
    return found


def employee_id(workspace: Workspace, number: str) -> int:
    with workspace.transaction() as session:
        found = session.scalar(select(Employee.id).where(Employee.employee_no == number))
    assert found is not None
    return found


def add_cover(workspace: Workspace, row_id: int, number: str) -> int:
    with workspace.transaction() as session:
        cover = ScheduleCover(
            unit_id=workspace.require_unit().id,
            row_id=row_id,
            employee_id=employee_id(workspace, number),
            kind="overtid",
            recorded_by="test",
        )
        session.add(cover)
        session.flush()
        return cover.id


def approve_overtime_on(workspace: Workspace, row_id: int, cover_id: int, number: str) -> int:
    """An overtime request for the cover, approved: the link an import must not drop silently."""
    with workspace.transaction() as session:
        request = OvertimeRequest(
            unit_id=workspace.require_unit().id,
            employee_id=employee_id(workspace, number),
            work_date=date(2026, 11, 19),
            start_time=time(13, 30),
            end_time=time(21, 30),
            reason="Tom rad",
            cover_id=cover_id,
            row_id=row_id,
            created_by="test",
        )
        session.add(request)
        session.flush()
        session.add(
            OvertimeDecision(
                request_id=request.id,
                verdict="approved",
                reason="Behövs",
                decided_by="ec",
                compensation="pengar",
            )
        )
        return request.id


def request_links(workspace: Workspace, request_id: int) -> tuple[int | None, int | None]:
    with workspace.transaction() as session:
        request = session.get(OvertimeRequest, request_id)
        assert request is not None
        return request.row_id, request.cover_id


def test_a_year_typed_wrong_is_a_row_error_naming_the_date_and_nothing_goes(
    unit: Workspace, samples: Path, tmp_path: Path
) -> None:
    before = rows(unit)
    typo = [line for line in lines_of(samples) if "2026-11-16" in line][:4]
    typo.append("1001;Anna Ålund;2025-11-17;7:00;15:30;30;D")  # 2025 for 2026
    with pytest.raises(ScheduleFileInvalid) as refused:
        import_schedule(unit, write_csv(tmp_path / "typo.csv", typo))
    (problem,) = refused.value.problems
    assert problem.row == 6 and problem.column == "Datum"
    assert "2025-11-17" in problem.problem and "8 veckor" in problem.problem
    assert rows(unit) == before


def test_only_the_days_of_the_files_weeks_are_replaced(
    unit: Workspace, samples: Path, tmp_path: Path
) -> None:
    before = rows(unit)
    week_48 = [r for r in before if r[1] >= date(2026, 11, 23)]
    # Rows on Monday of v. 47 and Monday of v. 49: v. 48 lies between them but has no row in
    # the file, so it keeps every stored row.
    lines = [line for line in lines_of(samples) if "2026-11-16" in line]
    lines.append("1001;Anna Ålund;2026-11-30;7:00;15:30;30;D")
    path = write_csv(tmp_path / "v47-v49.csv", lines)
    with pytest.raises(ImportWouldRemove) as asked:
        import_schedule(unit, path)
    assert (asked.value.removed, asked.value.in_weeks) == (30, 36)
    assert rows(unit) == before
    summary = import_schedule(unit, path, replace=True)
    assert (summary.removed, summary.created, summary.unchanged) == (30, 1, 6)
    after = rows(unit)
    assert [r for r in after if date(2026, 11, 23) <= r[1] <= date(2026, 11, 29)] == week_48
    assert {r[1] for r in after if r[1] < date(2026, 11, 23)} == {date(2026, 11, 16)}
    assert summary.backup is not None and Path(summary.backup).exists()
    assert Path(summary.backup).parent == backup_dir_for(unit.path)


def test_a_small_change_imports_without_asking_and_backs_up_when_it_removes(
    unit: Workspace, samples: Path, tmp_path: Path
) -> None:
    lines = lines_of(samples)
    del lines[1]  # one shift of 72 goes: less than a tenth
    summary = import_schedule(unit, write_csv(tmp_path / "en-mindre.csv", lines))
    assert summary.removed == 1 and summary.backup is not None
    assert len(list(backup_dir_for(unit.path).glob("*-import.sqlite3"))) == 1
    again = import_schedule(unit, write_csv(tmp_path / "samma.csv", lines))
    assert (again.removed, again.backup) == (0, None)  # nothing removed: no copy needed
    assert len(list(backup_dir_for(unit.path).glob("*-import.sqlite3"))) == 1


def test_removing_a_cover_and_approved_overtime_asks_and_undo_puts_back_exactly(
    unit: Workspace, samples: Path, tmp_path: Path
) -> None:
    covered = vacant_row(unit, date(2026, 11, 19), "K")
    cover_id = add_cover(unit, covered, "1007")
    request_id = approve_overtime_on(unit, covered, cover_id, "1007")
    before_rows, before_covers = rows(unit), covers(unit)
    lines = [line for line in lines_of(samples) if line != ";;2026-11-19;13:30;21:30;30;K"]
    lines[0] = "1001;Anna Ålund;2026-11-16;13:30;21:30;30;K"  # was D 07:00–15:30
    lines.append("1007;Gustav Berg;2026-11-18;7:00;15:30;30;D")
    path = write_csv(tmp_path / "utan-k.csv", lines)
    with pytest.raises(ImportWouldRemove) as asked:
        import_schedule(unit, path)
    assert (asked.value.removed, asked.value.covers, asked.value.overtime) == (1, 1, 1)
    assert "1 registrerade ersättare och 1 beviljade övertider" in asked.value.message
    assert rows(unit) == before_rows and covers(unit) == before_covers

    summary = import_schedule(unit, path, replace=True)
    assert (summary.created, summary.updated, summary.removed) == (1, 1, 1)
    assert (summary.covers_removed, summary.overtime_links_removed) == (1, 1)
    assert covers(unit) == [] and request_links(unit, request_id) == (None, None)

    undone = undo_last_import(unit)
    assert (undone.removed, undone.restored, undone.reinserted) == (1, 1, 1)
    assert undone.covers_restored == 1
    assert rows(unit) == before_rows
    assert covers(unit) == before_covers
    assert request_links(unit, request_id) == (covered, cover_id)
    with pytest.raises(Exception, match="ingen schemaimport att ångra"):
        undo_last_import(unit)


def test_undo_is_refused_naming_the_rows_a_later_change_touched(
    unit: Workspace, samples: Path, tmp_path: Path
) -> None:
    lines = lines_of(samples)
    lines.append("1007;Gustav Berg;2026-11-18;7:00;15:30;30;D")
    import_schedule(unit, write_csv(tmp_path / "ny-rad.csv", lines))
    with unit.transaction() as session:
        session.execute(
            update(ScheduleRow)
            .where(ScheduleRow.work_date == date(2026, 11, 18), ScheduleRow.shift_code == "D")
            .where(ScheduleRow.employee_id == employee_id(unit, "1007"))
            .values(start_time=time(8))
        )
    before = rows(unit)
    with pytest.raises(UndoRefused) as refused:
        undo_last_import(unit)
    assert refused.value.rows == ("2026-11-18 07:00–15:30 1007 ändrades efter importen",)
    assert "Inget har ändrats" in refused.value.message
    assert rows(unit) == before


def test_the_command_line_exits_2_naming_the_counts_unless_replace(
    tmp_path: Path, samples: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "cli.sqlite3")
    staff = str(samples / "personal-standard.csv")
    assert main(["--db", db, "import-staff", staff, "--unit", "HT-NORR"]) == 0
    assert main(["--db", db, "import-schedule", str(samples / EXPORT)]) == 0
    # Monday and Sunday of v. 47 only: Tuesday to Saturday of that week go.
    ends = [line for line in lines_of(samples) if "2026-11-16" in line or "2026-11-22" in line]
    one_day = write_csv(tmp_path / "mandag-sondag.csv", ends)
    capsys.readouterr()
    assert main(["--db", db, "import-schedule", str(one_day)]) == 2
    err = capsys.readouterr().err
    assert "skulle ta bort 26 av 36 pass" in err and "0 registrerade ersättare" in err
    assert "--replace" in err
    assert main(["--db", db, "import-schedule", str(one_day), "--replace", "--json"]) == 0
    assert '"removed": 26' in capsys.readouterr().out
    assert main(["--db", db, "undo-import", "--json"]) == 0
    assert '"reinserted": 26' in capsys.readouterr().out
    assert main(["--db", db, "undo-import"]) == 2
    assert "ingen schemaimport att ångra" in capsys.readouterr().err


def test_undo_is_refused_when_a_cover_was_recorded_on_a_row_the_import_changed(
    unit: Workspace, samples: Path, tmp_path: Path
) -> None:
    lines = lines_of(samples)
    lines[0] = "1001;Anna Ålund;2026-11-16;13:30;21:30;30;K"  # was D 07:00–15:30
    assert import_schedule(unit, write_csv(tmp_path / "andrad.csv", lines)).updated == 1
    with unit.transaction() as session:
        changed = session.scalar(
            select(ScheduleRow.id).where(
                ScheduleRow.work_date == date(2026, 11, 16),
                ScheduleRow.employee_id == employee_id(unit, "1001"),
            )
        )
    assert changed is not None
    add_cover(unit, changed, "1007")
    with pytest.raises(UndoRefused) as refused:
        undo_last_import(unit)
    assert refused.value.rows == (
        "2026-11-16 13:30–21:30 1001 fick en annan ersättare efter importen",
    )

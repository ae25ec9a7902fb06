"""Importing the schedule into a real database file: both samples, idempotence, in-place
updates with audit, every bad row named, unknown employees, remembered column mappings."""

from __future__ import annotations

import json
from datetime import date, time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from enhetschef_app.domain.schedule_import import ColumnMappingNeeded, ScheduleFileInvalid
from enhetschef_app.services.core.workspace import Workspace, ensure_unit, open_workspace
from enhetschef_app.services.schedule.imports import import_schedule
from enhetschef_app.services.staff.imports import import_staff
from enhetschef_app.storage.models import AuditEntry, Employee, ScheduleRow, ShiftType
from enhetschef_app.storage.models_schedule import ScheduleCover

STANDARD = "schema-standard-v47-v48.xlsx"
EXPORT = "schema-export-cp1252.csv"
HEADER = "Anställningsnr;Namn;Datum;Start;Slut;Rast (min);Passkod"


@pytest.fixture
def workspace(any_workspace: Workspace) -> Workspace:
    """Every test here runs on SQLite and on PostgreSQL."""
    return any_workspace


@pytest.fixture
def unit(workspace: Workspace, samples: Path) -> Workspace:
    import_staff(workspace, samples / "personal-standard.csv")
    return workspace


def write_csv(path: Path, lines: list[str], header: str = HEADER) -> Path:
    path.write_text("\n".join([header, *lines]) + "\n", encoding="utf-8")
    return path


def stored(workspace: Workspace) -> list[tuple[object, ...]]:
    with workspace.transaction() as session:
        rows = session.execute(
            select(
                ScheduleRow.work_date,
                ScheduleRow.start_time,
                ScheduleRow.end_time,
                ScheduleRow.break_minutes,
                ScheduleRow.shift_code,
                Employee.employee_no,
            )
            .outerjoin(Employee, Employee.id == ScheduleRow.employee_id)
            .order_by(ScheduleRow.work_date, ScheduleRow.start_time, Employee.employee_no)
        )
        return [tuple(r) for r in rows]


def audit_count(workspace: Workspace) -> int:
    with workspace.transaction() as session:
        return int(session.scalar(select(func.count()).select_from(AuditEntry)) or 0)


def test_both_samples_import_into_the_same_schedule(tmp_path: Path, samples: Path) -> None:
    results = []
    for name in (STANDARD, EXPORT):
        ws = open_workspace(tmp_path / f"{name}.sqlite3")
        ws = ws.with_unit(ensure_unit(ws, "HT-NORR"))
        try:
            import_staff(ws, samples / "personal-standard.csv")
            summary = import_schedule(ws, samples / name)
            assert (summary.rows, summary.created, summary.vacant) == (72, 72, 6)
            assert (summary.first, summary.last) == (date(2026, 11, 16), date(2026, 11, 29))
            results.append(stored(ws))
        finally:
            ws.close()
    assert results[0] == results[1]
    assert len(results[0]) == 72
    night = next(r for r in results[0] if r[4] == "N")
    assert night[1:4] == (time(21), time(7), 0)  # ends the next morning


def test_the_same_file_twice_changes_nothing_and_leaves_no_trace(
    unit: Workspace, samples: Path
) -> None:
    first = import_schedule(unit, samples / STANDARD)
    assert first.shift_types_created == ("D", "K", "N", "R", "L")
    before, audits = stored(unit), audit_count(unit)
    again = import_schedule(unit, samples / STANDARD)
    other_format = import_schedule(unit, samples / EXPORT)
    for summary in (again, other_format):
        assert (summary.created, summary.updated, summary.unchanged, summary.removed) == (
            0,
            0,
            72,
            0,
        )
    assert stored(unit) == before
    assert audit_count(unit) == audits
    with unit.transaction() as session:
        kinds = dict(session.execute(select(ShiftType.code, ShiftType.kind)).all())
    assert kinds == {"D": "dag", "K": "kvall", "N": "natt", "R": "resurs", "L": "lang"}


def test_a_changed_file_updates_rows_in_place_keeps_covers_and_audits_each_change(
    unit: Workspace, samples: Path, tmp_path: Path
) -> None:
    import_schedule(unit, samples / STANDARD)
    with unit.transaction() as session:
        ids = dict(
            session.execute(
                select(ScheduleRow.shift_code, ScheduleRow.id).where(
                    ScheduleRow.work_date == date(2026, 11, 19),
                    ScheduleRow.employee_id.is_(None),
                )
            ).all()
        )
        gustav = session.scalar(select(Employee.id).where(Employee.employee_no == "1007"))
        assert gustav is not None
        session.add(
            ScheduleCover(
                unit_id=unit.require_unit().id,
                row_id=ids["K"],
                employee_id=gustav,
                kind="timavlonad",
                recorded_by="test",
            )
        )
    changed = (samples / EXPORT).read_text(encoding="cp1252").splitlines()[1:]
    changed[0] = "1001;Anna Ålund;2026-11-16;13:30;21:30;30;K"  # was D 07:00–15:30
    del changed[1]  # 1002's Monday shift goes
    changed.append("1007;Gustav Berg;2026-11-18;7:00;15:30;30;D")  # a new row
    summary = import_schedule(unit, write_csv(tmp_path / "v47-v48-ny.csv", changed))
    assert (summary.created, summary.updated, summary.removed, summary.unchanged) == (1, 1, 1, 70)
    with unit.transaction() as session:
        cover = session.scalar(select(ScheduleCover))
        assert cover is not None and cover.row_id == ids["K"]  # the row kept its id
        entries = {
            e.action: e
            for e in session.scalars(select(AuditEntry).where(AuditEntry.entity == "schemarad"))
        }
    changed_entry = entries["andra_schemarad"]
    assert json.loads(changed_entry.before_json or "{}")["start"] == "07:00:00"
    assert json.loads(changed_entry.after_json or "{}")["start"] == "13:30:00"
    removed_entry = entries["ta_bort_schemarad"]
    assert removed_entry.after_json is None
    assert json.loads(removed_entry.before_json or "{}")["work_date"] == "2026-11-16"


def test_a_broken_file_names_every_bad_row_and_imports_nothing(
    unit: Workspace, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "trasig.csv",
        [
            "1001;Anna Ålund;2026-11-16;7:00;15:30;30;D",
            "1002;Björn Öberg;2026-11-31;7:00;15:30;30;D",
            "1003;Cecilia Ärlig;2026-11-16;25:00;21:30;30;K",
            ";Okänd Person;2026-11-16;7:00;15:30;30;D",
            "1004;David Nyström;2026-11-16;13:30;14:00;45;K",
            "1005;Eva Lindqvist;2026-11-16;21:00;21:00;0;N",
            "1001;Anna Ålund;2026-11-16;7:00;12:00;0;D",
            "1099;Ny Person;2026-11-17;7:00;15:30;30;D",
            ";;2026-11-17;7:00;15:30;en halvtimme;D",
        ],
    )
    with pytest.raises(ScheduleFileInvalid) as caught:
        import_schedule(unit, path)
    error = caught.value
    described = [p.describe() for p in error.problems]
    assert [p.row for p in error.problems] == [3, 4, 5, 6, 7, 8, 9, 10]
    assert described[0] == ("rad 3, kolumn 'Datum': '2026-11-31' – Datumet finns inte i kalendern.")
    assert "kolumn 'Start': '25:00'" in described[1]
    assert "Anställningsnummer saknas för Okänd Person" in described[2]
    assert "Rasten är lika lång som passet eller längre" in described[3]
    assert "saknar längd" in described[4]
    assert "redan ett pass som börjar då (rad 2)" in described[5]
    assert "'1099'" in described[6] and "finns inte i enheten" in described[6]
    assert "kolumn 'Rast (min)': 'en halvtimme'" in described[7]
    assert error.valid_rows == 1 and error.total_rows == 9
    assert [u.employee_no for u in error.unknown] == ["1099"]
    assert "importera de 1 giltiga raderna" in error.message
    assert stored(unit) == []


def test_the_valid_rows_alone_keep_stored_rows_on_days_with_bad_ones(
    unit: Workspace, samples: Path, tmp_path: Path
) -> None:
    import_schedule(unit, samples / STANDARD)
    lines = (samples / EXPORT).read_text(encoding="cp1252").splitlines()[1:]
    monday = [line for line in lines if "2026-11-16" in line]
    monday[0] = "1001;Anna Ålund;2026-11-16;7:00;15:30;trettio;D"  # bad: stays as stored
    tuesday = [line for line in lines if "2026-11-17" in line][1:]  # 1001's Tuesday goes
    path = write_csv(tmp_path / "delvis.csv", monday + tuesday)
    summary = import_schedule(unit, path, valid_rows_only=True)
    assert (summary.skipped, summary.removed, summary.kept_days) == (1, 1, 1)
    assert len(stored(unit)) == 71


def test_unknown_employees_are_created_as_hourly_paid_when_asked(
    unit: Workspace, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "ny.csv", ["2001;Nora Ny;2026-11-18;7:00;15:30;30;D"])
    with pytest.raises(ScheduleFileInvalid) as caught:
        import_schedule(unit, path)
    assert caught.value.only_unknown_employees
    summary = import_schedule(unit, path, create_unknown=True)
    assert summary.employees_created == ("2001",)
    with unit.transaction() as session:
        nora = session.scalar(select(Employee).where(Employee.employee_no == "2001"))
        assert nora is not None
        assert (nora.name, nora.employment_form, nora.grade_percent) == (
            "Nora Ny",
            "timavlonad",
            None,
        )
    assert stored(unit) == [(date(2026, 11, 18), time(7), time(15, 30), 30, "D", "2001")]


def test_unmatched_headers_ask_for_columns_and_the_choice_is_remembered(
    unit: Workspace, tmp_path: Path
) -> None:
    header = "Person;Dag;In;Ut;Paus;Typ"
    path = write_csv(tmp_path / "annat.csv", ["1001;16/11/2026;0700;1530;30;D"], header)
    with pytest.raises(ColumnMappingNeeded) as caught:
        import_schedule(unit, path)
    needed = caught.value
    assert needed.headers == ["Person", "Dag", "In", "Ut", "Paus", "Typ"]
    assert needed.preview == [["1001", "16/11/2026", "0700", "1530", "30", "D"]]
    assert needed.guess == {"work_date": "Dag"}
    columns = {
        "employee_no": "Person",
        "work_date": "Dag",
        "start": "In",
        "end": "Ut",
        "break_minutes": "Paus",
        "shift_code": "Typ",
    }
    assert import_schedule(unit, path, columns=columns).created == 1
    later = write_csv(tmp_path / "annat2.csv", ["1002;17/11/2026;1330;2130;30;K"], header)
    summary = import_schedule(unit, later)  # no columns given: the layout is known
    assert (summary.created, summary.removed) == (1, 0)


def test_a_dry_run_counts_but_writes_nothing(unit: Workspace, samples: Path) -> None:
    audits = audit_count(unit)
    summary = import_schedule(unit, samples / STANDARD, dry_run=True)
    assert (summary.created, summary.dry_run) == (72, True)
    assert "Provimport" in summary.describe()
    assert stored(unit) == [] and audit_count(unit) == audits

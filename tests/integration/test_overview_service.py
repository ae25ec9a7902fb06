"""The day overview read from a real database: empty rows, absences, staffing per time band."""

from __future__ import annotations

from datetime import date, time, timedelta
from decimal import Decimal
from pathlib import Path

from enhetschef_app.domain.staff import EmployeeDraft, EmploymentForm
from enhetschef_app.services.core.backup import back_up_now
from enhetschef_app.services.core.workspace import Workspace
from enhetschef_app.services.overview.today import LineState, day_overview
from enhetschef_app.services.staff.employees import save_employee
from enhetschef_app.storage.models import Absence, ScheduleRow, StaffingNeed

DAY = date(2026, 11, 24)  # a Tuesday


def _person(ws: Workspace, number: str, name: str) -> int:
    draft = EmployeeDraft(
        employee_no=number,
        name=name,
        form=EmploymentForm.PERMANENT,
        grade_percent=Decimal(100),
        fulltime_week_hours=None,
        start=date(2020, 1, 1),
        end=None,
    )
    return save_employee(ws, draft).id


def _row(
    unit_id: int, day: date, start: time, end: time, code: str, who: int | None
) -> ScheduleRow:
    return ScheduleRow(
        unit_id=unit_id,
        work_date=day,
        start_time=start,
        end_time=end,
        shift_code=code,
        employee_id=who,
    )


def test_day_overview_marks_vacant_and_absent_rows_and_counts_bands(workspace: Workspace) -> None:
    unit_id = workspace.require_unit().id
    anna = _person(workspace, "1", "Anna Ålund")
    bjorn = _person(workspace, "2", "Björn Öberg")
    cilla = _person(workspace, "3", "Cecilia Ärlig")
    david = _person(workspace, "4", "David Nyström")
    with workspace.transaction() as session:
        session.add_all(
            [
                _row(unit_id, DAY, time(7), time(15, 30), "D", anna),
                _row(unit_id, DAY, time(7), time(15, 30), "D", None),
                _row(unit_id, DAY, time(14, 30), time(21, 30), "K", bjorn),
                _row(unit_id, DAY, time(21, 15), time(7, 15), "N", cilla),
                # Yesterday's night shift staffs today's early band.
                _row(unit_id, DAY - timedelta(days=1), time(21, 15), time(7, 15), "N", david),
                # Another day: not today's.
                _row(unit_id, DAY + timedelta(days=1), time(7), time(15, 30), "D", anna),
                Absence(
                    employee_id=bjorn,
                    kind="sjuk",
                    start_date=DAY - timedelta(days=2),
                    end_date=None,
                ),
                Absence(
                    employee_id=anna,
                    kind="sjuk",
                    start_date=DAY - timedelta(days=9),
                    end_date=DAY - timedelta(days=1),
                ),
                StaffingNeed(
                    unit_id=unit_id, weekday=1, band_start=time(0), band_end=time(7), staff_count=1
                ),
                StaffingNeed(
                    unit_id=unit_id, weekday=1, band_start=time(7), band_end=time(15), staff_count=2
                ),
                StaffingNeed(
                    unit_id=unit_id,
                    weekday=1,
                    band_start=time(15),
                    band_end=time(21),
                    staff_count=1,
                ),
                StaffingNeed(
                    unit_id=unit_id, weekday=1, band_start=time(21), band_end=time(7), staff_count=1
                ),
                StaffingNeed(
                    unit_id=unit_id, weekday=2, band_start=time(7), band_end=time(15), staff_count=9
                ),
            ]
        )

    overview = day_overview(workspace, DAY)

    assert overview.iso_week == 48
    assert [(line.shift_code, line.employee_name, line.state) for line in overview.lines] == [
        ("D", "Anna Ålund", LineState.STAFFED),
        ("D", None, LineState.VACANT),
        ("K", "Björn Öberg", LineState.ABSENT),
        ("N", "Cecilia Ärlig", LineState.STAFFED),
    ]
    assert overview.empty_rows == 2
    bands = [(b.start, b.end, b.needed, b.scheduled, b.shortfall) for b in overview.bands]
    assert bands == [
        (time(0), time(7), 1, 1, 0),  # David's night shift from yesterday
        (time(7), time(15), 2, 1, 1),  # Anna; the vacant row does not count
        (time(15), time(21), 1, 0, 1),  # Björn is absent, Anna's half hour does not count
        (time(21), time(7), 1, 1, 0),  # Cecilia
    ]
    assert dict(overview.headcount)[EmploymentForm.PERMANENT] == 4


def test_day_overview_without_unit_or_schedule_is_empty(
    db_path: Path, workspace: Workspace
) -> None:
    overview = day_overview(workspace, DAY)
    assert not overview.has_schedule
    assert overview.bands == () and overview.empty_rows == 0


def test_back_up_now_writes_a_copy_beside_the_database(workspace: Workspace) -> None:
    _person(workspace, "1", "Anna Ålund")
    copy = back_up_now(workspace)
    assert copy.parent == workspace.path.parent / "backups"
    assert copy.read_bytes().startswith(b"SQLite format 3\x00")

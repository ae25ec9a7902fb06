"""A small hand-made unit for the month report's tests: five people, thirteen schedule rows in
October 2026 (the month the clocks go back), absences, covers, incidents and talks. Every
figure the tests expect is worked out by hand in the tests from this description.

Shift types: D 07:00–16:00 rast 60 (8 h), K 14:00–22:00 rast 30 (7,5 h), N 21:00–07:00 no rast
(10 h; 11 h on the night of 24–25 October), R 08:00–16:30 rast 30 (8 h, resurspass).

People: A 1001 tillsvidare 100 %, B 1002 tillsvidare 75 %, C 1003 visstid 100 %, D 1004
timavlönad (C's visstid ends 2027-06-30), E 1005 tillsvidare 100 % who left on 2026-10-15 (pension).

Rows of October (number: date shift person, what happens):
 1  10-05 D  A  present
 2  10-06 D  A  A sick 10-06–10-07, covered by D as timavlönad
 3  10-07 D  A  A sick, not covered
 4  10-05 K  B  present
 5  10-12 K  B  B sick 50 % that day, not covered
 6  10-24 N  C  present, the night the clocks go back
 7  10-08 D  –  vacant, covered by B as mertid
 8  10-09 K  –  vacant, not covered
 9  10-10 D  D  present (timavlönad)
10  10-13 R  C  C's resurspass, given up to cover row 11
11  10-13 D  –  vacant, covered by C from her resurspass
12  10-14 D  E  present
13  10-20 R  A  A's resurspass while A is on semester
Rows on 09-30 and 11-01 (outside the month) for A.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from decimal import Decimal

from enhetschef_app.domain.absences import AbsenceDraft
from enhetschef_app.domain.incident_report import IncidentDraft
from enhetschef_app.domain.incidents import Track
from enhetschef_app.domain.staff import EmployeeDraft, EmploymentForm, EndReason
from enhetschef_app.services.absence.absences import save_absence
from enhetschef_app.services.core.workspace import Workspace
from enhetschef_app.services.incidents.workflow import register_incident
from enhetschef_app.services.staff.employees import save_employee
from enhetschef_app.storage.models import ScheduleRow, ShiftType
from enhetschef_app.storage.models_absence import CareTalk
from enhetschef_app.storage.models_people import ReviewTalk
from enhetschef_app.storage.models_schedule import ScheduleCover

SHIFTS = {
    "D": (time(7), time(16), 60, "dag"),
    "K": (time(14), time(22), 30, "kvall"),
    "N": (time(21), time(7), 0, "natt"),
    "R": (time(8), time(16, 30), 30, "resurs"),
}


@dataclass
class MonthUnit:
    people: dict[str, int]  # letter → employee id
    rows: dict[int, int]  # row number of the docstring → schedule row id


def _person(
    workspace: Workspace,
    number: str,
    name: str,
    form: EmploymentForm,
    grade: str = "100",
    end: date | None = None,
    reason: EndReason | None = None,
) -> int:
    draft = EmployeeDraft(
        employee_no=number,
        name=name,
        form=form,
        grade_percent=None if form is EmploymentForm.HOURLY else Decimal(grade),
        fulltime_week_hours=None,
        start=date(2020, 1, 1),
        end=end,
        end_reason=reason,
    )
    return save_employee(workspace, draft).id


def build_month_unit(workspace: Workspace) -> MonthUnit:
    unit = workspace.require_unit()
    people = {
        "A": _person(workspace, "1001", "Anna Ahl", EmploymentForm.PERMANENT),
        "B": _person(workspace, "1002", "Bo Berg", EmploymentForm.PERMANENT, grade="75"),
        "C": _person(
            workspace, "1003", "Cia Cato", EmploymentForm.FIXED_TERM, end=date(2027, 6, 30)
        ),
        "D": _person(workspace, "1004", "Dan Dahl", EmploymentForm.HOURLY),
        "E": _person(
            workspace,
            "1005",
            "Eva Ek",
            EmploymentForm.PERMANENT,
            end=date(2026, 10, 15),
            reason=EndReason.PENSION,
        ),
    }
    plan = [
        (1, date(2026, 10, 5), "D", "A"),
        (2, date(2026, 10, 6), "D", "A"),
        (3, date(2026, 10, 7), "D", "A"),
        (4, date(2026, 10, 5), "K", "B"),
        (5, date(2026, 10, 12), "K", "B"),
        (6, date(2026, 10, 24), "N", "C"),
        (7, date(2026, 10, 8), "D", None),
        (8, date(2026, 10, 9), "K", None),
        (9, date(2026, 10, 10), "D", "D"),
        (10, date(2026, 10, 13), "R", "C"),
        (11, date(2026, 10, 13), "D", None),
        (12, date(2026, 10, 14), "D", "E"),
        (13, date(2026, 10, 20), "R", "A"),
        (90, date(2026, 9, 30), "D", "A"),
        (91, date(2026, 11, 1), "D", "A"),
    ]
    rows: dict[int, int] = {}
    with workspace.transaction() as session:
        for code, (start, end, rast, kind) in SHIFTS.items():
            session.add(
                ShiftType(
                    unit_id=unit.id,
                    code=code,
                    name=code,
                    start_time=start,
                    end_time=end,
                    break_minutes=rast,
                    kind=kind,
                )
            )
        for number, day, code, who in plan:
            start, end, rast, _kind = SHIFTS[code]
            row = ScheduleRow(
                unit_id=unit.id,
                work_date=day,
                start_time=start,
                end_time=end,
                break_minutes=rast,
                shift_code=code,
                employee_id=None if who is None else people[who],
                source="test",
            )
            session.add(row)
            session.flush()
            rows[number] = row.id
        for row_number, who, kind, released in (
            (2, "D", "timavlonad", None),
            (7, "B", "mertid", None),
            (11, "C", "resurspass", 10),
        ):
            session.add(
                ScheduleCover(
                    unit_id=unit.id,
                    row_id=rows[row_number],
                    employee_id=people[who],
                    kind=kind,
                    released_row_id=None if released is None else rows[released],
                    recorded_by="test",
                )
            )
        # A held omtankessamtal in October (A) and a medarbetarsamtal in the cycle (A).
        session.add(
            CareTalk(
                unit_id=unit.id,
                employee_id=people["A"],
                state="genomford",
                signal_date=date(2026, 10, 16),
                occasions=1,
                covers_through=date(2026, 10, 16),
                held_on=date(2026, 10, 20),
            )
        )
        session.add(ReviewTalk(employee_id=people["A"], held_on=date(2026, 9, 15), notes=""))
    for who, kind, first, last, extent in (
        ("A", "sjuk", date(2026, 10, 6), date(2026, 10, 7), 100),
        ("B", "sjuk", date(2026, 10, 12), date(2026, 10, 12), 50),
        ("A", "semester", date(2026, 10, 20), date(2026, 10, 20), 100),
        # B's two earlier sick spells: with October's, three in twelve months.
        ("B", "sjuk", date(2026, 3, 2), date(2026, 3, 3), 100),
        ("B", "sjuk", date(2026, 5, 4), date(2026, 5, 4), 100),
    ):
        save_absence(workspace, AbsenceDraft(people[who], kind, first, last, extent))
    for day, track in (
        (date(2026, 10, 2), Track.LEX_SARAH),
        (date(2026, 10, 15), Track.OTHER),
        (date(2026, 10, 30), Track.WORK_ENVIRONMENT),
        (date(2026, 9, 29), Track.LEX_SARAH),
    ):
        register_incident(
            workspace,
            IncidentDraft(
                occurred_on=day,
                occurred_at=time(10),
                reported_on=day,
                reporter="Rapportör",
                category="fall",
                track=track,
                description="Händelse",
            ),
            today=date(2026, 11, 5),
        )
    return MonthUnit(people, rows)

"""A unit with people who left at different times, for the gallring and registerutdrag tests:
the month report's unit (`month_unit`, October 2026) and three leavers.

F (1006 Fia Falk) left 2024-05-31: two sick spells in 2024, an omtankessamtal closed 2024-05-01,
a medarbetarsamtal with notes in 2023, an exit talk with notes on 2024-05-28.
G (1007 Gun Gran) left 2025-08-31: a sick spell in March 2025, a snoozed signal until
2025-04-01, an exit talk with notes on 2025-08-25.
H (1008 Hans Holm) left 2026-06-30: a sick spell in January 2026, an exit talk with notes on
2026-06-25.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from month_unit import MonthUnit, build_month_unit

from enhetschef_app.domain.absences import AbsenceDraft
from enhetschef_app.domain.staff import EmployeeDraft, EmploymentForm, EndReason
from enhetschef_app.services.absence.absences import save_absence
from enhetschef_app.services.core.workspace import Workspace
from enhetschef_app.services.staff.employees import save_employee
from enhetschef_app.storage import audit
from enhetschef_app.storage.models_absence import CareTalk, CareTalkSnooze
from enhetschef_app.storage.models_people import ExitTalk, ReviewTalk

EXIT_NOTES = "Flyttar norrut, nöjd med arbetsgruppen"


@dataclass
class LeaverUnit:
    month: MonthUnit
    leavers: dict[str, int]  # letter → employee id
    absences: dict[str, list[int]]  # letter → absence ids
    care_talk_f: int
    snooze_g: int


def _leaver(workspace: Workspace, number: str, name: str, end: date) -> int:
    draft = EmployeeDraft(
        employee_no=number,
        name=name,
        form=EmploymentForm.PERMANENT,
        grade_percent=Decimal(100),
        fulltime_week_hours=None,
        start=date(2020, 1, 1),
        end=end,
        end_reason=EndReason.PENSION,
    )
    return save_employee(workspace, draft).id


def build_leaver_unit(workspace: Workspace) -> LeaverUnit:
    unit = workspace.require_unit()
    month = build_month_unit(workspace)
    leavers = {
        "F": _leaver(workspace, "1006", "Fia Falk", date(2024, 5, 31)),
        "G": _leaver(workspace, "1007", "Gun Gran", date(2025, 8, 31)),
        "H": _leaver(workspace, "1008", "Hans Holm", date(2026, 6, 30)),
    }
    absences: dict[str, list[int]] = {"F": [], "G": [], "H": []}
    for who, start, end in (
        ("F", date(2024, 2, 5), date(2024, 2, 9)),
        ("F", date(2024, 4, 1), date(2024, 4, 2)),
        ("G", date(2025, 3, 3), date(2025, 3, 5)),
        ("H", date(2026, 1, 12), date(2026, 1, 14)),
    ):
        view = save_absence(workspace, AbsenceDraft(leavers[who], "sjuk", start, end, 100))
        absences[who].append(view.id)
    with workspace.transaction() as session:
        talk = CareTalk(
            unit_id=unit.id,
            employee_id=leavers["F"],
            state="avslutad",
            signal_date=date(2024, 4, 3),
            occasions=2,
            covers_through=date(2024, 4, 3),
            held_on=date(2024, 4, 10),
            support_text="Stöd med schemaläggning",
            closed_on=date(2024, 5, 1),
        )
        snooze = CareTalkSnooze(
            unit_id=unit.id,
            employee_id=leavers["G"],
            made_on=date(2025, 3, 10),
            until=date(2025, 4, 1),
            reason="Väntar in läkarintyg",
            created_by="ec",
        )
        session.add_all([talk, snooze])
        session.flush()
        # What the omtanke services note of a talk and a snooze (dates, never the text).
        audit.record(
            session,
            actor="ec",
            action="avsluta_omtankessamtal",
            entity="omtankessamtal",
            entity_id=talk.id,
            unit_id=unit.id,
            after={"employee_id": leavers["F"], "closed_on": talk.closed_on},
        )
        audit.record(
            session,
            actor="ec",
            action="vanta_med_signal",
            entity="omtankessignal",
            entity_id=snooze.id,
            unit_id=unit.id,
            after={"employee_id": leavers["G"], "until": snooze.until},
        )
        session.add_all(
            [
                ExitTalk(
                    employee_id=leavers["F"],
                    outcome="genomfort",
                    held_on=date(2024, 5, 28),
                    notes=EXIT_NOTES,
                ),
                ExitTalk(
                    employee_id=leavers["G"],
                    outcome="genomfort",
                    held_on=date(2025, 8, 25),
                    notes=EXIT_NOTES,
                ),
                ExitTalk(
                    employee_id=leavers["H"],
                    outcome="genomfort",
                    held_on=date(2026, 6, 25),
                    notes=EXIT_NOTES,
                ),
                ReviewTalk(
                    employee_id=leavers["F"], held_on=date(2023, 10, 10), notes="Vill gå kurs"
                ),
            ]
        )
        talk_id, snooze_id = talk.id, snooze.id
    return LeaverUnit(month, leavers, absences, talk_id, snooze_id)

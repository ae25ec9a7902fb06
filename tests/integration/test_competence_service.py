"""Competence on a real database file: expiry reminders at their edges, renewals and withdrawn
delegations, the competences valid on a day (for the candidate list) and shift requirements."""

from __future__ import annotations

import json
from datetime import date, time, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from enhetschef_app.cli import main
from enhetschef_app.domain.competence import DelegationDraft, ExpiryState, TrainingKindDraft
from enhetschef_app.domain.errors import FieldProblems, UserError
from enhetschef_app.domain.staff import EmployeeDraft, EmploymentForm
from enhetschef_app.services.core.settings import change_settings
from enhetschef_app.services.core.workspace import Workspace, ensure_unit
from enhetschef_app.services.people.competence import (
    ItemKind,
    competence_overview,
    delete_training,
    end_delegation,
    expiring,
    missing_competences,
    record_training,
    required_competences,
    save_delegation,
    save_training_kind,
    set_shift_requirements,
    shift_requirements,
    training_kinds,
    valid_competences,
)
from enhetschef_app.services.staff.employees import save_employee
from enhetschef_app.storage.models import ShiftType

DAY = date(2026, 11, 24)


def person(ws: Workspace, number: str, name: str, end: date | None = None) -> int:
    draft = EmployeeDraft(
        employee_no=number,
        name=name,
        form=EmploymentForm.PERMANENT,
        grade_percent=Decimal(100),
        fulltime_week_hours=None,
        start=date(2020, 1, 1),
        end=end,
    )
    return save_employee(ws, draft).id


def kind_id(ws: Workspace, name: str) -> int:
    return next(k.id for k in training_kinds(ws) if k.name == name)


def delegate(ws: Workspace, who: int, task: str, first: date, last: date) -> int:
    return save_delegation(ws, who, DelegationDraft(task, "Helena Ström", first, last)).id


def test_the_default_trainings_come_with_the_database(workspace: Workspace) -> None:
    kinds = {k.name: k.validity_months for k in training_kinds(workspace)}
    assert kinds == {
        "Brandskydd": 12,
        "HLR": 12,
        "Sekretess och tystnadsplikt": 24,
        "Basala hygienrutiner": 12,
    }


def test_expiring_within_the_window_at_its_edges(
    workspace: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    anna = person(workspace, "1", "Anna Ålund")
    bo = person(workspace, "2", "Bo Ek")
    gone = person(workspace, "3", "Cia Slutat", end=DAY - timedelta(days=1))
    hlr = kind_id(workspace, "HLR")
    fire = kind_id(workspace, "Brandskydd")
    # HLR valid for 12 months: done on DAY+31-12 months holds until DAY+30 exactly.
    record_training(workspace, anna, hlr, date(2025, 12, 25), day=DAY)  # until 2026-12-24: 30 d
    record_training(workspace, bo, hlr, date(2025, 12, 26), day=DAY)  # until 2026-12-25: 31 d
    record_training(workspace, anna, fire, date(2025, 11, 20), day=DAY)  # expired 4 days ago
    record_training(workspace, bo, fire, date(2025, 11, 20), day=DAY)
    record_training(workspace, bo, fire, date(2026, 11, 20), day=DAY)  # renewed: no reminder
    record_training(workspace, gone, hlr, date(2025, 12, 1), day=DAY)  # has left: not listed
    delegate(workspace, anna, "Insulininjektion", date(2026, 1, 1), DAY)  # the last day
    ended = delegate(workspace, bo, "Insulininjektion", date(2026, 1, 1), DAY + timedelta(5))
    end_delegation(workspace, ended, DAY)  # withdrawn today: no reminder

    found = [(i.employee_name, i.what, i.days_left) for i in expiring(workspace, DAY, 30)]
    assert found == [
        ("Anna Ålund", "Brandskydd", -5),
        ("Anna Ålund", "Insulininjektion", 0),
        ("Anna Ålund", "HLR", 30),
    ]
    assert [i.what for i in expiring(workspace, DAY, 31)][-1] == "HLR"
    assert len(expiring(workspace, DAY, 31)) == 4
    # Without --days the setting decides.
    change_settings(workspace, {"competence.reminder_days": 10})
    assert [i.days_left for i in expiring(workspace, DAY)] == [-5, 0]
    with pytest.raises(UserError):
        expiring(workspace, DAY, -1)

    code = main(
        [
            "--db",
            str(workspace.path),
            "competence",
            "expiring",
            "--days",
            "30",
            "--date",
            DAY.isoformat(),
            "--json",
        ]
    )
    assert code == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[1] == {
        "employee_no": "1",
        "name": "Anna Ålund",
        "type": "delegering",
        "what": "Insulininjektion",
        "delegated_by": "Helena Ström",
        "valid_from": "2026-01-01",
        "valid_until": DAY.isoformat(),
        "days_left": 0,
        "expired": False,
    }
    assert rows[0]["expired"] is True and rows[0]["type"] == "utbildning"
    assert main(["--db", str(workspace.path), "competence", "expiring", "--days", "-1"]) == 2


def test_the_overview_shows_missing_trainings_and_the_latest_of_each(workspace: Workspace) -> None:
    anna = person(workspace, "1", "Anna Ålund")
    hlr = kind_id(workspace, "HLR")
    old = record_training(workspace, anna, hlr, date(2024, 5, 1), day=DAY)
    record_training(workspace, anna, hlr, date(2026, 5, 1), day=DAY)
    first = delegate(workspace, anna, "Insulininjektion", date(2025, 3, 1), date(2026, 2, 28))
    delegate(workspace, anna, "insulininjektion", date(2026, 3, 1), date(2027, 2, 28))
    overview = competence_overview(workspace, DAY)
    states = {(i.kind, i.what): i for i in overview.items}
    assert states[(ItemKind.TRAINING, "HLR")].valid_from == date(2026, 5, 1)
    assert states[(ItemKind.TRAINING, "Brandskydd")].state is ExpiryState.MISSING
    delegations = [i for i in overview.items if i.kind is ItemKind.DELEGATION]
    assert len(delegations) == 1 and delegations[0].record_id != first
    assert delegations[0].valid_until == date(2027, 2, 28)
    delete_training(workspace, old)
    assert len([i for i in competence_overview(workspace, DAY).items if i.what == "HLR"]) == 1

    # A training taken off the list is no longer asked for (but kept where it was done).
    fire = next(k for k in training_kinds(workspace) if k.name == "Brandskydd")
    save_training_kind(workspace, TrainingKindDraft("Brandskydd", 12), fire.id, active=False)
    assert all(i.what != "Brandskydd" for i in competence_overview(workspace, DAY).items)


def test_training_kinds_are_edited_once_by_name(workspace: Workspace) -> None:
    lift = save_training_kind(workspace, TrainingKindDraft("Lyftteknik", 36))
    assert lift.validity_months == 36
    with pytest.raises(FieldProblems):
        save_training_kind(workspace, TrainingKindDraft("Lyftteknik", 12))
    anna = person(workspace, "1", "Anna Ålund")
    record_training(workspace, anna, lift.id, date(2026, 1, 10), day=DAY)
    item = next(i for i in competence_overview(workspace, DAY).items if i.what == "Lyftteknik")
    assert item.valid_until == date(2029, 1, 9)
    with pytest.raises(FieldProblems):
        record_training(workspace, anna, lift.id, DAY + timedelta(1), day=DAY)


def test_valid_competences_on_a_day_for_the_candidate_list(workspace: Workspace) -> None:
    anna = person(workspace, "1", "Anna Ålund")
    bo = person(workspace, "2", "Bo Ek")
    task = "Läkemedelshantering"
    delegate(workspace, anna, task, date(2026, 1, 1), DAY)
    withdrawn = delegate(workspace, bo, task, date(2026, 1, 1), date(2026, 12, 31))
    end_delegation(workspace, withdrawn, DAY)
    record_training(workspace, bo, kind_id(workspace, "HLR"), date(2026, 2, 1), day=DAY)

    on_day = valid_competences(workspace, DAY)
    assert on_day == {anna: {"lakemedelshantering"}, bo: {"hlr"}}
    day_before = valid_competences(workspace, DAY - timedelta(1))
    assert day_before[bo] == {"hlr", "lakemedelshantering"}
    assert valid_competences(workspace, DAY + timedelta(1))[anna] == set()

    # Staff of a neighbour unit are asked for by id.
    other = workspace.with_unit(ensure_unit(workspace, "HT-SYD", "Syd"))
    cecilia = person(other, "9", "Cecilia Syd")
    delegate(other, cecilia, task, date(2026, 6, 1), date(2027, 5, 31))
    assert valid_competences(workspace, DAY, [cecilia, anna]) == {
        cecilia: {"lakemedelshantering"},
        anna: {"lakemedelshantering"},
    }


def test_shift_types_say_which_competences_they_require(workspace: Workspace) -> None:
    unit_id = workspace.require_unit().id
    with workspace.transaction() as session:
        for code, name in (("N", "Natt"), ("D", "Dag")):
            session.add(
                ShiftType(
                    unit_id=unit_id,
                    code=code,
                    name=name,
                    start_time=time(21),
                    end_time=time(7),
                    break_minutes=0,
                    kind="natt",
                )
            )
    set_shift_requirements(workspace, "N", ["Läkemedelshantering", " läkemedelshantering", "HLR"])
    assert required_competences(workspace) == {"N": {"lakemedelshantering", "hlr"}}
    assert [(r.code, r.competences) for r in shift_requirements(workspace)] == [
        ("D", ()),
        ("N", ("HLR", "Läkemedelshantering")),
    ]
    assert missing_competences(["Läkemedelshantering", "HLR"], {"hlr"}) == {"lakemedelshantering"}
    set_shift_requirements(workspace, "N", [])
    assert required_competences(workspace) == {}
    with pytest.raises(UserError):
        set_shift_requirements(workspace, "X", ["HLR"])
    with workspace.transaction() as session:
        assert session.scalars(select(ShiftType.code).order_by(ShiftType.code)).all() == ["D", "N"]


def test_the_candidate_list_leaves_out_who_lacks_the_shifts_delegation(
    workspace: Workspace,
) -> None:
    from enhetschef_app.services.core.unit_neighbours import change_neighbours
    from enhetschef_app.services.schedule.follow_up import cover_candidates
    from enhetschef_app.storage.models import ScheduleRow

    unit_id = workspace.require_unit().id
    with workspace.transaction() as session:
        session.add(
            ShiftType(
                unit_id=unit_id,
                code="K",
                name="Kväll",
                start_time=time(13, 30),
                end_time=time(21, 30),
                break_minutes=30,
                kind="kvall",
            )
        )
    anna = person(workspace, "1", "Anna Delegerad")
    person(workspace, "2", "Bo Utan")
    neighbour = workspace.with_unit(ensure_unit(workspace, "HT-SYD", "Syd"))
    gun = person(neighbour, "9", "Gun Granne")
    change_neighbours(workspace, add=["HT-SYD"])
    delegate(workspace, anna, "Insulininjektion", date(2026, 1, 1), date(2026, 12, 31))
    delegate(neighbour, gun, "insulininjektion", date(2026, 6, 1), date(2027, 5, 31))
    with workspace.transaction() as session:
        row = ScheduleRow(
            unit_id=unit_id,
            work_date=DAY,
            start_time=time(13, 30),
            end_time=time(21, 30),
            break_minutes=30,
            shift_code="K",
            employee_id=None,
        )
        session.add(row)
        session.flush()
        row_id = row.id

    # Nothing required yet: everyone is a candidate.
    before = cover_candidates(workspace, row_id, today=DAY)
    assert {c.name for c in before.candidates} == {"Anna Delegerad", "Bo Utan", "Gun Granne"}

    set_shift_requirements(workspace, "K", ["Insulininjektion"])
    after = cover_candidates(workspace, row_id, today=DAY)
    assert {c.name for c in after.candidates} == {"Anna Delegerad", "Gun Granne"}
    assert {e.person.name: e.reason for e in after.excluded} == {
        "Bo Utan": "Saknar Insulininjektion."
    }

"""Registering, editing, ending and deleting absences on a real database, each in the audit
log, and the list's filters."""

from __future__ import annotations

import json
from datetime import date

import pytest
from absence_helpers import absence, employee, shifts
from sqlalchemy import select

from enhetschef_app.domain.absences import AbsenceDraft
from enhetschef_app.domain.errors import FieldProblems, NotFoundError, UserError
from enhetschef_app.services.absence.absences import (
    delete_absence,
    end_absence,
    list_absences,
    save_absence,
)
from enhetschef_app.services.core.workspace import Workspace
from enhetschef_app.services.overview.today import LineState, day_overview
from enhetschef_app.storage.models import AuditEntry


@pytest.fixture
def workspace(any_workspace: Workspace) -> Workspace:
    """Every test here runs on SQLite and on PostgreSQL."""
    return any_workspace


def audit_rows(workspace: Workspace) -> list[AuditEntry]:
    with workspace.transaction() as session:
        return list(
            session.scalars(
                select(AuditEntry).where(AuditEntry.entity == "franvaro").order_by(AuditEntry.id)
            )
        )


def test_register_edit_end_and_delete_each_leave_an_audit_entry(workspace: Workspace) -> None:
    anna = employee(workspace, "1", "Anna Ålund")
    spell = absence(workspace, anna, "2026-11-02", None)
    assert spell.ongoing and spell.days(date(2026, 11, 24)) == 23

    changed = save_absence(
        workspace, AbsenceDraft(anna, "sjuk", date(2026, 11, 2), None, 50), spell.id
    )
    assert changed.extent_percent == 50
    ended = end_absence(workspace, spell.id, date(2026, 11, 20))
    assert ended.end == date(2026, 11, 20)
    delete_absence(workspace, spell.id)
    assert list_absences(workspace) == []

    entries = audit_rows(workspace)
    assert [e.action for e in entries] == [
        "registrera_franvaro",
        "andra_franvaro",
        "avsluta_franvaro",
        "ta_bort_franvaro",
    ]
    assert json.loads(entries[1].before_json or "{}")["extent_percent"] == 100
    assert json.loads(entries[2].after_json or "{}")["end_date"] == "2026-11-20"
    assert entries[3].after_json is None
    assert all(e.entity_id == str(spell.id) for e in entries)


def test_saving_the_same_values_again_writes_nothing_to_the_audit_log(
    workspace: Workspace,
) -> None:
    anna = employee(workspace, "1", "Anna Ålund")
    spell = absence(workspace, anna, "2026-11-02", "2026-11-03")
    save_absence(workspace, spell.as_draft(), spell.id)
    assert len(audit_rows(workspace)) == 1


def test_an_extension_of_the_same_kind_is_saved_and_a_conflict_names_the_record(
    workspace: Workspace,
) -> None:
    anna = employee(workspace, "1", "Anna Ålund")
    absence(workspace, anna, "2026-11-02", "2026-11-06")
    absence(workspace, anna, "2026-11-05", "2026-11-09")  # the extension, as HR registers it
    with pytest.raises(FieldProblems) as refused:
        absence(workspace, anna, "2026-11-09", "2026-11-09", kind="semester")
    assert refused.value.problems == {
        "start": "Överlappar sjuk 2026-11-05–2026-11-09: tillsammans mer än 100 % samma dag. "
        "Ändra omfattningen eller datumen."
    }
    with pytest.raises(FieldProblems, match="tillsammans mer än 100 %"):
        absence(workspace, anna, "2026-11-05", "2026-11-05", kind="foraldraledig", extent=50)
    absence(workspace, anna, "2026-11-10", None, kind="foraldraledig", extent=50)
    assert len(list_absences(workspace)) == 3


def test_what_cannot_be_saved_says_why(workspace: Workspace) -> None:
    anna = employee(workspace, "1", "Anna Ålund")
    with pytest.raises(FieldProblems) as bad:
        save_absence(
            workspace, AbsenceDraft(anna, "sjuk", date(2026, 11, 5), date(2026, 11, 1), 100)
        )
    assert "end" in bad.value.problems
    with pytest.raises(FieldProblems, match="finns inte i enheten"):
        save_absence(workspace, AbsenceDraft(9999, "sjuk", date(2026, 11, 5), None, 100))
    spell = absence(workspace, anna, "2026-11-02", "2026-11-03")
    with pytest.raises(UserError, match="redan avslutad"):
        end_absence(workspace, spell.id, date(2026, 11, 4))
    open_spell = absence(workspace, anna, "2026-11-10", None)
    with pytest.raises(FieldProblems):
        end_absence(workspace, open_spell.id, date(2026, 11, 9))
    with pytest.raises(NotFoundError):
        delete_absence(workspace, 12345)


def test_the_list_filters_by_person_kind_period_and_ongoing(workspace: Workspace) -> None:
    anna = employee(workspace, "1", "Anna Ålund")
    bo = employee(workspace, "2", "Bo Berg")
    absence(workspace, anna, "2026-03-02", "2026-03-03")
    absence(workspace, anna, "2026-06-01", "2026-06-02", kind="vab")
    absence(workspace, bo, "2026-11-02", None)
    absence(workspace, anna, "2026-12-01", None, kind="foraldraledig", extent=50)

    def starts(**filters: object) -> list[str]:
        return [a.start.isoformat() for a in list_absences(workspace, **filters)]  # type: ignore[arg-type]  # the filters are the function's keywords

    assert starts() == ["2026-12-01", "2026-11-02", "2026-06-01", "2026-03-02"]
    assert starts(employee_id=anna) == ["2026-12-01", "2026-06-01", "2026-03-02"]
    assert starts(kind="vab") == ["2026-06-01"]
    assert starts(period=(date(2026, 3, 3), date(2026, 6, 1))) == ["2026-06-01", "2026-03-02"]
    assert starts(ongoing_on=date(2026, 11, 24)) == ["2026-11-02"]


def test_an_absence_on_a_scheduled_shift_makes_the_row_empty(workspace: Workspace) -> None:
    anna = employee(workspace, "1", "Anna Ålund")
    day = date(2026, 11, 24)
    shifts(workspace, anna, [day])
    assert day_overview(workspace, day).empty_rows == 0
    absence(workspace, anna, "2026-11-23", None)
    overview = day_overview(workspace, day)
    assert overview.empty_rows == 1
    assert [line.state for line in overview.lines] == [LineState.ABSENT]

"""Two people, one unit (issue 21, point 3): the chef and the biträdande chef read the same
record in two programs (two workspaces, two sessions), one saves, and the other's save of the
version she read is refused with "Ändrad av NN kl. HH:MM — läs in igen", her change not
written; read in again, it saves. On SQLite and on PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, time

import pytest
from absence_helpers import absence, employee
from overtime_helpers import TUESDAY, add_employee, add_row
from sqlalchemy import select

from enhetschef_app.domain.errors import ChangedByOtherError, UserError
from enhetschef_app.domain.overtime_requests import RequestStatus, Verdict
from enhetschef_app.domain.year_month import YearMonth
from enhetschef_app.services.absence.absences import (
    end_absence,
    list_absences,
    save_absence,
)
from enhetschef_app.services.core.workspace import Workspace, open_workspace
from enhetschef_app.services.month.report import close_month, month_report_view, save_comment
from enhetschef_app.services.overtime.requests import (
    RequestDraft,
    decide_overtime,
    decision_preview,
    request_history,
    request_overtime,
)
from enhetschef_app.storage.models import Absence, AuditEntry
from enhetschef_app.storage.models_month import MonthReport

CHEF = "Karin Chef"
BITRADANDE = "Bo Biträdande"


@pytest.fixture
def two(any_workspace: Workspace, db_url: str) -> Iterator[tuple[Workspace, Workspace]]:
    """The chef's program and the biträdande chef's, each its own connection to one database."""
    chef = replace(any_workspace, actor=CHEF)
    other = open_workspace(db_url, "HT-TEST")
    other.actor = BITRADANDE
    yield chef, other
    other.close()


def _hhmm(ws: Workspace, entity: str) -> str:
    """The local time of the newest audit entry of `entity`, as the refusal shows it."""
    with ws.transaction() as session:
        at = session.scalars(
            select(AuditEntry.at).where(AuditEntry.entity == entity).order_by(AuditEntry.id.desc())
        ).first()
    assert at is not None
    return at.astimezone().strftime("%H:%M")


def test_a_save_over_a_newer_change_of_an_absence_is_refused_naming_who_and_when(
    two: tuple[Workspace, Workspace],
) -> None:
    chef, other = two
    person = employee(chef, "1001", "Anna Berg")
    absence(chef, person, "2026-11-02", None)
    [seen_by_chef] = list_absences(chef)
    [seen_by_other] = list_absences(other)
    assert seen_by_chef.version == seen_by_other.version

    saved = save_absence(
        chef,
        replace(seen_by_chef.as_draft(), extent_percent=50),
        seen_by_chef.id,
        version=seen_by_chef.version,
    )
    assert saved.version == seen_by_chef.version + 1

    wanted = replace(seen_by_other.as_draft(), end=date(2026, 11, 6))
    with pytest.raises(ChangedByOtherError) as refused:
        save_absence(other, wanted, seen_by_other.id, version=seen_by_other.version)
    assert isinstance(refused.value, UserError)  # the dialogs show it in place
    when = _hhmm(chef, "franvaro")
    assert refused.value.message == f"Ändrad av {CHEF} kl. {when} — läs in igen"
    with pytest.raises(ChangedByOtherError):
        end_absence(other, seen_by_other.id, date(2026, 11, 6), version=seen_by_other.version)

    # The chef's change stands, the biträdande chef's is nowhere.
    with other.transaction() as session:
        stored = session.get(Absence, seen_by_other.id)
        assert stored is not None
        assert (stored.extent_percent, stored.end_date) == (50, None)
        assert (stored.changed_by, stored.version) == (CHEF, saved.version)

    # Read in again, her save goes through, made over the chef's.
    [again] = list_absences(other)
    assert again.extent_percent == 50
    done = save_absence(
        other, replace(again.as_draft(), end=date(2026, 11, 6)), again.id, version=again.version
    )
    assert (done.end, done.extent_percent, done.version) == (date(2026, 11, 6), 50, 3)
    with chef.transaction() as session:
        stored = session.get(Absence, again.id)
        assert stored is not None and stored.changed_by == BITRADANDE


def test_an_update_that_slips_past_the_check_is_refused_by_the_update_itself(
    two: tuple[Workspace, Workspace],
) -> None:
    """The ORM's version check in the UPDATE (StaleDataError) gives the same refusal: a change
    read, then changed by someone else before it is written."""
    chef, other = two
    person = employee(chef, "1001", "Anna Berg")
    made = absence(chef, person, "2026-11-02", None)
    with pytest.raises(ChangedByOtherError) as refused, other.transaction() as session:
        stale = session.get(Absence, made.id)
        assert stale is not None
        save_absence(chef, replace(made.as_draft(), extent_percent=25), made.id, version=1)
        stale.extent_percent = 75  # written at the flush, over version 1
    assert refused.value.who == CHEF
    [now] = list_absences(chef)
    assert now.extent_percent == 25


def _request(ws: Workspace) -> int:
    anna = add_employee(ws, "1", "Anna Ålund")
    add_row(ws, TUESDAY, time(7), time(15, 30), anna)
    draft = RequestDraft("1", TUESDAY, time(15, 30), time(18), "Täcker en tom rad")
    return request_overtime(ws, draft).id


def test_two_decisions_on_one_overtime_request_the_second_is_refused(
    two: tuple[Workspace, Workspace],
) -> None:
    chef, other = two
    request_id = _request(chef)
    read_by_chef = decision_preview(chef, request_id).request
    read_by_other = decision_preview(other, request_id).request

    decide_overtime(
        chef, request_id, Verdict.APPROVED, "Ingen annan kunde", version=read_by_chef.version
    )
    with pytest.raises(ChangedByOtherError) as refused:
        decide_overtime(
            other, request_id, Verdict.REJECTED, "För dyrt", version=read_by_other.version
        )
    assert refused.value.message == (f"Ändrad av {CHEF} kl. {_hhmm(chef, 'overtid')} — läs in igen")
    history = request_history(other, request_id)
    assert [(d.verdict, d.decided_by) for d in history] == [(Verdict.APPROVED, CHEF)]

    # Read in again, her decision is a correction of the chef's.
    again = decision_preview(other, request_id).request
    assert again.status is RequestStatus.APPROVED
    decide_overtime(other, request_id, Verdict.REJECTED, "För dyrt", version=again.version)
    assert [d.verdict for d in request_history(chef, request_id)] == [
        Verdict.APPROVED,
        Verdict.REJECTED,
    ]


OCTOBER = YearMonth(2026, 10)
AFTER = date(2026, 11, 5)


def test_a_month_marked_klar_by_one_is_refused_to_the_other(
    two: tuple[Workspace, Workspace],
) -> None:
    chef, other = two
    read_by_chef = month_report_view(chef, OCTOBER)
    read_by_other = month_report_view(other, OCTOBER)
    assert read_by_chef.version == read_by_other.version == 1  # no row yet

    closed = close_month(chef, OCTOBER, today=AFTER, version=read_by_chef.version)
    assert closed.is_closed
    with pytest.raises(ChangedByOtherError) as refused:
        save_comment(other, OCTOBER, "Lugn månad.", version=read_by_other.version)
    assert refused.value.message.startswith(f"Ändrad av {CHEF} kl. ")
    with pytest.raises(ChangedByOtherError):
        close_month(other, OCTOBER, today=AFTER, version=read_by_other.version)

    with other.transaction() as session:
        [row] = session.scalars(select(MonthReport)).all()
        assert (row.closed_by, row.ec_comment, row.changed_by) == (CHEF, "", CHEF)
    again = month_report_view(other, OCTOBER)
    assert again.is_closed and again.version == closed.version


def test_an_employee_changed_by_the_other_is_refused_until_read_again(
    two: tuple[Workspace, Workspace],
) -> None:
    from enhetschef_app.services.staff.employees import list_employees, save_employee

    chef, other = two
    employee(chef, "1001", "Anna Berg")
    [by_chef] = list_employees(chef)
    [by_other] = list_employees(other)
    save_employee(
        chef, replace(by_chef.as_draft(), name="Anna Berg-Ek"), by_chef.id, version=by_chef.version
    )
    with pytest.raises(ChangedByOtherError) as refused:
        save_employee(
            other,
            replace(by_other.as_draft(), monthly_salary=30000),
            by_other.id,
            version=by_other.version,
        )
    assert refused.value.message.startswith(f"Ändrad av {CHEF} kl. ")
    [again] = list_employees(other)
    assert (again.name, again.monthly_salary) == ("Anna Berg-Ek", by_other.monthly_salary)
    saved = save_employee(
        other, replace(again.as_draft(), monthly_salary=30000), again.id, version=again.version
    )
    assert (saved.name, saved.monthly_salary) == ("Anna Berg-Ek", 30000)


def test_an_omtankessamtal_moved_by_the_other_is_refused_until_read_again(
    two: tuple[Workspace, Workspace],
) -> None:
    from enhetschef_app.domain.care_talks import TalkState, TalkStep
    from enhetschef_app.services.absence.care_talks import apply_talk_step, list_talks

    chef, other = two
    day = date(2026, 11, 24)
    anna = employee(chef, "1001", "Anna Berg")
    invite = TalkStep(TalkState.INVITED, day, at=time(9), place="Kontoret")
    apply_talk_step(chef, anna, invite, as_of=day, today=day)
    [by_chef] = list_talks(chef)
    [by_other] = list_talks(other)
    moved = replace(invite, on=date(2026, 11, 26))
    apply_talk_step(chef, anna, moved, as_of=day, today=day, version=by_chef.version)
    later = replace(invite, on=date(2026, 11, 27), place="Samtalsrummet")
    with pytest.raises(ChangedByOtherError) as refused:
        apply_talk_step(other, anna, later, as_of=day, today=day, version=by_other.version)
    assert refused.value.message.startswith(f"Ändrad av {CHEF} kl. ")
    [again] = list_talks(other)
    assert (again.invited_date, again.place) == (date(2026, 11, 26), "Kontoret")
    done = apply_talk_step(other, anna, later, as_of=day, today=day, version=again.version)
    assert (done.invited_date, done.place) == (date(2026, 11, 27), "Samtalsrummet")


def test_an_avvikelse_edited_by_the_other_is_refused_until_read_again(
    two: tuple[Workspace, Workspace],
) -> None:
    from enhetschef_app.domain.incident_report import IncidentDraft
    from enhetschef_app.domain.incidents import Track
    from enhetschef_app.services.incidents.views import list_incidents
    from enhetschef_app.services.incidents.workflow import register_incident, update_incident

    chef, other = two
    day = date(2026, 11, 24)
    draft = IncidentDraft(
        occurred_on=date(2026, 11, 2),
        occurred_at=time(19, 30),
        reported_on=date(2026, 11, 2),
        reporter="Undersköterska Lisa",
        category="bemotande",
        track=Track.LEX_SARAH,
        description="Brukare fick vänta en timme på hjälp.",
    )
    register_incident(chef, draft, today=day)
    [by_chef] = list_incidents(chef, today=day)
    [by_other] = list_incidents(other, today=day)
    update_incident(
        chef, by_chef.id, replace(draft, reporter="Lisa L"), day, version=by_chef.version
    )
    with pytest.raises(ChangedByOtherError) as refused:
        update_incident(
            other,
            by_other.id,
            replace(draft, description="Annan text."),
            day,
            version=by_other.version,
        )
    assert refused.value.message.startswith(f"Ändrad av {CHEF} kl. ")
    [again] = list_incidents(other, today=day)
    assert (again.reporter, again.description) == ("Lisa L", draft.description)
    done = update_incident(
        other,
        again.id,
        replace(draft, reporter="Lisa L", description="Annan text."),
        day,
        version=again.version,
    )
    assert (done.reporter, done.description) == ("Lisa L", "Annan text.")


def test_a_medarbetarsamtal_moved_by_the_other_is_refused_until_read_again(
    two: tuple[Workspace, Workspace],
) -> None:
    from enhetschef_app.domain.review_talks import TalkPlanDraft
    from enhetschef_app.services.people.reviews import plan_talk, talk_detail

    chef, other = two
    anna = employee(chef, "1001", "Anna Berg")
    planned = plan_talk(chef, anna, TalkPlanDraft(date(2026, 12, 1), time(9), 60, "Kontoret"))
    by_chef = talk_detail(chef, planned.id)
    by_other = talk_detail(other, planned.id)
    moved = TalkPlanDraft(date(2026, 12, 2), time(9), 60, "Kontoret")
    plan_talk(chef, anna, moved, planned.id, version=by_chef.version)
    with pytest.raises(ChangedByOtherError) as refused:
        plan_talk(
            other,
            anna,
            TalkPlanDraft(date(2026, 12, 3), time(10), 60, "Rummet"),
            planned.id,
            version=by_other.version,
        )
    assert refused.value.message.startswith(f"Ändrad av {CHEF} kl. ")
    again = talk_detail(other, planned.id)
    assert again.planned_on == date(2026, 12, 2)
    done = plan_talk(
        other,
        anna,
        TalkPlanDraft(date(2026, 12, 3), time(10), 60, "Rummet"),
        planned.id,
        version=again.version,
    )
    assert (done.planned_on, done.place) == (date(2026, 12, 3), "Rummet")


def test_a_staffing_need_saved_by_the_other_is_refused_until_read_again(
    two: tuple[Workspace, Workspace],
) -> None:
    from enhetschef_app.domain.staffing import NeedBand
    from enhetschef_app.services.schedule.staffing_need import save_staffing_need, staffing_need

    chef, other = two
    read_by_chef = staffing_need(chef)
    read_by_other = staffing_need(other)
    mine = [NeedBand(0, time(7), time(15), 3)]
    assert save_staffing_need(chef, mine, read=read_by_chef)
    with pytest.raises(ChangedByOtherError) as refused:
        save_staffing_need(other, [NeedBand(0, time(7), time(15), 4)], read=read_by_other)
    assert refused.value.message.startswith(f"Ändrad av {CHEF} kl. ")
    again = staffing_need(other)
    assert again == mine
    assert save_staffing_need(other, [NeedBand(0, time(7), time(15), 4)], read=again)

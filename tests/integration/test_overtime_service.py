"""Övertid on a real database: requests by hand, decisions and corrections, running totals that
leave the request itself out, the month's figures, the audit trail."""

from __future__ import annotations

import json
from datetime import date, time, timedelta
from decimal import Decimal

import pytest
from overtime_helpers import (
    TUESDAY,
    add_absence,
    add_employee,
    add_row,
)
from sqlalchemy import select

from enhetschef_app.domain.errors import FieldProblems, NotFoundError, RuleViolation, SensitiveText
from enhetschef_app.domain.overtime_requests import (
    Compensation,
    LimitPassed,
    RequestStatus,
    Verdict,
)
from enhetschef_app.domain.year_month import YearMonth
from enhetschef_app.services.core.settings import change_settings
from enhetschef_app.services.core.workspace import Workspace
from enhetschef_app.services.overtime.figures import overtime_month_figures
from enhetschef_app.services.overtime.form import draft_preview, request_choices
from enhetschef_app.services.overtime.overview import overtime_signals
from enhetschef_app.services.overtime.requests import (
    RequestDraft,
    decide_overtime,
    decision_preview,
    get_request,
    list_requests,
    request_history,
    request_overtime,
)
from enhetschef_app.storage.models import AuditEntry

D = Decimal


@pytest.fixture
def workspace(any_workspace: Workspace) -> Workspace:
    """Every test here runs on SQLite and on PostgreSQL."""
    return any_workspace


@pytest.fixture
def unit(workspace: Workspace) -> Workspace:
    anna = add_employee(workspace, "1", "Anna Ålund")  # full time, 31 500 kr, 38.25 h
    bo = add_employee(workspace, "2", "Bo Berg", grade="75", salary=27000)
    add_employee(workspace, "3", "Cia Ek", grade=None, salary=None)  # timavlönad
    for offset in range(5):
        day = TUESDAY - timedelta(days=1) + timedelta(days=offset)
        add_row(workspace, day, time(7), time(15, 30), anna)
    add_row(workspace, TUESDAY, time(7), time(14), bo, rast=60)
    return workspace


def ask(ws: Workspace, number: str, day: date, start: str, end: str, **extra: object) -> int:
    draft = RequestDraft(
        number,
        day,
        time.fromisoformat(start),
        time.fromisoformat(end),
        str(extra.pop("reason", "Täcker en tom rad")),
        **extra,  # type: ignore[arg-type]  # the draft checks the overrides
    )
    return request_overtime(ws, draft).id


def test_a_request_by_hand_waits_classified_and_priced(unit: Workspace) -> None:
    request_id = ask(unit, "1", TUESDAY, "15:30", "18:00")
    view = get_request(unit, request_id)
    assert view.status is RequestStatus.WAITING
    assert (view.figures.minutes_simple, view.figures.minutes_qualified) == (120, 30)
    # AB's divisors on månadslön 31 500: 2 h × 31 500 / 94 and 0,5 h × 31 500 / 72.
    assert view.figures.cost_simple == D("670.21")
    assert view.figures.cost_qualified == D("218.75")
    assert view.figures.cost == D("888.96")
    assert view.decision is None


def test_a_part_timers_extra_hours_fill_up_to_full_time_as_mertid(unit: Workspace) -> None:
    # Bo (75 %) works 07:00–14:00 (6 h); a full-time day is 38,25 / 5 = 7,65 h.
    view = get_request(unit, ask(unit, "2", TUESDAY, "14:00", "16:00"))
    assert view.figures.minutes_mertid == 99  # 7 h 39 min − 6 h
    assert view.figures.minutes_simple == 21


def test_problems_are_named_per_field(unit: Workspace) -> None:
    with pytest.raises(FieldProblems) as raised:
        ask(unit, "1", TUESDAY, "15:00", "17:00")
    assert "krockar med ett eget pass" in raised.value.problems["start"]
    with pytest.raises(FieldProblems) as raised:
        ask(unit, "9", TUESDAY, "15:30", "17:00")
    assert "9 finns inte" in raised.value.problems["employee"]
    with pytest.raises(FieldProblems) as raised:
        ask(unit, "1", TUESDAY, "15:30", "15:30", reason=" ")
    assert set(raised.value.problems) == {"end", "reason"}


def test_a_personnummer_in_the_reason_is_refused_until_confirmed(unit: Workspace) -> None:
    draft = RequestDraft("1", TUESDAY, time(15, 30), time(17), "Ersätter 19811218-9876")
    with pytest.raises(SensitiveText):
        request_overtime(unit, draft)
    assert request_overtime(unit, draft, reason_confirmed=True).id > 0


def test_approving_records_who_when_why_and_the_figures_of_that_moment(unit: Workspace) -> None:
    request_id = ask(unit, "1", TUESDAY, "15:30", "18:00")
    decision = decide_overtime(unit, request_id, Verdict.APPROVED, "Ingen annan kunde")
    assert decision.decided_by == unit.actor
    assert decision.reason == "Ingen annan kunde"
    assert decision.corrects_id is None
    assert decision.figures.cost == D("888.96")
    assert [c.key for c in decision.checks] == ["four_weeks", "month", "year", "mertid_year"]
    # Later schedule changes do not move what was decided.
    add_row(unit, TUESDAY, time(16), time(20), None)
    assert get_request(unit, request_id).figures.minutes_simple == 120


def test_a_correction_is_a_new_decision_that_refers_to_the_old_one(unit: Workspace) -> None:
    request_id = ask(unit, "1", TUESDAY, "15:30", "18:00")
    first = decide_overtime(unit, request_id, Verdict.APPROVED, "Behövs")
    second = decide_overtime(unit, request_id, Verdict.REJECTED, "Passet blev inte av")
    assert second.corrects_id == first.id
    history = request_history(unit, request_id)
    assert [(d.verdict, d.corrects_id) for d in history] == [
        (Verdict.APPROVED, None),
        (Verdict.REJECTED, first.id),
    ]
    view = get_request(unit, request_id)
    assert view.status is RequestStatus.REJECTED
    assert view.decisions == 2
    with unit.transaction() as session:
        entries = list(
            session.scalars(
                select(AuditEntry)
                .where(AuditEntry.entity == "overtid", AuditEntry.entity_id == str(request_id))
                .order_by(AuditEntry.id)
            )
        )
    assert [e.action for e in entries] == [
        "registrera_overtid",
        "besluta_overtid",
        "ratta_overtidsbeslut",
    ]
    corrected = json.loads(entries[2].after_json or "{}")
    assert corrected["corrects"] == first.id and corrected["reason"] == "Passet blev inte av"
    assert json.loads(entries[2].before_json or "{}")["verdict"] == "approved"


def test_running_totals_leave_the_request_itself_out_when_it_is_corrected(
    unit: Workspace,
) -> None:
    request_id = ask(unit, "1", TUESDAY, "15:30", "18:00")
    decide_overtime(unit, request_id, Verdict.APPROVED, "Behövs")
    other = ask(unit, "1", TUESDAY + timedelta(days=1), "15:30", "17:30")
    month = {c.key: c for c in decision_preview(unit, other).evaluation.checks}["month"]
    assert (month.used_minutes, month.adding_minutes) == (150, 120)
    again = {c.key: c for c in decision_preview(unit, request_id).evaluation.checks}["month"]
    assert (again.used_minutes, again.adding_minutes) == (0, 150)


def test_an_approval_past_a_limit_needs_a_reason_to_go_over_it(unit: Workspace) -> None:
    change_settings(unit, {"overtime.limit_month_hours": 3})
    first = ask(unit, "1", TUESDAY, "15:30", "17:30")
    decide_overtime(unit, first, Verdict.APPROVED, "Behövs")
    second = ask(unit, "1", TUESDAY + timedelta(days=1), "15:30", "17:30")
    assert get_request(unit, second).passed == ("month",)
    signals = overtime_signals(unit)
    assert signals is not None
    assert signals.passing_limits == 1
    with pytest.raises(LimitPassed, match="Allmän övertid per kalendermånad: 2 \\+ 2 = 4 av 3 h"):
        decide_overtime(unit, second, Verdict.APPROVED, "Behövs")
    assert get_request(unit, second).status is RequestStatus.WAITING
    decision = decide_overtime(
        unit, second, Verdict.APPROVED, "Behövs", over_limit_reason="Särskilda skäl"
    )
    assert decision.limits_passed == ("month",)
    assert decision.over_limit_reason == "Särskilda skäl"
    # A rejection passes no limit.
    third = ask(unit, "1", TUESDAY + timedelta(days=2), "15:30", "17:30")
    assert decide_overtime(unit, third, Verdict.REJECTED, "Nej").limits_passed == ()


def test_a_decision_without_a_reason_is_refused(unit: Workspace) -> None:
    request_id = ask(unit, "1", TUESDAY, "15:30", "17:30")
    with pytest.raises(RuleViolation, match="Ange skäl"):
        decide_overtime(unit, request_id, Verdict.REJECTED, "   ")
    with pytest.raises(NotFoundError):
        decide_overtime(unit, 999, Verdict.REJECTED, "x")


def test_komp_pays_the_mertid_and_gives_time_off_for_the_overtime(unit: Workspace) -> None:
    request_id = ask(unit, "2", TUESDAY, "14:00", "17:00", compensation=Compensation.COMP)
    view = get_request(unit, request_id)
    # 14:00–15:39 mertid, 15:39–16:00 enkel (two hours after 14:00), 16:00–17:00 kvalificerad.
    assert (view.figures.minutes_mertid, view.figures.minutes_simple) == (99, 21)
    assert view.figures.minutes_qualified == 60
    assert view.figures.cost_simple == D("0") and view.figures.cost_qualified == D("0")
    assert view.figures.cost_mertid > 0
    assert view.figures.comp_hours == D("2.53")  # 21/60 × 1,5 + 1 × 2,0 = 2,525, half up
    decision = decide_overtime(
        unit, request_id, Verdict.APPROVED, "Ok", compensation=Compensation.MONEY
    )
    assert decision.compensation is Compensation.MONEY
    assert decision.figures.cost_simple > 0


def test_the_hourly_paid_are_ordinary_hours_until_the_months_full_time(unit: Workspace) -> None:
    view = get_request(unit, ask(unit, "3", TUESDAY, "08:00", "12:00"))
    assert view.figures.minutes_hourly == 240
    assert view.figures.overtime_minutes == 0
    assert view.figures.cost == D("0")  # no monthly salary recorded


def test_month_figures_sum_the_decisions_in_force(unit: Workspace) -> None:
    approved = ask(unit, "1", TUESDAY, "15:30", "18:00")
    decide_overtime(unit, approved, Verdict.APPROVED, "Behövs")
    mertid = ask(unit, "2", TUESDAY, "14:00", "15:39")
    decide_overtime(unit, mertid, Verdict.APPROVED, "Behövs")
    corrected = ask(unit, "1", TUESDAY + timedelta(days=1), "15:30", "17:30")
    decide_overtime(unit, corrected, Verdict.APPROVED, "Behövs")
    decide_overtime(unit, corrected, Verdict.REJECTED, "Blev inte av")
    ask(unit, "1", TUESDAY + timedelta(days=2), "15:30", "16:30")  # waiting
    ask(unit, "1", date(2026, 12, 1), "15:30", "16:30")  # another month
    figures = overtime_month_figures(unit, 2026, 11)
    assert (figures.minutes_simple, figures.minutes_qualified, figures.minutes_mertid) == (
        120,
        30,
        99,
    )
    assert (figures.simple_hours, figures.qualified_hours, figures.mertid_hours) == (
        D("2.00"),
        D("0.50"),
        D("1.65"),
    )
    # Bo: 99 min of mertid at 27 000 / 165 per hour = 270,00.
    assert figures.cost_mertid == D("270.00")
    assert figures.cost == D("888.96") + D("270.00")
    assert (figures.approved, figures.people, figures.waiting, figures.rejected) == (2, 2, 1, 1)
    assert overtime_month_figures(unit, 2026, 12).waiting == 1
    assert overtime_month_figures(unit, 2026, 10).cost == D("0.00")


def test_listing_filters_by_month_status_and_person(unit: Workspace) -> None:
    first = ask(unit, "1", TUESDAY, "15:30", "17:00")
    ask(unit, "2", TUESDAY, "14:00", "15:00")
    ask(unit, "1", date(2026, 12, 1), "15:30", "16:30")
    decide_overtime(unit, first, Verdict.APPROVED, "Ok")
    november = YearMonth(2026, 11)
    assert len(list_requests(unit, month=november)) == 2
    assert [v.id for v in list_requests(unit, status=RequestStatus.APPROVED)] == [first]
    assert len(list_requests(unit, status=RequestStatus.WAITING)) == 2
    anna = get_request(unit, first).employee_id
    assert len(list_requests(unit, employee_id=anna)) == 2


def test_a_request_may_name_the_row_or_absence_it_covers(unit: Workspace) -> None:
    with unit.transaction() as session:
        from enhetschef_app.storage.queries.staff import employee_by_number

        bo = employee_by_number(session, unit.require_unit().id, "2")
        assert bo is not None
        bo_id = bo.id
    absence = add_absence(unit, bo_id, TUESDAY + timedelta(days=1), None)
    vacant = add_row(unit, TUESDAY + timedelta(days=1), time(13, 30), time(21, 30), None, "K")
    choices = request_choices(unit, TUESDAY + timedelta(days=1))
    assert {(c.kind, c.ident) for c in choices.covers} == {("row", vacant), ("absence", absence)}
    request_id = ask(unit, "1", TUESDAY + timedelta(days=1), "15:30", "21:30", row_id=vacant)
    assert "Tom rad" in decision_preview(unit, request_id).covers
    # Bo's absence starts the day after: a request on Tuesday cannot say it covers it.
    with pytest.raises(FieldProblems) as raised:
        ask(unit, "1", TUESDAY, "15:30", "17:30", absence_id=absence)
    assert set(raised.value.problems) == {"absence"}


def test_the_draft_preview_shows_the_split_before_saving(unit: Workspace) -> None:
    draft = RequestDraft("1", TUESDAY, time(15, 30), time(18), "x")
    found = draft_preview(unit, draft)
    assert found is not None and found.classification.describe() == (
        "15:30–17:30 enkel övertid, 17:30–18:00 kvalificerad övertid"
    )
    assert draft_preview(unit, RequestDraft("9", TUESDAY, time(1), time(2), "x")) is None

"""Every figure of the month summary on the hand-made unit of `month_unit` (October 2026), each
expected value worked out by hand below from the rows listed there."""

from __future__ import annotations

from datetime import date, time
from decimal import Decimal

import pytest
from month_unit import build_month_unit

from enhetschef_app.domain.absences import AbsenceDraft
from enhetschef_app.domain.actual_schedule import RowState
from enhetschef_app.domain.key_figures import FIGURE_KEYS
from enhetschef_app.services.absence.absences import save_absence
from enhetschef_app.services.core.workspace import Workspace
from enhetschef_app.services.month.summary import MonthSummary, month_summary
from enhetschef_app.services.schedule.state import read_state

D = Decimal


@pytest.fixture
def workspace(any_workspace: Workspace) -> Workspace:
    """Every test here runs on SQLite and on PostgreSQL."""
    return any_workspace


@pytest.fixture
def october(workspace: Workspace) -> MonthSummary:
    build_month_unit(workspace)
    return month_summary(workspace, 2026, 10)


def test_scheduled_and_sick_hours(october: MonthSummary) -> None:
    # Monthly-paid rows (A, B, C, E; not D, not vacant rows):
    # A: rows 1, 2, 3 (D, 8 h each) and 13 (R, 8 h) = 32; B: rows 4, 5 (K, 7.5 h) = 15;
    # C: row 6 (N on the night the clocks go back: 21:00–07:00 is 11 real hours) and 10 (R, 8) =
    # 19; E: row 12 = 8. Together 74 h.
    assert october.value("scheduled_hours") == D("74.00")
    # A sick on rows 2 and 3 (16 h), B 50 % sick on row 5 (3.75 h): 19.75 h.
    assert october.value("sick_hours") == D("19.75")
    # 19.75 / 74 = 26.689... %
    assert october.value("sick_percent") == D("26.69")
    # Both spells are short (2 days and 1 day): all of it korttid, nothing långtid.
    assert october.value("sick_percent_short") == D("26.69")
    assert october.value("sick_percent_long") == D("0.00")


def test_worked_hours_and_the_hourly_paid_share(october: MonthSummary) -> None:
    # Worked: row 1 A 8, row 2 by D (cover) 8, row 4 B 7.5, row 5 B's present half 3.75,
    # row 6 C 11 (DST), row 7 by B (mertid) 8, row 9 D 8, row 11 by C 8, row 12 E 8.
    # Not worked: row 3 (A sick, uncovered), 8 (vacant), 10 (resurspass given up), 13 (A on
    # semester). 8 + 8 + 7.5 + 3.75 + 11 + 8 + 8 + 8 + 8 = 70.25 h.
    assert october.value("worked_hours") == D("70.25")
    # By the hourly paid (D): row 2 as cover and row 9, 16 h.
    assert october.value("hourly_paid_hours") == D("16.00")
    # 16 / 70.25 = 22.7758... %
    assert october.value("hourly_paid_share_percent") == D("22.78")


def test_empty_rows_and_how_they_were_filled(october: MonthSummary) -> None:
    # Empty: 2 (A sick), 3 (A sick), 5 (B half sick), 7 (vacant), 8 (vacant), 11 (vacant).
    # Not empty: 10 (resurspass given up), 13 (an absent person's resurspass).
    assert october.value("empty_rows") == 6
    # Filled: 2 by a timavlönad, 7 with mertid, 11 from a resurspass.
    assert october.value("empty_rows_filled") == 3
    assert october.value("empty_rows_unfilled") == 3
    assert october.details["empty_rows_filled_by"] == {
        "mertid": 1,
        "resurspass": 1,
        "timavlonad": 1,
    }


def test_empty_rows_agree_with_the_schedule_pages(workspace: Workspace) -> None:
    build_month_unit(workspace)
    summary = month_summary(workspace, 2026, 10)
    state = read_state(workspace, date(2026, 10, 1), date(2026, 10, 31))
    states = [s.state for s in state.own_statuses()]
    empty = sum(1 for s in states if s.is_empty or s is RowState.COVERED)
    assert summary.value("empty_rows") == empty
    assert summary.value("empty_rows_filled") == states.count(RowState.COVERED)


def test_absence_occasions_and_talks(october: MonthSummary) -> None:
    # Sick spells starting in October: A on 10-06, B on 10-12 (semester does not count).
    assert october.value("absence_occasions") == 2
    # B has three sick spells in twelve months (March, May, October): due on 10-31.
    assert october.value("care_talks_due") == 1
    # A's omtankessamtal was held on 10-20.
    assert october.value("care_talks_held") == 1


def test_incidents(october: MonthSummary) -> None:
    # 10-02 Lex Sarah, 10-15 övrigt, 10-30 arbetsmiljö; the one of 09-29 is September's.
    assert october.value("incidents") == 3
    assert october.value("incidents_lex_sarah") == 1
    assert october.inputs["incidents"]["by_track"] == {
        "arbetsmiljo": 1,
        "lex_sarah": 1,
        "ovrigt": 1,
    }


def test_people_figures(october: MonthSummary) -> None:
    # On 10-31: A and B tillsvidare, C visstid, D timavlönad; E left on 10-15.
    assert october.value("headcount_tillsvidare") == 2
    assert october.value("headcount_visstid") == 1
    assert october.value("headcount_timavlonad") == 1
    assert october.value("leavers") == 1
    # Of the tillsvidare on 10-31, A works 100 %, B 75 %: 1 of 2.
    assert october.value("fulltime_share_percent") == D("50.00")
    # Tillsvidare leavers Nov 2025–Oct 2026: E. Headcount at the 12 month ends: 3 (A, B, E) for
    # eleven months, 2 at the end of October: mean 35/12. 1 / (35/12) = 34.2857... %
    assert october.value("turnover_percent_12m") == D("34.29")
    # The cycle Sep–Nov 2026 expects A, B and C (D is hourly paid, E leaves in the cycle);
    # A's talk was held on 09-15: 1 of 3.
    assert october.value("reviews_coverage_percent") == D("33.33")


def test_approved_overtime_from_the_overtime_area_is_in_the_summary(workspace: Workspace) -> None:
    from enhetschef_app.domain.overtime_requests import Verdict
    from enhetschef_app.services.overtime.requests import (
        RequestDraft,
        decide_overtime,
        request_overtime,
    )

    build_month_unit(workspace)
    # A works D 07:00–16:00 on Monday 10-05; two hours right after it on a weekday are enkel
    # övertid (AB § 20). A waiting request and a rejected one do not count.
    approved = request_overtime(
        workspace, RequestDraft("1001", date(2026, 10, 5), time(16), time(18), "Täcker kvällen")
    )
    decide_overtime(workspace, approved.id, Verdict.APPROVED, "Behövs")
    rejected = request_overtime(
        workspace, RequestDraft("1001", date(2026, 10, 1), time(7), time(9), "Extra")
    )
    decide_overtime(workspace, rejected.id, Verdict.REJECTED, "Inte nu")
    request_overtime(workspace, RequestDraft("1001", date(2026, 10, 2), time(7), time(9), "Väntar"))

    october = month_summary(workspace, 2026, 10)

    assert october.overtime_recorded is True
    assert october.value("overtime_hours_simple") == D("2.00")
    assert october.value("overtime_hours_qualified") == D("0.00")
    assert october.value("mertid_hours") == D("0.00")
    # A has no monthly salary recorded: hours, but no cost.
    assert october.value("overtime_cost") == D("0.00")
    assert october.details["overtime_requests_waiting"] == 1
    assert october.inputs["overtime_cost"]["total_hours"] == D("2.00")


def test_the_json_has_every_contract_key_as_numbers(october: MonthSummary) -> None:
    data = october.as_dict()
    contract = {
        "unit",
        "month",
        "scheduled_hours",
        "sick_hours",
        "sick_percent",
        "sick_percent_short",
        "sick_percent_long",
        "worked_hours",
        "hourly_paid_hours",
        "hourly_paid_share_percent",
        "overtime_hours_simple",
        "overtime_hours_qualified",
        "mertid_hours",
        "overtime_cost",
        "absence_occasions",
        "care_talks_due",
        "care_talks_held",
        "empty_rows",
        "empty_rows_filled",
        "empty_rows_unfilled",
        "incidents",
        "incidents_lex_sarah",
        "reviews_coverage_percent",
        "headcount_tillsvidare",
        "headcount_visstid",
        "headcount_timavlonad",
        "leavers",
        "turnover_percent_12m",
        "fulltime_share_percent",
        "personnel_cost",
        "personnel_budget",
        "budget_deviation",
        "budget_deviation_ytd",
        "forecast_year",
        "fte_actual",
        "fte_budget",
        "fixed_share_percent",
    }
    assert contract <= set(data)
    assert contract - {"unit", "month"} == set(FIGURE_KEYS)
    assert data["unit"] == "HT-TEST"
    assert data["month"] == "2026-10"
    assert data["sick_percent"] == 26.69  # percent as percent, not 0.2669
    assert data["empty_rows"] == 6
    for key in FIGURE_KEYS:
        figure = data["figures"][key]
        assert figure["definition"].endswith("Period: 2026-10-01–2026-10-31.")
    assert data["figures"]["sick_percent"]["inputs"] == {
        "sick_hours": 19.75,
        "scheduled_hours": 74.0,
    }
    assert data["figures"]["sick_percent"]["target_max"] == 5.0
    assert data["figures"]["sick_percent"]["target_status"] == "over"


def test_the_same_month_gives_the_same_figures(workspace: Workspace) -> None:
    build_month_unit(workspace)
    first = month_summary(workspace, 2026, 10).as_dict()
    second = month_summary(workspace, 2026, 10).as_dict()
    assert first == second


def test_a_month_without_data_has_no_shares(workspace: Workspace) -> None:
    summary = month_summary(workspace, 2026, 10)
    assert summary.value("sick_percent") is None
    assert summary.value("hourly_paid_share_percent") is None
    assert summary.value("worked_hours") == D("0.00")
    assert summary.as_dict()["sick_percent"] is None


def test_a_later_larger_spell_of_the_same_kind_leaves_the_month_as_it_was(
    workspace: Workspace,
) -> None:
    # B is 50 % sick on row 5 (10-12). A whole sick day of hers on 11-01 (a day with a row in
    # the schedule, A's) is another spell: October's rows read as before. (The check of a
    # higher extent on the same day once looked at every row's day instead of the row's own.)
    unit = build_month_unit(workspace)
    row_keys = (
        "worked_hours",
        "hourly_paid_hours",
        "hourly_paid_share_percent",
        "empty_rows",
        "empty_rows_filled",
        "empty_rows_unfilled",
    )
    before = month_summary(workspace, 2026, 10)
    save_absence(
        workspace, AbsenceDraft(unit.people["B"], "sjuk", date(2026, 11, 1), date(2026, 11, 1))
    )
    after = month_summary(workspace, 2026, 10)
    assert after.value("worked_hours") == D("70.25")
    assert after.value("empty_rows") == 6
    assert {k: after.value(k) for k in row_keys} == {k: before.value(k) for k in row_keys}

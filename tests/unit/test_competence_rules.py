"""Trainings and delegations: validity, expiry and the reminder window at their edges; the forms'
checks; the people figures' formulas; the exit talk and the talk record."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from enhetschef_app.domain.competence import (
    DelegationDraft,
    ExpiryState,
    TrainingKindDraft,
    add_months,
    competence_key,
    days_left,
    delegation_last_allowed_day,
    expiry_state,
    is_valid_on,
    needs_reminder,
    training_valid_until,
    validate_delegation,
    validate_training_kind,
)
from enhetschef_app.domain.exit_talks import ExitOutcome, ExitTalkDraft, validate_exit_talk
from enhetschef_app.domain.people_figures import (
    month_ends_back,
    turnover_percent,
)
from enhetschef_app.domain.review_talks import (
    GoalDraft,
    TalkPlanDraft,
    TalkRecordDraft,
    validate_plan,
    validate_record,
)
from enhetschef_app.domain.rounding import percent
from enhetschef_app.domain.staff import EndReason

DAY = date(2026, 11, 24)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2026, 11, 30), 3, date(2027, 2, 28)),
        (date(2026, 3, 15), -12, date(2025, 3, 15)),
    ],
)
def test_add_months_keeps_the_day_or_falls_back_to_the_months_last(
    day: date, months: int, expected: date
) -> None:
    assert add_months(day, months) == expected


def test_a_training_holds_for_its_months_and_a_delegation_for_at_most_a_year() -> None:
    assert training_valid_until(date(2026, 3, 15), 12) == date(2027, 3, 14)
    assert training_valid_until(date(2026, 3, 15), 24) == date(2028, 3, 14)
    assert training_valid_until(date(2026, 3, 15), 0) is None
    assert delegation_last_allowed_day(date(2026, 3, 15)) == date(2027, 3, 14)


@pytest.mark.parametrize(
    ("left", "state"),
    [
        (31, ExpiryState.VALID),
        (30, ExpiryState.EXPIRING),  # exactly the window: reminded
        (1, ExpiryState.EXPIRING),
        (0, ExpiryState.EXPIRING),  # the last valid day
        (-1, ExpiryState.EXPIRED),
    ],
)
def test_the_reminder_window_at_its_edges(left: int, state: ExpiryState) -> None:
    until = DAY + timedelta(days=left)
    assert expiry_state(date(2026, 1, 1), until, DAY, 30) is state
    assert days_left(until, DAY) == left
    assert needs_reminder(date(2026, 1, 1), until, DAY, 30) is (state is not ExpiryState.VALID)
    assert is_valid_on(date(2026, 1, 1), until, DAY) is (left >= 0)


def test_not_started_never_expiring_and_ended() -> None:
    assert expiry_state(DAY + timedelta(1), None, DAY, 30) is ExpiryState.NOT_STARTED
    assert expiry_state(date(2020, 1, 1), None, DAY, 30) is ExpiryState.VALID
    until = DAY + timedelta(10)
    # Withdrawn from tomorrow: still valid today; withdrawn today: no longer.
    assert expiry_state(date(2026, 1, 1), until, DAY, 30, DAY + timedelta(1)) is (
        ExpiryState.EXPIRING
    )
    assert expiry_state(date(2026, 1, 1), until, DAY, 30, DAY) is ExpiryState.ENDED
    assert not needs_reminder(date(2026, 1, 1), until, DAY, 30, DAY)
    assert is_valid_on(date(2026, 1, 1), until, DAY, DAY + timedelta(1))
    assert not is_valid_on(date(2026, 1, 1), until, DAY, DAY)


def test_competences_match_whatever_the_case_accents_and_spacing() -> None:
    assert competence_key("Läkemedelshantering") == competence_key("  LAKEMEDELSHANTERING ")
    assert competence_key("Basala  hygienrutiner") == "basala hygienrutiner"


def test_a_delegation_is_personal_time_limited_and_at_most_a_year() -> None:
    start = date(2026, 3, 15)
    good = DelegationDraft("Insulininjektion", "Helena Ström", start, date(2027, 3, 14))
    assert validate_delegation(good) == {}
    too_long = DelegationDraft("Insulininjektion", "Helena Ström", start, date(2027, 3, 15))
    assert "högst ett år" in validate_delegation(too_long)["valid_to"]
    backwards = DelegationDraft("Insulininjektion", "Helena Ström", start, date(2026, 3, 14))
    assert "före" in validate_delegation(backwards)["valid_to"]
    empty = validate_delegation(DelegationDraft(" ", "", None, None))
    assert set(empty) == {"task", "delegated_by", "valid_from", "valid_to"}


def test_training_kinds_need_a_name_and_a_validity_within_ten_years() -> None:
    assert validate_training_kind(TrainingKindDraft("Lyftteknik", 36)) == {}
    assert set(validate_training_kind(TrainingKindDraft("", 121))) == {"name", "validity_months"}


def test_percent_and_turnover() -> None:
    assert percent(1, 3) == Decimal("33.33")
    assert percent(0, 0) is None
    reasons = [EndReason.PENSION, EndReason.JOB_IN_MUNICIPALITY, None]
    headcounts = [20] * 6 + [22] * 6  # average 21
    assert turnover_percent(reasons, headcounts) == Decimal("14.29")
    assert turnover_percent(reasons, headcounts, exclude_municipal_moves=True) == Decimal("9.52")
    assert turnover_percent([], [0, 0]) is None


def test_the_twelve_month_ends_before_a_month_cross_the_year() -> None:
    ends = month_ends_back(2026, 2, 12)
    assert ends[0] == date(2025, 3, 31)
    assert ends[-1] == date(2026, 2, 28)
    assert len(ends) == 12


def test_an_exit_talk_needs_an_end_date_a_reason_and_for_a_held_talk_its_day() -> None:
    end = date(2026, 12, 31)
    held = ExitTalkDraft(EndReason.PENSION, ExitOutcome.HELD, date(2026, 12, 10), "Tack.")
    assert validate_exit_talk(held, end) == {}
    assert "slutdatum" in validate_exit_talk(held, None)["reason"]
    no_reason = ExitTalkDraft(None, ExitOutcome.DECLINED, None, "")
    assert set(validate_exit_talk(no_reason, end)) == {"reason"}
    no_day = ExitTalkDraft(EndReason.MOVED, ExitOutcome.HELD, None, "")
    assert set(validate_exit_talk(no_day, end)) == {"held_on"}
    far = ExitTalkDraft(EndReason.MOVED, ExitOutcome.HELD, date(2025, 6, 1), "")
    assert "långt från" in validate_exit_talk(far, end)["held_on"]


def test_a_talk_is_planned_with_a_day_and_booked_with_a_time() -> None:
    plan = TalkPlanDraft(date(2026, 10, 5), None, 60, "Kontoret")
    assert validate_plan(plan) == {}
    assert set(validate_plan(plan, for_booking=True)) == {"planned_time"}
    assert set(validate_plan(TalkPlanDraft(None, None, 5, ""))) == {
        "planned_on",
        "duration_minutes",
    }


def test_a_talk_record_checks_its_date_notes_and_goals() -> None:
    goal = GoalDraft("Demens ABC", "Webbutbildning", date(2027, 3, 1), None)
    good = TalkRecordDraft(date(2026, 10, 5), "Trivs.", (goal,))
    assert validate_record(good, DAY) == {}
    future = TalkRecordDraft(DAY + timedelta(1), "", ())
    assert set(validate_record(future, DAY)) == {"held_on"}
    blank_goal = GoalDraft("", "", None, None)
    howless = GoalDraft("", "Något", None, None)
    early = GoalDraft("Mål", "", date(2026, 10, 1), None)
    record = TalkRecordDraft(date(2026, 10, 5), "x" * 2001, (blank_goal, howless, early))
    problems = validate_record(record, DAY)
    assert set(problems) == {"notes", "goal.2", "goal.3"}
    assert problems["goal.2"].startswith("Mål 2:")

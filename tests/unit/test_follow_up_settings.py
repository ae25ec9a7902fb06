"""The dates the talk and action dialogs suggest come from the rule settings, and the
hourly-paid and over-limit questions the dialogs ask are answered by the domain."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from enhetschef_app.domain.care_talks import TalkIntervals
from enhetschef_app.domain.incidents import suggested_action_due
from enhetschef_app.domain.overtime_limits import LimitCheck
from enhetschef_app.domain.overtime_requests import Verdict, over_limit_reason_needed
from enhetschef_app.domain.settings_catalog import SPECS, RuleSettings
from enhetschef_app.domain.staff import EmploymentForm, grade_as_typed


def test_the_defaults_are_what_the_dialogs_used_to_hard_code() -> None:
    intervals = TalkIntervals.from_settings(RuleSettings())
    assert intervals == TalkIntervals(invite_after_days=3, follow_up_weeks=6, snooze_days=14)
    assert RuleSettings().integer("incidents.action_due_days") == 14


def test_the_intervals_are_settings_with_swedish_labels_and_bounds() -> None:
    for key in (
        "absence.care_talk_invite_days",
        "absence.care_talk_follow_up_weeks",
        "absence.care_talk_snooze_days",
        "incidents.action_due_days",
    ):
        spec = SPECS[key]
        assert spec.label and spec.help and spec.unit
        assert spec.minimum is not None and spec.maximum is not None


def test_the_suggested_dates_follow_the_settings() -> None:
    settings = RuleSettings(
        {
            "absence.care_talk_invite_days": 5,
            "absence.care_talk_follow_up_weeks": 4,
            "absence.care_talk_snooze_days": 30,
        }
    )
    intervals = TalkIntervals.from_settings(settings)
    today = date(2026, 11, 20)
    assert intervals.invitation_date(today, date(2026, 11, 1)) == date(2026, 11, 25)
    assert intervals.invitation_date(today, date(2026, 11, 22)) == date(2026, 11, 27)
    assert intervals.follow_up_date(date(2026, 11, 20)) == date(2026, 12, 18)
    assert intervals.snooze_until(today) == date(2026, 12, 20)
    assert suggested_action_due(today, 7) == date(2026, 11, 27)


def test_an_hourly_paid_persons_zero_grade_is_no_grade() -> None:
    assert not EmploymentForm.HOURLY.has_working_time
    assert EmploymentForm.PERMANENT.has_working_time
    assert grade_as_typed(EmploymentForm.HOURLY, Decimal(0)) is None
    assert grade_as_typed(EmploymentForm.PERMANENT, Decimal(0)) == 0
    assert grade_as_typed(EmploymentForm.FIXED_TERM, Decimal("87.5")) == Decimal("87.5")


def test_only_an_approval_past_a_limit_needs_a_reason_to_go_over_it() -> None:
    held = LimitCheck("a", "Gräns", used_minutes=60, adding_minutes=30, limit_minutes=120)
    passed = LimitCheck("b", "Gräns", used_minutes=100, adding_minutes=30, limit_minutes=120)
    assert not over_limit_reason_needed(Verdict.APPROVED, [held])
    assert over_limit_reason_needed(Verdict.APPROVED, [held, passed])
    assert not over_limit_reason_needed(Verdict.REJECTED, [passed])

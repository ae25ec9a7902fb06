"""Requests and decisions in domain: the person's context, what makes a request invalid, where a
cover's rast lies, what a decision needs, running totals and cost to the öre."""

from __future__ import annotations

from datetime import date, time, timedelta
from decimal import Decimal

import pytest

from enhetschef_app.domain.errors import RuleViolation
from enhetschef_app.domain.overtime import (
    ExtraKind,
    OvertimeRules,
    WorkerContext,
    classify,
    overtime_cost,
)
from enhetschef_app.domain.overtime_limits import OvertimeLimits, check_limits
from enhetschef_app.domain.overtime_requests import (
    ApprovedMinutes,
    LimitPassed,
    PersonTerms,
    RequestStatus,
    Verdict,
    WorkedShift,
    centred_break,
    check_decision,
    passed_limits,
    request_problems,
    worker_context,
)
from enhetschef_app.domain.shifts import Shift
from enhetschef_app.domain.staff import EmploymentForm

WEDNESDAY = date(2026, 11, 18)
PART = PersonTerms(EmploymentForm.PERMANENT, Decimal(75), Decimal(40))
HOURLY = PersonTerms(EmploymentForm.HOURLY, None, Decimal(40))


def shift(day: date, start: str, end: str, rast: int = 30) -> Shift:
    return Shift("1", day, time.fromisoformat(start), time.fromisoformat(end), rast)


def test_the_context_counts_the_whole_iso_week_and_approved_mertid_in_it() -> None:
    monday = date(2026, 11, 16)
    worked = [
        WorkedShift(shift(monday, "07:00", "15:30")),  # 8 h
        WorkedShift(shift(WEDNESDAY, "07:00", "11:00", 0)),  # 4 h
        WorkedShift(shift(date(2026, 11, 22), "07:00", "15:30")),  # Sunday, same week: 8 h
        WorkedShift(shift(date(2026, 11, 23), "07:00", "15:30")),  # next week: not counted
        WorkedShift(shift(date(2026, 11, 19), "13:00", "17:00", 0), ordinary=False),  # a cover
    ]
    approved = [ApprovedMinutes(monday, mertid=90), ApprovedMinutes(date(2026, 11, 9), mertid=60)]
    found = worker_context(PART, WEDNESDAY, worked, approved)
    assert found.week_worked_before == timedelta(hours=8 + 4 + 8 + 4, minutes=90)
    # Only the own schedule next to the day decides adjacency and the day's room.
    assert [s.work_date for s in found.ordinary_shifts] == [WEDNESDAY]


def test_the_hourly_paids_month_counts_days_before_the_request_only() -> None:
    worked = [
        WorkedShift(shift(date(2026, 11, 2), "07:00", "15:30")),
        WorkedShift(shift(WEDNESDAY, "07:00", "15:30")),  # the day itself: not before
        WorkedShift(shift(date(2026, 10, 31), "07:00", "15:30")),  # last month
    ]
    approved = [ApprovedMinutes(date(2026, 11, 3), hourly=120, overtime=30)]
    found = worker_context(HOURLY, WEDNESDAY, worked, approved)
    assert found.month_worked_before == timedelta(hours=8, minutes=150)


def test_a_part_timers_request_on_top_of_a_nearly_full_week_becomes_overtime() -> None:
    worked = [
        WorkedShift(shift(date(2026, 11, 16) + timedelta(days=d), "07:00", "15:30")) for d in (0, 1)
    ]
    approved = [ApprovedMinutes(date(2026, 11, 16), mertid=23 * 60)]  # 16 + 23 = 39 h
    found = worker_context(PART, date(2026, 11, 19), worked, approved)
    result = classify(date(2026, 11, 19), time(8), time(10), found, OvertimeRules())
    assert result.minutes(ExtraKind.MERTID) == 60
    assert result.minutes(ExtraKind.QUALIFIED) == 60


def test_centred_break_lies_in_the_middle_to_the_minute() -> None:
    assert centred_break(WEDNESDAY, time(7), time(15, 30), 30) == (time(11), time(11, 30))
    assert centred_break(WEDNESDAY, time(21, 15), time(7, 15), 45) == (time(1, 52), time(2, 37))
    assert centred_break(WEDNESDAY, time(7), time(8), 0) is None
    assert centred_break(WEDNESDAY, time(7), time(7, 20), 30) is None


def test_request_problems_name_each_field() -> None:
    own = [shift(WEDNESDAY, "07:00", "15:30")]
    assert request_problems(WEDNESDAY, time(15, 30), time(18), "Kväll", None, own) == {}
    problems = request_problems(WEDNESDAY, time(15), time(15), " ", None, own)
    assert set(problems) == {"end", "reason"}
    clash = request_problems(WEDNESDAY, time(15), time(17), "x", None, own)
    assert "krockar med ett eget pass" in clash["start"]
    bad_rast = request_problems(WEDNESDAY, time(22), time(2), "x", (time(1), time(3)), [])
    assert set(bad_rast) == {"rast"}
    # A rast after midnight in a request over midnight is inside it.
    assert request_problems(WEDNESDAY, time(22), time(2), "x", (time(0), time(0, 30)), []) == {}


def test_a_decision_needs_a_reason_and_an_approval_past_a_limit_a_reason_to_go_over() -> None:
    approved = [ApprovedMinutes(WEDNESDAY - timedelta(days=3), overtime=47 * 60).as_extra()]
    checks = check_limits(approved, WEDNESDAY, 120, 0, OvertimeLimits())
    with pytest.raises(RuleViolation, match="Ange skäl"):
        check_decision(Verdict.APPROVED, "  ", checks, None)
    with pytest.raises(LimitPassed) as raised:
        check_decision(Verdict.APPROVED, "Behövs", checks, None)
    assert "Allmän övertid per 4 veckor: 47 + 2 = 49 av 48 h" in raised.value.message
    assert [c.key for c in raised.value.passed] == ["four_weeks"]
    passed = check_decision(Verdict.APPROVED, "Behövs", checks, "Särskilda skäl")
    assert [c.key for c in passed] == ["four_weeks"]
    # A rejection passes no limit and needs no reason to go over one.
    assert check_decision(Verdict.REJECTED, "Nej", checks, None) == []
    assert passed_limits(Verdict.REJECTED, checks) == []


def test_a_limit_reached_exactly_is_not_passed() -> None:
    approved = [ApprovedMinutes(date(2026, 11, 2), overtime=48 * 60).as_extra()]
    checks = check_limits(approved, WEDNESDAY, 120, 0, OvertimeLimits())
    by_key = {c.key: c for c in checks}
    assert by_key["month"].after_minutes == 50 * 60
    assert not by_key["month"].exceeded
    assert by_key["four_weeks"].exceeded


def test_limits_follow_the_settings() -> None:
    from enhetschef_app.domain.settings_catalog import RuleSettings

    limits = OvertimeLimits.from_settings(RuleSettings({"overtime.limit_month_hours": 10}))
    checks = {c.key: c for c in check_limits([], WEDNESDAY, 11 * 60, 0, limits)}
    assert checks["month"].exceeded and not checks["four_weeks"].exceeded


def test_verdicts_and_statuses() -> None:
    assert Verdict.from_verb("approve") is Verdict.APPROVED
    assert Verdict.from_verb("reject").status is RequestStatus.REJECTED
    assert RequestStatus.WAITING.label == "Väntar på beslut"


@pytest.mark.parametrize(
    ("salary", "minutes", "expected"),
    [
        # 30 000 / 94 = 319.1489... per hour; 1 min = 5.3191 → 5.32
        (30000, 1, Decimal("5.32")),
        # 7 min: 7/60 × 319.1489 = 37.2340... → 37.23 (rounded at the öre, not per minute)
        (30000, 7, Decimal("37.23")),
        # 25 000 / 94 / 60 = 4.43262 → 4.43
        (25000, 1, Decimal("4.43")),
    ],
)
def test_cost_is_rounded_once_per_kind_to_the_ore(
    salary: int, minutes: int, expected: Decimal
) -> None:
    full = WorkerContext(
        EmploymentForm.PERMANENT,
        Decimal(100),
        Decimal(40),
        [shift(WEDNESDAY, "07:00", "15:30")],
    )
    end = time(15, 30 + minutes)
    result = classify(WEDNESDAY, time(15, 30), end, full, OvertimeRules())
    assert result.minutes(ExtraKind.SIMPLE) == minutes
    cost = overtime_cost(result, Decimal(salary), OvertimeRules())
    assert cost.simple == expected
    assert cost.simple.as_tuple().exponent == -2


def test_half_an_ore_rounds_up_and_less_rounds_down() -> None:
    part = WorkerContext(EmploymentForm.PERMANENT, Decimal(50), Decimal(40), [])
    minute = classify(WEDNESDAY, time(8), time(8, 1), part, OvertimeRules())
    assert minute.minutes(ExtraKind.MERTID) == 1
    # Månadslön 49,50 kr: one minute of mertid is 49.5 / 165 / 60 = 0,005 kr exactly.
    assert overtime_cost(minute, Decimal("49.5"), OvertimeRules()).mertid == Decimal("0.01")
    # 48,51 kr: 0,0049 kr.
    low = overtime_cost(minute, Decimal("48.51"), OvertimeRules())
    assert low.mertid == Decimal("0.00")

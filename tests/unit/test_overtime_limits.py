from __future__ import annotations

from datetime import date, timedelta

from enhetschef_app.domain.overtime_limits import (
    ApprovedExtra,
    LimitCheck,
    OvertimeLimits,
    check_limits,
)

LIMITS = OvertimeLimits()


def by_key(checks: list[LimitCheck]) -> dict[str, LimitCheck]:
    return {c.key: c for c in checks}


def test_nothing_approved_and_a_small_request_is_within_every_limit() -> None:
    checks = check_limits([], date(2026, 11, 17), 150, 0, LIMITS)
    assert not any(c.exceeded for c in checks)
    assert by_key(checks)["month"].describe() == (
        "Allmän övertid per kalendermånad: 0 + 2,5 = 2,5 av 50 h"
    )


def test_the_four_week_limit_is_the_worst_28_days_around_the_day() -> None:
    day = date(2026, 11, 17)
    # 47 h approved 27 days later: that 28-day period holds both.
    approved = [ApprovedExtra(day + timedelta(days=27), 47 * 60, 0)]
    at_limit = by_key(check_limits(approved, day, 60, 0, LIMITS))["four_weeks"]
    assert at_limit.after_minutes == 48 * 60
    assert not at_limit.exceeded
    over = by_key(check_limits(approved, day, 61, 0, LIMITS))["four_weeks"]
    assert over.exceeded
    assert "ÖVER GRÄNSEN" in over.describe()
    far = [ApprovedExtra(day + timedelta(days=28), 47 * 60, 0)]
    assert not by_key(check_limits(far, day, 61, 0, LIMITS))["four_weeks"].exceeded


def test_month_year_and_mertid_totals() -> None:
    approved = [
        ApprovedExtra(date(2026, 10, 31), 20 * 60, 0),
        ApprovedExtra(date(2026, 11, 1), 49 * 60, 0),
        ApprovedExtra(date(2026, 3, 1), 100 * 60, 199 * 60),
        ApprovedExtra(date(2025, 12, 31), 100 * 60, 100 * 60),
    ]
    checks = by_key(check_limits(approved, date(2026, 11, 30), 90, 90, LIMITS))
    assert checks["month"].used_minutes == 49 * 60
    assert checks["month"].exceeded
    assert checks["year"].used_minutes == 169 * 60
    assert not checks["year"].exceeded
    assert checks["mertid_year"].used_minutes == 199 * 60
    assert checks["mertid_year"].exceeded

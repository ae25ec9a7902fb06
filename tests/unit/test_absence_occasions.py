"""Occasions and the omtankessamtal trigger at their edges."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest

from enhetschef_app.domain.absence_occasions import (
    AbsenceRecord,
    CareTalkRules,
    JoinReason,
    Occasion,
    OccasionRules,
    build_occasions,
    count_occasions,
    months_back,
)
from enhetschef_app.domain.settings_catalog import RuleSettings

RULES = OccasionRules()
AS_OF = date(2026, 11, 24)


def sick(start: str, end: str | None, kind: str = "sjuk") -> AbsenceRecord:
    return AbsenceRecord(kind, date.fromisoformat(start), date.fromisoformat(end) if end else None)


def weekend(day: date) -> bool:
    return day.weekday() >= 5


def spans(
    records: list[AbsenceRecord],
    rules: OccasionRules = RULES,
    free: Callable[[date], bool] = weekend,
) -> list[str]:
    occasions, _ = build_occasions(records, rules, AS_OF, free)
    return [f"{o.start}..{o.end}" for o in occasions]


def test_touching_and_overlapping_records_are_one_occasion() -> None:
    assert spans([sick("2026-03-02", "2026-03-04"), sick("2026-03-05", "2026-03-06")]) == [
        "2026-03-02..2026-03-06"
    ]
    assert spans([sick("2026-03-02", "2026-03-05"), sick("2026-03-04", "2026-03-09")]) == [
        "2026-03-02..2026-03-09"
    ]


def test_a_weekend_off_between_two_records_does_not_break_the_spell() -> None:
    friday_monday = [sick("2026-03-04", "2026-03-06"), sick("2026-03-09", "2026-03-10")]
    occasions, _ = build_occasions(friday_monday, RULES, AS_OF, weekend)
    assert [(o.start, o.end, o.joins) for o in occasions] == [
        (date(2026, 3, 4), date(2026, 3, 10), (JoinReason.FREE_DAYS,))
    ]
    # A worked day in between, or the setting off, makes two occasions.
    assert len(spans(friday_monday, free=lambda d: d == date(2026, 3, 7))) == 2
    assert len(spans(friday_monday, OccasionRules(free_days_join=False))) == 2


@pytest.mark.parametrize(("gap_days", "joined"), [(4, True), (5, False)])
def test_relapse_within_five_days_joins_only_when_set(gap_days: int, joined: bool) -> None:
    first = sick("2026-03-02", "2026-03-03")
    restart = date(2026, 3, 3) + timedelta(days=gap_days + 1)
    second = AbsenceRecord("sjuk", restart, restart)
    never_free = lambda _d: False  # noqa: E731
    assert len(spans([first, second], free=never_free)) == 2  # default: a new occasion
    relapse = OccasionRules(relapse_joins=True)
    assert len(spans([first, second], relapse, free=never_free)) == (1 if joined else 2)


def test_other_kinds_are_left_out_and_listed() -> None:
    records = [sick("2026-03-02", "2026-03-03"), sick("2026-03-04", "2026-03-05", "vab")]
    occasions, left_out = build_occasions(records, RULES, AS_OF, weekend)
    assert [o.end for o in occasions] == [date(2026, 3, 3)]
    assert [r.kind for r in left_out] == ["vab"]
    with_vab = OccasionRules(counting_kinds=frozenset({"sjuk", "vab"}))
    assert spans(records, with_vab) == ["2026-03-02..2026-03-05"]


def test_an_ongoing_spell_has_no_end_and_counts_its_days_to_today() -> None:
    occasions, _ = build_occasions([sick("2026-11-01", None)], RULES, AS_OF, weekend)
    (ongoing,) = occasions
    assert ongoing.end is None
    assert ongoing.days(AS_OF) == 24


def test_a_record_starting_after_the_day_asked_about_is_not_counted() -> None:
    occasions, left_out = build_occasions([sick("2026-11-25", "2026-11-26")], RULES, AS_OF)
    assert occasions == []
    assert len(left_out) == 1


def test_the_window_runs_back_twelve_months_both_ends_included() -> None:
    assert months_back(AS_OF, 12) == date(2025, 11, 24)
    assert months_back(date(2026, 3, 31), 1) == date(2026, 2, 28)
    assert months_back(date(2028, 3, 31), 1) == date(2028, 2, 29)
    assert months_back(date(2026, 5, 31), 1) == date(2026, 4, 30)
    # 29 February maps to 28 February, both ways round.
    assert months_back(date(2028, 2, 29), 12) == date(2027, 2, 28)
    assert months_back(date(2029, 2, 28), 12) == date(2028, 2, 28)
    assert months_back(date(2026, 11, 24), 6) == date(2026, 5, 24)


def _occasions(*starts: str) -> list[Occasion]:
    records = [sick(s, s) for s in starts]
    return build_occasions(records, RULES, AS_OF, lambda _d: False)[0]


def test_three_occasions_in_the_window_reach_the_threshold_on_its_first_and_last_day() -> None:
    first_day, today = "2025-11-24", "2026-11-24"
    counted = count_occasions(_occasions(first_day, "2026-05-04", today), AS_OF, CareTalkRules())
    assert counted.reached
    assert len(counted.counted) == 3
    one_day_early = count_occasions(
        _occasions("2025-11-23", "2026-05-04", today), AS_OF, CareTalkRules()
    )
    assert not one_day_early.reached
    assert len(one_day_early.before_window) == 1
    assert "före 2025-11-24" in one_day_early.notes[0]


def test_counting_restarts_after_a_held_talk() -> None:
    occasions = _occasions("2026-01-12", "2026-03-02", "2026-06-01", "2026-09-07")
    talk = date(2026, 6, 1)
    after = count_occasions(occasions, AS_OF, CareTalkRules(), last_held_talk=talk)
    assert [o.start for o in after.counted] == [date(2026, 6, 1), date(2026, 9, 7)]
    assert not after.reached
    assert len(after.before_talk) == 2
    no_restart = CareTalkRules(restart_after_talk=False)
    assert count_occasions(occasions, AS_OF, no_restart, last_held_talk=talk).reached


def test_rules_follow_the_settings() -> None:
    settings = RuleSettings(
        {"absence.care_talk_threshold": 4, "absence.counting_kinds": ["sjuk", "vab"]}
    )
    assert CareTalkRules.from_settings(settings).threshold == 4
    assert OccasionRules.from_settings(settings).counting_kinds == {"sjuk", "vab"}

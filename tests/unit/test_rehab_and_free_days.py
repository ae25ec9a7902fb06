"""Rehab milestones of a sick spell, and free days between records (schedule or fallback)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from enhetschef_app.domain.absence_occasions import (
    AbsenceRecord,
    OccasionRules,
    build_occasions,
    record_gaps,
)
from enhetschef_app.domain.free_days import ScheduleSpan, gap_is_free, is_usual_day_off
from enhetschef_app.domain.rehab_milestones import MilestoneKind, spell_milestones

START = date(2026, 9, 1)


def kinds(start: date, end: date | None) -> list[MilestoneKind]:
    return [m.spec.kind for m in spell_milestones(start, end)]


def test_an_ongoing_spell_gets_every_milestone_dated_from_day_one() -> None:
    milestones = spell_milestones(START, None)
    assert [(m.day, m.due) for m in milestones] == [
        (8, date(2026, 9, 8)),
        (15, date(2026, 9, 15)),
        (30, date(2026, 9, 30)),
        (90, date(2026, 11, 29)),
        (180, date(2027, 2, 27)),
        (365, date(2027, 8, 31)),
    ]
    fk = milestones[1]
    assert fk.latest == date(2026, 9, 21)  # dag 21
    assert milestones[2].conditional  # plan för återgång: only if expected > 60 days


def test_a_short_spell_reaches_no_milestone_and_a_week_only_the_first() -> None:
    assert kinds(START, START + timedelta(days=6)) == []
    assert kinds(START, START + timedelta(days=7)) == [MilestoneKind.DOCTORS_CERTIFICATE]
    assert kinds(START, START + timedelta(days=13)) == [MilestoneKind.DOCTORS_CERTIFICATE]
    assert kinds(START, START + timedelta(days=14)) == [
        MilestoneKind.DOCTORS_CERTIFICATE,
        MilestoneKind.FK_REPORT,
    ]


def test_the_return_plan_only_when_the_spell_is_expected_past_sixty_days() -> None:
    assert MilestoneKind.RETURN_PLAN not in kinds(START, START + timedelta(days=59))
    long = spell_milestones(START, START + timedelta(days=60))
    plan = next(m for m in long if m.spec.kind is MilestoneKind.RETURN_PLAN)
    assert not plan.conditional


def test_a_milestone_knows_its_week() -> None:
    (first, *_rest) = spell_milestones(START, None)  # 2026-09-08, a Tuesday
    assert first.in_week_of(date(2026, 9, 7)) and first.in_week_of(date(2026, 9, 13))
    assert not first.in_week_of(date(2026, 9, 14))


def test_usual_days_off_are_weekends_holidays_and_eves() -> None:
    assert is_usual_day_off(date(2026, 11, 28))  # Saturday
    assert is_usual_day_off(date(2026, 12, 24))  # julafton, a Thursday
    assert is_usual_day_off(date(2026, 6, 19))  # midsommarafton
    assert not is_usual_day_off(date(2026, 11, 24))


SPAN = ScheduleSpan(date(2026, 3, 1), date(2026, 3, 31))


def test_inside_the_schedule_the_persons_shifts_decide() -> None:
    # Tuesday to Thursday with no shift of theirs: free, though they are weekdays.
    assert gap_is_free(date(2026, 3, 10), date(2026, 3, 12), None, SPAN)
    assert not gap_is_free(date(2026, 3, 10), date(2026, 3, 12), date(2026, 3, 11), SPAN)
    # A shift outside the run says nothing about it.
    assert gap_is_free(date(2026, 3, 10), date(2026, 3, 12), date(2026, 3, 13), SPAN)


def test_outside_the_schedule_weekends_and_holidays_stand_in() -> None:
    assert gap_is_free(date(2026, 4, 4), date(2026, 4, 6), None, SPAN)  # påskafton..annandag
    assert not gap_is_free(date(2026, 4, 7), date(2026, 4, 7), None, SPAN)  # a Tuesday
    assert gap_is_free(date(2026, 2, 28), date(2026, 3, 3), None, SPAN)  # Sat, then scheduled
    assert gap_is_free(date(2026, 11, 28), date(2026, 11, 29), None, None)


records_strategy = st.lists(
    st.tuples(st.integers(0, 60), st.integers(0, 6), st.booleans()), min_size=1, max_size=8
)


@given(records_strategy, st.sets(st.integers(0, 80)))
def test_the_gaps_listed_are_exactly_the_ones_the_join_rule_asks_about(
    raw: list[tuple[int, int, bool]], worked: set[int]
) -> None:
    base = date(2026, 1, 1)
    as_of = base + timedelta(days=70)
    records = [
        AbsenceRecord(
            "sjuk", base + timedelta(days=s), None if open_ else base + timedelta(days=s + n)
        )
        for s, n, open_ in raw
    ]
    asked: list[tuple[date, date]] = []

    def gap(first: date, last: date) -> bool:
        asked.append((first, last))
        return all((d - base).days not in worked for d in _days(first, last))

    rules = OccasionRules()
    by_gaps, _ = build_occasions(records, rules, as_of, gap_is_free=gap)
    assert asked == record_gaps(records, rules, as_of)
    by_days, _ = build_occasions(records, rules, as_of, lambda d: (d - base).days not in worked)
    assert by_gaps == by_days


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]

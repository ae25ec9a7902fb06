"""The omtankessamtal's workflow and who is due: every step, the refused ones in Swedish, and
the verdict on a signal (invited, handled, snoozed, due)."""

from __future__ import annotations

import itertools
from datetime import date, time

import pytest

from enhetschef_app.domain.absence_occasions import (
    AbsenceRecord,
    CareTalkRules,
    OccasionCount,
    OccasionRules,
    build_occasions,
    count_occasions,
)
from enhetschef_app.domain.care_talks import (
    TRANSITIONS,
    SignalStatus,
    Snooze,
    TalkFacts,
    TalkRecord,
    TalkState,
    TalkStep,
    active_snooze,
    check_transition,
    judge_signal,
    last_held_talk,
    step_warnings,
    validate_snooze,
    validate_step,
)
from enhetschef_app.domain.errors import RuleViolation

TODAY = date(2026, 11, 24)
SIGNAL = date(2026, 11, 20)

LEGAL = {(current, target) for current, targets in TRANSITIONS.items() for target in targets}
ALL_PAIRS = [(a, b) for a in TalkState for b in TalkState if b is not TalkState.DUE]


@pytest.mark.parametrize(("current", "target"), ALL_PAIRS)
def test_every_step_is_allowed_or_refused_in_swedish(current: TalkState, target: TalkState) -> None:
    if (current, target) in LEGAL:
        check_transition(current, target)
        return
    with pytest.raises(RuleViolation) as refused:
        check_transition(current, target)
    assert f"Omtankessamtalet är {current.label.lower()}" in refused.value.message


def test_the_main_path_and_its_side_doors() -> None:
    path = [
        TalkState.DUE,
        TalkState.INVITED,
        TalkState.HELD,
        TalkState.FOLLOWED_UP,
        TalkState.CLOSED,
    ]
    for current, target in itertools.pairwise(path):
        check_transition(current, target)
    for side in (TalkState.DECLINED, TalkState.NOT_NEEDED):
        check_transition(TalkState.DUE, side)
        check_transition(TalkState.INVITED, side)
    check_transition(TalkState.INVITED, TalkState.INVITED)  # a new time


@pytest.mark.parametrize(
    ("current", "target", "advice"),
    [
        (TalkState.DUE, TalkState.HELD, "Bjud in till samtalet först"),
        (TalkState.HELD, TalkState.CLOSED, "Följ upp samtalet"),
        (TalkState.INVITED, TalkState.FOLLOWED_UP, "genomfört"),
        (TalkState.CLOSED, TalkState.INVITED, "ett nytt samtal börjar med en ny signal"),
        (TalkState.DECLINED, TalkState.HELD, "ny signal"),
    ],
)
def test_a_refused_step_says_what_to_do(current: TalkState, target: TalkState, advice: str) -> None:
    with pytest.raises(RuleViolation, match=advice):
        check_transition(current, target)


def facts(state: TalkState = TalkState.INVITED, **kw: object) -> TalkFacts:
    return TalkFacts(state, SIGNAL, **kw)  # type: ignore[arg-type]  # the facts check the overrides


def test_an_invitation_needs_date_time_and_place_on_or_after_the_signal() -> None:
    good = TalkStep(TalkState.INVITED, date(2026, 11, 27), time(9, 30), "Chefens kontor")
    assert validate_step(facts(TalkState.DUE), good, TODAY) == {}
    bare = TalkStep(TalkState.INVITED, None, None, " ", minutes=5)
    assert set(validate_step(facts(TalkState.DUE), bare, TODAY)) == {"on", "at", "place", "minutes"}
    early = TalkStep(TalkState.INVITED, date(2026, 11, 19), time(9), "Kontoret")
    assert "före signalen" in validate_step(facts(TalkState.DUE), early, TODAY)["on"]


def test_a_held_talk_is_in_the_past_with_support_and_a_later_follow_up() -> None:
    good = TalkStep(
        TalkState.HELD, TODAY, text="Kortare pass i två veckor", follow_up=date(2027, 1, 5)
    )
    assert validate_step(facts(), good, TODAY) == {}
    future = TalkStep(TalkState.HELD, date(2026, 11, 25), text="x", follow_up=date(2027, 1, 5))
    assert "efter idag" in validate_step(facts(), future, TODAY)["on"]
    missing = TalkStep(TalkState.HELD, TODAY, text=" ", follow_up=TODAY)
    problems = validate_step(facts(), missing, TODAY)
    assert set(problems) == {"text", "follow_up"}
    long = TalkStep(TalkState.HELD, TODAY, text="x" * 501, follow_up=date(2027, 1, 5))
    assert "Högst 500 tecken" in validate_step(facts(), long, TODAY)["text"]


def test_follow_up_and_closing_keep_their_order() -> None:
    held = facts(TalkState.HELD, held_on=date(2026, 11, 10))
    early = TalkStep(TalkState.FOLLOWED_UP, date(2026, 11, 9))
    assert "före samtalet" in validate_step(held, early, TODAY)["on"]
    followed = facts(TalkState.FOLLOWED_UP, held_on=date(2026, 11, 10), followed_up_on=TODAY)
    assert validate_step(followed, TalkStep(TalkState.CLOSED, TODAY), TODAY) == {}
    assert (
        "före uppföljningen"
        in validate_step(followed, TalkStep(TalkState.CLOSED, date(2026, 11, 23)), TODAY)["on"]
    )


def test_declining_or_dropping_needs_a_reason() -> None:
    for target in (TalkState.DECLINED, TalkState.NOT_NEEDED):
        assert validate_step(facts(), TalkStep(target, TODAY, text=""), TODAY) == {
            "text": "Skriv skälet."
        }
        assert validate_step(facts(), TalkStep(target, TODAY, text="Tackade nej"), TODAY) == {}


def test_health_details_and_personnummer_in_the_notes_are_warned_about() -> None:
    step = TalkStep(TalkState.HELD, TODAY, text="Har migrän, pnr 19811218-9876")
    warnings = step_warnings(step)
    assert any("personnummer" in w for w in warnings)
    assert any("migran" in w for w in warnings)
    assert step_warnings(TalkStep(TalkState.HELD, TODAY, text="Kortare pass")) == []


# -- the verdict -----------------------------------------------------------------------------


def count_on(day: date, *starts: str, held: date | None = None) -> OccasionCount:
    records = [AbsenceRecord("sjuk", date.fromisoformat(s), date.fromisoformat(s)) for s in starts]
    occasions, _ = build_occasions(records, OccasionRules(), day, lambda _d: False)
    return count_occasions(occasions, day, CareTalkRules(), held)


THREE = ("2026-03-02", "2026-06-01", "2026-09-07")


def talk(state: TalkState, covers: str, **kw: object) -> TalkRecord:
    return TalkRecord(1, state, SIGNAL, date.fromisoformat(covers), **kw)  # type: ignore[arg-type]  # the record checks the overrides


def test_below_the_threshold_there_is_no_signal() -> None:
    assert judge_signal(count_on(TODAY, *THREE[:2]), [], []) is None


def test_three_occasions_and_nothing_done_is_due() -> None:
    verdict = judge_signal(count_on(TODAY, *THREE), [], [])
    assert verdict is not None and verdict.status is SignalStatus.DUE


def test_an_invited_talk_keeps_the_person_from_being_due() -> None:
    invited = talk(TalkState.INVITED, "2026-09-07", invited_date=date(2026, 11, 27))
    verdict = judge_signal(count_on(TODAY, *THREE), [invited], [])
    assert verdict is not None and verdict.status is SignalStatus.INVITED
    assert "2026-11-27" in verdict.why


def test_a_decided_talk_covers_its_occasions_until_a_new_one_comes() -> None:
    for state in (TalkState.DECLINED, TalkState.NOT_NEEDED, TalkState.CLOSED):
        decided = talk(state, "2026-09-07")
        verdict = judge_signal(count_on(TODAY, *THREE), [decided], [])
        assert verdict is not None and verdict.status is SignalStatus.HANDLED
        again = judge_signal(count_on(TODAY, *THREE, "2026-11-23"), [decided], [])
        assert again is not None and again.status is SignalStatus.DUE


def test_a_talk_raised_after_the_day_asked_about_is_not_seen() -> None:
    later = TalkRecord(1, TalkState.INVITED, date(2026, 12, 1), date(2026, 9, 7))
    verdict = judge_signal(count_on(TODAY, *THREE), [later], [])
    assert verdict is not None and verdict.status is SignalStatus.DUE


def test_a_held_talk_restarts_the_count() -> None:
    held = talk(TalkState.HELD, "2026-09-07", held_on=date(2026, 10, 1))
    assert last_held_talk([held]) == date(2026, 10, 1)
    count = count_on(TODAY, *THREE, "2026-11-02", held=last_held_talk([held]))
    assert judge_signal(count, [held], []) is None


def test_a_snooze_holds_until_its_date_and_not_a_day_longer() -> None:
    snooze = Snooze(1, date(2026, 11, 20), date(2026, 12, 1), "Efter semestern")
    verdict = judge_signal(count_on(date(2026, 11, 30), *THREE), [], [snooze])
    assert verdict is not None and verdict.status is SignalStatus.SNOOZED
    assert "2026-12-01" in verdict.why
    on_the_day = judge_signal(count_on(date(2026, 12, 1), *THREE), [], [snooze])
    assert on_the_day is not None and on_the_day.status is SignalStatus.DUE
    assert active_snooze([snooze], date(2026, 11, 19)) is None  # not yet made


def test_a_snooze_needs_a_later_date_and_a_reason() -> None:
    assert validate_snooze(date(2026, 12, 8), "Efter semestern", TODAY) == {}
    assert set(validate_snooze(TODAY, "", TODAY)) == {"until", "reason"}
    assert "ett år" in validate_snooze(date(2027, 12, 1), "x", TODAY)["until"]

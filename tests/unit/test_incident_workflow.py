"""Every legal and illegal transition of each track, and the deadline warnings on their edges."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from enhetschef_app.domain.errors import RuleViolation
from enhetschef_app.domain.incidents import (
    STATE_ORDER,
    IncidentFacts,
    IncidentState,
    Track,
    WorkEnvironmentKind,
    check_transition,
    deadline_warnings,
    incident_number,
)

NEW, INV, REM, CLOSED = STATE_ORDER
REPORTED = date(2026, 11, 2)


def complete(track: Track) -> IncidentFacts:
    """A report with every step of its track recorded."""
    return IncidentFacts(
        track=track,
        state=NEW,
        reported_on=REPORTED,
        immediate_action="Rutinen ändrad samma dag",
        investigation_done_on=date(2026, 11, 9),
        serious=True,
        reported_to_ivo_on=date(2026, 11, 10),
        handed_to_mas_on=date(2026, 11, 3),
        work_environment_kind=WorkEnvironmentKind.INJURY,
        reported_to_av_on=date(2026, 11, 3),
        reported_to_fk_on=date(2026, 11, 4),
    )


@pytest.mark.parametrize("track", list(Track))
def test_a_complete_report_walks_forward_one_step_at_a_time(track: Track) -> None:
    facts = complete(track)
    for target in (INV, REM, CLOSED):
        check_transition(facts, target)
        facts = replace(facts, state=target)


@pytest.mark.parametrize("track", list(Track))
@pytest.mark.parametrize(
    ("start", "target"),
    [(NEW, REM), (NEW, CLOSED), (INV, CLOSED), (REM, NEW), (INV, NEW), (CLOSED, REM), (NEW, NEW)],
)
def test_skipping_or_going_back_is_refused(
    track: Track, start: IncidentState, target: IncidentState
) -> None:
    with pytest.raises(RuleViolation, match="nästa steg"):
        check_transition(replace(complete(track), state=start), target)


def test_a_closed_report_can_be_reopened() -> None:
    check_transition(replace(complete(Track.OTHER), state=CLOSED), INV)


@pytest.mark.parametrize(
    ("track", "change", "target", "named"),
    [
        (Track.LEX_SARAH, {"immediate_action": " "}, INV, "åtgärd direkt"),
        (Track.LEX_SARAH, {"investigation_done_on": None}, REM, "dokumenterad utredning"),
        (Track.LEX_SARAH, {"serious": None}, REM, "allvarligt"),
        (Track.LEX_SARAH, {"reported_to_ivo_on": None}, CLOSED, "IVO"),
        (Track.LEX_MARIA, {"handed_to_mas_on": None}, REM, "MAS"),
        (Track.WORK_ENVIRONMENT, {"work_environment_kind": None}, INV, "tillbud, olycka"),
        (Track.WORK_ENVIRONMENT, {"reported_to_fk_on": None}, CLOSED, "Försäkringskassan"),
        (Track.OTHER, {"open_actions": 2}, CLOSED, "2 åtgärder"),
    ],
)
def test_a_missing_step_is_named(
    track: Track, change: dict[str, object], target: IncidentState, named: str
) -> None:
    before = STATE_ORDER[STATE_ORDER.index(target) - 1]
    facts = replace(complete(track), state=before, **change)  # type: ignore[arg-type]  # replace() checks the field names
    with pytest.raises(RuleViolation, match=named):
        check_transition(facts, target)


def test_a_lex_sarah_that_is_not_serious_needs_no_ivo_report() -> None:
    facts = replace(complete(Track.LEX_SARAH), state=REM, serious=False, reported_to_ivo_on=None)
    check_transition(facts, CLOSED)


def test_an_accident_needs_arbetsmiljoverket_and_a_near_miss_nothing() -> None:
    accident = replace(
        complete(Track.WORK_ENVIRONMENT),
        state=REM,
        work_environment_kind=WorkEnvironmentKind.ACCIDENT,
        reported_to_av_on=None,
    )
    with pytest.raises(RuleViolation, match="Arbetsmiljöverket"):
        check_transition(accident, CLOSED)
    near_miss = replace(accident, work_environment_kind=WorkEnvironmentKind.NEAR_MISS)
    check_transition(near_miss, CLOSED)


@pytest.mark.parametrize(("today", "late"), [(date(2026, 11, 16), 0), (date(2026, 11, 17), 1)])
def test_ivo_warning_starts_the_day_after_the_deadline(today: date, late: int) -> None:
    facts = replace(complete(Track.LEX_SARAH), reported_to_ivo_on=None)
    warnings = deadline_warnings(facts, today, ivo_days=14)
    assert [w.days_over for w in warnings] == ([late] if late else [])
    reported = complete(Track.LEX_SARAH)
    assert deadline_warnings(reported, date(2026, 12, 24), ivo_days=14) == []


def test_numbers_are_padded() -> None:
    assert incident_number(2026, 42) == "AVV-2026-0042"

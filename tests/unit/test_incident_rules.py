"""Avvikelser rules beyond the single steps: every state pair of every track, the report-step
and closing deadlines on their edge days, actions, the report's own checks, and the timeline."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time
from decimal import Decimal
from itertools import product

import pytest

from enhetschef_app.domain.errors import RuleViolation
from enhetschef_app.domain.incident_report import (
    TRACK_STEPS,
    ActionDraft,
    EventKind,
    IncidentDraft,
    IncidentSteps,
    Seriousness,
    describe_event,
    median_days,
    step_value_text,
    validate_action,
    validate_incident,
    validate_steps,
)
from enhetschef_app.domain.incidents import (
    STATE_ORDER,
    IncidentFacts,
    IncidentState,
    Track,
    WorkEnvironmentKind,
    action_overdue,
    category_label,
    check_transition,
    deadline_warnings,
    missing_steps,
    next_state,
)

NEW, INV, REM, CLOSED = STATE_ORDER
REPORTED = date(2026, 11, 2)
TODAY = date(2026, 11, 24)


def ready(track: Track, state: IncidentState) -> IncidentFacts:
    """A report in `state` with every step its track needs already recorded."""
    return IncidentFacts(
        track=track,
        state=state,
        reported_on=REPORTED,
        immediate_action="Larmet kopplades in igen",
        investigation_done_on=date(2026, 11, 9),
        serious=True,
        reported_to_ivo_on=date(2026, 11, 10),
        handed_to_mas_on=date(2026, 11, 3),
        work_environment_kind=WorkEnvironmentKind.ACCIDENT,
        reported_to_av_on=date(2026, 11, 3),
        reported_to_fk_on=date(2026, 11, 4),
    )


@pytest.mark.parametrize(
    ("track", "start", "target"), list(product(Track, STATE_ORDER, STATE_ORDER))
)
def test_every_pair_of_states_is_allowed_only_one_step_on_or_as_a_reopening(
    track: Track, start: IncidentState, target: IncidentState
) -> None:
    legal = STATE_ORDER.index(target) == STATE_ORDER.index(start) + 1 or (
        start is CLOSED and target is INV
    )
    facts = ready(track, start)
    if legal:
        check_transition(facts, target)
    else:
        with pytest.raises(RuleViolation) as refused:
            check_transition(facts, target)
        assert "nästa steg är" in refused.value.message


@pytest.mark.parametrize("track", list(Track))
def test_a_new_report_with_nothing_recorded_names_what_each_track_lacks(track: Track) -> None:
    bare = IncidentFacts(track=track, state=NEW, reported_on=REPORTED)
    expected = {
        Track.LEX_SARAH: ["åtgärd direkt"],
        Track.LEX_MARIA: [],
        Track.WORK_ENVIRONMENT: ["typ av händelse"],
        Track.OTHER: [],
    }[track]
    missing = missing_steps(bare, INV)
    assert [m.split(" (")[0] for m in missing] == expected
    if not expected:
        check_transition(bare, INV)


def test_the_steps_are_named_together_when_several_are_missing() -> None:
    facts = replace(ready(Track.LEX_SARAH, INV), investigation_done_on=None, serious=None)
    with pytest.raises(RuleViolation) as refused:
        check_transition(facts, REM)
    assert refused.value.message == (
        "Avvikelsen kan inte bli åtgärdad än. Saknas: dokumenterad utredning; beslut om "
        "missförhållandet är allvarligt."
    )


def test_a_reopened_report_needs_nothing_more_and_then_walks_on() -> None:
    facts = replace(ready(Track.LEX_MARIA, CLOSED), handed_to_mas_on=None)
    check_transition(facts, INV)  # reopening never asks for steps
    with pytest.raises(RuleViolation, match="MAS"):
        check_transition(replace(facts, state=INV), REM)


def test_next_state() -> None:
    assert [next_state(s) for s in STATE_ORDER] == [INV, REM, CLOSED, None]


# -- deadlines on their edge days --------------------------------------------------------------


@pytest.mark.parametrize(
    ("track", "change", "what"),
    [
        (Track.LEX_MARIA, {"handed_to_mas_on": None}, "Överlämnas till MAS"),
        (
            Track.WORK_ENVIRONMENT,
            {"work_environment_kind": WorkEnvironmentKind.ACCIDENT, "reported_to_av_on": None},
            "Anmälan till Arbetsmiljöverket",
        ),
        (
            Track.WORK_ENVIRONMENT,
            {"work_environment_kind": WorkEnvironmentKind.INJURY, "reported_to_fk_on": None},
            "Anmälan till Försäkringskassan",
        ),
    ],
)
@pytest.mark.parametrize(("today", "days_over"), [(date(2026, 11, 5), 0), (date(2026, 11, 6), 1)])
def test_report_steps_warn_from_the_day_after_their_deadline(
    track: Track, change: dict[str, object], what: str, today: date, days_over: int
) -> None:
    facts = replace(ready(track, INV), **change)  # type: ignore[arg-type]  # replace() checks the field names
    warnings = deadline_warnings(facts, today, ivo_days=14, report_days=3)
    assert [(w.what, w.due, w.days_over) for w in warnings] == (
        [(what, date(2026, 11, 5), days_over)] if days_over else []
    )
    # Without the setting the report steps are not dated at all.
    assert deadline_warnings(facts, date(2027, 1, 1), ivo_days=14) == []


def test_a_near_miss_needs_no_report_and_a_recorded_date_ends_the_warning() -> None:
    near_miss = replace(
        ready(Track.WORK_ENVIRONMENT, INV),
        work_environment_kind=WorkEnvironmentKind.NEAR_MISS,
        reported_to_av_on=None,
        reported_to_fk_on=None,
    )
    assert deadline_warnings(near_miss, date(2027, 1, 1), ivo_days=14, report_days=3) == []
    assert deadline_warnings(ready(Track.LEX_MARIA, INV), TODAY, ivo_days=14, report_days=3) == []


@pytest.mark.parametrize(("today", "late"), [(date(2026, 12, 2), False), (date(2026, 12, 3), True)])
def test_an_open_report_warns_the_day_after_its_closing_deadline(today: date, late: bool) -> None:
    facts = ready(Track.OTHER, REM)
    warnings = deadline_warnings(facts, today, ivo_days=14, closing_days=30)
    assert [(w.what, w.due, w.step) for w in warnings] == (
        [("Avslutas", date(2026, 12, 2), "")] if late else []
    )
    closed = replace(facts, state=CLOSED)
    assert deadline_warnings(closed, date(2027, 6, 1), ivo_days=14, closing_days=30) == []


def test_a_late_ivo_report_names_its_step_field() -> None:
    facts = replace(ready(Track.LEX_SARAH, REM), reported_to_ivo_on=None)
    (warning,) = deadline_warnings(facts, TODAY, ivo_days=14)
    assert (warning.what, warning.step, warning.days_over) == (
        "Anmälan till IVO",
        "reported_to_ivo_on",
        8,
    )


@pytest.mark.parametrize(
    ("today", "done", "late"),
    [
        (date(2026, 11, 20), None, False),  # the due day itself
        (date(2026, 11, 21), None, True),
        (date(2026, 12, 31), date(2026, 11, 25), False),  # done, however late
    ],
)
def test_an_action_is_late_from_the_day_after_its_due_date(
    today: date, done: date | None, late: bool
) -> None:
    assert action_overdue(date(2026, 11, 20), done, today) is late


# -- the report, the steps, the actions ----------------------------------------------------------


def draft(**changes: object) -> IncidentDraft:
    values: dict[str, object] = {
        "occurred_on": date(2026, 11, 20),
        "occurred_at": time(14, 30),
        "reported_on": date(2026, 11, 21),
        "reporter": "Undersköterska",
        "category": "fall",
        "track": Track.OTHER,
        "description": "Brukare föll i korridoren",
    }
    values.update(changes)
    return IncidentDraft(**values)  # type: ignore[arg-type]  # the draft checks the overrides


def test_a_complete_draft_has_no_problems() -> None:
    assert validate_incident(draft(), TODAY) == {}


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"occurred_on": None}, "occurred_on", "Ange datum"),
        ({"occurred_on": date(2026, 11, 25)}, "occurred_on", "framtiden"),
        ({"occurred_at": None}, "occurred_at", "klockslaget"),
        ({"reported_on": date(2026, 11, 19)}, "reported_on", "före händelsen"),
        ({"reported_on": date(2026, 11, 25)}, "reported_on", "framtiden"),
        ({"reporter": "  "}, "reporter", "vem som rapporterade"),
        ({"category": "okand"}, "category", "kategori"),
        ({"description": ""}, "description", "Beskriv"),
        ({"description": "x" * 4001}, "description", "4000"),
    ],
)
def test_a_draft_names_each_problem_by_field(
    changes: dict[str, object], field: str, words: str
) -> None:
    problems = validate_incident(draft(**changes), TODAY)
    assert field in problems
    assert words in problems[field]


def test_steps_cannot_lie_before_the_event_or_in_the_future() -> None:
    steps = IncidentSteps(
        investigation_done_on=date(2026, 11, 19), reported_to_ivo_on=date(2026, 11, 25)
    )
    problems = validate_steps(steps, date(2026, 11, 20), TODAY, Track.LEX_SARAH)
    assert problems == {
        "investigation_done_on": "Datumet kan inte ligga före händelsen.",
        "reported_to_ivo_on": "Datumet kan inte ligga i framtiden.",
    }


def test_a_not_serious_lex_sarah_is_not_reported_to_ivo() -> None:
    steps = IncidentSteps(serious=False, reported_to_ivo_on=date(2026, 11, 22))
    problems = validate_steps(steps, date(2026, 11, 20), TODAY, Track.LEX_SARAH)
    assert "Bara ett allvarligt" in problems["reported_to_ivo_on"]
    assert validate_steps(steps, date(2026, 11, 20), TODAY, Track.OTHER) == {}


def test_each_track_has_its_own_steps_and_all_may_document_an_investigation() -> None:
    assert "reported_to_ivo_on" in TRACK_STEPS[Track.LEX_SARAH]
    assert "handed_to_mas_on" in TRACK_STEPS[Track.LEX_MARIA]
    assert {"work_environment_kind", "reported_to_av_on", "reported_to_fk_on"} <= set(
        TRACK_STEPS[Track.WORK_ENVIRONMENT]
    )
    assert all("investigation_done_on" in steps for steps in TRACK_STEPS.values())


def test_actions_need_what_who_and_when() -> None:
    assert validate_action(ActionDraft("Ny rutin", "EC", date(2026, 12, 1)), TODAY) == {}
    problems = validate_action(ActionDraft(" ", "", None, date(2026, 11, 25)), TODAY)
    assert set(problems) == {"description", "owner", "due_on", "done_on"}


def test_the_timeline_reads_in_swedish_and_never_repeats_a_free_text() -> None:
    assert describe_event("status", None, "ny", "under_utredning") == (
        "Status: ny → under utredning"
    )
    assert describe_event("ateroppnad", None, "avslutad", "under_utredning") == (
        "Öppnades igen: avslutad → under utredning"
    )
    assert describe_event("steg", "reported_to_ivo_on", None, "2026-11-10") == (
        "Anmäld till IVO: 2026-11-10"
    )
    assert describe_event("steg", "serious", "Inte beslutat", "Ja, allvarligt") == (
        "Beslut: allvarligt missförhållande: Inte beslutat → Ja, allvarligt"
    )
    assert step_value_text("investigation_note", "Brukaren N.N. föll") == "ändrad"
    assert step_value_text("serious", None) == "–"
    assert step_value_text("work_environment_kind", WorkEnvironmentKind.INJURY) == "Arbetsskada"
    assert describe_event(EventKind.ACTION_DONE, None, None, "2026-11-20") == (
        "Åtgärd klar 2026-11-20"
    )


def test_seriousness_round_trips_and_categories_have_words() -> None:
    for value in (None, True, False):
        assert Seriousness.of(value).as_bool is value
    assert category_label("hot_vald") == "Hot och våld"
    assert category_label("fran_en_nyare_version") == "fran_en_nyare_version"


@pytest.mark.parametrize(
    ("values", "median"),
    [([], None), ([7], Decimal(7)), ([3, 10], Decimal("6.5")), ([30, 1, 12], Decimal(12))],
)
def test_median_days(values: list[int], median: Decimal | None) -> None:
    assert median_days(values) == median

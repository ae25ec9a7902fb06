"""The demo unit's avvikelser: a year of reports in every track and state, with actions and a
timeline, planned from the demo plan and its seed (never the clock) and written as one step of
`demo_unit.WRITE_STEPS`.

The demo's "today" is ten days before the plan's last day, so the reports lie in the past of a
demo made for the current month. Events fall more often on days with empty rows, so the
statistics show the link to understaffing the page is there to reveal. Every report walks its
track through `domain.incidents.check_transition`, so the data obeys the same rules as the page.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from enhetschef_app.demo import incident_texts as texts
from enhetschef_app.domain.calendar import STOCKHOLM
from enhetschef_app.domain.incident_report import EventKind, step_value_text
from enhetschef_app.domain.incidents import (
    STATE_ORDER,
    IncidentFacts,
    IncidentState,
    Track,
    WorkEnvironmentKind,
    check_transition,
)
from enhetschef_app.storage.bulk import insert_rows
from enhetschef_app.storage.models_incidents import (
    Incident,
    IncidentAction,
    IncidentEvent,
    IncidentNumberSeries,
)
from enhetschef_app.storage.session import Session

if TYPE_CHECKING:
    from enhetschef_app.demo.context import WriteContext
    from enhetschef_app.demo.plan import DemoPlan

DEMO_ACTOR = "Enhetschef (demo)"
DAYS_BEFORE_END = 10
REPORTS_PER_EMPLOYEE = 1.6
MIN_REPORTS = 24
TRACK_WEIGHTS = (
    (Track.OTHER, 45),
    (Track.WORK_ENVIRONMENT, 20),
    (Track.LEX_SARAH, 20),
    (Track.LEX_MARIA, 15),
)
NEW, INVESTIGATING, REMEDIED, CLOSED = STATE_ORDER


@dataclass
class PlannedEvent:
    on: date
    kind: EventKind
    step: str | None = None
    old: str | None = None
    new: str | None = None


@dataclass
class PlannedAction:
    description: str
    owner: str
    due_on: date
    done_on: date | None


@dataclass
class PlannedIncident:
    occurred_on: date
    occurred_at: time
    reported_on: date
    reporter: str
    track: Track
    category: str
    state: IncidentState = NEW
    description: str = ""
    immediate_action: str = ""
    facts: IncidentFacts | None = None
    investigation_note: str = ""
    serious_decided_on: date | None = None
    closed_on: date | None = None
    actions: list[PlannedAction] = field(default_factory=list)
    events: list[PlannedEvent] = field(default_factory=list)


def _day_weights(plan: DemoPlan, days: list[date]) -> list[float]:
    """More reports on days with empty rows (vacant, or the person absent)."""
    empty: Counter[date] = Counter()
    absent: dict[int, list[tuple[date, date]]] = {}
    for spell in plan.absences:
        absent.setdefault(spell.person, []).append((spell.start, spell.end or plan.end))
    for shift in plan.shifts:
        if shift.person is None or any(
            a <= shift.day <= b for a, b in absent.get(shift.person, ())
        ):
            empty[shift.day] += 1
    # Up to three times as likely on a day short of staff; a day outside the schedule gets
    # the scheduled days' average, so the months before it are not empty.
    scheduled = {shift.day for shift in plan.shifts}
    weights = {day: 1.0 + 0.25 * min(empty[day], 8) for day in scheduled}
    average = sum(weights.values()) / len(weights) if weights else 1.0
    return [weights.get(day, average) for day in days]


def _reporter(rng: random.Random, plan: DemoPlan, day: date) -> str:
    present = [p.name for p in plan.people if p.employed_on(day)]
    if not present or rng.random() < 0.15:
        return rng.choice(("Sjuksköterska", "Undersköterska nattpatrull", "Arbetsterapeut"))
    return rng.choice(present)


def _event_time(rng: random.Random) -> time:
    hour = rng.choices(range(24), weights=[1] * 6 + [4] * 3 + [6] * 6 + [5] * 6 + [2] * 3)[0]
    return time(hour, rng.choice((0, 10, 15, 20, 30, 40, 45, 50)))


def _draw(rng: random.Random, plan: DemoPlan, today: date) -> list[PlannedIncident]:
    first = today - timedelta(days=364)
    days = [first + timedelta(days=n) for n in range(365)]
    count = max(MIN_REPORTS, round(REPORTS_PER_EMPLOYEE * plan.spec.staff))
    chosen = sorted(rng.choices(days, weights=_day_weights(plan, days), k=count))
    found = []
    for day in chosen:
        track = rng.choices([t for t, _ in TRACK_WEIGHTS], [w for _, w in TRACK_WEIGHTS])[0]
        delay = rng.choices((0, 1, 2, 3), weights=(70, 20, 6, 4))[0]
        found.append(
            PlannedIncident(
                occurred_on=day,
                occurred_at=_event_time(rng),
                reported_on=min(day + timedelta(days=delay), today),
                reporter=_reporter(rng, plan, day),
                track=track,
                category="",
            )
        )
    return found


def _state_by_age(rng: random.Random, age: int) -> IncidentState:
    if age > 60:
        return rng.choices(STATE_ORDER, weights=(0, 1, 2, 97))[0]
    if age > 21:
        return rng.choices(STATE_ORDER, weights=(5, 20, 25, 50))[0]
    return rng.choices(STATE_ORDER, weights=(40, 35, 15, 10))[0]


def _choose_states(rng: random.Random, reports: list[PlannedIncident], today: date) -> None:
    """States by age, then every track in every state at least once: the newest reports take
    the open states, the oldest free ones the closed state."""
    for report in reports:
        report.state = _state_by_age(rng, (today - report.reported_on).days)
    newest_first = sorted(reports, key=lambda r: r.reported_on, reverse=True)
    used: set[int] = set()
    for state in STATE_ORDER:
        pool = newest_first if state is not CLOSED else newest_first[::-1]
        for track in Track:
            if any(r.track is track and r.state is state for r in reports):
                continue
            report = next(r for r in pool if id(r) not in used)
            used.add(id(report))
            report.track, report.state = track, state
    for report in reports:
        weights = texts.CATEGORIES_BY_TRACK[report.track]
        report.category = rng.choices([c for c, _ in weights], [w for _, w in weights])[0]
        report.description = rng.choice(texts.DESCRIPTIONS[report.category])


def _later(day: date, rng: random.Random, low: int, high: int, today: date) -> date:
    return min(day + timedelta(days=rng.randint(low, high)), today)


def _record(report: PlannedIncident, on: date, name: str, value: Any) -> None:
    assert report.facts is not None
    changes: dict[str, Any] = {name: value}
    report.facts = replace(report.facts, **changes)
    report.events.append(PlannedEvent(on, EventKind.STEP, name, None, step_value_text(name, value)))


def _move(report: PlannedIncident, on: date, target: IncidentState) -> None:
    assert report.facts is not None
    check_transition(report.facts, target)  # the demo obeys the page's rules
    old = report.facts.state.value
    report.events.append(PlannedEvent(on, EventKind.STATE, None, old, target.value))
    report.facts = replace(report.facts, state=target)


def _walk(rng: random.Random, report: PlannedIncident, today: date) -> None:
    """Records the steps the track needs on the way to the report's state, with dates."""
    reported = report.reported_on
    report.facts = IncidentFacts(track=report.track, state=NEW, reported_on=reported)
    report.events.append(PlannedEvent(reported, EventKind.REGISTERED, new=report.track.label))
    goal = STATE_ORDER.index(report.state)
    track = report.track
    if track is Track.LEX_SARAH or rng.random() < 0.6:
        report.immediate_action = rng.choice(texts.IMMEDIATE_ACTIONS)
        report.facts = replace(report.facts, immediate_action=report.immediate_action)
    if track is Track.WORK_ENVIRONMENT:
        drawn = rng.choices(list(WorkEnvironmentKind), weights=(55, 25, 20))[0]
        _record(report, reported, "work_environment_kind", drawn)
    if goal == 0:
        return
    day = _later(reported, rng, 0, 3, today)
    _move(report, day, INVESTIGATING)
    if track is Track.LEX_MARIA and (goal >= 2 or rng.random() < 0.6):
        on = _later(reported, rng, 0, 3, today)
        _record(report, on, "handed_to_mas_on", on)
    kind = report.facts.work_environment_kind
    for step, needed in (
        ("reported_to_av_on", WorkEnvironmentKind.ACCIDENT),
        ("reported_to_fk_on", WorkEnvironmentKind.INJURY),
    ):
        if kind is needed and (goal >= 3 or rng.random() < 0.6):
            on = _later(reported, rng, 0, 4, today)
            _record(report, on, step, on)
    if goal == 1:
        return
    if track is Track.LEX_SARAH or rng.random() < 0.5:
        on = _later(day, rng, 3, 18, today)
        _record(report, on, "investigation_done_on", on)
        report.investigation_note = rng.choice(texts.INVESTIGATION_NOTES)
        if track is Track.LEX_SARAH:
            serious = rng.random() < 0.25
            _record(report, on, "serious", serious)
            report.serious_decided_on = on
            day = on
    day = _later(day, rng, 1, 6, today)
    _move(report, day, REMEDIED)
    if goal == 2:
        return
    if report.facts.serious and track is Track.LEX_SARAH:
        on = _later(report.serious_decided_on or day, rng, 0, 9, today)
        _record(report, on, "reported_to_ivo_on", on)
        day = max(day, on)
    report.closed_on = _later(day, rng, 1, 20, today)  # moved there once the actions are done


def _plan_actions(rng: random.Random, plan: DemoPlan, report: PlannedIncident, today: date) -> None:
    weights = (3, 5, 3, 1) if report.track is Track.OTHER else (0, 5, 4, 2)
    count = rng.choices((0, 1, 2, 3), weights=weights)[0]
    staff = [p.name for p in plan.people if p.employed_on(report.reported_on)]
    for _ in range(count):
        named = staff and rng.random() < 0.4
        owner = rng.choice(staff) if named else rng.choice(texts.OWNER_ROLES)
        due = report.reported_on + timedelta(days=rng.randint(7, 35))
        added = _later(report.reported_on, rng, 0, 2, today)
        done: date | None = None
        if report.closed_on is not None:
            done = min(_later(report.reported_on, rng, 2, 30, today), report.closed_on)
        elif due < today and rng.random() < 0.6:
            done = _later(report.reported_on, rng, 2, 30, today)
        report.events.append(PlannedEvent(added, EventKind.ACTION_ADDED, new=due.isoformat()))
        if done is not None:
            done = max(done, added)
            report.events.append(PlannedEvent(done, EventKind.ACTION_DONE, new=done.isoformat()))
        report.actions.append(PlannedAction(rng.choice(texts.ACTION_TEXTS), owner, due, done))


def _close(report: PlannedIncident) -> None:
    """A report meant to be closed is closed once its last action is done."""
    if report.closed_on is None:
        return
    assert report.facts is not None
    done = [a.done_on for a in report.actions if a.done_on is not None]
    report.closed_on = max([report.closed_on, *done])
    _move(report, report.closed_on, CLOSED)


def plan_incidents(plan: DemoPlan) -> list[PlannedIncident]:
    rng = random.Random(f"enhetschef-demo:{plan.spec.seed}:avvikelser")
    today = plan.today(DAYS_BEFORE_END)
    reports = _draw(rng, plan, today)
    _choose_states(rng, reports, today)
    for report in reports:
        _walk(rng, report, today)
        _plan_actions(rng, plan, report, today)
        _close(report)
    return reports


def _moment(day: date, index: int) -> datetime:
    """A made-up moment of the working day; the event's place in the list keeps the order."""
    local = datetime.combine(day, time(8, 0), tzinfo=STOCKHOLM) + timedelta(minutes=7 * index)
    return local.astimezone(UTC)


def write_demo_incidents(session: Session, plan: DemoPlan, ctx: WriteContext) -> None:
    reports = sorted(
        plan_incidents(plan), key=lambda r: (r.reported_on, r.occurred_on, r.occurred_at)
    )
    last_sequence: Counter[int] = Counter()
    incidents = []
    for report in reports:
        assert report.facts is not None
        facts = report.facts
        year = report.reported_on.year
        last_sequence[year] += 1
        kind = facts.work_environment_kind
        incidents.append(
            Incident(
                unit_id=ctx.unit_id,
                year=year,
                sequence=last_sequence[year],
                occurred_on=report.occurred_on,
                occurred_at=report.occurred_at,
                reported_on=report.reported_on,
                reporter=report.reporter,
                category=report.category,
                track=report.track.value,
                state=facts.state.value,
                description=report.description,
                immediate_action=report.immediate_action,
                investigation_done_on=facts.investigation_done_on,
                investigation_note=report.investigation_note,
                serious=facts.serious,
                serious_decided_on=report.serious_decided_on,
                reported_to_ivo_on=facts.reported_to_ivo_on,
                handed_to_mas_on=facts.handed_to_mas_on,
                work_environment_kind=kind.value if kind else None,
                reported_to_av_on=facts.reported_to_av_on,
                reported_to_fk_on=facts.reported_to_fk_on,
                closed_on=report.closed_on,
                created_by=DEMO_ACTOR,
            )
        )
    session.add_all(incidents)
    session.flush()
    actions = []
    events = []
    for report, incident in zip(reports, incidents, strict=True):
        for action in report.actions:
            actions.append(
                {
                    "incident_id": incident.id,
                    "description": action.description,
                    "owner": action.owner,
                    "due_on": action.due_on,
                    "done_on": action.done_on,
                }
            )
        ordered = sorted(enumerate(report.events), key=lambda pair: (pair[1].on, pair[0]))
        for index, (_, event) in enumerate(ordered):
            events.append(
                {
                    "incident_id": incident.id,
                    "at": _moment(event.on, index),
                    "actor": DEMO_ACTOR,
                    "kind": event.kind.value,
                    "step": event.step,
                    "old_value": event.old,
                    "new_value": event.new,
                }
            )
    insert_rows(session, IncidentAction, actions)
    insert_rows(session, IncidentEvent, events)
    insert_rows(
        session,
        IncidentNumberSeries,
        [
            {"unit_id": ctx.unit_id, "year": year, "last_sequence": n}
            for year, n in sorted(last_sequence.items())
        ],
    )

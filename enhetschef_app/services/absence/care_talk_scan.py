"""Who is due for an omtankessamtal on a day, and why (`enhetschef omtanke`, the page, Översikt).

One transaction reads the staff employed that day, their absences of the counting kinds, the
talks and snoozes, and the span of the unit's schedule. The schedule itself is asked only about
the runs of days between two records (is there a shift of the person in them?), in a few queries
for the whole unit. The rules are the domain's: occasions, the count in the window, the verdict.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from enhetschef_app.domain.absence_occasions import (
    AbsenceRecord,
    CareTalkRules,
    GapCheck,
    Occasion,
    OccasionCount,
    OccasionRules,
    build_occasions,
    count_occasions,
    months_back,
    record_gaps,
)
from enhetschef_app.domain.care_talks import (
    SignalStatus,
    SignalVerdict,
    Snooze,
    TalkRecord,
    TalkState,
    judge_signal,
    last_held_talk,
)
from enhetschef_app.domain.free_days import ScheduleSpan, clamp_to_span, gap_is_free
from enhetschef_app.services.core.settings import rule_settings
from enhetschef_app.services.core.workspace import Workspace, use_case
from enhetschef_app.storage.models_absence import CareTalk, CareTalkSnooze
from enhetschef_app.storage.queries.absences import (
    first_shifts_in_gaps,
    scan_records,
    schedule_span,
)
from enhetschef_app.storage.queries.care_talks import snoozes_of_unit, talks_of_unit
from enhetschef_app.storage.queries.staff import staff_employed_on
from enhetschef_app.storage.session import Session


@dataclass(frozen=True)
class PersonSignal:
    """One person at or over the threshold on `count.as_of`, with the verdict."""

    employee_id: int
    employee_no: str
    name: str
    count: OccasionCount
    verdict: SignalVerdict

    @property
    def status(self) -> SignalStatus:
        return self.verdict.status

    @property
    def occasions(self) -> int:
        return len(self.count.counted)

    def spells(self) -> list[tuple[date, date]]:
        """The counted occasions as (from, to); an ongoing one runs to the day asked about."""
        return [(o.start, o.end or self.count.as_of) for o in self.count.counted]


@dataclass(frozen=True)
class CareTalkScan:
    as_of: date
    window_start: date
    threshold: int
    signals: tuple[PersonSignal, ...]  # everyone at or over the threshold, whatever the verdict

    @property
    def due(self) -> list[PersonSignal]:
        return [s for s in self.signals if s.status is SignalStatus.DUE]


def talk_record(talk: CareTalk) -> TalkRecord:
    return TalkRecord(
        id=talk.id,
        state=TalkState(talk.state),
        signal_date=talk.signal_date,
        covers_through=talk.covers_through,
        invited_date=talk.invited_date,
        held_on=talk.held_on,
    )


def snooze_record(snooze: CareTalkSnooze) -> Snooze:
    return Snooze(snooze.id, snooze.made_on, snooze.until, snooze.reason)


def gap_checks(
    session: Session,
    records: Mapping[int, Sequence[AbsenceRecord]],
    rules: OccasionRules,
    as_of: date,
    span: ScheduleSpan | None,
) -> dict[int, GapCheck]:
    """For each person, whether a run of days between two of their records was free: their
    own shifts decide inside the schedule's span, the usual days off outside it."""
    asked: list[tuple[int, int, date, date]] = []
    keys: dict[tuple[int, date], int] = {}
    for employee_id, person_records in records.items():
        for first, last in record_gaps(person_records, rules, as_of):
            inside = clamp_to_span(first, last, span)
            if inside is None:
                continue
            keys[(employee_id, first)] = len(asked)
            asked.append((len(asked), employee_id, inside[0], inside[1]))
    first_shifts = first_shifts_in_gaps(session, asked) if asked else {}

    def check_for(employee_id: int) -> GapCheck:
        def check(first: date, last: date) -> bool:
            key = keys.get((employee_id, first))
            shift = first_shifts.get(key) if key is not None else None
            return gap_is_free(first, last, shift, span)

        return check

    return {employee_id: check_for(employee_id) for employee_id in records}


def person_occasions(
    records: Sequence[AbsenceRecord],
    rules: OccasionRules,
    as_of: date,
    check: GapCheck | None,
) -> list[Occasion]:
    occasions, _left_out = build_occasions(records, rules, as_of, gap_is_free=check)
    return occasions


def _span(session: Session, unit_id: int) -> ScheduleSpan | None:
    found = schedule_span(session, unit_id)
    return None if found is None else ScheduleSpan(*found)


@dataclass(frozen=True)
class PersonCount:
    """One person's occasions and count on a day, with their talks and snoozes."""

    occasions: list[Occasion]
    count: OccasionCount
    talks: list[TalkRecord]
    snoozes: list[Snooze]

    @property
    def verdict(self) -> SignalVerdict | None:
        return judge_signal(self.count, self.talks, self.snoozes)


def count_for_person(
    session: Session,
    unit_id: int,
    employee_id: int,
    as_of: date,
    occasion_rules: OccasionRules,
    talk_rules: CareTalkRules,
) -> PersonCount:
    """What the trigger sees for one person on `as_of` (the page's explanation, a new talk)."""
    records = [
        AbsenceRecord(r.kind, r.start, r.end, r.extent_percent, r.id)
        for r in scan_records(
            session, unit_id, occasion_rules.counting_kinds, as_of, employee_id=employee_id
        )
    ]
    checks: dict[int, GapCheck] = {}
    if occasion_rules.free_days_join:
        checks = gap_checks(
            session, {employee_id: records}, occasion_rules, as_of, _span(session, unit_id)
        )
    occasions = person_occasions(records, occasion_rules, as_of, checks.get(employee_id))
    talks, snoozes = talks_and_snoozes(session, unit_id, employee_id)
    person_talks = talks.get(employee_id, [])
    count = count_occasions(occasions, as_of, talk_rules, last_held_talk(person_talks))
    return PersonCount(occasions, count, person_talks, snoozes.get(employee_id, []))


@use_case
def scan_care_talks(workspace: Workspace, as_of: date) -> CareTalkScan:
    """Everyone employed on `as_of` whose occasions reach the threshold, with the verdict."""
    unit = workspace.require_unit()
    settings = rule_settings(workspace)
    occasion_rules = OccasionRules.from_settings(settings)
    talk_rules = CareTalkRules.from_settings(settings)
    window_start = months_back(as_of, talk_rules.window_months)
    with workspace.transaction() as session:
        staff = staff_employed_on(session, unit.id, as_of)
        records: dict[int, list[AbsenceRecord]] = defaultdict(list)
        for row in scan_records(session, unit.id, occasion_rules.counting_kinds, as_of):
            records[row.employee_id].append(
                AbsenceRecord(row.kind, row.start, row.end, row.extent_percent, row.id)
            )
        # An occasion counted in the window starts with a record that does, so a person with
        # fewer such records than the threshold cannot be due: their schedule is not asked.
        candidates = {
            employee_id: person_records
            for employee_id, person_records in records.items()
            if sum(1 for r in person_records if r.start >= window_start) >= talk_rules.threshold
        }
        talks, snoozes = talks_and_snoozes(session, unit.id)
        checks: dict[int, GapCheck] = {}
        if occasion_rules.free_days_join and candidates:
            checks = gap_checks(session, candidates, occasion_rules, as_of, _span(session, unit.id))
    signals: list[PersonSignal] = []
    for employee_id, employee_no, name in staff:
        person_records = candidates.get(employee_id)
        if person_records is None:
            continue
        occasions = person_occasions(person_records, occasion_rules, as_of, checks.get(employee_id))
        person_talks = talks.get(employee_id, [])
        count = count_occasions(occasions, as_of, talk_rules, last_held_talk(person_talks))
        verdict = judge_signal(count, person_talks, snoozes.get(employee_id, []))
        if verdict is not None:
            signals.append(PersonSignal(employee_id, employee_no, name, count, verdict))
    signals.sort(key=lambda s: (list(SignalStatus).index(s.status), -s.occasions, s.name))
    return CareTalkScan(as_of, window_start, talk_rules.threshold, tuple(signals))


def talks_and_snoozes(
    session: Session, unit_id: int, employee_id: int | None = None
) -> tuple[dict[int, list[TalkRecord]], dict[int, list[Snooze]]]:
    """The talks and snoozes of the unit (or one person), by employee id."""
    talks: dict[int, list[TalkRecord]] = defaultdict(list)
    for talk in talks_of_unit(session, unit_id, employee_id):
        talks[talk.employee_id].append(talk_record(talk))
    snoozes: dict[int, list[Snooze]] = defaultdict(list)
    for snooze in snoozes_of_unit(session, unit_id, employee_id):
        snoozes[snooze.employee_id].append(snooze_record(snooze))
    return talks, snoozes


@use_case
def due_for_care_talk(workspace: Workspace, as_of: date) -> list[PersonSignal]:
    """The people due on `as_of`: at the threshold, with no talk under way or decided for
    these occasions, and no snooze in force."""
    return scan_care_talks(workspace, as_of).due

"""Who can take an empty row, cheapest legal first (DOMAIN.md: Filling an empty shift).

The order is resurspass (already paid) → mertid (a part-timer below full time this week) →
timavlönad → övertid (only the EC decides). Everyone must be present, free at that time, keep
dygnsvila and veckovila with the shift added, and hold the competences the row requires; each
candidate and each person left out gets a Swedish sentence saying why. Staff of neighbour units
come after the unit's own, with their unit named.
"""

from __future__ import annotations

import enum
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from decimal import Decimal

from enhetschef_app.domain.calendar import holiday_name, week_start
from enhetschef_app.domain.overtime import ExtraKind, OvertimeRules, WorkerContext, classify
from enhetschef_app.domain.overtime_requests import EXTRA_WORK_CODES
from enhetschef_app.domain.rest_rules import Breach, RestLimits, RestRule, check_rest_rules
from enhetschef_app.domain.shifts import Shift, format_hours
from enhetschef_app.domain.staff import EmploymentForm


class CoverKind(enum.StrEnum):
    RESURSPASS = "resurspass"
    MERTID = "mertid"
    HOURLY = "timavlonad"
    OVERTIME = "overtid"

    @property
    def label(self) -> str:
        return COVER_KIND_LABELS[self]

    @property
    def rank(self) -> int:
        return list(CoverKind).index(self)


COVER_KIND_LABELS = {
    CoverKind.RESURSPASS: "Resurspass",
    CoverKind.MERTID: "Mertid",
    CoverKind.HOURLY: "Timavlönad",
    CoverKind.OVERTIME: "Övertid",
}

# The rules a cover must not break; the others (rast, weekly hours...) are warned about later.
BLOCKING_RULES = (RestRule.OVERLAP, RestRule.DAILY_REST, RestRule.WEEKLY_REST)


@dataclass(frozen=True)
class OpenShift:
    """The empty row to fill."""

    work_date: date
    start: time
    end: time
    break_minutes: int = 0
    code: str | None = None
    required: frozenset[str] = frozenset()  # competences the row needs (e.g. a delegation)

    def for_person(self, employee_no: str) -> Shift:
        return Shift(
            employee_no, self.work_date, self.start, self.end, self.break_minutes, self.code
        )

    def describe(self) -> str:
        code = f"{self.code} " if self.code else ""
        return f"{code}{self.start:%H:%M}–{self.end:%H:%M}"


@dataclass(frozen=True)
class Person:
    """Someone who might take the row, with what the ranking needs to know of them."""

    key: int  # the employee's id
    employee_no: str
    name: str
    unit_code: str
    own_unit: bool
    form: EmploymentForm
    grade_percent: Decimal | None
    fulltime_week_hours: Decimal
    absent: bool  # absent on the row's day
    # The person's shifts as they stand (covers applied), at least two weeks either side.
    shifts: tuple[Shift, ...]
    resurspass: Shift | None = None  # a resurspass that day, which the person would give up
    month_worked: timedelta = timedelta(0)  # the hourly paid: worked this month before the row

    @property
    def is_part_time(self) -> bool:
        return (
            self.form is not EmploymentForm.HOURLY
            and self.grade_percent is not None
            and self.grade_percent < 100
        )


@dataclass(frozen=True)
class Candidate:
    person: Person
    kind: CoverKind
    why: str
    week_worked: timedelta  # this ISO week before the row is added
    notes: tuple[str, ...] = ()  # warnings that do not exclude (rast, weekly hours...)


@dataclass(frozen=True)
class Excluded:
    person: Person
    reason: str


@dataclass(frozen=True)
class Ranking:
    candidates: tuple[Candidate, ...]
    excluded: tuple[Excluded, ...] = field(default=())

    def best(self) -> Candidate | None:
        return self.candidates[0] if self.candidates else None

    def candidate(self, key: int) -> Candidate | None:
        return next((c for c in self.candidates if c.person.key == key), None)


def rank_candidates(
    row: OpenShift,
    people: Iterable[Person],
    limits: RestLimits,
    *,
    overtime_rules: OvertimeRules | None = None,
    competences: Mapping[int, Collection[str]] | None = None,
) -> Ranking:
    """Everyone who may take the row, ranked, and everyone left out with the reason.

    `competences` gives each person's competences by key; the row's `required` ones must all
    be there. No requirement, no check (until delegations are recorded nobody requires one).
    """
    rules = overtime_rules or OvertimeRules()
    held = competences or {}
    candidates: list[Candidate] = []
    excluded: list[Excluded] = []
    for person in people:
        reason = _reason_to_exclude(row, person, limits, held.get(person.key, ()))
        if reason is not None:
            excluded.append(Excluded(person, reason))
            continue
        candidates.append(_as_candidate(row, person, limits, rules))
    candidates.sort(
        key=lambda c: (
            not c.person.own_unit,
            c.kind.rank,
            c.week_worked,
            c.person.name,
            c.person.key,
        )
    )
    excluded.sort(key=lambda e: (not e.person.own_unit, e.person.name, e.person.key))
    return Ranking(tuple(candidates), tuple(excluded))


def _kept_shifts(person: Person) -> list[Shift]:
    """The person's shifts once the row is taken: a resurspass that day is given up for it."""
    if person.resurspass is None:
        return list(person.shifts)
    return [s for s in person.shifts if s != person.resurspass]


def _reason_to_exclude(
    row: OpenShift, person: Person, limits: RestLimits, held: Collection[str]
) -> str | None:
    if person.absent:
        return "Frånvarande den dagen."
    shift = row.for_person(person.employee_no)
    kept = _kept_shifts(person)
    busy = [s for s in kept if s.start_s < shift.end_s and shift.start_s < s.end_s]
    if busy:
        return f"Arbetar redan {busy[0].describe()}."
    missing = sorted(set(row.required) - set(held))
    if missing:
        return "Saknar " + ", ".join(missing) + "."
    # Dygnsvila in every 24 hours (ATL 13 §): a stretch longer than the day minus the rest
    # cannot hold it, however the shifts around it lie.
    stretch = _stretch_without_rest(kept, shift)
    if stretch > timedelta(hours=24) - limits.daily_rest:
        return (
            f"Skulle arbeta {format_hours(stretch)} h i sträck, utan dygnsvila på "
            f"{format_hours(limits.daily_rest)} h inom ett dygn."
        )
    broken = new_rest_breaches(kept, shift, limits)
    if broken:
        return _rest_reason(broken[0], shift)
    return None


def new_rest_breaches(shifts: Sequence[Shift], added: Shift, limits: RestLimits) -> list[Breach]:
    """The rest the person would not get with `added` among `shifts`: overlap or short
    dygnsvila next to it, or a week around it without its veckovila."""
    together = [*shifts, added]
    day = added.work_date
    found = [
        b
        for b in check_rest_rules(
            together, day, day + timedelta(days=1), limits, rules=BLOCKING_RULES[:2]
        )
        if added in b.shifts
    ]
    if found:
        return found
    return check_rest_rules(together, day, added.end_date, limits, rules=(RestRule.WEEKLY_REST,))


def _stretch_without_rest(shifts: Sequence[Shift], added: Shift) -> timedelta:
    """How long the person would work without a break of any length, the added shift and the
    shifts that touch it joined (a night that ends at 07:00 and a day shift that starts then)."""
    start, end = added.start_s, added.end_s
    joined = True
    while joined:
        joined = False
        for other in shifts:
            if (
                other.start_s <= end
                and other.end_s >= start
                and (other.start_s < start or other.end_s > end)
            ):
                start, end = min(start, other.start_s), max(end, other.end_s)
                joined = True
    return timedelta(seconds=end - start)


def _rest_reason(breach: Breach, added: Shift) -> str:
    found, limit = format_hours_of(breach.found), format_hours_of(breach.limit)
    if breach.rule is RestRule.DAILY_REST:
        other = next((s for s in breach.shifts if s != added), None)
        around = f" mot {other.describe()}" if other is not None else ""
        return f"Dygnsvilan blir {found} h{around} (minst {limit} h)."
    if breach.rule is RestRule.WEEKLY_REST:
        return (
            f"Veckovilan v. {breach.date.isocalendar().week} blir {found} h "
            f"(minst {limit} h sammanhängande)."
        )
    other = next((s for s in breach.shifts if s != added), None)
    return f"Överlappar {other.describe()}." if other is not None else "Överlappar ett annat pass."


def format_hours_of(value: float) -> str:
    return format_hours(timedelta(hours=value))


def _week_worked(shifts: Iterable[Shift], day: date) -> timedelta:
    monday = week_start(day)
    return timedelta(
        seconds=sum(
            s.worked_s for s in shifts if monday <= s.work_date < monday + timedelta(days=7)
        )
    )


def _as_candidate(
    row: OpenShift, person: Person, limits: RestLimits, rules: OvertimeRules
) -> Candidate:
    shift = row.for_person(person.employee_no)
    kept = _kept_shifts(person)
    week_worked = _week_worked(kept, row.work_date)
    week_text = f"{format_hours(week_worked)} h schemalagt v. {row.work_date.isocalendar().week}"
    unit = "" if person.own_unit else f" Från grannenheten {person.unit_code}."
    notes = _notes(kept, shift, person, limits)
    if person.resurspass is not None:
        why = (
            f"Har resurspass {person.resurspass.describe()} samma dag: redan betald tid, "
            "byter till det här passet."
        )
        return Candidate(person, CoverKind.RESURSPASS, why + unit, week_worked, notes)

    context = WorkerContext(
        form=person.form,
        grade_percent=person.grade_percent,
        fulltime_week_hours=person.fulltime_week_hours,
        # Only the shifts next to the row decide 'enkel' against 'kvalificerad'.
        ordinary_shifts=[
            s
            for s in kept
            if abs((s.work_date - row.work_date).days) <= 1 and s.code not in EXTRA_WORK_CODES
        ],
        week_worked_before=week_worked,
        # The same day's shifts that end before the row count toward 165 h too.
        month_worked_before=person.month_worked
        + sum(
            (s.worked for s in kept if s.work_date == row.work_date and s.end_s <= shift.start_s),
            timedelta(0),
        ),
    )
    split = classify(row.work_date, row.start, row.end, context, rules)
    kinds = {segment.kind for segment in split.segments}
    if person.form is EmploymentForm.HOURLY and kinds <= {ExtraKind.HOURLY_ORDINARY}:
        why = f"Timavlönad: {week_text}."
        return Candidate(person, CoverKind.HOURLY, why + unit, week_worked, notes)
    if person.is_part_time and kinds <= {ExtraKind.MERTID}:
        room = max(_fulltime(person) - week_worked, timedelta(0))
        why = (
            f"Deltid {format_hours_of(float(person.grade_percent or 0))} %: {week_text}, "
            f"{format_hours(room)} h kvar till heltid – mertid."
        )
        return Candidate(person, CoverKind.MERTID, why + unit, week_worked, notes)
    why = _overtime_why(row, person, week_text, split.describe())
    return Candidate(person, CoverKind.OVERTIME, why + unit, week_worked, notes)


def _fulltime(person: Person) -> timedelta:
    return timedelta(minutes=float(person.fulltime_week_hours * 60))


def _overtime_why(row: OpenShift, person: Person, week_text: str, split: str) -> str:
    if person.form is EmploymentForm.HOURLY:
        head = "Timavlönad över månadens heltidstimmar"
    elif person.is_part_time:
        red = row.work_date.weekday() >= 5 or holiday_name(row.work_date) is not None
        head = (
            "Deltid på en ledig helg- eller helgdag"
            if red and not any(s.work_date == row.work_date for s in person.shifts)
            else "Deltid men passet går över heltid"
        )
    else:
        head = "Heltid"
    return f"{head}: {week_text}; {split}. Övertid beslutas av enhetschefen."


def _notes(kept: list[Shift], shift: Shift, person: Person, limits: RestLimits) -> tuple[str, ...]:
    """What the cover would break that does not rule the person out: a long run of days."""
    first = shift.work_date
    before = {
        (b.rule, b.date)
        for b in check_rest_rules(
            kept, first, first + timedelta(days=6), limits, rules=(RestRule.CONSECUTIVE_DAYS,)
        )
    }
    after = check_rest_rules(
        [*kept, shift], first, first + timedelta(days=6), limits, rules=(RestRule.CONSECUTIVE_DAYS,)
    )
    return tuple(b.explain() for b in after if (b.rule, b.date) not in before)

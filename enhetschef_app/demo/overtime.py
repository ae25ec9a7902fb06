"""The demo unit's övertid: requests and the EC's decisions, drawn from the plan and the seed,
never the clock.

- Every övertid cover of dagsuppföljning becomes a request, decided the morning of the day:
  mostly approved, now and then rejected, one approval later corrected.
- Staff ask to stay on after a day shift or come in before an evening shift; part-timers take
  an extra morning on a free weekday (mertid). Those of the last days before the demo's "today"
  (six days before the period's end, as in Frånvaro) wait for a decision.
- Two people are near the limits: one has almost 48 h of övertid in the four weeks up to
  "today" and a waiting request that would pass it; the other passed the month's limit earlier,
  approved with a reason to go over it.

Every decision goes through `record_decision`, so it is classified, priced and checked against
the limits the same way as the EC's own.
"""

from __future__ import annotations

import math
import random
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING

from enhetschef_app.demo.plan import DemoPlan
from enhetschef_app.demo.schedule import SHIFTS
from enhetschef_app.demo.staff import DemoPerson, StaffRole
from enhetschef_app.domain.overtime_requests import (
    Compensation,
    LimitPassed,
    RequestSource,
    Verdict,
)
from enhetschef_app.domain.settings_catalog import RuleSettings
from enhetschef_app.domain.shifts import Shift
from enhetschef_app.services.overtime.evaluation import settings_in
from enhetschef_app.services.overtime.requests import record_decision
from enhetschef_app.services.schedule.covers import request_from_cover
from enhetschef_app.storage.models_overtime import OvertimeRequest
from enhetschef_app.storage.queries.schedule_rows import cover_times_of_unit, covers_of_kind_by_day
from enhetschef_app.storage.session import Session

if TYPE_CHECKING:  # demo_unit imports this module for its WRITE_STEPS
    from enhetschef_app.demo.context import WriteContext

DAYS_BEFORE_END = 6  # the demo's "today", as Frånvaro och omtanke has it
WAITING_DAYS = 4  # requests for the last days up to "today" wait for a decision
WEEKS_BACK = 26
EXTENSIONS_PER_WEEK = 2
MERTID_PER_WEEK = 1
REJECT_SHARE = 0.1
COMP_SHARE = 0.15
ACTOR = "demo"
DECIDED_AT = time(6, 45)  # UTC: the morning in Sweden
NEAR_LIMIT_MINUTES = 44 * 60  # the first person's four weeks before "today"
OVER_LIMIT_MINUTES = 51 * 60  # the second person's month before "today"'s month

STAY_ON_REASONS = (
    "Förlängt pass: kvällspasset kom sent på grund av trafikolycka.",
    "Förlängt pass: extra stöd vid middagen när en kollega gick hem.",
    "Förlängt pass: väntade in hemtjänstens nyckelöverlämning.",
    "Förlängt pass: dokumentation efter en händelse på avdelningen.",
    "Förlängt pass: följde med en boende till akuten.",
)
EARLY_REASONS = (
    "Kom in tidigare: morgonen saknade en person.",
    "Kom in tidigare: inflyttning av ny boende.",
    "Kom in tidigare: extra personal vid läkarronden.",
)
MERTID_REASONS = (
    "Extra förmiddag: aktivitet med de boende.",
    "Extra förmiddag: introduktion av ny kollega.",
    "Extra förmiddag: storstädning av köket inför inspektion.",
)
APPROVE_REASONS = (
    "Nödvändigt för bemanningen.",
    "Godkänt: ingen billigare lösning fanns.",
    "Godkänt enligt bemanningsbehovet.",
)
REJECT_REASONS = (
    "Avslaget: passet löstes med resurspass.",
    "Avslaget: bemanningen räckte utan förlängning.",
    "Avslaget: ska tas som flextid enligt lokal överenskommelse.",
)
OVER_LIMIT_REASON = (
    "Särskilda skäl: ingen annan kunde ta passet under influensaperioden "
    "(extra övertid, ATL 8 a §)."
)


@dataclass
class _Request:
    request: OvertimeRequest
    decide: bool = True
    verdict: Verdict | None = None  # None: drawn when decided
    correct_with: Verdict | None = None  # a later correction


class _Planner:
    def __init__(self, session: Session, plan: DemoPlan, ctx: WriteContext) -> None:
        self.session = session
        self.plan = plan
        self.ctx = ctx
        self.today = plan.today(DAYS_BEFORE_END)
        self.first = max(plan.start, self.today - timedelta(weeks=WEEKS_BACK))
        self.people = {p.index: p for p in plan.people}
        self.shifts: dict[int, list[Shift]] = defaultdict(list)
        self.worked_days: dict[int, set[date]] = defaultdict(set)
        for row in plan.shifts:
            if row.person is not None:
                kind = SHIFTS[row.code]
                shift = Shift(str(row.person), row.day, kind.start, kind.end, kind.break_minutes)
                self.shifts[row.person].append(shift)
                self.worked_days[row.person].add(row.day)
        self.absent: dict[int, list[tuple[date, date]]] = defaultdict(list)
        for spell in plan.absences:
            self.absent[spell.person].append((spell.start, spell.end or plan.end))
        self.busy: dict[int, list[tuple[int, int]]] = defaultdict(list)  # covers, requests
        index_of = {employee_id: index for index, employee_id in ctx.employee_ids.items()}
        covered = cover_times_of_unit(session, ctx.unit_id)
        for employee_id, day, start, end in covered:
            if employee_id in index_of:
                taken = Shift("", day, start, end)
                self.busy[index_of[employee_id]].append((taken.start_s, taken.end_s))
        self.requests: list[_Request] = []

    def is_absent(self, person: int, day: date) -> bool:
        return any(first <= day <= last for first, last in self.absent.get(person, ()))

    def collides(self, person: int, asked: Shift) -> bool:
        spans = [(s.start_s, s.end_s) for s in self.shifts[person]] + self.busy[person]
        return any(start < asked.end_s and asked.start_s < end for start, end in spans)

    def add(
        self,
        person: int,
        day: date,
        start: time,
        end: time,
        reason: str,
        compensation: Compensation = Compensation.MONEY,
    ) -> _Request | None:
        asked = Shift(str(person), day, start, end)
        if self.is_absent(person, day) or self.collides(person, asked):
            return None
        request = OvertimeRequest(
            unit_id=self.ctx.unit_id,
            employee_id=self.ctx.employee_ids[person],
            work_date=day,
            start_time=start,
            end_time=end,
            reason=reason,
            compensation=compensation.value,
            source=RequestSource.BY_HAND.value,
            created_by=ACTOR,
            created_at=datetime.combine(day - timedelta(days=1), time(13), tzinfo=UTC),
        )
        self.session.add(request)
        self.busy[person].append((asked.start_s, asked.end_s))
        item = _Request(request, decide=day < self.today - timedelta(days=WAITING_DAYS))
        self.requests.append(item)
        return item


def _fulltime_day_staff(plan: DemoPlan, first: date, last: date) -> list[DemoPerson]:
    return [
        p
        for p in plan.people
        if p.role is StaffRole.DAY
        and p.is_monthly_paid
        and p.grade_percent == 100
        and p.employed_on(first)
        and p.employed_on(last)
    ]


def _extension(shift: Shift, rng: random.Random, minutes: int | None = None) -> tuple[time, time]:
    """Staying on after a day or long shift, or coming in before an evening shift."""
    length = timedelta(minutes=minutes or rng.choice((60, 90, 120, 150, 180)))
    if shift.start >= time(12):
        begins = datetime.combine(shift.work_date, shift.start) - length
        return begins.time(), shift.start
    ends = datetime.combine(shift.work_date, shift.end) + length
    return shift.end, ends.time()


def _plan_cover_requests(planner: _Planner, rng: random.Random) -> None:
    covers = covers_of_kind_by_day(planner.session, planner.ctx.unit_id, "overtid")
    corrected = False
    for cover in covers:
        request = request_from_cover(planner.session, cover, ACTOR)
        request.created_at = cover.recorded_at
        item = _Request(request)
        if not corrected and rng.random() < 0.2:
            item.verdict, item.correct_with = Verdict.APPROVED, Verdict.REJECTED
            corrected = True
        planner.requests.append(item)


def _plan_extensions(planner: _Planner, rng: random.Random, skip: set[int]) -> None:
    people = [
        p
        for p in planner.plan.people
        if p.role is StaffRole.DAY and p.is_monthly_paid and p.index not in skip
    ]
    day = planner.first - timedelta(days=planner.first.weekday())  # weeks from Monday
    while day <= planner.today:
        week = [day + timedelta(days=offset) for offset in range(7)]
        for _ in range(EXTENSIONS_PER_WEEK):
            person = rng.choice(people)
            shifts = [
                s
                for s in planner.shifts[person.index]
                if s.work_date in week
                and planner.first <= s.work_date <= planner.today
                and s.start != time(8)
            ]
            if shifts and person.employed_on(shifts[0].work_date):
                shift = rng.choice(shifts)
                start, end = _extension(shift, rng)
                reasons = EARLY_REASONS if end == shift.start else STAY_ON_REASONS
                compensation = (
                    Compensation.COMP if rng.random() < COMP_SHARE else Compensation.MONEY
                )
                planner.add(
                    person.index, shift.work_date, start, end, rng.choice(reasons), compensation
                )
        part_timers = [p for p in people if (p.grade_percent or 100) < 100]
        for _ in range(MERTID_PER_WEEK):
            if not part_timers:
                break
            person = rng.choice(part_timers)
            free = [
                d
                for d in week[:5]
                if planner.first <= d <= planner.today
                and d not in planner.worked_days[person.index]
                and person.employed_on(d)
            ]
            if free:
                planner.add(
                    person.index, rng.choice(free), time(8), time(12), rng.choice(MERTID_REASONS)
                )
        day += timedelta(days=7)


def _usable(planner: _Planner, person: DemoPerson, first: date, last: date) -> list[Shift]:
    """The person's shifts first..last that can be stretched: not a resurspass, not absent."""
    return [
        s
        for s in sorted(planner.shifts[person.index], key=lambda s: s.start_s)
        if first <= s.work_date <= last
        and s.start != time(8)
        and not planner.is_absent(person.index, s.work_date)
    ]


def _plan_near_limits(planner: _Planner, rng: random.Random) -> set[int]:
    """One person close to the four-week limit with a waiting request past it; another who
    passed the month's limit earlier with a reason. Returns who they are."""
    candidates = _fulltime_day_staff(planner.plan, planner.first, planner.today)
    rng.shuffle(candidates)
    chosen: set[int] = set()
    waiting_from = planner.today - timedelta(days=WAITING_DAYS - 1)

    def near_plan(person: DemoPerson) -> tuple[Shift | None, list[Shift]]:
        later = _usable(planner, person, waiting_from, planner.today)
        if not later:
            return None, []
        day = later[0].work_date
        return later[0], _usable(planner, person, day - timedelta(days=27), day - timedelta(days=1))

    # Whoever has the most shifts in the four weeks before their waiting request.
    plans = [(person, *near_plan(person)) for person in candidates]
    plans = [(p, w, before) for p, w, before in plans if w is not None]
    if plans:
        near, waiting, before = max(plans, key=lambda item: (len(item[2]), -item[0].index))
        assert waiting is not None
        chosen.add(near.index)
        total = 0
        for shift in before:
            if total + 180 > NEAR_LIMIT_MINUTES + 120:
                break
            start, end = _extension(shift, rng, 180)
            item = planner.add(near.index, shift.work_date, start, end, STAY_ON_REASONS[1])
            if item is not None:
                item.decide, item.verdict = True, Verdict.APPROVED
                total += 180
        # Long enough to pass the four weeks' limit by an hour, if the person can stay that long.
        past = 48 * 60 - total + 60
        length = min(300, max(120, math.ceil(past / 30) * 30))
        start, end = _extension(waiting, rng, length)
        planner.add(near.index, waiting.work_date, start, end, STAY_ON_REASONS[0])
        candidates = [p for p in candidates if p.index != near.index]
    month = (planner.today.replace(day=1) - timedelta(days=1)).replace(day=1)
    if candidates and month >= planner.first:
        last = planner.today.replace(day=1) - timedelta(days=1)

        def usable(person: DemoPerson) -> list[Shift]:
            return _usable(planner, person, month, last)

        # Whoever has the most shifts that month stays on longest past the limits.
        over = max(candidates, key=lambda p: (len(usable(p)), -p.index))
        shifts = usable(over)
        chosen.add(over.index)
        # Three hours a shift, or longer (to the half hour, at most five) when shifts are few.
        length = min(300, max(180, math.ceil(OVER_LIMIT_MINUTES / max(len(shifts), 1) / 30) * 30))
        total = 0
        for shift in shifts:
            if total >= OVER_LIMIT_MINUTES:
                break
            start, end = _extension(shift, rng, length)
            item = planner.add(over.index, shift.work_date, start, end, STAY_ON_REASONS[4])
            if item is not None:
                item.decide, item.verdict = True, Verdict.APPROVED
                total += length
    return chosen


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def _decide(planner: _Planner, item: _Request, settings: RuleSettings, rng: random.Random) -> None:
    request = item.request
    verdict = item.verdict or (
        Verdict.REJECTED if rng.random() < REJECT_SHARE else Verdict.APPROVED
    )
    reason = rng.choice(APPROVE_REASONS if verdict is Verdict.APPROVED else REJECT_REASONS)
    at = datetime.combine(request.work_date, DECIDED_AT, tzinfo=UTC)
    session, unit_id = planner.session, planner.ctx.unit_id
    try:
        record_decision(
            session, unit_id, request, verdict, reason, actor=ACTOR, settings=settings, at=at
        )
    except LimitPassed:
        record_decision(
            session,
            unit_id,
            request,
            verdict,
            reason,
            actor=ACTOR,
            settings=settings,
            at=at,
            over_limit_reason=OVER_LIMIT_REASON,
        )
    if item.correct_with is not None:
        record_decision(
            planner.session,
            planner.ctx.unit_id,
            request,
            item.correct_with,
            "Rättelse: passet blev inte av, den boende flyttades till sjukhus.",
            actor=ACTOR,
            settings=settings,
            at=at + timedelta(days=1),
        )


def write_demo_overtime(session: Session, plan: DemoPlan, ctx: WriteContext) -> None:
    rng = random.Random(f"enhetschef-demo:{plan.spec.seed}:overtid")
    planner = _Planner(session, plan, ctx)
    _plan_cover_requests(planner, rng)
    near = _plan_near_limits(planner, rng)
    _plan_extensions(planner, rng, near)
    session.flush()
    settings = settings_in(session, ctx.unit_id)
    # In the order of the days, so each decision sees the totals approved before it.
    ordered = sorted(
        planner.requests,
        key=lambda item: (item.request.work_date, item.request.start_time, item.request.id),
    )
    for item in ordered:
        if item.decide:
            _decide(planner, item, settings, rng)

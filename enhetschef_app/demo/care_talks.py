"""The demo unit's omtankessamtal: talks in every state and a snoozed signal, planned from the
demo plan and its seed (never the clock), written as one step of `demo_unit.WRITE_STEPS`.

The demo's "today" is six days before the plan's last day (a demo made for the current month
ends on its last day). Who reached the threshold, and when, comes from the plan's absences and
schedule through the domain's own rules with the default settings; each talk walks its steps
through `domain.care_talks` (transition and fields), so the data obeys the page's rules.

Roles, in order of what the page must show: someone due (nothing written), an invitation for
the coming days, a held talk whose follow-up is due, a snoozed signal, a talk not needed; and
earlier in the period, a full cycle that is closed and one the employee declined.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, time, timedelta
from typing import TYPE_CHECKING

from enhetschef_app.demo.schedule import work_days
from enhetschef_app.domain.absence_occasions import (
    AbsenceRecord,
    CareTalkRules,
    Occasion,
    OccasionRules,
    build_occasions,
    count_occasions,
)
from enhetschef_app.domain.care_talks import (
    TalkFacts,
    TalkState,
    TalkStep,
    check_transition,
    validate_snooze,
    validate_step,
)
from enhetschef_app.domain.free_days import is_usual_day_off
from enhetschef_app.storage.models_absence import CareTalk, CareTalkSnooze
from enhetschef_app.storage.session import Session

if TYPE_CHECKING:
    from enhetschef_app.demo.context import WriteContext
    from enhetschef_app.demo.plan import DemoPlan

DEMO_ACTOR = "Enhetschef (demo)"
DAYS_BEFORE_END = 6
HISTORY_BEFORE_TODAY = 100  # an earlier cycle must have been closed by then
PLACES = ("Chefens kontor", "Samtalsrummet", "Personalrummet, plan 2")
TIMES = (time(9, 0), time(9, 30), time(10, 0), time(13, 0), time(14, 30))
SUPPORT = (
    "Vi följer upp hur schemat fungerar och ses igen om sex veckor.",
    "Kortare pass i två veckor och en avstämning med chefen varje fredag.",
    "Byte av arbetslag till dagpass; avstämning efter en månad.",
)
FOLLOW_UP_NOTES = ("Stödet har fungerat, inget mer behövs nu.", "Avstämt; fortsätter som förut.")
SNOOZE_REASONS = (
    "Samtal bokas efter semestern när medarbetaren är tillbaka.",
    "Avvaktar medarbetarsamtalet nästa månad där vi tar upp det.",
)
NOT_NEEDED_REASON = "Tillfällena hade en känd, tillfällig orsak som nu är över."
DECLINED_REASON = "Medarbetaren tackade nej till samtal; erbjudandet står kvar."


@dataclass
class _Person:
    index: int
    occasions: list[Occasion]
    held: date | None = None


def _next_weekday(day: date) -> date:
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def _walk(talk: CareTalk, steps: list[TalkStep], today: date) -> None:
    """Takes the talk through `steps` as the service would, refusing what the rules refuse."""
    for step in steps:
        facts = TalkFacts(
            TalkState(talk.state),
            talk.signal_date,
            talk.invited_date,
            talk.held_on,
            talk.follow_up_date,
            talk.followed_up_on,
        )
        check_transition(facts.state, step.target)
        problems = validate_step(facts, step, today)
        if problems:
            raise AssertionError(f"demo talk step {step.target}: {problems}")
        if step.target is TalkState.INVITED:
            talk.invited_date, talk.invited_time = step.on, step.at
            talk.duration_minutes, talk.place = step.minutes, step.place
            talk.invitations += 1
        elif step.target is TalkState.HELD:
            talk.held_on, talk.support_text, talk.follow_up_date = (
                step.on,
                step.text,
                step.follow_up,
            )
        elif step.target is TalkState.FOLLOWED_UP:
            talk.followed_up_on, talk.follow_up_note = step.on, step.text
        elif step.target is TalkState.CLOSED:
            talk.closed_on = step.on
        else:
            talk.decided_on, talk.reason = step.on, step.text
        talk.state = step.target.value


class _Planner:
    def __init__(self, plan: DemoPlan, ctx: WriteContext, rng: random.Random) -> None:
        self.plan = plan
        self.ctx = ctx
        self.rng = rng
        self.today = plan.today(DAYS_BEFORE_END)
        self.talk_rules = CareTalkRules()
        self.talks: list[CareTalk] = []
        self.snoozes: list[CareTalkSnooze] = []

    def people(self) -> list[_Person]:
        days = work_days(self.plan.shifts)
        records: dict[int, list[AbsenceRecord]] = {}
        for a in self.plan.absences:
            records.setdefault(a.person, []).append(
                AbsenceRecord(a.kind, a.start, a.end, a.extent_percent)
            )
        found = []
        for person in self.plan.people:
            if not person.is_monthly_paid or not person.employed_on(self.today):
                continue
            worked = set(days.get(person.index, ()))
            occasions, _ = build_occasions(
                records.get(person.index, []),
                OccasionRules(),
                self.today,
                self._free_day(worked),
            )
            found.append(_Person(person.index, occasions))
        self.rng.shuffle(found)
        return found

    def _free_day(self, worked: set[date]) -> Callable[[date], bool]:
        start, end = self.plan.start, self.plan.end

        def free(day: date) -> bool:
            return day not in worked if start <= day <= end else is_usual_day_off(day)

        return free

    def count(self, person: _Person, day: date) -> tuple[bool, list[Occasion]]:
        count = count_occasions(person.occasions, day, self.talk_rules, person.held)
        return count.reached, list(count.counted)

    def reach_date(self, person: _Person, by: date) -> date | None:
        """The first day the person reached the threshold, on or before `by` (and after the
        talk held earlier in the demo, where counting restarted)."""
        for occasion in person.occasions:
            if occasion.start > by:
                break
            if person.held is not None and occasion.start < person.held:
                continue
            if self.count(person, occasion.start)[0]:
                return occasion.start
        return None

    def _talk(self, person: _Person, signal: date) -> CareTalk:
        _reached, counted = self.count(person, signal)
        return CareTalk(
            unit_id=self.ctx.unit_id,
            employee_id=self.ctx.employee_ids[person.index],
            state=TalkState.DUE.value,
            signal_date=signal,
            occasions=len(counted),
            covers_from=counted[0].start if counted else None,
            covers_through=max(o.start for o in counted) if counted else signal,
            invitations=0,
        )

    def history(self, person: _Person, signal: date, *, declined: bool) -> None:
        talk = self._talk(person, signal)
        invite = _next_weekday(signal + timedelta(days=6))
        steps = [self._invite(invite)]
        if declined:
            steps.append(TalkStep(TalkState.DECLINED, invite, text=DECLINED_REASON))
        else:
            held = invite
            follow_up = _next_weekday(held + timedelta(days=42))
            steps += [
                TalkStep(TalkState.HELD, held, text=self.rng.choice(SUPPORT), follow_up=follow_up),
                TalkStep(TalkState.FOLLOWED_UP, follow_up, text=self.rng.choice(FOLLOW_UP_NOTES)),
                TalkStep(TalkState.CLOSED, follow_up + timedelta(days=1)),
            ]
            person.held = held
        _walk(talk, steps, self.today)
        self.talks.append(talk)

    def _invite(self, day: date) -> TalkStep:
        return TalkStep(
            TalkState.INVITED,
            day,
            at=self.rng.choice(TIMES),
            place=self.rng.choice(PLACES),
            minutes=45,
        )

    def current(self, person: _Person, role: TalkState | None, reached: date) -> None:
        """The person is due today (reached the threshold on `reached`); `role` is what the EC
        has done about it (None: nothing yet). A talk answers the occasions counted on the day
        the EC acted, which is its signal date."""
        today = self.today
        if role is None:
            return
        if role is TalkState.DUE:  # snoozed: waits two weeks
            made_on = max(reached, today - timedelta(days=3))
            until = today + timedelta(days=14)
            reason = self.rng.choice(SNOOZE_REASONS)
            assert not validate_snooze(until, reason, made_on)
            self.snoozes.append(
                CareTalkSnooze(
                    unit_id=self.ctx.unit_id,
                    employee_id=self.ctx.employee_ids[person.index],
                    made_on=made_on,
                    until=until,
                    reason=reason,
                    created_by=DEMO_ACTOR,
                )
            )
            return
        if role is TalkState.INVITED:
            talk = self._talk(person, max(reached, today - timedelta(days=2)))
            steps = [self._invite(_next_weekday(today + timedelta(days=1)))]
        elif role is TalkState.HELD:
            talk = self._talk(person, max(reached, today - timedelta(days=20)))
            held = max(talk.signal_date, today - timedelta(days=12))
            steps = [
                self._invite(held),
                TalkStep(
                    TalkState.HELD,
                    held,
                    text=self.rng.choice(SUPPORT),
                    follow_up=_next_weekday(today + timedelta(days=2)),
                ),
            ]
        else:
            talk = self._talk(person, max(reached, today - timedelta(days=1)))
            steps = [TalkStep(TalkState.NOT_NEEDED, talk.signal_date, text=NOT_NEEDED_REASON)]
        _walk(talk, steps, today)
        self.talks.append(talk)


# What the EC has done for each person due today, in the order the page needs them shown:
# None is due and untouched, DUE stands for a snoozed signal.
CURRENT_ROLES: tuple[TalkState | None, ...] = (
    None,
    TalkState.INVITED,
    TalkState.HELD,
    TalkState.DUE,
    TalkState.NOT_NEEDED,
)


def write_demo_care_talks(session: Session, plan: DemoPlan, ctx: WriteContext) -> None:
    planner = _Planner(plan, ctx, random.Random(f"enhetschef-demo:{plan.spec.seed}:omtanke"))
    people = planner.people()
    history_by = planner.today - timedelta(days=HISTORY_BEFORE_TODAY)
    earlier = 0
    for person in people:
        if earlier == 2:
            break
        signal = planner.reach_date(person, history_by)
        if signal is None:
            continue
        planner.history(person, signal, declined=earlier == 1)
        earlier += 1
    due_today = [p for p in people if planner.count(p, planner.today)[0]]
    for role, person in zip(CURRENT_ROLES, due_today, strict=False):
        reached = planner.reach_date(person, planner.today) or planner.today
        planner.current(person, role, reached)
    session.add_all(planner.talks)
    session.add_all(planner.snoozes)

"""The demo unit's medarbetarsamtal and competence: earlier cycles done, the cycle in force half
done (some booked, some planned, the rest not yet), goals with follow-ups, lönesamtal,
trainings and delegations of which some expire around the period's end, introductions of the
newest staff, and exit talks with most leavers.

Drawn from the demo's seed and plan only, never the clock. Everything held or done lies before
the first day of the period's last month: the demo's end is the end of the current month by
default, so these dates are in the past whatever day of the month the demo is opened.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING

from enhetschef_app.demo.plan import DemoPlan
from enhetschef_app.demo.staff import DemoPerson, StaffRole
from enhetschef_app.domain.competence import add_months, training_valid_until
from enhetschef_app.domain.exit_talks import ExitOutcome
from enhetschef_app.domain.reviews import (
    Expectation,
    ReviewCycle,
    cycle_on,
    cycle_starting,
    expectation,
)
from enhetschef_app.domain.settings_catalog import RuleSettings
from enhetschef_app.domain.staff import EmploymentForm, EndReason
from enhetschef_app.storage.models_people import (
    Delegation,
    ExitTalk,
    IntroCheck,
    ReviewGoal,
    ReviewTalk,
    SalaryTalk,
    ShiftTypeCompetence,
    Training,
)
from enhetschef_app.storage.queries import people as people_queries
from enhetschef_app.storage.queries.settings import current_settings
from enhetschef_app.storage.session import Session

if TYPE_CHECKING:  # demo_unit imports this module for its WRITE_STEPS
    from enhetschef_app.demo.context import WriteContext

MEDICATION = "Läkemedelshantering"
INSULIN = "Insulininjektion"
NURSES = ("Helena Ström", "Samir Haddad", "Maria Lindqvist")
PLACES = ("Enhetschefens kontor", "Samtalsrummet, plan 2")
GOALS = (
    ("Gå utbildningen i demensvård (Demens ABC)", "Webbutbildning på arbetstid, 2 h i veckan"),
    ("Bli kontaktperson för två boende", "Introduktion av nuvarande kontaktperson"),
    ("Ta delegering för insulin", "Utbildning och praktiskt prov med sjuksköterskan"),
    ("Handleda en ny medarbetare", "Följer introduktionsplanen tillsammans med EC"),
    ("Arbeta mer med social dokumentation", "Avsatt tid varannan vecka"),
    ("Bli hygienombud på avdelningen", "Nätverksträffar med kommunens hygiensjuksköterska"),
    ("Prova långpass i schemat", "Ny schemaperiod, utvärderas efter tre månader"),
    ("Läsa in undersköterskekompetens", "Vuxenutbildning på deltid med studieledighet"),
)
EXIT_NOTES: dict[EndReason | None, str] = {
    EndReason.PENSION: "Tackar för åren; kan tänka sig att vikariera ibland.",
    EndReason.JOB_IN_MUNICIPALITY: "Går till annan enhet i kommunen; trivts med kollegorna.",
    EndReason.JOB_ELSEWHERE: "Nytt arbete med dagtid; önskar fler dagpass här.",
    EndReason.STUDIES: "Börjar sjuksköterskeprogrammet; vill jobba extra på loven.",
    EndReason.WORK_ENVIRONMENT: "Upplever hög arbetsbelastning på kvällarna; tas upp på APT.",
    EndReason.PAY: "Högre lön erbjuden hos privat utförare.",
    EndReason.SCHEDULE: "Önskar schema utan delade turer och färre helger.",
    EndReason.MOVED: "Flyttar till annan ort.",
    EndReason.FIXED_TERM_ENDED: "Vikariatet slut; vill gärna stå kvar som timvikarie.",
    EndReason.OTHER: "Vill inte uppge orsak närmare.",
    None: "",
}


def _day_between(rng: random.Random, first: date, last: date) -> date:
    """A weekday between the two days (both included), or `first` when none is."""
    if last < first:
        return first
    for _attempt in range(20):
        day = first + timedelta(rng.randint(0, (last - first).days))
        if day.weekday() < 5:
            return day
    return first


def _cycles(plan: DemoPlan, start_month: int, end_month: int) -> list[ReviewCycle]:
    first = cycle_on(plan.start, start_month, end_month)
    last = cycle_on(plan.end, start_month, end_month)
    return [
        cycle_starting(y, start_month, end_month)
        for y in range(first.start.year, last.start.year + 1)
    ]


class PeopleDemo:
    def __init__(self, session: Session, plan: DemoPlan, ctx: WriteContext) -> None:
        self.session = session
        self.plan = plan
        self.ctx = ctx
        self.rng = random.Random(f"enhetschef-demo:{plan.spec.seed}:medarbetarsamtal")
        # Held and done only before the last month of the period: the past on any day of it.
        self.past = min(plan.end.replace(day=1), plan.today()) - timedelta(days=1)

    def person_id(self, person: DemoPerson) -> int:
        return self.ctx.employee_ids[person.index]

    def write(self) -> None:
        stored = current_settings(self.session, self.ctx.unit_id)
        values = RuleSettings({key: value for key, (value, _when) in stored.items()})
        start_month = values.integer("reviews.cycle_start_month")
        end_month = values.integer("reviews.cycle_end_month")
        cycles = _cycles(self.plan, start_month, end_month)
        for person in self.plan.people:
            for cycle in cycles:
                self.talk(person, cycle, current=cycle is cycles[-1])
            self.salary_talks(person)
        self.trainings()
        self.delegations()
        self.introductions()
        self.exit_talks()
        self.requirements()

    # Medarbetarsamtal -------------------------------------------------------------------

    def talk(self, person: DemoPerson, cycle: ReviewCycle, *, current: bool) -> None:
        rng = self.rng
        expected = expectation(person.form, person.start, person.end, cycle)
        if expected is not Expectation.EXPECTED or cycle.start > self.past:
            return
        draw = rng.random()
        if not current:
            if draw < 0.92:
                self.held_talk(person, _day_between(rng, cycle.start, min(cycle.end, self.past)))
            elif draw < 0.96:
                late = min(cycle.end + timedelta(days=45), self.past)
                self.held_talk(person, _day_between(rng, cycle.end + timedelta(days=1), late))
            return
        # The cycle in force: half held, some booked, some planned, the rest not yet.
        # Booked and planned talks from the period's last week on: in the future on most days.
        soon = min(self.plan.end - timedelta(days=6), self.plan.today() + timedelta(days=1))
        if draw < 0.5:
            self.held_talk(person, _day_between(rng, cycle.start, min(cycle.end, self.past)))
        elif draw < 0.72:
            self.planned_talk(person, _day_between(rng, soon, soon + timedelta(days=30)), True)
        elif draw < 0.85:
            self.planned_talk(person, _day_between(rng, soon, soon + timedelta(days=40)), False)

    def planned_talk(self, person: DemoPerson, day: date, booked: bool) -> None:
        hour = self.rng.choice((9, 10, 13, 14))
        self.session.add(
            ReviewTalk(
                employee_id=self.person_id(person),
                planned_on=day,
                planned_time=time(hour, 0),
                duration_minutes=60,
                place=self.rng.choice(PLACES),
                booked_at=(
                    datetime.combine(day - timedelta(days=21), time(8), tzinfo=UTC)
                    if booked
                    else None
                ),
                notes="",
            )
        )

    def held_talk(self, person: DemoPerson, day: date) -> None:
        if day > self.past:
            return
        rng = self.rng
        talk = ReviewTalk(
            employee_id=self.person_id(person),
            planned_on=day,
            planned_time=time(rng.choice((9, 10, 13, 14)), 0),
            duration_minutes=60,
            place=rng.choice(PLACES),
            booked_at=datetime.combine(day - timedelta(days=21), time(8), tzinfo=UTC),
            held_on=day,
            notes="Trivs i arbetsgruppen. Mål och stöd enligt nedan.",
        )
        self.session.add(talk)
        self.session.flush()
        last_follow_up: date | None = None
        all_followed = True
        for position, (goal, how) in enumerate(rng.sample(GOALS, rng.randint(1, 3))):
            due = add_months(day, rng.choice((3, 6, 9)))
            followed = None
            if due <= self.past and rng.random() < 0.8:
                followed = min(due + timedelta(days=rng.randint(0, 20)), self.past)
                last_follow_up = max(followed, last_follow_up or followed)
            else:
                all_followed = False
            self.session.add(
                ReviewGoal(
                    talk_id=talk.id,
                    position=position,
                    goal=goal,
                    how=how,
                    due_on=due,
                    followed_up_on=followed,
                )
            )
        if all_followed and last_follow_up is not None:
            talk.followed_up_on = last_follow_up

    def salary_talks(self, person: DemoPerson) -> None:
        if person.form is EmploymentForm.HOURLY:
            return
        # Lönesamtal in spring, from the spring before the period on.
        for year in range(self.plan.start.year - 1, self.plan.end.year + 1):
            day = _day_between(self.rng, date(year, 3, 1), date(year, 4, 30))
            if day > self.past or not person.employed_on(day):
                continue
            self.session.add(
                SalaryTalk(
                    employee_id=self.person_id(person),
                    talk_date=day,
                    done=self.rng.random() < 0.95,
                )
            )

    # Competence -------------------------------------------------------------------------

    def staff_at_end(self) -> list[DemoPerson]:
        return [p for p in self.plan.people if p.employed_on(self.plan.end)]

    def trainings(self) -> None:
        kinds = people_queries.active_training_kinds_in_order_added(self.session)
        rng = self.rng
        for person in self.staff_at_end():
            for kind in kinds:
                months = kind.validity_months or 36
                # Done so that it holds at least until shortly before the period's end: the
                # unit keeps up, and the ones due next fall in the reminder window.
                earliest = add_months(self.plan.end - timedelta(days=10), -months)
                draw = rng.random()
                if draw < 0.03:
                    continue  # never done: shows as missing
                if draw < 0.97:
                    done = _day_between(rng, earliest, self.past)
                else:  # not renewed in time
                    done = earliest - timedelta(days=rng.randint(15, 60))
                if done < person.start:
                    if rng.random() < 0.5:
                        continue
                    done = _day_between(rng, person.start, self.past)
                    if done > self.past:
                        continue
                self.session.add(
                    Training(
                        employee_id=self.person_id(person),
                        training_kind_id=kind.id,
                        completed_on=done,
                        valid_until=training_valid_until(done, kind.validity_months),
                    )
                )

    def delegations(self) -> None:
        rng = self.rng
        forced = 0
        for person in self.staff_at_end():
            tasks: list[str] = []
            if person.role is StaffRole.NIGHT or rng.random() < (
                0.25 if person.role is StaffRole.HOURLY else 0.55
            ):
                tasks.append(MEDICATION)
            if person.role is StaffRole.DAY and rng.random() < 0.2:
                tasks.append(INSULIN)
            for task in tasks:
                if forced < 4:
                    # A few expire around the period's end whatever else is drawn.
                    last = self.plan.end + timedelta(days=rng.randint(-5, 25))
                    forced += 1
                else:
                    last = self.plan.end + timedelta(days=rng.randint(-20, 330))
                self.delegation(person, task, last)

    def delegation(self, person: DemoPerson, task: str, last: date) -> None:
        first = add_months(last + timedelta(days=1), -12)
        nurse = self.rng.choice(NURSES)
        if first > self.past:
            return
        if first - timedelta(days=365) >= person.start:
            # The year before: the delegation renewed, as it must be every year.
            self.session.add(
                Delegation(
                    employee_id=self.person_id(person),
                    task=task,
                    delegated_by=nurse,
                    valid_from=add_months(first, -12),
                    valid_to=first - timedelta(days=1),
                )
            )
        self.session.add(
            Delegation(
                employee_id=self.person_id(person),
                task=task,
                delegated_by=nurse,
                valid_from=max(first, person.start),
                valid_to=last,
            )
        )

    def requirements(self) -> None:
        night = people_queries.shift_type_by_code(self.session, self.ctx.unit_id, "N")
        if night is not None:
            self.session.add(ShiftTypeCompetence(shift_type_id=night.id, competence=MEDICATION))

    # Introduction and exit talks --------------------------------------------------------

    def introductions(self) -> None:
        items = people_queries.intro_items(self.session, active_only=True)
        newest = self.plan.end - timedelta(days=240)
        for person in self.plan.people:
            if (
                person.start < newest
                or person.start > self.past
                or (person.end is not None and person.end < self.plan.end)
            ):
                continue
            for item in items:
                due = person.start + timedelta(days=item.due_days)
                if due > self.past - timedelta(days=3) or self.rng.random() > 0.85:
                    continue
                done = min(due + timedelta(days=self.rng.randint(0, 5)), self.past)
                self.session.add(
                    IntroCheck(employee_id=self.person_id(person), item_id=item.id, done_on=done)
                )

    def exit_talks(self) -> None:
        for person in self.plan.people:
            if person.end is None or person.end > self.plan.end or person.end < self.plan.start:
                continue
            draw = self.rng.random()
            held_on = person.end - timedelta(days=self.rng.randint(2, 20))
            if draw < 0.15 or held_on > self.past:
                continue  # not recorded yet: shows as a talk to hold
            outcome = ExitOutcome.HELD if draw < 0.85 else ExitOutcome.DECLINED
            self.session.add(
                ExitTalk(
                    employee_id=self.person_id(person),
                    outcome=outcome.value,
                    held_on=max(held_on, person.start) if outcome is ExitOutcome.HELD else None,
                    notes=EXIT_NOTES[person.end_reason] if outcome is ExitOutcome.HELD else "",
                )
            )


def write_demo_people(session: Session, plan: DemoPlan, ctx: WriteContext) -> None:
    """The write step of `demo_unit.WRITE_STEPS` for medarbetarsamtal and competence."""
    PeopleDemo(session, plan, ctx).write()
    session.flush()

"""The demo unit's shift types, staffing need and planned schedule.

Pure: people and the period in, plain rows out. The schedule is planned day by day the way a
scheduler works: the rows the need calls for are filled by the monthly paid who are furthest
behind their contract hours and may work (11 h dygnsvila, 36 h free around a single day off,
at most five days in a row, their free weekends); the rest go to hourly staff or stay vacant.
Full-timers with hours left over get resurspass. A few breaches of the rest rules are then
made on purpose, so that the rest-time checks have something to find.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, time, timedelta

from enhetschef_app.demo.staff import DemoPerson, StaffRole, night_need_for

MINUTES_PER_DAY = 24 * 60
MIN_REST_MINUTES = 11 * 60  # dygnsvila (ATL 13 §, AB)
WEEKLY_REST_MINUTES = 36 * 60  # veckovila (ATL 14 §)
MAX_DAYS_IN_A_ROW = 5
MAX_NIGHTS_IN_A_ROW = 4
# The share of the day staff's contract hours the need asks for; the rest become resurspass.
NEED_COVERAGE = 1.12
HOURLY_FILL_CHANCE = 0.9  # of rows the monthly paid could not take
# Rows planned for hourly staff from the start, so the shortfall spreads over the week instead
# of falling on its last days when the monthly paid have used their hours.
HOURLY_PLANNED_SHARE = 0.08
# Full-timers (heltid som norm) have part of their hours as resurspass, placed where needed:
# one every second week on average.
RESURS_WEEK_CHANCE = 0.5


@dataclass(frozen=True)
class ShiftDef:
    code: str
    name: str
    start: time
    end: time
    break_minutes: int
    kind: str

    @property
    def start_minute(self) -> int:
        return self.start.hour * 60 + self.start.minute

    @property
    def length(self) -> int:
        """Minutes from start to end; a shift that ends at or before it starts ends next day."""
        end = self.end.hour * 60 + self.end.minute
        return (end - self.start_minute) % MINUTES_PER_DAY or MINUTES_PER_DAY

    @property
    def worked(self) -> int:
        return self.length - self.break_minutes


SHIFT_TYPES: tuple[ShiftDef, ...] = (
    ShiftDef("D", "Dag", time(7, 0), time(15, 30), 30, "dag"),
    ShiftDef("K", "Kväll", time(13, 30), time(21, 30), 30, "kvall"),
    ShiftDef("N", "Natt", time(21, 15), time(7, 15), 0, "natt"),
    ShiftDef("L", "Långpass", time(7, 0), time(19, 30), 45, "lang"),
    ShiftDef("R", "Resurspass", time(8, 0), time(16, 30), 30, "resurs"),
)
SHIFTS = {shift.code: shift for shift in SHIFT_TYPES}

# The need's time bands; together they cover the whole day (the last one ends next morning).
BANDS: tuple[tuple[time, time], ...] = (
    (time(7, 0), time(13, 30)),
    (time(13, 30), time(21, 30)),
    (time(21, 30), time(7, 0)),
)
MORNING, EVENING, NIGHT = range(3)

# Weekly shift minutes that one unit of `base` (staff on a weekday morning) brings with it:
# weekday mornings base × D, evenings 0.65 base × K; weekends 0.8 and 0.6 of base.
_WEEK_MINUTES_PER_BASE = 5 * (480 + 0.65 * 450) + 2 * (0.8 * 480 + 0.6 * 450)


@dataclass(frozen=True)
class NeedBand:
    weekday: int  # 0 = Monday
    start: time
    end: time
    staff_count: int


@dataclass(slots=True)
class PlannedShift:
    day: date
    code: str
    person: int | None  # DemoPerson.index; None is a vacant row


def staffing_need(people: Sequence[DemoPerson], start: date, headcount: int) -> list[NeedBand]:
    """Staff per band and weekday, sized so the day staff's contract hours about cover it."""
    day_minutes = sum(
        p.contract_week_minutes for p in people if p.role is StaffRole.DAY and p.employed_on(start)
    )
    base = max(1.0, NEED_COVERAGE * day_minutes / _WEEK_MINUTES_PER_BASE)
    night = night_need_for(headcount)
    needs: list[NeedBand] = []
    for weekday in range(7):
        weekend = weekday >= 5
        counts = (
            max(1, round(base * (0.8 if weekend else 1.0))),
            max(1, round(base * (0.6 if weekend else 0.65))),
            night,
        )
        for (band_start, band_end), count in zip(BANDS, counts, strict=True):
            needs.append(NeedBand(weekday, band_start, band_end, count))
    return needs


def weekend_is_free(person: DemoPerson, day: date) -> bool:
    """Every `weekend_cycle`:th weekend is free; Saturday and Sunday share one ISO week."""
    week = (day.toordinal() - 1) // 7  # ordinal 1 (0001-01-01) is a Monday
    return (week + person.weekend_offset) % person.weekend_cycle == 0


@dataclass(slots=True)
class _Person:
    """A person's running state while the schedule is planned."""

    person: DemoPerson
    first: int  # first and last day index of the period the person is employed
    last: int
    availability: float  # hourly staff: the chance to say yes on a given day
    week_cap: int  # hourly staff: most shifts a week
    last_day: int = -10
    last_end: int = -(10**6)  # minute counted from the period's first midnight
    streak: int = 0
    target: int = 0
    worked: int = 0
    shifts: int = 0
    carried: int = 0
    resurs_left: int = 0  # resurspass minutes still to place this week


class SchedulePlanner:
    def __init__(
        self,
        rng: random.Random,
        people: Sequence[DemoPerson],
        needs: Sequence[NeedBand],
        start: date,
        end: date,
    ) -> None:
        self.rng = rng
        self.people = people
        self.start = start
        self.days = (end - start).days + 1
        self.need = {(n.weekday, BANDS.index((n.start, n.end))): n.staff_count for n in needs}
        self.states = [self._state(p) for p in people]
        self.day_rows: list[list[PlannedShift]] = [[] for _ in range(self.days)]
        self.protected: set[int] = set()  # id() of rows made on purpose, never vacated
        long_staff = sum(1 for p in people if p.long_shifts and p.end is None)
        base = self.need[(0, MORNING)]
        self.long_per_weekend_day = min(round(base / 6), long_staff // 3)

    def _state(self, person: DemoPerson) -> _Person:
        first = max(0, (person.start - self.start).days)
        last = (
            self.days - 1
            if person.end is None
            else min(self.days - 1, (person.end - self.start).days)
        )
        hourly = person.role is StaffRole.HOURLY
        return _Person(
            person=person,
            first=first,
            last=last,
            availability=self.rng.uniform(0.6, 0.95) if hourly else 0.0,
            week_cap=self.rng.randint(3, 5) if hourly else 0,
        )

    def plan(self) -> list[PlannedShift]:
        for day_index in range(self.days):
            if day_index % 7 == 0:
                self._start_week(day_index)
            self._plan_day(day_index)
        self._make_quick_returns(max(1, self.days // 84))
        self._make_long_runs(max(1, self.days // 120))
        self._keep_vacancies()
        return [row for rows in self.day_rows for row in rows]

    # -- one week, one day ------------------------------------------------------------------

    def _start_week(self, first_day: int) -> None:
        week_days = range(first_day, min(first_day + 7, self.days))
        for state in self.states:
            employed = sum(1 for d in week_days if state.first <= d <= state.last)
            if state.shifts or state.target:
                # Schedules balance over several weeks: a short week is made up the next.
                state.carried = max(-600, min(600, state.target - state.worked))
            contract = state.person.contract_week_minutes * employed // 7
            state.target = contract + state.carried if contract else 0
            resurs = state.person.role is StaffRole.DAY and state.person.grade_percent == 100
            resurs = resurs and contract > 0 and self.rng.random() < RESURS_WEEK_CHANCE
            state.resurs_left = SHIFTS["R"].worked if resurs else 0
            state.worked = 0
            state.shifts = 0

    def _day_slots(self, weekday: int) -> list[str]:
        morning = self.need[(weekday, MORNING)]
        evening = self.need[(weekday, EVENING)]
        long_rows = min(morning, evening, self.long_per_weekend_day) if weekday >= 5 else 0
        day_rows = ["D"] * (morning - long_rows)
        evening_rows = ["K"] * (evening - long_rows)
        mixed: list[str] = []
        while day_rows or evening_rows:  # alternate so neither kind gets the best people
            if day_rows:
                mixed.append(day_rows.pop())
            if evening_rows:
                mixed.append(evening_rows.pop())
        return ["N"] * self.need[(weekday, NIGHT)] + ["L"] * long_rows + mixed

    def _plan_day(self, day_index: int) -> None:
        day = self.start + timedelta(days=day_index)
        weekday = day.weekday()
        active = [s for s in self.states if s.first <= day_index <= s.last]
        monthly = [s for s in active if s.person.role is not StaffRole.HOURLY]
        hourly = [s for s in active if s.person.role is StaffRole.HOURLY]
        days_left = 7 - day_index % 7
        weekend_left = [
            day + timedelta(days=j)
            for j in range(min(days_left, self.days - day_index))
            if (day + timedelta(days=j)).weekday() >= 5
        ]
        weekdays_left = min(days_left, self.days - day_index) - len(weekend_left)
        open_days = {
            id(s): weekdays_left + sum(1 for w in weekend_left if not weekend_is_free(s.person, w))
            for s in monthly
        }
        rows = self.day_rows[day_index]
        unfilled: list[PlannedShift] = []
        for code in self._day_slots(weekday):
            chosen = (
                None
                if code != "N" and self.rng.random() < HOURLY_PLANNED_SHARE
                else self._best_monthly(code, day, day_index, monthly, open_days, weekdays_left)
            )
            row = PlannedShift(day, code, None)
            if chosen is not None:
                self._assign(chosen, row, day_index)
            else:
                unfilled.append(row)
            rows.append(row)
        if weekday < 5:
            self._give_resurspass(day, day_index, monthly, open_days, weekdays_left)
        for row in unfilled:
            if self.rng.random() < HOURLY_FILL_CHANCE:
                self._fill_with_hourly(row, day_index, hourly)

    def _may_work(self, state: _Person, shift: ShiftDef, day_index: int) -> bool:
        if state.last_day == day_index:
            return False
        if day_index * MINUTES_PER_DAY + shift.start_minute - state.last_end < MIN_REST_MINUTES:
            return False
        limit = MAX_NIGHTS_IN_A_ROW if shift.code == "N" else MAX_DAYS_IN_A_ROW
        return not (state.last_day == day_index - 1 and state.streak >= limit)

    def _best_monthly(
        self,
        code: str,
        day: date,
        day_index: int,
        monthly: list[_Person],
        open_days: dict[int, int],
        weekdays_left: int,
    ) -> _Person | None:
        shift = SHIFTS[code]
        night = code == "N"
        weekend = day.weekday() >= 5
        best: _Person | None = None
        best_score = float("-inf")
        for state in monthly:
            person = state.person
            if (person.role is StaffRole.NIGHT) != night:
                continue
            if code == "L" and not person.long_shifts:
                continue
            remaining = state.target - state.worked - state.resurs_left
            if not weekend:  # keep the hours of a working weekend for the weekend
                remaining -= (open_days[id(state)] - weekdays_left) * shift.worked
            if remaining < shift.worked // 2:
                continue
            if weekend and weekend_is_free(person, day):
                continue
            if not self._may_work(state, shift, day_index):
                continue
            score = remaining / (max(1, open_days[id(state)]) * 470)
            if weekend:
                score += 1.5  # a working weekend is worked
            score += _preference_bonus(person.shift_preference, code)
            if state.last_day == day_index - 1 and state.streak >= 4:
                score -= 0.3
            if self._short_single_day_off(state, shift, day_index):
                continue
            score += self.rng.random() * 0.25
            if score > best_score:
                best, best_score = state, score
        return best

    @staticmethod
    def _short_single_day_off(state: _Person, shift: ShiftDef, day_index: int) -> bool:
        """One day off that gives less than 36 h free (K, free, D): veckovila gets tight."""
        if state.last_day != day_index - 2:
            return False
        free = day_index * MINUTES_PER_DAY + shift.start_minute - state.last_end
        return free < WEEKLY_REST_MINUTES

    def _give_resurspass(
        self,
        day: date,
        day_index: int,
        monthly: list[_Person],
        open_days: dict[int, int],
        weekdays_left: int,
    ) -> None:
        """Full-timers' resurspass, and anyone whose contract hours the need does not use."""
        shift = SHIFTS["R"]
        for state in monthly:
            if state.person.role is not StaffRole.DAY:
                continue
            weekend_days = open_days[id(state)] - weekdays_left
            remaining = state.target - state.worked - weekend_days * shift.worked
            if remaining < shift.worked * 3 // 4:
                continue
            pressed = remaining / (max(1, weekdays_left) * shift.worked) >= 0.95
            planned = state.resurs_left >= shift.worked * 3 // 4 and self.rng.random() < 0.5
            if not (pressed or planned) or self._short_single_day_off(state, shift, day_index):
                continue
            if self._may_work(state, shift, day_index):
                row = PlannedShift(day, "R", None)
                self._assign(state, row, day_index)
                self.day_rows[day_index].append(row)

    def _fill_with_hourly(self, row: PlannedShift, day_index: int, hourly: list[_Person]) -> None:
        shift = SHIFTS[row.code]
        willing = [
            s
            for s in hourly
            if s.shifts < s.week_cap
            and self.rng.random() < s.availability
            and self._may_work(s, shift, day_index)
        ]
        if willing:
            self._assign(self.rng.choice(willing), row, day_index)

    def _assign(self, state: _Person, row: PlannedShift, day_index: int) -> None:
        shift = SHIFTS[row.code]
        row.person = state.person.index
        state.streak = state.streak + 1 if state.last_day == day_index - 1 else 1
        state.last_day = day_index
        state.last_end = day_index * MINUTES_PER_DAY + shift.start_minute + shift.length
        state.worked += shift.worked
        state.shifts += 1
        if row.code == "R":
            state.resurs_left = max(0, state.resurs_left - shift.worked)

    # -- the deliberate breaches and the vacancies --------------------------------------------

    def _works(self, person: int, day_index: int) -> bool:
        return any(r.person == person for r in self.day_rows[day_index])

    def _employed(self, person: int, first: int, last: int) -> bool:
        state = self.states[person]
        return state.first <= first and last <= state.last

    def _make_quick_returns(self, wanted: int) -> None:
        """K one evening, D the next morning: 9.5 h of dygnsvila instead of 11."""
        made = 0
        for _ in range(200 * wanted):
            if made >= wanted or self.days < 2:
                return
            day_index = self.rng.randrange(self.days - 1)
            evening = [
                r.person
                for r in self.day_rows[day_index]
                if r.code == "K"
                and r.person is not None
                and self.people[r.person].role is StaffRole.DAY
            ]
            if not evening:
                continue
            person = self.rng.choice(evening)
            after = day_index + 1
            if self._works(person, after) or not self._employed(person, after, after):
                continue
            mornings = [
                r for r in self.day_rows[after] if r.code == "D" and id(r) not in self.protected
            ]
            if not mornings:
                continue
            vacant = [r for r in mornings if r.person is None]
            row = vacant[0] if vacant else self.rng.choice(mornings)
            row.person = person  # whoever held it is freed: the swap a scheduler makes
            self.protected.add(id(row))
            made += 1

    def _make_long_runs(self, wanted: int) -> None:
        """Seven or more days in a row, by resurspass added on the free days."""
        day_staff = [p.index for p in self.people if p.role is StaffRole.DAY and p.is_monthly_paid]
        made = 0
        for _ in range(200 * wanted):
            if made >= wanted or self.days < 7 or not day_staff:
                return
            person = self.rng.choice(day_staff)
            first = self.rng.randrange(self.days - 6)
            if not self._employed(person, first, first + 6):
                continue
            for day_index in range(first, first + 7):
                if not self._works(person, day_index):
                    row = PlannedShift(self.start + timedelta(days=day_index), "R", person)
                    self.day_rows[day_index].append(row)
                    self.protected.add(id(row))
            made += 1

    def _keep_vacancies(self) -> None:
        """Every week has a few vacant rows, as every real schedule does."""
        hourly = {p.index for p in self.people if p.role is StaffRole.HOURLY}
        least = max(1, round(len(self.people) / 25))
        for first in range(0, self.days, 7):
            week = [r for rows in self.day_rows[first : first + 7] for r in rows]
            wanted = self.rng.randint(1, least + 1) - sum(1 for r in week if r.person is None)
            if wanted <= 0:
                continue
            movable = [r for r in week if r.code != "R" and id(r) not in self.protected]
            by_hourly = [r for r in movable if r.person in hourly]
            others = [r for r in movable if r.person is not None and r.person not in hourly]
            self.rng.shuffle(by_hourly)
            self.rng.shuffle(others)
            for row in (by_hourly + others)[:wanted]:
                row.person = None


def _preference_bonus(preference: str, code: str) -> float:
    if preference == "dag":
        return 0.35 if code in {"D", "L"} else -0.35 if code == "K" else 0.0
    if preference == "kvall":
        return 0.35 if code == "K" else -0.35 if code == "D" else 0.0
    return 0.0


def plan_schedule(
    rng: random.Random,
    people: Sequence[DemoPerson],
    needs: Sequence[NeedBand],
    start: date,
    end: date,
) -> list[PlannedShift]:
    """Every row of the period, day by day; vacant rows have no person."""
    return SchedulePlanner(rng, people, needs, start, end).plan()


def work_days(shifts: Sequence[PlannedShift]) -> dict[int, list[date]]:
    """Each person's days with a shift, in order (absences start on such days)."""
    found: dict[int, set[date]] = {}
    for shift in shifts:
        if shift.person is not None:
            found.setdefault(shift.person, set()).add(shift.day)
    return {person: sorted(days) for person, days in found.items()}

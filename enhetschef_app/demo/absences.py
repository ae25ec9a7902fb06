"""The demo unit's absences: sick spells short and long, VAB, summer semester and the rest.

Pure: people, their work days and the period in, plain rows out. Kinds, dates and extent only,
never a diagnosis. Spells of one person never overlap, and two sick spells of one person always
have a working day between them, so each is its own frånvarotillfälle.
"""

from __future__ import annotations

import bisect
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from enhetschef_app.demo.staff import DemoPerson, StaffRole

# Short sick spells a year, by how often a person is ill: none, seldom, sometimes, often.
_SICK_RATE_GROUPS: tuple[tuple[int, float, float], ...] = (
    (20, 0.0, 0.0),
    (45, 0.4, 1.5),
    (25, 2.0, 3.5),
    (10, 4.0, 7.0),
)
_SICK_LENGTH_WEIGHTS = ((1, 30), (2, 25), (3, 20), (4, 10), (5, 7), (6, 4), (7, 4))
# Colds and flu in winter, fewer in summer (thinning of the drawn spells).
_MONTH_WEIGHT = {12: 1.0, 1: 1.0, 2: 1.0, 3: 0.9, 6: 0.55, 7: 0.5, 8: 0.6}
_SUMMER_WAVES = (25, 27, 29, 31)  # ISO weeks the summer semester starts in, staggered
MIN_DAYS_BETWEEN_SICK_SPELLS = 7


@dataclass(frozen=True)
class PlannedAbsence:
    person: int  # DemoPerson.index
    kind: str  # a value of domain.settings_catalog.ABSENCE_KIND_CHOICES
    start: date
    end: date | None  # None: still going on at the end of the period
    extent_percent: int = 100


class AbsencePlanner:
    def __init__(
        self,
        rng: random.Random,
        people: Sequence[DemoPerson],
        work_days: Mapping[int, Sequence[date]],
        start: date,
        end: date,
    ) -> None:
        self.rng = rng
        self.people = people
        self.work_days = work_days
        self.start = start
        self.end = end
        self.years = ((end - start).days + 1) / 365
        self.spells: list[PlannedAbsence] = []
        self.by_person: dict[int, list[PlannedAbsence]] = {}
        self.sick_rate: dict[int, float] = {}

    def plan(self) -> list[PlannedAbsence]:
        self._open_long_sick_spell()
        self._long_sick_spells()
        self._leaves("foraldraledig", per_person_year=1 / 40, days=(60, 270))
        self._leaves("tjanstledig", per_person_year=1 / 70, days=(30, 180))
        self._summer_semester()
        self._winter_semester()
        self._short_sick_spells()
        self._ensure_frequent_absentee()
        self._short_spells("vab", share=0.3, rate=(1.5, 5.0), lengths=((1, 50), (2, 35), (3, 15)))
        self._short_spells("utbildning", share=0.8, rate=(0.5, 2.0), lengths=((1, 85), (2, 15)))
        self._short_spells("komp", share=0.5, rate=(0.3, 1.5), lengths=((1, 100),))
        self._short_spells("ovrigt", share=0.15, rate=(0.2, 0.6), lengths=((1, 100),))
        return sorted(self.spells, key=lambda a: (a.person, a.start, a.kind))

    # -- bookkeeping ---------------------------------------------------------------------------

    def _span(self, person: DemoPerson) -> tuple[date, date]:
        first = max(self.start, person.start)
        last = self.end if person.end is None else min(self.end, person.end)
        return first, last

    def _free(self, person: int, first: date, last: date, margin: int = 0) -> bool:
        pad = timedelta(days=margin)
        return all(
            last + pad < spell.start or (spell.end or self.end) + pad < first
            for spell in self.by_person.get(person, [])
        )

    def _add(self, spell: PlannedAbsence) -> None:
        self.spells.append(spell)
        self.by_person.setdefault(spell.person, []).append(spell)

    def sick_occasions(self, person: int, since: date) -> int:
        """Sick spells starting on or after `since`; a record that continues another is none."""
        sick = [a for a in self.by_person.get(person, []) if a.kind == "sjuk"]
        ends = {a.end for a in sick}
        return sum(1 for a in sick if a.start >= since and a.start - timedelta(days=1) not in ends)

    def _next_work_day(self, person: int, day: date) -> date | None:
        days = self.work_days.get(person, ())
        at = bisect.bisect_left(days, day)
        return days[at] if at < len(days) else None

    def _sick_apart(self, person: int, first: date, last: date) -> bool:
        """A working day between this and any other sick spell: two occasions, not one."""
        for spell in self.by_person.get(person, []):
            if spell.kind != "sjuk":
                continue
            other_last = spell.end or self.end
            if other_last < first:
                between = self._next_work_day(person, other_last + timedelta(days=1))
                if between is None or between >= first:
                    return False
            elif spell.start > last:
                between = self._next_work_day(person, last + timedelta(days=1))
                if between is None or between >= spell.start:
                    return False
            else:
                return False
        return True

    def _monthly(self) -> list[DemoPerson]:
        return [p for p in self.people if p.is_monthly_paid]

    # -- long absences ---------------------------------------------------------------------

    def _open_long_sick_spell(self) -> None:
        """One long sick leave that is still going on when the period ends."""
        still_here = [p for p in self._monthly() if p.end is None or p.end > self.end]
        period_days = (self.end - self.start).days
        if not still_here or period_days < 20:
            return
        person = self.rng.choice(still_here)
        first = self.end - timedelta(days=self.rng.randint(20, min(200, period_days)))
        first = max(first, person.start)
        self._add(PlannedAbsence(person.index, "sjuk", first, None))

    def _long_sick_spells(self) -> None:
        wanted = max(1, round(len(self.people) * self.years * 0.05))
        for _ in range(40 * wanted):
            if wanted <= 0:
                return
            person = self.rng.choice(self._monthly())
            first_day, last_day = self._span(person)
            length = int(self.rng.triangular(20, 200, 45))
            if (last_day - first_day).days < length + 1:
                continue
            first = first_day + timedelta(
                days=self.rng.randint(0, (last_day - first_day).days - length)
            )
            last = first + timedelta(days=length - 1)
            if not self._free(person.index, first, last, margin=10):
                continue
            if not self._sick_apart(person.index, first, last):
                continue
            # Often the way back goes through partial sick leave: 50 % for a few weeks.
            tail = self.rng.randint(14, 60) if self.rng.random() < 0.4 else 0
            if tail and first + timedelta(days=length + tail) <= last_day:
                full_last = last
                last = full_last + timedelta(days=tail)
                if not self._free(person.index, first, last, margin=10):
                    continue
                self._add(PlannedAbsence(person.index, "sjuk", first, full_last))
                self._add(
                    PlannedAbsence(person.index, "sjuk", full_last + timedelta(days=1), last, 50)
                )
            else:
                self._add(PlannedAbsence(person.index, "sjuk", first, last))
            wanted -= 1

    def _leaves(self, kind: str, *, per_person_year: float, days: tuple[int, int]) -> None:
        wanted = round(len(self.people) * self.years * per_person_year)
        for _ in range(40 * wanted):
            if wanted <= 0:
                return
            person = self.rng.choice(self._monthly())
            first_day, last_day = self._span(person)
            length = self.rng.randint(*days)
            if (last_day - first_day).days < length + 1:
                continue
            first = first_day + timedelta(
                days=self.rng.randint(0, (last_day - first_day).days - length)
            )
            last = first + timedelta(days=length - 1)
            if not self._free(person.index, first, last, margin=5):
                continue
            extent = self.rng.choice((100, 100, 100, 50))
            self._add(PlannedAbsence(person.index, kind, first, last, extent))
            wanted -= 1

    # -- semester ----------------------------------------------------------------------------

    def _summer_semester(self) -> None:
        """Three or four weeks each summer, in staggered waves from midsommar to August."""
        for year in range(self.start.year, self.end.year + 1):
            people = self._monthly()
            self.rng.shuffle(people)
            for turn, person in enumerate(people):
                wave = _SUMMER_WAVES[turn % len(_SUMMER_WAVES)]
                weeks = self.rng.choice((3, 4, 4)) if wave < 31 else 3
                first = date.fromisocalendar(year, wave, 1)
                last = first + timedelta(days=7 * weeks - 1)
                self._semester(person, first, last)

    def _winter_semester(self) -> None:
        """A week around Christmas or the sports holiday for some."""
        for year in range(self.start.year, self.end.year + 1):
            for person in self._monthly():
                if self.rng.random() >= 0.25:
                    continue
                week = self.rng.choice((8, 9, 52))
                first = date.fromisocalendar(year, week, 1)
                self._semester(person, first, first + timedelta(days=6))

    def _semester(self, person: DemoPerson, first: date, last: date) -> None:
        span_first, span_last = self._span(person)
        first, last = max(first, span_first), min(last, span_last)
        if last < first or not self._free(person.index, first, last):
            return
        self._add(PlannedAbsence(person.index, "semester", first, last))

    # -- short spells ----------------------------------------------------------------------

    def _draw_days(self, person: DemoPerson, rate: float) -> list[date]:
        """Days on which something starts, as a Poisson process of `rate` a year."""
        first, last = self._span(person)
        found: list[date] = []
        if rate <= 0:
            return found
        at = float(self.rng.uniform(0, 365 / rate))
        while True:
            day = first + timedelta(days=int(at))
            if day > last:
                return found
            if self.rng.random() < _MONTH_WEIGHT.get(day.month, 0.8):
                found.append(day)
            at += self.rng.expovariate(rate / 365)

    def _short_sick_spells(self) -> None:
        groups = [(lo, hi) for _, lo, hi in _SICK_RATE_GROUPS]
        weights = [w for w, _, _ in _SICK_RATE_GROUPS]
        lengths, length_weights = zip(*_SICK_LENGTH_WEIGHTS, strict=True)
        for person in self.people:
            low, high = self.rng.choices(groups, weights)[0]
            rate = self.rng.uniform(low, high) * (0.5 if person.role is StaffRole.HOURLY else 1.0)
            self.sick_rate[person.index] = rate
            for day in self._draw_days(person, rate):
                self._try_sick(person, day, self.rng.choices(lengths, length_weights)[0])

    def _try_sick(self, person: DemoPerson, day: date, length: int) -> bool:
        first = self._next_work_day(person.index, day)
        if first is None:
            return False
        last = min(first + timedelta(days=length - 1), self._span(person)[1])
        if not self._free(person.index, first, last, margin=1):
            return False
        if not self._sick_apart(person.index, first, last):
            return False
        self._add(PlannedAbsence(person.index, "sjuk", first, last))
        return True

    def _ensure_frequent_absentee(self) -> None:
        """Someone always has three sick occasions in the last twelve months (omtankessamtal)."""
        window_first = max(self.start, self.end - timedelta(days=364))
        if (self.end - window_first).days < 27:
            return
        if any(self.sick_occasions(p.index, window_first) >= 3 for p in self.people):
            return
        candidates = [
            p
            for p in self._monthly()
            if p.start <= window_first and (p.end is None or p.end >= self.end)
        ]
        if not candidates:
            return
        person = max(candidates, key=lambda p: (self.sick_rate.get(p.index, 0.0), -p.index))
        window_days = (self.end - window_first).days
        for _ in range(400):
            if self.sick_occasions(person.index, window_first) >= 3:
                return
            day = window_first + timedelta(days=self.rng.randrange(window_days))
            self._try_sick(person, day, self.rng.choice((1, 1, 2, 3)))

    def _short_spells(
        self,
        kind: str,
        *,
        share: float,
        rate: tuple[float, float],
        lengths: tuple[tuple[int, int], ...],
    ) -> None:
        days, weights = zip(*lengths, strict=True)
        for person in self._monthly():
            if self.rng.random() >= share:
                continue
            for day in self._draw_days(person, self.rng.uniform(*rate)):
                first = self._next_work_day(person.index, day)
                if first is None:
                    continue
                last = min(
                    first + timedelta(days=self.rng.choices(days, weights)[0] - 1),
                    self._span(person)[1],
                )
                if self._free(person.index, first, last, margin=1):
                    extent = 50 if kind == "vab" and self.rng.random() < 0.1 else 100
                    self._add(PlannedAbsence(person.index, kind, first, last, extent))


def plan_absences(
    rng: random.Random,
    people: Sequence[DemoPerson],
    work_days: Mapping[int, Sequence[date]],
    start: date,
    end: date,
) -> list[PlannedAbsence]:
    """Every absence of the period, sorted by person and start date."""
    return AbsencePlanner(rng, people, work_days, start, end).plan()

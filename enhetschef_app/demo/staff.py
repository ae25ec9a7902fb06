"""The demo unit's staff: positions, the people who hold them, leavers and their replacements.

Pure: a random generator and the period in, plain values out; nothing here touches the
database. A unit of `headcount` positions keeps that many people employed on every day of the
period, because a leaver's replacement starts the day after the leaver's last day.
"""

from __future__ import annotations

import enum
import random
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from enhetschef_app.demo.names import NameGenerator
from enhetschef_app.domain.staff import EmploymentForm, EndReason

FULLTIME_DAY_MINUTES = 38 * 60 + 15  # 38.25 h, schedules around the clock
FULLTIME_NIGHT_MINUTES = 34 * 60 + 20  # 34.33 h, permanent night work

SHARE_HOURLY = 0.15
SHARE_FIXED_TERM = 0.15
# Yearly chance that a holder of the position leaves; hourly staff (often students) move on more.
LEAVE_RATE_PERMANENT = 0.07
LEAVE_RATE_HOURLY = 0.15
# A fixed-term contract is renewed once this often before the position gets a new person.
FIXED_TERM_RENEWAL = 0.7

SALARY_MIN = 27_000
SALARY_MAX = 36_000


class StaffRole(enum.StrEnum):
    DAY = "dag"  # day and evening shifts
    NIGHT = "natt"  # permanent night work
    HOURLY = "tim"  # called in to fill rows


@dataclass(slots=True)
class DemoPerson:
    index: int  # position in the plan's list; rows refer to people by it
    employee_no: str
    name: str
    form: EmploymentForm
    role: StaffRole
    grade_percent: Decimal | None
    fulltime_week_minutes: int
    monthly_salary: int | None
    start: date
    end: date | None
    end_reason: EndReason | None
    position: int
    shift_preference: str  # "dag", "kvall" or "blandat"
    long_shifts: bool  # willing to work långpass
    weekend_cycle: int  # works weekends except every 2nd or 3rd (1 in `cycle` weekends free)
    weekend_offset: int

    @property
    def is_monthly_paid(self) -> bool:
        return self.form.is_monthly_paid

    @property
    def contract_week_minutes(self) -> int:
        """Contract minutes a week (full-time week × grade); 0 for the hourly paid."""
        if self.grade_percent is None:
            return 0
        return int(self.fulltime_week_minutes * self.grade_percent / 100)

    def employed_on(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


def night_need_for(headcount: int) -> int:
    """Staff awake each night: about one per fifteen employees (a boende's night team)."""
    return max(1, round(headcount / 15))


def night_positions_for(headcount: int) -> int:
    # Nights of 10 h at an average grade of 88 % of 34.33 h: about three nights a week each.
    nights_per_week = 7 * night_need_for(headcount)
    # Rounded down: the nights left over go to hourly staff.
    return max(1, int(nights_per_week * 600 / (0.88 * FULLTIME_NIGHT_MINUTES)))


_END_REASON_WEIGHTS: tuple[tuple[EndReason, int], ...] = (
    (EndReason.PENSION, 18),
    (EndReason.JOB_IN_MUNICIPALITY, 22),
    (EndReason.JOB_ELSEWHERE, 18),
    (EndReason.STUDIES, 10),
    (EndReason.WORK_ENVIRONMENT, 5),
    (EndReason.PAY, 6),
    (EndReason.SCHEDULE, 9),
    (EndReason.MOVED, 8),
    (EndReason.OTHER, 4),
)


@dataclass(frozen=True)
class _Tenure:
    start: date
    end: date | None
    end_reason: EndReason | None


class StaffGenerator:
    """Draws the positions and their holders; `people()` is the whole list, leavers included."""

    def __init__(self, rng: random.Random, headcount: int, start: date, end: date) -> None:
        self.rng = rng
        self.headcount = headcount
        self.start = start
        self.end = end
        self.names = NameGenerator(rng)

    def people(self) -> list[DemoPerson]:
        forms = self._position_forms()
        night = self._night_positions(forms)
        drafts: list[DemoPerson] = []
        for position, form in enumerate(forms):
            role = (
                StaffRole.HOURLY
                if form is EmploymentForm.HOURLY
                else StaffRole.NIGHT
                if position in night
                else StaffRole.DAY
            )
            for tenure in self._tenures(form):
                drafts.append(self._person(position, form, role, tenure))
        if not any(p.end_reason is not None for p in drafts):
            drafts = self._force_one_leaver(drafts)
        return self._numbered(drafts)

    def _position_forms(self) -> list[EmploymentForm]:
        hourly = max(1, round(self.headcount * SHARE_HOURLY))
        fixed = max(1, round(self.headcount * SHARE_FIXED_TERM))
        permanent = self.headcount - hourly - fixed
        forms = (
            [EmploymentForm.PERMANENT] * permanent
            + [EmploymentForm.FIXED_TERM] * fixed
            + [EmploymentForm.HOURLY] * hourly
        )
        self.rng.shuffle(forms)
        return forms

    def _night_positions(self, forms: list[EmploymentForm]) -> set[int]:
        monthly = [i for i, f in enumerate(forms) if f is not EmploymentForm.HOURLY]
        wanted = min(night_positions_for(self.headcount), max(1, len(monthly) - 1))
        # Night work is mostly held by permanent staff.
        monthly.sort(key=lambda i: (forms[i] is not EmploymentForm.PERMANENT, self.rng.random()))
        return set(monthly[:wanted])

    def _tenures(self, form: EmploymentForm) -> list[_Tenure]:
        if form is EmploymentForm.FIXED_TERM:
            return self._fixed_term_tenures()
        rate = LEAVE_RATE_HOURLY if form is EmploymentForm.HOURLY else LEAVE_RATE_PERMANENT
        if form is EmploymentForm.HOURLY:
            first_start = self.start - timedelta(days=self.rng.randint(20, 3 * 365))
        else:
            years = min(30.0, self.rng.expovariate(1 / 7))
            first_start = self.start - timedelta(days=30 + int(years * 365))
        tenures: list[_Tenure] = []
        begin = first_start
        cursor = self.start
        while True:
            leaves = cursor + timedelta(days=int(self.rng.expovariate(rate) * 365))
            if leaves >= self.end - timedelta(days=7):
                tenures.append(_Tenure(begin, None, None))
                return tenures
            reason = self._end_reason(hourly=form is EmploymentForm.HOURLY)
            tenures.append(_Tenure(begin, leaves, reason))
            begin = leaves + timedelta(days=1)
            cursor = begin + timedelta(days=120)  # a new hire stays a while before moving on

    def _fixed_term_tenures(self) -> list[_Tenure]:
        tenures: list[_Tenure] = []
        begin = self.start - timedelta(days=self.rng.randint(30, 300))
        contract_end = self.start + timedelta(days=self.rng.randint(30, 540))
        renewed = False
        while contract_end <= self.end:
            if not renewed and self.rng.random() < FIXED_TERM_RENEWAL:
                contract_end += timedelta(days=self.rng.randint(180, 720))
                renewed = True
                continue
            tenures.append(_Tenure(begin, contract_end, EndReason.FIXED_TERM_ENDED))
            begin = contract_end + timedelta(days=1)
            contract_end = begin + timedelta(days=self.rng.randint(300, 900))
            renewed = False
        # The contract in force at the end of the period still has its end date, as visstid must.
        tenures.append(_Tenure(begin, contract_end, None))
        return tenures

    def _end_reason(self, *, hourly: bool) -> EndReason:
        if hourly:
            return self.rng.choice(
                (EndReason.STUDIES, EndReason.JOB_ELSEWHERE, EndReason.JOB_IN_MUNICIPALITY)
            )
        reasons = [reason for reason, _ in _END_REASON_WEIGHTS]
        weights = [weight for _, weight in _END_REASON_WEIGHTS]
        return self.rng.choices(reasons, weights)[0]

    def _person(
        self, position: int, form: EmploymentForm, role: StaffRole, tenure: _Tenure
    ) -> DemoPerson:
        rng = self.rng
        if form is EmploymentForm.HOURLY:
            grade = None
        elif role is StaffRole.NIGHT:
            grade = Decimal(rng.choice((75, 80, 85, 90, 90, 100)))
        elif form is EmploymentForm.PERMANENT:
            grade = Decimal(rng.choice((100, 100, 100, 100, 95, 90, 90, 85, 80, 80, 75, 75)))
        else:
            grade = Decimal(rng.choice((100, 100, 90, 80, 75)))
        years_served = max(0, (self.end - tenure.start).days // 365)
        salary: int | None = None
        if form is not EmploymentForm.HOURLY:
            raw = 27_300 + 240 * min(years_served, 25) + rng.randint(-300, 1_800)
            raw += 900 if role is StaffRole.NIGHT else 0
            salary = max(SALARY_MIN, min(SALARY_MAX, round(raw / 100) * 100))
        preference = rng.choices(("dag", "kvall", "blandat"), (35, 20, 45))[0]
        return DemoPerson(
            index=-1,
            employee_no="",
            name=self.names.next_name(),
            form=form,
            role=role,
            grade_percent=grade,
            fulltime_week_minutes=(
                FULLTIME_NIGHT_MINUTES if role is StaffRole.NIGHT else FULLTIME_DAY_MINUTES
            ),
            monthly_salary=salary,
            start=tenure.start,
            end=tenure.end,
            end_reason=tenure.end_reason,
            position=position,
            shift_preference=preference,
            long_shifts=grade is not None and grade >= 90 and rng.random() < 0.45,
            weekend_cycle=rng.choices((2, 3), (55, 45))[0],
            weekend_offset=rng.randrange(6),
        )

    def _force_one_leaver(self, drafts: list[DemoPerson]) -> list[DemoPerson]:
        """A short period may draw no leaver; the demo always shows one and a replacement."""
        permanent = [p for p in drafts if p.form is EmploymentForm.PERMANENT and p.end is None]
        if not permanent:
            return drafts
        leaver = self.rng.choice(permanent)
        span = (self.end - self.start).days
        leaver.end = self.start + timedelta(days=span // 2)
        leaver.end_reason = self._end_reason(hourly=False)
        replacement = self._person(
            leaver.position,
            leaver.form,
            leaver.role,
            _Tenure(leaver.end + timedelta(days=1), None, None),
        )
        return [*drafts, replacement]

    def _numbered(self, drafts: list[DemoPerson]) -> list[DemoPerson]:
        # HR systems number people as they are hired: later start, higher number.
        drafts.sort(key=lambda p: (p.start, p.position))
        number = 104_000 + self.rng.randint(0, 900)
        for index, person in enumerate(drafts):
            number += self.rng.randint(3, 120)
            person.index = index
            person.employee_no = str(number)
        return drafts


def generate_staff(rng: random.Random, headcount: int, start: date, end: date) -> list[DemoPerson]:
    """Everyone employed at some time in the period, sorted by start date and numbered."""
    return StaffGenerator(rng, headcount, start, end).people()

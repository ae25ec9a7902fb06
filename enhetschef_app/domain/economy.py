"""The month's estimated personnel cost from the app's own data (DOMAIN.md: Personnel economy).

Each person gives cost lines, each with the inputs it was computed from:
- monthly-paid staff: månadslön (the full-time salary) × sysselsättningsgrad × the calendar
  days employed / the days of the month;
- hourly-paid staff: hours worked × timlön (the person's own, else the unit's default rate);
- approved övertid and mertid: the kronor the decision recorded (the overtime rules' own cost);
- sickness: sjukavdrag (timlön × scheduled hours lost), sick pay for days 1–14 of the
  sjuklöneperiod (80 % of timlön per hour lost), one karensavdrag per sjuklöneperiod
  (20 % of a week's sick pay: 0.2 × 0.8 × timlön × contracted weekly hours), the agreement's
  supplement for days 15–90 (a setting, 10 %), nothing after day 90 (Försäkringskassan pays);
- PO-pålägg (a setting in per cent) on all wages.

A monthly-paid person without a salary is a listed gap, never a silent zero.

Sick days are numbered within their sjuklöneperiod: a spell that starts within 5 days of the end
of the previous one continues it (återinsjuknande), and the healthy days between are not counted.
The karensavdrag is taken from the period's sick pay of days 1–14 in day order and never exceeds
it, so a spell that crosses a month boundary carries its deduction to where the sick pay is.
"""

from __future__ import annotations

import enum
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from enhetschef_app.domain.absence_occasions import RELAPSE_DAYS
from enhetschef_app.domain.overtime import hourly_wage
from enhetschef_app.domain.settings_catalog import RuleSettings
from enhetschef_app.domain.staff import EmploymentForm
from enhetschef_app.domain.year_month import YearMonth

ORE = Decimal("0.01")
HUNDREDTH = Decimal("0.01")
SICK_PAY_PERCENT = Decimal(80)  # Sjuklönelagen: fixed by law
QUALIFYING_SHARE = Decimal("0.2")  # karensavdrag: 20 % of a normal week's sick pay (law)
SICK_PAY_LAST_DAY = 14
SUPPLEMENT_LAST_DAY = 90


def kronor_of_ore(ore: int | None) -> Decimal | None:
    return None if ore is None else (Decimal(ore) / 100).quantize(ORE)


def ore_of_kronor(kronor: Decimal | None) -> int | None:
    return None if kronor is None else int((kronor * 100).to_integral_value(ROUND_HALF_UP))


def month_days(month: YearMonth) -> int:
    return (month.last - month.first).days + 1


def money(value: Decimal) -> Decimal:
    return value.quantize(ORE, rounding=ROUND_HALF_UP)


def kr_text(value: Decimal) -> str:
    """'32 500,00 kr' as the inputs show an amount."""
    return f"{value:,.2f}".replace(",", " ").replace(".", ",") + " kr"


def number_text(value: Decimal, decimals: int = 2) -> str:
    text = f"{value:,.{decimals}f}".replace(",", " ").replace(".", ",")
    if decimals and "," in text:
        text = text.rstrip("0").rstrip(",")
    return text


class CostKind(enum.StrEnum):
    SALARY = "manadslon"
    HOURLY = "timlon"
    MERTID = "mertid"
    OVERTIME_SIMPLE = "enkel_overtid"
    OVERTIME_QUALIFIED = "kvalificerad_overtid"
    SICK_DEDUCTION = "sjukavdrag"
    SICK_PAY = "sjuklon"
    QUALIFYING_DEDUCTION = "karensavdrag"
    SICK_SUPPLEMENT = "sjuklonetillagg"
    PO = "po_palagg"

    @property
    def label(self) -> str:
        return COST_KIND_LABELS[self]

    @property
    def driver(self) -> Driver | None:
        if self in (CostKind.MERTID, CostKind.OVERTIME_SIMPLE, CostKind.OVERTIME_QUALIFIED):
            return Driver.OVERTIME
        if self is CostKind.HOURLY:
            return Driver.HOURLY
        if self in (
            CostKind.SICK_DEDUCTION,
            CostKind.SICK_PAY,
            CostKind.QUALIFYING_DEDUCTION,
            CostKind.SICK_SUPPLEMENT,
        ):
            return Driver.SICKNESS
        return None


COST_KIND_LABELS: dict[CostKind, str] = {
    CostKind.SALARY: "Månadslön",
    CostKind.HOURLY: "Timlön",
    CostKind.MERTID: "Mertid",
    CostKind.OVERTIME_SIMPLE: "Enkel övertid",
    CostKind.OVERTIME_QUALIFIED: "Kvalificerad övertid",
    CostKind.SICK_DEDUCTION: "Sjukavdrag",
    CostKind.SICK_PAY: "Sjuklön dag 1–14",
    CostKind.QUALIFYING_DEDUCTION: "Karensavdrag",
    CostKind.SICK_SUPPLEMENT: "Sjuklönetillägg dag 15–90",
    CostKind.PO: "PO-pålägg",
}


class Driver(enum.StrEnum):
    """The parts of the cost that move the deviation from month to month."""

    OVERTIME = "overtid"
    HOURLY = "timavlonade"
    SICKNESS = "sjukfranvaro"

    @property
    def label(self) -> str:
        return {
            Driver.OVERTIME: "Övertid och mertid",
            Driver.HOURLY: "Timavlönade",
            Driver.SICKNESS: "Sjukfrånvaro (netto)",
        }[self]


@dataclass(frozen=True)
class EconomyRules:
    po_percent: Decimal = Decimal(40)
    default_hourly_rate: Decimal = Decimal(170)
    sick_supplement_percent: Decimal = Decimal(10)
    fixed_share_target_percent: Decimal = Decimal(80)
    month_fulltime_hours: Decimal = Decimal(165)

    @classmethod
    def from_settings(cls, settings: RuleSettings) -> EconomyRules:
        return cls(
            po_percent=settings.decimal("economy.po_percent"),
            default_hourly_rate=settings.decimal("economy.default_hourly_rate"),
            sick_supplement_percent=settings.decimal("economy.sick_supplement_percent"),
            fixed_share_target_percent=settings.decimal("economy.fixed_share_target_percent"),
            month_fulltime_hours=Decimal(settings.integer("overtime.hourly_paid_month_hours")),
        )


@dataclass(frozen=True)
class CostLine:
    kind: CostKind
    amount: Decimal  # kr to the öre; a deduction is negative
    person: str = ""  # empty for the unit's lines (PO-pålägg)
    employee_id: int | None = None
    inputs: tuple[tuple[str, str], ...] = ()

    @property
    def label(self) -> str:
        return self.kind.label

    def inputs_text(self) -> str:
        return "; ".join(f"{name}: {value}" for name, value in self.inputs)


@dataclass(frozen=True)
class CostGap:
    employee_id: int
    person: str
    reason: str


@dataclass(frozen=True)
class SickDay:
    """One calendar day of sickness: the scheduled minutes the person lost that day (the
    shift's length × the extent), zero on a day without a shift."""

    day: date
    lost_minutes: int


@dataclass(frozen=True)
class OvertimeMoney:
    """The approved övertid and mertid of a person in the month, as the decisions costed it."""

    mertid: Decimal = Decimal(0)
    simple: Decimal = Decimal(0)
    qualified: Decimal = Decimal(0)
    mertid_minutes: int = 0
    simple_minutes: int = 0
    qualified_minutes: int = 0

    @property
    def minutes(self) -> int:
        return self.mertid_minutes + self.simple_minutes + self.qualified_minutes


@dataclass(frozen=True)
class PersonMonth:
    """What the cost of one person in one month is computed from."""

    employee_id: int
    name: str
    form: EmploymentForm
    grade_percent: Decimal | None
    fulltime_week_hours: Decimal
    monthly_salary: Decimal | None
    hourly_rate: Decimal | None = None  # the person's own timlön (hourly paid)
    start: date | None = None
    end: date | None = None
    worked_minutes: int = 0  # hours worked in the month within the person's own schedule
    sick_days: tuple[SickDay, ...] = ()  # the sick days of the month and of the periods before
    overtime: OvertimeMoney = field(default_factory=OvertimeMoney)

    @property
    def monthly_paid(self) -> bool:
        return self.form is not EmploymentForm.HOURLY

    def employed_days(self, month: YearMonth) -> int:
        first = max(month.first, self.start) if self.start else month.first
        last = min(month.last, self.end) if self.end else month.last
        return max((last - first).days + 1, 0)

    @property
    def contract_week_hours(self) -> Decimal | None:
        if not self.monthly_paid or self.grade_percent is None:
            return None
        return self.fulltime_week_hours * self.grade_percent / 100


@dataclass(frozen=True)
class NumberedSickDay:
    day: date
    number: int  # the day of the sjuklöneperiod, 1 = the day of the sick report
    lost_minutes: int
    period_start: date


def sick_days_for_month(
    days: Sequence[tuple[date, int]], first: date, last: date
) -> Sequence[tuple[date, int]]:
    """Of a person's sick days (sorted by day), those a month's sick pay needs: up to `last`,
    from the first day of the sjuklöneperiod that reaches into the month. Earlier periods
    cannot change the numbers of its days, and a period with no day in the month costs
    nothing in it."""
    end = bisect_right(days, last, key=lambda item: item[0])
    begin = bisect_left(days, first, hi=end, key=lambda item: item[0])
    if begin == end:
        return ()
    while begin > 0 and (days[begin][0] - days[begin - 1][0]).days - 1 <= RELAPSE_DAYS:
        begin -= 1
    return days[begin:end]


def sick_pay_periods(days: Iterable[SickDay]) -> list[list[NumberedSickDay]]:
    """The sjuklöneperioder of a person's sick days, each day with its number in its period.

    A day follows the previous sick day in the same period when at most `RELAPSE_DAYS` healthy
    days lie between them; the healthy days are not counted."""
    periods: list[list[NumberedSickDay]] = []
    previous: date | None = None
    for sick in sorted({d.day: d for d in days}.values(), key=lambda d: d.day):
        if previous is None or (sick.day - previous).days - 1 > RELAPSE_DAYS:
            periods.append([])
        current = periods[-1]
        start = current[0].day if current else sick.day
        current.append(NumberedSickDay(sick.day, len(current) + 1, sick.lost_minutes, start))
        previous = sick.day
    return periods


@dataclass(frozen=True)
class MonthCost:
    month: YearMonth
    lines: tuple[CostLine, ...]
    gaps: tuple[CostGap, ...]
    fte: Decimal  # årsarbetare (utfall)
    fixed_minutes: int  # monthly-paid staff within their schedule
    flexible_minutes: int  # timavlönade, mertid, övertid

    @property
    def wages(self) -> Decimal:
        return sum((ln.amount for ln in self.lines if ln.kind is not CostKind.PO), Decimal(0))

    @property
    def po(self) -> Decimal:
        return sum((ln.amount for ln in self.lines if ln.kind is CostKind.PO), Decimal(0))

    @property
    def total(self) -> Decimal:
        return self.wages + self.po

    def by_kind(self, kind: CostKind) -> Decimal:
        return sum((ln.amount for ln in self.lines if ln.kind is kind), Decimal(0))

    def driver_cost(self, driver: Driver, po_percent: Decimal) -> Decimal:
        """The driver's wages with their PO-pålägg: what it adds to the month's cost."""
        wages = sum((ln.amount for ln in self.lines if ln.kind.driver is driver), Decimal(0))
        return money(wages * (100 + po_percent) / 100)

    @property
    def fixed_share_percent(self) -> Decimal | None:
        whole = self.fixed_minutes + self.flexible_minutes
        if not whole:
            return None
        return (Decimal(self.fixed_minutes) * 100 / whole).quantize(HUNDREDTH, ROUND_HALF_UP)


def _hours(minutes: int) -> Decimal:
    return Decimal(minutes) / 60


def _hours_text(minutes: int) -> str:
    return f"{number_text(_hours(minutes))} h"


def person_lines(
    person: PersonMonth, month: YearMonth, rules: EconomyRules
) -> tuple[list[CostLine], CostGap | None]:
    """The person's cost lines of the month (without PO), or a gap when the salary is missing."""
    days = person.employed_days(month)
    in_month = [d for d in person.sick_days if month.first <= d.day <= month.last]
    if days == 0 and not in_month and not person.overtime.minutes and not person.worked_minutes:
        return [], None
    lines: list[CostLine] = []

    def line(kind: CostKind, amount: Decimal, *inputs: tuple[str, str]) -> None:
        if amount:
            lines.append(CostLine(kind, money(amount), person.name, person.employee_id, inputs))

    if person.monthly_paid:
        if person.monthly_salary is None:
            return [], CostGap(
                person.employee_id,
                person.name,
                "Månadslön saknas i personallistan: lön, sjuklön och avdrag räknas inte med.",
            )
        grade = person.grade_percent or Decimal(0)
        wage = hourly_wage(person.monthly_salary, person.fulltime_week_hours)
        wage_source = (
            f"{kr_text(person.monthly_salary)} × 12 / (52 × "
            f"{number_text(person.fulltime_week_hours)} h) = {kr_text(money(wage))}"
        )
        line(
            CostKind.SALARY,
            person.monthly_salary * grade / 100 * days / month_days(month),
            ("Månadslön (heltid)", kr_text(person.monthly_salary)),
            ("Sysselsättningsgrad", f"{number_text(grade)} %"),
            ("Anställd", f"{days} av {month_days(month)} dagar"),
        )
        contract = person.contract_week_hours or Decimal(0)
    else:
        wage = person.hourly_rate if person.hourly_rate is not None else rules.default_hourly_rate
        wage_source = kr_text(wage) + (
            " (egen)" if person.hourly_rate is not None else " (enhetens timlön)"
        )
        line(
            CostKind.HOURLY,
            _hours(person.worked_minutes) * wage,
            ("Arbetade timmar", _hours_text(person.worked_minutes)),
            ("Timlön", wage_source),
        )
        contract = Decimal(0)
    overtime = person.overtime
    for kind, amount, minutes in (
        (CostKind.MERTID, overtime.mertid, overtime.mertid_minutes),
        (CostKind.OVERTIME_SIMPLE, overtime.simple, overtime.simple_minutes),
        (CostKind.OVERTIME_QUALIFIED, overtime.qualified, overtime.qualified_minutes),
    ):
        line(
            kind,
            amount,
            ("Beslutade timmar", _hours_text(minutes)),
            ("Kostnad enligt besluten", kr_text(amount)),
        )
    lines.extend(_sick_lines(person, month, wage, wage_source, contract, rules))
    return lines, None


def _sick_lines(
    person: PersonMonth,
    month: YearMonth,
    wage: Decimal,
    wage_source: str,
    contract_week_hours: Decimal,
    rules: EconomyRules,
) -> list[CostLine]:
    lost = {"avdrag": 0, "pay": 0, "supplement": 0}
    qualifying = Decimal(0)
    periods_with_deduction: list[str] = []
    week_hours_text = ""
    for period in sick_pay_periods(person.sick_days):
        if not any(month.first <= d.day <= month.last for d in period):
            continue
        if contract_week_hours:
            week_hours = contract_week_hours
        else:  # the hourly paid: the hours of the period's first week stand for a normal week
            week_end = period[0].day + timedelta(days=6)
            week_hours = _hours(sum(d.lost_minutes for d in period if d.day <= week_end))
        week_hours_text = f"{number_text(week_hours)} h/vecka"
        remaining = QUALIFYING_SHARE * SICK_PAY_PERCENT / 100 * wage * week_hours
        full_deduction = remaining
        taken_here = Decimal(0)
        for day in period:
            pay = (
                _hours(day.lost_minutes) * wage * SICK_PAY_PERCENT / 100
                if day.number <= SICK_PAY_LAST_DAY
                else Decimal(0)
            )
            taken = min(remaining, pay)
            remaining -= taken
            if month.first <= day.day <= month.last:
                taken_here += taken
                lost["avdrag"] += day.lost_minutes
                if day.number <= SICK_PAY_LAST_DAY:
                    lost["pay"] += day.lost_minutes
                elif day.number <= SUPPLEMENT_LAST_DAY:
                    lost["supplement"] += day.lost_minutes
        if taken_here:
            qualifying += taken_here
            periods_with_deduction.append(
                f"{period[0].day.isoformat()} ({kr_text(money(full_deduction))})"
            )
    lines: list[CostLine] = []

    def add(kind: CostKind, amount: Decimal, *inputs: tuple[str, str]) -> None:
        if amount:
            lines.append(
                CostLine(
                    kind,
                    money(amount),
                    person.name,
                    person.employee_id,
                    (*inputs, ("Timlön", wage_source)),
                )
            )

    if person.monthly_paid:
        add(
            CostKind.SICK_DEDUCTION,
            -_hours(lost["avdrag"]) * wage,
            ("Schemalagda timmar förlorade", _hours_text(lost["avdrag"])),
        )
    add(
        CostKind.SICK_PAY,
        _hours(lost["pay"]) * wage * SICK_PAY_PERCENT / 100,
        ("Timmar dag 1–14", _hours_text(lost["pay"])),
        ("Sjuklön", f"{number_text(SICK_PAY_PERCENT)} % av timlönen"),
    )
    add(
        CostKind.QUALIFYING_DEDUCTION,
        -qualifying,
        ("Sjuklöneperiod från", ", ".join(periods_with_deduction)),
        ("Karensavdrag", f"20 % av en veckas sjuklön, {week_hours_text}"),
    )
    add(
        CostKind.SICK_SUPPLEMENT,
        _hours(lost["supplement"]) * wage * rules.sick_supplement_percent / 100,
        ("Timmar dag 15–90", _hours_text(lost["supplement"])),
        ("Tillägg", f"{number_text(rules.sick_supplement_percent)} % av timlönen"),
    )
    return lines


def month_cost(month: YearMonth, people: Sequence[PersonMonth], rules: EconomyRules) -> MonthCost:
    """The month's estimated cost: every person's lines, the gaps, and PO-pålägg on the wages."""
    lines: list[CostLine] = []
    gaps: list[CostGap] = []
    fte = Decimal(0)
    fixed = flexible = 0
    for person in people:
        found, gap = person_lines(person, month, rules)
        lines.extend(found)
        if gap is not None:
            gaps.append(gap)
        days = person.employed_days(month)
        if person.monthly_paid:
            fte += (person.grade_percent or Decimal(0)) / 100 * days / month_days(month)
            fixed += person.worked_minutes
        else:
            fte += _hours(person.worked_minutes) / rules.month_fulltime_hours
            flexible += person.worked_minutes
        flexible += person.overtime.minutes
    wages = sum((ln.amount for ln in lines), Decimal(0))
    if wages:
        lines.append(
            CostLine(
                CostKind.PO,
                money(wages * rules.po_percent / 100),
                inputs=(
                    ("Löner", kr_text(wages)),
                    ("PO-pålägg", f"{number_text(rules.po_percent)} %"),
                ),
            )
        )
    return MonthCost(
        month=month,
        lines=tuple(lines),
        gaps=tuple(gaps),
        fte=fte.quantize(HUNDREDTH, ROUND_HALF_UP),
        fixed_minutes=fixed,
        flexible_minutes=flexible,
    )

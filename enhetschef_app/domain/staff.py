"""Employees as the rules see them: employment forms, grades and contract hours."""

from __future__ import annotations

import enum
import functools
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from enhetschef_app.domain.identifiers import (
    MAX_CODE_LENGTH,
    MAX_NAME_LENGTH,
    length_problem,
    normalise_identifier,
    normalise_text,
)
from enhetschef_app.domain.rounding import hours_of_minutes, round_half_up

# Fixed by AB: the full-time week depends on the kind of schedule (DOMAIN.md).
FULLTIME_WEEKDAYS = Decimal("40")
FULLTIME_AROUND_THE_CLOCK = Decimal("38.25")
FULLTIME_PERMANENT_NIGHT = Decimal("34.33")
FULLTIME_WEEKS = (FULLTIME_WEEKDAYS, FULLTIME_AROUND_THE_CLOCK, FULLTIME_PERMANENT_NIGHT)


class EmploymentForm(enum.StrEnum):
    PERMANENT = "tillsvidare"
    FIXED_TERM = "visstid"
    HOURLY = "timavlonad"

    @property
    def label(self) -> str:
        return EMPLOYMENT_FORM_LABELS[self]

    @property
    def is_monthly_paid(self) -> bool:
        return self is not EmploymentForm.HOURLY

    @property
    def has_working_time(self) -> bool:
        """A sysselsättningsgrad and a full-time week belong to the monthly paid; the hourly
        paid work the hours they are booked for."""
        return self.is_monthly_paid


def grade_as_typed(form: EmploymentForm, typed: Decimal | None) -> Decimal | None:
    """The grade a form holds: for a form without working time a typed 0 means none."""
    if not form.has_working_time and typed == 0:
        return None
    return typed


EMPLOYMENT_FORM_LABELS: dict[EmploymentForm, str] = {
    EmploymentForm.PERMANENT: "Tillsvidare",
    EmploymentForm.FIXED_TERM: "Visstid",
    EmploymentForm.HOURLY: "Timavlönad",
}


class EndReason(enum.StrEnum):
    """Why someone left: the fixed list of DOMAIN.md (Medarbetarsamtal and competence)."""

    PENSION = "pension"
    JOB_IN_MUNICIPALITY = "annat_jobb_kommunen"
    JOB_ELSEWHERE = "annat_jobb_utanfor"
    STUDIES = "studier"
    WORK_ENVIRONMENT = "arbetsmiljo"
    PAY = "lon"
    SCHEDULE = "schema"
    MOVED = "flytt"
    FIXED_TERM_ENDED = "visstid_slut"
    OTHER = "ovrigt"

    @property
    def label(self) -> str:
        return END_REASON_LABELS[self]


END_REASON_LABELS: dict[EndReason, str] = {
    EndReason.PENSION: "Pension",
    EndReason.JOB_IN_MUNICIPALITY: "Annat jobb inom kommunen",
    EndReason.JOB_ELSEWHERE: "Annat jobb utanför kommunen",
    EndReason.STUDIES: "Studier",
    EndReason.WORK_ENVIRONMENT: "Arbetsmiljö",
    EndReason.PAY: "Lön",
    EndReason.SCHEDULE: "Schema/arbetstid",
    EndReason.MOVED: "Flytt",
    EndReason.FIXED_TERM_ENDED: "Visstidsanställning upphörde",
    EndReason.OTHER: "Övrigt",
}


@functools.lru_cache(maxsize=1024)  # a file names a few forms in thousands of rows
def parse_employment_form(text: str) -> EmploymentForm | None:
    """Reads the employment form as HR systems write it ('Tillsvidare', 'Timavlönad', 'TIM')."""
    key = fold(text)
    aliases = {
        "tillsvidare": EmploymentForm.PERMANENT,
        "tillsvidareanstalld": EmploymentForm.PERMANENT,
        "tv": EmploymentForm.PERMANENT,
        "manadsavlonad": EmploymentForm.PERMANENT,
        "visstid": EmploymentForm.FIXED_TERM,
        "visstidsanstalld": EmploymentForm.FIXED_TERM,
        "vikariat": EmploymentForm.FIXED_TERM,
        "sava": EmploymentForm.FIXED_TERM,
        "allman visstid": EmploymentForm.FIXED_TERM,
        "timavlonad": EmploymentForm.HOURLY,
        "timanstalld": EmploymentForm.HOURLY,
        "timvikarie": EmploymentForm.HOURLY,
        "tim": EmploymentForm.HOURLY,
    }
    return aliases.get(key)


def fold(text: str) -> str:
    """A case- and accent-free key for what people type ('Timavlönad' matches 'TIMAVLONAD')."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text.strip().lower())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.replace("_", " ").split())


@dataclass(frozen=True)
class Employment:
    form: EmploymentForm
    grade_percent: Decimal | None
    fulltime_week_hours: Decimal
    start: date | None
    end: date | None

    @property
    def contract_week_hours(self) -> Decimal | None:
        """Contract hours = full-time hours × sysselsättningsgrad; none for the hourly paid."""
        if self.form is EmploymentForm.HOURLY or self.grade_percent is None:
            return None
        return round_half_up(self.fulltime_week_hours * self.grade_percent / 100)

    @property
    def is_fulltime(self) -> bool:
        return self.form is not EmploymentForm.HOURLY and self.grade_percent == 100

    def is_employed_on(self, day: date) -> bool:
        if self.start is not None and day < self.start:
            return False
        return self.end is None or day <= self.end


@dataclass(frozen=True)
class EmployeeDraft:
    """What a person types in the employee form or an import row holds, before it is saved."""

    employee_no: str
    name: str
    form: EmploymentForm
    grade_percent: Decimal | None
    fulltime_week_hours: Decimal | None  # None: the unit's setting
    start: date | None
    end: date | None
    monthly_salary: int | None = None
    end_reason: EndReason | None = None
    hourly_rate: Decimal | None = None  # timlön in kr; None: the unit's default rate


# Field names of EmployeeDraft, used as keys of validation problems.
FIELD_LABELS = {
    "employee_no": "Anställningsnr",
    "name": "Namn",
    "form": "Anställningsform",
    "grade_percent": "Sysselsättningsgrad (%)",
    "fulltime_week_hours": "Heltid (h/v)",
    "start": "Anställd från",
    "end": "Anställd till",
    "monthly_salary": "Månadslön",
    "hourly_rate": "Timlön",
    "end_reason": "Avslutsorsak",
}


def validate_employee(draft: EmployeeDraft) -> dict[str, str]:
    """Every problem of the draft, by field, in Swedish; empty when it can be saved."""
    problems: dict[str, str] = {}
    number = normalise_identifier(draft.employee_no)
    name = normalise_text(draft.name)
    if not number:
        problems["employee_no"] = "Anställningsnummer saknas."
    elif found := length_problem(number, MAX_CODE_LENGTH, "Anställningsnumret"):
        problems["employee_no"] = found
    if not name:
        problems["name"] = "Namn saknas."
    elif found := length_problem(name, MAX_NAME_LENGTH, "Namnet"):
        problems["name"] = found
    if draft.form is EmploymentForm.HOURLY:
        if draft.grade_percent not in (None, Decimal(0)):
            problems["grade_percent"] = "Timavlönade har ingen sysselsättningsgrad."
    elif draft.grade_percent is None:
        problems["grade_percent"] = "Sysselsättningsgrad saknas."
    elif not Decimal(1) <= draft.grade_percent <= Decimal(100):
        problems["grade_percent"] = "Sysselsättningsgraden ska vara mellan 1 och 100 %."
    if draft.fulltime_week_hours is not None and not (
        Decimal(30) <= draft.fulltime_week_hours <= Decimal(40)
    ):
        problems["fulltime_week_hours"] = (
            "Heltid ska vara en veckoarbetstid mellan 30 och 40 timmar (t.ex. 40, 38,25, 34,33)."
        )
    if draft.start is not None and draft.end is not None and draft.end < draft.start:
        problems["end"] = "Slutdatum ligger före startdatum."
    if draft.form is EmploymentForm.FIXED_TERM and draft.end is None:
        problems["end"] = "En visstidsanställning behöver ett slutdatum."
    if draft.monthly_salary is not None and not 0 < draft.monthly_salary < 1_000_000:
        problems["monthly_salary"] = "Månadslönen ska vara ett belopp i kronor."
    if draft.hourly_rate is not None and not Decimal(0) < draft.hourly_rate < Decimal(10_000):
        problems["hourly_rate"] = "Timlönen ska vara ett belopp i kronor per timme."
    if draft.end_reason is not None and draft.end is None:
        problems["end_reason"] = "Avslutsorsak kräver ett slutdatum."
    return problems


def hours_to_minutes(hours: Decimal) -> int:
    """38.25 h -> 2295 min; 34.33 h (34 h 20 min in AB) -> 2060 min."""
    minutes = (hours * 60).to_integral_value()
    if hours == FULLTIME_PERMANENT_NIGHT:
        minutes = Decimal(34 * 60 + 20)
    return int(minutes)


def minutes_to_hours(minutes: int) -> Decimal:
    if minutes == 34 * 60 + 20:
        return FULLTIME_PERMANENT_NIGHT
    return hours_of_minutes(minutes)

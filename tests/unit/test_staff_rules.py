from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from enhetschef_app.domain.staff import (
    EmployeeDraft,
    Employment,
    EmploymentForm,
    EndReason,
    hours_to_minutes,
    minutes_to_hours,
    parse_employment_form,
    validate_employee,
)


def draft(**changes: object) -> EmployeeDraft:
    base: dict[str, object] = {
        "employee_no": "1001",
        "name": "Anna Ålund",
        "form": EmploymentForm.PERMANENT,
        "grade_percent": Decimal(75),
        "fulltime_week_hours": None,
        "start": date(2019, 8, 15),
        "end": None,
    }
    base.update(changes)
    return EmployeeDraft(**base)  # type: ignore[arg-type]  # the draft checks the overrides


def test_a_complete_draft_has_no_problems() -> None:
    assert validate_employee(draft()) == {}


def test_every_problem_is_named_by_field() -> None:
    problems = validate_employee(
        draft(
            employee_no=" ",
            name="",
            grade_percent=Decimal(130),
            end=date(2018, 1, 1),
            end_reason=None,
            fulltime_week_hours=Decimal(45),
        )
    )
    assert set(problems) == {"employee_no", "name", "grade_percent", "end", "fulltime_week_hours"}


def test_the_hourly_paid_have_no_grade_and_fixed_term_needs_an_end() -> None:
    assert "grade_percent" in validate_employee(
        draft(form=EmploymentForm.HOURLY, grade_percent=Decimal(50))
    )
    assert validate_employee(draft(form=EmploymentForm.HOURLY, grade_percent=None)) == {}
    assert "end" in validate_employee(draft(form=EmploymentForm.FIXED_TERM))
    assert "end_reason" in validate_employee(draft(end_reason=EndReason.PENSION))


def test_contract_hours_are_full_time_times_grade() -> None:
    job = Employment(EmploymentForm.PERMANENT, Decimal(75), Decimal("38.25"), None, None)
    assert job.contract_week_hours == Decimal("28.69")
    assert not job.is_fulltime
    hourly = Employment(EmploymentForm.HOURLY, None, Decimal("38.25"), None, None)
    assert hourly.contract_week_hours is None


def test_employment_dates_bound_the_days_employed() -> None:
    job = Employment(
        EmploymentForm.FIXED_TERM, Decimal(100), Decimal(40), date(2026, 6, 1), date(2026, 12, 31)
    )
    assert not job.is_employed_on(date(2026, 5, 31))
    assert job.is_employed_on(date(2026, 6, 1))
    assert job.is_employed_on(date(2026, 12, 31))
    assert not job.is_employed_on(date(2027, 1, 1))


def test_employment_forms_as_hr_systems_write_them() -> None:
    assert parse_employment_form("Tillsvidare") is EmploymentForm.PERMANENT
    assert parse_employment_form(" TIMAVLÖNAD ") is EmploymentForm.HOURLY
    assert parse_employment_form("Timavlonad") is EmploymentForm.HOURLY
    assert parse_employment_form("visstidsanställd") is EmploymentForm.FIXED_TERM
    assert parse_employment_form("konsult") is None


def test_the_three_full_time_weeks_are_exact_in_minutes() -> None:
    assert hours_to_minutes(Decimal(40)) == 2400
    assert hours_to_minutes(Decimal("38.25")) == 2295
    assert hours_to_minutes(Decimal("34.33")) == 2060  # 34 h 20 min
    assert minutes_to_hours(2060) == Decimal("34.33")


@given(st.integers(min_value=30 * 4, max_value=40 * 4))
def test_quarter_hours_round_trip_through_minutes(quarters: int) -> None:
    hours = Decimal(quarters) / 4
    assert minutes_to_hours(hours_to_minutes(hours)) == hours

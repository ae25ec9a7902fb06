"""One absence record: kinds as files write them, the form's checks, and overlaps."""

from __future__ import annotations

from datetime import date

import pytest

from enhetschef_app.domain.absence_occasions import AbsenceRecord
from enhetschef_app.domain.absences import (
    AbsenceDraft,
    describe_period,
    joins_another,
    overlap_problem,
    parse_absence_kind,
    validate_absence,
)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Sjuk", "sjuk"),
        ("SJUKDOM", "sjuk"),
        ("VAB", "vab"),
        ("Vård av barn (VAB)", "vab"),
        ("vård av barn", "vab"),
        ("Föräldraledighet", "foraldraledig"),
        ("Tjänstledig", "tjanstledig"),
        ("Semester", "semester"),
        ("Kompledig", "komp"),
        ("Övrigt", "ovrigt"),
        ("utbildning", "utbildning"),
        ("Migrän", None),
        ("", None),
    ],
)
def test_kinds_are_read_as_hr_systems_write_them(text: str, kind: str | None) -> None:
    assert parse_absence_kind(text) == kind


def test_the_form_names_every_problem_by_field() -> None:
    assert validate_absence(AbsenceDraft(1, "sjuk", date(2026, 3, 2), None, 100)) == {}
    problems = validate_absence(AbsenceDraft(None, "diagnos", None, None, None))
    assert set(problems) == {"employee", "kind", "start", "extent_percent"}
    backwards = validate_absence(AbsenceDraft(1, "sjuk", date(2026, 3, 2), date(2026, 3, 1), 50))
    assert backwards == {"end": "Till-datumet ligger före från-datumet."}
    assert (
        "mellan 1 och 100"
        in validate_absence(AbsenceDraft(1, "sjuk", date(2026, 3, 2), None, 150))["extent_percent"]
    )


def record(kind: str, start: str, end: str | None, extent: int = 100, id: int = 0) -> AbsenceRecord:
    return AbsenceRecord(
        kind, date.fromisoformat(start), date.fromisoformat(end) if end else None, extent, id
    )


def test_the_same_kind_may_overlap_or_touch_and_joins_into_one_spell() -> None:
    stored = [record("sjuk", "2026-03-02", "2026-03-04", id=1)]
    overlapping = record("sjuk", "2026-03-04", "2026-03-08", 50)
    touching = record("sjuk", "2026-03-05", "2026-03-06")
    apart = record("sjuk", "2026-03-06", "2026-03-06")
    assert overlap_problem(overlapping, stored) is None
    assert overlap_problem(touching, stored) is None
    assert joins_another(overlapping, stored) and joins_another(touching, stored)
    assert not joins_another(apart, stored)
    assert not joins_another(record("vab", "2026-03-03", "2026-03-03", 10), stored)


def test_a_whole_day_of_two_kinds_cannot_be_one_spell() -> None:
    stored = [record("sjuk", "2026-03-02", "2026-03-04", id=1)]
    problem = overlap_problem(record("semester", "2026-03-04", "2026-03-05"), stored)
    assert problem == (
        "Överlappar sjuk 2026-03-02–2026-03-04: tillsammans mer än 100 % samma dag. "
        "Ändra omfattningen eller datumen."
    )
    assert overlap_problem(record("semester", "2026-03-05", "2026-03-06"), stored) is None


def test_an_ongoing_record_blocks_a_whole_other_kind_after_it() -> None:
    stored = [record("sjuk", "2026-03-02", None, id=1)]
    assert overlap_problem(record("semester", "2027-01-01", "2027-01-02"), stored) is not None
    assert overlap_problem(record("sjuk", "2027-01-01", "2027-01-02"), stored) is None


def test_different_kinds_may_share_days_up_to_a_whole_day() -> None:
    half_sick = [record("sjuk", "2026-03-01", "2026-03-31", 50, id=1)]
    assert overlap_problem(record("foraldraledig", "2026-03-10", None, 50), half_sick) is None
    too_much = overlap_problem(record("semester", "2026-03-10", "2026-03-12"), half_sick)
    assert too_much is not None and "mer än 100 %" in too_much


def test_a_record_does_not_clash_with_itself() -> None:
    stored = [record("sjuk", "2026-03-02", "2026-03-04", id=7)]
    assert overlap_problem(record("sjuk", "2026-03-02", "2026-03-06", id=7), stored) is None


def test_periods_read_as_people_say_them() -> None:
    assert describe_period(date(2026, 3, 2), None) == "från 2026-03-02 (pågår)"
    assert describe_period(date(2026, 3, 2), date(2026, 3, 2)) == "2026-03-02"
    assert describe_period(date(2026, 3, 2), date(2026, 3, 3)) == "2026-03-02–2026-03-03"

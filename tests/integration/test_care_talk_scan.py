"""Who is due on a day, on a real database: the person's schedule decides free days (with the
weekend fallback outside it), the window, the kinds, held talks, invitations and snoozes."""

from __future__ import annotations

from datetime import date, time

import pytest
from absence_helpers import absence, employee, shifts, weekdays

from enhetschef_app.domain.care_talks import SignalStatus, TalkState, TalkStep
from enhetschef_app.domain.staff import EmploymentForm
from enhetschef_app.services.absence.care_talk_scan import due_for_care_talk, scan_care_talks
from enhetschef_app.services.absence.care_talks import apply_talk_step, snooze_signal
from enhetschef_app.services.core.settings import change_settings
from enhetschef_app.services.core.workspace import Workspace

DAY = date(2026, 11, 24)


@pytest.fixture
def workspace(any_workspace: Workspace) -> Workspace:
    """Every test here runs on SQLite and on PostgreSQL (the scan's gaps query differs)."""
    return any_workspace


def names(workspace: Workspace, day: date = DAY) -> list[str]:
    return [s.name for s in due_for_care_talk(workspace, day)]


def three_spells(workspace: Workspace, employee_id: int) -> None:
    absence(workspace, employee_id, "2026-03-02", "2026-03-03")
    absence(workspace, employee_id, "2026-05-11", "2026-05-11")
    absence(workspace, employee_id, "2026-09-14", "2026-09-16")


def test_three_spells_in_the_window_are_due_with_their_dates(workspace: Workspace) -> None:
    anna = employee(workspace, "1", "Anna Ålund")
    three_spells(workspace, anna)
    (signal,) = due_for_care_talk(workspace, DAY)
    assert (signal.employee_no, signal.name, signal.occasions) == ("1", "Anna Ålund", 3)
    assert signal.spells() == [
        (date(2026, 3, 2), date(2026, 3, 3)),
        (date(2026, 5, 11), date(2026, 5, 11)),
        (date(2026, 9, 14), date(2026, 9, 16)),
    ]


def test_an_ongoing_spell_runs_to_the_day_asked_about(workspace: Workspace) -> None:
    anna = employee(workspace, "1", "Anna Ålund")
    absence(workspace, anna, "2026-03-02", "2026-03-03")
    absence(workspace, anna, "2026-05-11", "2026-05-11")
    absence(workspace, anna, "2026-11-20", None)
    (signal,) = due_for_care_talk(workspace, DAY)
    assert signal.spells()[-1] == (date(2026, 11, 20), DAY)


def test_days_without_a_shift_in_the_schedule_join_two_records(workspace: Workspace) -> None:
    anna = employee(workspace, "1", "Anna Ålund")
    # Her schedule for March: weekdays, but not Wednesday 11th and Thursday 12th.
    days = [d for d in weekdays(date(2026, 3, 1), date(2026, 3, 31)) if d.day not in (11, 12)]
    shifts(workspace, anna, days)
    absence(workspace, anna, "2026-03-09", "2026-03-10")
    absence(workspace, anna, "2026-03-13", "2026-03-13")  # Fri: only free days between
    absence(workspace, anna, "2026-03-17", "2026-03-17")  # Mon 16th was a workday
    assert scan_care_talks(workspace, DAY).signals == ()  # four records, two occasions
    absence(workspace, anna, "2026-03-25", "2026-03-25")
    (signal,) = scan_care_talks(workspace, DAY).signals
    assert signal.occasions == 3
    assert signal.spells()[0] == (date(2026, 3, 9), date(2026, 3, 13))


def test_outside_the_schedule_weekends_and_holidays_are_the_free_days(
    workspace: Workspace,
) -> None:
    anna = employee(workspace, "1", "Anna Ålund")
    shifts(workspace, anna, weekdays(date(2026, 10, 1), date(2026, 10, 31)))
    # May has no schedule: Friday 15th and Monday 18th join over the weekend.
    absence(workspace, anna, "2026-05-15", "2026-05-15")
    absence(workspace, anna, "2026-05-18", "2026-05-18")
    absence(workspace, anna, "2026-05-20", "2026-05-20")  # Tuesday 19th in between: a new one
    absence(workspace, anna, "2026-06-10", "2026-06-10")
    (signal,) = scan_care_talks(workspace, DAY).signals
    assert signal.spells()[0] == (date(2026, 5, 15), date(2026, 5, 18))
    assert signal.occasions == 3
    change_settings(workspace, {"absence.free_days_join_spell": False})
    (apart,) = scan_care_talks(workspace, DAY).signals
    assert apart.occasions == 4


def test_the_window_counts_from_its_first_day(workspace: Workspace) -> None:
    anna = employee(workspace, "1", "Anna Ålund")
    # 12 months on 2026-11-24: 2025-11-24–2026-11-24, the same calendar date a year earlier.
    absence(workspace, anna, "2025-11-24", "2025-11-24")  # the window's first day
    absence(workspace, anna, "2026-05-11", "2026-05-11")
    absence(workspace, anna, "2026-11-24", "2026-11-24")  # the day asked about
    assert names(workspace) == ["Anna Ålund"]
    assert names(workspace, date(2026, 11, 25)) == []  # the first one has left the window
    assert names(workspace, date(2026, 11, 23)) == []  # the last one has not begun


def test_the_window_on_29_february_starts_on_28_february(workspace: Workspace) -> None:
    anna = employee(workspace, "1", "Anna Ålund")
    absence(workspace, anna, "2027-02-10", "2027-02-10")  # before the window
    absence(workspace, anna, "2027-09-13", "2027-09-13")
    absence(workspace, anna, "2028-02-29", "2028-02-29")
    assert names(workspace, date(2028, 2, 29)) == []
    absence(workspace, anna, "2027-02-28", "2027-02-28")  # the window's first day
    assert names(workspace, date(2028, 2, 29)) == ["Anna Ålund"]
    assert names(workspace, date(2028, 3, 1)) == []  # from 2027-03-01: it has left


def test_kinds_that_do_not_count_are_left_out_until_the_setting_says_so(
    workspace: Workspace,
) -> None:
    anna = employee(workspace, "1", "Anna Ålund")
    absence(workspace, anna, "2026-03-02", "2026-03-03")
    absence(workspace, anna, "2026-05-11", "2026-05-11", kind="vab")
    absence(workspace, anna, "2026-09-14", "2026-09-16")
    assert names(workspace) == []
    change_settings(workspace, {"absence.counting_kinds": ["sjuk", "vab"]})
    assert names(workspace) == ["Anna Ålund"]


def test_the_threshold_and_window_are_settings(workspace: Workspace) -> None:
    anna = employee(workspace, "1", "Anna Ålund")
    three_spells(workspace, anna)
    change_settings(workspace, {"absence.care_talk_threshold": 4})
    assert names(workspace) == []
    change_settings(
        workspace, {"absence.care_talk_threshold": 2, "absence.care_talk_window_months": 7}
    )
    (signal,) = due_for_care_talk(workspace, DAY)  # the window begins 2026-04-25
    assert signal.occasions == 2
    assert signal.spells()[0] == (date(2026, 5, 11), date(2026, 5, 11))


def test_people_who_have_left_are_not_due(workspace: Workspace) -> None:
    gone = employee(workspace, "9", "Gunnel Gått", end=date(2026, 10, 31))
    three_spells(workspace, gone)
    assert names(workspace) == []
    assert names(workspace, date(2026, 10, 31)) == ["Gunnel Gått"]


def test_an_invited_talk_or_a_snooze_keeps_the_person_off_the_list(workspace: Workspace) -> None:
    anna = employee(workspace, "1", "Anna Ålund")
    bo = employee(workspace, "2", "Bo Berg", form=EmploymentForm.HOURLY)
    three_spells(workspace, anna)
    three_spells(workspace, bo)
    assert names(workspace) == ["Anna Ålund", "Bo Berg"]
    invite = TalkStep(TalkState.INVITED, date(2026, 11, 27), time(9, 30), "Chefens kontor")
    apply_talk_step(workspace, anna, invite, as_of=DAY, today=DAY)
    snooze_signal(workspace, bo, date(2026, 12, 8), "Efter semestern", as_of=DAY)
    assert names(workspace) == []
    statuses = {s.name: s.status for s in scan_care_talks(workspace, DAY).signals}
    assert statuses == {"Anna Ålund": SignalStatus.INVITED, "Bo Berg": SignalStatus.SNOOZED}
    assert names(workspace, date(2026, 12, 8)) == ["Bo Berg"]


def test_counting_restarts_after_a_held_talk_unless_the_setting_says_otherwise(
    workspace: Workspace,
) -> None:
    anna = employee(workspace, "1", "Anna Ålund")
    three_spells(workspace, anna)
    on = date(2026, 9, 20)
    apply_talk_step(
        workspace, anna, TalkStep(TalkState.INVITED, on, time(10), "Kontoret"), as_of=on, today=DAY
    )
    held = TalkStep(TalkState.HELD, on, text="Avstämning varje vecka", follow_up=date(2026, 11, 1))
    apply_talk_step(workspace, anna, held, as_of=on, today=DAY)
    for day in ("2026-10-05", "2026-10-19"):
        absence(workspace, anna, day, day)
    assert names(workspace) == []  # two since the talk
    absence(workspace, anna, "2026-11-16", "2026-11-16")
    assert names(workspace) == ["Anna Ålund"]  # three since the talk
    change_settings(workspace, {"absence.restart_after_talk": False})
    (signal,) = due_for_care_talk(workspace, DAY)
    assert signal.occasions == 6


def test_a_declined_talk_covers_its_occasions_until_a_new_one(workspace: Workspace) -> None:
    anna = employee(workspace, "1", "Anna Ålund")
    three_spells(workspace, anna)
    declined = TalkStep(TalkState.DECLINED, date(2026, 10, 1), text="Tackade nej")
    apply_talk_step(workspace, anna, declined, as_of=date(2026, 10, 1), today=DAY)
    assert names(workspace) == []
    absence(workspace, anna, "2026-11-02", "2026-11-02")
    assert names(workspace) == ["Anna Ålund"]

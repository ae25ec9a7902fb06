"""The rules at their edges: overtime across the clock changes and AB's divisors, a timavlönad
passing 165 h within the day, every 48-hour period that touches a check, sick days counted over
spells, and one staffing count with resurspass."""

from __future__ import annotations

from datetime import date, time, timedelta
from decimal import Decimal

import pytest

from enhetschef_app.domain.actual_schedule import (
    Absences,
    AbsenceSpan,
    CoverRecord,
    RowShift,
    row_states,
)
from enhetschef_app.domain.overtime import (
    ExtraKind,
    OvertimeRules,
    WorkerContext,
    classify,
    overtime_cost,
)
from enhetschef_app.domain.overtime_limits import OvertimeLimits, check_limits
from enhetschef_app.domain.overtime_requests import (
    ApprovedMinutes,
    PersonTerms,
    WorkedShift,
    request_shift,
    worked_in_month_before,
    worker_context,
)
from enhetschef_app.domain.rehab_milestones import (
    MilestoneKind,
    SickSpell,
    chain_milestones,
    sick_days,
)
from enhetschef_app.domain.rest_rules import (
    RestLimits,
    RestRule,
    average_periods,
    check_rest_rules,
)
from enhetschef_app.domain.settings_catalog import RuleSettings
from enhetschef_app.domain.shifts import Shift
from enhetschef_app.domain.staff import EmploymentForm
from enhetschef_app.domain.staffing import NeedBand, band_staffing

FULL = WorkerContext(EmploymentForm.PERMANENT, Decimal(100), Decimal(40), [])


# -- overtime across a clock change -------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "hours"),
    [
        (date(2026, 10, 24), 9),  # Saturday: the clocks go back in the night
        (date(2026, 10, 25), 8),  # the Sunday itself
        (date(2026, 3, 28), 7),  # Saturday: the clocks go forward
        (date(2026, 3, 29), 8),
        (date(2027, 10, 30), 9),
        (date(2027, 10, 31), 8),
        (date(2027, 3, 27), 7),
        (date(2027, 3, 28), 8),
    ],
)
def test_overtime_22_to_06_is_real_time_in_split_cost_komp_and_limits(
    day: date, hours: int
) -> None:
    split = classify(day, time(22), time(6), FULL, OvertimeRules())
    assert split.minutes(ExtraKind.QUALIFIED) == hours * 60
    assert sum(s.minutes for s in split.segments) == hours * 60
    # The same calendar function as the rest checks: a shift of the same times is as long.
    assert Shift("1", day, time(22), time(6)).length == timedelta(hours=hours)
    cost = overtime_cost(split, Decimal(36000), OvertimeRules())
    assert cost.qualified == Decimal(36000 * hours) / 72
    komp = overtime_cost(split, Decimal(36000), OvertimeRules(), as_comp=True)
    assert komp.comp_hours == Decimal(2 * hours)
    checks = check_limits([], day, split.overtime_minutes, 0, OvertimeLimits())
    adding = {c.key: c.adding_minutes for c in checks if c.key != "mertid_year"}
    assert set(adding.values()) == {hours * 60}


def test_the_segments_name_the_repeated_hour_in_real_time() -> None:
    split = classify(date(2026, 10, 24), time(22), time(6), FULL, OvertimeRules())
    (segment,) = split.segments
    assert segment.start.isoformat() == "2026-10-24T22:00:00+02:00"
    assert segment.end.isoformat() == "2026-10-25T06:00:00+01:00"


def test_pay_follows_the_divisors_of_the_settings() -> None:
    rules = OvertimeRules.from_settings(
        RuleSettings(
            {
                "overtime.simple_divisor": 100,
                "overtime.qualified_divisor": 50,
                "overtime.mertid_divisor": 200,
            }
        )
    )
    assert (rules.simple_divisor, rules.qualified_divisor, rules.mertid_divisor) == (100, 50, 200)
    defaults = OvertimeRules.from_settings(RuleSettings())
    assert (defaults.simple_divisor, defaults.qualified_divisor, defaults.mertid_divisor) == (
        94,
        72,
        165,
    )
    # Part-timer 75 %, ordinary 07:00–13:00: 14:00–15:00 fills the day (mertid), on the full
    # salary whatever the grade.
    part = WorkerContext(
        EmploymentForm.PERMANENT,
        Decimal(75),
        Decimal(40),
        [Shift("1", date(2026, 11, 17), time(7), time(13))],
    )
    split = classify(date(2026, 11, 17), time(14), time(15), part, rules)
    assert split.minutes(ExtraKind.MERTID) == 60
    assert overtime_cost(split, Decimal(33000), rules).mertid == Decimal("165.00")
    assert overtime_cost(split, Decimal(33000), defaults).mertid == Decimal("200.00")


def test_the_third_worked_example_leaves_the_rast_out() -> None:
    part = WorkerContext(
        EmploymentForm.PERMANENT,
        Decimal(75),
        Decimal(40),
        [Shift("1", date(2026, 11, 17), time(7), time(14), 60)],
        week_worked_before=timedelta(hours=6),
    )
    split = classify(
        date(2026, 11, 17), time(14), time(20), part, OvertimeRules(), [(time(16), time(16, 30))]
    )
    assert [(f"{s.start:%H:%M}", f"{s.end:%H:%M}", s.kind) for s in split.segments] == [
        ("14:00", "16:00", ExtraKind.MERTID),
        ("16:30", "20:00", ExtraKind.QUALIFIED),
    ]
    # As worked time in the actual schedule the rast is not working time either.
    worked = request_shift("1", date(2026, 11, 17), time(14), time(20), (time(16), time(16, 30)))
    assert worked.worked == timedelta(hours=5, minutes=30)


# -- timavlönade past 165 h -------------------------------------------------------------------


HOURLY = PersonTerms(EmploymentForm.HOURLY, None, Decimal(40))
ORDER_DAY = date(2026, 11, 20)


def _month_shifts(hours_before_day: int) -> list[WorkedShift]:
    """`hours_before_day` hours on earlier days of the month, in shifts of 10 h and a rest."""
    found = []
    day = ORDER_DAY.replace(day=1)
    left = hours_before_day
    while left > 0:
        length = min(10, left)
        found.append(WorkedShift(Shift("9", day, time(7), time(7 + length)), ordinary=False))
        left -= length
        day += timedelta(days=1)
    return found


@pytest.mark.parametrize(
    ("before", "hourly_minutes", "overtime_minutes"),
    # With the morning's 3 h: 161 h, 165 h exactly, 164 h before the order.
    [(158, 240, 0), (162, 0, 240), (161, 60, 180)],
)
def test_the_165_hours_count_the_same_days_earlier_shift(
    before: int, hourly_minutes: int, overtime_minutes: int
) -> None:
    shifts = [
        *_month_shifts(before),
        WorkedShift(Shift("9", ORDER_DAY, time(7), time(10)), ordinary=False),
        # A shift later the same day is not worked before the order.
        WorkedShift(Shift("9", ORDER_DAY, time(15), time(18)), ordinary=False),
    ]
    context = worker_context(HOURLY, ORDER_DAY, shifts, [], time(10))
    assert context.month_worked_before == timedelta(hours=before + 3)
    split = classify(ORDER_DAY, time(10), time(14), context, OvertimeRules())
    assert split.minutes(ExtraKind.HOURLY_ORDINARY) == hourly_minutes
    assert split.overtime_minutes == overtime_minutes


def test_163_hours_counting_a_morning_request_leave_2_hours_at_the_hourly_rate() -> None:
    # 160 h on earlier days + an approved 07–10 this morning = 163 h.
    approved_morning = ApprovedMinutes(
        ORDER_DAY, hourly=180, end_s=Shift("", ORDER_DAY, time(7), time(10)).end_s
    )
    context = worker_context(HOURLY, ORDER_DAY, _month_shifts(160), [approved_morning], time(10))
    assert context.month_worked_before == timedelta(hours=163)
    split = classify(ORDER_DAY, time(10), time(14), context, OvertimeRules())
    assert split.minutes(ExtraKind.HOURLY_ORDINARY) == 120
    assert split.overtime_minutes == 120


def test_approved_work_ending_after_the_start_is_not_before_it() -> None:
    later = ApprovedMinutes(
        ORDER_DAY, overtime=60, end_s=Shift("", ORDER_DAY, time(10), time(11)).end_s
    )
    ended = ApprovedMinutes(
        ORDER_DAY, overtime=60, end_s=Shift("", ORDER_DAY, time(8), time(9)).end_s
    )
    assert worked_in_month_before(ORDER_DAY, time(10), [], [later, ended]) == timedelta(hours=1)
    # Without a start only earlier days count, as before.
    assert worked_in_month_before(ORDER_DAY, None, [], [later, ended]) == timedelta(0)


# -- the 48-hour average ----------------------------------------------------------------------


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def _heavy_march_then_full_time(last: date) -> list[Shift]:
    march = _days(date(2026, 3, 1), date(2026, 3, 31))
    shifts = [Shift("1", d, time(7), time(18, 30)) for d in march]
    shifts += [
        Shift("1", d, time(7), time(15))
        for d in _days(date(2026, 2, 1), last)
        if d.weekday() < 5 and d.month != 3
    ]
    return shifts


def test_a_june_check_names_the_march_to_june_period_only() -> None:
    shifts = _heavy_march_then_full_time(date(2026, 9, 30))
    june = (date(2026, 6, 1), date(2026, 6, 30))
    found = check_rest_rules(shifts, *june, RestLimits(), rules=(RestRule.AVERAGE_48H,))
    assert [(b.period, b.date, b.found) for b in found] == [
        ((date(2026, 3, 1), date(2026, 6, 30)), date(2026, 6, 1), 50.29)
    ]
    assert found[0].explain().startswith("Beräkningsperioden 2026-03-01–2026-06-30: ")
    assert found[0].planned_through is None
    # A check of July only touches periods from April on: no breach.
    july = (date(2026, 7, 1), date(2026, 7, 31))
    assert check_rest_rules(shifts, *july, RestLimits(), rules=(RestRule.AVERAGE_48H,)) == []


def test_every_period_touching_the_range_per_the_setting() -> None:
    assert average_periods(date(2026, 6, 10), date(2026, 6, 20), 4) == [
        (date(2026, 3, 1), date(2026, 6, 30)),
        (date(2026, 4, 1), date(2026, 7, 31)),
        (date(2026, 5, 1), date(2026, 8, 31)),
        (date(2026, 6, 1), date(2026, 9, 30)),
    ]
    assert average_periods(date(2026, 12, 31), date(2027, 1, 1), 2) == [
        (date(2026, 11, 1), date(2026, 12, 31)),
        (date(2026, 12, 1), date(2027, 1, 31)),
        (date(2027, 1, 1), date(2027, 2, 28)),
    ]
    limits = RestLimits.from_settings(RuleSettings({"rest.average_months": 2}))
    assert limits.average_months == 2


def test_a_period_past_the_last_planned_day_is_judged_on_what_is_planned() -> None:
    # Planned through 2026-06-30, 50 h a week in June: June–September is judged on June.
    shifts = _heavy_march_then_full_time(date(2026, 5, 31))
    june = _days(date(2026, 6, 1), date(2026, 6, 30))
    shifts += [Shift("1", d, time(7), time(17)) for d in june if d.weekday() < 5]
    found = check_rest_rules(
        shifts, date(2026, 6, 1), date(2026, 6, 30), RestLimits(), rules=(RestRule.AVERAGE_48H,)
    )
    partial = [b for b in found if b.period == (date(2026, 6, 1), date(2026, 9, 30))]
    assert [b.planned_through for b in partial] == [date(2026, 6, 30)]
    assert "bedöms på det planerade" in partial[0].explain()
    assert partial[0].found == pytest.approx(10 * 22 / (30 / 7), abs=0.01)


def test_approved_overtime_counts_in_the_actual_rest_checks() -> None:
    evening = request_shift("1", date(2026, 11, 17), time(15, 30), time(22), None)
    early = Shift("1", date(2026, 11, 18), time(7), time(15, 30), 30)
    day = Shift("1", date(2026, 11, 17), time(7), time(15, 30), 30)
    days = (date(2026, 11, 17), date(2026, 11, 18))
    rest = (RestRule.DAILY_REST,)
    assert check_rest_rules([day, early], *days, RestLimits(), rules=rest) == []
    found = check_rest_rules([day, evening, early], *days, RestLimits(), rules=rest)
    assert [(b.rule, b.found) for b in found] == [(RestRule.DAILY_REST, 9.0)]
    assert "övertid 15:30–22:00" in found[0].explain()


# -- sick days over spells --------------------------------------------------------------------


def _due(spells: list[SickSpell], kind: MilestoneKind) -> date | None:
    for index in range(len(spells)):
        for m in chain_milestones(spells, index):
            if m.spec.kind is kind:
                return m.due
    return None


def test_day_8_counts_sick_days_over_a_spell_within_5_days() -> None:
    first = SickSpell(date(2026, 3, 2), date(2026, 3, 6))
    again = SickSpell(date(2026, 3, 11), None)
    assert _due([first, again], MilestoneKind.DOCTORS_CERTIFICATE) == date(2026, 3, 13)
    assert sick_days([first, again], date(2026, 3, 13)) == 8


@pytest.mark.parametrize(
    ("restart", "day_8"),
    [
        (date(2026, 3, 11), date(2026, 3, 13)),  # the last day of the gap: continues
        (date(2026, 3, 12), date(2026, 3, 19)),  # the day after: a new sjuklöneperiod
    ],
)
def test_the_sjuklöneperiod_restarts_the_day_after_the_gap(restart: date, day_8: date) -> None:
    spells = [SickSpell(date(2026, 3, 2), date(2026, 3, 6)), SickSpell(restart, None)]
    assert _due(spells, MilestoneKind.DOCTORS_CERTIFICATE) == day_8


@pytest.mark.parametrize(
    ("healthy_days", "joined"),
    [(89, True), (90, False)],
)
def test_the_rehab_chain_adds_spells_less_than_90_days_apart(
    healthy_days: int, joined: bool
) -> None:
    last_sick = date(2026, 1, 24)
    first = SickSpell(date(2026, 1, 5), last_sick)  # 20 sick days
    restart = last_sick + timedelta(days=healthy_days + 1)
    again = SickSpell(restart, None)
    day_30 = _due([first, again], MilestoneKind.RETURN_PLAN)
    # Day 30 is the 10th day of the new spell when they add up, else its 30th.
    expected = restart + timedelta(days=9 if joined else 29)
    assert day_30 == expected
    # Day 8 and 15 always start over after so long a gap.
    assert _due([first, again], MilestoneKind.DOCTORS_CERTIFICATE) == date(2026, 1, 12)
    (fk,) = [
        m for m in chain_milestones([first, again], 1) if m.spec.kind is MilestoneKind.FK_REPORT
    ]
    assert fk.due == restart + timedelta(days=14)


def test_an_ended_spell_gets_only_the_milestones_it_reaches() -> None:
    spells = [SickSpell(date(2026, 3, 2), date(2026, 3, 10))]
    assert [m.day for m in chain_milestones(spells, 0)] == [8]


# -- one staffing count -----------------------------------------------------------------------


def _row(row_id: int, person: int | None, start: int, end: int, resurs: bool = False) -> RowShift:
    return RowShift(
        row_id,
        date(2026, 11, 17),
        time(start),
        time(end),
        0,
        "R" if resurs else "D",
        person,
        None if person is None else str(person),
        resurs,
    )


def test_a_resurspass_staffs_a_band_only_once_placed_on_an_empty_row() -> None:
    needs = [NeedBand(1, time(7), time(15), 3)]
    rows = [_row(1, 1, 7, 15), _row(2, None, 7, 15), _row(3, 3, 7, 15, resurs=True)]
    day = date(2026, 11, 17)
    statuses = row_states(rows, [], Absences([]))
    assert [b.staffed for b in band_staffing(day, needs, statuses, actual=True)] == [1]
    assert [b.staffed for b in band_staffing(day, needs, statuses, actual=False)] == [1]
    placed = [CoverRecord(2, 3, "3", "resurspass", released_row_id=3)]
    statuses = row_states(rows, placed, Absences([]))
    assert [b.staffed for b in band_staffing(day, needs, statuses, actual=True)] == [2]
    # An absent person's row is planned but not staffed as it turns out.
    away = row_states(rows, [], Absences([AbsenceSpan(1, day, day)]))
    assert [b.staffed for b in band_staffing(day, needs, away, actual=True)] == [0]
    assert [b.staffed for b in band_staffing(day, needs, away, actual=False)] == [1]

"""The month summary's absence figures (DOMAIN.md: Key figures of the month summary).

`absence_month_figures(workspace, year, month)` is what the month summary calls. Every figure
is reproducible: it depends only on the stored schedule, absences, talks and settings, never on
the day it is computed, and its definition is given below.

- **Schemalagda timmar** (`scheduled_hours`): ordinary scheduled working time of the month for
  monthly-paid staff (tillsvidare and visstid): every schedule row dated in the month that holds
  such a person, its real length across midnight and DST less the rast. Vacant rows and the
  hourly paid are not in it.
- **Sjuktimmar** (`sick_hours`): of those rows, the ones on a day covered by a sick record of
  the row's person (kind sjuk), each times the record's extent (50 % sick: half the row).
- **Sjukfrånvaro %** (`sick_percent`): sick hours / scheduled hours × 100, two decimals; None
  when nothing is scheduled.
- **Korttid / mellan / långtid** (`short_sick_hours`, `middle_sick_hours`, `long_sick_hours`):
  the sick hours split by the length of the sick spell they belong to, in calendar days from the
  spell's first day to its last (an ongoing spell: to the month's last day): korttid 1–14 days,
  långtid 60 days or more, mellan 15–59. A spell is the sick records joined as for the
  omtankessamtal (touching, only free days between, and återinsjuknande if that setting is on).
  The three add up to the sick hours (each is rounded to the hundredth on its own).
- **Frånvarotillfällen** (`occasions_started`): occasions of the counting kinds (the setting
  "Frånvaro som räknas") that start in the month, all staff.
- **Omtankessamtal genomförda** (`talks_held`): talks whose held date is in the month.
- **Omtankessamtal aktuella** (`talks_due_at_month_end`): people due for a talk on the month's
  last day, as `enhetschef omtanke` counts them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from enhetschef_app.domain.absence_occasions import (
    AbsenceRecord,
    OccasionRules,
    build_occasions,
)
from enhetschef_app.domain.calendar import month_end
from enhetschef_app.domain.free_days import ScheduleSpan
from enhetschef_app.domain.month_rows import (
    SickBand,
    clock_change_correction,
    dst_change_days_between,
    sick_band,
)
from enhetschef_app.domain.rounding import hours_of_percent_minutes, percent
from enhetschef_app.domain.staff import EmploymentForm
from enhetschef_app.services.absence.care_talk_scan import gap_checks, scan_care_talks
from enhetschef_app.services.core.settings import rule_settings
from enhetschef_app.services.core.workspace import Workspace, use_case
from enhetschef_app.storage.queries.absence_figures import (
    SickMinutes,
    rows_on_days,
    scheduled_minutes,
    sick_minutes_by_record,
    sick_records_of_unit,
)
from enhetschef_app.storage.queries.absences import scan_records, schedule_span
from enhetschef_app.storage.queries.care_talks import talks_held_between
from enhetschef_app.storage.session import Session

MONTHLY_PAID = tuple(form.value for form in EmploymentForm if form.is_monthly_paid)


@dataclass(frozen=True)
class AbsenceMonthFigures:
    year: int
    month: int
    scheduled_hours: Decimal
    sick_hours: Decimal
    sick_percent: Decimal | None
    short_sick_hours: Decimal
    middle_sick_hours: Decimal
    long_sick_hours: Decimal
    occasions_started: int
    talks_held: int
    talks_due_at_month_end: int

    def as_dict(self) -> dict[str, Any]:
        return {
            "month": f"{self.year:04d}-{self.month:02d}",
            "scheduled_hours": str(self.scheduled_hours),
            "sick_hours": str(self.sick_hours),
            "sick_percent": None if self.sick_percent is None else str(self.sick_percent),
            "short_sick_hours": str(self.short_sick_hours),
            "middle_sick_hours": str(self.middle_sick_hours),
            "long_sick_hours": str(self.long_sick_hours),
            "occasions_started": self.occasions_started,
            "talks_held": self.talks_held,
            "talks_due_at_month_end": self.talks_due_at_month_end,
        }


@dataclass(frozen=True)
class _MonthMinutes:
    scheduled: int  # percent-minutes of the monthly paid's rows (100 of them are one minute)
    by_record: dict[int, SickMinutes]  # sick percent-minutes booked to each sick record
    corrections: dict[int | None, int]  # sick record → its rows' clock-change correction

    @property
    def sick(self) -> int:
        return sum(m.percent_minutes for m in self.by_record.values()) + sum(
            self.corrections.values()
        )


def _month_minutes(session: Session, unit_id: int, first: date, last: date) -> _MonthMinutes:
    """The month's scheduled and sick minutes of the monthly paid, the clock changes taken in."""
    scheduled = scheduled_minutes(session, unit_id, first, last, MONTHLY_PAID) * 100
    by_record = {
        m.absence_id: m for m in sick_minutes_by_record(session, unit_id, first, last, MONTHLY_PAID)
    }
    corrections: dict[int | None, int] = defaultdict(int)
    for row in rows_on_days(session, unit_id, dst_change_days_between(first, last), MONTHLY_PAID):
        delta = clock_change_correction(row.work_date, row.start, row.end, row.break_minutes)
        scheduled += delta * 100
        if row.sick_absence_id is not None and row.sick_extent is not None:
            corrections[row.sick_absence_id] += delta * row.sick_extent
    return _MonthMinutes(scheduled, by_record, corrections)


@use_case
def sick_percent_of_month(workspace: Workspace, year: int, month: int) -> Decimal | None:
    """Sjukfrånvaro % of the month alone, the same figure as `absence_month_figures` gives
    (the 12-month trend's): every sick minute is in exactly one spell, so the total needs no
    spells, occasions or talks worked out."""
    unit = workspace.require_unit()
    first = date(year, month, 1)
    with workspace.transaction() as session:
        minutes = _month_minutes(session, unit.id, first, month_end(first))
    return None if minutes.scheduled <= 0 else percent(minutes.sick, minutes.scheduled)


@use_case
def absence_month_figures(workspace: Workspace, year: int, month: int) -> AbsenceMonthFigures:
    unit = workspace.require_unit()
    first = date(year, month, 1)
    last = month_end(first)
    settings = rule_settings(workspace)
    counting = OccasionRules.from_settings(settings)
    sick_rules = OccasionRules(
        counting_kinds=frozenset({"sjuk"}),
        free_days_join=counting.free_days_join,
        relapse_joins=counting.relapse_joins,
    )
    with workspace.transaction() as session:
        minutes = _month_minutes(session, unit.id, first, last)
        scheduled, by_record, corrections = (
            minutes.scheduled,
            minutes.by_record,
            minutes.corrections,
        )
        sick_people = {m.employee_id for m in by_record.values()}
        sick_records = sick_records_of_unit(session, unit.id, sick_people)
        talks_held = talks_held_between(session, unit.id, first, last)
        counted_records: dict[int, list[AbsenceRecord]] = defaultdict(list)
        for r in scan_records(session, unit.id, counting.counting_kinds, last):
            counted_records[r.employee_id].append(
                AbsenceRecord(r.kind, r.start, r.end, r.extent_percent, r.id)
            )
        sick_by_person: dict[int, list[AbsenceRecord]] = defaultdict(list)
        for employee_id, absence_id, start, end, extent in sick_records:
            sick_by_person[employee_id].append(
                AbsenceRecord("sjuk", start, end, extent, absence_id)
            )
        found_span = schedule_span(session, unit.id)
        span = None if found_span is None else ScheduleSpan(*found_span)
        counting_checks = (
            gap_checks(session, counted_records, counting, last, span)
            if counting.free_days_join
            else {}
        )
        sick_checks = (
            gap_checks(session, sick_by_person, sick_rules, last, span)
            if sick_rules.free_days_join
            else {}
        )
    occasions_started = 0
    for employee_id, records in counted_records.items():
        occasions, _ = build_occasions(
            records, counting, last, gap_is_free=counting_checks.get(employee_id)
        )
        occasions_started += sum(1 for o in occasions if first <= o.start <= last)
    split = dict.fromkeys(SickBand, 0)
    for employee_id, records in sick_by_person.items():
        occasions, _ = build_occasions(
            records, sick_rules, last, gap_is_free=sick_checks.get(employee_id)
        )
        for occasion in occasions:
            group = sick_band(occasion.days(last))
            for record in occasion.records:
                if record.id in by_record:
                    split[group] += by_record[record.id].percent_minutes
                split[group] += corrections.get(record.id, 0)
    sick = sum(split.values())
    sick_share = None if scheduled <= 0 else percent(sick, scheduled)
    talks_due = len(scan_care_talks(workspace, last).due)
    return AbsenceMonthFigures(
        year=year,
        month=month,
        scheduled_hours=hours_of_percent_minutes(scheduled),
        sick_hours=hours_of_percent_minutes(sick),
        sick_percent=sick_share,
        short_sick_hours=hours_of_percent_minutes(split[SickBand.SHORT]),
        middle_sick_hours=hours_of_percent_minutes(split[SickBand.MIDDLE]),
        long_sick_hours=hours_of_percent_minutes(split[SickBand.LONG]),
        occasions_started=occasions_started,
        talks_held=talks_held,
        talks_due_at_month_end=talks_due,
    )

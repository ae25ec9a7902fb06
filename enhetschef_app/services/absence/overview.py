"""Översikt's lines for Frånvaro och omtanke: who is due, talks to hold this week, follow-ups
due, and rehab milestones this week. Each leads to the page Frånvaro och omtanke."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from enhetschef_app.domain.care_talks import TalkState
from enhetschef_app.domain.rehab_milestones import Milestone
from enhetschef_app.services.absence.care_talk_scan import PersonSignal, scan_care_talks
from enhetschef_app.services.absence.care_talks import TalkView, list_talks
from enhetschef_app.services.absence.sick_spells import sick_records, spells_with_milestones
from enhetschef_app.services.core.workspace import Workspace, use_case
from enhetschef_app.storage.queries.staff import employees_of_unit


@dataclass(frozen=True)
class MilestoneLine:
    employee_id: int
    employee_no: str
    name: str
    milestone: Milestone


@dataclass(frozen=True)
class CareOverview:
    day: date
    week_start: date
    week_end: date
    due: tuple[PersonSignal, ...]
    talks_this_week: tuple[TalkView, ...]  # invited for a day up to the week's end
    follow_ups_due: tuple[TalkView, ...]  # held, with a follow-up day up to the week's end
    milestones: tuple[MilestoneLine, ...]  # due this week

    @property
    def is_empty(self) -> bool:
        return not (self.due or self.talks_this_week or self.follow_ups_due or self.milestones)


@use_case
def care_overview(workspace: Workspace, day: date) -> CareOverview:
    """The week of `day` (Monday to Sunday). A talk or follow-up whose day has passed without
    being registered stays on the list until it is."""
    unit = workspace.require_unit()
    week_start = day - timedelta(days=day.weekday())
    week_end = week_start + timedelta(days=6)
    due = tuple(scan_care_talks(workspace, day).due)
    talks = list_talks(workspace)
    talks_this_week = tuple(
        sorted(
            (
                t
                for t in talks
                if t.state is TalkState.INVITED
                and t.invited_date is not None
                and t.invited_date <= week_end
            ),
            key=lambda t: (t.invited_date or day, t.invited_time or day),
        )
    )
    follow_ups = tuple(
        sorted(
            (
                t
                for t in talks
                if t.state is TalkState.HELD
                and t.follow_up_date is not None
                and t.follow_up_date <= week_end
            ),
            key=lambda t: t.follow_up_date or day,
        )
    )
    with workspace.transaction() as session:
        people = {e.id: (e.employee_no, e.name) for e in employees_of_unit(session, unit.id)}
        records = sick_records(session, unit.id, week_end)
        current = {
            employee_id: person_records
            for employee_id, person_records in records.items()
            if any(r.end is None or r.end >= week_start for r in person_records)
        }
        spells = spells_with_milestones(session, unit.id, current, week_end, ending_from=week_start)
    milestones = [
        MilestoneLine(spell.employee_id, *people[spell.employee_id], milestone)
        for spell in spells
        for milestone in spell.milestones
        if week_start <= milestone.due <= week_end
    ]
    milestones.sort(key=lambda line: (line.milestone.due, line.name))
    return CareOverview(
        day=day,
        week_start=week_start,
        week_end=week_end,
        due=due,
        talks_this_week=talks_this_week,
        follow_ups_due=follow_ups,
        milestones=tuple(milestones),
    )

"""One person's absences, occasions, talks and rehab milestones: the person view of the page
Frånvaro och omtanke, explained the way the trigger sees it on a day."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from enhetschef_app.domain.absence_occasions import (
    AbsenceRecord,
    CareTalkRules,
    Occasion,
    OccasionCount,
    OccasionRules,
    left_out_reason,
    months_back,
)
from enhetschef_app.domain.care_talks import SignalVerdict, TalkIntervals, active_snooze
from enhetschef_app.domain.errors import NotFoundError
from enhetschef_app.domain.rehab_milestones import Milestone
from enhetschef_app.services.absence.absences import AbsenceView, list_absences
from enhetschef_app.services.absence.care_talk_scan import count_for_person
from enhetschef_app.services.absence.care_talks import (
    SnoozeView,
    TalkView,
    list_snoozes,
    list_talks,
)
from enhetschef_app.services.absence.sick_spells import sick_records, spells_with_milestones
from enhetschef_app.services.core.settings import rule_settings
from enhetschef_app.services.core.workspace import Workspace, use_case
from enhetschef_app.storage.models import Employee


class OccasionStatus:
    COUNTED = "räknas"
    BEFORE_WINDOW = "före perioden"
    BEFORE_TALK = "före senaste samtalet"


@dataclass(frozen=True)
class OccasionLine:
    occasion: Occasion
    status: str  # an OccasionStatus


@dataclass(frozen=True)
class LeftOutLine:
    record: AbsenceRecord
    reason: str


@dataclass(frozen=True)
class PersonAbsenceDetail:
    employee_id: int
    employee_no: str
    name: str
    as_of: date
    threshold: int
    window_months: int
    count: OccasionCount
    verdict: SignalVerdict | None
    occasions: tuple[OccasionLine, ...]  # newest first
    left_out: tuple[LeftOutLine, ...]  # records in the window that were not counted
    absences: tuple[AbsenceView, ...]
    talks: tuple[TalkView, ...]
    snoozes: tuple[SnoozeView, ...]
    active_snooze: SnoozeView | None
    milestones: tuple[Milestone, ...]
    # The dates the talk dialogs suggest.
    intervals: TalkIntervals = field(default_factory=TalkIntervals.defaults)

    @property
    def window_start(self) -> date:
        return self.count.window_start

    @property
    def open_talk(self) -> TalkView | None:
        return next((t for t in reversed(self.talks) if not t.state.is_final), None)


@use_case
def person_absence_detail(
    workspace: Workspace, employee_id: int, as_of: date
) -> PersonAbsenceDetail:
    unit = workspace.require_unit()
    settings = rule_settings(workspace)
    occasion_rules = OccasionRules.from_settings(settings)
    talk_rules = CareTalkRules.from_settings(settings)
    window_start = months_back(as_of, talk_rules.window_months)
    with workspace.transaction() as session:
        employee = session.get(Employee, employee_id)
        if employee is None or employee.unit_id != unit.id:
            raise NotFoundError("Medarbetaren finns inte i enheten. Uppdatera listan (F5).")
        number, name = employee.employee_no, employee.name
        found = count_for_person(session, unit.id, employee_id, as_of, occasion_rules, talk_rules)
        spells = spells_with_milestones(
            session,
            unit.id,
            sick_records(session, unit.id, as_of, employee_id),
            as_of,
            ending_from=window_start,
        )
    absences = list_absences(workspace, employee_id=employee_id)
    talks = list_talks(workspace, employee_id)
    snoozes = list_snoozes(workspace, employee_id)
    count = found.count
    lines = [OccasionLine(o, OccasionStatus.COUNTED) for o in count.counted]
    lines += [OccasionLine(o, OccasionStatus.BEFORE_TALK) for o in count.before_talk]
    lines += [
        OccasionLine(o, OccasionStatus.BEFORE_WINDOW)
        for o in count.before_window
        if (o.end or as_of) >= window_start
    ]
    lines.sort(key=lambda line: line.occasion.start, reverse=True)
    left_out = [
        LeftOutLine(record, left_out_reason(record, occasion_rules, as_of))
        for a in absences
        if (record := AbsenceRecord(a.kind, a.start, a.end, a.extent_percent, a.id))
        and (a.kind not in occasion_rules.counting_kinds or a.start > as_of)
        and (a.end or as_of) >= window_start
        and a.start <= as_of
    ]
    snooze = active_snooze(found.snoozes, as_of)
    milestones = tuple(m for spell in spells for m in spell.milestones)
    return PersonAbsenceDetail(
        employee_id=employee_id,
        employee_no=number,
        name=name,
        as_of=as_of,
        threshold=talk_rules.threshold,
        window_months=talk_rules.window_months,
        count=count,
        verdict=found.verdict,
        occasions=tuple(lines),
        left_out=tuple(left_out),
        absences=tuple(absences),
        talks=tuple(talks),
        snoozes=tuple(snoozes),
        active_snooze=next((s for s in snoozes if snooze and s.id == snooze.id), None),
        milestones=tuple(sorted(milestones, key=lambda m: m.due)),
        intervals=TalkIntervals.from_settings(settings),
    )

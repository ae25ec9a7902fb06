"""Sick spells and their rehab milestones, for a person's view and for Översikt.

A spell here follows Sjuklönelagen: sick records that touch, have only free days between them,
or start again within 5 days (återinsjuknande) are one sjuklöneperiod, whatever the trigger's
setting for återinsjuknande says; the rehab chain's days are counted from its first day.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from enhetschef_app.domain.absence_occasions import (
    AbsenceRecord,
    Occasion,
    OccasionRules,
    build_occasions,
)
from enhetschef_app.domain.absences import SICK
from enhetschef_app.domain.free_days import ScheduleSpan
from enhetschef_app.domain.rehab_milestones import Milestone, spell_milestones
from enhetschef_app.services.care_talk_scan import gap_checks
from enhetschef_app.storage.queries.absences import scan_records, schedule_span

SICK_SPELL_RULES = OccasionRules(
    counting_kinds=frozenset({SICK}), free_days_join=True, relapse_joins=True
)


@dataclass(frozen=True)
class SpellMilestones:
    employee_id: int
    spell: Occasion
    milestones: tuple[Milestone, ...]


def sick_records(
    session: Session, unit_id: int, up_to: date, employee_id: int | None = None
) -> dict[int, list[AbsenceRecord]]:
    found: dict[int, list[AbsenceRecord]] = defaultdict(list)
    for r in scan_records(session, unit_id, (SICK,), up_to, employee_id=employee_id):
        found[r.employee_id].append(AbsenceRecord(r.kind, r.start, r.end, r.extent_percent, r.id))
    return found


def spells_with_milestones(
    session: Session,
    unit_id: int,
    records: Mapping[int, Sequence[AbsenceRecord]],
    as_of: date,
    *,
    ending_from: date,
) -> list[SpellMilestones]:
    """The sick spells (begun by `as_of`) that last to `ending_from` or later, or go on, with
    the milestones each reaches."""
    found = schedule_span(session, unit_id)
    span = None if found is None else ScheduleSpan(*found)
    checks = gap_checks(session, records, SICK_SPELL_RULES, as_of, span)
    result: list[SpellMilestones] = []
    for employee_id, person_records in records.items():
        spells, _ = build_occasions(
            person_records, SICK_SPELL_RULES, as_of, gap_is_free=checks.get(employee_id)
        )
        for spell in spells:
            if spell.end is not None and spell.end < ending_from:
                continue
            milestones = spell_milestones(spell.start, spell.end)
            if milestones:
                result.append(SpellMilestones(employee_id, spell, tuple(milestones)))
    return result

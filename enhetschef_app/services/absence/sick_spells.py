"""Sick spells and their rehab milestones, for a person's view, Översikt and `enhetschef rehab`.

A spell here is sick records that overlap, touch or have only free days between them. The
milestones count sick days over the spells that continue one another (`rehab_milestones`):
the sjuklöneperiod for day 8 and 15, the rehabiliteringskedja for day 30 and on.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from enhetschef_app.domain.absence_occasions import (
    AbsenceRecord,
    Occasion,
    OccasionRules,
    build_occasions,
)
from enhetschef_app.domain.absences import SICK
from enhetschef_app.domain.free_days import ScheduleSpan
from enhetschef_app.domain.rehab_milestones import (
    REHAB_CHAIN_GAP_DAYS,
    Milestone,
    SickSpell,
    chain_milestones,
    chain_of,
    sick_days,
)
from enhetschef_app.services.absence.care_talk_scan import gap_checks
from enhetschef_app.services.core.workspace import Workspace, use_case
from enhetschef_app.storage.queries.absences import scan_records, schedule_span
from enhetschef_app.storage.queries.staff import employees_of_unit
from enhetschef_app.storage.session import Session

SICK_SPELL_RULES = OccasionRules(
    counting_kinds=frozenset({SICK}), free_days_join=True, relapse_joins=False
)


@dataclass(frozen=True)
class SpellMilestones:
    employee_id: int
    spell: Occasion
    milestones: tuple[Milestone, ...]
    # The spells counted with it (the rehabiliteringskedja), itself last.
    chain: tuple[SickSpell, ...] = ()

    def sick_days(self, through: date) -> int:
        return sick_days(self.chain, through)


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
    include_without: bool = False,
) -> list[SpellMilestones]:
    """The sick spells (begun by `as_of`) that last to `ending_from` or later, or go on, with
    the milestones that fall in each (those without any only with `include_without`)."""
    found = schedule_span(session, unit_id)
    span = None if found is None else ScheduleSpan(*found)
    checks = gap_checks(session, records, SICK_SPELL_RULES, as_of, span)
    result: list[SpellMilestones] = []
    for employee_id, person_records in records.items():
        spells, _ = build_occasions(
            person_records, SICK_SPELL_RULES, as_of, gap_is_free=checks.get(employee_id)
        )
        plain = [SickSpell(spell.start, spell.end) for spell in spells]
        for index, spell in enumerate(spells):
            if spell.end is not None and spell.end < ending_from:
                continue
            milestones = chain_milestones(plain, index)
            if milestones or include_without:
                chain = chain_of(plain, index, REHAB_CHAIN_GAP_DAYS)
                result.append(SpellMilestones(employee_id, spell, tuple(milestones), tuple(chain)))
    return result


@dataclass(frozen=True)
class OngoingSpell:
    """A sick spell going on on a day, with the sick days counted and its milestones."""

    employee_no: str
    name: str
    first_day: date  # the spell's own first day
    counted_from: date  # the first sick day counted (an earlier spell's, when they add up)
    sick_days: int  # through the day asked about
    milestones: tuple[Milestone, ...]

    def as_dict(self) -> dict[str, Any]:
        """The JSON of `enhetschef rehab`: these keys are a contract."""
        return {
            "employee_no": self.employee_no,
            "name": self.name,
            "first_day": self.first_day.isoformat(),
            "counted_from": self.counted_from.isoformat(),
            "sick_days": self.sick_days,
            "milestones": [
                {"day": m.day, "date": m.due.isoformat(), "label": m.title} for m in self.milestones
            ],
        }


@use_case
def ongoing_spells(workspace: Workspace, day: date) -> list[OngoingSpell]:
    """Every sick spell of the unit's staff that goes on on `day`, by name."""
    unit = workspace.require_unit()
    with workspace.transaction() as session:
        people = {e.id: (e.employee_no, e.name) for e in employees_of_unit(session, unit.id)}
        records = sick_records(session, unit.id, day)
        spells = spells_with_milestones(
            session, unit.id, records, day, ending_from=day, include_without=True
        )
    found = [
        OngoingSpell(
            employee_no=people[s.employee_id][0],
            name=people[s.employee_id][1],
            first_day=s.spell.start,
            counted_from=s.chain[0].start if s.chain else s.spell.start,
            sick_days=s.sick_days(day),
            milestones=s.milestones,
        )
        for s in spells
        if s.employee_id in people and s.spell.start <= day
    ]
    return sorted(found, key=lambda o: (o.name.casefold(), o.employee_no))

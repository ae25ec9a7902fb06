"""The rehabkedjan's milestones of sick spells, as dated reminders (DOMAIN.md: Absence).

Days are sick days, day 1 the day of the sick report; the healthy days between two spells are
not counted. Day 8 (läkarintyg) and day 15 (anmälan to Försäkringskassan, at the latest day 21)
follow the sjuklöneperiod: a spell that starts before 5 days have passed since the previous one
ended (at most 4 healthy days between) continues it. Day 30, 90, 180 and 365 follow the
rehabiliteringskedja: spells less than 90 days apart (at most 89 healthy days between) are added.
The plan för återgång at day 30 is needed only when the sickness is expected to last more than
60 days: a chain with a registered end at most 60 sick days long does not get it; an open spell
gets it with the condition said.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from enhetschef_app.domain.absence_occasions import RELAPSE_DAYS

SICK_PAY_GAP_DAYS = RELAPSE_DAYS  # Sjuklönelagen: fewer healthy days continue the period
REHAB_CHAIN_GAP_DAYS = 90  # spells less than 90 days apart are one rehabiliteringskedja


class MilestoneKind(enum.StrEnum):
    DOCTORS_CERTIFICATE = "lakarintyg"
    FK_REPORT = "fk_anmalan"
    RETURN_PLAN = "plan_aterg"
    DAY_90 = "dag_90"
    DAY_180 = "dag_180"
    DAY_365 = "dag_365"


@dataclass(frozen=True)
class MilestoneSpec:
    kind: MilestoneKind
    day: int
    title: str
    help: str
    latest_day: int | None = None  # the last day it may be done on

    @property
    def chain_gap_days(self) -> int:
        """Spells whose healthy days between are fewer than this count together."""
        if self.day <= 21:
            return SICK_PAY_GAP_DAYS
        return REHAB_CHAIN_GAP_DAYS


MILESTONES: tuple[MilestoneSpec, ...] = (
    MilestoneSpec(
        MilestoneKind.DOCTORS_CERTIFICATE,
        8,
        "Läkarintyg",
        "Från dag 8 behövs läkarintyg för sjuklön.",
    ),
    MilestoneSpec(
        MilestoneKind.FK_REPORT,
        15,
        "Sjukanmälan till Försäkringskassan",
        "Arbetsgivaren anmäler sjukfallet efter dag 14, senast dag 21.",
        latest_day=21,
    ),
    MilestoneSpec(
        MilestoneKind.RETURN_PLAN,
        30,
        "Plan för återgång i arbete",
        "Senast dag 30 om sjukskrivningen väntas pågå mer än 60 dagar.",
    ),
    MilestoneSpec(
        MilestoneKind.DAY_90,
        90,
        "Dag 90 i rehabkedjan",
        "Försäkringskassan prövar om arbetet hos arbetsgivaren kan göras, också andra "
        "arbetsuppgifter.",
    ),
    MilestoneSpec(
        MilestoneKind.DAY_180,
        180,
        "Dag 180 i rehabkedjan",
        "Försäkringskassan prövar arbetsförmågan mot arbeten på hela arbetsmarknaden.",
    ),
    MilestoneSpec(
        MilestoneKind.DAY_365,
        365,
        "Dag 365 i rehabkedjan",
        "Fortsatt sjukpenning kräver särskilda skäl; stäm av fortsatt rehabilitering.",
    ),
)

RETURN_PLAN_EXPECTED_DAYS = 60


@dataclass(frozen=True)
class Milestone:
    spec: MilestoneSpec
    spell_start: date  # the spell the day falls in
    due: date
    latest: date | None
    conditional: bool  # true: applies only if the spell is expected to last > 60 days
    counted_from: date | None = None  # the first sick day counted (an earlier spell's)

    @property
    def title(self) -> str:
        return self.spec.title

    @property
    def day(self) -> int:
        return self.spec.day

    def in_week_of(self, day: date) -> bool:
        monday = day - timedelta(days=day.weekday())
        return monday <= self.due <= monday + timedelta(days=6)


def day_of_spell(spell_start: date, day_number: int) -> date:
    return spell_start + timedelta(days=day_number - 1)


def spell_milestones(spell_start: date, spell_end: date | None) -> list[Milestone]:
    """The milestones the spell reaches: all of them while it goes on (`spell_end` None), up
    to its last day once it has ended or has a planned end."""
    found: list[Milestone] = []
    length = None if spell_end is None else (spell_end - spell_start).days + 1
    for spec in MILESTONES:
        due = day_of_spell(spell_start, spec.day)
        if spell_end is not None and due > spell_end:
            continue
        conditional = False
        if spec.kind is MilestoneKind.RETURN_PLAN:
            if length is not None and length <= RETURN_PLAN_EXPECTED_DAYS:
                continue
            conditional = length is None
        latest = day_of_spell(spell_start, spec.latest_day) if spec.latest_day else None
        found.append(Milestone(spec, spell_start, due, latest, conditional))
    return found


@dataclass(frozen=True)
class SickSpell:
    """One continuous sick spell of a person: first and last day (None: it goes on)."""

    start: date
    end: date | None


def healthy_days_between(previous: SickSpell, following: SickSpell) -> int:
    assert previous.end is not None, "an open spell has no spell after it"
    return (following.start - previous.end).days - 1


def chain_of(spells: Sequence[SickSpell], index: int, gap_days: int) -> list[SickSpell]:
    """The spells counted together with `spells[index]` (sorted, not overlapping): it and the
    ones before it, each fewer than `gap_days` healthy days from the next."""
    first = index
    while first > 0 and healthy_days_between(spells[first - 1], spells[first]) < gap_days:
        first -= 1
    return list(spells[first : index + 1])


def sick_day_date(chain: Sequence[SickSpell], number: int, *, open_end: bool = False) -> date:
    """The date of sick day `number` of the chain, or date.max when its spells end before it;
    with `open_end` the last spell is taken to go on (a deadline's date)."""
    counted = 0
    for position, spell in enumerate(chain):
        last = position == len(chain) - 1
        if spell.end is None or (last and open_end):
            return spell.start + timedelta(days=number - counted - 1)
        length = (spell.end - spell.start).days + 1
        if counted + length >= number:
            return spell.start + timedelta(days=number - counted - 1)
        counted += length
    return date.max


def sick_days(chain: Sequence[SickSpell], through: date) -> int:
    """Sick days of the chain up to and including `through`."""
    total = 0
    for spell in chain:
        if spell.start > through:
            break
        last = through if spell.end is None else min(spell.end, through)
        total += (last - spell.start).days + 1
    return total


def chain_milestones(spells: Sequence[SickSpell], index: int) -> list[Milestone]:
    """The milestones that fall in `spells[index]` (a person's spells, sorted and not
    overlapping), the days counted as sick days over the spells before it that continue it."""
    spell = spells[index]
    found: list[Milestone] = []
    for spec in MILESTONES:
        chain = chain_of(spells, index, spec.chain_gap_days)
        due = sick_day_date(chain, spec.day)
        if due < spell.start or due == date.max:
            continue  # an earlier spell's, or not reached
        conditional = False
        if spec.kind is MilestoneKind.RETURN_PLAN:
            if spell.end is not None and sick_days(chain, spell.end) <= RETURN_PLAN_EXPECTED_DAYS:
                continue
            conditional = spell.end is None
        latest = sick_day_date(chain, spec.latest_day, open_end=True) if spec.latest_day else None
        found.append(Milestone(spec, spell.start, due, latest, conditional, chain[0].start))
    return found

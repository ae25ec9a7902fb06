"""The rehabkedjan's milestones of one sick spell, as dated reminders (DOMAIN.md: Absence).

Day 1 is the spell's first day. Sjuklönelagen counts a new spell that starts within 5 days of the
previous one as the same sjuklöneperiod, so the caller joins such spells before asking (the
occasions of `absence_occasions` with `relapse_joins`). The plan för återgång at day 30 is needed
only when the sickness is expected to last more than 60 days: a spell with a registered end at
most 60 days from its start does not get it; an open spell gets it with the condition said.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, timedelta


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
    spell_start: date
    due: date
    latest: date | None
    conditional: bool  # true: applies only if the spell is expected to last > 60 days

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

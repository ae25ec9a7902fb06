"""The areas of the program a change can touch, by name: what the window refreshes on, and what
storage reads off the statements a use case ran."""

from __future__ import annotations

STAFF = "staff"
SETTINGS = "settings"
SCHEDULE = "schedule"
UNIT = "unit"  # another unit chosen, or the first one created: everything is new
INCIDENTS = "incidents"
PEOPLE = "people"  # medarbetarsamtal, competence, introduction, exit talks
ABSENCE = "absence"  # absences, omtankessamtal and their signals
MONTH = "month"  # the month report: comments, klar months, syncs and their queue
OVERTIME = "overtime"  # overtime requests and the EC's decisions
ECONOMY = "economy"  # the personnel budget and the booked utfall
ALL_AREAS = frozenset(
    {STAFF, SETTINGS, SCHEDULE, UNIT, INCIDENTS, PEOPLE, ABSENCE, MONTH, OVERTIME, ECONOMY}
)

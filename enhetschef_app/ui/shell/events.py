"""One "data changed" signal for the whole window: which areas changed, never what page.

A page that changes data emits the areas it touched; every page listens and refreshes when an
area it shows is among them. No page reaches into another.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

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


class DataEvents(QObject):
    changed = Signal(object)  # frozenset[str] of the areas above
    # A line that leads elsewhere (Översikt) asks for a page by id, with a hint of what to show
    # there; the main window switches pages, so no page reaches into another.
    page_wanted = Signal(str, object)

    def announce(self, *areas: str) -> None:
        self.changed.emit(frozenset(areas))

    def open_page(self, page_id: str, hint: object = None) -> None:
        self.page_wanted.emit(page_id, hint)

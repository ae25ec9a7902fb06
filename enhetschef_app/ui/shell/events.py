"""One "data changed" signal for the whole window: which areas changed, never what page.

A page that changes data emits the areas it touched; every page listens and refreshes when an
area it shows is among them. No page reaches into another.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

# The area names are the domain's, so the window and storage name a change alike.
from enhetschef_app.domain.areas import (
    ABSENCE,
    ALL_AREAS,
    ECONOMY,
    INCIDENTS,
    MONTH,
    OVERTIME,
    PEOPLE,
    SCHEDULE,
    SETTINGS,
    STAFF,
    UNIT,
)

__all__ = [
    "ABSENCE",
    "ALL_AREAS",
    "ECONOMY",
    "INCIDENTS",
    "MONTH",
    "OVERTIME",
    "PEOPLE",
    "SCHEDULE",
    "SETTINGS",
    "STAFF",
    "UNIT",
    "DataEvents",
]


class DataEvents(QObject):
    changed = Signal(object)  # frozenset[str] of the areas above
    # A line that leads elsewhere (Översikt) asks for a page by id, with a hint of what to show
    # there; the main window switches pages, so no page reaches into another.
    page_wanted = Signal(str, object)

    def announce(self, *areas: str) -> None:
        self.changed.emit(frozenset(areas))

    def open_page(self, page_id: str, hint: object = None) -> None:
        self.page_wanted.emit(page_id, hint)

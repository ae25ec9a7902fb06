"""What every page shares: the open workspace, the change signal, UI settings and the clock."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings

from enhetschef_app.ui.shell.events import ALL_AREAS, DataEvents

if TYPE_CHECKING:
    from enhetschef_app.services.core.workspace import UnitRef, Workspace

LAST_UNIT_KEY = "unit/last_code"


class AppContext:
    def __init__(
        self,
        workspace: Workspace,
        settings: QSettings,
        events: DataEvents | None = None,
        today: Callable[[], date] | None = None,
    ) -> None:
        self._workspace = workspace
        self.settings = settings
        self.events = events or DataEvents()
        self._today = today
        # What the window's background calls change is announced on these events: one window,
        # one context, in a process.
        from enhetschef_app.ui.shell.worker import announce_changes_to

        announce_changes_to(self.events)

    @property
    def workspace(self) -> Workspace:
        return self._workspace

    def today(self) -> date:
        if self._today is None:
            from enhetschef_app.domain.calendar import today as today_in_sweden

            return today_in_sweden()
        return self._today()

    def choose_unit(self, unit: UnitRef) -> None:
        """Works on another unit of the same database from now on; every page reloads."""
        self._workspace = self._workspace.with_unit(unit)
        self.settings.setValue(LAST_UNIT_KEY, unit.code)
        self.events.changed.emit(ALL_AREAS)

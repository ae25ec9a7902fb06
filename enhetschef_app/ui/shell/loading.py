"""Reading a widget's data in the worker and showing it on the UI thread, newest load only."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from enhetschef_app.domain.errors import UserError
from enhetschef_app.ui.shell.memory import freeze_soon

if TYPE_CHECKING:
    from enhetschef_app.ui.shell.worker import BackgroundTask

T = TypeVar("T")


class Loader:
    """Each load has a number and only the latest is shown, so a slow old read never paints
    over a newer one; `loaded` is true when the latest has been shown (tests and the start-up
    bench wait for it). The widget keeps what it shows meanwhile."""

    def __init__(self, owner: QWidget) -> None:
        self._owner = owner
        self._number = 0
        self.loaded = True  # nothing is being read
        self.task: BackgroundTask[Any] | None = None

    def load(
        self,
        fetch: Callable[[], T],
        show: Callable[[T], None],
        failed: Callable[[BaseException], None] | None = None,
        *,
        refused: Callable[[str], None] | None = None,
    ) -> None:
        """`fetch` runs in the worker and touches no widget; `show` gets its result on the UI
        thread. A refusal (a UserError) goes to `refused` with its message, for the widget to
        say in its own place; other errors to `failed`, or else an error dialog."""
        from shiboken6 import isValid

        from enhetschef_app.ui.shell.worker import run_in_background

        self._number += 1
        number = self._number
        self.loaded = False
        owner = self._owner

        def shown(found: T) -> None:
            if isValid(owner) and number == self._number:
                # Filling the widgets and painting them are each tens of milliseconds on a long
                # list; painted on the next turn of the event loop, they are two short waits
                # for the window instead of one long one.
                owner.setUpdatesEnabled(False)
                try:
                    show(found)
                finally:
                    QTimer.singleShot(0, owner, _updates_back(owner))
                self.loaded = True
                freeze_soon()

        def not_shown(error: BaseException) -> None:
            if isValid(owner) and number == self._number:
                self.loaded = True
                if refused is not None and isinstance(error, UserError):
                    refused(error.message)
                elif failed is not None:
                    failed(error)
                else:
                    from enhetschef_app.ui.shell.errors import show_error

                    show_error(owner, error)

        self.task = run_in_background(owner, fetch, shown, on_error=not_shown)


def _updates_back(owner: QWidget) -> Callable[[], None]:
    return lambda: owner.setUpdatesEnabled(True)

"""What the main window expects of a page: a title and an icon for the navigation, the areas
of data it shows, and the commands of the menus that act on the current page."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from PySide6.QtCore import QSettings
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from enhetschef_app.ui.shell.loading import Loader
from enhetschef_app.ui.shell.widgets import no_unit_text

if TYPE_CHECKING:
    from enhetschef_app.ui.shell.context import AppContext
    from enhetschef_app.ui.shell.worker import BackgroundTask

T = TypeVar("T")


class Page(QWidget):
    page_id: ClassVar[str]
    icon_name: ClassVar[str]
    areas: ClassVar[frozenset[str]] = frozenset()  # which data changes it shows
    supports_new_item: ClassVar[bool] = False
    supports_filter: ClassVar[bool] = False

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._stale = True
        self._loader = Loader(self)
        context.events.changed.connect(self._on_data_changed)

    def title(self) -> str:
        from enhetschef_app.ui.shell.page_list import page_title

        return page_title(self.page_id)

    def refresh(self) -> None:
        """Reads the page's data anew from the services."""
        self._stale = False

    @property
    def loaded(self) -> bool:
        """True when the latest load has been shown (always, on a page that reads on the UI
        thread)."""
        return self._loader.loaded

    @property
    def load_task(self) -> BackgroundTask[Any] | None:
        return self._loader.task

    def load_in_background(
        self,
        fetch: Callable[[], T],
        show: Callable[[T], None],
        failed: Callable[[BaseException], None] | None = None,
        *,
        refused: Callable[[str], None] | None = None,
    ) -> None:
        """Reads the page's data in the worker and shows it on the UI thread (`Loader.load`)."""
        self._loader.load(fetch, show, failed, refused=refused)

    def ensure_fresh(self) -> None:
        if self._stale:
            self.refresh()

    def new_item(self) -> None:
        """Redigera → Ny post (Ctrl+N) on this page."""

    def why_no_new_item(self) -> str:
        """Why Ctrl+N makes nothing here (shown in the status bar); empty when it can."""
        if not self.supports_new_item:
            return self.tr(
                "{0} har ingen ny post att skapa: Ctrl+N gör något på sidorna med "
                "listor, som Frånvaro, Övertid och Avvikelser."
            ).format(self.title())
        if self.context.workspace.unit is None:
            return no_unit_text()
        return ""

    def focus_filter(self) -> None:
        """Redigera → Filtrera (Ctrl+F) on this page."""

    def show_hint(self, hint: object) -> None:
        """Another page led here (`DataEvents.open_page`); show what the hint names."""

    def save_state(self, settings: QSettings) -> None:
        """Stores column widths and splitter positions under the page's own key."""

    def restore_state(self, settings: QSettings) -> None:
        pass

    def _on_data_changed(self, areas: object) -> None:
        assert isinstance(areas, frozenset)
        if not areas & self.areas:
            return
        # A hidden page reloads when it is shown next, not for every change made elsewhere.
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        self.ensure_fresh()
        super().showEvent(event)

    def settings_key(self, name: str) -> str:
        return f"pages/{self.page_id}/{name}"

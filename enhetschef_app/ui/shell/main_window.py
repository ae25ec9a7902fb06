"""The main window: navigation on the left, one page at a time, menus and a status bar.

A new page is one entry in `page_list.PAGES` (Förvaltning, for a VC's login, in
`page_list.VC_PAGES`); the navigation, the Visa menu and the saved last
page follow from it, and the page is built when it is first shown. The window is shown first
with a line saying the database is opening, and filled (`attach`) once it is open, so that it
appears at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, overload
from urllib.parse import urlsplit

from PySide6.QtCore import QSettings, QSize, QUrl
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from enhetschef_app.paths import backup_dir_for, user_data_dir, user_log_dir
from enhetschef_app.ui.shell import events
from enhetschef_app.ui.shell.icons import icon
from enhetschef_app.ui.shell.memory import freeze_what_lives
from enhetschef_app.ui.shell.page import Page
from enhetschef_app.ui.shell.page_list import PAGES, PageEntry, pages_for

if TYPE_CHECKING:
    from enhetschef_app.services.core.workspace import UnitRef, Workspace
    from enhetschef_app.ui.shell.context import AppContext
    from enhetschef_app.ui.shell.worker import BackgroundTask


GEOMETRY_KEY = "main/geometry"
WINDOW_STATE_KEY = "main/state"
SPLITTER_KEY = "main/splitter"
LAST_PAGE_KEY = "main/page"
STATUS_MESSAGE_MS = 8000
MAXIMISED_UP_TO_WIDTH = 1440  # the first start fills screens up to this width
SETTINGS_PAGE_ID = "installningar"


def page_shortcuts(page_ids: list[str]) -> dict[str, str]:
    """Ctrl+1…9 for the first nine pages in navigation order, Ctrl+0 for Inställningar; a page
    after the ninth gets Ctrl+Shift and its first letter (Ekonomi: Ctrl+Shift+E), shown beside
    it in the Visa menu, unless an earlier page took that letter. Digits with Shift are avoided:
    on a Swedish keyboard Shift+1 is "!"."""
    shortcuts: dict[str, str] = {}
    others = [page_id for page_id in page_ids if page_id != SETTINGS_PAGE_ID]
    for number, page_id in enumerate(others[:9], start=1):
        shortcuts[page_id] = f"Ctrl+{number}"
    if SETTINGS_PAGE_ID in page_ids:
        shortcuts[SETTINGS_PAGE_ID] = "Ctrl+0"
    for page_id in others[9:]:
        letter = f"Ctrl+Shift+{page_id[:1].upper()}"
        if page_id[:1].isalpha() and letter not in shortcuts.values():
            shortcuts[page_id] = letter
    return shortcuts


class MainWindow(QMainWindow):
    def __init__(
        self,
        context: AppContext | None = None,
        parent: QWidget | None = None,
        *,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Enhetschef"))
        self._context: AppContext | None = None
        # A database this window opened itself (Anslut…), closed with it.
        self.owned_workspace: Workspace | None = None
        self._settings = (
            settings
            if settings is not None
            else (context.settings if context is not None else QSettings())
        )
        self.pages: Sequence[Page] = ()
        self.entries: tuple[PageEntry, ...] = PAGES
        opening = QLabel(self.tr("Öppnar databasen …"))
        opening.setObjectName("openingLabel")
        # Centred by the style sheet: touching `Qt` here would build all of Qt's enums (some
        # 12 ms) before the window shows; `attach` needs them anyway, after the first paint.
        self.setCentralWidget(opening)
        self._restore_geometry()
        if context is not None:
            self.attach(context)

    @property
    def context(self) -> AppContext:
        assert self._context is not None, "the window is not attached to a database yet"
        return self._context

    @property
    def attached(self) -> bool:
        return self._context is not None

    def attach(self, context: AppContext) -> None:
        """Fills the window for the open database: pages, menus, status bar, remembered state."""
        from PySide6.QtCore import Qt

        self._context = context
        self._settings = context.settings

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setAccessibleName(self.tr("Sidor"))
        self.navigation.setIconSize(QSize(22, 22))
        self.navigation.setMinimumWidth(150)
        self.stack = QStackedWidget()
        # A page is built when it is first shown; until then a blank stands in its place.
        self._placeholders: list[QWidget] = []
        self._built: dict[int, Page] = {}
        self.entries = pages_for(context.workspace)
        for entry in self.entries:
            placeholder = QWidget()
            self._placeholders.append(placeholder)
            self.stack.addWidget(placeholder)
            self.navigation.addItem(QListWidgetItem(icon(entry.icon_name), entry.title()))
        self.pages = _Pages(self)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.navigation)
        self.splitter.addWidget(self.stack)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(1, 1)
        # Wide enough for the longest page name (Medarbetarsamtal) until the user drags it.
        self.splitter.setSizes([max(180, self.navigation.sizeHintForColumn(0) + 12), 1000])
        self.setCentralWidget(self.splitter)

        self._build_menus()
        self._build_status_bar()
        from enhetschef_app.ui.shell.widgets import EscapeClearsFilter

        self._escape_filter = EscapeClearsFilter(self)
        self.navigation.currentRowChanged.connect(self._page_chosen)
        context.events.changed.connect(self._on_data_changed)
        context.events.page_wanted.connect(self.open_page)
        self.getting_started: Page | None = None
        self.restore_state()
        if context.workspace.unit is None:
            # A new database opens on Kom igång, not on an empty Översikt.
            self.show_getting_started()

    # Menus ------------------------------------------------------------------------------

    def _action(self, text: str, slot: object, shortcut: str = "", icon_name: str = "") -> QAction:
        action = QAction(text, self)
        if icon_name:
            action.setIcon(icon(icon_name))
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()

        file_menu = bar.addMenu(self.tr("&Arkiv"))
        self.import_action = self._action(
            self.tr("Importera personallista…"), self.import_staff, icon_name="importera"
        )
        self.backup_action = self._action(
            self.tr("Säkerhetskopiera databasen"), self.back_up, icon_name="sakerhetskopia"
        )
        self.unit_menu = QMenu(self.tr("Byt enhet"), self)
        self.quit_action = self._action(
            self.tr("Avsluta"), self.close, shortcut="Ctrl+Q", icon_name="avsluta"
        )
        file_menu.addAction(self.import_action)
        self.import_absence_action = self._action(
            self.tr("Importera frånvaro…"),
            lambda: self.context.events.open_page("franvaro", "importera"),
            icon_name="importera",
        )
        file_menu.addAction(self.import_absence_action)
        self.import_schedule_action = self._action(
            self.tr("Importera schema…"),
            lambda: self.context.events.open_page("schema", "importera"),
            icon_name="importera",
        )
        file_menu.addAction(self.import_schedule_action)
        self.undo_import_action = self._action(
            self.tr("Ångra senaste import"), self.undo_import, icon_name="importera"
        )
        file_menu.addAction(self.undo_import_action)
        file_menu.addAction(self.backup_action)
        file_menu.addMenu(self.unit_menu)
        self.connect_action = self._action(
            self.tr("Anslut till förvaltningens databas…"), self.connect_to_server
        )
        file_menu.addAction(self.connect_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        edit_menu = bar.addMenu(self.tr("&Redigera"))
        self.new_action = self._action(
            self.tr("Ny post"), self.new_item, shortcut="Ctrl+N", icon_name="ny"
        )
        self.filter_action = self._action(
            self.tr("Filtrera"), self.focus_filter, shortcut="Ctrl+F", icon_name="filter"
        )
        edit_menu.addAction(self.new_action)
        edit_menu.addAction(self.filter_action)

        view_menu = bar.addMenu(self.tr("&Visa"))
        self.refresh_action = self._action(
            self.tr("Uppdatera"), self.refresh_current, shortcut="F5", icon_name="uppdatera"
        )
        view_menu.addAction(self.refresh_action)
        view_menu.addSeparator()
        self.page_actions = QActionGroup(self)
        shortcuts = page_shortcuts([entry.page_id for entry in self.entries])
        for row, entry in enumerate(self.entries):
            action = QAction(icon(entry.icon_name), entry.title(), self)
            action.setCheckable(True)
            if entry.page_id in shortcuts:
                action.setShortcut(QKeySequence(shortcuts[entry.page_id]))
            action.triggered.connect(lambda _checked=False, row=row: self.show_page(row))
            self.page_actions.addAction(action)
            view_menu.addAction(action)

        tools_menu = bar.addMenu(self.tr("Ver&ktyg"))
        self.neighbours_action = self._action(
            self.tr("Grannenheter…"), self.edit_neighbours, icon_name="personal"
        )
        tools_menu.addAction(self.neighbours_action)
        tools_menu.addAction(
            self._action(
                self.tr("Öppna mappen med säkerhetskopior"),
                self.open_backup_folder,
                icon_name="mapp",
            )
        )
        tools_menu.addAction(
            self._action(
                self.tr("Öppna mappen med loggfiler"), self.open_log_folder, icon_name="mapp"
            )
        )

        help_menu = bar.addMenu(self.tr("&Hjälp"))
        self.guide_action = self._action(
            self.tr("Användarhandbok"), self.open_guide, shortcut="F1", icon_name="info"
        )
        help_menu.addAction(self.guide_action)
        self.getting_started_action = self._action(
            self.tr("Kom igång"), self.show_getting_started, icon_name="info"
        )
        help_menu.addAction(self.getting_started_action)
        help_menu.addAction(self._action(self.tr("Om Enhetschef"), self.about, icon_name="info"))
        self._fill_unit_menu()

    def _fill_unit_menu(self) -> None:
        self.unit_menu.clear()
        from enhetschef_app.services.core.workspace import list_units

        units = list_units(self.context.workspace)
        current = self.context.workspace.unit
        for unit in units:
            action = QAction(
                self.tr("{code} – {name}").format(code=unit.code, name=unit.name), self.unit_menu
            )
            action.setCheckable(True)
            action.setChecked(current is not None and unit.id == current.id)
            action.triggered.connect(lambda _checked=False, chosen=unit: self.choose_unit(chosen))
            self.unit_menu.addAction(action)
        self.unit_menu.setEnabled(len(units) > 1)

    # Status bar -------------------------------------------------------------------------

    def _build_status_bar(self) -> None:
        self.database_label = QLabel()
        self.unit_label = QLabel()
        self.sync_label = QLabel(self.tr("Månadsrapport: ej synkad"))
        status = self.statusBar()
        status.addWidget(self.database_label, 1)
        status.addPermanentWidget(self.unit_label)
        status.addPermanentWidget(self.sync_label)
        self._show_status()

    def _show_status(self) -> None:
        workspace = self.context.workspace
        location = workspace.location
        if workspace.on_server:
            parts = urlsplit(str(location))
            self.database_label.setText(
                self.tr("Databas: {0} på {1}").format(parts.path.lstrip("/"), parts.hostname)
            )
        else:
            self.database_label.setText(self.tr("Databas: {0}").format(workspace.path.name))
        self.database_label.setToolTip(str(location))
        # IT backs up the server's database; the program copies only a file.
        self.backup_action.setEnabled(not workspace.on_server)
        unit = workspace.unit
        if unit is None:
            self.unit_label.setText(self.tr("Enhet: ingen än"))
            self.setWindowTitle(self.tr("Enhetschef"))
        else:
            self.unit_label.setText(
                self.tr("Enhet: {code} – {name}").format(code=unit.code, name=unit.name)
            )
            self.setWindowTitle(self.tr("Enhetschef – {0}").format(unit.name))
        self._show_sync_status()

    def _show_sync_status(self) -> None:
        from enhetschef_app.ui.month.status import show_sync_status

        show_sync_status(self.sync_label, self.context.workspace)

    def _on_data_changed(self, areas: object) -> None:
        assert isinstance(areas, frozenset)
        if events.UNIT in areas:
            self._show_status()
            self._fill_unit_menu()
        elif events.MONTH in areas:
            self._show_sync_status()

    # Pages ------------------------------------------------------------------------------

    def current_page(self) -> Page:
        page = self.stack.currentWidget()
        assert isinstance(page, Page)
        return page

    def page(self, page_id: str) -> Page:
        return self.page_at(self.row_of(page_id))

    def page_at(self, row: int) -> Page:
        """The page of this row of the navigation, built now if it is the first time."""
        page = self._built.get(row)
        if page is not None:
            return page
        from PySide6.QtWidgets import QLineEdit

        page = self.entries[row].page_type()(self.context)
        page.restore_state(self.context.settings)
        # The page's filter boxes (line edits with a clear button) clear on Esc; found rather
        # than listed, so a page added later gets the same.
        for edit in page.findChildren(QLineEdit):
            if edit.isClearButtonEnabled():
                edit.installEventFilter(self._escape_filter)
        placeholder = self._placeholders[row]
        self.stack.insertWidget(self.stack.indexOf(placeholder), page)
        self.stack.removeWidget(placeholder)
        placeholder.deleteLater()
        self._built[row] = page
        # What is built so far lives as long as the window.
        freeze_what_lives(collect=False)
        return page

    def row_of(self, page_id: str) -> int:
        return next(row for row, entry in enumerate(self.entries) if entry.page_id == page_id)

    def built_pages(self) -> list[Page]:
        return [self._built[row] for row in sorted(self._built)]

    def open_page(self, page_id: str, hint: object = None) -> None:
        """Shows the page with this id and hands it the hint (a line on Översikt leads here)."""
        if page_id not in {entry.page_id for entry in self.entries}:
            return
        row = self.row_of(page_id)
        self.show_page(row)
        self.page_at(row).show_hint(hint)

    def show_page(self, row: int) -> None:
        if (
            self.navigation.currentRow() == row
            and self.stack.currentWidget() is not self._built.get(row)
        ):
            self._page_chosen(row)  # back from Kom igång to the page still marked in the list
        self.navigation.setCurrentRow(row)

    def show_getting_started(self) -> Page:
        """Kom igång in place of the current page; any page in the list leads away from it."""
        from enhetschef_app.ui.overview.getting_started import GettingStartedPage, focus_first_field

        if self.getting_started is None:
            page = GettingStartedPage(self.context)
            page.finished_callbacks.append(lambda: self.show_page(0))
            self.stack.addWidget(page)
            self.getting_started = page
        self.stack.setCurrentWidget(self.getting_started)
        # No page of the list is marked while Kom igång shows; choosing one leads away.
        self.navigation.blockSignals(True)
        self.navigation.setCurrentRow(-1)
        self.navigation.blockSignals(False)
        self.getting_started.ensure_fresh()
        assert isinstance(self.getting_started, GettingStartedPage)
        focus_first_field(self.getting_started)
        return self.getting_started

    def _page_chosen(self, row: int) -> None:
        if not 0 <= row < len(self.entries):
            return
        page = self.page_at(row)
        self.stack.setCurrentWidget(page)
        page.ensure_fresh()
        self.page_actions.actions()[row].setChecked(True)
        self.filter_action.setEnabled(page.supports_filter)

    def new_item(self) -> None:
        """Ctrl+N stays enabled: where there is nothing to make, the status bar says why."""
        page = self.current_page()
        why = page.why_no_new_item()
        if why:
            self.statusBar().showMessage(why, STATUS_MESSAGE_MS)
            return
        page.new_item()

    def focus_filter(self) -> None:
        page = self.current_page()
        if page.supports_filter:
            page.focus_filter()

    def refresh_current(self) -> None:
        self.current_page().refresh()

    # Commands ---------------------------------------------------------------------------

    def import_staff(self) -> BackgroundTask[Any] | None:
        from enhetschef_app.ui.staff.import_flow import choose_and_import_staff

        self.show_page(self.row_of("personal"))
        return choose_and_import_staff(self.context, self)

    def back_up(self) -> BackgroundTask[Any]:
        from enhetschef_app.ui.shell.worker import run_in_background

        workspace = self.context.workspace

        def done(copy: object) -> None:
            QMessageBox.information(
                self,
                self.tr("Säkerhetskopia"),
                self.tr("Säkerhetskopian är sparad:\n{0}").format(copy),
            )

        return run_in_background(
            self,
            lambda: _back_up(workspace),
            done,
            progress_text=self.tr("Säkerhetskopierar databasen …"),
            starters=(self.backup_action,),
        )

    def undo_import(self) -> BackgroundTask[Any] | None:
        """Asks, naming the file and time, then undoes the unit's last schedule import."""
        from enhetschef_app.ui.shell.worker import run_in_background

        workspace = self.context.workspace
        if workspace.unit is None:
            return None
        from enhetschef_app.services.core.import_undo import last_import, undo_last_import

        found = last_import(workspace)
        if found is None:
            QMessageBox.information(
                self,
                self.tr("Ångra senaste import"),
                self.tr("Det finns ingen schemaimport att ångra."),
            )
            return None
        file, at = found
        answer = QMessageBox.question(
            self,
            self.tr("Ångra senaste import"),
            self.tr(
                "Ångra importen av {0} ({1} UTC)? Passen den lade till tas bort och de pass och "
                "ersättare den ändrade eller tog bort sätts tillbaka."
            ).format(file, at.strftime("%Y-%m-%d %H:%M")),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return None

        def done(summary: Any) -> None:
            self.context.events.announce(events.SCHEDULE)
            QMessageBox.information(self, self.tr("Ångra senaste import"), summary.describe())

        return run_in_background(
            self,
            lambda: undo_last_import(workspace),
            done,
            progress_text=self.tr("Ångrar importen …"),
        )

    def edit_neighbours(self) -> None:
        from enhetschef_app.ui.core.unit_neighbours import UnitNeighboursDialog

        if self.context.workspace.unit is None:
            return
        UnitNeighboursDialog(self.context, self).exec()

    def choose_unit(self, unit: UnitRef) -> None:
        self.context.choose_unit(unit)

    def connect_to_server(self) -> MainWindow | None:
        """Arkiv → Anslut till förvaltningens databas…: on success a window on the server's
        database takes this one's place (this one's database stays as it was)."""
        from enhetschef_app.ui.core.server_connect import ServerConnectDialog
        from enhetschef_app.ui.shell.context import AppContext

        dialog = ServerConnectDialog(self._settings, self)
        if not dialog.exec() or dialog.workspace is None:
            return None
        successor = MainWindow(settings=self._settings)
        successor.attach(AppContext(dialog.workspace, self._settings))
        successor.owned_workspace = dialog.workspace
        successor.setGeometry(self.geometry())
        successor.show()
        self.close()
        return successor

    def open_backup_folder(self) -> None:
        self._open_folder(backup_dir_for(self.context.workspace.path))

    def open_log_folder(self) -> None:
        self._open_folder(user_log_dir())

    def _open_folder(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            QMessageBox.information(
                self,
                self.tr("Mappen"),
                self.tr("Mappen finns här:\n{0}").format(folder),
            )

    def open_guide(self) -> QWidget:
        """Hjälp → Användarhandbok: the guide shipped with the program, read inside it."""
        from enhetschef_app.ui.shell.guide import GuideDialog

        dialog = GuideDialog(self.current_page().page_id, self)
        dialog.show()
        return dialog

    def about(self) -> None:
        from enhetschef_app.ui.shell.about import AboutDialog

        dialog = AboutDialog(self.context.workspace.location, user_data_dir(), user_log_dir(), self)
        dialog.exec()

    # Remembered state -------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        geometry = self._settings.value(GEOMETRY_KEY)
        if geometry is None or not self.restoreGeometry(geometry):
            self._default_geometry()

    def restore_state(self) -> None:
        settings = self.context.settings
        state = settings.value(WINDOW_STATE_KEY)
        if state is not None:
            self.restoreState(state)
        splitter = settings.value(SPLITTER_KEY)
        if splitter is not None:
            self.splitter.restoreState(splitter)
        last = str(settings.value(LAST_PAGE_KEY, "") or "")
        rows = [i for i, entry in enumerate(self.entries) if entry.page_id == last]
        self.show_page(rows[0] if rows else 0)

    def _default_geometry(self) -> None:
        screen = self.screen().availableGeometry()
        width = min(1280, int(screen.width() * 0.95))
        height = min(800, int(screen.height() * 0.92))
        self.resize(width, height)
        self.move(
            screen.x() + (screen.width() - width) // 2,
            screen.y() + (screen.height() - height) // 2,
        )
        if screen.width() <= MAXIMISED_UP_TO_WIDTH:
            # A laptop screen: a window smaller than the screen only wastes its few pixels.
            from PySide6.QtCore import Qt

            self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)

    def save_state(self) -> None:
        if not self.attached:
            return
        settings = self.context.settings
        settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        settings.setValue(WINDOW_STATE_KEY, self.saveState())
        settings.setValue(SPLITTER_KEY, self.splitter.saveState())
        settings.setValue(LAST_PAGE_KEY, self.current_page().page_id)
        for page in self.built_pages():
            page.save_state(settings)
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        super().closeEvent(event)
        if event.isAccepted() and self.owned_workspace is not None:
            self.owned_workspace.close()
            self.owned_workspace = None


class _Pages(Sequence[Page]):
    """The window's pages by row, each built when first asked for."""

    def __init__(self, window: MainWindow) -> None:
        self._window = window

    def __len__(self) -> int:
        return len(self._window.entries)

    @overload
    def __getitem__(self, row: int) -> Page: ...

    @overload
    def __getitem__(self, row: slice) -> Sequence[Page]: ...

    def __getitem__(self, row: int | slice) -> Page | Sequence[Page]:
        if isinstance(row, slice):
            return [self._window.page_at(i) for i in range(len(self))[row]]
        if not -len(self) <= row < len(self):
            raise IndexError(row)
        return self._window.page_at(row % len(self))


def _back_up(workspace: Workspace) -> Path:
    from enhetschef_app.services.core.backup import back_up_now

    return back_up_now(workspace)

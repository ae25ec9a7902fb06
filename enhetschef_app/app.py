"""Starting the window: application, Swedish locale and translations, style, logging, the error
hook, the database (refused files never get a window), and the main window."""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import platform
import sys
import time
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QSettings,
    QTimer,
    QTranslator,
)
from PySide6.QtWidgets import QApplication, QMessageBox

from enhetschef_app import __version__
from enhetschef_app.domain.errors import EXIT_OK, EXIT_USER_ERROR, UserError
from enhetschef_app.paths import APP_NAME, resources_dir
from enhetschef_app.ui.shell.context import LAST_UNIT_KEY
from enhetschef_app.ui.shell.errors import log_file_path, unexpected_error_box

if TYPE_CHECKING:
    from enhetschef_app.services.core.workspace import DatabaseLocation, Workspace
    from enhetschef_app.ui.shell.main_window import MainWindow

BENCH_ENV = "ENHETSCHEF_BENCH_STARTUP"
LOG_MAX_BYTES = 1_000_000
LOGS_KEPT = 5

log = logging.getLogger("enhetschef")


def prepare_application(*, translations: bool = True) -> QApplication:
    """The QApplication with the program's names, Swedish locale and translations, and style.

    `run_gui` installs the translations itself, after the window shows and before the menus
    and pages (the first texts that need them) are made."""
    # QSettings() reads these names, so they are set before anything asks for a setting.
    QApplication.setApplicationName(APP_NAME)
    QApplication.setOrganizationName(APP_NAME)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    QLocale.setDefault(QLocale(QLocale.Language.Swedish, QLocale.Country.Sweden))
    if translations:
        _install_translations(app)
    _apply_style(app)
    _share_the_interpreter_quickly()
    return app


# While a worker counts in Python, the UI thread waits for the interpreter lock at every call
# into Python (a table's cells, an event filter, a slot) until the worker hands it over after
# this interval. Python's 5 ms made a page that repaints a few dozen cells stall for a quarter
# of a second behind a worker (bench/ui_stall.py); 1 ms costs the worker little.
SWITCH_INTERVAL_S = 0.001


def _share_the_interpreter_quickly() -> None:
    sys.setswitchinterval(SWITCH_INTERVAL_S)


def _install_translations(app: QApplication) -> list[str]:
    """Installs Qt's Swedish and the program's own translations; returns the names loaded."""
    loaded: list[str] = []
    qt_own = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_own.load("qtbase_sv", folder):
        app.installTranslator(qt_own)
        loaded.append("qtbase_sv")
    ours = resources_dir() / "translations" / "enhetschef_sv.qm"
    if ours.exists():
        translator = QTranslator(app)
        if translator.load(str(ours)):
            app.installTranslator(translator)
            loaded.append("enhetschef_sv")
    return loaded


def _apply_style(app: QApplication) -> None:
    style = resources_dir() / "style.qss"
    app.setStyleSheet(style.read_text(encoding="utf-8"))


@contextmanager
def _log_file() -> Iterator[Path]:
    """Logs of the enhetschef loggers to a rotating file in the user's log folder."""
    from logging.handlers import RotatingFileHandler

    path = log_file_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = RotatingFileHandler(
        path, maxBytes=LOG_MAX_BYTES, backupCount=LOGS_KEPT, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.setLevel(logging.INFO)
    previous = (log.level, log.propagate)
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    # The window's log goes to the file; the console keeps only what the CLI configured.
    log.propagate = False
    try:
        yield path
    finally:
        log.removeHandler(handler)
        log.setLevel(previous[0])
        log.propagate = previous[1]
        handler.close()


def _report_unexpected(
    kind: type[BaseException], value: BaseException, tb: TracebackType | None
) -> None:
    """The last resort for errors no code caught: log the traceback, tell the user briefly."""
    if issubclass(kind, KeyboardInterrupt):
        QCoreApplication.quit()
        return
    log.error("Oväntat fel:\n%s", "".join(traceback.format_exception(kind, value, tb)))
    if QApplication.instance() is None:
        return
    if isinstance(value, UserError):
        QMessageBox.critical(None, QCoreApplication.translate("app", "Enhetschef"), value.message)
    else:
        unexpected_error_box(None, value).exec()


def _open(
    location: DatabaseLocation, unit_code: str | None, remembered: str, password: str | None
) -> Workspace:
    """In the worker: the first open imports SQLAlchemy, and an upgrade takes a backup first."""
    from enhetschef_app.services.core.workspace import open_for_window

    return open_for_window(location, unit_code, remembered, password)


def _bench_report(
    app: QApplication, shown_wall: float, translations: list[str], database_before_shown: bool
) -> None:
    rss_kb = 0
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmRSS:"):
                rss_kb = int(line.split()[1])
    pandas_loaded = 1 if "pandas" in sys.modules else 0
    if sys.stdout is not None:  # a windowed program on Windows has no standard output
        sys.stdout.write(
            f"BENCH shown_wall={shown_wall} ready_wall={time.time()} rss_kb={rss_kb} "
            f"pandas_loaded={pandas_loaded} translations={','.join(translations) or '-'} "
            f"sqlalchemy_before_shown={int(database_before_shown)}\n"
        )
        sys.stdout.flush()
    app.quit()


def run_gui(db_path: DatabaseLocation, unit_code: str | None) -> int:
    """Opens the window on the database; returns the exit code (2 for a refused database)."""
    # Start-up makes some hundred thousand objects that live as long as the program (modules,
    # widgets); the cyclic collector walked them all several times over while they were made,
    # 0.1 s in all (bench/ui_stall.py logged the walks). It resumes once the window is filled,
    # with what was made by then frozen out of its walks (ui/shell/memory.py).
    gc.disable()
    app = prepare_application(translations=False)
    previous_hook = sys.excepthook
    sys.excepthook = _report_unexpected
    try:
        with contextlib.ExitStack() as cleanup:
            return _run(app, db_path, unit_code, cleanup)
    finally:
        sys.excepthook = previous_hook


def _refuse(error: UserError) -> int:
    log.warning("Databasen öppnades inte: %s", error.message)
    QMessageBox.critical(
        None, QCoreApplication.translate("app", "Databasen kan inte öppnas"), error.message
    )
    return EXIT_USER_ERROR


class _Start:
    """The window shown at once, then filled when the database has opened in a worker."""

    def __init__(
        self, app: QApplication, window: MainWindow, settings: QSettings, bench: bool
    ) -> None:
        self.app = app
        self.window = window
        self.settings = settings
        self.bench = bench
        self.exit_code = EXIT_OK
        self.workspace: Workspace | None = None
        self.location: DatabaseLocation = Path()
        self.shown_wall = 0.0
        self.sqlalchemy_before_shown = False
        self.translations: list[str] = []

    def begin(
        self, db_path: DatabaseLocation, unit_code: str | None, cleanup: contextlib.ExitStack
    ) -> None:
        from enhetschef_app.ui.shell.worker import run_in_background

        self.shown_wall = time.time()
        # The database layer is imported in the worker once the window shows: before it, it
        # cost the start half a second (bench/run.py).
        self.sqlalchemy_before_shown = "sqlalchemy" in sys.modules
        self.location = db_path
        cleanup.enter_context(_log_file())
        log.info(
            "Enhetschef %s startar (Python %s, PySide6 %s, %s)",
            __version__,
            platform.python_version(),
            pyside_version,
            "paketerat program" if getattr(sys, "frozen", False) else "från källkoden",
        )
        self.translations = _install_translations(self.app)
        remembered = str(self.settings.value(LAST_UNIT_KEY, "") or "")
        password = None
        if not isinstance(db_path, Path):  # a server's address
            from enhetschef_app.ui.core.server_connect import saved_password

            password = saved_password(db_path)
        run_in_background(
            self.window,
            lambda: _open(db_path, unit_code, remembered, password),
            self.opened,
            on_error=self.failed,
        )

    def opened(self, workspace: Workspace) -> None:
        from enhetschef_app.ui.shell.context import AppContext

        self.workspace = workspace
        unit = workspace.unit
        log.info("Öppnade %s (enhet %s)", workspace.location, unit.code if unit else "-")
        self.window.attach(AppContext(workspace, self.settings))
        gc.enable()
        if self.bench:
            self._report_when_filled()

    def _report_when_filled(self) -> None:
        """The benchmark's "filled": the first page shows its data, read in the worker."""
        page = self.window.current_page()
        if page.loaded or page.load_task is None:
            _bench_report(
                self.app, self.shown_wall, self.translations, self.sqlalchemy_before_shown
            )
        else:
            QTimer.singleShot(5, self._report_when_filled)

    def failed(self, error: BaseException) -> None:
        if isinstance(error, UserError) and not isinstance(self.location, Path):
            # A server that refuses the login or cannot be reached: the connection form, with
            # what went wrong, instead of a window that closes.
            if self._ask_for_login(error.message):
                return
            self.exit_code = EXIT_USER_ERROR
        elif isinstance(error, UserError):
            self.exit_code = _refuse(error)
        else:
            log.error("Oväntat fel:\n%s", "".join(traceback.format_exception(error)).rstrip())
            unexpected_error_box(self.window, error).exec()
            self.exit_code = EXIT_USER_ERROR
        self.window.close()
        self.app.quit()

    def _ask_for_login(self, problem: str) -> bool:
        from enhetschef_app.ui.core.server_connect import ServerConnectDialog

        log.warning("Servern svarade inte som väntat: %s", problem)
        dialog = ServerConnectDialog(
            self.settings, self.window, address=self.location, problem=problem
        )
        if dialog.exec() and dialog.workspace is not None:
            self.opened(dialog.workspace)
            return True
        return False


def _run(
    app: QApplication,
    db_path: DatabaseLocation,
    unit_code: str | None,
    cleanup: contextlib.ExitStack,
) -> int:
    from enhetschef_app.services.core.database_file import check_database_file

    settings = QSettings()
    if isinstance(db_path, Path):  # a file; a server's address is checked when it is opened
        try:
            check_database_file(db_path, unit_code)  # before any window: refused opens nothing
        except UserError as exc:
            return _refuse(exc)

    from enhetschef_app.ui.shell.main_window import MainWindow

    window = MainWindow(settings=settings)
    start = _Start(app, window, settings, bench=os.environ.get(BENCH_ENV) == "1")
    window.show()
    # The log file, like the translations, is set up once the window is on screen.
    QTimer.singleShot(0, lambda: start.begin(db_path, unit_code, cleanup))
    try:
        code = int(app.exec())
        return start.exit_code or code or EXIT_OK
    finally:
        if start.workspace is not None:
            start.workspace.close()

"""Starting the window: application, Swedish locale and translations, style, logging, the error
hook, the database (refused files never get a window), and the main window."""

from __future__ import annotations

import logging
import os
import sys
import time
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QSettings,
    QTimer,
    QTranslator,
)
from PySide6.QtWidgets import QApplication, QMessageBox

from enhetschef_app.domain.errors import EXIT_OK, EXIT_USER_ERROR, UserError
from enhetschef_app.paths import APP_NAME, resources_dir
from enhetschef_app.services.workspace import Workspace, list_units, open_workspace
from enhetschef_app.ui.context import LAST_UNIT_KEY, AppContext
from enhetschef_app.ui.errors import log_file_path, unexpected_error_text

BENCH_ENV = "ENHETSCHEF_BENCH_STARTUP"
LOG_MAX_BYTES = 1_000_000
LOGS_KEPT = 5

log = logging.getLogger("enhetschef")


def prepare_application() -> QApplication:
    """The QApplication with the program's names, Swedish locale and translations, and style."""
    # QSettings() reads these names, so they are set before anything asks for a setting.
    QApplication.setApplicationName(APP_NAME)
    QApplication.setOrganizationName(APP_NAME)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    _install_translations(app)
    _apply_style(app)
    return app


def _install_translations(app: QApplication) -> None:
    QLocale.setDefault(QLocale(QLocale.Language.Swedish, QLocale.Country.Sweden))
    qt_own = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_own.load("qtbase_sv", folder):
        app.installTranslator(qt_own)
    ours = resources_dir() / "translations" / "enhetschef_sv.qm"
    if ours.exists():
        translator = QTranslator(app)
        if translator.load(str(ours)):
            app.installTranslator(translator)


def _apply_style(app: QApplication) -> None:
    style = resources_dir() / "style.qss"
    app.setStyleSheet(style.read_text(encoding="utf-8"))


@contextmanager
def _log_file() -> Iterator[Path]:
    """Logs of the enhetschef loggers to a rotating file in the user's log folder."""
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
    text = value.message if isinstance(value, UserError) else unexpected_error_text()
    if QApplication.instance() is not None:
        QMessageBox.critical(None, QCoreApplication.translate("app", "Enhetschef"), text)


def _open(db_path: Path, unit_code: str | None, settings: QSettings) -> Workspace:
    workspace = open_workspace(db_path, unit_code, choose_unit=False)
    if workspace.unit is not None or unit_code is not None:
        return workspace
    units = list_units(workspace)
    if not units:
        return workspace
    remembered = str(settings.value(LAST_UNIT_KEY, "") or "")
    chosen = next((u for u in units if u.code == remembered), units[0])
    return workspace.with_unit(chosen)


def _bench_report(app: QApplication) -> None:
    rss_kb = 0
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmRSS:"):
                rss_kb = int(line.split()[1])
    pandas_loaded = 1 if "pandas" in sys.modules else 0
    sys.stdout.write(
        f"BENCH shown_wall={time.time()} rss_kb={rss_kb} pandas_loaded={pandas_loaded}\n"
    )
    sys.stdout.flush()
    app.quit()


def run_gui(db_path: Path, unit_code: str | None) -> int:
    """Opens the window on the database; returns the exit code (2 for a refused database)."""
    app = prepare_application()
    previous_hook = sys.excepthook
    with _log_file():
        sys.excepthook = _report_unexpected
        try:
            return _run(app, db_path, unit_code)
        finally:
            sys.excepthook = previous_hook


def _run(app: QApplication, db_path: Path, unit_code: str | None) -> int:
    settings = QSettings()
    try:
        workspace = _open(db_path, unit_code, settings)
    except UserError as exc:
        log.warning("Databasen öppnades inte: %s", exc.message)
        QMessageBox.critical(
            None, QCoreApplication.translate("app", "Databasen kan inte öppnas"), exc.message
        )
        return EXIT_USER_ERROR
    log.info(
        "Öppnade %s (enhet %s)", workspace.path, workspace.unit.code if workspace.unit else "-"
    )

    from enhetschef_app.ui.main_window import MainWindow

    try:
        context = AppContext(workspace, settings)
        window = MainWindow(context)
        window.show()
        if os.environ.get(BENCH_ENV) == "1":
            QTimer.singleShot(0, lambda: _bench_report(app))
        return int(app.exec()) or EXIT_OK
    finally:
        workspace.close()

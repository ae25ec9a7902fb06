"""Draws the user guide's pictures anew (`make screenshots`): every page of the window and each
step of Kom igång, plus docs/screenshots/huvudfonster.png for the README.

A fresh demo unit in a temporary folder, a fixed day (so a picture only changes when the
program does), the window at a maximised 1366x768 laptop's size (1366x705) with DejaVu Sans,
drawn offscreen: no display needed.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

DAY = date(2026, 11, 24)
SIZE = (1366, 705)  # a 1366 x 768 screen less the task bar and title bar
HERE = Path(__file__).resolve().parent
GUIDE_PICTURES = HERE.parent / "guide" / "bilder"
README_PICTURE = HERE / "huvudfonster.png"
SETTLE_SECONDS = 1.5  # pages load in workers; wait for them before drawing


def _settle(app: object) -> None:
    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + SETTLE_SECONDS
    while time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.05)
    QThreadPool.globalInstance().waitForDone(10_000)
    QApplication.processEvents()


def _save(widget: object, name: str) -> Path:
    from PySide6.QtWidgets import QWidget

    assert isinstance(widget, QWidget)
    target = GUIDE_PICTURES / f"{name}.png"
    if not widget.grab().save(str(target)):
        raise OSError(f"kunde inte spara {target}")
    print(f"Sparade {target.relative_to(HERE.parent.parent)}")
    return target


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    GUIDE_PICTURES.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        os.environ["ENHETSCHEF_DATA_DIR"] = folder
        os.environ["ENHETSCHEF_LOG_DIR"] = folder
        database = Path(folder) / "demo.sqlite3"
        from enhetschef_app.cli import main as cli_main

        demo = ["--db", str(database), "demo", "--staff", "45", "--weeks", "20"]
        if cli_main([*demo, "--end", "2026-11-30", "--today", DAY.isoformat()]) != 0:
            return 1

        from PySide6.QtCore import QSettings, Qt
        from PySide6.QtGui import QFont

        from enhetschef_app.app import prepare_application
        from enhetschef_app.services.core.workspace import ensure_unit, open_workspace
        from enhetschef_app.ui.shell.context import AppContext
        from enhetschef_app.ui.shell.main_window import MainWindow

        app = prepare_application()
        app.setFont(QFont("DejaVu Sans", 9))

        def window_on(path: Path, ini: str) -> MainWindow:
            settings = QSettings(str(Path(folder) / ini), QSettings.Format.IniFormat)
            window = MainWindow(AppContext(open_workspace(path), settings, today=lambda: DAY))
            window.setWindowState(Qt.WindowState.WindowNoState)
            window.resize(*SIZE)
            window.show()
            _settle(app)
            return window

        window = window_on(database, "ui.ini")
        for row, page in enumerate(window.pages):
            window.show_page(row)
            _settle(app)
            picture = _save(window, page.page_id)
            if page.page_id == "oversikt":
                README_PICTURE.write_bytes(picture.read_bytes())
        window.close()
        window.context.workspace.close()

        # Kom igång on a new database: the first step before the unit exists, the rest after.
        fresh = Path(folder) / "ny.sqlite3"
        window = window_on(fresh, "ny.ini")
        getting_started = window.show_getting_started()
        from enhetschef_app.ui.overview.getting_started import GettingStartedPage

        assert isinstance(getting_started, GettingStartedPage)
        _settle(app)
        _save(window, "komigang-1")
        unit = ensure_unit(window.context.workspace, "HT-NORR", "Hemtjänst Norr")
        window.context.choose_unit(unit)
        for index in range(1, getting_started.steps.count()):
            getting_started.go_to(index)
            _settle(app)
            _save(window, f"komigang-{index + 1}")
        window.close()
        window.context.workspace.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

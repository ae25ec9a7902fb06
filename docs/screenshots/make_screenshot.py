"""Draws docs/screenshots/huvudfonster.png anew (`make screenshot`).

A fresh demo unit in a temporary folder, a fixed day (so the picture only changes when the
program does), the window at a laptop's size, drawn offscreen: no display needed.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

DAY = date(2026, 11, 24)
SIZE = (1280, 706)  # a 1366 x 768 screen less the task bar and title bar
TARGET = Path(__file__).resolve().parent / "huvudfonster.png"


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as folder:
        os.environ["ENHETSCHEF_DATA_DIR"] = folder
        os.environ["ENHETSCHEF_LOG_DIR"] = folder
        database = Path(folder) / "demo.sqlite3"
        from enhetschef_app.cli import main as cli_main

        demo = ["--db", str(database), "demo", "--staff", "45", "--weeks", "20"]
        if cli_main([*demo, "--end", "2026-11-30", "--today", DAY.isoformat()]) != 0:
            return 1

        from PySide6.QtCore import QSettings

        from enhetschef_app.app import prepare_application
        from enhetschef_app.services.workspace import open_workspace
        from enhetschef_app.ui.context import AppContext
        from enhetschef_app.ui.main_window import MainWindow

        app = prepare_application()
        settings = QSettings(str(Path(folder) / "ui.ini"), QSettings.Format.IniFormat)
        workspace = open_workspace(database)
        try:
            window = MainWindow(AppContext(workspace, settings, today=lambda: DAY))
            window.resize(*SIZE)
            window.show()
            app.processEvents()
            if not window.grab().save(str(TARGET)):
                return 1
            window.close()
        finally:
            workspace.close()
    print(f"Sparade {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

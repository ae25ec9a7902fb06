"""UI-thread stall benchmark: the longest time the window does not answer while the user goes
through every page, each tab and presses F5 on each.

A heartbeat timer asks the event loop every 5 ms; the gap between two beats beyond that is a
stall (the UI thread busy with something else: a page reading the database, a table sizing its
columns, a chart drawing). Goal (UI.md): no stall over 100 ms. Reported per page, first visit
and refresh, with the longest over all; written to bench/.cache/ui-stall-result.json.

The demo unit (45 staff, 20 weeks, like the guide's pictures) is made once and cached. Run with
`.venv/bin/python bench/ui_stall.py` (offscreen without a display); `--profile` prints what
the UI thread did in each step over the goal. Not a test: the figure
depends on the machine, and a shared CI machine would make a threshold flaky.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import shutil
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
CACHE = BENCH_DIR / ".cache"
DEMO = CACHE / "ui-stall-demo.sqlite3"
RESULT_FILE = CACHE / "ui-stall-result.json"
DAY = date(2026, 11, 24)
BEAT_MS = 5
GOAL_MS = 100.0
SETTLE_S = 1.5


def make_demo() -> None:
    if DEMO.exists():
        return
    CACHE.mkdir(parents=True, exist_ok=True)
    from enhetschef_app.cli import main as cli_main

    partial = CACHE / "ui-stall-making.sqlite3"
    partial.unlink(missing_ok=True)
    args = ["--db", str(partial), "demo", "--staff", "45", "--weeks", "20", "--end", "2026-11-30"]
    if cli_main(args) != 0:
        raise SystemExit("demoenheten kunde inte skapas")
    partial.rename(DEMO)


class Heartbeat:
    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.last = time.perf_counter()
        self.longest = 0.0
        self.timer = QTimer()
        self.timer.setInterval(BEAT_MS)
        self.timer.timeout.connect(self.beat)
        self.timer.start()

    def beat(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, (now - self.last) * 1000 - BEAT_MS)
        self.last = now

    def reset(self) -> None:
        self.last = time.perf_counter()
        self.longest = 0.0


def run_for(seconds: float) -> None:
    from PySide6.QtWidgets import QApplication

    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        QApplication.processEvents()
        time.sleep(0.001)


class StepProfiler:
    """With `--profile`, what the UI thread did in each step over the goal (cProfile sees only
    the thread it is enabled in, so worker threads are left out, as the stall figure does)."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.profile: cProfile.Profile | None = None

    def start(self) -> None:
        if self.enabled:
            self.profile = cProfile.Profile()
            self.profile.enable()

    def report(self, name: str, stall_ms: float) -> None:
        if self.profile is None:
            return
        self.profile.disable()
        if stall_ms > GOAL_MS:
            print(f"--- {name}: {stall_ms:.0f} ms")
            stats = pstats.Stats(self.profile)
            stats.sort_stats("cumulative").print_stats(r"enhetschef_app|PySide6", 25)
        self.profile = None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", action="store_true", help="profil för steg över målet")
    profiler = StepProfiler(parser.parse_args().profile)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    make_demo()
    with tempfile.TemporaryDirectory() as folder:
        os.environ["ENHETSCHEF_DATA_DIR"] = folder
        os.environ["ENHETSCHEF_LOG_DIR"] = folder
        database = Path(folder) / "demo.sqlite3"
        shutil.copy(DEMO, database)
        from PySide6.QtCore import QSettings
        from PySide6.QtWidgets import QTabWidget

        from enhetschef_app.app import prepare_application
        from enhetschef_app.services.core.workspace import open_workspace
        from enhetschef_app.ui.shell.context import AppContext
        from enhetschef_app.ui.shell.main_window import MainWindow

        app = prepare_application()
        settings = QSettings(str(Path(folder) / "ui.ini"), QSettings.Format.IniFormat)
        workspace = open_workspace(database)
        window = MainWindow(AppContext(workspace, settings, today=lambda: DAY))
        window.resize(1366, 705)
        window.show()
        run_for(SETTLE_S)
        heart = Heartbeat()
        results: dict[str, dict[str, float]] = {}
        for row, page in enumerate(window.pages):
            figures: dict[str, float] = {}
            heart.reset()
            profiler.start()
            window.show_page(row)
            run_for(SETTLE_S)
            figures["first_visit_ms"] = round(heart.longest, 1)
            profiler.report(f"{row} first visit", heart.longest)
            heart.reset()
            profiler.start()
            window.refresh_current()
            run_for(SETTLE_S)
            figures["refresh_ms"] = round(heart.longest, 1)
            profiler.report(f"{row} refresh", heart.longest)
            tabs = [t for t in page.findChildren(QTabWidget) if t.isVisible()]
            if tabs:
                longest = 0.0
                for index in range(tabs[0].count()):
                    heart.reset()
                    profiler.start()
                    tabs[0].setCurrentIndex(index)
                    run_for(SETTLE_S / 2)
                    profiler.report(f"{row} tab {index}", heart.longest)
                    longest = max(longest, heart.longest)
                figures["tabs_ms"] = round(longest, 1)
            results[page.page_id] = figures
        window.close()
        workspace.close()
        del app
    worst_page, worst = max(
        ((page_id, max(values.values())) for page_id, values in results.items()),
        key=lambda x: x[1],
    )
    for page_id, values in results.items():
        parts = ", ".join(f"{k} {v:.0f}" for k, v in values.items())
        print(f"{page_id:18} {parts}")
    verdict = "inom" if worst <= GOAL_MS else "över"
    print(
        f"Längsta stopp i UI-tråden: {worst:.0f} ms ({worst_page}); "
        f"mål ≤ {GOAL_MS:.0f} ms: {verdict}"
    )
    RESULT_FILE.write_text(
        json.dumps({"pages": results, "longest_ms": worst, "page": worst_page}, indent=2),
        encoding="utf-8",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The baseline: the least a PySide6 program does to show a main window.

Prints the same BENCH line as the app in bench mode (ENHETSCHEF_BENCH_STARTUP=1), one event-loop
turn after the window is shown, and exits 0. bench/run.py compares the app with this.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


def resident_kb() -> int:
    """Resident memory now (VmRSS), as the app measures it; 0 where /proc is missing."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def report(app: QApplication) -> None:
    pandas_loaded = 1 if "pandas" in sys.modules else 0
    sys.stdout.write(
        f"BENCH shown_wall={time.time()} rss_kb={resident_kb()} pandas_loaded={pandas_loaded}\n"
    )
    sys.stdout.flush()
    app.quit()


def main() -> int:
    app = QApplication(sys.argv)
    window = QMainWindow()
    window.setWindowTitle("Baslinje")
    window.resize(1200, 800)
    window.show()
    QTimer.singleShot(0, lambda: report(app))
    return int(app.exec())


if __name__ == "__main__":
    raise SystemExit(main())

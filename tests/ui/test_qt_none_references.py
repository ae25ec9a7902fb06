"""PySide6 6.12.0 on Python 3.11 returned None from void methods without a new reference, so
each call took one from None and a window that had painted for a while aborted the interpreter
("none_dealloc"). pyproject.toml excludes that release; this test catches any Qt we install
that does the same, in a child process so that a crash fails the test instead of the run."""

from __future__ import annotations

import os
import subprocess
import sys

SCRIPT = """
import sys
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel()
before = sys.getrefcount(None)
for _ in range(300_000):
    label.setText("x")
    label.setToolTip("y")
print(sys.getrefcount(None) - before)
"""


def test_void_qt_calls_leave_nones_references_alone() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr[-500:]
    assert abs(int(done.stdout.strip())) < 100

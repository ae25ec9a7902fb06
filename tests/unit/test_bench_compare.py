"""`bench/compare.py`: every bench's figures against the goal and the previous run (issue 20's
guard against regressions), run as `make bench` runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

COMPARE = Path(__file__).resolve().parents[2] / "bench" / "compare.py"


def startup(folder: Path, app_s: float) -> None:
    result = {
        "bare_window": {"median_s": 0.2},
        "app": {"median_s": app_s, "ready_median_s": 0.6, "rss_kb_median": 150 * 1024},
    }
    (folder / "startup-result.json").write_text(json.dumps(result), encoding="utf-8")


def compare(folder: Path) -> list[str]:
    done = subprocess.run(
        [sys.executable, str(COMPARE), "--cache", str(folder), "--record"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    return done.stdout.splitlines()


def line(lines: list[str], name: str) -> str:
    return next(text for text in lines if text.strip().startswith(name))


def test_each_figure_against_its_goal_and_the_run_before(tmp_path: Path) -> None:
    startup(tmp_path, app_s=0.24)
    first = compare(tmp_path)
    assert "1.20x" in line(first, "fönstret visas") and "nått" in line(first, "fönstret visas")
    assert "3.00x" in line(first, "Översikt ifylld")
    assert "150 MB" in line(first, "minne efter start")
    # A bench that has not run is said so, never counted as met.
    assert line(first, "veckobyte i schemat").endswith("ej mätt")

    startup(tmp_path, app_s=0.30)
    second = compare(tmp_path)
    shown = line(second, "fönstret visas")
    assert "1.50x" in shown and "1.20x" in shown and "+25 %" in shown
    assert shown.endswith("INTE NÅTT")
    kept = json.loads((tmp_path / "previous-result.json").read_text(encoding="utf-8"))
    assert kept["figures"]["fönstret visas / tomt fönster"] == 1.2
    latest = json.loads((tmp_path / "last-result.json").read_text(encoding="utf-8"))
    assert latest["figures"]["fönstret visas / tomt fönster"] == 1.5

"""Omtankessamtal benchmark: who is due on a day, for a large unit, against a plain SQL read.

On the cached demo database of `run.py` (60 staff, 260 weeks: five years of absences; made if
missing), on a copy:

- **scan**: `scan_care_talks(workspace, day)`, the service behind `enhetschef omtanke`, the page
  and Översikt: settings, staff, the absences of the counting kinds, talks, snoozes, the
  schedule's answers for the days between records, and the domain's occasions, count and
  verdict for everyone. Goal: at most 100 ms.
- **plain read**: one `sqlite3` query reading the same absence rows (the unit's records of the
  counting kinds that begin by the day) with `fetchall()`, no ORM and no rules: the least any
  program must do to answer the question. The ratio scan/plain read says what the rules and the
  schedule look-ups cost on top of it.

The day is the demo's "today" (six days before the period's last day). Runs are interleaved, the
first of each is a warm-up, and the median is reported. Run with `make bench` or
`.venv/bin/python bench/omtanke.py [--runs 15] [--check]`.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR))
sys.path.insert(0, str(BENCH_DIR.parent))

import run as startup_bench  # noqa: E402  (bench/run.py: the cached demo database)

RESULT_FILE = startup_bench.CACHE / "omtanke-result.json"
SCAN_GOAL_MS = 100.0
DAYS_BEFORE_END = 6  # the demo's "today", as demo/care_talks.py has it

PLAIN_QUERY = """
SELECT a.employee_id, a.id, a.kind, a.start_date, a.end_date, a.extent_percent
FROM absences AS a JOIN employees AS e ON e.id = a.employee_id
WHERE e.unit_id = ? AND a.kind IN ({kinds}) AND a.start_date <= ?
ORDER BY a.employee_id, a.start_date
"""


def timed(call: Callable[[], Any]) -> float:
    began = time.perf_counter()
    call()
    return time.perf_counter() - began


def bench(database: Path, work: Path, runs: int) -> dict[str, Any]:
    from enhetschef_app.domain.absence_occasions import OccasionRules
    from enhetschef_app.services.absence.care_talk_scan import scan_care_talks
    from enhetschef_app.services.core.settings import rule_settings
    from enhetschef_app.services.core.workspace import open_workspace

    copy = work / "omtanke.sqlite3"
    shutil.copy(database, copy)
    workspace = open_workspace(copy)
    unit = workspace.require_unit()
    end = startup_bench.parse_args([]).end
    day = end - timedelta(days=DAYS_BEFORE_END)
    kinds = sorted(OccasionRules.from_settings(rule_settings(workspace)).counting_kinds)
    query = PLAIN_QUERY.format(kinds=", ".join("?" for _ in kinds))
    parameters = (unit.id, *kinds, day.isoformat())
    plain = sqlite3.connect(copy)

    def read_plain() -> list[Any]:
        return plain.execute(query, parameters).fetchall()

    scans: list[float] = []
    reads: list[float] = []
    for number in range(runs + 1):
        scan_s = timed(lambda: scan_care_talks(workspace, day))
        read_s = timed(read_plain)
        if number:  # the first of each is a warm-up
            scans.append(scan_s)
            reads.append(read_s)
    result = scan_care_talks(workspace, day)
    rows = len(read_plain())
    with workspace.transaction() as session:
        from sqlalchemy import func, select

        from enhetschef_app.storage.models import Absence, Employee, ScheduleRow

        absences = session.scalar(
            select(func.count())
            .select_from(Absence)
            .join(Employee, Employee.id == Absence.employee_id)
            .where(Employee.unit_id == unit.id)
        )
        schedule = session.scalar(
            select(func.count()).select_from(ScheduleRow).where(ScheduleRow.unit_id == unit.id)
        )
        staff = session.scalar(
            select(func.count()).select_from(Employee).where(Employee.unit_id == unit.id)
        )
    plain.close()
    workspace.close()
    scan_ms = statistics.median(scans) * 1000
    read_ms = statistics.median(reads) * 1000
    return {
        "day": day.isoformat(),
        "staff": staff,
        "absences": absences,
        "schedule_rows": schedule,
        "rows_read": rows,
        "at_threshold": len(result.signals),
        "due": len(result.due),
        "scan_ms": round(scan_ms, 2),
        "scan_min_ms": round(min(scans) * 1000, 2),
        "scan_max_ms": round(max(scans) * 1000, 2),
        "plain_read_ms": round(read_ms, 3),
        "ratio_scan_over_plain": round(scan_ms / read_ms, 1) if read_ms else None,
        "goal_ms": SCAN_GOAL_MS,
        "goal_met": scan_ms <= SCAN_GOAL_MS,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="measured runs of each (median)")
    parser.add_argument("--check", action="store_true", help="exit 1 when the goal is missed")
    args = parser.parse_args(argv)
    demo = startup_bench.demo_database(startup_bench.parse_args([]))
    database = Path(demo.database)
    with tempfile.TemporaryDirectory(prefix="enhetschef-bench-") as folder:
        work = Path(folder)
        os.environ.setdefault("ENHETSCHEF_DATA_DIR", str(work / "data"))
        os.environ.setdefault("ENHETSCHEF_LOG_DIR", str(work / "log"))
        found = bench(database, work, args.runs)
    verdict = "within the goal" if found["goal_met"] else "ABOVE THE GOAL"
    print(f"\nOmtankessamtal benchmark on {database.name} (median of {args.runs} runs)\n")
    print(
        f"  unit: {found['staff']} staff, {found['absences']} absences, "
        f"{found['schedule_rows']} schedule rows; day {found['day']}"
    )
    print(
        f"  scan_care_talks             {found['scan_ms']:8.1f} ms   "
        f"(min {found['scan_min_ms']:.1f}, max {found['scan_max_ms']:.1f}); "
        f"{found['at_threshold']} at the threshold, {found['due']} due"
    )
    print(
        f"  plain SQL read of the rows  {found['plain_read_ms']:8.2f} ms   "
        f"({found['rows_read']} rows of the counting kinds)"
    )
    print(f"  ratio scan/plain read       {found['ratio_scan_over_plain']:8.1f}x")
    print(f"  goal at most {SCAN_GOAL_MS:.0f} ms: {verdict}")
    startup_bench.CACHE.mkdir(parents=True, exist_ok=True)
    RESULT_FILE.write_text(json.dumps(found, indent=2) + "\n", encoding="utf-8")
    print(f"  written to {RESULT_FILE.relative_to(startup_bench.REPO)}")
    if args.check and not found["goal_met"]:
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Schedule benchmark: importing, the week grid and the rest checks on a large unit.

On the cached demo database of `run.py` (60 staff, 260 weeks; made if missing), on a copy:

1. **Import** of a 12-week schedule file (the unit's last 12 whole weeks before the current
   month, written in the standard layout as .xlsx) against reading the same file with bare
   pandas + calamine (`pd.read_excel(path, engine="calamine")`). Two cases: the file's rows are
   already stored (a re-import: everything unchanged) and the period is empty (every row new).
   Goal: at most 1.5 times the bare read.
2. **Week grid**: the Schema page stepping to the next week, from `show_week` until the page's
   grid holds that week's lines (its load in the worker shown); one paint of the visible grid
   after it is reported beside it.
   Weeks inside the demo data (the weeks before the unit's last 12 whole weeks), not relative to
   today. Goal: at most 20 ms.
3. **Rest checks over a year** for all staff: the domain's `check_rest_rules` over the year's
   shifts (goal: at most 200 ms), and `check-schedule`'s service call with the loading from the
   database, for reference.

Runs are interleaved and the median is reported. Run with `make bench` or
`.venv/bin/python bench/schedule.py [--runs 7]`.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR))
sys.path.insert(0, str(BENCH_DIR.parent))

import run as startup_bench  # noqa: E402  (bench/run.py: the cached demo database)

RESULT_FILE = startup_bench.CACHE / "schedule-result.json"
IMPORT_GOAL = 1.5
WEEK_GOAL_MS = 20.0
REST_GOAL_MS = 200.0
SERVICE_GOAL = 2.0  # check-schedule's service against the rules alone (issue 20)
IMPORT_WEEKS = 12
# The demo unit's last day of data (run.py's --end: the end of the current month).
LAST_DATA_DAY: date = startup_bench.parse_args([]).end


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def timed(call: Callable[[], Any]) -> float:
    began = time.perf_counter()
    call()
    return time.perf_counter() - began


def write_schedule_file(workspace: Any, first: date, last: date, path: Path) -> int:
    """The unit's rows first..last in the standard layout, as Excel would hold them."""
    from openpyxl import Workbook
    from sqlalchemy import select

    from enhetschef_app.storage.models import Employee, ScheduleRow

    book = Workbook()
    sheet = book.active
    sheet.title = "Schema"
    sheet.append(["Anställningsnr", "Namn", "Datum", "Start", "Slut", "Rast (min)", "Passkod"])
    with workspace.transaction() as session:
        rows = session.execute(
            select(
                Employee.employee_no,
                Employee.name,
                ScheduleRow.work_date,
                ScheduleRow.start_time,
                ScheduleRow.end_time,
                ScheduleRow.break_minutes,
                ScheduleRow.shift_code,
            )
            .outerjoin(Employee, Employee.id == ScheduleRow.employee_id)
            .where(ScheduleRow.work_date >= first, ScheduleRow.work_date <= last)
            .order_by(ScheduleRow.work_date, ScheduleRow.start_time, ScheduleRow.id)
        ).all()
    for number, name, day, start, end, rast, code in rows:
        sheet.append([number, name, day, start, end, rast, code])
    for cell in sheet["C"][1:]:
        cell.number_format = "yyyy-mm-dd"
    for column in ("D", "E"):
        for cell in sheet[column][1:]:
            cell.number_format = "hh:mm"
    book.save(path)
    return len(rows)


def bench_import(database: Path, work: Path, runs: int) -> dict[str, Any]:
    import pandas as pd
    from sqlalchemy import delete

    from enhetschef_app.services.core.workspace import open_workspace
    from enhetschef_app.services.schedule.imports import import_schedule
    from enhetschef_app.storage.models import ScheduleRow

    copy = work / "import.sqlite3"
    shutil.copy(database, copy)
    workspace = open_workspace(copy)
    month_start = date.today().replace(day=1)
    last = month_start - timedelta(days=month_start.weekday() + 1)  # the Sunday before
    first = last - timedelta(days=7 * IMPORT_WEEKS - 1)
    path = work / "schema-12-veckor.xlsx"
    rows = write_schedule_file(workspace, first, last, path)
    import_schedule(workspace, path)  # the file's rows now match the stored ones exactly

    def empty_period() -> None:
        with workspace.transaction() as session:
            session.execute(
                delete(ScheduleRow).where(
                    ScheduleRow.work_date >= first, ScheduleRow.work_date <= last
                )
            )

    bare: list[float] = []
    again: list[float] = []
    fresh: list[float] = []
    for number in range(runs + 1):
        b = timed(lambda: pd.read_excel(path, engine="calamine"))
        a = timed(lambda: import_schedule(workspace, path))
        empty_period()
        f = timed(lambda: import_schedule(workspace, path))
        if number:  # the first round warms caches and imports; it is not counted
            bare.append(b)
            again.append(a)
            fresh.append(f)
    workspace.close()
    return {
        "rows": rows,
        "period": f"{first.isoformat()}–{last.isoformat()}",
        "bare_ms": median_ms(bare),
        "reimport_ms": median_ms(again),
        "fresh_ms": median_ms(fresh),
        "reimport_ratio": median_ms(again) / median_ms(bare),
        "fresh_ratio": median_ms(fresh) / median_ms(bare),
    }


def bench_week_grid(database: Path, work: Path, runs: int) -> dict[str, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEvent, QEventLoop, QSettings, QTimer

    from enhetschef_app.app import prepare_application
    from enhetschef_app.domain.calendar import week_start
    from enhetschef_app.services.core.workspace import open_workspace
    from enhetschef_app.services.schedule.week import week_schedule
    from enhetschef_app.ui.schedule.page import SchedulePage
    from enhetschef_app.ui.shell.context import AppContext

    copy = work / "grid.sqlite3"
    shutil.copy(database, copy)
    app = prepare_application()
    workspace = open_workspace(copy)
    settings = QSettings(str(work / "ui.ini"), QSettings.Format.IniFormat)
    today = date.today()
    context = AppContext(workspace, settings, today=lambda: today)
    page = SchedulePage(context)
    page.resize(1280, 720)
    page.show()
    app.processEvents()
    switches: list[float] = []
    paints: list[float] = []
    service: list[float] = []
    lines: list[int] = []
    # Weeks with rows: the demo unit's schedule ends with the data's last day, not today.
    monday = week_start(LAST_DATA_DAY) - timedelta(days=7 * (IMPORT_WEEKS + runs + 2))

    def wait_shown(day: date) -> None:
        """An event loop that looks every millisecond: between the looks the UI thread sleeps
        as a user's would, and does not hold the GIL against the worker (a loop of
        processEvents calls did, and doubled the time)."""
        loop = QEventLoop()
        poll = QTimer()
        poll.setInterval(1)

        def look() -> None:
            if page.loaded and page.week is not None and page.week.monday == day:
                loop.quit()

        poll.timeout.connect(look)
        poll.start()
        loop.exec()
        poll.stop()

    page.show_week(monday)
    wait_shown(monday)
    for number in range(runs + 1):
        day = monday + timedelta(days=7 * (number + 1))

        def switch(day: date = day) -> None:
            page.show_week(day)
            wait_shown(day)

        s = timed(switch)
        lines.append(page.model.rowCount())

        def paint() -> None:
            app.processEvents()  # the page's updates come back on the next turn of the loop
            page.view.viewport().repaint()

        p = timed(paint)

        def read(day: date = day) -> None:
            week_schedule(workspace, day, actual=True)

        v = timed(read)
        if number:
            switches.append(s)
            paints.append(p)
            service.append(v)
    page.close()
    page.deleteLater()  # gone before the application, as in the window
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    workspace.close()
    return {
        "switch_ms": median_ms(switches),
        "paint_ms": median_ms(paints),
        "service_actual_ms": median_ms(service),
        "lines": min(lines),
    }


def bench_rest_checks(database: Path, work: Path, runs: int) -> dict[str, Any]:
    from enhetschef_app.domain.rest_rules import RestLimits, RestRule, check_rest_rules
    from enhetschef_app.services.core.settings import rule_settings
    from enhetschef_app.services.core.workspace import open_workspace
    from enhetschef_app.services.schedule.check import check_schedule, loaded_period
    from enhetschef_app.services.schedule.state import read_state

    copy = work / "rest.sqlite3"
    shutil.copy(database, copy)
    workspace = open_workspace(copy)
    last = date.today().replace(day=1) - timedelta(days=1)
    first = last.replace(year=last.year - 1) + timedelta(days=1)
    limits = RestLimits.from_settings(rule_settings(workspace))
    start, end = loaded_period(first, last, list(RestRule))
    state = read_state(workspace, start, end)
    shifts = state.shifts(actual=False)
    week_limits = state.week_limits()
    domain: list[float] = []
    whole: list[float] = []
    found = 0
    for number in range(runs + 1):
        d = timed(lambda: check_rest_rules(shifts, first, last, limits, week_limits))
        w = timed(lambda: check_schedule(workspace, first, last))
        if number:
            domain.append(d)
            whole.append(w)
    found = len(check_rest_rules(shifts, first, last, limits, week_limits))
    workspace.close()
    return {
        "period": f"{first.isoformat()}–{last.isoformat()}",
        "shifts": len(shifts),
        "staff": len(state.staff),
        "breaches": found,
        "domain_ms": median_ms(domain),
        "service_ms": median_ms(whole),
    }


def verdict(ok: bool) -> str:
    return "within the goal" if ok else "ABOVE THE GOAL"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="measured runs of each (median)")
    parser.add_argument("--check", action="store_true", help="exit 1 when a goal is missed")
    args = parser.parse_args(argv)
    demo = startup_bench.demo_database(startup_bench.parse_args([]))
    database = Path(demo.database)
    with tempfile.TemporaryDirectory(prefix="enhetschef-bench-") as folder:
        work = Path(folder)
        os.environ.setdefault("ENHETSCHEF_DATA_DIR", str(work / "data"))
        os.environ.setdefault("ENHETSCHEF_LOG_DIR", str(work / "log"))
        imported = bench_import(database, work, args.runs)
        grid = bench_week_grid(database, work, args.runs)
        rest = bench_rest_checks(database, work, args.runs)
    import_ok = max(imported["reimport_ratio"], imported["fresh_ratio"]) <= IMPORT_GOAL
    grid_ok = grid["switch_ms"] <= WEEK_GOAL_MS
    rest_ok = rest["domain_ms"] <= REST_GOAL_MS
    print(f"\nSchedule benchmark on {database.name} (median of {args.runs} runs)\n")
    print(f"  import of {imported['rows']} rows, 12 weeks ({imported['period']})")
    print(f"    bare pandas+calamine read   {imported['bare_ms']:8.1f} ms")
    print(
        f"    re-import (all unchanged)   {imported['reimport_ms']:8.1f} ms   "
        f"ratio {imported['reimport_ratio']:.2f}x"
    )
    print(
        f"    import into empty period    {imported['fresh_ms']:8.1f} ms   "
        f"ratio {imported['fresh_ratio']:.2f}x"
    )
    print(f"    goal at most {IMPORT_GOAL}x: {verdict(import_ok)}")
    print(f"  week grid, {grid['lines']} lines")
    print(
        f"    switch to the next week     {grid['switch_ms']:8.1f} ms   (until the grid holds it)"
    )
    print(f"    (then one paint of the grid {grid['paint_ms']:8.1f} ms)")
    print(f"    (service, actual schedule   {grid['service_actual_ms']:8.1f} ms)")
    print(f"    goal at most {WEEK_GOAL_MS:.0f} ms: {verdict(grid_ok)}")
    print(f"  rest checks, {rest['staff']} staff, {rest['shifts']} shifts, {rest['period']}")
    print(
        f"    check_rest_rules (domain)   {rest['domain_ms']:8.1f} ms   {rest['breaches']} breaches"
    )
    print(
        f"    check-schedule service      {rest['service_ms']:8.1f} ms   (loading included), "
        f"ratio {rest['service_ms'] / rest['domain_ms']:.2f}x (goal at most {SERVICE_GOAL}x)"
    )
    print(f"    goal at most {REST_GOAL_MS:.0f} ms: {verdict(rest_ok)}")
    startup_bench.CACHE.mkdir(parents=True, exist_ok=True)
    RESULT_FILE.write_text(
        json.dumps({"import": imported, "week_grid": grid, "rest": rest}, indent=2) + "\n",
        encoding="utf-8",
    )
    if args.check and not (import_ok and grid_ok and rest_ok):
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Month report benchmark: the month summary on a large unit, and the sync into a large
shared workbook against a bare openpyxl load + save of the same file.

1. **Month summary** of the last whole month on the cached demo database of `run.py` (60 staff,
   260 weeks), in this process after one warm-up call: the median of the timed calls, with the
   time of each area's part. Goal: at most 40 ms (issue 20).
   **Month switch** in Månadsrapport: what the page loads for a month (`load_month_page`: the
   month's report view, whose summary also gives the trend its own month, and the 12-month
   trend), timed the same way, twice: on the demo as made, where no month is marked klar and
   all twelve are computed, and on a copy where the eleven months before are marked klar (as an
   EC does at each month end), so the trend and the year's economy read their recorded figures.
   The summary is timed on that copy too. Goal: the month switch at most 150 ms (issue 20).
2. **Sync**: a shared workbook laid out like tests/data/delad-manadsuppfoljning.xlsx with
   40 units × 60 months (2 400 rows, header styles, conditional format, validation, a comment,
   an overview sheet with formulas and a chart) is made once with openpyxl and cached. Then, in
   turns: the baseline `openpyxl.load_workbook(f)` + `save()`, and the app's whole
   `sync_month_to_shared_workbook` (month summary, lock, merge, write, read-back check, backup,
   atomic replace) of the demo unit's month into a copy of the same file. Goal: the sync at
   most 1.3 × the baseline.

`make bench` runs it after the start-up benchmark; the result is written to
bench/.cache/month-result.json.
"""

from __future__ import annotations

import argparse
import json
import platform
import shutil
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR))

from run import CACHE, demo_database, month_end  # noqa: E402

RESULT_FILE = CACHE / "month-result.json"
SUMMARY_GOAL_MS = 40.0
SWITCH_GOAL_MS = 150.0
SYNC_GOAL_RATIO = 1.3
UNITS, MONTHS = 40, 60


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--staff", type=int, default=60)
    parser.add_argument("--weeks", type=int, default=260)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--end", type=date.fromisoformat, default=month_end(date.today()))
    parser.add_argument("--runs", type=int, default=15, help="timed runs of the summary")
    parser.add_argument("--sync-runs", type=int, default=7, help="timed runs of each sync side")
    parser.add_argument("--fresh", action="store_true", help="make the databases anew")
    parser.add_argument("--check", action="store_true", help="exit 1 when a goal is missed")
    return parser.parse_args(argv)


def timed(call: Callable[[], object]) -> float:
    began = time.perf_counter()
    call()
    return time.perf_counter() - began


# -- the month summary ---------------------------------------------------------------------------


def summary_bench(database: Path, runs: int) -> dict[str, Any]:
    from enhetschef_app.domain.month_rows import dst_change_days_between
    from enhetschef_app.domain.year_month import YearMonth
    from enhetschef_app.services.absence.figures import absence_month_figures
    from enhetschef_app.services.core.workspace import open_workspace
    from enhetschef_app.services.month.overtime import overtime_of_month
    from enhetschef_app.services.month.summary import month_summary
    from enhetschef_app.services.people.figures import people_month_figures
    from enhetschef_app.storage.queries.month_rows import month_row_groups

    workspace = open_workspace(database)
    unit = workspace.require_unit()
    with workspace.transaction() as session:
        from sqlalchemy import func, select

        from enhetschef_app.storage.models import ScheduleRow

        last_day = session.scalar(select(func.max(ScheduleRow.work_date)))
    assert last_day is not None, "the bench unit has a schedule"
    month = YearMonth.of(last_day).shifted(-1)

    def rows() -> object:
        days = dst_change_days_between(month.first, month.last)
        with workspace.transaction() as session:
            return month_row_groups(session, unit.id, month.first, month.last, days)

    parts: dict[str, Callable[[], object]] = {
        "whole summary": lambda: month_summary(workspace, month.year, month.month),
        "  absence_figures": lambda: absence_month_figures(workspace, month.year, month.month),
        "  people_figures": lambda: people_month_figures(workspace, month.year, month.month),
        "  schedule rows (this area)": rows,
        "  overtime_of_month": lambda: overtime_of_month(workspace, month.year, month.month),
    }
    parts["month switch, no month klar"] = lambda: month_switch(workspace, month)
    result: dict[str, Any] = {"month": month.label}
    for name, call in parts.items():
        result[name.strip()] = _median_of(call, runs)
    workspace.close()
    closed = closed_copy(database, month)
    try:
        result["whole summary, months before klar"] = _median_of(
            lambda: month_summary(closed, month.year, month.month), runs
        )
        result["month switch, months before klar"] = _median_of(
            lambda: month_switch(closed, month), runs
        )
    finally:
        closed.close()
    return result


def _median_of(call: Callable[[], object], runs: int) -> dict[str, float]:
    call()  # warm-up: imports, statement caches
    samples = [timed(call) for _ in range(runs)]
    return {
        "median_ms": round(statistics.median(samples) * 1000, 1),
        "min_ms": round(min(samples) * 1000, 1),
        "max_ms": round(max(samples) * 1000, 1),
    }


def month_switch(workspace: Any, month: Any) -> object:
    """What Månadsrapport loads for a month besides the sync queue (ui.month.page's
    `load_month_page`): the report view and the 12-month trend, given the view's summary."""
    from enhetschef_app.services.month.report import month_report_view, month_trend

    view = month_report_view(workspace, month)
    return month_trend(workspace, month, known=view.summary)


def closed_copy(database: Path, month: Any) -> Any:
    """A workspace on a copy of the demo whose eleven months before `month` are marked klar."""
    from datetime import timedelta

    from enhetschef_app.services.core.workspace import open_workspace
    from enhetschef_app.services.month.report import close_month

    folder = CACHE / "run" / "month-closed"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    copy = folder / "bench.sqlite3"
    shutil.copyfile(database, copy)
    workspace = open_workspace(copy)
    for earlier in month.back(12)[:-1]:
        close_month(workspace, earlier, today=month.last + timedelta(days=1))
    return workspace


# -- the shared workbook ------------------------------------------------------------------------


def shared_workbook(path: Path) -> Path:
    """40 units × 60 months in the sample's layout, with what a VC's workbook has around it."""
    if path.exists():
        return path
    from openpyxl import Workbook
    from openpyxl.chart import BarChart, Reference
    from openpyxl.comments import Comment
    from openpyxl.formatting.rule import CellIsRule
    from openpyxl.styles import Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    units = [f"ENH-{n:02d}" for n in range(1, UNITS + 1)]
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Månadsuppföljning"
    headers = [
        "Enhet", "Månad", "Sjukfrånvaro %", "Andel timavlönade %", "Övertid (h)", "Mertid (h)",
        "Tomma rader", "Omtankessamtal hållna", "Avvikelser", "Kommentar VC", "Åtgärd",
    ]  # fmt: skip
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DCE6F0")
    sheet.freeze_panes = "A2"
    sheet["A1"].comment = Comment("En rad per enhet och månad.", "VC")
    first = date(2021, 11, 1)
    for unit_index, unit in enumerate(units):
        for offset in range(MONTHS):
            year, month = divmod(first.year * 12 + first.month - 1 + offset, 12)
            sheet.append(
                [
                    unit,
                    f"{year:04d}-{month + 1:02d}",
                    round(3 + (unit_index * 7 + offset * 3) % 50 / 10, 2),
                    12 + (unit_index + offset) % 9,
                    20 + offset % 13,
                    30 + unit_index % 7,
                    (unit_index + offset) % 11,
                    offset % 3,
                    (unit_index * offset) % 6,
                    "Följ upp" if (unit_index + offset) % 17 == 0 else None,
                    None,
                ]
            )
    last = sheet.max_row
    sheet.conditional_formatting.add(
        f"C2:C{last + 500}",
        CellIsRule(operator="greaterThan", formula=["5"], fill=PatternFill("solid", "F8CBAD")),
    )
    validation = DataValidation(type="list", formula1='"' + ",".join(units[:20]) + '"')
    sheet.add_data_validation(validation)
    validation.add(f"A2:A{last + 500}")
    overview = workbook.create_sheet("Översikt")
    overview.append(["Enhet", "Snitt sjukfrånvaro %", "Summa övertid (h)"])
    for row, unit in enumerate(units, start=2):
        overview.append(
            [
                unit,
                f"=AVERAGEIF(Månadsuppföljning!A:A,A{row},Månadsuppföljning!C:C)",
                f"=SUMIF(Månadsuppföljning!A:A,A{row},Månadsuppföljning!E:E)",
            ]
        )
    chart = BarChart()
    chart.title = "Sjukfrånvaro per enhet"
    values = Reference(overview, min_col=2, min_row=1, max_row=UNITS + 1)
    chart.add_data(values, titles_from_data=True)
    chart.set_categories(Reference(overview, min_col=1, min_row=2, max_row=UNITS + 1))
    overview.add_chart(chart, "E2")
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
    return path


def sync_bench(database: Path, source: Path, runs: int) -> dict[str, Any]:
    import openpyxl

    from enhetschef_app.domain.year_month import YearMonth
    from enhetschef_app.services.core.workspace import open_workspace
    from enhetschef_app.services.month.sync import sync_month_to_shared_workbook

    folder = CACHE / "run" / "month"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    work_db = folder / "bench.sqlite3"
    shutil.copyfile(database, work_db)
    workspace = open_workspace(work_db)
    month = YearMonth.of(date.today()).shifted(-1)
    target = folder / "delad.xlsx"
    baseline_copy = folder / "baseline.xlsx"

    def bare() -> None:
        workbook = openpyxl.load_workbook(source)
        workbook.save(baseline_copy)

    def sync() -> None:
        sync_month_to_shared_workbook(workspace, month, target)

    shutil.copyfile(source, target)
    bare()
    sync()  # warm-up; the row is now there and later runs update it, as a re-sync does
    baseline: list[float] = []
    ours: list[float] = []
    for run in range(runs):
        for name in ("bare", "sync") if run % 2 == 0 else ("sync", "bare"):
            if name == "bare":
                baseline.append(timed(bare))
            else:
                ours.append(timed(sync))
    first_time = folder / "first.xlsx"
    shutil.copyfile(source, first_time)
    new_row = timed(lambda: sync_month_to_shared_workbook(workspace, month, first_time))
    workspace.close()
    ratio = statistics.median(ours) / statistics.median(baseline)
    return {
        "rows": UNITS * MONTHS,
        "file_kb": source.stat().st_size // 1024,
        "bare_openpyxl_load_save_ms": round(statistics.median(baseline) * 1000, 1),
        "sync_ms": round(statistics.median(ours) * 1000, 1),
        "sync_new_row_ms": round(new_row * 1000, 1),
        "ratio": round(ratio, 3),
        "samples_bare_ms": [round(s * 1000, 1) for s in baseline],
        "samples_sync_ms": [round(s * 1000, 1) for s in ours],
    }


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    generation = demo_database(args)
    database = Path(generation.database)
    source = shared_workbook(CACHE / f"shared-{UNITS}x{MONTHS}.xlsx")
    print("Measuring the month summary…", flush=True)
    summary = summary_bench(database, args.runs)
    print("Measuring the sync against openpyxl load + save…", flush=True)
    sync = sync_bench(database, source, args.sync_runs)
    whole = summary["whole summary"]["median_ms"]
    result = {
        "python": platform.python_version(),
        "demo": {"staff": args.staff, "weeks": args.weeks, "summary": generation.summary},
        "month_summary": summary,
        "month_summary_goal_ms": SUMMARY_GOAL_MS,
        "month_summary_goal_met": whole <= SUMMARY_GOAL_MS,
        "month_switch_goal_ms": SWITCH_GOAL_MS,
        "month_switch_goal_met": summary["month switch, months before klar"]["median_ms"]
        <= SWITCH_GOAL_MS,
        "sync": sync,
        "sync_goal_ratio": SYNC_GOAL_RATIO,
        "sync_goal_met": sync["ratio"] <= SYNC_GOAL_RATIO,
    }
    print()
    print(f"Month report benchmark ({args.staff} staff, {args.weeks} weeks, {summary['month']})")
    print(f"  {'':<36}{'median':>9}{'min':>9}{'max':>9}")
    for name, row in summary.items():
        if name == "month":
            continue
        label = name if name.startswith(("whole summary", "month switch")) else "  " + name
        print(
            f"  {label:<36}{row['median_ms']:>7.1f}ms{row['min_ms']:>7.1f}ms{row['max_ms']:>7.1f}ms"
        )
    verdict = "goal met" if result["month_summary_goal_met"] else "ABOVE THE GOAL"
    print(f"  month summary {whole:.1f} ms   (goal at most {SUMMARY_GOAL_MS:.0f} ms: {verdict})")
    for name in ("month switch, no month klar", "month switch, months before klar"):
        switch = summary[name]["median_ms"]
        verdict = "goal met" if switch <= SWITCH_GOAL_MS else "ABOVE THE GOAL"
        print(f"  {name} {switch:.1f} ms   (goal at most {SWITCH_GOAL_MS:.0f} ms: {verdict})")
    print()
    print(f"  shared workbook: {sync['rows']} rows, {sync['file_kb']} kB")
    print(f"  bare openpyxl load + save  {sync['bare_openpyxl_load_save_ms']:>8.1f} ms")
    print(f"  sync (update the row)      {sync['sync_ms']:>8.1f} ms")
    print(f"  sync (a new row)           {sync['sync_new_row_ms']:>8.1f} ms")
    verdict = "goal met" if result["sync_goal_met"] else "ABOVE THE GOAL"
    print(f"  ratio sync/bare  {sync['ratio']:.2f}x   (goal at most {SYNC_GOAL_RATIO}x: {verdict})")
    RESULT_FILE.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
    print(f"  written to {RESULT_FILE.relative_to(BENCH_DIR.parent)}")
    met = ("month_summary_goal_met", "month_switch_goal_met", "sync_goal_met")
    if args.check and not all(result[key] for key in met):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

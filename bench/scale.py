"""The scale series: the same figures on demo units of 60, 150 and 300 staff over five years.

The users who outgrow the 60-staff figures run big hemtjänst areas, so each figure is measured
on three units made by `enhetschef demo` (cached in bench/.cache/ like the other benches' unit)
and printed with its growth from the smallest to the largest. Five times the staff is five times
the data; a figure that grows more than that (goal: at most 5x) does not scale with the data.

The measurements are the other benches' own functions, with fewer runs each (`--runs`, default
3): start-up to a shown and a filled window (bench/run.py), the schedule import, week switch
and check-schedule (bench/schedule.py), the month summary (bench/month.py) and the omtanke scan
(bench/omtanke.py). The result is written to bench/.cache/scale-result.json.

Run with `.venv/bin/python bench/scale.py [--staff 60,150,300] [--runs 3]`. Making the 300-staff
unit the first time takes some minutes.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR.parent))
sys.path.insert(0, str(BENCH_DIR))

import month as month_bench  # noqa: E402
import omtanke as omtanke_bench  # noqa: E402
import run as startup_bench  # noqa: E402
import schedule as schedule_bench  # noqa: E402

RESULT_FILE = startup_bench.CACHE / "scale-result.json"
GROWTH_GOAL = 5.0

# What is printed for each unit: a name, how it is read from the unit's measurements, a unit.
FIGURES: tuple[tuple[str, Callable[[dict[str, Any]], float], str], ...] = (
    ("fönstret visas / tomt fönster", lambda m: m["shown_ratio"], "x"),
    ("Översikt ifylld / tomt fönster", lambda m: m["filled_ratio"], "x"),
    ("minne efter start", lambda m: m["rss_mb"], "MB"),
    ("schemaimport 12 veckor", lambda m: m["import"]["reimport_ms"], "ms"),
    ("schemaimport / ren läsning", lambda m: m["import"]["reimport_ratio"], "x"),
    ("veckobyte i schemat", lambda m: m["week_grid"]["switch_ms"], "ms"),
    ("check-schedule ett år", lambda m: m["rest"]["service_ms"], "ms"),
    ("reglerna ensamma ett år", lambda m: m["rest"]["domain_ms"], "ms"),
    ("månadssammanställning", lambda m: m["month_summary"], "ms"),
    ("omtankeskanning", lambda m: m["omtanke_ms"], "ms"),
)


def measure_unit(staff: int, runs: int) -> dict[str, Any]:
    args = startup_bench.parse_args(["--staff", str(staff), "--runs", str(max(runs, 2))])
    generation = startup_bench.demo_database(args)
    database = Path(generation.database)
    found: dict[str, Any] = {"staff": staff, "summary": generation.summary}
    with tempfile.TemporaryDirectory(prefix="enhetschef-scale-") as folder:
        work = Path(folder)
        os.environ["ENHETSCHEF_DATA_DIR"] = str(work / "data")
        os.environ["ENHETSCHEF_LOG_DIR"] = str(work / "log")
        copy = work / "bench.sqlite3"
        shutil.copyfile(database, copy)
        print(f"  {staff} anställda: start …", flush=True)
        series = startup_bench.measure(args, copy)
        bare, app = series["bare window"].as_dict(), series["app"].as_dict()
        found["shown_ratio"] = app["median_s"] / bare["median_s"]
        found["filled_ratio"] = app["ready_median_s"] / bare["median_s"]
        found["rss_mb"] = app["rss_kb_median"] / 1024
        print(f"  {staff} anställda: schema …", flush=True)
        found["import"] = schedule_bench.bench_import(database, work, runs)
        found["week_grid"] = schedule_bench.bench_week_grid(database, work, runs)
        found["rest"] = schedule_bench.bench_rest_checks(database, work, runs)
        print(f"  {staff} anställda: månad och omtanke …", flush=True)
        summary = month_bench.summary_bench(database, runs)
        found["month_summary"] = summary["whole summary"]["median_ms"]
        found["omtanke_ms"] = omtanke_bench.bench(database, work, runs)["scan_ms"]
    return found


def table(units: list[dict[str, Any]]) -> list[str]:
    sizes = [unit["staff"] for unit in units]
    head = "".join(f"{f'{size} anst.':>12}" for size in sizes)
    lines = [f"  {'mått':34}{head}{'tillväxt':>10}  mål ≤ {GROWTH_GOAL:.0f}x"]
    for name, read, unit_name in FIGURES:
        values = [read(unit) for unit in units]
        cells = "".join(
            f"{value:>10.2f}x " if unit_name == "x" else f"{value:>8.0f} {unit_name:<3}"
            for value in values
        )
        growth = values[-1] / values[0] if values[0] else float("inf")
        verdict = "nått" if growth <= GROWTH_GOAL else "INTE NÅTT"
        lines.append(f"  {name:34}{cells}{growth:>9.2f}x  {verdict}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--staff", default="60,150,300", help="enheternas storlek, kommaskilda")
    parser.add_argument("--runs", type=int, default=3, help="mätningar av varje (median)")
    args = parser.parse_args(argv)
    try:
        sizes = sorted({int(part) for part in args.staff.split(",")})
    except ValueError:
        parser.error("--staff: heltal med komma emellan, t.ex. 60,150,300")
    if len(sizes) < 2 or sizes[0] < 1:
        parser.error("--staff: minst två storlekar")
    print(f"Skalserien: {', '.join(map(str, sizes))} anställda, fem år", flush=True)
    units = [measure_unit(size, args.runs) for size in sizes]
    print()
    print("\n".join(table(units)))
    RESULT_FILE.parent.mkdir(parents=True, exist_ok=True)
    RESULT_FILE.write_text(json.dumps(units, ensure_ascii=False, indent=2) + "\n")
    print(f"  sparat i {RESULT_FILE.relative_to(BENCH_DIR.parent)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

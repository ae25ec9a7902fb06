"""Förvaltning benchmark: every unit's month summary side by side (`management_overview`), the
call behind `enhetschef overview` and the VC's page Förvaltning.

A database of 40 demo units × 60 staff (each unit its own seed, 60 weeks ending with the
measured month) is made once with the demo generator and cached in bench/.cache/. Then the
overview of the last whole month is timed in this process after one warm-up call: every run's
seconds, the median and the best, and the same per unit. `--trend` times the 12-month trend of
every unit too.

    python bench/overview.py [--units 40] [--staff 60] [--weeks 60] [--runs 5] [--trend]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
# The checkout's own package, also when the environment's editable install is another one's.
sys.path.insert(0, str(BENCH_DIR.parent))
CACHE = BENCH_DIR / ".cache"
END = date(2026, 11, 30)  # a fixed period: the same data every time


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=40)
    parser.add_argument("--staff", type=int, default=60)
    parser.add_argument("--weeks", type=int, default=60)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=5, help="timed runs")
    parser.add_argument("--trend", action="store_true", help="time the 12-month trend too")
    parser.add_argument("--fresh", action="store_true", help="make the database anew")
    return parser.parse_args(argv)


def database(args: argparse.Namespace) -> Path:
    """The cached database of `units` demo units; units missing from it are added."""
    from enhetschef_app.demo.plan import DemoSpec
    from enhetschef_app.demo.unit import generate_demo_unit
    from enhetschef_app.services.core.workspace import list_units, open_workspace

    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"overview-{args.units}x{args.staff}-w{args.weeks}-s{args.seed}.sqlite3"
    if args.fresh:
        for old in CACHE.glob(path.name + "*"):
            old.unlink()
    workspace = open_workspace(path, choose_unit=False)
    try:
        have = {unit.code for unit in list_units(workspace)}
        for number in range(1, args.units + 1):
            code = f"ENH{number:02d}"
            if code in have:
                continue
            began = time.perf_counter()
            spec = DemoSpec(
                staff=args.staff,
                weeks=args.weeks,
                end=END,
                seed=args.seed + number,
                unit_code=code,
                today=END + timedelta(days=1),
            )
            generate_demo_unit(workspace, spec)
            print(f"made {code} in {time.perf_counter() - began:.1f} s", flush=True)
    finally:
        workspace.close()
    return path


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    path = database(args)
    from enhetschef_app.domain.year_month import YearMonth
    from enhetschef_app.services.core.workspace import open_workspace
    from enhetschef_app.services.month.management import management_overview, management_trend

    month = YearMonth(END.year, END.month)
    workspace = open_workspace(path, choose_unit=False)
    try:
        management_overview(workspace, month)  # warm-up: imports, caches, the file in memory
        seconds: list[float] = []
        for _ in range(args.runs):
            began = time.perf_counter()
            overview = management_overview(workspace, month)
            seconds.append(time.perf_counter() - began)
        units = len(overview.units)
        median = statistics.median(seconds)
        print(
            f"overview {month.label}: {units} units x {args.staff} staff, "
            f"median {median:.2f} s, best {min(seconds):.2f} s "
            f"({median / units * 1000:.0f} ms per unit); runs: "
            + ", ".join(f"{s:.2f}" for s in seconds)
        )
        if args.trend:
            began = time.perf_counter()
            trend = management_trend(workspace, month)
            took = time.perf_counter() - began
            print(f"12-month trend of {len(trend.units)} units: {took:.2f} s")
    finally:
        workspace.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Import benchmark: each import on 50 000 rows against the bare read of the same file.

For the staff list, the schedule and the absences a file of `--rows` rows (50 000 by default)
is written once into `bench/.cache/imports/`, as .xlsx and as .csv (semicolons, UTF-8). Each is
imported with the service the window and the CLI call, into a fresh database (the staff file
into an empty one, the others after a small staff list of their people), and the time is set
against reading the same file bare with pandas: `pd.read_excel(path, engine="calamine",
dtype=str)` and `pd.read_csv(path, sep=";", dtype=str)`. Goal: at most 1.5 times the bare read.

The absence file has 8 people with one-day spells, so a person has 6 250 records: the case that
was quadratic. `--rows 5000` and `--rows 50000` side by side show whether the time grows with
the rows alone (linear) or faster.

Runs are interleaved and the median is reported. Run with `make bench` or
`.venv/bin/python bench/imports.py [--rows 50000] [--runs 3] [--format xlsx|csv|both]`.
"""

from __future__ import annotations

import argparse
import csv
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR.parent))

CACHE = BENCH_DIR / ".cache" / "imports"
RESULT_FILE = BENCH_DIR / ".cache" / "imports-result.json"
GOAL = 1.5
SCHEDULE_PEOPLE = 100
ABSENCE_PEOPLE = 8

STAFF_HEADER = ["Anställningsnr", "Namn", "Anställningsform", "Sysselsättningsgrad (%)"]
SCHEDULE_HEADER = ["Anställningsnr", "Namn", "Datum", "Start", "Slut", "Rast (min)", "Passkod"]
ABSENCE_HEADER = ["Anställningsnr", "Frånvarotyp", "Från", "Till", "Omfattning (%)"]
SHIFTS = (
    ("07:00", "15:30", "30", "D"),
    ("13:30", "21:30", "30", "K"),
    ("21:00", "07:00", "0", "N"),
)


def staff_rows(count: int) -> list[list[str]]:
    return [[f"{10000 + i}", f"Person {i}", "Tillsvidare", "75"] for i in range(count)]


def schedule_rows(count: int) -> list[list[str]]:
    start = date(2025, 1, 6)
    rows = []
    for i in range(count):
        person = i % SCHEDULE_PEOPLE
        day = start + timedelta(days=i // SCHEDULE_PEOPLE)
        begin, end, rast, code = SHIFTS[person % len(SHIFTS)]
        rows.append(
            [f"{10000 + person}", f"Person {person}", day.isoformat(), begin, end, rast, code]
        )
    return rows


def absence_rows(count: int) -> list[list[str]]:
    start = date(1960, 1, 4)
    rows = []
    for i in range(count):
        person = i % ABSENCE_PEOPLE
        day = start + timedelta(days=2 * (i // ABSENCE_PEOPLE))
        kind = "Sjuk" if i % 3 else "VAB"
        rows.append([f"{10000 + person}", kind, day.isoformat(), day.isoformat(), "100"])
    return rows


KINDS: dict[str, tuple[list[str], Callable[[int], list[list[str]]]]] = {
    "staff": (STAFF_HEADER, staff_rows),
    "schedule": (SCHEDULE_HEADER, schedule_rows),
    "absences": (ABSENCE_HEADER, absence_rows),
}


def write_files(kind: str, count: int) -> dict[str, Path]:
    header, make = KINDS[kind]
    CACHE.mkdir(parents=True, exist_ok=True)
    paths = {
        "csv": CACHE / f"{kind}-{count}.csv",
        "xlsx": CACHE / f"{kind}-{count}.xlsx",
    }
    if all(p.exists() for p in paths.values()):
        return paths
    rows = make(count)
    with paths["csv"].open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, delimiter=";")
        writer.writerow(header)
        writer.writerows(rows)
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Blad1")
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    book.save(paths["xlsx"])
    return paths


def bare_read(path: Path) -> None:
    import pandas as pd

    if path.suffix == ".csv":
        pd.read_csv(path, sep=";", dtype=str, encoding="utf-8")
    else:
        pd.read_excel(path, engine="calamine", dtype=str)


def fresh_workspace(folder: Path, people: int) -> Any:
    """A new database with unit BENCH and, when `people`, a staff list of that many."""
    from enhetschef_app.services.core.workspace import ensure_unit, open_workspace
    from enhetschef_app.services.staff.imports import import_staff

    workspace = open_workspace(folder / "bench.sqlite3")
    workspace = workspace.with_unit(ensure_unit(workspace, "BENCH"))
    if people:
        staff = folder / "personal.csv"
        with staff.open("w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out, delimiter=";")
            writer.writerow(STAFF_HEADER)
            writer.writerows(staff_rows(people))
        import_staff(workspace, staff)
    return workspace


def import_once(kind: str, path: Path) -> float:
    """Seconds for one import of `path` into a fresh database (set-up not counted)."""
    from enhetschef_app.services.absence.imports import import_absences
    from enhetschef_app.services.schedule.imports import import_schedule
    from enhetschef_app.services.staff.imports import import_staff

    people = {"staff": 0, "schedule": SCHEDULE_PEOPLE, "absences": ABSENCE_PEOPLE}[kind]
    with tempfile.TemporaryDirectory(prefix="enhetschef-bench-") as folder:
        workspace = fresh_workspace(Path(folder), people)
        try:
            began = time.perf_counter()
            if kind == "staff":
                import_staff(workspace, path)
            elif kind == "schedule":
                import_schedule(workspace, path)
            else:
                import_absences(workspace, path)
            return time.perf_counter() - began
        finally:
            workspace.close()


def _import_modules() -> None:
    import enhetschef_app.services.absence.imports
    import enhetschef_app.services.schedule.imports
    import enhetschef_app.services.staff.imports  # noqa: F401


def bench(kind: str, fmt: str, count: int, runs: int) -> dict[str, Any]:
    path = write_files(kind, count)[fmt]
    # Neither side pays for its first import of pandas, calamine or the program's modules.
    bare_read(path)
    _import_modules()
    imports: list[float] = []
    reads: list[float] = []
    for _ in range(runs):
        began = time.perf_counter()
        bare_read(path)
        reads.append(time.perf_counter() - began)
        imports.append(import_once(kind, path))
    read = statistics.median(reads)
    imported = statistics.median(imports)
    return {
        "kind": kind,
        "format": fmt,
        "rows": count,
        "bare_read_s": round(read, 3),
        "import_s": round(imported, 3),
        "ratio": round(imported / read, 2),
        "per_row_us": round(imported / count * 1e6, 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--format", choices=("xlsx", "csv", "both"), default="both")
    parser.add_argument("--kind", choices=(*KINDS, "all"), default="all")
    args = parser.parse_args()
    formats = ("xlsx", "csv") if args.format == "both" else (args.format,)
    kinds = tuple(KINDS) if args.kind == "all" else (args.kind,)
    results = []
    print(f"Imports of {args.rows} rows, median of {args.runs} (goal at most {GOAL}x bare read)")
    print(
        f"  {'import':10} {'format':6} {'bare read':>10} {'import':>9} {'ratio':>7} {'µs/row':>8}"
    )
    for kind in kinds:
        for fmt in formats:
            result = bench(kind, fmt, args.rows, args.runs)
            results.append(result)
            verdict = "" if result["ratio"] <= GOAL else "  ABOVE THE GOAL"
            print(
                f"  {kind:10} {fmt:6} {result['bare_read_s']:>9.3f}s {result['import_s']:>8.3f}s "
                f"{result['ratio']:>6.2f}x {result['per_row_us']:>8.1f}{verdict}"
            )
    RESULT_FILE.parent.mkdir(parents=True, exist_ok=True)
    RESULT_FILE.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

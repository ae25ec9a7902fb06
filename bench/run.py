"""Start-up benchmark: how long from process start until the main window is shown.

1. Makes (or reuses from bench/.cache/) a large demo database: 60 staff, 260 weeks, and reports
   how long `enhetschef demo` took to make it.
2. Starts a bare PySide6 window (bench/bare_window.py) and the app on that database
   (`python -m enhetschef_app --db ... gui` with ENHETSCHEF_BENCH_STARTUP=1) in turns, several
   times each. Both print `BENCH shown_wall=<time.time()> rss_kb=<int> pandas_loaded=<0|1>` one
   event-loop turn after the window is shown, and exit. The start-up time is shown_wall minus
   time.time() taken in this process just before Popen.
3. Prints medians, the ratio app/bare (goal: at most 1.5) and writes
   bench/.cache/startup-result.json.

Run it with `make bench`; see bench/README.md for how to read the figures.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
REPO = BENCH_DIR.parent
CACHE = BENCH_DIR / ".cache"
RESULT_FILE = CACHE / "startup-result.json"
GOAL_RATIO = 1.5
APP_BENCH_ENV = "ENHETSCHEF_BENCH_STARTUP"

# The generator's code and the schema: a change to either makes a new cached database.
CACHE_INPUTS = (
    "enhetschef_app/services/demo_*.py",
    "enhetschef_app/storage/models*.py",
    "db/versions/*.py",
)


def month_end(day: date) -> date:
    first_next = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return date.fromordinal(first_next.toordinal() - 1)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--staff", type=int, default=60)
    parser.add_argument("--weeks", type=int, default=260)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--end",
        type=date.fromisoformat,
        default=month_end(date.today()),
        help="last day of the demo period (default: end of this month, as `demo` does)",
    )
    parser.add_argument("--runs", type=int, default=7, help="runs of each, the first a warm-up")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per start")
    parser.add_argument("--fresh", action="store_true", help="make the database anew")
    parser.add_argument("--bare-only", action="store_true", help="measure the bare window only")
    parser.add_argument(
        "--check", action="store_true", help="exit 1 when the ratio is above the goal"
    )
    args = parser.parse_args(argv)
    if args.runs < 2:
        parser.error("--runs must be at least 2 (the first run is a warm-up)")
    return args


# -- the cached demo database ------------------------------------------------------------------


def cache_key(args: argparse.Namespace) -> str:
    digest = hashlib.sha256()
    digest.update(f"{args.staff}|{args.weeks}|{args.seed}|{args.end.isoformat()}".encode())
    for pattern in CACHE_INPUTS:
        for path in sorted(REPO.glob(pattern)):
            digest.update(path.relative_to(REPO).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def private_env(**extra: str) -> dict[str, str]:
    """The environment for a child: no real user data, settings or logs are touched."""
    home = CACHE / "userdirs"
    env = dict(os.environ)
    # An installed program runs from bytecode (pip compiles it); with this variable set, as it
    # is on our machines, every start would compile the whole package from source instead.
    # The warm-up run writes the bytecode and is not counted.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update(
        ENHETSCHEF_DATA_DIR=str(home / "data"),
        ENHETSCHEF_LOG_DIR=str(home / "log"),
        XDG_CONFIG_HOME=str(home / "config"),
    )
    if not env.get("DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    env.pop(APP_BENCH_ENV, None)
    env.update(extra)
    return env


@dataclass
class Generation:
    database: str
    seconds: float
    cached: bool
    made_at: str
    summary: str


def demo_database(args: argparse.Namespace) -> Generation:
    key = cache_key(args)
    size = f"demo-{args.staff}x{args.weeks}"
    database = CACHE / f"{size}-{key}.sqlite3"
    record = CACHE / f"{size}-{key}.json"
    if database.exists() and record.exists() and not args.fresh:
        saved = json.loads(record.read_text(encoding="utf-8"))
        return Generation(str(database), saved["seconds"], True, saved["made_at"], saved["summary"])

    CACHE.mkdir(parents=True, exist_ok=True)
    # One cached database per size (they are large; the scale series keeps three sizes), and
    # none of the older naming without a size.
    for old in CACHE.glob("demo-*"):
        if old.name.startswith(f"{size}-") or re.fullmatch(r"demo-[0-9a-f]{16}\..*", old.name):
            old.unlink()
    partial = CACHE / f"making-{key}.sqlite3"
    for leftover in CACHE.glob(partial.name + "*"):
        leftover.unlink()
    command = [
        sys.executable, "-m", "enhetschef_app", "--db", str(partial), "demo",
        "--staff", str(args.staff), "--weeks", str(args.weeks),
        "--seed", str(args.seed), "--end", args.end.isoformat(),
    ]  # fmt: skip
    print(f"Making the demo database ({args.staff} staff, {args.weeks} weeks)…", flush=True)
    began = time.perf_counter()
    done = subprocess.run(
        command, capture_output=True, text=True, env=private_env(), cwd=REPO, check=False
    )
    seconds = time.perf_counter() - began
    if done.returncode != 0:
        raise SystemExit(f"enhetschef demo failed ({done.returncode}):\n{done.stderr}")
    for suffix in ("-wal", "-shm"):  # SQLite removes them on a clean close; be sure
        Path(f"{partial}{suffix}").unlink(missing_ok=True)
    partial.rename(database)
    made_at = datetime.now().isoformat(timespec="seconds")
    generation = Generation(str(database), seconds, False, made_at, done.stdout.strip())
    record.write_text(json.dumps(asdict(generation), ensure_ascii=False, indent=2) + "\n")
    return generation


# -- start-up runs ------------------------------------------------------------------------------


class BenchError(Exception):
    pass


@dataclass
class Sample:
    seconds: float
    rss_kb: int
    pandas_loaded: bool
    ready_seconds: float  # until the pages are filled (the bare window has nothing to fill)


def start_once(command: list[str], env: dict[str, str], timeout: float) -> Sample:
    began = time.time()  # the contract: wall clock in both processes
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=REPO
    )
    try:
        out, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        raise BenchError(f"no exit within {timeout:.0f} s: {' '.join(command)}") from None
    lines = [line for line in out.splitlines() if line.startswith("BENCH ")]
    if process.returncode != 0 or len(lines) != 1:
        tail = "\n".join((err or out).strip().splitlines()[-15:])
        raise BenchError(
            f"exit code {process.returncode}, {len(lines)} BENCH lines from "
            f"{' '.join(command)}\n{tail}"
        )
    fields = dict(part.split("=", 1) for part in lines[0].split()[1:])
    try:
        shown = float(fields["shown_wall"]) - began
        return Sample(
            seconds=shown,
            rss_kb=int(fields["rss_kb"]),
            pandas_loaded=fields["pandas_loaded"] == "1",
            ready_seconds=float(fields.get("ready_wall", fields["shown_wall"])) - began,
        )
    except (KeyError, ValueError) as exc:
        raise BenchError(f"unreadable BENCH line: {lines[0]!r}") from exc


@dataclass
class Series:
    name: str
    samples: list[Sample] = field(default_factory=list)  # the warm-up run is not kept

    @property
    def median(self) -> float:
        return statistics.median(s.seconds for s in self.samples)

    def as_dict(self) -> dict[str, Any]:
        seconds = [s.seconds for s in self.samples]
        return {
            "median_s": round(self.median, 4),
            "min_s": round(min(seconds), 4),
            "max_s": round(max(seconds), 4),
            "samples_s": [round(s, 4) for s in seconds],
            "ready_median_s": round(statistics.median(s.ready_seconds for s in self.samples), 4),
            "rss_kb_median": int(statistics.median(s.rss_kb for s in self.samples)),
            "pandas_loaded": any(s.pandas_loaded for s in self.samples),
        }


def measure(args: argparse.Namespace, database: Path | None) -> dict[str, Series]:
    commands: dict[str, tuple[list[str], dict[str, str]]] = {
        "bare window": ([sys.executable, str(BENCH_DIR / "bare_window.py")], private_env()),
    }
    if database is not None:
        commands["app"] = (
            [sys.executable, "-m", "enhetschef_app", "--db", str(database), "gui"],
            private_env(**{APP_BENCH_ENV: "1"}),
        )
    series = {name: Series(name) for name in commands}
    names = list(commands)
    for run in range(args.runs):
        # Alternate, and swap who goes first, so drift on the machine hits both alike.
        order = names if run % 2 == 0 else names[::-1]
        for name in order:
            command, env = commands[name]
            sample = start_once(command, env, args.timeout)
            if run > 0:
                series[name].samples.append(sample)
            print(f"  run {run + 1}/{args.runs} {name:<12} {sample.seconds:6.3f} s", flush=True)
    return series


# -- the report ---------------------------------------------------------------------------------


def report(
    args: argparse.Namespace, generation: Generation | None, series: dict[str, Series]
) -> dict[str, Any]:
    bare = series["bare window"]
    app = series.get("app")
    ratio = app.median / bare.median if app else None
    platform_name = "offscreen" if not os.environ.get("DISPLAY") else "xcb (DISPLAY set)"
    result: dict[str, Any] = {
        "measured_at": datetime.now().isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "machine": f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs",
        "qt_platform": platform_name,
        "runs_each": args.runs,
        "warm_up_runs_discarded": 1,
        "demo": {"staff": args.staff, "weeks": args.weeks, "seed": args.seed,
                 "end": args.end.isoformat()},
        "generation": asdict(generation) if generation else None,
        "bare_window": bare.as_dict(),
        "app": app.as_dict() if app else None,
        "ratio_app_over_bare": round(ratio, 3) if ratio is not None else None,
        "goal_ratio": GOAL_RATIO,
        "goal_met": ratio is not None and ratio <= GOAL_RATIO,
    }  # fmt: skip

    print()
    print("Enhetschef start-up benchmark")
    if generation:
        how = "cached, made" if generation.cached else "made"
        print(f"  demo database   {generation.database}")
        print(f"                  {generation.summary}")
        print(f"  generation      {generation.seconds:.1f} s ({how} {generation.made_at})")
    print(f"  platform        {platform_name}, Python {platform.python_version()}")
    print(f"  runs            {args.runs} of each, alternating; the first of each discarded")
    print()
    print(f"  {'':<14}{'shown':>9}{'min':>9}{'max':>9}{'filled':>9}{'RSS MB':>9}  pandas loaded")
    for item in series.values():
        row = item.as_dict()
        print(
            f"  {item.name:<14}{row['median_s']:>8.3f}s{row['min_s']:>8.3f}s{row['max_s']:>8.3f}s"
            f"{row['ready_median_s']:>8.3f}s"
            f"{row['rss_kb_median'] / 1024:>9.1f}  {'yes' if row['pandas_loaded'] else 'no'}"
        )
    print("  (shown: the window on screen; filled: the pages read from the open database)")
    print()
    if ratio is not None:
        verdict = "goal met" if ratio <= GOAL_RATIO else "ABOVE THE GOAL"
        print(f"  ratio app/bare  {ratio:.2f}x   (goal at most {GOAL_RATIO}x: {verdict})")
    else:
        print("  ratio app/bare  not measured (--bare-only)")
    CACHE.mkdir(parents=True, exist_ok=True)
    RESULT_FILE.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
    print(f"  written to      {RESULT_FILE.relative_to(REPO)}")
    return result


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    generation = None if args.bare_only else demo_database(args)
    work_copy: Path | None = None
    if generation is not None:
        # The app may write to its database (WAL, settings): it gets a copy, the cache stays.
        work_copy = CACHE / "run" / "bench.sqlite3"
        work_copy.parent.mkdir(parents=True, exist_ok=True)
        for old in work_copy.parent.glob(work_copy.name + "*"):
            old.unlink()
        shutil.copyfile(generation.database, work_copy)
    print(f"Measuring start-up ({args.runs} runs each)…", flush=True)
    try:
        series = measure(args, work_copy)
    except BenchError as exc:
        print(f"\nbenchmark failed: {exc}", file=sys.stderr)
        return 1
    result = report(args, generation, series)
    if args.check and not result["goal_met"]:
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

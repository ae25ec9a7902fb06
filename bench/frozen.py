"""The frozen program: bundle size, and start-up to a shown window against a bare window.

`make bench-frozen` (after `make dist`). On a copy of bench/run.py's cached demo database (60
staff, 260 weeks), three programs are started in turns, 7 times each, the first run of each a
warm-up that is not counted:

- **bare window**: bench/bare_window.py in the virtualenv's Python (the baseline of run.py);
- **frozen app**: dist/enhetschef/enhetschef with ENHETSCHEF_BENCH_STARTUP=1;
- **source app**: `python -m enhetschef_app` the same way, for comparison.

The ratio frozen/bare is the figure to compare with run.py's app/bare (goal at most 1.5x).
The bundle's size (its folder and the archive of `make dist`) is reported beside it, and all of
it is written to bench/.cache/frozen-result.json.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
REPO = BENCH_DIR.parent
sys.path.insert(0, str(BENCH_DIR))

import run as startup_bench  # noqa: E402  (bench/run.py: the cached database, the runs)

BUNDLE = REPO / "dist" / "enhetschef"
PROGRAM = BUNDLE / "enhetschef"
RESULT_FILE = startup_bench.CACHE / "frozen-result.json"


def folder_bytes(folder: Path) -> int:
    return sum(
        path.stat().st_size
        for path in folder.rglob("*")
        if path.is_file() and not path.is_symlink()
    )


def largest_parts(folder: Path, count: int = 8) -> list[tuple[str, int]]:
    """The biggest files and top-level folders of _internal/, to see where the size goes."""
    internal = folder / "_internal"
    sizes = {
        item.name: folder_bytes(item) if item.is_dir() else item.stat().st_size
        for item in internal.iterdir()
        if not item.is_symlink()
    }
    return sorted(sizes.items(), key=lambda pair: -pair[1])[:count]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="runs of each, the first a warm-up")
    parser.add_argument("--timeout", type=float, default=120.0)
    args = parser.parse_args(argv)
    if not PROGRAM.exists():
        print("dist/enhetschef/ saknas: kör `make dist` först.", file=sys.stderr)
        return 1

    demo_args = startup_bench.parse_args([])
    generation = startup_bench.demo_database(demo_args)
    work_copy = startup_bench.CACHE / "run" / "frozen.sqlite3"
    work_copy.parent.mkdir(parents=True, exist_ok=True)
    for old in work_copy.parent.glob(work_copy.name + "*"):
        old.unlink()
    work_copy.write_bytes(Path(generation.database).read_bytes())

    bench_env = startup_bench.private_env(**{startup_bench.APP_BENCH_ENV: "1"})
    frozen_env = dict(bench_env)
    frozen_env.pop("PYTHONPATH", None)
    commands: dict[str, tuple[list[str], dict[str, str]]] = {
        "bare window": (
            [sys.executable, str(BENCH_DIR / "bare_window.py")],
            startup_bench.private_env(),
        ),
        "frozen app": ([str(PROGRAM), "--db", str(work_copy), "gui"], frozen_env),
        "source app": (
            [sys.executable, "-m", "enhetschef_app", "--db", str(work_copy), "gui"],
            bench_env,
        ),
    }
    series = {name: startup_bench.Series(name) for name in commands}
    names = list(commands)
    print(f"Measuring start-up ({args.runs} runs each)…", flush=True)
    for run in range(args.runs):
        order = names[run % len(names) :] + names[: run % len(names)]
        for name in order:
            command, env = commands[name]
            try:
                sample = startup_bench.start_once(command, env, args.timeout)
            except startup_bench.BenchError as exc:
                print(f"\nbenchmark failed: {exc}", file=sys.stderr)
                return 1
            if run > 0:
                series[name].samples.append(sample)
            print(f"  run {run + 1}/{args.runs} {name:<12} {sample.seconds:6.3f} s", flush=True)

    bundle_bytes = folder_bytes(BUNDLE)
    archives = sorted((REPO / "dist").glob("enhetschef-*.tar.gz")) + sorted(
        (REPO / "dist").glob("enhetschef-*.zip")
    )
    bare = series["bare window"].median
    result: dict[str, Any] = {
        "measured_at": datetime.now().isoformat(timespec="seconds"),
        "machine": f"{platform.system()} {platform.machine()}",
        "bundle_bytes": bundle_bytes,
        "archive": {p.name: p.stat().st_size for p in archives},
        "largest_parts": dict(largest_parts(BUNDLE)),
        "runs_each": args.runs,
        **{name.replace(" ", "_"): item.as_dict() for name, item in series.items()},
        "ratio_frozen_over_bare": round(series["frozen app"].median / bare, 3),
        "ratio_source_over_bare": round(series["source app"].median / bare, 3),
        "goal_ratio": startup_bench.GOAL_RATIO,
    }
    build_record = REPO / "build" / "bundle-build.json"
    if build_record.exists():
        result["last_build"] = json.loads(build_record.read_text())

    print()
    print("Enhetschef, the frozen program")
    print(f"  bundle          {bundle_bytes / 2**20:.0f} MB in {BUNDLE.relative_to(REPO)}")
    for name, size in result["archive"].items():
        print(f"  archive         {size / 2**20:.0f} MB {name}")
    if "last_build" in result:
        print(f"  last build      {result['last_build']['seconds']:.0f} s")
    parts = ", ".join(f"{name} {size / 2**20:.0f} MB" for name, size in largest_parts(BUNDLE))
    print(f"  largest parts   {parts}")
    print()
    print(f"  {'':<14}{'shown':>9}{'min':>9}{'max':>9}{'filled':>9}{'RSS MB':>9}")
    for item in series.values():
        row = item.as_dict()
        print(
            f"  {item.name:<14}{row['median_s']:>8.3f}s{row['min_s']:>8.3f}s{row['max_s']:>8.3f}s"
            f"{row['ready_median_s']:>8.3f}s{row['rss_kb_median'] / 1024:>9.1f}"
        )
    print()
    print(f"  ratio frozen/bare  {result['ratio_frozen_over_bare']:.2f}x")
    print(f"  ratio source/bare  {result['ratio_source_over_bare']:.2f}x")
    print(f"  (goal of bench/run.py: at most {startup_bench.GOAL_RATIO}x)")
    RESULT_FILE.parent.mkdir(parents=True, exist_ok=True)
    RESULT_FILE.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
    print(f"  written to         {RESULT_FILE.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

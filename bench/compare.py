"""The figures of every bench in one table: each against its goal and against the previous run.

Each bench writes its own result file in bench/.cache/ (startup, schedule, month, omtanke,
imports, ui-stall). `bench/compare.py` reads them and prints, per figure, the value now, the
value of the previous record, the change, and the goal with its verdict. With `--record` (the
last step of `make bench`) the table is also kept: the old `last-result.json` becomes
`previous-result.json` and the new one is written, so the next run compares against this one.

A figure whose bench has not run is shown as "–" (not measured), never as met. A ratio is
measured against its baseline in the same run (see bench/README.md); milliseconds are for this
class of machine.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

CACHE = Path(__file__).resolve().parent / ".cache"
LAST = CACHE / "last-result.json"
PREVIOUS = CACHE / "previous-result.json"


@dataclass(frozen=True)
class Figure:
    name: str
    source: str  # the bench's result file in bench/.cache/
    read: Callable[[Any], float]
    unit: str  # "x" for a ratio, "ms", "MB"
    goal: float  # at most


def _import_ratio(kind: str) -> Callable[[Any], float]:
    def read(results: Any) -> float:
        return float(
            next(r["ratio"] for r in results if r["kind"] == kind and r["format"] == "xlsx")
        )

    return read


FIGURES = (
    Figure(
        "fönstret visas / tomt fönster",
        "startup-result.json",
        lambda r: r["app"]["median_s"] / r["bare_window"]["median_s"],
        "x",
        1.3,
    ),
    Figure(
        "Översikt ifylld / tomt fönster",
        "startup-result.json",
        lambda r: r["app"]["ready_median_s"] / r["bare_window"]["median_s"],
        "x",
        4.0,
    ),
    Figure(
        "minne efter start",
        "startup-result.json",
        lambda r: r["app"]["rss_kb_median"] / 1024,
        "MB",
        200.0,
    ),
    Figure(
        "schemaimport / ren läsning",
        "schedule-result.json",
        lambda r: r["import"]["reimport_ratio"],
        "x",
        1.5,
    ),
    Figure(
        "schemaimport i tom period / ren läsning",
        "schedule-result.json",
        lambda r: r["import"]["fresh_ratio"],
        "x",
        1.5,
    ),
    Figure(
        "check-schedule / reglerna ensamma",
        "schedule-result.json",
        lambda r: r["rest"]["service_ms"] / r["rest"]["domain_ms"],
        "x",
        2.0,
    ),
    Figure(
        "veckobyte i schemat",
        "schedule-result.json",
        lambda r: r["week_grid"]["switch_ms"],
        "ms",
        20.0,
    ),
    Figure(
        "månadssammanställning",
        "month-result.json",
        lambda r: r["month_summary"]["whole summary"]["median_ms"],
        "ms",
        40.0,
    ),
    Figure(
        "månadsbyte i Månadsrapport, tidigare klara",
        "month-result.json",
        lambda r: r["month_summary"]["month switch, months before klar"]["median_ms"],
        "ms",
        150.0,
    ),
    Figure(
        "månadsbyte i Månadsrapport, ingen klar",
        "month-result.json",
        lambda r: r["month_summary"]["month switch, no month klar"]["median_ms"],
        "ms",
        150.0,
    ),
    Figure(
        "synk / openpyxl läs+spara",
        "month-result.json",
        lambda r: r["sync"]["ratio"],
        "x",
        1.3,
    ),
    Figure(
        "omtankeskanning",
        "omtanke-result.json",
        lambda r: r["scan_ms"],
        "ms",
        100.0,
    ),
    Figure(
        "personalimport 50 000 rader / ren läsning",
        "imports-result.json",
        _import_ratio("staff"),
        "x",
        1.5,
    ),
    Figure(
        "schemaimport 50 000 rader / ren läsning",
        "imports-result.json",
        _import_ratio("schedule"),
        "x",
        1.5,
    ),
    Figure(
        "frånvaroimport 50 000 rader / ren läsning",
        "imports-result.json",
        _import_ratio("absences"),
        "x",
        1.5,
    ),
    Figure(
        "längsta stopp i UI-tråden",
        "ui-stall-result.json",
        lambda r: r["longest_ms"],
        "ms",
        100.0,
    ),
)


def current_figures(cache: Path = CACHE) -> dict[str, float | None]:
    """Each figure from its bench's result file; None where that bench has not run."""
    found: dict[str, float | None] = {}
    loaded: dict[str, Any] = {}
    for figure in FIGURES:
        path = cache / figure.source
        if figure.source not in loaded:
            try:
                loaded[figure.source] = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                loaded[figure.source] = None
        data = loaded[figure.source]
        try:
            found[figure.name] = None if data is None else round(float(figure.read(data)), 3)
        except (KeyError, TypeError, StopIteration, ZeroDivisionError):
            found[figure.name] = None
    return found


def _text(value: float | None, unit: str) -> str:
    if value is None:
        return "–"
    return f"{value:.2f}x" if unit == "x" else f"{value:.0f} {unit}"


def _verdict(value: float | None, goal: float) -> str:
    if value is None:
        return "ej mätt"
    return "nått" if value <= goal else "INTE NÅTT"


def table(now: dict[str, float | None], before: dict[str, float | None]) -> list[str]:
    lines = [f"  {'mått':44} {'nu':>10} {'förra':>10} {'ändring':>8}  mål"]
    for figure in FIGURES:
        value, old = now.get(figure.name), before.get(figure.name)
        change = f"{(value - old) / old * 100:+.0f} %" if value is not None and old else ""
        verdict = _verdict(value, figure.goal)
        goal = f"≤ {_text(figure.goal, figure.unit)}"
        lines.append(
            f"  {figure.name:44} {_text(value, figure.unit):>10} {_text(old, figure.unit):>10} "
            f"{change:>8}  {goal} {verdict}"
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--record", action="store_true", help="spara som senaste resultat")
    parser.add_argument("--cache", type=Path, default=CACHE, help="benchens resultatmapp")
    args = parser.parse_args(argv)
    cache: Path = args.cache
    last, previous = cache / LAST.name, cache / PREVIOUS.name
    now = current_figures(cache)
    before: dict[str, float | None] = {}
    if last.exists():
        before = json.loads(last.read_text(encoding="utf-8")).get("figures", {})
    print("\n".join(table(now, before)))
    if args.record:
        if last.exists():
            last.replace(previous)
        record = {"measured_at": datetime.now().isoformat(timespec="seconds"), "figures": now}
        last.write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"  sparat i {last}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

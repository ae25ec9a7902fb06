"""A förvaltning on one PostgreSQL server against the same units in one SQLite file: an EC's
Översikt filled in the window, and the throughput of eight ECs saving at once.

A PostgreSQL server of its own is started as the test suite starts it (tests/postgres_server.py:
`initdb` in a temporary folder, 127.0.0.1, a free port); the same `units` demo units (`staff`
staff, `weeks` weeks ending 2026-11-30) are made on it and in a SQLite file. Then:

1. Översikt filled: the window opened on ENH01 (on the server as ENH01's EC login, under
   row-level security), from opening the database until Översikt shows its data; each run a
   new window, the median of `--runs`.
2. Förvaltning shown: the window opened as the VC of every unit, from opening the database
   until the page Förvaltning shows the last month of all units (`--screenshot FIL.png` keeps
   a picture of the page at 1366×705).
3. Eight writers: `--writers` processes, each the EC of its own unit (on the server its own
   login), save new absences for `--seconds`; saves a second in all, and how many were refused
   as busy.

    python bench/server.py [--units 40] [--staff 60] [--weeks 6] [--runs 3] [--seconds 10]
                           [--screenshot FIL.png]

Not a test: the figures depend on the machine.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
REPO = BENCH_DIR.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))
END = date(2026, 11, 30)
FIRST_WRITE_DAY = date(2027, 1, 4)  # after the demo's period: new absences overlap nothing


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=40)
    parser.add_argument("--staff", type=int, default=60)
    parser.add_argument("--weeks", type=int, default=6)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--writers", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--screenshot", type=Path, help="spara en bild av sidan Förvaltning")
    return parser.parse_args(argv)


def unit_code(number: int) -> str:
    return f"ENH{number:02d}"


def make_units(location: str, args: argparse.Namespace) -> float:
    from enhetschef_app.demo.plan import DemoSpec
    from enhetschef_app.demo.unit import generate_demo_unit
    from enhetschef_app.services.core.workspace import open_workspace

    began = time.perf_counter()
    workspace = open_workspace(location, choose_unit=False)
    try:
        for number in range(1, args.units + 1):
            spec = DemoSpec(
                staff=args.staff,
                weeks=args.weeks,
                end=END,
                seed=number,
                unit_code=unit_code(number),
                today=END + timedelta(days=1),
            )
            generate_demo_unit(workspace, spec)
    finally:
        workspace.close()
    return time.perf_counter() - began


VC_LOGIN = "bench_vc"


def make_logins(server: Any, url: str, writers: int, units: int) -> list[str]:
    """An EC login per writer, each the EC of its own unit, and the VC of every unit; passwords
    go to the PGPASSFILE."""
    from enhetschef_app.cli import main as cli_main
    from enhetschef_app.services.core.access import grant_access
    from enhetschef_app.services.core.workspace import open_workspace

    if cli_main(["--db", url, "admin", "init"]) != 0:
        raise SystemExit("admin init misslyckades")
    logins = [f"bench_ec_{number:02d}" for number in range(1, writers + 1)]
    for login in logins:
        server.make_login(login)
    server.make_login(VC_LOGIN)
    owner = open_workspace(url, choose_unit=False)
    try:
        for number, login in enumerate(logins, start=1):
            grant_access(owner, login, [unit_code(number)], "ec")
        every = [unit_code(number) for number in range(1, units + 1)]
        grant_access(owner, VC_LOGIN, every, "vc")
    finally:
        owner.close()
    return logins


def overview_filled(location: str, runs: int) -> list[float]:
    """Seconds from opening the database until Översikt shows its data, each run a new window."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from enhetschef_app.app import prepare_application
    from enhetschef_app.services.core.workspace import open_for_window
    from enhetschef_app.ui.shell.context import AppContext
    from enhetschef_app.ui.shell.main_window import MainWindow

    app = QApplication.instance() or prepare_application()
    figures: list[float] = []
    with tempfile.TemporaryDirectory() as folder:
        settings = QSettings(str(Path(folder) / "ui.ini"), QSettings.Format.IniFormat)
        for _ in range(runs + 1):  # the first a warm-up
            began = time.perf_counter()
            workspace = open_for_window(location, unit_code(1), "")
            window = MainWindow(AppContext(workspace, settings, today=lambda: END))
            window.resize(1366, 705)
            window.show()
            page = window.current_page()
            while not page.loaded:
                app.processEvents()
                time.sleep(0.001)
            figures.append(time.perf_counter() - began)
            window.close()
            app.processEvents()
            workspace.close()
    return figures[1:]


def _write(job: tuple[str, str, float]) -> tuple[int, int]:
    """One writer: new absences for the unit's staff, one day after another, for `seconds`."""
    location, code, seconds = job
    from enhetschef_app.domain.absences import AbsenceDraft
    from enhetschef_app.domain.errors import BusyError
    from enhetschef_app.services.absence.absences import save_absence
    from enhetschef_app.services.core.workspace import open_workspace
    from enhetschef_app.services.staff.employees import list_employees

    workspace = open_workspace(location, code)
    people = [e.id for e in list_employees(workspace)]
    saved = busy = 0
    ends = time.perf_counter() + seconds
    number = 0
    while time.perf_counter() < ends:
        person = people[number % len(people)]
        day = FIRST_WRITE_DAY + timedelta(days=number // len(people))
        number += 1
        try:
            save_absence(workspace, AbsenceDraft(person, "sjuk", day, day, 100))
            saved += 1
        except BusyError:
            busy += 1
    workspace.close()
    return saved, busy


def writers(locations: list[str], seconds: float) -> tuple[float, int]:
    jobs = [(location, unit_code(n), seconds) for n, location in enumerate(locations, start=1)]
    with multiprocessing.get_context("spawn").Pool(len(jobs)) as pool:
        results = pool.map(_write, jobs)
    return sum(saved for saved, _ in results) / seconds, sum(busy for _, busy in results)


def management_shown(location: str, runs: int, screenshot: Path | None) -> list[float]:
    """Seconds from opening the database as the VC until Förvaltning shows every unit's month,
    each run a new window."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from enhetschef_app.app import prepare_application
    from enhetschef_app.services.core.workspace import open_for_window
    from enhetschef_app.ui.shell.context import AppContext
    from enhetschef_app.ui.shell.main_window import MainWindow

    app = QApplication.instance() or prepare_application()
    figures: list[float] = []
    with tempfile.TemporaryDirectory() as folder:
        settings = QSettings(str(Path(folder) / "ui.ini"), QSettings.Format.IniFormat)
        for run in range(runs + 1):  # the first a warm-up
            began = time.perf_counter()
            workspace = open_for_window(location, None, "")
            # The day after the period: the page opens on its last month.
            window = MainWindow(AppContext(workspace, settings, today=lambda: END + timedelta(1)))
            window.resize(1366, 705)
            window.show()
            window.open_page("forvaltning")
            page = window.current_page()
            while not page.loaded:
                app.processEvents()
                time.sleep(0.001)
            figures.append(time.perf_counter() - began)
            if screenshot is not None and run == runs:
                for _ in range(20):
                    app.processEvents()
                window.grab().save(str(screenshot))
            window.close()
            app.processEvents()
            workspace.close()
    return figures[1:]


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    from postgres_server import running_server

    with running_server() as server, tempfile.TemporaryDirectory() as folder:
        os.environ["PGPASSFILE"] = str(server.passfile)
        os.environ["ENHETSCHEF_DATA_DIR"] = folder
        os.environ["ENHETSCHEF_LOG_DIR"] = folder
        name = server.create_database()
        url = server.url(name)
        sqlite = str(Path(folder) / "forvaltning.sqlite3")
        made = {"PostgreSQL": make_units(url, args), "SQLite": make_units(sqlite, args)}
        logins = make_logins(server, url, args.writers, args.units)
        ec_url = server.url(name, user=logins[0])
        filled = {
            "PostgreSQL": overview_filled(ec_url, args.runs),
            "SQLite": overview_filled(sqlite, args.runs),
        }
        vc_url = server.url(name, user=VC_LOGIN)
        management = management_shown(vc_url, args.runs, args.screenshot)
        throughput = {
            "PostgreSQL": writers([server.url(name, user=login) for login in logins], args.seconds),
            "SQLite": writers([sqlite] * args.writers, args.seconds),
        }
    print(f"\n  {args.units} enheter × {args.staff} anställda, {args.weeks} veckor")
    print(f"  {'':34}{'PostgreSQL':>12}{'SQLite':>12}")
    print(f"  {'enheterna skapade (s)':34}" + "".join(f"{made[k]:12.1f}" for k in made))
    print(
        f"  {'Översikt ifylld, EC, median (s)':34}"
        + "".join(f"{statistics.median(filled[k]):12.2f}" for k in filled)
    )
    print(f"  {'Förvaltning visad, VC, median (s)':34}{statistics.median(management):12.2f}")
    print(
        f"  {f'{args.writers} skrivare, sparade/s':34}"
        + "".join(f"{throughput[k][0]:12.1f}" for k in throughput)
    )
    print(
        f"  {'  av dem upptagna (avvisade)':34}"
        + "".join(f"{throughput[k][1]:12d}" for k in throughput)
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The demo unit: deterministic, realistic, and written to a real database file.

The checks read the file back with sqlite3 directly, so they test what was stored, not what the
generator meant to store.
"""

from __future__ import annotations

import itertools
import json
import sqlite3
import subprocess
import sys
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from enhetschef_app.cli import main
from enhetschef_app.demo.unit import DemoSpec, generate_demo_unit
from enhetschef_app.domain.errors import UserError
from enhetschef_app.domain.settings_catalog import ABSENCE_KIND_CHOICES
from enhetschef_app.domain.staff import EndReason
from enhetschef_app.services.core.workspace import Workspace, open_workspace

END = date(2026, 11, 29)
# changed_at: the moment a record a form edits was last written (migration 0012).
TIMESTAMP_COLUMNS = {"created_at", "updated_at", "at", "changed_at"}


def generate(path: Path, **kwargs: object) -> str:
    spec = DemoSpec(**{"staff": 10, "weeks": 4, "end": END, "seed": 1, **kwargs})  # type: ignore[arg-type]  # DemoSpec checks the overrides itself
    workspace = open_workspace(path)
    try:
        return generate_demo_unit(workspace, spec).describe()
    finally:
        workspace.close()


def dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every table's rows, without the columns that hold the moment of writing."""
    conn = sqlite3.connect(path)
    try:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        found = {}
        for table in sorted(tables):
            columns = [
                r[1]
                for r in conn.execute(f"PRAGMA table_info({table})")
                if r[1] not in TIMESTAMP_COLUMNS
            ]
            listed = ", ".join(columns)
            found[table] = conn.execute(
                f"SELECT {listed} FROM {table} ORDER BY {listed}"
            ).fetchall()
        return found
    finally:
        conn.close()


@dataclass(frozen=True)
class Person:
    id: int
    employee_no: str
    name: str
    form: str
    grade: Decimal | None
    fulltime_minutes: int | None
    salary: int | None
    start: date | None
    end: date | None
    end_reason: str | None

    def employed_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Row:
    day: date
    start: time
    end: time
    code: str
    employee_id: int | None

    @property
    def begins(self) -> datetime:
        return datetime.combine(self.day, self.start)

    @property
    def ends(self) -> datetime:
        next_day = self.end <= self.start  # a shift that ends at or before it starts: next day
        return datetime.combine(self.day + timedelta(days=next_day), self.end)


@dataclass(frozen=True)
class Spell:
    employee_id: int
    kind: str
    start: date
    end: date | None
    extent: int


@dataclass
class Unit:
    staff: int
    weeks: int
    summary: str
    people: dict[int, Person]
    rows: list[Row]
    spells: list[Spell]
    needs: list[tuple[int, time, time, int]]
    shift_types: dict[str, tuple[str, time, time, int, str]]
    audit: list[tuple[str, str | None]]

    @property
    def start(self) -> date:
        return END - timedelta(days=7 * self.weeks - 1)

    def shifts_by_person(self) -> dict[int, list[Row]]:
        found: dict[int, list[Row]] = defaultdict(list)
        for row in self.rows:
            if row.employee_id is not None:
                found[row.employee_id].append(row)
        for rows in found.values():
            rows.sort(key=lambda r: r.begins)
        return found


def _day(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def load(path: Path, staff: int, weeks: int, summary: str) -> Unit:
    conn = sqlite3.connect(path)
    try:
        people = {
            r[0]: Person(
                r[0],
                r[1],
                r[2],
                r[3],
                None if r[4] is None else Decimal(r[4]),
                r[5],
                r[6],
                _day(r[7]),
                _day(r[8]),
                r[9],
            )
            for r in conn.execute(
                "SELECT id, employee_no, name, employment_form, grade_percent, "
                "fulltime_week_minutes, monthly_salary, start_date, end_date, end_reason "
                "FROM employees"
            )
        }
        rows = [
            Row(
                date.fromisoformat(r[0]),
                time.fromisoformat(r[1]),
                time.fromisoformat(r[2]),
                r[3],
                r[4],
            )
            for r in conn.execute(
                "SELECT work_date, start_time, end_time, shift_code, employee_id "
                "FROM schedule_rows WHERE source = 'demo'"
            )
        ]
        spells = [
            Spell(r[0], r[1], date.fromisoformat(r[2]), _day(r[3]), r[4])
            for r in conn.execute(
                "SELECT employee_id, kind, start_date, end_date, extent_percent FROM absences"
            )
        ]
        needs = [
            (r[0], time.fromisoformat(r[1]), time.fromisoformat(r[2]), r[3])
            for r in conn.execute(
                "SELECT weekday, band_start, band_end, staff_count FROM staffing_needs"
            )
        ]
        shift_types = {
            r[0]: (r[1], time.fromisoformat(r[2]), time.fromisoformat(r[3]), r[4], r[5])
            for r in conn.execute(
                "SELECT code, name, start_time, end_time, break_minutes, kind FROM shift_types"
            )
        }
        audit = list(conn.execute("SELECT action, after_json FROM audit_log ORDER BY id"))
    finally:
        conn.close()
    return Unit(staff, weeks, summary, people, rows, spells, needs, shift_types, audit)


@pytest.fixture(scope="module")
def unit(tmp_path_factory: pytest.TempPathFactory) -> Unit:
    """One moderate unit, a bit over a year, shared by the read-only checks below."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    summary = generate(path, staff=45, weeks=60, seed=3)
    return load(path, 45, 60, summary)


# -- determinism ---------------------------------------------------------------------------------


def test_same_arguments_give_the_same_data_and_another_seed_other_data(tmp_path: Path) -> None:
    first, second, other = (tmp_path / f"{n}.sqlite3" for n in ("a", "b", "c"))
    generate(first, staff=12, weeks=6, seed=7)
    generate(second, staff=12, weeks=6, seed=7)
    generate(other, staff=12, weeks=6, seed=8)

    a, b, c = dump(first), dump(second), dump(other)
    assert a == b
    assert len(a["schedule_rows"]) > 12 * 6 * 3  # the comparison was of real content
    assert a["employees"] != c["employees"]
    assert a["schedule_rows"] != c["schedule_rows"]


# -- the period, staff, shift types and need ------------------------------------------------------


def test_the_period_is_the_whole_weeks_that_end_at_end(unit: Unit) -> None:
    days = {row.day for row in unit.rows}
    assert min(days) == unit.start == date(2025, 10, 6)
    assert max(days) == END
    assert len(days) == 7 * unit.weeks
    assert unit.summary.startswith("Demoenheten DEMO skapad: 45 anställda")
    assert unit.summary.endswith(f"{unit.start.isoformat()}–{END.isoformat()}.")


def test_staff_is_a_realistic_mix_of_employment_forms(unit: Unit) -> None:
    at_end = [p for p in unit.people.values() if p.employed_on(END)]
    forms = defaultdict(list)
    for person in at_end:
        forms[person.form].append(person)
    assert len(at_end) == unit.staff
    assert 0.6 <= len(forms["tillsvidare"]) / unit.staff <= 0.8
    assert len(forms["visstid"]) >= 4 and len(forms["timavlonad"]) >= 4

    permanent_grades = [p.grade for p in forms["tillsvidare"]]
    assert all(g is not None and 75 <= g <= 100 for g in permanent_grades)
    assert permanent_grades.count(Decimal(100)) >= 3
    assert any(g is not None and g < 100 for g in permanent_grades)
    assert all(p.end is not None and p.end > END for p in forms["visstid"])
    assert all(p.grade is None and p.salary is None for p in forms["timavlonad"])

    for person in unit.people.values():
        if person.form != "timavlonad":
            assert person.salary is not None and 27_000 <= person.salary <= 36_000
        assert person.fulltime_minutes in {2295, 2060}
    assert sum(p.fulltime_minutes == 2060 for p in at_end) >= 2  # the night staff
    assert len({p.name for p in unit.people.values()}) == len(unit.people)
    assert len({p.employee_no for p in unit.people.values()}) == len(unit.people)
    assert len({p.name.split()[0] for p in unit.people.values()}) > 20


def test_leavers_have_end_dates_and_reasons_and_are_replaced(unit: Unit) -> None:
    leavers = [p for p in unit.people.values() if p.end is not None and p.end < END]
    assert leavers
    for person in leavers:
        assert unit.start <= person.end <= END  # type: ignore[operator]  # leavers have an end
        assert person.end_reason in {reason.value for reason in EndReason}
    day = unit.start
    while day <= END:  # a replacement starts the day after the leaver's last day
        assert sum(p.employed_on(day) for p in unit.people.values()) == unit.staff, day
        day += timedelta(days=7)


def test_shift_types_and_need_around_the_clock(unit: Unit) -> None:
    assert unit.shift_types == {
        "D": ("Dag", time(7), time(15, 30), 30, "dag"),
        "K": ("Kväll", time(13, 30), time(21, 30), 30, "kvall"),
        "N": ("Natt", time(21, 15), time(7, 15), 0, "natt"),
        "L": ("Långpass", time(7), time(19, 30), 45, "lang"),
        "R": ("Resurspass", time(8), time(16, 30), 30, "resurs"),
    }
    bands: defaultdict[int, dict[time, tuple[time, int]]] = defaultdict(dict)
    for weekday, start, end, count in unit.needs:
        bands[weekday][start] = (end, count)
    assert sorted(bands) == list(range(7))
    for weekday, day_bands in bands.items():
        # Three bands that join up to 24 hours: each ends where the next starts.
        starts = sorted(day_bands)
        ends = [day_bands[s][0] for s in starts]
        assert ends == [*starts[1:], starts[0]], weekday
    monday, sunday = bands[0], bands[6]
    assert monday[time(7)][1] > sunday[time(7)][1]  # more staff on weekday mornings
    assert monday[time(7)][1] > monday[time(21, 30)][1]  # than at night


# -- the schedule ---------------------------------------------------------------------------------


def test_every_band_of_every_day_has_the_rows_its_need_asks_for(unit: Unit) -> None:
    by_day: dict[date, list[Row]] = defaultdict(list)
    for row in unit.rows:
        by_day[row.day].append(row)
    for day, rows in by_day.items():
        for weekday, start, end, count in unit.needs:
            if weekday != day.weekday():
                continue
            band_start = datetime.combine(day, start)
            band_end = datetime.combine(day + timedelta(days=end <= start), end)
            middle = band_start + (band_end - band_start) / 2
            covering = [r for r in rows if r.begins <= middle < r.ends]
            assert len(covering) >= count, (day, start)


def test_vacant_rows_every_week_and_hourly_staff_fill_some(unit: Unit) -> None:
    vacant_weeks = {(r.day - unit.start).days // 7 for r in unit.rows if r.employee_id is None}
    assert vacant_weeks == set(range(unit.weeks))
    hourly = {p.id for p in unit.people.values() if p.form == "timavlonad"}
    filled_by_hourly = sum(1 for r in unit.rows if r.employee_id in hourly)
    assert 0.02 * len(unit.rows) < filled_by_hourly < 0.25 * len(unit.rows)
    vacant = sum(1 for r in unit.rows if r.employee_id is None)
    assert vacant < 0.1 * len(unit.rows)


def test_each_persons_hours_roughly_match_the_contract(unit: Unit) -> None:
    shifts = unit.shifts_by_person()
    checked = 0
    for person in unit.people.values():
        whole_period = person.employed_on(unit.start) and person.employed_on(END)
        if person.grade is None or not whole_period:
            continue
        worked = sum(
            (r.ends - r.begins).total_seconds() / 60 - unit.shift_types[r.code][3]
            for r in shifts[person.id]
        )
        contract = float(person.fulltime_minutes * person.grade / 100) * unit.weeks  # type: ignore[operator]  # scheduled staff have a grade
        assert 0.85 <= worked / contract <= 1.15, person.name
        codes = {r.code for r in shifts[person.id]}
        if person.fulltime_minutes == 2060:
            assert codes == {"N"}, person.name  # night staff work nights
        else:
            assert "N" not in codes, person.name
        checked += 1
    assert checked > 25


def _rests(unit: Unit) -> list[tuple[Row, Row, float]]:
    found = []
    for rows in unit.shifts_by_person().values():
        for before, after in itertools.pairwise(rows):
            found.append((before, after, (after.begins - before.ends).total_seconds() / 3600))
    return found


def test_rest_rules_are_mostly_kept_with_a_few_deliberate_breaches(unit: Unit) -> None:
    rests = _rests(unit)
    breaches = [(a, b, hours) for a, b, hours in rests if hours < 11]
    assert breaches
    assert len(breaches) < 0.01 * len(rests)
    assert all(hours >= 0 for _, _, hours in rests)  # never two shifts at once
    assert any(a.code == "K" and b.code == "D" and hours == 9.5 for a, b, hours in breaches)


def test_weekly_rest_is_kept_in_almost_every_calendar_week(unit: Unit) -> None:
    """36 free hours in a row in each Monday-to-Sunday week (veckovila, ATL 14 §)."""
    weeks = failing = 0
    for employee_id, rows in unit.shifts_by_person().items():
        person = unit.people[employee_id]
        for week in range(unit.weeks):
            first = unit.start + timedelta(days=7 * week)
            if not (person.employed_on(first) and person.employed_on(first + timedelta(days=6))):
                continue
            window_start = datetime.combine(first, time(0))
            window_end = window_start + timedelta(days=7)
            free_from, longest = window_start, timedelta(0)
            for row in rows:
                if row.ends <= window_start or row.begins >= window_end:
                    continue
                longest = max(longest, row.begins - free_from)
                free_from = max(free_from, row.ends)
            longest = max(longest, window_end - free_from)
            weeks += 1
            failing += longest < timedelta(hours=36)
    assert weeks > 1000
    assert failing < 0.03 * weeks


def test_someone_works_seven_days_in_a_row_but_most_have_free_weekends(unit: Unit) -> None:
    longest_runs = []
    free_weekends = []
    for rows in unit.shifts_by_person().values():
        days = sorted({r.day for r in rows})
        run = best = 1
        for before, after in itertools.pairwise(days):
            run = run + 1 if after - before == timedelta(days=1) else 1
            best = max(best, run)
        longest_runs.append(best)
        worked = set(days)
        saturdays = [d for d in days if d.weekday() == 5]
        if saturdays:
            span = (days[-1] - days[0]).days // 7 + 1
            free = sum(
                1
                for week in range(span)
                if (s := days[0] + timedelta(days=5 - days[0].weekday() + 7 * week)) not in worked
                and s + timedelta(days=1) not in worked
            )
            free_weekends.append(free / span)
    assert max(longest_runs) >= 7
    assert sum(run >= 7 for run in longest_runs) < len(longest_runs) / 3
    assert sorted(free_weekends)[len(free_weekends) // 2] >= 1 / 3


# -- absences --------------------------------------------------------------------------------------


def _sick_occasions(unit: Unit, employee_id: int, since: date) -> int:
    """Occasions as DOMAIN.md counts them: spells that touch, or have no shift between, join."""
    work_days = {r.day for r in unit.shifts_by_person()[employee_id]}
    spells = sorted(
        (s for s in unit.spells if s.employee_id == employee_id and s.kind == "sjuk"),
        key=lambda s: s.start,
    )
    occasions = 0
    previous_end: date | None = None
    for spell in spells:
        joined = previous_end is not None and not any(
            previous_end < d < spell.start for d in work_days
        )
        if not joined and spell.start >= since:
            occasions += 1
        previous_end = spell.end or END
    return occasions


def test_absences_are_realistic(unit: Unit) -> None:
    kinds = {kind for kind, _ in ABSENCE_KIND_CHOICES}
    assert {s.kind for s in unit.spells} <= kinds
    assert {"sjuk", "vab", "semester", "utbildning"} <= {s.kind for s in unit.spells}
    sick = [s for s in unit.spells if s.kind == "sjuk"]
    short = [s for s in sick if s.end is not None and (s.end - s.start).days < 7]
    long = [s for s in sick if (s.end or END) - s.start >= timedelta(days=19)]
    assert len(short) > 20
    assert len(long) >= 2
    open_spells = [s for s in unit.spells if s.end is None]
    assert len(open_spells) == 1 and open_spells[0].kind == "sjuk"
    assert any(s.extent == 50 for s in unit.spells)
    summer = [s for s in unit.spells if s.kind == "semester" and s.start.month in (6, 7, 8)]
    assert len(summer) > 25 and len({s.start for s in summer}) >= 3  # staggered
    edges = {unit.start, END} | {p.start for p in unit.people.values()}
    edges |= {p.end for p in unit.people.values() if p.end is not None}
    uncut = [s for s in summer if s.start not in edges and s.end not in edges]
    assert uncut and all((s.end - s.start).days + 1 in (21, 28) for s in uncut)  # type: ignore[operator]  # summer spells have an end


def test_absences_fit_the_period_and_employment_and_never_overlap(unit: Unit) -> None:
    by_person: dict[int, list[Spell]] = defaultdict(list)
    for spell in unit.spells:
        person = unit.people[spell.employee_id]
        assert unit.start <= spell.start and (spell.end is None or spell.end <= END)
        assert person.employed_on(spell.start) and person.employed_on(spell.end or END)
        by_person[spell.employee_id].append(spell)
    for spells in by_person.values():
        spells.sort(key=lambda s: s.start)
        for before, after in itertools.pairwise(spells):
            assert before.end is not None and before.end < after.start


def test_sick_occasions_vary_and_someone_is_due_for_an_omtankessamtal(unit: Unit) -> None:
    since = END - timedelta(days=364)
    counts = [
        _sick_occasions(unit, p.id, since) for p in unit.people.values() if p.employed_on(END)
    ]
    assert max(counts) >= 3
    assert 0 in counts


def test_one_audit_entry_tells_what_was_made(unit: Unit) -> None:
    made = [after for action, after in unit.audit if action == "skapa_demoenhet"]
    assert len(made) == 1
    after = json.loads(made[0] or "{}")
    assert after["seed"] == 3 and after["staff"] == 45 and after["schedule_rows"] == len(unit.rows)


# -- refusing, and the command line ---------------------------------------------------------------


def test_a_unit_with_employees_is_refused(workspace: Workspace) -> None:
    spec = DemoSpec(staff=6, weeks=2, end=END, seed=1, unit_code="HT-TEST")
    summary = generate_demo_unit(workspace, spec)
    assert summary.unit_code == "HT-TEST" and summary.staff == 6
    with pytest.raises(UserError, match=r"Enheten HT-TEST har redan \d+ anställda"):
        generate_demo_unit(workspace, spec)


def test_cli_demo_then_info_then_refusal(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(db_path), "demo", "--staff", "10", "--weeks", "3", "--seed", "4"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Demoenheten DEMO skapad: 10 anställda")

    assert main(["--db", str(db_path), "info", "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    (demo,) = info["units"]
    assert demo["code"] == "DEMO" and demo["headcount_total"] == 10  # default end: this month
    assert info["row_counts"]["schedule_rows"] > 10 * 3 * 3

    assert main(["--db", str(db_path), "demo", "--staff", "10", "--weeks", "3"]) == 2
    err = capsys.readouterr().err
    assert "Enheten DEMO har redan" in err and "välj en annan kod med --unit" in err
    assert "Traceback" not in err


@pytest.mark.slow
def test_the_installed_command_makes_a_demo_unit(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    command = Path(sys.executable).parent / "enhetschef"
    done = subprocess.run(
        [
            str(command),
            "--db",
            str(db_path),
            "demo",
            "--staff",
            "8",
            "--weeks",
            "2",
            "--unit",
            "PROV",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Demoenheten PROV skapad: 8 anställda")
    assert main(["--db", str(db_path), "info", "--json"]) == 0
    (prov,) = json.loads(capsys.readouterr().out)["units"]
    assert prov["code"] == "PROV" and prov["headcount_total"] == 8

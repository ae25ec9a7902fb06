"""Sambandscentral (issue 22 point 2) on a real PostgreSQL server: a login that is EC of A and B
gets the day's empty rows of both with the candidates of every unit (`follow-up --all-units`);
an EC of A only ranks B's staff through the restricted views; a cover the coordinator places
shows in A's dagsuppföljning as covered and in B's as the shift its person is lent to, each
seen by a login of that unit alone."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import date, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from coordination_server import DAY, EC_A, EC_AB, EC_B, TODAY, VC_B, make_coordination
from postgres_server import PostgresServer

from enhetschef_app.cli import main
from enhetschef_app.domain.actual_schedule import RowState
from enhetschef_app.domain.cover_candidates import CoverKind
from enhetschef_app.domain.errors import RuleViolation, UserError
from enhetschef_app.domain.overtime_requests import Verdict
from enhetschef_app.services.core.workspace import Workspace, open_workspace
from enhetschef_app.services.overtime.requests import (
    RequestDraft,
    decide_overtime,
    request_overtime,
)
from enhetschef_app.services.schedule.coordination import (
    coordinated_units,
    coordinator_day,
    is_coordinator_login,
    place_cover,
)
from enhetschef_app.services.schedule.follow_up import (
    cover_candidates,
    day_follow_up,
    record_cover,
)
from enhetschef_app.services.schedule.week import week_schedule
from enhetschef_app.storage.location import parse_location

ROW_KEYS = {"row_id", "date", "start", "end", "code", "state", "employee_no", "offerable"}
CANDIDATE_KEYS = {"employee_no", "name", "unit", "kind", "why", "notes"}


@pytest.fixture(scope="module")
def coordination(postgres_server: PostgresServer) -> Iterator[str]:
    name = make_coordination(postgres_server)
    yield name
    postgres_server.drop_database(name)


@pytest.fixture
def login(postgres_server: PostgresServer, coordination: str) -> Iterator[Callable[..., Workspace]]:
    opened: list[Workspace] = []

    def open_as(user: str | None, unit: str | None = None) -> Workspace:
        location = parse_location(postgres_server.url(coordination, user=user))
        workspace = open_workspace(location, unit, choose_unit=False)
        opened.append(workspace)
        return workspace

    yield open_as
    for workspace in opened:
        workspace.close()


def _json(capsys: pytest.CaptureFixture[str], argv: list[str]) -> Any:
    capsys.readouterr()
    assert main(argv) == 0
    return json.loads(capsys.readouterr().out)


def test_the_coordinator_gets_the_empty_rows_of_both_units_with_every_units_candidates(
    postgres_server: PostgresServer, coordination: str, capsys: pytest.CaptureFixture[str]
) -> None:
    url = postgres_server.url(coordination, user=EC_AB)
    found = _json(
        capsys, ["--db", url, "follow-up", "--all-units", "--date", DAY.isoformat(), "--json"]
    )
    assert found["date"] == DAY.isoformat()
    assert [(u["unit"], u["unit_name"]) for u in found["units"]] == [
        ("A", found["units"][0]["unit_name"]),
        ("B", found["units"][1]["unit_name"]),
    ]
    units_of_candidates: set[str] = set()
    for unit in found["units"]:
        assert unit["bands"], unit["unit"]
        assert unit["empty_rows"], f"no empty row in {unit['unit']} on {DAY}"
        # Each unit's rows are what its own follow-up shows, with the same keys.
        own = _json(
            capsys,
            ["--db", postgres_server.url(coordination), "--unit", unit["unit"], "follow-up",
             "--date", DAY.isoformat(), "--json"],
        )  # fmt: skip
        assert [r["row_id"] for r in unit["empty_rows"]] == [r["row_id"] for r in own["empty_rows"]]
        assert unit["bands"] == own["bands"]
        for row in unit["empty_rows"]:
            assert set(row) >= ROW_KEYS
            assert row["date"] == DAY.isoformat()
            for candidate in row["candidates"]:
                assert set(candidate) == CANDIDATE_KEYS
                units_of_candidates.add(candidate["unit"])
            same = next(r for r in own["empty_rows"] if r["row_id"] == row["row_id"])
            assert row["candidates"] == same["candidates"]
    assert units_of_candidates == {"A", "B"}


def test_a_login_with_no_unit_to_fill_exits_2(
    postgres_server: PostgresServer, coordination: str, tmp_path: Path
) -> None:
    argv = ["follow-up", "--all-units", "--date", DAY.isoformat(), "--json"]
    assert main(["--db", postgres_server.url(coordination, user=VC_B), *argv]) == 2
    empty = tmp_path / "tom.sqlite3"
    open_workspace(empty).close()  # a database without units
    assert main(["--db", str(empty), *argv]) == 2


def test_who_is_a_coordinator(login: Callable[..., Workspace]) -> None:
    assert is_coordinator_login(login(EC_AB))
    assert [u.code for u in coordinated_units(login(EC_AB))] == ["A", "B"]
    assert not is_coordinator_login(login(EC_A))
    assert not is_coordinator_login(login(VC_B))
    assert coordinated_units(login(VC_B)) == []
    assert [u.code for u in coordinated_units(login(None))] == ["A", "B"]  # the owner


def test_an_ec_of_a_only_ranks_bs_staff_through_the_views(
    login: Callable[..., Workspace],
) -> None:
    ec = login(EC_A, "A")
    owner = login(None, "A")  # reads every table: the ranking as it is on a file
    rows = day_follow_up(ec, DAY, today=TODAY).empty_today
    assert rows
    # One of B's candidates worked approved övertid late the evening before (not a cover):
    # worked time that breaks her dygnsvila before the row, seen through the views too.
    first = cover_candidates(owner, rows[0].row_id, today=TODAY)
    tired = next(
        c.candidate.person for c in first.candidates if c.candidate.person.unit_code == "B"
    )
    at_b = login(None, "B")
    draft = RequestDraft(
        tired.employee_no, DAY - timedelta(days=1), time(22), time(23, 30), "Larm på natten"
    )
    decide_overtime(at_b, request_overtime(at_b, draft).id, Verdict.APPROVED, "Behövdes")
    again = cover_candidates(owner, rows[0].row_id, today=TODAY)
    assert tired.key not in {c.candidate.person.key for c in again.candidates}
    assert tired.key in {e.person.key for e in again.excluded}
    from_b: set[int] = set()
    for line in rows:
        seen = cover_candidates(ec, line.row_id, today=TODAY)
        truth = cover_candidates(owner, line.row_id, today=TODAY)

        def ranked(found: Any) -> list[tuple[str, str, str]]:
            return [
                (c.candidate.person.employee_no, c.candidate.person.unit_code, c.candidate.kind)
                for c in found.candidates
            ]

        assert ranked(seen) == ranked(truth), line.describe()
        everyone = [c.candidate.person for c in seen.candidates] + [e.person for e in seen.excluded]
        assert {person.unit_code for person in everyone} == {"A", "B"}
        from_b |= {
            c.candidate.person.key for c in seen.candidates if c.candidate.person.unit_code == "B"
        }
        left_out = {(e.person.employee_no, e.reason) for e in seen.excluded}
        assert left_out == {(e.person.employee_no, e.reason) for e in truth.excluded}
    assert from_b  # B's staff are offered for A's rows


def test_an_ec_of_a_only_cannot_place_bs_person_as_overtime(
    login: Callable[..., Workspace],
) -> None:
    """Nobody could decide that övertid: A's EC does not see B's person, B's EC not A's
    request. A resurspass, mertid or timvikarie from B she may place."""
    ec = login(EC_A, "A")
    day = date(2026, 11, 16)  # a Monday when B's full-timers are offered as övertid
    found = None
    for line in day_follow_up(ec, day, today=day).empty_today:
        for view in cover_candidates(ec, line.row_id, today=day).candidates:
            candidate = view.candidate
            if candidate.person.unit_code == "B" and candidate.kind is CoverKind.OVERTIME:
                found = (line, candidate)
                break
        if found:
            break
    assert found is not None, "the demo day has a B candidate as övertid for an A row"
    line, candidate = found
    with pytest.raises(RuleViolation, match="du är inte enhetschef för B"):
        record_cover(ec, line.row_id, candidate.person.key, today=day)
    after = day_follow_up(ec, day, today=day).empty_today
    assert line.row_id in {row.row_id for row in after}  # nothing was written


def test_a_cover_placed_by_the_coordinator_shows_in_both_units(
    login: Callable[..., Workspace], postgres_server: PostgresServer, coordination: str
) -> None:
    coordinator = login(EC_AB)
    day = coordinator_day(coordinator, DAY, today=TODAY)
    a_day = next(u for u in day.units if u.unit.code == "A")
    line, candidate = next(
        (line, c.candidate)
        for line in a_day.follow_up.empty_today
        if line.row_id in a_day.candidates
        for c in a_day.candidates[line.row_id].candidates
        if c.candidate.person.unit_code == "B"
    )
    with pytest.raises(UserError, match="inte enhetschef för enheten C"):
        place_cover(coordinator, "C", line.row_id, candidate.person.key, today=TODAY)
    recorded = place_cover(coordinator, "A", line.row_id, candidate.person.key, today=TODAY)
    assert recorded.name == candidate.person.name
    with pytest.raises(RuleViolation):  # the row is taken now
        place_cover(coordinator, "A", line.row_id, candidate.person.key, today=TODAY)

    # A's EC alone: the row is covered, by B's person, named.
    a_follow = day_follow_up(login(EC_A, "A"), DAY, today=TODAY)
    covered = next(r for r in a_follow.week_rows if r.row_id == line.row_id)
    assert covered.state is RowState.COVERED
    assert (covered.cover_name, covered.cover_unit) == (candidate.person.name, "B")
    assert line.row_id not in {r.row_id for r in a_follow.empty_today}

    # B's EC alone: her person's shift in A, on the dagsuppföljning and in the week.
    ec_b = login(EC_B, "B")
    b_follow = day_follow_up(ec_b, DAY, today=TODAY)
    lent = [(x.row_id, x.name, x.unit_code) for x in b_follow.lent]
    assert lent == [(line.row_id, candidate.person.name, "A")]
    week = week_schedule(ec_b, DAY, actual=True)
    person = next(w for w in week.lines if w.employee_id == candidate.person.key)
    cell = person.cells[DAY.weekday()]
    assert [(s.row_id, s.time_text) for s in cell if s.row_id == line.row_id] == [
        (line.row_id, line.time_text)
    ]

    # The coordinator's page: the row has left A's empty rows, both units still listed.
    again = coordinator_day(coordinator, DAY, today=TODAY, with_candidates=False)
    assert line.row_id not in {r.line.row_id for r in again.empty_rows()}
    assert {r.unit.code for r in again.empty_rows()} == {"A", "B"}

    # Raw SQL as B's EC: the cover and its row, nothing else of A's.
    with postgres_server.connect(coordination) as owner:
        a_id = owner.execute("SELECT id FROM units WHERE code = 'A'").fetchone()[0]
        lent_rows = owner.execute(
            "SELECT count(*) FROM schedule_covers c JOIN employees e ON e.id = c.employee_id "
            "WHERE c.unit_id = %s AND e.unit_id <> c.unit_id",
            (a_id,),
        ).fetchone()[0]
    with postgres_server.connect(coordination, user=EC_B) as ec:

        def count(query: str) -> int:
            value: int = ec.execute(query, (a_id,)).fetchone()[0]
            return value

        assert count("SELECT count(*) FROM schedule_covers WHERE unit_id = %s") == lent_rows
        assert count("SELECT count(*) FROM schedule_rows WHERE unit_id = %s") == lent_rows
        assert count("SELECT count(*) FROM employees WHERE unit_id = %s") == 0
        assert (
            count(
                "SELECT count(*) FROM absences a WHERE a.employee_id IN "
                "(SELECT employee_id FROM schedule_rows WHERE unit_id = %s)"
            )
            == 0
        )
        columns = ec.execute("SELECT * FROM neighbour_unavailable LIMIT 0").description or []
        assert [c.name for c in columns] == ["employee_id", "start_date", "end_date"]


def test_on_a_file_every_unit_is_listed_and_the_text_names_each(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(tmp_path / "enheter.sqlite3")
    for seed, code in enumerate(("A", "B"), start=1):
        size = ["--staff", "6", "--weeks", "3", "--end", "2026-11-30", "--seed", str(seed)]
        assert main(["--db", path, "demo", "--unit", code, *size]) == 0
    argv = ["--db", path, "follow-up", "--all-units", "--date", DAY.isoformat()]
    found = _json(capsys, [*argv, "--json"])
    assert [u["unit"] for u in found["units"]] == ["A", "B"]
    capsys.readouterr()
    assert main(argv) == 0
    text = capsys.readouterr().out
    assert text.startswith(f"Sambandscentral {DAY.isoformat()} (v. 48)")
    assert "\nA " in text and "\nB " in text

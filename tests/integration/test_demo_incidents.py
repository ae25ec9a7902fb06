"""The demo unit's avvikelser: a year of reports in every track and state, obeying the workflow,
with actions and a timeline, the same for the same seed."""

from __future__ import annotations

import sqlite3
from collections import Counter
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from enhetschef_app.demo.unit import DemoSpec, generate_demo_unit
from enhetschef_app.domain.incidents import (
    STATE_ORDER,
    IncidentFacts,
    IncidentState,
    Track,
    missing_steps,
)
from enhetschef_app.services.core.workspace import open_workspace
from enhetschef_app.services.incidents.stats import incident_stats
from enhetschef_app.services.incidents.views import (
    IncidentSummary,
    incident_detail,
    list_incidents,
)

END = date(2026, 11, 29)
DEMO_TODAY = END - timedelta(days=10)


def make(path: Path, seed: int = 2, staff: int = 20, weeks: int = 12) -> None:
    workspace = open_workspace(path)
    try:
        generate_demo_unit(workspace, DemoSpec(staff=staff, weeks=weeks, end=END, seed=seed))
    finally:
        workspace.close()


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[IncidentSummary]]:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    make(path)
    workspace = open_workspace(path)
    try:
        return path, list_incidents(workspace, DEMO_TODAY)
    finally:
        workspace.close()


def test_a_year_of_reports_in_every_track_and_state(
    reports: tuple[Path, list[IncidentSummary]],
) -> None:
    _, found = reports
    assert len(found) >= 24
    pairs = Counter((s.track, s.state) for s in found)
    assert set(pairs) == {(t, s) for t in Track for s in STATE_ORDER}
    assert min(s.reported_on for s in found) >= DEMO_TODAY - timedelta(days=364)
    assert max(s.reported_on for s in found) <= DEMO_TODAY
    assert all(s.occurred_on <= s.reported_on for s in found)
    # Most of a year's reports are closed, a few are late.
    closed = sum(1 for s in found if s.state is IncidentState.CLOSED)
    assert closed > len(found) / 2
    assert 0 < sum(1 for s in found if s.overdue) < len(found) / 2


def test_every_report_got_to_its_state_by_the_rules(
    reports: tuple[Path, list[IncidentSummary]],
) -> None:
    _, found = reports
    for s in found:
        steps = s.steps
        facts = IncidentFacts(
            track=s.track,
            state=IncidentState.NEW,
            reported_on=s.reported_on,
            immediate_action=s.immediate_action,
            investigation_done_on=steps.investigation_done_on,
            serious=steps.serious,
            reported_to_ivo_on=steps.reported_to_ivo_on,
            handed_to_mas_on=steps.handed_to_mas_on,
            work_environment_kind=steps.work_environment_kind,
            reported_to_av_on=steps.reported_to_av_on,
            reported_to_fk_on=steps.reported_to_fk_on,
            open_actions=s.actions.open,
        )
        reached = STATE_ORDER.index(s.state)
        for target in STATE_ORDER[1 : reached + 1]:
            assert missing_steps(replace(facts, state=target), target) == [], s.number
        assert (s.closed_on is not None) == (s.state is IncidentState.CLOSED)
        if s.closed_on is not None:
            assert s.closed_on >= s.reported_on and s.actions.open == 0


def test_numbers_run_per_year_without_gaps(reports: tuple[Path, list[IncidentSummary]]) -> None:
    path, found = reports
    by_year: dict[str, list[int]] = {}
    for s in found:
        _, year, sequence = s.number.split("-")
        by_year.setdefault(year, []).append(int(sequence))
    conn = sqlite3.connect(path)
    series = dict(conn.execute("SELECT year, last_sequence FROM incident_number_series"))
    conn.close()
    for year, numbers in by_year.items():
        assert sorted(numbers) == list(range(1, len(numbers) + 1))
        assert series[int(year)] == len(numbers)


def test_the_timeline_tells_the_way_to_the_state(
    reports: tuple[Path, list[IncidentSummary]],
) -> None:
    path, found = reports
    workspace = open_workspace(path)
    try:
        for s in found[:25]:
            lines = [line.text for line in incident_detail(workspace, s.id, DEMO_TODAY).timeline]
            assert lines[0].startswith("Avvikelsen registrerades")
            states = [line for line in lines if line.startswith("Status:")]
            assert len(states) == STATE_ORDER.index(s.state)
            if states:
                assert states[-1].endswith(s.state.label.lower())
    finally:
        workspace.close()


def test_actions_and_the_link_to_staffing(reports: tuple[Path, list[IncidentSummary]]) -> None:
    path, found = reports
    assert sum(s.actions.total for s in found) > len(found)
    assert any(s.actions.overdue for s in found)
    workspace = open_workspace(path)
    try:
        stats = incident_stats(workspace, 2026, DEMO_TODAY)
    finally:
        workspace.close()
    assert stats.staffing_at_event.understaffed > 0
    assert stats.staffing_at_event.staffed > 0


def test_the_same_seed_gives_the_same_reports(tmp_path: Path) -> None:
    def dump(path: Path) -> list[tuple[object, ...]]:
        conn = sqlite3.connect(path)
        try:
            rows = conn.execute(
                "SELECT year, sequence, occurred_on, occurred_at, reported_on, reporter, "
                "category, track, state, description, closed_on FROM incidents ORDER BY id"
            ).fetchall()
            rows += conn.execute(
                "SELECT incident_id, description, owner, due_on, done_on FROM incident_actions "
                "ORDER BY id"
            ).fetchall()
            rows += conn.execute(
                "SELECT incident_id, at, kind, step, old_value, new_value FROM incident_events "
                "ORDER BY id"
            ).fetchall()
            return rows
        finally:
            conn.close()

    first, second, other = (tmp_path / f"{n}.sqlite3" for n in "abc")
    make(first, seed=5, staff=10, weeks=4)
    make(second, seed=5, staff=10, weeks=4)
    make(other, seed=6, staff=10, weeks=4)
    assert dump(first) == dump(second)
    assert dump(first) != dump(other)

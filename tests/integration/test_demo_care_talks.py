"""The demo unit's omtankessamtal: every part of the page has something to show, each talk
obeys the workflow, and the same seed gives the same talks."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest

from enhetschef_app.demo.unit import DemoSpec, generate_demo_unit
from enhetschef_app.domain.care_talks import SignalStatus, TalkState
from enhetschef_app.services.absence.care_talk_scan import scan_care_talks
from enhetschef_app.services.absence.care_talks import TalkView, list_snoozes, list_talks
from enhetschef_app.services.absence.overview import care_overview
from enhetschef_app.services.core.workspace import open_workspace

END = date(2026, 11, 30)
DEMO_TODAY = END - timedelta(days=6)


def make(path: Path, seed: int = 1) -> None:
    workspace = open_workspace(path)
    try:
        generate_demo_unit(workspace, DemoSpec(staff=45, weeks=104, end=END, seed=seed))
    finally:
        workspace.close()


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    make(path)
    return path


def talks_of(path: Path) -> list[TalkView]:
    workspace = open_workspace(path)
    try:
        return list_talks(workspace)
    finally:
        workspace.close()


def test_the_demo_shows_talks_in_every_state_and_a_snooze(demo: Path) -> None:
    talks = talks_of(demo)
    states = Counter(t.state for t in talks)
    for state in (
        TalkState.INVITED,
        TalkState.HELD,
        TalkState.CLOSED,
        TalkState.DECLINED,
        TalkState.NOT_NEEDED,
    ):
        assert states[state] >= 1, state
    workspace = open_workspace(demo)
    try:
        assert list_snoozes(workspace)
        statuses = {s.status for s in scan_care_talks(workspace, DEMO_TODAY).signals}
        overview = care_overview(workspace, DEMO_TODAY)
    finally:
        workspace.close()
    assert {SignalStatus.DUE, SignalStatus.SNOOZED, SignalStatus.INVITED} <= statuses
    assert overview.due and overview.talks_this_week and overview.follow_ups_due


def test_each_demo_talk_is_a_walk_the_workflow_allows(demo: Path) -> None:
    for talk in talks_of(demo):
        assert talk.covers_through <= talk.signal_date
        if talk.state is TalkState.INVITED:
            assert talk.invited_date is not None and talk.invited_date >= talk.signal_date
        if talk.state in (TalkState.HELD, TalkState.CLOSED):
            assert talk.held_on is not None and talk.support_text
            assert talk.follow_up_date is not None and talk.follow_up_date > talk.held_on
        if talk.state is TalkState.CLOSED:
            assert talk.followed_up_on is not None and talk.closed_on is not None
        if talk.state in (TalkState.DECLINED, TalkState.NOT_NEEDED):
            assert talk.reason and talk.decided_on is not None


def test_the_same_seed_gives_the_same_talks(demo: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.sqlite3"
    make(again)

    def key(talks: list[TalkView]) -> list[tuple[object, ...]]:
        return [
            (t.employee_no, t.state, t.signal_date, t.invited_date, t.held_on, t.reason)
            for t in talks
        ]

    assert key(talks_of(again)) == key(talks_of(demo))

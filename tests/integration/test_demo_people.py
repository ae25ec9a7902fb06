"""The demo unit's medarbetarsamtal and competence, read back through the services: a cycle half
done, delegations expiring around the period's end, leavers with exit talks."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest

from enhetschef_app.demo.unit import DemoSpec, generate_demo_unit
from enhetschef_app.domain.competence import ExpiryState
from enhetschef_app.domain.reviews import TalkStatus
from enhetschef_app.services.core.workspace import Workspace, open_workspace
from enhetschef_app.services.people.competence import (
    ItemKind,
    competence_overview,
    required_competences,
)
from enhetschef_app.services.people.exit_talks import leavers
from enhetschef_app.services.people.introduction import introductions
from enhetschef_app.services.people.reviews import review_overview

END = date(2026, 11, 30)
TODAY = date(2026, 11, 24)  # a day of the period's last month, as when the demo is opened


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    path: Path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    workspace = open_workspace(path)
    generate_demo_unit(workspace, DemoSpec(staff=45, weeks=104, end=END, seed=1))
    workspace.close()
    return open_workspace(path)


def test_the_cycle_in_force_is_about_half_done_with_talks_booked_and_planned(
    demo: Workspace,
) -> None:
    overview = review_overview(demo, TODAY)
    assert overview.cycle.label == "2026"
    share = overview.coverage.percent
    assert share is not None and 35 <= share <= 75
    statuses = Counter(r.status for r in overview.employees if r.state.expected)
    assert statuses[TalkStatus.BOOKED] >= 3 and statuses[TalkStatus.PLANNED] >= 2
    assert statuses[TalkStatus.NONE] >= 1
    # Earlier cycles were held, with goals followed up; some goals still wait.
    assert sum(1 for r in overview.employees if r.state.last_talk) > overview.coverage.held
    assert sum(r.goals_to_follow_up for r in overview.employees) >= 1
    assert any(r.salary_talk_on for r in overview.employees)
    # Nothing held lies after the first day of the period's last month.
    assert all(
        r.state.last_talk is None or r.state.last_talk < END.replace(day=1)
        for r in overview.employees
    )


def test_delegations_expire_around_the_end_and_the_night_shift_needs_one(demo: Workspace) -> None:
    items = competence_overview(demo, TODAY, 30).items
    delegations = [i for i in items if i.kind is ItemKind.DELEGATION]
    assert delegations
    around_end = [
        i
        for i in delegations
        if i.valid_until is not None and END - timedelta(5) <= i.valid_until <= END + timedelta(25)
    ]
    assert len(around_end) >= 4
    assert any(i.state is ExpiryState.EXPIRING for i in items if i.kind is ItemKind.TRAINING)
    assert sum(1 for i in items if i.state is ExpiryState.VALID) > len(items) / 2
    assert required_competences(demo) == {"N": {"lakemedelshantering"}}


def test_leavers_have_exit_talks_and_new_staff_an_introduction(demo: Workspace) -> None:
    gone = [v for v in leavers(demo, TODAY) if v.end <= END]
    assert len(gone) >= 3
    assert sum(1 for v in gone if v.outcome is not None) >= 2
    assert all(v.reason is not None for v in gone if v.outcome is not None)
    started = introductions(demo, TODAY)
    assert any(p.done for p in started)

"""The demo unit's övertid: every övertid cover became a request, decisions of every kind (one
corrected, one over a limit with its reason), requests waiting up to the demo's "today", one of
them past a limit; the same for the same seed."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest

from enhetschef_app.demo.unit import DemoSpec, generate_demo_unit
from enhetschef_app.domain.overtime_requests import RequestSource, RequestStatus, Verdict
from enhetschef_app.services.core.workspace import open_workspace
from enhetschef_app.services.overtime.figures import overtime_month_figures
from enhetschef_app.services.overtime.requests import list_requests, request_history
from enhetschef_app.services.overtime.views import RequestView

END = date(2026, 11, 30)
DEMO_TODAY = END - timedelta(days=6)


def make(path: Path, seed: int = 3) -> None:
    workspace = open_workspace(path)
    try:
        generate_demo_unit(workspace, DemoSpec(staff=30, weeks=16, end=END, seed=seed))
    finally:
        workspace.close()


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[RequestView]]:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    make(path)
    workspace = open_workspace(path)
    try:
        return path, list_requests(workspace)
    finally:
        workspace.close()


def test_every_overtime_cover_is_a_request(demo: tuple[Path, list[RequestView]]) -> None:
    path, found = demo
    conn = sqlite3.connect(path)
    try:
        covers = conn.execute(
            "SELECT COUNT(*) FROM schedule_covers WHERE kind = 'overtid'"
        ).fetchone()[0]
    finally:
        conn.close()
    from_covers = [v for v in found if v.source is RequestSource.COVER]
    assert covers > 0 and len(from_covers) == covers
    assert all(v.status is not RequestStatus.WAITING for v in from_covers)


def test_decisions_of_every_kind_and_requests_waiting_near_today(
    demo: tuple[Path, list[RequestView]],
) -> None:
    path, found = demo
    statuses = {v.status for v in found}
    assert statuses == set(RequestStatus)
    waiting = [v for v in found if v.status is RequestStatus.WAITING]
    assert all(DEMO_TODAY - timedelta(days=4) <= v.work_date for v in waiting)
    assert any(v.passed for v in waiting), "someone's waiting request passes a limit"
    assert any(v.figures.minutes_mertid for v in found if v.status is RequestStatus.APPROVED)
    over = [v for v in found if v.decision is not None and v.decision.limits_passed]
    assert over and all(v.decision and v.decision.over_limit_reason for v in over)
    corrected = [v for v in found if v.decisions > 1]
    assert corrected
    workspace = open_workspace(path)
    try:
        history = request_history(workspace, corrected[0].id)
    finally:
        workspace.close()
    assert [d.verdict for d in history] == [Verdict.APPROVED, Verdict.REJECTED]
    assert history[1].corrects_id == history[0].id


def test_a_demo_month_has_figures(demo: tuple[Path, list[RequestView]]) -> None:
    path, found = demo
    workspace = open_workspace(path)
    try:
        october = overtime_month_figures(workspace, 2026, 10)
    finally:
        workspace.close()
    approved = [v for v in found if v.status is RequestStatus.APPROVED and v.work_date.month == 10]
    assert october.approved == len(approved) > 0
    assert october.minutes_simple + october.minutes_qualified == sum(
        v.figures.overtime_minutes for v in approved
    )
    assert october.cost == sum((v.figures.cost for v in approved), start=october.cost * 0)


def test_the_same_seed_gives_the_same_requests_and_decisions(tmp_path: Path) -> None:
    def dump(path: Path) -> list[tuple[object, ...]]:
        conn = sqlite3.connect(path)
        try:
            return conn.execute(
                "SELECT r.employee_id, r.work_date, r.start_time, r.end_time, r.reason, "
                "r.created_at, d.verdict, d.reason, d.decided_at, d.minutes_simple, "
                "d.minutes_qualified, d.minutes_mertid, d.cost_simple_ore, d.corrects_id, "
                "d.limits_passed FROM overtime_requests r LEFT JOIN overtime_decisions d "
                "ON d.request_id = r.id ORDER BY r.id, d.id"
            ).fetchall()
        finally:
            conn.close()

    make(tmp_path / "a.sqlite3")
    make(tmp_path / "b.sqlite3")
    first = dump(tmp_path / "a.sqlite3")
    assert first and first == dump(tmp_path / "b.sqlite3")

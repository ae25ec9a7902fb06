"""The demo unit's personnel economy: a budget for every month of the year of its last month,
booked utfall for two months close to the app's own estimate, own hourly rates for some
timavlönade; the same seed gives the same numbers."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from enhetschef_app.demo.unit import DemoSpec, generate_demo_unit
from enhetschef_app.domain.economy_year import CostSource
from enhetschef_app.domain.staff import EmploymentForm
from enhetschef_app.services.core.workspace import Workspace, open_workspace
from enhetschef_app.services.economy.costs import year_view
from enhetschef_app.services.staff.employees import list_employees

END = date(2026, 11, 30)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    workspace = open_workspace(path)
    try:
        generate_demo_unit(workspace, DemoSpec(staff=20, weeks=30, end=END, seed=3))
    finally:
        workspace.close()
    return path


def _workspace(path: Path) -> Workspace:
    workspace = open_workspace(path)
    assert workspace.unit is not None  # the demo's only unit
    return workspace


def test_a_budget_for_the_year_and_two_months_of_utfall(demo: Path) -> None:
    workspace = _workspace(demo)
    try:
        view = year_view(workspace, 2026, as_of=END)
        staff = list_employees(workspace, as_of=END)
    finally:
        workspace.close()
    year = view.year
    assert all(m.budget is not None and m.fte_budget is not None for m in year.months)
    booked = [m.month.label for m in year.months if m.source is CostSource.OUTCOME]
    assert booked == ["2026-08", "2026-09"]
    for month in year.months:
        if month.outcome is not None:
            # Booked a little off the estimate, as a real ekonomisystem does.
            assert abs(month.outcome / month.estimate - 1) <= Decimal("0.035")
        assert month.budget is not None
        if month.month.month in (5, 10):  # whole months of the schedule, outside the summer
            assert abs(month.budget / month.estimate - 1) <= Decimal("0.1")
    assert year.month(7).budget > year.month(5).budget  # type: ignore[operator]
    hourly = [e for e in staff if e.form is EmploymentForm.HOURLY]
    assert any(e.hourly_rate is not None for e in hourly)
    assert not view.cost_of(10).gaps

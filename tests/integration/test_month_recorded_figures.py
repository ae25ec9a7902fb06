"""The figures of months marked klar, read back instead of computed anew: the 12-month trend and
the year of the personnel economy (the month summary's prognos, Översikt, Förvaltning) give
the same figures from the recorded months as computed from the data, on a real demo file; a
change in an open month shows, and a month unlocked again is computed from its data."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from enhetschef_app.demo.unit import DemoSpec, generate_demo_unit
from enhetschef_app.domain.absences import AbsenceDraft
from enhetschef_app.domain.staff import EmploymentForm
from enhetschef_app.domain.year_month import YearMonth
from enhetschef_app.services.absence.absences import save_absence
from enhetschef_app.services.absence.figures import absence_month_figures, sick_percent_of_month
from enhetschef_app.services.core.workspace import Workspace, open_workspace
from enhetschef_app.services.economy.costs import year_view
from enhetschef_app.services.economy.figures import ECONOMY_KEYS
from enhetschef_app.services.month.report import (
    MonthTrend,
    close_month,
    month_report_view,
    month_trend,
    reopen_month,
)
from enhetschef_app.storage.models import Absence, Employee, ScheduleRow

END = date(2026, 11, 30)
NOVEMBER = YearMonth(2026, 11)
AFTER = date(2026, 12, 2)  # the day the months are marked klar
CLOSED = NOVEMBER.back(12)[:-1]  # 2025-12 .. 2026-10; November stays open


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("recorded") / "demo.sqlite3"
    workspace = open_workspace(path)
    try:
        generate_demo_unit(workspace, DemoSpec(staff=20, weeks=60, end=END, seed=5))
    finally:
        workspace.close()
    return path


@pytest.fixture
def demo(demo_file: Path, tmp_path: Path) -> Iterator[Workspace]:
    copy = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_file, copy)
    workspace = open_workspace(copy)
    assert workspace.unit is not None
    yield workspace
    workspace.close()


def _figures(trend: MonthTrend) -> list[tuple[str, object, object, object, object]]:
    """What the page draws of each month, whether it was reported or computed."""
    return [
        (
            p.month.label,
            p.sick_percent,
            p.overtime_hours,
            p.mertid_hours,
            p.hourly_paid_share_percent,
        )
        for p in trend.points
    ]


def _close_all(workspace: Workspace) -> None:
    for month in CLOSED:
        close_month(workspace, month, today=AFTER)


def _sick_day(workspace: Workspace, month: YearMonth) -> tuple[int, date]:
    """A monthly paid person's scheduled day in `month` with no absence on it."""
    monthly = [f.value for f in EmploymentForm if f.is_monthly_paid]
    with workspace.transaction() as session:
        rows = session.execute(
            select(ScheduleRow.employee_id, ScheduleRow.work_date)
            .join(Employee, Employee.id == ScheduleRow.employee_id)
            .where(
                ScheduleRow.work_date >= month.first,
                ScheduleRow.work_date <= month.last,
                Employee.employment_form.in_(monthly),
            )
            .order_by(ScheduleRow.work_date, ScheduleRow.employee_id)
        ).all()
        spans = session.execute(
            select(Absence.employee_id, Absence.start_date, Absence.end_date)
        ).all()
    for employee_id, day in rows:
        assert employee_id is not None
        if not any(
            e == employee_id and s <= day and (end is None or end >= day) for e, s, end in spans
        ):
            return int(employee_id), day
    raise AssertionError("the demo has a working day to be sick on")


def test_the_trends_sick_percent_is_the_summarys(demo: Workspace) -> None:
    for month in NOVEMBER.back(12):
        whole = absence_month_figures(demo, month.year, month.month)
        assert sick_percent_of_month(demo, month.year, month.month) == whole.sick_percent


def test_the_trend_from_months_marked_klar_is_the_computed_trend(demo: Workspace) -> None:
    computed = month_trend(demo, NOVEMBER)
    assert not any(p.reported for p in computed.points)
    summary = month_report_view(demo, NOVEMBER).summary
    assert _figures(month_trend(demo, NOVEMBER, known=summary)) == _figures(computed)
    _close_all(demo)
    recorded = month_trend(demo, NOVEMBER, known=summary)
    assert [p.reported for p in recorded.points] == [True] * 11 + [False]
    assert _figures(recorded) == _figures(computed)
    assert any(p.sick_percent for p in recorded.points)  # figures, not only zeros


def test_the_year_from_months_marked_klar_is_the_computed_year(demo: Workspace) -> None:
    before = month_report_view(demo, NOVEMBER).summary
    _close_all(demo)
    full = year_view(demo, 2026, as_of=AFTER)
    outline = year_view(demo, 2026, as_of=AFTER, detail=11)
    assert sorted(outline.costs) == [11, 12]  # only the open months are computed
    assert outline.year == full.year
    assert outline.cost_of(11) == full.cost_of(11)
    after = month_report_view(demo, NOVEMBER).summary
    assert {k: after.values[k] for k in ECONOMY_KEYS} == {k: before.values[k] for k in ECONOMY_KEYS}
    assert after.inputs["forecast_year"] == before.inputs["forecast_year"]


def test_a_change_in_an_open_month_and_an_unlocked_month_show(demo: Workspace) -> None:
    _close_all(demo)
    trend = month_trend(demo, NOVEMBER)
    year = year_view(demo, 2026, as_of=AFTER, detail=11).year

    # November is open: a sick day there changes its trend point and its estimate.
    employee, day = _sick_day(demo, NOVEMBER)
    save_absence(demo, AbsenceDraft(employee, "sjuk", day, day))
    changed = month_trend(demo, NOVEMBER)
    assert changed.points[-1].sick_percent != trend.points[-1].sick_percent
    assert year_view(demo, 2026, as_of=AFTER, detail=11).year.month(11).estimate != (
        year.month(11).estimate
    )

    # September is klar: a sick day registered afterwards leaves its reported figures ...
    september = YearMonth(2026, 9)
    employee, day = _sick_day(demo, september)
    save_absence(demo, AbsenceDraft(employee, "sjuk", day, day))
    kept = month_trend(demo, NOVEMBER)
    assert _figures(kept)[:-1] == _figures(trend)[:-1]
    assert year_view(demo, 2026, as_of=AFTER, detail=11).year.month(9).estimate == (
        year.month(9).estimate
    )
    # ... until it is unlocked: then the month is computed from its data again.
    reopen_month(demo, september, "Sjukdag registrerad i efterhand")
    reopened = month_trend(demo, NOVEMBER)
    point = reopened.points[-3]
    assert point.month == september and not point.reported
    assert point.sick_percent == sick_percent_of_month(demo, 2026, 9)
    assert point.sick_percent != trend.points[-3].sick_percent
    full = year_view(demo, 2026, as_of=AFTER)
    outline = year_view(demo, 2026, as_of=AFTER, detail=11)
    assert outline.year == full.year
    assert outline.year.month(9).estimate != year.month(9).estimate
    assert outline.year.month(9).estimate > Decimal(0)

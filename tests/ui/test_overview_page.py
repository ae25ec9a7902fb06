"""The Översikt page: today's schedule with vacant and absent rows, staffing per band."""

from __future__ import annotations

from collections.abc import Callable
from datetime import time, timedelta

import pytest
from page_loading import wait_loaded
from PySide6.QtCore import QAbstractItemModel
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from enhetschef_app.domain.staff import EmploymentForm
from enhetschef_app.services.core.workspace import Workspace
from enhetschef_app.services.staff.employees import EmployeeView
from enhetschef_app.storage.models import Absence, ScheduleRow, StaffingNeed
from enhetschef_app.ui.overview.page import OverviewPage
from enhetschef_app.ui.shell import events
from enhetschef_app.ui.shell.context import AppContext

MakeEmployee = Callable[..., EmployeeView]


def schedule_day(workspace: Workspace, make_employee: MakeEmployee, day: object) -> None:
    anna = make_employee("1", "Anna Ålund").id
    bo = make_employee("2", "Bo Ek").id
    cia = make_employee("3", "Cia Timm", form=EmploymentForm.HOURLY, grade=None).id
    unit_id = workspace.require_unit().id
    with workspace.transaction() as session:
        session.add_all(
            [
                ScheduleRow(
                    unit_id=unit_id,
                    work_date=day,
                    start_time=time(7),
                    end_time=time(15, 30),
                    shift_code="D",
                    employee_id=anna,
                ),
                ScheduleRow(
                    unit_id=unit_id,
                    work_date=day,
                    start_time=time(7),
                    end_time=time(15, 30),
                    shift_code="D",
                    employee_id=None,
                ),
                ScheduleRow(
                    unit_id=unit_id,
                    work_date=day,
                    start_time=time(14, 30),
                    end_time=time(21, 30),
                    shift_code="K",
                    employee_id=bo,
                ),
                ScheduleRow(
                    unit_id=unit_id,
                    work_date=day,
                    start_time=time(21, 15),
                    end_time=time(7, 15),
                    shift_code="N",
                    employee_id=cia,
                ),
                Absence(
                    employee_id=bo,
                    kind="sjuk",
                    start_date=day - timedelta(days=1),  # type: ignore[operator]  # day is a date; the stub sees a column
                    end_date=None,
                ),
                StaffingNeed(
                    unit_id=unit_id, weekday=1, band_start=time(7), band_end=time(15), staff_count=2
                ),
                StaffingNeed(
                    unit_id=unit_id,
                    weekday=1,
                    band_start=time(15),
                    band_end=time(21),
                    staff_count=1,
                ),
            ]
        )


@pytest.fixture
def page(qtbot: QtBot, context: AppContext) -> OverviewPage:
    widget = OverviewPage(context)
    qtbot.addWidget(widget)
    widget.resize(1100, 650)
    return widget


def cells(model: QAbstractItemModel, row: int) -> list[str]:
    return [model.index(row, col).data() for col in range(model.columnCount())]


def test_shows_vacant_and_absent_rows_as_empty(
    qtbot: QtBot, page: OverviewPage, context: AppContext, make_employee: MakeEmployee
) -> None:
    schedule_day(context.workspace, make_employee, context.today())
    page.show()
    qtbot.waitExposed(page)
    wait_loaded(qtbot, page)

    assert page.heading.text() == "Tisdag 2026-11-24 · v. 48"
    assert page.unit_label.text() == "Enhet: HT-TEST – Hemtjänst Test"
    model = page.schedule_model
    rows = [cells(model, row) for row in range(model.rowCount())]
    assert rows == [
        ["07:00–15:30", "D", "Anna Ålund", "Bemannad"],
        ["07:00–15:30", "D", "Vakant", "Tom rad"],
        ["14:30–21:30", "K", "Bo Ek", "Frånvarande – tom rad"],
        ["21:15–07:15", "N", "Cia Timm", "Bemannad"],
    ]
    assert page.empty_rows_label.text() == "Tomma rader idag: 2"
    assert page.schedule_view.isVisible() and not page.schedule_empty.isVisible()

    bands = [cells(page.band_model, row) for row in range(page.band_model.rowCount())]
    assert bands == [
        ["07:00–15:00", "2", "1", "Saknas 1"],
        ["15:00–21:00", "1", "0", "Saknas 1"],
    ]
    assert page.staffed_label.text() == "Underbemannade tidsband: 2"
    headcount = [cells(page.headcount_model, row) for row in range(page.headcount_model.rowCount())]
    assert headcount == [
        ["Tillsvidare", "2"],
        ["Visstid", "0"],
        ["Timavlönad", "1"],
        ["Totalt", "3"],
    ]


def test_the_days_schedule_keeps_the_model_contract_when_the_day_is_filled(
    qtbot: QtBot,
    qtmodeltester: ModelTester,
    page: OverviewPage,
    context: AppContext,
    make_employee: MakeEmployee,
) -> None:
    qtmodeltester.check(page.schedule_model)
    page.show()
    schedule_day(context.workspace, make_employee, context.today())
    context.events.announce(events.SCHEDULE)
    wait_loaded(qtbot, page)
    assert page.schedule_model.rowCount() == 4


def test_a_day_without_schedule_explains_the_next_step(qtbot: QtBot, page: OverviewPage) -> None:
    page.show()
    qtbot.waitExposed(page)
    wait_loaded(qtbot, page)
    assert not page.schedule_view.isVisible()
    assert page.schedule_empty.isVisible()
    assert page.schedule_empty.button.text() == "Importera schema…"
    assert page.schedule_empty.text() == "Inget schema för idag."
    assert page.band_empty.text() == "Inget bemanningsbehov är angivet för tisdagar."
    assert page.empty_rows_label.text() == "Tomma rader idag: 0"


def test_a_hidden_page_reloads_when_shown(
    qtbot: QtBot, page: OverviewPage, context: AppContext, make_employee: MakeEmployee
) -> None:
    page.show()
    wait_loaded(qtbot, page)
    page.hide()
    schedule_day(context.workspace, make_employee, context.today())
    context.events.announce(events.STAFF)
    assert page.schedule_model.rowCount() == 0  # hidden: nothing read yet
    page.show()
    wait_loaded(qtbot, page)
    assert page.schedule_model.rowCount() == 4

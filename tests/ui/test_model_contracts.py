"""Every item model and proxy of the window under Qt's model tester (pytest-qt's `qtmodeltester`
keeps the tester alive for the whole test; any contract breach is a Qt warning, and a Qt warning
fails the test). Each is filled with real rows of a demo unit and taken through what the window
does to it: a reset, a refresh with another number of rows, a filter, a sort on every column both
ways, and a change of data.

A model added to enhetschef_app/ui without a case here fails the last test of this file."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from model_rows import DemoRows, make_demo, read_rows
from PySide6.QtCore import (
    QAbstractItemModel,
    QLocale,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

import enhetschef_app.ui
from enhetschef_app.domain.incidents import IncidentState, Track
from enhetschef_app.domain.overtime_requests import RequestStatus
from enhetschef_app.domain.staff import EmploymentForm
from enhetschef_app.domain.year_month import YearMonth
from enhetschef_app.services.core.workspace import open_workspace
from enhetschef_app.ui.absence.absences_model import AbsenceFilterProxy, AbsenceTableModel
from enhetschef_app.ui.absence.care_talks_model import (
    SignalTableModel,
    TalkFilterProxy,
    TalkTableModel,
)
from enhetschef_app.ui.core.audit_log_view import LogModel
from enhetschef_app.ui.core.gallring_dialog import GallringModel
from enhetschef_app.ui.economy.budget_dialog import BudgetEditModel
from enhetschef_app.ui.economy.models import CostLineModel, YearRow, YearTableModel
from enhetschef_app.ui.incidents.detail_model import (
    ActionTableModel,
    EventBandModel,
    EventRowsModel,
    TimelineModel,
)
from enhetschef_app.ui.incidents.incidents_model import IncidentFilterProxy, IncidentTableModel
from enhetschef_app.ui.incidents.stats_dialog import CountModel
from enhetschef_app.ui.month.figures_model import MonthFigureModel
from enhetschef_app.ui.overtime.requests_model import (
    HistoryModel,
    LimitModel,
    RequestFilterProxy,
    RequestTableModel,
    SegmentModel,
)
from enhetschef_app.ui.overview.model import DayScheduleModel, HeadcountModel, StaffingBandModel
from enhetschef_app.ui.people.competence_model import CompetenceTableModel
from enhetschef_app.ui.people.filter_model import RowFilterProxy
from enhetschef_app.ui.people.lists_model import (
    IntroChecklistModel,
    IntroProgressModel,
    LeaverTableModel,
)
from enhetschef_app.ui.people.reviews_model import ReviewTableModel
from enhetschef_app.ui.schedule.follow_up_model import (
    AbsenceModel,
    BreachModel,
    CandidateModel,
    EmptyRowModel,
    ExcludedModel,
    RowLineModel,
)
from enhetschef_app.ui.schedule.staffing_need_model import StaffingNeedModel
from enhetschef_app.ui.schedule.week_grid_model import WeekGridModel
from enhetschef_app.ui.shell.column_mapping import PreviewModel
from enhetschef_app.ui.shell.column_widths import SAMPLE_ROWS, content_width
from enhetschef_app.ui.shell.row_proxy import RowSortFilterProxy
from enhetschef_app.ui.shell.table_model import SORT_ROLE, RowTableModel
from enhetschef_app.ui.shell.widgets import read_only_table
from enhetschef_app.ui.staff.employees_model import EmployeeFilterProxy, EmployeeTableModel


@pytest.fixture(scope="module")
def demo_rows(tmp_path_factory: pytest.TempPathFactory) -> DemoRows:
    folder = tmp_path_factory.mktemp("model-demo")
    path = folder / "demo.sqlite3"
    make_demo(path)
    workspace = open_workspace(path)
    try:
        return read_rows(workspace, folder)
    finally:
        workspace.close()


# -- what each model is, how it is filled, filtered and changed ------------------------------------


@dataclass(frozen=True)
class Case:
    """One model class: `fill(model, rows, n)` shows the first n rows (the page's refresh)."""

    kind: type[QAbstractItemModel]
    make: Callable[[DemoRows], QAbstractItemModel]
    fill: Callable[[QAbstractItemModel, DemoRows, int], None]
    size: Callable[[DemoRows], int]
    narrow: Callable[[QSortFilterProxyModel, DemoRows], None] | None = None
    widen: Callable[[QSortFilterProxyModel], None] | None = None
    change: Callable[[QAbstractItemModel, DemoRows], None] | None = None
    proxy: Callable[[], QSortFilterProxyModel] | None = None


def table_case(kind: type[QAbstractItemModel], key: str, **extra: Any) -> Case:
    """A read-only table of one list of rows, filled with set_rows like its page does."""

    def make(_rows: DemoRows) -> QAbstractItemModel:
        return kind()

    def fill(model: QAbstractItemModel, rows: DemoRows, n: int) -> None:
        assert isinstance(model, RowTableModel)
        model.set_rows(rows.rows[key][:n])

    return Case(kind, make, fill, lambda rows: len(rows.rows[key]), **extra)


def change_rows(model: QAbstractItemModel, rows: DemoRows) -> None:
    """Same number of rows, other content: what a refresh after an edit shows."""
    assert isinstance(model, RowTableModel)
    model.set_rows(list(reversed(model.rows())))


def text_of_first(proxy: QSortFilterProxyModel, column: int = 1) -> str:
    source = proxy.sourceModel()
    return str(source.index(0, column).data())


def employees(model: QAbstractItemModel, rows: DemoRows, n: int) -> None:
    assert isinstance(model, EmployeeTableModel)
    model.set_employees(rows.employees[:n], rows.today)


def absences(model: QAbstractItemModel, rows: DemoRows, n: int) -> None:
    assert isinstance(model, AbsenceTableModel)
    model.set_absences(rows.absences[:n], rows.today)


def talks(model: QAbstractItemModel, rows: DemoRows, n: int) -> None:
    assert isinstance(model, TalkTableModel)
    model.set_talks(rows.talks[:n], rows.today)


def requests(model: QAbstractItemModel, rows: DemoRows, n: int) -> None:
    assert isinstance(model, RequestTableModel)
    model.set_rows(rows.rows["requests"][:n])


def incidents(model: QAbstractItemModel, rows: DemoRows, n: int) -> None:
    assert isinstance(model, IncidentTableModel)
    model.set_rows(rows.rows["incidents"][:n])


def progress(model: QAbstractItemModel, rows: DemoRows, n: int) -> None:
    assert isinstance(model, IntroProgressModel)
    model.set_progress(rows.rows["intro_progress"][:n], rows.today)


def intro_lines(model: QAbstractItemModel, rows: DemoRows, n: int) -> None:
    assert isinstance(model, IntroChecklistModel)
    model.set_lines(tuple(rows.rows["intro_lines"][:n]), rows.today)


def leavers(model: QAbstractItemModel, rows: DemoRows, n: int) -> None:
    assert isinstance(model, LeaverTableModel)
    model.set_leavers(rows.rows["leavers"][:n], rows.today)


def follow_rows(model: QAbstractItemModel, rows: DemoRows, n: int) -> None:
    assert isinstance(model, RowLineModel)
    model.set_lines(tuple(rows.rows["follow_rows"][:n]), rows.today)


def candidates(model: QAbstractItemModel, rows: DemoRows, n: int) -> None:
    assert isinstance(model, CandidateModel)
    model.set_candidates(tuple(rows.rows["candidates"][:n]))


def headcount(model: QAbstractItemModel, rows: DemoRows, n: int) -> None:
    assert isinstance(model, HeadcountModel)
    model.set_headcount(tuple(rows.rows["headcount"][:n]))


def week(model: QAbstractItemModel, rows: DemoRows, n: int) -> None:
    """The grid shows a whole week or nothing: fewer rows than the week has is the empty grid
    of a window with no unit chosen."""
    assert isinstance(model, WeekGridModel)
    model.set_week(rows.weeks[0] if n >= len(rows.weeks[0].lines) else None)


def week_changed(model: QAbstractItemModel, rows: DemoRows) -> None:
    assert isinstance(model, WeekGridModel)
    model.set_week(rows.weeks[1])  # the same week as it turned out


def month(model: QAbstractItemModel, rows: DemoRows, n: int) -> None:
    """The figure list is the report's; a shorter one is what set_rows shows of it."""
    assert isinstance(model, MonthFigureModel)
    model.show_report(rows.month_views[0])
    if n < model.rowCount():
        model.set_rows(model.rows()[:n])


def month_size(rows: DemoRows) -> int:
    model = MonthFigureModel()
    model.show_report(rows.month_views[0])
    return model.rowCount()


def month_changed(model: QAbstractItemModel, rows: DemoRows) -> None:
    assert isinstance(model, MonthFigureModel)
    model.show_report(rows.month_views[1])


def needs(model: QAbstractItemModel, rows: DemoRows, n: int) -> None:
    assert isinstance(model, StaffingNeedModel)
    model.set_needs(rows.rows["needs"][:n])


def need_edited(model: QAbstractItemModel, _rows: DemoRows) -> None:
    """What the EC does in the need table: type a count and a time, add a band, remove one."""
    assert isinstance(model, StaffingNeedModel)
    assert model.setData(model.index(0, 2), "7")
    assert model.setData(model.index(1, 0), "06:30")
    assert not model.setData(model.index(1, 0), "halv sju")  # refused, nothing changes
    added = model.add_band()
    assert model.setData(model.index(added, 1), "23:00")
    model.remove_band(added)
    assert model.is_changed()


def preview(rows: DemoRows) -> QAbstractItemModel:
    error = rows.preview
    assert error is not None
    return PreviewModel(error.headers, error.preview)


def preview_fill(model: QAbstractItemModel, rows: DemoRows, n: int) -> None:
    """The preview is the file's first rows, fixed for the dialog: shown anew, not refilled."""
    assert isinstance(model, PreviewModel)
    error = rows.preview
    assert error is not None
    model.beginResetModel()
    model.rows = [list(r) for r in error.preview[:n]]
    model.endResetModel()


def preview_chosen(model: QAbstractItemModel, rows: DemoRows) -> None:
    assert isinstance(model, PreviewModel)
    error = rows.preview
    assert error is not None
    model.set_chosen({error.headers[0]: "Namn", error.headers[1]: "Anställningsnr"})
    model.set_chosen({})


def count_case(key: str) -> Case:
    def make(_rows: DemoRows) -> QAbstractItemModel:
        return CountModel("Spår")

    def fill(model: QAbstractItemModel, rows: DemoRows, n: int) -> None:
        assert isinstance(model, CountModel)
        model.set_rows(rows.rows[key][:n])

    return Case(CountModel, make, fill, lambda rows: len(rows.rows[key]), change=change_rows)


def people_proxy() -> QSortFilterProxyModel:
    return RowFilterProxy(lambda review: f"{review.employee_no} {review.name}")


def narrow_people(proxy: QSortFilterProxyModel, rows: DemoRows) -> None:
    assert isinstance(proxy, RowFilterProxy)
    proxy.set_text(text_of_first(proxy, 1))
    proxy.set_test(lambda review: review.employee_no != "")


def widen_people(proxy: QSortFilterProxyModel) -> None:
    assert isinstance(proxy, RowFilterProxy)
    proxy.set_text("")
    proxy.set_test(None)


def narrow_employees(proxy: QSortFilterProxyModel, rows: DemoRows) -> None:
    assert isinstance(proxy, EmployeeFilterProxy)
    proxy.set_form(EmploymentForm.PERMANENT)
    proxy.set_show_ended(False)
    proxy.set_text(rows.employees[0].name.split()[0])


def widen_employees(proxy: QSortFilterProxyModel) -> None:
    assert isinstance(proxy, EmployeeFilterProxy)
    proxy.set_text("")
    proxy.set_form(None)
    proxy.set_show_ended(True)


def narrow_absences(proxy: QSortFilterProxyModel, rows: DemoRows) -> None:
    assert isinstance(proxy, AbsenceFilterProxy)
    first = rows.absences[0]
    proxy.set_kind(first.kind)
    proxy.set_period(date(2026, 1, 1), rows.today)
    proxy.set_text(first.employee_name.split()[0])
    proxy.set_employee(first.employee_id)
    proxy.set_ongoing_only(True)
    proxy.set_ongoing_only(False)


def widen_absences(proxy: QSortFilterProxyModel) -> None:
    assert isinstance(proxy, AbsenceFilterProxy)
    proxy.set_employee(None)
    proxy.set_text("")
    proxy.set_kind(None)
    proxy.set_period(None, None)


def narrow_talks(proxy: QSortFilterProxyModel, rows: DemoRows) -> None:
    assert isinstance(proxy, TalkFilterProxy)
    proxy.set_show_finished(False)


def widen_talks(proxy: QSortFilterProxyModel) -> None:
    assert isinstance(proxy, TalkFilterProxy)
    proxy.set_show_finished(True)


def narrow_incidents(proxy: QSortFilterProxyModel, rows: DemoRows) -> None:
    assert isinstance(proxy, IncidentFilterProxy)
    first = rows.rows["incidents"][0]
    proxy.set_track(Track.OTHER)
    proxy.set_track(None)
    proxy.set_state(IncidentState.CLOSED)
    proxy.set_state(None)
    proxy.set_overdue_only(True)
    proxy.set_overdue_only(False)
    proxy.set_period((date(2026, 1, 1), rows.today))
    proxy.set_category(first.category)
    proxy.set_text(first.number)


def widen_incidents(proxy: QSortFilterProxyModel) -> None:
    assert isinstance(proxy, IncidentFilterProxy)
    proxy.set_text("")
    proxy.set_category(None)
    proxy.set_period(None)


def narrow_requests(proxy: QSortFilterProxyModel, rows: DemoRows) -> None:
    assert isinstance(proxy, RequestFilterProxy)
    first = rows.rows["requests"][0]
    month = YearMonth.of(first.work_date)
    name = first.employee_name.split()[0]
    proxy.set_filters(status=RequestStatus.APPROVED, text="", employee_id=None, month=None)
    proxy.set_filters(status=None, text="", employee_id=None, month=month)
    proxy.set_filters(status=None, text=name, employee_id=first.employee_id, month=month)


def widen_requests(proxy: QSortFilterProxyModel) -> None:
    assert isinstance(proxy, RequestFilterProxy)
    proxy.set_filters(status=None, text="", employee_id=None, month=None)


def made(kind: type[QAbstractItemModel]) -> Callable[[DemoRows], QAbstractItemModel]:
    return lambda _rows: kind()


def proxied(
    kind: type[QAbstractItemModel],
    fill: Callable[[QAbstractItemModel, DemoRows, int], None],
    size: Callable[[DemoRows], int],
    proxy: type[QSortFilterProxyModel],
    narrow: Callable[[QSortFilterProxyModel, DemoRows], None],
    widen: Callable[[QSortFilterProxyModel], None],
) -> list[Case]:
    """The page's source model and its own proxy: each under the tester in turn."""
    return [
        Case(tested, made(kind), fill, size, narrow, widen, change_rows, proxy)
        for tested in (kind, proxy)
    ]


CASES: list[Case] = [
    *proxied(
        EmployeeTableModel,
        employees,
        lambda r: len(r.employees),
        EmployeeFilterProxy,
        narrow_employees,
        widen_employees,
    ),
    *proxied(
        AbsenceTableModel,
        absences,
        lambda r: len(r.absences),
        AbsenceFilterProxy,
        narrow_absences,
        widen_absences,
    ),
    *proxied(
        TalkTableModel, talks, lambda r: len(r.talks), TalkFilterProxy, narrow_talks, widen_talks
    ),
    *proxied(
        IncidentTableModel,
        incidents,
        lambda r: len(r.rows["incidents"]),
        IncidentFilterProxy,
        narrow_incidents,
        widen_incidents,
    ),
    *proxied(
        RequestTableModel,
        requests,
        lambda r: len(r.rows["requests"]),
        RequestFilterProxy,
        narrow_requests,
        widen_requests,
    ),
    table_case(
        ReviewTableModel,
        "reviews",
        narrow=narrow_people,
        widen=widen_people,
        change=change_rows,
        proxy=people_proxy,
    ),
    Case(
        RowFilterProxy,
        made(ReviewTableModel),
        table_case(ReviewTableModel, "reviews").fill,
        lambda r: len(r.rows["reviews"]),
        narrow=narrow_people,
        widen=widen_people,
        change=change_rows,
        proxy=people_proxy,
    ),
    table_case(SignalTableModel, "signals", change=change_rows),
    table_case(CompetenceTableModel, "competence", change=change_rows),
    Case(
        IntroProgressModel,
        made(IntroProgressModel),
        progress,
        lambda r: len(r.rows["intro_progress"]),
        change=change_rows,
    ),
    Case(
        IntroChecklistModel,
        made(IntroChecklistModel),
        intro_lines,
        lambda r: len(r.rows["intro_lines"]),
        change=change_rows,
    ),
    Case(
        LeaverTableModel,
        made(LeaverTableModel),
        leavers,
        lambda r: len(r.rows["leavers"]),
        change=change_rows,
    ),
    Case(
        RowLineModel,
        made(RowLineModel),
        follow_rows,
        lambda r: len(r.rows["follow_rows"]),
        change=change_rows,
    ),
    table_case(AbsenceModel, "follow_absences", change=change_rows),
    table_case(BreachModel, "follow_breaches", change=change_rows),
    Case(
        CandidateModel,
        made(CandidateModel),
        candidates,
        lambda r: len(r.rows["candidates"]),
        change=change_rows,
    ),
    table_case(ExcludedModel, "excluded", change=change_rows),
    table_case(EmptyRowModel, "coordination_rows", change=change_rows),
    Case(
        HeadcountModel,
        made(HeadcountModel),
        headcount,
        lambda r: len(r.rows["headcount"]),
        change=change_rows,
    ),
    table_case(StaffingBandModel, "overview_bands", change=change_rows),
    table_case(DayScheduleModel, "overview_lines", change=change_rows),
    table_case(ActionTableModel, "actions", change=change_rows),
    table_case(TimelineModel, "timeline", change=change_rows),
    table_case(EventBandModel, "event_bands", change=change_rows),
    table_case(EventRowsModel, "event_rows", change=change_rows),
    count_case("count_track"),
    table_case(SegmentModel, "segments", change=change_rows),
    table_case(LimitModel, "limits", change=change_rows),
    table_case(HistoryModel, "history", change=change_rows),
    Case(
        MonthFigureModel,
        made(MonthFigureModel),
        month,
        month_size,
        change=month_changed,
    ),
    Case(
        WeekGridModel,
        made(WeekGridModel),
        week,
        lambda r: len(r.weeks[0].lines),
        change=week_changed,
    ),
    Case(
        StaffingNeedModel,
        made(StaffingNeedModel),
        needs,
        lambda r: len(r.rows["needs"]),
        change=need_edited,
    ),
    Case(
        PreviewModel,
        preview,
        preview_fill,
        lambda r: len(r.preview.preview) if r.preview else 0,
        change=preview_chosen,
    ),
]


def case_id(case: Case) -> str:
    return case.kind.__name__


def economy_year(model: QAbstractItemModel, rows: DemoRows, n: int) -> None:
    assert isinstance(model, YearTableModel)
    model.set_rows(YearRow(*row) for row in rows.rows["economy_year"][:n])


def budget_rows(model: QAbstractItemModel, rows: DemoRows, n: int) -> None:
    assert isinstance(model, BudgetEditModel)
    model.set_rows([list(row) for row in rows.rows["budget_rows"][:n]])


def budget_typed(model: QAbstractItemModel, _rows: DemoRows) -> None:
    """The EC types a new budget for a month, as in the dialog's table."""
    assert isinstance(model, BudgetEditModel)
    index = model.index(1, 1)
    assert model.setData(index, "1 234 567,50")
    assert model.data(index) == QLocale().toString(1234567.5, "f", 2)
    assert not model.setData(model.index(2, 1), "mycket")
    assert model.problem


ECONOMY_CASES = [
    Case(
        YearTableModel,
        made(YearTableModel),
        economy_year,
        lambda r: len(r.rows["economy_year"]),
        change=change_rows,
    ),
    table_case(CostLineModel, "cost_lines", change=change_rows),
    Case(
        BudgetEditModel,
        made(BudgetEditModel),
        budget_rows,
        lambda r: len(r.rows["budget_rows"]),
        change=budget_typed,
    ),
]
CASES += ECONOMY_CASES
CASES += [
    table_case(GallringModel, "gallring", change=change_rows),
    table_case(LogModel, "log", change=change_rows),
]


# -- the walk every model takes ------------------------------------------------------------------


def every_index(model: QAbstractItemModel) -> Iterator[QModelIndex]:
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            yield model.index(row, column)


def read_everything(model: QAbstractItemModel) -> None:
    """What a view does when it paints: every cell in every role it asks for."""
    roles = (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.FontRole,
        SORT_ROLE,
    )
    for index in every_index(model):
        for role in roles:
            model.data(index, role)
    for column in range(model.columnCount()):
        model.headerData(column, Qt.Orientation.Horizontal)


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_the_model_keeps_qts_contract_through_what_the_window_does(
    qtmodeltester: ModelTester, demo_rows: DemoRows, case: Case
) -> None:
    rows = demo_rows
    total = case.size(rows)
    assert total >= 3, f"the demo unit gives {case.kind.__name__} only {total} rows"
    source = case.make(rows)
    case.fill(source, rows, total)
    proxy = case.proxy() if case.proxy else QSortFilterProxyModel()
    proxy.setSortRole(SORT_ROLE)
    proxy.setSourceModel(source)
    tested = proxy if isinstance(proxy, case.kind) else source
    assert isinstance(tested, case.kind)
    qtmodeltester.check(tested)  # checks the whole model now and after every signal it sends

    # A reset: the page's refresh with the same rows.
    case.fill(source, rows, total)
    assert source.rowCount() > 0
    read_everything(tested)

    # A refresh with fewer rows, and back.
    case.fill(source, rows, 2)
    shorter = source.rowCount()
    case.fill(source, rows, total)
    assert shorter < source.rowCount()
    read_everything(tested)

    # Sorted on every column, both ways, the way a click on the header sorts.
    for column in range(proxy.columnCount()):
        proxy.sort(column, Qt.SortOrder.AscendingOrder)
        proxy.sort(column, Qt.SortOrder.DescendingOrder)
    read_everything(tested)

    # Filtered: the page's own filter where it has one, otherwise the text of the first row.
    if case.narrow is not None:
        case.narrow(proxy, rows)
    else:
        proxy.setFilterKeyColumn(0)
        proxy.setFilterFixedString(str(source.index(0, 0).data()))
    assert proxy.rowCount() <= source.rowCount()
    read_everything(tested)
    case.fill(source, rows, 2)  # a refresh while filtered and sorted
    case.fill(source, rows, total)
    if case.widen is not None:
        case.widen(proxy)
    else:
        proxy.setFilterFixedString("")
    assert proxy.rowCount() == source.rowCount()

    # Data changed under the tester.
    if case.change is not None:
        case.change(source, rows)
    read_everything(tested)
    assert tested.rowCount() >= 3


def test_every_model_of_the_window_has_a_case_here() -> None:
    """The models are found by walking enhetschef_app.ui, so a new one cannot be forgotten."""
    found: set[type[QAbstractItemModel]] = set()
    for module_info in pkgutil.walk_packages(
        enhetschef_app.ui.__path__, enhetschef_app.ui.__name__ + "."
    ):
        module = importlib.import_module(module_info.name)
        for _name, value in inspect.getmembers(module, inspect.isclass):
            if (
                issubclass(value, QAbstractItemModel)
                and value.__module__ == module.__name__
                # The shared bases: every case runs their code.
                and value not in (RowTableModel, RowSortFilterProxy)
            ):
                found.add(value)
    covered = {case.kind for case in CASES}
    # Förvaltning's models show only on a VC's server login; the demo rows here come from a
    # file. They are driven through the page on a real server in test_management_page.py.
    server_only = {
        kind for kind in found if kind.__module__ == "enhetschef_app.ui.management.models"
    }
    assert len(server_only) <= 3
    assert found - covered - server_only == set()
    assert len(found) >= 36


ROW_CASES = [case for case in CASES if issubclass(case.kind, RowTableModel)]


@pytest.mark.parametrize("case", ROW_CASES, ids=case_id)
def test_columns_are_measured_as_wide_as_qt_measures_them(
    qtbot: QtBot, demo_rows: DemoRows, case: Case
) -> None:
    """The pages fit their columns from the texts (`column_widths`), not through Qt's delegate,
    which asks ten roles of every cell; the widths must be the ones Qt's own measure gives, or
    a cell would be cut."""
    source = case.make(demo_rows)
    case.fill(source, demo_rows, case.size(demo_rows))
    view = read_only_table(source)
    qtbot.addWidget(view)
    view.horizontalHeader().setResizeContentsPrecision(SAMPLE_ROWS)
    for column in range(source.columnCount()):
        qts = view.sizeHintForColumn(column)
        ours = content_width(view, column)
        title = source.headerData(column, Qt.Orientation.Horizontal)
        assert qts <= ours <= qts + 2, f"{case.kind.__name__} {title}: Qt {qts}, ours {ours}"

"""The Övertid page with real widgets over a real database file: the tabs and filters, the
decision dialog (split, cost, running totals, the reason needed to pass a limit), a correction,
a new request by hand, Översikt's line, and the running totals in "Hitta ersättare"."""

from __future__ import annotations

from datetime import date, time, timedelta
from decimal import Decimal

import pytest
from page_loading import wait_loaded
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from enhetschef_app.domain.cover_candidates import CoverKind
from enhetschef_app.domain.overtime_requests import RequestStatus, Verdict
from enhetschef_app.services.core.settings import change_settings
from enhetschef_app.services.core.workspace import Workspace
from enhetschef_app.services.overtime.requests import (
    RequestDraft,
    decide_overtime,
    list_requests,
    request_overtime,
)
from enhetschef_app.storage.models import Absence, Employee, ScheduleRow
from enhetschef_app.ui.overtime.decision_dialog import DecisionDialog
from enhetschef_app.ui.overtime.page import OvertimePage
from enhetschef_app.ui.overtime.requests_model import Column
from enhetschef_app.ui.overview.page import OverviewPage
from enhetschef_app.ui.schedule.cover_candidates import CoverDialog
from enhetschef_app.ui.shell.context import AppContext
from enhetschef_app.ui.shell.main_window import MainWindow
from enhetschef_app.ui.shell.table_model import ROW_ROLE

DAY = date(2026, 11, 24)  # the context's today, a Tuesday


class Unit:
    """Anna and Bo (full time) work days; Cia is ill on DAY, her evening row empty; Dan is
    free."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        with ws.transaction() as session:
            unit_id = ws.require_unit().id
            people = [
                Employee(
                    unit_id=unit_id,
                    employee_no=number,
                    name=name,
                    employment_form="tillsvidare",
                    grade_percent=Decimal(100),
                    fulltime_week_minutes=2295,
                    monthly_salary=31500,
                )
                for number, name in (
                    ("1", "Anna Ålund"),
                    ("2", "Bo Berg"),
                    ("3", "Cia Ek"),
                    ("4", "Dan Dahl"),  # free all week: an övertid candidate
                )
            ]
            session.add_all(people)
            session.flush()
            self.anna, self.bo, self.cia, self.dan = (p.id for p in people)
            for person in (self.anna, self.bo):
                for offset in range(-8, 3):
                    session.add(
                        ScheduleRow(
                            unit_id=unit_id,
                            work_date=DAY + timedelta(days=offset),
                            start_time=time(7),
                            end_time=time(15, 30),
                            break_minutes=30,
                            shift_code="D",
                            employee_id=person,
                        )
                    )
            self.cia_row = ScheduleRow(
                unit_id=unit_id,
                work_date=DAY,
                start_time=time(13, 30),
                end_time=time(21, 30),
                break_minutes=30,
                shift_code="K",
                employee_id=self.cia,
            )
            session.add(self.cia_row)
            session.add(Absence(employee_id=self.cia, kind="sjuk", start_date=DAY, end_date=DAY))
            session.flush()
            self.cia_row_id = self.cia_row.id
        change_settings(ws, {"overtime.limit_month_hours": 4})
        self.approved = self.ask("1", DAY - timedelta(days=7), "Förra veckan")
        decide_overtime(ws, self.approved, Verdict.APPROVED, "Behövs")
        self.rejected = self.ask("2", DAY - timedelta(days=6), "Inte behövs")
        decide_overtime(ws, self.rejected, Verdict.REJECTED, "Bemanningen räckte")
        self.waiting_over = self.ask("1", DAY - timedelta(days=1), "Passerar månaden")
        self.waiting = self.ask("2", DAY, "Kvällen")
        self.october = self.ask("2", date(2026, 10, 20), "Oktober")

    def ask(self, number: str, day: date, reason: str) -> int:
        draft = RequestDraft(number, day, time(15, 30), time(18), reason)
        return request_overtime(self.ws, draft).id


@pytest.fixture
def unit(workspace: Workspace) -> Unit:
    return Unit(workspace)


@pytest.fixture
def page(qtbot: QtBot, context: AppContext, unit: Unit) -> OvertimePage:
    widget = OvertimePage(context)
    qtbot.addWidget(widget)
    widget.resize(1280, 700)
    widget.show()
    qtbot.waitExposed(widget)
    wait_loaded(qtbot, widget)
    return widget


def shown(page: OvertimePage, column: Column = Column.REASON) -> list[str]:
    return [page.proxy.index(r, column).data() for r in range(page.proxy.rowCount())]


def open_decision(qtbot: QtBot, page: OvertimePage, request_id: int) -> DecisionDialog:
    page.tabs.setCurrentIndex(3)
    assert page.select_request(request_id)
    dialog = page.decide_selected()
    assert dialog is not None and dialog.task is not None
    task = dialog.task
    qtbot.waitUntil(lambda: task.done, timeout=10_000)
    return dialog


def test_the_tabs_count_and_show_waiting_approved_and_rejected(page: OvertimePage) -> None:
    assert [page.tabs.tabText(i) for i in range(4)] == [
        "Väntar på beslut (3)",
        "Godkända (1)",
        "Avslagna (1)",
        "Alla (5)",
    ]
    assert shown(page) == ["Oktober", "Passerar månaden", "Kvällen"]
    assert shown(page, Column.LIMITS) == ["Inom", "Passeras", "Inom"]
    assert shown(page, Column.STATUS) == ["Väntar på beslut"] * 3
    page.tabs.setCurrentIndex(1)
    assert shown(page) == ["Förra veckan"]
    assert shown(page, Column.SIMPLE) == ["2,00"] and shown(page, Column.COST) == ["888,96 kr"]
    page.tabs.setCurrentIndex(2)
    assert shown(page, Column.STATUS) == ["Avslagen"]
    assert page.count_label.text() == "Visar 1 av 5 begäranden"


def test_filters_by_person_month_and_text(page: OvertimePage) -> None:
    page.tabs.setCurrentIndex(3)
    page.person_combo.setCurrentIndex(page.person_combo.findText("Bo Berg"))
    assert shown(page) == ["Oktober", "Inte behövs", "Kvällen"]
    assert page.tabs.tabText(0) == "Väntar på beslut (2)"
    page.month_combo.setCurrentIndex(page.month_combo.findText("2026-11"))
    assert shown(page) == ["Inte behövs", "Kvällen"]
    page.filter_edit.setText("kväll")
    assert shown(page) == ["Kvällen"]
    page.show_hint("waiting")
    assert page.tabs.currentIndex() == 0 and page.person_combo.currentIndex() == 0
    assert shown(page) == ["Oktober", "Passerar månaden", "Kvällen"]


def test_the_request_list_keeps_the_model_contract_while_it_is_filtered_and_refreshed(
    qtbot: QtBot, qtmodeltester: ModelTester, page: OvertimePage, unit: Unit
) -> None:
    qtmodeltester.check(page.proxy)
    dialog = open_decision(qtbot, page, unit.approved)
    assert dialog.limit_model.rowCount() == 4 and dialog.history_model.rowCount() == 1
    dialog.reject()
    listed = page.proxy.rowCount()
    page.tabs.setCurrentIndex(0)
    page.proxy.set_text("zzz-ingen")
    assert page.proxy.rowCount() == 0
    page.proxy.set_text("")
    page.view.sortByColumn(Column.REASON, Qt.SortOrder.DescendingOrder)
    page.refresh()
    wait_loaded(qtbot, page)
    page.tabs.setCurrentIndex(3)
    assert page.proxy.rowCount() == listed


def test_the_detail_shows_the_history_of_the_chosen_request(page: OvertimePage, unit: Unit) -> None:
    page.tabs.setCurrentIndex(1)
    assert page.select_request(unit.approved)
    assert page.detail.title.text() == "Anna Ålund – Tis 2026-11-17 15:30–18:00"
    assert page.detail.history_model.rowCount() == 1
    assert page.detail.history_model.index(0, 3).data() == "Behövs"
    assert page.decide_button.text() == "Rätta beslut…"


def test_approving_past_a_limit_needs_the_reason_to_go_over_it(
    qtbot: QtBot, page: OvertimePage, unit: Unit
) -> None:
    dialog = open_decision(qtbot, page, unit.waiting_over)
    assert dialog.segment_model.rowCount() == 2
    assert dialog.segment_model.index(0, 1).data() == "Enkel övertid"
    assert "888,96 kr" in dialog.money_label.text()
    assert dialog.comp_label.text().startswith("4,00 h ledigt")
    limits = {dialog.limit_model.index(r, 0).data(): r for r in range(4)}
    month = limits["Allmän övertid per kalendermånad"]
    assert dialog.limit_model.index(month, 5).data() == "ÖVER GRÄNSEN"
    assert dialog.limit_warning.isVisibleTo(dialog)
    assert dialog.over_limit_edit.isVisibleTo(dialog)
    assert not dialog.approve_button.isEnabled() and not dialog.reject_button.isEnabled()
    dialog.reason_edit.setPlainText("Ingen annan kunde")
    assert dialog.reject_button.isEnabled() and not dialog.approve_button.isEnabled()
    assert "skälet att gå över" in dialog.approve_button.toolTip()
    dialog.over_limit_edit.setPlainText("Särskilda skäl: influensan")
    assert dialog.approve_button.isEnabled()
    task = dialog.decide(Verdict.APPROVED)
    assert task is not None
    qtbot.waitUntil(lambda: task.done, timeout=10_000)
    assert dialog.decided is not None and dialog.decided.limits_passed == ("month",)
    approved = list_requests(unit.ws, status=RequestStatus.APPROVED)
    assert {v.id for v in approved} == {unit.approved, unit.waiting_over}
    qtbot.waitUntil(lambda: page.tabs.tabText(1) == "Godkända (2)", timeout=5_000)
    wait_loaded(qtbot, page)
    view = page.selected_request()
    assert view is not None and view.id == unit.waiting_over


def test_a_decided_request_is_corrected_with_a_new_decision(
    qtbot: QtBot, page: OvertimePage, unit: Unit
) -> None:
    dialog = open_decision(qtbot, page, unit.approved)
    assert dialog.windowTitle() == "Rätta beslut om övertid"
    assert dialog.correction_note.isVisibleTo(dialog)
    assert dialog.history_model.index(0, 0).data() == "Godkänd"
    dialog.reason_edit.setPlainText("Passet blev inte av")
    task = dialog.decide(Verdict.REJECTED)
    assert task is not None
    qtbot.waitUntil(lambda: task.done, timeout=10_000)
    (view,) = [v for v in list_requests(unit.ws) if v.id == unit.approved]
    assert view.status is RequestStatus.REJECTED and view.decisions == 2
    wait_loaded(qtbot, page)
    page.tabs.setCurrentIndex(2)
    assert page.select_request(unit.approved)
    assert (
        page.proxy.index(page.view.currentIndex().row(), Column.STATUS).data()
        == "Avslagen (rättad)"
    )
    assert page.detail.history_model.index(1, 0).data() == "Avslagen (rättelse)"


def test_a_new_request_by_hand_shows_its_split_and_saves(
    qtbot: QtBot, page: OvertimePage, unit: Unit
) -> None:
    page.new_item()
    dialog = page.request_dialog
    assert dialog is not None
    dialog.person_combo.setCurrentIndex(dialog.person_combo.findData(unit.cia))
    dialog.start_field.setText("07:00")
    dialog.end_field.setText("09:00")
    dialog.update_preview()
    assert "07:00–09:00 kvalificerad övertid" in dialog.preview.text()
    dialog.save()  # no reason yet
    assert dialog.form.problem_labels["reason"].isVisibleTo(dialog)
    assert dialog.saved is None
    dialog.person_combo.setCurrentIndex(dialog.person_combo.findData(unit.anna))
    dialog.reason_edit.setPlainText("Morgonen")
    dialog.start_field.setText("14:00")
    dialog.end_field.setText("16:00")
    dialog.save()  # clashes with Anna's own shift
    assert "krockar" in dialog.form.problem_labels["start"].text()
    cover = dialog.cover_combo.findText("Rad: 2026-11-24 K 13:30–21:30, Cia Ek frånvarande (sjuk)")
    assert cover > 0
    dialog.cover_combo.setCurrentIndex(cover)
    dialog.start_field.setText("15:30")
    dialog.end_field.setText("21:30")
    dialog.save()
    assert dialog.saved is not None and dialog.saved.row_id == unit.cia_row_id
    qtbot.waitUntil(lambda: page.tabs.tabText(0) == "Väntar på beslut (4)", timeout=5_000)


def test_overview_leads_to_the_waiting_requests(
    qtbot: QtBot, context: AppContext, unit: Unit
) -> None:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.open_page("oversikt")
    overview = window.current_page()
    assert isinstance(overview, OverviewPage)
    wait_loaded(qtbot, overview)
    line = overview.overtime_panel.line
    assert line.text() == (
        "Övertid att besluta: 3 (äldsta 2026-10-20), 1 skulle passera en gräns →"
    )
    line.click()
    page = window.current_page()
    assert isinstance(page, OvertimePage)
    wait_loaded(qtbot, page)
    assert page.tabs.currentIndex() == 0
    assert page.proxy.rowCount() == 3
    decide_overtime(unit.ws, unit.october, Verdict.REJECTED, "För sent")
    page.context.events.announce("overtime")
    wait_loaded(qtbot, page)
    window.open_page("oversikt")
    wait_loaded(qtbot, overview)
    assert line.text().startswith("Övertid att besluta: 2 (äldsta 2026-11-23)")


def test_hitta_ersattare_shows_an_overtime_candidates_running_totals(
    qtbot: QtBot, context: AppContext, unit: Unit
) -> None:
    dialog = CoverDialog(context, unit.cia_row_id, DAY)
    qtbot.addWidget(dialog)
    dialog.show()
    task = dialog.load()
    qtbot.waitUntil(lambda: task.done, timeout=10_000)
    rows = [
        r
        for r in range(dialog.model.rowCount())
        if dialog.model.candidate_at(r).candidate.kind is CoverKind.OVERTIME
    ]
    assert rows, "a full-timer free that evening is an övertid candidate"
    dialog.view.selectRow(rows[0])
    outlook = dialog.outlook_task
    assert outlook is not None
    qtbot.waitUntil(lambda: outlook.done, timeout=10_000)
    text = dialog.overtime_outlook.text()
    assert "Allmän övertid per kalendermånad" in text and "av 4 h" in text
    assert dialog.overtime_outlook.isVisibleTo(dialog)
    assert dialog.model.index(rows[0], 0).data(ROW_ROLE) is not None

"""The Medarbetarsamtal page with real widgets over a real database file: the cycle and its list,
planning, booking (the .ics written) and recording a talk, competence, introduction, exit talks,
and Översikt's lines leading here."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time
from pathlib import Path

import pytest
from icalendar import Calendar
from page_loading import wait_loaded
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from enhetschef_app.domain.competence import DelegationDraft
from enhetschef_app.domain.review_talks import GoalDraft, TalkPlanDraft, TalkRecordDraft
from enhetschef_app.domain.staff import EmploymentForm
from enhetschef_app.services.core.workspace import Workspace
from enhetschef_app.services.people.competence import save_delegation
from enhetschef_app.services.people.exit_talks import leavers
from enhetschef_app.services.people.reviews import plan_talk, record_talk, review_overview
from enhetschef_app.services.staff.employees import EmployeeView
from enhetschef_app.ui.overview.page import OverviewPage
from enhetschef_app.ui.people.competence_dialog import DelegationDialog
from enhetschef_app.ui.people.misc_dialogs import ExitTalkDialog
from enhetschef_app.ui.people.page import PeoplePage
from enhetschef_app.ui.people.review_talk_dialog import PlanTalkDialog, RecordTalkDialog
from enhetschef_app.ui.people.reviews_model import Column
from enhetschef_app.ui.shell.context import AppContext
from enhetschef_app.ui.shell.main_window import MainWindow

MakeEmployee = Callable[..., EmployeeView]
DAY = date(2026, 11, 24)  # the context's today: the Sep–Nov window is open


@pytest.fixture
def staff(workspace: Workspace, make_employee: MakeEmployee) -> dict[str, int]:
    ids = {
        "anna": make_employee("1", "Anna Ålund").id,
        "bo": make_employee("2", "Bo Ek").id,
        "cia": make_employee("3", "Cia Timm", form=EmploymentForm.HOURLY, grade=None).id,
        "dan": make_employee("4", "Dan Ny", start=date(2026, 11, 2)).id,
        "eva": make_employee("5", "Eva Slutar", end=date(2026, 11, 28)).id,
    }
    record_talk(
        workspace,
        ids["anna"],
        TalkRecordDraft(
            date(2026, 9, 20),
            "Trivs.",
            (GoalDraft("Demens ABC", "Webbutbildning", date(2026, 11, 1), None),),
        ),
        day=DAY,
    )
    save_delegation(
        workspace,
        ids["bo"],
        DelegationDraft("Insulininjektion", "Helena Ström", date(2026, 1, 1), date(2026, 12, 10)),
    )
    return ids


@pytest.fixture
def page(qtbot: QtBot, context: AppContext, staff: dict[str, int]) -> PeoplePage:
    widget = PeoplePage(context)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    qtbot.waitExposed(widget)
    wait_loaded(qtbot, widget)
    return widget


def shown(page: PeoplePage, column: int = Column.NAME) -> list[str]:
    proxy = page.reviews.proxy
    return [proxy.index(row, column).data() for row in range(proxy.rowCount())]


def select(page: PeoplePage, name: str) -> None:
    names = shown(page)
    view = page.reviews.view
    view.selectionModel().select(
        page.reviews.proxy.index(names.index(name), 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )


def test_the_cycle_the_coverage_and_who_has_a_talk_left(
    qtmodeltester: ModelTester, qtbot: QtBot, page: PeoplePage
) -> None:
    tab = page.reviews
    qtmodeltester.check(tab.proxy)
    assert tab.period_label.text() == "Period 2026: 2026-09-01 – 2026-11-30 (pågår)"
    assert tab.coverage_label.text() == "Genomförda: 1 av 2 (50 %)"
    assert tab.goals_label.text() == "Mål att följa upp: 1"
    # The hourly paid, the new starter and the leaver are not expected: hidden until asked for.
    assert shown(page) == ["Anna Ålund", "Bo Ek"]
    assert tab.count_label.text() == "2 av 5 visas"
    tab.show_all.setChecked(True)
    assert shown(page) == ["Anna Ålund", "Bo Ek", "Cia Timm", "Dan Ny", "Eva Slutar"]
    row = shown(page).index("Dan Ny")
    assert "introduktion" in tab.proxy.index(row, Column.SITUATION).data()
    tab.show_hint("kvar")
    assert shown(page) == ["Bo Ek"]
    assert tab.proxy.index(0, Column.STATUS).data() == "Ej planerat"
    assert tab.proxy.index(0, Column.SITUATION).data() == "Kvar att hålla"
    tab.show_hint("mal")
    assert shown(page) == ["Anna Ålund"]


def test_plan_then_book_writes_the_invitation(
    qtbot: QtBot,
    page: PeoplePage,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    select(page, "Bo Ek")
    dialog = page.reviews.plan()
    assert isinstance(dialog, PlanTalkDialog)
    qtbot.keyClicks(dialog.date_edit, "2026-11-3")
    assert not dialog.save_button.isEnabled()
    # Not while the date is being typed: a field's problem shows once the user leaves it.
    assert not dialog.form.problem_labels["planned_on"].isVisible()
    qtbot.keyClicks(dialog.date_edit, "0")
    assert dialog.save_button.isEnabled()
    qtbot.keyClicks(dialog.time_edit, "1430")
    qtbot.keyClicks(dialog.place_edit, "Kontoret")

    target = tmp_path / "bo.ics"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    dialog.book_button.click()
    assert target.exists() and str(target) in told[0]
    event = next(iter(Calendar.from_ical(target.read_bytes()).walk("VEVENT")))
    assert str(event["SUMMARY"]) == "Medarbetarsamtal"
    assert event.decoded("DTSTART").time() == time(14, 30)
    qtbot.waitUntil(lambda: shown(page, Column.STATUS)[shown(page).index("Bo Ek")] == "Bokat")
    row = shown(page).index("Bo Ek")
    assert page.reviews.proxy.index(row, Column.PLANNED).data() == "2026-11-30"


def test_recording_a_talk_warns_about_sensitive_notes(
    qtbot: QtBot, page: PeoplePage, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    select(page, "Bo Ek")
    dialog = page.reviews.record()
    assert isinstance(dialog, RecordTalkDialog)
    assert dialog.held_edit.text() == DAY.isoformat()
    # QTest types ASCII only; Swedish letters go in as text.
    dialog.notes_edit.setPlainText("Sjukskriven för depression")
    assert dialog.privacy.isVisible() and "hälsouppgifter" in dialog.privacy.text()
    dialog.goal_rows[0].goal_edit.setText("Handleda nyanställda")
    qtbot.keyClicks(dialog.goal_rows[0].due_edit, "2027-03-01")
    extra = dialog.add_goal(None)
    qtbot.keyClicks(extra.how_edit, "bara hur")
    assert not dialog.save_button.isEnabled()
    assert "Mål 2" in dialog.goal_problems.text()
    dialog.remove_goal(extra)
    assert dialog.save_button.isEnabled()

    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: answers.pop(0))
    dialog.save()
    assert dialog.isVisible()  # said no: nothing saved
    assert review_overview(workspace, DAY).coverage.held == 1
    dialog.save()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert review_overview(workspace, DAY).coverage.held == 2
    qtbot.waitUntil(lambda: page.reviews.coverage_label.text().startswith("Genomförda: 2 av 2"))


def test_competence_tab_lists_reminders_and_records_a_delegation(
    qtmodeltester: ModelTester, qtbot: QtBot, page: PeoplePage
) -> None:
    page.show_hint("kompetens/delegeringar_gar_ut")
    wait_loaded(qtbot, page)
    tab = page.competence
    assert page.tabs.currentWidget() is tab
    qtmodeltester.check(tab.model)
    assert tab.proxy.rowCount() == 1
    assert tab.proxy.index(0, 3).data() == "Insulininjektion"
    assert tab.proxy.index(0, 8).data() == "Går snart ut"
    assert tab.proxy.index(0, 7).data() == "16 dagar kvar"
    assert tab.expiring_label.text().startswith("Går ut inom 30 dagar:")

    tab.view.selectRow(0)
    dialog = tab.edit_delegation(renew=True)
    assert isinstance(dialog, DelegationDialog)
    assert dialog.from_edit.text() == "2026-12-11"
    assert dialog.to_edit.text() == "2027-12-10"  # a year, filled in
    assert dialog.nurse_edit.text() == "Helena Ström"  # the nurse comes with the renewal
    assert dialog.save_button.isEnabled()
    dialog.save()
    qtbot.waitUntil(lambda: tab.proxy.rowCount() == 0)  # renewed: no longer a reminder
    tab.show_hint("alla")
    renewed = [
        tab.proxy.index(r, 6).data()
        for r in range(tab.proxy.rowCount())
        if tab.proxy.index(r, 3).data() == "Insulininjektion"
    ]
    assert renewed == ["2027-12-10"]


def test_introduction_and_exit_talk_tabs(
    qtmodeltester: ModelTester, qtbot: QtBot, page: PeoplePage, workspace: Workspace
) -> None:
    page.show_tab("introduktion")
    wait_loaded(qtbot, page)
    intro = page.introduction
    qtmodeltester.check(intro.model)

    assert intro.proxy.rowCount() == 1
    assert intro.checklist_title.text() == "Dan Ny – första dag 2026-11-02"
    intro.checklist_view.selectRow(0)
    intro.done_button.click()
    qtbot.waitUntil(lambda: intro.checklist_model.index(0, 2).data() == DAY.isoformat())
    assert intro.proxy.index(0, 2).data().startswith("1 av ")

    page.show_hint("avslut/utan_samtal")
    wait_loaded(qtbot, page)
    exits = page.exits

    assert exits.missing_only.isChecked()
    assert exits.proxy.index(0, 1).data() == "Eva Slutar"
    assert exits.proxy.index(0, 5).data() == "Att hålla"
    exits.view.selectRow(0)
    dialog = exits.record()
    assert isinstance(dialog, ExitTalkDialog)
    assert not dialog.save_button.isEnabled()  # no reason chosen
    dialog.reason_combo.setCurrentIndex(dialog.reason_combo.findText("Flytt"))
    dialog.declined_radio.setChecked(True)
    assert not dialog.date_edit.isEnabled()
    dialog.save()
    qtbot.waitUntil(lambda: exits.proxy.rowCount() == 0)
    saved = leavers(workspace, DAY)[0]
    assert saved.reason is not None and saved.reason.label == "Flytt"
    assert saved.outcome is not None and saved.outcome.label == "Avböjt"


def test_oversikt_lines_lead_to_the_page_and_its_filter(
    qtbot: QtBot, context: AppContext, staff: dict[str, int], workspace: Workspace
) -> None:
    plan_talk(workspace, staff["bo"], TalkPlanDraft(date(2026, 12, 3), time(10), 60, ""))
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    overview = window.page("oversikt")
    assert isinstance(overview, OverviewPage)
    wait_loaded(qtbot, overview)
    panel = overview.people_panel
    assert panel.goals_line.isVisible()
    assert panel.goals_line.text() == "Mål att följa upp: 1 →"
    assert panel.delegations_line.text().startswith("Delegeringar som går ut inom 30 dagar")
    assert panel.exits_line.text() == "Avslutningssamtal att hålla: 1 →"
    assert not panel.talks_line.isVisible()  # the window is still open: nobody overdue
    qtbot.mouseClick(panel.goals_line, Qt.MouseButton.LeftButton)
    page = window.current_page()
    assert isinstance(page, PeoplePage)
    wait_loaded(qtbot, page)
    assert page.tabs.currentWidget() is page.reviews
    assert [
        page.reviews.proxy.index(r, Column.NAME).data()
        for r in range(page.reviews.proxy.rowCount())
    ] == ["Anna Ålund"]
    window.show_page(0)
    qtbot.mouseClick(panel.delegations_line, Qt.MouseButton.LeftButton)
    assert window.current_page() is page and page.tabs.currentWidget() is page.competence
    wait_loaded(qtbot, page)
    assert page.competence.proxy.rowCount() == 1

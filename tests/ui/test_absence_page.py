"""Frånvaro och omtanke with real widgets over a real database: the list and its filters, the
absence dialogs, the omtankessamtal workflow through its dialogs, the person view, the import,
and Översikt's lines that lead here."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import icalendar
import pytest
from page_loading import wait_loaded
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from enhetschef_app.domain.absences import AbsenceDraft
from enhetschef_app.domain.care_talks import TalkState
from enhetschef_app.services.absence.absences import list_absences, save_absence
from enhetschef_app.services.absence.care_talks import list_talks
from enhetschef_app.services.core.workspace import Workspace
from enhetschef_app.services.staff.employees import EmployeeView
from enhetschef_app.ui.absence.absence_dialog import AbsenceDialog, EndAbsenceDialog
from enhetschef_app.ui.absence.absences_model import AbsenceColumn
from enhetschef_app.ui.absence.care_talk_dialog import SnoozeDialog, TalkStepDialog
from enhetschef_app.ui.absence.care_talks_model import SignalColumn
from enhetschef_app.ui.absence.page import TAB_ABSENCES, TAB_PERSON, TAB_TALKS, AbsencePage
from enhetschef_app.ui.overview.page import OverviewPage
from enhetschef_app.ui.shell.context import AppContext
from enhetschef_app.ui.shell.main_window import MainWindow

MakeEmployee = Callable[..., EmployeeView]
DAY = date(2026, 11, 24)


def add(workspace: Workspace, person: int, kind: str, start: str, end: str | None) -> None:
    save_absence(
        workspace,
        AbsenceDraft(
            person,
            kind,
            date.fromisoformat(start),
            date.fromisoformat(end) if end else None,
            100,
        ),
    )


@pytest.fixture
def people(workspace: Workspace, make_employee: MakeEmployee) -> dict[str, int]:
    anna = make_employee("1", "Anna Ålund").id
    bo = make_employee("2", "Bo Berg").id
    cia = make_employee("3", "Cia Dahl").id
    for start, end in (("2026-03-02", "2026-03-03"), ("2026-05-11", None), ("2026-09-14", None)):
        add(workspace, anna, "sjuk", start, end or start)
    add(workspace, bo, "sjuk", "2026-09-01", None)  # day 90 is Sunday 2026-11-29
    add(workspace, cia, "vab", "2026-10-05", "2026-10-06")
    add(workspace, cia, "semester", "2026-07-06", "2026-07-31")
    return {"anna": anna, "bo": bo, "cia": cia}


@pytest.fixture
def page(qtbot: QtBot, context: AppContext, people: dict[str, int]) -> AbsencePage:
    widget = AbsencePage(context)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    qtbot.waitExposed(widget)
    wait_loaded(qtbot, widget)
    return widget


def listed(page: AbsencePage, column: AbsenceColumn = AbsenceColumn.NAME) -> list[str]:
    proxy = page.absences_tab.proxy
    return [proxy.index(row, column).data() for row in range(proxy.rowCount())]


def signal_texts(page: AbsencePage, column: SignalColumn = SignalColumn.STATUS) -> list[str]:
    model = page.talks_tab.signal_model
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_the_list_keeps_the_model_contract_while_it_is_filtered_sorted_and_refreshed(
    qtbot: QtBot, qtmodeltester: ModelTester, page: AbsencePage
) -> None:
    proxy = page.absences_tab.proxy
    qtmodeltester.check(proxy)
    everyone = proxy.rowCount()
    proxy.set_text("anna")
    proxy.set_ongoing_only(True)
    narrowed = proxy.rowCount()
    assert narrowed < everyone
    page.talks_tab.show_finished.setChecked(True)
    page.absences_tab.view.sortByColumn(AbsenceColumn.DAYS, Qt.SortOrder.DescendingOrder)
    page.refresh()
    wait_loaded(qtbot, page)
    assert proxy.rowCount() == narrowed
    proxy.set_text("")
    proxy.set_ongoing_only(False)
    assert proxy.rowCount() == everyone


def test_the_list_filters_by_person_kind_period_and_ongoing(
    qtbot: QtBot, page: AbsencePage
) -> None:
    page.tabs.setCurrentIndex(TAB_ABSENCES)
    table = page.absences_tab
    assert len(listed(page)) == 6 and table.count_label.text() == "6 av 6 visas"
    qtbot.keyClicks(table.filter_edit, "berg")
    assert listed(page) == ["Bo Berg"]
    assert listed(page, AbsenceColumn.END) == ["pågår"]
    assert listed(page, AbsenceColumn.DAYS) == ["85"]
    assert table.filter_edit is not None
    table.filter_edit.clear()
    table.kind_combo.setCurrentIndex(table.kind_combo.findText("Vård av barn (VAB)"))
    assert listed(page) == ["Cia Dahl"]
    table.kind_combo.setCurrentIndex(0)
    qtbot.keyClicks(table.first_edit, "2026-07-01")
    qtbot.keyClicks(table.last_edit, "2026-09-01")
    assert sorted(listed(page)) == ["Bo Berg", "Cia Dahl"]
    table.first_edit.clear()
    table.last_edit.clear()
    table.ongoing_check.setChecked(True)
    assert listed(page) == ["Bo Berg"]
    assert listed(page, AbsenceColumn.STATUS) == ["Pågår"]


def test_registering_an_absence_checks_the_fields_as_they_are_typed(
    qtbot: QtBot, page: AbsencePage, workspace: Workspace, people: dict[str, int]
) -> None:
    page.tabs.setCurrentIndex(TAB_ABSENCES)
    page.new_item()
    dialog = page.absences_tab.dialog
    assert isinstance(dialog, AbsenceDialog)
    assert not dialog.save_button.isEnabled()  # nobody chosen yet
    # The form opens without red text; a field's problem shows once the user has left it.
    assert not dialog.form.problem_labels["employee"].isVisible()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.person_combo.setCurrentIndex(dialog.person_combo.findText("Cia Dahl (3)"))
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findText("Sjuk"))
    dialog.start_edit.setText("2026-11-20")
    dialog.end_edit.setFocus()
    qtbot.keyClicks(dialog.end_edit, "2026-11-19")
    assert not dialog.form.problem_labels["end"].isVisible()
    dialog.extent_spin.setFocus()
    assert "före från-datumet" in dialog.form.problem_labels["end"].text()
    assert dialog.form.problem_labels["end"].isVisible()
    assert not dialog.save_button.isEnabled()
    dialog.end_edit.setText("2026-11-21")
    dialog.extent_spin.setValue(50)
    assert dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    saved = [a for a in list_absences(workspace) if a.start == date(2026, 11, 20)]
    assert [(a.employee_name, a.kind, a.extent_percent) for a in saved] == [
        ("Cia Dahl", "sjuk", 50)
    ]
    wait_loaded(qtbot, page)
    selected = page.absences_tab.selected()
    assert selected is not None
    assert selected.start == date(2026, 11, 20)


def test_an_overlap_is_shown_beside_the_dates(
    qtbot: QtBot, page: AbsencePage, people: dict[str, int]
) -> None:
    dialog = page.absences_tab.new_absence(date(2026, 10, 6))
    dialog.person_combo.setCurrentIndex(dialog.person_combo.findText("Cia Dahl (3)"))
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findText("Semester"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "Överlappar vård av barn (vab) 2026-10-05–2026-10-06" in (
        dialog.form.problem_labels["start"].text()
    )


def select_row(page: AbsencePage, name: str) -> None:
    table = page.absences_tab
    row = listed(page).index(name)
    table.view.selectRow(row)


def test_ending_and_deleting_from_the_list(
    qtbot: QtBot, page: AbsencePage, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    page.tabs.setCurrentIndex(TAB_ABSENCES)
    table = page.absences_tab
    select_row(page, "Cia Dahl")
    assert not table.end_button.isEnabled()  # an absence that has ended
    select_row(page, "Bo Berg")
    assert table.end_button.isEnabled()
    qtbot.mouseClick(table.end_button, Qt.MouseButton.LeftButton)
    dialog = table.dialog
    assert isinstance(dialog, EndAbsenceDialog)
    assert dialog.end_edit.text() == DAY.isoformat()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    bo = [a for a in list_absences(workspace) if a.employee_name == "Bo Berg"]
    assert bo[0].end == DAY

    asked: list[str] = []

    def answer(reply: QMessageBox.StandardButton) -> Callable[..., QMessageBox.StandardButton]:
        def question(
            _parent: object, _title: str, text: str, *_a: object
        ) -> QMessageBox.StandardButton:
            asked.append(text)
            return reply

        return question

    wait_loaded(qtbot, page)
    select_row(page, "Bo Berg")
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    table.view.setFocus()
    qtbot.keyClick(table.view, Qt.Key.Key_Delete)
    assert len(list_absences(workspace)) == 6
    assert "Ta bort frånvaron sjuk 2026-09-01–2026-11-24 för Bo Berg?" in asked[0]
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    qtbot.mouseClick(table.delete_button, Qt.MouseButton.LeftButton)
    assert len(list_absences(workspace)) == 5
    wait_loaded(qtbot, page)
    assert "Bo Berg" not in listed(page)


def choose_signal(page: AbsencePage, name: str) -> None:
    row = signal_texts(page, SignalColumn.NAME).index(name)
    page.talks_tab.signal_view.selectRow(row)


def test_the_signal_is_explained_and_only_the_allowed_steps_can_be_taken(
    page: AbsencePage,
) -> None:
    tab = page.talks_tab
    assert signal_texts(page, SignalColumn.NAME) == ["Anna Ålund"]
    assert signal_texts(page) == ["Ska erbjudas samtal"]
    choose_signal(page, "Anna Ålund")
    html = tab.detail_view.toPlainText()
    assert "Ska erbjudas omtankessamtal" in html
    assert "3 tillfällen (gräns 3) 2025-11-24–2026-11-24" in html
    assert tab.invite_button.isEnabled() and tab.not_needed_button.isEnabled()
    assert tab.snooze_button.isEnabled()
    assert not tab.held_button.isEnabled()
    assert "Bjud in till samtalet först" in tab.held_button.toolTip()
    assert not tab.close_button.isEnabled() and not tab.ics_button.isEnabled()


def test_the_talk_from_invitation_to_closed_through_the_dialogs(
    qtbot: QtBot,
    page: AbsencePage,
    workspace: Workspace,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tab = page.talks_tab
    choose_signal(page, "Anna Ålund")
    qtbot.mouseClick(tab.invite_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, TalkStepDialog) and dialog.target is TalkState.INVITED
    assert dialog.date_edit.text() == "2026-11-27"
    assert not dialog.save_button.isEnabled()  # time and place are required
    qtbot.keyClicks(dialog.time_edit, "0930")
    qtbot.keyClicks(dialog.place_edit, "Chefens kontor")
    assert dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_loaded(qtbot, page)
    assert signal_texts(page) == ["Inbjuden 2026-11-27"]

    choose_signal(page, "Anna Ålund")
    assert tab.ics_button.isEnabled() and tab.invite_button.text() == "Ny tid…"
    target = tmp_path / "inbjudan.ics"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    qtbot.mouseClick(tab.ics_button, Qt.MouseButton.LeftButton)
    event = next(iter(icalendar.Calendar.from_ical(target.read_bytes()).walk("VEVENT")))
    assert str(event["SUMMARY"]) == "Samtal med din chef"
    assert str(target) in told[0]

    qtbot.mouseClick(tab.held_button, Qt.MouseButton.LeftButton)
    held = tab.dialog
    assert isinstance(held, TalkStepDialog) and held.target is TalkState.HELD
    held.date_edit.setText("2026-11-24")
    assert not held.save_button.isEnabled()  # the agreed support is required
    # QTest types ASCII only; Swedish letters go in as text.
    held.text_edit.setPlainText("Hon har migrän; kortare pass i två veckor")
    assert held.privacy_note.isVisible() and "hälsouppgifter" in held.privacy_note.text()
    assert held.follow_up_edit.text() == "2027-01-05"
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: answers.pop(0))
    qtbot.mouseClick(held.save_button, Qt.MouseButton.LeftButton)
    assert held.isVisible()  # the EC chose to change the text
    held.text_edit.setPlainText("Kortare pass i två veckor")
    assert not held.privacy_note.isVisible()
    qtbot.mouseClick(held.save_button, Qt.MouseButton.LeftButton)
    assert not held.isVisible()
    (talk,) = list_talks(workspace)
    assert talk.state is TalkState.HELD and talk.support_text == "Kortare pass i två veckor"
    wait_loaded(qtbot, page)

    tab.select_employee(people_id(workspace, "Anna Ålund"))
    assert tab.follow_up_button.isEnabled() and not tab.close_button.isEnabled()
    assert "Följ upp samtalet" in tab.close_button.toolTip()
    qtbot.mouseClick(tab.follow_up_button, Qt.MouseButton.LeftButton)
    follow = tab.dialog
    assert isinstance(follow, TalkStepDialog)
    qtbot.mouseClick(follow.save_button, Qt.MouseButton.LeftButton)
    wait_loaded(qtbot, page)
    qtbot.mouseClick(tab.close_button, Qt.MouseButton.LeftButton)
    closing = tab.dialog
    assert isinstance(closing, TalkStepDialog)
    qtbot.mouseClick(closing.save_button, Qt.MouseButton.LeftButton)
    wait_loaded(qtbot, page)
    assert list_talks(workspace)[0].state is TalkState.CLOSED
    tab.show_finished.setChecked(True)
    assert tab.talk_proxy.rowCount() == 1


def people_id(workspace: Workspace, name: str) -> int:
    return next(a.employee_id for a in list_absences(workspace) if a.employee_name == name)


def test_a_snoozed_signal_waits_and_can_be_woken(qtbot: QtBot, page: AbsencePage) -> None:
    tab = page.talks_tab
    choose_signal(page, "Anna Ålund")
    qtbot.mouseClick(tab.snooze_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, SnoozeDialog)
    assert dialog.until_edit.text() == "2026-12-08"
    assert not dialog.save_button.isEnabled()
    qtbot.keyClicks(dialog.reason_edit, "Efter semestern")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_loaded(qtbot, page)
    assert signal_texts(page) == ["Vilande till 2026-12-08"]
    choose_signal(page, "Anna Ålund")
    assert "Signalen vilar till 2026-12-08" in tab.detail_view.toPlainText()
    assert tab.wake_button.isEnabled() and not tab.snooze_button.isEnabled()
    qtbot.mouseClick(tab.wake_button, Qt.MouseButton.LeftButton)
    wait_loaded(qtbot, page)
    assert signal_texts(page) == ["Ska erbjudas samtal"]


def test_the_person_view_shows_their_absences_and_rehab_milestones(
    page: AbsencePage, people: dict[str, int]
) -> None:
    page.show_hint(("person", people["bo"]))
    assert page.tabs.currentIndex() == TAB_PERSON
    assert page.person_absences.proxy.rowCount() == 1
    assert page.person_absences.count_label.text() == "1 poster"
    text = page.person_detail.toPlainText()
    assert "Sjukperiod från 2026-09-01" in text
    assert "Läkarintyg" in text and "2026-09-08" in text
    assert "Dag 90 i rehabkedjan" in text and "denna vecka" in text
    page.person_combo.setCurrentIndex(page.person_combo.findText("Cia Dahl (3)"))
    text = page.person_detail.toPlainText()
    assert "Räknades inte" in text and "Vård av barn (VAB) (1)" in text


def test_changing_the_day_counts_again(qtbot: QtBot, page: AbsencePage) -> None:
    # The window on 2027-03-03 starts 2026-03-03: the spell of 2026-03-02 has left it.
    page.day_edit.setText("2027-03-03")
    page.day_edit.editingFinished.emit()
    wait_loaded(qtbot, page)
    assert signal_texts(page) == []
    assert page.talks_tab.signal_empty.isVisible()
    page.day_edit.setText("2027-13-01")
    page.day_edit.editingFinished.emit()
    assert page.day_problem.isVisible()
    qtbot.mouseClick(page.today_button, Qt.MouseButton.LeftButton)
    wait_loaded(qtbot, page)
    assert signal_texts(page, SignalColumn.NAME) == ["Anna Ålund"]


def test_import_from_the_arkiv_hint_runs_in_the_background(
    qtbot: QtBot,
    page: AbsencePage,
    workspace: Workspace,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    file = tmp_path / "franvaro.csv"
    file.write_text(
        "Anställningsnr;Frånvarotyp;Från;Till;Omfattning (%)\n3;VAB;2026-11-02;2026-11-03;100\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(file), ""))
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    page.show_hint("importera")
    qtbot.waitUntil(lambda: bool(told), timeout=10_000)
    assert "1 ny" in told[0]
    page.tabs.setCurrentIndex(TAB_ABSENCES)
    wait_loaded(qtbot, page)
    assert len(listed(page)) == 7


def test_oversikt_lines_lead_to_the_page(
    qtbot: QtBot, context: AppContext, people: dict[str, int]
) -> None:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    overview = window.page("oversikt")
    assert isinstance(overview, OverviewPage)
    wait_loaded(qtbot, overview)
    panel = overview.care_panel
    assert panel.due_line.text() == "Ska erbjudas omtankessamtal: 1 – Anna Ålund →"
    assert panel.talks_line.text() == "Inga omtankessamtal att hålla denna vecka →"
    assert panel.milestone_line.text() == (
        "Rehabkedjan denna vecka: 1 – Bo Berg: dag 90 i rehabkedjan 2026-11-29 →"
    )
    qtbot.mouseClick(panel.milestone_line, Qt.MouseButton.LeftButton)
    page = window.current_page()
    assert isinstance(page, AbsencePage) and page.tabs.currentIndex() == TAB_PERSON
    wait_loaded(qtbot, page)
    assert page.person_id() == people["bo"]
    window.show_page(0)
    qtbot.mouseClick(panel.due_line, Qt.MouseButton.LeftButton)
    assert window.current_page() is page and page.tabs.currentIndex() == TAB_TALKS
    file_menu = window.menuBar().actions()[0].menu()
    assert isinstance(file_menu, QMenu)
    titles = [action.text() for action in file_menu.actions()]
    assert "Importera frånvaro…" in titles

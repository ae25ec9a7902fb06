"""The Avvikelser page with real widgets over a real database file: the list and its filters,
registering with privacy warnings, a refused step named in words, steps, actions, timeline,
staffing, statistics with the APT workbook, and the line on Översikt that leads here."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from page_loading import wait_loaded
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from enhetschef_app.domain.incident_report import ActionDraft, IncidentDraft
from enhetschef_app.domain.incidents import Track
from enhetschef_app.services.core.workspace import Workspace
from enhetschef_app.services.incidents.views import IncidentSummary, list_incidents
from enhetschef_app.services.incidents.workflow import register_incident, save_action
from enhetschef_app.ui.incidents.incidents_model import Column
from enhetschef_app.ui.incidents.page import IncidentsPage
from enhetschef_app.ui.incidents.stats_dialog import IncidentStatsDialog
from enhetschef_app.ui.overview.page import OverviewPage
from enhetschef_app.ui.shell import privacy
from enhetschef_app.ui.shell.context import AppContext
from enhetschef_app.ui.shell.main_window import MainWindow
from enhetschef_app.ui.shell.worker import BackgroundTask

DAY = date(2026, 11, 24)


def add(
    workspace: Workspace, on: date, track: Track, category: str, text: str, **more: str
) -> IncidentSummary:
    draft = IncidentDraft(on, time(14, 30), on, "Rapportör", category, track, text, **more)
    return register_incident(workspace, draft, DAY)


@pytest.fixture
def reports(workspace: Workspace) -> dict[str, IncidentSummary]:
    found = {
        "sarah": add(workspace, date(2026, 11, 20), Track.LEX_SARAH, "bemotande", "Fick vänta"),
        "maria": add(workspace, date(2026, 10, 1), Track.LEX_MARIA, "lakemedel", "Fel dos"),
        "other": add(workspace, date(2026, 9, 15), Track.OTHER, "fall", "Föll i korridoren"),
    }
    save_action(
        workspace, found["other"].id, ActionDraft("Ny matta", "EC", date(2026, 11, 1)), today=DAY
    )
    return found


@pytest.fixture
def page(qtbot: QtBot, context: AppContext, reports: dict[str, IncidentSummary]) -> IncidentsPage:
    widget = IncidentsPage(context)
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    widget.show()
    qtbot.waitExposed(widget)
    wait_loaded(qtbot, widget)
    return widget


def task_done(task: BackgroundTask[Any]) -> Callable[[], bool]:
    return lambda: task.done


def shown(page: IncidentsPage, column: Column = Column.NUMBER) -> list[str]:
    return [page.proxy.index(r, column).data() for r in range(page.proxy.rowCount())]


def test_the_list_keeps_the_model_contract_while_it_is_filtered_and_refreshed(
    qtbot: QtBot, qtmodeltester: ModelTester, page: IncidentsPage
) -> None:
    qtmodeltester.check(page.proxy)
    page.select_incident(page.model.rows()[0].id)
    page.refresh()  # a reset under the tester
    wait_loaded(qtbot, page)
    page.overdue_check.setChecked(True)
    assert shown(page) == ["AVV-2026-0002", "AVV-2026-0003"]
    page.overdue_check.setChecked(False)
    assert page.proxy.rowCount() == 3


def test_the_list_is_newest_first_with_words_for_late_ones(page: IncidentsPage) -> None:
    assert shown(page) == ["AVV-2026-0001", "AVV-2026-0002", "AVV-2026-0003"]
    assert shown(page, Column.TRACK) == ["Lex Sarah", "Lex Maria", "Övrigt"]
    assert shown(page, Column.DEADLINE) == ["I tid", "Sen, 51 d", "Sen, 40 d"]
    assert page.count_label.text() == "3 av 3 visas, 2 försenade"
    tip = page.proxy.index(1, Column.DEADLINE).data(Qt.ItemDataRole.ToolTipRole)
    assert "Överlämnas till MAS: senast 2026-10-04" in tip


def test_filters_by_state_track_category_period_overdue_and_text(
    qtbot: QtBot, page: IncidentsPage
) -> None:
    page.overdue_check.setChecked(True)
    assert shown(page) == ["AVV-2026-0002", "AVV-2026-0003"]
    page.overdue_check.setChecked(False)
    page.track_combo.setCurrentIndex(page.track_combo.findText("Lex Sarah"))
    assert shown(page) == ["AVV-2026-0001"]
    page.track_combo.setCurrentIndex(0)
    page.category_combo.setCurrentIndex(page.category_combo.findText("Fall"))
    assert shown(page) == ["AVV-2026-0003"]
    page.category_combo.setCurrentIndex(0)
    page.period_combo.setCurrentIndex(page.period_combo.findText("2026-10"))
    assert shown(page) == ["AVV-2026-0002"]
    page.period_combo.setCurrentIndex(page.period_combo.findText("Senaste 30 dagarna"))
    assert shown(page) == ["AVV-2026-0001"]
    page.period_combo.setCurrentIndex(0)
    page.state_combo.setCurrentIndex(page.state_combo.findText("Avslutad"))
    assert shown(page) == []
    assert page.count_label.text() == "0 av 3 visas, 0 försenade"
    page.state_combo.setCurrentIndex(0)
    qtbot.keyClicks(page.filter_edit, "KORRIDOR")
    assert shown(page) == ["AVV-2026-0003"]


def test_registering_warns_about_a_personnummer_and_asks_before_saving(
    qtbot: QtBot, page: IncidentsPage, monkeypatch: pytest.MonkeyPatch, workspace: Workspace
) -> None:
    page.new_item()
    dialog = page.incident_dialog
    assert dialog is not None and dialog.windowTitle() == "Ny avvikelse"
    assert not dialog.save_button.isEnabled()  # time, reporter, category, track, text missing
    # It opens without red text, and no track is chosen for the user.
    assert not any(label.isVisible() for label in dialog.problem_labels.values())
    assert dialog.track_combo.currentText() == "(välj spår)"
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.reporter_edit.setFocus()
    dialog.occurred_at_edit.setFocus()  # the reporter field is left empty: now it says so
    assert dialog.problem_labels["reporter"].isVisible()
    assert not dialog.problem_labels["description"].isVisible()
    qtbot.keyClicks(dialog.occurred_at_edit, "2115")
    qtbot.keyClicks(dialog.reporter_edit, "Nattpersonal")
    dialog.category_combo.setCurrentIndex(dialog.category_combo.findText("Fall"))
    dialog.track_combo.setCurrentIndex(dialog.track_combo.findText("Övrigt"))
    # QTest types ASCII only; Swedish letters go in as text.
    dialog.description_edit.setPlainText("Brukare 811218-9876 gled ur sängen")
    assert dialog.save_button.isEnabled()
    assert dialog.privacy_label.isVisible()
    assert "personnummer (811218-9876)" in dialog.privacy_label.text()

    asked: list[list[str]] = []

    def answer(parent: object, warnings: list[str]) -> bool:
        asked.append(warnings)
        return len(asked) > 1  # first "Ändra texten", then "Spara ändå"

    monkeypatch.setattr(privacy, "confirm_save", answer)
    dialog.save_button.click()
    assert dialog.isVisible() and len(list_incidents(workspace, DAY)) == 3
    dialog.save_button.click()
    assert not dialog.isVisible()
    wait_loaded(qtbot, page)
    assert len(asked) == 2
    assert shown(page)[0] == "AVV-2026-0004"
    assert page.detail.title_label.text() == "AVV-2026-0004 · Övrigt · Fall"
    assert page.detail.facts["when"].text() == "2026-11-24 kl. 21:15"


def test_health_words_only_warn_beside_the_text(
    qtbot: QtBot, page: IncidentsPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    page.new_item()
    dialog = page.incident_dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.occurred_at_edit, "08:00")
    dialog.reporter_edit.setText("Sjuksköterska")
    dialog.category_combo.setCurrentIndex(dialog.category_combo.findText("Läkemedel"))
    dialog.track_combo.setCurrentIndex(dialog.track_combo.findText("Lex Maria"))
    dialog.description_edit.setPlainText("Fel läkemedel gavs vid frukost")
    assert "hälsouppgifter" in dialog.privacy_label.text()
    monkeypatch.setattr(privacy, "confirm_save", lambda *_: pytest.fail("no question expected"))
    dialog.save_button.click()
    assert not dialog.isVisible()
    wait_loaded(qtbot, page)


def test_a_skipped_step_is_refused_in_words_then_the_steps_open_the_way(
    qtbot: QtBot, page: IncidentsPage, reports: dict[str, IncidentSummary]
) -> None:
    assert page.select_incident(reports["sarah"].id)
    detail = page.detail
    assert detail.next_button.text() == "Till under utredning →"
    assert "åtgärd direkt" in detail.missing_label.text()
    detail.next_button.click()
    wait_loaded(qtbot, page)
    assert detail.message_label.isVisible()
    assert detail.message_label.text() == (
        "Avvikelsen kan inte bli under utredning än. Saknas: åtgärd direkt (missförhållandet "
        "ska avhjälpas genast)."
    )
    assert shown(page, Column.STATE)[0] == "Ny"

    dialog = detail.edit_incident()
    assert dialog is not None
    qtbot.keyClicks(dialog.immediate_edit, "Extra personal kallades in")
    dialog.save_button.click()
    wait_loaded(qtbot, page)
    detail.next_button.click()
    wait_loaded(qtbot, page)
    assert not detail.message_label.isVisible()
    assert detail.state_label.text() == "Status: Under utredning"
    assert shown(page, Column.STATE)[0] == "Under utredning"

    form = detail.steps_form
    assert form.rows["reported_to_ivo_on"].isVisibleTo(form)
    assert not form.rows["handed_to_mas_on"].isVisibleTo(form)
    qtbot.keyClicks(form.dates["investigation_done_on"], "2026-11-23")
    form.serious_combo.setCurrentIndex(form.serious_combo.findText("Ja, allvarligt"))
    qtbot.keyClicks(form.dates["reported_to_ivo_on"], "2026-13-01")
    assert not form.save_button.isEnabled()
    assert form.problem_labels["reported_to_ivo_on"].text().startswith("Skriv datumet")
    form.dates["reported_to_ivo_on"].clear()
    form.save_button.click()
    wait_loaded(qtbot, page)
    detail.next_button.click()
    wait_loaded(qtbot, page)
    assert detail.state_label.text() == "Status: Åtgärdad"
    timeline = [
        detail.timeline_model.index(r, 2).data() for r in range(detail.timeline_model.rowCount())
    ]
    assert timeline == [
        "Avvikelsen registrerades (Lex Sarah)",
        "Uppgifter ändrade: åtgärd direkt",
        "Status: ny → under utredning",
        "Utredning dokumenterad: 2026-11-23",
        "Beslut: allvarligt missförhållande: Ja, allvarligt",
        "Status: under utredning → åtgärdad",
    ]
    detail.next_button.click()
    wait_loaded(qtbot, page)
    assert "datum anmäld till IVO" in detail.message_label.text()


def test_a_late_step_says_so_beside_its_field(
    page: IncidentsPage, reports: dict[str, IncidentSummary]
) -> None:
    page.select_incident(reports["maria"].id)
    detail = page.detail
    assert (
        "Sen: Överlämnas till MAS – senast 2026-10-04, 51 dagar sedan."
        in detail.deadline_label.text()
    )
    label = detail.steps_form.problem_labels["handed_to_mas_on"]
    assert label.text() == "Sen: skulle ha gjorts senast 2026-10-04 (51 dagar sedan)."


def test_actions_are_added_and_completed(
    qtbot: QtBot, page: IncidentsPage, reports: dict[str, IncidentSummary]
) -> None:
    page.select_incident(reports["other"].id)
    detail = page.detail
    assert detail.tabs.tabText(2) == "Åtgärder (1 öppna)"
    assert detail.actions_tab.model.index(0, 4).data() == "Försenad"
    dialog = detail.actions_tab.open_action(None)
    assert dialog is not None
    assert dialog.due_edit.text() == "2026-12-08"
    dialog.description_edit.setPlainText("Gå igenom rutinen på APT")
    qtbot.keyClicks(dialog.owner_edit, "Samordnare")
    dialog.save_button.click()
    wait_loaded(qtbot, page)
    assert detail.actions_tab.model.rowCount() == 2
    assert detail.tabs.tabText(2) == "Åtgärder (2 öppna)"
    detail.actions_tab.view.selectRow(0)
    assert detail.actions_tab.done_button.isEnabled()
    detail.actions_tab.done_button.click()
    assert detail.actions_tab.model.index(0, 4).data() == "Klar"
    assert detail.actions_tab.model.index(0, 3).data() == "2026-11-24"
    assert shown(page, Column.DEADLINE)[2] == "Sen, 40 d"  # the closing deadline remains


def test_the_staffing_tab_explains_a_day_without_schedule(
    page: IncidentsPage, reports: dict[str, IncidentSummary]
) -> None:
    page.select_incident(reports["sarah"].id)
    assert page.detail.staffing_label.text().startswith("Det finns inget schema för 2026-11-20")


def test_deleting_asks_and_keeps_the_number_unused(
    qtbot: QtBot,
    page: IncidentsPage,
    monkeypatch: pytest.MonkeyPatch,
    reports: dict[str, IncidentSummary],
    workspace: Workspace,
) -> None:
    page.select_incident(reports["other"].id)
    questions: list[str] = []

    def confirm(text: str) -> bool:
        questions.append(text)
        return True

    monkeypatch.setattr(page.detail, "confirm_delete", confirm)
    page.detail.delete_button.click()
    wait_loaded(qtbot, page)
    assert "Ta bort AVV-2026-0003? Dess 1 åtgärder" in questions[0]
    assert shown(page) == ["AVV-2026-0001", "AVV-2026-0002"]
    assert page.detail.empty_state.isVisible()
    assert (
        register_incident(
            workspace, IncidentDraft(DAY, time(9), DAY, "x", "fall", Track.OTHER, "y"), DAY
        ).number
        == "AVV-2026-0004"
    )


def test_statistics_and_the_apt_workbook(
    qtmodeltester: ModelTester,
    qtbot: QtBot,
    page: IncidentsPage,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    dialog = page.open_stats()
    assert isinstance(dialog, IncidentStatsDialog)
    qtbot.waitUntil(lambda: dialog.stats is not None, timeout=10_000)
    qtmodeltester.check(dialog.track_model)
    assert dialog.year == 2026
    assert dialog.figures_label.text().startswith("3 avvikelser 2026, 0 avslutade")
    rows = [
        (dialog.track_model.index(r, 0).data(), dialog.track_model.index(r, 1).data())
        for r in range(4)
    ]
    assert rows == [("Lex Sarah", "1"), ("Lex Maria", "1"), ("Arbetsmiljö", "0"), ("Övrigt", "1")]
    assert len(dialog.chart.series()) == 1
    target = tmp_path / "apt.xlsx"
    monkeypatch.setattr(dialog, "ask_path", lambda: target)
    monkeypatch.setattr(
        "enhetschef_app.ui.incidents.stats_dialog.QMessageBox.information", lambda *a: None
    )
    task = dialog.export()
    assert task is not None
    qtbot.waitUntil(lambda: task.done, timeout=10_000)
    assert "Per månad" in openpyxl.load_workbook(target).sheetnames
    dialog.close()


def test_the_list_export_leaves_free_text_out_unless_chosen(
    qtbot: QtBot, page: IncidentsPage, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr("enhetschef_app.ui.incidents.page.QMessageBox.information", lambda *a: None)
    for with_text, name in ((False, "utan.xlsx"), (True, "med.xlsx")):
        monkeypatch.setattr(page, "ask_with_text", lambda chosen=with_text: chosen)
        monkeypatch.setattr(page, "ask_path", lambda _suggested, n=name: tmp_path / n)
        task = page.export_list()
        assert task is not None
        qtbot.waitUntil(task_done(task), timeout=10_000)

    def texts(name: str) -> str:
        sheet = openpyxl.load_workbook(tmp_path / name).active
        return " ".join(str(c.value) for row in sheet.iter_rows() for c in row if c.value)

    assert "Föll i korridoren" not in texts("utan.xlsx")
    assert "Föll i korridoren" in texts("med.xlsx")


def test_overview_leads_to_the_late_avvikelser(
    qtbot: QtBot, context: AppContext, reports: dict[str, IncidentSummary]
) -> None:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.open_page("oversikt")
    overview = window.current_page()
    assert isinstance(overview, OverviewPage)
    wait_loaded(qtbot, overview)
    line = overview.incident_line
    assert line.text() == "2 avvikelser efter tidsfrist, 1 försenade åtgärder →"
    assert line.toolTip() == "Efter tidsfrist: AVV-2026-0003, AVV-2026-0002"
    line.click()
    page = window.current_page()
    assert isinstance(page, IncidentsPage)
    wait_loaded(qtbot, page)
    assert page.overdue_check.isChecked()
    assert shown(page) == ["AVV-2026-0002", "AVV-2026-0003"]
    # A change on the page reaches Översikt through the one change signal.
    page.select_incident(reports["other"].id)
    page.detail.actions_tab.view.selectRow(0)
    page.detail.actions_tab.done_button.click()
    window.open_page("oversikt")
    wait_loaded(qtbot, overview)
    assert line.text().endswith("0 försenade åtgärder →")


def test_closing_the_statistics_while_they_are_counted_is_safe(
    qtbot: QtBot, page: IncidentsPage
) -> None:
    dialog = page.open_stats()
    assert dialog is not None and dialog.count_task is not None
    task = dialog.count_task
    dialog.close()  # deleted later, perhaps before the count arrives
    qtbot.waitUntil(lambda: task.done, timeout=10_000)

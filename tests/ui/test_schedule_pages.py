"""Schema and Dagsuppföljning with real widgets over a real database holding the standard sample
(weeks 47–48 of 2026; the context's day is Tuesday 2026-11-24)."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest
from page_loading import wait_loaded
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QPushButton
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from enhetschef_app.domain.schedule_import import ColumnMappingNeeded
from enhetschef_app.domain.staffing import NeedBand
from enhetschef_app.services.core.workspace import Workspace
from enhetschef_app.services.schedule.imports import import_schedule
from enhetschef_app.services.schedule.staffing_need import save_staffing_need, staffing_need
from enhetschef_app.services.staff.imports import import_staff
from enhetschef_app.storage.models import Absence, Employee
from enhetschef_app.storage.models_schedule import ScheduleCover
from enhetschef_app.ui.schedule.follow_up_page import FollowUpPage
from enhetschef_app.ui.schedule.import_flow import import_schedule_file
from enhetschef_app.ui.schedule.page import SchedulePage
from enhetschef_app.ui.schedule.week_grid_model import BREACHES_ROLE, SHIFTS_ROLE
from enhetschef_app.ui.shell.column_mapping import ColumnMappingDialog
from enhetschef_app.ui.shell.context import AppContext
from enhetschef_app.ui.shell.import_problems import ImportProblemsDialog

TUESDAY = date(2026, 11, 24)


@pytest.fixture
def sample_unit(workspace: Workspace, samples: Path) -> Workspace:
    import_staff(workspace, samples / "personal-standard.csv")
    import_schedule(workspace, samples / "schema-standard-v47-v48.xlsx")
    return workspace


def employee_id(workspace: Workspace, number: str) -> int:
    with workspace.transaction() as session:
        found = session.scalar(select(Employee.id).where(Employee.employee_no == number))
        assert found is not None
        return found


def make_absent(workspace: Workspace, number: str, day: date) -> None:
    who = employee_id(workspace, number)
    with workspace.transaction() as session:
        session.add(Absence(employee_id=who, kind="sjuk", start_date=day, end_date=day))


@pytest.fixture
def schedule_page(qtbot: QtBot, context: AppContext, sample_unit: Workspace) -> SchedulePage:
    page = SchedulePage(context)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    qtbot.waitExposed(page)
    wait_loaded(qtbot, page)
    return page


def row_of(page: SchedulePage, label: str) -> int:
    model = page.model
    return next(
        r for r in range(model.rowCount()) if model.headerData(r, Qt.Orientation.Vertical) == label
    )


def test_the_week_grid_shows_the_week_with_vacant_rows_on_top(
    qtmodeltester: ModelTester, qtbot: QtBot, schedule_page: SchedulePage
) -> None:
    model = schedule_page.model
    qtmodeltester.check(model)
    assert schedule_page.week_label.text() == "v. 48 · 2026-11-23 – 2026-11-29"
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Mån 2026-11-23"
    labels = [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())]
    assert labels[0] == "Vakant" and labels[1] == "Anna Ålund"
    assert model.index(0, 0).data() == "D 07:00–15:30 (vakant)"
    anna = row_of(schedule_page, "Anna Ålund")
    assert model.index(anna, 1).data() == "D 07:00–15:30"
    assert "Kväll" in (
        model.index(row_of(schedule_page, "Cecilia Ärlig"), 0).data(Qt.ItemDataRole.ToolTipRole)
        or ""
    )
    assert schedule_page.summary_label.text() == "3 tomma rader · 7 regelbrott i planerat schema"


def test_breaches_are_marked_with_an_icon_and_a_tooltip(schedule_page: SchedulePage) -> None:
    model = schedule_page.model
    cecilia = row_of(schedule_page, "Cecilia Ärlig")
    tuesday = model.index(cecilia, 1)
    assert tuesday.data(BREACHES_ROLE)
    assert not tuesday.data(Qt.ItemDataRole.DecorationRole).isNull()
    assert "Dygnsvila 9,5 h" in tuesday.data(Qt.ItemDataRole.ToolTipRole)
    assert not model.index(cecilia, 0).data(BREACHES_ROLE)
    # Weekly hours over full time mark the person's line, not a day.
    header_tip = model.headerData(cecilia, Qt.Orientation.Vertical, Qt.ItemDataRole.ToolTipRole)
    assert "43 h schemalagt, mer än heltid 38,25 h" in header_tip


def test_navigating_by_week(qtbot: QtBot, schedule_page: SchedulePage) -> None:
    qtbot.mouseClick(schedule_page.previous_button, Qt.MouseButton.LeftButton)
    wait_loaded(qtbot, schedule_page)
    assert schedule_page.week_label.text() == "v. 47 · 2026-11-16 – 2026-11-22"
    assert schedule_page.model.headerData(6, Qt.Orientation.Horizontal) == "Sön 2026-11-22"
    qtbot.mouseClick(schedule_page.previous_button, Qt.MouseButton.LeftButton)
    wait_loaded(qtbot, schedule_page)
    assert "Inget schema för v. 46" in schedule_page.empty_state.text()
    assert schedule_page.empty_state.isVisible()
    qtbot.mouseClick(schedule_page.today_button, Qt.MouseButton.LeftButton)
    wait_loaded(qtbot, schedule_page)
    assert schedule_page.week_label.text().startswith("v. 48")
    assert not schedule_page.empty_state.isVisible()


def test_the_actual_schedule_shows_absence_and_the_empty_row_on_top(
    qtmodeltester: ModelTester, qtbot: QtBot, schedule_page: SchedulePage, sample_unit: Workspace
) -> None:
    make_absent(sample_unit, "1001", TUESDAY)
    schedule_page.view_combo.setCurrentIndex(1)
    wait_loaded(qtbot, schedule_page)
    model = schedule_page.model
    qtmodeltester.check(model)
    assert model.headerData(0, Qt.Orientation.Vertical) == "Tomma rader"
    assert model.index(0, 1).data() == "D 07:00–15:30 (frånvarande: Anna Ålund)"
    anna = row_of(schedule_page, "Anna Ålund")
    assert model.index(anna, 1).data() == "D 07:00–15:30 (frånvarande)"
    assert "faktiskt schema" in schedule_page.summary_label.text()
    with qtbot.waitSignal(schedule_page.context.events.page_wanted) as wanted:
        schedule_page._open_cell(model.index(0, 1))
    assert wanted.args == ["dagsuppfoljning", TUESDAY]


@pytest.fixture
def follow_page(qtbot: QtBot, context: AppContext, sample_unit: Workspace) -> FollowUpPage:
    make_absent(sample_unit, "1001", TUESDAY)
    save_staffing_need(
        sample_unit,
        [
            NeedBand(1, time(7), time(13, 30), 4),
            NeedBand(1, time(13, 30), time(21, 30), 2),
            NeedBand(1, time(21, 30), time(7), 1),
        ],
    )
    page = FollowUpPage(context)
    qtbot.addWidget(page)
    page.resize(1200, 720)
    page.show()
    qtbot.waitExposed(page)
    wait_loaded(qtbot, page)
    return page


def test_follow_up_shows_the_day_its_empty_rows_and_staffing(
    qtmodeltester: ModelTester, follow_page: FollowUpPage
) -> None:
    qtmodeltester.check(follow_page.rows_model)
    assert follow_page.day_label.text() == "Tisdag 2026-11-24 · v. 48"
    assert follow_page.empty_label.text() == "Tomma rader dagen: 1"
    reasons = [
        (follow_page.rows_model.index(r, 0).data(), follow_page.rows_model.index(r, 3).data())
        for r in range(follow_page.rows_model.rowCount())
    ]
    assert ("Tis 2026-11-24", "Anna Ålund frånvarande") in reasons
    assert ("Mån 2026-11-23", "Vakant") in reasons
    # Anna's and Cecilia's day shifts are planned, Anna is away; Hanna's resurspass has no
    # fixed place and counts nowhere.
    assert [(b.needed, b.planned, b.actual) for b in follow_page.chart.bands] == [
        (4, 2, 1),
        (2, 2, 2),
        (1, 1, 1),
    ]
    assert follow_page.find_button.isEnabled()  # today's empty row is selected
    assert follow_page.breach_model.rowCount() == 7


def test_finding_and_choosing_a_cover_records_it(
    qtmodeltester: ModelTester, qtbot: QtBot, follow_page: FollowUpPage, sample_unit: Workspace
) -> None:
    dialog = follow_page.find_cover()
    assert dialog is not None and dialog.task is not None
    qtbot.waitUntil(lambda: dialog.found is not None, timeout=20000)
    qtmodeltester.check(dialog.model)
    names = [dialog.model.index(r, 1).data() for r in range(dialog.model.rowCount())]
    kinds = [dialog.model.index(r, 3).data() for r in range(dialog.model.rowCount())]
    assert names[0] == "Hanna Sjöberg" and kinds[0] == "Resurspass"
    assert "Anna Ålund" not in names
    assert dialog.heading.text() == "Tis 2026-11-24 D 07:00–15:30 – Anna Ålund frånvarande"
    dialog.show_excluded.setChecked(True)
    assert dialog.excluded_view.isVisible()
    left_out = {
        dialog.excluded_model.index(r, 0).data(): dialog.excluded_model.index(r, 2).data()
        for r in range(dialog.excluded_model.rowCount())
    }
    assert left_out["Anna Ålund"] == "Frånvarande den dagen."
    task = dialog.choose_selected()
    assert task is not None
    qtbot.waitUntil(lambda: task.done, timeout=20000)
    wait_loaded(qtbot, follow_page)
    assert "Hanna Sjöberg tar 2026-11-24 07:00–15:30 som resurspass" in follow_page.message.text()
    with sample_unit.transaction() as session:
        assert session.scalar(select(ScheduleCover.kind)) == "resurspass"
    assert follow_page.empty_label.text() == "Tomma rader dagen: 0"
    row = next(
        r
        for r in range(follow_page.rows_model.rowCount())
        if follow_page.rows_model.index(r, 0).data() == "Tis 2026-11-24"
    )
    assert follow_page.rows_model.index(row, 4).data() == "Ersätts av Hanna Sjöberg (resurspass)"


def test_a_cover_can_be_removed_after_asking(
    qtbot: QtBot, follow_page: FollowUpPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = follow_page.find_cover()
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.found is not None, timeout=20000)
    task = dialog.choose_selected()
    assert task is not None
    qtbot.waitUntil(lambda: task.done, timeout=20000)
    wait_loaded(qtbot, follow_page)
    covered = next(
        r
        for r in range(follow_page.rows_model.rowCount())
        if follow_page.rows_model.index(r, 0).data() == "Tis 2026-11-24"
    )
    follow_page.rows_view.selectRow(covered)
    assert follow_page.remove_button.isEnabled()
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    follow_page.remove_cover()
    wait_loaded(qtbot, follow_page)
    assert follow_page.empty_label.text() == "Tomma rader dagen: 1"
    assert follow_page.message.text() == "Ersättaren togs bort."


def test_the_staffing_need_is_edited_in_a_table_with_a_holiday_column(
    qtmodeltester: ModelTester, qtbot: QtBot, follow_page: FollowUpPage, sample_unit: Workspace
) -> None:
    follow_page.tabs.setCurrentIndex(1)
    tab = follow_page.need_tab
    model = tab.model
    qtmodeltester.check(model)
    assert model.headerData(9, Qt.Orientation.Horizontal) == "Helgdag"
    assert [model.index(0, c).data() for c in range(4)] == ["07:00", "13:30", "", "4"]
    assert not tab.save_button.isEnabled()
    assert model.setData(model.index(0, 2), "3")
    assert model.setData(model.index(0, 9), "2")
    assert not model.setData(model.index(0, 3), "många")
    assert not model.setData(model.index(0, 0), "25:00")
    assert tab.save_button.isEnabled() and tab.state.text() == "Ändrat, inte sparat"
    assert tab.save()
    saved = {(n.weekday, n.start): n.staff_count for n in staffing_need(sample_unit)}
    assert saved[(0, time(7))] == 3 and saved[(7, time(7))] == 2 and saved[(1, time(7))] == 4
    row = tab.model.add_band()
    assert tab.model.index(row, 0).data() == "07:00"
    assert "två tidsband börjar samtidigt" in tab.problem.text()
    assert not tab.save_button.isEnabled()
    tab.model.remove_band(row)
    assert not tab.problem.isVisible()


def test_the_column_dialog_previews_the_file_and_asks_for_every_required_field(
    qtbot: QtBot, sample_unit: Workspace, tmp_path: Path
) -> None:
    odd = tmp_path / "udda.csv"
    odd.write_text("Person;Dag;In;Ut\n1001;2026-11-16;07:00;15:30\n", encoding="utf-8")
    with pytest.raises(ColumnMappingNeeded) as caught:
        import_schedule(sample_unit, odd)
    dialog = ColumnMappingDialog(caught.value)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert dialog.combos["work_date"].currentData() == "Dag"  # the guess
    assert not ok.isEnabled()
    assert "Anställningsnr, Start, Slut" in dialog.problem.text()
    for field, header in (("employee_no", "Person"), ("start", "In"), ("end", "Ut")):
        combo = dialog.combos[field]
        combo.setCurrentIndex(combo.findData(header))
    assert ok.isEnabled()
    assert dialog.preview.headerData(0, Qt.Orientation.Horizontal) == "Person\n→ Anställningsnr"
    dialog.combos["end"].setCurrentIndex(dialog.combos["end"].findData("In"))
    assert "Kolumnen In är vald för flera fält." in dialog.problem.text()
    assert dialog.mapping()["employee_no"] == "Person"


def test_a_bad_file_offers_to_import_the_valid_rows(
    qtbot: QtBot,
    context: AppContext,
    sample_unit: Workspace,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    bad = tmp_path / "delvis.csv"
    bad.write_text(
        "Anställningsnr;Namn;Datum;Start;Slut;Rast (min);Passkod\n"
        "1001;Anna Ålund;2026-12-07;7:00;15:30;30;D\n"
        "1002;Björn Öberg;2026-12-07;sju;15:30;30;D\n",
        encoding="utf-8",
    )
    summaries: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: summaries.append(text))
    page = SchedulePage(context)
    qtbot.addWidget(page)
    task = import_schedule_file(context, page, bad)
    qtbot.waitUntil(lambda: task.done, timeout=20000)
    dialog = page.findChild(ImportProblemsDialog)
    assert dialog is not None
    assert dialog.problem_lines() == [
        "rad 3, kolumn 'Start': 'sju' – Inte ett klockslag; skriv t.ex. 07:00."
    ]
    valid = dialog.findChild(QPushButton, "importValidRows")
    assert valid is not None and valid.text() == "Importera de giltiga raderna (1)"
    valid.click()
    qtbot.waitUntil(lambda: bool(summaries), timeout=20000)
    assert "1 nya" in summaries[0] and "1 felaktiga rader hoppades över" in summaries[0]


def test_arkiv_import_schema_runs_in_the_worker_and_shows_the_week(
    qtbot: QtBot,
    context: AppContext,
    workspace: Workspace,
    samples: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtWidgets import QFileDialog

    from enhetschef_app.ui.shell.main_window import MainWindow
    from enhetschef_app.ui.shell.worker import running_tasks

    import_staff(workspace, samples / "personal-standard.csv")
    path = samples / "schema-export-cp1252.csv"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(path), ""))
    summaries: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: summaries.append(text))
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    titles = [window.navigation.item(r).text() for r in range(window.navigation.count())]
    assert titles[:3] == ["Översikt", "Schema", "Dagsuppföljning"]
    window.import_schedule_action.trigger()
    assert window.current_page().page_id == "schema"
    qtbot.waitUntil(lambda: bool(summaries) and running_tasks() == 0, timeout=20000)
    assert "72 rader: 72 nya" in summaries[0]
    page = window.current_page()
    assert isinstance(page, SchedulePage)
    wait_loaded(qtbot, page)
    assert page.model.rowCount() > 0
    assert page.model.index(0, 0).data(SHIFTS_ROLE)


def test_oversikt_names_todays_empty_rows_and_the_weeks_breaches(
    qtbot: QtBot, context: AppContext, sample_unit: Workspace
) -> None:
    from enhetschef_app.ui.schedule.overview_panel import ScheduleOverviewPanel

    make_absent(sample_unit, "1001", TUESDAY)
    panel = ScheduleOverviewPanel(context)
    qtbot.addWidget(panel)
    panel.refresh(TUESDAY)
    assert panel.empty_line.text() == "Tomma rader idag: 1 (1 frånvaro, 0 vakanta) →"
    assert "Anna Ålund frånvarande" in panel.empty_line.toolTip()
    assert panel.breach_line.text() == ("Regelbrott v. 48: 7 – dygnsvila 4, veckoarbetstid 3 →")
    with qtbot.waitSignal(context.events.page_wanted) as wanted:
        qtbot.mouseClick(panel.empty_line, Qt.MouseButton.LeftButton)
    assert wanted.args == ["dagsuppfoljning", TUESDAY]
    with qtbot.waitSignal(context.events.page_wanted) as wanted:
        qtbot.mouseClick(panel.breach_line, Qt.MouseButton.LeftButton)
    assert wanted.args == ["schema", TUESDAY]

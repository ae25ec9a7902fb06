"""Förvaltning in the window: only a login that is VC of a unit on the server gets the page;
it shows her units side by side, saves her comment, reads the trends, and fits a maximised
window on a 1366x768 laptop."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from layout_checks import every_tab, layout_problems
from management_server import EC_A, VC_AB, make_forvaltning
from page_loading import wait_loaded
from postgres_server import PostgresServer
from PySide6.QtCore import QSettings, Qt, QThreadPool
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from enhetschef_app.domain.year_month import YearMonth
from enhetschef_app.services.core.workspace import Workspace, open_workspace
from enhetschef_app.services.month.management import management_overview
from enhetschef_app.storage.location import parse_location
from enhetschef_app.ui.management import page as page_module
from enhetschef_app.ui.management.models import UnitFiguresModel
from enhetschef_app.ui.management.page import ManagementPage
from enhetschef_app.ui.shell.context import AppContext
from enhetschef_app.ui.shell.main_window import MainWindow
from enhetschef_app.ui.shell.page_list import PAGES

LAPTOP = (1366, 705)
DAY = date(2026, 12, 3)  # the page opens on last month, 2026-11
MONTH = YearMonth(2026, 11)


@pytest.fixture(scope="module")
def forvaltning(postgres_server: PostgresServer) -> Iterator[str]:
    name = make_forvaltning(postgres_server)
    yield name
    postgres_server.drop_database(name)


def _window(qtbot: QtBot, tmp_path: Path, workspace: Workspace) -> MainWindow:
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(AppContext(workspace, settings, today=lambda: DAY))
    qtbot.addWidget(window)
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(*LAPTOP)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def login(
    postgres_server: PostgresServer, forvaltning: str, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Callable[[str], Workspace]]:
    opened: dict[str, Workspace] = {}
    errors: list[BaseException] = []
    # An error would open a modal box that nobody closes: recorded and failed on instead.
    monkeypatch.setattr(page_module, "show_error", lambda _parent, error: errors.append(error))

    def open_as(user: str) -> Workspace:
        location = parse_location(postgres_server.url(forvaltning, user=user))
        opened[user] = open_workspace(location, "A")
        return opened[user]

    yield open_as
    QThreadPool.globalInstance().waitForDone(30_000)
    assert not errors, errors
    for workspace in opened.values():
        workspace.close()


def _settle(qtbot: QtBot) -> None:
    QThreadPool.globalInstance().waitForDone(30_000)
    QApplication.processEvents()
    qtbot.wait(100)


def test_an_ec_login_gets_no_forvaltning_page(
    qtbot: QtBot, tmp_path: Path, login: Callable[[str], Workspace]
) -> None:
    workspace = login(EC_A)
    window = _window(qtbot, tmp_path, workspace)
    ids = [entry.page_id for entry in window.entries]
    assert "forvaltning" not in ids
    assert window.entries == PAGES
    assert window.navigation.count() == len(PAGES)
    assert " på 127.0.0.1" in window.database_label.text()
    _settle(qtbot)
    window.close()


def test_a_vc_sees_her_units_and_saves_her_comment(
    qtbot: QtBot,
    tmp_path: Path,
    login: Callable[[str], Workspace],
    postgres_server: PostgresServer,
    forvaltning: str,
) -> None:
    with postgres_server.connect(forvaltning) as owner:  # B's EC has begun the month's report
        owner.execute(
            "INSERT INTO month_reports (unit_id, month, ec_comment) "
            "SELECT id, %s, 'Lugn månad' FROM units WHERE code = 'B' "
            "ON CONFLICT DO NOTHING",
            (MONTH.label,),
        )
    workspace = login(VC_AB)
    window = _window(qtbot, tmp_path, workspace)
    assert [entry.page_id for entry in window.entries][-1] == "forvaltning"
    assert window.navigation.item(len(window.entries) - 1).text() == "Förvaltning"
    window.open_page("forvaltning")
    page = window.current_page()
    assert isinstance(page, ManagementPage)
    wait_loaded(qtbot, page, 60_000)
    assert page.month == MONTH
    assert [unit.unit.code for unit in page.model.rows()] == ["A", "B"]
    assert "0 av 2 enheter" in page.state_label.text()

    page.select_unit("B")
    assert page.ec_box.title().endswith("B")
    assert not page.vc_comment.isReadOnly()
    page.vc_comment.setPlainText("Bra månad, håll i bemanningen")
    assert page.save_button.isEnabled()
    task = page.save_comment()
    assert task is not None
    qtbot.waitUntil(lambda: task.done, timeout=30_000)
    wait_loaded(qtbot, page, 60_000)  # the month's change reloads the page
    saved = {u.unit.code: u.view.vc_comment for u in management_overview(workspace, MONTH).units}
    assert saved == {"A": None, "B": "Bra månad, håll i bemanningen"}

    page.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: page.trend_loaded, timeout=120_000)
    assert page.trend_model.rowCount() == 2
    assert page.trend_model.columnCount() == 13
    _settle(qtbot)
    window.close()


def _area_workbook(path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Månadsuppföljning"
    sheet.append(["Enhet", "Månad", "Sjukfrånvaro %", "Kommentar EC", "Kommentar VC"])
    sheet.append(["C", MONTH.label, 7.5, "Tre nya timvikarier", "Bra jobbat"])
    sheet.append(["A", MONTH.label, 99, "gammal rad", None])  # A is on the server now
    book.save(path)
    return path


def test_units_still_syncing_to_the_workbook_show_beside_the_servers(
    qtbot: QtBot, tmp_path: Path, login: Callable[[str], Workspace]
) -> None:
    workspace = login(VC_AB)
    window = _window(qtbot, tmp_path, workspace)
    window.context.settings.setValue(page_module.WORKBOOK_KEY, str(tmp_path / "saknas.xlsx"))
    window.open_page("forvaltning")
    page = window.current_page()
    assert isinstance(page, ManagementPage)
    wait_loaded(qtbot, page, 60_000)
    assert [unit.unit.code for unit in page.model.rows()] == ["A", "B"]
    assert "Arbetsbokens enheter visas inte" in page.workbook_label.text()
    assert "finns inte" in page.workbook_label.text()

    page.set_workbook(_area_workbook(tmp_path / "delad.xlsx"))
    wait_loaded(qtbot, page, 60_000)
    codes = [page.model.index(r, 0).data() for r in range(page.model.rowCount())]
    assert codes == ["A", "B", "C"]
    assert page.model.index(2, 1).data() == "arbetsbok"
    sick = page.model.keys.index("sick_percent") + UnitFiguresModel.FIXED
    assert page.model.index(2, sick).data() == "7,5 %"
    assert page.model.index(0, sick).data() != "99,0 %"  # A's figures come from the server
    assert "arbetsboken delad.xlsx (bladet Månadsuppföljning): C." in page.workbook_label.text()
    assert "visas därifrån: A" in page.workbook_label.text()

    page.select_unit("C")
    assert page.ec_comment.toPlainText() == "Tre nya timvikarier"
    assert page.vc_comment.toPlainText() == "Bra jobbat"
    assert page.vc_comment.isReadOnly()
    assert "skriv din kommentar i arbetsboken" in page.comment_state.text()
    page.select_unit("B")
    assert not page.vc_comment.isReadOnly()

    page.tabs.setCurrentIndex(1)  # the trends: C's months from the workbook beside A's and B's
    qtbot.waitUntil(lambda: page.trend_loaded, timeout=120_000)
    trend_codes = [page.trend_model.index(r, 0).data() for r in range(page.trend_model.rowCount())]
    assert trend_codes == ["A", "B", "C"]
    assert page.trend_model.index(2, 12).data() == "7,5"  # 2026-11, the last column
    assert page.trend_model.index(2, 11).data() == "–"  # no row for 2026-10
    assert "Enheter ur den delade arbetsboken: C." in page.trend_label.text()
    page.tabs.setCurrentIndex(0)

    page.set_workbook(None)
    wait_loaded(qtbot, page, 60_000)
    assert [unit.unit.code for unit in page.model.rows()] == ["A", "B"]
    assert not page.workbook_label.isVisibleTo(page)
    _settle(qtbot)
    window.close()


def test_the_page_fits_a_laptop_window(
    qtbot: QtBot, tmp_path: Path, login: Callable[[str], Workspace]
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    previous = app.font()
    app.setFont(QFont("DejaVu Sans", 9))
    try:
        workspace = login(VC_AB)
        window = _window(qtbot, tmp_path, workspace)
        window.open_page("forvaltning")
        page = window.current_page()
        assert isinstance(page, ManagementPage)
        wait_loaded(qtbot, page, 60_000)
        problems: list[str] = []
        for group in range(page.group_combo.count()):
            page.group_combo.setCurrentIndex(group)
            _settle(qtbot)
            problems += [f"{page.group_combo.currentText()}: {p}" for p in layout_problems(page)]
        for tab in every_tab(page):
            if page.tabs.currentIndex() == 1:
                qtbot.waitUntil(lambda: page.trend_loaded, timeout=120_000)
            _settle(qtbot)
            problems += [f"{tab}: {p}" for p in layout_problems(page)]
        assert not problems, problems
        window.close()
    finally:
        app.setFont(previous)

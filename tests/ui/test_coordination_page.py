"""Sambandscentral in the window, on a real PostgreSQL server: only a login that is EC of two
units or more gets the page; it lists the day's empty rows of both units, shows a row's ranked
candidates of both units, places a cover (the list loses the row), says in Swedish why a cover
is refused, and fits a maximised window on a 1366x768 laptop."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from coordination_server import DAY, EC_A, EC_AB, EC_B, make_coordination
from layout_checks import layout_problems
from page_loading import wait_loaded
from postgres_server import PostgresServer
from PySide6.QtCore import QSettings, Qt, QThreadPool
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from enhetschef_app.services.core.workspace import Workspace, open_workspace
from enhetschef_app.services.schedule.coordination import EmptyRow, place_cover
from enhetschef_app.services.schedule.follow_up import day_follow_up
from enhetschef_app.storage.location import parse_location
from enhetschef_app.ui.schedule.coordination_page import CoordinationPage
from enhetschef_app.ui.schedule.follow_up_page import FollowUpPage
from enhetschef_app.ui.shell.context import AppContext
from enhetschef_app.ui.shell.main_window import MainWindow
from enhetschef_app.ui.shell.page_list import PAGES

LAPTOP = (1366, 705)


@pytest.fixture(scope="module")
def coordination(postgres_server: PostgresServer) -> Iterator[str]:
    name = make_coordination(postgres_server)
    yield name
    postgres_server.drop_database(name)


@pytest.fixture
def login(
    postgres_server: PostgresServer, coordination: str
) -> Iterator[Callable[[str | None, str | None], Workspace]]:
    opened: list[Workspace] = []

    def open_as(user: str | None, unit: str | None = "A") -> Workspace:
        location = parse_location(postgres_server.url(coordination, user=user))
        opened.append(open_workspace(location, unit))
        return opened[-1]

    yield open_as
    QThreadPool.globalInstance().waitForDone(30_000)
    for workspace in opened:
        workspace.close()


def _window(qtbot: QtBot, tmp_path: Path, workspace: Workspace) -> MainWindow:
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(AppContext(workspace, settings, today=lambda: DAY))
    qtbot.addWidget(window)
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(*LAPTOP)
    window.show()
    qtbot.waitExposed(window)
    return window


def _settle(qtbot: QtBot) -> None:
    QThreadPool.globalInstance().waitForDone(30_000)
    QApplication.processEvents()
    qtbot.wait(100)


def _open_page(qtbot: QtBot, window: MainWindow) -> CoordinationPage:
    window.open_page("sambandscentral")
    page = window.current_page()
    assert isinstance(page, CoordinationPage)
    wait_loaded(qtbot, page, 60_000)
    return page


def _select(qtbot: QtBot, page: CoordinationPage, unit: str | None) -> EmptyRow:
    """Selects the first offerable row of `unit` (of any unit: None) and waits for its
    candidates."""
    rows: list[EmptyRow] = page.rows_model.rows()
    at = next(i for i, r in enumerate(rows) if unit in (None, r.unit.code) and r.line.offerable)
    page.rows_view.selectRow(at)
    qtbot.waitUntil(lambda: page.candidates_loaded and page.candidates is not None, timeout=60_000)
    chosen = page.selected_row()
    assert chosen is not None
    return chosen


def test_only_an_ec_of_several_units_gets_the_page(
    qtbot: QtBot, tmp_path: Path, login: Callable[[str | None, str | None], Workspace]
) -> None:
    window = _window(qtbot, tmp_path, login(EC_A, "A"))
    assert window.entries == PAGES
    _settle(qtbot)
    window.close()
    window = _window(qtbot, tmp_path, login(EC_AB, "A"))
    assert [entry.page_id for entry in window.entries] == [
        *(entry.page_id for entry in PAGES),
        "sambandscentral",
    ]
    assert window.navigation.item(len(window.entries) - 1).text() == "Sambandscentral"
    _settle(qtbot)
    window.close()


def test_the_coordinator_places_a_cover_from_the_list_of_both_units(
    qtbot: QtBot, tmp_path: Path, login: Callable[[str | None, str | None], Workspace]
) -> None:
    workspace = login(EC_AB, "A")
    window = _window(qtbot, tmp_path, workspace)
    page = _open_page(qtbot, window)
    assert page.day == DAY
    rows: list[EmptyRow] = page.rows_model.rows()
    assert {r.unit.code for r in rows} == {"A", "B"}
    assert all(r.line.work_date == DAY and r.line.state.is_empty for r in rows)
    assert f"{len(rows)} tomma rader i 2 av 2 enheter" in page.state_label.text()
    headers = [
        page.rows_model.headerData(c, Qt.Orientation.Horizontal)
        for c in range(page.rows_model.columnCount())
    ]
    assert headers == ["Enhet", "Datum", "Tid", "Pass", "Orsak", "Läge"]

    chosen = _select(qtbot, page, "A")
    assert page.row_heading.text().startswith("A: ")
    assert page.candidates is not None
    ranked = page.candidates.candidates
    assert {c.candidate.person.unit_code for c in ranked} == {"A", "B"}
    from_b = next(i for i, c in enumerate(ranked) if c.candidate.person.unit_code == "B")
    page.candidate_view.selectRow(from_b)
    assert page.place_button.isEnabled()
    task = page.place_selected()
    assert task is not None
    qtbot.waitUntil(lambda: task.done, timeout=60_000)
    assert page.problem.isHidden(), page.problem.text()
    assert page.recorded is not None
    assert page.message.text().startswith("A: ")
    assert ranked[from_b].name in page.message.text()
    wait_loaded(qtbot, page, 60_000)  # the schedule's change reloads the page
    left = {(r.unit.code, r.line.row_id) for r in page.rows_model.rows()}
    assert ("A", chosen.line.row_id) not in left
    assert len(left) == len(rows) - 1
    # A's own dagsuppföljning, read by A's EC alone: the row is covered by B's person.
    a_alone = day_follow_up(login(EC_A, "A"), DAY, today=DAY)
    covered = next(r for r in a_alone.week_rows if r.row_id == chosen.line.row_id)
    assert (covered.cover_name, covered.cover_unit) == (ranked[from_b].name, "B")
    _settle(qtbot)
    window.close()

    # B's EC alone, on her Dagsuppföljning: her person is lent to A that day.
    window = _window(qtbot, tmp_path, login(EC_B, "B"))
    window.open_page("dagsuppfoljning")
    follow = window.current_page()
    assert isinstance(follow, FollowUpPage)
    wait_loaded(qtbot, follow, 60_000)
    assert follow.lent_label.isVisible()
    text = follow.lent_label.text()
    assert text.startswith("Utlånade till andra enheter: ")
    assert f"{ranked[from_b].name} hos A" in text and DAY.isoformat() in text
    _settle(qtbot)
    window.close()


def test_a_refused_cover_is_said_in_swedish(
    qtbot: QtBot, tmp_path: Path, login: Callable[[str | None, str | None], Workspace]
) -> None:
    workspace = login(EC_AB, "A")
    window = _window(qtbot, tmp_path, workspace)
    page = _open_page(qtbot, window)
    chosen = _select(qtbot, page, "B")
    assert page.candidates is not None and len(page.candidates.candidates) >= 2
    # Someone else fills the row first (B's own EC, at her desk).
    first, second = page.candidates.candidates[:2]
    place_cover(login(None, "B"), "B", chosen.line.row_id, first.candidate.person.key, today=DAY)
    page.candidate_view.selectRow(1)
    task = page.place_selected()
    assert task is not None
    qtbot.waitUntil(lambda: task.done, timeout=60_000)
    assert page.problem.isVisible()
    assert "ersättare" in page.problem.text() or "bemannad" in page.problem.text()
    assert page.recorded is None
    assert second.candidate.person.name not in page.message.text()
    _settle(qtbot)
    window.close()


def test_the_page_fits_a_laptop_window(
    qtbot: QtBot, tmp_path: Path, login: Callable[[str | None, str | None], Workspace]
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    previous = app.font()
    app.setFont(QFont("DejaVu Sans", 9))
    try:
        window = _window(qtbot, tmp_path, login(EC_AB, "A"))
        page = _open_page(qtbot, window)
        _select(qtbot, page, None)  # the other tests of the module have filled some rows
        _settle(qtbot)
        problems = layout_problems(page)
        assert not problems, problems
        window.close()
    finally:
        app.setFont(previous)

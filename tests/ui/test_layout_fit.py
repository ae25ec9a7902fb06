"""Every page and tab fits a maximised window on a 1366x768 laptop (1366x705) with DejaVu
Sans, the wider of the two fonts the program meets: no sideways scrollbar, no scroll area
whose content is wider than it, no column title or label cut off. The pages come from the
window's own registry, so a page added later is checked without touching this test."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from layout_checks import every_tab, layout_problems
from page_loading import wait_loaded
from PySide6.QtCore import QSettings, Qt, QThreadPool
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from enhetschef_app.demo.plan import DemoSpec
from enhetschef_app.demo.unit import generate_demo_unit
from enhetschef_app.services.core.workspace import open_workspace
from enhetschef_app.ui.shell.context import AppContext
from enhetschef_app.ui.shell.main_window import MainWindow
from enhetschef_app.ui.shell.page import Page

LAPTOP = (1366, 705)
DAY = date(2026, 11, 24)
DIALOG_MAX_HEIGHT = 728


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One demo unit for the module (making it takes seconds); each test works on a copy."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    workspace = open_workspace(path)
    try:
        generate_demo_unit(workspace, DemoSpec(staff=45, weeks=6, end=date(2026, 11, 30)))
    finally:
        workspace.close()
    return path


@pytest.fixture
def dejavu() -> Iterator[None]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    previous = app.font()
    app.setFont(QFont("DejaVu Sans", 9))
    yield
    app.setFont(previous)


@pytest.fixture
def window(qtbot: QtBot, demo_file: Path, tmp_path: Path, dejavu: None) -> Iterator[MainWindow]:
    copy = tmp_path / "demo.sqlite3"
    shutil.copy(demo_file, copy)
    workspace = open_workspace(copy)
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    main = MainWindow(AppContext(workspace, settings, today=lambda: DAY))
    qtbot.addWidget(main)
    main.setWindowState(Qt.WindowState.WindowNoState)
    main.resize(*LAPTOP)
    main.show()
    qtbot.waitExposed(main)
    yield main
    main.close()
    workspace.close()


def settle(qtbot: QtBot, page: Page | None = None) -> None:
    """Pages load in workers and fit their columns afterwards; let that finish."""
    if page is not None:
        wait_loaded(qtbot, page)
    # Sections that count in a worker of their own (Översikt's economy line) finish too.
    QThreadPool.globalInstance().waitForDone(30_000)
    QApplication.processEvents()
    qtbot.wait(150)
    QApplication.processEvents()


def test_every_page_and_tab_fits_the_laptop(qtbot: QtBot, window: MainWindow) -> None:
    assert (window.width(), window.height()) == LAPTOP
    problems: list[str] = []
    checked: list[str] = []
    for row, page in enumerate(window.pages):
        window.show_page(row)
        settle(qtbot, page)
        checked.append(page.page_id)
        problems += [f"{page.page_id}: {p}" for p in layout_problems(page)]
        for tab in every_tab(page):
            settle(qtbot, page)
            checked.append(f"{page.page_id}{tab}")
            problems += [f"{page.page_id}{tab}: {p}" for p in layout_problems(page)]
    assert len(checked) > len(window.pages)  # the tabs were visited too
    assert problems == []


def test_kom_igang_fits_the_laptop(qtbot: QtBot, window: MainWindow) -> None:
    page = window.show_getting_started()
    from enhetschef_app.ui.overview.getting_started import GettingStartedPage

    assert isinstance(page, GettingStartedPage)
    problems: list[str] = []
    for index in range(page.steps.count()):
        page.steps.setCurrentIndex(index)
        settle(qtbot)
        problems += [f"steg {index + 1}: {p}" for p in layout_problems(page)]
    assert problems == []


def test_dialogs_fit_a_laptop_screen(qtbot: QtBot, window: MainWindow) -> None:
    """The dialogs a page opens, as tall as they open, within 728 px."""
    from enhetschef_app.ui.incidents.stats_dialog import IncidentStatsDialog
    from enhetschef_app.ui.shell.guide import GuideDialog

    dialogs: list[QDialog] = [
        IncidentStatsDialog(window.context, window),
        GuideDialog("oversikt", window),
    ]
    for dialog in dialogs:
        dialog.show()
        settle(qtbot)
        frame = dialog.frameGeometry().height() - dialog.geometry().height()
        assert dialog.height() + max(frame, 0) <= DIALOG_MAX_HEIGHT, type(dialog).__name__
        dialog.close()

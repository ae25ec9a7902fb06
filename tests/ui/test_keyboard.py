"""The window from the keyboard: Tab through Översikt reaches every line that leads somewhere
and leaves tables at once, Ctrl+number opens the pages in navigation order, Esc empties a
filter, and Ctrl+N says why when a page has nothing to make."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from page_loading import wait_loaded
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from enhetschef_app.services.staff.employees import EmployeeView
from enhetschef_app.ui.overview.page import OverviewPage
from enhetschef_app.ui.shell.context import AppContext
from enhetschef_app.ui.shell.main_window import MainWindow, page_shortcuts
from enhetschef_app.ui.staff.page import StaffPage

MakeEmployee = Callable[..., EmployeeView]


@pytest.fixture
def window(qtbot: QtBot, context: AppContext, make_employee: MakeEmployee) -> MainWindow:
    make_employee("1", "Anna Ålund")
    make_employee("2", "Björn Öberg")
    main = MainWindow(context)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    main.activateWindow()
    return main


def tab_chain(qtbot: QtBot, start: QWidget, steps: int = 60) -> list[QWidget]:
    """The widgets Tab visits from `start`, in order, until it comes back round."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    chain: list[QWidget] = []
    for _ in range(steps):
        focused = QApplication.focusWidget()
        assert focused is not None
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        assert now is not None
        if now is start:
            break
        chain.append(now)
    return chain


def test_tab_goes_through_every_line_of_the_overview(qtbot: QtBot, window: MainWindow) -> None:
    window.show_page(0)
    page = window.current_page()
    assert isinstance(page, OverviewPage)
    chain = tab_chain(qtbot, window.navigation)
    lines = [
        button
        for button in page.findChildren(QPushButton)
        if button.property("role") == "followUp" and button.isVisibleTo(page)
    ]
    assert lines, "Översikt shows lines that lead to other pages"
    missing = [button.text() for button in lines if button not in chain]
    assert missing == []
    # The scroll area around the lines is no stop of its own.
    assert page.left_scroll not in chain
    # A table is one stop: Tab leaves it instead of walking its cells.
    for view in page.findChildren(QAbstractItemView):
        assert not view.tabKeyNavigation()
        assert chain.count(view) <= 1


def test_a_line_opens_its_page_from_the_keyboard(qtbot: QtBot, window: MainWindow) -> None:
    window.show_page(0)
    page = window.current_page()
    assert isinstance(page, OverviewPage)
    page.incident_line.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(page.incident_line, Qt.Key.Key_Space)
    assert window.current_page().page_id == "avvikelser"


def test_ctrl_numbers_follow_the_navigation_and_ctrl_0_opens_settings(
    qtbot: QtBot, window: MainWindow
) -> None:
    ids = [page.page_id for page in window.pages]
    shortcuts = page_shortcuts(ids)
    assert shortcuts["installningar"] == "Ctrl+0"
    others = [page_id for page_id in ids if page_id != "installningar"]
    assert [shortcuts[page_id] for page_id in others[:9]] == [f"Ctrl+{n}" for n in range(1, 10)]
    keys = [Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4, Qt.Key.Key_5]
    for key, page_id in zip(keys, others, strict=False):
        qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
        assert window.current_page().page_id == page_id
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page().page_id == "installningar"


def test_pages_after_the_ninth_get_a_letter_not_a_number() -> None:
    ids = [f"sida{n}" for n in range(9)] + ["ekonomi", "extra", "installningar"]
    shortcuts = page_shortcuts(ids)
    assert shortcuts["sida8"] == "Ctrl+9"
    assert shortcuts["ekonomi"] == "Ctrl+Shift+E"
    assert "extra" not in shortcuts  # its letter is taken: the Visa menu still lists it
    assert shortcuts["installningar"] == "Ctrl+0"


def test_escape_empties_the_filter(qtbot: QtBot, window: MainWindow) -> None:
    row = next(i for i, page in enumerate(window.pages) if page.page_id == "personal")
    window.show_page(row)
    page = window.current_page()
    assert isinstance(page, StaffPage)
    wait_loaded(qtbot, page)
    window.filter_action.trigger()
    qtbot.keyClicks(page.filter_edit, "Anna")
    assert page.proxy.rowCount() == 1
    qtbot.keyClick(page.filter_edit, Qt.Key.Key_Escape)
    assert page.filter_edit.text() == ""
    assert page.proxy.rowCount() == 2


def test_ctrl_n_says_why_when_there_is_nothing_to_make(qtbot: QtBot, window: MainWindow) -> None:
    window.show_page(0)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.statusBar().currentMessage().startswith("Översikt har ingen ny post")

"""Hjälp → Användarhandbok: the guide in docs/guide opens inside the program, offline, on the
page the user stands on, and every page and picture it links to is there."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from enhetschef_app.paths import guide_dir
from enhetschef_app.services.staff.employees import EmployeeView
from enhetschef_app.ui.shell.context import AppContext
from enhetschef_app.ui.shell.guide import GUIDE_PAGES, GuideDialog
from enhetschef_app.ui.shell.main_window import MainWindow

MakeEmployee = Callable[..., EmployeeView]
LINK = re.compile(r"\]\(([^)#]+)\)")


@pytest.fixture
def window(qtbot: QtBot, context: AppContext, make_employee: MakeEmployee) -> MainWindow:
    make_employee("1", "Anna Ålund")
    main = MainWindow(context)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    return main


def test_every_page_of_the_window_has_its_guide_page(window: MainWindow) -> None:
    folder = guide_dir()
    for page in window.pages:
        assert (folder / GUIDE_PAGES[page.page_id]).exists(), page.page_id


def test_every_link_and_picture_of_the_guide_is_there() -> None:
    folder = guide_dir()
    pages = sorted(folder.glob("*.md"))
    assert len(pages) >= 12
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert text.startswith("# "), page.name
        for target in LINK.findall(text):
            if target.startswith("http"):
                continue
            assert (folder / target).exists(), f"{page.name}: {target}"
            if target.endswith(".png"):
                picture = QImage(str(folder / target))
                assert (picture.width(), picture.height()) == (1366, 705), target


def test_help_opens_the_guide_on_the_current_page(qtbot: QtBot, window: MainWindow) -> None:
    row = next(i for i, page in enumerate(window.pages) if page.page_id == "avvikelser")
    window.show_page(row)
    dialog = window.open_guide()
    qtbot.addWidget(dialog)
    assert isinstance(dialog, GuideDialog)
    assert dialog.shown_file() == guide_dir() / "avvikelser.md"
    text = dialog.browser.toPlainText()
    assert "Avvikelser" in text and "Tidsfrist" in text
    assert dialog.height() <= 728
    # The contents page links to the others; following a link stays inside the dialog.
    dialog.contents_button.click()
    assert dialog.shown_file() == guide_dir() / "index.md"
    dialog.browser.setSource(dialog.browser.source().resolved(QUrl("oversikt.md")))
    assert dialog.shown_file().name == "oversikt.md"
    assert dialog.back_button.isEnabled()

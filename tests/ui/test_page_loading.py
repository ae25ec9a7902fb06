"""A page that reads in the worker: the latest load is the one shown, the page stays usable
while it reads, and a failed read says so."""

from __future__ import annotations

import threading

import pytest
from page_loading import wait_loaded
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from enhetschef_app.domain.errors import UserError
from enhetschef_app.ui.shell.context import AppContext
from enhetschef_app.ui.shell.page import Page


class _Counting(Page):
    page_id = "test"
    icon_name = "info"

    def title(self) -> str:
        return "Test"


def test_only_the_latest_load_is_shown(qtbot: QtBot, context: AppContext) -> None:
    page = _Counting(context)
    qtbot.addWidget(page)
    shown: list[str] = []
    release = threading.Event()

    def slow() -> str:
        release.wait(5)
        return "old"

    page.load_in_background(slow, shown.append)
    page.load_in_background(lambda: "new", shown.append)
    qtbot.waitUntil(lambda: shown == ["new"], timeout=5000)
    assert page.loaded
    release.set()  # the old read finishes after the new one was shown
    qtbot.wait(300)
    assert shown == ["new"]


def test_a_failed_read_is_shown_in_words_and_ends_the_load(
    qtbot: QtBot, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _Counting(context)
    qtbot.addWidget(page)
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: said.append(text))

    def refused() -> str:
        raise UserError("Databasen används av ett annat program just nu.")

    page.load_in_background(refused, lambda _found: None)
    assert not page.loaded
    wait_loaded(qtbot, page)
    assert said == ["Databasen används av ett annat program just nu."]

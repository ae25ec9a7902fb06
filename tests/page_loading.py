"""Waiting for a page that reads its data in the window's worker to show it."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from enhetschef_app.ui.shell.page import Page


def wait_loaded(qtbot: QtBot, page: Page, timeout_ms: int = 15000) -> None:
    """Until the page's latest load has been shown (a loaded machine may take seconds)."""
    qtbot.waitUntil(lambda: page.loaded, timeout=timeout_ms)

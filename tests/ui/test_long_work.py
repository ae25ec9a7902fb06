"""Long work shows that it is working and cannot be started twice: an export of Månadsrapport
disables its buttons and shows a progress dialog once it has taken half a second; steps are
shown as the work reports them; a month being counted greys the old month's figures."""

from __future__ import annotations

import threading
from pathlib import Path

import openpyxl
import pytest
from month_unit import build_month_unit
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from enhetschef_app.domain.year_month import YearMonth
from enhetschef_app.services.core.workspace import Workspace
from enhetschef_app.services.month import document as month_document
from enhetschef_app.ui.month.page import MonthReportPage
from enhetschef_app.ui.shell.context import AppContext
from enhetschef_app.ui.shell.worker import PROGRESS_AFTER_MS, Report, run_in_background


@pytest.fixture
def page(qtbot: QtBot, context: AppContext, workspace: Workspace) -> MonthReportPage:
    build_month_unit(workspace)
    widget = MonthReportPage(context)
    qtbot.addWidget(widget)
    widget.resize(1280, 700)
    widget.show()
    qtbot.waitExposed(widget)
    wait_loaded(qtbot, widget)
    return widget


def wait_loaded(qtbot: QtBot, page: MonthReportPage) -> None:
    qtbot.waitUntil(lambda: page.load_task is not None and page.load_task.done, timeout=20_000)


def shown_progress(parent: QWidget) -> list[QProgressDialog]:
    return [d for d in parent.findChildren(QProgressDialog) if d.isVisible()]


def test_an_export_shows_progress_and_cannot_be_started_twice(
    qtbot: QtBot, page: MonthReportPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The real export, held at its start until the test has looked at the window, so that it
    # surely runs longer than half a second on any machine.
    release = threading.Event()
    real_export = month_document.export_month_workbook

    def held_export(*args: object, **kwargs: object) -> object:
        release.wait(20)
        return real_export(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(month_document, "export_month_workbook", held_export)
    target = tmp_path / "rapport.xlsx"
    task = page.export_excel_to(target)

    assert not page.export_button.isEnabled()
    assert not page.sync_button.isEnabled()
    assert shown_progress(page) == []  # nothing flashes for short work
    qtbot.waitUntil(lambda: bool(shown_progress(page)), timeout=PROGRESS_AFTER_MS + 3000)
    assert shown_progress(page)[0].labelText() == "Skriver månadsrapporten …"
    assert not task.done

    release.set()
    qtbot.waitUntil(lambda: task.done, timeout=20_000)
    assert page.export_button.isEnabled() and page.sync_button.isEnabled()
    assert shown_progress(page) == []
    assert openpyxl.load_workbook(target).sheetnames[0] == "Månadsrapport"


def test_a_starter_that_was_disabled_stays_disabled(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    off = QPushButton("av", parent)
    off.setEnabled(False)
    on = QPushButton("på", parent)
    task = run_in_background(parent, lambda: 1, lambda _r: None, starters=(off, on))
    assert not on.isEnabled()
    qtbot.waitUntil(lambda: task.done)
    assert on.isEnabled() and not off.isEnabled()


def test_work_with_steps_shows_how_far_it_has_come(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    go_on = threading.Event()

    def work(report: Report) -> str:
        report(1, 3, "Steg 1 av 3")
        go_on.wait(20)
        report(3, 3, "Klart")
        return "ok"

    results: list[object] = []
    task = run_in_background(
        parent, work, results.append, progress_text="Arbetar …", reports_progress=True
    )
    qtbot.waitUntil(lambda: bool(shown_progress(parent)), timeout=PROGRESS_AFTER_MS + 3000)
    dialog = shown_progress(parent)[0]
    qtbot.waitUntil(lambda: dialog.value() == 1)
    assert (dialog.maximum(), dialog.labelText()) == (3, "Steg 1 av 3")
    go_on.set()
    qtbot.waitUntil(lambda: task.done)
    assert results == ["ok"]
    assert task.steps == [(1, 3, "Steg 1 av 3"), (3, 3, "Klart")]


def test_the_old_month_is_greyed_while_the_new_one_is_counted(
    qtbot: QtBot, page: MonthReportPage
) -> None:
    assert page.splitter.isEnabled() and page.comment_box.isEnabled()
    page.previous_button.click()
    assert page.month == YearMonth(2026, 9)
    assert not page.splitter.isEnabled() and not page.comment_box.isEnabled()
    assert page.state_label.text() == "Räknar 2026-09 …"
    wait_loaded(qtbot, page)
    assert page.splitter.isEnabled() and page.comment_box.isEnabled()
    assert page.state_label.text().startswith("September 2026")

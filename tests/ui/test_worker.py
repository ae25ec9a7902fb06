"""The background helper: work off the UI thread, result or error back on it."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget
from pytestqt.qtbot import QtBot

from enhetschef_app.domain.errors import UserError
from enhetschef_app.ui.shell.errors import log_file_path
from enhetschef_app.ui.shell.worker import run_in_background, running_tasks


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_result_arrives_on_the_ui_thread(qtbot: QtBot, parent: QWidget) -> None:
    ui_thread = threading.get_ident()
    ran_in: list[int] = []
    delivered_in: list[int] = []
    results: list[int] = []

    def work() -> int:
        ran_in.append(threading.get_ident())
        return 42

    def done(value: object) -> None:
        delivered_in.append(threading.get_ident())
        assert isinstance(value, int)
        results.append(value)

    task = run_in_background(parent, work, done, progress_text="Arbetar …")
    qtbot.waitUntil(lambda: task.done)
    assert results == [42]
    assert ran_in and ran_in[0] != ui_thread
    assert delivered_in == [ui_thread]
    assert not any(d.isVisible() for d in parent.findChildren(QProgressDialog))


def test_a_user_error_is_shown_in_its_own_words(
    qtbot: QtBot, parent: QWidget, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))

    def work() -> None:
        raise UserError("Filen är låst av någon annan. Försök igen om en stund.")

    task = run_in_background(parent, work, lambda _r: None)
    qtbot.waitUntil(lambda: task.done)
    assert shown == ["Filen är låst av någon annan. Försök igen om en stund."]


def test_an_unexpected_error_is_logged_and_names_the_log_file(
    qtbot: QtBot, parent: QWidget, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    shown: list[str] = []

    def record(box: QMessageBox) -> int:
        shown.append(box.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", record)

    def work() -> None:
        raise KeyError("internal detail")

    with caplog.at_level(logging.ERROR, logger="enhetschef"):
        task = run_in_background(parent, work, lambda _r: None)
        qtbot.waitUntil(lambda: task.done)
    assert any(r.exc_info and r.exc_info[0] is KeyError for r in caplog.records)
    assert len(shown) == 1
    assert str(log_file_path()) in shown[0]
    assert "internal detail" not in shown[0]


def test_errors_can_be_handled_by_the_caller(qtbot: QtBot, parent: QWidget) -> None:
    caught: list[BaseException] = []
    task = run_in_background(parent, lambda: 1 / 0, lambda _r: None, on_error=caught.append)
    qtbot.waitUntil(lambda: task.done)
    assert len(caught) == 1 and isinstance(caught[0], ZeroDivisionError)


def squares(n: int) -> Callable[[], int]:
    return lambda: n * n


def test_many_tasks_all_finish_and_are_released(qtbot: QtBot, parent: QWidget) -> None:
    results: list[int] = []
    tasks = [run_in_background(parent, squares(n), results.append) for n in range(20)]
    qtbot.waitUntil(lambda: all(task.done for task in tasks))
    assert sorted(results) == [n * n for n in range(20)]
    assert running_tasks() == 0


def test_the_areas_a_call_changed_are_announced_to_the_window(
    qtbot: QtBot, parent: QWidget, tmp_path: Path
) -> None:
    from enhetschef_app.services.core.settings import change_settings, setting_states
    from enhetschef_app.services.core.workspace import ensure_unit, open_workspace
    from enhetschef_app.ui.shell.events import DataEvents
    from enhetschef_app.ui.shell.worker import announce_changes_to

    workspace = open_workspace(tmp_path / "areas.db")
    workspace = workspace.with_unit(ensure_unit(workspace, "AREAS"))
    events = DataEvents()
    heard: list[frozenset[str]] = []
    events.changed.connect(heard.append)
    announce_changes_to(events)
    try:
        task = run_in_background(
            parent, lambda: change_settings(workspace, {"rest.daily_rest_hours": 12}), print
        )
        qtbot.waitUntil(lambda: task.done)
        assert heard == [frozenset({"settings"})]

        # Reading changes nothing, so nothing is announced.
        read = run_in_background(parent, lambda: setting_states(workspace), lambda _s: None)
        qtbot.waitUntil(lambda: read.done)
        assert heard == [frozenset({"settings"})]
    finally:
        announce_changes_to(None)
        workspace.close()

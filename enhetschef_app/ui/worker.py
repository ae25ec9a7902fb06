"""The one way the window runs slow work: a service call in a `QThreadPool` worker whose result
or error arrives on the UI thread.

The worker thread only calls the function and emits; the relay object lives in the UI thread,
so its slots (and the callbacks they call) run there. Python keeps every relay and runnable in
`_RUNNING` until the result is delivered, so Qt never runs or signals an object that Python
has already collected.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from enhetschef_app.domain.errors import UserError
from enhetschef_app.ui.errors import show_error

log = logging.getLogger("enhetschef.ui.worker")

ResultHandler = Callable[[Any], None]
ErrorHandler = Callable[[BaseException], None]

_RUNNING: set[BackgroundTask] = set()


class _Call(QRunnable):
    def __init__(self, call: Callable[[], Any], task: BackgroundTask) -> None:
        super().__init__()
        self._call = call
        self._task = task

    def run(self) -> None:
        try:
            result = self._call()
        except UserError as exc:
            self._task.failed.emit(exc)
        except Exception as exc:
            log.exception("Oväntat fel i en bakgrundsåtgärd")
            self._task.failed.emit(exc)
        else:
            self._task.succeeded.emit(result)


class BackgroundTask(QObject):
    """A running call; `done` turns true once its callback has run on the UI thread."""

    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()

    def __init__(
        self,
        parent_widget: QWidget | None,
        on_result: ResultHandler,
        on_error: ErrorHandler | None,
        progress: QProgressDialog | None,
    ) -> None:
        super().__init__()
        self._parent_widget = parent_widget
        self._on_result = on_result
        self._on_error = on_error
        self._progress = progress
        self.runnable: _Call | None = None
        self.done = False
        self.succeeded.connect(self._deliver_result)
        self.failed.connect(self._deliver_error)

    @Slot(object)
    def _deliver_result(self, result: object) -> None:
        self._close_progress()
        try:
            self._on_result(result)
        finally:
            self._finish()

    @Slot(object)
    def _deliver_error(self, error: object) -> None:
        self._close_progress()
        assert isinstance(error, BaseException)
        try:
            if self._on_error is not None:
                self._on_error(error)
            else:
                show_error(self._parent_widget, error)
        finally:
            self._finish()

    def _close_progress(self) -> None:
        if self._progress is not None:
            self._progress.reset()
            self._progress.hide()
            self._progress.deleteLater()
            self._progress = None

    def _finish(self) -> None:
        self.done = True
        self.finished.emit()
        _RUNNING.discard(self)


def run_in_background(
    parent: QWidget | None,
    call: Callable[[], Any],
    on_result: ResultHandler,
    *,
    on_error: ErrorHandler | None = None,
    progress_text: str | None = None,
) -> BackgroundTask:
    """Runs `call()` in the thread pool; `on_result` or `on_error` then runs on the UI thread.

    Without `on_error` the error is shown: a UserError in its words, anything else (already
    logged with its traceback) as a short message naming the log file. With `progress_text` a
    busy dialog without a cancel button shows while it runs (work that writes to the database
    is not safe to cancel half way).
    """
    progress: QProgressDialog | None = None
    if progress_text is not None:
        progress = QProgressDialog(progress_text, "", 0, 0, parent)
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        progress.setAutoClose(False)
        progress.setWindowTitle(progress_text)
    task = BackgroundTask(parent, on_result, on_error, progress)
    task.runnable = _Call(call, task)
    _RUNNING.add(task)
    QThreadPool.globalInstance().start(task.runnable)
    return task


def running_tasks() -> int:
    return len(_RUNNING)

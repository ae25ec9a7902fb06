"""The one way the window runs slow work: a service call in a `QThreadPool` worker whose result
or error arrives on the UI thread, typed as the call returns it.

The areas the call's units of work changed come back with the result and are announced to the
whole window (`announce_changes_to`), so no page says by hand that a cover also changed övertid.

The worker thread only calls the function and emits; the relay object lives in the UI thread,
so its slots (and the callbacks they call) run there. Python keeps every relay and runnable in
`_RUNNING` until the result is delivered, so Qt never runs or signals an object that Python
has already collected.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import Any, Generic, TypeVar, overload

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, SignalInstance, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QProgressDialog, QWidget
from shiboken6 import isValid

from enhetschef_app.domain.errors import UserError
from enhetschef_app.ui.shell.errors import show_error
from enhetschef_app.ui.shell.events import DataEvents

log = logging.getLogger("enhetschef.ui.worker")

T = TypeVar("T")
ErrorHandler = Callable[[BaseException], None]
# Work that has steps reports them: (steps done, steps in all, what it does now).
Report = Callable[[int, int, str], None]
Starter = QWidget | QAction

# Work over half a second shows its dialog; shorter work flashes nothing.
PROGRESS_AFTER_MS = 500

_RUNNING: set[BackgroundTask[Any]] = set()
# Where the areas a finished call changed are announced: the window's data events.
_events: DataEvents | None = None


def announce_changes_to(events: DataEvents | None) -> None:
    global _events
    _events = events


class _Call(QRunnable):
    def __init__(self, call: Callable[..., Any], task: BackgroundTask[Any], reports: bool) -> None:
        super().__init__()
        self._call = call
        self._task = task
        self._reports = reports

    def run(self) -> None:
        # Imported here, in the worker thread: the window's first task opens the database, and
        # SQLAlchemy's import is not to hold up the UI thread.
        from enhetschef_app.services.core.changes import collect_changes

        try:
            with collect_changes() as changed:
                result = self._call(self._task.report) if self._reports else self._call()
        except UserError as exc:
            self._deliver(self._task.failed, exc)
        except Exception as exc:
            log.exception("Oväntat fel i en bakgrundsåtgärd")
            self._deliver(self._task.failed, exc)
        else:
            self._deliver(self._task.succeeded, (result, frozenset(changed)))

    def _deliver(self, signal: SignalInstance, value: object) -> None:
        if not isValid(self._task):
            # The application was closed while this ran: nobody is left to show the result.
            log.info("En bakgrundsåtgärd blev klar efter att fönstret stängts")
            return
        try:
            signal.emit(value)
        except RuntimeError:
            # Deleted between the check and the emit (closing happens on the UI thread).
            log.info("En bakgrundsåtgärd blev klar efter att fönstret stängts")


class BackgroundTask(QObject, Generic[T]):
    """A running call; `done` turns true once its callback has run on the UI thread."""

    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()
    progressed = Signal(int, int, str)

    def __init__(
        self,
        parent_widget: QWidget | None,
        on_result: Callable[[T], None],
        on_error: ErrorHandler | None,
        progress: QProgressDialog | None,
        starters: Iterable[Starter] = (),
    ) -> None:
        super().__init__()
        self._parent_widget = parent_widget
        self._on_result = on_result
        self._on_error = on_error
        self._progress = progress
        self.runnable: _Call | None = None
        self.done = False
        self.steps: list[tuple[int, int, str]] = []
        # What started the work stays disabled until it ends, so it cannot run twice at once;
        # each is given back the state it had.
        self._starters = [(starter, starter.isEnabled()) for starter in starters]
        for starter, _enabled in self._starters:
            starter.setEnabled(False)
        self.succeeded.connect(self._deliver_result)
        self.failed.connect(self._deliver_error)
        self.progressed.connect(self._show_progress)

    def report(self, done: int, total: int, text: str = "") -> None:
        """Called from the worker thread; the dialog moves on the UI thread."""
        self.progressed.emit(done, total, text)

    @Slot(int, int, str)
    def _show_progress(self, done: int, total: int, text: str) -> None:
        self.steps.append((done, total, text))
        dialog = self._progress
        if dialog is None:
            return
        if text:
            dialog.setLabelText(text)
        dialog.setRange(0, max(total, 0))
        # Last: a modal dialog's setValue runs the event loop, which may deliver the result
        # and close the dialog before it returns.
        dialog.setValue(min(done, total) if total > 0 else 0)

    @Slot(object)
    def _deliver_result(self, delivered: tuple[T, frozenset[str]]) -> None:
        self._close_progress()
        result, changed = delivered
        try:
            self._on_result(result)
        finally:
            self._finish()
            if changed and _events is not None and isValid(_events):
                _events.announce(*sorted(changed))

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
        for starter, enabled in self._starters:
            if isValid(starter):
                starter.setEnabled(enabled)
        self._starters = []
        self.done = True
        self.finished.emit()
        _RUNNING.discard(self)


@overload
def run_in_background(
    parent: QWidget | None,
    call: Callable[[], T],
    on_result: Callable[[T], None],
    *,
    on_error: ErrorHandler | None = None,
    progress_text: str | None = None,
    starters: Iterable[Starter] = (),
) -> BackgroundTask[T]: ...


@overload
def run_in_background(
    parent: QWidget | None,
    call: Callable[[Report], T],
    on_result: Callable[[T], None],
    *,
    on_error: ErrorHandler | None = None,
    progress_text: str | None = None,
    starters: Iterable[Starter] = (),
    reports_progress: bool,
) -> BackgroundTask[T]: ...


def run_in_background(
    parent: QWidget | None,
    call: Callable[..., T],
    on_result: Callable[[T], None],
    *,
    on_error: ErrorHandler | None = None,
    progress_text: str | None = None,
    starters: Iterable[Starter] = (),
    reports_progress: bool = False,
) -> BackgroundTask[T]:
    """Runs `call()` in the thread pool; `on_result` or `on_error` then runs on the UI thread.

    Without `on_error` the error is shown: a UserError in its words, anything else (already
    logged with its traceback) as a short message naming the log file. With `progress_text` a
    busy dialog without a cancel button shows while it runs (work that writes to the database
    is not safe to cancel half way); it appears once the work has taken half a second.

    `starters` (the button or menu command that began the work) are disabled until it ends.
    With `reports_progress` the call gets one argument, a `Report` it calls with its steps;
    the dialog then shows how far it has come instead of a busy bar.
    """
    progress: QProgressDialog | None = None
    if progress_text is not None:
        progress = QProgressDialog(progress_text, "", 0, 0, parent)
        progress.setObjectName("workProgress")
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(PROGRESS_AFTER_MS)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setWindowTitle(progress_text)
        # Qt starts the clock for showing the dialog at the first value it is given; without
        # one it never shows.
        progress.setValue(0)
    task: BackgroundTask[T] = BackgroundTask(parent, on_result, on_error, progress, starters)
    task.runnable = _Call(call, task, reports_progress)
    _RUNNING.add(task)
    QThreadPool.globalInstance().start(task.runnable)
    return task


def running_tasks() -> int:
    return len(_RUNNING)

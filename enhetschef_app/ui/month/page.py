"""Månadsrapport: the month's key figures against their targets, the 12-month trends, the EC's
comment, the report to the VC (Excel or PDF), the sync into the VC's shared workbook and its
queue, the VC's comment read back, and the klar mark that locks the figures."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, QSettings, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from enhetschef_app.domain.errors import UserError
from enhetschef_app.domain.file_names import safe_file_name
from enhetschef_app.domain.report_document import MonthReportDocument
from enhetschef_app.domain.year_month import YearMonth
from enhetschef_app.reports.month_report_pdf import write_month_pdf
from enhetschef_app.services.core.outgoing_text import HealthWordsInExport
from enhetschef_app.services.month.document import outgoing_month_document
from enhetschef_app.services.month.report import (
    MonthReportView,
    MonthTrend,
    close_month,
    month_report_view,
    month_trend,
    reopen_month,
    save_comment,
)
from enhetschef_app.services.month.sync import (
    RETRY_MINUTES,
    SyncJobView,
    SyncOutcome,
    SyncQueued,
    WorkbookTarget,
    fetch_vc_comments,
    retry_sync_queue,
    shared_workbook,
    sync_month_to_shared_workbook,
    sync_queue,
    waiting_syncs,
)
from enhetschef_app.ui.month import PAGE_ID
from enhetschef_app.ui.month.charts import TrendTabs
from enhetschef_app.ui.month.figures_model import Column, MonthFigureModel
from enhetschef_app.ui.month.sync_dialog import SyncDialog
from enhetschef_app.ui.shell import events
from enhetschef_app.ui.shell.column_widths import fit_column
from enhetschef_app.ui.shell.context import AppContext
from enhetschef_app.ui.shell.errors import show_error
from enhetschef_app.ui.shell.icons import icon
from enhetschef_app.ui.shell.page import Page
from enhetschef_app.ui.shell.privacy import (
    PrivacyNote,
    confirm_health_words_export,
)
from enhetschef_app.ui.shell.widgets import no_unit_text, read_only_table, role_label
from enhetschef_app.ui.shell.worker import BackgroundTask, run_in_background

MONTHS_BACK = 36
START_RETRY_MS = 5000  # after start, once the window is up


@dataclass(frozen=True)
class MonthPageData:
    view: MonthReportView
    trend: MonthTrend
    waiting: list[SyncJobView]
    target: WorkbookTarget | None


def load_month_page(context: AppContext, month: YearMonth) -> MonthPageData:
    workspace = context.workspace
    view = month_report_view(workspace, month)
    return MonthPageData(
        view=view,
        trend=month_trend(workspace, month, known=view.summary),
        waiting=sync_queue(workspace, waiting_only=True),
        target=shared_workbook(workspace),
    )


class MonthReportPage(Page):
    page_id = PAGE_ID
    icon_name = "manadsrapport"
    areas = frozenset(
        {events.MONTH, events.UNIT, events.SETTINGS, events.SCHEDULE, events.ABSENCE}
        | {events.STAFF, events.INCIDENTS, events.PEOPLE}
    )

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.data: MonthPageData | None = None
        self.action_task: BackgroundTask[Any] | None = None
        self.retry_task: BackgroundTask[Any] | None = None
        self.last_sync: SyncOutcome | None = None

        self.month_combo = QComboBox()
        self.month_combo.setAccessibleName(self.tr("Månad"))
        self._months = YearMonth.of(context.today()).back(MONTHS_BACK)[::-1]
        locale = QLocale()
        for index, month in enumerate(self._months):
            self.month_combo.addItem(month.label)
            name = f"{locale.standaloneMonthName(month.month)} {month.year}"
            self.month_combo.setItemData(index, name, Qt.ItemDataRole.ToolTipRole)
        self.month_combo.setCurrentIndex(1)  # last month: the one being reported
        self.previous_button = QPushButton(icon("forra"), "")
        self.previous_button.setToolTip(self.tr("Föregående månad"))
        self.previous_button.setAccessibleName(self.tr("Föregående månad"))
        self.next_button = QPushButton(icon("nasta"), "")
        self.next_button.setToolTip(self.tr("Nästa månad"))
        self.next_button.setAccessibleName(self.tr("Nästa månad"))
        self.state_label = role_label("", "state")
        self.state_label.setWordWrap(True)
        self.close_button = QPushButton(self.tr("Markera klar"))
        self.close_button.setToolTip(
            self.tr("Lås månadens nyckeltal som de är nu; senare ändringar visas som skillnader")
        )
        self.export_button = QPushButton(icon("exportera"), self.tr("Exportera"))
        self.export_button.setToolTip(
            self.tr("Månadsrapporten till verksamhetschefen som Excel-arbetsbok eller PDF")
        )
        export_menu = QMenu(self.export_button)
        self.export_excel_action = export_menu.addAction(self.tr("Som Excel-arbetsbok…"))
        self.export_pdf_action = export_menu.addAction(self.tr("Som PDF…"))
        self.export_button.setMenu(export_menu)
        self.sync_button = QPushButton(icon("synka"), self.tr("Synka till delad arbetsbok…"))

        self.model = MonthFigureModel(self)
        self.table = read_only_table(self.model)
        self.table.setAccessibleName(self.tr("Månadens nyckeltal"))
        self.status_label = role_label("", "help")
        self.trends = TrendTabs()

        self.comment_edit = QPlainTextEdit()
        self.comment_edit.setAccessibleName(self.tr("Enhetschefens kommentar"))
        self.comment_edit.setPlaceholderText(
            self.tr(
                "Vad verksamhetschefen behöver veta om månaden (inga namn eller hälsouppgifter)"
            )
        )
        self.comment_edit.setMaximumHeight(90)
        self.comment_warning = PrivacyNote()
        self.save_comment_button = QPushButton(self.tr("Spara kommentar"))
        self.vc_comment_label = role_label("", "state")
        self.vc_comment_label.setWordWrap(True)
        self.vc_comment_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fetch_button = QPushButton(self.tr("Hämta VC:s kommentar"))
        self.sync_state_label = role_label("", "state")
        self.sync_state_label.setWordWrap(True)
        self.queue_label = role_label("", "state")
        self.queue_label.setWordWrap(True)
        self.retry_button = QPushButton(icon("uppdatera"), self.tr("Försök igen nu"))

        self._build_layout()
        self._connect()
        self.retry_timer = QTimer(self)
        self.retry_timer.setInterval(RETRY_MINUTES * 60 * 1000)
        self.retry_timer.timeout.connect(self.retry_queue)
        self.retry_timer.start()
        # At start: syncs left waiting last time are tried again once the window is up.
        self.start_timer = QTimer(self)
        self.start_timer.setSingleShot(True)
        self.start_timer.setInterval(START_RETRY_MS)
        self.start_timer.timeout.connect(self._retry_if_waiting)
        self.start_timer.start()

    # -- layout ---------------------------------------------------------------------------

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(role_label(self.tr("Månadsrapport"), "pageTitle"))
        top.addSpacing(12)
        top.addWidget(self.previous_button)
        top.addWidget(self.month_combo)
        top.addWidget(self.next_button)
        top.addStretch(1)
        top.addWidget(self.close_button)
        top.addWidget(self.export_button)

        figures = QWidget()
        figures_layout = QVBoxLayout(figures)
        figures_layout.setContentsMargins(0, 0, 6, 0)
        figures_layout.addWidget(self.table, 1)
        figures_layout.addWidget(self.status_label)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("monthSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(figures)
        self.splitter.addWidget(self.trends)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([640, 420])

        comment_box = QGroupBox(self.tr("Enhetschefens kommentar"))
        comment_layout = QVBoxLayout(comment_box)
        comment_layout.addWidget(self.comment_edit)
        comment_layout.addWidget(self.comment_warning)
        comment_buttons = QHBoxLayout()
        comment_buttons.addStretch(1)
        comment_buttons.addWidget(self.save_comment_button)
        comment_layout.addLayout(comment_buttons)

        shared_box = QGroupBox(self.tr("Delad arbetsbok"))
        shared_layout = QVBoxLayout(shared_box)
        sync_row = QHBoxLayout()
        sync_row.addWidget(self.sync_button)
        sync_row.addStretch(1)
        shared_layout.addLayout(sync_row)
        shared_layout.addWidget(self.sync_state_label)
        shared_layout.addWidget(self.vc_comment_label)
        shared_layout.addWidget(self.queue_label)
        shared_buttons = QHBoxLayout()
        shared_buttons.addWidget(self.fetch_button)
        shared_buttons.addWidget(self.retry_button)
        shared_buttons.addStretch(1)
        shared_layout.addLayout(shared_buttons)

        bottom = QHBoxLayout()
        bottom.addWidget(comment_box, 3)
        bottom.addWidget(shared_box, 2)
        self.comment_box = comment_box

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.state_label)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(bottom)

    def _connect(self) -> None:
        self.month_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.previous_button.clicked.connect(lambda: self._step(1))
        self.next_button.clicked.connect(lambda: self._step(-1))
        self.close_button.clicked.connect(self.toggle_closed)
        self.export_excel_action.triggered.connect(self.export_excel)
        self.export_pdf_action.triggered.connect(self.export_pdf)
        self.sync_button.clicked.connect(self.sync)
        self.save_comment_button.clicked.connect(self.save_comment)
        self.comment_edit.textChanged.connect(self._comment_changed)
        self.fetch_button.clicked.connect(self.fetch_vc_comment)
        self.retry_button.clicked.connect(self.retry_queue)

    # -- reading --------------------------------------------------------------------------

    @property
    def month(self) -> YearMonth:
        return self._months[max(0, self.month_combo.currentIndex())]

    def choose_month(self, month: YearMonth) -> None:
        if month in self._months:
            self.month_combo.setCurrentIndex(self._months.index(month))

    def _step(self, offset: int) -> None:
        index = self.month_combo.currentIndex() + offset
        if 0 <= index < self.month_combo.count():
            self.month_combo.setCurrentIndex(index)

    def refresh(self) -> None:
        super().refresh()
        if self.context.workspace.unit is None:
            self.state_label.setText(no_unit_text())
            return
        context, month = self.context, self.month
        self._show_loading(month)
        self.load_in_background(
            lambda: load_month_page(context, month), self._show, self._load_failed
        )

    def _show_loading(self, month: YearMonth) -> None:
        """The old month's figures, comment and charts must not stand under the new month's
        name: they are greyed out (and the comment emptied) until the new ones come."""
        if self.data is not None and self.data.view.month != month:
            self.comment_edit.blockSignals(True)
            self.comment_edit.clear()
            self.comment_edit.blockSignals(False)
        self.splitter.setEnabled(False)
        self.comment_box.setEnabled(False)
        self.state_label.setText(self.tr("Räknar {0} …").format(month.label))

    def _load_failed(self, error: BaseException) -> None:
        if isValid(self):
            self.state_label.setText(self.tr("Månaden kunde inte räknas."))
            show_error(self, error)

    def _show(self, result: MonthPageData) -> None:
        if not isValid(self) or result.view.month != self.month:
            return  # closed, or another month was chosen while this one was counted
        self.data = result
        view = result.view
        self.splitter.setEnabled(True)
        self.comment_box.setEnabled(True)
        self.model.show_report(view)
        fit_column(self.table, Column.LABEL)
        for column in (Column.VALUE, Column.TARGET, Column.STATUS):
            fit_column(self.table, column)
        self.trends.show_trend(
            result.trend,
            view.summary.targets["sick_percent"],
            view.summary.targets["hourly_paid_share_percent"],
        )
        self._show_state(view)
        self._show_comment(view)
        self._show_shared(result)

    def _show_state(self, view: MonthReportView) -> None:
        if view.closed_at is not None:
            when = view.closed_at.astimezone().strftime("%Y-%m-%d")
            text = self.tr("Klar, låst {date} av {who}").format(date=when, who=view.closed_by)
            if view.differences:
                text += self.tr(" – {0} nyckeltal har ändrats sedan dess").format(
                    len(view.differences)
                )
            self.close_button.setText(self.tr("Lås upp…"))
        else:
            text = self.tr("Utkast: inte markerad klar")
            self.close_button.setText(self.tr("Markera klar"))
        month = view.month
        name = QLocale().standaloneMonthName(month.month)
        period = self.tr("{name} {year} ({first} – {last}) · ").format(
            name=name[:1].upper() + name[1:],
            year=month.year,
            first=month.first.isoformat(),
            last=month.last.isoformat(),
        )
        self.state_label.setText(period + text)
        self.close_button.setEnabled(
            view.closed_at is not None or view.month.last < self.context.today()
        )
        notes = []
        if not view.summary.overtime_recorded:
            notes.append(self.tr("Övertid och mertid registreras inte i programmet än."))
        notes.append(self.tr("Håll muspekaren över ett nyckeltal för definition och underlag."))
        self.status_label.setText(" ".join(notes))

    def _show_comment(self, view: MonthReportView) -> None:
        self.comment_edit.blockSignals(True)
        self.comment_edit.setPlainText(view.comment)
        self.comment_edit.blockSignals(False)
        self.comment_edit.setReadOnly(view.is_closed)
        self.save_comment_button.setEnabled(False)
        self.comment_warning.check(view.comment)

    def _show_shared(self, data: MonthPageData) -> None:
        view = data.view
        if view.synced_at is None:
            self.sync_state_label.setText(
                self.tr("Månaden är inte synkad till den delade arbetsboken.")
            )
        else:
            when = view.synced_at.astimezone().strftime("%Y-%m-%d %H:%M")
            text = self.tr("Synkad {when} till {name}.").format(
                when=when, name=Path(view.synced_to or "").name
            )
            if view.changed_since_sync:
                text += " " + self.tr("Nyckeltalen har ändrats sedan dess: synka igen.")
            self.sync_state_label.setText(text)
        if view.vc_comment:
            read = (
                ""
                if view.vc_comment_read_at is None
                else view.vc_comment_read_at.astimezone().strftime("%Y-%m-%d")
            )
            self.vc_comment_label.setText(
                self.tr("Verksamhetschefens kommentar (hämtad {date}): {text}").format(
                    date=read, text=view.vc_comment
                )
            )
        else:
            self.vc_comment_label.setText(self.tr("Ingen kommentar från verksamhetschefen."))
        self.fetch_button.setEnabled(data.target is not None)
        self._show_queue(data.waiting)

    def _show_queue(self, waiting: list[SyncJobView]) -> None:
        if not waiting:
            self.queue_label.setText(self.tr("Synkkön: inget väntar."))
            self.retry_button.setEnabled(False)
            return
        months = ", ".join(sorted({job.month for job in waiting}))
        self.queue_label.setText(
            self.tr(
                "Synkkön: {count} väntar ({months}); försöks igen var {minutes}:e minut."
            ).format(count=len(waiting), months=months, minutes=RETRY_MINUTES)
        )
        # Why it waits (the workbook open in Excel, another unit syncing) on hover.
        self.queue_label.setToolTip(
            "\n".join(f"{job.month}: {job.last_error or ''}" for job in waiting)
        )
        self.retry_button.setEnabled(True)

    # -- acting ---------------------------------------------------------------------------

    def _comment_changed(self) -> None:
        text = self.comment_edit.toPlainText()
        self.comment_warning.check(text)
        stored = "" if self.data is None else self.data.view.comment
        self.save_comment_button.setEnabled(text.strip() != stored)

    def save_comment(self) -> None:
        try:
            save_comment(
                self.context.workspace,
                self.month,
                self.comment_edit.toPlainText(),
                version=None if self.data is None else self.data.view.version,
            )
        except UserError as exc:
            show_error(self, exc)
            return
        self.context.events.announce(events.MONTH)

    def toggle_closed(self) -> None:
        if self.data is None:
            return
        month = self.month
        workspace = self.context.workspace
        version = self.data.view.version
        if self.data.view.is_closed:
            reason, ok = QInputDialog.getText(
                self,
                self.tr("Lås upp {0}").format(month.label),
                self.tr("Varför låses månaden upp? (sparas i loggen)"),
            )
            if not ok:
                return
            call = lambda: reopen_month(workspace, month, reason, version=version)  # noqa: E731
        else:
            answer = QMessageBox.question(
                self,
                self.tr("Markera {0} klar").format(month.label),
                self.tr(
                    "Nyckeltalen för {0} låses som de är nu. Ändras underlaget senare visas det "
                    "som en skillnad, och rapporten visar de låsta värdena. Markera klar?"
                ).format(month.label),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
            today = self.context.today()
            call = lambda: close_month(  # noqa: E731
                workspace, month, today=today, version=version
            )
        self.action_task = run_in_background(self, call, _done)

    def _export_path(self, suffix: str, title: str, file_filter: str) -> Path | None:
        unit = self.context.workspace.require_unit()
        folder = self.context.settings.value("pages/manadsrapport/export_dir", str(Path.home()))
        name = safe_file_name("Manadsrapport", unit.code, self.month.label, suffix=suffix)
        suggested = Path(str(folder)) / name
        chosen, _filter = QFileDialog.getSaveFileName(self, title, str(suggested), file_filter)
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != suffix:
            path = path.with_suffix(suffix)
        self.context.settings.setValue("pages/manadsrapport/export_dir", str(path.parent))
        return path

    def export_excel(self) -> BackgroundTask[Any] | None:
        path = self._export_path(
            ".xlsx", self.tr("Spara månadsrapporten"), self.tr("Excel-arbetsbok (*.xlsx)")
        )
        return None if path is None else self.export_excel_to(path)

    def export_excel_to(
        self, path: Path, *, allow_sensitive_words: bool = False
    ) -> BackgroundTask[Any]:
        from enhetschef_app.services.month.document import export_month_workbook

        workspace, month = self.context.workspace, self.month
        self.action_task = run_in_background(
            self,
            lambda: export_month_workbook(
                workspace, month, path, allow_sensitive_words=allow_sensitive_words
            ),
            lambda _r: self._exported(path),
            on_error=self._unless_confirmed(
                lambda: self.export_excel_to(path, allow_sensitive_words=True)
            ),
            progress_text=self.tr("Skriver månadsrapporten …"),
            starters=self._action_starters(),
        )
        return self.action_task

    def _unless_confirmed(self, again: Callable[[], object]) -> Callable[[BaseException], None]:
        """An error handler: health words in the comment ask the EC, and her yes runs `again`;
        anything else (a personnummer among it) is shown."""

        def handle(error: BaseException) -> None:
            if not isValid(self):
                return
            if isinstance(error, HealthWordsInExport):
                if confirm_health_words_export(self, error.message):
                    again()
                return
            show_error(self, error)

        return handle

    def export_pdf(self) -> BackgroundTask[Any] | None:
        path = self._export_path(
            ".pdf", self.tr("Spara månadsrapporten som PDF"), self.tr("PDF (*.pdf)")
        )
        return None if path is None else self.export_pdf_to(path)

    def export_pdf_to(
        self, path: Path, *, allow_sensitive_words: bool = False
    ) -> BackgroundTask[Any]:
        workspace, month = self.context.workspace, self.month

        def draw(document: object) -> None:
            assert isinstance(document, MonthReportDocument)
            try:
                write_month_pdf(document, path)  # Qt paints on the UI thread
            except OSError as exc:
                show_error(self, UserError(self.tr("PDF:en kunde inte sparas: {0}").format(exc)))
                return
            self._exported(path)

        self.action_task = run_in_background(
            self,
            lambda: outgoing_month_document(
                workspace, month, allow_sensitive_words=allow_sensitive_words
            ),
            draw,
            on_error=self._unless_confirmed(
                lambda: self.export_pdf_to(path, allow_sensitive_words=True)
            ),
            progress_text=self.tr("Skriver månadsrapporten …"),
            starters=self._action_starters(),
        )
        return self.action_task

    def _action_starters(self) -> tuple[QWidget, ...]:
        """Export and sync write the same month: while one runs, none can be started."""
        return (self.export_button, self.sync_button, self.close_button)

    def _exported(self, path: Path) -> None:
        self.last_export = path
        self.status_label.setText(self.tr("Månadsrapporten sparades: {0}").format(path))

    def sync(self) -> None:
        target = None if self.data is None else self.data.target
        dialog = SyncDialog(
            self.month.label,
            None if target is None else target.workbook,
            None if target is None else target.sheet,
            self,
        )
        if dialog.exec() != SyncDialog.DialogCode.Accepted:
            return
        self.sync_to(dialog.workbook, dialog.sheet)

    def sync_to(
        self, workbook: Path, sheet: str | None, *, allow_sensitive_words: bool = False
    ) -> BackgroundTask[Any]:
        workspace, month = self.context.workspace, self.month
        self._last_sync_target = (workbook, sheet)
        self.action_task = run_in_background(
            self,
            lambda: sync_month_to_shared_workbook(
                workspace, month, workbook, sheet, allow_sensitive_words=allow_sensitive_words
            ),
            self._synced,
            on_error=self._sync_failed,
            progress_text=self.tr("Synkar till den delade arbetsboken …"),
            starters=self._action_starters(),
        )
        return self.action_task

    def _synced(self, result: SyncOutcome) -> None:
        self.last_sync = result
        self.context.events.announce(events.MONTH)
        if isValid(self):
            self.status_label.setText(result.describe())

    def _sync_failed(self, error: BaseException) -> None:
        self.context.events.announce(events.MONTH)  # the queue may have grown
        if not isValid(self):
            return
        if isinstance(error, SyncQueued):
            QMessageBox.information(
                self,
                self.tr("Synken väntar"),
                self.tr(
                    "{0}\n\nDen försöks igen automatiskt; du kan också välja Försök igen nu."
                ).format(error.message),
            )
            return
        if isinstance(error, HealthWordsInExport):
            if confirm_health_words_export(self, error.message):
                self.sync_to(
                    self._last_sync_target[0], self._last_sync_target[1], allow_sensitive_words=True
                )
            return
        show_error(self, error)

    def fetch_vc_comment(self) -> BackgroundTask[Any]:
        workspace = self.context.workspace
        self.action_task = run_in_background(
            self,
            lambda: fetch_vc_comments(workspace),
            _done,
        )
        return self.action_task

    def _retry_if_waiting(self) -> None:
        if not isValid(self):
            return
        try:
            if waiting_syncs(self.context.workspace):
                self.retry_queue()
        except UserError:
            return

    def retry_queue(self) -> BackgroundTask[Any] | None:
        if self.retry_task is not None and not self.retry_task.done:
            return None  # one retry at a time
        if self.context.workspace.unit is None or not waiting_syncs(self.context.workspace):
            return None
        workspace = self.context.workspace
        self.retry_task = run_in_background(
            self,
            lambda: retry_sync_queue(workspace),
            _done,
            on_error=lambda _e: None,  # a failed retry stays in the queue with its reason
        )
        return self.retry_task

    def show_hint(self, hint: object) -> None:
        if isinstance(hint, YearMonth):
            self.choose_month(hint)

    def save_state(self, settings: QSettings) -> None:
        settings.setValue(self.settings_key("splitter"), self.splitter.saveState())

    def restore_state(self, settings: QSettings) -> None:
        state = settings.value(self.settings_key("splitter"))
        if state is not None:
            self.splitter.restoreState(state)


def _done(_result: object) -> None:
    """The worker announces what the call changed; the page has nothing more to do."""

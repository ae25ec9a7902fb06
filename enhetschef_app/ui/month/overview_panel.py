"""Översikt's section Månadsrapport: whether last month is marked klar and synced to the VC's
workbook, and syncs waiting in the queue. Each line leads to the Månadsrapport page."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from enhetschef_app.domain.errors import UserError
from enhetschef_app.services.month.overview import MonthSignals, month_signals
from enhetschef_app.ui.month import PAGE_ID
from enhetschef_app.ui.shell.context import AppContext
from enhetschef_app.ui.shell.icons import icon
from enhetschef_app.ui.shell.widgets import role_label


class MonthOverviewPanel(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.signals: MonthSignals | None = None
        self.title = role_label(self.tr("Månadsrapport"), "sectionTitle")
        self.month_line = self._line()
        self.queue_line = self._line()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.title)
        layout.addWidget(self.month_line)
        layout.addWidget(self.queue_line)

    def _line(self) -> QPushButton:
        line = QPushButton()
        line.setFlat(True)
        line.setProperty("role", "followUp")
        line.setToolTip(self.tr("Öppna Månadsrapport"))
        line.clicked.connect(
            lambda: self.context.events.open_page(
                PAGE_ID, None if self.signals is None else self.signals.month
            )
        )
        return line

    def refresh(self, day: date) -> None:
        self.show_found(day, self.fetch(day))

    def fetch(self, day: date) -> MonthSignals | None:
        """The section's data, read in Översikt's worker: no widget is touched here."""
        try:
            return month_signals(self.context.workspace, day)
        except UserError:
            return None

    def show_found(self, day: date, signals: MonthSignals | None) -> None:
        self.signals = signals
        self.setVisible(signals is not None)
        if signals is None:
            return
        month = signals.month.label
        if signals.needs_sync:
            state = self.tr("klar") if signals.closed else self.tr("inte markerad klar")
            self.month_line.setText(
                self.tr(
                    "Månadsrapport {month} är inte synkad till verksamhetschefen ({state}) →"
                ).format(month=month, state=state)
            )
            self.month_line.setIcon(icon("varning"))
        else:
            assert signals.synced_at is not None
            when = signals.synced_at.astimezone().strftime("%Y-%m-%d")
            self.month_line.setText(
                self.tr("Månadsrapport {month} synkad {when} →").format(month=month, when=when)
            )
            self.month_line.setIcon(icon("manadsrapport"))
        self.queue_line.setText(
            self.tr("{0} synkar väntar i kön (arbetsboken var upptagen) →").format(
                signals.waiting_syncs
            )
        )
        self.queue_line.setIcon(icon("varning"))
        self.queue_line.setVisible(signals.waiting_syncs > 0)

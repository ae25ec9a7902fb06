"""Översikt's line for Övertid: the requests waiting for the EC's decision (and how many would
pass a limit), leading to the Övertid page's waiting list."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from enhetschef_app.domain.errors import UserError
from enhetschef_app.services.overtime.overview import OvertimeSignals, overtime_signals
from enhetschef_app.ui.overtime import HINT_WAITING, PAGE_ID
from enhetschef_app.ui.shell.context import AppContext
from enhetschef_app.ui.shell.icons import icon
from enhetschef_app.ui.shell.widgets import role_label


class OvertimeOverviewPanel(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.signals: OvertimeSignals | None = None
        self.line = QPushButton()
        self.line.setFlat(True)
        self.line.setProperty("role", "followUp")
        self.line.setAccessibleName(self.tr("Övertid att besluta"))
        self.line.setToolTip(self.tr("Öppna Övertid"))
        self.line.clicked.connect(lambda: self.context.events.open_page(PAGE_ID, HINT_WAITING))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(role_label(self.tr("Övertid"), "sectionTitle"))
        layout.addWidget(self.line)

    def refresh(self, day: date) -> None:
        self.show_found(day, self.fetch(day))

    def fetch(self, day: date) -> OvertimeSignals | UserError | None:
        """The section's data, read in Översikt's worker: no widget is touched here."""
        try:
            return overtime_signals(self.context.workspace)
        except UserError as exc:
            return exc

    def show_found(self, day: date, found: OvertimeSignals | UserError | None) -> None:
        if isinstance(found, UserError):
            self.line.setText(found.message)
            return
        signals = self.signals = found
        self.setVisible(signals is not None)
        if signals is None:
            return
        if not signals.waiting:
            self.line.setText(self.tr("Ingen övertid väntar på beslut →"))
            self.line.setIcon(QIcon())
            return
        text = self.tr("Övertid att besluta: {count} (äldsta {day})").format(
            count=signals.waiting,
            day=signals.oldest_day.isoformat() if signals.oldest_day else "",
        )
        if signals.passing_limits:
            text += self.tr(", {0} skulle passera en gräns").format(signals.passing_limits)
        self.line.setText(text + " →")
        self.line.setIcon(icon("varning"))

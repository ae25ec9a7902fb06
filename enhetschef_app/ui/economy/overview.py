"""Översikt's line on the personnel economy: shown when this year's prognos passes the budget,
and when someone's salary is missing from the estimate. It leads to the Ekonomi page."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget
from shiboken6 import isValid

from enhetschef_app.services.economy.overview import EconomySignal, economy_signal
from enhetschef_app.ui.economy import PAGE_ID
from enhetschef_app.ui.shell.context import AppContext
from enhetschef_app.ui.shell.icons import icon
from enhetschef_app.ui.shell.widgets import role_label
from enhetschef_app.ui.shell.worker import BackgroundTask, run_in_background


class EconomyOverviewPanel(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.signal: EconomySignal | None = None
        self.task: BackgroundTask[Any] | None = None
        self.title = role_label(self.tr("Ekonomi"), "sectionTitle")
        self.forecast_line = self._line()
        self.gap_line = self._line()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.title)
        layout.addWidget(self.forecast_line)
        layout.addWidget(self.gap_line)
        self.setVisible(False)

    def _line(self) -> QPushButton:
        line = QPushButton()
        line.setFlat(True)
        line.setProperty("role", "followUp")
        line.setToolTip(self.tr("Öppna Ekonomi"))
        line.setIcon(icon("varning"))
        line.clicked.connect(lambda: self.context.events.open_page(PAGE_ID, None))
        return line

    def refresh(self, day: date) -> None:
        """Counts the year in the background: the prognos needs every month of it."""
        if self.context.workspace.unit is None:
            self.setVisible(False)
            return
        workspace = self.context.workspace
        self.task = run_in_background(
            self, lambda: economy_signal(workspace, day), self._show, on_error=self._failed
        )

    def _failed(self, _error: BaseException) -> None:
        # Översikt stays calm: the Ekonomi page shows the error when it is opened.
        if isValid(self):
            self.setVisible(False)

    def _show(self, result: EconomySignal) -> None:
        if not isValid(self):
            return
        self.signal = result
        locale = QLocale()
        over = result.over_budget
        if over is not None and result.budget is not None:
            self.forecast_line.setText(
                self.tr(
                    "Prognosen för {year} är {over} kr över budget "
                    "({forecast} kr mot {budget} kr) →"
                ).format(
                    year=result.year,
                    over=locale.toString(float(over), "f", 0),
                    forecast=locale.toString(float(result.forecast), "f", 0),
                    budget=locale.toString(float(result.budget), "f", 0),
                )
            )
        self.forecast_line.setVisible(over is not None)
        self.gap_line.setText(
            self.tr("{0} medarbetare saknar månadslön i kostnadsberäkningen →").format(result.gaps)
        )
        self.gap_line.setVisible(result.gaps > 0)
        self.setVisible(over is not None or result.gaps > 0)

"""Översikt's section Schema: today's empty rows (leading to Dagsuppföljning) and this week's
broken rest and working-time rules (leading to the Schema page's week)."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from enhetschef_app.domain.errors import UserError
from enhetschef_app.services.schedule.follow_up import ScheduleAlerts, schedule_alerts
from enhetschef_app.ui.shell.context import AppContext
from enhetschef_app.ui.shell.icons import icon
from enhetschef_app.ui.shell.widgets import role_label

FOLLOW_UP_PAGE = "dagsuppfoljning"
SCHEDULE_PAGE = "schema"
MAX_ROWS = 8


class ScheduleOverviewPanel(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.day = context.today()
        self.alerts: ScheduleAlerts | None = None
        self.title = role_label(self.tr("Schema och dagsuppföljning"), "sectionTitle")
        self.empty_line = self._line()
        self.empty_line.setAccessibleName(self.tr("Tomma rader idag"))
        self.breach_line = self._line()
        self.breach_line.setAccessibleName(self.tr("Regelbrott denna vecka"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.empty_line)
        layout.addWidget(self.breach_line)
        self.empty_line.clicked.connect(
            lambda: self.context.events.open_page(FOLLOW_UP_PAGE, self.day)
        )
        self.breach_line.clicked.connect(
            lambda: self.context.events.open_page(SCHEDULE_PAGE, self.day)
        )

    def _line(self) -> QPushButton:
        button = QPushButton()
        button.setFlat(True)
        button.setProperty("role", "followUp")  # the look Översikt's lines share
        return button

    def refresh(self, day: date) -> None:
        self.show_found(day, self.fetch(day))

    def fetch(self, day: date) -> ScheduleAlerts | UserError | None:
        """The section's data, read in Översikt's worker: no widget is touched here."""
        if self.context.workspace.unit is None:
            return None
        try:
            return schedule_alerts(self.context.workspace, day)
        except UserError as exc:
            return exc

    def show_found(self, day: date, found: ScheduleAlerts | UserError | None) -> None:
        self.day = day
        self.setVisible(found is not None)
        if found is None:
            return
        if isinstance(found, UserError):
            self.empty_line.setText(found.message)
            return
        alerts = self.alerts = found
        empty = alerts.empty_today
        if empty:
            absent = sum(1 for line in empty if line.employee_name is not None)
            self.empty_line.setText(
                self.tr("Tomma rader idag: {count} ({absent} frånvaro, {vacant} vakanta) →").format(
                    count=len(empty), absent=absent, vacant=len(empty) - absent
                )
            )
            self.empty_line.setIcon(icon("varning"))
        else:
            self.empty_line.setText(self.tr("Inga tomma rader idag →"))
            self.empty_line.setIcon(QIcon())
        listed = "\n".join(line.describe() for line in empty[:MAX_ROWS])
        if len(empty) > MAX_ROWS:
            listed += "\n" + self.tr("… och {0} till").format(len(empty) - MAX_ROWS)
        self.empty_line.setToolTip(
            (listed + "\n\n" if listed else "")
            + self.tr("Öppna Dagsuppföljning och hitta ersättare")
        )
        rules = alerts.breaches_by_rule()
        if rules:
            listed = ", ".join(f"{label.lower()} {count}" for label, count in rules)
            self.breach_line.setText(
                self.tr("Regelbrott v. {week}: {count} – {rules} →").format(
                    week=alerts.week, count=len(alerts.week_breaches), rules=listed
                )
            )
            self.breach_line.setIcon(icon("varning"))
        else:
            self.breach_line.setText(
                self.tr("Inga brott mot vilotiderna v. {0} →").format(alerts.week)
            )
            self.breach_line.setIcon(QIcon())
        self.breach_line.setToolTip(self.tr("Öppna veckans schema"))

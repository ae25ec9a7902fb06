"""Översikt's section Medarbetarsamtal och kompetens: talks overdue, goals to follow up,
trainings and delegations expiring, exit talks to hold. Each line leads to its tab of the
Medarbetarsamtal page; lines with nothing to do are left out."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from enhetschef_app.domain.errors import UserError
from enhetschef_app.services.people.overview import PeopleSignals, people_signals
from enhetschef_app.ui.people import PAGE_ID
from enhetschef_app.ui.shell.context import AppContext
from enhetschef_app.ui.shell.icons import icon
from enhetschef_app.ui.shell.widgets import role_label


class PeopleOverviewPanel(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.signals: PeopleSignals | None = None
        self.title = role_label(self.tr("Medarbetarsamtal och kompetens"), "sectionTitle")
        self.talks_line = self._line("samtal/forsenade")
        self.goals_line = self._line("samtal/mal")
        self.trainings_line = self._line("kompetens/utbildningar_gar_ut")
        self.delegations_line = self._line("kompetens/delegeringar_gar_ut")
        self.exits_line = self._line("avslut/utan_samtal")
        self.calm_line = self._line("samtal")
        self.lines = (
            self.talks_line,
            self.goals_line,
            self.trainings_line,
            self.delegations_line,
            self.exits_line,
            self.calm_line,
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.title)
        for line in self.lines:
            layout.addWidget(line)

    def _line(self, hint: str) -> QPushButton:
        line = QPushButton()
        line.setFlat(True)
        line.setProperty("role", "followUp")
        line.setToolTip(self.tr("Öppna Medarbetarsamtal"))
        line.clicked.connect(lambda: self.context.events.open_page(PAGE_ID, hint))
        return line

    def refresh(self, day: date) -> None:
        self.show_found(day, self.fetch(day))

    def fetch(self, day: date) -> PeopleSignals | UserError | None:
        """The section's data, read in Översikt's worker: no widget is touched here."""
        try:
            return people_signals(self.context.workspace, day)
        except UserError as exc:
            return exc

    def show_found(self, day: date, found: PeopleSignals | UserError | None) -> None:
        signals = None if isinstance(found, UserError) else found
        if isinstance(found, UserError):
            self.calm_line.setText(found.message)
        self.signals = signals
        self.setVisible(signals is not None)
        if signals is None:
            return
        days = signals.reminder_days
        shown = (
            (
                self.talks_line,
                signals.talks_overdue,
                self.tr("Försenade medarbetarsamtal (period {cycle}): {count} →").format(
                    cycle=signals.cycle_label, count=signals.talks_overdue
                ),
            ),
            (
                self.goals_line,
                signals.goals_to_follow_up,
                self.tr("Mål att följa upp: {0} →").format(signals.goals_to_follow_up),
            ),
            (
                self.trainings_line,
                signals.trainings_expiring,
                self.tr(
                    "Utbildningar som går ut inom {days} dagar eller gått ut: {count} →"
                ).format(days=days, count=signals.trainings_expiring),
            ),
            (
                self.delegations_line,
                signals.delegations_expiring,
                self.tr(
                    "Delegeringar som går ut inom {days} dagar eller gått ut: {count} →"
                ).format(days=days, count=signals.delegations_expiring),
            ),
            (
                self.exits_line,
                signals.exit_talks_missing,
                self.tr("Avslutningssamtal att hålla: {0} →").format(signals.exit_talks_missing),
            ),
        )
        for line, count, text in shown:
            line.setText(text)
            line.setIcon(icon("varning"))
            line.setVisible(bool(count))
        self.calm_line.setText(
            self.tr(
                "Inga försenade samtal, mål att följa upp eller utbildningar och delegeringar "
                "som går ut →"
            )
        )
        self.calm_line.setVisible(not signals.anything)

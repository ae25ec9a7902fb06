"""Översikt's section Frånvaro och omtanke: who is due for an omtankessamtal, talks to hold and
follow-ups due this week, rehab milestones this week. Each line leads to the page."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from enhetschef_app.domain.errors import UserError
from enhetschef_app.services.absence.overview import CareOverview, care_overview
from enhetschef_app.ui.shell.context import AppContext
from enhetschef_app.ui.shell.formatting import clock
from enhetschef_app.ui.shell.icons import icon
from enhetschef_app.ui.shell.widgets import role_label

PAGE_ID = "franvaro"
MAX_NAMES = 3


class CareOverviewPanel(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.overview: CareOverview | None = None
        self.title = role_label(self.tr("Frånvaro och omtanke"), "sectionTitle")
        self.due_line = self._line()
        self.talks_line = self._line()
        self.follow_up_line = self._line()
        self.milestone_line = self._line()
        self.lines = (self.due_line, self.talks_line, self.follow_up_line, self.milestone_line)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        for line in self.lines:
            layout.addWidget(line)
        self.due_line.clicked.connect(lambda: self._open("omtanke"))
        self.talks_line.clicked.connect(lambda: self._open_first_talk(follow_ups=False))
        self.follow_up_line.clicked.connect(lambda: self._open_first_talk(follow_ups=True))
        self.milestone_line.clicked.connect(self._open_first_milestone)

    def _line(self) -> QPushButton:
        button = QPushButton()
        button.setFlat(True)
        button.setProperty("role", "followUp")  # the look Översikt's lines share
        return button

    def _names(self, names: list[str]) -> str:
        shown = ", ".join(names[:MAX_NAMES])
        if len(names) > MAX_NAMES:
            shown += self.tr(" och {0} till").format(len(names) - MAX_NAMES)
        return shown

    def refresh(self, day: date) -> None:
        self.show_found(day, self.fetch(day))

    def fetch(self, day: date) -> CareOverview | UserError | None:
        """The section's data, read in Översikt's worker: no widget is touched here."""
        if self.context.workspace.unit is None:
            return None
        try:
            return care_overview(self.context.workspace, day)
        except UserError as exc:
            return exc

    def show_found(self, day: date, found: CareOverview | UserError | None) -> None:
        self.setVisible(found is not None)
        if found is None:
            return
        if isinstance(found, UserError):
            self.due_line.setText(found.message)
            return
        overview = self.overview = found
        due = [s.name for s in overview.due]
        self.due_line.setText(
            self.tr("Ska erbjudas omtankessamtal: {0} – {1}").format(len(due), self._names(due))
            if due
            else self.tr("Ingen ska erbjudas omtankessamtal idag")
        )
        talks = [
            f"{t.employee_name} {t.invited_date.isoformat() if t.invited_date else ''}"
            + (f" {clock(t.invited_time)}" if t.invited_time else "")
            for t in overview.talks_this_week
        ]
        self.talks_line.setText(
            self.tr("Omtankessamtal att hålla denna vecka: {0} – {1}").format(
                len(talks), self._names(talks)
            )
            if talks
            else self.tr("Inga omtankessamtal att hålla denna vecka")
        )
        follow_ups = [
            f"{t.employee_name} {t.follow_up_date.isoformat() if t.follow_up_date else ''}"
            for t in overview.follow_ups_due
        ]
        self.follow_up_line.setText(
            self.tr("Uppföljningar att göra: {0} – {1}").format(
                len(follow_ups), self._names(follow_ups)
            )
            if follow_ups
            else self.tr("Inga uppföljningar av omtankessamtal denna vecka")
        )
        milestones = [
            f"{m.name}: {m.milestone.title.lower()} {m.milestone.due.isoformat()}"
            for m in overview.milestones
        ]
        self.milestone_line.setText(
            self.tr("Rehabkedjan denna vecka: {0} – {1}").format(
                len(milestones), self._names(milestones)
            )
            if milestones
            else self.tr("Inga milstolpar i rehabkedjan denna vecka")
        )
        attention = (
            (self.due_line, bool(due)),
            (self.talks_line, bool(talks)),
            (self.follow_up_line, bool(follow_ups)),
            (self.milestone_line, bool(milestones)),
        )
        for line, needs in attention:
            # Not by colour alone: a warning sign marks what waits, and the words say it.
            line.setIcon(icon("varning") if needs else QIcon())
            line.setText(line.text() + " →")
            line.setToolTip(self.tr("Öppna Frånvaro och omtanke"))

    def _open(self, hint: object) -> None:
        self.context.events.open_page(PAGE_ID, hint)

    def _open_first_talk(self, *, follow_ups: bool) -> None:
        overview = self.overview
        talks = (
            (overview.follow_ups_due if follow_ups else overview.talks_this_week)
            if overview
            else ()
        )
        self._open(("samtal", talks[0].employee_id) if talks else "omtanke")

    def _open_first_milestone(self) -> None:
        overview = self.overview
        if overview is not None and overview.milestones:
            self._open(("person", overview.milestones[0].employee_id))
        else:
            self._open("omtanke")

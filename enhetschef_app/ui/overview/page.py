"""Översikt: what the EC sees first – today's schedule, staffing against need, empty rows and
the unit's headcount."""

from __future__ import annotations

from datetime import date
from typing import Any, Protocol

from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from enhetschef_app.domain.errors import UserError
from enhetschef_app.services.incidents.views import IncidentAlerts
from enhetschef_app.services.overview.today import DayOverview, day_overview
from enhetschef_app.ui.absence.overview_panel import CareOverviewPanel
from enhetschef_app.ui.core.privacy_panel import PrivacyOverviewPanel
from enhetschef_app.ui.economy.overview import EconomyOverviewPanel
from enhetschef_app.ui.incidents import HINT_OVERDUE
from enhetschef_app.ui.month.overview_panel import MonthOverviewPanel
from enhetschef_app.ui.overtime.overview_panel import OvertimeOverviewPanel
from enhetschef_app.ui.overview.model import DayScheduleModel, HeadcountModel, StaffingBandModel
from enhetschef_app.ui.people.overview_panel import PeopleOverviewPanel
from enhetschef_app.ui.schedule.overview_panel import ScheduleOverviewPanel
from enhetschef_app.ui.shell import events
from enhetschef_app.ui.shell.column_widths import fit_to_contents
from enhetschef_app.ui.shell.context import AppContext
from enhetschef_app.ui.shell.icons import icon
from enhetschef_app.ui.shell.page import Page
from enhetschef_app.ui.shell.widgets import (
    EmptyState,
    fit_columns,
    fit_height_to_rows,
    read_only_table,
    role_label,
    table_width_needed,
)


class OverviewSection(Protocol):
    """A section of Översikt from another area: read in the worker, shown on the UI thread."""

    def fetch(self, day: date) -> Any: ...

    def show_found(self, day: date, found: Any) -> None: ...


class OverviewPage(Page):
    page_id = "oversikt"
    icon_name = "oversikt"
    areas = frozenset(
        {events.STAFF, events.SCHEDULE, events.SETTINGS, events.UNIT, events.INCIDENTS}
        | {events.ABSENCE}
        | {events.PEOPLE}
        | {events.MONTH}
        | {events.OVERTIME}
        | {events.ECONOMY}
    )

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.overview: DayOverview | None = None
        self._columns_sized = False  # by the user (restored) or once from the first day's rows

        self.heading = role_label("", "pageTitle")
        self.unit_label = role_label("", "state")
        self.empty_rows_label = role_label("", "keyFigure")
        self.staffed_label = role_label("", "keyFigure")
        self.headcount_label = role_label("", "keyFigure")
        for label in (self.empty_rows_label, self.staffed_label, self.headcount_label):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.headcount_model = HeadcountModel(self)
        self.headcount_view = read_only_table(self.headcount_model)
        self.headcount_view.setAccessibleName(self.tr("Anställda per anställningsform"))
        self.band_model = StaffingBandModel(self)
        self.band_view = read_only_table(self.band_model)
        self.band_view.setAccessibleName(self.tr("Bemanning mot behov idag"))
        self.band_empty = role_label("", "emptyState")
        self.schedule_model = DayScheduleModel(self)
        self.schedule_view = read_only_table(self.schedule_model)
        self.schedule_view.setAccessibleName(self.tr("Dagens schema"))
        self.schedule_empty = EmptyState(self.tr("Inget schema för idag."))
        self.schedule_empty.set_action(
            self.tr("Importera schema…"),
            lambda: self.context.events.open_page("schema", "importera"),
        )

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 6, 0)
        # What needs doing comes first, above the fold of a laptop; the day's figures follow.
        self.schedule_panel = ScheduleOverviewPanel(context)
        left_layout.addWidget(self.schedule_panel)
        self.incident_line = self._incident_line()
        left_layout.addWidget(role_label(self.tr("Avvikelser"), "sectionTitle"))
        left_layout.addWidget(self.incident_line)
        self.care_panel = CareOverviewPanel(context)
        left_layout.addWidget(self.care_panel)
        self.overtime_panel = OvertimeOverviewPanel(context)
        left_layout.addWidget(self.overtime_panel)
        self.people_panel = PeopleOverviewPanel(context)
        left_layout.addWidget(self.people_panel)
        self.month_panel = MonthOverviewPanel(context)
        left_layout.addWidget(self.month_panel)
        self.economy_panel = EconomyOverviewPanel(context)
        left_layout.addWidget(self.economy_panel)
        self.privacy_panel = PrivacyOverviewPanel(context)
        left_layout.addWidget(self.privacy_panel)
        # The sections read in Översikt's worker, each shown when all have been read.
        self.panels: list[OverviewSection] = [
            self.schedule_panel,
            self.care_panel,
            self.overtime_panel,
            self.people_panel,
            self.month_panel,
            self.privacy_panel,
        ]
        left_layout.addWidget(role_label(self.tr("Bemanning mot behov idag"), "sectionTitle"))
        left_layout.addWidget(self.band_view)
        left_layout.addWidget(self.band_empty)
        left_layout.addWidget(
            role_label(
                self.tr(
                    "Behovet per tidsband kommer från enhetens bemanningsbehov. Ett pass räknas "
                    "i ett tidsband när det täcker minst halva bandet; tomma rader och "
                    "frånvarande räknas inte."
                ),
                "help",
            )
        )
        left_layout.addWidget(role_label(self.tr("Anställda per anställningsform"), "sectionTitle"))
        # The numbers stand next to their forms, not at the far edge of a wide pane.
        self.headcount_view.horizontalHeader().setStretchLastSection(False)
        left_layout.addWidget(self.headcount_view, 0, Qt.AlignmentFlag.AlignLeft)
        left_layout.addStretch(1)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(6, 0, 0, 0)
        right_layout.addWidget(role_label(self.tr("Dagens schema"), "sectionTitle"))
        right_layout.addWidget(self.schedule_view, 1)
        right_layout.addWidget(self.schedule_empty)
        right_layout.addStretch(0)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("overviewSplitter")
        self.splitter.setChildrenCollapsible(False)
        # The sections of every area stack up on the left: they scroll rather than make the
        # window taller than a 1366x768 screen.
        left_scroll = QScrollArea()
        left_scroll.setWidget(left)
        left_scroll.setWidgetResizable(True)
        left_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        # Tab goes from line to line inside it; the area itself is no stop of its own.
        left_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.left_scroll = left_scroll
        self.splitter.addWidget(left_scroll)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        # Today's schedule needs its four columns whole; the left side wraps its text.
        self.splitter.setSizes([600, 480])

        figures = QHBoxLayout()
        figures.addWidget(self.empty_rows_label)
        figures.addWidget(self.staffed_label)
        figures.addWidget(self.headcount_label)
        figures.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.unit_label)
        layout.addLayout(figures)
        layout.addWidget(self.splitter, 1)

    def refresh(self) -> None:
        super().refresh()
        day = self.context.today()
        weekday = QLocale().dayName(day.isoweekday())
        self.heading.setText(
            self.tr("{weekday} {date} · v. {week}").format(
                weekday=weekday[:1].upper() + weekday[1:],
                date=day.isoformat(),
                week=day.isocalendar().week,
            )
        )
        workspace = self.context.workspace
        panels = self.panels

        def fetch() -> tuple[DayOverview | UserError, list[object]]:
            try:
                overview: DayOverview | UserError = day_overview(workspace, day)
            except UserError as exc:
                overview = exc
            return overview, [panel.fetch(day) for panel in panels]

        self.load_in_background(fetch, lambda found: self._show(day, weekday, *found))
        # The economy section counts its year in a worker of its own.
        self.economy_panel.refresh(day)

    def _show(
        self, day: date, weekday: str, found: DayOverview | UserError, sections: list[object]
    ) -> None:
        for panel, data in zip(self.panels, sections, strict=True):
            panel.show_found(day, data)
        if isinstance(found, UserError):
            self.schedule_empty.setText(found.message)
            self.overview = None
            return
        overview = self.overview = found
        unit = overview.unit
        self.unit_label.setText(
            self.tr("Enhet: {code} – {name}").format(code=unit.code, name=unit.name)
            if unit
            else self.tr("Ingen enhet än")
        )
        self._show_figures(overview)
        self._show_incidents(overview.incidents)
        self.headcount_model.set_headcount(overview.headcount)
        fit_height_to_rows(self.headcount_view, self.headcount_model.rowCount())
        fit_columns(self.headcount_view)
        self.headcount_view.setFixedWidth(table_width_needed(self.headcount_view) + 2)
        self.band_model.set_rows(overview.bands)
        self.band_view.setVisible(bool(overview.bands))
        if overview.bands:
            fit_height_to_rows(self.band_view, len(overview.bands))
            fit_to_contents(self.band_view)
        self.band_empty.setVisible(not overview.bands)
        self.band_empty.setText(
            self.tr("Inget bemanningsbehov är angivet för {weekday}ar.").format(weekday=weekday)
        )
        self.schedule_model.set_rows(overview.lines)
        self.schedule_view.setVisible(overview.has_schedule)
        self.schedule_empty.setVisible(not overview.has_schedule)
        if overview.has_schedule and not self._columns_sized:
            fit_to_contents(self.schedule_view)
            self._columns_sized = True

    def _incident_line(self) -> QPushButton:
        """A line that leads to Avvikelser, showing only the late ones there."""
        line = QPushButton()
        line.setFlat(True)
        line.setObjectName("incidentLine")
        line.setProperty("role", "followUp")
        line.setAccessibleName(self.tr("Avvikelser att följa upp"))
        line.clicked.connect(lambda: self.context.events.open_page("avvikelser", HINT_OVERDUE))
        return line

    def _show_incidents(self, alerts: IncidentAlerts) -> None:
        late = len(alerts.overdue_reports)
        tip = self.tr("Öppna Avvikelser")
        if late or alerts.overdue_actions:
            text = self.tr(
                "{late} avvikelser efter tidsfrist, {actions} försenade åtgärder →"
            ).format(late=late, actions=alerts.overdue_actions)
            if late:
                tip = self.tr("Efter tidsfrist: {0}").format(", ".join(alerts.overdue_reports))
            self.incident_line.setIcon(icon("varning"))
        else:
            text = self.tr("{0} öppna avvikelser, ingen efter tidsfrist →").format(
                alerts.open_reports
            )
            self.incident_line.setIcon(QIcon())
        self.incident_line.setText(text)
        self.incident_line.setToolTip(tip)

    def _show_figures(self, overview: DayOverview) -> None:
        empty = overview.empty_rows
        self.empty_rows_label.setText(self.tr("Tomma rader idag: {0}").format(empty))
        self.empty_rows_label.setProperty("attention", "true" if empty else "false")
        short = sum(1 for band in overview.bands if band.shortfall)
        if overview.bands:
            text = (
                self.tr("Underbemannade tidsband: {0}").format(short)
                if short
                else self.tr("Bemanningen räcker i alla tidsband")
            )
        else:
            text = self.tr("Bemanningsbehov saknas")
        self.staffed_label.setText(text)
        self.staffed_label.setProperty("attention", "true" if short else "false")
        self.headcount_label.setText(self.tr("Anställda: {0}").format(overview.headcount_total))
        for label in (self.empty_rows_label, self.staffed_label):
            # A changed dynamic property needs a re-polish before the style sheet sees it.
            label.style().unpolish(label)
            label.style().polish(label)

    def save_state(self, settings: QSettings) -> None:
        settings.setValue(self.settings_key("splitter"), self.splitter.saveState())
        settings.setValue(
            self.settings_key("schedule_columns"), self.schedule_view.horizontalHeader().saveState()
        )

    def restore_state(self, settings: QSettings) -> None:
        splitter = settings.value(self.settings_key("splitter"))
        if splitter is not None:
            self.splitter.restoreState(splitter)
        columns = settings.value(self.settings_key("schedule_columns"))
        if columns is not None:
            self._columns_sized = self.schedule_view.horizontalHeader().restoreState(columns)

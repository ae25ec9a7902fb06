"""Dagsuppföljning: the EC's morning – a day (today by default) and its week: staffing against
need per time band, the empty rows and who can take them, absences and broken rules. The
staffing need itself is edited on the second tab."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QLocale, QModelIndex, QSettings, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from enhetschef_app.domain.errors import UserError
from enhetschef_app.services.schedule.follow_up import (
    DayFollowUp,
    RowLine,
    day_follow_up,
    remove_cover,
)
from enhetschef_app.ui.schedule.cover_candidates import CoverDialog
from enhetschef_app.ui.schedule.day_navigation import day_buttons, show_day_in
from enhetschef_app.ui.schedule.follow_up_model import AbsenceModel, BreachModel, RowLineModel
from enhetschef_app.ui.schedule.staffing_chart import StaffingChart
from enhetschef_app.ui.schedule.staffing_need_tab import StaffingNeedTab
from enhetschef_app.ui.shell import events
from enhetschef_app.ui.shell.column_widths import fit_to_contents
from enhetschef_app.ui.shell.context import AppContext
from enhetschef_app.ui.shell.formatting import day_name
from enhetschef_app.ui.shell.icons import icon
from enhetschef_app.ui.shell.page import Page
from enhetschef_app.ui.shell.table_model import ROW_ROLE
from enhetschef_app.ui.shell.widgets import no_unit_text, read_only_table, role_label


def _section(title: str, *widgets: QWidget) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(role_label(title, "sectionTitle"))
    for widget in widgets:
        layout.addWidget(widget, 1 if widget is widgets[0] else 0)
    return box


class FollowUpPage(Page):
    page_id = "dagsuppfoljning"
    icon_name = "dagsuppfoljning"
    areas = frozenset({events.SCHEDULE, events.STAFF, events.ABSENCE, events.SETTINGS, events.UNIT})

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.day = context.today()
        self.follow_up: DayFollowUp | None = None
        self.cover_dialog: CoverDialog | None = None

        self.day_label = role_label("", "pageTitle")
        self.previous_button, self.next_button, self.today_button, self.date_edit = day_buttons()

        self.empty_label = role_label("", "keyFigure")
        self.bands_label = role_label("", "keyFigure")
        self.breach_label = role_label("", "keyFigure")

        self.chart = StaffingChart()
        self.rows_model = RowLineModel(self)
        self.rows_view = read_only_table(self.rows_model)
        self.rows_view.setAccessibleName(self.tr("Tomma rader denna vecka"))
        self.find_button = QPushButton(icon("ersattare"), self.tr("Hitta ersättare…"))
        self.find_button.setToolTip(self.tr("Förslag på vem som kan ta den valda tomma raden"))
        self.remove_button = QPushButton(self.tr("Ta bort ersättare"))
        self.rows_empty = role_label("", "emptyState")
        # The unit's staff lent to another unit this week (a cover they take there).
        self.lent_label = role_label("", "help")
        self.lent_label.setWordWrap(True)
        self.lent_label.setVisible(False)
        self.absence_model = AbsenceModel(self)
        self.absence_view = read_only_table(self.absence_model)
        self.absence_view.setAccessibleName(self.tr("Frånvaro denna vecka"))
        self.breach_model = BreachModel(self)
        self.breach_view = read_only_table(self.breach_model)
        self.breach_view.setAccessibleName(self.tr("Regelbrott denna vecka"))
        self.message = role_label("", "state")

        row_buttons = QHBoxLayout()
        row_buttons.addWidget(self.find_button)
        row_buttons.addWidget(self.remove_button)
        row_buttons.addStretch(1)
        row_buttons.addWidget(self.message)
        rows_box = QWidget()
        rows_layout = QVBoxLayout(rows_box)
        rows_layout.setContentsMargins(0, 0, 0, 0)
        self.rows_title = role_label(self.tr("Tomma rader"), "sectionTitle")
        rows_layout.addWidget(self.rows_title)
        rows_layout.addWidget(self.rows_view, 1)
        rows_layout.addWidget(self.rows_empty)
        rows_layout.addWidget(self.lent_label)
        rows_layout.addLayout(row_buttons)

        self.top = QSplitter(Qt.Orientation.Horizontal)
        self.top.setChildrenCollapsible(False)
        self.top.addWidget(_section(self.tr("Bemanning mot behov"), self.chart))
        self.top.addWidget(rows_box)
        self.top.setStretchFactor(0, 2)
        self.top.setStretchFactor(1, 3)
        self.bottom = QSplitter(Qt.Orientation.Horizontal)
        self.bottom.setChildrenCollapsible(False)
        self.absence_title = role_label(self.tr("Frånvaro"), "sectionTitle")
        self.breach_title = role_label(self.tr("Regelbrott"), "sectionTitle")
        for title, view in (
            (self.absence_title, self.absence_view),
            (self.breach_title, self.breach_view),
        ):
            box = QWidget()
            box_layout = QVBoxLayout(box)
            box_layout.setContentsMargins(0, 0, 0, 0)
            box_layout.addWidget(title)
            box_layout.addWidget(view, 1)
            self.bottom.addWidget(box)
        self.bottom.setStretchFactor(0, 1)
        self.bottom.setStretchFactor(1, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("followUpSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.top)
        self.splitter.addWidget(self.bottom)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

        navigation = QHBoxLayout()
        navigation.addWidget(self.previous_button)
        navigation.addWidget(self.day_label)
        navigation.addWidget(self.next_button)
        navigation.addWidget(self.today_button)
        navigation.addWidget(self.date_edit)
        navigation.addStretch(1)
        figures = QHBoxLayout()
        figures.addWidget(self.empty_label)
        figures.addWidget(self.bands_label)
        figures.addWidget(self.breach_label)
        figures.addStretch(1)

        day_tab = QWidget()
        day_layout = QVBoxLayout(day_tab)
        day_layout.addLayout(navigation)
        day_layout.addLayout(figures)
        day_layout.addWidget(self.splitter, 1)

        self.need_tab = StaffingNeedTab(context)
        self.tabs = QTabWidget()
        self.tabs.addTab(day_tab, icon("dagsuppfoljning"), self.tr("Dagen och veckan"))
        self.tabs.addTab(self.need_tab, icon("personal"), self.tr("Bemanningsbehov"))
        layout = QVBoxLayout(self)
        layout.addWidget(role_label(self.tr("Dagsuppföljning"), "pageTitle"))
        layout.addWidget(self.tabs, 1)

        self.previous_button.clicked.connect(lambda: self.show_day(self.day - timedelta(days=1)))
        self.next_button.clicked.connect(lambda: self.show_day(self.day + timedelta(days=1)))
        self.today_button.clicked.connect(lambda: self.show_day(self.context.today()))
        self.date_edit.dateChanged.connect(self._date_chosen)
        self.find_button.clicked.connect(self.find_cover)
        self.remove_button.clicked.connect(self.remove_cover)
        self.rows_view.activated.connect(self._row_activated)
        self.rows_view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.tabs.currentChanged.connect(self._tab_changed)
        self._columns_sized = False
        self._selection_changed()

    def show_day(self, day: date) -> None:
        self.day = day
        self.refresh()

    def show_hint(self, hint: object) -> None:
        self.tabs.setCurrentIndex(0)
        if isinstance(hint, date):
            self.show_day(hint)

    def _date_chosen(self, chosen: QDate) -> None:
        day = date(chosen.year(), chosen.month(), chosen.day())
        if day != self.day:
            self.show_day(day)

    def _tab_changed(self, index: int) -> None:
        if index == 1:
            self.need_tab.refresh()

    def refresh(self) -> None:
        super().refresh()
        day = self.day
        weekday = QLocale().dayName(day.isoweekday())
        show_day_in(self.date_edit, day)
        if self.tabs.currentIndex() == 1:
            self.need_tab.refresh()
        if self.context.workspace.unit is None:
            self.day_label.setText(day.isoformat())
            self._show_nothing(no_unit_text())
            return
        workspace, today = self.context.workspace, self.context.today()
        self.load_in_background(
            lambda: day_follow_up(workspace, day, today=today),
            lambda follow: self._show_day(day, weekday, follow),
            refused=self._show_nothing,
        )

    def _show_day(self, day: date, weekday: str, follow: DayFollowUp) -> None:
        self.follow_up = follow
        holiday = f" · {follow.holiday}" if follow.holiday else ""
        self.day_label.setText(
            self.tr("{weekday} {date} · v. {week}{holiday}").format(
                weekday=weekday[:1].upper() + weekday[1:],
                date=day.isoformat(),
                week=day.isocalendar().week,
                holiday=holiday,
            )
        )
        self.chart.set_bands(follow.bands)
        self.rows_model.set_lines(follow.week_rows, day)
        self.absence_model.set_rows(follow.absences)
        self.breach_model.set_rows(follow.breaches)
        week = f"v. {day.isocalendar().week}"
        self.rows_title.setText(self.tr("Tomma rader {0} (dagens i fetstil)").format(week))
        self.absence_title.setText(self.tr("Frånvaro {0}").format(week))
        self.breach_title.setText(self.tr("Regelbrott {0}, faktiskt schema").format(week))
        self._show_figures(follow)
        self._show_lent(follow)
        has_rows = bool(follow.week_rows)
        self.rows_view.setVisible(has_rows)
        self.rows_empty.setVisible(not has_rows)
        self.rows_empty.setText(
            self.tr("Inga tomma rader denna vecka.")
            if follow.has_schedule
            else self.tr("Inget schema för veckan. Importera schema… på sidan Schema.")
        )
        if has_rows and not self._columns_sized:
            for view in (self.rows_view, self.absence_view, self.breach_view):
                fit_to_contents(view)
            self._columns_sized = True
        self._select_first_empty_today()

    def _show_figures(self, follow: DayFollowUp) -> None:
        empty = len(follow.empty_today)
        short = sum(1 for band in follow.bands if band.shortfall)
        self.empty_label.setText(self.tr("Tomma rader dagen: {0}").format(empty))
        self.bands_label.setText(
            self.tr("Underbemannade tidsband: {0}").format(short)
            if follow.bands
            else self.tr("Bemanningsbehov saknas")
        )
        self.breach_label.setText(self.tr("Regelbrott i veckan: {0}").format(len(follow.breaches)))
        for label, attention in (
            (self.empty_label, empty > 0),
            (self.bands_label, short > 0),
            (self.breach_label, bool(follow.breaches)),
        ):
            label.setProperty("attention", "true" if attention else "false")
            label.style().unpolish(label)
            label.style().polish(label)

    def _show_lent(self, follow: DayFollowUp) -> None:
        lines = [
            self.tr("{day} {time}: {name} hos {unit}").format(
                day=day_name(lent.work_date),
                time=lent.time_text,
                name=lent.name,
                unit=lent.unit_code,
            )
            for lent in follow.lent
        ]
        self.lent_label.setText(
            self.tr("Utlånade till andra enheter: {0}").format("; ".join(lines)) if lines else ""
        )
        self.lent_label.setVisible(bool(lines))

    def _show_nothing(self, text: str) -> None:
        self.follow_up = None
        self.lent_label.setVisible(False)
        self.chart.set_bands(())
        for model in (self.rows_model, self.absence_model, self.breach_model):
            model.set_rows([])
        self.rows_view.setVisible(False)
        self.rows_empty.setText(text)
        self.rows_empty.setVisible(True)

    def _select_first_empty_today(self) -> None:
        for row in range(self.rows_model.rowCount()):
            line: RowLine = self.rows_model.row_at(row)
            if line.work_date == self.day and line.state.is_empty:
                self.rows_view.selectRow(row)
                return
        self.rows_view.clearSelection()
        self._selection_changed()

    def selected_line(self) -> RowLine | None:
        rows = self.rows_view.selectionModel().selectedRows()
        if not rows:
            return None
        line = rows[0].data(ROW_ROLE)
        return line if isinstance(line, RowLine) else None

    def _selection_changed(self) -> None:
        line = self.selected_line()
        self.find_button.setEnabled(line is not None and line.state.is_empty)
        self.remove_button.setEnabled(line is not None and line.cover_name is not None)
        if line is not None and not line.offerable:
            self.find_button.setToolTip(line.blocked_reason)
        else:
            self.find_button.setToolTip(self.tr("Förslag på vem som kan ta den valda tomma raden"))

    def _row_activated(self, index: QModelIndex) -> None:
        line = index.data(ROW_ROLE)
        if isinstance(line, RowLine) and line.state.is_empty:
            self.find_cover()

    def find_cover(self) -> CoverDialog | None:
        line = self.selected_line()
        if line is None or not line.state.is_empty:
            return None
        dialog = CoverDialog(self.context, line.row_id, self.context.today(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._cover_recorded(dialog))
        dialog.destroyed.connect(self._dialog_gone)
        self.cover_dialog = dialog
        dialog.open()
        dialog.load()
        return dialog

    def _dialog_gone(self) -> None:
        self.cover_dialog = None

    def _cover_recorded(self, dialog: CoverDialog) -> None:
        if dialog.recorded is not None:
            self.message.setText(dialog.recorded.describe())
        self.context.events.announce(events.SCHEDULE, events.OVERTIME)

    def remove_cover(self) -> None:
        line = self.selected_line()
        if line is None or line.cover_name is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Ta bort ersättare"),
            self.tr("Ta bort {name} som ersättare {day} {time}? Raden blir tom igen.").format(
                name=line.cover_name, day=line.work_date.isoformat(), time=line.time_text
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            note = remove_cover(self.context.workspace, line.row_id)
        except UserError as exc:
            self.message.setText(exc.message)
            return
        self.message.setText(self.tr("Ersättaren togs bort. {0}").format(note).strip())
        self.context.events.announce(events.SCHEDULE, events.OVERTIME)

    def save_state(self, settings: QSettings) -> None:
        settings.setValue(self.settings_key("splitter"), self.splitter.saveState())
        settings.setValue(self.settings_key("top"), self.top.saveState())
        settings.setValue(self.settings_key("bottom"), self.bottom.saveState())

    def restore_state(self, settings: QSettings) -> None:
        for key, splitter in (
            ("splitter", self.splitter),
            ("top", self.top),
            ("bottom", self.bottom),
        ):
            state = settings.value(self.settings_key(key))
            if state is not None:
                splitter.restoreState(state)

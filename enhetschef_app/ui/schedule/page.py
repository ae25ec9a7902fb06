"""Schema: the unit's week as a grid – employees down, days across, each shift coloured by kind
with its code, empty rows on top, broken rules marked – planned or as it turned out."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QModelIndex, QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from enhetschef_app.domain.calendar import week_start
from enhetschef_app.domain.shift_kinds import ShiftKind
from enhetschef_app.services.schedule.week import WeekSchedule, week_schedule
from enhetschef_app.ui.schedule.import_flow import choose_and_import_schedule
from enhetschef_app.ui.schedule.shift_cell import ShiftCellDelegate
from enhetschef_app.ui.schedule.week_grid_model import (
    EMPTY_COLOUR,
    KIND_COLOURS,
    LINE_ROLE,
    SHIFTS_ROLE,
    WeekGridModel,
)
from enhetschef_app.ui.shell import events
from enhetschef_app.ui.shell.context import AppContext
from enhetschef_app.ui.shell.icons import icon
from enhetschef_app.ui.shell.page import Page
from enhetschef_app.ui.shell.widgets import no_unit_text, role_label

FOLLOW_UP_PAGE = "dagsuppfoljning"
IMPORT_HINT = "importera"


class SchedulePage(Page):
    page_id = "schema"
    icon_name = "schema"
    areas = frozenset({events.SCHEDULE, events.STAFF, events.ABSENCE, events.SETTINGS, events.UNIT})

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.monday = week_start(context.today())
        self.week: WeekSchedule | None = None

        self.week_label = role_label("", "sectionTitle")
        self.previous_button = QPushButton(icon("forra"), "")
        self.previous_button.setToolTip(self.tr("Föregående vecka (Alt+Vänster)"))
        self.previous_button.setAccessibleName(self.tr("Föregående vecka"))
        self.previous_button.setShortcut(QKeySequence("Alt+Left"))
        self.next_button = QPushButton(icon("nasta"), "")
        self.next_button.setToolTip(self.tr("Nästa vecka (Alt+Höger)"))
        self.next_button.setAccessibleName(self.tr("Nästa vecka"))
        self.next_button.setShortcut(QKeySequence("Alt+Right"))
        self.today_button = QPushButton(self.tr("Denna vecka"))
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setAccessibleName(self.tr("Gå till vecka med datum"))
        self.date_edit.setToolTip(self.tr("Gå till veckan med det här datumet"))
        self.view_combo = QComboBox()
        self.view_combo.addItem(self.tr("Planerat schema"))
        self.view_combo.addItem(self.tr("Faktiskt schema"))
        self.view_combo.setItemData(
            1,
            self.tr("Som det blev: med frånvaro, ersättare och godkänd övertid och mertid"),
            Qt.ItemDataRole.ToolTipRole,
        )
        self.view_combo.setToolTip(
            self.tr(
                "Planerat schema: som det lades. Faktiskt schema: som det blev, med frånvaro, "
                "ersättare och godkänd övertid och mertid."
            )
        )
        self.view_combo.setAccessibleName(self.tr("Vilket schema som visas"))
        self.import_button = QPushButton(icon("importera"), self.tr("Importera schema…"))
        self.import_button.setToolTip(self.tr("Läs in schemat från Excel eller CSV"))
        self.summary_label = role_label("", "state")

        self.model = WeekGridModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setItemDelegate(ShiftCellDelegate(self.view))
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setWordWrap(False)
        self.view.setAccessibleName(self.tr("Veckans schema"))
        self.view.setTabKeyNavigation(False)
        self.view.setShowGrid(True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(80)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        rows = self.view.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setMinimumWidth(140)
        rows.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.delegate_row_height = 2 * self.fontMetrics().height() + 12
        rows.setDefaultSectionSize(self.delegate_row_height)
        self.empty_state = role_label("", "emptyState")
        self.empty_state.setVisible(False)

        heading = QHBoxLayout()
        heading.addWidget(role_label(self.tr("Schema"), "pageTitle"))
        heading.addStretch(1)
        heading.addWidget(self.import_button)

        navigation = QHBoxLayout()
        navigation.addWidget(self.previous_button)
        navigation.addWidget(self.week_label)
        navigation.addWidget(self.next_button)
        navigation.addWidget(self.today_button)
        navigation.addWidget(self.date_edit)
        navigation.addStretch(1)
        navigation.addWidget(self.view_combo)

        tools = QHBoxLayout()
        tools.addWidget(self.summary_label, 1)
        tools.addLayout(self._legend())

        layout = QVBoxLayout(self)
        layout.addLayout(heading)
        layout.addLayout(navigation)
        layout.addLayout(tools)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty_state)

        self.previous_button.clicked.connect(lambda: self.show_week(self.monday - timedelta(7)))
        self.next_button.clicked.connect(lambda: self.show_week(self.monday + timedelta(7)))
        self.today_button.clicked.connect(lambda: self.show_week(self.context.today()))
        self.date_edit.dateChanged.connect(self._date_chosen)
        self.view_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.import_button.clicked.connect(self.import_schedule)
        self.view.activated.connect(self._open_cell)

    def _legend(self) -> QHBoxLayout:
        legend = QHBoxLayout()
        legend.setSpacing(4)
        entries = [
            (kind.label, KIND_COLOURS[kind]) for kind in ShiftKind if kind is not ShiftKind.OTHER
        ]
        entries.append((self.tr("Tom rad"), EMPTY_COLOUR))
        for text, colour in entries:
            label = QLabel(text)
            label.setStyleSheet(
                f"background: {colour.name()}; border: 1px solid #b9c3cc; border-radius: 3px;"
                " padding: 1px 6px;"
            )
            legend.addWidget(label)
        return legend

    @property
    def actual(self) -> bool:
        return self.view_combo.currentIndex() == 1

    def show_week(self, day: date) -> None:
        self.monday = week_start(day)
        self.refresh()

    def show_hint(self, hint: object) -> None:
        """A date shows its week; "importera" (Arkiv → Importera schema…) starts an import."""
        if isinstance(hint, date):
            self.show_week(hint)
        elif hint == IMPORT_HINT:
            self.import_schedule()

    def _date_chosen(self, chosen: QDate) -> None:
        day = date(chosen.year(), chosen.month(), chosen.day())
        if week_start(day) != self.monday:
            self.show_week(day)

    def refresh(self) -> None:
        super().refresh()
        sunday = self.monday + timedelta(days=6)
        self.week_label.setText(
            self.tr("v. {week} · {first} – {last}").format(
                week=self.monday.isocalendar().week,
                first=self.monday.isoformat(),
                last=sunday.isoformat(),
            )
        )
        self.date_edit.blockSignals(True)
        self.date_edit.setDate(QDate(self.monday.year, self.monday.month, self.monday.day))
        self.date_edit.blockSignals(False)
        if self.context.workspace.unit is None:
            self._show_empty(no_unit_text())
            return
        workspace, monday, actual = self.context.workspace, self.monday, self.actual
        self.load_in_background(
            lambda: week_schedule(workspace, monday, actual=actual),
            self._show_week,
            refused=self._show_empty,
        )

    def _show_week(self, week: WeekSchedule) -> None:
        self.week = week
        self.model.set_week(week)
        self._fit_rows(week)
        breaches = len(week.breaches)
        which = self.tr("faktiskt") if self.actual else self.tr("planerat")
        self.summary_label.setText(
            self.tr("{empty} tomma rader · {breaches} regelbrott i {which} schema").format(
                empty=week.empty_rows, breaches=breaches, which=which
            )
        )
        if not week.has_schedule:
            self._show_empty(
                self.tr(
                    "Inget schema för v. {0}. Importera schema… (Arkiv → Importera schema…) eller "
                    "bläddra till en annan vecka."
                ).format(week.week),
                keep_grid=bool(week.lines),
            )
        else:
            self.empty_state.setVisible(False)
            self.view.setVisible(True)

    def _fit_rows(self, week: WeekSchedule) -> None:
        """Lines with two shifts on a day get room for both; the rest keep the default."""
        rows = self.view.verticalHeader()
        for row, line in enumerate(week.lines):
            depth = max((len(cell) for cell in line.cells), default=1)
            if depth > 1:
                rows.resizeSection(row, depth * (self.delegate_row_height - 4) + 4)

    def _show_empty(self, text: str, keep_grid: bool = False) -> None:
        if not keep_grid:
            self.model.set_week(None)
        self.empty_state.setText(text)
        self.empty_state.setVisible(True)
        self.view.setVisible(keep_grid)

    def _open_cell(self, index: QModelIndex) -> None:
        """An empty row leads to Dagsuppföljning for its day, where it is filled."""
        line = index.data(LINE_ROLE)
        shifts = index.data(SHIFTS_ROLE) or ()
        if line is None or not shifts or self.week is None:
            return
        if line.is_empty_line or any(s.state.is_empty for s in shifts):
            day = self.week.days[index.column()].day
            self.context.events.open_page(FOLLOW_UP_PAGE, day)

    def import_schedule(self) -> None:
        choose_and_import_schedule(self.context, self)

    def save_state(self, settings: QSettings) -> None:
        settings.setValue(self.settings_key("actual"), self.view_combo.currentIndex())

    def restore_state(self, settings: QSettings) -> None:
        value = settings.value(self.settings_key("actual"))
        if value is not None:
            self.view_combo.blockSignals(True)
            self.view_combo.setCurrentIndex(1 if str(value) == "1" else 0)
            self.view_combo.blockSignals(False)

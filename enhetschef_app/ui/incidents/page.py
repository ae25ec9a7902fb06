"""Avvikelser: register reports, find them with filters, follow each to the end in its detail
view, and take the year's anonymized statistics to the APT."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from enhetschef_app.domain.calendar import month_end
from enhetschef_app.domain.incidents import CATEGORIES, STATE_ORDER, IncidentState, Track
from enhetschef_app.services.incidents.stats import export_incident_list
from enhetschef_app.services.incidents.views import IncidentSummary, list_incidents
from enhetschef_app.ui.incidents import HINT_OVERDUE
from enhetschef_app.ui.incidents.detail import IncidentDetailPanel
from enhetschef_app.ui.incidents.incident_dialog import IncidentDialog
from enhetschef_app.ui.incidents.incidents_model import (
    Column,
    IncidentFilterProxy,
    IncidentTableModel,
)
from enhetschef_app.ui.incidents.stats_dialog import IncidentStatsDialog
from enhetschef_app.ui.shell import events
from enhetschef_app.ui.shell.context import AppContext
from enhetschef_app.ui.shell.icons import icon
from enhetschef_app.ui.shell.page import Page
from enhetschef_app.ui.shell.table_model import ROW_ROLE
from enhetschef_app.ui.shell.widgets import (
    EmptyState,
    TableRoom,
    fit_columns,
    no_unit_text,
    read_only_table,
    role_label,
)
from enhetschef_app.ui.shell.worker import BackgroundTask, run_in_background

# What a line of Översikt asks this page to show (DataEvents.open_page's hint).
Period = tuple[date, date] | None


class IncidentsPage(Page):
    page_id = "avvikelser"
    icon_name = "avvikelser"
    areas = frozenset({events.INCIDENTS, events.SCHEDULE, events.SETTINGS, events.UNIT})
    supports_new_item = True
    supports_filter = True

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.incident_dialog: IncidentDialog | None = None
        self.stats_dialog: IncidentStatsDialog | None = None

        self.model = IncidentTableModel(self)
        self.proxy = IncidentFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Sök nummer eller text (Ctrl+F)"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName(self.tr("Filtrera avvikelser"))
        self.state_combo = QComboBox()
        self.state_combo.setAccessibleName(self.tr("Status"))
        self._states: list[IncidentState | None] = [None, *STATE_ORDER]
        self.state_combo.addItem(self.tr("Alla statusar"))
        for state in STATE_ORDER:
            self.state_combo.addItem(state.label)
        self.track_combo = QComboBox()
        self.track_combo.setAccessibleName(self.tr("Spår"))
        self._tracks: list[Track | None] = [None, *Track]
        self.track_combo.addItem(self.tr("Alla spår"))
        for track in Track:
            self.track_combo.addItem(track.label)
        self.category_combo = QComboBox()
        self.category_combo.setAccessibleName(self.tr("Kategori"))
        self._categories: list[str | None] = [None, *(code for code, _ in CATEGORIES)]
        self.category_combo.addItem(self.tr("Alla kategorier"))
        for _code, label in CATEGORIES:
            self.category_combo.addItem(label)
        self.period_combo = QComboBox()
        self.period_combo.setAccessibleName(self.tr("Period"))
        self._periods: list[Period] = []
        self.overdue_check = QCheckBox(self.tr("Bara försenade"))
        self.overdue_check.setToolTip(
            self.tr("Avvikelser med ett steg efter sin tidsfrist eller en försenad åtgärd")
        )
        self.count_label = role_label("", "state")

        self.new_button = QPushButton(icon("ny"), self.tr("Ny avvikelse"))
        self.new_button.setToolTip(self.tr("Registrera en avvikelse (Ctrl+N)"))
        self.stats_button = QPushButton(self.tr("Statistik och APT…"))
        self.stats_button.setToolTip(
            self.tr("Årets avvikelser räknade, och ett anonymiserat underlag för APT")
        )
        self.export_button = QPushButton(self.tr("Exportera lista…"))
        self.export_button.setToolTip(self.tr("De avvikelser som visas, som Excel-fil"))

        self.view = read_only_table(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.setAccessibleName(self.tr("Avvikelser"))
        self.view.sortByColumn(Column.DATE, Qt.SortOrder.DescendingOrder)
        self.empty_state = EmptyState()
        self.empty_state.setVisible(False)
        self.detail = IncidentDetailPanel(context)

        heading = QHBoxLayout()
        heading.addWidget(role_label(self.tr("Avvikelser"), "pageTitle"))
        heading.addStretch(1)
        heading.addWidget(self.new_button)
        heading.addWidget(self.stats_button)
        heading.addWidget(self.export_button)

        # The filters shrink with the window (a 1366-pixel laptop shows them whole); the count
        # sits under the list so the row stays narrow.
        self.filter_edit.setMinimumWidth(100)
        tools = QHBoxLayout()
        tools.addWidget(self.filter_edit, 3)
        for combo in (self.state_combo, self.track_combo, self.category_combo, self.period_combo):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(4)
            tools.addWidget(combo, 2)
        tools.addWidget(self.overdue_check)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.view, 1)
        left_layout.addWidget(self.empty_state)
        left_layout.addWidget(self.count_label)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("incidentSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setSizes([640, 520])
        self.room = TableRoom(self.splitter, 0, self.view)

        layout = QVBoxLayout(self)
        layout.addLayout(heading)
        layout.addLayout(tools)
        layout.addWidget(self.splitter, 1)

        self.filter_edit.textChanged.connect(self._filter_changed)
        for combo in (self.state_combo, self.track_combo, self.category_combo, self.period_combo):
            combo.currentIndexChanged.connect(self._filter_changed)
        self.overdue_check.toggled.connect(self._filter_changed)
        self.new_button.clicked.connect(self.new_item)
        self.stats_button.clicked.connect(self.open_stats)
        self.export_button.clicked.connect(self.export_list)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.view.activated.connect(lambda _index: self.detail.tabs.setFocus())
        self.detail.changed.connect(self._incident_changed)
        self.detail.deleted.connect(self._incident_deleted)
        for signal in (
            self.proxy.rowsInserted,
            self.proxy.rowsRemoved,
            self.proxy.modelReset,
            self.proxy.layoutChanged,
        ):
            signal.connect(self._update_count)
        self._columns_sized = False
        self._wanted: int | None = None  # the report to choose once the list is read
        self._fill_periods()
        self._update_count()

    # Reading ------------------------------------------------------------------------------

    def refresh(self) -> None:
        super().refresh()
        if self.context.workspace.unit is None:
            self.model.set_rows([])
            self._show_empty(no_unit_text())
            self.detail.show_incident(None)
            return
        workspace, day = self.context.workspace, self.context.today()
        # The list keeps what it shows until the reports have been read in the worker.
        self.load_in_background(
            lambda: list_incidents(workspace, day), self._show_incidents, refused=self._refused
        )

    def _refused(self, message: str) -> None:
        self.model.set_rows([])
        self._show_empty(message)

    def _show_incidents(self, found: list[IncidentSummary]) -> None:
        wanted, self._wanted = self._wanted, None
        keep = wanted if wanted is not None else self.detail.incident_id
        self.model.set_rows(found)
        self._fill_periods()
        if not found:
            self._show_empty(self.tr("Inga avvikelser registrerade än."))
            self.empty_state.set_action(self.tr("Ny avvikelse…"), self.new_item)
        else:
            self.empty_state.setVisible(False)
            self.view.setVisible(True)
        if found and not self._columns_sized:
            fit_columns(self.view)
            self._columns_sized = True
        if keep is not None and self.select_incident(keep):
            return
        if wanted is not None and any(s.id == wanted for s in found):
            # A filter hides the one just saved: show every report so it is in view.
            self._clear_filters()
            if self.select_incident(wanted):
                return
        self.detail.show_incident(None)

    def _clear_filters(self) -> None:
        self.overdue_check.setChecked(False)
        for combo in (self.state_combo, self.track_combo, self.category_combo):
            combo.setCurrentIndex(0)
        self.period_combo.setCurrentIndex(0)
        self.filter_edit.clear()

    def _show_empty(self, text: str) -> None:
        self.empty_state.setText(text)
        self.empty_state.set_action("", None)
        self.empty_state.setVisible(True)
        self.view.setVisible(False)

    def _fill_periods(self) -> None:
        """All dates, the last 30 days, the last 12 months, then each year and month reported."""
        today = self.context.today()
        chosen = self._periods[self.period_combo.currentIndex()] if self._periods else None
        periods: list[tuple[str, Period]] = [
            (self.tr("Alla datum"), None),
            (self.tr("Senaste 30 dagarna"), (today - timedelta(days=29), today)),
            (self.tr("Senaste 12 månaderna"), (today - timedelta(days=364), today)),
        ]
        dates = sorted({s.occurred_on for s in self.model.rows()}, reverse=True)
        for year in sorted({d.year for d in dates}, reverse=True):
            periods.append((str(year), (date(year, 1, 1), date(year, 12, 31))))
        for first in sorted({d.replace(day=1) for d in dates}, reverse=True):
            periods.append((first.strftime("%Y-%m"), (first, month_end(first))))
        self.period_combo.blockSignals(True)
        self.period_combo.clear()
        self._periods = []
        for text, period in periods:
            self.period_combo.addItem(text)
            self._periods.append(period)
        index = self._periods.index(chosen) if chosen in self._periods else 0
        self.period_combo.setCurrentIndex(index)
        self.period_combo.blockSignals(False)
        self.proxy.set_period(self._periods[index])

    def _filter_changed(self) -> None:
        self.proxy.set_text(self.filter_edit.text())
        self.proxy.set_state(self._states[max(0, self.state_combo.currentIndex())])
        self.proxy.set_track(self._tracks[max(0, self.track_combo.currentIndex())])
        self.proxy.set_category(self._categories[max(0, self.category_combo.currentIndex())])
        if self._periods:
            self.proxy.set_period(self._periods[max(0, self.period_combo.currentIndex())])
        self.proxy.set_overdue_only(self.overdue_check.isChecked())
        self._update_count()

    def _update_count(self) -> None:
        shown = self.proxy.rowCount()
        late = sum(
            1
            for row in range(shown)
            if getattr(self.proxy.index(row, 0).data(ROW_ROLE), "overdue", False)
        )
        self.count_label.setText(
            self.tr("{shown} av {total} visas, {late} försenade").format(
                shown=shown, total=self.model.rowCount(), late=late
            )
        )

    def shown_incidents(self) -> list[IncidentSummary]:
        found = [self.proxy.index(row, 0).data(ROW_ROLE) for row in range(self.proxy.rowCount())]
        return [s for s in found if isinstance(s, IncidentSummary)]

    def select_incident(self, incident_id: int) -> bool:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            found = index.data(ROW_ROLE)
            if isinstance(found, IncidentSummary) and found.id == incident_id:
                self.view.selectionModel().setCurrentIndex(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.view.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
                self.detail.show_incident(incident_id)
                return True
        return False

    def _current_changed(self) -> None:
        index = self.view.selectionModel().currentIndex()
        found = index.data(ROW_ROLE) if index.isValid() else None
        chosen = found.id if isinstance(found, IncidentSummary) else None
        if chosen != self.detail.incident_id:
            self.detail.show_incident(chosen)

    # Commands -----------------------------------------------------------------------------

    def focus_filter(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    def show_hint(self, hint: object) -> None:
        """Översikt's line of late avvikelser shows only the late ones."""
        if hint == HINT_OVERDUE:
            self.ensure_fresh()
            for combo in (self.state_combo, self.track_combo, self.category_combo):
                combo.setCurrentIndex(0)
            self.period_combo.setCurrentIndex(0)
            self.filter_edit.clear()
            self.overdue_check.setChecked(True)

    def new_item(self) -> None:
        self.open_new_incident()

    def open_new_incident(self) -> IncidentDialog | None:
        if self.context.workspace.unit is None:
            self._show_empty(
                self.tr("Importera en personallista först: den skapar enheten avvikelser hör till.")
            )
            return None
        dialog = IncidentDialog(self.context, None, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._registered(dialog.saved))
        self.incident_dialog = dialog
        dialog.open()
        return dialog

    def _registered(self, saved: IncidentSummary | None) -> None:
        if saved is None:
            return
        self._incident_changed(saved.id)

    def _incident_changed(self, incident_id: int) -> None:
        # Chosen when the list has been read anew (a hidden page reads when it is shown).
        self._wanted = incident_id
        self.context.events.announce(events.INCIDENTS)

    def _incident_deleted(self, _number: str) -> None:
        self.context.events.announce(events.INCIDENTS)

    def open_stats(self) -> IncidentStatsDialog | None:
        if self.context.workspace.unit is None:
            return None
        dialog = IncidentStatsDialog(self.context, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.stats_dialog = dialog
        dialog.open()
        return dialog

    def ask_with_text(self) -> bool | None:
        """Whether the list export should carry free text: None when the EC cancels."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Exportera lista"))
        box.setText(
            self.tr(
                "Listan innehåller nummer, datum, spår, status och tidsfrister. Fritext "
                "(rapportör, beskrivning, åtgärd direkt, utredning) tas bara med om du väljer det."
            )
        )
        check = QCheckBox(self.tr("Ta med fritext – bara för eget bruk, dela inte filen"))
        box.setCheckBox(check)
        box.setStandardButtons(QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel)
        if box.exec() != QMessageBox.StandardButton.Ok:
            return None
        return check.isChecked()

    def ask_path(self, suggested: str) -> Path | None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Spara som"),
            str(Path.home() / suggested),
            self.tr("Excel-arbetsbok (*.xlsx)"),
        )
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix.lower() == ".xlsx" else path.with_suffix(".xlsx")

    def export_list(self) -> BackgroundTask[Any] | None:
        shown = self.shown_incidents()
        if not shown:
            return None
        with_text = self.ask_with_text()
        if with_text is None:
            return None
        path = self.ask_path(f"avvikelser-{self.context.today().isoformat()}.xlsx")
        if path is None:
            return None
        workspace = self.context.workspace

        def done(saved: object) -> None:
            QMessageBox.information(
                self,
                self.tr("Exportera lista"),
                self.tr("{count} avvikelser sparade i\n{path}").format(
                    count=len(shown), path=saved
                ),
            )

        return run_in_background(
            self,
            lambda: export_incident_list(workspace, path, shown, with_text),
            done,
            progress_text=self.tr("Sparar listan …"),
            starters=(self.export_button,),
        )

    # Remembered state ---------------------------------------------------------------------

    def save_state(self, settings: QSettings) -> None:
        settings.setValue(self.settings_key("columns"), self.view.horizontalHeader().saveState())
        settings.setValue(self.settings_key("splitter"), self.splitter.saveState())

    def restore_state(self, settings: QSettings) -> None:
        columns = settings.value(self.settings_key("columns"))
        if columns is not None:
            self._columns_sized = self.view.horizontalHeader().restoreState(columns)
        splitter = settings.value(self.settings_key("splitter"))
        if splitter is not None:
            self.splitter.restoreState(splitter)

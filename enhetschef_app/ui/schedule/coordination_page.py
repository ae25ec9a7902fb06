"""Sambandscentral: the dagsuppföljning across units, for a login that is EC of several units on
a server. The day's empty rows of every unit on one list; choosing one shows its ranked
candidates (the unit's own staff, then its neighbour units', each with its unit); Tillsätt
places the cover in the row's unit, where both units see it at once."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QDate, QSettings, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from enhetschef_app.services.schedule.coordination import (
    CoordinatorDay,
    EmptyRow,
    coordinator_day,
    place_cover,
    row_candidates,
)
from enhetschef_app.services.schedule.follow_up import CandidateList, RecordedCover
from enhetschef_app.ui.schedule.day_navigation import day_buttons, show_day_in
from enhetschef_app.ui.schedule.follow_up_model import CandidateModel, EmptyRowModel
from enhetschef_app.ui.shell import events
from enhetschef_app.ui.shell.context import AppContext
from enhetschef_app.ui.shell.errors import message_for
from enhetschef_app.ui.shell.icons import icon
from enhetschef_app.ui.shell.loading import Loader
from enhetschef_app.ui.shell.page import Page
from enhetschef_app.ui.shell.table_model import ROW_ROLE
from enhetschef_app.ui.shell.widgets import fit_columns, read_only_table, role_label
from enhetschef_app.ui.shell.worker import BackgroundTask, run_in_background

PAGE_ID = "sambandscentral"


class CoordinationPage(Page):
    page_id = PAGE_ID
    icon_name = "dagsuppfoljning"
    areas = frozenset(
        {events.SCHEDULE, events.STAFF, events.ABSENCE, events.SETTINGS, events.UNIT}
        | {events.OVERTIME, events.PEOPLE}
    )

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.day = context.today()
        self.found: CoordinatorDay | None = None
        self.candidates: CandidateList | None = None
        self.place_task: BackgroundTask[Any] | None = None
        self.recorded: RecordedCover | None = None
        self._candidate_loader = Loader(self)
        self._candidates_for: int | None = None

        self.previous_button, self.next_button, self.today_button, self.date_edit = day_buttons()
        self.day_label = role_label("", "sectionTitle")
        self.state_label = role_label("", "state")
        self.state_label.setWordWrap(True)

        self.rows_model = EmptyRowModel(self)
        self.rows_view = read_only_table(self.rows_model)
        self.rows_view.setAccessibleName(self.tr("Tomma rader i alla enheter"))
        self.rows_view.setSortingEnabled(True)
        # Earliest shift first, as the service gives them (Qt's own start is descending).
        self.rows_view.sortByColumn(2, Qt.SortOrder.AscendingOrder)
        self.rows_empty = role_label("", "emptyState")
        self.rows_empty.setVisible(False)

        self.row_heading = role_label(self.tr("Välj en tom rad"), "sectionTitle")
        self.row_heading.setWordWrap(True)
        self.candidate_model = CandidateModel(self)
        self.candidate_view = read_only_table(self.candidate_model)
        self.candidate_view.setAccessibleName(self.tr("Förslag på ersättare"))
        self.candidate_help = role_label(
            self.tr(
                "Billigast först: resurspass, mertid, timavlönade, övertid. Radens egen enhet "
                "före grannenheterna. Alla har dygnsvila och veckovila kvar med passet."
            ),
            "help",
        )
        self.candidate_help.setWordWrap(True)
        self.candidate_state = role_label("", "emptyState")
        self.candidate_state.setWordWrap(True)
        self.candidate_state.setVisible(False)
        self.place_button = QPushButton(icon("ersattare"), self.tr("Tillsätt"))
        self.place_button.setToolTip(
            self.tr("Den valda personen tar raden; båda enheterna ser det direkt")
        )
        self.place_button.setEnabled(False)
        self.message = role_label("", "state")
        self.message.setWordWrap(True)
        self.problem = role_label("", "error")
        self.problem.setWordWrap(True)
        self.problem.setVisible(False)

        self._build_layout()
        self._connect()

    # -- layout ---------------------------------------------------------------------------

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(role_label(self.tr("Sambandscentral"), "pageTitle"))
        top.addSpacing(12)
        top.addWidget(self.previous_button)
        top.addWidget(self.date_edit)
        top.addWidget(self.next_button)
        top.addWidget(self.today_button)
        top.addSpacing(12)
        top.addWidget(self.day_label)
        top.addStretch(1)

        rows_box = QWidget()
        rows_layout = QVBoxLayout(rows_box)
        rows_layout.setContentsMargins(0, 0, 0, 0)
        rows_layout.addWidget(role_label(self.tr("Tomma rader, alla enheter"), "sectionTitle"))
        rows_layout.addWidget(self.rows_view, 1)
        rows_layout.addWidget(self.rows_empty)

        candidates_box = QWidget()
        candidates_layout = QVBoxLayout(candidates_box)
        candidates_layout.setContentsMargins(0, 0, 0, 0)
        candidates_layout.addWidget(self.row_heading)
        candidates_layout.addWidget(self.candidate_help)
        candidates_layout.addWidget(self.candidate_view, 1)
        candidates_layout.addWidget(self.candidate_state)
        buttons = QHBoxLayout()
        buttons.addWidget(self.place_button)
        buttons.addStretch(1)
        candidates_layout.addLayout(buttons)
        candidates_layout.addWidget(self.problem)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("coordinationSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(rows_box)
        self.splitter.addWidget(candidates_box)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.state_label)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.message)

    def _connect(self) -> None:
        self.previous_button.clicked.connect(lambda: self.show_day(self.day - timedelta(days=1)))
        self.next_button.clicked.connect(lambda: self.show_day(self.day + timedelta(days=1)))
        self.today_button.clicked.connect(lambda: self.show_day(self.context.today()))
        self.date_edit.dateChanged.connect(self._date_chosen)
        self.rows_view.selectionModel().selectionChanged.connect(lambda *_a: self._row_chosen())
        self.candidate_view.selectionModel().selectionChanged.connect(
            lambda *_a: self._candidate_chosen()
        )
        self.candidate_view.activated.connect(lambda _index: self.place_selected())
        self.place_button.clicked.connect(self.place_selected)

    # -- the day --------------------------------------------------------------------------

    def show_day(self, day: date) -> None:
        self.day = day
        self.refresh()

    def show_hint(self, hint: object) -> None:
        if isinstance(hint, date):
            self.show_day(hint)

    def _date_chosen(self, chosen: QDate) -> None:
        day = date(chosen.year(), chosen.month(), chosen.day())
        if day != self.day:
            self.show_day(day)

    def refresh(self) -> None:
        super().refresh()
        day = self.day
        show_day_in(self.date_edit, day)
        self.day_label.setText(
            self.tr("{date} · v. {week}").format(date=day.isoformat(), week=day.isocalendar().week)
        )
        self.state_label.setText(self.tr("Läser alla enheters tomma rader …"))
        self.rows_view.setEnabled(False)
        workspace, today = self.context.workspace, self.context.today()
        self.load_in_background(
            lambda: coordinator_day(workspace, day, today=today, with_candidates=False),
            self._show_day,
            self._failed,
            refused=self._refused,
        )

    def _failed(self, error: BaseException) -> None:
        if isValid(self):
            self._refused(message_for(error))

    def _refused(self, text: str) -> None:
        self.found = None
        self.rows_model.set_rows([])
        self.rows_view.setEnabled(True)
        self.state_label.setText(text)
        self._show_candidates(None)

    def _show_day(self, found: CoordinatorDay) -> None:
        if found.day != self.day:
            return
        self.found = found
        chosen = self.selected_row()
        rows = found.empty_rows()
        self.rows_model.set_rows(rows)
        self.rows_view.setEnabled(True)
        fit_columns(self.rows_view)
        units = len(found.units)
        with_rows = len({row.unit.code for row in rows})
        self.state_label.setText(
            self.tr("{rows} tomma rader i {with_rows} av {units} enheter.").format(
                rows=len(rows), with_rows=with_rows, units=units
            )
        )
        self.rows_view.setVisible(bool(rows))
        self.rows_empty.setVisible(not rows)
        self.rows_empty.setText(self.tr("Inga tomma rader denna dag i dina enheter."))
        keys = [(r.unit.code, r.line.row_id) for r in self.rows_model.rows()]
        wanted = None if chosen is None else (chosen.unit.code, chosen.line.row_id)
        if wanted in keys:
            self.rows_view.selectRow(keys.index(wanted))
        elif keys:
            self.rows_view.selectRow(0)
        else:
            self._show_candidates(None)

    # -- a row's candidates ---------------------------------------------------------------

    def selected_row(self) -> EmptyRow | None:
        rows = self.rows_view.selectionModel().selectedRows()
        if not rows:
            return None
        found = rows[0].data(ROW_ROLE)
        return found if isinstance(found, EmptyRow) else None

    def _row_chosen(self) -> None:
        row = self.selected_row()
        self.problem.setVisible(False)
        if row is None:
            self._show_candidates(None)
            return
        line = row.line
        self.row_heading.setText(
            self.tr("{unit}: {day} {code} {time} – {reason}").format(
                unit=row.unit.code,
                day=line.work_date.isoformat(),
                code=line.code or "",
                time=line.time_text,
                reason=line.reason,
            )
        )
        self.candidate_model.set_candidates(())
        self.place_button.setEnabled(False)
        if not line.offerable:
            self._candidates_for = None
            self.candidate_state.setText(line.blocked_reason)
            self.candidate_state.setVisible(True)
            return
        self.candidate_state.setText(self.tr("Söker ersättare …"))
        self.candidate_state.setVisible(True)
        workspace, today = self.context.workspace, self.context.today()
        code, row_id = row.unit.code, line.row_id
        self._candidates_for = row_id
        self._candidate_loader.load(
            lambda: row_candidates(workspace, code, row_id, today=today),
            self._candidates_found,
            self._failed_candidates,
            refused=self._refused_candidates,
        )

    @property
    def candidates_loaded(self) -> bool:
        return self._candidate_loader.loaded

    def _candidates_found(self, found: CandidateList) -> None:
        if found.row.row_id != self._candidates_for:
            return
        self._show_candidates(found)

    def _failed_candidates(self, error: BaseException) -> None:
        if isValid(self):
            self._refused_candidates(message_for(error))

    def _refused_candidates(self, text: str) -> None:
        self.candidates = None
        self.candidate_state.setText(text)
        self.candidate_state.setVisible(True)

    def _show_candidates(self, found: CandidateList | None) -> None:
        self.candidates = found
        self.candidate_model.set_candidates(found.candidates if found else ())
        self.place_button.setEnabled(False)
        if found is None:
            self.row_heading.setText(self.tr("Välj en tom rad"))
            self.candidate_state.setVisible(False)
            return
        if not found.candidates:
            self.candidate_state.setText(
                self.tr(
                    "Ingen kan ta passet utan att bryta mot vilotiderna eller krocka med "
                    "andra pass, i radens enhet eller dess grannenheter."
                )
            )
            self.candidate_state.setVisible(True)
            return
        self.candidate_state.setVisible(False)
        fit_columns(self.candidate_view)
        self.candidate_view.selectRow(0)

    def _candidate_chosen(self) -> None:
        rows = self.candidate_view.selectionModel().selectedRows()
        self.place_button.setEnabled(bool(rows) and self.candidates is not None)

    # -- placing a cover ------------------------------------------------------------------

    def place_selected(self) -> BackgroundTask[Any] | None:
        row = self.selected_row()
        chosen = self.candidate_view.selectionModel().selectedRows()
        if row is None or not chosen or self.candidates is None:
            return None
        candidate = self.candidate_model.candidate_at(chosen[0].row())
        workspace, today = self.context.workspace, self.context.today()
        code, row_id = row.unit.code, row.line.row_id
        employee_id = candidate.candidate.person.key
        self.problem.setVisible(False)

        def done(recorded: RecordedCover) -> None:
            self.recorded = recorded
            if isValid(self):
                self.message.setText(
                    self.tr("{unit}: {what}").format(unit=code, what=recorded.describe())
                )
            # Every page of the schedule refreshes, this one with them.
            self.context.events.announce(events.SCHEDULE, events.OVERTIME)

        def failed(error: BaseException) -> None:
            if isValid(self):
                self.problem.setText(message_for(error))
                self.problem.setVisible(True)

        self.place_task = run_in_background(
            self,
            lambda: place_cover(workspace, code, row_id, employee_id, today=today),
            done,
            on_error=failed,
            starters=(self.place_button,),
        )
        return self.place_task

    def save_state(self, settings: QSettings) -> None:
        settings.setValue(self.settings_key("splitter"), self.splitter.saveState())

    def restore_state(self, settings: QSettings) -> None:
        state = settings.value(self.settings_key("splitter"))
        if state is not None:
            self.splitter.restoreState(state)

"""Frånvaro och omtanke: who is due for an omtankessamtal on a day and why, the talks, the
unit's absences, and one person's view with the rehab milestones."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from enhetschef_app.domain.errors import UserError
from enhetschef_app.services.absence.absences import AbsenceView, list_absences
from enhetschef_app.services.absence.care_talk_scan import CareTalkScan, scan_care_talks
from enhetschef_app.services.absence.care_talks import TalkView, list_talks
from enhetschef_app.services.staff.employees import EmployeeView, list_employees
from enhetschef_app.ui.absence.detail import PersonDetailView
from enhetschef_app.ui.absence.import_flow import choose_and_import_absences
from enhetschef_app.ui.absence.list_tab import AbsenceTable
from enhetschef_app.ui.absence.talks_tab import CareTalkTab
from enhetschef_app.ui.shell import events
from enhetschef_app.ui.shell.context import AppContext
from enhetschef_app.ui.shell.form_parts import DateField
from enhetschef_app.ui.shell.formatting import swedish_sort_key
from enhetschef_app.ui.shell.icons import icon
from enhetschef_app.ui.shell.page import Page
from enhetschef_app.ui.shell.widgets import TableRoom, no_unit_text, role_label

TAB_TALKS, TAB_ABSENCES, TAB_PERSON = range(3)

# Hints other pages send with `DataEvents.open_page("franvaro", hint)`.
HINT_IMPORT = "importera"
HINT_TALKS = "omtanke"
HINT_ABSENCES = "franvaro"


@dataclass(frozen=True)
class _AbsenceData:
    employees: list[EmployeeView]
    absences: list[AbsenceView]
    scan: CareTalkScan
    talks: list[TalkView]


class AbsencePage(Page):
    page_id = "franvaro"
    icon_name = "franvaro"
    areas = frozenset({events.ABSENCE, events.STAFF, events.SETTINGS, events.UNIT})
    supports_new_item = True
    supports_filter = True

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.as_of: date = context.today()
        self.employees: list[EmployeeView] = []

        self.day_edit = DateField(self.as_of)
        self.day_edit.setAccessibleName(self.tr("Dag som visas"))
        self.day_edit.setToolTip(self.tr("Signalerna räknas fram till och med den här dagen"))
        self.today_button = QPushButton(self.tr("Idag"))
        self.import_button = QPushButton(icon("importera"), self.tr("Importera frånvaro…"))
        self.import_button.setToolTip(self.tr("Läs in frånvaro från Excel eller CSV"))
        self.day_problem = role_label("", "error")
        self.day_problem.setVisible(False)

        self.talks_tab = CareTalkTab(context)
        self.absences_tab = AbsenceTable(context, with_filters=True)
        self.person_combo = QComboBox()
        self.person_combo.setAccessibleName(self.tr("Medarbetare"))
        self.person_combo.setMinimumWidth(260)
        self._people: list[int] = []
        self._pending_person: int | None = None  # asked for before the data was read
        self.person_absences = AbsenceTable(context, with_filters=False)
        self.person_absences.set_employee(None)
        self.person_detail = PersonDetailView()
        self.person_detail.show_empty(self.tr("Välj en medarbetare."))
        person_tab = self._person_tab()

        self.tabs = QTabWidget()
        self.tabs.addTab(self.talks_tab, self.tr("Omtankessamtal"))
        self.tabs.addTab(self.absences_tab, self.tr("Frånvaro"))
        self.tabs.addTab(person_tab, self.tr("Person"))

        heading = QHBoxLayout()
        heading.addWidget(role_label(self.tr("Frånvaro och omtanke"), "pageTitle"))
        heading.addStretch(1)
        day_label = QLabel(self.tr("Dag:"))
        day_label.setBuddy(self.day_edit)
        heading.addWidget(day_label)
        heading.addWidget(self.day_edit)
        heading.addWidget(self.today_button)
        heading.addSpacing(12)
        heading.addWidget(self.import_button)

        layout = QVBoxLayout(self)
        layout.addLayout(heading)
        layout.addWidget(self.day_problem)
        layout.addWidget(self.tabs, 1)

        self.day_edit.editingFinished.connect(self._day_changed)
        self.today_button.clicked.connect(self.show_today)
        self.import_button.clicked.connect(self.import_absences)
        self.person_combo.currentIndexChanged.connect(self._person_chosen)
        for table in (self.absences_tab, self.person_absences):
            table.changed.connect(self._changed)
        self.talks_tab.changed.connect(self._changed)

    def _person_tab(self) -> QWidget:
        tab = QWidget()
        chooser = QHBoxLayout()
        label = QLabel(self.tr("Medarbetare:"))
        label.setBuddy(self.person_combo)
        chooser.addWidget(label)
        chooser.addWidget(self.person_combo)
        chooser.addStretch(1)
        self.person_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.person_splitter.setObjectName("absencePersonSplitter")
        self.person_splitter.setChildrenCollapsible(False)
        self.person_splitter.addWidget(self.person_absences)
        self.person_splitter.addWidget(self.person_detail)
        self.person_splitter.setStretchFactor(0, 1)
        self.person_splitter.setStretchFactor(1, 2)
        self.person_splitter.setSizes([480, 620])
        self.person_room = TableRoom(self.person_splitter, 0, self.person_absences.view)
        layout = QVBoxLayout(tab)
        layout.addLayout(chooser)
        layout.addWidget(self.person_splitter, 1)
        return tab

    # -- data --------------------------------------------------------------------------------

    def refresh(self) -> None:
        super().refresh()
        workspace = self.context.workspace
        if workspace.unit is None:
            self.talks_tab.detail_view.show_empty(no_unit_text())
            return
        as_of = self.as_of

        def fetch() -> _AbsenceData:
            return _AbsenceData(
                list_employees(workspace, as_of=as_of),
                list_absences(workspace),
                scan_care_talks(workspace, as_of),
                list_talks(workspace),
            )

        # The tables keep what they show until the new data has been read in the worker.
        self.load_in_background(
            fetch, self._show_data, refused=self.talks_tab.detail_view.show_empty
        )

    def _show_data(self, data: _AbsenceData) -> None:
        self.employees = data.employees
        today = self.context.today()
        self.absences_tab.set_data(data.absences, self.employees, today)
        self.person_absences.set_data(data.absences, self.employees, today)
        self.talks_tab.set_data(data.scan, data.talks)
        self._fill_people()
        if self._pending_person is not None:
            self._choose_person(self._pending_person)

    def _fill_people(self) -> None:
        chosen = self.person_id()
        self.person_combo.blockSignals(True)
        self.person_combo.clear()
        self._people = []
        self.person_combo.addItem(self.tr("Välj medarbetare …"))
        people = sorted(self.employees, key=lambda e: swedish_sort_key(e.name))
        for person in people:
            suffix = "" if person.active else self.tr(" – slutat")
            self.person_combo.addItem(f"{person.name} ({person.employee_no}){suffix}")
            self._people.append(person.id)
        self.person_combo.blockSignals(False)
        if chosen is not None and chosen in self._people:
            self.person_combo.setCurrentIndex(self._people.index(chosen) + 1)
            self._show_person(chosen)

    def person_id(self) -> int | None:
        index = self.person_combo.currentIndex() - 1
        return self._people[index] if 0 <= index < len(self._people) else None

    def _person_chosen(self) -> None:
        employee_id = self.person_id()
        self.person_absences.set_employee(employee_id)
        if employee_id is None:
            self.person_detail.show_empty(self.tr("Välj en medarbetare."))
            return
        self._show_person(employee_id)

    def _show_person(self, employee_id: int) -> None:
        from enhetschef_app.services.absence.person import person_absence_detail

        self.person_absences.set_employee(employee_id)
        try:
            detail = person_absence_detail(self.context.workspace, employee_id, self.as_of)
        except UserError as exc:
            self.person_detail.show_empty(exc.message)
            return
        self.person_detail.show_detail(detail)

    def show_person(self, employee_id: int) -> None:
        """The person view of one employee (chosen once the page's data is read)."""
        self.ensure_fresh()
        self._pending_person = employee_id
        if self.loaded:
            self._choose_person(employee_id)
        self.tabs.setCurrentIndex(TAB_PERSON)

    def _choose_person(self, employee_id: int) -> None:
        self._pending_person = None
        if employee_id in self._people:
            self.person_combo.setCurrentIndex(self._people.index(employee_id) + 1)

    def _changed(self) -> None:
        self.context.events.announce(events.ABSENCE)

    def _day_changed(self) -> None:
        try:
            day = self.day_edit.date_value()
        except ValueError:
            day = None
        if day is None:
            self.day_problem.setText(self.tr("Skriv dagen som ÅÅÅÅ-MM-DD, t.ex. 2026-11-24."))
            self.day_problem.setVisible(True)
            return
        self.day_problem.setVisible(False)
        if day != self.as_of:  # leaving the field unchanged (focus moving on) reloads nothing
            self.set_day(day)

    def set_day(self, day: date) -> None:
        self.as_of = day
        self.day_edit.set_date(day)
        self.refresh()

    def show_today(self) -> None:
        self.set_day(self.context.today())

    # -- commands ------------------------------------------------------------------------------

    def new_item(self) -> None:
        if self.context.workspace.unit is None:
            return
        table = self.person_absences if self.tabs.currentIndex() == TAB_PERSON else None
        (table or self.absences_tab).new_absence()

    def focus_filter(self) -> None:
        self.tabs.setCurrentIndex(TAB_ABSENCES)
        edit = self.absences_tab.filter_edit
        if edit is not None:
            edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
            edit.selectAll()

    def import_absences(self) -> None:
        choose_and_import_absences(self.context, self)

    def show_hint(self, hint: object) -> None:
        """From Översikt or the Arkiv menu: "importera", "omtanke", "franvaro", or
        ("person", employee_id) / ("samtal", employee_id)."""
        if hint == HINT_IMPORT:
            self.import_absences()
        elif hint == HINT_TALKS:
            self.tabs.setCurrentIndex(TAB_TALKS)
        elif hint == HINT_ABSENCES:
            self.tabs.setCurrentIndex(TAB_ABSENCES)
        elif isinstance(hint, tuple) and len(hint) == 2 and isinstance(hint[1], int):
            kind, employee_id = hint
            if kind == "person":
                self.show_person(employee_id)
            else:
                self.ensure_fresh()
                self.tabs.setCurrentIndex(TAB_TALKS)
                self.talks_tab.select_employee(employee_id)

    # -- remembered state ----------------------------------------------------------------------

    def save_state(self, settings: QSettings) -> None:
        settings.setValue(self.settings_key("tab"), self.tabs.currentIndex())
        settings.setValue(self.settings_key("talk_splitter"), self.talks_tab.splitter.saveState())
        settings.setValue(self.settings_key("person_splitter"), self.person_splitter.saveState())
        settings.setValue(
            self.settings_key("absence_columns"),
            self.absences_tab.view.horizontalHeader().saveState(),
        )

    def restore_state(self, settings: QSettings) -> None:
        tab = settings.value(self.settings_key("tab"))
        if tab is not None and str(tab).isdigit():
            self.tabs.setCurrentIndex(int(str(tab)))
        for key, splitter in (
            ("talk_splitter", self.talks_tab.splitter),
            ("person_splitter", self.person_splitter),
        ):
            state = settings.value(self.settings_key(key))
            if state is not None:
                splitter.restoreState(state)
        columns = settings.value(self.settings_key("absence_columns"))
        if columns is not None:
            restored = self.absences_tab.view.horizontalHeader().restoreState(columns)
            self.absences_tab.columns_sized = restored

"""The Introduktion tab: new staff with how far their checklist has come, and the chosen
person's checklist with a date for each point and the day it was done."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, QSettings, Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from enhetschef_app.domain.errors import UserError
from enhetschef_app.services.people.introduction import (
    IntroLine,
    IntroProgress,
    introductions,
    set_intro_point,
)
from enhetschef_app.ui.people.lists_model import IntroChecklistModel, IntroProgressModel
from enhetschef_app.ui.people.misc_dialogs import IntroItemsDialog, IntroPointDialog
from enhetschef_app.ui.people.tab_base import PeopleTab, focus
from enhetschef_app.ui.shell.column_widths import fit_column
from enhetschef_app.ui.shell.context import AppContext
from enhetschef_app.ui.shell.errors import show_error
from enhetschef_app.ui.shell.icons import icon
from enhetschef_app.ui.shell.table_model import ROW_ROLE
from enhetschef_app.ui.shell.widgets import TableRoom, read_only_table, role_label


class IntroTab(PeopleTab):
    key = "introduktion"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.dialog: QDialog | None = None
        self.progress: list[IntroProgress] = []

        self.model = IntroProgressModel(self)
        self.proxy, self.view, self.filter_edit, self.count_label = self.make_list(
            self.model, lambda p: f"{p.employee_no} {p.name}", self.tr("Nyanställda")
        )
        self.view.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        self.filter_edit.setMinimumWidth(120)  # the left pane is narrow
        self.checklist_model = IntroChecklistModel(self)
        self.checklist_view = read_only_table(self.checklist_model)
        self.checklist_view.setAccessibleName(self.tr("Introduktionens checklista"))
        # The point's text takes the room the dates leave, so the checklist never scrolls
        # sideways, whatever the list beside it takes.
        checklist_header = self.checklist_view.horizontalHeader()
        checklist_header.setStretchLastSection(False)
        checklist_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.checklist_title = role_label("", "sectionTitle")

        self.done_button = QPushButton(self.tr("Klart idag"))
        self.done_button.setToolTip(self.tr("Markera den valda punkten som klar idag"))
        self.edit_button = QPushButton(icon("redigera"), self.tr("Ändra…"))
        self.edit_button.setToolTip(self.tr("Ändra datum eller klardag för den valda punkten"))
        self.items_button = QPushButton(icon("installningar"), self.tr("Checklistan…"))
        self.items_button.setToolTip(
            self.tr("Ändra checklistans punkter (gäller alla nyanställda)")
        )

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 6, 0)
        tools = QHBoxLayout()
        tools.addWidget(self.filter_edit, 1)
        tools.addWidget(self.count_label)
        left_layout.addLayout(tools)
        left_layout.addWidget(self.view, 1)
        left_layout.addWidget(self.no_match)
        self.empty_state = role_label(
            self.tr(
                "Ingen nyanställd just nu. Den som börjar syns här med introduktionens "
                "checklista från första dagen."
            ),
            "emptyState",
        )
        left_layout.addWidget(self.empty_state)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(6, 0, 0, 0)
        right_layout.addWidget(self.checklist_title)
        right_layout.addWidget(self.checklist_view, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.done_button)
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        buttons.addWidget(self.items_button)
        right_layout.addLayout(buttons)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 5)
        self.room = TableRoom(self.splitter, 0, self.view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.splitter, 1)

        self.view.selectionModel().selectionChanged.connect(self._show_checklist)
        self.proxy.modelReset.connect(self._show_checklist)
        self.checklist_view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.checklist_view.activated.connect(self._edit_index)
        self.done_button.clicked.connect(self.mark_done_today)
        self.edit_button.clicked.connect(self.edit_point)
        self.items_button.clicked.connect(self.edit_items)
        self._show_checklist()

    def refresh(self) -> None:
        workspace, day = self.context.workspace, self.context.today()
        self.loader.load(
            lambda: introductions(workspace, day),
            lambda found: self._show_progress(found, day),
            refused=self._refused,
        )

    def _refused(self, message: str) -> None:
        self.empty_state.setText(message)
        self._show_progress([], self.context.today())

    def _show_progress(self, progress: list[IntroProgress], day: date) -> None:
        chosen = self.selected_person()
        self.progress = progress
        self.model.set_progress(self.progress, day)
        self.empty_state.setVisible(not self.progress)
        self.view.setVisible(bool(self.progress))
        if chosen is not None:
            self.select_person(chosen.employee_id)
        elif self.proxy.rowCount():
            self.view.selectRow(0)
        self.size_columns_once(self.view)

    def focus_filter(self) -> None:
        focus(self.filter_edit)

    def selected_person(self) -> IntroProgress | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        found = self.proxy.row_at(rows[0].row())
        return found if isinstance(found, IntroProgress) else None

    def select_person(self, employee_id: int) -> None:
        for row in range(self.proxy.rowCount()):
            found = self.proxy.row_at(row)
            if isinstance(found, IntroProgress) and found.employee_id == employee_id:
                self.view.selectRow(row)
                return

    def selected_line(self) -> IntroLine | None:
        rows = self.checklist_view.selectionModel().selectedRows()
        if not rows:
            return None
        found = self.checklist_model.data(self.checklist_model.index(rows[0].row(), 0), ROW_ROLE)
        return found if isinstance(found, IntroLine) else None

    def _show_checklist(self) -> None:
        person = self.selected_person()
        if person is None:
            self.checklist_title.setText(self.tr("Välj en nyanställd"))
            self.checklist_model.set_lines((), self.context.today())
        else:
            self.checklist_title.setText(
                self.tr("{name} – första dag {start}").format(
                    name=person.name, start=person.start.isoformat() if person.start else "–"
                )
            )
            self.checklist_model.set_lines(person.lines, self.context.today())
            fit_column(self.checklist_view, 1)
            fit_column(self.checklist_view, 2)
        self._update_buttons()

    def _update_buttons(self) -> None:
        line = self.selected_line()
        self.done_button.setEnabled(line is not None and line.done_on is None)
        self.edit_button.setEnabled(line is not None)

    def _edit_index(self, _index: QModelIndex) -> None:
        self.edit_point()

    def mark_done_today(self) -> None:
        person, line = self.selected_person(), self.selected_line()
        if person is None or line is None:
            return
        try:
            set_intro_point(
                self.context.workspace,
                person.employee_id,
                line.item_id,
                planned_on=line.planned_on if line.planned_is_own else None,
                done_on=self.context.today(),
                day=self.context.today(),
            )
        except UserError as exc:
            show_error(self, exc)
            return
        self.changed()

    def edit_point(self) -> QDialog | None:
        person, line = self.selected_person(), self.selected_line()
        if person is None or line is None:
            return None
        return self._show_dialog(IntroPointDialog(self.context, person.employee_id, line, self))

    def edit_items(self) -> QDialog:
        return self._show_dialog(IntroItemsDialog(self.context, self))

    def _show_dialog(self, dialog: QDialog) -> QDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self.changed)
        dialog.destroyed.connect(self._dialog_gone)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _dialog_gone(self) -> None:
        self.dialog = None

    def save_tab_state(self, settings: QSettings, prefix: str) -> None:
        self.save_state(settings, prefix, self.view)
        settings.setValue(f"{prefix}/{self.key}_splitter", self.splitter.saveState())

    def restore_tab_state(self, settings: QSettings, prefix: str) -> None:
        self.restore_state(settings, prefix, self.view)
        state = settings.value(f"{prefix}/{self.key}_splitter")
        if state is not None:
            self.splitter.restoreState(state)

"""The list of absences with its actions (new, change, end, delete), used on the Frånvaro tab
with filters and on the person view for one person."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from enhetschef_app.domain.absences import KIND_LABELS
from enhetschef_app.domain.errors import UserError
from enhetschef_app.services.absence.absences import AbsenceView, delete_absence
from enhetschef_app.services.staff.employees import EmployeeView
from enhetschef_app.ui.absence.absence_dialog import AbsenceDialog, EndAbsenceDialog
from enhetschef_app.ui.absence.absences_model import (
    AbsenceColumn,
    AbsenceFilterProxy,
    AbsenceTableModel,
)
from enhetschef_app.ui.shell.context import AppContext
from enhetschef_app.ui.shell.errors import show_error
from enhetschef_app.ui.shell.form_parts import DateField
from enhetschef_app.ui.shell.icons import icon
from enhetschef_app.ui.shell.table_model import ROW_ROLE
from enhetschef_app.ui.shell.widgets import fit_columns, role_label


class _DeletingTable(QTableView):
    """Delete asks before deleting, as everywhere in the window."""

    delete_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Delete:
            self.delete_pressed.emit()
            return
        super().keyPressEvent(event)


class AbsenceTable(QWidget):
    """Absences in a sortable grid; `changed` after something was saved or deleted."""

    changed = Signal()

    def __init__(
        self, context: AppContext, *, with_filters: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.employees: list[EmployeeView] = []
        self.dialog: AbsenceDialog | EndAbsenceDialog | None = None
        self.fixed_employee: int | None = None
        self.person_view = not with_filters
        self.columns_sized = False  # once from the first rows, or restored by the page
        self._wanted: int | None = None  # the absence to choose once the data is read

        self.model = AbsenceTableModel(self)
        self.proxy = AbsenceFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = _DeletingTable()
        self.view.setModel(self.proxy)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 10)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(AbsenceColumn.START, Qt.SortOrder.DescendingOrder)
        self.view.setAccessibleName(self.tr("Frånvaro"))

        self.new_button = QPushButton(icon("ny"), self.tr("Ny frånvaro…"))
        self.edit_button = QPushButton(icon("redigera"), self.tr("Ändra…"))
        self.end_button = QPushButton(self.tr("Avsluta…"))
        self.end_button.setToolTip(self.tr("Sätt sista dag på en pågående frånvaro"))
        self.delete_button = QPushButton(self.tr("Ta bort…"))
        self.count_label = role_label("", "state")
        self.empty_state = role_label("", "emptyState")
        self.empty_state.setVisible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.filter_edit: QLineEdit | None = None
        if with_filters:
            layout.addLayout(self._filter_bar())
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty_state)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.end_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.count_label)
        layout.addLayout(buttons)

        self.new_button.clicked.connect(lambda: self.new_absence())
        self.edit_button.clicked.connect(self.edit_selected)
        self.end_button.clicked.connect(self.end_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.view.activated.connect(self._open_index)
        self.view.delete_pressed.connect(self.delete_selected)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        for signal in (
            self.proxy.modelReset,
            self.proxy.rowsInserted,
            self.proxy.rowsRemoved,
            self.proxy.layoutChanged,
        ):
            signal.connect(self._update_count)
        self._update_buttons()

    def _filter_bar(self) -> QHBoxLayout:
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Medarbetare: namn eller nr (Ctrl+F)"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName(self.tr("Filtrera på medarbetare"))
        self.kind_combo = QComboBox()
        self.kind_combo.setAccessibleName(self.tr("Frånvarotyp"))
        self._kinds: list[str | None] = [None, *KIND_LABELS]
        self.kind_combo.addItem(self.tr("Alla typer"))
        for kind in KIND_LABELS:
            self.kind_combo.addItem(KIND_LABELS[kind])
        self.first_edit = DateField()
        self.first_edit.setAccessibleName(self.tr("Period från"))
        self.last_edit = DateField()
        self.last_edit.setAccessibleName(self.tr("Period till"))
        self.ongoing_check = QCheckBox(self.tr("Bara pågående"))
        self.filter_edit.textChanged.connect(self.proxy.set_text)
        self.kind_combo.currentIndexChanged.connect(
            lambda index: self.proxy.set_kind(self._kinds[index] if index >= 0 else None)
        )
        self.first_edit.textChanged.connect(self._period_changed)
        self.last_edit.textChanged.connect(self._period_changed)
        self.ongoing_check.toggled.connect(self.proxy.set_ongoing_only)
        bar = QHBoxLayout()
        bar.addWidget(self.filter_edit, 2)
        bar.addWidget(self.kind_combo)
        bar.addWidget(QLabel(self.tr("Period")))
        bar.addWidget(self.first_edit)
        bar.addWidget(QLabel("–"))
        bar.addWidget(self.last_edit)
        bar.addWidget(self.ongoing_check)
        bar.addStretch(1)
        return bar

    def _period_changed(self) -> None:
        def read(edit: DateField) -> date | None:
            try:
                return edit.date_value()
            except ValueError:
                return None  # half-typed: no limit until it is a date

        self.proxy.set_period(read(self.first_edit), read(self.last_edit))

    def set_data(
        self, absences: list[AbsenceView], employees: list[EmployeeView], today: date
    ) -> None:
        # The row chosen before the data was read again stays chosen (a saved one is chosen).
        chosen = self.selected()
        keep = self._wanted if self._wanted is not None else (chosen.id if chosen else None)
        self._wanted = None
        self.employees = employees
        self.model.set_absences(absences, today)
        if absences and not self.columns_sized:
            fit_columns(self.view)
            self.columns_sized = True
        if keep is not None:
            self.select_absence(keep)
        self._update_count()
        self._update_buttons()

    def set_employee(self, employee_id: int | None) -> None:
        """Only this person's absences (the person view); None shows none until one is chosen.
        The person's number and name columns are then hidden: the view says whose it is."""
        self.fixed_employee = employee_id
        self.proxy.set_employee(employee_id if employee_id is not None else -1)
        for column in (AbsenceColumn.NUMBER, AbsenceColumn.NAME):
            self.view.setColumnHidden(column, True)
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if self.person_view:
            self.count_label.setText(self.tr("{0} poster").format(shown))
        else:
            self.count_label.setText(
                self.tr("{shown} av {total} visas").format(shown=shown, total=total)
            )
        if total == 0:
            self.empty_state.setText(
                self.tr(
                    "Ingen frånvaro registrerad. Registrera med Ny frånvaro eller importera en "
                    "frånvarolista (Arkiv → Importera frånvaro…)."
                )
            )
        self.empty_state.setVisible(total == 0)

    def selected(self) -> AbsenceView | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        found = self.proxy.data(rows[0], ROW_ROLE)
        return found if isinstance(found, AbsenceView) else None

    def _update_buttons(self) -> None:
        chosen = self.selected()
        self.edit_button.setEnabled(chosen is not None)
        self.delete_button.setEnabled(chosen is not None)
        self.end_button.setEnabled(chosen is not None and chosen.ongoing)

    def select_absence(self, absence_id: int) -> None:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            found = self.proxy.data(index, ROW_ROLE)
            if isinstance(found, AbsenceView) and found.id == absence_id:
                self.view.selectRow(row)
                self.view.scrollTo(index)
                return

    def _open_index(self, index: QModelIndex) -> None:
        found = self.proxy.data(index, ROW_ROLE)
        if isinstance(found, AbsenceView):
            self.open_dialog(AbsenceDialog(self.context, self.employees, found, parent=self))

    def new_absence(self, start: date | None = None) -> AbsenceDialog:
        dialog = AbsenceDialog(
            self.context,
            [e for e in self.employees if e.active],
            employee_id=self.fixed_employee,
            start=start,
            parent=self,
        )
        self.open_dialog(dialog)
        return dialog

    def edit_selected(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            self.open_dialog(AbsenceDialog(self.context, self.employees, chosen, parent=self))

    def end_selected(self) -> None:
        chosen = self.selected()
        if chosen is not None and chosen.ongoing:
            self.open_dialog(EndAbsenceDialog(self.context, chosen, self))

    def open_dialog(self, dialog: AbsenceDialog | EndAbsenceDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._saved(dialog.saved))
        dialog.destroyed.connect(self._dialog_gone)
        self.dialog = dialog
        dialog.open()

    def _dialog_gone(self) -> None:
        self.dialog = None

    def _saved(self, saved: AbsenceView | None) -> None:
        if saved is not None:
            self._wanted = saved.id  # chosen again when the page has read the data anew
        self.changed.emit()
        if saved is not None:
            self.select_absence(saved.id)

    def delete_question(self, absence: AbsenceView) -> str:
        return self.tr(
            "Ta bort frånvaron {kind} {period} för {name}?\n\nDen räknas då inte längre i "
            "frånvarotillfällen, omtankessamtal eller månadsrapportens sjukfrånvaro. Borttagningen "
            "sparas i loggen."
        ).format(
            kind=absence.kind_label.lower(), period=absence.period(), name=absence.employee_name
        )

    def delete_selected(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Ta bort frånvaro"),
            self.delete_question(chosen),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            delete_absence(self.context.workspace, chosen.id, version=chosen.version)
        except UserError as exc:
            show_error(self, exc)
            return
        self.changed.emit()

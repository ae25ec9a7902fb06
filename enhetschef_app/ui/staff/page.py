"""Personal: the unit's staff in a sortable, filterable list; open, add and import employees."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from enhetschef_app.domain.errors import UserError
from enhetschef_app.domain.staff import EmploymentForm
from enhetschef_app.reports.register_extract_pdf import write_register_extract_pdf
from enhetschef_app.services.core.registerutdrag import RegisterExtract, export_register_extract
from enhetschef_app.services.staff.employees import EmployeeView, list_employees
from enhetschef_app.ui.shell import events
from enhetschef_app.ui.shell.context import AppContext
from enhetschef_app.ui.shell.errors import show_error
from enhetschef_app.ui.shell.icons import icon
from enhetschef_app.ui.shell.page import Page
from enhetschef_app.ui.shell.table_model import ROW_ROLE
from enhetschef_app.ui.shell.widgets import (
    EmptyState,
    fit_columns,
    no_unit_text,
    read_only_table,
    role_label,
)
from enhetschef_app.ui.shell.worker import BackgroundTask, run_in_background
from enhetschef_app.ui.staff.employee_dialog import EmployeeDialog
from enhetschef_app.ui.staff.employees_model import Column, EmployeeFilterProxy, EmployeeTableModel
from enhetschef_app.ui.staff.import_flow import choose_and_import_staff


class StaffPage(Page):
    page_id = "personal"
    icon_name = "personal"
    areas = frozenset({events.STAFF, events.SETTINGS, events.UNIT})
    supports_new_item = True
    supports_filter = True

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.employee_dialog: EmployeeDialog | None = None

        self.model = EmployeeTableModel(self)
        self.proxy = EmployeeFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Sök namn eller anställningsnr (Ctrl+F)"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName(self.tr("Filtrera personal"))
        self.filter_edit.setMinimumWidth(200)
        self.form_combo = QComboBox()
        self.form_combo.setAccessibleName(self.tr("Anställningsform"))
        self._forms: list[EmploymentForm | None] = [None, *EmploymentForm]
        self.form_combo.addItem(self.tr("Alla anställningsformer"))
        for form in EmploymentForm:
            self.form_combo.addItem(form.label)
        self.show_ended = QCheckBox(self.tr("Visa avslutade"))
        self.count_label = role_label("", "state")
        self.new_button = QPushButton(icon("ny"), self.tr("Ny medarbetare"))
        self.new_button.setToolTip(self.tr("Lägg till en medarbetare (Ctrl+N)"))
        self.import_button = QPushButton(icon("importera"), self.tr("Importera personallista…"))
        self.import_button.setToolTip(self.tr("Läs in en personallista från Excel eller CSV"))
        self.extract_button = QPushButton(self.tr("Registerutdrag…"))
        self.extract_button.setToolTip(
            self.tr(
                "Allt programmet har sparat om den markerade medarbetaren, som Excel och PDF "
                "(GDPR art. 15)"
            )
        )
        self.extract_button.setEnabled(False)
        self.extract_task: BackgroundTask[Any] | None = None
        self.last_extract: tuple[Path, Path] | None = None

        self.view = read_only_table(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setAccessibleName(self.tr("Personal"))
        self.view.sortByColumn(Column.NAME, Qt.SortOrder.AscendingOrder)
        self.empty_state = EmptyState()
        self.empty_state.setVisible(False)

        heading = QHBoxLayout()
        heading.addWidget(role_label(self.tr("Personal"), "pageTitle"))
        heading.addStretch(1)
        heading.addWidget(self.new_button)
        heading.addWidget(self.import_button)
        heading.addWidget(self.extract_button)

        tools = QHBoxLayout()
        tools.addWidget(self.filter_edit, 2)
        tools.addWidget(self.form_combo)
        tools.addWidget(self.show_ended)
        tools.addStretch(1)
        tools.addWidget(self.count_label)

        layout = QVBoxLayout(self)
        layout.addLayout(heading)
        layout.addLayout(tools)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty_state)

        self.filter_edit.textChanged.connect(self._filter_text_changed)
        self.form_combo.currentIndexChanged.connect(self._form_changed)
        self.show_ended.toggled.connect(self._show_ended_changed)
        self.new_button.clicked.connect(self.new_item)
        self.import_button.clicked.connect(self.import_staff)
        self.extract_button.clicked.connect(self.register_extract)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.view.activated.connect(self._open_index)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)
        self._columns_sized = False
        self._wanted: int | None = None  # the employee to choose once the list is read
        self._update_count()

    def refresh(self) -> None:
        super().refresh()
        workspace = self.context.workspace
        if workspace.unit is None:
            self.model.set_employees([], self.context.today())
            self._show_empty(no_unit_text())
            return
        day = self.context.today()
        # The list keeps what it shows until the staff has been read in the worker.
        self.load_in_background(
            lambda: list_employees(workspace, as_of=day),
            lambda employees: self._show_employees(employees, day),
            refused=self._refused,
        )

    def _refused(self, message: str) -> None:
        self.model.set_employees([], self.context.today())
        self._show_empty(message)

    def _show_employees(self, employees: list[EmployeeView], day: date) -> None:
        chosen = next(iter(self.selected_employees()), None)
        self.model.set_employees(employees, day)
        if not employees:
            self._show_empty(
                self.tr("Inga medarbetare än: importera personallistan eller lägg till en i taget.")
            )
        else:
            self.empty_state.setVisible(False)
            self.view.setVisible(True)
        if employees and not self._columns_sized:
            fit_columns(self.view)
            self._columns_sized = True
        wanted = self._wanted if self._wanted is not None else (chosen.id if chosen else None)
        self._wanted = None
        if wanted is not None:
            self.select_employee(wanted)

    def _show_empty(self, text: str) -> None:
        self.empty_state.setText(text)
        self.empty_state.set_action(self.tr("Importera personallista…"), self._import_staff)
        self.empty_state.setVisible(True)
        self.view.setVisible(False)

    def _import_staff(self) -> None:
        from enhetschef_app.ui.staff.import_flow import choose_and_import_staff

        choose_and_import_staff(self.context, self)

    def _filter_text_changed(self, text: str) -> None:
        self.proxy.set_text(text)
        self._update_count()

    def _form_changed(self, index: int) -> None:
        self.proxy.set_form(self._forms[index] if 0 <= index < len(self._forms) else None)
        self._update_count()

    def _show_ended_changed(self, checked: bool) -> None:
        self.proxy.set_show_ended(checked)
        self._update_count()

    def _update_count(self) -> None:
        self.count_label.setText(
            self.tr("{shown} av {total} visas").format(
                shown=self.proxy.rowCount(), total=self.model.rowCount()
            )
        )

    def focus_filter(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    def new_item(self) -> None:
        if self.context.workspace.unit is None:
            self._show_empty(
                self.tr(
                    "Importera en personallista först: den skapar enheten som medarbetare hör till."
                )
            )
            return
        self.open_employee(None)

    def import_staff(self) -> None:
        choose_and_import_staff(self.context, self)

    def _open_index(self, index: QModelIndex) -> None:
        employee = self.proxy.data(index, ROW_ROLE)
        if isinstance(employee, EmployeeView):
            self.open_employee(employee)

    def open_employee(self, employee: EmployeeView | None) -> EmployeeDialog:
        dialog = EmployeeDialog(self.context, employee, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._employee_saved)
        self.employee_dialog = dialog
        dialog.destroyed.connect(self._dialog_gone)
        dialog.open()
        return dialog

    def _dialog_gone(self) -> None:
        self.employee_dialog = None

    def _employee_saved(self) -> None:
        dialog = self.employee_dialog
        if dialog is not None and dialog.saved is not None:
            self._wanted = dialog.saved.id  # chosen again when the list has been read anew
        self.context.events.announce(events.STAFF)
        if dialog is not None and dialog.saved is not None:
            self.select_employee(dialog.saved.id)

    def select_employee(self, employee_id: int) -> None:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            employee = self.proxy.data(index, ROW_ROLE)
            if isinstance(employee, EmployeeView) and employee.id == employee_id:
                self.view.selectRow(row)
                self.view.scrollTo(index)
                return

    def selected_employees(self) -> list[EmployeeView]:
        rows = self.view.selectionModel().selectedRows()
        found = [self.proxy.data(index, ROW_ROLE) for index in rows]
        return [e for e in found if isinstance(e, EmployeeView)]

    def _selection_changed(self) -> None:
        self.extract_button.setEnabled(len(self.selected_employees()) == 1)

    def register_extract(self) -> BackgroundTask[Any] | None:
        chosen = self.selected_employees()
        if len(chosen) != 1:
            return None
        employee = chosen[0]
        folder = str(self.context.settings.value("pages/personal/extract_dir", str(Path.home())))
        suggested = Path(folder) / f"Registerutdrag {employee.name} {employee.employee_no}.xlsx"
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Spara registerutdraget"), str(suggested), self.tr("Excel (*.xlsx)")
        )
        if not path:
            return None
        target = Path(path) if path.lower().endswith(".xlsx") else Path(path + ".xlsx")
        self.context.settings.setValue("pages/personal/extract_dir", str(target.parent))
        return self.extract_to(employee, target)

    def extract_to(self, employee: EmployeeView, path: Path) -> BackgroundTask[Any]:
        """Writes the workbook in the background, then the PDF beside it (Qt paints here)."""
        workspace = self.context.workspace
        pdf = path.with_suffix(".pdf")

        def written(result: object) -> None:
            assert isinstance(result, tuple)
            _xlsx, extract = result
            assert isinstance(extract, RegisterExtract)
            try:
                write_register_extract_pdf(extract, pdf)
            except OSError as exc:
                show_error(self, UserError(self.tr("PDF:en kunde inte sparas: {0}").format(exc)))
                return
            self.last_extract = (path, pdf)
            QMessageBox.information(
                self,
                self.tr("Registerutdrag"),
                self.tr("Registerutdraget för {name} är sparat:\n{xlsx}\n{pdf}").format(
                    name=employee.name, xlsx=path, pdf=pdf
                ),
            )

        self.extract_task = run_in_background(
            self,
            lambda: export_register_extract(workspace, employee.employee_no, path),
            written,
            progress_text=self.tr("Skriver registerutdraget …"),
        )
        return self.extract_task

    def save_state(self, settings: QSettings) -> None:
        settings.setValue(self.settings_key("columns"), self.view.horizontalHeader().saveState())

    def restore_state(self, settings: QSettings) -> None:
        columns = settings.value(self.settings_key("columns"))
        if columns is not None:
            self._columns_sized = self.view.horizontalHeader().restoreState(columns)

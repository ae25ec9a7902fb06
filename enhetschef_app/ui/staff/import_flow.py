"""Arkiv → Importera personallista…: choose a file, import it in a worker, show the summary or
every problem of the file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from enhetschef_app.domain.errors import ImportFormatError
from enhetschef_app.services.core.workspace import list_units
from enhetschef_app.ui.shell import events
from enhetschef_app.ui.shell.context import AppContext
from enhetschef_app.ui.shell.errors import show_error
from enhetschef_app.ui.shell.examples import STAFF_EXAMPLE
from enhetschef_app.ui.shell.import_problems import ImportProblemsDialog
from enhetschef_app.ui.shell.worker import BackgroundTask, run_in_background

LAST_FOLDER_KEY = "import/staff_folder"


def choose_and_import_staff(context: AppContext, parent: QWidget) -> BackgroundTask[Any] | None:
    folder = str(context.settings.value(LAST_FOLDER_KEY, "") or "")
    name, _filter = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("StaffImport", "Importera personallista"),
        folder,
        QCoreApplication.translate("StaffImport", "Personallistor (*.xlsx *.csv);;Alla filer (*)"),
    )
    if not name:
        return None
    path = Path(name)
    context.settings.setValue(LAST_FOLDER_KEY, str(path.parent))
    unit_code: str | None = None
    if context.workspace.unit is None:
        # The first staff list of a new database makes its unit: it needs a code.
        code, ok = QInputDialog.getText(
            parent,
            QCoreApplication.translate("StaffImport", "Ny enhet"),
            QCoreApplication.translate(
                "StaffImport", "Enhetens kod, till exempel HT-NORR (personallistan hamnar där):"
            ),
        )
        if not ok or not code.strip():
            return None
        unit_code = code.strip().upper()
    return import_staff_file(context, parent, path, unit_code)


def import_staff_file(
    context: AppContext, parent: QWidget, path: Path, unit_code: str | None = None
) -> BackgroundTask[Any]:
    """Imports into the open unit, or into the unit `unit_code` (made if new)."""
    workspace = context.workspace

    def call() -> Any:
        # Imported here, in the worker: the file readers are heavy and not needed at start.
        from enhetschef_app.services.staff.imports import import_staff

        return import_staff(workspace, path, unit_code=unit_code, sheet=None)

    def done(summary: Any) -> None:
        new_unit = None
        if unit_code is not None:
            new_unit = next((u for u in list_units(context.workspace) if u.code == unit_code), None)
        if new_unit is not None:
            # The import made (or chose) a unit: work on it from now on; every page reloads.
            context.choose_unit(new_unit)
        else:
            context.events.announce(events.STAFF)
        QMessageBox.information(
            parent,
            QCoreApplication.translate("StaffImport", "Personallistan importerades"),
            summary.describe(),
        )

    def failed(error: BaseException) -> None:
        if isinstance(error, ImportFormatError):
            dialog = ImportProblemsDialog(error, parent, example=STAFF_EXAMPLE)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open()
        else:
            show_error(parent, error)

    return run_in_background(
        parent,
        call,
        done,
        on_error=failed,
        progress_text=QCoreApplication.translate("StaffImport", "Importerar {0} …").format(
            path.name
        ),
    )

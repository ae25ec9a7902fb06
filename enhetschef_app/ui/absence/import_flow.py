"""Importera frånvaro…: choose a file, import it in a worker, show the summary or every problem
of the file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from enhetschef_app.domain.errors import ImportFormatError
from enhetschef_app.ui.shell import events
from enhetschef_app.ui.shell.context import AppContext
from enhetschef_app.ui.shell.errors import show_error
from enhetschef_app.ui.shell.examples import ABSENCE_EXAMPLE
from enhetschef_app.ui.shell.import_problems import ImportProblemsDialog
from enhetschef_app.ui.shell.worker import BackgroundTask, run_in_background

LAST_FOLDER_KEY = "import/absence_folder"


def choose_and_import_absences(context: AppContext, parent: QWidget) -> BackgroundTask[Any] | None:
    if context.workspace.unit is None:
        QMessageBox.information(
            parent,
            QCoreApplication.translate("AbsenceImport", "Importera frånvaro"),
            QCoreApplication.translate(
                "AbsenceImport",
                "Importera personallistan först: frånvaron hör till enhetens medarbetare.",
            ),
        )
        return None
    folder = str(context.settings.value(LAST_FOLDER_KEY, "") or "")
    name, _filter = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("AbsenceImport", "Importera frånvaro"),
        folder,
        QCoreApplication.translate(
            "AbsenceImport", "Frånvarolistor (*.xlsx *.csv);;Alla filer (*)"
        ),
    )
    if not name:
        return None
    path = Path(name)
    context.settings.setValue(LAST_FOLDER_KEY, str(path.parent))
    return import_absence_file(context, parent, path)


def import_absence_file(context: AppContext, parent: QWidget, path: Path) -> BackgroundTask[Any]:
    workspace = context.workspace

    def call() -> Any:
        # Imported here, in the worker: the file readers are heavy and not needed at start.
        from enhetschef_app.services.absence.imports import import_absences

        return import_absences(workspace, path)

    def done(summary: Any) -> None:
        context.events.announce(events.ABSENCE)
        QMessageBox.information(
            parent,
            QCoreApplication.translate("AbsenceImport", "Frånvaron importerades"),
            summary.describe(),
        )

    def failed(error: BaseException) -> None:
        if isinstance(error, ImportFormatError):
            dialog = ImportProblemsDialog(error, parent, example=ABSENCE_EXAMPLE)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open()
        else:
            show_error(parent, error)

    return run_in_background(
        parent,
        call,
        done,
        on_error=failed,
        progress_text=QCoreApplication.translate("AbsenceImport", "Importerar {0} …").format(
            path.name
        ),
    )

"""Arkiv → Importera schema…: choose a file, import it in a worker, and show the summary – or
the way forward: choose the columns, import the valid rows, create unknown employees."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox, QPushButton, QWidget

from enhetschef_app.domain.schedule_import import (
    ColumnMappingNeeded,
    ImportWouldRemove,
    ScheduleFileInvalid,
)
from enhetschef_app.ui.shell import events
from enhetschef_app.ui.shell.column_mapping import ColumnMappingDialog
from enhetschef_app.ui.shell.context import AppContext
from enhetschef_app.ui.shell.errors import show_error
from enhetschef_app.ui.shell.examples import SCHEDULE_EXAMPLE
from enhetschef_app.ui.shell.import_problems import ImportProblemsDialog
from enhetschef_app.ui.shell.worker import BackgroundTask, run_in_background

LAST_FOLDER_KEY = "import/schedule_folder"


@dataclass(frozen=True)
class ImportChoice:
    """How to import: as it is, or with the EC's answers to what the file raised."""

    columns: Mapping[str, str] | None = None
    valid_rows_only: bool = False
    create_unknown: bool = False
    replace: bool = False  # the EC said yes to removing covers, overtime links or many rows


def choose_and_import_schedule(context: AppContext, parent: QWidget) -> BackgroundTask[Any] | None:
    if context.workspace.unit is None:
        QMessageBox.information(
            parent,
            QCoreApplication.translate("ScheduleImport", "Importera schema"),
            QCoreApplication.translate(
                "ScheduleImport",
                "Importera personallistan först: den skapar enheten som schemat hör till.",
            ),
        )
        return None
    folder = str(context.settings.value(LAST_FOLDER_KEY, "") or "")
    name, _filter = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("ScheduleImport", "Importera schema"),
        folder,
        QCoreApplication.translate("ScheduleImport", "Schema (*.xlsx *.csv);;Alla filer (*)"),
    )
    if not name:
        return None
    path = Path(name)
    context.settings.setValue(LAST_FOLDER_KEY, str(path.parent))
    return import_schedule_file(context, parent, path)


def import_schedule_file(
    context: AppContext,
    parent: QWidget,
    path: Path,
    choice: ImportChoice = ImportChoice(),
    on_done: Callable[[Any], None] | None = None,
) -> BackgroundTask[Any]:
    workspace = context.workspace

    def call() -> Any:
        # Imported here, in the worker: the file readers are heavy and not needed at start.
        from enhetschef_app.services.schedule.imports import import_schedule

        return import_schedule(
            workspace,
            path,
            columns=choice.columns,
            valid_rows_only=choice.valid_rows_only,
            create_unknown=choice.create_unknown,
            replace=choice.replace,
        )

    def done(summary: Any) -> None:
        areas = [events.SCHEDULE]
        if summary.employees_created:
            areas.append(events.STAFF)
        context.events.announce(*areas)
        text = summary.describe()
        if summary.warnings:
            text += "\n\n" + "\n".join(summary.warnings)
        QMessageBox.information(
            parent, QCoreApplication.translate("ScheduleImport", "Schemat importerades"), text
        )
        if on_done is not None:
            on_done(summary)

    def failed(error: BaseException) -> None:
        if isinstance(error, ColumnMappingNeeded):
            ask_for_columns(context, parent, path, error, choice, on_done)
        elif isinstance(error, ScheduleFileInvalid):
            show_invalid_file(context, parent, path, error, choice, on_done)
        elif isinstance(error, ImportWouldRemove):
            confirm_removal(context, parent, path, error, choice, on_done)
        else:
            show_error(parent, error)

    return run_in_background(
        parent,
        call,
        done,
        on_error=failed,
        progress_text=QCoreApplication.translate("ScheduleImport", "Importerar {0} …").format(
            path.name
        ),
    )


def ask_for_columns(
    context: AppContext,
    parent: QWidget,
    path: Path,
    error: ColumnMappingNeeded,
    choice: ImportChoice,
    on_done: Callable[[Any], None] | None,
) -> ColumnMappingDialog:
    dialog = ColumnMappingDialog(error, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def chosen() -> None:
        import_schedule_file(
            context, parent, path, replace(choice, columns=dialog.mapping()), on_done
        )

    dialog.accepted.connect(chosen)
    dialog.open()
    return dialog


def show_invalid_file(
    context: AppContext,
    parent: QWidget,
    path: Path,
    error: ScheduleFileInvalid,
    choice: ImportChoice,
    on_done: Callable[[Any], None] | None,
) -> ImportProblemsDialog:
    """Every bad row, with the ways on: the valid rows alone, or the unknown employees made."""
    dialog = ImportProblemsDialog(error, parent, example=SCHEDULE_EXAMPLE)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    buttons = []
    if error.unknown:
        create = QPushButton(
            QCoreApplication.translate(
                "ScheduleImport", "Skapa {0} nya medarbetare (timavlönade) och importera"
            ).format(len(error.unknown))
        )
        create.setToolTip(", ".join(f"{u.employee_no} {u.name}".strip() for u in error.unknown))
        create.setObjectName("createUnknown")
        buttons.append((create, replace(choice, create_unknown=True)))
    if error.valid_rows and (error.bad_rows or error.unknown):
        valid = QPushButton(
            QCoreApplication.translate(
                "ScheduleImport", "Importera de giltiga raderna ({0})"
            ).format(error.valid_rows)
        )
        valid.setObjectName("importValidRows")
        buttons.append((valid, replace(choice, valid_rows_only=True)))
    for button, then in buttons:
        box.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)

        def go(_checked: bool = False, answer: ImportChoice = then) -> None:
            dialog.accept()
            import_schedule_file(context, parent, path, answer, on_done)

        button.clicked.connect(go)
    dialog.open()
    return dialog


def confirm_removal(
    context: AppContext,
    parent: QWidget,
    path: Path,
    error: ImportWouldRemove,
    choice: ImportChoice,
    on_done: Callable[[Any], None] | None,
) -> QMessageBox:
    """Asks before an import removes covers, approved overtime or many rows; yes imports."""
    title = QCoreApplication.translate("ScheduleImport", "Ta bort pass?")
    text = QCoreApplication.translate(
        "ScheduleImport",
        "Importen av {0} tar bort {1} av {2} pass i filens veckor, {3} registrerade ersättare "
        "och {4} beviljade övertider.\n\nEn säkerhetskopia tas före importen, och Arkiv → "
        "Ångra senaste import sätter tillbaka det som togs bort. Importera ändå?",
    ).format(path.name, error.removed, error.in_weeks, error.covers, error.overtime)
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=parent)
    box.setObjectName("confirmRemoval")
    go = box.addButton(
        QCoreApplication.translate("ScheduleImport", "Importera och ta bort"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    go.setObjectName("replaceRows")
    box.addButton(
        QCoreApplication.translate("ScheduleImport", "Avbryt"), QMessageBox.ButtonRole.RejectRole
    )
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def answered(button: Any) -> None:
        if button is go:
            import_schedule_file(context, parent, path, replace(choice, replace=True), on_done)

    box.buttonClicked.connect(answered)
    box.open()
    return box

"""The example import files that ship with the program, opened for the EC to look at.

The EC gets a copy in the data folder, not the shipped file itself: an installed program's
folder is read-only for them, and Excel would otherwise offer to save changes over the example.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from enhetschef_app.paths import example_file, user_data_dir

STAFF_EXAMPLE = "personal-standard.csv"
SCHEDULE_EXAMPLE = "schema-standard-v47-v48.xlsx"
ABSENCE_EXAMPLE = "franvaro-standard.xlsx"


def example_copy(name: str) -> Path:
    """A fresh copy of the example `name` in the user's data folder; the shipped one stays as it
    is. A copy the EC left open in Excel is locked on Windows: then the OSError reaches the
    caller."""
    source = example_file(name)
    folder = user_data_dir() / "exempelfiler"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    shutil.copyfile(source, target)
    return target


def open_example(parent: QWidget, name: str) -> Path | None:
    """Opens a copy of the example in the program the system uses for it (Excel for .xlsx and
    .csv on an EC's computer); says where it is when nothing could open it."""
    try:
        copy = example_copy(name)
    except OSError as error:
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("Examples", "Exempelfilen"),
            QCoreApplication.translate(
                "Examples", "Exempelfilen kunde inte kopieras: {0}\nStäng den om den är öppen."
            ).format(error),
        )
        return None
    if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(copy))):
        QMessageBox.information(
            parent,
            QCoreApplication.translate("Examples", "Exempelfilen"),
            QCoreApplication.translate("Examples", "Exempelfilen finns här:\n{0}").format(copy),
        )
    return copy


def example_button(parent: QWidget, name: str) -> QPushButton:
    """The "Öppna exempelfil" button of an import dialog."""
    button = QPushButton(QCoreApplication.translate("Examples", "Öppna exempelfil"), parent)
    button.setToolTip(
        QCoreApplication.translate(
            "Examples", "Visar en fil i den layout som importen läser ({0})."
        ).format(name)
    )
    button.clicked.connect(lambda: open_example(parent, name))
    return button

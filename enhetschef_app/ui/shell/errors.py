"""Errors in tiers as the window shows them: a UserError in its own words, anything else as a
short message naming the log file that holds the traceback."""

from __future__ import annotations

import logging
import traceback

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from enhetschef_app.domain.errors import UserError
from enhetschef_app.paths import LOG_FILE_NAME, log_file_path

__all__ = [
    "LOG_FILE_NAME",
    "log_file_path",
    "message_for",
    "show_error",
    "unexpected_error_box",
    "unexpected_error_text",
]

log = logging.getLogger("enhetschef.ui")


def unexpected_error_text() -> str:
    return QCoreApplication.translate(
        "errors",
        "Ett oväntat fel inträffade och åtgärden avbröts. Det som redan var sparat finns kvar. "
        "Detaljerna har skrivits till loggfilen {0} – skicka gärna den till den som ger "
        "support.",
    ).format(log_file_path())


def message_for(error: BaseException) -> str:
    """What to tell the user about an error: its own Swedish words, or the log file's name."""
    if isinstance(error, UserError):
        return error.message
    return unexpected_error_text()


def error_report_text(error: BaseException) -> str:
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qVersion

    from enhetschef_app.services.core.error_report import error_report

    return error_report(
        error, log_file_path(), extra={"Qt": f"{qVersion()} (PySide6 {pyside_version})"}
    )


def unexpected_error_box(parent: QWidget | None, error: BaseException) -> QMessageBox:
    """The dialog of a bug: the short message naming the log file, and "Kopiera felrapport",
    which puts a report without personal data on the clipboard to paste into an e-mail."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("errors", "Enhetschef"))
    box.setText(unexpected_error_text())
    copy = box.addButton(
        QCoreApplication.translate("errors", "Kopiera felrapport"),
        QMessageBox.ButtonRole.ActionRole,
    )
    box.addButton(QMessageBox.StandardButton.Close)
    box.setDefaultButton(QMessageBox.StandardButton.Close)
    # An action button would close the box; the report is copied and the box stays open.
    copy.clicked.disconnect()
    copy.clicked.connect(lambda: _copy_report(box, copy, error))
    return box


def _copy_report(box: QMessageBox, button: QPushButton, error: BaseException) -> None:
    QGuiApplication.clipboard().setText(error_report_text(error))
    button.setText(QCoreApplication.translate("errors", "Felrapporten är kopierad"))
    box.setInformativeText(
        QCoreApplication.translate(
            "errors", "Klistra in felrapporten i ett e-brev till den som ger support."
        )
    )


def show_error(parent: QWidget | None, error: BaseException) -> None:
    title = QCoreApplication.translate("errors", "Enhetschef")
    if isinstance(error, UserError):
        QMessageBox.warning(parent, title, message_for(error))
    else:
        log.error("Oväntat fel:\n%s", "".join(traceback.format_exception(error)).rstrip())
        unexpected_error_box(parent, error).exec()

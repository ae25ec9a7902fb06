"""Errors in tiers as the window shows them: a UserError in its own words, anything else as a
short message naming the log file that holds the traceback."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from enhetschef_app.domain.errors import UserError
from enhetschef_app.paths import user_log_dir

LOG_FILE_NAME = "enhetschef.log"

log = logging.getLogger("enhetschef.ui")


def log_file_path() -> Path:
    return user_log_dir() / LOG_FILE_NAME


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


def show_error(parent: QWidget | None, error: BaseException) -> None:
    title = QCoreApplication.translate("errors", "Enhetschef")
    if isinstance(error, UserError):
        QMessageBox.warning(parent, title, message_for(error))
    else:
        QMessageBox.critical(parent, title, message_for(error))

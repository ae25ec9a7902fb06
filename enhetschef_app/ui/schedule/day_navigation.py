"""The day's controls of a page that shows one day (Dagsuppföljning, Sambandscentral): the
previous and next day (Alt+Vänster, Alt+Höger), today, and a date field with a calendar."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDateEdit, QPushButton

from enhetschef_app.ui.shell.icons import icon


def day_buttons() -> tuple[QPushButton, QPushButton, QPushButton, QDateEdit]:
    """Previous day, next day, today and the date field, not yet connected."""
    previous = QPushButton(icon("forra"), "")
    previous.setAccessibleName(QCoreApplication.translate("day_navigation", "Föregående dag"))
    previous.setToolTip(
        QCoreApplication.translate("day_navigation", "Föregående dag (Alt+Vänster)")
    )
    previous.setShortcut(QKeySequence("Alt+Left"))
    following = QPushButton(icon("nasta"), "")
    following.setAccessibleName(QCoreApplication.translate("day_navigation", "Nästa dag"))
    following.setToolTip(QCoreApplication.translate("day_navigation", "Nästa dag (Alt+Höger)"))
    following.setShortcut(QKeySequence("Alt+Right"))
    today = QPushButton(QCoreApplication.translate("day_navigation", "Idag"))
    field = QDateEdit()
    field.setCalendarPopup(True)
    field.setDisplayFormat("yyyy-MM-dd")
    field.setAccessibleName(QCoreApplication.translate("day_navigation", "Dag"))
    return previous, following, today, field


def show_day_in(field: QDateEdit, day: date) -> None:
    """Puts the page's day in the field without announcing it as the user's choice."""
    field.blockSignals(True)
    field.setDate(QDate(day.year, day.month, day.day))
    field.blockSignals(False)

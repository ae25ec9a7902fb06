"""Översikt's Dataskydd lines: personal data due for gallring (leads to Inställningar, where
Gallra… shows what goes), and a warning when the database lies in a synced folder or on a
network share. Hidden when there is nothing to say."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from enhetschef_app.domain.errors import UserError
from enhetschef_app.services.core.privacy_overview import PrivacyOverview, privacy_overview
from enhetschef_app.ui.shell.context import AppContext
from enhetschef_app.ui.shell.icons import icon
from enhetschef_app.ui.shell.widgets import role_label

SETTINGS_PAGE_ID = "installningar"
HINT_GALLRING = "gallring"


class PrivacyOverviewPanel(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.overview: PrivacyOverview | None = None
        self.title = role_label(self.tr("Dataskydd"), "sectionTitle")
        self.gallring_line = QPushButton()
        self.gallring_line.setFlat(True)
        self.gallring_line.setProperty("role", "followUp")
        self.gallring_line.setObjectName("gallringLine")
        self.gallring_line.setToolTip(self.tr("Öppna Inställningar och gallra"))
        self.gallring_line.clicked.connect(
            lambda: self.context.events.open_page(SETTINGS_PAGE_ID, HINT_GALLRING)
        )
        self.location_label = role_label("", "error")
        self.location_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.title)
        layout.addWidget(self.gallring_line)
        layout.addWidget(self.location_label)

    def refresh(self, day: date) -> None:
        self.show_found(day, self.fetch(day))

    def fetch(self, day: date) -> PrivacyOverview | None:
        """The section's data, read in Översikt's worker: no widget is touched here."""
        try:
            return privacy_overview(self.context.workspace, day)
        except UserError:
            return None

    def show_found(self, day: date, overview: PrivacyOverview | None) -> None:
        self.overview = overview
        due = 0 if overview is None else overview.due_total
        warning = None if overview is None else overview.location_warning
        self.gallring_line.setVisible(due > 0)
        if due and overview is not None and overview.due is not None:
            kinds = ", ".join(
                f"{item.label.lower()} {item.count}" for item in overview.due.items if item.count
            )
            self.gallring_line.setText(
                self.tr("{0} uppgifter ska gallras ({1}) →").format(due, kinds)
            )
            self.gallring_line.setIcon(icon("varning"))
        self.location_label.setText(warning or "")
        self.location_label.setVisible(warning is not None)
        self.setVisible(due > 0 or warning is not None)

"""Which shared workbook to sync the month to: the VC's file on the network drive (remembered
from the last sync) and the sheet, with the folder checked as the EC types."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from enhetschef_app.ui.shell.widgets import role_label

DEFAULT_SHEET = "Månadsuppföljning"


class SyncDialog(QDialog):
    def __init__(
        self,
        month: str,
        workbook: Path | None,
        sheet: str | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Synka {0} till delad arbetsbok").format(month))
        self.path_edit = QLineEdit("" if workbook is None else str(workbook))
        self.path_edit.setAccessibleName(self.tr("Den delade arbetsboken"))
        self.path_edit.setMinimumWidth(420)
        self.browse_button = QPushButton(self.tr("Bläddra…"))
        self.sheet_edit = QLineEdit(sheet or "")
        self.sheet_edit.setPlaceholderText(DEFAULT_SHEET)
        self.sheet_edit.setAccessibleName(self.tr("Blad"))
        self.problem = role_label("", "error")
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)
        form = QFormLayout()
        form.addRow(self.tr("Arbetsbok:"), path_row)
        form.addRow(self.tr("Blad:"), self.sheet_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Synka"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            role_label(
                self.tr(
                    "Enhetens rad (enhet och månad) skrivs in eller uppdateras. Andra enheters "
                    "rader, verksamhetschefens kolumner och allt annat i arbetsboken lämnas som "
                    "det är. Finns arbetsboken inte skapas den från programmets mall."
                ),
                "help",
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.browse_button.clicked.connect(self.browse)
        self.path_edit.textChanged.connect(self.validate)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.validate()

    def browse(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Välj den delade arbetsboken"),
            self.path_edit.text(),
            self.tr("Excel-arbetsbok (*.xlsx)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if chosen:
            self.path_edit.setText(chosen)

    def validate(self) -> bool:
        text = self.path_edit.text().strip()
        problem = ""
        if not text:
            problem = self.tr("Ange arbetsboken (en .xlsx-fil).")
        elif not text.lower().endswith(".xlsx"):
            problem = self.tr("Arbetsboken ska vara en .xlsx-fil.")
        elif not Path(text).parent.is_dir():
            problem = self.tr("Mappen finns inte eller går inte att nå.")
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)
        return not problem

    @property
    def workbook(self) -> Path:
        return Path(self.path_edit.text().strip())

    @property
    def sheet(self) -> str | None:
        return self.sheet_edit.text().strip() or None

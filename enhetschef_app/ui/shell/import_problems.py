"""Every problem of a refused import file, in a list the EC can scroll and copy."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from enhetschef_app.domain.errors import ImportFormatError
from enhetschef_app.ui.shell.examples import example_button
from enhetschef_app.ui.shell.widgets import role_label


class ImportProblemsDialog(QDialog):
    def __init__(
        self, error: ImportFormatError, parent: QWidget | None = None, example: str | None = None
    ) -> None:
        """`example` names the shipped example file of the import, offered next to the
        problems so the EC can compare their file with a layout that is read."""
        super().__init__(parent)
        self.error = error
        self.setWindowTitle(self.tr("Filen importerades inte"))
        self.resize(820, 440)

        self.summary = role_label(error.message, "sectionTitle")
        self.summary.setWordWrap(True)
        advice = role_label(
            self.tr(
                "Rätta raderna i filen och importera den igen. Ingenting sparades från den här "
                "filen. Antal fel: {0}."
            ).format(len(error.problems)),
            "help",
        )
        self.problem_list = QPlainTextEdit()
        self.problem_list.setReadOnly(True)
        self.problem_list.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.problem_list.setAccessibleName(self.tr("Fel i filen"))
        self.problem_list.setPlainText("\n".join(p.describe() for p in error.problems))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Stäng"))
        copy = QPushButton(self.tr("Kopiera listan"))
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(self.copy_to_clipboard)
        self.example_button: QPushButton | None = None
        if example is not None:
            self.example_button = example_button(self, example)
            buttons.addButton(self.example_button, QDialogButtonBox.ButtonRole.HelpRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(advice)
        layout.addWidget(self.problem_list, 1)
        layout.addWidget(buttons)

    def problem_lines(self) -> list[str]:
        return self.problem_list.toPlainText().splitlines()

    def copy_to_clipboard(self) -> None:
        QGuiApplication.clipboard().setText(self.error.full_text())

"""Privacy warnings in every form with free text: one note under the text that says, as it is
typed, what looks like a personnummer or health details, and the question before saving such a
text. The EC decides; the app never blocks the save (docs: personuppgifter)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from enhetschef_app.domain.sensitive_text import find_identity_numbers, privacy_warnings


def warnings_for(texts: Iterable[str]) -> list[str]:
    found: list[str] = []
    for text in texts:
        for warning in privacy_warnings(text):
            if warning not in found:
                found.append(warning)
    return found


def holds_identity_number(texts: Iterable[str]) -> bool:
    return any(find_identity_numbers(text) for text in texts)


class PrivacyNote(QLabel):
    """Under a free-text field: what in the text looks like a personnummer or health details."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "error")
        self.setWordWrap(True)
        self.setVisible(False)
        self.warnings: list[str] = []

    def check(self, text: str) -> list[str]:
        return self.check_all([text])

    def check_all(self, texts: Iterable[str]) -> list[str]:
        """The warnings of several fields at once, each said once."""
        self.warnings = warnings_for(texts)
        self.setText("\n".join(self.warnings))
        self.setVisible(bool(self.warnings))
        return self.warnings


def confirm_sensitive(parent: QWidget, warnings: list[str]) -> bool:
    """Asks before saving text that looks sensitive; the EC decides."""
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("people", "Känsliga uppgifter?"),
        QCoreApplication.translate("people", "{0}\n\nSpara ändå?").format("\n".join(warnings)),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def confirm_save(parent: QWidget | None, warnings: list[str]) -> bool:
    """Asks whether to save a text that looks like it holds an identity number."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("privacy", "Känsliga uppgifter?"))
    box.setText(
        QCoreApplication.translate(
            "privacy",
            "Texten ser ut att innehålla ett personnummer eller samordningsnummer. En avvikelse "
            "ska inte peka ut en enskild person med nummer. Vill du spara ändå?",
        )
    )
    box.setInformativeText("\n".join(warnings))
    save = box.addButton(
        QCoreApplication.translate("privacy", "Spara ändå"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(
        QCoreApplication.translate("privacy", "Ändra texten"), QMessageBox.ButtonRole.RejectRole
    )
    box.exec()
    return box.clickedButton() is save


def confirm_health_words_export(parent: QWidget | None, message: str) -> bool:
    """Asks whether text that looks like it holds health details may go into a shared file."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("privacy", "Hälsouppgifter i en delad fil?"))
    box.setText(message)
    send = box.addButton(
        QCoreApplication.translate("privacy", "Skicka med texten ändå"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    box.addButton(
        QCoreApplication.translate("privacy", "Avbryt och ändra texten"),
        QMessageBox.ButtonRole.RejectRole,
    )
    box.exec()
    return box.clickedButton() is send

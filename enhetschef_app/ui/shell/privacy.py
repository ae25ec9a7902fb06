"""Privacy warnings for the avvikelse forms: shown beside the text as it is typed, and a question
before saving a text that looks like it holds a personnummer or samordningsnummer. The EC
decides; the app never blocks the save (DOMAIN.md: Privacy)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from enhetschef_app.domain.sensitive_text import find_identity_numbers, privacy_warnings
from enhetschef_app.ui.shell.widgets import role_label


def warnings_for(texts: Iterable[str]) -> list[str]:
    found: list[str] = []
    for text in texts:
        for warning in privacy_warnings(text):
            if warning not in found:
                found.append(warning)
    return found


def holds_identity_number(texts: Iterable[str]) -> bool:
    return any(find_identity_numbers(text) for text in texts)


def privacy_label() -> QLabel:
    label = role_label("", "error")
    label.setVisible(False)
    return label


def show_warnings(label: QLabel, warnings: list[str]) -> None:
    prefix = QCoreApplication.translate("privacy", "Varning:")
    label.setText("\n".join(f"{prefix} {w}" for w in warnings))
    label.setVisible(bool(warnings))


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

"""Arkiv → Anslut till förvaltningens databas…: the address of the förvaltning's PostgreSQL
database, a login, and the password kept in the operating system's keyring where there is one.

The password is never written to the program's own files: it is typed, or read from the keyring
(Windows Credential Manager, macOS Keychain, the Secret Service on Linux), and handed to the
driver. Without a keyring the password is used for this session only, and libpq's own password
file (PGPASSFILE, ~/.pgpass) or the IT department's single sign-on works as on the command line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from enhetschef_app.domain.errors import UserError
from enhetschef_app.services.core.workspace import (
    DatabaseLocation,
    Workspace,
    open_for_window,
    server_location,
)
from enhetschef_app.ui.shell.context import LAST_UNIT_KEY
from enhetschef_app.ui.shell.widgets import role_label

if TYPE_CHECKING:
    from enhetschef_app.ui.shell.worker import BackgroundTask

KEYRING_SERVICE = "Enhetschef"
LAST_SERVER_KEY = "server/address"  # the address only, never a password
DEFAULT_PORT = 5432


def keyring_usable() -> bool:
    """True when the operating system has a keyring the program may keep a password in."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return False
    try:
        backend = keyring.get_keyring()
    except Exception:  # a broken keyring set-up is no keyring, not a crash
        return False
    return not isinstance(backend, fail.Keyring) and float(getattr(backend, "priority", 0)) > 0


def saved_password(address: DatabaseLocation) -> str | None:
    if not keyring_usable():
        return None
    import keyring

    try:
        found: str | None = keyring.get_password(KEYRING_SERVICE, str(address))
    except Exception:  # a locked or unreachable keyring: ask for the password instead
        return None
    return found


def save_password(address: DatabaseLocation, password: str) -> bool:
    if not keyring_usable():
        return False
    import keyring

    try:
        keyring.set_password(KEYRING_SERVICE, str(address), password)
    except Exception:
        return False
    return True


class ServerConnectDialog(QDialog):
    """Connects in the worker; on success `workspace` is the opened database. A refused login
    or an unreachable server is said in the dialog, which stays open with what was typed."""

    def __init__(
        self,
        settings: QSettings,
        parent: QWidget | None = None,
        *,
        address: DatabaseLocation | None = None,
        problem: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.workspace: Workspace | None = None
        self.task: BackgroundTask[Workspace] | None = None
        self.setWindowTitle(self.tr("Anslut till förvaltningens databas"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        layout.addWidget(
            role_label(
                self.tr(
                    "Förvaltningens gemensamma databas ligger på en PostgreSQL-server. Uppgifterna "
                    "får du av IT. Du ser bara de enheter du har behörighet till."
                ),
                "help",
            )
        )
        form = QFormLayout()
        self.host_edit = QLineEdit()
        self.host_edit.setAccessibleName(self.tr("Server"))
        self.port_box = QSpinBox()
        self.port_box.setRange(1, 65535)
        self.port_box.setValue(DEFAULT_PORT)
        self.port_box.setAccessibleName(self.tr("Port"))
        self.database_edit = QLineEdit()
        self.database_edit.setAccessibleName(self.tr("Databas"))
        self.user_edit = QLineEdit()
        self.user_edit.setAccessibleName(self.tr("Användarnamn"))
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setAccessibleName(self.tr("Lösenord"))
        self.password_edit.setPlaceholderText(self.tr("tomt: lösenordsfilen eller inloggningen"))
        form.addRow(self.tr("Server *"), self.host_edit)
        form.addRow(self.tr("Port"), self.port_box)
        form.addRow(self.tr("Databas *"), self.database_edit)
        form.addRow(self.tr("Användarnamn *"), self.user_edit)
        form.addRow(self.tr("Lösenord"), self.password_edit)
        layout.addLayout(form)
        self.remember_box = QCheckBox(self.tr("Spara lösenordet i datorns nyckelring"))
        usable = keyring_usable()
        self.remember_box.setChecked(usable)
        self.remember_box.setEnabled(usable)
        if not usable:
            self.remember_box.setToolTip(
                self.tr(
                    "Datorn har ingen nyckelring som programmet kan använda: lösenordet gäller "
                    "bara den här gången. Be IT om en lösenordsfil (pgpass) eller inloggning "
                    "med Windows-kontot."
                )
            )
        layout.addWidget(self.remember_box)
        self.problem_label = role_label("", "error")
        self.problem_label.setWordWrap(True)
        self.problem_label.setVisible(False)
        layout.addWidget(self.problem_label)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.connect_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.connect_button.setText(self.tr("Anslut"))
        self.buttons.accepted.connect(self.connect_to_server)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._fill(address or str(settings.value(LAST_SERVER_KEY, "") or ""))
        if problem:
            self.show_problem(problem)

    def _fill(self, address: DatabaseLocation | str) -> None:
        if not str(address):
            return
        parts = urlsplit(str(address))
        self.host_edit.setText(parts.hostname or "")
        if parts.port:
            self.port_box.setValue(parts.port)
        self.database_edit.setText(unquote(parts.path.lstrip("/")))
        self.user_edit.setText(unquote(parts.username or ""))

    def show_problem(self, text: str) -> None:
        self.problem_label.setText(text)
        self.problem_label.setVisible(True)

    def address(self) -> DatabaseLocation:
        return server_location(
            self.host_edit.text(),
            self.port_box.value(),
            self.database_edit.text(),
            self.user_edit.text(),
        )

    def connect_to_server(self) -> None:
        from enhetschef_app.ui.shell.worker import run_in_background

        try:
            address = self.address()
        except UserError as exc:
            self.show_problem(exc.message)
            return
        typed = self.password_edit.text()
        remembered = str(self.settings.value(LAST_UNIT_KEY, "") or "")
        password = typed or saved_password(address)
        self.problem_label.setVisible(False)
        self.connect_button.setEnabled(False)
        self.connect_button.setText(self.tr("Ansluter…"))

        def opened(workspace: Workspace) -> None:
            self.workspace = workspace
            self.settings.setValue(LAST_SERVER_KEY, str(address))
            if typed and self.remember_box.isChecked():
                save_password(address, typed)
            self.accept()

        def refused(error: BaseException) -> None:
            self._ready()
            if isinstance(error, UserError):
                self.show_problem(error.message)
            else:
                from enhetschef_app.ui.shell.errors import show_error

                show_error(self, error)

        self.task = run_in_background(
            self,
            lambda: open_for_window(address, None, remembered, password),
            opened,
            on_error=refused,
        )

    def _ready(self) -> None:
        self.connect_button.setEnabled(True)
        self.connect_button.setText(self.tr("Anslut"))

"""Arkiv → Anslut till förvaltningens databas…, against the session's real PostgreSQL server:
a login with a password typed once and kept in the keyring, a wrong password said in the form
that stays open, and the window that then works on the server's database.

The operating system's keyring is stood in for by a keyring backend that keeps its passwords in
memory (the test machine has no Secret Service); libpq's password file is taken away, so the
only way in is the password the form hands over.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from page_loading import wait_loaded
from postgres_server import PostgresServer
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from enhetschef_app.services.core.workspace import ensure_unit, open_workspace, server_location
from enhetschef_app.ui.core.server_connect import KEYRING_SERVICE, ServerConnectDialog
from enhetschef_app.ui.shell.context import AppContext
from enhetschef_app.ui.shell.main_window import MainWindow


class MemoryKeyring(KeyringBackend):
    priority = 1

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.passwords.pop((service, username), None)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    before = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(before)


@pytest.fixture
def login(
    postgres_server: PostgresServer,
    postgres_head_template: str,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> Iterator[tuple[str, str, str]]:
    """A login with a password of its own on a database at the newest schema with one unit;
    libpq has no password file to fall back on."""
    user = f"ec_{secrets.token_hex(4)}"
    password = secrets.token_urlsafe(12)
    name = postgres_server.create_database(template=postgres_head_template)
    ws = open_workspace(postgres_server.url(name))
    ensure_unit(ws, "HT-NORR", "Hemtjänst Norr")
    ws.close()
    with postgres_server.connect(autocommit=True) as connection:
        # The connection is what is tested here, not access by unit (test_postgres_access).
        connection.execute(f"CREATE ROLE {user} LOGIN SUPERUSER PASSWORD '{password}'")
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "ingen-losenordsfil"))
    monkeypatch.setenv("HOME", str(tmp_path))
    yield user, password, name
    postgres_server.drop_database(name)
    with postgres_server.connect(autocommit=True) as connection:
        connection.execute(f"DROP ROLE IF EXISTS {user}")


def fill(dialog: ServerConnectDialog, server: PostgresServer, user: str, database: str) -> None:
    dialog.host_edit.setText(server.host)
    dialog.port_box.setValue(server.port)
    dialog.database_edit.setText(database)
    dialog.user_edit.setText(user)


def connect(qtbot: QtBot, dialog: ServerConnectDialog) -> None:
    dialog.connect_button.click()
    qtbot.waitUntil(lambda: dialog.connect_button.isEnabled() or dialog.workspace is not None)


def test_a_typed_password_connects_and_is_kept_in_the_keyring_not_in_files(
    qtbot: QtBot,
    postgres_server: PostgresServer,
    login: tuple[str, str, str],
    memory_keyring: MemoryKeyring,
    tmp_path: Path,
) -> None:
    user, password, database = login
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    dialog = ServerConnectDialog(settings)
    qtbot.addWidget(dialog)
    fill(dialog, postgres_server, user, database)
    dialog.password_edit.setText(password)
    assert dialog.remember_box.isEnabled() and dialog.remember_box.isChecked()

    connect(qtbot, dialog)

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.workspace is not None and dialog.workspace.on_server
    assert dialog.workspace.unit is not None and dialog.workspace.unit.code == "HT-NORR"
    dialog.workspace.close()
    address = str(server_location(postgres_server.host, postgres_server.port, database, user))
    assert memory_keyring.passwords == {(KEYRING_SERVICE, address): password}
    settings.sync()
    saved = (tmp_path / "ui.ini").read_text(encoding="utf-8")
    assert database in saved and password not in saved

    # The next time the form is filled from what was remembered, and the keyring gives the
    # password: nothing to type.
    again = ServerConnectDialog(settings)
    qtbot.addWidget(again)
    assert again.host_edit.text() == postgres_server.host
    assert again.user_edit.text() == user and again.database_edit.text() == database
    connect(qtbot, again)
    assert again.workspace is not None
    again.workspace.close()


def test_a_wrong_password_is_said_in_the_form_which_stays_open_with_what_was_typed(
    qtbot: QtBot,
    postgres_server: PostgresServer,
    login: tuple[str, str, str],
    memory_keyring: MemoryKeyring,
    tmp_path: Path,
) -> None:
    user, password, database = login
    dialog = ServerConnectDialog(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(dialog)
    dialog.show()
    fill(dialog, postgres_server, user, database)
    dialog.password_edit.setText(password + "x")

    connect(qtbot, dialog)

    assert dialog.isVisible() and dialog.workspace is None
    assert dialog.problem_label.isVisible()
    assert "inloggning" in dialog.problem_label.text().lower()
    assert dialog.user_edit.text() == user and dialog.database_edit.text() == database
    assert memory_keyring.passwords == {}

    dialog.password_edit.setText(password)  # retry works
    connect(qtbot, dialog)
    assert dialog.workspace is not None
    dialog.workspace.close()


def test_the_window_works_on_the_servers_database_after_connecting(
    qtbot: QtBot,
    postgres_server: PostgresServer,
    login: tuple[str, str, str],
    memory_keyring: MemoryKeyring,
    workspace: object,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    user, password, database = login
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    first = MainWindow(AppContext(workspace, settings))  # type: ignore[arg-type]
    qtbot.addWidget(first)
    first.show()
    assert first.connect_action.text() == "Anslut till förvaltningens databas…"

    def filled_and_accepted(dialog: ServerConnectDialog) -> int:
        fill(dialog, postgres_server, user, database)
        dialog.password_edit.setText(password)
        connect(qtbot, dialog)
        return int(dialog.result())

    monkeypatch.setattr(ServerConnectDialog, "exec", filled_and_accepted)
    window = first.connect_to_server()

    assert window is not None
    qtbot.addWidget(window)
    assert not first.isVisible() and window.isVisible()
    assert window.database_label.text() == f"Databas: {database} på {postgres_server.host}"
    assert not window.backup_action.isEnabled()
    for row, page in enumerate(window.pages):
        window.show_page(row)
        wait_loaded(qtbot, page)
    window.close()
    assert window.owned_workspace is None

"""Copies of the database that the EC takes herself (Arkiv → Säkerhetskopiera databasen)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from enhetschef_app.domain.errors import UserError
from enhetschef_app.paths import backup_dir_for
from enhetschef_app.services.core.workspace import Workspace
from enhetschef_app.storage.database import backup_database


def back_up_now(workspace: Workspace, reason: str = "manuell") -> Path:
    """A consistent copy beside the database (in backups/, the oldest rotated away); `reason`
    names the copy ("manuell", "import")."""
    try:
        return backup_database(workspace.path, reason)
    except (OSError, sqlite3.Error) as exc:
        raise UserError(
            f"Säkerhetskopian kunde inte sparas i mappen {backup_dir_for(workspace.path)}: "
            f"{exc}. Kontrollera att det finns plats och att du får skriva där."
        ) from exc

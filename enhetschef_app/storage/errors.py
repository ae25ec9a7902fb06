"""Why a database file was refused. Each message says what to do and that nothing was changed."""

from __future__ import annotations

from pathlib import Path

from enhetschef_app.domain.errors import UserError


class DatabaseRefused(UserError):
    def __init__(self, path: Path, message: str) -> None:
        super().__init__(message)
        self.path = path


class NewerDatabaseError(DatabaseRefused):
    def __init__(self, path: Path, revision: str) -> None:
        super().__init__(
            path,
            f"Databasen {path} är skapad av en nyare version av Enhetschef "
            f"(schemaversion {revision}). Uppdatera programmet. Filen har inte ändrats.",
        )
        self.revision = revision


class CorruptDatabaseError(DatabaseRefused):
    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(
            path,
            f"Filen {path} går inte att öppna som Enhetschef-databas: {detail}. "
            "Filen har inte ändrats. Välj en annan fil eller återställ en säkerhetskopia.",
        )


class ForeignDatabaseError(DatabaseRefused):
    def __init__(self, path: Path) -> None:
        super().__init__(
            path,
            f"Filen {path} är en SQLite-databas men inte en Enhetschef-databas. "
            "Filen har inte ändrats. Välj en annan fil.",
        )

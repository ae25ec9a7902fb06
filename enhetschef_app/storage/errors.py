"""Why a database file was refused. Each message says what to do and that nothing was changed."""

from __future__ import annotations

from pathlib import Path

from enhetschef_app.domain.errors import BusyError, UserError
from enhetschef_app.storage.location import DatabaseLocation, ServerAddress


class DatabaseRefused(UserError):
    def __init__(self, path: DatabaseLocation, message: str) -> None:
        super().__init__(message)
        self.path = path


def _unchanged(location: DatabaseLocation) -> str:
    return (
        "Databasen har inte ändrats."
        if isinstance(location, ServerAddress)
        else ("Filen har inte ändrats.")
    )


class NewerDatabaseError(DatabaseRefused):
    def __init__(self, path: DatabaseLocation, revision: str) -> None:
        super().__init__(
            path,
            f"Databasen {path} är skapad av en nyare version av Enhetschef "
            f"(schemaversion {revision}). Uppdatera programmet. {_unchanged(path)}",
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
    def __init__(self, path: DatabaseLocation) -> None:
        if isinstance(path, ServerAddress):
            message = (
                f"Databasen {path} har redan tabeller men är inte en Enhetschef-databas. "
                "Databasen har inte ändrats. Be IT om en tom databas för Enhetschef."
            )
        else:
            message = (
                f"Filen {path} är en SQLite-databas men inte en Enhetschef-databas. "
                "Filen har inte ändrats. Välj en annan fil."
            )
        super().__init__(path, message)


class EmptyServerDatabaseError(DatabaseRefused):
    def __init__(self, address: ServerAddress) -> None:
        super().__init__(
            address,
            f"Databasen {address} är tom: den har ingen enhet än. Importera en personallista "
            "eller skapa en demoenhet först.",
        )


class ServerDriverMissingError(UserError):
    def __init__(self) -> None:
        super().__init__(
            "Den här installationen av Enhetschef kan inte ansluta till en PostgreSQL-server: "
            "drivrutinen psycopg saknas. Installera enhetschef[server] eller använd "
            "installationsprogrammet, som har den med."
        )


class ServerUnreachableError(UserError):
    def __init__(self, address: ServerAddress, detail: str) -> None:
        super().__init__(
            f"Databasservern för {address} går inte att nå ({detail}). Inget har ändrats. "
            "Kontrollera nätverket och adressen och försök igen, eller be IT om hjälp."
        )


class ServerLoginRefusedError(UserError):
    def __init__(self, address: ServerAddress) -> None:
        super().__init__(
            f"Databasservern nekade inloggningen för {address}. Kontrollera användarnamnet och "
            "lösenordet i lösenordsfilen (~/.pgpass eller den fil som PGPASSFILE anger), "
            "eller be IT om behörighet."
        )


class ServerConnectionLostError(UserError):
    """The connection broke in the middle of a unit of work: the server rolled it back."""

    def __init__(self, address: ServerAddress) -> None:
        super().__init__(
            f"Anslutningen till databasservern för {address} bröts innan ändringen var sparad, "
            "så inget av den har sparats. Försök igen: programmet ansluter på nytt. Om det "
            "händer igen, kontrollera nätverket eller be IT om hjälp."
        )


class ServerPermissionError(UserError):
    """The login may not do this on the server (a missing privilege, not a policy)."""

    def __init__(self, address: ServerAddress) -> None:
        super().__init__(
            f"Inloggningen saknar behörighet till det här i databasen {address}, så inget har "
            "ändrats. Behörigheten gäller per enhet, och en verksamhetschef får bara skriva sin "
            "egen kommentar. Kör kommandot som databasens ägare, eller be IT om behörighet."
        )


class DatabaseBusyError(BusyError):
    """Another program holds the write lock past the busy timeout."""

    def __init__(self, path: DatabaseLocation | None) -> None:
        where = f" ({path})" if path else ""
        super().__init__(
            f"Databasen används av ett annat program just nu{where}. Inget har ändrats. "
            "Vänta en stund och försök igen; stäng Enhetschef på en annan dator om den har "
            "samma fil öppen."
        )


class DatabaseReadOnlyError(UserError):
    def __init__(self, path: Path | None) -> None:
        where = f"Databasen {path}" if path else "Databasen"
        super().__init__(
            f"{where} är skrivskyddad eller ligger i en mapp där du inte får skriva, så det "
            "som skulle sparas har inte sparats. Att läsa går bra. Ta bort skrivskyddet, "
            "flytta filen till en mapp där du får skriva, eller be IT om behörighet."
        )


class DiskFullError(UserError):
    def __init__(self, path: Path | None) -> None:
        where = f" där databasen {path} ligger" if path else " där databasen ligger"
        super().__init__(
            f"Disken{where} är full, så det som skulle sparas har inte sparats. Databasen är "
            "oskadd. Frigör utrymme (eller be IT om mer) och försök igen."
        )


class DatabaseUnreachableError(UserError):
    def __init__(self, path: Path | None) -> None:
        where = f"Databasen {path}" if path else "Databasen"
        super().__init__(
            f"{where} går inte att nå längre: filen har flyttats eller tagits bort, eller "
            "nätverksenheten den ligger på har kopplats från. Det som skulle sparas har inte "
            "sparats. Anslut enheten igen (eller be IT om hjälp) och starta om programmet."
        )


class DatabaseDamagedError(UserError):
    def __init__(self, path: Path | None) -> None:
        where = f"Databasen {path}" if path else "Databasen"
        super().__init__(
            f"{where} visade sig vara skadad medan den användes, och inget mer har skrivits i "
            "den. Återställ den senaste säkerhetskopian (mappen backups bredvid databasen) "
            "eller be IT om hjälp."
        )

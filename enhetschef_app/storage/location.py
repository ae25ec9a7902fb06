"""Where the database is: a SQLite file (a `Path`) or a database on a PostgreSQL server (a
`ServerAddress`). What `--db` says is read here, once, so that an address never becomes a path:
`Path("postgresql+psycopg://…")` is a relative path, and opening it would make folders named
after the address in whatever folder the program was started from.

Only the standard library is used: the command line reads `--db` before SQLAlchemy is loaded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

from enhetschef_app.domain.errors import UserError

DRIVER_SCHEME = "postgresql+psycopg"
# What people write for PostgreSQL; each means the one driver the program ships.
_POSTGRES_SCHEMES = {"postgresql", "postgres", "postgresql+psycopg", "postgresql+psycopg3"}
# A scheme followed by "://": Windows drive letters ("C:\\…", "C:/…") have no double slash.
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*://")


@dataclass(frozen=True)
class ServerAddress:
    """A database on a PostgreSQL server, as SQLAlchemy's URL with psycopg as the driver. It
    holds no password: libpq reads it from PGPASSFILE or ~/.pgpass (or uses GSSAPI)."""

    url: str

    def __str__(self) -> str:
        return self.url

    @property
    def database(self) -> str:
        return urlsplit(self.url).path.lstrip("/")


DatabaseLocation = Path | ServerAddress


def is_server_address(text: str) -> bool:
    return bool(_URL.match(text.strip()))


def parse_location(text: str) -> DatabaseLocation:
    """`--db` as a location: an address with a scheme is a server's, anything else a file."""
    if not is_server_address(text):
        return Path(text)
    return server_address(text.strip())


def server_address(text: str) -> ServerAddress:
    parts = urlsplit(text)
    scheme = parts.scheme.lower()
    if scheme not in _POSTGRES_SCHEMES:
        raise UserError(
            f"Databasadressen börjar med '{parts.scheme}://', som Enhetschef inte kan ansluta "
            "till. Ange en PostgreSQL-databas (postgresql://användare@server/databas) eller en "
            "databasfil."
        )
    query_keys = {key.lower() for key, _ in parse_qsl(parts.query, keep_blank_values=True)}
    if parts.password is not None or "password" in query_keys:
        # Shown by `ps` to every user of the machine, kept in shell histories and scripts.
        raise UserError(
            "Lösenordet får inte stå i databasadressen: den syns för andra på datorn och "
            "sparas i kommandohistoriken. Skriv lösenordet i lösenordsfilen (~/.pgpass, eller "
            "den fil som PGPASSFILE anger, läsbar bara av dig) och ange adressen utan lösenord, "
            "till exempel postgresql://användare@server/databas."
        )
    if not parts.path.strip("/"):
        raise UserError(
            "Databasadressen saknar databasens namn: ange den sist, till exempel "
            "postgresql://användare@server/databas."
        )
    return ServerAddress(f"{DRIVER_SCHEME}://{text.split('://', 1)[1]}")

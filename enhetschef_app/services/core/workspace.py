"""The open database and the unit being worked on: what every use case runs against.

Front ends hold a `Workspace` and pass it to service functions; they never see the engine or a
session. Each service function opens its own unit of work (`workspace.transaction()`), so a
worker thread can call services with the same workspace as the UI thread.
"""

from __future__ import annotations

import contextlib
import functools
import getpass
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Concatenate, ParamSpec, TypeVar

from enhetschef_app.domain.errors import NotFoundError, UserError
from enhetschef_app.storage.database import Database, open_database
from enhetschef_app.storage.location import DatabaseLocation as DatabaseLocation
from enhetschef_app.storage.location import ServerAddress, server_address
from enhetschef_app.storage.models import Unit
from enhetschef_app.storage.queries.units import all_units, unit_by_code
from enhetschef_app.storage.session import Session
from enhetschef_app.storage.unit_of_work import UnitOfWork, joined_or_new

P = ParamSpec("P")
R = TypeVar("R")


def use_case(
    call: Callable[Concatenate[Workspace, P], R],
) -> Callable[Concatenate[Workspace, P], R]:
    """A service function that is one use case: everything it does, and every service function
    it calls, runs in one unit of work and commits once (or not at all)."""

    @functools.wraps(call)
    def run(workspace: Workspace, /, *args: P.args, **kwargs: P.kwargs) -> R:
        with workspace.unit_of_work():
            return call(workspace, *args, **kwargs)

    run.__dict__[USE_CASE_MARK] = True
    return run


# Set on the functions `use_case` made; a test finds the public service functions without it.
USE_CASE_MARK = "is_use_case"


@dataclass(frozen=True)
class UnitRef:
    id: int
    code: str
    name: str


@dataclass
class Workspace:
    database: Database
    unit: UnitRef | None
    actor: str

    @property
    def path(self) -> Path:
        """The database file; a server database has none (UserError)."""
        return self.database.path

    @property
    def location(self) -> DatabaseLocation:
        return self.database.location

    @property
    def on_server(self) -> bool:
        return self.database.on_server

    @property
    def database_name(self) -> str:
        """The file's name, or the database's name on its server."""
        location = self.database.location
        return location.database if isinstance(location, ServerAddress) else location.name

    @property
    def revision(self) -> str:
        return self.database.revision

    @property
    def backup_taken(self) -> Path | None:
        return self.database.backup

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Session]:
        """The session of the use case's unit of work: inside one already open in this thread
        (a use case calling another), the same session and the same transaction."""
        with self.unit_of_work() as uow:
            yield uow.session

    def unit_of_work(self) -> contextlib.AbstractContextManager[UnitOfWork]:
        """The use case's unit of work: joins the one open in this thread for the same unit,
        else opens one transaction that commits when the block ends."""
        unit_id = self.unit.id if self.unit is not None else None
        return joined_or_new(self.database.transaction(), self.actor, unit_id, self.database)

    def require_unit(self) -> UnitRef:
        if self.unit is None:
            raise UserError(
                "Databasen har ingen enhet än. Importera en personallista eller skapa en "
                "demoenhet först."
            )
        return self.unit

    def with_unit(self, unit: UnitRef) -> Workspace:
        return Workspace(database=self.database, unit=unit, actor=self.actor)

    def close(self) -> None:
        self.database.close()


def current_user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "okänd"


def _ref(unit: Unit) -> UnitRef:
    return UnitRef(id=unit.id, code=unit.code, name=unit.name)


def open_workspace(
    path: DatabaseLocation | str,
    unit_code: str | None = None,
    *,
    create: bool = True,
    choose_unit: bool = True,
    password: str | None = None,
) -> Workspace:
    """Opens the database and chooses the unit: the named one, or the only one there is.

    With `choose_unit=False` a database of several units opens with no unit chosen (for
    commands that describe the whole file).
    """
    database = open_database(path, create=create, password=password)
    try:
        unit = resolve_unit(database, unit_code, several_allowed=not choose_unit)
    except UserError:
        database.close()
        raise
    return Workspace(database=database, unit=unit, actor=current_user())


def resolve_unit(
    database: Database, unit_code: str | None, *, several_allowed: bool = False
) -> UnitRef | None:
    with database.transaction() as session:
        if unit_code is not None:
            found = unit_by_code(session, unit_code)
            if found is None:
                raise NotFoundError(
                    f"Enheten {unit_code} finns inte i databasen {database.location}."
                )
            return _ref(found)
        units = all_units(session)
        if not units:
            return None
        if len(units) > 1:
            if several_allowed:
                return None
            codes = ", ".join(u.code for u in units)
            raise UserError(f"Databasen har flera enheter ({codes}). Ange vilken med --unit KOD.")
        return _ref(units[0])


@use_case
def list_units(workspace: Workspace) -> list[UnitRef]:
    with workspace.transaction() as session:
        return [_ref(u) for u in all_units(session)]


@use_case
def ensure_unit(workspace: Workspace, code: str, name: str | None = None) -> UnitRef:
    """The unit with this code, created (and written to the audit log) if it is new. A new
    code must pass `normalise_unit_code`: it becomes part of file names."""
    with workspace.transaction() as session:
        return ensure_unit_in(session, workspace.actor, code, name)


def ensure_unit_in(session: Session, actor: str, code: str, name: str | None = None) -> UnitRef:
    """`ensure_unit` inside the caller's unit of work, for a use case that creates the unit
    and fills it all or nothing."""
    from enhetschef_app.domain.file_names import normalise_unit_code
    from enhetschef_app.storage import audit

    found = unit_by_code(session, code.strip().upper())
    if found is not None:
        return _ref(found)
    code = normalise_unit_code(code)
    unit = Unit(code=code, name=name or code)
    session.add(unit)
    session.flush()
    audit.record(
        session,
        actor=actor,
        action="skapa_enhet",
        entity="enhet",
        entity_id=unit.id,
        unit_id=unit.id,
        after={"code": unit.code, "name": unit.name},
    )
    return _ref(unit)


def server_location(host: str, port: int, database: str, user: str) -> ServerAddress:
    """The address of a database on a PostgreSQL server from its parts, as the window's
    connection form gives them (names with @, / or spaces quoted)."""
    from urllib.parse import quote

    host, database, user = host.strip(), database.strip(), user.strip()
    if not host or not database or not user:
        raise UserError("Ange server, databas och användarnamn.")
    if not 0 < port < 65536:
        raise UserError(f"Porten {port} finns inte: ange ett tal mellan 1 och 65535 (oftast 5432).")
    return server_address(
        f"postgresql://{quote(user, safe='')}@{host}:{port}/{quote(database, safe='')}"
    )


def open_for_window(
    location: DatabaseLocation | str,
    unit_code: str | None,
    remembered: str,
    password: str | None = None,
) -> Workspace:
    """Opens (creating or upgrading) the database for the window and chooses the unit: the one
    asked for, else the one used last, else the first."""
    workspace = open_workspace(location, unit_code, choose_unit=False, password=password)
    if workspace.unit is not None or unit_code is not None:
        return workspace
    units = list_units(workspace)
    if not units:
        return workspace
    chosen = next((u for u in units if u.code == remembered), units[0])
    return workspace.with_unit(chosen)

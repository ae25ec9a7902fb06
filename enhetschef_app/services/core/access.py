"""Who may use which unit on a förvaltning's server database (`enhetschef admin …`): the
server enforces it with row-level security (migration 0011); these use cases keep the logins,
their group roles and the membership rows in step. They run as the database's owner."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from enhetschef_app.domain.errors import NotFoundError, UserError
from enhetschef_app.domain.identifiers import normalise_identifier
from enhetschef_app.services.core.workspace import Workspace, use_case
from enhetschef_app.storage import audit
from enhetschef_app.storage.access import (
    GROUP_ROLES,
    Membership,
    create_login,
    current_login,
    group_roles_present,
    login_exists,
    may_administer,
    memberships,
    remove_memberships,
    set_memberships,
    sync_group_roles,
    tables_with_row_security,
    units_by_code,
)
from enhetschef_app.storage.location import DatabaseLocation, ServerAddress
from enhetschef_app.storage.session import Session

__all__ = [
    "AccessState",
    "Membership",
    "access_state",
    "grant_access",
    "list_members",
    "require_server",
    "revoke_access",
]

ROLES = tuple(GROUP_ROLES)  # "ec", "vc"
MAX_NAME = 63  # PostgreSQL's longest role name, in bytes


@dataclass(frozen=True)
class AccessState:
    login: str
    group_roles: list[str]
    protected_tables: int


def require_server(location: DatabaseLocation) -> None:
    if not isinstance(location, ServerAddress):
        raise UserError(
            "Behörigheter finns bara på en serverdatabas (PostgreSQL): en databasfil skyddas "
            "av filens egna rättigheter. Ange serverns adress med --db."
        )


def _check_login_name(user: str) -> str:
    name = user.strip()
    reserved = {*GROUP_ROLES.values(), "public"}
    if (
        not name
        or len(name.encode()) > MAX_NAME
        or not name.isprintable()
        or name.lower().startswith("pg_")
        or name.lower() in reserved
    ):
        raise UserError(
            f"'{user}' kan inte vara en inloggning: ange ett användarnamn på högst {MAX_NAME} "
            "tecken som inte börjar med pg_ och inte är en av programmets grupproller."
        )
    return name


def _check_administrator(session: Session) -> None:
    if not may_administer(session):
        raise UserError(
            f"Inloggningen {current_login(session)} får inte ändra behörigheter: kör "
            "admin-kommandona som databasens ägare (den roll som skapade tabellerna), med rätt "
            "att skapa roller (CREATEROLE)."
        )


def _unit_ids(session: Session, codes: Sequence[str]) -> dict[str, int]:
    wanted = [normalise_identifier(code).upper() for code in codes if code.strip()]
    if not wanted:
        raise UserError("Ange minst en enhetskod med --units.")
    found = units_by_code(session, wanted)
    unknown = [code for code in wanted if code not in found]
    if unknown:
        raise NotFoundError(
            f"Enheten {', '.join(unknown)} finns inte i databasen."
            if len(unknown) == 1
            else f"Enheterna {', '.join(unknown)} finns inte i databasen."
        )
    return found


@use_case
def access_state(workspace: Workspace) -> AccessState:
    """What `admin init` reports after the migration: the group roles and how many tables
    the server protects by unit."""
    require_server(workspace.location)
    with workspace.transaction() as session:
        _check_administrator(session)
        roles = group_roles_present(session)
        missing = sorted(set(GROUP_ROLES.values()) - set(roles))
        if missing:
            raise UserError(
                f"Grupprollerna {', '.join(missing)} saknas på servern: kontrollera att ägaren "
                "får skapa roller (CREATEROLE)."
            )
        return AccessState(
            login=current_login(session),
            group_roles=roles,
            protected_tables=len(tables_with_row_security(session)),
        )


@use_case
def grant_access(workspace: Workspace, user: str, codes: Sequence[str], role: str) -> bool:
    """Makes `user` the EC or VC of the units; returns whether the login was created (then
    without a password: IT sets it)."""
    require_server(workspace.location)
    if role not in ROLES:
        raise UserError(f"Rollen '{role}' finns inte: ange ec eller vc.")
    name = _check_login_name(user)
    with workspace.transaction() as session:
        _check_administrator(session)
        units = _unit_ids(session, codes)
        created = not login_exists(session, name)
        if created:
            create_login(session, name)
        set_memberships(session, name, sorted(units.values()), role)
        sync_group_roles(session, name)
        for code, unit_id in sorted(units.items()):
            audit.record(
                session,
                actor=workspace.actor,
                action="ge_behorighet",
                entity="behorighet",
                entity_id=name,
                unit_id=unit_id,
                after={"inloggning": name, "enhet": code, "roll": role},
            )
        return created


@use_case
def revoke_access(workspace: Workspace, user: str, codes: Sequence[str]) -> int:
    """Ends `user`'s memberships of the units; returns how many there were. The login itself
    stays (it is IT's, and may be a member elsewhere)."""
    require_server(workspace.location)
    name = _check_login_name(user)
    with workspace.transaction() as session:
        _check_administrator(session)
        units = _unit_ids(session, codes)
        removed = remove_memberships(session, name, sorted(units.values()))
        if login_exists(session, name):
            sync_group_roles(session, name)
        for code, unit_id in sorted(units.items()):
            audit.record(
                session,
                actor=workspace.actor,
                action="ta_bort_behorighet",
                entity="behorighet",
                entity_id=name,
                unit_id=unit_id,
                before={"inloggning": name, "enhet": code},
            )
        return removed


@use_case
def list_members(workspace: Workspace) -> list[Membership]:
    require_server(workspace.location)
    with workspace.transaction() as session:
        return memberships(session)

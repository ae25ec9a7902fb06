"""Logins and their units on a PostgreSQL server: the LOGIN roles, their membership of the
group roles that migration 0011 gives the table privileges, and the `unit_members` rows its
policies read. Run as the owner (the role that migrates): it alone may change them."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, func, select, text
from sqlalchemy.orm import Session

from enhetschef_app.storage.models import Unit
from enhetschef_app.storage.models_access import UnitMember

# The group role of each membership kind (migration 0011 creates them).
GROUP_ROLES = {"ec": "enhetschef_ec", "vc": "enhetschef_vc"}


@dataclass(frozen=True)
class Membership:
    user: str
    unit_code: str
    role: str


def _quoted(session: Session, name: str) -> str:
    # Role names cannot be bound as parameters in CREATE ROLE or GRANT: always quoted, so
    # that a name is taken exactly as given (case included) and never read as SQL.
    return session.get_bind().dialect.identifier_preparer.quote_identifier(name)


def group_roles_present(session: Session) -> list[str]:
    rows = session.execute(
        text("SELECT rolname FROM pg_roles WHERE rolname = ANY(:names) ORDER BY rolname"),
        {"names": list(GROUP_ROLES.values())},
    )
    return [row[0] for row in rows]


def tables_with_row_security(session: Session) -> set[str]:
    rows = session.execute(
        text(
            "SELECT relname FROM pg_class WHERE relkind = 'r' AND relrowsecurity "
            "AND relnamespace = current_schema()::regnamespace"
        )
    )
    return {row[0] for row in rows}


def current_login(session: Session) -> str:
    return str(session.execute(text("SELECT current_user")).scalar_one())


def login_exists(session: Session, user: str) -> bool:
    found = session.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :name"), {"name": user})
    return found.first() is not None


def create_login(session: Session, user: str) -> None:
    """A LOGIN role without a password: IT sets one (or GSSAPI) outside the program, so that
    no password passes through the program's arguments, files or logs."""
    session.execute(text(f"CREATE ROLE {_quoted(session, user)} LOGIN"))


def units_by_code(session: Session, codes: list[str]) -> dict[str, int]:
    rows = session.execute(select(Unit.code, Unit.id).where(Unit.code.in_(codes)))
    return {code: unit_id for code, unit_id in rows}


def set_memberships(session: Session, user: str, unit_ids: list[int], role: str) -> None:
    """`user` becomes `role` of each unit; a membership already there takes the new role."""
    for unit_id in unit_ids:
        member = session.get(UnitMember, (user, unit_id))
        if member is None:
            session.add(UnitMember(user_name=user, unit_id=unit_id, role=role))
        else:
            member.role = role
    session.flush()


def remove_memberships(session: Session, user: str, unit_ids: list[int]) -> int:
    done = session.execute(
        delete(UnitMember).where(UnitMember.user_name == user, UnitMember.unit_id.in_(unit_ids))
    )
    session.flush()
    return int(getattr(done, "rowcount", 0) or 0)


def sync_group_roles(session: Session, user: str) -> None:
    """The login is in a group role exactly while it has a membership of that kind: the group
    gives the table privileges, the memberships which rows."""
    kinds = set(session.scalars(select(UnitMember.role).where(UnitMember.user_name == user)).all())
    name = _quoted(session, user)
    for kind, group in GROUP_ROLES.items():
        if kind in kinds:
            session.execute(text(f"GRANT {group} TO {name}"))
        elif _is_member(session, user, group):
            session.execute(text(f"REVOKE {group} FROM {name}"))


def _is_member(session: Session, user: str, group: str) -> bool:
    found = session.execute(
        text(
            "SELECT 1 FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.member "
            "JOIN pg_roles g ON g.oid = m.roleid WHERE r.rolname = :user AND g.rolname = :group"
        ),
        {"user": user, "group": group},
    )
    return found.first() is not None


def memberships(session: Session) -> list[Membership]:
    rows = session.execute(
        select(UnitMember.user_name, Unit.code, UnitMember.role)
        .join(Unit, Unit.id == UnitMember.unit_id)
        .order_by(UnitMember.user_name, Unit.code)
    )
    return [Membership(user, code, role) for user, code, role in rows]


def may_administer(session: Session) -> bool:
    """Whether this login may change memberships and make logins: the owner's rights on
    unit_members and the right to create roles."""
    allowed = session.execute(
        text(
            "SELECT has_table_privilege('unit_members', 'INSERT') "
            "AND (rolcreaterole OR rolsuper) FROM pg_roles WHERE rolname = current_user"
        )
    ).scalar()
    return bool(allowed)


def on_postgresql(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def own_units(session: Session) -> list[tuple[Unit, str | None]]:
    """The units this login works with, each with its role there ("ec", "vc"), by code.

    A file has one user and no memberships: every unit, without a role. On the server a
    login's memberships (the policy of unit_members shows a login only its own rows); the
    owner, who has none and whom the policies do not bind, gets every unit without a role. A
    login without memberships that is not the owner gets none: the server would show it no
    unit's rows anyway."""
    if not on_postgresql(session):
        return [(unit, None) for unit in session.scalars(select(Unit).order_by(Unit.code))]
    rows = session.execute(
        select(Unit, UnitMember.role)
        .join(UnitMember, UnitMember.unit_id == Unit.id)
        .where(UnitMember.user_name == func.current_user())
        .order_by(Unit.code)
    ).all()
    if rows:
        return [(unit, role) for unit, role in rows]
    if _owns_the_tables(session):
        return [(unit, None) for unit in session.scalars(select(Unit).order_by(Unit.code))]
    return []


def _owns_the_tables(session: Session) -> bool:
    # Only the owner (or a superuser) may add memberships; the group roles only read them.
    return bool(
        session.execute(text("SELECT has_table_privilege('unit_members', 'INSERT')")).scalar()
    )


def login_roles(session: Session) -> set[str]:
    """The kinds of membership this login has ("ec", "vc"); none on a file."""
    if not on_postgresql(session):
        return set()
    found = session.scalars(
        select(UnitMember.role).where(UnitMember.user_name == func.current_user()).distinct()
    )
    return set(found)

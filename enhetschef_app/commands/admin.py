"""Access by unit on a server database, for IT or whoever runs the förvaltning's database:
`admin init`, `admin grant`, `admin revoke` and `admin members`.

`admin members --json` prints a list of objects with the keys `user`, `unit` (the unit's code)
and `role` ("ec" or "vc"). On a database file every admin command exits 2.
"""

from __future__ import annotations

import argparse

from enhetschef_app.commands.common import Subparsers, database_location, open_for, print_json
from enhetschef_app.domain.errors import EXIT_OK


def register(sub: Subparsers) -> None:
    group = sub.add_parser(
        "admin", help="behörigheter per enhet på en serverdatabas (körs som databasens ägare)"
    )
    commands = group.add_subparsers(dest="admin_command", metavar="KOMMANDO", required=True)

    init = commands.add_parser(
        "init", help="uppdatera databasen och skapa grupproller och regler för åtkomst"
    )
    init.set_defaults(handler=cmd_init)

    grant = commands.add_parser(
        "grant", help="ge en inloggning åtkomst till enheter som enhetschef (ec) eller VC (vc)"
    )
    grant.add_argument("--user", required=True, metavar="ANVÄNDARE", help="inloggningens namn")
    grant.add_argument("--units", required=True, metavar="KOD[,KOD…]", help="enheternas koder")
    grant.add_argument("--role", required=True, choices=["ec", "vc"], help="ec eller vc")
    grant.set_defaults(handler=cmd_grant)

    revoke = commands.add_parser("revoke", help="ta bort en inloggnings åtkomst till enheter")
    revoke.add_argument("--user", required=True, metavar="ANVÄNDARE", help="inloggningens namn")
    revoke.add_argument("--units", required=True, metavar="KOD[,KOD…]", help="enheternas koder")
    revoke.set_defaults(handler=cmd_revoke)

    members = commands.add_parser("members", help="visa vem som har åtkomst till vilka enheter")
    members.add_argument("--json", action="store_true", help="skriv ut som JSON")
    members.set_defaults(handler=cmd_members)


def _codes(text: str) -> list[str]:
    return [code.strip() for code in text.split(",") if code.strip()]


def cmd_init(args: argparse.Namespace) -> int:
    from enhetschef_app.services.core.access import access_state, require_server

    require_server(database_location(args))
    workspace = open_for(args, create=True, choose_unit=False, unit_from_args=False)
    try:
        state = access_state(workspace)
    finally:
        workspace.close()
    print(
        f"Databasen är uppdaterad. Grupproller: {', '.join(state.group_roles)}. "
        f"{state.protected_tables} tabeller skyddas per enhet av servern."
    )
    return EXIT_OK


def cmd_grant(args: argparse.Namespace) -> int:
    from enhetschef_app.services.core.access import grant_access, require_server

    require_server(database_location(args))
    workspace = open_for(args, choose_unit=False, unit_from_args=False)
    try:
        created = grant_access(workspace, args.user, _codes(args.units), args.role)
    finally:
        workspace.close()
    what = "enhetschef" if args.role == "ec" else "VC"
    print(f"{args.user.strip()} är {what} för {', '.join(_codes(args.units))}.")
    if created:
        print(
            f"Inloggningen {args.user.strip()} skapades utan lösenord: IT sätter lösenordet "
            "(eller inloggning med Kerberos/GSSAPI) direkt på servern."
        )
    return EXIT_OK


def cmd_revoke(args: argparse.Namespace) -> int:
    from enhetschef_app.services.core.access import require_server, revoke_access

    require_server(database_location(args))
    workspace = open_for(args, choose_unit=False, unit_from_args=False)
    try:
        removed = revoke_access(workspace, args.user, _codes(args.units))
    finally:
        workspace.close()
    print(f"{args.user.strip()}: {removed} behörigheter borttagna.")
    return EXIT_OK


def cmd_members(args: argparse.Namespace) -> int:
    from enhetschef_app.services.core.access import list_members, require_server

    require_server(database_location(args))
    workspace = open_for(args, choose_unit=False, unit_from_args=False)
    try:
        found = list_members(workspace)
    finally:
        workspace.close()
    if args.json:
        print_json([{"user": m.user, "unit": m.unit_code, "role": m.role} for m in found])
        return EXIT_OK
    if not found:
        print("Ingen inloggning har behörighet till någon enhet ännu.")
    for member in found:
        print(f"{member.user:<30} {member.unit_code:<20} {member.role}")
    return EXIT_OK

"""The command line: the same services as the window, for scripts and automation.

Exit codes are a contract: 0 ok, 2 a user's error (bad file, bad argument, refused database),
3 busy (a workbook or lock held by someone else). Errors a user can cause print one Swedish line
to stderr; a traceback only with --debug. The commands live in `commands/`, one module per
area; a new area adds its `register` to `COMMAND_GROUPS`.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence

from enhetschef_app import __version__
from enhetschef_app.commands import absence, foundation, incidents, people, schedule
from enhetschef_app.commands.common import (
    Handler,
    Subparsers,
    SwedishArgumentParser,
    database_path,
)
from enhetschef_app.domain.errors import ImportFormatError, UserError

log = logging.getLogger("enhetschef")

COMMAND_GROUPS: tuple[Callable[[Subparsers], None], ...] = (
    foundation.register,
    schedule.register,
    absence.register,
    incidents.register,
    people.register,
)


def build_parser() -> argparse.ArgumentParser:
    parser = SwedishArgumentParser(
        prog="enhetschef",
        description="Enhetschef – schema, frånvaro, övertid och månadsrapport för enheten.",
    )
    parser.add_argument(
        "--db", metavar="FIL", help="databasfilen (standard: i användarens datamapp)"
    )
    parser.add_argument(
        "--unit", metavar="KOD", help="enhetens kod, om databasen har flera enheter"
    )
    parser.add_argument("--debug", action="store_true", help="visa hela felspåret vid fel")
    parser.add_argument("--version", action="version", version=f"enhetschef {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="KOMMANDO")

    gui = sub.add_parser("gui", help="starta fönstret (standard utan kommando)")
    gui.set_defaults(handler=cmd_gui)
    for register in COMMAND_GROUPS:
        register(sub)
    return parser


def cmd_gui(args: argparse.Namespace) -> int:
    from enhetschef_app.app import run_gui

    return int(run_gui(database_path(args), args.unit))


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.debug else logging.WARNING)
    handler: Handler = getattr(args, "handler", cmd_gui)
    try:
        return handler(args)
    except ImportFormatError as exc:
        if args.debug:
            raise
        sys.stderr.write(exc.full_text() + "\n")
        return exc.exit_code
    except UserError as exc:
        if args.debug:
            raise
        sys.stderr.write(f"enhetschef: {exc.message}\n")
        return exc.exit_code
    except KeyboardInterrupt:
        return 130

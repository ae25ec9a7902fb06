"""The command line: the same services as the window, for scripts and automation.

Exit codes are a contract: 0 ok, 2 a user's error (bad file, bad argument, refused database),
3 busy (a workbook or lock held by someone else). Errors a user can cause print one Swedish line
to stderr; a traceback only with --debug. The commands live in `commands/`, one module per
area; a new area adds its module name to `COMMAND_MODULES`.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from enhetschef_app import __version__
from enhetschef_app.commands.common import (
    Handler,
    SwedishArgumentParser,
    database_location,
)
from enhetschef_app.domain.errors import ImportFormatError, UserError

log = logging.getLogger("enhetschef")

EXIT_BUG = 1
LOG_MAX_BYTES = 1_000_000  # as the window's log: one file, rotated
LOGS_KEPT = 5

# One module per area under commands/, each with `register(subparsers)`. They are imported
# only when a command is parsed: starting the window needs none of them (see `main`).
COMMAND_MODULES: tuple[str, ...] = (
    "foundation",
    "schedule",
    "absence",
    "incidents",
    "people",
    "month",
    "management",
    "overtime",
    "economy",
    "privacy",
    "admin",
    "unit_copy",
)


def _global_parser() -> argparse.ArgumentParser:
    parser = SwedishArgumentParser(
        prog="enhetschef",
        description="Enhetschef – schema, frånvaro, övertid och månadsrapport för enheten.",
    )
    parser.add_argument(
        "--db",
        metavar="FIL|ADRESS",
        help="databasfilen (standard: i användarens datamapp) eller en PostgreSQL-databas, "
        "postgresql://användare@server/databas (lösenordet i ~/.pgpass)",
    )
    parser.add_argument(
        "--unit", metavar="KOD", help="enhetens kod, om databasen har flera enheter"
    )
    parser.add_argument("--debug", action="store_true", help="visa hela felspåret vid fel")
    parser.add_argument("--version", action="version", version=f"enhetschef {__version__}")
    return parser


def build_parser() -> argparse.ArgumentParser:
    parser = _global_parser()
    sub = parser.add_subparsers(dest="command", metavar="KOMMANDO")
    gui = sub.add_parser("gui", help="starta fönstret (standard utan kommando)")
    gui.set_defaults(handler=cmd_gui)
    for name in COMMAND_MODULES:
        importlib.import_module(f"enhetschef_app.commands.{name}").register(sub)
    return parser


def _window_arguments(argv: Sequence[str]) -> argparse.Namespace | None:
    """The global options when the command line only starts the window (no command, or
    `gui` last), parsed without loading the commands; None for anything else."""
    rest = list(argv[:-1] if argv and argv[-1] == "gui" else argv)
    index = 0
    while index < len(rest):
        arg = rest[index]
        if arg in ("--db", "--unit"):
            index += 2
        elif arg == "--debug" or arg.startswith(("--db=", "--unit=")):
            index += 1
        else:
            return None  # a command, --help, --version or a mistake: the full parser answers
    if index > len(rest):
        return None
    return _global_parser().parse_args(rest)


def cmd_gui(args: argparse.Namespace) -> int:
    from enhetschef_app.app import run_gui

    return int(run_gui(database_location(args), args.unit))


def main(argv: Sequence[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else list(argv)
    args = _window_arguments(arguments) or build_parser().parse_args(arguments)
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
    except Exception as exc:
        known = _known_error(exc, args)
        if known is None:
            if args.debug:
                raise
            return _report_bug(exc)
        if args.debug:
            raise
        sys.stderr.write(f"enhetschef: {known.message}\n")
        return known.exit_code


def _known_error(exc: Exception, args: argparse.Namespace) -> UserError | None:
    """A run-time database error a person can act on (busy, read-only, disk full, gone,
    damaged) that escaped the services' own translation; None for a bug."""
    from enhetschef_app.storage.sqlite_errors import known_database_error

    try:
        location = database_location(args) if getattr(args, "handler", None) else None
    except UserError:
        location = None
    return known_database_error(exc, location)


def _report_bug(exc: Exception) -> int:
    """A bug: the traceback goes to the log file, the user gets one line naming it."""
    import traceback
    from logging.handlers import RotatingFileHandler

    from enhetschef_app.paths import log_file_path

    path = log_file_path()
    text = "".join(traceback.format_exception(exc))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(
            path, maxBytes=LOG_MAX_BYTES, backupCount=LOGS_KEPT, encoding="utf-8"
        )
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        record = log.makeRecord(
            log.name, logging.ERROR, __file__, 0, "Oväntat fel i kommandoraden:\n%s", (text,), None
        )
        handler.emit(record)
        handler.close()
        where = f"Detaljerna finns i loggfilen {path}"
    except OSError:
        where = f"Loggfilen {path} kunde inte skrivas; kör kommandot igen med --debug"
    sys.stderr.write(
        f"enhetschef: Ett oväntat fel (ett fel i programmet) avbröt kommandot. {where} – "
        "skicka den gärna till den som ger support.\n"
    )
    return EXIT_BUG

"""The command line: the same services as the window, for scripts and automation.

Exit codes are a contract: 0 ok, 2 a user's error (bad file, bad argument, refused database),
3 busy (a workbook or lock held by someone else). Errors a user can cause print one Swedish line
to stderr; a traceback only with --debug.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from enhetschef_app import __version__
from enhetschef_app.domain.errors import EXIT_OK, EXIT_USER_ERROR, ImportFormatError, UserError

if TYPE_CHECKING:
    from enhetschef_app.services.workspace import Workspace

log = logging.getLogger("enhetschef")

Handler = Callable[[argparse.Namespace], int]


class SwedishArgumentParser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # argparse's own errors exit 2 too
        self.print_usage(sys.stderr)
        self.exit(EXIT_USER_ERROR, f"enhetschef: fel i argumenten: {message}\n")


def _database_path(args: argparse.Namespace) -> Path:
    from enhetschef_app.paths import default_database_path

    return Path(args.db) if args.db else default_database_path()


def _workspace(
    args: argparse.Namespace,
    *,
    create: bool = False,
    choose_unit: bool = True,
    unit_from_args: bool = True,
) -> Workspace:
    """Opens the database; the global --unit chooses the unit unless the command creates units
    itself (`unit_from_args=False`: demo, import-staff)."""
    from enhetschef_app.services.workspace import open_workspace

    path = _database_path(args)
    if not create and not path.exists():
        raise UserError(f"Databasen {path} finns inte. Ange en befintlig fil med --db.")
    unit = args.unit if unit_from_args else None
    return open_workspace(path, unit, create=create, choose_unit=choose_unit)


def print_json(value: object) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2, default=str) + "\n")


def cmd_info(args: argparse.Namespace) -> int:
    from enhetschef_app.services.info import database_info

    workspace = _workspace(args, choose_unit=False)
    try:
        info = database_info(workspace)
    finally:
        workspace.close()
    if args.json:
        print_json(info)
    else:
        print(f"Databas: {info['database']} (schemaversion {info['schema_version']})")
        for unit in info["units"]:
            forms = ", ".join(f"{k} {v}" for k, v in unit["headcount"].items())
            total = unit["headcount_total"]
            print(f"Enhet {unit['code']} – {unit['name']}: {total} anställda ({forms})")
        for table, count in info["row_counts"].items():
            print(f"  {table}: {count}")
    return EXIT_OK


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

    info = sub.add_parser("info", help="visa vad databasen innehåller")
    info.add_argument("--json", action="store_true", help="skriv ut som JSON")
    info.set_defaults(handler=cmd_info)

    demo = sub.add_parser("demo", help="skapa en realistisk demoenhet (samma argument, samma data)")
    demo.add_argument("--staff", type=int, default=45, metavar="ANTAL", help="antal anställda")
    demo.add_argument(
        "--weeks", type=int, default=104, metavar="VECKOR", help="antal veckor schema"
    )
    demo.add_argument(
        "--end", type=_iso_date, metavar="DATUM", help="sista dag (standard: månadens slut)"
    )
    demo.add_argument("--seed", type=int, default=1, metavar="N", help="slumpfrö")
    demo.add_argument(
        "--unit", dest="demo_unit", default="DEMO", metavar="KOD", help="enhetens kod"
    )
    demo.set_defaults(handler=cmd_demo)

    staff = sub.add_parser("import-staff", help="importera en personallista (xlsx eller csv)")
    staff.add_argument("file", metavar="FIL")
    staff.add_argument(
        "--unit", dest="import_unit", metavar="KOD", help="enhetens kod (skapas om den är ny)"
    )
    staff.add_argument("--sheet", metavar="BLAD", help="bladets namn i en xlsx-fil")
    staff.add_argument("--json", action="store_true", help="skriv sammanfattningen som JSON")
    staff.set_defaults(handler=cmd_import_staff)

    return parser


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' är inte ett datum (ÅÅÅÅ-MM-DD)") from None


def cmd_demo(args: argparse.Namespace) -> int:
    from enhetschef_app.domain.calendar import month_end, today
    from enhetschef_app.services.demo_unit import DemoSpec, generate_demo_unit

    if args.staff < 5 or args.staff > 2000:
        raise UserError("Ange mellan 5 och 2000 anställda (--staff).")
    if args.weeks < 1 or args.weeks > 520:
        raise UserError("Ange mellan 1 och 520 veckor (--weeks).")
    spec = DemoSpec(
        staff=args.staff,
        weeks=args.weeks,
        end=args.end or month_end(today()),
        seed=args.seed,
        unit_code=args.demo_unit.strip().upper(),
    )
    workspace = _workspace(args, create=True, choose_unit=False, unit_from_args=False)
    try:
        summary = generate_demo_unit(workspace, spec)
    finally:
        workspace.close()
    print(summary.describe())
    return EXIT_OK


def cmd_import_staff(args: argparse.Namespace) -> int:
    from enhetschef_app.services.staff_import import import_staff

    unit_code = args.import_unit or args.unit
    workspace = _workspace(args, create=True, choose_unit=unit_code is None, unit_from_args=False)
    try:
        summary = import_staff(workspace, Path(args.file), unit_code=unit_code, sheet=args.sheet)
    finally:
        workspace.close()
    if args.json:
        print_json(summary.as_dict())
    else:
        print(summary.describe())
    return EXIT_OK


def cmd_gui(args: argparse.Namespace) -> int:
    from enhetschef_app.app import run_gui

    return int(run_gui(_database_path(args), args.unit))


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

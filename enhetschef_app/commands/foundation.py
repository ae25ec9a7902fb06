"""Commands of the foundation: info, demo, import-staff."""

from __future__ import annotations

import argparse
from pathlib import Path

from enhetschef_app.commands.common import (
    Subparsers,
    add_import_arguments,
    bounded_int,
    iso_date,
    open_for,
    print_json,
)
from enhetschef_app.domain.errors import EXIT_OK, UserError


def register(sub: Subparsers) -> None:
    info = sub.add_parser("info", help="visa vad databasen innehåller")
    info.add_argument("--json", action="store_true", help="skriv ut som JSON")
    info.set_defaults(handler=cmd_info)

    demo = sub.add_parser("demo", help="skapa en realistisk demoenhet (samma argument, samma data)")
    demo.add_argument(
        "--staff", type=bounded_int(5, 2000), default=45, metavar="ANTAL", help="antal anställda"
    )
    demo.add_argument(
        "--weeks",
        type=bounded_int(1, 520),
        default=104,
        metavar="VECKOR",
        help="antal veckor schema",
    )
    demo.add_argument(
        "--end", type=iso_date, metavar="DATUM", help="sista dag (standard: månadens slut)"
    )
    demo.add_argument(
        "--today",
        type=iso_date,
        metavar="DATUM",
        help="demons 'idag' (standard: idag): inget som hänt registreras efter den dagen, "
        "bara schema, bokade samtal och planerad ledighet ligger framåt",
    )
    demo.add_argument(
        "--seed", type=bounded_int(0, 2**31 - 1), default=1, metavar="N", help="slumpfrö"
    )
    demo.add_argument(
        "--unit", dest="demo_unit", metavar="KOD", help="enhetens kod (standard DEMO)"
    )
    demo.set_defaults(handler=cmd_demo)

    staff = sub.add_parser("import-staff", help="importera en personallista (xlsx eller csv)")
    add_import_arguments(staff)
    staff.add_argument(
        "--unit", dest="import_unit", metavar="KOD", help="enhetens kod (skapas om den är ny)"
    )
    staff.set_defaults(handler=cmd_import_staff)


def cmd_info(args: argparse.Namespace) -> int:
    from enhetschef_app.services.core.info import database_info

    workspace = open_for(args, choose_unit=False)
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


def cmd_demo(args: argparse.Namespace) -> int:
    from enhetschef_app.demo.unit import DemoSpec, generate_demo_unit
    from enhetschef_app.domain.calendar import month_end, today

    if args.staff < 5 or args.staff > 2000:
        raise UserError("Ange mellan 5 och 2000 anställda (--staff).")
    if args.weeks < 1 or args.weeks > 520:
        raise UserError("Ange mellan 1 och 520 veckor (--weeks).")
    spec = DemoSpec(
        staff=args.staff,
        weeks=args.weeks,
        end=args.end or month_end(today()),
        seed=args.seed,
        unit_code=(args.demo_unit or args.unit or "DEMO").strip().upper(),
        today=args.today or today(),
    )
    workspace = open_for(args, create=True, choose_unit=False, unit_from_args=False)
    try:
        summary = generate_demo_unit(workspace, spec)
    finally:
        workspace.close()
    print(summary.describe())
    return EXIT_OK


def cmd_import_staff(args: argparse.Namespace) -> int:
    from enhetschef_app.services.staff.imports import import_staff

    unit_code = args.import_unit or args.unit
    workspace = open_for(args, create=True, choose_unit=unit_code is None, unit_from_args=False)
    try:
        summary = import_staff(workspace, Path(args.file), unit_code=unit_code, sheet=args.sheet)
    finally:
        workspace.close()
    if args.json:
        print_json(summary.as_dict())
    else:
        print(summary.describe())
    return EXIT_OK

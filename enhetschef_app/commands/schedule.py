"""Commands of Schema och dagsuppföljning: import-schedule, undo-import, check-schedule,
follow-up, unit-neighbours."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from enhetschef_app.commands.common import Subparsers, iso_date, open_for, print_json
from enhetschef_app.domain.errors import EXIT_OK


def register(sub: Subparsers) -> None:
    imp = sub.add_parser(
        "import-schedule",
        help="importera schemat (xlsx eller csv) till enheten",
        description="Importerar schemat och ersätter, i varje vecka som filen har pass i, dagarna "
        "mellan filens första och sista datum. Skriver rader, nya, ändrade, oförändrade och "
        "vakanta; vid fel i filen listas varje felaktig rad och inget importeras (slutkod 2). "
        "En import som skulle ta bort registrerade ersättare, beviljade övertider eller mer än "
        "en tiondel av veckornas pass görs bara med --replace; en säkerhetskopia tas innan pass "
        "tas bort.",
    )
    imp.add_argument("file", metavar="FIL")
    imp.add_argument("--sheet", metavar="BLAD", help="bladets namn i en xlsx-fil")
    imp.add_argument("--dry-run", action="store_true", help="kontrollera och räkna, spara inget")
    imp.add_argument("--json", action="store_true", help="skriv sammanfattningen som JSON")
    imp.add_argument(
        "--valid-only",
        action="store_true",
        help="importera de giltiga raderna och hoppa över de felaktiga",
    )
    imp.add_argument(
        "--create-unknown",
        action="store_true",
        help="skapa okända anställningsnummer som timavlönade med namnet i filen",
    )
    imp.add_argument(
        "--column",
        action="append",
        default=[],
        metavar="FÄLT=RUBRIK",
        help="vilken kolumn som är vilket fält, t.ex. Datum=Dag (sparas för filens layout)",
    )
    imp.add_argument(
        "--replace",
        action="store_true",
        help="ta bort pass med ersättare, beviljade övertider eller många pass ändå",
    )
    imp.set_defaults(handler=cmd_import_schedule)

    undo = sub.add_parser(
        "undo-import",
        help="ångra enhetens senaste schemaimport",
        description="Tar bort de pass den senaste schemaimporten lade till och sätter tillbaka "
        "de pass och ersättare den ändrade eller tog bort. Vägrar (slutkod 2) om något av "
        "passen har ändrats efter importen.",
    )
    undo.add_argument("--json", action="store_true", help="skriv sammanfattningen som JSON")
    undo.set_defaults(handler=cmd_undo_import)

    check = sub.add_parser(
        "check-schedule",
        help="kontrollera vilotider och arbetstid i schemat",
        description="Dygnsvila, veckovila, överlappande pass, arbetsdagar i följd, rast, "
        "veckoarbetstid och 48 timmar i genomsnitt. Standard är det planerade schemat; "
        "--actual kontrollerar schemat som det blev (frånvaro, ersättare och godkänd övertid "
        "och mertid).",
    )
    check.add_argument("--from", dest="first", type=iso_date, required=True, metavar="DATUM")
    check.add_argument("--to", dest="last", type=iso_date, required=True, metavar="DATUM")
    check.add_argument("--actual", action="store_true", help="det faktiska schemat")
    check.add_argument("--json", action="store_true", help="skriv brotten som en JSON-lista")
    check.set_defaults(handler=cmd_check_schedule)

    follow = sub.add_parser(
        "follow-up",
        help="dagsuppföljning: tomma rader och förslag på ersättare",
    )
    follow.add_argument("--date", type=iso_date, metavar="DATUM", help="dagen (standard: idag)")
    follow.add_argument("--json", action="store_true", help="skriv som JSON")
    follow.add_argument(
        "--all-units",
        action="store_true",
        help="alla enheter där du är enhetschef på en sida (sambandscentral)",
    )
    follow.set_defaults(handler=cmd_follow_up)

    neighbours = sub.add_parser(
        "unit-neighbours",
        help="grannenheter som kan låna ut personal",
    )
    neighbours.add_argument("--add", action="append", default=[], metavar="KOD")
    neighbours.add_argument("--remove", action="append", default=[], metavar="KOD")
    neighbours.add_argument("--json", action="store_true", help="skriv som JSON")
    neighbours.set_defaults(handler=cmd_unit_neighbours)


def _columns(texts: list[str]) -> dict[str, str]:
    from enhetschef_app.domain.errors import UserError
    from enhetschef_app.domain.schedule_import import SCHEDULE_FIELDS
    from enhetschef_app.domain.staff import fold

    by_name = {fold(f.label): f.key for f in SCHEDULE_FIELDS}
    by_name.update({fold(f.key): f.key for f in SCHEDULE_FIELDS})
    chosen: dict[str, str] = {}
    for text in texts:
        name, sep, header = text.partition("=")
        key = by_name.get(fold(name))
        if not sep or key is None or not header.strip():
            fields = ", ".join(f.label for f in SCHEDULE_FIELDS)
            raise UserError(f"--column {text}: skriv FÄLT=RUBRIK där FÄLT är något av {fields}.")
        chosen[key] = header.strip()
    return chosen


def cmd_import_schedule(args: argparse.Namespace) -> int:
    from enhetschef_app.domain.errors import UserError
    from enhetschef_app.domain.schedule_import import ImportWouldRemove
    from enhetschef_app.services.schedule.imports import import_schedule

    columns = _columns(args.column)
    workspace = open_for(args)
    try:
        summary = import_schedule(
            workspace,
            Path(args.file),
            sheet=args.sheet,
            columns=columns or None,
            dry_run=args.dry_run,
            valid_rows_only=args.valid_only,
            create_unknown=args.create_unknown,
            replace=args.replace,
        )
    except ImportWouldRemove as exc:
        raise UserError(
            f"{exc.message} Kör igen med --replace om det är rätt (en säkerhetskopia tas "
            "först), eller prova med --dry-run."
        ) from exc
    finally:
        workspace.close()
    if args.json:
        print_json(summary.as_dict())
    else:
        print(summary.describe())
        print(
            f"rows {summary.rows}, created {summary.created}, updated {summary.updated}, "
            f"unchanged {summary.unchanged}, vacant {summary.vacant}"
        )
        for warning in summary.warnings:
            print(f"  Obs: {warning}")
    return EXIT_OK


def cmd_undo_import(args: argparse.Namespace) -> int:
    from enhetschef_app.services.core.import_undo import undo_last_import

    workspace = open_for(args)
    try:
        summary = undo_last_import(workspace)
    finally:
        workspace.close()
    if args.json:
        print_json(summary.as_dict())
    else:
        print(summary.describe())
    return EXIT_OK


def cmd_check_schedule(args: argparse.Namespace) -> int:
    from enhetschef_app.services.schedule.check import check_schedule

    workspace = open_for(args)
    try:
        result = check_schedule(workspace, args.first, args.last, actual=args.actual)
    finally:
        workspace.close()
    if args.json:
        print_json([view.as_dict() for view in result.breaches])
        return EXIT_OK
    period = f"{result.first.isoformat()}–{result.last.isoformat()}"
    if not result.breaches:
        print(f"Inga brott mot vilo- och arbetstidsreglerna i {result.schedule_label}, {period}.")
        return EXIT_OK
    print(f"{len(result.breaches)} brott i {result.schedule_label}, {period}:")
    for view in result.breaches:
        b = view.breach
        print(f"  {b.date.isoformat()} {b.employee_no} {view.employee_name}: {view.text}")
    return EXIT_OK


def cmd_follow_up(args: argparse.Namespace) -> int:
    from enhetschef_app.domain.calendar import today
    from enhetschef_app.services.schedule.follow_up import cover_candidates, day_follow_up

    day = args.date or today()
    if args.all_units:
        return _follow_up_all_units(args, day)
    workspace = open_for(args)
    try:
        follow_up = day_follow_up(workspace, day, today=today())
        lists = {
            line.row_id: cover_candidates(workspace, line.row_id, today=today())
            for line in follow_up.empty_today
            if line.offerable
        }
    finally:
        workspace.close()
    if args.json:
        print_json(
            {
                "date": day.isoformat(),
                "bands": [b.as_dict() for b in follow_up.bands],
                "empty_rows": [
                    {
                        **line.as_dict(),
                        "candidates": [c.as_dict() for c in lists[line.row_id].candidates]
                        if line.row_id in lists
                        else [],
                    }
                    for line in follow_up.empty_today
                ],
                "lent_out": [line.as_dict() for line in follow_up.lent],
            }
        )
        return EXIT_OK
    print(f"Dagsuppföljning {day.isoformat()} (v. {day.isocalendar().week}), {follow_up.unit.code}")
    for band in follow_up.bands:
        print(f"  {band.describe()}")
    if not follow_up.empty_today:
        print("Inga tomma rader.")
    for line in follow_up.empty_today:
        print(f"Tom rad: {line.describe()}")
        if line.row_id not in lists:
            print(f"    {line.blocked_reason}")
            continue
        for number, candidate in enumerate(lists[line.row_id].candidates[:5], start=1):
            print(f"    {number}. {candidate.describe()}")
    for lent in follow_up.lent:
        print(f"Utlånad: {lent.describe()}")
    return EXIT_OK


def _follow_up_all_units(args: argparse.Namespace, day: date) -> int:
    """`follow-up --all-units`: every unit the login is EC of, each with its empty rows and
    their candidates (the Sambandscentral's page, headless)."""
    from enhetschef_app.domain.calendar import today
    from enhetschef_app.services.schedule.coordination import coordinator_day

    workspace = open_for(args, choose_unit=False, unit_from_args=False)
    try:
        found = coordinator_day(workspace, day, today=today())
    finally:
        workspace.close()
    if args.json:
        print_json(found.as_dict())
        return EXIT_OK
    print(f"Sambandscentral {day.isoformat()} (v. {day.isocalendar().week})")
    for unit_day in found.units:
        empty = unit_day.follow_up.empty_today
        print(f"{unit_day.unit.code} {unit_day.unit.name}: {len(empty)} tomma rader")
        for line in empty:
            print(f"  Tom rad: {line.describe()}")
            if line.row_id not in unit_day.candidates:
                print(f"      {line.blocked_reason}")
                continue
            candidates = unit_day.candidates[line.row_id].candidates
            for number, candidate in enumerate(candidates[:5], start=1):
                print(f"      {number}. {candidate.describe()}")
    return EXIT_OK


def cmd_unit_neighbours(args: argparse.Namespace) -> int:
    from enhetschef_app.services.core.unit_neighbours import change_neighbours

    workspace = open_for(args)
    try:
        codes = change_neighbours(workspace, add=args.add, remove=args.remove)
    finally:
        workspace.close()
    if args.json:
        print_json(codes)
    elif codes:
        print("Grannenheter: " + ", ".join(codes))
    else:
        print("Enheten har inga grannenheter.")
    return EXIT_OK

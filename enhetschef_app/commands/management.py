"""Commands of Förvaltning, the verksamhetschef's view of all her units: `overview` and
`vc-comment`.

`overview --json` prints an object with `month` (ÅÅÅÅ-MM) and `units`: one object per unit
with `unit` (its code), `unit_name`, `closed` (true when the month is marked klar) and the rest
of the month summary's keys as `month-summary --json` prints them (the figures at the top, as
reported when the month is klar). On a database file every unit in it; on a server the units
the login is a member of. With `--workbook` (the shared workbook the units on a laptop
still sync to) the object also has `workbook_units`: the rows of the month there of units that
are not on the server, each with `unit`, `unit_name` (null), `source` ("arbetsbok"), `workbook`,
`sheet`, `row`, the figures of the columns the sheet has, `comment`, `vc_comment` and
`unreadable_columns`; without it `workbook_units` is empty. `--out` writes the VC report of
every unit on the server as one workbook (a sheet per unit and a comparison sheet), `--pdf` the
same reports as one PDF, a unit to a page onward.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from enhetschef_app.commands.common import Subparsers, open_for, print_json, year_month
from enhetschef_app.domain.errors import EXIT_OK, UserError


def _month(text: str) -> object:
    from enhetschef_app.domain.year_month import YearMonth

    year, month = year_month(text)
    return YearMonth(year, month)


def register(sub: Subparsers) -> None:
    overview = sub.add_parser(
        "overview", help="alla enheters nyckeltal för en månad, sida vid sida (förvaltning)"
    )
    overview.add_argument("--month", type=_month, required=True, metavar="ÅÅÅÅ-MM")
    overview.add_argument("--json", action="store_true", help="skriv ut som JSON")
    overview.add_argument(
        "--out", type=Path, metavar="FIL.xlsx", help="skriv VC-rapporten för alla enheter"
    )
    overview.add_argument(
        "--pdf", type=Path, metavar="FIL.pdf", help="skriv VC-rapporten för alla enheter som PDF"
    )
    overview.add_argument(
        "--workbook",
        type=Path,
        metavar="FIL.xlsx",
        help="den delade arbetsboken: visa raderna för enheter som synkar dit (inte på servern)",
    )
    overview.add_argument(
        "--sheet", metavar="BLAD", help="bladet i den delade arbetsboken (standard: hittas själv)"
    )
    overview.add_argument(
        "--allow-sensitive-words",
        action="store_true",
        help="låt ord som liknar hälsouppgifter följa med (personnummer stoppas alltid)",
    )
    overview.set_defaults(handler=cmd_overview)

    comment = sub.add_parser("vc-comment", help="verksamhetschefens kommentar till en enhets månad")
    comment.add_argument("--month", type=_month, required=True, metavar="ÅÅÅÅ-MM")
    comment.add_argument("--unit-code", required=True, metavar="KOD", help="enhetens kod")
    comment.add_argument("--text", required=True, metavar="TEXT")
    comment.set_defaults(handler=cmd_vc_comment)


def _check_output(path: Path, suffix: str) -> None:
    if path.suffix.lower() != suffix:
        raise UserError(f"Spara som en {suffix}-fil: {path.name} har fel filändelse.")
    if path.is_dir():
        raise UserError(f"{path} är en mapp. Ange ett filnamn i mappen. Inget har skrivits.")
    if not path.parent.is_dir():
        raise UserError(
            f"Mappen {path.parent} finns inte, så {path.name} kan inte skrivas. Inget har skrivits."
        )


def cmd_overview(args: argparse.Namespace) -> int:
    from enhetschef_app.services.month.document import figure_text
    from enhetschef_app.services.month.management import (
        export_management_workbook,
        management_documents,
        management_overview,
    )

    for output, suffix in ((args.out, ".xlsx"), (args.pdf, ".pdf")):
        if output is not None:  # every output checked before any is written
            _check_output(output, suffix)
    workspace = open_for(args, choose_unit=False, unit_from_args=False)
    try:
        overview = management_overview(
            workspace, args.month, workbook=args.workbook, sheet=args.sheet
        )
        written: list[Path] = []
        documents: list[Any] = []
        if args.out is not None:
            path, documents = export_management_workbook(
                workspace, args.month, args.out, allow_sensitive_words=args.allow_sensitive_words
            )
            written.append(path)
        elif args.pdf is not None:
            documents = management_documents(
                workspace, args.month, allow_sensitive_words=args.allow_sensitive_words
            )
    finally:
        workspace.close()
    if args.pdf is not None:
        # Qt draws the PDF, headless (reports/), as export-month's does.
        from enhetschef_app.reports.month_report_pdf import write_management_pdf_headless

        title = f"Förvaltningens månadsrapport {args.month}"
        written.append(write_management_pdf_headless(documents, title, args.pdf))
    if args.json:
        print_json(overview.as_dict())
    else:
        print(
            f"Förvaltning {overview.month.label}: {len(overview.units)} "
            f"{'enhet' if len(overview.units) == 1 else 'enheter'}, "
            f"{overview.closed_count} markerade klara"
        )
        for unit in overview.units:
            reported = unit.view.reported
            state = "klar" if unit.closed else "utkast"
            sick = figure_text("sick_percent", reported["sick_percent"])
            hourly = figure_text("hourly_paid_share_percent", reported["hourly_paid_share_percent"])
            print(
                f"  {unit.unit.code:<20} {state:<7} sjukfrånvaro {sick:>8}  timavlönade {hourly:>8}"
            )
        if overview.workbook is not None:
            _print_workbook_units(overview.workbook)
    for path in written:
        sys.stderr.write(f"Rapporten för alla enheter skrevs till {path}.\n")
    return EXIT_OK


def _print_workbook_units(found: Any) -> None:
    from enhetschef_app.services.month.document import figure_text

    print(
        f"Ur den delade arbetsboken {found.workbook.name} (bladet {found.sheet}): "
        f"{len(found.rows)} {'enhet' if len(found.rows) == 1 else 'enheter'}"
    )
    for row in found.rows:
        sick = figure_text("sick_percent", row.values.get("sick_percent"))
        hourly = figure_text(
            "hourly_paid_share_percent", row.values.get("hourly_paid_share_percent")
        )
        print(
            f"  {row.unit_code:<20} {'arbetsbok':<9} sjukfrånvaro {sick:>8}  "
            f"timavlönade {hourly:>8}  (rad {row.row_number})"
        )
    if found.left_out:
        print("  Finns på servern, visas därifrån: " + ", ".join(found.left_out))


def cmd_vc_comment(args: argparse.Namespace) -> int:
    from enhetschef_app.services.month.management import save_vc_comment

    workspace = open_for(args, choose_unit=False, unit_from_args=False)
    try:
        save_vc_comment(workspace, args.unit_code, args.month, args.text)
    finally:
        workspace.close()
    print(f"Verksamhetschefens kommentar till {args.unit_code.upper()} {args.month} är sparad.")
    return EXIT_OK

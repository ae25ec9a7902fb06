"""Personal data: `gallring` (preview with --dry-run, delete with --yes) and `registerutdrag`.

`gallring --dry-run --json` prints `as_of`, `items` (each `kind`, `label`, `count`,
`ended_before`) and `total`; `gallring --yes --json` prints the same for what was deleted.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from enhetschef_app.commands.common import Subparsers, iso_date, open_for, print_json
from enhetschef_app.domain.errors import EXIT_OK, UserError


def register(sub: Subparsers) -> None:
    gallring = sub.add_parser(
        "gallring", help="radera personuppgifter som sparats längre än inställningen medger"
    )
    what = gallring.add_mutually_exclusive_group(required=True)
    what.add_argument("--dry-run", action="store_true", help="visa bara vad som skulle gallras")
    what.add_argument("--yes", action="store_true", help="gallra nu (kan inte ångras)")
    gallring.add_argument("--date", type=iso_date, metavar="ÅÅÅÅ-MM-DD", help="(standard: i dag)")
    gallring.add_argument("--json", action="store_true", help="skriv ut som JSON")
    gallring.set_defaults(handler=cmd_gallring)

    extract = sub.add_parser(
        "registerutdrag", help="allt programmet har sparat om en medarbetare (GDPR art. 15)"
    )
    extract.add_argument("--employee", required=True, metavar="NR", help="anställningsnummer")
    extract.add_argument("--out", type=Path, required=True, metavar="FIL.xlsx")
    extract.add_argument("--pdf", type=Path, metavar="FIL.pdf", help="skriv även en PDF")
    extract.set_defaults(handler=cmd_registerutdrag)


def cmd_gallring(args: argparse.Namespace) -> int:
    from enhetschef_app.services.core.gallring import gallring_preview, run_gallring

    workspace = open_for(args)
    try:
        if args.dry_run:
            plan = gallring_preview(workspace, today=args.date)
        else:
            plan = run_gallring(workspace, today=args.date)
    finally:
        workspace.close()
    if args.json:
        print_json(plan.as_dict())
        return EXIT_OK
    verb = "gallras" if args.dry_run else "gallrades"
    if plan.total == 0:
        print(f"Inget att gallra {plan.as_of.isoformat()}.")
        return EXIT_OK
    print(f"Gallring {plan.as_of.isoformat()}: {plan.total} {verb}.")
    for item in plan.items:
        if item.count:
            print(f"  {item.label:<40} {item.count:>6}  (slutade före {item.ended_before})")
    if args.dry_run:
        print("Kör `enhetschef gallring --yes` för att gallra.")
    return EXIT_OK


def cmd_registerutdrag(args: argparse.Namespace) -> int:
    from enhetschef_app.services.core.registerutdrag import export_register_extract

    if args.pdf is not None and args.pdf.suffix.lower() != ".pdf":
        raise UserError(f"Spara PDF:en som en .pdf-fil: {args.pdf.name} har fel filändelse.")
    workspace = open_for(args)
    try:
        path, extract = export_register_extract(workspace, args.employee, args.out)
    finally:
        workspace.close()
    rows = sum(len(s.rows) for s in extract.sheets)
    print(f"Registerutdraget för {extract.name} ({rows} rader) skrevs till {path}.")
    if args.pdf is not None:
        # A PDF is drawn with Qt's own writer, headless (reports/ imports no widgets).
        from enhetschef_app.reports.register_extract_pdf import (
            write_register_extract_pdf_headless,
        )

        print(f"PDF:en skrevs till {write_register_extract_pdf_headless(extract, args.pdf)}.")
    return EXIT_OK

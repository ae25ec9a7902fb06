"""`copy-unit`: moving a unit in, from the database of `--db` into another one.

`enhetschef --db FIL.sqlite3 --unit KOD copy-unit --to ADRESS [--json]` copies the unit with its
whole history and prints, per table, the rows at the source and at the target and whether the
checksums match. `--json` prints an object with the keys `unit`, `target`, `all_match` and
`tables`, a list of objects with `table`, `source_rows`, `target_rows` and `checksum_matches`.
A unit that already exists at the target exits 2 and changes nothing.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, TextIO

from enhetschef_app.commands.common import Subparsers, open_for, print_json
from enhetschef_app.domain.errors import EXIT_OK

if TYPE_CHECKING:
    from enhetschef_app.services.core.unit_copy import CopyReport


def register(sub: Subparsers) -> None:
    copy = sub.add_parser(
        "copy-unit",
        help="kopiera enheten (--unit) med hela dess historik till en annan databas, till "
        "exempel förvaltningens PostgreSQL-server",
    )
    copy.add_argument(
        "--to",
        required=True,
        metavar="FIL|ADRESS",
        help="måldatabasen: postgresql://användare@server/databas (lösenordet i ~/.pgpass) "
        "eller en databasfil",
    )
    copy.add_argument("--json", action="store_true", help="skriv kontrollen som JSON")
    copy.set_defaults(handler=cmd_copy_unit)


def cmd_copy_unit(args: argparse.Namespace) -> int:
    from enhetschef_app.services.core.unit_copy import CopyMismatch, copy_unit
    from enhetschef_app.storage.location import parse_location

    target = parse_location(args.to)
    workspace = open_for(args)
    try:
        try:
            report = copy_unit(workspace, target)
        except CopyMismatch as exc:
            _print_report(exc.report, as_json=False, stream=sys.stderr)
            raise
    finally:
        workspace.close()
    _print_report(report, as_json=args.json, stream=sys.stdout)
    return EXIT_OK


def _print_report(report: CopyReport, *, as_json: bool, stream: TextIO) -> None:
    if as_json:
        print_json(
            {
                "unit": report.unit_code,
                "target": report.target,
                "all_match": report.all_match,
                "tables": [
                    {
                        "table": check.table,
                        "source_rows": check.source_rows,
                        "target_rows": check.target_rows,
                        "checksum_matches": check.source_checksum == check.target_checksum,
                    }
                    for check in report.checks
                ],
            }
        )
        return
    write = stream.write
    if report.all_match:
        write(f"Enheten {report.unit_code} är kopierad till {report.target} och kontrollerad.\n")
    write(f"{'tabell':<26} {'källa':>8} {'mål':>8}  kontrollsumma\n")
    for check in report.checks:
        same = "lika" if check.source_checksum == check.target_checksum else "OLIKA"
        write(f"{check.table:<26} {check.source_rows:>8} {check.target_rows:>8}  {same}\n")

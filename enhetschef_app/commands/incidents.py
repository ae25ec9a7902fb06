"""Commands of Avvikelser: the list, the year's statistics, and the anonymized APT workbook.

The list carries no free text (reporter, description, actions taken) unless `--with-text` is
given; the statistics and the APT workbook never do. Keys: docs/avvikelser.md.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from enhetschef_app.commands.common import Subparsers, iso_date, open_for, print_json, year_month
from enhetschef_app.domain.errors import EXIT_OK, UserError


def _year(text: str) -> int:
    from enhetschef_app.domain.date_bounds import FIRST_DAY, LAST_DAY

    if not text.isdigit() or not text.isascii() or len(text) != 4:
        raise argparse.ArgumentTypeError(f"'{text}' är inte ett år (ÅÅÅÅ)")
    if not FIRST_DAY.year <= int(text) <= LAST_DAY.year:
        raise argparse.ArgumentTypeError(
            f"'{text}' ligger utanför åren {FIRST_DAY.year}–{LAST_DAY.year}"
        )
    return int(text)


def register(sub: Subparsers) -> None:
    group = sub.add_parser("incidents", help="avvikelser: lista, statistik och APT-underlag")
    commands = group.add_subparsers(dest="incidents_command", metavar="KOMMANDO")
    commands.required = True

    listing = commands.add_parser(
        "list", help="lista avvikelser (utan fritext om inte --with-text)"
    )
    listing.add_argument(
        "--month", type=year_month, metavar="ÅÅÅÅ-MM", help="bara händelser i denna månad"
    )
    listing.add_argument("--year", type=_year, metavar="ÅÅÅÅ", help="bara händelser detta år")
    listing.add_argument("--state", choices=["ny", "under_utredning", "atgardad", "avslutad"])
    listing.add_argument("--track", choices=["lex_sarah", "lex_maria", "arbetsmiljo", "ovrigt"])
    listing.add_argument(
        "--overdue",
        action="store_true",
        help="bara de med ett steg eller en åtgärd efter tidsfrist",
    )
    listing.add_argument(
        "--with-text",
        action="store_true",
        help="ta med fritext (rapportör, beskrivning, åtgärd direkt, utredning)",
    )
    listing.add_argument(
        "--as-of",
        type=iso_date,
        metavar="DATUM",
        help="räkna tidsfrister per datum (standard idag)",
    )
    listing.add_argument("--json", action="store_true", help="skriv ut som JSON")
    listing.set_defaults(handler=cmd_list)

    stats = commands.add_parser("stats", help="årets avvikelser räknade (inga namn, ingen fritext)")
    stats.add_argument("--year", type=_year, required=True, metavar="ÅÅÅÅ")
    stats.add_argument("--as-of", type=iso_date, metavar="DATUM", help="läget per datum")
    stats.add_argument("--json", action="store_true", help="skriv ut som JSON")
    stats.set_defaults(handler=cmd_stats)

    apt = commands.add_parser("apt-export", help="anonymiserat APT-underlag som Excel med diagram")
    apt.add_argument("file", metavar="FIL", help="xlsx-filen som skrivs")
    apt.add_argument("--year", type=_year, required=True, metavar="ÅÅÅÅ")
    apt.add_argument("--as-of", type=iso_date, metavar="DATUM", help="läget per datum")
    apt.add_argument(
        "--allow-sensitive-words",
        action="store_true",
        help="låt ord som liknar hälsouppgifter följa med (personnummer stoppas alltid)",
    )
    apt.set_defaults(handler=cmd_apt_export)


def _period(args: argparse.Namespace) -> tuple[date | None, date | None]:
    from enhetschef_app.domain.calendar import month_end

    if args.month and args.year:
        raise UserError("Ange antingen --month eller --year, inte båda.")
    if args.month:
        year, month = args.month
        return date(year, month, 1), month_end(date(year, month, 1))
    if args.year:
        return date(args.year, 1, 1), date(args.year, 12, 31)
    return None, None


def cmd_list(args: argparse.Namespace) -> int:
    from enhetschef_app.services.incidents.views import list_incidents

    first, last = _period(args)
    workspace = open_for(args)
    try:
        found = list_incidents(workspace, args.as_of, first, last)
        unit = workspace.require_unit()
    finally:
        workspace.close()
    found = [
        s
        for s in found
        if (args.state is None or s.state.value == args.state)
        and (args.track is None or s.track.value == args.track)
        and (not args.overdue or s.overdue)
    ]
    if args.json:
        print_json(
            {
                "unit": unit.code,
                "first": first.isoformat() if first else None,
                "last": last.isoformat() if last else None,
                "with_text": bool(args.with_text),
                "count": len(found),
                "incidents": [s.as_dict(with_text=args.with_text) for s in found],
            }
        )
        return EXIT_OK
    for s in found:
        late = ", ".join(w.what for w in s.deadlines)
        flag = f"  SEN: {late}" if late else ("  SEN: åtgärd" if s.overdue else "")
        print(
            f"{s.number}  {s.occurred_on.isoformat()} {s.occurred_at:%H:%M}  "
            f"{s.track.label:<11} {s.category_label:<16} {s.state.label:<15}{flag}"
        )
        if args.with_text:
            print(f"    {s.description}")
    print(f"{len(found)} avvikelser")
    return EXIT_OK


def cmd_stats(args: argparse.Namespace) -> int:
    from enhetschef_app.services.incidents.stats import incident_stats

    workspace = open_for(args)
    try:
        stats = incident_stats(workspace, args.year, args.as_of)
    finally:
        workspace.close()
    if args.json:
        print_json(stats.as_dict())
        return EXIT_OK
    from enhetschef_app.domain.incidents import CATEGORIES, STATE_ORDER, Track

    median = stats.median_days_to_close
    print(f"Avvikelser {stats.year} ({stats.unit_code}), läget {stats.as_of.isoformat()}")
    print(f"  totalt {stats.total}, avslutade {stats.closed}, efter tidsfrist {stats.overdue}")
    days = "–" if median is None else format(median.normalize(), "f")
    print(f"  mediantid till avslutad: {days} dagar")
    lines = (
        ("per spår", [(t.label, stats.by_track[t.value]) for t in Track]),
        ("per status", [(s.label, stats.by_state[s.value]) for s in STATE_ORDER]),
        ("per kategori", [(label, stats.by_category[code]) for code, label in CATEGORIES]),
        ("per månad", list(stats.by_month.items())),
    )
    for title, counts in lines:
        print(f"  {title}: " + ", ".join(f"{label} {count}" for label, count in counts))
    return EXIT_OK


def cmd_apt_export(args: argparse.Namespace) -> int:
    from enhetschef_app.services.incidents.stats import export_apt

    path = Path(args.file)
    workspace = open_for(args)
    try:
        stats = export_apt(
            workspace,
            args.year,
            path,
            args.as_of,
            allow_sensitive_words=args.allow_sensitive_words,
        )
    finally:
        workspace.close()
    print(f"APT-underlaget för {stats.year} ({stats.total} avvikelser) är sparat: {path}")
    return EXIT_OK

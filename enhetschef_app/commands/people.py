"""Commands of medarbetarsamtal and competence: `reviews status`, `reviews cycle` and
`competence expiring` (keys documented in docs/medarbetarsamtal.md)."""

from __future__ import annotations

import argparse

from enhetschef_app.commands.common import Subparsers, iso_date, open_for, print_json
from enhetschef_app.domain.errors import EXIT_OK


def register(sub: Subparsers) -> None:
    reviews = sub.add_parser("reviews", help="medarbetarsamtal: status per medarbetare")
    reviews_sub = reviews.add_subparsers(dest="reviews_command", metavar="KOMMANDO", required=True)
    status = reviews_sub.add_parser(
        "status", help="senaste och planerade samtal, status och försenade, per medarbetare"
    )
    status.add_argument("--date", type=iso_date, metavar="DATUM", help="dag (standard: idag)")
    status.add_argument("--json", action="store_true", help="skriv ut som JSON")
    status.set_defaults(handler=cmd_reviews_status)
    cycle = reviews_sub.add_parser("cycle", help="samtalsperioden och täckningen")
    cycle.add_argument("--date", type=iso_date, metavar="DATUM", help="dag (standard: idag)")
    cycle.add_argument("--json", action="store_true", help="skriv ut som JSON")
    cycle.set_defaults(handler=cmd_reviews_cycle)

    competence = sub.add_parser("competence", help="utbildningar och delegeringar")
    competence_sub = competence.add_subparsers(
        dest="competence_command", metavar="KOMMANDO", required=True
    )
    expiring = competence_sub.add_parser(
        "expiring", help="utbildningar och delegeringar som går ut inom N dagar (eller gått ut)"
    )
    expiring.add_argument(
        "--days",
        type=int,
        metavar="N",
        help="antal dagar framåt (standard: inställningen, 30 dagar)",
    )
    expiring.add_argument("--date", type=iso_date, metavar="DATUM", help="dag (standard: idag)")
    expiring.add_argument("--json", action="store_true", help="skriv ut som JSON")
    expiring.set_defaults(handler=cmd_competence_expiring)


def cmd_reviews_status(args: argparse.Namespace) -> int:
    from enhetschef_app.services.people.reviews import review_overview

    workspace = open_for(args)
    try:
        overview = review_overview(workspace, args.date)
    finally:
        workspace.close()
    if args.json:
        print_json([row.as_json() for row in overview.employees])
        return EXIT_OK
    print(_cycle_line(overview.cycle_json()))
    for row in overview.employees:
        data = row.as_json()
        late = "  FÖRSENAT" if row.state.overdue else ""
        expected = "" if row.state.expected else f"  ({row.state.expectation.label})"
        print(
            f"{row.employee_no:>8}  {row.name:<28} {row.status.label:<12} "
            f"senast {data['last_talk'] or '–':<10}  planerat {data['planned'] or '–':<10}"
            f"{late}{expected}"
        )
    return EXIT_OK


def _cycle_line(cycle: dict[str, object]) -> str:
    share = cycle["coverage_percent"]
    shown = "–" if share is None else f"{share} %".replace(".", ",")
    return (
        f"Samtalsperiod {cycle['cycle']} ({cycle['cycle_start']}–{cycle['cycle_end']}): "
        f"{cycle['held']} av {cycle['expected']} genomförda ({shown}), "
        f"{cycle['overdue']} försenade."
    )


def cmd_reviews_cycle(args: argparse.Namespace) -> int:
    from enhetschef_app.services.people.reviews import review_overview

    workspace = open_for(args)
    try:
        overview = review_overview(workspace, args.date)
    finally:
        workspace.close()
    if args.json:
        print_json(overview.cycle_json())
    else:
        print(_cycle_line(overview.cycle_json()))
    return EXIT_OK


def cmd_competence_expiring(args: argparse.Namespace) -> int:
    from enhetschef_app.services.people.competence import expiring

    workspace = open_for(args)
    try:
        items = expiring(workspace, args.date, args.days)
    finally:
        workspace.close()
    if args.json:
        print_json([item.as_json() for item in items])
        return EXIT_OK
    if not items:
        print("Inget går ut inom perioden.")
    for item in items:
        data = item.as_json()
        left = item.days_left
        when = (
            f"gick ut för {_days(-left)} sedan"
            if left is not None and left < 0
            else f"{_days(left or 0)} kvar"
        )
        print(
            f"{item.employee_no:>8}  {item.employee_name:<28} {item.kind.label:<11} "
            f"{item.what:<30} till {data['valid_until']}  ({when})"
        )
    return EXIT_OK


def _days(count: int) -> str:
    return "1 dag" if count == 1 else f"{count} dagar"

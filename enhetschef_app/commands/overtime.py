"""Commands of Övertid: make a request, list requests, and decide (only the EC decides).

`overtime request --json` prints an object with `id`, `employee_no`, `minutes_simple`,
`minutes_qualified`, `minutes_mertid` and `cost` (kronor, to the öre); `overtime list --json`
an object whose `requests` hold the same keys and the status. A decision that passes a limit
needs `--over-limit-reason`, else exit 2 with the limit named.
"""

from __future__ import annotations

import argparse
from datetime import time

from enhetschef_app.commands.common import (
    Subparsers,
    iso_date,
    open_for,
    print_json,
    record_id,
    year_month,
)
from enhetschef_app.domain.errors import EXIT_OK


def _clock(text: str) -> time:
    hours, _, minutes = text.strip().partition(":")
    try:
        if len(minutes) != 2:
            raise ValueError(text)
        return time(int(hours), int(minutes))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' är inte en tid (TT:MM)") from None


def _rast(text: str) -> tuple[time, time]:
    """'16:00-16:30' (or with an en dash) as the rast's start and end."""
    first, dash, last = text.replace("–", "-").partition("-")
    if not dash:
        raise argparse.ArgumentTypeError(f"'{text}' är ingen rast (TT:MM-TT:MM)")
    return _clock(first), _clock(last)


def _request_id(text: str) -> int:
    try:
        return record_id(text)
    except argparse.ArgumentTypeError:
        raise argparse.ArgumentTypeError(
            f"'{text}' är inte ett nummer på en övertidsbegäran"
        ) from None


def register(sub: Subparsers) -> None:
    group = sub.add_parser("overtime", help="övertid och mertid: begäran, lista och beslut")
    commands = group.add_subparsers(dest="overtime_command", metavar="KOMMANDO")
    commands.required = True

    request = commands.add_parser(
        "request", help="registrera en övertidsbegäran (väntar på beslut)"
    )
    request.add_argument("--employee", required=True, metavar="NR", help="anställningsnummer")
    request.add_argument("--date", type=iso_date, required=True, metavar="DATUM")
    request.add_argument("--start", type=_clock, required=True, metavar="TT:MM")
    request.add_argument(
        "--end", type=_clock, required=True, metavar="TT:MM", help="före start: nästa dag"
    )
    request.add_argument(
        "--reason", required=True, metavar="TEXT", help="vem eller vilken tom rad den täcker"
    )
    request.add_argument(
        "--rast",
        type=_rast,
        metavar="TT:MM-TT:MM",
        help="rast inom tiden (obetald, räknas inte som övertid)",
    )
    request.add_argument("--json", action="store_true", help="skriv ut som JSON")
    request.set_defaults(handler=cmd_request)

    listing = commands.add_parser("list", help="lista övertidsbegäran och beslut")
    listing.add_argument(
        "--month", type=year_month, metavar="ÅÅÅÅ-MM", help="bara dagar i denna månad"
    )
    listing.add_argument("--status", choices=["waiting", "approved", "rejected"])
    listing.add_argument("--json", action="store_true", help="skriv ut som JSON")
    listing.set_defaults(handler=cmd_list)

    decide = commands.add_parser(
        "decide", help="godkänn eller avslå (ett nytt beslut på en beslutad begäran rättar den)"
    )
    decide.add_argument("id", type=_request_id, metavar="ID", help="begärans nummer")
    decide.add_argument("verdict", choices=["approve", "reject"], metavar="approve|reject")
    decide.add_argument("--reason", required=True, metavar="TEXT", help="skälet till beslutet")
    decide.add_argument(
        "--over-limit-reason",
        metavar="TEXT",
        help="skälet att godkänna trots att en gräns för övertid passeras",
    )
    decide.set_defaults(handler=cmd_decide)


def _hours(minutes: int) -> str:
    return f"{minutes / 60:.2f}".replace(".", ",")


def _kronor(amount: object) -> str:
    return f"{amount}".replace(".", ",")


def cmd_request(args: argparse.Namespace) -> int:
    from enhetschef_app.services.overtime.requests import RequestDraft, request_overtime

    workspace = open_for(args)
    try:
        view = request_overtime(
            workspace,
            RequestDraft(
                employee_no=args.employee,
                work_date=args.date,
                start=args.start,
                end=args.end,
                reason=args.reason,
                rast=args.rast,
            ),
        )
    finally:
        workspace.close()
    if args.json:
        print_json(view.as_dict())
        return EXIT_OK
    f = view.figures
    print(
        f"Övertidsbegäran {view.id} registrerad: {view.employee_name} ({view.employee_no}) "
        f"{view.work_date.isoformat()} {view.time_text}, väntar på beslut."
    )
    print(
        f"  enkel {_hours(f.minutes_simple)} h, kvalificerad {_hours(f.minutes_qualified)} h, "
        f"mertid {_hours(f.minutes_mertid)} h; kostnad {_kronor(f.cost)} kr"
    )
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    from enhetschef_app.domain.overtime_requests import RequestStatus
    from enhetschef_app.domain.year_month import YearMonth
    from enhetschef_app.services.overtime.requests import list_requests

    month = YearMonth(*args.month) if args.month else None
    status = RequestStatus(args.status) if args.status else None
    workspace = open_for(args)
    try:
        unit = workspace.require_unit()
        found = list_requests(workspace, month=month, status=status)
    finally:
        workspace.close()
    if args.json:
        print_json(
            {
                "unit": unit.code,
                "month": month.label if month else None,
                "status": args.status,
                "count": len(found),
                "requests": [view.as_dict() for view in found],
            }
        )
        return EXIT_OK
    for view in found:
        f = view.figures
        print(
            f"{view.id:>5}  {view.work_date.isoformat()} {view.time_text}  "
            f"{view.employee_name:<24} {view.status.label:<16} enkel {_hours(f.minutes_simple)} h, "
            f"kval. {_hours(f.minutes_qualified)} h, mertid {_hours(f.minutes_mertid)} h, "
            f"{_kronor(f.cost)} kr"
        )
    print(f"{len(found)} övertidsbegäran")
    return EXIT_OK


def cmd_decide(args: argparse.Namespace) -> int:
    from enhetschef_app.domain.errors import UserError
    from enhetschef_app.domain.overtime_requests import LimitPassed, Verdict
    from enhetschef_app.services.overtime.requests import decide_overtime

    workspace = open_for(args)
    try:
        decision = decide_overtime(
            workspace,
            args.id,
            Verdict.from_verb(args.verdict),
            args.reason,
            over_limit_reason=args.over_limit_reason,
        )
    except LimitPassed as exc:
        raise UserError(exc.message + " Ange skälet med --over-limit-reason TEXT.") from exc
    finally:
        workspace.close()
    print(f"Övertidsbegäran {args.id}: {decision.describe()}")
    f = decision.figures
    print(
        f"  enkel {_hours(f.minutes_simple)} h, kvalificerad {_hours(f.minutes_qualified)} h, "
        f"mertid {_hours(f.minutes_mertid)} h; kostnad {_kronor(f.cost)} kr"
    )
    print("  Löpande summor med beslutet:")
    for check in decision.checks:
        print(f"    {check.describe()}")
    return EXIT_OK

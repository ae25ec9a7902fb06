"""Commands of the month report: `month-summary`, `export-month`, `sync` and its queue, and the
klar mark and comment of a month.

`month-summary --json` prints one object whose top-level keys are the figures (a contract, see
`services.month_summary`); a month marked klar gives the figures it was reported with, and what
changed since under `differences`. `sync` exits 3 when the shared workbook is open elsewhere
or another Enhetschef holds its sync lock: the file is untouched and the sync waits in the queue
(`sync-queue --retry` tries it again).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from enhetschef_app.commands.common import (
    Subparsers,
    open_for,
    print_json,
    record_id,
    seconds,
    year_month,
)
from enhetschef_app.domain.errors import EXIT_OK, UserError

SYNC_WAIT_MAX = 3600.0  # an hour: longer than any sync, short enough to be a mistake past it


def _month(text: str) -> object:
    from enhetschef_app.domain.year_month import YearMonth

    year, month = year_month(text)
    return YearMonth(year, month)


def register(sub: Subparsers) -> None:
    summary = sub.add_parser("month-summary", help="månadens nyckeltal för verksamhetschefen")
    summary.add_argument("--month", type=_month, required=True, metavar="ÅÅÅÅ-MM")
    summary.add_argument("--json", action="store_true", help="skriv ut som JSON")
    summary.set_defaults(handler=cmd_month_summary)

    export = sub.add_parser(
        "export-month", help="månadsrapporten till verksamhetschefen som Excel (och PDF)"
    )
    export.add_argument("--month", type=_month, required=True, metavar="ÅÅÅÅ-MM")
    export.add_argument("--out", type=Path, required=True, metavar="FIL.xlsx")
    export.add_argument("--pdf", type=Path, metavar="FIL.pdf", help="skriv även en PDF")
    export.add_argument(
        "--allow-sensitive-words",
        action="store_true",
        help="låt ord som liknar hälsouppgifter följa med (personnummer stoppas alltid)",
    )
    export.set_defaults(handler=cmd_export_month)

    sync = sub.add_parser("sync", help="skriv enhetens rad i den delade arbetsboken")
    sync.add_argument("--month", type=_month, required=True, metavar="ÅÅÅÅ-MM")
    sync.add_argument("--workbook", type=Path, required=True, metavar="SÖKVÄG")
    sync.add_argument("--sheet", metavar="BLAD", help="bladet (standard: Månadsuppföljning)")
    sync.add_argument(
        "--wait",
        type=seconds(SYNC_WAIT_MAX),
        default=0.0,
        metavar="SEKUNDER",
        help="vänta så länge på synklåset innan synken läggs i kön (standard: 0)",
    )
    sync.add_argument("--json", action="store_true", help="skriv ut som JSON")
    sync.add_argument(
        "--allow-sensitive-words",
        action="store_true",
        help="låt ord som liknar hälsouppgifter följa med (personnummer stoppas alltid)",
    )
    sync.set_defaults(handler=cmd_sync)

    queue = sub.add_parser("sync-queue", help="synkar som väntar på den delade arbetsboken")
    queue.add_argument("--retry", action="store_true", help="försök med de väntande nu")
    queue.add_argument("--cancel", type=record_id, metavar="ID", help="ta bort en väntande synk")
    queue.add_argument("--json", action="store_true", help="skriv ut som JSON")
    queue.set_defaults(handler=cmd_sync_queue)

    close = sub.add_parser("month-close", help="markera månaden klar (låser nyckeltalen)")
    close.add_argument("--month", type=_month, required=True, metavar="ÅÅÅÅ-MM")
    close.set_defaults(handler=cmd_month_close)

    reopen = sub.add_parser("month-reopen", help="lås upp en månad som är markerad klar")
    reopen.add_argument("--month", type=_month, required=True, metavar="ÅÅÅÅ-MM")
    reopen.add_argument("--reason", required=True, metavar="TEXT")
    reopen.set_defaults(handler=cmd_month_reopen)

    comment = sub.add_parser("month-comment", help="enhetschefens kommentar till månaden")
    comment.add_argument("--month", type=_month, required=True, metavar="ÅÅÅÅ-MM")
    comment.add_argument("--text", required=True, metavar="TEXT")
    comment.set_defaults(handler=cmd_month_comment)

    vc = sub.add_parser("vc-comments", help="läs verksamhetschefens kommentarer ur arbetsboken")
    vc.add_argument("--workbook", type=Path, metavar="SÖKVÄG", help="(standard: den senaste)")
    vc.add_argument("--sheet", metavar="BLAD")
    vc.add_argument("--json", action="store_true", help="skriv ut som JSON")
    vc.set_defaults(handler=cmd_vc_comments)


def cmd_month_summary(args: argparse.Namespace) -> int:
    from enhetschef_app.domain.key_figures import FIGURES
    from enhetschef_app.services.month.document import figure_text
    from enhetschef_app.services.month.report import month_report_view

    workspace = open_for(args)
    try:
        view = month_report_view(workspace, args.month)
    finally:
        workspace.close()
    if args.json:
        print_json(view.as_dict())
        return EXIT_OK
    state = "klar" if view.is_closed else "utkast"
    print(f"Månadsrapport {view.month.label} – {view.summary.unit_code} ({state})")
    changed = {d.key: d for d in view.differences}
    for spec in FIGURES:
        line = f"  {spec.label:<32} {figure_text(spec.key, view.reported[spec.key]):>14}"
        if spec.key in changed:
            line += f"  (nu {figure_text(spec.key, changed[spec.key].current)})"
        print(line)
    return EXIT_OK


def _check_output(path: Path) -> None:
    if path.is_dir():
        raise UserError(f"{path} är en mapp. Ange ett filnamn i mappen. Inget har skrivits.")
    if not path.parent.is_dir():
        raise UserError(
            f"Mappen {path.parent} finns inte, så {path.name} kan inte skrivas. Inget har skrivits."
        )


def cmd_export_month(args: argparse.Namespace) -> int:
    from enhetschef_app.services.month.document import export_month_workbook

    if args.pdf is not None and args.pdf.suffix.lower() != ".pdf":
        raise UserError(f"Spara PDF:en som en .pdf-fil: {args.pdf.name} har fel filändelse.")
    for output in [args.out, args.pdf]:  # every output checked before any is written
        if output is not None:
            _check_output(output)
    workspace = open_for(args)
    try:
        path, document = export_month_workbook(
            workspace, args.month, args.out, allow_sensitive_words=args.allow_sensitive_words
        )
    finally:
        workspace.close()
    print(f"Månadsrapporten skrevs till {path}.")
    if args.pdf is not None:
        # The one command that starts Qt: its own PDF writer draws the same document, headless.
        from enhetschef_app.reports.month_report_pdf import write_month_pdf_headless

        print(f"PDF:en skrevs till {write_month_pdf_headless(document, args.pdf)}.")
    return EXIT_OK


def cmd_sync(args: argparse.Namespace) -> int:
    from enhetschef_app.services.month.sync import sync_month_to_shared_workbook

    workspace = open_for(args)
    try:
        outcome = sync_month_to_shared_workbook(
            workspace,
            args.month,
            args.workbook,
            args.sheet,
            wait_seconds=args.wait,
            allow_sensitive_words=args.allow_sensitive_words,
        )
    finally:
        workspace.close()
    if args.json:
        print_json(
            {
                "month": outcome.month.label,
                "workbook": str(outcome.workbook),
                "sheet": outcome.sheet,
                "row": outcome.row_number,
                "created_workbook": outcome.created_workbook,
                "created_row": outcome.created_row,
                "added_columns": list(outcome.added_columns),
                "vc_comment": outcome.vc_comment,
                "backup": None if outcome.backup is None else str(outcome.backup),
                "merges": outcome.merges,
                "notes": outcome.notes,
            }
        )
    else:
        print(outcome.describe())
        if outcome.vc_comment:
            print(f"Verksamhetschefens kommentar: {outcome.vc_comment}")
    return EXIT_OK


def cmd_sync_queue(args: argparse.Namespace) -> int:
    from enhetschef_app.services.month.sync import (
        cancel_sync_job,
        retry_sync_queue,
        sync_queue,
    )

    workspace = open_for(args)
    try:
        if args.cancel is not None:
            cancel_sync_job(workspace, args.cancel)
        results = retry_sync_queue(workspace) if args.retry else []
        jobs = sync_queue(workspace)
    finally:
        workspace.close()
    if args.json:
        print_json(
            {
                "retried": [
                    {"id": r.job_id, "month": r.month, "state": r.state, "message": r.message}
                    for r in results
                ],
                "jobs": [job.as_dict() for job in jobs],
            }
        )
    else:
        for result in results:
            print(f"{result.month}: {result.message}")
        waiting = [j for j in jobs if j.state == "waiting"]
        print(f"{len(waiting)} synkar väntar i kön.")
        for job in waiting:
            print(f"  {job.id}: {job.month} → {job.workbook} ({job.last_error or ''})")
    still_waiting = any(r.state == "waiting" for r in results)
    return 3 if still_waiting else EXIT_OK


def cmd_month_close(args: argparse.Namespace) -> int:
    from enhetschef_app.services.month.report import close_month

    workspace = open_for(args)
    try:
        close_month(workspace, args.month)
    finally:
        workspace.close()
    print(f"Månaden {args.month} är markerad klar; nyckeltalen är låsta.")
    return EXIT_OK


def cmd_month_reopen(args: argparse.Namespace) -> int:
    from enhetschef_app.services.month.report import reopen_month

    workspace = open_for(args)
    try:
        reopen_month(workspace, args.month, args.reason)
    finally:
        workspace.close()
    print(f"Månaden {args.month} är upplåst.")
    return EXIT_OK


def cmd_month_comment(args: argparse.Namespace) -> int:
    from enhetschef_app.services.month.report import save_comment

    workspace = open_for(args)
    try:
        warnings = save_comment(workspace, args.month, args.text)
    finally:
        workspace.close()
    for warning in warnings:
        sys.stderr.write(f"enhetschef: varning: {warning}\n")
    print(f"Kommentaren till {args.month} är sparad.")
    return EXIT_OK


def cmd_vc_comments(args: argparse.Namespace) -> int:
    from enhetschef_app.services.month.sync import fetch_vc_comments

    workspace = open_for(args)
    try:
        comments = fetch_vc_comments(workspace, args.workbook, args.sheet)
    finally:
        workspace.close()
    if args.json:
        print_json(comments)
    else:
        for month, text in sorted(comments.items()):
            print(f"{month}: {text}")
        if not comments:
            print("Verksamhetschefen har inte kommenterat enhetens rader.")
    return EXIT_OK

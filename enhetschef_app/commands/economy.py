"""Commands of Personalekonomi: import-budget, import-utfall, economy."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from enhetschef_app.commands.common import (
    Subparsers,
    add_import_arguments,
    open_for,
    print_json,
    year_month,
)
from enhetschef_app.domain.errors import EXIT_OK


def register(sub: Subparsers) -> None:
    budget = sub.add_parser(
        "import-budget",
        help="importera enhetens personalbudget per månad (xlsx eller csv)",
        description="Läser kolumnerna Månad (2026-10 eller okt 2026), Personalkostnad (kr) och "
        "Årsarbetare, i valfri ordning och med vanliga alternativa rubriker. Belopp skrivs som "
        "1 234 567,50. Vid fel listas varje felaktig rad och inget importeras (slutkod 2).",
    )
    add_import_arguments(budget)
    budget.set_defaults(handler=cmd_import_budget)

    outcome = sub.add_parser(
        "import-utfall",
        help="importera bokfört utfall av personalkostnaden per månad",
        description="Läser kolumnerna Månad och Utfall personalkostnad. Utfallet ersätter "
        "programmets beräkning för de månaderna och skillnaden mot beräkningen visas.",
    )
    add_import_arguments(outcome)
    outcome.set_defaults(handler=cmd_import_outcome)

    month = sub.add_parser(
        "economy",
        help="månadens beräknade personalkostnad rad för rad, mot budget",
        description="Varje kostnadsrad med sitt underlag, luckor (personer utan lön), budget, "
        "avvikelse och helårsprognos.",
    )
    month.add_argument("month", type=year_month, metavar="ÅÅÅÅ-MM")
    month.add_argument("--json", action="store_true", help="skriv raderna som JSON")
    month.set_defaults(handler=cmd_economy)


def _import(args: argparse.Namespace, outcome: bool) -> int:
    from enhetschef_app.services.economy.budget import import_budget, import_outcome

    workspace = open_for(args)
    try:
        run = import_outcome if outcome else import_budget
        summary = run(workspace, Path(args.file), sheet=args.sheet)
    finally:
        workspace.close()
    if args.json:
        print_json(summary.as_dict())
    else:
        print(summary.describe())
    return EXIT_OK


def cmd_import_budget(args: argparse.Namespace) -> int:
    return _import(args, outcome=False)


def cmd_import_outcome(args: argparse.Namespace) -> int:
    return _import(args, outcome=True)


def cmd_economy(args: argparse.Namespace) -> int:
    from enhetschef_app.domain.year_month import YearMonth
    from enhetschef_app.services.economy.costs import year_view
    from enhetschef_app.services.economy.figures import figures_of
    from enhetschef_app.services.month.summary import json_number, plain

    period = YearMonth(*args.month)
    workspace = open_for(args)
    try:
        view = year_view(workspace, period.year)
    finally:
        workspace.close()
    cost = view.cost_of(period.month)
    figures = figures_of(view, period.month)
    data: dict[str, Any] = {
        "month": period.label,
        "lines": [
            {
                "kind": line.kind.value,
                "label": line.label,
                "person": line.person,
                "amount": json_number(line.amount),
                "inputs": dict(line.inputs),
            }
            for line in cost.lines
        ],
        "gaps": [{"person": g.person, "reason": g.reason} for g in cost.gaps],
        "wages": json_number(cost.wages),
        "po": json_number(cost.po),
        "estimate": json_number(cost.total),
        **{key: plain(value) for key, value in figures.values.items()},
    }
    if args.json:
        print_json(data)
        return EXIT_OK
    for line in cost.lines:
        who = f" – {line.person}" if line.person else ""
        print(f"{line.label}{who}: {_kr(line.amount)} ({line.inputs_text()})")
    for gap in cost.gaps:
        print(f"Lucka – {gap.person}: {gap.reason}")
    print(f"Beräknad kostnad {period.label}: {_kr(cost.total)}")
    from enhetschef_app.domain.key_figures import FIGURE_SPECS

    for key in ("personnel_cost", "personnel_budget", "budget_deviation", "forecast_year"):
        value = figures.values[key]
        print(f"{FIGURE_SPECS[key].label}: {'–' if value is None else _kr(value)}")
    return EXIT_OK


def _kr(value: Any) -> str:
    return f"{value:,.2f}".replace(",", " ").replace(".", ",") + " kr"

"""Commands of Frånvaro och omtanke: import-absences, omtanke, rehab, absence-figures."""

from __future__ import annotations

import argparse
from pathlib import Path

from enhetschef_app.commands.common import (
    Subparsers,
    add_import_arguments,
    iso_date,
    open_for,
    print_json,
    year_month,
)
from enhetschef_app.domain.errors import EXIT_OK


def register(sub: Subparsers) -> None:
    imp = sub.add_parser(
        "import-absences",
        help="importera frånvaro (xlsx eller csv) till enheten",
        description="Läser frånvaro i standardlayouten Anställningsnr, Frånvarotyp, Från, Till, "
        "Omfattning (%%). Samma fil två gånger ändrar ingenting. Poster av samma slag som "
        "överlappar eller ansluter sparas som de är och räknas som ett tillfälle. Vid fel listas "
        "varje felaktig rad och inget importeras (slutkod 2).",
    )
    add_import_arguments(imp)
    imp.set_defaults(handler=cmd_import_absences)

    care = sub.add_parser(
        "omtanke",
        help="vilka som ska erbjudas omtankessamtal en dag",
        description="Medarbetare som har nått gränsen för frånvarotillfällen inom perioden och "
        "som inte redan är inbjudna, har haft samtal för tillfällena eller har en vilande "
        "signal. Med --json: en lista med employee_no, name, occasions och spells "
        "(from, to; ett pågående tillfälle har dagen som frågas om som to).",
    )
    care.add_argument(
        "--date", type=iso_date, metavar="DATUM", help="dagen som frågas om (standard: idag)"
    )
    care.add_argument("--json", action="store_true", help="skriv listan som JSON")
    care.set_defaults(handler=cmd_omtanke)

    rehab = sub.add_parser(
        "rehab",
        help="pågående sjukfall en dag med sjukdagar och rehabkedjans dagar",
        description="Sjukfall som pågår dagen som frågas om. Dagarna räknas som sjukdagar: "
        "dag 8 och 15 över sjuklöneperioden (nytt sjukfall inom 5 dagar fortsätter den), dag "
        "30, 90, 180 och 365 över rehabiliteringskedjan (sjukfall med mindre än 90 dagar "
        "emellan läggs ihop); friska dagar emellan räknas inte. Med --json: en lista med "
        "employee_no, name, first_day, counted_from, sick_days och milestones (day, date, "
        "label).",
    )
    rehab.add_argument(
        "--date", type=iso_date, metavar="DATUM", help="dagen som frågas om (standard: idag)"
    )
    rehab.add_argument("--json", action="store_true", help="skriv listan som JSON")
    rehab.set_defaults(handler=cmd_rehab)

    figures = sub.add_parser(
        "absence-figures",
        help="månadens frånvarotal: sjuktimmar, sjukfrånvaro %%, korttid/långtid, samtal",
    )
    figures.add_argument("month", type=year_month, metavar="ÅÅÅÅ-MM")
    figures.add_argument("--json", action="store_true", help="skriv talen som JSON")
    figures.set_defaults(handler=cmd_absence_figures)


def cmd_import_absences(args: argparse.Namespace) -> int:
    from enhetschef_app.services.absence.imports import import_absences

    workspace = open_for(args)
    try:
        summary = import_absences(workspace, Path(args.file), sheet=args.sheet)
    finally:
        workspace.close()
    if args.json:
        print_json(summary.as_dict())
    else:
        print(summary.describe())
    return EXIT_OK


def cmd_omtanke(args: argparse.Namespace) -> int:
    from enhetschef_app.domain.calendar import today
    from enhetschef_app.services.absence.care_talk_scan import due_for_care_talk

    day = args.date or today()
    workspace = open_for(args)
    try:
        due = due_for_care_talk(workspace, day)
    finally:
        workspace.close()
    if args.json:
        print_json(
            [
                {
                    "employee_no": signal.employee_no,
                    "name": signal.name,
                    "occasions": signal.occasions,
                    "spells": [
                        {"from": first.isoformat(), "to": last.isoformat()}
                        for first, last in signal.spells()
                    ],
                }
                for signal in due
            ]
        )
        return EXIT_OK
    if not due:
        print(f"Ingen ska erbjudas omtankessamtal {day.isoformat()}.")
        return EXIT_OK
    print(f"Ska erbjudas omtankessamtal {day.isoformat()}:")
    for signal in due:
        spells = ", ".join(
            first.isoformat() if first == last else f"{first.isoformat()}–{last.isoformat()}"
            for first, last in signal.spells()
        )
        print(f"  {signal.employee_no} {signal.name}: {signal.occasions} tillfällen ({spells})")
    return EXIT_OK


def cmd_rehab(args: argparse.Namespace) -> int:
    from enhetschef_app.domain.calendar import today
    from enhetschef_app.services.absence.sick_spells import ongoing_spells

    day = args.date or today()
    workspace = open_for(args)
    try:
        spells = ongoing_spells(workspace, day)
    finally:
        workspace.close()
    if args.json:
        print_json([spell.as_dict() for spell in spells])
        return EXIT_OK
    if not spells:
        print(f"Inga pågående sjukfall {day.isoformat()}.")
        return EXIT_OK
    print(f"Pågående sjukfall {day.isoformat()}:")
    for spell in spells:
        counted = (
            ""
            if spell.counted_from == spell.first_day
            else f", räknat från {spell.counted_from.isoformat()}"
        )
        print(
            f"  {spell.employee_no} {spell.name}: sjuk från {spell.first_day.isoformat()}, "
            f"sjukdag {spell.sick_days}{counted}"
        )
        for m in spell.milestones:
            print(f"    dag {m.day} {m.due.isoformat()}: {m.title}")
    return EXIT_OK


def cmd_absence_figures(args: argparse.Namespace) -> int:
    from enhetschef_app.services.absence.figures import absence_month_figures

    year, month = args.month
    workspace = open_for(args)
    try:
        figures = absence_month_figures(workspace, year, month)
    finally:
        workspace.close()
    if args.json:
        print_json(figures.as_dict())
        return EXIT_OK
    percent = "–" if figures.sick_percent is None else f"{figures.sick_percent} %"
    print(f"Frånvaro {year:04d}-{month:02d}")
    print(f"  Schemalagda timmar (månadsavlönade): {figures.scheduled_hours}")
    print(f"  Sjuktimmar: {figures.sick_hours} ({percent})")
    print(
        f"  Korttid 1–14 dagar: {figures.short_sick_hours}, 15–59 dagar: "
        f"{figures.middle_sick_hours}, långtid 60+ dagar: {figures.long_sick_hours}"
    )
    print(f"  Frånvarotillfällen som började: {figures.occasions_started}")
    print(f"  Omtankessamtal genomförda: {figures.talks_held}")
    print(f"  Aktuella för omtankessamtal vid månadens slut: {figures.talks_due_at_month_end}")
    return EXIT_OK

"""What every command needs: the database and unit of the global options, JSON output, and
argument types with Swedish messages."""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from enhetschef_app.domain.errors import EXIT_USER_ERROR, UserError
from enhetschef_app.storage.location import DatabaseLocation, parse_location

if TYPE_CHECKING:
    from enhetschef_app.services.core.workspace import Workspace

Handler = Callable[[argparse.Namespace], int]


class Subparsers(Protocol):
    def add_parser(self, name: str, **kwargs: Any) -> argparse.ArgumentParser: ...


class SwedishArgumentParser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # argparse's own errors exit 2 too
        self.print_usage(sys.stderr)
        self.exit(EXIT_USER_ERROR, f"enhetschef: fel i argumenten: {message}\n")


def database_location(args: argparse.Namespace) -> DatabaseLocation:
    """`--db`: a file, or a database on a PostgreSQL server given by its address (never
    turned into a path). An address with a password in it is refused."""
    from enhetschef_app.paths import default_database_path

    return parse_location(args.db) if args.db else default_database_path()


def open_for(
    args: argparse.Namespace,
    *,
    create: bool = False,
    choose_unit: bool = True,
    unit_from_args: bool = True,
) -> Workspace:
    """Opens the database; the global --unit chooses the unit unless the command creates units
    itself (`unit_from_args=False`: demo, import-staff)."""
    from enhetschef_app.services.core.workspace import open_workspace

    location = database_location(args)
    if not create and isinstance(location, Path) and not location.exists():
        raise UserError(f"Databasen {location} finns inte. Ange en befintlig fil med --db.")
    unit = args.unit if unit_from_args else None
    workspace = open_workspace(location, unit, create=create, choose_unit=choose_unit)
    if workspace.on_server:
        return workspace
    from enhetschef_app.services.core.database_file import storage_location_warning

    warning = storage_location_warning(workspace.path)
    if warning is not None:
        sys.stderr.write(f"enhetschef: varning: {warning}\n")
    return workspace


def add_import_arguments(parser: argparse.ArgumentParser) -> None:
    """The file, its sheet and --json: what every table import takes."""
    parser.add_argument("file", metavar="FIL")
    parser.add_argument("--sheet", metavar="BLAD", help="bladets namn i en xlsx-fil")
    parser.add_argument("--json", action="store_true", help="skriv sammanfattningen som JSON")


def print_json(value: object) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2, default=str) + "\n")


def iso_date(text: str) -> date:
    from enhetschef_app.domain.date_bounds import bounds_text, within_bounds

    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' är inte ett datum (ÅÅÅÅ-MM-DD)") from None
    if not within_bounds(day):
        raise argparse.ArgumentTypeError(f"'{text}' ligger utanför {bounds_text()}")
    return day


def year_month(text: str) -> tuple[int, int]:
    """'2026-11' → (2026, 11)."""
    from enhetschef_app.domain.date_bounds import FIRST_DAY, LAST_DAY

    try:
        year, month = (int(part) for part in text.split("-"))
        date(year, month, 1)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' är inte en månad (ÅÅÅÅ-MM)") from None
    if not FIRST_DAY.year <= year <= LAST_DAY.year:
        raise argparse.ArgumentTypeError(
            f"'{text}' ligger utanför åren {FIRST_DAY.year}–{LAST_DAY.year}"
        )
    return year, month


def record_id(text: str) -> int:
    """A row's number as SQLite can hold it: a positive integer of at most 18 digits."""
    digits = text.strip()
    if not digits.isdecimal() or not digits.isascii() or len(digits) > 18 or int(digits) == 0:
        raise argparse.ArgumentTypeError(f"'{text}' är inte ett giltigt nummer")
    return int(digits)


def bounded_int(low: int, high: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"'{text}' är inte ett heltal") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"'{text}' ligger utanför {low}–{high}")
        return value

    return parse


def seconds(maximum: float) -> Callable[[str], float]:
    """A time to wait: a finite number of seconds from 0 to `maximum` (never nan or inf)."""

    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"'{text}' är inte ett antal sekunder") from None
        if not math.isfinite(value) or not 0 <= value <= maximum:
            raise argparse.ArgumentTypeError(
                f"'{text}' ska vara ett antal sekunder från 0 till {maximum:g}"
            )
        return value

    return parse

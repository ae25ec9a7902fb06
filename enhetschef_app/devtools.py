"""Developer helpers behind `make run` and `make demo`: the demo database in the data folder;
and the holiday table (domain/holiday_table.py) written from the holidays library."""

from __future__ import annotations

import sys

from enhetschef_app.paths import demo_database_path

HOLIDAY_YEARS = range(2000, 2061)


def holiday_table_source() -> str:
    """The text of domain/holiday_table.py, written from the holidays library."""
    from enhetschef_app.domain.calendar import library_holidays_of

    lines = [
        '"""Sweden\'s public holidays and the eves AB treats as holidays, '
        f"{HOLIDAY_YEARS[0]}–{HOLIDAY_YEARS[-1]}, as the",
        "holidays library gives them (calendar.library_holidays_of). Written by",
        "`python -m enhetschef_app.devtools holiday-table`; do not edit by hand.",
        '"""',
        "",
        "HOLIDAYS: dict[int, tuple[tuple[int, int, str], ...]] = {",
    ]
    for year in HOLIDAY_YEARS:
        days = sorted(library_holidays_of(year).items())
        lines.append(f"    {year}: (")
        lines += [f'        ({day.month}, {day.day}, "{name}"),' for day, name in days]
        lines.append("    ),")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    if argv[:1] == ["holiday-table"]:
        from pathlib import Path

        target = Path(__file__).parent / "domain" / "holiday_table.py"
        target.write_text(holiday_table_source(), encoding="utf-8")
        print(f"Skrev {target}")
        return 0
    path = demo_database_path()
    if argv[:1] == ["demo-path"]:
        print(path)
        return 0
    if argv[:1] == ["ensure-demo"]:
        if "--fresh" in argv and path.exists():
            for leftover in path.parent.glob(path.name + "*"):
                leftover.unlink()
        if path.exists():
            print(f"Demodatabasen finns: {path}")
            return 0
        from enhetschef_app.cli import main as cli_main

        print(f"Skapar demodatabasen {path} …")
        return cli_main(["--db", str(path), "demo"])
    print(
        "användning: python -m enhetschef_app.devtools demo-path | ensure-demo [--fresh] "
        "| holiday-table"
    )
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

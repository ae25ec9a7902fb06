"""The Swedish working calendar: public holidays, the eves AB treats as holidays, ISO weeks."""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from enhetschef_app.domain import holiday_table

STOCKHOLM = ZoneInfo("Europe/Stockholm")

_EVE_NAMES = {"Midsommarafton", "Julafton", "Nyårsafton"}


def library_holidays_of(year: int) -> dict[date, str]:
    """The year's holidays and eves from the holidays library (the source of the table)."""
    import holidays

    # de_facto holds midsommar-, jul- and nyårsafton; påskafton is in neither category, so it is
    # added from Easter Sunday (AB treats all four eves as holidays).
    found = holidays.country_holidays(
        "SE", years=year, categories=("public", "de_facto"), language="sv"
    )
    days = {d: str(name) for d, name in found.items()}
    easter = next((d for d, n in days.items() if n == "Påskdagen"), None)
    if easter is not None:
        days[easter - timedelta(days=1)] = "Påskafton"
    return days


@lru_cache(maxsize=64)
def _holidays_of(year: int) -> dict[date, str]:
    # The library's years as a table written from it: loading the library imports every
    # country's module, 0.3 s of each start (tests/unit/test_calendar.py keeps the two equal).
    known = holiday_table.HOLIDAYS.get(year)
    if known is None:
        return library_holidays_of(year)
    return {date(year, month, day): name for month, day, name in known}


def holiday_name(day: date) -> str | None:
    return _holidays_of(day.year).get(day)


def is_public_holiday(day: date) -> bool:
    name = holiday_name(day)
    return name is not None and name not in _EVE_NAMES and name != "Påskafton"


def is_holiday_eve(day: date) -> bool:
    name = holiday_name(day)
    return name is not None and (name in _EVE_NAMES or name == "Påskafton")


def is_red_day(day: date) -> bool:
    """Sunday, a public holiday or an eve that AB treats as a holiday."""
    return day.weekday() == 6 or holiday_name(day) is not None


def iso_week_label(day: date) -> str:
    return f"v. {day.isocalendar().week}"


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def month_end(day: date) -> date:
    first_next = date(day.year + (day.month // 12), day.month % 12 + 1, 1)
    return first_next - timedelta(days=1)


def today() -> date:
    """Today in Stockholm, whatever the machine's zone (a laptop abroad plans Swedish days)."""
    from datetime import datetime

    return datetime.now(STOCKHOLM).date()

"""The text of one imported cell read as a number, a date or a time of day.

Every parser takes the text a person sees in the cell (``tables`` turns Excel's own values into
such text first) and returns the value, or raises ``ValueError`` whose message is a short Swedish
sentence that an import shows beside the row and column. Empty text is not a value: callers
decide what an empty cell means (see ``optional``).

Choices, documented for the import guides in docs/:

- Numbers: a decimal comma or point (``38,25`` = ``38.25``), spaces (also no-break and thin
  spaces) as thousands separators in groups of three (``31 500``). A text with both a comma and
  a point is refused: ``1,234.5`` and ``1.234,5`` mean different things in different countries.
- Percentages: ``75``, ``75 %`` and ``75,5`` are percent. A share strictly between 0 and 1
  without a percent sign (``0,75``) is read as 75 %, because that is how Excel stores a cell
  formatted as percent. A bare ``1`` is refused as ambiguous (1 % or 100 %?); ``1 %`` is 1 %.
- Dates: ISO ``2026-11-22`` (also with a time part of midnight, as Excel dates arrive),
  ``22/11/2026`` (day first) and ``20261122``; the year 1900–2100.
- Times: ``7:00``, ``07:00``, ``07:00:00``, ``07.00``, ``0700``, ``700`` and ``7``. ``24:00``
  is midnight (00:00): a shift that ends at midnight ends on the next day's 00:00.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from datetime import date, time
from decimal import Decimal
from typing import TypeVar

from enhetschef_app.domain.date_bounds import FIRST_DAY, LAST_DAY
from enhetschef_app.domain.rounding import round_half_up

T = TypeVar("T")

# The years an imported date may have, the program's one span of dates: anything else is a typo
# (0001, 9999) that would carry a schedule or an absence off the calendar the rest counts in.
FIRST_YEAR = FIRST_DAY.year
LAST_YEAR = LAST_DAY.year

# Space, no-break space, narrow no-break space and thin space: what Excel, Word and HR systems
# put between thousands.
_SPACES = re.compile(r"[ \u00a0\u202f\u2009]+")
_MINUSES = str.maketrans({"\u2212": "-", "\u2013": "-"})
# No figure in a staff list or a schedule needs more; it keeps Decimal arithmetic exact.
_MAX_DIGITS = 20
_NUMBER = re.compile(r"([+-]?)(\d{1,3}(?: \d{3})+|\d*)(?:[.,](\d+))?")

_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00(?:\.0+)?)?)?")
_DAY_FIRST_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_COMPACT_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})")

_TIME_WITH_SEPARATOR = re.compile(r"(\d{1,2})[:.](\d{2})(?::(\d{2}))?")
_TIME_DIGITS = re.compile(r"\d{1,4}")
_HOURS_MINUTES = re.compile(r"(\d+):(\d{2})")
_HOURS_SUFFIX = re.compile(r"\s*(?:h|tim|timmar)\.?$", re.IGNORECASE)
_KRONOR_SUFFIX = re.compile(r"\s*(?:kr|kronor|sek|:-)\.?$", re.IGNORECASE)


# An import reads the same few texts (dates, times, percentages) in thousands of rows: each
# parser works on a text once. A parser is pure and its values immutable; a refusal (ValueError)
# is not remembered, so a bad cell is parsed again, as rarely as bad cells come.
_each_text_once = functools.lru_cache(maxsize=4096)


def optional(parse: Callable[[str], T], text: str) -> T | None:
    """None for an empty cell, otherwise what `parse` makes of it."""
    return None if not text.strip() else parse(text)


def _tidy(value: Decimal) -> Decimal:
    """75.00 -> 75 and 38.250 -> 38.25, so the same number is stored as the same text."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


@_each_text_once
def parse_decimal(text: str) -> Decimal:
    plain = _SPACES.sub(" ", text.strip()).translate(_MINUSES)
    match = _NUMBER.fullmatch(plain)
    if match is None or not (match.group(2) or match.group(3)):
        if "," in plain and "." in plain:
            raise ValueError("Otydligt tal: använd antingen decimalkomma eller decimalpunkt.")
        raise ValueError("Inte ett tal; skriv t.ex. 38,25 eller 31 500.")
    sign, whole, fraction = match.groups()
    digits = whole.replace(" ", "") or "0"
    if len(digits) + len(fraction or "") > _MAX_DIGITS:
        raise ValueError("Talet har för många siffror.")
    return _tidy(Decimal(f"{sign}{digits}.{fraction or '0'}"))


@_each_text_once
def parse_int(text: str) -> int:
    value = parse_decimal(text)
    if value != value.to_integral_value():
        raise ValueError("Inte ett heltal.")
    return int(value)


@_each_text_once
def parse_kronor(text: str) -> int:
    """Whole kronor: ``31 500``, ``31500 kr``, ``31 500:-`` and ``31500,00``."""
    value = parse_decimal(_KRONOR_SUFFIX.sub("", text.strip()))
    if value != value.to_integral_value():
        raise ValueError("Ange beloppet i hela kronor.")
    return int(value)


@_each_text_once
def parse_amount(text: str) -> Decimal:
    """Kronor and öre: ``1 234 567,50``, ``187,50 kr``, ``-12 000``."""
    value = parse_decimal(_KRONOR_SUFFIX.sub("", text.strip()))
    if value != value.quantize(Decimal("0.01")):
        raise ValueError("Ange beloppet i kronor med högst två decimaler (öre).")
    return value


@_each_text_once
def parse_percent(text: str) -> Decimal:
    plain = text.strip()
    if plain.endswith("%"):
        value = parse_decimal(plain[:-1])
    else:
        value = parse_decimal(plain)
        if value == 1:
            raise ValueError("Otydligt: 1 kan vara 1 % eller 100 %. Skriv 100 eller 1 %.")
        if 0 < value < 1:
            value = _tidy(value * 100)
    if value < 0:
        raise ValueError("En procentsats kan inte vara negativ.")
    return value


@_each_text_once
def parse_hours(text: str) -> Decimal:
    """Hours as a decimal number (``38,25``, ``38.25 h``) or as hours:minutes (``38:15``).

    Minutes are rounded to hundredths of an hour, so ``34:20`` is 34.33 as AB writes it.
    """
    plain = _HOURS_SUFFIX.sub("", text.strip())
    match = _HOURS_MINUTES.fullmatch(plain)
    if match is None:
        value = parse_decimal(plain)
    else:
        hours, minutes = int(match.group(1)), int(match.group(2))
        if minutes >= 60:
            raise ValueError("Minuterna ska vara 00–59.")
        value = _tidy(round_half_up(Decimal(hours) + Decimal(minutes) / 60))
    if value < 0:
        raise ValueError("Antalet timmar kan inte vara negativt.")
    return value


@_each_text_once
def parse_date(text: str) -> date:
    plain = text.strip()
    if match := _ISO_DATE.fullmatch(plain):
        year, month, day = (int(g) for g in match.groups())
    elif match := _DAY_FIRST_DATE.fullmatch(plain):
        day, month, year = (int(g) for g in match.groups())
    elif match := _COMPACT_DATE.fullmatch(plain):
        year, month, day = (int(g) for g in match.groups())
    else:
        raise ValueError("Inte ett datum; skriv ÅÅÅÅ-MM-DD, t.ex. 2026-11-22.")
    try:
        found = date(year, month, day)
    except ValueError:
        raise ValueError("Datumet finns inte i kalendern.") from None
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueError(f"Året ska vara mellan {FIRST_YEAR} och {LAST_YEAR}.")
    return found


@_each_text_once
def parse_time(text: str) -> time:
    plain = text.strip()
    seconds = 0
    if match := _TIME_WITH_SEPARATOR.fullmatch(plain):
        hour, minute = int(match.group(1)), int(match.group(2))
        seconds = int(match.group(3) or 0)
    elif _TIME_DIGITS.fullmatch(plain):
        # 7 -> 07:00, 700 -> 07:00, 0700 -> 07:00, 1530 -> 15:30
        hour, minute = (int(plain), 0) if len(plain) <= 2 else (int(plain[:-2]), int(plain[-2:]))
    else:
        raise ValueError("Inte ett klockslag; skriv t.ex. 07:00.")
    if hour == 24 and minute == 0 and seconds == 0:
        return time(0, 0)
    if hour > 23 or minute > 59 or seconds > 59:
        raise ValueError("Klockslaget finns inte; timmar 0–23 och minuter 00–59.")
    return time(hour, minute, seconds)

"""Numbers, dates and times as the window shows them (Swedish locale: decimal comma, ISO dates,
24-hour times) and sort keys that order Swedish names the Swedish way."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, time
from decimal import Decimal

from PySide6.QtCore import QLocale

from enhetschef_app.domain.rounding import round_half_up

# Å, Ä and Ö are letters of their own after Z; Æ/Ø sort as Ä/Ö and Ü as Y.
_SWEDISH_LAST = {"å": "\uffe0", "ä": "\uffe1", "æ": "\uffe1", "ö": "\uffe2", "ø": "\uffe2"}


def decimal_text(value: Decimal | int | None, max_decimals: int = 2) -> str:
    """'87,5', '100', '38,25' – as many decimals as the value needs, in the user's locale."""
    if value is None:
        return ""
    number = round_half_up(Decimal(value), Decimal(1).scaleb(-max_decimals)).normalize()
    exponent = number.as_tuple().exponent
    assert isinstance(exponent, int), "a quantized Decimal is finite"
    decimals = max(0, -exponent)
    return QLocale().toString(float(number), "f", decimals)


def hours_text(value: Decimal | None) -> str:
    """Hours always with two decimals ('30,60'), so a column of them lines up."""
    return fixed_text(value, 2)


def fixed_text(value: Decimal | int | None, decimals: int) -> str:
    """Exactly `decimals` decimals in the user's locale, rounded by the domain's rule (Qt would
    round the float, and 0.125 is not 0.125 as a float)."""
    if value is None:
        return ""
    rounded = round_half_up(Decimal(value), Decimal(1).scaleb(-decimals))
    return QLocale().toString(float(rounded), "f", decimals)


def whole_number_text(value: int | None) -> str:
    """'31 500' with the locale's group separator."""
    return "" if value is None else QLocale().toString(value)


def iso_date(value: date | None) -> str:
    return "" if value is None else value.isoformat()


def clock(value: time) -> str:
    return value.strftime("%H:%M")


def time_range(start: time, end: time) -> str:
    return f"{clock(start)}–{clock(end)}"


def parse_decimal(text: str) -> Decimal | None:
    """Reads '87,5', '87.5' or '87,5 %'; None for an empty field; ValueError when not a number."""
    cleaned = text.replace("%", "").replace("\u00a0", "").replace(" ", "").replace(",", ".")
    if not cleaned:
        return None
    if not re.fullmatch(r"-?\d+(\.\d+)?", cleaned):
        raise ValueError(text)
    return Decimal(cleaned)


def parse_whole_kronor(text: str) -> int | None:
    """Reads '31 500', '31500 kr'; None for an empty field; ValueError otherwise."""
    cleaned = re.sub(r"\s|kr\.?$", "", text.strip().lower().replace("\u00a0", " "))
    if not cleaned:
        return None
    if not cleaned.isdigit():
        raise ValueError(text)
    return int(cleaned)


def parse_iso_date(text: str) -> date | None:
    cleaned = text.strip()
    if not cleaned:
        return None
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", cleaned):
        raise ValueError(text)
    return date.fromisoformat(cleaned)


def swedish_sort_key(text: str) -> str:
    """A key that sorts like a Swedish phone book: case ignored, å ä ö after z."""
    out: list[str] = []
    for ch in text.casefold():
        if ch in _SWEDISH_LAST:
            out.append(_SWEDISH_LAST[ch])
            continue
        base = unicodedata.normalize("NFKD", ch)
        out.append("".join(c for c in base if not unicodedata.combining(c)) or ch)
    return "".join(out)


def natural_sort_key(text: str) -> str:
    """Numbers inside the text compare by value: '2' before '10', 'A-9' before 'A-10'."""
    return re.sub(r"\d+", lambda m: m.group(0).zfill(12), swedish_sort_key(text))


def day_name(day: date) -> str:
    name = QLocale().dayName(day.isoweekday(), QLocale.FormatType.ShortFormat)
    return f"{name.capitalize()} {day.isoformat()}"

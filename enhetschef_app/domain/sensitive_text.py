"""Warnings for free text that should not be there: personnummer, samordningsnummer and
health details (GDPR art. 9; DOMAIN.md, Privacy). The app warns before saving; the person
decides."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from enhetschef_app.domain.staff import fold

# 6 or 8 digits of birth date, an optional - or + and 4 digits; not inside a longer number.
_NUMBER = re.compile(r"(?<![\d-])(\d{2})?(\d{2})(\d{2})(\d{2})\s?([-+]?)\s?(\d{4})(?![\d])")


@dataclass(frozen=True)
class IdentityNumber:
    text: str
    coordination: bool  # samordningsnummer: day of birth + 60

    @property
    def label(self) -> str:
        return "samordningsnummer" if self.coordination else "personnummer"


def luhn_ok(digits: str) -> bool:
    total = 0
    for index, char in enumerate(digits):
        value = int(char) * (2 if index % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def _plausible_date(century: str | None, yy: str, mm: str, dd: str) -> bool | None:
    """True for a real birth date, None for a samordningsnummer's (day + 60), else False."""
    day = int(dd)
    coordination = day > 60
    if coordination:
        day -= 60
    year = int((century or "19") + yy)
    try:
        date(year, int(mm), day)
    except ValueError:
        # With no century, 29 February needs a leap year from the 1900s or 2000s.
        if century is None and int(mm) == 2 and day == 29:
            try:
                date(2000 + int(yy), 2, 29)
            except ValueError:
                return False
            return None if coordination else True
        return False
    return None if coordination else True


def find_identity_numbers(text: str) -> list[IdentityNumber]:
    found: list[IdentityNumber] = []
    for match in _NUMBER.finditer(text):
        century, yy, mm, dd, _sep, last4 = match.groups()
        if century is not None and century not in ("18", "19", "20"):
            continue
        real = _plausible_date(century, yy, mm, dd)
        if real is False:
            continue
        if not luhn_ok(yy + mm + dd + last4):
            continue
        found.append(IdentityNumber(match.group(0).strip(), coordination=real is None))
    return found


# Words that point to a diagnosis or health detail; a warning, never a block.
_HEALTH_WORDS = (
    "diagnos",
    "depression",
    "utbrand",
    "utmattning",
    "cancer",
    "migran",
    "graviditet",
    "gravid",
    "missfall",
    "alkohol",
    "missbruk",
    "psykisk",
    "angest",
    "panikangest",
    "operation",
    "opererad",
    "sjukdom",
    "medicin",
    "lakemedel",
    "tabletter",
    "influensa",
    "covid",
    "corona",
    "ryggskott",
    "diskbrack",
    "fraktur",
    "benbrott",
    "hjartinfarkt",
    "stroke",
    "diabetes",
    "astma",
    "allergi",
    "magsjuk",
    "kraksjuk",
    "infektion",
    "feber",
    "psykolog",
    "psykiatri",
    "terapi",
    "kbt",
    "rehab",
)


def find_health_words(text: str) -> list[str]:
    words = re.findall(r"[a-z]+", fold(text))
    return sorted({w for w in words for stem in _HEALTH_WORDS if w.startswith(stem)})


def privacy_warnings(text: str) -> list[str]:
    """Swedish warnings to show before a free text is saved; empty when nothing was found."""
    warnings = [
        f"Texten innehåller något som ser ut som ett {n.label} ({n.text}). Ta bort det om det "
        "inte måste stå här."
        for n in find_identity_numbers(text)
    ]
    health = find_health_words(text)
    if health:
        warnings.append(
            "Texten verkar innehålla hälsouppgifter (" + ", ".join(health) + "). Skriv bara "
            "vad som överenskommits, aldrig diagnos eller sjukdomsdetaljer."
        )
    return warnings

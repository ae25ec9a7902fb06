"""The span of dates the program works with. Arithmetic on a schedule or a month reaches weeks
beyond the day asked for, so a date near Python's own limits (year 1 or 9999) would overflow
deep inside a computation; anything outside this span is refused where it enters."""

from __future__ import annotations

from datetime import date

FIRST_DAY = date(1900, 1, 1)
LAST_DAY = date(2100, 12, 31)


def within_bounds(day: date) -> bool:
    return FIRST_DAY <= day <= LAST_DAY


def bounds_text() -> str:
    return f"{FIRST_DAY.isoformat()}–{LAST_DAY.isoformat()}"

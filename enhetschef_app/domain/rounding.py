"""The one rounding rule of every hour and percentage the program shows or reports: to the
hundredth, half up (0.125 h is 0.13 h, as a person counts by hand).

Python's round() and Decimal's default round half to even, which is why no figure is rounded
anywhere else: two lines of one report that round the same quantity must not differ by a
hundredth.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

HUNDREDTH = Decimal("0.01")
PERCENT_MINUTES_PER_HOUR = 6000  # minutes × a share in percent


def round_half_up(value: Decimal | int, places: Decimal = HUNDREDTH) -> Decimal:
    """`value` to the step of `places` (a hundredth unless told), half up."""
    return Decimal(value).quantize(places, rounding=ROUND_HALF_UP)


def hours_of_minutes(minutes: int) -> Decimal:
    """Whole minutes as hours to the hundredth."""
    return round_half_up(Decimal(minutes) / 60)


def hours_of_percent_minutes(percent_minutes: int) -> Decimal:
    """Minutes weighted by a share in percent, as hours to the hundredth (6 000 make an hour)."""
    return round_half_up(Decimal(percent_minutes) / PERCENT_MINUTES_PER_HOUR)


def percent(part: Decimal | int, whole: Decimal | int) -> Decimal | None:
    """`part` of `whole` in percent to the hundredth (6.78, not 0.0678); None for a zero whole."""
    if not whole:
        return None
    return round_half_up(Decimal(part) * 100 / Decimal(whole))

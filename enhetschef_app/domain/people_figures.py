"""The people figures of the month summary: personalomsättning and the heltid share
(DOMAIN.md, Key figures of the month summary). Counts in, percentages out; no rounding but to
two decimals at the end, so the same inputs always give the same figure."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal

from enhetschef_app.domain.calendar import month_end
from enhetschef_app.domain.rounding import percent
from enhetschef_app.domain.staff import EndReason


def month_ends_back(year: int, month: int, count: int) -> list[date]:
    """The last days of `count` months ending with (year, month), oldest first."""
    ends: list[date] = []
    for back in range(count - 1, -1, -1):
        index = year * 12 + month - 1 - back
        y, m = divmod(index, 12)
        ends.append(month_end(date(y, m + 1, 1)))
    return ends


def mean_headcount(values: Sequence[int]) -> Decimal:
    if not values:
        return Decimal(0)
    return Decimal(sum(values)) / len(values)


def counts_as_turnover(reason: EndReason | None, exclude_municipal_moves: bool) -> bool:
    """A leaver counts unless the setting excludes moves to another job in the same kommun."""
    return not (exclude_municipal_moves and reason is EndReason.JOB_IN_MUNICIPALITY)


def turnover_percent(
    leaver_reasons: Iterable[EndReason | None],
    month_end_headcounts: Sequence[int],
    *,
    exclude_municipal_moves: bool = False,
) -> Decimal | None:
    """Personalomsättning = tillsvidare leavers in the period / average tillsvidare headcount.

    The average is taken over the headcounts on each month's last day of the period.
    """
    leavers = sum(1 for r in leaver_reasons if counts_as_turnover(r, exclude_municipal_moves))
    return percent(leavers, mean_headcount(month_end_headcounts))

"""A month marked klar keeps the figures it was reported with. When the data changes later, the
new figures are shown beside the reported ones as a difference, never in their place."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

FigureValue = Decimal | int | None


@dataclass(frozen=True)
class FigureDifference:
    key: str
    reported: FigureValue
    current: FigureValue

    @property
    def change(self) -> Decimal | None:
        if self.reported is None or self.current is None:
            return None
        return Decimal(self.current) - Decimal(self.reported)


def _same(a: FigureValue, b: FigureValue) -> bool:
    if a is None or b is None:
        return a is b
    return Decimal(a) == Decimal(b)


def figure_differences(
    reported: Mapping[str, FigureValue], current: Mapping[str, FigureValue], keys: tuple[str, ...]
) -> list[FigureDifference]:
    """The figures among `keys` whose current value is not the reported one, in `keys` order."""
    return [
        FigureDifference(key, reported.get(key), current.get(key))
        for key in keys
        if not _same(reported.get(key), current.get(key))
    ]

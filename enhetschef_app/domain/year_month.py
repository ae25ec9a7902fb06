"""A calendar month as the month report names it: '2026-10'."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from enhetschef_app.domain.calendar import month_end

_TEXT = re.compile(r"\s*(\d{4})\s*-\s*(\d{1,2})\s*")


@dataclass(frozen=True, order=True)
class YearMonth:
    year: int
    month: int

    def __post_init__(self) -> None:
        if not 1 <= self.month <= 12 or not 1900 <= self.year <= 2999:
            raise ValueError(f"{self.year}-{self.month} är inte en månad")

    @classmethod
    def parse(cls, text: str) -> YearMonth:
        """'2026-10' (or '2026-9') → YearMonth(2026, 10); ValueError in Swedish otherwise."""
        found = _TEXT.fullmatch(text)
        if found is None:
            raise ValueError(f"'{text}' är inte en månad (ÅÅÅÅ-MM)")
        return cls(int(found.group(1)), int(found.group(2)))

    @classmethod
    def of(cls, day: date) -> YearMonth:
        return cls(day.year, day.month)

    # Kept once worked out: the economy's year asks a month for its first and last day some
    # hundred thousand times.
    @cached_property
    def first(self) -> date:
        return date(self.year, self.month, 1)

    @cached_property
    def last(self) -> date:
        return month_end(self.first)

    @property
    def label(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    def shifted(self, months: int) -> YearMonth:
        index = self.year * 12 + self.month - 1 + months
        year, month = divmod(index, 12)
        return YearMonth(year, month + 1)

    def back(self, count: int) -> list[YearMonth]:
        """`count` months ending with this one, oldest first."""
        return [self.shifted(-offset) for offset in range(count - 1, -1, -1)]

    def __str__(self) -> str:
        return self.label

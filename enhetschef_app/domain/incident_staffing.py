"""Staffing at the moment of an avvikelse: the day's need per time band against the staff
present, and the rows running when it happened, so understaffing and incidents can be compared.

Minutes are counted from the event day's midnight. A shift belongs to the day it starts and one
that ends at or before its start runs past midnight, so last night's shift covers the morning's
first hours. A row is empty when it has no person or its person is absent (DOMAIN.md: tom rad).
A shift counts in a band when it covers at least half of it, as on Översikt.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time

MINUTES_PER_DAY = 24 * 60


def minute_of(at: time) -> int:
    return at.hour * 60 + at.minute


@dataclass(frozen=True)
class RowOfDay:
    """A schedule row of the event day (`from_yesterday` False) or last night's shift."""

    start: time
    end: time
    shift_code: str | None
    employee_name: str | None  # None: a vacant row
    absent: bool
    from_yesterday: bool = False

    @property
    def vacant(self) -> bool:
        return self.employee_name is None

    @property
    def empty(self) -> bool:
        return self.vacant or self.absent

    def span(self) -> tuple[int, int]:
        start = minute_of(self.start)
        end = minute_of(self.end)
        if end <= start:
            end += MINUTES_PER_DAY
        offset = -MINUTES_PER_DAY if self.from_yesterday else 0
        return start + offset, end + offset

    def runs_at(self, minute: int) -> bool:
        start, end = self.span()
        return start <= minute < end


@dataclass(frozen=True)
class NeedOfDay:
    """A time band of the event day's weekday, or of the day before (`from_yesterday`)."""

    start: time
    end: time
    needed: int
    from_yesterday: bool = False

    def span(self) -> tuple[int, int]:
        start = minute_of(self.start)
        end = minute_of(self.end)
        if end <= start:
            end += MINUTES_PER_DAY
        offset = -MINUTES_PER_DAY if self.from_yesterday else 0
        return start + offset, end + offset

    def holds(self, minute: int) -> bool:
        start, end = self.span()
        return start <= minute < end


@dataclass(frozen=True)
class BandAtEvent:
    start: time
    end: time
    needed: int
    present: int  # rows with a present person covering at least half of the band
    holds_event: bool

    @property
    def shortfall(self) -> int:
        return max(0, self.needed - self.present)


@dataclass(frozen=True)
class EventStaffing:
    bands: tuple[BandAtEvent, ...]
    rows_at_event: tuple[RowOfDay, ...]  # the rows running at the event's minute
    empty_rows_of_day: int  # the day's own rows without a present person
    has_schedule: bool

    @property
    def need_at_event(self) -> int | None:
        held = [b.needed for b in self.bands if b.holds_event]
        return held[0] if held else None

    @property
    def present_at_event(self) -> int:
        return sum(1 for r in self.rows_at_event if not r.empty)

    @property
    def empty_at_event(self) -> int:
        return sum(1 for r in self.rows_at_event if r.empty)

    @property
    def understaffed(self) -> bool | None:
        """Fewer present than the need at the event's minute; None when it cannot be told."""
        need = self.need_at_event
        if need is None or not self.has_schedule:
            return None
        return self.present_at_event < need


def staffing_at_event(rows: list[RowOfDay], needs: list[NeedOfDay], at: time) -> EventStaffing:
    """The day's bands (and last night's band, when the event fell in it) with the staff present
    in each, and the rows running at the event's minute."""
    minute = minute_of(at)
    present = [r.span() for r in rows if not r.empty]
    shown = [b for b in needs if not b.from_yesterday or b.holds(minute)]
    bands: list[BandAtEvent] = []
    for band in sorted(shown, key=lambda b: b.span()):
        band_start, band_end = band.span()
        covering = sum(
            1
            for start, end in present
            if 2 * (min(end, band_end) - max(start, band_start)) >= band_end - band_start
        )
        bands.append(BandAtEvent(band.start, band.end, band.needed, covering, band.holds(minute)))
    running = tuple(
        sorted(
            (r for r in rows if r.runs_at(minute)),
            key=lambda r: (r.span(), r.empty, r.employee_name or ""),
        )
    )
    own = [r for r in rows if not r.from_yesterday]
    return EventStaffing(
        bands=tuple(bands),
        rows_at_event=running,
        empty_rows_of_day=sum(1 for r in own if r.empty),
        has_schedule=bool(own),
    )

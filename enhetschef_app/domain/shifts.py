"""A shift as the rules see it: local date and times, its real length across midnight and DST."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from functools import lru_cache

from enhetschef_app.domain.calendar import STOCKHOLM
from enhetschef_app.domain.rounding import round_half_up


def local_moment(day: date, at: time) -> datetime:
    """The Stockholm moment of a wall-clock time; on the autumn night's repeated hour the
    first (summer-time) occurrence, as a schedule written in local time means it."""
    return datetime.combine(day, at, tzinfo=STOCKHOLM)


@lru_cache(maxsize=1 << 16)
def utc_seconds(day: date, at: time) -> int:
    """The moment of a local wall-clock time as whole seconds since the epoch (UTC).

    A year's schedule has a few thousand distinct (day, time) pairs among tens of thousands of
    shifts, so the zone arithmetic is done once per pair; the rules compare plain integers.
    """
    return int(local_moment(day, at).timestamp())


@lru_cache(maxsize=1 << 16)
def _shift_seconds(day: date, start: time, end: time, break_minutes: int) -> tuple[int, int, int]:
    """(start, end, worked) of a shift in epoch seconds: a year's schedule repeats a few
    thousand (day, times, rast) among tens of thousands of shifts."""
    start_s = utc_seconds(day, start)
    end_day = day + timedelta(days=1) if end <= start else day
    end_s = utc_seconds(end_day, end)
    return start_s, end_s, max(end_s - start_s - 60 * break_minutes, 0)


def elapsed(start: datetime, end: datetime) -> timedelta:
    """Real time between two aware moments (Python's aware subtraction in one zone ignores DST)."""
    return end.astimezone(UTC) - start.astimezone(UTC)


@dataclass(frozen=True)
class Shift:
    """One shift of one person. It belongs to the day it starts; end <= start ends next day."""

    employee_no: str
    work_date: date
    start: time
    end: time
    break_minutes: int = 0
    code: str | None = None
    # Start, end and working time in epoch seconds, worked out once: what the rules compare.
    start_s: int = field(init=False, repr=False, compare=False)
    end_s: int = field(init=False, repr=False, compare=False)
    worked_s: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        start_s, end_s, worked_s = _shift_seconds(
            self.work_date, self.start, self.end, self.break_minutes
        )
        # A frozen dataclass sets its derived fields the way its own __init__ does (not through
        # __dict__: touching it makes every later attribute read of the shift slower).
        object.__setattr__(self, "start_s", start_s)
        object.__setattr__(self, "end_s", end_s)
        object.__setattr__(self, "worked_s", worked_s)

    @property
    def start_at(self) -> datetime:
        return local_moment(self.work_date, self.start)

    @property
    def end_at(self) -> datetime:
        return local_moment(self.end_date, self.end)

    @property
    def end_date(self) -> date:
        return self.work_date + timedelta(days=1) if self.end <= self.start else self.work_date

    @property
    def length(self) -> timedelta:
        """Real length: 21:00–07:00 is 9 h on the spring DST night and 11 h on the autumn one."""
        return timedelta(seconds=self.end_s - self.start_s)

    @property
    def worked(self) -> timedelta:
        """Working time: the rast is unpaid and not working time (ATL 15 §)."""
        return timedelta(seconds=self.worked_s)

    def describe(self) -> str:
        code = f" {self.code}" if self.code else ""
        return f"{self.work_date.isoformat()}{code} {self.start:%H:%M}–{self.end:%H:%M}"


def hours(span: timedelta) -> float:
    """Hours to two decimals, for reports only; the rules compare timedeltas."""
    return float(round_half_up(Decimal(span.total_seconds()) / 3600))


def format_hours(span: timedelta) -> str:
    """Hours as a Swedish text with up to two decimals: '9,5', '38,25', '11'."""
    text = f"{span.total_seconds() / 3600:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")

"""A shift as the rules see it: local date and times, its real length across midnight and DST."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from enhetschef_app.domain.calendar import STOCKHOLM


def local_moment(day: date, at: time) -> datetime:
    """The Stockholm moment of a wall-clock time; on the autumn night's repeated hour the
    first (summer-time) occurrence, as a schedule written in local time means it."""
    return datetime.combine(day, at, tzinfo=STOCKHOLM)


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

    @property
    def start_at(self) -> datetime:
        return local_moment(self.work_date, self.start)

    @property
    def end_at(self) -> datetime:
        end_day = self.work_date + timedelta(days=1) if self.end <= self.start else self.work_date
        return local_moment(end_day, self.end)

    @property
    def length(self) -> timedelta:
        """Real length: 21:00–07:00 is 9 h on the spring DST night and 11 h on the autumn one."""
        return elapsed(self.start_at, self.end_at)

    @property
    def worked(self) -> timedelta:
        """Working time: the rast is unpaid and not working time (ATL 15 §)."""
        return max(self.length - timedelta(minutes=self.break_minutes), timedelta(0))

    def describe(self) -> str:
        code = f" {self.code}" if self.code else ""
        return f"{self.work_date.isoformat()}{code} {self.start:%H:%M}–{self.end:%H:%M}"


def hours(span: timedelta) -> float:
    """Hours to two decimals, for reports only; the rules compare timedeltas."""
    return round(span.total_seconds() / 3600, 2)

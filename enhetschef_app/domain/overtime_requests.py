"""Overtime requests and the EC's decisions on them (DOMAIN.md: Övertid and mertid).

Nothing is övertid until the EC decides. A request says who, when and why; a decision approves
or rejects it with a reason and is never changed: a correction is a new decision that refers to
the one it corrects, so a request's status is that of its newest decision.

This module holds what the rules need around `overtime.classify`: the person's context from
their shifts and approved extra time (`worker_context`), what makes a request invalid
(`request_problems`), and what a decision needs before it may be made (`check_decision`).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from enhetschef_app.domain.calendar import week_start
from enhetschef_app.domain.errors import RuleViolation
from enhetschef_app.domain.overtime import Classification, ExtraKind, WorkerContext
from enhetschef_app.domain.overtime_limits import ApprovedExtra, LimitCheck
from enhetschef_app.domain.shifts import Shift
from enhetschef_app.domain.staff import EmploymentForm


class RequestStatus(enum.StrEnum):
    WAITING = "waiting"
    APPROVED = "approved"
    REJECTED = "rejected"

    @property
    def label(self) -> str:
        return {
            RequestStatus.WAITING: "Väntar på beslut",
            RequestStatus.APPROVED: "Godkänd",
            RequestStatus.REJECTED: "Avslagen",
        }[self]


class Verdict(enum.StrEnum):
    APPROVED = "approved"
    REJECTED = "rejected"

    @property
    def status(self) -> RequestStatus:
        return RequestStatus(self.value)

    @property
    def label(self) -> str:
        return self.status.label

    @classmethod
    def from_verb(cls, verb: str) -> Verdict:
        """'approve' / 'reject' as the command line says it."""
        return {"approve": cls.APPROVED, "reject": cls.REJECTED}[verb]


class Compensation(enum.StrEnum):
    """How the person takes the övertid: paid, or as time off (komp). Mertid is always paid."""

    MONEY = "pengar"
    COMP = "komp"

    @property
    def label(self) -> str:
        return {Compensation.MONEY: "Pengar", Compensation.COMP: "Kompledigt"}[self]


class RequestSource(enum.StrEnum):
    BY_HAND = "manuell"
    COVER = "ersattare"  # made when the EC chose an övertid candidate in dagsuppföljning

    @property
    def label(self) -> str:
        return {RequestSource.BY_HAND: "Registrerad", RequestSource.COVER: "Från ersättare"}[self]


# -- the person around the request -------------------------------------------------------------


@dataclass(frozen=True)
class PersonTerms:
    """What the employment says: form, grade and the full-time week in hours."""

    form: EmploymentForm
    grade_percent: Decimal | None
    fulltime_week_hours: Decimal


@dataclass(frozen=True)
class WorkedShift:
    """A shift the person works. `ordinary` shifts are the person's own schedule (a resurspass
    swapped for a cover included): they decide 'enkel' against 'kvalificerad' and a part-timer's
    room on the day. Other work (a mertid or hourly cover) counts only in the week's and
    month's hours."""

    shift: Shift
    ordinary: bool = True


@dataclass(frozen=True)
class ApprovedMinutes:
    """A request of the person's that the EC approved, in minutes by kind (its decision's)."""

    day: date
    hourly: int = 0
    mertid: int = 0
    overtime: int = 0  # enkel + kvalificerad
    end_s: int | None = None  # when it ends, epoch seconds (None: not known)

    @property
    def total(self) -> int:
        return self.hourly + self.mertid + self.overtime

    def as_extra(self) -> ApprovedExtra:
        return ApprovedExtra(self.day, self.overtime, self.mertid)


def worked_in_month_before(
    day: date,
    start: time | None,
    shifts: Iterable[Shift],
    approved: Iterable[ApprovedMinutes] = (),
) -> timedelta:
    """What the person worked in `day`'s month before a request starting at `start` on `day`:
    every shift and approved request on the month's earlier days, and on `day` itself every one
    that ended by `start` (a timavlönad's 165 h are passed within the day). Without `start`
    only the earlier days count."""
    month_first = day.replace(day=1)
    begins = None if start is None else Shift("", day, start, start).start_s

    def before(on: date, end_s: int | None) -> bool:
        if month_first <= on < day:
            return True
        return on == day and begins is not None and end_s is not None and end_s <= begins

    worked = sum((s.worked for s in shifts if before(s.work_date, s.end_s)), timedelta(0))
    return worked + timedelta(minutes=sum(a.total for a in approved if before(a.day, a.end_s)))


def worker_context(
    terms: PersonTerms,
    day: date,
    shifts: Iterable[WorkedShift],
    approved: Iterable[ApprovedMinutes],
    start: time | None = None,
) -> WorkerContext:
    """The person's context for a request on `day` (starting at `start`).

    - ordinary shifts: the own schedule from the day before to the day after;
    - the week's hours: everything worked in the request's ISO week (the whole week, since a
      part-timer's contract is for the week) plus approved mertid that week;
    - the month's hours (for the hourly paid): everything worked and approved in the month
      before the request, the same day's earlier work included (`worked_in_month_before`).
    """
    worked = list(shifts)
    extras = list(approved)
    monday = week_start(day)
    sunday = monday + timedelta(days=6)
    ordinary = [w.shift for w in worked if w.ordinary and abs((w.shift.work_date - day).days) <= 1]
    week = sum(
        (w.shift.worked for w in worked if monday <= w.shift.work_date <= sunday), timedelta(0)
    ) + timedelta(minutes=sum(a.mertid for a in extras if monday <= a.day <= sunday))
    month = worked_in_month_before(day, start, (w.shift for w in worked), extras)
    return WorkerContext(
        form=terms.form,
        grade_percent=terms.grade_percent,
        fulltime_week_hours=terms.fulltime_week_hours,
        ordinary_shifts=ordinary,
        week_worked_before=week,
        month_worked_before=month,
    )


# -- the request ------------------------------------------------------------------------------


# The codes an approved request has as a shift: extra work, never an ordinary shift.
EXTRA_WORK_CODES = ("övertid", "mertid")


def request_shift(
    employee_no: str,
    work_date: date,
    start: time,
    end: time,
    rast: tuple[time, time] | None,
    code: str = "övertid",
) -> Shift:
    """An approved request as worked time in the schedule as it turned out (its rast unpaid)."""
    rast_minutes = (
        _minutes_into(work_date, start, rast[1]) - _minutes_into(work_date, start, rast[0])
        if rast is not None
        else 0
    )
    return Shift(employee_no, work_date, start, end, max(rast_minutes, 0), code)


def request_end_date(work_date: date, start: time, end: time) -> date:
    return work_date + timedelta(days=1) if end <= start else work_date


def centred_break(
    work_date: date, start: time, end: time, minutes: int
) -> tuple[time, time] | None:
    """Where a shift's rast lies when the schedule gives only its length: in the middle, to the
    minute (a cover of a row 07:00–15:30 with 30 min rast rests 11:00–11:30)."""
    if minutes <= 0:
        return None
    first = datetime.combine(work_date, start)
    last = datetime.combine(request_end_date(work_date, start, end), end)
    length = int((last - first).total_seconds() // 60)
    if minutes >= length:
        return None
    begins = first + timedelta(minutes=(length - minutes) // 2)
    return begins.time(), (begins + timedelta(minutes=minutes)).time()


def _minutes_into(work_date: date, start: time, at: time) -> int:
    """Minutes from the request's start to a time within it (after midnight: the next day)."""
    first = datetime.combine(work_date, start)
    day = work_date + timedelta(days=1) if at < start else work_date
    return int((datetime.combine(day, at) - first).total_seconds() // 60)


def request_problems(
    work_date: date,
    start: time,
    end: time,
    reason: str,
    rast: tuple[time, time] | None,
    own_shifts: Sequence[Shift],
) -> dict[str, str]:
    """What is wrong with a request, per field, in Swedish; empty when it may be saved."""
    problems: dict[str, str] = {}
    if start == end:
        problems["end"] = "Slut kan inte vara samma tid som start."
    if not reason.strip():
        problems["reason"] = "Ange skäl: vem eller vilken tom rad övertiden täcker."
    if rast is not None and "end" not in problems:
        length = _minutes_into(work_date, start, end) if end != start else 0
        begins, ends = (_minutes_into(work_date, start, at) for at in rast)
        if not 0 <= begins < ends <= length:
            problems["rast"] = "Rasten måste ligga inom tiden och sluta efter att den börjar."
    if "end" not in problems:
        asked = Shift("", work_date, start, end)
        busy = [s for s in own_shifts if s.start_s < asked.end_s and asked.start_s < s.end_s]
        if busy:
            problems["start"] = f"Tiden krockar med ett eget pass: {busy[0].describe()}."
    return problems


# -- the decision -----------------------------------------------------------------------------


class LimitPassed(RuleViolation):
    """An approval that would pass a limit, without a reason to go over it."""

    def __init__(self, passed: Sequence[LimitCheck]) -> None:
        self.passed = tuple(passed)
        names = "; ".join(check.describe() for check in passed)
        super().__init__(
            f"Beslutet passerar en gräns för övertid: {names}. Ange ett skäl till att gå över "
            "gränsen för att godkänna ändå."
        )


def passed_limits(verdict: Verdict, checks: Iterable[LimitCheck]) -> list[LimitCheck]:
    """The limits an approval would pass; a rejection passes none."""
    if verdict is not Verdict.APPROVED:
        return []
    return [check for check in checks if check.exceeded]


def over_limit_reason_needed(verdict: Verdict, checks: Iterable[LimitCheck]) -> bool:
    """Whether the decision needs a reason to go over a limit before it can be made."""
    return bool(passed_limits(verdict, checks))


def check_decision(
    verdict: Verdict,
    reason: str,
    checks: Iterable[LimitCheck],
    over_limit_reason: str | None,
) -> list[LimitCheck]:
    """Refuses a decision without a reason, or an approval past a limit without a reason to go
    over it; returns the limits passed (with their reason given)."""
    if not reason.strip():
        raise RuleViolation("Ange skäl till beslutet.")
    passed = passed_limits(verdict, checks)
    if passed and not (over_limit_reason or "").strip():
        raise LimitPassed(passed)
    return passed


def minutes_by_kind(classification: Classification) -> dict[ExtraKind, int]:
    return {kind: classification.minutes(kind) for kind in ExtraKind}

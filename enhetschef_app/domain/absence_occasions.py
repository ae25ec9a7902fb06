"""Absence occasions and the omtankessamtal trigger (DOMAIN.md: Absence, occasions and
omtankessamtal). Pure: records and settings in, occasions and signals out, with the reasons."""

from __future__ import annotations

import calendar
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta

from enhetschef_app.domain.settings_catalog import RuleSettings

# Sjuklönelagen: a spell that starts before 5 calendar days have passed since the previous one
# ended (at most 4 healthy days between) belongs to the same sjuklöneperiod.
RELAPSE_DAYS = 5


@dataclass(frozen=True)
class AbsenceRecord:
    """One registered absence. `end` None: the spell goes on."""

    kind: str
    start: date
    end: date | None
    extent_percent: int = 100
    id: int | None = None

    def last_day(self, as_of: date) -> date:
        return self.end if self.end is not None else max(as_of, self.start)


class JoinReason:
    OVERLAP = "överlappar eller ansluter"
    FREE_DAYS = "bara lediga dagar emellan"
    RELAPSE = "återinsjuknande inom 5 dagar"


@dataclass(frozen=True)
class Occasion:
    """One continuous spell: records that overlap, touch, or are joined by the settings."""

    start: date
    end: date | None  # None while the spell goes on
    records: tuple[AbsenceRecord, ...]
    joins: tuple[str, ...] = ()  # why each later record joined, in order

    def days(self, as_of: date) -> int:
        last = self.end if self.end is not None else as_of
        return (last - self.start).days + 1


@dataclass(frozen=True)
class OccasionRules:
    counting_kinds: frozenset[str] = frozenset({"sjuk"})
    free_days_join: bool = True
    relapse_joins: bool = False

    @classmethod
    def from_settings(cls, settings: RuleSettings) -> OccasionRules:
        return cls(
            counting_kinds=frozenset(settings.choices("absence.counting_kinds")),
            free_days_join=settings.flag("absence.free_days_join_spell"),
            relapse_joins=settings.flag("absence.relapse_joins_spell"),
        )


GapCheck = Callable[[date, date], bool]


def build_occasions(
    records: Iterable[AbsenceRecord],
    rules: OccasionRules,
    as_of: date,
    is_free_day: Callable[[date], bool] | None = None,
    *,
    gap_is_free: GapCheck | None = None,
) -> tuple[list[Occasion], list[AbsenceRecord]]:
    """The occasions of one person, oldest first, and the records left out (other kinds, or
    starting after `as_of`). `is_free_day` tells whether the person had no shift that day;
    `gap_is_free(first, last)` answers the same for a whole run of days at once (a caller that
    knows the schedule only for the gaps of `record_gaps`)."""
    records = list(records)
    counted = _counted(records, rules, as_of)
    left_out = [r for r in records if r.kind not in rules.counting_kinds or r.start > as_of]
    if gap_is_free is None and is_free_day is not None:
        day_check = is_free_day
        gap_is_free = lambda first, last: all(map(day_check, _days(first, last)))  # noqa: E731
    occasions: list[Occasion] = []
    current: list[AbsenceRecord] = []
    joins: list[str] = []
    current_end = date.min
    for record in counted:
        reason = _join_reason(current_end, record.start, rules, gap_is_free) if current else None
        if current and reason is not None:
            current.append(record)
            joins.append(reason)
            current_end = max(current_end, record.last_day(as_of))
            continue
        if current:
            occasions.append(_close(current, joins, current_end, as_of))
        current, joins, current_end = [record], [], record.last_day(as_of)
    if current:
        occasions.append(_close(current, joins, current_end, as_of))
    return occasions, left_out


def _counted(
    records: list[AbsenceRecord], rules: OccasionRules, as_of: date
) -> list[AbsenceRecord]:
    return sorted(
        (r for r in records if r.kind in rules.counting_kinds and r.start <= as_of),
        key=lambda r: (r.start, r.last_day(as_of)),
    )


def _days(first: date, last: date) -> Iterator[date]:
    # A generator: a long gap stops at its first worked day instead of being listed whole.
    for offset in range((last - first).days + 1):
        yield first + timedelta(days=offset)


def _join_reason(
    previous_end: date,
    start: date,
    rules: OccasionRules,
    gap_is_free: GapCheck | None,
) -> str | None:
    if start <= previous_end + timedelta(days=1):
        return JoinReason.OVERLAP
    first, last = previous_end + timedelta(days=1), start - timedelta(days=1)
    if rules.free_days_join and gap_is_free is not None and gap_is_free(first, last):
        return JoinReason.FREE_DAYS
    if rules.relapse_joins and (last - first).days + 1 < RELAPSE_DAYS:
        return JoinReason.RELAPSE
    return None


def record_gaps(
    records: Iterable[AbsenceRecord], rules: OccasionRules, as_of: date
) -> list[tuple[date, date]]:
    """The runs of days (first, last) between counted records that `build_occasions` asks
    `gap_is_free` about: a caller can look these up in the schedule in one go. The running end
    of a spell only grows, whether a record joins or not, so the gaps do not depend on the
    answers."""
    gaps: list[tuple[date, date]] = []
    current_end: date | None = None
    for record in _counted(list(records), rules, as_of):
        if current_end is not None and record.start > current_end + timedelta(days=1):
            gaps.append((current_end + timedelta(days=1), record.start - timedelta(days=1)))
        last = record.last_day(as_of)
        current_end = last if current_end is None else max(current_end, last)
    return gaps


def _close(records: list[AbsenceRecord], joins: list[str], end: date, as_of: date) -> Occasion:
    ongoing = any(r.end is None for r in records) and end <= max(as_of, records[0].start)
    return Occasion(
        start=records[0].start,
        end=None if ongoing else end,
        records=tuple(records),
        joins=tuple(joins),
    )


def months_back(day: date, months: int) -> date:
    """The first day of "the last `months` months" on `day`: the same calendar date `months`
    months earlier, the window running from it through `day` with both ends counted (12 months
    on 2026-11-24: 2025-11-24–2026-11-24). A date the earlier month lacks maps to that month's
    last day (29 February → 28 February, 31 May → 30 April)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class CareTalkRules:
    threshold: int = 3
    window_months: int = 12
    restart_after_talk: bool = True

    @classmethod
    def from_settings(cls, settings: RuleSettings) -> CareTalkRules:
        return cls(
            threshold=settings.integer("absence.care_talk_threshold"),
            window_months=settings.integer("absence.care_talk_window_months"),
            restart_after_talk=settings.flag("absence.restart_after_talk"),
        )


@dataclass(frozen=True)
class OccasionCount:
    """What the trigger saw for one person on one day, with the reasons for each exclusion."""

    as_of: date
    window_start: date
    counted: tuple[Occasion, ...]
    before_window: tuple[Occasion, ...] = ()
    before_talk: tuple[Occasion, ...] = ()
    reached: bool = False
    notes: tuple[str, ...] = field(default=())


def count_occasions(
    occasions: Iterable[Occasion],
    as_of: date,
    rules: CareTalkRules,
    last_held_talk: date | None = None,
) -> OccasionCount:
    """Occasions that started in the rolling window (and after the last held talk, if counting
    restarts), and whether they reach the threshold."""
    window_start = months_back(as_of, rules.window_months)
    counted: list[Occasion] = []
    before_window: list[Occasion] = []
    before_talk: list[Occasion] = []
    for occasion in occasions:
        if occasion.start > as_of:
            continue
        if occasion.start < window_start:
            before_window.append(occasion)
        elif rules.restart_after_talk and last_held_talk and occasion.start < last_held_talk:
            before_talk.append(occasion)
        else:
            counted.append(occasion)
    notes = []
    if before_window:
        notes.append(
            f"{_occasions_text(len(before_window))} före {window_start.isoformat()} räknas inte."
        )
    if before_talk and last_held_talk:
        notes.append(
            f"{_occasions_text(len(before_talk))} före samtalet {last_held_talk.isoformat()} "
            "räknas inte igen."
        )
    return OccasionCount(
        as_of=as_of,
        window_start=window_start,
        counted=tuple(counted),
        before_window=tuple(before_window),
        before_talk=tuple(before_talk),
        reached=len(counted) >= rules.threshold,
        notes=tuple(notes),
    )


def _occasions_text(number: int) -> str:
    return f"{number} tillfälle" if number == 1 else f"{number} tillfällen"


def left_out_reason(record: AbsenceRecord, rules: OccasionRules, as_of: date) -> str:
    """Why a record is not part of any counted occasion, in Swedish."""
    if record.kind not in rules.counting_kinds:
        return "frånvarotypen räknas inte (inställningen Frånvaro som räknas)"
    if record.start > as_of:
        return f"börjar efter {as_of.isoformat()}"
    return "räknas"

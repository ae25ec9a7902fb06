"""One ISO week of the schedule as the Schema page draws it: a line per employee (empty rows on
top), a cell per day, planned or actual, with the breaches of the week on their cells.

Breaches of one day (dygnsvila, overlap, rast, days in a row) mark that day's cell; breaches of
the week as a whole (veckovila, weekly hours) mark the employee's line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time, timedelta

from enhetschef_app.domain.actual_schedule import RowState, RowStatus
from enhetschef_app.domain.calendar import holiday_name, is_red_day, week_start
from enhetschef_app.domain.cover_candidates import CoverKind
from enhetschef_app.domain.rest_rules import RestLimits, RestRule
from enhetschef_app.domain.shift_kinds import ShiftKind
from enhetschef_app.domain.shifts import Shift
from enhetschef_app.services.core.settings import rule_settings
from enhetschef_app.services.core.workspace import Workspace, use_case
from enhetschef_app.services.schedule.check import WEEK_RULES, BreachView, breaches_in
from enhetschef_app.services.schedule.state import ScheduleState, load_state

WEEK_LEVEL_RULES = frozenset({RestRule.WEEKLY_REST, RestRule.WEEKLY_HOURS})


@dataclass(frozen=True)
class GridShift:
    row_id: int
    code: str | None
    start: time
    end: time
    kind: ShiftKind
    state: RowState
    covers_for: str | None = None  # this line's person covers the row of someone else
    absent_name: str | None = None  # whose absence left the row empty (on the empty line)
    cover_name: str | None = None  # an empty row's cover (on the empty line in planned view)
    cover_kind: CoverKind | None = None

    @property
    def time_text(self) -> str:
        return f"{self.start:%H:%M}–{self.end:%H:%M}"

    @property
    def crosses_midnight(self) -> bool:
        return self.end <= self.start


@dataclass(frozen=True)
class GridLine:
    employee_id: int | None  # None: a line of empty rows
    label: str
    employee_no: str | None
    detail: str  # employment form and grade, or what the empty line holds
    cells: tuple[tuple[GridShift, ...], ...]  # one tuple per day, Monday first
    day_breaches: tuple[tuple[BreachView, ...], ...]
    week_breaches: tuple[BreachView, ...] = ()

    @property
    def is_empty_line(self) -> bool:
        return self.employee_id is None


@dataclass(frozen=True)
class DayHeader:
    day: date
    holiday: str | None
    red: bool


@dataclass(frozen=True)
class WeekSchedule:
    monday: date
    actual: bool
    days: tuple[DayHeader, ...]
    lines: tuple[GridLine, ...]
    breaches: tuple[BreachView, ...] = field(default=())

    @property
    def week(self) -> int:
        return self.monday.isocalendar().week

    @property
    def has_schedule(self) -> bool:
        return any(any(cell for cell in line.cells) for line in self.lines)

    @property
    def empty_rows(self) -> int:
        return sum(
            1
            for line in self.lines
            if line.is_empty_line
            for cell in line.cells
            for shift in cell
            if shift.state.is_empty
        )


def _detail(state: ScheduleState, employee_id: int) -> str:
    member = state.staff[employee_id]
    if member.grade_percent is None:
        return member.form.label
    grade = f"{member.grade_percent.normalize():f}".replace(".", ",")
    return f"{member.form.label} {grade} %"


@use_case
def week_schedule(workspace: Workspace, day: date, *, actual: bool) -> WeekSchedule:
    """The ISO week that holds `day`."""
    unit = workspace.require_unit()
    settings = rule_settings(workspace)
    monday = week_start(day)
    sunday = monday + timedelta(days=6)
    with workspace.transaction() as session:
        state = load_state(
            session,
            unit,
            monday - timedelta(days=14),
            sunday,
            settings.decimal("unit.fulltime_week_hours"),
        )
    limits = RestLimits.from_settings(settings)
    breaches = breaches_in(state, monday, sunday, limits, actual=actual, rules=WEEK_RULES)
    return _build(state, monday, actual, breaches)


def _shift(state: ScheduleState, status: RowStatus, *, covers_for: str | None = None) -> GridShift:
    row = status.row
    cover = status.cover
    coverer = state.staff.get(cover.employee_id) if cover is not None else None
    owner = state.staff.get(row.employee_id) if row.employee_id is not None else None
    return GridShift(
        row_id=row.row_id,
        code=row.code,
        start=row.start,
        end=row.end,
        kind=state.kind_of(row),
        state=status.state,
        covers_for=covers_for,
        absent_name=owner.name if owner is not None and status.state.is_empty else None,
        cover_name=coverer.name if coverer is not None else None,
        cover_kind=CoverKind(cover.kind) if cover is not None else None,
    )


GRID_CODES = {"övertid": "ÖT", "mertid": "MT"}  # short enough for a cell beside the times


def _extra_shift(extra: Shift) -> GridShift:
    """Approved övertid or mertid made by hand: worked time in the schedule as it turned out,
    not a row (row id 0)."""
    return GridShift(
        row_id=0,
        code=GRID_CODES.get(extra.code or "", extra.code),
        start=extra.start,
        end=extra.end,
        kind=ShiftKind.OTHER,
        state=RowState.STAFFED,
        covers_for=f"godkänd {extra.code}",
    )


def _build(
    state: ScheduleState, monday: date, actual: bool, breaches: list[BreachView]
) -> WeekSchedule:
    days = [monday + timedelta(days=i) for i in range(7)]
    index = {d: i for i, d in enumerate(days)}
    people: dict[int, list[list[GridShift]]] = {}
    empty: list[list[GridShift]] = [[] for _ in days]
    names = {m.id: m.name for m in state.staff.values()}
    for status in state.statuses:
        row = status.row
        at = index.get(row.work_date)
        if at is None:
            continue
        own_row = row.row_id in state.own_row_ids
        person = row.employee_id if row.employee_id in state.staff else None
        cover = status.cover
        if own_row and (row.employee_id is None or (actual and status.state.is_empty)):
            empty[at].append(_shift(state, status))
        if own_row and person is not None:
            people.setdefault(person, [[] for _ in days])[at].append(_shift(state, status))
        if actual and cover is not None and cover.employee_id in state.staff:
            whose = names.get(row.employee_id or -1) if row.employee_id else None
            covers_for = f"ersätter {whose}" if whose else "tar vakant pass"
            people.setdefault(cover.employee_id, [[] for _ in days])[at].append(
                _shift(state, status, covers_for=covers_for)
            )
    if actual:
        ids = {m.employee_no: m.id for m in state.staff.values()}
        for extra in state.extra_work:
            at = index.get(extra.work_date)
            if at is not None and extra.employee_no in ids:
                people.setdefault(ids[extra.employee_no], [[] for _ in days])[at].append(
                    _extra_shift(extra)
                )
    for member in state.staff.values():
        if member.employed_during(monday, monday + timedelta(days=6)):
            people.setdefault(member.id, [[] for _ in days])

    day_marks: dict[tuple[str, date], list[BreachView]] = {}
    week_marks: dict[str, list[BreachView]] = {}
    for view in breaches:
        b = view.breach
        if b.rule in WEEK_LEVEL_RULES:
            week_marks.setdefault(b.employee_no, []).append(view)
        else:
            day_marks.setdefault((b.employee_no, b.date), []).append(view)

    lines: list[GridLine] = []
    depth = max((len(cell) for cell in empty), default=0)
    for level in range(depth):
        cells = tuple(tuple(cell[level : level + 1]) for cell in empty)
        lines.append(
            GridLine(
                employee_id=None,
                label="Tomma rader" if actual else "Vakant",
                employee_no=None,
                detail="",
                cells=cells,
                day_breaches=tuple(() for _ in days),
            )
        )
    ordered = sorted(people, key=lambda key: (names[key].casefold(), key))
    for key in ordered:
        member = state.staff[key]
        cells = tuple(
            tuple(sorted(cell, key=lambda s: (s.start, s.row_id))) for cell in people[key]
        )
        lines.append(
            GridLine(
                employee_id=key,
                label=member.name,
                employee_no=member.employee_no,
                detail=_detail(state, key),
                cells=cells,
                day_breaches=tuple(tuple(day_marks.get((member.employee_no, d), ())) for d in days),
                week_breaches=tuple(week_marks.get(member.employee_no, ())),
            )
        )
    headers = tuple(DayHeader(d, holiday_name(d), is_red_day(d)) for d in days)
    return WeekSchedule(monday, actual, headers, tuple(lines), tuple(breaches))

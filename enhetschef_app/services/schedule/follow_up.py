"""Dagsuppföljning: the day and its week – staffing against need, empty rows, absences and
breaches – and filling an empty row: the ranked candidates, recording and undoing a cover.

A cover of kind "overtid" is stored like every other; the overtime request the EC decides on
is made from it by the Övertid area (the cover is its reason: which row, for whom).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date, time, timedelta
from decimal import Decimal
from typing import Any

from enhetschef_app.domain.actual_schedule import Absences, RowShift, RowState, RowStatus
from enhetschef_app.domain.calendar import holiday_name, week_start
from enhetschef_app.domain.competence import competence_key
from enhetschef_app.domain.cover_candidates import (
    Candidate,
    CoverKind,
    Excluded,
    OpenShift,
    Person,
    Ranking,
    rank_candidates,
)
from enhetschef_app.domain.errors import NotFoundError, RuleViolation, UserError
from enhetschef_app.domain.overtime import OvertimeRules
from enhetschef_app.domain.rest_rules import RestLimits
from enhetschef_app.domain.settings_catalog import ABSENCE_KIND_CHOICES, RuleSettings
from enhetschef_app.domain.shift_kinds import ShiftKind
from enhetschef_app.domain.shifts import Shift
from enhetschef_app.domain.staff import EmploymentForm, minutes_to_hours
from enhetschef_app.domain.staffing import band_staffing
from enhetschef_app.services.core.settings import rule_settings
from enhetschef_app.services.core.workspace import UnitRef, Workspace, use_case
from enhetschef_app.services.people.competence import competence_check
from enhetschef_app.services.schedule.check import WEEK_RULES, BreachView, breaches_in
from enhetschef_app.services.schedule.covers import release_cover_request, request_from_cover
from enhetschef_app.services.schedule.state import ScheduleState, load_state
from enhetschef_app.storage import audit
from enhetschef_app.storage.models_schedule import ScheduleCover
from enhetschef_app.storage.queries.neighbour_views import (
    neighbour_employees,
    neighbour_extra_work,
    neighbour_names,
    neighbour_qualifications,
    neighbour_unavailable,
    neighbour_work,
    units_read_through_views,
)
from enhetschef_app.storage.queries.schedule_rows import (
    absence_rows_between,
    cover_of_row,
    names_and_units,
    neighbour_units,
    row_by_id,
    row_has_cover,
    staffing_needs,
    unit_codes_of_rows,
)
from enhetschef_app.storage.session import Session

ABSENCE_LABELS = dict(ABSENCE_KIND_CHOICES)


def _shift_json(
    row_id: int, work_date: date, start: time, end: time, code: str | None
) -> dict[str, Any]:
    """A schedule row's keys in the follow-up JSON."""
    return {
        "row_id": row_id,
        "date": work_date.isoformat(),
        "start": f"{start:%H:%M}",
        "end": f"{end:%H:%M}",
        "code": code,
    }


@dataclass(frozen=True)
class RowLine:
    """An empty row, or one that was empty and is covered."""

    row_id: int
    work_date: date
    start: time
    end: time
    code: str | None
    kind: ShiftKind
    state: RowState
    employee_no: str | None  # the row's own person (absent), if any
    employee_name: str | None
    cover_name: str | None = None
    cover_kind: CoverKind | None = None
    cover_unit: str | None = None
    offerable: bool = True
    blocked_reason: str = ""

    @property
    def time_text(self) -> str:
        return f"{self.start:%H:%M}–{self.end:%H:%M}"

    @property
    def reason(self) -> str:
        if self.state is RowState.VACANT or self.employee_name is None:
            return "Vakant"
        return f"{self.employee_name} frånvarande"

    def describe(self) -> str:
        code = f" {self.code}" if self.code else ""
        text = f"{self.work_date.isoformat()}{code} {self.time_text} – {self.reason}"
        if self.cover_name:
            kind = f" ({self.cover_kind.label})" if self.cover_kind else ""
            text += f"; ersätts av {self.cover_name}{kind}"
        return text

    def as_dict(self) -> dict[str, Any]:
        return {
            **_shift_json(self.row_id, self.work_date, self.start, self.end, self.code),
            "state": self.state.value,
            "employee_no": self.employee_no,
            "offerable": self.offerable,
            "blocked_reason": self.blocked_reason,
            "cover": None
            if self.cover_name is None
            else {
                "name": self.cover_name,
                "kind": self.cover_kind.value if self.cover_kind else None,
            },
        }


@dataclass(frozen=True)
class BandLine:
    start: time
    end: time
    needed: int
    planned: int  # rows with a person, as planned
    actual: int  # present people, covers included

    @property
    def shortfall(self) -> int:
        return max(0, self.needed - self.actual)

    def describe(self) -> str:
        state = f"saknas {self.shortfall}" if self.shortfall else "OK"
        return (
            f"{self.start:%H:%M}–{self.end:%H:%M}: behov {self.needed}, planerat {self.planned}, "
            f"faktiskt {self.actual} ({state})"
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "start": f"{self.start:%H:%M}",
            "end": f"{self.end:%H:%M}",
            "needed": self.needed,
            "planned": self.planned,
            "actual": self.actual,
        }


@dataclass(frozen=True)
class AbsenceLine:
    employee_no: str
    name: str
    kind: str  # the kind's label
    start: date
    end: date | None
    extent_percent: int


@dataclass(frozen=True)
class LentLine:
    """A shift of another unit that one of the unit's staff covers (lent to a neighbour)."""

    row_id: int
    work_date: date
    start: time
    end: time
    code: str | None
    employee_no: str
    name: str
    unit_code: str  # the unit whose row it is

    @property
    def time_text(self) -> str:
        return f"{self.start:%H:%M}–{self.end:%H:%M}"

    def describe(self) -> str:
        code = f" {self.code}" if self.code else ""
        return (
            f"{self.work_date.isoformat()}{code} {self.time_text}: {self.name} hos {self.unit_code}"
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            **_shift_json(self.row_id, self.work_date, self.start, self.end, self.code),
            "employee_no": self.employee_no,
            "name": self.name,
            "unit": self.unit_code,
        }


@dataclass(frozen=True)
class DayFollowUp:
    unit: UnitRef
    day: date
    week_first: date
    week_last: date
    bands: tuple[BandLine, ...]
    empty_today: tuple[RowLine, ...]  # the day's rows still empty
    week_rows: tuple[RowLine, ...]  # the week's empty and covered rows
    absences: tuple[AbsenceLine, ...]  # spells touching the week
    breaches: tuple[BreachView, ...]  # the week's, on the actual schedule
    has_schedule: bool
    lent: tuple[LentLine, ...] = ()  # the week's shifts the unit's staff take in other units

    @property
    def holiday(self) -> str | None:
        return holiday_name(self.day)


@dataclass(frozen=True)
class CandidateView:
    candidate: Candidate

    @property
    def name(self) -> str:
        return self.candidate.person.name

    def describe(self) -> str:
        person = self.candidate.person
        unit = "" if person.own_unit else f" [{person.unit_code}]"
        return f"{self.candidate.kind.label}: {person.name}{unit} – {self.candidate.why}"

    def as_dict(self) -> dict[str, Any]:
        person = self.candidate.person
        return {
            "employee_no": person.employee_no,
            "name": person.name,
            "unit": person.unit_code,
            "kind": self.candidate.kind.value,
            "why": self.candidate.why,
            "notes": list(self.candidate.notes),
        }


@dataclass(frozen=True)
class CandidateList:
    row: RowLine
    candidates: tuple[CandidateView, ...]
    excluded: tuple[Excluded, ...]
    ranking: Ranking


def _limits(settings: RuleSettings) -> RestLimits:
    return RestLimits.from_settings(settings)


def _blocked(status: RowStatus, today: date, settings: RuleSettings) -> tuple[bool, str]:
    """Whether a gap may be filled now: one from a planned absence in a later week may not."""
    row = status.row
    if status.state is RowState.ABSENT and settings.flag("staffing.fill_absence_gaps_same_week"):
        monday = week_start(row.work_date)
        if monday > week_start(today):
            return False, (
                f"Luckan beror på planerad frånvaro och bemannas tidigast samma vecka "
                f"(från måndag {monday.isoformat()}, v. {monday.isocalendar().week})."
            )
    return True, ""


def _line(
    state: ScheduleState,
    status: RowStatus,
    today: date,
    settings: RuleSettings,
    names: Mapping[int, tuple[str, str]],
) -> RowLine:
    row = status.row
    own = state.staff.get(row.employee_id) if row.employee_id is not None else None
    offerable, reason = _blocked(status, today, settings)
    cover = status.cover
    who = names.get(cover.employee_id) if cover is not None else None
    return RowLine(
        row_id=row.row_id,
        work_date=row.work_date,
        start=row.start,
        end=row.end,
        code=row.code,
        kind=state.kind_of(row),
        state=status.state,
        employee_no=own.employee_no if own else row.employee_no,
        employee_name=own.name if own else None,
        cover_name=who[0] if who else None,
        cover_kind=CoverKind(cover.kind) if cover is not None else None,
        cover_unit=who[1] if who and who[1] != state.unit.code else None,
        offerable=offerable and status.state.is_empty,
        blocked_reason=reason,
    )


def _cover_names(workspace: Workspace, state: ScheduleState) -> dict[int, tuple[str, str]]:
    """{employee id: (name, unit code)} of everyone covering a row of the state."""
    ids = {s.cover.employee_id for s in state.statuses if s.cover is not None}
    if not ids:
        return {}
    with workspace.transaction() as session:
        found = names_and_units(session, ids)
        # A neighbour's employee who covers here: on a server her name comes through the view.
        found.update(neighbour_names(session, ids - set(found)))
        return found


@use_case
def day_follow_up(workspace: Workspace, day: date, *, today: date) -> DayFollowUp:
    unit = workspace.require_unit()
    settings = rule_settings(workspace)
    fulltime = settings.decimal("unit.fulltime_week_hours")
    monday = week_start(day)
    sunday = monday + timedelta(days=6)
    with workspace.transaction() as session:
        state = load_state(session, unit, monday - timedelta(days=14), sunday, fulltime)
        needs = staffing_needs(session, unit.id)
        absence_rows = absence_rows_between(session, unit.id, monday, sunday)
        lent = _lent(session, state, monday, sunday)
    names = _cover_names(workspace, state)
    own = state.own_statuses()
    planned_bands = band_staffing(day, needs, own, actual=False)
    actual_bands = band_staffing(day, needs, own, actual=True)
    bands = tuple(
        BandLine(p.start, p.end, p.needed, p.staffed, a.staffed)
        for p, a in zip(planned_bands, actual_bands, strict=True)
    )
    in_week = [s for s in own if monday <= s.row.work_date <= sunday]
    week_rows = tuple(
        _line(state, s, today, settings, names)
        for s in in_week
        if s.state.is_empty or s.state is RowState.COVERED
    )
    empty_today = tuple(line for line in week_rows if line.work_date == day and line.state.is_empty)
    breaches = breaches_in(state, monday, sunday, _limits(settings), actual=True, rules=WEEK_RULES)
    absences = tuple(
        AbsenceLine(number, name, ABSENCE_LABELS.get(kind, kind), start, end, extent)
        for _id, number, name, kind, start, end, extent in absence_rows
    )
    return DayFollowUp(
        unit=unit,
        day=day,
        week_first=monday,
        week_last=sunday,
        bands=bands,
        empty_today=empty_today,
        week_rows=week_rows,
        absences=absences,
        breaches=tuple(breaches),
        has_schedule=bool(own),
        lent=lent,
    )


def _lent(session: Session, state: ScheduleState, first: date, last: date) -> tuple[LentLine, ...]:
    """The rows of other units in first..last that the unit's staff cover, in force."""
    found = [
        s
        for s in state.statuses
        if s.row.row_id not in state.own_row_ids
        and first <= s.row.work_date <= last
        and s.state is RowState.COVERED
        and s.cover is not None
        and s.cover.employee_id in state.staff
    ]
    if not found:
        return ()
    units = unit_codes_of_rows(session, [s.row.row_id for s in found])
    lines = []
    for status in found:
        assert status.cover is not None
        member = state.staff[status.cover.employee_id]
        row = status.row
        lines.append(
            LentLine(
                row.row_id,
                row.work_date,
                row.start,
                row.end,
                row.code,
                member.employee_no,
                member.name,
                units.get(row.row_id, "?"),
            )
        )
    return tuple(sorted(lines, key=lambda line: (line.work_date, line.start, line.row_id)))


# -- candidates -------------------------------------------------------------------------------


def _open_shift(row: RowShift, required: Collection[str]) -> OpenShift:
    return OpenShift(
        row.work_date, row.start, row.end, row.break_minutes, row.code, frozenset(required)
    )


def _people(
    state: ScheduleState, unit: UnitRef, own: bool, day: date
) -> tuple[list[Person], dict[int, int]]:
    """The unit's staff employed on `day` as candidates, and each one's resurspass row id."""
    by_person: dict[int, list[Shift]] = {}
    resurs: dict[int, tuple[int, Shift]] = {}
    for status in state.statuses:
        row = status.row
        if status.state is RowState.STAFFED and row.employee_id in state.staff:
            assert row.employee_id is not None
            member = state.staff[row.employee_id]
            shift = row.for_person(member.employee_no)
            by_person.setdefault(member.id, []).append(shift)
            if row.is_resurspass and row.work_date == day:
                resurs[member.id] = (row.row_id, shift)
        elif status.state is RowState.COVERED and status.cover is not None:
            who = status.cover.employee_id
            if who in state.staff:
                member = state.staff[who]
                by_person.setdefault(member.id, []).append(row.for_person(member.employee_no))
    ids = {m.employee_no: m.id for m in state.staff.values()}
    for extra in state.extra_work:
        if extra.employee_no in ids:
            by_person.setdefault(ids[extra.employee_no], []).append(extra)
    month_start = day.replace(day=1)
    people: list[Person] = []
    for member in state.staff.values():
        if not member.employed_on(day):
            continue
        shifts = tuple(by_person.get(member.id, ()))
        month = sum(s.worked_s for s in shifts if month_start <= s.work_date < day)
        people.append(
            Person(
                key=member.id,
                employee_no=member.employee_no,
                name=member.name,
                unit_code=unit.code,
                own_unit=own,
                form=member.form,
                grade_percent=member.grade_percent,
                fulltime_week_hours=member.fulltime_week_hours,
                absent=state.absences.is_absent(member.id, day),
                shifts=shifts,
                resurspass=resurs[member.id][1] if member.id in resurs else None,
                month_worked=timedelta(seconds=month),
            )
        )
    return people, {key: row_id for key, (row_id, _shift) in resurs.items()}


def _people_through_views(
    session: Session,
    unit_ids: Collection[int],
    first: date,
    last: date,
    day: date,
    unit_fulltime: Decimal,
) -> tuple[list[Person], dict[int, int]]:
    """Neighbour units' staff as candidates, read through the server's restricted views (the
    login is no member of those units): what `_people` gives from a unit's schedule state."""
    if not unit_ids:
        return [], {}
    staff = [e for e in neighbour_employees(session, unit_ids) if _employed(e.start, e.end, day)]
    ids = [e.id for e in staff]
    work: dict[int, list[RowShift]] = {}
    for row in neighbour_work(session, ids, first, last):
        assert row.employee_id is not None
        work.setdefault(row.employee_id, []).append(row)
    away = Absences(neighbour_unavailable(session, ids, first, last))
    numbers = {e.id: e.employee_no for e in staff}
    extra: dict[int, list[Shift]] = {}
    for who, shift in neighbour_extra_work(session, numbers, first, last):
        extra.setdefault(who, []).append(shift)
    month_start = day.replace(day=1)
    people: list[Person] = []
    resurs_rows: dict[int, int] = {}
    for member in staff:
        rows = work.get(member.id, [])
        shifts = tuple(r.for_person(member.employee_no) for r in rows) + tuple(
            extra.get(member.id, ())
        )
        resurs = next((r for r in rows if r.is_resurspass and r.work_date == day), None)
        if resurs is not None:
            resurs_rows[member.id] = resurs.row_id
        own_week = member.fulltime_week_minutes
        people.append(
            Person(
                key=member.id,
                employee_no=member.employee_no,
                name=member.name,
                unit_code=member.unit_code,
                own_unit=False,
                form=EmploymentForm(member.employment_form),
                grade_percent=member.grade_percent,
                fulltime_week_hours=(
                    minutes_to_hours(own_week) if own_week is not None else unit_fulltime
                ),
                absent=away.is_absent(member.id, day),
                shifts=shifts,
                resurspass=None if resurs is None else resurs.for_person(member.employee_no),
                month_worked=timedelta(
                    seconds=sum(s.worked_s for s in shifts if month_start <= s.work_date < day)
                ),
            )
        )
    return people, resurs_rows


def _employed(start: date | None, end: date | None, day: date) -> bool:
    return (start is None or start <= day) and (end is None or day <= end)


def _with_view_qualifications(
    held: Mapping[int, Collection[str]],
    required: Collection[str],
    seen: Collection[tuple[int, str]],
) -> dict[int, set[str]]:
    """The competences each candidate holds of those required: the ones read through the
    views (a neighbour's staff on a server) added to those read from the tables."""
    found = {person: set(labels) for person, labels in held.items()}
    by_key = {competence_key(label): label for label in required}
    for person, competence in seen:
        label = by_key.get(competence_key(competence))
        if label is not None:
            found.setdefault(person, set()).add(label)
    return found


@dataclass(frozen=True)
class _Evaluation:
    line: RowLine
    ranking: Ranking
    released: dict[int, int]  # person key -> resurspass row id they would give up
    through_views: frozenset[int] = frozenset()  # people of units the login is no member of


def _evaluate(
    workspace: Workspace,
    row_id: int,
    today: date,
    required: Collection[str],
    competences: Mapping[int, Collection[str]] | None,
) -> _Evaluation:
    unit = workspace.require_unit()
    settings = rule_settings(workspace)
    fulltime = settings.decimal("unit.fulltime_week_hours")
    with workspace.transaction() as session:
        row = row_by_id(session, row_id)
        if row is None:
            raise NotFoundError("Schemaraden finns inte längre. Uppdatera sidan (F5).")
        day = row.work_date
        first = min(day - timedelta(days=15), day.replace(day=1))
        last = day + timedelta(days=9)
        neighbours = [UnitRef(u.id, u.code, u.name) for u in neighbour_units(session, unit.id)]
        # On a server, a neighbour the login is no member of is read through the views.
        hidden = units_read_through_views(session, [u.id for u in neighbours])
        units = [(unit, True)] + [(u, False) for u in neighbours if u.id not in hidden]
        states = [(load_state(session, u, first, last, fulltime), u, own) for u, own in units]
        seen, seen_resurs = _people_through_views(session, hidden, first, last, day, fulltime)
        seen_qualified = neighbour_qualifications(session, [p.key for p in seen], day)
    own_state = states[0][0]
    if row.row_id not in own_state.own_row_ids:
        raise NotFoundError("Schemaraden hör inte till enheten som är vald.")
    status = next(s for s in own_state.statuses if s.row.row_id == row.row_id)
    line = _line(own_state, status, today, settings, _cover_names(workspace, own_state))
    people: list[Person] = []
    released: dict[int, int] = {}
    for state, ref, own in states:
        found, resurs = _people(state, ref, own, day)
        people += found
        released.update(resurs)
    people += seen
    released.update(seen_resurs)
    if not required and competences is None:
        # What the shift type requires (delegations, trainings) and who holds it that day.
        required, held = competence_check(
            workspace, row.code, day, [person.key for person in people]
        )
        competences = _with_view_qualifications(held, required, seen_qualified)
    ranking = rank_candidates(
        _open_shift(row, required),
        people,
        _limits(settings),
        overtime_rules=OvertimeRules.from_settings(settings),
        competences=competences,
    )
    return _Evaluation(line, ranking, released, frozenset(p.key for p in seen))


@use_case
def cover_candidates(
    workspace: Workspace,
    row_id: int,
    *,
    today: date,
    required: Collection[str] = (),
    competences: Mapping[int, Collection[str]] | None = None,
) -> CandidateList:
    """Who can take the empty row, cheapest legal first; the unit's own staff, then the
    neighbours'. `required`/`competences`: a competence check for rows that need one."""
    evaluation = _evaluate(workspace, row_id, today, required, competences)
    ranking = evaluation.ranking
    line = evaluation.line
    shown = ranking.candidates if line.offerable else ()
    return CandidateList(
        row=line,
        candidates=tuple(CandidateView(c) for c in shown),
        excluded=ranking.excluded,
        ranking=ranking,
    )


@dataclass(frozen=True)
class RecordedCover:
    row: RowLine
    employee_no: str
    name: str
    kind: CoverKind

    def describe(self) -> str:
        text = (
            f"{self.name} tar {self.row.work_date.isoformat()} {self.row.time_text} "
            f"som {self.kind.label.lower()}."
        )
        if self.kind is CoverKind.OVERTIME:
            text += " Övertiden ska beslutas av enhetschefen (sidan Övertid)."
        return text


@use_case
def record_cover(
    workspace: Workspace,
    row_id: int,
    employee_id: int,
    *,
    today: date,
    required: Collection[str] = (),
    competences: Mapping[int, Collection[str]] | None = None,
) -> RecordedCover:
    """Records who takes the empty row; refused unless the person is a candidate now."""
    unit = workspace.require_unit()
    evaluation = _evaluate(workspace, row_id, today, required, competences)
    line = evaluation.line
    if not line.state.is_empty:
        raise RuleViolation("Raden är redan bemannad eller har en ersättare.")
    if not line.offerable:
        raise RuleViolation(line.blocked_reason)
    candidate = evaluation.ranking.candidate(employee_id)
    if candidate is None:
        left_out = next(
            (e for e in evaluation.ranking.excluded if e.person.key == employee_id), None
        )
        why = left_out.reason if left_out else "Personen finns inte bland förslagen."
        raise RuleViolation(f"Kan inte ta passet: {why}")
    person = candidate.person
    if candidate.kind is CoverKind.OVERTIME and person.key in evaluation.through_views:
        # The request would wait in this unit for a person the login cannot see, and her own
        # EC cannot see the request: nobody could decide it.
        raise RuleViolation(
            f"{person.name} ({person.unit_code}) skulle ta passet som övertid, och du är inte "
            f"enhetschef för {person.unit_code}. Välj en annan ersättare, eller be en chef för "
            "båda enheterna (sambandscentralen) att tillsätta passet."
        )
    released = (
        evaluation.released.get(person.key) if candidate.kind is CoverKind.RESURSPASS else None
    )
    with workspace.transaction() as session:
        if row_has_cover(session, row_id):
            raise RuleViolation("Raden fick nyss en ersättare. Uppdatera sidan (F5).")
        cover = ScheduleCover(
            unit_id=unit.id,
            row_id=row_id,
            employee_id=person.key,
            kind=candidate.kind.value,
            released_row_id=released,
            recorded_by=workspace.actor,
        )
        session.add(cover)
        session.flush()
        audit.record(
            session,
            actor=workspace.actor,
            action="registrera_ersattare",
            entity="ersattare",
            entity_id=cover.id,
            unit_id=unit.id,
            after={
                "row_id": row_id,
                "date": line.work_date,
                "start": line.start,
                "end": line.end,
                "code": line.code,
                "employee_no": person.employee_no,
                "employee_unit": person.unit_code,
                "kind": candidate.kind.value,
                "released_row_id": released,
                "why": candidate.why,
            },
        )
        if candidate.kind is CoverKind.OVERTIME:
            # Only the EC decides övertid: the cover waits for her as a request (Övertid).
            request_from_cover(session, cover, workspace.actor)
    return RecordedCover(line, person.employee_no, person.name, candidate.kind)


@use_case
def remove_cover(workspace: Workspace, row_id: int) -> str:
    """Undoes a recorded cover (a mistake, or the person cannot come after all); returns what
    became of an övertid request made from it ("" when there was none)."""
    unit = workspace.require_unit()
    with workspace.transaction() as session:
        cover = cover_of_row(session, unit.id, row_id)
        if cover is None:
            raise UserError("Raden har ingen registrerad ersättare.")
        audit.record(
            session,
            actor=workspace.actor,
            action="ta_bort_ersattare",
            entity="ersattare",
            entity_id=cover.id,
            unit_id=unit.id,
            before={
                "row_id": row_id,
                "employee_id": cover.employee_id,
                "kind": cover.kind,
                "released_row_id": cover.released_row_id,
                "recorded_by": cover.recorded_by,
                "recorded_at": cover.recorded_at,
            },
        )
        note = release_cover_request(session, cover, workspace.actor)
        session.delete(cover)
    return note


# -- Översikt ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ScheduleAlerts:
    """What Översikt says of the schedule: today's empty rows and this week's breaches."""

    empty_today: tuple[RowLine, ...] = ()
    week_breaches: tuple[BreachView, ...] = ()
    week: int = 0

    def breaches_by_rule(self) -> list[tuple[str, int]]:
        counts: dict[str, int] = {}
        for view in self.week_breaches:
            label = view.breach.rule.label
            counts[label] = counts.get(label, 0) + 1
        return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


NO_SCHEDULE_ALERTS = ScheduleAlerts()


@use_case
def schedule_alerts(workspace: Workspace, day: date) -> ScheduleAlerts:
    if workspace.unit is None:
        return NO_SCHEDULE_ALERTS
    follow = day_follow_up(workspace, day, today=day)
    return ScheduleAlerts(follow.empty_today, follow.breaches, day.isocalendar().week)

"""Real rows for every table of the window: a demo unit made once, read through the same services
the pages and dialogs call. The model contract tests fill each model with these."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from enhetschef_app.demo.unit import DemoSpec, generate_demo_unit
from enhetschef_app.domain.incidents import STATE_ORDER, Track
from enhetschef_app.domain.overtime_requests import Verdict
from enhetschef_app.domain.schedule_import import ColumnMappingNeeded
from enhetschef_app.domain.staff import EmployeeDraft, EmploymentForm
from enhetschef_app.domain.year_month import YearMonth
from enhetschef_app.services.absence.absences import AbsenceView, list_absences
from enhetschef_app.services.absence.care_talk_scan import scan_care_talks
from enhetschef_app.services.absence.care_talks import TalkView, list_talks
from enhetschef_app.services.core.audit_log import log_lines
from enhetschef_app.services.core.gallring import gallring_preview
from enhetschef_app.services.core.workspace import Workspace, open_workspace
from enhetschef_app.services.economy.costs import year_view
from enhetschef_app.services.incidents.stats import incident_stats
from enhetschef_app.services.incidents.views import incident_detail, list_incidents
from enhetschef_app.services.month.report import MonthReportView, month_report_view
from enhetschef_app.services.overtime.requests import (
    decide_overtime,
    decision_preview,
    list_requests,
    request_history,
)
from enhetschef_app.services.overview.today import day_overview
from enhetschef_app.services.people.competence import competence_overview
from enhetschef_app.services.people.exit_talks import leavers
from enhetschef_app.services.people.introduction import introductions
from enhetschef_app.services.people.reviews import review_overview
from enhetschef_app.services.schedule.coordination import coordinator_day
from enhetschef_app.services.schedule.follow_up import cover_candidates, day_follow_up
from enhetschef_app.services.schedule.imports import import_schedule
from enhetschef_app.services.schedule.staffing_need import staffing_need
from enhetschef_app.services.schedule.week import WeekSchedule, week_schedule
from enhetschef_app.services.staff.employees import EmployeeView, list_employees, save_employee

END = date(2026, 11, 29)
TODAY = END - timedelta(days=10)
MONTH = YearMonth(2026, 10)


@dataclass
class DemoRows:
    """Per table, the rows the window would show on TODAY."""

    today: date
    rows: dict[str, list[Any]] = field(default_factory=dict)
    employees: list[EmployeeView] = field(default_factory=list)
    absences: list[AbsenceView] = field(default_factory=list)
    talks: list[TalkView] = field(default_factory=list)
    weeks: list[WeekSchedule] = field(default_factory=list)
    month_views: list[MonthReportView] = field(default_factory=list)
    preview: ColumnMappingNeeded | None = None


def make_demo(path: Path) -> None:
    workspace = open_workspace(path)
    try:
        generate_demo_unit(workspace, DemoSpec(staff=24, weeks=56, end=END, seed=2))
    finally:
        workspace.close()


def _richest(candidates: list[Any], size: Any) -> Any:
    return max(candidates, key=size)


def read_rows(workspace: Workspace, tmp: Path) -> DemoRows:
    today = TODAY
    found = DemoRows(today)
    rows = found.rows
    found.employees = list_employees(workspace, today)
    found.absences = list_absences(workspace)
    found.talks = list_talks(workspace)
    rows["signals"] = list(scan_care_talks(workspace, today).signals)

    follow = _richest(
        [day_follow_up(workspace, today - timedelta(weeks=k), today=today) for k in range(6)],
        lambda f: min(len(f.absences), len(f.week_rows), len(f.breaches)),
    )
    rows["follow_rows"] = list(follow.week_rows)
    rows["follow_absences"] = list(follow.absences)
    rows["follow_breaches"] = list(follow.breaches)
    # Sambandscentral's list: the empty rows of every unit (a file's one unit), day by day.
    rows["coordination_rows"] = [
        row
        for offset in range(7)
        for row in coordinator_day(
            workspace, follow.week_first + timedelta(days=offset), today=today,
            with_candidates=False,
        ).empty_rows()
    ]  # fmt: skip
    outcomes = [
        cover_candidates(workspace, line.row_id, today=today) for line in follow.week_rows[:4]
    ]
    best = _richest(outcomes, lambda o: min(len(o.candidates), len(o.excluded)))
    rows["candidates"] = list(best.candidates)
    rows["excluded"] = list(best.excluded)

    overview = day_overview(workspace, today)
    rows["headcount"] = list(overview.headcount)
    rows["overview_bands"] = list(overview.bands)
    rows["overview_lines"] = list(overview.lines)

    incidents = list_incidents(workspace, today)
    rows["incidents"] = incidents
    details = [incident_detail(workspace, s.id, today) for s in incidents]
    rows["actions"] = list(_richest(details, lambda d: len(d.actions)).actions)
    rows["timeline"] = list(_richest(details, lambda d: len(d.timeline)).timeline)
    staffed = _richest(details, lambda d: min(len(d.staffing.bands), len(d.staffing.rows_at_event)))
    rows["event_bands"] = list(staffed.staffing.bands)
    rows["event_rows"] = list(staffed.staffing.rows_at_event)
    stats = incident_stats(workspace, today.year, today)
    rows["count_track"] = [(t.label, stats.by_track[t.value]) for t in Track]
    rows["count_state"] = [(s.label, stats.by_state[s.value]) for s in STATE_ORDER]

    requests = list_requests(workspace)
    rows["requests"] = requests
    decided = next(r for r in requests if len(request_history(workspace, r.id)) == 2)
    # A third decision on one request (a correction is a new decision, never an edit).
    decide_overtime(workspace, decided.id, Verdict.REJECTED, "Rättat: bemanningen räckte")
    rows["history"] = list(request_history(workspace, decided.id))
    previews = [decision_preview(workspace, r.id) for r in requests[:60]]
    # One request has one to three segments; the table is the same for any request's.
    rows["segments"] = [s for p in previews for s in p.evaluation.classification.segments][:6]
    rows["limits"] = list(previews[0].evaluation.checks)

    for n, name in enumerate(("Nora Ny", "Olle Ny")):
        # Two who started last week: the introduction list shows people new to the unit.
        save_employee(
            workspace,
            EmployeeDraft(
                employee_no=f"90{n}",
                name=name,
                form=EmploymentForm.FIXED_TERM,
                grade_percent=Decimal(100),
                fulltime_week_hours=None,
                start=today - timedelta(days=5 + n),
                end=date(2027, 6, 30),
            ),
        )
    progress = introductions(workspace, today)
    rows["intro_progress"] = progress
    rows["intro_lines"] = list(_richest(progress, lambda p: len(p.lines)).lines)
    rows["leavers"] = leavers(workspace, today)
    rows["reviews"] = list(review_overview(workspace, today).employees)
    rows["competence"] = list(competence_overview(workspace, today).items)
    rows["needs"] = staffing_need(workspace)

    found.weeks = [
        week_schedule(workspace, today, actual=False),
        week_schedule(workspace, today, actual=True),
    ]
    economy = year_view(workspace, MONTH.year, today)
    rows["economy_year"] = [
        (m, economy.year.deviation_ytd(m.month.month), m.month.month == today.month)
        for m in economy.year.months
    ]
    rows["cost_lines"] = list(
        _richest([economy.cost_of(n) for n in range(1, 13)], lambda c: len(c.lines)).lines
    )
    rows["budget_rows"] = [
        [m.month, m.budget, m.fte_budget, m.outcome] for m in economy.year.months
    ]

    # Gallring as it would be years from now: every kind has something to go.
    rows["gallring"] = list(gallring_preview(workspace, today=date(2031, 1, 1)).items)
    rows["log"] = log_lines(workspace)

    found.month_views = [
        month_report_view(workspace, MONTH),
        month_report_view(workspace, MONTH.shifted(-1)),
    ]

    odd = tmp / "egen-export.csv"
    odd.write_text(
        "Vem;Nr;Dag;Börjar kl;Slutar kl\n"
        + "".join(
            f"{e.name};{e.employee_no};2026-11-{16 + n};07:00;15:30\n"
            for n, e in enumerate(found.employees[:5])
        ),
        encoding="utf-8",
    )
    try:
        import_schedule(workspace, odd)
    except ColumnMappingNeeded as error:
        found.preview = error
    return found

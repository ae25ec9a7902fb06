"""Exit talks, the introduction checklist and the people figures of a month, on a real file."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from enhetschef_app.domain.errors import FieldProblems, SensitiveText
from enhetschef_app.domain.exit_talks import ExitOutcome, ExitTalkDraft
from enhetschef_app.domain.review_talks import TalkRecordDraft
from enhetschef_app.domain.staff import EmployeeDraft, EmploymentForm, EndReason
from enhetschef_app.services.core.settings import change_settings
from enhetschef_app.services.core.workspace import Workspace
from enhetschef_app.services.people.exit_talks import leavers, save_exit_talk
from enhetschef_app.services.people.figures import people_month_figures
from enhetschef_app.services.people.introduction import (
    checklist,
    intro_items,
    introductions,
    save_intro_item,
    set_intro_point,
)
from enhetschef_app.services.people.overview import people_signals
from enhetschef_app.services.people.reviews import record_talk
from enhetschef_app.services.staff.employees import list_employees, save_employee

DAY = date(2026, 11, 24)


def person(
    ws: Workspace,
    number: str,
    form: EmploymentForm = EmploymentForm.PERMANENT,
    grade: str | None = "100",
    start: date | None = date(2015, 1, 1),
    end: date | None = None,
    reason: EndReason | None = None,
) -> int:
    draft = EmployeeDraft(
        employee_no=number,
        name=f"Person {number}",
        form=form,
        grade_percent=None if grade is None else Decimal(grade),
        fulltime_week_hours=None,
        start=start,
        end=end,
        end_reason=reason,
    )
    return save_employee(ws, draft).id


def test_an_exit_talk_records_the_reason_on_the_employee(workspace: Workspace) -> None:
    anna = person(workspace, "1", end=date(2026, 12, 31))
    still = person(workspace, "2")
    far = person(workspace, "3", EmploymentForm.FIXED_TERM, end=date(2028, 6, 30))
    old = person(workspace, "4", end=date(2025, 10, 1))
    listed = {v.employee_no for v in leavers(workspace, DAY)}
    assert listed == {"1"}  # not the permanent, not a contract years ahead, not long gone
    assert far and old

    draft = ExitTalkDraft(EndReason.SCHEDULE, ExitOutcome.HELD, date(2026, 12, 15), "Kvällar.")
    saved = save_exit_talk(workspace, anna, draft)
    assert (saved.reason, saved.outcome, saved.held_on) == (
        EndReason.SCHEDULE,
        ExitOutcome.HELD,
        date(2026, 12, 15),
    )
    employee = next(e for e in list_employees(workspace, DAY) if e.id == anna)
    assert employee.end_reason is EndReason.SCHEDULE

    declined = ExitTalkDraft(EndReason.PENSION, ExitOutcome.DECLINED, date(2026, 12, 15), "")
    again = save_exit_talk(workspace, anna, declined)
    assert again.held_on is None and again.outcome is ExitOutcome.DECLINED
    assert len(leavers(workspace, DAY)) == 1  # corrected, not a second talk

    with pytest.raises(FieldProblems):
        save_exit_talk(workspace, still, draft)  # no end date
    sensitive = ExitTalkDraft(EndReason.OTHER, ExitOutcome.HELD, date(2026, 12, 1), "Utbränd")
    with pytest.raises(SensitiveText):
        save_exit_talk(workspace, anna, sensitive)
    assert save_exit_talk(workspace, anna, sensitive, confirmed=True).notes == "Utbränd"


def test_the_introduction_checklist_has_dates_from_the_first_day(workspace: Workspace) -> None:
    new = person(workspace, "1", start=date(2026, 11, 2))
    person(workspace, "2", start=date(2020, 1, 1))
    items = intro_items(workspace)
    assert len(items) == 11 and items[0].due_days == 0
    progress = introductions(workspace, DAY)
    assert [p.employee_id for p in progress] == [new]
    lines = progress[0].lines
    assert lines[0].planned_on == date(2026, 11, 2)
    month = next(line for line in lines if "en månad" in line.title)
    assert month.planned_on == date(2026, 12, 2)
    assert progress[0].late(DAY) == 9  # the points due before today (day 0–14), none done

    set_intro_point(workspace, new, lines[0].item_id, planned_on=None, done_on=date(2026, 11, 2))
    set_intro_point(
        workspace, new, month.item_id, planned_on=date(2026, 12, 9), done_on=None, day=DAY
    )
    again = checklist(workspace, new)
    assert again.done == 1
    moved = next(line for line in again.lines if line.item_id == month.item_id)
    assert moved.planned_on == date(2026, 12, 9) and moved.planned_is_own
    with pytest.raises(FieldProblems):
        set_intro_point(
            workspace, new, month.item_id, planned_on=None, done_on=DAY + timedelta(1), day=DAY
        )

    # A point added to the list shows for everyone new; one taken off only where it was done.
    extra = save_intro_item(workspace, "Lyftutbildning", 10)
    save_intro_item(workspace, items[0].title, 0, items[0].id, active=False)
    titles = [line.title for line in checklist(workspace, new).lines]
    assert "Lyftutbildning" in titles and items[0].title in titles
    assert extra.due_days == 10

    # The window is a setting: after it the person drops off unless points are left.
    change_settings(workspace, {"introduction.new_employee_days": 14})
    assert [p.employee_id for p in introductions(workspace, DAY)] == [new]  # begun, unfinished


def test_people_figures_of_a_month(workspace: Workspace) -> None:
    # Tillsvidare: 9 at the start of the 12 months; 2 leave within them (one to another unit in
    # the kommun), one before; one hourly and one visstid leave in the month itself.
    for number in range(1, 8):
        person(workspace, f"{number}", grade="100" if number <= 4 else "75")
    left_in_month = person(
        workspace, "20", end=date(2026, 10, 15), reason=EndReason.JOB_IN_MUNICIPALITY
    )
    person(workspace, "21", end=date(2026, 3, 31), reason=EndReason.PENSION)
    person(workspace, "22", end=date(2025, 6, 30), reason=EndReason.MOVED)  # before the year
    person(workspace, "30", EmploymentForm.HOURLY, grade=None, end=date(2026, 10, 3))
    fixed = person(
        workspace,
        "31",
        EmploymentForm.FIXED_TERM,
        end=date(2026, 10, 31),
        reason=EndReason.FIXED_TERM_ENDED,
    )
    person(workspace, "32", EmploymentForm.FIXED_TERM, end=date(2027, 5, 31))
    save_exit_talk(
        workspace,
        left_in_month,
        ExitTalkDraft(EndReason.JOB_IN_MUNICIPALITY, ExitOutcome.HELD, date(2026, 10, 1), ""),
    )
    save_exit_talk(
        workspace,
        fixed,
        ExitTalkDraft(EndReason.FIXED_TERM_ENDED, ExitOutcome.DECLINED, None, ""),
    )
    for employee_no in ("1", "2", "3"):
        employee = next(e for e in list_employees(workspace, DAY) if e.employee_no == employee_no)
        record_talk(workspace, employee.id, TalkRecordDraft(date(2026, 9, 20), "", ()), day=DAY)

    figures = people_month_figures(workspace, 2026, 10)
    assert figures.leavers == 3
    assert figures.leavers_by_form == {"tillsvidare": 1, "timavlonad": 1, "visstid": 1}
    assert figures.leave_reasons == {
        "annat_jobb_kommunen": 1,
        "ej_angiven": 1,
        "visstid_slut": 1,
    }
    assert (figures.exit_talks_held, figures.exit_talks_declined) == (1, 1)
    assert (
        figures.headcount_tillsvidare,
        figures.headcount_visstid,
        figures.headcount_timavlonad,
    ) == (7, 2, 0)  # the visstid whose last day is 31 October is still employed on it
    assert figures.fulltime_share_percent == Decimal("57.14")  # 4 of 7
    # Month ends Nov 2025 – Oct 2026: 9 until March, 8 from April to September, 7 in October.
    assert figures.average_tillsvidare_12m == Decimal(9 * 5 + 8 * 6 + 7) / 12
    assert figures.turnover_leavers_12m == 2
    assert figures.turnover_percent_12m == Decimal("24.00")
    # Medarbetarsamtal 2026 (Sep–Nov) as of 31 October: 3 held of the 8 expected.
    assert (figures.reviews_expected, figures.reviews_held) == (8, 3)
    assert figures.reviews_coverage_percent == Decimal("37.50")
    assert figures.reviews_cycle == "2026"
    assert figures.as_dict()["turnover_percent_12m"] == "24.00"
    assert set(figures.definitions) >= {"turnover_percent_12m", "fulltime_share_percent"}

    change_settings(workspace, {"turnover.exclude_municipal_moves": True})
    excluded = people_month_figures(workspace, 2026, 10)
    assert excluded.turnover_leavers_12m == 1
    assert excluded.turnover_percent_12m == Decimal("12.00")
    assert people_month_figures(workspace, 2026, 10) == excluded  # reproducible


def test_the_overview_signals(workspace: Workspace) -> None:
    person(workspace, "1")
    person(workspace, "2", end=DAY + timedelta(days=10))
    signals = people_signals(workspace, date(2026, 12, 5))
    assert signals is not None
    assert signals.talks_overdue == 1  # no. 1; no. 2 left on 4 December
    assert signals.exit_talks_missing == 1
    assert signals.anything
    no_unit = Workspace(database=workspace.database, unit=None, actor="test")
    assert people_signals(no_unit, DAY) is None

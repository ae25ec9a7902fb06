"""Övertid from dagsuppföljning: choosing an övertid candidate for an empty row makes a waiting
request from the cover; removing the cover removes a request nobody has decided on, and keeps a
decided one; the dialog's running totals come from the same evaluation."""

from __future__ import annotations

from datetime import time, timedelta

import pytest
from overtime_helpers import TUESDAY, add_absence, add_employee, add_row

from enhetschef_app.domain.cover_candidates import CoverKind
from enhetschef_app.domain.overtime_requests import RequestSource, RequestStatus, Verdict
from enhetschef_app.services.core.workspace import Workspace
from enhetschef_app.services.overtime.requests import (
    RequestDraft,
    decide_overtime,
    decision_preview,
    list_requests,
    request_overtime,
)
from enhetschef_app.services.schedule.covers import cover_outlook
from enhetschef_app.services.schedule.follow_up import cover_candidates, record_cover, remove_cover


class Unit:
    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self.anna = add_employee(ws, "1", "Anna Ålund")
        self.fia = add_employee(ws, "2", "Fia Fors")  # full time, free on Tuesday
        add_absence(ws, self.anna, TUESDAY, TUESDAY)
        self.row = add_row(ws, TUESDAY, time(7), time(15, 30), self.anna)
        # Fia worked last week, so the limits have something to count.
        for offset in (7, 8):
            add_row(ws, TUESDAY - timedelta(days=offset), time(7), time(15, 30), self.fia)


@pytest.fixture
def unit(workspace: Workspace) -> Unit:
    return Unit(workspace)


def test_choosing_an_overtime_candidate_makes_a_waiting_request(unit: Unit) -> None:
    found = cover_candidates(unit.ws, unit.row, today=TUESDAY)
    kinds = {c.candidate.person.key: c.candidate.kind for c in found.candidates}
    assert kinds[unit.fia] is CoverKind.OVERTIME
    record_cover(unit.ws, unit.row, unit.fia, today=TUESDAY)
    (request,) = list_requests(unit.ws)
    assert request.status is RequestStatus.WAITING
    assert request.source is RequestSource.COVER
    assert (request.work_date, request.start, request.end) == (TUESDAY, time(7), time(15, 30))
    assert request.rast == (time(11), time(11, 30))  # the row's 30 min in the middle
    assert request.row_id == unit.row and request.absence_id is not None
    assert "Anna Ålund frånvarande (sjuk)" in request.reason
    # 8 h on a free weekday, not next to an ordinary shift: all kvalificerad.
    assert request.figures.minutes_qualified == 480
    assert "Tom rad 2026-11-17 D 07:00–15:30" in decision_preview(unit.ws, request.id).covers


def test_the_dialogs_outlook_shows_the_running_totals_before_choosing(unit: Unit) -> None:
    first = request_overtime(
        unit.ws, RequestDraft("2", TUESDAY - timedelta(days=7), time(15, 30), time(17), "Kväll")
    ).id
    decide_overtime(unit.ws, first, Verdict.APPROVED, "Ok")
    outlook = cover_outlook(unit.ws, unit.row, unit.fia)
    assert outlook.employee_name == "Fia Fors"
    checks = {c.key: c for c in outlook.evaluation.checks}
    assert (checks["four_weeks"].used_minutes, checks["four_weeks"].adding_minutes) == (90, 480)
    assert outlook.lines()[1] == "Allmän övertid per 4 veckor: 1,5 + 8 = 9,5 av 48 h"
    assert not list_requests(unit.ws, status=RequestStatus.WAITING)  # looking is not asking


def test_removing_the_cover_removes_a_waiting_request(unit: Unit) -> None:
    record_cover(unit.ws, unit.row, unit.fia, today=TUESDAY)
    note = remove_cover(unit.ws, unit.row)
    assert "togs bort" in note
    assert list_requests(unit.ws) == []


def test_removing_the_cover_keeps_a_decided_request_for_the_ec_to_correct(unit: Unit) -> None:
    record_cover(unit.ws, unit.row, unit.fia, today=TUESDAY)
    (request,) = list_requests(unit.ws)
    decide_overtime(unit.ws, request.id, Verdict.APPROVED, "Ok")
    note = remove_cover(unit.ws, unit.row)
    assert "rätta beslutet" in note
    (kept,) = list_requests(unit.ws)
    assert kept.status is RequestStatus.APPROVED
    assert kept.cover_removed
    decide_overtime(unit.ws, kept.id, Verdict.REJECTED, "Passet blev inte av")
    assert list_requests(unit.ws)[0].status is RequestStatus.REJECTED


def test_other_cover_kinds_make_no_request(unit: Unit, workspace: Workspace) -> None:
    hourly = add_employee(workspace, "3", "Tim Vik", grade=None, salary=None)
    found = cover_candidates(unit.ws, unit.row, today=TUESDAY)
    assert found.ranking.candidate(hourly) is not None
    record_cover(unit.ws, unit.row, hourly, today=TUESDAY)
    assert list_requests(unit.ws) == []

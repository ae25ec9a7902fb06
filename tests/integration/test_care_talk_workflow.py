"""The omtankessamtal's workflow on a real database: every step in the audit log (without the
notes' text), illegal steps refused in Swedish, privacy warnings before saving, snoozes."""

from __future__ import annotations

import json
from datetime import date, time

import pytest
from absence_helpers import absence, employee
from sqlalchemy import select

from enhetschef_app.domain.care_talks import TalkState, TalkStep
from enhetschef_app.domain.errors import FieldProblems, RuleViolation, SensitiveText, UserError
from enhetschef_app.services.absence.care_talks import (
    advance_talk,
    apply_talk_step,
    list_snoozes,
    list_talks,
    snooze_signal,
    wake_signal,
)
from enhetschef_app.services.core.workspace import Workspace
from enhetschef_app.storage.models import AuditEntry

DAY = date(2026, 11, 24)
SUPPORT = "Kortare pass i två veckor, avstämning varje fredag"


@pytest.fixture
def anna(workspace: Workspace) -> int:
    person = employee(workspace, "1", "Anna Ålund")
    for start in ("2026-03-02", "2026-05-11", "2026-09-14"):
        absence(workspace, person, start, start)
    return person


def audit(workspace: Workspace) -> list[AuditEntry]:
    with workspace.transaction() as session:
        return list(
            session.scalars(
                select(AuditEntry)
                .where(AuditEntry.entity.in_(["omtankessamtal", "omtankessignal"]))
                .order_by(AuditEntry.id)
            )
        )


def step(target: TalkState, on: date, **kw: object) -> TalkStep:
    return TalkStep(target, on, **kw)  # type: ignore[arg-type]  # the step checks the overrides


def test_the_whole_path_from_invitation_to_closed(workspace: Workspace, anna: int) -> None:
    invited = apply_talk_step(
        workspace,
        anna,
        step(TalkState.INVITED, date(2026, 11, 16), at=time(9, 30), place="Chefens kontor"),
        as_of=date(2026, 11, 10),
        today=DAY,
    )
    assert invited.state is TalkState.INVITED
    assert (invited.occasions, invited.covers_from, invited.covers_through) == (
        3,
        date(2026, 3, 2),
        date(2026, 9, 14),
    )
    moved = apply_talk_step(
        workspace,
        anna,
        step(TalkState.INVITED, date(2026, 11, 18), at=time(10, 0), place="Samtalsrummet"),
        as_of=DAY,
        today=DAY,
    )
    assert moved.id == invited.id and moved.invitations == 2
    held = advance_talk(
        workspace,
        invited.id,
        step(TalkState.HELD, date(2026, 11, 18), text=SUPPORT, follow_up=date(2026, 12, 30)),
        today=DAY,
    )
    assert held.support_text == SUPPORT and held.follow_up_date == date(2026, 12, 30)
    later = date(2026, 12, 30)
    advance_talk(workspace, invited.id, step(TalkState.FOLLOWED_UP, later, text="Bra"), today=later)
    closed = advance_talk(workspace, invited.id, step(TalkState.CLOSED, later), today=later)
    assert closed.state is TalkState.CLOSED and closed.closed_on == later

    entries = audit(workspace)
    assert [e.action for e in entries] == [
        "bjud_in_omtankessamtal",
        "flytta_omtankessamtal",
        "genomfort_omtankessamtal",
        "foljt_upp_omtankessamtal",
        "avsluta_omtankessamtal",
    ]
    held_entry = json.loads(entries[2].after_json or "{}")
    assert held_entry["state"] == "genomford"
    assert held_entry["support_text_chars"] == len(SUPPORT)
    # The notes themselves never enter the append-only log: gallring must be able to delete them.
    assert all(SUPPORT not in (e.after_json or "") for e in entries)
    assert entries[0].before_json is None and entries[1].before_json is not None


def test_illegal_steps_are_refused_in_swedish_and_change_nothing(
    workspace: Workspace, anna: int
) -> None:
    with pytest.raises(RuleViolation, match="Bjud in till samtalet först"):
        apply_talk_step(
            workspace,
            anna,
            step(TalkState.HELD, DAY, text=SUPPORT, follow_up=date(2027, 1, 5)),
            as_of=DAY,
            today=DAY,
        )
    assert list_talks(workspace) == []
    talk = apply_talk_step(
        workspace,
        anna,
        step(TalkState.INVITED, DAY, at=time(9), place="Kontoret"),
        as_of=DAY,
        today=DAY,
    )
    advance_talk(
        workspace,
        talk.id,
        step(TalkState.HELD, DAY, text=SUPPORT, follow_up=date(2027, 1, 5)),
        today=DAY,
    )
    with pytest.raises(RuleViolation, match="Följ upp samtalet"):
        advance_talk(workspace, talk.id, step(TalkState.CLOSED, DAY), today=DAY)
    with pytest.raises(RuleViolation):
        advance_talk(workspace, talk.id, step(TalkState.DECLINED, DAY, text="Nej"), today=DAY)
    (stored,) = list_talks(workspace)
    assert stored.state is TalkState.HELD
    assert [e.action for e in audit(workspace)] == [
        "bjud_in_omtankessamtal",
        "genomfort_omtankessamtal",
    ]


def test_a_finished_talk_takes_no_more_steps(workspace: Workspace, anna: int) -> None:
    talk = apply_talk_step(
        workspace, anna, step(TalkState.NOT_NEEDED, DAY, text="Känd orsak"), as_of=DAY, today=DAY
    )
    with pytest.raises(RuleViolation, match="ny signal"):
        advance_talk(
            workspace, talk.id, step(TalkState.INVITED, DAY, at=time(9), place="X"), today=DAY
        )


def test_fields_are_checked_by_the_service_too(workspace: Workspace, anna: int) -> None:
    with pytest.raises(FieldProblems) as bad:
        apply_talk_step(workspace, anna, step(TalkState.INVITED, DAY), as_of=DAY, today=DAY)
    assert set(bad.value.problems) == {"at", "place"}


def test_text_with_health_details_needs_the_ec_to_have_seen_the_warning(
    workspace: Workspace, anna: int
) -> None:
    talk = apply_talk_step(
        workspace,
        anna,
        step(TalkState.INVITED, DAY, at=time(9), place="Kontoret"),
        as_of=DAY,
        today=DAY,
    )
    risky = step(TalkState.HELD, DAY, text="Hon har migrän", follow_up=date(2027, 1, 5))
    with pytest.raises(SensitiveText) as warned:
        advance_talk(workspace, talk.id, risky, today=DAY)
    assert any("hälsouppgifter" in w for w in warned.value.warnings)
    assert list_talks(workspace)[0].state is TalkState.INVITED
    saved = advance_talk(workspace, talk.id, risky, today=DAY, accept_warnings=True)
    assert saved.state is TalkState.HELD


def test_a_snooze_and_waking_it_are_in_the_audit_log(workspace: Workspace, anna: int) -> None:
    snooze = snooze_signal(workspace, anna, date(2026, 12, 8), "Efter semestern", as_of=DAY)
    assert (snooze.made_on, snooze.until) == (DAY, date(2026, 12, 8))
    with pytest.raises(FieldProblems):
        snooze_signal(workspace, anna, DAY, "Idag", as_of=DAY)
    with pytest.raises(SensitiveText):
        snooze_signal(workspace, anna, date(2026, 12, 8), "Opererad i knät", as_of=DAY)
    woken = wake_signal(workspace, snooze.id, date(2026, 11, 26))
    assert woken.until == date(2026, 11, 26)
    with pytest.raises(UserError, match="vilar inte längre"):
        wake_signal(workspace, snooze.id, date(2026, 11, 30))
    assert [s.until for s in list_snoozes(workspace, anna)] == [date(2026, 11, 26)]
    assert [e.action for e in audit(workspace)] == ["vila_omtankessignal", "vack_omtankessignal"]

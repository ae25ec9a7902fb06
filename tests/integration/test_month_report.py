"""The Månadsrapport's state: the EC's comment, a month marked klar whose figures stay as
reported while changes show as differences, unlocking with a reason, and the 12-month trend."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest
from month_unit import build_month_unit

from enhetschef_app.domain.absences import AbsenceDraft
from enhetschef_app.domain.errors import RuleViolation, UserError
from enhetschef_app.domain.year_month import YearMonth
from enhetschef_app.services.absence.absences import save_absence
from enhetschef_app.services.core.workspace import Workspace
from enhetschef_app.services.month.report import (
    close_month,
    month_report_view,
    month_trend,
    reopen_month,
    save_comment,
)
from enhetschef_app.storage.models import AuditEntry

OCTOBER = YearMonth(2026, 10)
AFTER = date(2026, 11, 10)


def _audit_actions(workspace: Workspace) -> list[str]:
    with workspace.transaction() as session:
        return [e.action for e in session.query(AuditEntry).order_by(AuditEntry.id)]


def test_the_comment_is_kept_and_warns_about_identity_numbers(workspace: Workspace) -> None:
    assert save_comment(workspace, OCTOBER, "  Hög sjukfrånvaro i oktober.  ") == []
    view = month_report_view(workspace, OCTOBER)
    assert view.comment == "Hög sjukfrånvaro i oktober."
    assert view.comment_changed_by == workspace.actor
    warnings = save_comment(workspace, OCTOBER, "Samtal med 19121212-1212 om ryggskott.")
    assert any("personnummer" in w for w in warnings)
    assert any("hälsouppgifter" in w for w in warnings)
    assert "andra_manadskommentar" in _audit_actions(workspace)


def test_a_comment_that_is_too_long_is_refused(workspace: Workspace) -> None:
    with pytest.raises(UserError, match="för lång"):
        save_comment(workspace, OCTOBER, "x" * 4001)


def test_a_month_marked_klar_keeps_its_figures_and_shows_changes_as_differences(
    workspace: Workspace,
) -> None:
    unit = build_month_unit(workspace)
    save_comment(workspace, OCTOBER, "Oktober.")
    closed = close_month(workspace, OCTOBER, today=AFTER)
    assert closed.is_closed and closed.differences == []
    assert closed.reported["sick_hours"] == Decimal("19.75")

    # C falls sick on 10-13 (her resurspass day, row 10): 8 more sick hours on 74 scheduled.
    save_absence(
        workspace, AbsenceDraft(unit.people["C"], "sjuk", date(2026, 10, 13), date(2026, 10, 13))
    )
    view = month_report_view(workspace, OCTOBER)
    assert view.reported["sick_hours"] == Decimal("19.75")  # as reported: not silently changed
    assert view.summary.values["sick_hours"] == Decimal("27.75")  # what the data says now
    changed = {d.key: d for d in view.differences}
    assert changed["sick_hours"].change == Decimal("8.00")
    # 27.75 / 74 = 37.50 %
    assert changed["sick_percent"].current == Decimal("37.50")
    data = view.as_dict()
    assert data["sick_hours"] == 19.75
    assert data["figures"]["sick_hours"]["current_value"] == 27.75
    assert {"key": "sick_hours", "reported": 19.75, "current": 27.75} in data["differences"]
    assert data["closed"]["by"] == workspace.actor

    with pytest.raises(RuleViolation, match="klar"):
        save_comment(workspace, OCTOBER, "Ändrad")
    with pytest.raises(RuleViolation, match="redan"):
        close_month(workspace, OCTOBER, today=AFTER)


def test_unlocking_needs_a_reason_and_is_in_the_audit_log(workspace: Workspace) -> None:
    build_month_unit(workspace)
    close_month(workspace, OCTOBER, today=AFTER)
    with pytest.raises(UserError, match="varför"):
        reopen_month(workspace, OCTOBER, " ")
    view = reopen_month(workspace, OCTOBER, "Sjukanmälan registrerades sent")
    assert not view.is_closed
    actions = _audit_actions(workspace)
    assert actions[-2:] == ["markera_manad_klar", "las_upp_manad"]
    with workspace.transaction() as session:
        entry = session.query(AuditEntry).order_by(AuditEntry.id.desc()).first()
        assert entry is not None and entry.before_json is not None
        assert json.loads(entry.before_json)["values"]["sick_hours"] == "19.75"
    with pytest.raises(RuleViolation, match="inte markerad klar"):
        reopen_month(workspace, OCTOBER, "igen")


def test_a_month_that_has_not_ended_cannot_be_marked_klar(workspace: Workspace) -> None:
    with pytest.raises(RuleViolation, match="inte slut"):
        close_month(workspace, OCTOBER, today=date(2026, 10, 31))


def test_the_trend_covers_twelve_months_and_uses_reported_figures_of_klar_months(
    workspace: Workspace,
) -> None:
    unit = build_month_unit(workspace)
    close_month(workspace, OCTOBER, today=AFTER)
    save_absence(
        workspace, AbsenceDraft(unit.people["C"], "sjuk", date(2026, 10, 13), date(2026, 10, 13))
    )
    trend = month_trend(workspace, YearMonth(2026, 11))
    assert [p.month.label for p in trend.points] == [
        "2025-12",
        "2026-01",
        "2026-02",
        "2026-03",
        "2026-04",
        "2026-05",
        "2026-06",
        "2026-07",
        "2026-08",
        "2026-09",
        "2026-10",
        "2026-11",
    ]
    october = trend.points[10]
    assert october.reported is True
    assert october.sick_percent == Decimal("26.69")  # as marked klar, not today's 37.50
    assert october.hourly_paid_share_percent == Decimal("22.78")
    september = trend.points[9]
    # September: only A's row of 09-30 (8 h, present): 0 % sick, no hourly paid work.
    assert september.sick_percent == Decimal("0.00")
    assert september.hourly_paid_share_percent == Decimal("0.00")
    assert trend.points[0].sick_percent is None  # no schedule: no share

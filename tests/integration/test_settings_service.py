from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select

from enhetschef_app.domain.errors import UserError
from enhetschef_app.services.core.settings import change_settings, rule_settings, setting_states
from enhetschef_app.services.core.workspace import Workspace, open_workspace
from enhetschef_app.storage.models import AuditEntry, SettingChange


def test_a_changed_setting_is_stored_with_its_date_and_audited(workspace: Workspace) -> None:
    changed = change_settings(
        workspace, {"rest.daily_rest_hours": "10,5", "absence.care_talk_threshold": 3}
    )
    assert changed == ["rest.daily_rest_hours"]  # the threshold was already 3

    reopened = open_workspace(workspace.path, "HT-TEST")
    try:
        assert rule_settings(reopened).decimal("rest.daily_rest_hours") == Decimal("10.5")
        state = {s.spec.key: s for s in setting_states(reopened)}
        assert state["rest.daily_rest_hours"].changed_at is not None
        assert state["rest.weekly_rest_hours"].changed_at is None
    finally:
        reopened.close()
    with workspace.transaction() as session:
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "andra_installning")
        ).one()
        assert entry.entity_id == "rest.daily_rest_hours"
        assert entry.before_json == '{"value": "11"}'
        assert entry.after_json == '{"value": "10.5"}'


def test_history_is_kept_and_the_newest_value_is_in_force(workspace: Workspace) -> None:
    change_settings(workspace, {"targets.sick_percent": "6"})
    change_settings(workspace, {"targets.sick_percent": "4,5"})
    assert rule_settings(workspace).decimal("targets.sick_percent") == Decimal("4.5")
    with workspace.transaction() as session:
        assert len(session.scalars(select(SettingChange)).all()) == 2


def test_one_bad_value_stores_nothing(workspace: Workspace) -> None:
    with pytest.raises(UserError, match="sparades inte"):
        change_settings(workspace, {"targets.sick_percent": "4", "rest.daily_rest_hours": "3"})
    assert rule_settings(workspace).decimal("targets.sick_percent") == Decimal(5)

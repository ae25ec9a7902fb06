"""The unit of work: one transaction per use case, joined by the use cases it calls, with the
areas it changed handed to whoever collects them."""

from __future__ import annotations

from pathlib import Path

import pytest
from transactions import counting_transactions

from enhetschef_app.services.core.workspace import Workspace, open_workspace
from enhetschef_app.storage.models import AuditEntry
from enhetschef_app.storage.unit_of_work import collect_changes


@pytest.fixture
def opened(tmp_path: Path) -> Workspace:
    return open_workspace(tmp_path / "uow.db")


def test_a_nested_unit_of_work_joins_the_open_one(opened: Workspace) -> None:
    with counting_transactions(opened) as counted, opened.unit_of_work() as outer:
        outer.record(action="test", entity="setting")
        with opened.unit_of_work() as inner:
            assert inner is outer
            assert inner.settings["rest.daily_rest_hours"] is not None
    assert counted.count == 1
    opened.close()


def test_the_areas_changed_reach_the_collector_only_when_committed(opened: Workspace) -> None:
    with collect_changes() as changed, opened.unit_of_work() as uow:
        uow.record(action="test", entity="setting", area="overtime")
    assert changed == {"overtime"}

    with (
        collect_changes() as changed,
        pytest.raises(RuntimeError),
        opened.unit_of_work() as uow,
    ):
        uow.mark_changed("schedule")
        raise RuntimeError("rolled back")
    assert changed == set()
    opened.close()


def test_a_recorded_entry_is_written_by_the_actor_for_the_unit(opened: Workspace) -> None:
    with opened.unit_of_work() as uow:
        uow.record(action="setting_changed", entity="setting", entity_id="x")
    with opened.unit_of_work() as uow:
        entries = uow.session.query(AuditEntry).all()
    assert [(e.action, e.actor) for e in entries] == [("setting_changed", opened.actor)]
    opened.close()

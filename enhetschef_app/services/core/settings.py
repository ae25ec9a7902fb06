"""Reading and changing the rule parameters of the unit (declared in domain.settings_catalog)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from enhetschef_app.domain.errors import UserError
from enhetschef_app.domain.settings_catalog import (
    CATALOG,
    SPECS,
    RuleSettings,
    SettingSpec,
    SettingValue,
)
from enhetschef_app.services.core.workspace import Workspace, use_case
from enhetschef_app.storage import audit
from enhetschef_app.storage.models import SettingChange
from enhetschef_app.storage.queries.settings import current_settings


@dataclass(frozen=True)
class SettingState:
    spec: SettingSpec
    value: SettingValue
    changed_at: datetime | None  # None: the declared default is in force

    @property
    def is_default(self) -> bool:
        return self.changed_at is None or self.value == self.spec.default


@use_case
def rule_settings(workspace: Workspace) -> RuleSettings:
    unit_id = workspace.unit.id if workspace.unit else None
    with workspace.transaction() as session:
        stored = current_settings(session, unit_id)
    return RuleSettings({key: value for key, (value, _when) in stored.items()})


@use_case
def setting_states(workspace: Workspace) -> list[SettingState]:
    unit_id = workspace.unit.id if workspace.unit else None
    with workspace.transaction() as session:
        stored = current_settings(session, unit_id)
    values = RuleSettings({key: value for key, (value, _when) in stored.items()})
    return [
        SettingState(spec, values[spec.key], stored[spec.key][1] if spec.key in stored else None)
        for spec in CATALOG
    ]


@use_case
def change_settings(workspace: Workspace, changes: Mapping[str, object]) -> list[str]:
    """Validates every change first, then stores the ones that differ; returns their keys."""
    unit_id = workspace.unit.id if workspace.unit else None
    problems: list[str] = []
    coerced: dict[str, SettingValue] = {}
    for key, raw in changes.items():
        spec = SPECS.get(key)
        if spec is None:
            problems.append(f"Okänd inställning: {key}.")
            continue
        try:
            coerced[key] = spec.coerce(raw)
        except ValueError as exc:
            problems.append(str(exc))
    if problems:
        raise UserError("Inställningarna sparades inte: " + " ".join(problems))

    changed: list[str] = []
    with workspace.transaction() as session:
        stored = current_settings(session, unit_id)
        current = RuleSettings({key: value for key, (value, _when) in stored.items()})
        for key, value in coerced.items():
            if current[key] == value:
                continue
            spec = SPECS[key]
            session.add(
                SettingChange(
                    unit_id=unit_id,
                    key=key,
                    value_json=json.dumps(spec.to_json(value)),
                    changed_by=workspace.actor,
                )
            )
            audit.record(
                session,
                actor=workspace.actor,
                action="andra_installning",
                entity="installning",
                entity_id=key,
                unit_id=unit_id,
                before={"value": spec.to_json(current[key])},
                after={"value": spec.to_json(value)},
            )
            changed.append(key)
    return changed

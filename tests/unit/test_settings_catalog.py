from __future__ import annotations

from decimal import Decimal

import pytest

from enhetschef_app.domain.settings_catalog import CATALOG, SPECS, RuleSettings, groups


def test_every_setting_is_declared_once_with_swedish_label_and_help() -> None:
    keys = [spec.key for spec in CATALOG]
    assert len(keys) == len(set(keys))
    for spec in CATALOG:
        assert spec.label and spec.help, spec.key
        assert spec.coerce(spec.to_json(spec.default)) == spec.default, spec.key


def test_the_domain_defaults_are_those_of_domain_md() -> None:
    values = RuleSettings()
    assert values.decimal("rest.daily_rest_hours") == Decimal(11)
    assert values.decimal("rest.weekly_rest_hours") == Decimal(36)
    assert values.integer("absence.care_talk_threshold") == 3
    assert values.integer("absence.care_talk_window_months") == 12
    assert values.choices("absence.counting_kinds") == ("sjuk",)
    assert values.flag("absence.relapse_joins_spell") is False
    assert values.integer("overtime.hourly_paid_month_hours") == 165
    assert values.decimal("targets.sick_percent") == Decimal(5)
    assert values.decimal("unit.fulltime_week_hours") == Decimal("38.25")
    assert list(values.changed_from_defaults()) == []


def test_stored_values_override_defaults_and_damaged_ones_fall_back() -> None:
    values = RuleSettings(
        {"rest.daily_rest_hours": "10,5", "absence.care_talk_threshold": "fyra", "gone.key": 1}
    )
    assert values.decimal("rest.daily_rest_hours") == Decimal("10.5")
    assert values.integer("absence.care_talk_threshold") == 3
    assert "gone.key" not in values


@pytest.mark.parametrize(
    ("key", "raw", "message"),
    [
        ("rest.daily_rest_hours", "8", "minst 9"),
        ("rest.max_consecutive_days", "6,5", "heltal"),
        ("absence.counting_kinds", ["sjuk", "influensa"], "okänt val"),
        ("absence.restart_after_talk", "kanske", "ja eller nej"),
        ("targets.sick_percent", "fem", "inte ett tal"),
    ],
)
def test_bad_values_are_refused_in_swedish(key: str, raw: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        SPECS[key].coerce(raw)


def test_choices_keep_the_declared_order() -> None:
    assert SPECS["absence.counting_kinds"].coerce(["vab", "sjuk"]) == ("sjuk", "vab")


def test_groups_are_in_declaration_order() -> None:
    assert groups()[0] == "Enheten"
    assert "Frånvaro och omtankessamtal" in groups()

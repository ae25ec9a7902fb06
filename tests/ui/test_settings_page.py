"""The Inställningar page, drawn from the catalog, saving through the settings service."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QDoubleSpinBox, QGroupBox, QMessageBox, QSpinBox
from pytestqt.qtbot import QtBot

from enhetschef_app.domain.errors import UserError
from enhetschef_app.domain.settings_catalog import CATALOG, groups
from enhetschef_app.services.core.settings import SettingState, setting_states
from enhetschef_app.services.core.workspace import open_workspace
from enhetschef_app.ui.core.settings_page import SettingsPage
from enhetschef_app.ui.shell import events
from enhetschef_app.ui.shell.context import AppContext


@pytest.fixture
def page(qtbot: QtBot, context: AppContext) -> SettingsPage:
    widget = SettingsPage(context)
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def states_on_file(db_path: Path) -> dict[str, SettingState]:
    other = open_workspace(db_path, "HT-TEST")
    try:
        return {s.spec.key: s for s in setting_states(other)}
    finally:
        other.close()


def test_one_group_box_per_group_and_an_editor_per_setting(page: SettingsPage) -> None:
    titles = [box.title() for box in page.findChildren(QGroupBox)]
    assert titles == groups()
    assert set(page.editors) == {spec.key for spec in CATALOG}
    daily = page.editors["rest.daily_rest_hours"].widget
    assert isinstance(daily, QDoubleSpinBox)
    assert daily.text() == "11 timmar"
    week = page.editors["unit.fulltime_week_hours"].widget
    assert isinstance(week, QDoubleSpinBox)
    assert week.text() == "38,25 h/vecka"
    assert isinstance(page.editors["rest.max_consecutive_days"].widget, QSpinBox)
    assert isinstance(page.editors["absence.free_days_join_spell"].widget, QCheckBox)
    assert page.state_labels["rest.daily_rest_hours"].text() == "standard"
    assert not page.save_button.isEnabled()


def test_saving_a_change_shows_it_as_changed_and_stores_it(
    qtbot: QtBot, page: SettingsPage, context: AppContext, db_path: Path
) -> None:
    announced: list[frozenset[str]] = []
    context.events.changed.connect(announced.append)
    days = page.editors["rest.max_consecutive_days"].widget
    assert isinstance(days, QSpinBox)
    days.setValue(5)
    assert page.state_labels["rest.max_consecutive_days"].text() == "ändrad, inte sparad"
    assert page.save_button.isEnabled()
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)

    label = page.state_labels["rest.max_consecutive_days"].text()
    assert label.startswith("ändrad 20")
    assert len(label) == len("ändrad 2026-11-20")
    assert not page.save_button.isEnabled()
    assert announced == [frozenset({events.SETTINGS})]
    stored = states_on_file(db_path)["rest.max_consecutive_days"]
    assert stored.value == 5
    assert stored.changed_at is not None


def test_decimal_and_choice_settings_round_trip(
    qtbot: QtBot, page: SettingsPage, db_path: Path
) -> None:
    fulltime = page.editors["unit.fulltime_week_hours"].widget
    assert isinstance(fulltime, QDoubleSpinBox)
    fulltime.setValue(34.33)
    kinds = page.editors["absence.counting_kinds"]
    vab = next(box for box in kinds.widget.findChildren(QCheckBox) if box.text().startswith("Vård"))
    vab.setChecked(True)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)

    stored = states_on_file(db_path)
    assert stored["unit.fulltime_week_hours"].value == Decimal("34.33")
    assert stored["absence.counting_kinds"].value == ("sjuk", "vab")


def test_undo_puts_back_the_saved_values(page: SettingsPage) -> None:
    flag = page.editors["absence.restart_after_talk"].widget
    assert isinstance(flag, QCheckBox)
    was = flag.isChecked()
    flag.setChecked(not was)
    assert page.undo_button.isEnabled()
    page.undo()
    assert flag.isChecked() is was
    assert page.state_labels["absence.restart_after_talk"].text() == "standard"
    assert not page.save_button.isEnabled()


def test_a_refused_change_is_shown_in_words(
    qtbot: QtBot, page: SettingsPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))

    def refuse(_workspace: object, _changes: object) -> list[str]:
        raise UserError("Inställningarna sparades inte: Dygnsvila: minst 9 timmar.")

    monkeypatch.setattr("enhetschef_app.ui.core.settings_page.change_settings", refuse)
    days = page.editors["rest.max_consecutive_days"].widget
    assert isinstance(days, QSpinBox)
    days.setValue(4)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert shown == ["Inställningarna sparades inte: Dygnsvila: minst 9 timmar."]
    assert page.state_labels["rest.max_consecutive_days"].text() == "ändrad, inte sparad"

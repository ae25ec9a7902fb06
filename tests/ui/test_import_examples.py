"""The example files that ship with the program: offered as "Öppna exempelfil" where an import
went wrong, opened as a copy the EC may change, and read by the import they show."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from enhetschef_app.domain.schedule_import import ColumnMappingNeeded
from enhetschef_app.paths import example_file, user_data_dir
from enhetschef_app.services.core.workspace import Workspace
from enhetschef_app.services.schedule.imports import import_schedule
from enhetschef_app.services.staff.imports import import_staff
from enhetschef_app.ui.absence.import_flow import import_absence_file
from enhetschef_app.ui.schedule.import_flow import import_schedule_file
from enhetschef_app.ui.shell.column_mapping import ColumnMappingDialog
from enhetschef_app.ui.shell.context import AppContext
from enhetschef_app.ui.shell.import_problems import ImportProblemsDialog
from enhetschef_app.ui.shell.worker import BackgroundTask
from enhetschef_app.ui.staff.import_flow import import_staff_file

ImportFile = Callable[[AppContext, QWidget, Path], BackgroundTask[Any]]

STAFF_HEADER = (
    "Anställningsnr;Namn;Anställningsform;Sysselsättningsgrad (%);Heltid (h/v);"
    "Anställd från;Anställd till;Månadslön"
)
CASES: list[tuple[str, str, str]] = [
    ("staff", "personal-standard.csv", STAFF_HEADER + "\n1001;Anna Ålund;Fast;100;;;;\n"),
    (
        "schedule",
        "schema-standard-v47-v48.xlsx",
        "Anställningsnr;Namn;Datum;Start;Slut;Rast (min);Passkod\n"
        "1001;Anna Ålund;2026-12-07;sju;15:30;30;D\n",
    ),
    (
        "absence",
        "franvaro-standard.xlsx",
        "Anställningsnr;Frånvarotyp;Från;Till;Omfattning (%)\n1001;Sjuk;2026-03-02;igår;100\n",
    ),
]
IMPORTERS: dict[str, ImportFile] = {
    "staff": import_staff_file,
    "schedule": import_schedule_file,
    "absence": import_absence_file,
}


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The files the system was asked to open (no spreadsheet program runs in a test)."""
    urls: list[Path] = []

    def open_url(url: QUrl) -> bool:
        urls.append(Path(url.toLocalFile()))
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", open_url)
    return urls


def refused_import(
    qtbot: QtBot, context: AppContext, kind: str, text: str, tmp_path: Path
) -> ImportProblemsDialog:
    parent = QWidget()
    qtbot.addWidget(parent)
    bad = tmp_path / f"{kind}-fel.csv"
    bad.write_text(text, encoding="utf-8")
    task = IMPORTERS[kind](context, parent, bad)
    qtbot.waitUntil(lambda: task.done, timeout=20000)
    dialog = parent.findChild(ImportProblemsDialog)
    assert dialog is not None, f"the {kind} import showed no problem list"
    return dialog


@pytest.mark.parametrize(("kind", "example", "bad_text"), CASES)
def test_a_refused_import_offers_its_example_as_a_copy_the_ec_may_change(
    qtbot: QtBot,
    context: AppContext,
    workspace: Workspace,
    samples: Path,
    tmp_path: Path,
    opened: list[Path],
    kind: str,
    example: str,
    bad_text: str,
) -> None:
    import_staff(workspace, samples / "personal-standard.csv")
    dialog = refused_import(qtbot, context, kind, bad_text, tmp_path)
    button = dialog.example_button
    assert isinstance(button, QPushButton)
    assert button.text() == "Öppna exempelfil"
    assert button.isVisibleTo(dialog)

    button.click()

    assert len(opened) == 1
    copy = opened[0]
    assert copy.parent == user_data_dir() / "exempelfiler"
    assert copy.name == example
    shipped = example_file(example)
    assert copy.read_bytes() == shipped.read_bytes()
    copy.write_bytes(b"the EC typed over it")
    assert shipped.read_bytes() != b"the EC typed over it"
    button.click()
    assert opened[1].read_bytes() == shipped.read_bytes()  # a second click shows the example again


def test_the_examples_are_files_the_imports_read(
    workspace: Workspace, opened: list[Path], qtbot: QtBot
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    from enhetschef_app.ui.shell.examples import (
        ABSENCE_EXAMPLE,
        SCHEDULE_EXAMPLE,
        STAFF_EXAMPLE,
        open_example,
    )

    staff_copy = open_example(parent, STAFF_EXAMPLE)
    schedule_copy = open_example(parent, SCHEDULE_EXAMPLE)
    absence_copy = open_example(parent, ABSENCE_EXAMPLE)
    assert staff_copy is not None and schedule_copy is not None and absence_copy is not None

    from enhetschef_app.services.absence.imports import import_absences

    staff = import_staff(workspace, staff_copy)
    schedule = import_schedule(workspace, schedule_copy)
    absences = import_absences(workspace, absence_copy)
    assert "8 nya" in staff.describe()
    assert schedule.rows > 0 and schedule.created == schedule.rows
    assert absences.rows > 0 and absences.created == absences.rows


def test_the_column_choice_offers_the_schedule_example(qtbot: QtBot, opened: list[Path]) -> None:
    error = ColumnMappingNeeded(
        "konstig.csv",
        [],
        "Rubrikerna går inte att känna igen.",
        headers=("Vem", "När", "Från", "Till"),
        preview=(("Anna", "2026-12-07", "07:00", "15:30"),),
        guess={},
    )
    dialog = ColumnMappingDialog(error)
    qtbot.addWidget(dialog)
    assert dialog.example_button.text() == "Öppna exempelfil"
    dialog.example_button.click()
    assert [p.name for p in opened] == ["schema-standard-v47-v48.xlsx"]


def test_without_a_program_for_the_file_the_ec_is_told_where_the_copy_is(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda _url: False)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    parent = QWidget()
    qtbot.addWidget(parent)
    from enhetschef_app.ui.shell.examples import STAFF_EXAMPLE, open_example

    copy = open_example(parent, STAFF_EXAMPLE)
    assert copy is not None and copy.is_file()
    assert told == [f"Exempelfilen finns här:\n{copy}"]

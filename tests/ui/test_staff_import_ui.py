"""Importing a staff list from the window: the worker, the summary, and every bad row listed."""

from __future__ import annotations

from pathlib import Path

import pytest
from page_loading import wait_loaded
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from enhetschef_app.services.core.workspace import open_workspace
from enhetschef_app.ui.shell.context import AppContext
from enhetschef_app.ui.shell.import_problems import ImportProblemsDialog
from enhetschef_app.ui.shell.main_window import MainWindow
from enhetschef_app.ui.shell.worker import BackgroundTask
from enhetschef_app.ui.staff.page import StaffPage

HEADER = (
    "Anställningsnr;Namn;Anställningsform;Sysselsättningsgrad (%);Heltid (h/v);"
    "Anställd från;Anställd till;Månadslön"
)


@pytest.fixture
def window(qtbot: QtBot, context: AppContext) -> MainWindow:
    main = MainWindow(context)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    return main


def choose_file(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *_args, **_kw: (str(path), "Personallistor")
    )


def test_menu_import_shows_the_summary_and_the_new_staff(
    qtbot: QtBot,
    window: MainWindow,
    samples: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    choose_file(monkeypatch, samples / "personal-standard.csv")
    summaries: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: summaries.append(text))

    task = window.import_staff()
    assert isinstance(task, BackgroundTask)
    qtbot.waitUntil(lambda: task.done, timeout=20000)

    assert len(summaries) == 1 and "8 nya" in summaries[0]
    page = window.current_page()
    assert isinstance(page, StaffPage)
    wait_loaded(qtbot, page)
    assert page.model.rowCount() == 8
    names = {page.model.index(row, 1).data() for row in range(page.model.rowCount())}
    assert "Björn Öberg" in names


def test_a_bad_file_lists_every_problem_and_saves_nothing(
    qtbot: QtBot,
    window: MainWindow,
    tmp_path: Path,
    db_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    bad = tmp_path / "personal-fel.csv"
    bad.write_text(
        "\n".join(
            [
                HEADER,
                "2001;Anna Ålund;Tillsvidare;150;38,25;2019-08-15;;31 500",
                "2002;;Tillsvidare;100;38,25;2019-08-15;;31 500",
                "2003;Cilla Ek;Konsult;100;38,25;2019-08-15;;31 500",
                "2004;Dan Ek;Tillsvidare;100;38,25;15/8 2019;;31 500",
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    choose_file(monkeypatch, bad)
    task = window.import_staff()
    assert task is not None
    qtbot.waitUntil(lambda: task.done, timeout=20000)

    dialogs = window.findChildren(ImportProblemsDialog)
    assert len(dialogs) == 1
    dialog = dialogs[0]
    assert dialog.isVisible()
    lines = dialog.problem_lines()
    assert len(lines) == len(dialog.error.problems) >= 4
    assert any("rad 2" in line for line in lines) and any("rad 5" in line for line in lines)
    assert "inte" in dialog.summary.text()
    dialog.close()

    other = open_workspace(db_path, "HT-TEST")
    try:
        from enhetschef_app.services.staff.employees import list_employees

        assert list_employees(other) == []
    finally:
        other.close()


def test_first_import_into_an_empty_database_asks_for_the_unit(
    qtbot: QtBot,
    tmp_path: Path,
    ui_settings: object,
    samples: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    empty = open_workspace(tmp_path / "ny.sqlite3")
    try:
        context = AppContext(empty, ui_settings)  # type: ignore[arg-type]  # a workspace with no unit yet, on purpose
        main = MainWindow(context)
        qtbot.addWidget(main)
        main.show()
        choose_file(monkeypatch, samples / "personal-standard.csv")
        monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("ht-norr", True))
        monkeypatch.setattr(QMessageBox, "information", lambda *_a: None)
        task = main.import_staff()
        assert task is not None
        qtbot.waitUntil(lambda: task.done, timeout=20000)
        assert context.workspace.unit is not None
        assert context.workspace.unit.code == "HT-NORR"
        assert main.unit_label.text().startswith("Enhet: HT-NORR")
        staff = main.current_page()
        assert isinstance(staff, StaffPage)
        wait_loaded(qtbot, staff)
        assert staff.model.rowCount() == 8
        main.close()
    finally:
        empty.close()

"""Fixtures for the window's tests: Swedish locale, private UI settings, a context with a fixed
day, and employees made through the services."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings

from enhetschef_app.domain.staff import EmployeeDraft, EmploymentForm
from enhetschef_app.services.core.workspace import Workspace
from enhetschef_app.services.staff.employees import EmployeeView, save_employee
from enhetschef_app.ui.shell.context import AppContext

DAY = date(2026, 11, 24)  # a Tuesday in week 48

MakeEmployee = Callable[..., EmployeeView]


@pytest.fixture(autouse=True)
def swedish_locale() -> Iterator[None]:
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Swedish, QLocale.Country.Sweden))
    yield
    QLocale.setDefault(previous)


@pytest.fixture
def ui_settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def context(workspace: Workspace, ui_settings: QSettings) -> AppContext:
    return AppContext(workspace, ui_settings, today=lambda: DAY)


@pytest.fixture
def make_employee(workspace: Workspace) -> MakeEmployee:
    def make(
        number: str,
        name: str,
        form: EmploymentForm = EmploymentForm.PERMANENT,
        grade: str | None = "100",
        start: date | None = date(2020, 1, 1),
        end: date | None = None,
    ) -> EmployeeView:
        draft = EmployeeDraft(
            employee_no=number,
            name=name,
            form=form,
            grade_percent=None if grade is None else Decimal(grade),
            fulltime_week_hours=None,
            start=start,
            end=end,
        )
        return save_employee(workspace, draft)

    return make


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # The offscreen platform warns that it cannot pass size hints to a window manager it does
    # not have; that says nothing about our code, every other Qt warning still fails a test.
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.qt_log_ignore("does not support propagateSizeHints"))

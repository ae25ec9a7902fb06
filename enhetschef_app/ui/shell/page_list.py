"""The window's pages in navigation order: id, icon, title and where the page's class lives.

The navigation, the Visa menu and the shortcuts are made from this list alone; a page's module
is imported and the page built when it is first shown, so the window fills with Översikt
without importing (or building) the other ten pages. A new page is one entry here.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from enhetschef_app.services.core.workspace import Workspace
    from enhetschef_app.ui.shell.page import Page


@dataclass(frozen=True)
class PageEntry:
    page_id: str
    icon_name: str
    module: str
    class_name: str

    def title(self) -> str:
        return page_title(self.page_id)

    def page_type(self) -> type[Page]:
        found: type[Page] = getattr(importlib.import_module(self.module), self.class_name)
        return found


PAGES = (
    PageEntry("oversikt", "oversikt", "enhetschef_app.ui.overview.page", "OverviewPage"),
    PageEntry("schema", "schema", "enhetschef_app.ui.schedule.page", "SchedulePage"),
    PageEntry(
        "dagsuppfoljning",
        "dagsuppfoljning",
        "enhetschef_app.ui.schedule.follow_up_page",
        "FollowUpPage",
    ),
    PageEntry("personal", "personal", "enhetschef_app.ui.staff.page", "StaffPage"),
    PageEntry("franvaro", "franvaro", "enhetschef_app.ui.absence.page", "AbsencePage"),
    PageEntry("overtid", "overtid", "enhetschef_app.ui.overtime.page", "OvertimePage"),
    PageEntry("avvikelser", "avvikelser", "enhetschef_app.ui.incidents.page", "IncidentsPage"),
    PageEntry(
        "medarbetarsamtal", "medarbetarsamtal", "enhetschef_app.ui.people.page", "PeoplePage"
    ),
    PageEntry("manadsrapport", "manadsrapport", "enhetschef_app.ui.month.page", "MonthReportPage"),
    PageEntry("ekonomi", "ekonomi", "enhetschef_app.ui.economy.page", "EconomyPage"),
    PageEntry(
        "installningar", "installningar", "enhetschef_app.ui.core.settings_page", "SettingsPage"
    ),
)


# Pages only some logins get: Förvaltning, every unit side by side, for a login that is VC of
# a unit on the server (never on a file, whose one user is the EC). After the others, so that
# every page keeps its row and shortcut.
VC_PAGES = (
    PageEntry(
        "forvaltning", "manadsrapport", "enhetschef_app.ui.management.page", "ManagementPage"
    ),
)


# Sambandscentral, the dagsuppföljning across units, for a login that is EC of two units or more
# on the server (on a file the one EC switches unit in the status bar instead).
COORDINATOR_PAGES = (
    PageEntry(
        "sambandscentral",
        "dagsuppfoljning",
        "enhetschef_app.ui.schedule.coordination_page",
        "CoordinationPage",
    ),
)


def pages_for(workspace: Workspace) -> tuple[PageEntry, ...]:
    """The navigation of this login: every page, Sambandscentral for an EC of several units
    and Förvaltning for a VC."""
    if not workspace.on_server:
        return PAGES  # without importing the month's services before the window fills
    from enhetschef_app.services.month.management import is_vc_login
    from enhetschef_app.services.schedule.coordination import is_coordinator_login

    found: tuple[PageEntry, ...] = PAGES
    if is_coordinator_login(workspace):
        found += COORDINATOR_PAGES
    if is_vc_login(workspace):
        found += VC_PAGES
    return found


def page_title(page_id: str) -> str:
    """The page's name in the navigation, the Visa menu and its messages."""
    translate = QCoreApplication.translate
    titles = {
        "oversikt": translate("pages", "Översikt"),
        "schema": translate("pages", "Schema"),
        "dagsuppfoljning": translate("pages", "Dagsuppföljning"),
        "personal": translate("pages", "Personal"),
        "franvaro": translate("pages", "Frånvaro och omtanke"),
        "overtid": translate("pages", "Övertid"),
        "avvikelser": translate("pages", "Avvikelser"),
        "medarbetarsamtal": translate("pages", "Medarbetarsamtal"),
        "manadsrapport": translate("pages", "Månadsrapport"),
        "ekonomi": translate("pages", "Ekonomi"),
        "installningar": translate("pages", "Inställningar"),
        "forvaltning": translate("pages", "Förvaltning"),
        "sambandscentral": translate("pages", "Sambandscentral"),
        "komigang": translate("pages", "Kom igång"),
    }
    return titles[page_id]

"""Medarbetarsamtal: the yearly talks and goals, competence (trainings and delegations),
introduction of new staff and exit talks, one tab each.

Översikt leads here with a hint 'tab/filter' (e.g. 'samtal/forsenade', 'kompetens/paminnelser');
only the tab shown reads its data, the others when they are shown next.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from enhetschef_app.ui.people import PAGE_ID
from enhetschef_app.ui.people.competence_tab import CompetenceTab
from enhetschef_app.ui.people.exits_tab import ExitsTab
from enhetschef_app.ui.people.intro_tab import IntroTab
from enhetschef_app.ui.people.reviews_tab import ReviewsTab
from enhetschef_app.ui.people.tab_base import PeopleTab
from enhetschef_app.ui.shell import events
from enhetschef_app.ui.shell.context import AppContext
from enhetschef_app.ui.shell.page import Page
from enhetschef_app.ui.shell.widgets import role_label


class PeoplePage(Page):
    page_id = PAGE_ID
    icon_name = "medarbetarsamtal"
    areas = frozenset({events.PEOPLE, events.STAFF, events.SETTINGS, events.UNIT})
    supports_new_item = True
    supports_filter = True

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.reviews = ReviewsTab(context)
        self.competence = CompetenceTab(context)
        self.introduction = IntroTab(context)
        self.exits = ExitsTab(context)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("peopleTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.reviews, self.tr("Samtal"))
        self.tabs.addTab(self.competence, self.tr("Kompetens"))
        self.tabs.addTab(self.introduction, self.tr("Introduktion"))
        self.tabs.addTab(self.exits, self.tr("Avslutningssamtal"))
        self._stale_tabs: set[PeopleTab] = set(self.all_tabs())
        self.tabs.currentChanged.connect(self._tab_shown)

        layout = QVBoxLayout(self)
        layout.addWidget(role_label(self.tr("Medarbetarsamtal och kompetens"), "pageTitle"))
        layout.addWidget(self.tabs, 1)

    @property
    def loaded(self) -> bool:
        return all(tab.loader.loaded for tab in self.all_tabs())

    def all_tabs(self) -> tuple[PeopleTab, ...]:
        return (self.reviews, self.competence, self.introduction, self.exits)

    def current_tab(self) -> PeopleTab:
        tab = self.tabs.currentWidget()
        assert isinstance(tab, PeopleTab)
        return tab

    def refresh(self) -> None:
        super().refresh()
        self._stale_tabs = set(self.all_tabs())
        self._refresh_tab(self.current_tab())

    def _refresh_tab(self, tab: PeopleTab) -> None:
        self._stale_tabs.discard(tab)
        tab.refresh()

    def _tab_shown(self, _index: int) -> None:
        tab = self.current_tab()
        if tab in self._stale_tabs:
            self._refresh_tab(tab)

    def show_tab(self, key: str) -> PeopleTab | None:
        for tab in self.all_tabs():
            if tab.key == key:
                self.tabs.setCurrentWidget(tab)
                self._tab_shown(self.tabs.currentIndex())
                return tab
        return None

    def show_hint(self, hint: object) -> None:
        if not isinstance(hint, str):
            return
        key, _, choice = hint.partition("/")
        tab = self.show_tab(key)
        if tab is not None and choice:
            tab.show_hint(choice)

    def new_item(self) -> None:
        self.current_tab().new_item()

    def focus_filter(self) -> None:
        self.current_tab().focus_filter()

    def save_state(self, settings: QSettings) -> None:
        prefix = f"pages/{self.page_id}"
        settings.setValue(f"{prefix}/tab", self.current_tab().key)
        for tab in self.all_tabs():
            tab.save_tab_state(settings, prefix)

    def restore_state(self, settings: QSettings) -> None:
        prefix = f"pages/{self.page_id}"
        for tab in self.all_tabs():
            tab.restore_tab_state(settings, prefix)
        key = settings.value(f"{prefix}/tab")
        if isinstance(key, str):
            for tab in self.all_tabs():
                if tab.key == key:
                    self.tabs.setCurrentWidget(tab)

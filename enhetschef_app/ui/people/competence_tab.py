"""The Kompetens tab: each person's recurring trainings and delegations with when they expire,
reminders within the window of the setting, and the lists behind them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QSettings, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from enhetschef_app.domain.competence import ExpiryState
from enhetschef_app.domain.errors import UserError
from enhetschef_app.services.people.competence import (
    CompetenceItem,
    CompetenceOverview,
    ItemKind,
    competence_overview,
    delegation,
)
from enhetschef_app.services.staff.employees import list_employees
from enhetschef_app.ui.people.competence_dialog import (
    DelegationDialog,
    EmployeeChoice,
    EndDelegationDialog,
    ShiftRequirementsDialog,
    TrainingDialog,
    TrainingKindsDialog,
)
from enhetschef_app.ui.people.competence_model import Column, CompetenceTableModel
from enhetschef_app.ui.people.tab_base import PeopleTab, focus
from enhetschef_app.ui.shell.context import AppContext
from enhetschef_app.ui.shell.errors import show_error
from enhetschef_app.ui.shell.icons import icon
from enhetschef_app.ui.shell.widgets import role_label

ItemTest = Callable[[CompetenceItem], bool]
HINT_REMINDERS = "paminnelser"
HINT_TRAININGS = "utbildningar_gar_ut"
HINT_DELEGATIONS = "delegeringar_gar_ut"


class CompetenceTab(PeopleTab):
    key = "kompetens"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.overview: CompetenceOverview | None = None
        self.dialog: QDialog | None = None

        self.expiring_label = role_label("", "keyFigure")
        self.expired_label = role_label("", "keyFigure")
        self.missing_label = role_label("", "keyFigure")
        figures = QHBoxLayout()
        for label in (self.expiring_label, self.expired_label, self.missing_label):
            figures.addWidget(label)
        figures.addStretch(1)

        self.model = CompetenceTableModel(self)
        self.proxy, self.view, self.filter_edit, self.count_label = self.make_list(
            self.model,
            lambda i: f"{i.employee_no} {i.employee_name} {i.what}",
            self.tr("Utbildningar och delegeringar"),
        )
        self.view.sortByColumn(Column.STATE, Qt.SortOrder.AscendingOrder)
        self.show_combo = QComboBox()
        self.show_combo.setAccessibleName(self.tr("Visa"))
        reminder = {ExpiryState.EXPIRING, ExpiryState.EXPIRED}
        self._choices: list[tuple[str, str, ItemTest | None]] = [
            ("alla", self.tr("Alla"), None),
            (
                HINT_REMINDERS,
                self.tr("Går ut snart eller har gått ut"),
                lambda i: i.state in reminder,
            ),
            (
                HINT_TRAININGS,
                self.tr("Utbildningar som går ut"),
                lambda i: i.kind is ItemKind.TRAINING and i.state in reminder,
            ),
            (
                HINT_DELEGATIONS,
                self.tr("Delegeringar som går ut"),
                lambda i: i.kind is ItemKind.DELEGATION and i.state in reminder,
            ),
            ("saknas", self.tr("Saknas"), lambda i: i.state is ExpiryState.MISSING),
            ("utbildningar", self.tr("Alla utbildningar"), lambda i: i.kind is ItemKind.TRAINING),
            (
                "delegeringar",
                self.tr("Alla delegeringar"),
                lambda i: i.kind is ItemKind.DELEGATION,
            ),
        ]
        self.show_combo.addItems([label for _key, label, _test in self._choices])

        tools = QHBoxLayout()
        tools.addWidget(self.filter_edit, 2)
        tools.addWidget(self.show_combo)
        tools.addStretch(1)
        tools.addWidget(self.count_label)

        self.training_button = QPushButton(icon("ny"), self.tr("Utbildning…"))
        self.training_button.setToolTip(self.tr("Registrera en genomförd utbildning (Ctrl+N)"))
        self.delegation_button = QPushButton(icon("ny"), self.tr("Delegering…"))
        self.delegation_button.setToolTip(self.tr("Registrera en ny delegering"))
        self.renew_button = QPushButton(self.tr("Förnya…"))
        self.renew_button.setToolTip(self.tr("En ny delegering som tar vid där den valda slutar"))
        self.end_button = QPushButton(self.tr("Avsluta…"))
        self.end_button.setToolTip(self.tr("Återkalla den valda delegeringen från en dag"))
        self.lists_button = QToolButton()
        self.lists_button.setText(self.tr("Listor"))
        self.lists_button.setIcon(icon("installningar"))
        self.lists_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.lists_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.lists_button.setAccessibleName(self.tr("Listor"))
        lists = QMenu(self.lists_button)
        self.kinds_action = lists.addAction(self.tr("Återkommande utbildningar…"))
        self.requirements_action = lists.addAction(self.tr("Krav per passtyp…"))
        self.lists_button.setMenu(lists)
        actions = QHBoxLayout()
        for button in (
            self.training_button,
            self.delegation_button,
            self.renew_button,
            self.end_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.lists_button)

        self.empty_state = role_label("", "emptyState")
        self.empty_state.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(figures)
        layout.addLayout(tools)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.no_match)
        layout.addWidget(self.empty_state)
        layout.addLayout(actions)

        self.show_combo.currentIndexChanged.connect(self._apply_filter)
        self.view.activated.connect(self._open_index)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.proxy.modelReset.connect(self._update_buttons)
        self.training_button.clicked.connect(lambda: self.record_training())
        self.delegation_button.clicked.connect(lambda: self.new_delegation())
        self.renew_button.clicked.connect(lambda: self.edit_delegation(renew=True))
        self.end_button.clicked.connect(self.end_delegation)
        self.kinds_action.triggered.connect(self.edit_kinds)
        self.requirements_action.triggered.connect(self.edit_requirements)
        self._apply_filter()

    def refresh(self) -> None:
        workspace, day = self.context.workspace, self.context.today()
        self.loader.load(
            lambda: competence_overview(workspace, day), self._show_overview, refused=self._refused
        )

    def _refused(self, message: str) -> None:
        self.overview = None
        self.model.set_rows([])
        self.empty_state.setText(message)
        self.empty_state.setVisible(True)
        self.view.setVisible(False)

    def _show_overview(self, overview: CompetenceOverview) -> None:
        self.overview = overview
        self.model.set_rows(overview.items)
        expiring = sum(1 for i in overview.items if i.state is ExpiryState.EXPIRING)
        expired = sum(1 for i in overview.items if i.state is ExpiryState.EXPIRED)
        missing = sum(1 for i in overview.items if i.state is ExpiryState.MISSING)
        self.expiring_label.setText(
            self.tr("Går ut inom {days} dagar: {count}").format(
                days=overview.reminder_days, count=expiring
            )
        )
        self.expired_label.setText(self.tr("Utgångna: {0}").format(expired))
        self.missing_label.setText(self.tr("Utbildning saknas: {0}").format(missing))
        for label, attention in (
            (self.expiring_label, expiring),
            (self.expired_label, expired),
            (self.missing_label, missing),
        ):
            label.setProperty("attention", "true" if attention else "false")
            label.style().unpolish(label)
            label.style().polish(label)
        self.empty_state.setVisible(not overview.items)
        self.view.setVisible(bool(overview.items))
        self.empty_state.setText(
            self.tr(
                "Inga utbildningar eller delegeringar än. Lägg till återkommande utbildningar "
                "(Utbildningar…) eller registrera en delegering."
            )
        )
        self.size_columns_once(self.view)
        self._update_buttons()

    def _apply_filter(self) -> None:
        index = self.show_combo.currentIndex()
        self.proxy.set_test(self._choices[index][2] if 0 <= index < len(self._choices) else None)

    def show_hint(self, hint: str) -> None:
        keys = [key for key, _label, _test in self._choices]
        if hint in keys:
            self.show_combo.setCurrentIndex(keys.index(hint))

    def focus_filter(self) -> None:
        focus(self.filter_edit)

    def new_item(self) -> None:
        self.record_training()

    def selected(self) -> CompetenceItem | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.proxy.row_at(rows[0].row())
        return item if isinstance(item, CompetenceItem) else None

    def _update_buttons(self) -> None:
        item = self.selected()
        is_delegation = item is not None and item.kind is ItemKind.DELEGATION
        self.renew_button.setEnabled(is_delegation)
        self.end_button.setEnabled(is_delegation and item is not None and item.ended_on is None)

    def employees(self) -> list[EmployeeChoice]:
        today = self.context.today()
        return [
            (e.id, self.tr("{number} – {name}").format(number=e.employee_no, name=e.name))
            for e in sorted(
                list_employees(self.context.workspace, as_of=today), key=lambda e: e.name.casefold()
            )
            if e.active
        ]

    def _show_dialog(self, dialog: QDialog) -> QDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self.changed)
        dialog.destroyed.connect(self._dialog_gone)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _dialog_gone(self) -> None:
        self.dialog = None

    def _open_index(self, index: QModelIndex) -> None:
        item = self.proxy.row_at(index.row())
        if not isinstance(item, CompetenceItem):
            return
        if item.kind is ItemKind.TRAINING:
            self.record_training()
        else:
            self.edit_delegation(renew=False)

    def record_training(self) -> QDialog | None:
        item = self.selected()
        try:
            dialog = TrainingDialog(
                self.context,
                self.employees(),
                item.employee_id if item else None,
                item.training_kind_id if item else None,
                self,
            )
        except UserError as exc:
            show_error(self, exc)
            return None
        return self._show_dialog(dialog)

    def new_delegation(self) -> QDialog | None:
        item = self.selected()
        try:
            dialog = DelegationDialog(
                self.context, self.employees(), item.employee_id if item else None, parent=self
            )
        except UserError as exc:
            show_error(self, exc)
            return None
        return self._show_dialog(dialog)

    def edit_delegation(self, *, renew: bool) -> QDialog | None:
        item = self.selected()
        if item is None or item.kind is not ItemKind.DELEGATION or item.record_id is None:
            return None
        try:
            existing = delegation(self.context.workspace, item.record_id)
            dialog = DelegationDialog(
                self.context, self.employees(), existing=existing, renew=renew, parent=self
            )
        except UserError as exc:
            show_error(self, exc)
            return None
        return self._show_dialog(dialog)

    def end_delegation(self) -> QDialog | None:
        item = self.selected()
        if item is None or item.kind is not ItemKind.DELEGATION or item.record_id is None:
            return None
        try:
            existing = delegation(self.context.workspace, item.record_id)
        except UserError as exc:
            show_error(self, exc)
            return None
        return self._show_dialog(EndDelegationDialog(self.context, existing, self))

    def edit_kinds(self) -> QDialog:
        return self._show_dialog(TrainingKindsDialog(self.context, self))

    def edit_requirements(self) -> QDialog | None:
        try:
            dialog = ShiftRequirementsDialog(self.context, self)
        except UserError as exc:
            show_error(self, exc)
            return None
        return self._show_dialog(dialog)

    def save_tab_state(self, settings: QSettings, prefix: str) -> None:
        self.save_state(settings, prefix, self.view)

    def restore_tab_state(self, settings: QSettings, prefix: str) -> None:
        self.restore_state(settings, prefix, self.view)

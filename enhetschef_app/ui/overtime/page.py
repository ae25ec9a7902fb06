"""Övertid: the requests waiting for the EC's decision, the approved and the rejected; filters by
person and month; the decision dialog with the split, the cost and the running totals; a new
request by hand. Only the EC decides, and a decision is never changed: a correction is a new
decision, and both stay in the history."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, QSettings, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from enhetschef_app.domain.errors import UserError
from enhetschef_app.domain.overtime_requests import RequestStatus
from enhetschef_app.domain.year_month import YearMonth
from enhetschef_app.services.overtime.requests import list_requests, request_history
from enhetschef_app.services.overtime.views import RequestView
from enhetschef_app.ui.overtime import HINT_WAITING, PAGE_ID
from enhetschef_app.ui.overtime.decision_dialog import DecisionDialog
from enhetschef_app.ui.overtime.detail import RequestDetail
from enhetschef_app.ui.overtime.request_dialog import RequestDialog
from enhetschef_app.ui.overtime.requests_model import (
    Column,
    RequestFilterProxy,
    RequestTableModel,
)
from enhetschef_app.ui.shell import events
from enhetschef_app.ui.shell.context import AppContext
from enhetschef_app.ui.shell.formatting import swedish_sort_key
from enhetschef_app.ui.shell.icons import icon
from enhetschef_app.ui.shell.page import Page
from enhetschef_app.ui.shell.table_model import ROW_ROLE
from enhetschef_app.ui.shell.widgets import fit_columns, no_unit_text, read_only_table, role_label

TABS: tuple[RequestStatus | None, ...] = (
    RequestStatus.WAITING,
    RequestStatus.APPROVED,
    RequestStatus.REJECTED,
    None,
)


class OvertimePage(Page):
    page_id = PAGE_ID
    icon_name = "overtid"
    areas = frozenset(
        {events.OVERTIME, events.SCHEDULE, events.STAFF, events.SETTINGS, events.UNIT}
    )
    supports_new_item = True
    supports_filter = True

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.decision_dialog: DecisionDialog | None = None
        self.request_dialog: RequestDialog | None = None
        self._columns_sized = False
        self._wanted: int | None = None  # the request to choose once the list is read

        self.model = RequestTableModel(self)
        self.proxy = RequestFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.new_button = QPushButton(icon("ny"), self.tr("Ny begäran…"))
        self.new_button.setToolTip(self.tr("Registrera övertid eller mertid för beslut (Ctrl+N)"))
        self.decide_button = QPushButton(self.tr("Besluta…"))
        self.decide_button.setToolTip(self.tr("Godkänn eller avslå den valda begäran"))
        self.decide_button.setEnabled(False)

        self.tabs = QTabBar()
        self.tabs.setAccessibleName(self.tr("Status"))
        self.tabs.setExpanding(False)
        self.tabs.setUsesScrollButtons(False)
        for _ in TABS:
            self.tabs.addTab("")
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Sök namn eller skäl (Ctrl+F)"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName(self.tr("Filtrera övertid"))
        self.person_combo = QComboBox()
        self.person_combo.setAccessibleName(self.tr("Medarbetare"))
        self.month_combo = QComboBox()
        self.month_combo.setAccessibleName(self.tr("Månad"))
        for combo in (self.person_combo, self.month_combo):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(7)

        self.view = read_only_table(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.setAccessibleName(self.tr("Övertidsbegäran"))
        self.view.sortByColumn(Column.DAY, Qt.SortOrder.AscendingOrder)
        # The reason takes what is left of the width: its full text is in the tooltip and below.
        self.view.viewport().installEventFilter(self)
        self.empty_state = role_label("", "emptyState")
        self.empty_state.setVisible(False)
        self.count_label = role_label("", "state")
        self.detail = RequestDetail()

        heading = QHBoxLayout()
        heading.addWidget(role_label(self.tr("Övertid och mertid"), "pageTitle"))
        heading.addStretch(1)
        heading.addWidget(self.new_button)
        heading.addWidget(self.decide_button)
        # Filters on a row of their own and the status tabs right above the list, so a narrow
        # window shows every tab whole.
        tools = QHBoxLayout()
        self.filter_edit.setMinimumWidth(80)
        tools.addWidget(self.filter_edit, 2)
        tools.addWidget(self.person_combo, 1)
        tools.addWidget(self.month_combo, 1)
        tools.addStretch(1)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.setSpacing(0)
        top_layout.addWidget(self.tabs)
        top_layout.addWidget(self.view, 1)
        top_layout.addWidget(self.empty_state)
        top_layout.addWidget(self.count_label)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("overtimeSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(top)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([460, 180])

        layout = QVBoxLayout(self)
        layout.addLayout(heading)
        layout.addWidget(role_label(self.help_text(), "help"))
        layout.addLayout(tools)
        layout.addWidget(self.splitter, 1)

        self.tabs.currentChanged.connect(self._filter_changed)
        self.filter_edit.textChanged.connect(self._filter_changed)
        self.person_combo.currentIndexChanged.connect(self._filter_changed)
        self.month_combo.currentIndexChanged.connect(self._filter_changed)
        self.new_button.clicked.connect(self.new_item)
        self.decide_button.clicked.connect(self.decide_selected)
        self.view.activated.connect(self._activated)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        for signal in (
            self.proxy.rowsInserted,
            self.proxy.rowsRemoved,
            self.proxy.modelReset,
            self.proxy.layoutChanged,
        ):
            signal.connect(self._update_count)
        self._update_tabs()

    def help_text(self) -> str:
        return self.tr(
            "Övertid finns först när enhetschefen har godkänt den. Ett beslut ändras aldrig: "
            "ett nytt beslut rättar det gamla, och båda finns kvar."
        )

    # Reading ------------------------------------------------------------------------------

    def refresh(self) -> None:
        super().refresh()
        if self.context.workspace.unit is None:
            self.model.set_rows([])
            self._show_empty(no_unit_text())
            return
        workspace = self.context.workspace
        # The list keeps what it shows until the requests have been read in the worker.
        self.load_in_background(
            lambda: list_requests(workspace), self._show_requests, refused=self._refused
        )

    def _refused(self, message: str) -> None:
        self.model.set_rows([])
        self._show_empty(message)

    def _show_requests(self, found: list[RequestView]) -> None:
        chosen = self.selected_request()
        keep = self._wanted if self._wanted is not None else (chosen.id if chosen else None)
        self._wanted = None
        self.model.set_rows(found)
        self._fill_people(found)
        self._fill_months(found)
        self._update_tabs()
        if found and not self._columns_sized:
            fit_columns(self.view)
            self._columns_sized = True
            self._fit_reason()
        if keep is None or not self.select_request(keep):
            self.detail.show_request(None, ())
        self._update_count()

    def _show_empty(self, text: str) -> None:
        self.empty_state.setText(text)
        self.empty_state.setVisible(True)
        self.view.setVisible(False)
        self._update_tabs()

    def _fill_people(self, found: list[RequestView]) -> None:
        chosen = self.person_combo.currentData()
        people = sorted(
            {(v.employee_name, v.employee_id) for v in found},
            key=lambda item: swedish_sort_key(item[0]),
        )
        self.person_combo.blockSignals(True)
        self.person_combo.clear()
        self.person_combo.addItem(self.tr("Alla medarbetare"), None)
        for name, employee_id in people:
            self.person_combo.addItem(name, employee_id)
        index = self.person_combo.findData(chosen) if chosen is not None else 0
        self.person_combo.setCurrentIndex(max(index, 0))
        self.person_combo.blockSignals(False)

    def _fill_months(self, found: list[RequestView]) -> None:
        chosen = self.month_combo.currentData()
        months = sorted({YearMonth.of(v.work_date) for v in found}, reverse=True)
        self.month_combo.blockSignals(True)
        self.month_combo.clear()
        self.month_combo.addItem(self.tr("Alla månader"), None)
        for month in months:
            self.month_combo.addItem(month.label, month.label)
        index = self.month_combo.findData(chosen) if chosen is not None else 0
        self.month_combo.setCurrentIndex(max(index, 0))
        self.month_combo.blockSignals(False)
        self._apply_filters()

    def _apply_filters(self) -> None:
        month = self.month_combo.currentData()
        self.proxy.set_filters(
            status=TABS[max(0, self.tabs.currentIndex())],
            text=self.filter_edit.text(),
            employee_id=self.person_combo.currentData(),
            month=YearMonth.parse(month) if month else None,
        )

    def _filter_changed(self) -> None:
        self._apply_filters()
        self._update_tabs()
        self._update_count()

    def _update_tabs(self) -> None:
        """Each tab says how many it holds under the other filters."""
        rows = self.model.rows()
        labels = (
            self.tr("Väntar på beslut ({0})"),
            self.tr("Godkända ({0})"),
            self.tr("Avslagna ({0})"),
            self.tr("Alla ({0})"),
        )
        for index, (status, label) in enumerate(zip(TABS, labels, strict=True)):
            count = sum(
                1
                for v in rows
                if (status is None or v.status is status) and self.proxy.accepts(v, status=False)
            )
            self.tabs.setTabText(index, label.format(count))
        waiting = any(v.status is RequestStatus.WAITING for v in rows)
        self.tabs.setTabIcon(0, icon("varning") if waiting else icon("overtid"))

    def _update_count(self) -> None:
        shown = self.proxy.rowCount()
        total = self.model.rowCount()
        self.count_label.setText(self.tr("Visar {0} av {1} begäranden").format(shown, total))
        if total and not shown:
            self.empty_state.setText(self.tr("Inga begäranden med det urvalet."))
        elif not total and self.context.workspace.unit is not None:
            self.empty_state.setText(
                self.tr(
                    "Ingen övertid registrerad. Välj en övertidskandidat i Dagsuppföljning, "
                    "eller registrera en begäran med Ny begäran (Ctrl+N)."
                )
            )
        self.empty_state.setVisible(not shown)
        self.view.setVisible(bool(shown))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_reason()
        return super().eventFilter(watched, event)

    def _fit_reason(self) -> None:
        header = self.view.horizontalHeader()
        others = sum(header.sectionSize(c) for c in Column if c is not Column.REASON)
        header.resizeSection(Column.REASON, max(160, self.view.viewport().width() - others))

    # Selection ----------------------------------------------------------------------------

    def selected_request(self) -> RequestView | None:
        index = self.view.selectionModel().currentIndex()
        if not index.isValid():
            return None
        view = index.data(ROW_ROLE)
        return view if isinstance(view, RequestView) else None

    def select_request(self, request_id: int) -> bool:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            view = index.data(ROW_ROLE)
            if isinstance(view, RequestView) and view.id == request_id:
                self.view.selectionModel().setCurrentIndex(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.view.scrollTo(index)
                return True
        return False

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        view = current.data(ROW_ROLE) if current.isValid() else None
        if not isinstance(view, RequestView):
            self.decide_button.setEnabled(False)
            self.detail.show_request(None, ())
            return
        self.decide_button.setEnabled(True)
        self.decide_button.setText(
            self.tr("Besluta…")
            if view.status is RequestStatus.WAITING
            else self.tr("Rätta beslut…")
        )
        try:
            history = request_history(self.context.workspace, view.id) if view.decisions else ()
        except UserError:
            history = ()
        self.detail.show_request(view, history)

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.decide_selected()

    # Acting -------------------------------------------------------------------------------

    def decide_selected(self) -> DecisionDialog | None:
        view = self.selected_request()
        if view is None:
            return None
        dialog = DecisionDialog(self.context, view.id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._decided(view.id))
        dialog.destroyed.connect(self._decision_dialog_gone)
        self.decision_dialog = dialog
        dialog.open()
        dialog.load()
        return dialog

    def _decision_dialog_gone(self) -> None:
        self.decision_dialog = None

    def _decided(self, request_id: int) -> None:
        # The decision ran in the worker, which announces the areas it changed; the request is
        # chosen again when the list has been read anew.
        self._wanted = request_id
        if not self.isVisible():
            self.refresh()
        self.select_request(request_id)

    def new_item(self) -> None:
        dialog = RequestDialog(self.context, self.context.today(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._requested(dialog))
        dialog.destroyed.connect(self._request_dialog_gone)
        self.request_dialog = dialog
        dialog.open()

    def _request_dialog_gone(self) -> None:
        self.request_dialog = None

    def _requested(self, dialog: RequestDialog) -> None:
        saved = dialog.saved
        self.tabs.setCurrentIndex(0)
        if saved is not None:
            self._wanted = saved.id
        self.context.events.announce(events.OVERTIME)
        if not self.isVisible():
            self.refresh()
        if saved is not None:
            self.select_request(saved.id)

    def focus_filter(self) -> None:
        self.filter_edit.setFocus()
        self.filter_edit.selectAll()

    def show_hint(self, hint: object) -> None:
        if hint == HINT_WAITING:
            self.person_combo.setCurrentIndex(0)
            self.month_combo.setCurrentIndex(0)
            self.filter_edit.clear()
            self.tabs.setCurrentIndex(0)

    def save_state(self, settings: QSettings) -> None:
        settings.setValue(self.settings_key("splitter"), self.splitter.saveState())
        settings.setValue(self.settings_key("columns"), self.view.horizontalHeader().saveState())

    def restore_state(self, settings: QSettings) -> None:
        splitter = settings.value(self.settings_key("splitter"))
        if splitter is not None:
            self.splitter.restoreState(splitter)
        columns = settings.value(self.settings_key("columns"))
        if columns is not None:
            self._columns_sized = self.view.horizontalHeader().restoreState(columns)

"""The Samtal tab: the unit's cycle and coverage, and per employee the last and the planned talk,
the status, goals to follow up, the lönesamtal and who is overdue."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QSettings, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from enhetschef_app.domain.errors import UserError
from enhetschef_app.domain.reviews import TalkStatus
from enhetschef_app.services.people.reviews import (
    EmployeeReview,
    ReviewOverview,
    review_overview,
    talk_detail,
)
from enhetschef_app.ui.people.review_talk_dialog import (
    PlanTalkDialog,
    RecordTalkDialog,
    SalaryTalkDialog,
    book_with_file_dialog,
)
from enhetschef_app.ui.people.reviews_model import Column, ReviewTableModel
from enhetschef_app.ui.people.tab_base import PeopleTab, focus
from enhetschef_app.ui.shell.context import AppContext
from enhetschef_app.ui.shell.errors import show_error
from enhetschef_app.ui.shell.formatting import fixed_text
from enhetschef_app.ui.shell.icons import icon
from enhetschef_app.ui.shell.widgets import role_label

RowTest = Callable[[EmployeeReview], bool]

HINT_OVERDUE = "forsenade"
HINT_GOALS = "mal"


def _has_status(status: TalkStatus) -> RowTest:
    return lambda row: row.status is status


class ReviewsTab(PeopleTab):
    key = "samtal"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.overview: ReviewOverview | None = None
        self.dialog: QDialog | None = None

        self.period_label = role_label("", "keyFigure")
        self.coverage_label = role_label("", "keyFigure")
        self.overdue_label = role_label("", "keyFigure")
        self.goals_label = role_label("", "keyFigure")
        figures = QHBoxLayout()
        for label in (self.period_label, self.coverage_label, self.overdue_label, self.goals_label):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            figures.addWidget(label)
        figures.addStretch(1)

        self.model = ReviewTableModel(self)
        self.proxy, self.view, self.filter_edit, self.count_label = self.make_list(
            self.model, lambda r: f"{r.employee_no} {r.name}", self.tr("Medarbetarsamtal")
        )
        self.view.sortByColumn(Column.NAME, Qt.SortOrder.AscendingOrder)
        self.status_combo = QComboBox()
        self.status_combo.setAccessibleName(self.tr("Visa"))
        self._choices: list[tuple[str, RowTest | None]] = [
            ("alla", None),
            (HINT_OVERDUE, lambda r: r.state.overdue),
            ("kvar", lambda r: r.state.expected and not r.state.held_this_cycle),
            (HINT_GOALS, lambda r: r.goals_to_follow_up > 0),
        ]
        labels = [
            self.tr("Alla"),
            self.tr("Försenade"),
            self.tr("Har inte haft samtal än"),
            self.tr("Mål att följa upp"),
        ]
        for status in TalkStatus:
            self._choices.append((status.value, _has_status(status)))
            labels.append(status.label)
        self.status_combo.addItems(labels)
        self.show_all = QCheckBox(self.tr("Visa alla"))
        self.show_all.setToolTip(
            self.tr(
                "Visa även de som inte ska ha samtal i perioden: timavlönade, nyanställda efter "
                "periodens start och de som slutar"
            )
        )

        tools = QHBoxLayout()
        tools.addWidget(self.filter_edit, 2)
        tools.addWidget(self.status_combo)
        tools.addWidget(self.show_all)
        tools.addStretch(1)
        tools.addWidget(self.count_label)

        self.plan_button = QPushButton(icon("ny"), self.tr("Planera samtal…"))
        self.plan_button.setToolTip(self.tr("Planera eller flytta samtalet (Ctrl+N)"))
        self.book_button = QPushButton(icon("kalender"), self.tr("Skapa inbjudan…"))
        self.book_button.setToolTip(self.tr("Spara en kalenderinbjudan (.ics) och markera bokat"))
        self.record_button = QPushButton(icon("redigera"), self.tr("Registrera samtal…"))
        self.record_button.setToolTip(self.tr("Datum, kort anteckning och mål (IUP)"))
        self.salary_button = QPushButton(self.tr("Lönesamtal…"))
        actions = QHBoxLayout()
        for button in (self.plan_button, self.book_button, self.record_button, self.salary_button):
            actions.addWidget(button)
        actions.addStretch(1)

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

        self.status_combo.currentIndexChanged.connect(self._apply_filter)
        self.show_all.toggled.connect(self._apply_filter)
        self.view.activated.connect(self._open_index)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.proxy.modelReset.connect(self._update_buttons)
        self.plan_button.clicked.connect(self.plan)
        self.book_button.clicked.connect(self.book)
        self.record_button.clicked.connect(self.record)
        self.salary_button.clicked.connect(self.salary)
        self._apply_filter()

    def refresh(self) -> None:
        workspace, day = self.context.workspace, self.context.today()
        self.loader.load(
            lambda: review_overview(workspace, day), self._show_overview, refused=self._refused
        )

    def _refused(self, message: str) -> None:
        self.overview = None
        self.model.set_rows([])
        self._show_empty(message)

    def _show_overview(self, overview: ReviewOverview) -> None:
        self.overview = overview
        self.model.set_rows(self.overview.employees)
        self._show_figures(self.overview)
        if not self.overview.employees:
            self._show_empty(
                self.tr("Inga anställda än. Lägg till personal på sidan Personal först.")
            )
        else:
            self.empty_state.setVisible(False)
            self.view.setVisible(True)
        self.size_columns_once(self.view)
        self._update_buttons()

    def _show_empty(self, text: str) -> None:
        self.empty_state.setText(text)
        self.empty_state.setVisible(True)
        self.view.setVisible(False)

    def _show_figures(self, overview: ReviewOverview) -> None:
        cycle = overview.cycle
        if cycle.is_over(overview.day):
            state = self.tr("avslutad")
        elif cycle.in_window(overview.day):
            state = self.tr("pågår")
        else:
            state = self.tr("börjar {0}").format(cycle.start.isoformat())
        self.period_label.setText(
            self.tr("Period {label}: {start} – {end} ({state})").format(
                label=cycle.label,
                start=cycle.start.isoformat(),
                end=cycle.end.isoformat(),
                state=state,
            )
        )
        coverage = overview.coverage
        if coverage.percent is None:
            self.coverage_label.setText(self.tr("Ingen ska ha samtal i perioden"))
        else:
            self.coverage_label.setText(
                self.tr("Genomförda: {held} av {expected} ({percent} %)").format(
                    held=coverage.held,
                    expected=coverage.expected,
                    percent=fixed_text(coverage.percent, 0),
                )
            )
        self.overdue_label.setText(self.tr("Försenade: {0}").format(coverage.overdue))
        goals = sum(r.goals_to_follow_up for r in overview.employees)
        self.goals_label.setText(self.tr("Mål att följa upp: {0}").format(goals))
        for label, attention in ((self.overdue_label, coverage.overdue), (self.goals_label, goals)):
            label.setProperty("attention", "true" if attention else "false")
            label.style().unpolish(label)
            label.style().polish(label)

    def _apply_filter(self) -> None:
        index = self.status_combo.currentIndex()
        chosen = self._choices[index][1] if 0 <= index < len(self._choices) else None
        show_all = self.show_all.isChecked()

        def test(row: EmployeeReview) -> bool:
            if not show_all and not row.state.expected and row.status is TalkStatus.NONE:
                return False
            return chosen is None or chosen(row)

        self.proxy.set_test(test)

    def show_hint(self, hint: str) -> None:
        keys = [key for key, _test in self._choices]
        if hint in keys:
            self.status_combo.setCurrentIndex(keys.index(hint))

    def focus_filter(self) -> None:
        focus(self.filter_edit)

    def new_item(self) -> None:
        self.plan()

    # Actions ----------------------------------------------------------------------------

    def selected(self) -> EmployeeReview | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        row = self.proxy.row_at(rows[0].row())
        return row if isinstance(row, EmployeeReview) else None

    def select_employee(self, employee_id: int) -> None:
        for row in range(self.proxy.rowCount()):
            review = self.proxy.row_at(row)
            if isinstance(review, EmployeeReview) and review.employee_id == employee_id:
                self.view.selectRow(row)
                return

    def _update_buttons(self) -> None:
        chosen = self.selected()
        for button in (self.plan_button, self.book_button, self.record_button, self.salary_button):
            button.setEnabled(chosen is not None)
        if chosen is not None:
            self.book_button.setEnabled(
                chosen.cycle_talk_id is None or chosen.open_talk_id is not None
            )

    def _open_index(self, index: QModelIndex) -> None:
        review = self.proxy.row_at(index.row())
        if not isinstance(review, EmployeeReview):
            return
        if review.cycle_talk_id is not None and review.open_talk_id is None:
            self.record()
        else:
            self.plan()

    def _show_dialog(self, dialog: QDialog, employee_id: int) -> QDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._saved(employee_id))
        dialog.destroyed.connect(self._dialog_gone)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _dialog_gone(self) -> None:
        self.dialog = None

    def _saved(self, employee_id: int) -> None:
        self.changed()
        self.select_employee(employee_id)

    def plan(self) -> QDialog | None:
        chosen = self.selected()
        if chosen is None:
            return None
        try:
            detail = (
                talk_detail(self.context.workspace, chosen.open_talk_id)
                if chosen.open_talk_id is not None
                else None
            )
        except UserError as exc:
            show_error(self, exc)
            return None
        dialog = PlanTalkDialog(self.context, chosen.employee_id, chosen.name, detail, self)
        return self._show_dialog(dialog, chosen.employee_id)

    def book(self) -> QDialog | None:
        chosen = self.selected()
        if chosen is None:
            return None
        if chosen.open_talk_id is None:
            return self.plan()
        try:
            detail = talk_detail(self.context.workspace, chosen.open_talk_id)
        except UserError as exc:
            show_error(self, exc)
            return None
        if detail.planned_on is None or detail.planned_time is None:
            return self.plan()
        if book_with_file_dialog(self.context, self, detail) is not None:
            self._saved(chosen.employee_id)
        return None

    def record(self) -> QDialog | None:
        chosen = self.selected()
        if chosen is None:
            return None
        talk_id = chosen.cycle_talk_id if chosen.cycle_talk_id is not None else chosen.open_talk_id
        try:
            detail = talk_detail(self.context.workspace, talk_id) if talk_id is not None else None
        except UserError as exc:
            show_error(self, exc)
            return None
        dialog = RecordTalkDialog(self.context, chosen.employee_id, chosen.name, detail, self)
        return self._show_dialog(dialog, chosen.employee_id)

    def salary(self) -> QDialog | None:
        chosen = self.selected()
        if chosen is None:
            return None
        dialog = SalaryTalkDialog(self.context, chosen.employee_id, chosen.name, self)
        return self._show_dialog(dialog, chosen.employee_id)

    def save_tab_state(self, settings: QSettings, prefix: str) -> None:
        self.save_state(settings, prefix, self.view)

    def restore_tab_state(self, settings: QSettings, prefix: str) -> None:
        self.restore_state(settings, prefix, self.view)

"""The omtankessamtal tab: who is at the threshold on the day and why, the talks under way, and
the workflow's steps for the person chosen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from enhetschef_app.domain.care_talks import (
    SignalStatus,
    TalkFacts,
    TalkState,
    check_transition,
)
from enhetschef_app.domain.errors import RuleViolation, UserError
from enhetschef_app.services.absence.care_talk_scan import CareTalkScan, PersonSignal
from enhetschef_app.services.absence.care_talks import TalkView, wake_signal
from enhetschef_app.services.absence.person import PersonAbsenceDetail, person_absence_detail
from enhetschef_app.services.absence.talk_invitation import default_file_name, save_invitation
from enhetschef_app.ui.absence.care_talk_dialog import SnoozeDialog, TalkStepDialog
from enhetschef_app.ui.absence.care_talks_model import (
    SignalTableModel,
    TalkColumn,
    TalkFilterProxy,
    TalkTableModel,
)
from enhetschef_app.ui.absence.detail import PersonDetailView
from enhetschef_app.ui.shell.context import AppContext
from enhetschef_app.ui.shell.errors import show_error
from enhetschef_app.ui.shell.icons import icon
from enhetschef_app.ui.shell.table_model import ROW_ROLE
from enhetschef_app.ui.shell.widgets import TableRoom, fit_columns, read_only_table, role_label

LAST_ICS_FOLDER_KEY = "export/ics_folder"


class CareTalkTab(QWidget):
    changed = Signal()  # a step, snooze or wake was saved

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.as_of = context.today()
        self.employee_id: int | None = None
        self.detail: PersonAbsenceDetail | None = None
        self.dialog: TalkStepDialog | SnoozeDialog | None = None

        self.signal_model = SignalTableModel(self)
        self.signal_view = read_only_table(self.signal_model)
        self.signal_view.setAccessibleName(self.tr("Signaler för omtankessamtal"))
        self.signal_title = role_label("", "sectionTitle")
        self.signal_count = role_label("", "state")
        self.signal_empty = role_label("", "emptyState")

        self.talk_model = TalkTableModel(self)
        self.talk_proxy = TalkFilterProxy(self)
        self.talk_proxy.setSourceModel(self.talk_model)
        self.talk_view = read_only_table(self.talk_proxy)
        self.talk_view.setSortingEnabled(True)
        self.talk_view.sortByColumn(TalkColumn.SIGNAL, Qt.SortOrder.DescendingOrder)
        self.talk_view.setAccessibleName(self.tr("Omtankessamtal"))
        self.show_finished = QCheckBox(self.tr("Visa avslutade"))

        self.detail_view = PersonDetailView()
        self.detail_view.show_empty(self.tr("Välj en person i listorna till vänster."))

        self.invite_button = QPushButton(icon("ny"), self.tr("Bjud in…"))
        self.ics_button = QPushButton(self.tr("Spara inbjudan (.ics)…"))
        self.held_button = QPushButton(self.tr("Genomfört…"))
        self.follow_up_button = QPushButton(self.tr("Uppföljt…"))
        self.close_button = QPushButton(self.tr("Avsluta…"))
        self.declined_button = QPushButton(self.tr("Avböjt…"))
        self.not_needed_button = QPushButton(self.tr("Ej aktuellt…"))
        self.snooze_button = QPushButton(self.tr("Vänta med signalen…"))
        self.wake_button = QPushButton(self.tr("Väck signalen"))
        self.step_buttons: dict[TalkState, QPushButton] = {
            TalkState.INVITED: self.invite_button,
            TalkState.HELD: self.held_button,
            TalkState.FOLLOWED_UP: self.follow_up_button,
            TalkState.CLOSED: self.close_button,
            TalkState.DECLINED: self.declined_button,
            TalkState.NOT_NEEDED: self.not_needed_button,
        }

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 6, 0)
        self.signal_title.setWordWrap(True)
        left_layout.addWidget(self.signal_title)
        left_layout.addWidget(self.signal_count)
        left_layout.addWidget(self.signal_view, 3)
        left_layout.addWidget(self.signal_empty)
        talks_heading = QHBoxLayout()
        talks_heading.addWidget(role_label(self.tr("Samtal"), "sectionTitle"))
        talks_heading.addStretch(1)
        talks_heading.addWidget(self.show_finished)
        left_layout.addLayout(talks_heading)
        left_layout.addWidget(self.talk_view, 2)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(6, 0, 0, 0)
        right_layout.addWidget(self.detail_view, 1)
        grid = QGridLayout()
        buttons = [
            self.invite_button,
            self.ics_button,
            self.held_button,
            self.follow_up_button,
            self.close_button,
            self.declined_button,
            self.not_needed_button,
            self.snooze_button,
            self.wake_button,
        ]
        for number, button in enumerate(buttons):
            grid.addWidget(button, number // 3, number % 3)
        right_layout.addLayout(grid)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("careTalkSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setSizes([520, 600])
        self.room = (
            TableRoom(self.splitter, 0, self.talk_view),
            TableRoom(self.splitter, 0, self.signal_view),
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        self.signal_view.selectionModel().selectionChanged.connect(self._signal_chosen)
        self.talk_view.selectionModel().selectionChanged.connect(self._talk_chosen)
        self.show_finished.toggled.connect(self.talk_proxy.set_show_finished)
        for state, button in self.step_buttons.items():
            button.clicked.connect(lambda _checked=False, target=state: self.open_step(target))
        self.ics_button.clicked.connect(self.save_ics)
        self.snooze_button.clicked.connect(self.open_snooze)
        self.wake_button.clicked.connect(self.wake)
        self._update_buttons()

    # -- data --------------------------------------------------------------------------------

    def set_data(self, scan: CareTalkScan, talks: list[TalkView]) -> None:
        self.as_of = scan.as_of
        self.signal_title.setText(
            self.tr("Över gränsen {0} ({1} tillfällen på {2} månader)").format(
                scan.as_of.isoformat(),
                scan.threshold,
                self._window_months(scan),
            )
        )
        due = len(scan.due)
        self.signal_count.setText(
            self.tr("{due} ska erbjudas samtal, {total} över gränsen").format(
                due=due, total=len(scan.signals)
            )
        )
        self.signal_model.set_rows(scan.signals)
        fit_columns(self.signal_view)
        self.signal_empty.setText(
            self.tr("Ingen har nått gränsen för omtankessamtal {0}.").format(scan.as_of.isoformat())
        )
        self.signal_empty.setVisible(not scan.signals)
        self.talk_model.set_talks(talks, self.context.today())
        fit_columns(self.talk_view)
        if self.employee_id is not None:
            self.show_person(self.employee_id)

    def _window_months(self, scan: CareTalkScan) -> int:
        months = (scan.as_of.year - scan.window_start.year) * 12
        return months + scan.as_of.month - scan.window_start.month

    def _signal_chosen(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.signal_view.selectionModel().selectedRows()
        if rows:
            signal = self.signal_model.data(rows[0], ROW_ROLE)
            if isinstance(signal, PersonSignal):
                self.talk_view.clearSelection()
                self.show_person(signal.employee_id)

    def _talk_chosen(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.talk_view.selectionModel().selectedRows()
        if rows:
            talk = self.talk_proxy.data(rows[0], ROW_ROLE)
            if isinstance(talk, TalkView):
                self.signal_view.clearSelection()
                self.show_person(talk.employee_id)

    def select_employee(self, employee_id: int) -> None:
        """Chooses the person's row (signals first, else their newest talk)."""
        for row in range(self.signal_model.rowCount()):
            signal = self.signal_model.row_at(row)
            if signal.employee_id == employee_id:
                self.signal_view.selectRow(row)
                return
        for row in range(self.talk_proxy.rowCount()):
            talk = self.talk_proxy.data(self.talk_proxy.index(row, 0), ROW_ROLE)
            if isinstance(talk, TalkView) and talk.employee_id == employee_id:
                self.talk_view.selectRow(row)
                return
        self.show_person(employee_id)

    def show_person(self, employee_id: int) -> None:
        self.employee_id = employee_id
        try:
            self.detail = person_absence_detail(self.context.workspace, employee_id, self.as_of)
        except UserError as exc:
            self.detail = None
            self.detail_view.show_empty(exc.message)
        else:
            self.detail_view.show_detail(self.detail)
        self._update_buttons()

    # -- the workflow --------------------------------------------------------------------------

    def current_state(self) -> TalkState:
        talk = self.detail.open_talk if self.detail else None
        return talk.state if talk is not None else TalkState.DUE

    def _facts(self) -> TalkFacts:
        talk = self.detail.open_talk if self.detail else None
        if talk is not None:
            return talk.facts
        return TalkFacts(TalkState.DUE, self.as_of)

    def _update_buttons(self) -> None:
        chosen = self.detail is not None
        state = self.current_state()
        for target, button in self.step_buttons.items():
            allowed = True
            reason = ""
            try:
                check_transition(state, target)
            except RuleViolation as exc:
                allowed, reason = False, exc.message
            button.setEnabled(chosen and allowed)
            button.setToolTip(reason if chosen else "")
        self.invite_button.setText(
            self.tr("Ny tid…") if state is TalkState.INVITED else self.tr("Bjud in…")
        )
        self.ics_button.setEnabled(chosen and state is TalkState.INVITED)
        verdict = self.detail.verdict if self.detail else None
        due = verdict is not None and verdict.status is SignalStatus.DUE
        self.snooze_button.setEnabled(chosen and state is TalkState.DUE and due)
        self.wake_button.setEnabled(
            self.detail is not None and self.detail.active_snooze is not None
        )

    def open_step(self, target: TalkState) -> TalkStepDialog | None:
        if self.detail is None:
            return None
        try:
            check_transition(self.current_state(), target)
        except RuleViolation as exc:
            show_error(self, exc)
            return None
        dialog = TalkStepDialog(
            self.context,
            self.detail.employee_id,
            self.detail.name,
            target,
            self._facts(),
            self.as_of,
            self.detail.open_talk,
            self,
            intervals=self.detail.intervals,
        )
        self._open(dialog)
        return dialog

    def open_snooze(self) -> SnoozeDialog | None:
        if self.detail is None:
            return None
        dialog = SnoozeDialog(
            self.context,
            self.detail.employee_id,
            self.detail.name,
            self.as_of,
            self,
            intervals=self.detail.intervals,
        )
        self._open(dialog)
        return dialog

    def _open(self, dialog: TalkStepDialog | SnoozeDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self.changed.emit)
        dialog.destroyed.connect(self._dialog_gone)
        self.dialog = dialog
        dialog.open()

    def _dialog_gone(self) -> None:
        self.dialog = None

    def wake(self) -> None:
        snooze = self.detail.active_snooze if self.detail else None
        if snooze is None:
            return
        try:
            wake_signal(self.context.workspace, snooze.id, self.as_of)
        except UserError as exc:
            show_error(self, exc)
            return
        self.changed.emit()

    def save_ics(self) -> Path | None:
        talk = self.detail.open_talk if self.detail else None
        if talk is None or talk.state is not TalkState.INVITED:
            return None
        folder = str(self.context.settings.value(LAST_ICS_FOLDER_KEY, "") or "")
        suggested = (
            str(Path(folder) / default_file_name(talk)) if folder else default_file_name(talk)
        )
        name, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Spara inbjudan"),
            suggested,
            self.tr("Kalenderfiler (*.ics)"),
        )
        if not name:
            return None
        return self.write_ics(talk, Path(name))

    def write_ics(self, talk: TalkView, path: Path) -> Path | None:
        try:
            saved = save_invitation(self.context.workspace, talk.id, path)
        except UserError as exc:
            show_error(self, exc)
            return None
        self.context.settings.setValue(LAST_ICS_FOLDER_KEY, str(saved.parent))
        QMessageBox.information(
            self,
            self.tr("Inbjudan sparad"),
            self.tr(
                "Inbjudan är sparad:\n{0}\n\nÖppna den i Outlook eller skicka den till "
                "medarbetaren. Den säger bara 'Samtal med din chef', tid och plats."
            ).format(saved),
        )
        return saved

    def signal_rows(self) -> list[PersonSignal]:
        return self.signal_model.rows()

"""Hitta ersättare: who can take an empty row, cheapest legal first, each with why; and who
cannot, with why not. Choosing one records the cover."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from enhetschef_app.domain.cover_candidates import CoverKind
from enhetschef_app.services.schedule.covers import CoverOutlook, cover_outlook
from enhetschef_app.services.schedule.follow_up import (
    CandidateList,
    RecordedCover,
    cover_candidates,
    record_cover,
)
from enhetschef_app.ui.schedule.follow_up_model import CandidateModel, ExcludedModel
from enhetschef_app.ui.shell.context import AppContext
from enhetschef_app.ui.shell.formatting import day_name
from enhetschef_app.ui.shell.widgets import read_only_table, role_label
from enhetschef_app.ui.shell.worker import BackgroundTask, run_in_background


def _stretch_last(view: QTableView) -> None:
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)


class CoverDialog(QDialog):
    def __init__(
        self, context: AppContext, row_id: int, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.row_id = row_id
        self.today = today
        self.found: CandidateList | None = None
        self.recorded: RecordedCover | None = None
        self.task: BackgroundTask[Any] | None = None
        self.setWindowTitle(self.tr("Hitta ersättare"))
        self.resize(980, 560)

        self.heading = role_label(self.tr("Söker ersättare …"), "sectionTitle")
        self.heading.setWordWrap(True)
        self.help = role_label(
            self.tr(
                "Billigast först: resurspass, mertid, timavlönade, övertid. Egen personal före "
                "grannenheternas. Alla har dygnsvila och veckovila kvar med passet."
            ),
            "help",
        )
        self.blocked = role_label("", "emptyState")
        self.blocked.setVisible(False)
        self.model = CandidateModel(self)
        self.view = read_only_table(self.model)
        self.view.setAccessibleName(self.tr("Förslag på ersättare"))
        self.view.setWordWrap(True)
        _stretch_last(self.view)
        self.show_excluded = QCheckBox(self.tr("Visa de som inte kan"))
        self.excluded_model = ExcludedModel(self)
        self.excluded_view = read_only_table(self.excluded_model)
        self.excluded_view.setAccessibleName(self.tr("De som inte kan ta passet"))
        _stretch_last(self.excluded_view)
        self.excluded_view.setVisible(False)
        # Övertid: the person's running totals against the limits, shown before she chooses.
        self.overtime_outlook = role_label("", "help")
        self.overtime_outlook.setVisible(False)
        self.outlook_task: BackgroundTask[Any] | None = None
        self.problem = role_label("", "error")
        self.problem.setVisible(False)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Stäng"))
        self.choose_button = QPushButton(self.tr("Välj som ersättare"))
        self.choose_button.setEnabled(False)
        self.choose_button.setDefault(True)
        self.buttons.addButton(self.choose_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.rejected.connect(self.reject)
        self.choose_button.clicked.connect(self.choose_selected)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.help)
        layout.addWidget(self.blocked)
        layout.addWidget(self.view, 3)
        layout.addWidget(self.overtime_outlook)
        layout.addWidget(self.show_excluded)
        layout.addWidget(self.excluded_view, 2)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

        self.show_excluded.toggled.connect(self.excluded_view.setVisible)
        self.view.activated.connect(self._activated)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)

    def load(self) -> BackgroundTask[Any]:
        """Finds the candidates in a worker (the rules run over every person's weeks)."""
        workspace = self.context.workspace
        row_id, today = self.row_id, self.today
        self.task = run_in_background(
            self,
            lambda: cover_candidates(workspace, row_id, today=today),
            self.show_candidates,
        )
        return self.task

    def show_candidates(self, found: Any) -> None:
        assert isinstance(found, CandidateList)
        self.found = found
        line = found.row
        self.heading.setText(
            self.tr("{day} {code} {time} – {reason}").format(
                day=day_name(line.work_date),
                code=line.code or "",
                time=line.time_text,
                reason=line.reason,
            )
        )
        self.model.set_candidates(found.candidates)
        self.excluded_model.set_rows(found.excluded)
        self.show_excluded.setText(
            self.tr("Visa de som inte kan ({0})").format(len(found.excluded))
        )
        if not line.offerable:
            self.blocked.setText(line.blocked_reason)
        elif not found.candidates:
            self.blocked.setText(
                self.tr(
                    "Ingen kan ta passet utan att bryta mot vilotiderna eller krocka med "
                    "andra pass. Se listan över de som inte kan."
                )
            )
            self.show_excluded.setChecked(True)
        self.blocked.setVisible(not line.offerable or not found.candidates)
        self.view.setVisible(bool(found.candidates))
        if found.candidates:
            self.view.selectRow(0)
            self.view.resizeRowsToContents()

    def _selection_changed(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        self.choose_button.setEnabled(bool(rows))
        chosen = self.model.candidate_at(rows[0].row()).candidate if rows else None
        if chosen is None or chosen.kind is not CoverKind.OVERTIME:
            self.overtime_outlook.setVisible(False)
            return
        workspace, row_id, key = self.context.workspace, self.row_id, chosen.person.key
        self.overtime_outlook.setText(self.tr("Räknar övertid och gränser …"))
        self.overtime_outlook.setVisible(True)
        self.outlook_task = run_in_background(
            self, lambda: cover_outlook(workspace, row_id, key), self._show_outlook
        )

    def _show_outlook(self, found: Any) -> None:
        assert isinstance(found, CoverOutlook)
        passed = found.evaluation.passed
        head = (
            self.tr("Övertid för {0} – passerar en gräns; godkännandet kräver skäl:")
            if passed
            else self.tr("Övertid för {0} (väntar på ditt beslut på sidan Övertid):")
        )
        self.overtime_outlook.setProperty("role", "error" if passed else "help")
        self.overtime_outlook.style().unpolish(self.overtime_outlook)
        self.overtime_outlook.style().polish(self.overtime_outlook)
        self.overtime_outlook.setText("\n".join([head.format(found.employee_name), *found.lines()]))

    def _activated(self, index: QModelIndex) -> None:
        self.view.selectRow(index.row())
        self.choose_selected()

    def choose_selected(self) -> BackgroundTask[Any] | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows or self.found is None:
            return None
        chosen = self.model.candidate_at(rows[0].row())
        workspace = self.context.workspace
        row_id, today = self.row_id, self.today
        employee_id = chosen.candidate.person.key
        self.choose_button.setEnabled(False)

        def done(recorded: Any) -> None:
            assert isinstance(recorded, RecordedCover)
            self.recorded = recorded
            self.accept()

        def failed(error: BaseException) -> None:
            from enhetschef_app.ui.shell.errors import message_for

            self.problem.setText(message_for(error))
            self.problem.setVisible(True)
            self.choose_button.setEnabled(True)

        self.task = run_in_background(
            self,
            lambda: record_cover(workspace, row_id, employee_id, today=today),
            done,
            on_error=failed,
        )
        return self.task

    def selected_name(self) -> str:
        rows = self.view.selectionModel().selectedRows()
        return self.model.candidate_at(rows[0].row()).name if rows else ""

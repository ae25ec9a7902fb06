"""Bemanningsbehov, a tab of Dagsuppföljning: how many staff each time band needs, per weekday
and on holidays, edited in a table and saved at once."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from enhetschef_app.domain.errors import UserError
from enhetschef_app.domain.staffing import NeedBand, validate_needs
from enhetschef_app.services.schedule.staffing_need import save_staffing_need, staffing_need
from enhetschef_app.ui.schedule.staffing_need_model import StaffingNeedModel
from enhetschef_app.ui.shell import events
from enhetschef_app.ui.shell.context import AppContext
from enhetschef_app.ui.shell.icons import icon
from enhetschef_app.ui.shell.widgets import role_label


class StaffingNeedTab(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.model = StaffingNeedModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Bemanningsbehov per tidsband och veckodag"))
        self.view.setTabKeyNavigation(False)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.verticalHeader().setVisible(False)
        self.help = role_label(
            self.tr(
                "Antal medarbetare som behövs i varje tidsband. Ett pass räknas i ett tidsband "
                "när det täcker minst halva bandet. Helgdag gäller röda dagar och aftnar; lämna "
                "kolumnen tom så gäller veckodagens behov. Tider som 21:30–07:00 slutar nästa dag."
            ),
            "help",
        )
        self.problem = role_label("", "error")
        self.problem.setVisible(False)
        self.state = role_label("", "state")
        self.add_button = QPushButton(icon("ny"), self.tr("Lägg till tidsband"))
        self.remove_button = QPushButton(self.tr("Ta bort tidsband"))
        self.save_button = QPushButton(self.tr("Spara"))
        self.undo_button = QPushButton(self.tr("Ångra ändringar"))

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.state)
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.help)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)

        self.add_button.clicked.connect(self.add_band)
        self.remove_button.clicked.connect(self.remove_band)
        self.save_button.clicked.connect(self.save)
        self.undo_button.clicked.connect(self.refresh)
        self.model.dataChanged.connect(self._changed)
        self.model.rowsInserted.connect(self._changed)
        self.model.rowsRemoved.connect(self._changed)
        self.model.modelReset.connect(self._changed)

    def refresh(self) -> None:
        if self.context.workspace.unit is None:
            self.model.set_needs([])
            return
        try:
            self.model.set_needs(staffing_need(self.context.workspace))
        except UserError as exc:
            self.problem.setText(exc.message)
            self.problem.setVisible(True)

    def propose(self, needs: list[NeedBand]) -> None:
        self.model.propose(needs)
        self._changed()

    def add_band(self) -> None:
        row = self.model.add_band()
        self.view.setCurrentIndex(self.model.index(row, 0))

    def remove_band(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.model.remove_band(index.row())

    def _changed(self) -> None:
        changed = self.model.is_changed()
        problems = validate_needs(self.model.needs())
        self.problem.setText(" ".join(problems))
        self.problem.setVisible(bool(problems))
        self.save_button.setEnabled(changed and not problems)
        self.undo_button.setEnabled(changed)
        self.state.setText(self.tr("Ändrat, inte sparat") if changed else "")

    def save(self) -> bool:
        try:
            saved = save_staffing_need(
                self.context.workspace, self.model.needs(), read=self.model.saved
            )
        except UserError as exc:
            self.problem.setText(exc.message)
            self.problem.setVisible(True)
            return False
        if saved:
            self.context.events.announce(events.SCHEDULE)
        self.refresh()
        self.state.setText(self.tr("Sparat"))
        return saved

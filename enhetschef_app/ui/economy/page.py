"""Ekonomi: the year's personnel cost against the budget – a table and a chart of the months,
the chosen month's cost lines (their inputs on hover) and what drove its deviation."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelection, QLocale, QSettings, Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from enhetschef_app.domain.economy import Driver
from enhetschef_app.domain.errors import ImportFormatError
from enhetschef_app.services.economy.costs import EconomyYearView, year_view
from enhetschef_app.ui.economy import PAGE_ID
from enhetschef_app.ui.economy.budget_dialog import BudgetDialog
from enhetschef_app.ui.economy.chart import EconomyChart
from enhetschef_app.ui.economy.models import (
    CostLineModel,
    LineColumn,
    YearColumn,
    YearRow,
    YearTableModel,
    kronor_text,
)
from enhetschef_app.ui.shell import events
from enhetschef_app.ui.shell.column_widths import fit_column, fit_to_contents
from enhetschef_app.ui.shell.context import AppContext
from enhetschef_app.ui.shell.errors import show_error
from enhetschef_app.ui.shell.formatting import fixed_text
from enhetschef_app.ui.shell.icons import icon
from enhetschef_app.ui.shell.import_problems import ImportProblemsDialog
from enhetschef_app.ui.shell.page import Page
from enhetschef_app.ui.shell.widgets import TableRoom, no_unit_text, read_only_table, role_label
from enhetschef_app.ui.shell.worker import BackgroundTask, run_in_background

LAST_FOLDER_KEY = "import/economy_folder"


def _signed_kr(value: Decimal | None) -> str:
    if value is None:
        return "–"
    text = kronor_text(abs(value)) + " kr"
    return text if value >= 0 else "−" + text


class EconomyPage(Page):
    page_id = PAGE_ID
    icon_name = "ekonomi"
    areas = frozenset(
        {events.ECONOMY, events.STAFF, events.SCHEDULE, events.ABSENCE, events.OVERTIME}
        | {events.SETTINGS, events.UNIT}
    )

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.view: EconomyYearView | None = None
        self.month = context.today().month
        self.action_task: BackgroundTask[Any] | None = None

        self.year_spin = QSpinBox()
        self.year_spin.setRange(2000, 2100)
        self.year_spin.setValue(context.today().year)
        self.year_spin.setAccessibleName(self.tr("År"))
        self.year_spin.setGroupSeparatorShown(False)
        self.edit_button = QPushButton(icon("redigera"), self.tr("Skriv in budget…"))
        self.import_budget_button = QPushButton(icon("importera"), self.tr("Importera budget…"))
        self.import_budget_button.setToolTip(
            self.tr("Månad, Personalkostnad och Årsarbetare från ekonomisystemets export")
        )
        self.import_outcome_button = QPushButton(icon("importera"), self.tr("Importera utfall…"))
        self.import_outcome_button.setToolTip(
            self.tr("Månad och Utfall personalkostnad: ersätter beräkningen för de månaderna")
        )
        self.state_label = role_label("", "state")
        self.forecast_label = role_label("", "keyFigure")
        self.ytd_label = role_label("", "keyFigure")
        self.fte_label = role_label("", "keyFigure")
        self.fixed_label = role_label("", "keyFigure")

        self.year_model = YearTableModel(self)
        self.year_table = read_only_table(self.year_model)
        self.year_table.setAccessibleName(self.tr("Året månad för månad"))
        # Columns as wide as their headers while the year is counted, not Qt's 100 px each,
        # which would scroll sideways on a laptop until the figures came.
        fit_to_contents(self.year_table)
        self.chart = EconomyChart()
        self.line_model = CostLineModel(self)
        self.line_table = read_only_table(self.line_model)
        self.line_table.setAccessibleName(self.tr("Månadens kostnadsrader"))
        self.lines_title = role_label("", "sectionTitle")
        self.gaps_label = role_label("", "error")
        self.gaps_label.setWordWrap(True)
        self.gaps_label.setVisible(False)
        self.drivers_title = role_label("", "sectionTitle")
        self.drivers_label = QLabel()
        self.drivers_label.setWordWrap(True)
        self.drivers_label.setTextFormat(Qt.TextFormat.RichText)
        self.drivers_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        heading = QHBoxLayout()
        heading.addWidget(role_label(self.tr("Ekonomi"), "pageTitle"))
        heading.addWidget(QLabel(self.tr("År")))
        heading.addWidget(self.year_spin)
        heading.addStretch(1)
        heading.addWidget(self.edit_button)
        heading.addWidget(self.import_budget_button)
        heading.addWidget(self.import_outcome_button)

        # Two by two: four figures in a row would not fit a 1366 px laptop screen.
        figures = QGridLayout()
        for number, label in enumerate(
            (self.forecast_label, self.ytd_label, self.fte_label, self.fixed_label)
        ):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            figures.addWidget(label, number // 2, number % 2)
        figures.setColumnStretch(2, 1)

        self.top_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.top_splitter.setChildrenCollapsible(False)
        self.top_splitter.addWidget(self.year_table)
        self.top_splitter.addWidget(self.chart)
        self.top_splitter.setStretchFactor(0, 3)
        self.top_splitter.setStretchFactor(1, 2)
        self.top_splitter.setSizes([640, 420])
        # The year's columns whole on a 1366-pixel laptop: the chart gives way down to its
        # minimum rather than the table scrolling sideways.
        self.table_room = TableRoom(self.top_splitter, 0, self.year_table)

        lines = QWidget()
        lines_layout = QVBoxLayout(lines)
        lines_layout.setContentsMargins(0, 0, 6, 0)
        lines_layout.addWidget(self.lines_title)
        lines_layout.addWidget(self.line_table, 1)
        lines_layout.addWidget(self.gaps_label)
        drivers = QWidget()
        drivers_layout = QVBoxLayout(drivers)
        drivers_layout.setContentsMargins(6, 0, 0, 0)
        drivers_layout.addWidget(self.drivers_title)
        drivers_layout.addWidget(self.drivers_label, 1)
        self.bottom_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.bottom_splitter.setChildrenCollapsible(False)
        self.bottom_splitter.addWidget(lines)
        self.bottom_splitter.addWidget(drivers)
        self.bottom_splitter.setStretchFactor(0, 3)
        self.bottom_splitter.setStretchFactor(1, 2)
        self.bottom_splitter.setSizes([640, 420])

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.top_splitter)
        self.splitter.addWidget(self.bottom_splitter)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)

        layout = QVBoxLayout(self)
        layout.addLayout(heading)
        layout.addWidget(self.state_label)
        layout.addLayout(figures)
        layout.addWidget(self.splitter, 1)

        self.year_spin.valueChanged.connect(lambda _year: self.refresh())
        self.edit_button.clicked.connect(self.edit_budget)
        self.import_budget_button.clicked.connect(lambda: self.choose_and_import(outcome=False))
        self.import_outcome_button.clicked.connect(lambda: self.choose_and_import(outcome=True))
        self.year_table.selectionModel().selectionChanged.connect(self._month_chosen)

    @property
    def year(self) -> int:
        return self.year_spin.value()

    # Loading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        super().refresh()
        if self.context.workspace.unit is None:
            self.state_label.setText(no_unit_text())
            return
        self.state_label.setText(self.tr("Räknar …"))
        self._set_busy(True)
        if self.view is not None and self.view.year.year != self.year:
            # Another year's figures must not stand under the new year while it is counted.
            # Emptied rather than greyed: a greyed table repaints every cell through the model,
            # which waits on the counting thread for each cell and stalls the window.
            self.view = None
            self.year_model.set_rows([])
            self.line_model.set_rows([])
            self.chart.setEnabled(False)
        workspace, year, day = self.context.workspace, self.year, self.context.today()
        self.load_in_background(
            lambda: year_view(workspace, year, as_of=day), self._show, self._load_failed
        )

    def _set_busy(self, busy: bool) -> None:
        # The figures shown stay readable while the same year is counted again (F5, a change
        # elsewhere); what would start new work waits until the new figures are in.
        for button in (self.edit_button, self.import_budget_button, self.import_outcome_button):
            button.setEnabled(not busy)
        if not busy:
            self.chart.setEnabled(True)

    def _load_failed(self, error: BaseException) -> None:
        if isValid(self):
            self._set_busy(False)
            self.state_label.setText(self.tr("Året kunde inte räknas."))
            show_error(self, error)

    def _show(self, result: EconomyYearView) -> None:
        if not isValid(self) or result.year.year != self.year:
            return  # closed, or another year was chosen while this one was counted
        self._set_busy(False)
        self.view = result
        year = result.year
        today = self.context.today()
        current = today.month if today.year == year.year else 0
        self.year_model.set_rows(
            YearRow(m, year.deviation_ytd(m.month.month), m.month.month == current)
            for m in year.months
        )
        fit_to_contents(self.year_table)
        self.chart.show_year(year)
        if year.budget is None:
            self.state_label.setText(
                self.tr(
                    "Ingen budget för {0} än. Importera budgeten från ekonomisystemet eller "
                    "skriv in den."
                ).format(year.year)
            )
        else:
            self.state_label.setText(
                self.tr(
                    "Kostnad = bokfört utfall där det finns, annars programmets beräkning; "
                    "avvikelse = budget − kostnad (positiv: under budget)."
                )
            )
        # Choosing the row shows the month's figures and lines (`_month_chosen`); the reset
        # above left nothing chosen, so the choice always comes.
        self.year_table.selectRow(self.month - 1)
        self.year_table.scrollTo(self.year_model.index(self.month - 1, 0))

    def _show_year_figures(self) -> None:
        assert self.view is not None
        year = self.view.year
        month = year.month(self.month)
        forecast = kronor_text(year.forecast)
        if year.budget is None:
            self.forecast_label.setText(self.tr("Prognos helår {0} kr").format(forecast))
            over = False
        else:
            over = year.forecast_over_budget is not None
            word = self.tr("över budget") if over else self.tr("inom budget")
            self.forecast_label.setText(
                self.tr("Prognos helår {0} kr ({1} {2} kr)").format(
                    forecast, word, kronor_text(year.budget)
                )
            )
        self.forecast_label.setProperty("attention", "true" if over else "false")
        self.ytd_label.setText(
            self.tr("Avvikelse ack. t.o.m. {0}: {1}").format(
                month.month.label, _signed_kr(year.deviation_ytd(self.month))
            )
        )
        fte_budget = "–" if month.fte_budget is None else fixed_text(month.fte_budget, 1)
        self.fte_label.setText(
            self.tr("Årsarbetare {0}: {1} (budget {2})").format(
                month.month.label, fixed_text(month.fte_actual, 1), fte_budget
            )
        )
        target = self.view.rules.fixed_share_target_percent
        if month.fixed_share_percent is None:
            fixed = "–"
        else:
            fixed = fixed_text(month.fixed_share_percent, 1) + " %"
        self.fixed_label.setText(
            self.tr("Fast bemanning: {0} (mål {1} %)").format(fixed, fixed_text(target, 0))
        )
        low = month.fixed_share_percent is not None and month.fixed_share_percent < target
        self.fixed_label.setProperty("attention", "true" if low else "false")
        for label in (self.forecast_label, self.fixed_label):
            label.style().unpolish(label)
            label.style().polish(label)

    def _month_chosen(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = {index.row() for index in selected.indexes()}
        if len(rows) != 1 or self.view is None:
            return
        self.month = rows.pop() + 1
        self._show_year_figures()
        self._show_month()

    def _show_month(self) -> None:
        assert self.view is not None
        cost = self.view.cost_of(self.month)
        month = self.view.year.month(self.month)
        self.lines_title.setText(
            self.tr(
                "Beräknad kostnad {0}: {1} kr – håll muspekaren över en rad för underlaget"
            ).format(month.month.label, kronor_text(cost.total))
        )
        self.line_model.set_rows(cost.lines)
        fit_column(self.line_table, LineColumn.KIND)
        fit_column(self.line_table, LineColumn.PERSON)
        if cost.gaps:
            self.gaps_label.setText(
                self.tr(
                    "Saknar månadslön och räknas inte med: {0}. Lägg in lönen på Personal."
                ).format(", ".join(g.person for g in cost.gaps))
            )
        self.gaps_label.setVisible(bool(cost.gaps))
        self._show_drivers()

    def _show_drivers(self) -> None:
        assert self.view is not None
        view = self.view
        month = view.year.month(self.month)
        cost = view.cost_of(self.month)
        po = view.rules.po_percent
        previous = view.cost_of(self.month - 1) if self.month > 1 else None
        self.drivers_title.setText(self.tr("Vad som drev avvikelsen {0}").format(month.month.label))
        parts = [
            self.tr("Avvikelse mot budget: <b>{0}</b>").format(_signed_kr(month.deviation))
            if month.budget is not None
            else self.tr("Ingen budget för månaden.")
        ]
        if month.outcome is not None:
            parts.append(
                self.tr("Bokfört utfall {0} kr, {1} mot programmets beräkning {2} kr.").format(
                    kronor_text(month.outcome),
                    _signed_kr(month.outcome_difference),
                    kronor_text(month.estimate),
                )
            )
        header = self.tr("mot {0}").format(previous.month.label) if previous else ""
        rows = [
            f"<tr><th align='left'>{self.tr('Rörliga kostnader')}</th>"
            f"<th align='right'>&nbsp;{self.tr('kr')}</th>"
            f"<th align='right'>&nbsp;&nbsp;{header}</th></tr>"
        ]
        for driver in Driver:
            now = cost.driver_cost(driver, po)
            change = ""
            if previous is not None:
                delta = now - previous.driver_cost(driver, po)
                change = ("+" if delta > 0 else "") + _signed_kr(delta)
            rows.append(
                f"<tr><td>{driver.label}</td><td align='right'>&nbsp;{kronor_text(now)}</td>"
                f"<td align='right'>&nbsp;&nbsp;{change}</td></tr>"
            )
        parts.append(
            "<table>"
            + "".join(rows)
            + "</table>"
            + self.tr("Inklusive PO-pålägg ({0} %).").format(QLocale().toString(float(po), "f", 0))
        )
        parts.append(
            self.tr(
                "Planerade månader räknas från det lagda schemat: lön, timavlönades pass och "
                "PO-pålägg, men ingen övertid eller sjukfrånvaro än."
            )
        )
        html = "".join(f"<p>{part}</p>" for part in parts)
        self.drivers_label.setText(html)

    # Actions ---------------------------------------------------------------------------

    def edit_budget(self) -> None:
        if self.view is None:
            return
        dialog = BudgetDialog(self.view.year, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        entries = dialog.entries()
        workspace = self.context.workspace

        def call() -> Any:
            from enhetschef_app.services.economy.budget import save_budget

            return save_budget(workspace, entries)

        self.action_task = run_in_background(
            self,
            call,
            lambda _saved: None,  # the worker announces the budget's change
            progress_text=self.tr("Sparar budgeten …"),
        )

    def choose_and_import(self, *, outcome: bool) -> BackgroundTask[Any] | None:
        folder = str(self.context.settings.value(LAST_FOLDER_KEY, "") or "")
        title = self.tr("Importera utfall") if outcome else self.tr("Importera budget")
        name, _filter = QFileDialog.getOpenFileName(
            self, title, folder, self.tr("Excel eller CSV (*.xlsx *.csv);;Alla filer (*)")
        )
        if not name:
            return None
        path = Path(name)
        self.context.settings.setValue(LAST_FOLDER_KEY, str(path.parent))
        return self.import_file(path, outcome=outcome)

    def import_file(self, path: Path, *, outcome: bool) -> BackgroundTask[Any]:
        workspace = self.context.workspace

        def call() -> Any:
            from enhetschef_app.services.economy.budget import import_budget, import_outcome

            run = import_outcome if outcome else import_budget
            return run(workspace, path)

        def done(summary: Any) -> None:
            self.context.events.announce(events.ECONOMY)
            if isValid(self):
                QMessageBox.information(self, self.tr("Importen är klar"), summary.describe())

        def failed(error: BaseException) -> None:
            if isinstance(error, ImportFormatError):
                dialog = ImportProblemsDialog(error, self)
                dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
                dialog.open()
            else:
                show_error(self, error)

        self.action_task = run_in_background(
            self,
            call,
            done,
            on_error=failed,
            progress_text=QCoreApplication.translate("EconomyPage", "Importerar {0} …").format(
                path.name
            ),
        )
        return self.action_task

    def show_hint(self, hint: object) -> None:
        if isinstance(hint, date):
            self.month = hint.month
            if self.year_spin.value() != hint.year:
                self.year_spin.setValue(hint.year)

    def save_state(self, settings: QSettings) -> None:
        settings.setValue(self.settings_key("splitter"), self.splitter.saveState())
        settings.setValue(self.settings_key("top"), self.top_splitter.saveState())
        settings.setValue(self.settings_key("bottom"), self.bottom_splitter.saveState())

    def restore_state(self, settings: QSettings) -> None:
        for key, splitter in (
            ("splitter", self.splitter),
            ("top", self.top_splitter),
            ("bottom", self.bottom_splitter),
        ):
            state = settings.value(self.settings_key(key))
            if state is not None:
                splitter.restoreState(state)


__all__ = ["EconomyPage", "YearColumn"]

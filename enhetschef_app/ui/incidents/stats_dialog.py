"""The year's avvikelser counted and drawn: by month and track (a chart), by track, state and
category, how long closing takes, what is late, and understaffing at the events; and the button
that saves the anonymized APT workbook."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from enhetschef_app.domain.incidents import CATEGORIES, STATE_ORDER, Track
from enhetschef_app.services.core.outgoing_text import HealthWordsInExport
from enhetschef_app.services.incidents.stats import IncidentStats, export_apt, incident_stats
from enhetschef_app.services.incidents.views import incident_years
from enhetschef_app.ui.shell.context import AppContext
from enhetschef_app.ui.shell.errors import show_error
from enhetschef_app.ui.shell.privacy import confirm_health_words_export
from enhetschef_app.ui.shell.table_model import ALIGN_NUMBER, ALIGN_TEXT, RowTableModel
from enhetschef_app.ui.shell.widgets import (
    fit_columns,
    fit_height_to_rows,
    read_only_table,
    role_label,
)
from enhetschef_app.ui.shell.worker import BackgroundTask, run_in_background

MONTH_LETTERS = ("jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


class CountModel(RowTableModel):
    """Rows: (label, count)."""

    def __init__(self, title: str, parent: QObject | None = None) -> None:
        super().__init__([title, self.tr("Antal")], parent)

    def cell(self, row: Any, column: int, role: int) -> Any:
        label, count = row
        if role == Qt.ItemDataRole.DisplayRole:
            return label if column == 0 else str(count)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(ALIGN_TEXT if column == 0 else ALIGN_NUMBER)
        return None


class IncidentStatsDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.stats: IncidentStats | None = None
        self.export_task: BackgroundTask[Any] | None = None
        self.count_task: BackgroundTask[Any] | None = None
        self.setWindowTitle(self.tr("Avvikelser – statistik och APT-underlag"))
        self.resize(1000, 640)

        self.year_combo = QComboBox()
        self.year_combo.setAccessibleName(self.tr("År"))
        this_year = context.today().year
        years = sorted({this_year, *incident_years(context.workspace)}, reverse=True)
        self._years = years
        for year in years:
            self.year_combo.addItem(str(year))
        self.figures_label = role_label("", "keyFigure")
        self.figures_label.setWordWrap(True)
        self.figures_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.chart = QChart()
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart_view = QChartView(self.chart)
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumHeight(220)
        self.chart_view.setAccessibleName(self.tr("Avvikelser per månad och spår"))

        self.track_model = CountModel(self.tr("Spår"), self)
        self.state_model = CountModel(self.tr("Status"), self)
        self.category_model = CountModel(self.tr("Kategori"), self)
        tables = QGridLayout()
        for column, (model, title) in enumerate(
            (
                (self.track_model, self.tr("Per spår")),
                (self.state_model, self.tr("Per status")),
                (self.category_model, self.tr("Per kategori")),
            )
        ):
            view = read_only_table(model)
            view.setAccessibleName(title)
            setattr(self, f"_view_{column}", view)
            tables.addWidget(role_label(title, "sectionTitle"), 0, column)
            tables.addWidget(view, 1, column, Qt.AlignmentFlag.AlignTop)
        self.export_button = QPushButton(self.tr("Spara APT-underlag (Excel)…"))
        self.export_button.setToolTip(
            self.tr("Bara antal och diagram: inga namn och ingen fritext")
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Stäng"))
        buttons.rejected.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("År:")))
        top.addWidget(self.year_combo)
        top.addStretch(1)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.figures_label)
        layout.addWidget(self.chart_view, 1)
        layout.addLayout(tables)
        layout.addWidget(
            role_label(
                self.tr(
                    "En avvikelse räknas till månaden då den inträffade. Underbemannat: färre i "
                    "tjänst än behovet vid händelsens klockslag enligt schemat."
                ),
                "help",
            )
        )
        layout.addWidget(buttons)

        self.year_combo.currentIndexChanged.connect(self.show_year)
        self.export_button.clicked.connect(self.export)
        self.show_year()

    @property
    def year(self) -> int:
        return self._years[max(0, self.year_combo.currentIndex())]

    def show_year(self) -> BackgroundTask[Any]:
        """Counts the chosen year in a worker (it reads the schedule of every event's day)."""
        self.export_button.setEnabled(False)
        self.figures_label.setText(self.tr("Räknar …"))
        workspace, year, today = self.context.workspace, self.year, self.context.today()
        self.count_task = run_in_background(
            self, lambda: incident_stats(workspace, year, today), self._show_stats
        )
        return self.count_task

    def _show_stats(self, result: IncidentStats) -> None:
        if not isValid(self):
            return  # closed while counting
        if result.year != self.year:
            return  # another year was chosen while this one was counted
        stats = result
        self.stats = stats
        self.export_button.setEnabled(True)
        self.figures_label.setText(self.figures_text(stats))
        self.track_model.set_rows([(t.label, stats.by_track[t.value]) for t in Track])
        self.state_model.set_rows([(s.label, stats.by_state[s.value]) for s in STATE_ORDER])
        self.category_model.set_rows(
            [(label, stats.by_category[code]) for code, label in CATEGORIES]
        )
        for column, model in enumerate((self.track_model, self.state_model, self.category_model)):
            view = getattr(self, f"_view_{column}")
            fit_height_to_rows(view, model.rowCount())
            fit_columns(view)
        self._draw(stats)

    def figures_text(self, stats: IncidentStats) -> str:
        median = stats.median_days_to_close
        days = self.tr("–") if median is None else format(median.normalize(), "f").replace(".", ",")
        staffing = stats.staffing_at_event
        return self.tr(
            "{total} avvikelser {year}, {closed} avslutade (median {days} dagar till avslutad). "
            "Efter tidsfrist nu: {overdue}. Åtgärder: {actions} varav {late} försenade. "
            "Underbemannat när det hände: {under} av {known} med schema."
        ).format(
            total=stats.total,
            year=stats.year,
            closed=stats.closed,
            days=days,
            overdue=stats.overdue,
            actions=stats.actions.total,
            late=stats.actions.overdue,
            under=staffing.understaffed,
            known=staffing.understaffed + staffing.staffed,
        )

    def _draw(self, stats: IncidentStats) -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        series = QStackedBarSeries()
        for track in Track:
            bar = QBarSet(track.label)
            bar.append([float(stats.by_month_and_track[m][track.value]) for m in stats.by_month])
            series.append(bar)
        self.chart.addSeries(series)
        months = QBarCategoryAxis()
        months.append(list(MONTH_LETTERS))
        counts = QValueAxis()
        counts.setLabelFormat("%d")
        counts.setRange(0, max([*stats.by_month.values(), 1]))
        counts.applyNiceNumbers()
        self.chart.addAxis(months, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(counts, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(months)
        series.attachAxis(counts)
        self.chart.setTitle(self.tr("Avvikelser per månad och spår {0}").format(stats.year))

    def ask_path(self) -> Path | None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Spara APT-underlag"),
            str(Path.home() / f"avvikelser-apt-{self.year}.xlsx"),
            self.tr("Excel-arbetsbok (*.xlsx)"),
        )
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix.lower() == ".xlsx" else path.with_suffix(".xlsx")

    def export(self) -> BackgroundTask[Any] | None:
        path = self.ask_path()
        if path is None:
            return None
        return self.export_to(path)

    def export_to(self, path: Path, *, allow_sensitive_words: bool = False) -> BackgroundTask[Any]:
        workspace = self.context.workspace
        year = self.year
        today = self.context.today()

        def done(stats: object) -> None:
            assert isinstance(stats, IncidentStats)
            QMessageBox.information(
                self,
                self.tr("APT-underlag"),
                self.tr("Underlaget för {year} ({total} avvikelser) är sparat:\n{path}").format(
                    year=stats.year, total=stats.total, path=path
                ),
            )

        def failed(error: BaseException) -> None:
            if isinstance(error, HealthWordsInExport):
                if confirm_health_words_export(self, error.message):
                    self.export_to(path, allow_sensitive_words=True)
                return
            show_error(self, error)

        self.export_task = run_in_background(
            self,
            lambda: export_apt(
                workspace, year, path, today, allow_sensitive_words=allow_sensitive_words
            ),
            done,
            on_error=failed,
            progress_text=self.tr("Sparar APT-underlaget …"),
            starters=(self.export_button,),
        )
        return self.export_task

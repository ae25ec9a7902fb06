"""The year's chart on the Ekonomi page (QtCharts): the cost of each month as a column coloured
and named by where it comes from (booked utfall, the app's estimate, the planned schedule), and
the budget as a line across the months, both in thousands of kronor."""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QLineSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QLocale, QMargins, QPointF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen

from enhetschef_app.domain.economy_year import CostSource, EconomyYear

BUDGET = QColor("#a61b1b")
COLORS = {
    CostSource.OUTCOME: QColor("#2f5d7c"),
    CostSource.ESTIMATE: QColor("#5b8fb9"),
    CostSource.PLAN: QColor("#b5d0e8"),
}


class EconomyChart(QChartView):
    def __init__(self, parent: QChartView | None = None) -> None:
        self._chart = QChart()
        super().__init__(self._chart, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self._chart.setMargins(QMargins(2, 2, 2, 2))
        self._chart.setBackgroundRoundness(0)
        self.setMinimumHeight(200)
        self.setMinimumWidth(360)
        self.setAccessibleName(self.tr("Budget och kostnad per månad"))
        self.costs: dict[CostSource, list[float]] = {}
        self.budget: list[float] = []

    def show_year(self, year: EconomyYear) -> None:
        chart = self._chart
        chart.removeAllSeries()
        for old in chart.axes():
            chart.removeAxis(old)
        labels = {
            CostSource.OUTCOME: self.tr("Utfall"),
            CostSource.ESTIMATE: self.tr("Beräknad"),
            CostSource.PLAN: self.tr("Planerad"),
        }
        self.costs = {
            source: [float(m.cost) / 1000 if m.source is source else 0.0 for m in year.months]
            for source in CostSource
        }
        self.budget = [float(m.budget or 0) / 1000 for m in year.months]
        bars = QStackedBarSeries()
        for source in CostSource:
            if not any(self.costs[source]):
                continue
            bar_set = QBarSet(labels[source])
            bar_set.setColor(COLORS[source])
            bar_set.setBorderColor(COLORS[source])
            bar_set.append(self.costs[source])
            bars.append(bar_set)
        bars.setBarWidth(0.7)
        chart.addSeries(bars)
        line = QLineSeries()
        line.setName(self.tr("Budget"))
        pen = QPen(BUDGET)
        pen.setWidthF(2.0)
        line.setPen(pen)
        has_budget = any(m.budget is not None for m in year.months)
        if has_budget:
            for index, value in enumerate(self.budget):
                line.append(QPointF(index, value))
            chart.addSeries(line)

        locale = QLocale()
        months = QBarCategoryAxis()
        months.append(
            [
                locale.standaloneMonthName(n, QLocale.FormatType.ShortFormat).rstrip(".")[:3]
                for n in range(1, 13)
            ]
        )
        small = QFont(months.labelsFont())
        small.setPointSizeF(max(small.pointSizeF() - 1.5, 7.0))
        months.setLabelsFont(small)
        months.setTruncateLabels(False)
        chart.addAxis(months, Qt.AlignmentFlag.AlignBottom)
        bars.attachAxis(months)
        top = max([*self.budget, *(v for values in self.costs.values() for v in values), 1.0])
        amounts = QValueAxis()
        amounts.setRange(0, top * 1.1)
        amounts.setLabelFormat("%.0f")
        amounts.setTitleText(self.tr("tkr"))
        amounts.setLabelsFont(small)
        chart.addAxis(amounts, Qt.AlignmentFlag.AlignLeft)
        bars.attachAxis(amounts)
        if has_budget:
            # The line's points sit at the columns' centres: category i spans i-0.5..i+0.5.
            positions = QValueAxis()
            positions.setRange(-0.5, 11.5)
            positions.setVisible(False)
            chart.addAxis(positions, Qt.AlignmentFlag.AlignBottom)
            line.attachAxis(positions)
            line.attachAxis(amounts)
        chart.setTitle(self._title(year))

    def _title(self, year: EconomyYear) -> str:
        locale = QLocale()

        def tkr(value: float) -> str:
            return locale.toString(value / 1000, "f", 0)

        forecast = tkr(float(year.forecast))
        over = year.forecast_over_budget
        if year.budget is None:
            return self.tr("Prognos helår {0} tkr – ingen budget inlagd").format(forecast)
        if over is None:
            return self.tr("Prognos helår {0} tkr – inom budget {1} tkr").format(
                forecast, tkr(float(year.budget))
            )
        return self.tr("Prognos helår {0} tkr – {1} tkr över budget").format(
            forecast, tkr(float(over))
        )

"""The 12-month trends of the Månadsrapport page (QtCharts): sjukfrånvaro and andel timavlönade
as lines against their targets (a dashed line, named in the legend), övertid and mertid as
stacked columns. Months marked klar show their reported figures."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCharts import (
    QAbstractAxis,
    QBarCategoryAxis,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QLineSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QLocale, QMargins, QPointF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QTabWidget, QWidget

from enhetschef_app.services.month.report import MonthTrend

LINE = QColor("#2f5d7c")
TARGET = QColor("#a61b1b")
OVERTIME = QColor("#2f5d7c")
MERTID = QColor("#8fb8da")


def month_labels(months: list[str]) -> list[str]:
    """'nov', 'dec', 'jan' …: short enough for twelve in a narrow chart (the axis's title gives
    the years)."""
    locale = QLocale()
    return [
        locale.standaloneMonthName(int(text[5:7]), QLocale.FormatType.ShortFormat).rstrip(".")[:3]
        for text in months
    ]


def _small_labels(axis: QAbstractAxis) -> None:
    font = QFont(axis.labelsFont())
    font.setPointSizeF(max(font.pointSizeF() - 1.5, 7.0))
    axis.setLabelsFont(font)
    axis.setTruncateLabels(False)


def _period(months: list[str]) -> str:
    return f"{months[0]} – {months[-1]}" if months else ""


class TrendChart(QChartView):
    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        self._chart = QChart()
        super().__init__(self._chart, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self._chart.setMargins(QMargins(4, 4, 4, 4))
        self._chart.setBackgroundRoundness(0)
        self.setMinimumHeight(180)
        self.setAccessibleName(accessible_name)
        self.months: list[str] = []

    def _clear(self) -> None:
        self._chart.removeAllSeries()
        for axis in self._chart.axes():
            self._chart.removeAxis(axis)

    def _month_axis(self, months: list[str]) -> QBarCategoryAxis:
        axis = QBarCategoryAxis()
        axis.append(month_labels(months))
        _small_labels(axis)
        axis.setTitleText(_period(months))
        self._chart.addAxis(axis, Qt.AlignmentFlag.AlignBottom)
        return axis

    def _month_value_axis(self, months: list[str]) -> QCategoryAxis:
        """Months at x = 0, 1, 2 … for lines, each label on its point."""
        axis = QCategoryAxis()
        axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        for index, label in enumerate(month_labels(months)):
            axis.append(label, index)
        axis.setRange(-0.5, len(months) - 0.5)
        axis.setGridLineVisible(False)
        _small_labels(axis)
        axis.setTitleText(_period(months))
        self._chart.addAxis(axis, Qt.AlignmentFlag.AlignBottom)
        return axis

    def _value_axis(self, top: float, unit: str) -> QValueAxis:
        axis = QValueAxis()
        axis.setRange(0, max(top * 1.1, 1.0))
        axis.setTickCount(5)
        axis.applyNiceNumbers()  # 0, 10, 20, 30 rather than 0, 12.5, 25
        axis.setLabelFormat("%.1f" if top < 4 else "%.0f")
        axis.setTitleText(unit)
        self._chart.addAxis(axis, Qt.AlignmentFlag.AlignLeft)
        return axis

    def show_line(
        self,
        months: list[str],
        values: list[Decimal | None],
        name: str,
        target: Decimal,
        target_name: str,
    ) -> None:
        self._clear()
        self.months = months
        series = QLineSeries()
        series.setName(name)
        series.setPen(QPen(LINE, 2.5))
        series.setPointsVisible(True)
        # Category axes place month i at x = i; a month without a value leaves a gap.
        for index, value in enumerate(values):
            if value is not None:
                series.append(QPointF(index, float(value)))
        goal = QLineSeries()
        goal.setName(target_name)
        goal.setPen(QPen(TARGET, 1.5, Qt.PenStyle.DashLine))
        goal.append(QPointF(-0.5, float(target)))
        goal.append(QPointF(len(months) - 0.5, float(target)))
        self._chart.addSeries(series)
        self._chart.addSeries(goal)
        months_axis = self._month_value_axis(months)
        known = [float(v) for v in values if v is not None]
        value_axis = self._value_axis(max([*known, float(target)]), "%")
        for each in (series, goal):
            each.attachAxis(months_axis)
            each.attachAxis(value_axis)

    def show_stacked(
        self, months: list[str], parts: list[tuple[str, QColor, list[Decimal]]], unit: str
    ) -> None:
        self._clear()
        self.months = months
        bars = QStackedBarSeries()
        for name, colour, values in parts:
            bar_set = QBarSet(name)
            bar_set.setColor(colour)
            for value in values:
                bar_set.append(float(value))
            bars.append(bar_set)
        self._chart.addSeries(bars)
        months_axis = self._month_axis(months)
        totals = [sum(float(p[2][i]) for p in parts) for i in range(len(months))]
        value_axis = self._value_axis(max(totals, default=0.0), unit)
        bars.attachAxis(months_axis)
        bars.attachAxis(value_axis)


class TrendTabs(QTabWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sick = TrendChart(self.tr("Sjukfrånvaro, 12 månader"))
        self.overtime = TrendChart(self.tr("Övertid och mertid, 12 månader"))
        self.hourly = TrendChart(self.tr("Andel timavlönade, 12 månader"))
        self.addTab(self.sick, self.tr("Sjukfrånvaro"))
        self.addTab(self.overtime, self.tr("Övertid + mertid"))
        self.addTab(self.hourly, self.tr("Andel timavlönade"))
        self.setAccessibleName(self.tr("Trender, 12 månader"))

    def show_trend(self, trend: MonthTrend, sick_target: Decimal, hourly_target: Decimal) -> None:
        months = [p.month.label for p in trend.points]
        target = self.tr("Mål")
        self.sick.show_line(
            months,
            [p.sick_percent for p in trend.points],
            self.tr("Sjukfrånvaro %"),
            sick_target,
            target,
        )
        self.overtime.show_stacked(
            months,
            [
                (self.tr("Övertid"), OVERTIME, [p.overtime_hours for p in trend.points]),
                (self.tr("Mertid"), MERTID, [p.mertid_hours for p in trend.points]),
            ],
            self.tr("timmar"),
        )
        self.hourly.show_line(
            months,
            [p.hourly_paid_share_percent for p in trend.points],
            self.tr("Andel timavlönade %"),
            hourly_target,
            target,
        )

"""Staffing against need per time band of a day, drawn: need, planned and actual side by side
(QtCharts). The numbers are also in the chart's bar labels and the page's text, so nothing is
told by colour alone."""

from __future__ import annotations

import math

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget

from enhetschef_app.services.schedule.follow_up import BandLine

NEED = QColor("#9aa7b3")
PLANNED = QColor("#8fb8da")
ACTUAL = QColor("#2f5d7c")


class StaffingChart(QChartView):
    def __init__(self, parent: QWidget | None = None) -> None:
        self._chart = QChart()
        super().__init__(self._chart, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self._chart.setMargins(QMargins(4, 4, 4, 4))
        self._chart.setBackgroundRoundness(0)
        self.setMinimumHeight(140)
        self.setAccessibleName(self.tr("Bemanning mot behov per tidsband"))
        self.bands: tuple[BandLine, ...] = ()

    def set_bands(self, bands: tuple[BandLine, ...]) -> None:
        self.bands = bands
        chart = self._chart
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        if not bands:
            chart.setTitle(self.tr("Inget bemanningsbehov angivet för dagen"))
            return
        chart.setTitle("")
        series = QBarSeries()
        for label, colour, values in (
            (self.tr("Behov"), NEED, [b.needed for b in bands]),
            (self.tr("Planerat"), PLANNED, [b.planned for b in bands]),
            (self.tr("Faktiskt"), ACTUAL, [b.actual for b in bands]),
        ):
            bar_set = QBarSet(label)
            bar_set.setColor(colour)
            bar_set.setBorderColor(colour.darker(120))
            for value in values:
                bar_set.append(value)
            series.append(bar_set)
        series.setLabelsVisible(True)
        series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsInsideEnd)
        chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append([f"{b.start:%H:%M}–{b.end:%H:%M}" for b in bands])
        categories.setTruncateLabels(False)  # a narrow chart must not cut the times short
        chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(categories)
        # Whole people on the axis, at most about six ticks: 0, 3, 6 ... 15 for a need of 14.
        top = max(max(b.needed, b.planned, b.actual) for b in bands) + 1
        step = max(1, math.ceil(top / 5))
        upper = step * math.ceil(top / step)
        axis = QValueAxis()
        axis.setRange(0, upper)
        axis.setTickCount(upper // step + 1)
        axis.setLabelFormat("%i")
        chart.addAxis(axis, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis)

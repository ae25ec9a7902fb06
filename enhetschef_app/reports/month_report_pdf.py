"""The month report for the VC as a PDF, drawn by Qt's own PDF writer (QTextDocument on a
QPdfWriter): the same document as the Excel report, with the three 12-month trends as small
charts. The window calls `write_month_pdf`; the command line `export-month --pdf` calls
`write_month_pdf_headless`, which starts Qt without a screen."""

from __future__ import annotations

import html
import itertools
import os
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QPointF, QRectF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
)

from enhetschef_app.domain.report_document import MonthReportDocument, ReportFigure, TrendRow

CHART_SIZE = (900, 260)
SICK_COLOUR = QColor("#2f5d7c")
TARGET_COLOUR = QColor("#c0504d")
OVERTIME_COLOUR = QColor("#4f81bd")
MERTID_COLOUR = QColor("#9bbb59")


def _number(value: Decimal | int | None, unit: str) -> str:
    if value is None:
        return "–"
    if unit == "st":
        return f"{int(value):,}".replace(",", " ")
    # No-break spaces: an amount in millions stays on one line in the narrow column.
    text = f"{Decimal(value):,.2f}".replace(",", "\u00a0").replace(".", ",")
    return f"{text}\u00a0{unit}"


def _chart(
    title: str,
    months: list[str],
    series: list[tuple[str, list[float | None], QColor]],
    *,
    target: float | None = None,
    stacked_bars: bool = False,
) -> QImage:
    width, height = CHART_SIZE
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont()
    font.setPixelSize(15)
    painter.setFont(font)
    painter.drawText(QRectF(0, 0, width, 24), Qt.AlignmentFlag.AlignLeft, title)
    left, top, right, bottom = 60.0, 34.0, width - 20.0, height - 40.0
    values = [v for _n, vs, _c in series for v in vs if v is not None]
    totals = (
        [sum(vs[i] or 0.0 for _n, vs, _c in series) for i in range(len(months))]
        if stacked_bars
        else values
    )
    top_value = max([*totals, target or 0.0, 1.0]) * 1.15
    painter.setPen(QPen(QColor("#888888"), 1))
    painter.drawLine(QPointF(left, bottom), QPointF(right, bottom))
    painter.drawLine(QPointF(left, top), QPointF(left, bottom))
    font.setPixelSize(12)
    painter.setFont(font)
    for step in range(5):
        value = top_value * step / 4
        y = bottom - (bottom - top) * step / 4
        painter.drawText(
            QRectF(0, y - 8, left - 6, 16),
            Qt.AlignmentFlag.AlignRight,
            f"{value:.0f}" if top_value >= 10 else f"{value:.1f}",
        )
    slot = (right - left) / max(len(months), 1)

    def y_of(value: float) -> float:
        return float(bottom - (bottom - top) * value / top_value)

    for index, month in enumerate(months):
        x = left + slot * index
        painter.setPen(QColor("#444444"))
        painter.drawText(QRectF(x, bottom + 4, slot, 16), Qt.AlignmentFlag.AlignHCenter, month[2:])
    if stacked_bars:
        for index in range(len(months)):
            base = 0.0
            for _name, values_of, colour in series:
                value = values_of[index] or 0.0
                x = left + slot * index + slot * 0.2
                painter.fillRect(
                    QRectF(x, y_of(base + value), slot * 0.6, y_of(base) - y_of(base + value)),
                    colour,
                )
                base += value
    else:
        for _name, values_of, colour in series:
            painter.setPen(QPen(colour, 3))
            points = [
                QPointF(left + slot * (i + 0.5), y_of(v))
                for i, v in enumerate(values_of)
                if v is not None
            ]
            for a, b in itertools.pairwise(points):
                painter.drawLine(a, b)
            for point in points:
                painter.drawEllipse(point, 3, 3)
    if target is not None:
        pen = QPen(TARGET_COLOUR, 2, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawLine(QPointF(left, y_of(target)), QPointF(right, y_of(target)))
    # The legend says in words what each colour is.
    x = left
    for name, _values, colour in series + (
        [(QCoreApplication.translate("MonthReportPdf", "Mål"), [], TARGET_COLOUR)]
        if target is not None
        else []
    ):
        painter.fillRect(QRectF(x, height - 18, 12, 12), colour)
        painter.setPen(QColor("#222222"))
        painter.drawText(QRectF(x + 16, height - 20, 220, 16), Qt.AlignmentFlag.AlignLeft, name)
        x += 30 + painter.fontMetrics().horizontalAdvance(name)
    painter.end()
    return image


def _charts(document: MonthReportDocument) -> list[tuple[str, QImage]]:
    trend: tuple[TrendRow, ...] = document.trend
    months = [row.month for row in trend]

    def floats(values: list[Decimal | None]) -> list[float | None]:
        return [None if v is None else float(v) for v in values]

    return [
        (
            "trend-sick",
            _chart(
                QCoreApplication.translate("MonthReportPdf", "Sjukfrånvaro %, 12 månader"),
                months,
                [
                    (
                        QCoreApplication.translate("MonthReportPdf", "Sjukfrånvaro %"),
                        floats([r.sick_percent for r in trend]),
                        SICK_COLOUR,
                    )
                ],
                target=float(document.sick_target),
            ),
        ),
        (
            "trend-overtime",
            _chart(
                QCoreApplication.translate(
                    "MonthReportPdf", "Övertid och mertid (timmar), 12 månader"
                ),
                months,
                [
                    (
                        QCoreApplication.translate("MonthReportPdf", "Övertid"),
                        floats([r.overtime_hours for r in trend]),
                        OVERTIME_COLOUR,
                    ),
                    (
                        QCoreApplication.translate("MonthReportPdf", "Mertid"),
                        floats([r.mertid_hours for r in trend]),
                        MERTID_COLOUR,
                    ),
                ],
                stacked_bars=True,
            ),
        ),
        (
            "trend-hourly",
            _chart(
                QCoreApplication.translate("MonthReportPdf", "Andel timavlönade %, 12 månader"),
                months,
                [
                    (
                        QCoreApplication.translate("MonthReportPdf", "Andel timavlönade %"),
                        floats([r.hourly_paid_share_percent for r in trend]),
                        SICK_COLOUR,
                    )
                ],
                target=float(document.hourly_paid_target),
            ),
        ),
    ]


def _figure_row(figure: ReportFigure) -> str:
    target = "" if figure.target is None else _number(figure.target, figure.unit)
    status = figure.status or ""
    colour = {"Över målet": "#f8cbad", "Inom målet": "#d9ead3"}.get(status)
    shade = f" style='background-color:{colour}'" if colour else ""
    change = html.escape(figure.change or "")
    return (
        f"<tr><td width='30%'>{html.escape(figure.label)}</td>"
        f"<td align='right' width='20%'>{_number(figure.value, figure.unit)}</td>"
        f"<td align='right'>{target}</td>"
        f"<td{shade}>{html.escape(status)}</td>"
        f"<td>{change}</td></tr>"
    )


def document_html(document: MonthReportDocument, chart_names: list[str]) -> str:
    e = html.escape
    status_word = QCoreApplication.translate("MonthReportPdf", "Status:")
    made_word = QCoreApplication.translate("MonthReportPdf", "Skapad:")
    comment_title = QCoreApplication.translate("MonthReportPdf", "Enhetschefens kommentar")
    trends_title = QCoreApplication.translate("MonthReportPdf", "Trender, 12 månader")
    definitions_title = QCoreApplication.translate("MonthReportPdf", "Definitioner")
    heads = (
        QCoreApplication.translate("MonthReportPdf", "Nyckeltal"),
        QCoreApplication.translate("MonthReportPdf", "Värde"),
        QCoreApplication.translate("MonthReportPdf", "Mål (högst)"),
        QCoreApplication.translate("MonthReportPdf", "Mot målet"),
        QCoreApplication.translate("MonthReportPdf", "Ändrat sedan klar"),
    )
    parts = [
        "<html><body style='font-family: sans-serif; font-size: 9pt'>",
        f"<h1 style='font-size: 15pt'>{e(document.title)}</h1>",
        f"<p>{e(status_word)} {e(document.status)}<br/>{e(made_word)} {e(document.made_at)}</p>",
        "<table border='1' cellspacing='0' cellpadding='3' width='100%'>",
        "<tr style='background-color:#dce6f0'>"
        + "".join(f"<th align='left'>{e(h)}</th>" for h in heads)
        + "</tr>",
    ]
    for section, figures in document.sections():
        parts.append(
            f"<tr style='background-color:#eef3f8'><td colspan='5'><b>{e(section)}</b></td></tr>"
        )
        parts.extend(_figure_row(f) for f in figures)
    parts.append("</table>")
    parts.append(f"<h2 style='font-size: 12pt'>{e(comment_title)}</h2>")
    comment = e(
        document.comment or QCoreApplication.translate("MonthReportPdf", "(ingen kommentar)")
    ).replace("\n", "<br/>")
    parts.append(f"<p>{comment}</p>")
    parts.append(f"<h2 style='font-size: 12pt'>{e(trends_title)}</h2>")
    for name in chart_names:
        parts.append(f"<p><img src='{name}' width='600'/></p>")
    parts.append(f"<h2 style='font-size: 12pt'>{e(definitions_title)}</h2>")
    parts.append("<table cellpadding='2'>")
    basis = QCoreApplication.translate("MonthReportPdf", "Underlag:")
    for figure in document.figures:
        inputs = f"<br/><i>{e(basis)} {e(figure.inputs)}</i>" if figure.inputs else ""
        parts.append(
            f"<tr><td valign='top'><b>{e(figure.label)}</b></td>"
            f"<td>{e(figure.definition)}{inputs}</td></tr>"
        )
    parts.append("</table>")
    parts.extend(f"<p><i>{e(note)}</i></p>" for note in document.notes)
    parts.append("</body></html>")
    return "".join(parts)


def write_month_pdf(document: MonthReportDocument, path: Path) -> Path:
    """Draws the report into `path`; a QGuiApplication must exist."""
    if path.suffix.lower() != ".pdf":
        raise ValueError(path)
    charts = _charts(document)
    text = QTextDocument()
    for name, image in charts:
        text.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
    text.setHtml(document_html(document, [name for name, _image in charts]))
    return _print(text, document.title, path)


def write_month_pdf_headless(document: MonthReportDocument, path: Path) -> Path:
    """For the command line: starts Qt on the offscreen platform if it is not running."""
    return _headless(lambda: write_month_pdf(document, path))


def _body(html_text: str) -> str:
    start = html_text.index(">", html_text.index("<body")) + 1
    return html_text[start : html_text.rindex("</body>")]


def write_management_pdf(documents: Sequence[MonthReportDocument], title: str, path: Path) -> Path:
    """The VC report of every unit in one PDF: each unit's month report, a unit to a page
    onward; a QGuiApplication must exist."""
    if path.suffix.lower() != ".pdf":
        raise ValueError(path)
    text = QTextDocument()
    bodies: list[str] = []
    for index, document in enumerate(documents):
        names: list[str] = []
        for name, image in _charts(document):
            unique = f"enhet{index}-{name}"
            text.addResource(QTextDocument.ResourceType.ImageResource, QUrl(unique), image)
            names.append(unique)
        page_break = "" if index == 0 else "<div style='page-break-before: always'></div>"
        bodies.append(page_break + _body(document_html(document, names)))
    text.setHtml(
        "<html><body style='font-family: sans-serif; font-size: 9pt'>"
        + "".join(bodies)
        + "</body></html>"
    )
    return _print(text, title, path)


def write_management_pdf_headless(
    documents: Sequence[MonthReportDocument], title: str, path: Path
) -> Path:
    """For the command line: starts Qt on the offscreen platform if it is not running."""
    return _headless(lambda: write_management_pdf(documents, title, path))


def _print(text: QTextDocument, title: str, path: Path) -> Path:
    """`text` on A4 pages into `path`, through a partial file: a half-written PDF never has
    the name the user asked for."""
    partial = path.with_name(f".{path.stem}.sparas.pdf")
    writer = QPdfWriter(str(partial))
    writer.setTitle(title)
    writer.setCreator("Enhetschef")
    writer.setResolution(300)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(15, 15, 15, 15),
            QPageLayout.Unit.Millimeter,
        )
    )
    text.print_(writer)
    del writer  # the file is finished when the writer goes
    partial.replace(path)
    return path


def _headless(draw: Callable[[], Path]) -> Path:
    if QCoreApplication.instance() is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        app = QGuiApplication([])
        try:
            return draw()
        finally:
            del app
    return draw()

"""The registerutdrag as a PDF, drawn line by line with QPainter on a QPdfWriter: a heading,
whose data it is, then each kind as a titled table (columns of a wide kind wrap into
label: value lines, so nothing is cut off)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
)

from enhetschef_app.services.core.registerutdrag import RegisterExtract, about_lines

RESOLUTION = 150  # dots per inch: enough for text, small files


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:g}".replace(".", ",")
    return str(value)


class _Pages:
    """Writes paragraphs top to bottom, starting a new page when one is full."""

    def __init__(self, writer: QPdfWriter, painter: QPainter) -> None:
        self.writer = writer
        self.painter = painter
        rect = writer.pageLayout().paintRectPixels(writer.resolution())
        self.width = float(rect.width())
        self.height = float(rect.height())
        self.y = 0.0

    def paragraph(self, text: str, font: QFont, *, indent: float = 0.0, gap: float = 0.0) -> None:
        self.painter.setFont(font)
        metrics = QFontMetricsF(font, self.writer)
        width = self.width - indent
        flags = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft)
        bounds = metrics.boundingRect(QRectF(0, 0, width, 1e6), flags, text)
        if self.y + bounds.height() > self.height and self.y > 0:
            self.writer.newPage()
            self.y = 0.0
        self.painter.drawText(QRectF(indent, self.y, width, bounds.height()), flags, text)
        self.y += bounds.height() + gap


def write_register_extract_pdf(extract: RegisterExtract, path: Path) -> Path:
    """Draws the extract into `path`; a QGuiApplication must exist."""
    if path.suffix.lower() != ".pdf":
        raise ValueError(path)
    partial = path.with_name(f".{path.stem}.sparas.pdf")
    writer = QPdfWriter(str(partial))
    writer.setTitle(f"Registerutdrag – {extract.name}")
    writer.setCreator("Enhetschef")
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(18, 18, 18, 18),
            QPageLayout.Unit.Millimeter,
        )
    )
    heading = QFont("DejaVu Sans")
    heading.setPointSizeF(16)
    heading.setBold(True)
    title = QFont("DejaVu Sans")
    title.setPointSizeF(12)
    title.setBold(True)
    body = QFont("DejaVu Sans")
    body.setPointSizeF(9)
    small = QFont("DejaVu Sans")
    small.setPointSizeF(8)
    painter = QPainter(writer)
    try:
        pages = _Pages(writer, painter)
        pages.paragraph("Registerutdrag", heading, gap=20)
        for label, value in about_lines(extract):
            pages.paragraph(f"{label}: {value}", body, gap=4)
        pages.y += 20
        for sheet in extract.sheets:
            pages.paragraph(f"{sheet.title} ({len(sheet.rows)})", title, gap=8)
            if not sheet.rows:
                pages.paragraph("Inga uppgifter av detta slag.", small, indent=20, gap=14)
                continue
            for row in sheet.rows:
                pages.paragraph(_row_text(sheet.headers, row), small, indent=20, gap=8)
            pages.y += 10
    finally:
        painter.end()
    del writer  # the file is finished when the writer goes
    partial.replace(path)
    return path


def _row_text(headers: Sequence[str], row: Sequence[object]) -> str:
    return " · ".join(
        f"{header}: {_text(value)}" for header, value in zip(headers, row, strict=True) if value
    )


def write_register_extract_pdf_headless(extract: RegisterExtract, path: Path) -> Path:
    """For the command line: starts Qt on the offscreen platform if it is not running."""
    if QCoreApplication.instance() is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        app = QGuiApplication([])
        try:
            return write_register_extract_pdf(extract, path)
        finally:
            del app
    return write_register_extract_pdf(extract, path)

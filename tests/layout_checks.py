"""What a user on a 1366x768 laptop would see wrong on a page: a sideways scrollbar, content
wider than its scroll area, a column title cut off, a label cut off with no tooltip to read it.

Used by the layout test over every page and tab; it only
looks at widgets that are shown, so each page and each tab is checked as it is on screen.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QTabWidget,
    QWidget,
)

# Room a column title needs besides its text: the header's own margins.
HEADER_TEXT_MARGIN = 4


def _shown(widget: QWidget) -> bool:
    return widget.isVisible() and widget.width() > 0 and widget.height() > 0


def _where(widget: QWidget) -> str:
    names: list[str] = []
    current: QWidget | None = widget
    while current is not None and len(names) < 4:
        name = current.objectName() or current.accessibleName() or type(current).__name__
        names.append(name)
        current = current.parentWidget()
    return " < ".join(names)


def layout_problems(root: QWidget) -> list[str]:
    problems: list[str] = []
    for area in root.findChildren(QAbstractScrollArea):
        if not _shown(area):
            continue
        if area.horizontalScrollBar().isVisible():
            problems.append(f"sideways scrollbar in {_where(area)}")
        content = area.widget() if isinstance(area, QScrollArea) else None
        if isinstance(area, QScrollArea) and area.widgetResizable() and content is not None:
            needed = content.minimumSizeHint().width()
            room = area.viewport().width()
            if needed > room:
                problems.append(f"content {needed} px wide in {room} px: {_where(area)}")
    for view in root.findChildren(QTableView):
        if not _shown(view):
            continue
        header = view.horizontalHeader()
        if not header.isVisible():
            continue
        model = view.model()
        metrics = header.fontMetrics()
        for column in range(model.columnCount()):
            if view.isColumnHidden(column):
                continue
            title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            lines = title.split("\n")
            needed = max(metrics.horizontalAdvance(line) for line in lines) + HEADER_TEXT_MARGIN
            if header.sectionSize(column) < needed:
                problems.append(
                    f"column '{title}' {header.sectionSize(column)} px for {needed} px: "
                    f"{_where(view)}"
                )
    for label in root.findChildren(QLabel):
        if not _shown(label) or label.wordWrap() or not label.text() or label.toolTip():
            continue
        if label.pixmap() is not None and not label.pixmap().isNull():
            continue
        if label.width() < label.minimumSizeHint().width():
            problems.append(
                f"label '{label.text()[:40]}' {label.width()} px for "
                f"{label.minimumSizeHint().width()} px: {_where(label)}"
            )
    for button in root.findChildren(QPushButton):
        if not _shown(button) or not button.text() or button.toolTip():
            continue
        if button.width() < button.minimumSizeHint().width():
            problems.append(
                f"button '{button.text()[:40]}' {button.width()} px for "
                f"{button.minimumSizeHint().width()} px: {_where(button)}"
            )
    return problems


def every_tab(root: QWidget) -> Iterator[str]:
    """Shows each tab of each tab widget under `root` in turn, yielding its name; tabs inside
    tabs are reached because the inner tab widget is shown when its outer tab is."""
    seen: set[int] = set()

    def walk(widget: QWidget, path: str) -> Iterator[str]:
        for tabs in widget.findChildren(QTabWidget):
            if id(tabs) in seen or not tabs.isVisible():
                continue
            seen.add(id(tabs))
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
                QApplication.processEvents()
                name = f"{path} / {tabs.tabText(index)}"
                yield name
                page = tabs.widget(index)
                if page is not None:
                    yield from walk(page, name)
            tabs.setCurrentIndex(0)
            QApplication.processEvents()

    yield from walk(root, "")

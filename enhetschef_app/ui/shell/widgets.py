"""Small building blocks the pages share: titled sections, read-only table views, labels with
a role the style sheet knows."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from enhetschef_app.ui.shell.column_widths import SAMPLE_ROWS, content_width


def role_label(text: str, role: str, parent: QWidget | None = None) -> QLabel:
    """A label styled by its role in style.qss (pageTitle, sectionTitle, help, error, ...)."""
    label = QLabel(text, parent)
    label.setProperty("role", role)
    if role in {"help", "error", "emptyState"}:
        label.setWordWrap(True)
    return label


def read_only_table(model: QAbstractItemModel, parent: QWidget | None = None) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    # Tab leaves the table for the next control; the arrow keys move inside it.
    view.setTabKeyNavigation(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    header = view.horizontalHeader()
    header.setStretchLastSection(True)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    # Fitting columns looks at the first rows only, so a long list still opens at once.
    header.setResizeContentsPrecision(SAMPLE_ROWS)
    return view


def fit_height_to_rows(view: QTableView, rows: int) -> None:
    """A short table as tall as its rows, so the page does not scroll inside a small box."""
    height = view.horizontalHeader().sizeHint().height() + 2 * view.frameWidth()
    height += view.verticalHeader().defaultSectionSize() * max(rows, 1)
    view.setFixedHeight(height + 2)


def fit_columns(view: QTableView, spare: int = 18) -> None:
    """Each column as wide as its widest cell or its title, and no wider.

    Qt's own resizeColumnsToContents keeps room for a sort arrow in every title; that made the
    Personal list too wide for a 1366-pixel screen. So the arrow's room is kept in the sorted
    column's title only. A title is measured in bold, as Qt draws the titles of the columns
    a selected row covers, and a title on two lines by its longer line.
    """
    model = view.model()
    header = view.horizontalHeader()
    bold = QFont(header.font())
    bold.setBold(True)
    metrics = QFontMetrics(bold)
    arrow = header.style().pixelMetric(header.style().PixelMetric.PM_HeaderMarkSize, None, header)
    sorted_column = header.sortIndicatorSection() if header.isSortIndicatorShown() else -1
    last = model.columnCount() - 1
    for column in range(model.columnCount()):
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        title_width = max(
            (metrics.horizontalAdvance(line) for line in title.split("\n")), default=0
        )
        title_width += spare + (arrow if column == sorted_column else 0)
        if column == last and header.stretchLastSection():
            # The last column fills what is left; sized to its widest cell it would push the
            # list wider than its pane and bring a sideways scrollbar.
            view.setColumnWidth(column, title_width)
            continue
        view.setColumnWidth(column, max(content_width(view, column), title_width))


class EscapeClearsFilter(QObject):
    """Esc in a filter box (a line edit with a clear button) empties it, on every page.

    The main window installs it on every page's filter box, so a page need not know."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
            and isinstance(watched, QLineEdit)
            and watched.isClearButtonEnabled()
            and watched.text()
            and not watched.isReadOnly()
        ):
            watched.clear()
            return True
        return False


LAST_COLUMN_ROOM = 240


def table_width_needed(view: QTableView) -> int:
    """The width at which `view` shows every column whole without a sideways scrollbar."""
    header = view.horizontalHeader()
    metrics = header.fontMetrics()
    model = view.model()
    shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
    if not shown:
        return 0
    width = 0
    for column in shown:
        if column == shown[-1] and header.stretchLastSection():
            title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            # Its cells whole too, unless they are long texts (those are read in the detail).
            content = min(content_width(view, column), LAST_COLUMN_ROOM)
            width += max(
                metrics.horizontalAdvance(title) + 20, content, header.minimumSectionSize()
            )
        else:
            width += header.sectionSize(column)
    scrollbar = view.verticalScrollBar()
    if (
        scrollbar.isVisible()
        or view.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOn
    ):
        width += scrollbar.sizeHint().width()
    return width + 2 * view.frameWidth()


class TableRoom(QObject):
    """Moves a splitter's divider so that a list in one of its panes shows its columns whole,
    taking the room from the other panes down to their minimum. A list beside a detail pane
    then needs no sideways scrollbar on a 1366-pixel laptop, whatever its columns come to."""

    def __init__(self, splitter: QSplitter, pane: int, view: QTableView) -> None:
        super().__init__(splitter)
        self._splitter = splitter
        self._pane = pane
        self._view = view
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.fit)
        view.horizontalHeader().sectionResized.connect(lambda *_args: self._timer.start())
        view.installEventFilter(self)
        splitter.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Show, QEvent.Type.Resize):
            self._timer.start()
        return False

    def fit(self) -> None:
        view, splitter = self._view, self._splitter
        if not view.isVisible():
            return
        shortfall = table_width_needed(view) - view.width()
        if shortfall <= 0:
            return
        sizes = splitter.sizes()
        for index in range(splitter.count()):
            if index == self._pane or shortfall <= 0:
                continue
            other = splitter.widget(index)
            if other is None:
                continue
            spare = sizes[index] - max(other.minimumSizeHint().width(), other.minimumWidth())
            give = max(0, min(spare, shortfall))
            sizes[index] -= give
            sizes[self._pane] += give
            shortfall -= give
        splitter.setSizes(sizes)


def no_unit_text() -> str:
    """What every page says while the database has no unit: the one next step."""
    return QCoreApplication.translate(
        "shell",
        "Databasen har ingen enhet än: börja med Kom igång (Hjälp-menyn) eller importera en "
        "personallista.",
    )


class EmptyState(QWidget):
    """What an empty page says: one line on what to do next, and the button that does it."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = role_label(text, "emptyState")
        self.button = QPushButton()
        self.button.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        row = QHBoxLayout()
        row.addWidget(self.button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        self._slot: Callable[[], object] | None = None
        self.button.clicked.connect(self._clicked)

    def text(self) -> str:
        return self.label.text()

    def setText(self, text: str) -> None:
        self.label.setText(text)

    def set_action(self, text: str, slot: Callable[[], object] | None) -> None:
        """The button under the line; without a slot there is none."""
        self._slot = slot
        self.button.setText(text)
        self.button.setVisible(slot is not None)

    def _clicked(self) -> None:
        if self._slot is not None:
            self._slot()

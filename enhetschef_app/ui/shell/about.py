"""Hjälp → Om Enhetschef: the version, where the database, the data and the logs are, and the
licences of the libraries the program ships (read from their distributions, see `licences`)."""

from __future__ import annotations

import platform
from pathlib import Path

import shiboken6
from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from enhetschef_app import __version__
from enhetschef_app.licences import Licence, bundled_licences
from enhetschef_app.ui.shell.widgets import role_label
from enhetschef_app.ui.shell.worker import run_in_background


class AboutDialog(QDialog):
    def __init__(
        self,
        database: object,
        data_folder: Path,
        log_folder: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Om Enhetschef"))
        self.resize(760, 560)
        layout = QVBoxLayout(self)
        layout.addWidget(role_label(self.tr("Enhetschef {0}").format(__version__), "pageTitle"))
        layout.addWidget(
            role_label(
                self.tr(
                    "Schema, frånvaro, övertid, avvikelser och månadsrapport för enhetschefer "
                    "i vård och omsorg."
                ),
                "help",
            )
        )
        form = QFormLayout()
        self.version_label = self._value(__version__)
        form.addRow(self.tr("Version:"), self.version_label)
        self.database_label = self._value(str(database))
        form.addRow(self.tr("Databas:"), self.database_label)
        self.data_label = self._value(str(data_folder))
        form.addRow(self.tr("Datamapp:"), self._with_open_button(self.data_label, data_folder))
        self.log_label = self._value(str(log_folder))
        form.addRow(self.tr("Loggmapp:"), self._with_open_button(self.log_label, log_folder))
        form.addRow(
            self.tr("Byggd med:"),
            self._value(
                self.tr("Python {0}, Qt {1} (PySide6)").format(
                    platform.python_version(), pyside_version
                )
            ),
        )
        layout.addLayout(form)

        layout.addWidget(role_label(self.tr("Bibliotek som följer med programmet"), "sectionTitle"))
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Bibliotek"), self.tr("Version"), self.tr("Licens")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.licence_text = QPlainTextEdit(self)
        self.licence_text.setReadOnly(True)
        self.licence_text.setPlaceholderText(self.tr("Läser licenserna…"))
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.licence_text)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self.licences: list[Licence] = []
        self.table.currentCellChanged.connect(self._show_text)
        # From a checkout the metadata of some thirty distributions is read: not on the UI thread.
        self.loading = run_in_background(self, bundled_licences, self._fill)

    def _value(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setWordWrap(True)
        return label

    def _with_open_button(self, label: QLabel, folder: Path) -> QWidget:
        row = QWidget(self)
        box = QHBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(label, 1)
        button = QPushButton(self.tr("Öppna"), row)
        button.clicked.connect(lambda: self._open_folder(folder))
        box.addWidget(button)
        return row

    def _open_folder(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def _fill(self, licences: list[Licence]) -> None:
        if not shiboken6.isValid(self.table):  # closed and deleted before the list was read
            return
        self.licences = licences
        self.table.setRowCount(len(licences))
        for row, item in enumerate(licences):
            for column, text in enumerate((item.name, item.version, item.licence)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.licence_text.setPlaceholderText(
            self.tr("Välj ett bibliotek för att läsa dess licenstext.")
        )
        if licences:
            self.table.selectRow(0)

    def _show_text(self, row: int, _column: int, _previous_row: int, _previous: int) -> None:
        if not 0 <= row < len(self.licences):
            return
        item = self.licences[row]
        heading = f"{item.name} {item.version} – {item.licence}"
        if item.homepage:
            heading += f"\n{item.homepage}"
        body = item.text or self.tr("Biblioteket har ingen licenstext i sitt paket.")
        self.licence_text.setPlainText(f"{heading}\n\n{body}")

"""Hjälp → Användarhandbok: the guide's Markdown pages read in the window, offline.

The guide ships with the program (docs/guide in a checkout, bundled in the wheel and the
installer); links between its pages and its pictures resolve from its own folder.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from enhetschef_app.paths import guide_dir
from enhetschef_app.ui.shell.icons import icon

# The guide's page for each page of the window; a page without one opens the contents.
GUIDE_PAGES = {
    "komigang": "kom-igang.md",
    "oversikt": "oversikt.md",
    "schema": "schema.md",
    "dagsuppfoljning": "dagsuppfoljning.md",
    "sambandscentral": "dagsuppfoljning.md",  # its section there
    "personal": "personal.md",
    "franvaro": "franvaro-och-omtanke.md",
    "overtid": "overtid.md",
    "avvikelser": "avvikelser.md",
    "medarbetarsamtal": "medarbetarsamtal.md",
    "manadsrapport": "manadsrapport.md",
    "ekonomi": "ekonomi.md",
    "installningar": "installningar.md",
}
INDEX = "index.md"


def guide_page(page_id: str) -> Path:
    folder = guide_dir()
    name = GUIDE_PAGES.get(page_id, INDEX)
    path = folder / name
    return path if path.exists() else folder / INDEX


class GuideDialog(QDialog):
    def __init__(self, page_id: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Användarhandbok"))
        self.browser = QTextBrowser()
        self.browser.setAccessibleName(self.tr("Användarhandbok"))
        self.browser.setOpenExternalLinks(True)
        self.browser.setSearchPaths([str(guide_dir())])
        self.contents_button = QPushButton(icon("info"), self.tr("Innehåll"))
        self.back_button = QPushButton(icon("forra"), self.tr("Tillbaka"))
        self.back_button.setEnabled(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        row = QHBoxLayout()
        row.addWidget(self.back_button)
        row.addWidget(self.contents_button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addLayout(row)
        buttons.rejected.connect(self.reject)
        self.back_button.clicked.connect(self.browser.backward)
        self.browser.backwardAvailable.connect(self.back_button.setEnabled)
        self.contents_button.clicked.connect(lambda: self.show_file(guide_dir() / INDEX))
        # Fits a 1366x768 laptop with room for the title bar (UI.md: dialogs within 728 px).
        self.resize(960, 660)
        self.show_file(guide_page(page_id))

    def show_file(self, path: Path) -> None:
        self.browser.setSource(
            QUrl.fromLocalFile(str(path)), QTextDocument.ResourceType.MarkdownResource
        )

    def shown_file(self) -> Path:
        return Path(self.browser.source().toLocalFile())

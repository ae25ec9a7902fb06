"""Under the Övertid page's list: the chosen request's facts and every decision on it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from enhetschef_app.services.overtime.views import DecisionView, RequestView
from enhetschef_app.ui.overtime.requests_model import HistoryModel, hours_of
from enhetschef_app.ui.shell.column_widths import fit_to_contents
from enhetschef_app.ui.shell.formatting import day_name
from enhetschef_app.ui.shell.widgets import fit_height_to_rows, read_only_table, role_label


class RequestDetail(QWidget):
    """The chosen request: its facts and every decision on it, oldest first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = role_label("", "sectionTitle")
        self.facts = role_label("", "help")
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.history_model = HistoryModel(self)
        self.history_view = read_only_table(self.history_model)
        self.history_view.setAccessibleName(self.tr("Beslut om begäran"))
        self.history_view.setWordWrap(True)
        self.none_yet = role_label(self.tr("Inget beslut än."), "state")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.facts)
        layout.addWidget(self.history_view, 1)
        layout.addWidget(self.none_yet)
        self.show_request(None, ())

    def show_request(self, view: RequestView | None, history: tuple[DecisionView, ...]) -> None:
        if view is None:
            self.title.setText(self.tr("Välj en begäran i listan"))
            self.facts.setText("")
            self.history_model.set_rows([])
            self.history_view.setVisible(False)
            self.none_yet.setVisible(False)
            return
        self.title.setText(
            self.tr("{name} – {day} {time}").format(
                name=view.employee_name, day=day_name(view.work_date), time=view.time_text
            )
        )
        lines = [
            self.tr("Skäl: {0}").format(view.reason),
            self.tr("{source} av {who} {when} · ersättning: {compensation}").format(
                source=view.source.label,
                who=view.created_by,
                when=view.created_at.date().isoformat(),
                compensation=view.compensation.label.lower(),
            ),
        ]
        if view.cover_removed:
            lines.append(self.tr("Ersättaren är borttagen i dagsuppföljningen."))
        if view.figures.minutes_hourly:
            lines.append(
                self.tr("{0} h timlön under månadens heltidstimmar (ej övertid).").format(
                    hours_of(view.figures.minutes_hourly)
                )
            )
        self.facts.setText("\n".join(lines))
        self.history_model.set_rows(history)
        self.history_view.setVisible(bool(history))
        self.none_yet.setVisible(not history)
        if history:
            fit_height_to_rows(self.history_view, len(history))
            fit_to_contents(self.history_view)

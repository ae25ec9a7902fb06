"""The EC's decision on an overtime request: what it is (split by kind), what it costs (pengar
or komp), how close the person is to every limit, and the earlier decisions. An approval that
passes a limit needs a reason to go over it; a decision on a decided request corrects it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from enhetschef_app.domain.overtime import ExtraKind, OvertimeCost
from enhetschef_app.domain.overtime_requests import (
    Compensation,
    LimitPassed,
    Verdict,
    over_limit_reason_needed,
)
from enhetschef_app.services.overtime.evaluation import Evaluation
from enhetschef_app.services.overtime.requests import (
    DecisionPreview,
    decide_overtime,
    decision_preview,
)
from enhetschef_app.services.overtime.views import DecisionView
from enhetschef_app.ui.overtime.requests_model import (
    HistoryModel,
    LimitModel,
    SegmentModel,
    hours_of,
    kronor_text,
)
from enhetschef_app.ui.shell.context import AppContext
from enhetschef_app.ui.shell.form_parts import notes_edit
from enhetschef_app.ui.shell.formatting import day_name, hours_text
from enhetschef_app.ui.shell.privacy import PrivacyNote, confirm_sensitive
from enhetschef_app.ui.shell.widgets import fit_height_to_rows, read_only_table, role_label
from enhetschef_app.ui.shell.worker import BackgroundTask, run_in_background


def _fit(view: QTableView, rows: int, stretch: int | None = None) -> None:
    """Columns as wide as their contents, one (or the last) taking the rest; no scrolling."""
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch is None:
        header.setStretchLastSection(True)
    else:
        header.setStretchLastSection(False)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    fit_height_to_rows(view, rows)


class DecisionDialog(QDialog):
    def __init__(self, context: AppContext, request_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.request_id = request_id
        self.preview: DecisionPreview | None = None
        self.decided: DecisionView | None = None
        self.task: BackgroundTask[Any] | None = None
        self.setWindowTitle(self.tr("Beslut om övertid"))
        self.resize(1040, 580)

        self.heading = role_label(self.tr("Hämtar begäran …"), "sectionTitle")
        self.heading.setWordWrap(True)
        self.facts = role_label("", "help")
        self.correction_note = role_label("", "help")
        self.correction_note.setVisible(False)

        self.segment_model = SegmentModel(self)
        self.segment_view = read_only_table(self.segment_model)
        self.segment_view.setAccessibleName(self.tr("Fördelning per slag"))
        self.kind_totals = QLabel()
        self.kind_totals.setWordWrap(True)
        self.money_label = QLabel()
        self.comp_label = QLabel()
        self.wage_label = role_label("", "help")
        for label in (self.money_label, self.comp_label):
            label.setWordWrap(True)
        self.money_radio = QRadioButton(self.tr("Pengar"))
        self.comp_radio = QRadioButton(self.tr("Kompledigt"))
        self.compensation_group = QButtonGroup(self)
        self.compensation_group.addButton(self.money_radio)
        self.compensation_group.addButton(self.comp_radio)
        self.money_radio.setChecked(True)

        split_box = QGroupBox(self.tr("Fördelning och kostnad"))
        split_layout = QVBoxLayout(split_box)
        split_layout.addWidget(self.segment_view)
        split_layout.addWidget(self.kind_totals)
        cost = QGridLayout()
        cost.addWidget(self.money_radio, 0, 0)
        cost.addWidget(self.money_label, 0, 1)
        cost.addWidget(self.comp_radio, 1, 0)
        cost.addWidget(self.comp_label, 1, 1)
        cost.setColumnStretch(1, 1)
        split_layout.addLayout(cost)
        split_layout.addWidget(self.wage_label)
        split_layout.addStretch(1)

        self.limit_model = LimitModel(self)
        self.limit_view = read_only_table(self.limit_model)
        self.limit_view.setAccessibleName(self.tr("Löpande summor mot gränserna"))
        self.history_model = HistoryModel(self)
        self.history_view = read_only_table(self.history_model)
        self.history_view.setAccessibleName(self.tr("Tidigare beslut"))
        self.history_title = role_label(self.tr("Tidigare beslut"), "sectionTitle")
        limits_box = QGroupBox(self.tr("Löpande summor med denna begäran"))
        limits_layout = QVBoxLayout(limits_box)
        limits_layout.addWidget(self.limit_view)
        limits_layout.addWidget(self.history_title)
        limits_layout.addWidget(self.history_view)
        limits_layout.addStretch(1)

        columns = QHBoxLayout()
        columns.addWidget(split_box, 4)
        columns.addWidget(limits_box, 6)

        self.limit_warning = role_label("", "error")
        self.limit_warning.setVisible(False)
        self.over_limit_edit = notes_edit(
            placeholder=self.tr("Varför gränsen får passeras (t.ex. särskilda skäl enligt ATL)")
        )
        self.over_limit_edit.setMaximumHeight(56)
        self.over_limit_edit.setAccessibleName(self.tr("Skäl att gå över gränsen"))
        self.over_limit_label = QLabel(self.tr("Skäl att gå över gränsen *"))
        self.over_limit_label.setBuddy(self.over_limit_edit)
        self.reason_edit = notes_edit(placeholder=self.tr("Beslutets skäl (krävs)"))
        self.reason_edit.setMaximumHeight(56)
        self.reason_edit.setAccessibleName(self.tr("Beslutets skäl"))
        self.privacy = PrivacyNote()
        self.problem = role_label("", "error")
        self.problem.setVisible(False)
        form = QFormLayout()
        reason_label = QLabel(self.tr("Beslutets skäl *"))
        reason_label.setBuddy(self.reason_edit)
        form.addRow(reason_label, self.reason_edit)
        form.addRow("", self.privacy)
        form.addRow(self.over_limit_label, self.over_limit_edit)

        self.buttons = QDialogButtonBox()
        self.approve_button = QPushButton(self.tr("Godkänn"))
        self.reject_button = QPushButton(self.tr("Avslå"))
        close = QPushButton(self.tr("Stäng"))
        self.buttons.addButton(self.approve_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.reject_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(close, QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)
        self.approve_button.clicked.connect(lambda: self.decide(Verdict.APPROVED))
        self.reject_button.clicked.connect(lambda: self.decide(Verdict.REJECTED))

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.facts)
        layout.addWidget(self.correction_note)
        layout.addLayout(columns, 1)
        layout.addWidget(self.limit_warning)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

        self.reason_edit.textChanged.connect(self._validate)
        self.over_limit_edit.textChanged.connect(self._validate)
        self.compensation_group.buttonToggled.connect(self._compensation_changed)
        self._set_over_limit_visible(False)
        self._validate()

    # Loading ------------------------------------------------------------------------------

    def load(self) -> BackgroundTask[Any]:
        workspace, request_id = self.context.workspace, self.request_id
        self.task = run_in_background(
            self, lambda: decision_preview(workspace, request_id), self.show_preview
        )
        return self.task

    def show_preview(self, found: Any) -> None:
        assert isinstance(found, DecisionPreview)
        self.preview = found
        request = found.request
        self.heading.setText(
            self.tr("{name} ({number}) – {day} {time}").format(
                name=request.employee_name,
                number=request.employee_no,
                day=day_name(request.work_date),
                time=request.time_text,
            )
        )
        facts = [self.tr("Skäl: {0}").format(request.reason)]
        if found.covers:
            facts.append(self.tr("Täcker: {0}").format(found.covers))
        if request.rast is not None:
            facts.append(
                self.tr("Rast {0}–{1}").format(
                    request.rast[0].strftime("%H:%M"), request.rast[1].strftime("%H:%M")
                )
            )
        self.facts.setText("\n".join(facts))
        in_force = found.in_force
        if in_force is not None:
            self.setWindowTitle(self.tr("Rätta beslut om övertid"))
            self.correction_note.setText(
                self.tr(
                    "Begäran är redan {verdict}. Ett nytt beslut rättar det som gäller nu; det "
                    "gamla finns kvar i historiken och i loggen."
                ).format(verdict=in_force.verdict.label.lower())
            )
        self.correction_note.setVisible(in_force is not None)
        self.history_model.set_rows(found.history)
        self.history_title.setVisible(bool(found.history))
        self.history_view.setVisible(bool(found.history))
        if found.history:
            _fit(self.history_view, len(found.history), stretch=3)
        (
            self.comp_radio if request.compensation is Compensation.COMP else self.money_radio
        ).setChecked(True)
        self._show_evaluation(found.evaluation)

    def _show_evaluation(self, evaluation: Evaluation) -> None:
        segments = evaluation.classification.segments
        self.segment_model.set_rows(segments)
        _fit(self.segment_view, len(segments))
        self.kind_totals.setText(
            self.tr(
                "Enkel övertid {simple} h · kvalificerad {qualified} h · mertid {mertid} h"
            ).format(
                simple=hours_of(evaluation.minutes(ExtraKind.SIMPLE)),
                qualified=hours_of(evaluation.minutes(ExtraKind.QUALIFIED)),
                mertid=hours_of(evaluation.minutes(ExtraKind.MERTID)),
            )
            + self._hourly_note(evaluation)
        )
        self.money_label.setText(self._money_text(evaluation.money))
        self.comp_label.setText(self._comp_text(evaluation.comp))
        if evaluation.hour_rates is None:
            self.wage_label.setText(
                self.tr("Månadslön saknas för personen: kostnaden kan inte räknas ut.")
            )
        else:
            simple, qualified, mertid = evaluation.hour_rates
            self.wage_label.setText(
                self.tr(
                    "Per timme enligt AB: enkel övertid {simple}, kvalificerad {qualified}, "
                    "mertid {mertid} (heltidsmånadslönen delad med inställningarnas tal)."
                ).format(
                    simple=kronor_text(simple),
                    qualified=kronor_text(qualified),
                    mertid=kronor_text(mertid),
                )
            )
        self.limit_model.set_rows(evaluation.checks)
        _fit(self.limit_view, len(evaluation.checks), stretch=0)
        passed = evaluation.passed
        if passed:
            self.limit_warning.setText(
                self.tr("Ett godkännande passerar: {0}. Ange skäl för att gå över gränsen.").format(
                    "; ".join(check.describe() for check in passed)
                )
            )
        self.limit_warning.setVisible(bool(passed))
        self._set_over_limit_visible(bool(passed))
        self._validate()

    def _hourly_note(self, evaluation: Evaluation) -> str:
        hourly = evaluation.minutes(ExtraKind.HOURLY_ORDINARY)
        if not hourly:
            return ""
        return self.tr(" · {0} h timlön (under månadens heltidstimmar, ej övertid)").format(
            hours_of(hourly)
        )

    def _money_text(self, cost: OvertimeCost) -> str:
        return self.tr("{total}: enkel {simple}, kvalificerad {qualified}, mertid {mertid}").format(
            total=kronor_text(cost.total),
            simple=kronor_text(cost.simple),
            qualified=kronor_text(cost.qualified),
            mertid=kronor_text(cost.mertid),
        )

    def _comp_text(self, cost: OvertimeCost) -> str:
        return self.tr("{hours} h ledigt för övertiden, och mertiden {mertid}").format(
            hours=hours_text(cost.comp_hours), mertid=kronor_text(cost.mertid)
        )

    # Deciding -----------------------------------------------------------------------------

    def _set_over_limit_visible(self, visible: bool) -> None:
        self.over_limit_label.setVisible(visible)
        self.over_limit_edit.setVisible(visible)

    def compensation(self) -> Compensation:
        return Compensation.COMP if self.comp_radio.isChecked() else Compensation.MONEY

    def _compensation_changed(self) -> None:
        if self.preview is not None:
            self._validate()

    def over_limit_needed(self) -> bool:
        return self.preview is not None and over_limit_reason_needed(
            Verdict.APPROVED, self.preview.evaluation.checks
        )

    def _validate(self) -> None:
        reason = self.reason_edit.toPlainText().strip()
        self.privacy.check(self.reason_edit.toPlainText())
        loaded = self.preview is not None
        over_ok = not self.over_limit_needed() or bool(self.over_limit_edit.toPlainText().strip())
        self.reject_button.setEnabled(loaded and bool(reason))
        self.approve_button.setEnabled(loaded and bool(reason) and over_ok)
        if loaded and not reason:
            tip = self.tr("Skriv beslutets skäl först.")
        elif loaded and not over_ok:
            tip = self.tr("Godkännandet passerar en gräns: skriv skälet att gå över den.")
        else:
            tip = ""
        self.approve_button.setToolTip(tip)

    def decide(self, verdict: Verdict) -> BackgroundTask[Any] | None:
        if self.preview is None:
            return None
        reason = self.reason_edit.toPlainText()
        over_limit = self.over_limit_edit.toPlainText() if self.over_limit_needed() else None
        warnings = self.privacy.warnings
        if warnings and not confirm_sensitive(self, warnings):
            return None
        workspace, request_id = self.context.workspace, self.request_id
        version = self.preview.request.version if self.preview is not None else None
        compensation = self.compensation()
        self.approve_button.setEnabled(False)
        self.reject_button.setEnabled(False)

        def done(decision: Any) -> None:
            assert isinstance(decision, DecisionView)
            self.decided = decision
            self.accept()

        def failed(error: BaseException) -> None:
            from enhetschef_app.ui.shell.errors import message_for

            self.problem.setText(message_for(error))
            self.problem.setVisible(True)
            if isinstance(error, LimitPassed):
                self._set_over_limit_visible(True)
            self._validate()

        self.task = run_in_background(
            self,
            lambda: decide_overtime(
                workspace,
                request_id,
                verdict,
                reason,
                over_limit_reason=over_limit,
                compensation=compensation,
                version=version,
            ),
            done,
            on_error=failed,
        )
        return self.task

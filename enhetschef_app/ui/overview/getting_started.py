"""Kom igång: what a new database opens on instead of an empty Översikt.

Five steps, each with what the file should look like, an example file to open and a way to skip:
the unit's name and code, the staff list, the schedule, the staffing need (or the suggestion
read off the schedule) and the absences. Or a demo unit to try the program on. The imports are
the same ones the Arkiv menu runs; this page only leads through them in order.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from enhetschef_app.domain.errors import UserError
from enhetschef_app.paths import example_file
from enhetschef_app.ui.shell import events
from enhetschef_app.ui.shell.context import AppContext
from enhetschef_app.ui.shell.errors import show_error
from enhetschef_app.ui.shell.examples import (
    ABSENCE_EXAMPLE,
    SCHEDULE_EXAMPLE,
    STAFF_EXAMPLE,
    example_copy,
)
from enhetschef_app.ui.shell.icons import icon
from enhetschef_app.ui.shell.page import Page
from enhetschef_app.ui.shell.widgets import role_label
from enhetschef_app.ui.shell.worker import BackgroundTask, run_in_background

PAGE_ID = "komigang"
FIELD_WIDTH = 360
DEMO_STAFF = 45
DEMO_WEEKS = 20


class _Step(QWidget):
    """One step: a title, what to do, and the step's own controls."""

    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.done_label = role_label("", "state")
        self.done_label.setWordWrap(True)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(0, 0, 0, 0)
        self.body.addWidget(role_label(title, "sectionTitle"))
        self.body.addWidget(role_label(text, "help"))


class GettingStartedPage(Page):
    """Not in the navigation: shown on a new database and from Hjälp → Kom igång."""

    page_id = PAGE_ID
    icon_name = "info"
    areas = frozenset({events.UNIT, events.STAFF, events.SCHEDULE, events.ABSENCE})
    demo_staff = DEMO_STAFF
    demo_weeks = DEMO_WEEKS

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.task: BackgroundTask[Any] | None = None
        self.finished_callbacks: list[Callable[[], None]] = []

        self.heading = role_label(self.tr("Kom igång"), "pageTitle")
        intro = role_label(
            self.tr(
                "Fem steg till en enhet med personal och schema. Varje steg kan hoppas över "
                "och göras senare från Arkiv-menyn. Vill du först se hur programmet fungerar "
                "kan du prova med en påhittad demoenhet."
            ),
            "help",
        )
        self.demo_button = QPushButton(icon("info"), self.tr("Prova med en demoenhet"))
        self.demo_button.setToolTip(
            self.tr("Skapar enheten DEMO med påhittad personal, schema och frånvaro")
        )
        self.progress_label = role_label("", "state")
        self.progress_label.setWordWrap(True)

        self.step_labels: list[QLabel] = []
        self.steps = QStackedWidget()
        self._unit_step()
        self._staff_step()
        self._schedule_step()
        self._need_step()
        self._absence_step()
        self._done_step()

        step_list = QVBoxLayout()
        for number in range(self.steps.count()):
            step = self.steps.widget(number)
            assert isinstance(step, _Step)
            label = QLabel(self.tr("{0}. {1}").format(number + 1, step.title))
            label.setProperty("role", "state")
            self.step_labels.append(label)
            step_list.addWidget(label)
        step_list.addStretch(1)

        self.back_button = QPushButton(self.tr("Tillbaka"))
        self.skip_button = QPushButton(self.tr("Hoppa över"))
        self.skip_button.setToolTip(
            self.tr("Gå vidare utan att göra steget; det går att göra sedan")
        )
        self.next_button = QPushButton(self.tr("Nästa"))
        self.overview_button = QPushButton(icon("oversikt"), self.tr("Till Översikt"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.demo_button)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.skip_button)
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.overview_button)

        middle = QHBoxLayout()
        middle.addLayout(step_list)
        middle.addSpacing(16)
        middle.addWidget(self.steps, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(intro)
        layout.addSpacing(8)
        layout.addLayout(middle, 1)
        layout.addWidget(self.progress_label)
        layout.addLayout(buttons)

        self.demo_button.clicked.connect(self.make_demo)
        self.back_button.clicked.connect(lambda: self.go_to(self.steps.currentIndex() - 1))
        self.skip_button.clicked.connect(lambda: self.go_to(self.steps.currentIndex() + 1))
        self.next_button.clicked.connect(lambda: self.go_to(self.steps.currentIndex() + 1))
        self.overview_button.clicked.connect(self.finish)
        self.go_to(0 if context.workspace.unit is None else 1)

    # -- steps ----------------------------------------------------------------------------

    def _unit_step(self) -> None:
        step = _Step(
            self.tr("Enheten"),
            self.tr(
                "Vad heter enheten, och vilken kod har den? Koden står i rapporter och "
                "filnamn, till exempel HT-NORR. Både namn och kod går att ändra senare."
            ),
        )
        self.unit_name_edit = QLineEdit()
        self.unit_name_edit.setPlaceholderText(self.tr("till exempel Hemtjänst Norr"))
        self.unit_code_edit = QLineEdit()
        self.unit_code_edit.setPlaceholderText(self.tr("till exempel HT-NORR"))
        self.unit_code_edit.setMaxLength(20)
        for edit in (self.unit_name_edit, self.unit_code_edit):
            edit.setMaximumWidth(FIELD_WIDTH)
        form = QFormLayout()
        form.addRow(self.tr("Namn *"), self.unit_name_edit)
        form.addRow(self.tr("Kod *"), self.unit_code_edit)
        self.unit_problem = role_label("", "error")
        self.unit_problem.setVisible(False)
        self.create_unit_button = QPushButton(self.tr("Skapa enheten"))
        self.create_unit_button.setEnabled(False)
        row = QHBoxLayout()
        row.addWidget(self.create_unit_button)
        row.addStretch(1)
        step.body.addLayout(form)
        step.body.addWidget(self.unit_problem)
        step.body.addLayout(row)
        step.body.addWidget(step.done_label)
        step.body.addStretch(1)
        for edit in (self.unit_name_edit, self.unit_code_edit):
            edit.textChanged.connect(self._unit_fields_changed)
        self.unit_code_edit.returnPressed.connect(self.create_unit)
        self.create_unit_button.clicked.connect(self.create_unit)
        self.unit_step = step
        self.steps.addWidget(step)

    def _import_step(
        self,
        title: str,
        text: str,
        example: str,
        button_text: str,
        start: Callable[[Path], BackgroundTask[Any] | None],
        file_filter: str,
    ) -> _Step:
        step = _Step(title, text)
        import_button = QPushButton(icon("importera"), button_text)
        example_button = QPushButton(icon("mapp"), self.tr("Öppna exempelfil"))
        example_button.setToolTip(str(example_file(example)))
        row = QHBoxLayout()
        row.addWidget(import_button)
        row.addWidget(example_button)
        row.addStretch(1)
        step.body.addLayout(row)
        step.body.addWidget(step.done_label)
        step.body.addStretch(1)
        example_button.clicked.connect(lambda: self.open_example(example))

        def choose() -> BackgroundTask[Any] | None:
            name, _filter = QFileDialog.getOpenFileName(self, button_text, "", file_filter)
            if not name:
                return None
            return start(Path(name))

        import_button.clicked.connect(choose)
        step.setProperty("importButton", import_button)
        self.steps.addWidget(step)
        return step

    def _staff_step(self) -> None:
        self.staff_step = self._import_step(
            self.tr("Personallistan"),
            self.tr(
                "En rad per medarbetare, första raden rubriker: Anställningsnr, Namn, "
                "Anställningsform (Tillsvidare, Visstid eller Timavlönad) och "
                "Sysselsättningsgrad (%). Heltid, anställd från/till och månadslön får finnas "
                "med. Excel (.xlsx) eller CSV med semikolon, som HR-systemet exporterar den."
            ),
            STAFF_EXAMPLE,
            self.tr("Importera personallista…"),
            self.import_staff,
            self.tr("Personallistor (*.xlsx *.csv);;Alla filer (*)"),
        )

    def _schedule_step(self) -> None:
        self.schedule_step = self._import_step(
            self.tr("Schemat"),
            self.tr(
                "Ett pass per rad: anställningsnr (tomt för en tom rad), datum, från, till, "
                "rast i minuter och passkod. Exporten ur schemaprogrammet går bra; känns "
                "rubrikerna inte igen får du välja kolumnerna själv."
            ),
            SCHEDULE_EXAMPLE,
            self.tr("Importera schema…"),
            self.import_schedule,
            self.tr("Scheman (*.xlsx *.csv);;Alla filer (*)"),
        )

    def _need_step(self) -> None:
        from enhetschef_app.ui.schedule.staffing_need_tab import StaffingNeedTab

        step = _Step(
            self.tr("Bemanningsbehovet"),
            self.tr(
                "Hur många som behövs i varje tidsband, per veckodag. Översikt och "
                "Dagsuppföljning jämför schemat med det. Ta förslaget från schemat och ändra "
                "där det behövs, eller fyll i själv."
            ),
        )
        self.suggest_button = QPushButton(self.tr("Ta förslaget från schemat"))
        self.suggest_button.setToolTip(
            self.tr("Medianen av schemats pass per veckodag i banden dag, kväll och natt")
        )
        row = QHBoxLayout()
        row.addWidget(self.suggest_button)
        row.addStretch(1)
        self.need_tab = StaffingNeedTab(self.context)
        step.body.addLayout(row)
        step.body.addWidget(self.need_tab, 1)
        step.body.addWidget(step.done_label)
        self.suggest_button.clicked.connect(self.suggest_need)
        self.need_step = step
        self.steps.addWidget(step)

    def _absence_step(self) -> None:
        self.absence_step = self._import_step(
            self.tr("Frånvaron"),
            self.tr(
                "En rad per frånvaroperiod: anställningsnr, frånvaroorsak (till exempel Sjuk "
                "eller Semester), från och med, till och med och omfattning i procent. Den "
                "ger sjukfrånvaron, omtankessamtalen och tomma rader i schemat."
            ),
            ABSENCE_EXAMPLE,
            self.tr("Importera frånvaro…"),
            self.import_absences,
            self.tr("Frånvarolistor (*.xlsx *.csv);;Alla filer (*)"),
        )

    def _done_step(self) -> None:
        step = _Step(
            self.tr("Klart"),
            self.tr(
                "Enheten är redo. Översikt visar dagens bemanning och det som behöver göras; "
                "varje rad där leder till sidan som löser det. Hjälp → Användarhandbok (F1) "
                "beskriver varje sida."
            ),
        )
        step.body.addWidget(step.done_label)
        step.body.addStretch(1)
        self.done_step = step
        self.steps.addWidget(step)

    # -- moving between steps -------------------------------------------------------------

    def go_to(self, index: int) -> None:
        index = max(0, min(index, self.steps.count() - 1))
        if index > 0 and self.context.workspace.unit is None:
            index = 0  # every later step needs the unit
            self._show_unit_problem(self.tr("Skapa enheten först (eller prova med en demoenhet)."))
        self.steps.setCurrentIndex(index)
        for number, label in enumerate(self.step_labels):
            label.setProperty("current", "true" if number == index else "false")
            font = label.font()
            font.setBold(number == index)
            label.setFont(font)
        last = index == self.steps.count() - 1
        self.back_button.setEnabled(index > 0)
        self.skip_button.setVisible(0 < index < self.steps.count() - 1)
        self.next_button.setVisible(not last)
        self.next_button.setEnabled(self.context.workspace.unit is not None)
        self.demo_button.setVisible(self.context.workspace.unit is None)
        if index == self.steps.indexOf(self.need_step):
            self.need_tab.refresh()
        self._show_done()

    def refresh(self) -> None:
        super().refresh()
        self.go_to(self.steps.currentIndex())

    def _show_done(self) -> None:
        workspace = self.context.workspace
        unit = workspace.unit
        if unit is None:
            self.unit_step.done_label.setText("")
            return
        self.unit_step.done_label.setText(
            self.tr("Enheten {code} – {name} finns.").format(code=unit.code, name=unit.name)
        )
        self.unit_name_edit.setText(unit.name)
        self.unit_code_edit.setText(unit.code)
        for edit in (self.unit_name_edit, self.unit_code_edit):
            edit.setReadOnly(True)
        self.create_unit_button.setEnabled(False)
        from enhetschef_app.services.core.info import unit_row_counts_for

        try:
            counts = unit_row_counts_for(workspace)
        except UserError:
            return
        self.staff_step.done_label.setText(
            self.tr("Enheten har {0} anställda.").format(counts.get("employees", 0))
            if counts.get("employees")
            else ""
        )
        self.schedule_step.done_label.setText(
            self.tr("Schemat har {0} rader.").format(counts.get("schedule_rows", 0))
            if counts.get("schedule_rows")
            else ""
        )
        self.absence_step.done_label.setText(
            self.tr("{0} frånvaroperioder är inlästa.").format(counts.get("absences", 0))
            if counts.get("absences")
            else ""
        )

    # -- the unit -------------------------------------------------------------------------

    def _unit_fields_changed(self) -> None:
        ready = bool(self.unit_name_edit.text().strip() and self.unit_code_edit.text().strip())
        self.create_unit_button.setEnabled(ready and self.context.workspace.unit is None)
        if ready:
            self.unit_problem.setVisible(False)

    def _show_unit_problem(self, text: str) -> None:
        self.unit_problem.setText(text)
        self.unit_problem.setVisible(True)

    def create_unit(self) -> None:
        from enhetschef_app.services.core.workspace import ensure_unit

        name = self.unit_name_edit.text().strip()
        code = self.unit_code_edit.text().strip().upper()
        if not name or not code:
            self._show_unit_problem(self.tr("Skriv både enhetens namn och dess kod."))
            return
        if self.context.workspace.unit is not None:
            return
        try:
            unit = ensure_unit(self.context.workspace, code, name)
        except UserError as exc:
            self._show_unit_problem(exc.message)
            return
        self.context.choose_unit(unit)
        self.go_to(1)

    # -- imports --------------------------------------------------------------------------

    def open_example(self, name: str) -> bool:
        # A copy in the data folder, as the import dialogs give: the shipped file stays whole.
        try:
            path = example_copy(name)
        except OSError as error:
            self.progress_label.setText(
                self.tr("Exempelfilen kunde inte kopieras: {0}").format(error)
            )
            return False
        opened = QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        if not opened:
            self.progress_label.setText(self.tr("Exempelfilen finns här: {0}").format(path))
        return opened

    def _after_import(self, step: _Step) -> Callable[[Any], None]:
        def done(_summary: Any) -> None:
            self._show_done()
            if self.steps.currentWidget() is step:
                self.go_to(self.steps.currentIndex() + 1)

        return done

    def import_staff(self, path: Path) -> BackgroundTask[Any] | None:
        from enhetschef_app.ui.staff.import_flow import import_staff_file

        self.task = import_staff_file(self.context, self, path)
        self.task.finished.connect(self._show_done)
        return self.task

    def import_schedule(self, path: Path) -> BackgroundTask[Any] | None:
        from enhetschef_app.ui.schedule.import_flow import ImportChoice, import_schedule_file

        self.task = import_schedule_file(
            self.context, self, path, ImportChoice(), self._after_import(self.schedule_step)
        )
        return self.task

    def import_absences(self, path: Path) -> BackgroundTask[Any] | None:
        from enhetschef_app.ui.absence.import_flow import import_absence_file

        self.task = import_absence_file(self.context, self, path)
        self.task.finished.connect(self._show_done)
        return self.task

    # -- staffing need --------------------------------------------------------------------

    def suggest_need(self) -> BackgroundTask[Any]:
        from enhetschef_app.services.schedule.staffing_need import suggested_staffing_need

        workspace = self.context.workspace

        def show(result: object) -> None:
            assert isinstance(result, list)
            if not result:
                self.need_step.done_label.setText(
                    self.tr("Schemat har inga pass att föreslå från: importera schemat först.")
                )
                return
            self.need_tab.propose(result)
            self.need_step.done_label.setText(
                self.tr("Förslaget visas ovan. Ändra där det behövs och tryck Spara.")
            )

        self.task = run_in_background(
            self,
            lambda: suggested_staffing_need(workspace),
            show,
            progress_text=self.tr("Läser schemat …"),
            starters=(self.suggest_button,),
        )
        return self.task

    # -- the demo -------------------------------------------------------------------------

    def make_demo(self) -> BackgroundTask[Any]:
        from enhetschef_app.demo.plan import DemoSpec
        from enhetschef_app.demo.unit import generate_demo_unit
        from enhetschef_app.services.core.workspace import list_units

        workspace = self.context.workspace
        end = self.context.today()
        spec = DemoSpec(staff=self.demo_staff, weeks=self.demo_weeks, end=end)

        def done(_summary: object) -> None:
            unit = next(u for u in list_units(workspace) if u.code == spec.unit_code)
            self.context.choose_unit(unit)
            self.finish()

        def failed(error: BaseException) -> None:
            self.progress_label.setText("")
            show_error(self, error)

        self.progress_label.setText(self.tr("Skapar demoenheten …"))
        self.task = run_in_background(
            self,
            lambda report: generate_demo_unit(workspace, spec, report),
            done,
            on_error=failed,
            progress_text=self.tr("Skapar demoenheten …"),
            starters=(self.demo_button, self.next_button, self.create_unit_button),
            reports_progress=True,
        )
        self.task.progressed.connect(lambda _done, _total, text: self.progress_label.setText(text))
        return self.task

    def finish(self) -> None:
        self.progress_label.setText("")
        for callback in self.finished_callbacks:
            callback()


def focus_first_field(page: GettingStartedPage) -> None:
    if page.steps.currentIndex() == 0:
        page.unit_name_edit.setFocus(Qt.FocusReason.OtherFocusReason)

"""Förvaltning: the verksamhetschef's page, shown only to a login that is VC of a unit on the
server. Every unit of hers for one month side by side (a group of figures at a time, each value
against the unit's own target), which units have marked the month klar, the EC's comment and
her own, which she alone may change; the three 12-month trends of every unit; and the VC report
of all units as one workbook."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from enhetschef_app.domain.file_names import safe_file_name
from enhetschef_app.domain.year_month import YearMonth
from enhetschef_app.services.core.outgoing_text import HealthWordsInExport
from enhetschef_app.services.month.management import (
    ManagementOverview,
    ManagementTrend,
    UnitMonth,
    WorkbookUnitRow,
    export_management_workbook,
    management_overview,
    management_trend,
    save_vc_comment,
)
from enhetschef_app.ui.management import PAGE_ID
from enhetschef_app.ui.management.models import (
    TREND_FIGURES,
    UnitFiguresModel,
    UnitTrendModel,
    figure_groups,
    trend_titles,
)
from enhetschef_app.ui.shell import events
from enhetschef_app.ui.shell.context import AppContext
from enhetschef_app.ui.shell.errors import show_error
from enhetschef_app.ui.shell.icons import icon
from enhetschef_app.ui.shell.loading import Loader
from enhetschef_app.ui.shell.page import Page
from enhetschef_app.ui.shell.privacy import confirm_health_words_export
from enhetschef_app.ui.shell.widgets import fit_columns, read_only_table, role_label
from enhetschef_app.ui.shell.worker import BackgroundTask, run_in_background

MONTHS_BACK = 36
EXPORT_DIR_KEY = "pages/forvaltning/export_dir"
# The shared workbook the units still on a laptop sync to: the VC's own choice on her computer,
# not the server's (a förvaltning may have one per area).
WORKBOOK_KEY = "pages/forvaltning/shared_workbook"


class ManagementPage(Page):
    page_id = PAGE_ID
    icon_name = "manadsrapport"
    areas = frozenset(
        {events.MONTH, events.UNIT, events.SETTINGS, events.SCHEDULE, events.ABSENCE}
        | {events.STAFF, events.INCIDENTS, events.PEOPLE}
    )

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.overview: ManagementOverview | None = None
        self.trend: ManagementTrend | None = None
        self.action_task: BackgroundTask[Any] | None = None
        self.last_export: Path | None = None
        self._trend_loader = Loader(self)
        self._trend_month: YearMonth | None = None

        self.month_combo = QComboBox()
        self.month_combo.setAccessibleName(self.tr("Månad"))
        self._months = YearMonth.of(context.today()).back(MONTHS_BACK)[::-1]
        locale = QLocale()
        for index, month in enumerate(self._months):
            self.month_combo.addItem(month.label)
            name = f"{locale.standaloneMonthName(month.month)} {month.year}"
            self.month_combo.setItemData(index, name, Qt.ItemDataRole.ToolTipRole)
        self.month_combo.setCurrentIndex(1)  # last month: the one being reported
        self.previous_button = QPushButton(icon("forra"), "")
        self.previous_button.setToolTip(self.tr("Föregående månad"))
        self.previous_button.setAccessibleName(self.tr("Föregående månad"))
        self.next_button = QPushButton(icon("nasta"), "")
        self.next_button.setToolTip(self.tr("Nästa månad"))
        self.next_button.setAccessibleName(self.tr("Nästa månad"))
        self.export_button = QPushButton(icon("exportera"), self.tr("Exportera Excel…"))
        self.export_button.setToolTip(
            self.tr("VC-rapporten för alla enheter: ett blad per enhet och ett jämförelseblad")
        )
        self.workbook_button = QPushButton(icon("synka"), self.tr("Delad arbetsbok"))
        self.workbook_button.setToolTip(
            self.tr("Visa enheter som fortfarande synkar till den delade arbetsboken")
        )
        self.workbook_menu = QMenu(self.workbook_button)
        self.choose_workbook_action = self.workbook_menu.addAction(self.tr("Välj arbetsbok…"))
        self.forget_workbook_action = self.workbook_menu.addAction(
            self.tr("Visa inte arbetsbokens enheter")
        )
        self.workbook_button.setMenu(self.workbook_menu)
        self.state_label = role_label("", "state")
        self.state_label.setWordWrap(True)
        self.workbook_label = role_label("", "help")
        self.workbook_label.setWordWrap(True)

        self.group_combo = QComboBox()
        self.group_combo.setAccessibleName(self.tr("Visa nyckeltal"))
        self._groups = figure_groups()
        for name, _keys in self._groups:
            self.group_combo.addItem(name)
        self.model = UnitFiguresModel(self)
        self.table = read_only_table(self.model)
        self.table.setAccessibleName(self.tr("Enheternas nyckeltal"))
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # by code, as the overview
        self.help_label = role_label(
            self.tr(
                "Rött: över enhetens mål, grönt: inom målet. En månad som är markerad klar "
                "visar nyckeltalen som de rapporterades."
            ),
            "help",
        )

        self.ec_comment = QPlainTextEdit()
        self.ec_comment.setReadOnly(True)
        self.ec_comment.setAccessibleName(self.tr("Enhetschefens kommentar"))
        self.ec_comment.setMaximumHeight(80)
        self.vc_comment = QPlainTextEdit()
        self.vc_comment.setAccessibleName(self.tr("Verksamhetschefens kommentar"))
        self.vc_comment.setPlaceholderText(
            self.tr("Din kommentar till enhetens månad (inga namn eller hälsouppgifter)")
        )
        self.vc_comment.setMaximumHeight(80)
        self.save_button = QPushButton(self.tr("Spara kommentar"))
        self.save_button.setEnabled(False)
        self.comment_state = role_label("", "help")

        self.trend_combo = QComboBox()
        self.trend_combo.setAccessibleName(self.tr("Trend"))
        for key, title in trend_titles().items():
            self.trend_combo.addItem(title, key)
        self.trend_model = UnitTrendModel(self)
        self.trend_table = read_only_table(self.trend_model)
        self.trend_table.setAccessibleName(self.tr("Enheternas trender"))
        self.trend_label = role_label("", "help")

        self._build_layout()
        self._connect()

    # -- layout ---------------------------------------------------------------------------

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(role_label(self.tr("Förvaltning"), "pageTitle"))
        top.addSpacing(12)
        top.addWidget(self.previous_button)
        top.addWidget(self.month_combo)
        top.addWidget(self.next_button)
        top.addStretch(1)
        top.addWidget(self.workbook_button)
        top.addWidget(self.export_button)

        figures = QWidget()
        figures_layout = QVBoxLayout(figures)
        choose = QHBoxLayout()
        choose.addWidget(role_label(self.tr("Visa:"), "state"))
        choose.addWidget(self.group_combo)
        choose.addStretch(1)
        figures_layout.addLayout(choose)
        figures_layout.addWidget(self.table, 1)
        figures_layout.addWidget(self.help_label)

        self.ec_box = QGroupBox(self.tr("Enhetschefens kommentar"))
        ec_layout = QVBoxLayout(self.ec_box)
        ec_layout.addWidget(self.ec_comment)
        self.vc_box = QGroupBox(self.tr("Din kommentar"))
        vc_layout = QVBoxLayout(self.vc_box)
        vc_layout.addWidget(self.vc_comment)
        vc_buttons = QHBoxLayout()
        vc_buttons.addWidget(self.comment_state, 1)
        vc_buttons.addWidget(self.save_button)
        vc_layout.addLayout(vc_buttons)
        comments = QHBoxLayout()
        comments.addWidget(self.ec_box, 1)
        comments.addWidget(self.vc_box, 1)
        figures_layout.addLayout(comments)

        trends = QWidget()
        trends_layout = QVBoxLayout(trends)
        choose_trend = QHBoxLayout()
        choose_trend.addWidget(role_label(self.tr("Nyckeltal:"), "state"))
        choose_trend.addWidget(self.trend_combo)
        choose_trend.addStretch(1)
        trends_layout.addLayout(choose_trend)
        trends_layout.addWidget(self.trend_table, 1)
        trends_layout.addWidget(self.trend_label)

        self.tabs = QTabWidget()
        self.tabs.addTab(figures, self.tr("Månaden"))
        self.tabs.addTab(trends, self.tr("Trender, 12 månader"))

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.state_label)
        layout.addWidget(self.workbook_label)
        layout.addWidget(self.tabs, 1)

    def _connect(self) -> None:
        self.month_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.previous_button.clicked.connect(lambda: self._step(1))
        self.next_button.clicked.connect(lambda: self._step(-1))
        self.group_combo.currentIndexChanged.connect(self._show_group)
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._show_unit())
        self.vc_comment.textChanged.connect(self._comment_changed)
        self.save_button.clicked.connect(self.save_comment)
        self.export_button.clicked.connect(self.export_excel)
        self.choose_workbook_action.triggered.connect(self.choose_workbook)
        self.forget_workbook_action.triggered.connect(lambda: self.set_workbook(None))
        self.tabs.currentChanged.connect(lambda _i: self._load_trend_if_shown())
        self.trend_combo.currentIndexChanged.connect(lambda _i: self._show_trend_figure())

    # -- reading --------------------------------------------------------------------------

    @property
    def month(self) -> YearMonth:
        return self._months[max(0, self.month_combo.currentIndex())]

    def choose_month(self, month: YearMonth) -> None:
        if month in self._months:
            self.month_combo.setCurrentIndex(self._months.index(month))

    def _step(self, offset: int) -> None:
        index = self.month_combo.currentIndex() + offset
        if 0 <= index < self.month_combo.count():
            self.month_combo.setCurrentIndex(index)

    def refresh(self) -> None:
        super().refresh()
        workspace, month = self.context.workspace, self.month
        self.state_label.setText(self.tr("Räknar {0} för alla enheter …").format(month.label))
        self.table.setEnabled(False)
        self._trend_month = None
        workbook = self.workbook
        self.forget_workbook_action.setEnabled(workbook is not None)
        self.load_in_background(
            lambda: management_overview(workspace, month, workbook=workbook, strict=False),
            self._show,
            self._failed,
        )
        self._load_trend_if_shown()

    # -- the shared workbook --------------------------------------------------------------

    @property
    def workbook(self) -> Path | None:
        stored = self.context.settings.value(WORKBOOK_KEY, "")
        return Path(str(stored)) if stored else None

    def set_workbook(self, path: Path | None) -> None:
        if path is None:
            self.context.settings.remove(WORKBOOK_KEY)
        else:
            self.context.settings.setValue(WORKBOOK_KEY, str(path))
        self.refresh()

    def choose_workbook(self) -> None:
        current = self.workbook
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Välj den delade arbetsboken"),
            str(current.parent if current is not None else Path.home()),
            self.tr("Excel-arbetsbok (*.xlsx)"),
        )
        if chosen:
            self.set_workbook(Path(chosen))

    def _workbook_text(self, overview: ManagementOverview) -> str:
        if overview.workbook_problem is not None:
            return self.tr("Arbetsbokens enheter visas inte: {0}").format(overview.workbook_problem)
        found = overview.workbook
        if found is None:
            return ""
        codes = [row.unit_code for row in found.rows]
        shown = ", ".join(codes[:8]) + (" …" if len(codes) > 8 else "")
        text = self.tr(
            "Ur den delade arbetsboken {name} (bladet {sheet}): {codes}. Markerade ”arbetsbok”, "
            "som enheterna synkade dem, utan enheternas mål."
        ).format(name=found.workbook.name, sheet=found.sheet, codes=shown or "–")
        if found.left_out:
            text += " " + self.tr("Finns på servern och visas därifrån: {0}.").format(
                ", ".join(found.left_out)
            )
        if found.duplicates:
            text += " " + self.tr(
                "Fler rader för samma enhet och månad hoppades över: {0}."
            ).format(", ".join(f"{code} rad {row}" for code, row in found.duplicates))
        return text

    def _failed(self, error: BaseException) -> None:
        if isValid(self):
            self.state_label.setText(self.tr("Enheternas månad kunde inte räknas."))
            show_error(self, error)

    def _show(self, overview: ManagementOverview) -> None:
        if overview.month != self.month:
            return
        self.overview = overview
        self.table.setEnabled(True)
        current = self._selected_code()
        rows: list[UnitMonth | WorkbookUnitRow] = list(overview.units)
        if overview.workbook is not None:
            rows += overview.workbook.rows
        self.model.set_rows(rows)
        fit_columns(self.table)
        self.workbook_label.setText(self._workbook_text(overview))
        self.workbook_label.setVisible(bool(self.workbook_label.text()))
        codes = [_code(row) for row in self.model.rows()]
        row = codes.index(current) if current in codes else 0
        if codes:
            self.table.selectRow(row)
        self._show_unit()
        total = len(overview.units)
        if total == 0 and len(rows) == 0:
            self.state_label.setText(
                self.tr("Du har inga enheter. Den som sköter databasen ger behörighet per enhet.")
            )
            return
        self.state_label.setText(
            self.tr("{month}: {closed} av {total} enheter har markerat månaden klar.").format(
                month=overview.month.label, closed=overview.closed_count, total=total
            )
            + self._not_closed_text(overview)
        )

    def _not_closed_text(self, overview: ManagementOverview) -> str:
        open_units = [u.unit.code for u in overview.units if not u.closed]
        if not open_units:
            return ""
        shown = ", ".join(open_units[:8]) + (" …" if len(open_units) > 8 else "")
        return " " + self.tr("Inte klara: {0}.").format(shown)

    def _show_group(self, index: int) -> None:
        if 0 <= index < len(self._groups):
            self.model.show_figures(self._groups[index][1])
            # Another group's columns: back to the units by code.
            self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
            fit_columns(self.table)

    def _selected_code(self) -> str | None:
        row = self.selected_row()
        return None if row is None else _code(row)

    def selected_row(self) -> UnitMonth | WorkbookUnitRow | None:
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= self.model.rowCount():
            return None
        found = self.model.row_at(index.row())
        assert isinstance(found, UnitMonth | WorkbookUnitRow)
        return found

    def selected_unit(self) -> UnitMonth | None:
        """The selected unit on the server (None for a unit of the shared workbook)."""
        found = self.selected_row()
        return found if isinstance(found, UnitMonth) else None

    def select_unit(self, code: str) -> None:
        for row, unit in enumerate(self.model.rows()):
            if _code(unit) == code:
                self.table.selectRow(row)
                return

    def _show_workbook_row(self, row: WorkbookUnitRow) -> None:
        self.ec_box.setTitle(self.tr("Enhetschefens kommentar, {0}").format(row.unit_code))
        self.vc_box.setTitle(self.tr("Din kommentar, {0}").format(row.unit_code))
        self.ec_comment.setPlainText(row.comment or self.tr("(ingen kommentar)"))
        self.vc_comment.setPlainText(row.vc_comment)
        self.vc_comment.setReadOnly(True)
        self.comment_state.setText(
            self.tr("Enheten synkar till arbetsboken: skriv din kommentar i arbetsboken.")
        )

    def _show_unit(self) -> None:
        selected = self.selected_row()
        unit = self.selected_unit()
        self.vc_comment.blockSignals(True)
        if isinstance(selected, WorkbookUnitRow):
            self._show_workbook_row(selected)
        elif unit is None:
            self.ec_box.setTitle(self.tr("Enhetschefens kommentar"))
            self.ec_comment.setPlainText("")
            self.vc_comment.setPlainText("")
            self.vc_comment.setReadOnly(True)
            self.comment_state.setText("")
        else:
            code = unit.unit.code
            self.ec_box.setTitle(self.tr("Enhetschefens kommentar, {0}").format(code))
            self.vc_box.setTitle(self.tr("Din kommentar, {0}").format(code))
            self.ec_comment.setPlainText(unit.view.comment or self.tr("(ingen kommentar)"))
            self.vc_comment.setPlainText(unit.view.vc_comment or "")
            self.vc_comment.setReadOnly(not unit.managed.may_write_vc_comment)
            if not unit.managed.may_write_vc_comment:
                self.comment_state.setText(
                    self.tr("Du är enhetschef här: kommentaren skrivs av verksamhetschefen.")
                )
            else:
                self.comment_state.setText("")
        self.vc_comment.blockSignals(False)
        self.save_button.setEnabled(False)

    # -- the VC's comment -----------------------------------------------------------------

    def _comment_changed(self) -> None:
        unit = self.selected_unit()
        stored = "" if unit is None else (unit.view.vc_comment or "")
        self.save_button.setEnabled(
            unit is not None
            and unit.managed.may_write_vc_comment
            and self.vc_comment.toPlainText().strip() != stored
        )

    def save_comment(self) -> BackgroundTask[Any] | None:
        unit = self.selected_unit()
        if unit is None:
            return None
        workspace, month = self.context.workspace, self.month
        code, text = unit.unit.code, self.vc_comment.toPlainText()

        def saved(_result: object) -> None:
            if isValid(self):
                self.comment_state.setText(self.tr("Kommentaren är sparad."))
            self.context.events.announce(events.MONTH)

        def failed(error: BaseException) -> None:
            if isValid(self):
                show_error(self, error)

        self.action_task = run_in_background(
            self,
            lambda: save_vc_comment(workspace, code, month, text),
            saved,
            on_error=failed,
            starters=(self.save_button,),
        )
        return self.action_task

    # -- trends ---------------------------------------------------------------------------

    def _load_trend_if_shown(self) -> None:
        """The 12 months of every unit take longer than the month: read when the tab shows."""
        if self.tabs.currentIndex() != 1 or self._trend_month == self.month:
            return
        workspace, month = self.context.workspace, self.month
        self._trend_month = month
        self.trend_label.setText(self.tr("Räknar 12 månader för alla enheter …"))
        self.trend_table.setEnabled(False)
        workbook = self.workbook
        self._trend_loader.load(
            lambda: management_trend(workspace, month, workbook=workbook, strict=False),
            self._show_trend,
            self._failed,
        )

    @property
    def trend_loaded(self) -> bool:
        return self._trend_loader.loaded

    def _show_trend(self, trend: ManagementTrend) -> None:
        if trend.last != self.month:
            return
        self.trend = trend
        self.trend_table.setEnabled(True)
        self._show_trend_figure()
        self.trend_label.setText(
            self.tr(
                "{first} – {last}. En månad som är markerad klar visar den rapporterade siffran."
            ).format(first=trend.months[0].label, last=trend.last.label)
            + (
                " "
                + self.tr("Enheter ur den delade arbetsboken: {0}.").format(
                    ", ".join(unit.unit_code for unit in trend.workbook_units)
                )
                if trend.workbook_units
                else ""
            )
        )

    def _show_trend_figure(self) -> None:
        if self.trend is None:
            return
        figure = self.trend_combo.currentData() or TREND_FIGURES[0]
        self.trend_model.show_trend(self.trend, str(figure))
        fit_columns(self.trend_table)

    # -- export ---------------------------------------------------------------------------

    def export_excel(self) -> BackgroundTask[Any] | None:
        folder = self.context.settings.value(EXPORT_DIR_KEY, str(Path.home()))
        name = safe_file_name("Forvaltning", self.month.label, suffix=".xlsx")
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Spara VC-rapporten för alla enheter"),
            str(Path(str(folder)) / name),
            self.tr("Excel-arbetsbok (*.xlsx)"),
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != ".xlsx":
            path = path.with_suffix(".xlsx")
        self.context.settings.setValue(EXPORT_DIR_KEY, str(path.parent))
        return self.export_excel_to(path)

    def export_excel_to(
        self, path: Path, *, allow_sensitive_words: bool = False
    ) -> BackgroundTask[Any]:
        workspace, month = self.context.workspace, self.month

        def failed(error: BaseException) -> None:
            if not isValid(self):
                return
            if isinstance(error, HealthWordsInExport):
                if confirm_health_words_export(self, error.message):
                    self.export_excel_to(path, allow_sensitive_words=True)
                return
            show_error(self, error)

        def done(_result: object) -> None:
            self.last_export = path
            if isValid(self):
                self.state_label.setText(self.tr("Rapporten sparades: {0}").format(path))

        self.action_task = run_in_background(
            self,
            lambda: export_management_workbook(
                workspace, month, path, allow_sensitive_words=allow_sensitive_words
            ),
            done,
            on_error=failed,
            progress_text=self.tr("Skriver rapporten för alla enheter …"),
            starters=(self.export_button,),
        )
        return self.action_task


def _code(row: object) -> str:
    if isinstance(row, WorkbookUnitRow):
        return row.unit_code
    assert isinstance(row, UnitMonth)
    return row.unit.code

"""Inställningar: every rule parameter of the catalog, drawn from its declaration, grouped as
declared, with its help text and whether it is the standard value or changed (and when)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QDoubleSpinBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from enhetschef_app.domain.errors import UserError
from enhetschef_app.domain.settings_catalog import (
    GROUP_PRIVACY,
    SettingSpec,
    SettingType,
    SettingValue,
)
from enhetschef_app.services.core.settings import SettingState, change_settings, setting_states
from enhetschef_app.ui.core.audit_log_view import AuditLogView
from enhetschef_app.ui.core.gallring_dialog import GallringDialog
from enhetschef_app.ui.core.privacy_panel import HINT_GALLRING
from enhetschef_app.ui.shell import events
from enhetschef_app.ui.shell.context import AppContext
from enhetschef_app.ui.shell.errors import show_error
from enhetschef_app.ui.shell.page import Page
from enhetschef_app.ui.shell.widgets import role_label

SPIN_LIMIT = 1_000_000
LABEL_WIDTH_MAX = 320  # longer labels wrap, so the editors stay near their labels


def _exact(value: float, decimals: int) -> Decimal:
    """The spin box's float as the decimal the user sees (38.25, not 38.2500000001)."""
    number = Decimal(f"{value:.{decimals}f}")
    return number.quantize(Decimal(1)) if number == number.to_integral_value() else number


class TrimmedDoubleSpinBox(QDoubleSpinBox):
    """Shows '11 timmar' and '38,25 h/vecka' rather than '11,00 timmar'."""

    def textFromValue(self, value: float) -> str:
        text = self.locale().toString(value, "f", self.decimals())
        point = self.locale().decimalPoint()
        if point in text:
            text = text.rstrip("0").rstrip(point)
        return text


class SettingEditor:
    """The widget for one setting and its value in the setting's own type."""

    def __init__(self, spec: SettingSpec, parent: QWidget) -> None:
        self.spec = spec
        self.widget: QWidget
        self._boxes: list[tuple[str, QCheckBox]] = []
        unit = f" {spec.unit}" if spec.unit else ""
        if spec.type is SettingType.INTEGER:
            spin = QSpinBox(parent)
            spin.setRange(
                int(spec.minimum) if spec.minimum is not None else -SPIN_LIMIT,
                int(spec.maximum) if spec.maximum is not None else SPIN_LIMIT,
            )
            spin.setSuffix(unit)
            self.widget = spin
        elif spec.type is SettingType.DECIMAL:
            dspin = TrimmedDoubleSpinBox(parent)
            dspin.setDecimals(2)
            dspin.setRange(
                float(spec.minimum) if spec.minimum is not None else -SPIN_LIMIT,
                float(spec.maximum) if spec.maximum is not None else SPIN_LIMIT,
            )
            dspin.setSingleStep(0.25 if spec.maximum is not None and spec.maximum <= 100 else 1)
            dspin.setSuffix(unit)
            self.widget = dspin
        elif spec.type is SettingType.BOOLEAN:
            self.widget = QCheckBox(parent)
        else:
            box = QWidget(parent)
            grid = QGridLayout(box)
            grid.setContentsMargins(0, 0, 0, 0)
            for position, (value, label) in enumerate(spec.choices):
                check = QCheckBox(label, box)
                grid.addWidget(check, position // 2, position % 2)
                self._boxes.append((value, check))
            self.widget = box
        if isinstance(self.widget, QAbstractSpinBox):
            self.widget.setMinimumWidth(150)
            self.widget.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.widget.setAccessibleName(spec.label)
        self.widget.setToolTip(spec.help)

    def value(self) -> SettingValue:
        widget = self.widget
        if isinstance(widget, QSpinBox):
            return widget.value()
        if isinstance(widget, QDoubleSpinBox):
            return _exact(widget.value(), widget.decimals())
        if isinstance(widget, QCheckBox):
            return widget.isChecked()
        return tuple(value for value, check in self._boxes if check.isChecked())

    def set_value(self, value: SettingValue) -> None:
        widget = self.widget
        if isinstance(widget, QSpinBox):
            widget.setValue(int(value))  # type: ignore[arg-type]  # spin box: an INTEGER setting
        elif isinstance(widget, QDoubleSpinBox):
            widget.setValue(float(value))  # type: ignore[arg-type]  # a DECIMAL setting
        elif isinstance(widget, QCheckBox):
            widget.setChecked(bool(value))
        else:
            chosen = set(value) if isinstance(value, tuple) else set()
            for choice, check in self._boxes:
                check.setChecked(choice in chosen)

    def on_change(self, callback: Callable[[], None]) -> None:
        widget = self.widget
        if isinstance(widget, QSpinBox | QDoubleSpinBox):
            widget.valueChanged.connect(callback)
        elif isinstance(widget, QCheckBox):
            widget.toggled.connect(callback)
        for _choice, check in self._boxes:
            check.toggled.connect(callback)


class SettingsPage(Page):
    page_id = "installningar"
    icon_name = "installningar"
    areas = frozenset({events.SETTINGS, events.UNIT})

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.states: dict[str, SettingState] = {}
        self.editors: dict[str, SettingEditor] = {}
        self.state_labels: dict[str, QLabel] = {}
        self.group_boxes: dict[str, QGroupBox] = {}
        self._loading = False

        body = QWidget()
        self.body_layout = QVBoxLayout(body)
        self.body_layout.setContentsMargins(0, 0, 12, 0)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(body)

        self.message = role_label("", "state")
        self.message.setWordWrap(True)
        self.undo_button = QPushButton(self.tr("Ångra ändringar"))
        self.undo_button.setToolTip(self.tr("Visa de sparade värdena igen"))
        self.save_button = QPushButton(self.tr("Spara"))
        self.save_button.setDefault(True)
        self.undo_button.clicked.connect(self.undo)
        self.save_button.clicked.connect(self.save)

        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.addWidget(role_label(self.tr("Inställningar"), "pageTitle"))
        layout.addWidget(
            role_label(
                self.tr(
                    "Reglerna som programmet räknar med. Standardvärdena följer lag och "
                    "avtal (ATL, AB); ändra dem när kommunen eller enheten har beslutat annat. "
                    "Varje ändring sparas med datum."
                ),
                "help",
            )
        )
        rules = QWidget()
        rules_layout = QVBoxLayout(rules)
        rules_layout.setContentsMargins(0, 0, 0, 0)
        rules_layout.addWidget(self.scroll_area, 1)
        rules_layout.addLayout(buttons)
        self.log_view = AuditLogView(context)
        self.tabs = QTabWidget()
        self.tabs.addTab(rules, self.tr("Regler"))
        self.tabs.addTab(self.log_view, self.tr("Logg"))
        self.tabs.currentChanged.connect(self._tab_changed)
        layout.addWidget(self.tabs, 1)
        self.gallring_button = QPushButton(self.tr("Gallra…"))
        self.gallring_button.setToolTip(
            self.tr("Visa vad som ska gallras enligt inställningarna, och gallra")
        )
        self.gallring_button.clicked.connect(self.open_gallring)
        self._build()
        privacy = self.group_boxes.get(GROUP_PRIVACY)
        if privacy is not None:
            grid = privacy.layout()
            assert isinstance(grid, QGridLayout)
            grid.addWidget(self.gallring_button, grid.rowCount(), 0, Qt.AlignmentFlag.AlignLeft)

    def _build(self) -> None:
        states = setting_states(self.context.workspace)
        grids: dict[str, QGridLayout] = {}
        labels: list[QLabel] = []
        for state in states:
            spec = state.spec
            if spec.group not in grids:
                box = QGroupBox(spec.group)
                grid = QGridLayout(box)
                grid.setColumnStretch(3, 1)
                grid.setHorizontalSpacing(14)
                grids[spec.group] = grid
                self.group_boxes[spec.group] = box
                self.body_layout.addWidget(box)
            grid = grids[spec.group]
            row = grid.rowCount()
            editor = SettingEditor(spec, self)
            label = QLabel(spec.label)
            label.setWordWrap(True)
            label.setBuddy(editor.widget)
            label.setToolTip(spec.help)
            state_label = role_label("", "state")
            help_label = role_label(spec.help, "help")
            # Several lines of check boxes read from the top; one-line editors from the middle.
            vertical = (
                Qt.AlignmentFlag.AlignTop
                if spec.type is SettingType.CHOICES
                else Qt.AlignmentFlag.AlignVCenter
            )
            help_label.setContentsMargins(0, 0, 0, 8)
            grid.addWidget(label, row, 0, vertical)
            grid.addWidget(editor.widget, row, 1, Qt.AlignmentFlag.AlignLeft | vertical)
            grid.addWidget(state_label, row, 2, vertical)
            grid.addWidget(help_label, row + 1, 0, 1, 4)
            labels.append(label)
            self.editors[spec.key] = editor
            self.state_labels[spec.key] = state_label
            editor.on_change(self._edited)
        # One label column for every group, so the editors line up down the whole page.
        label_width = min(
            max((label.sizeHint().width() for label in labels), default=0), LABEL_WIDTH_MAX
        )
        editor_width = max((e.widget.sizeHint().width() for e in self.editors.values()), default=0)
        for grid in grids.values():
            grid.setColumnMinimumWidth(0, label_width)
            grid.setColumnMinimumWidth(1, editor_width)
        self.body_layout.addStretch(1)
        self._show(states)

    @property
    def loaded(self) -> bool:
        return self.log_view.loader.loaded

    def refresh(self) -> None:
        super().refresh()
        self._show(setting_states(self.context.workspace))
        if self.tabs.currentWidget() is self.log_view:
            self.log_view.refresh()

    def _tab_changed(self, _index: int) -> None:
        if self.tabs.currentWidget() is self.log_view:
            self.log_view.refresh()

    def show_hint(self, hint: object) -> None:
        """ "gallring" (from Översikt): the rules, scrolled to Dataskydd, Gallra… in focus."""
        if hint == HINT_GALLRING:
            self.tabs.setCurrentIndex(0)
            box = self.group_boxes.get(GROUP_PRIVACY)
            if box is not None:
                self.scroll_area.ensureWidgetVisible(box)
            self.gallring_button.setFocus()

    def open_gallring(self) -> GallringDialog:
        dialog = GallringDialog(self.context, self)
        dialog.open()
        return dialog

    def _show(self, states: list[SettingState]) -> None:
        self.states = {state.spec.key: state for state in states}
        self._loading = True
        try:
            for key, state in self.states.items():
                self.editors[key].set_value(state.value)
        finally:
            self._loading = False
        self._edited()

    def state_text(self, state: SettingState, edited: bool) -> str:
        if edited:
            return self.tr("ändrad, inte sparad")
        if state.is_default or state.changed_at is None:
            return self.tr("standard")
        return self.tr("ändrad {0}").format(state.changed_at.astimezone().date().isoformat())

    def pending_changes(self) -> dict[str, SettingValue]:
        return {
            key: editor.value()
            for key, editor in self.editors.items()
            if key in self.states and editor.value() != self.states[key].value
        }

    def _edited(self) -> None:
        if self._loading:
            return
        pending = self.pending_changes()
        for key, label in self.state_labels.items():
            label.setText(self.state_text(self.states[key], key in pending))
        self.save_button.setEnabled(bool(pending))
        self.undo_button.setEnabled(bool(pending))
        if pending:
            self.message.setText(self.tr("Ändringar som inte är sparade: {0}").format(len(pending)))

    def undo(self) -> None:
        self._show(list(self.states.values()))
        self.message.setText("")

    def save(self) -> None:
        pending = self.pending_changes()
        if not pending:
            return
        try:
            changed = change_settings(self.context.workspace, pending)
        except UserError as exc:
            show_error(self, exc)
            return
        self.refresh()
        self.message.setText(self.tr("Sparat. Ändrade inställningar: {0}.").format(len(changed)))
        self.context.events.announce(events.SETTINGS)

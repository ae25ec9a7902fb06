"""Avvikelser: tracks, states and the steps each track requires (DOMAIN.md: Avvikelser).

A transition that skips a required step is refused with the step named, so the EC knows what
to do next. Deadlines come from the settings.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, timedelta

from enhetschef_app.domain.errors import RuleViolation


class Track(enum.StrEnum):
    LEX_SARAH = "lex_sarah"
    LEX_MARIA = "lex_maria"
    WORK_ENVIRONMENT = "arbetsmiljo"
    OTHER = "ovrigt"

    @property
    def label(self) -> str:
        return {
            Track.LEX_SARAH: "Lex Sarah",
            Track.LEX_MARIA: "Lex Maria",
            Track.WORK_ENVIRONMENT: "Arbetsmiljö",
            Track.OTHER: "Övrigt",
        }[self]


class IncidentState(enum.StrEnum):
    NEW = "ny"
    INVESTIGATING = "under_utredning"
    REMEDIED = "atgardad"
    CLOSED = "avslutad"

    @property
    def label(self) -> str:
        return {
            IncidentState.NEW: "Ny",
            IncidentState.INVESTIGATING: "Under utredning",
            IncidentState.REMEDIED: "Åtgärdad",
            IncidentState.CLOSED: "Avslutad",
        }[self]


STATE_ORDER = (
    IncidentState.NEW,
    IncidentState.INVESTIGATING,
    IncidentState.REMEDIED,
    IncidentState.CLOSED,
)

CATEGORIES: tuple[tuple[str, str], ...] = (
    ("fall", "Fall"),
    ("lakemedel", "Läkemedel"),
    ("bemotande", "Bemötande"),
    ("utebliven_insats", "Utebliven insats"),
    ("hot_vald", "Hot och våld"),
    ("brand", "Brand"),
    ("arbetsmiljo", "Arbetsmiljö"),
    ("ovrigt", "Övrigt"),
)


CATEGORY_LABELS: dict[str, str] = dict(CATEGORIES)


def category_label(code: str) -> str:
    """The Swedish word of a category; an unknown code (from a newer version) as it is."""
    return CATEGORY_LABELS.get(code, code)


class WorkEnvironmentKind(enum.StrEnum):
    NEAR_MISS = "tillbud"
    ACCIDENT = "olycka"
    INJURY = "arbetsskada"

    @property
    def label(self) -> str:
        return {
            WorkEnvironmentKind.NEAR_MISS: "Tillbud",
            WorkEnvironmentKind.ACCIDENT: "Olycka",
            WorkEnvironmentKind.INJURY: "Arbetsskada",
        }[self]


@dataclass(frozen=True)
class IncidentFacts:
    """What has been recorded on a report so far: the facts the transitions depend on."""

    track: Track
    state: IncidentState
    reported_on: date
    immediate_action: str = ""
    investigation_done_on: date | None = None
    serious: bool | None = None  # Lex Sarah: the decision on allvarligt missförhållande
    reported_to_ivo_on: date | None = None
    handed_to_mas_on: date | None = None
    work_environment_kind: WorkEnvironmentKind | None = None
    reported_to_av_on: date | None = None  # Arbetsmiljöverket, for a serious event
    reported_to_fk_on: date | None = None  # Försäkringskassan, for an arbetsskada
    open_actions: int = 0


def missing_steps(facts: IncidentFacts, target: IncidentState) -> list[str]:
    """The steps the track requires before the report may enter `target`, in Swedish."""
    missing: list[str] = []
    step = STATE_ORDER.index(target)
    sarah = facts.track is Track.LEX_SARAH
    work_env = facts.track is Track.WORK_ENVIRONMENT
    if step >= STATE_ORDER.index(IncidentState.INVESTIGATING):
        if sarah and not facts.immediate_action.strip():
            missing.append("åtgärd direkt (missförhållandet ska avhjälpas genast)")
        if work_env and facts.work_environment_kind is None:
            missing.append("typ av händelse (tillbud, olycka eller arbetsskada)")
    if step >= STATE_ORDER.index(IncidentState.REMEDIED):
        if sarah and facts.investigation_done_on is None:
            missing.append("dokumenterad utredning")
        if sarah and facts.serious is None:
            missing.append("beslut om missförhållandet är allvarligt")
        if facts.track is Track.LEX_MARIA and facts.handed_to_mas_on is None:
            missing.append("datum överlämnad till MAS")
    if step >= STATE_ORDER.index(IncidentState.CLOSED):
        if sarah and facts.serious and facts.reported_to_ivo_on is None:
            missing.append("datum anmäld till IVO")
        kind = facts.work_environment_kind if work_env else None
        if kind is WorkEnvironmentKind.INJURY and facts.reported_to_fk_on is None:
            missing.append("datum anmäld till Försäkringskassan")
        if kind is WorkEnvironmentKind.ACCIDENT and facts.reported_to_av_on is None:
            missing.append("datum anmäld till Arbetsmiljöverket")
        if facts.open_actions:
            missing.append(f"{facts.open_actions} åtgärder som inte är klara")
    return missing


def check_transition(facts: IncidentFacts, target: IncidentState) -> None:
    """Raises RuleViolation naming what is wrong; returns quietly when the step is allowed.

    Forward one state at a time; a closed report may be reopened for investigation."""
    current = STATE_ORDER.index(facts.state)
    wanted = STATE_ORDER.index(target)
    reopening = facts.state is IncidentState.CLOSED and target is IncidentState.INVESTIGATING
    if not reopening and wanted != current + 1:
        raise RuleViolation(
            f"Avvikelsen kan inte gå från {facts.state.label.lower()} till "
            f"{target.label.lower()}: nästa steg är "
            + (
                STATE_ORDER[current + 1].label.lower()
                if current + 1 < len(STATE_ORDER)
                else "inget (den är avslutad)"
            )
            + "."
        )
    if reopening:
        return
    missing = missing_steps(facts, target)
    if missing:
        raise RuleViolation(
            f"Avvikelsen kan inte bli {target.label.lower()} än. Saknas: "
            + "; ".join(missing)
            + "."
        )


@dataclass(frozen=True)
class DeadlineWarning:
    what: str
    due: date
    days_over: int
    step: str = ""  # the step field that ends the warning when recorded; "" for closing


def deadline_warnings(
    facts: IncidentFacts,
    today: date,
    ivo_days: int,
    closing_days: int | None = None,
    report_days: int | None = None,
) -> list[DeadlineWarning]:
    """Late steps: an allvarligt Lex Sarah not reported to IVO within `ivo_days` of the report;
    (when set) a Lex Maria not handed to the MAS, an olycka not reported to Arbetsmiljöverket or
    an arbetsskada not reported to Försäkringskassan within `report_days`; and (when set) a
    report still open `closing_days` after it was made. Each warns from the day after its due
    date."""
    warnings: list[DeadlineWarning] = []

    def late(what: str, days: int, step: str = "") -> None:
        due = facts.reported_on + timedelta(days=days)
        if today > due:
            warnings.append(DeadlineWarning(what, due, (today - due).days, step))

    if facts.track is Track.LEX_SARAH and facts.serious and facts.reported_to_ivo_on is None:
        late("Anmälan till IVO", ivo_days, "reported_to_ivo_on")
    if report_days is not None:
        kind = facts.work_environment_kind if facts.track is Track.WORK_ENVIRONMENT else None
        if facts.track is Track.LEX_MARIA and facts.handed_to_mas_on is None:
            late("Överlämnas till MAS", report_days, "handed_to_mas_on")
        if kind is WorkEnvironmentKind.ACCIDENT and facts.reported_to_av_on is None:
            late("Anmälan till Arbetsmiljöverket", report_days, "reported_to_av_on")
        if kind is WorkEnvironmentKind.INJURY and facts.reported_to_fk_on is None:
            late("Anmälan till Försäkringskassan", report_days, "reported_to_fk_on")
    if closing_days is not None and facts.state is not IncidentState.CLOSED:
        late("Avslutas", closing_days)
    return warnings


def action_overdue(due_on: date, done_on: date | None, today: date) -> bool:
    """An action is late from the day after its due date until it is done."""
    return done_on is None and today > due_on


def next_state(state: IncidentState) -> IncidentState | None:
    """The state a report moves to next; a closed report has none (it may only be reopened)."""
    index = STATE_ORDER.index(state)
    return STATE_ORDER[index + 1] if index + 1 < len(STATE_ORDER) else None


def incident_number(year: int, sequence: int) -> str:
    return f"AVV-{year}-{sequence:04d}"


def suggested_action_due(today: date, due_days: int) -> date:
    """The due date a new action is given unless the EC picks another (the setting
    `incidents.action_due_days`)."""
    return today + timedelta(days=due_days)

"""One avvikelse as the EC writes it down: the report itself, the track's recorded steps, what
each field is called, what is wrong with a draft, and how a change reads in the timeline."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import date, time
from decimal import Decimal

from enhetschef_app.domain.incidents import (
    CATEGORY_LABELS,
    IncidentState,
    Track,
    WorkEnvironmentKind,
)

MAX_TEXT = 4000  # a report is read at APT and by the VC; a novel belongs in the investigation
MAX_NAME = 200


@dataclass(frozen=True)
class IncidentDraft:
    """The report as registered: what happened, when, who reported it, and which track."""

    occurred_on: date | None
    occurred_at: time | None
    reported_on: date | None
    reporter: str
    category: str
    track: Track | None  # None until chosen: no track is preselected
    description: str
    immediate_action: str = ""


REPORT_LABELS: dict[str, str] = {
    "occurred_on": "Händelsedatum",
    "occurred_at": "Klockslag",
    "reported_on": "Rapporterad",
    "reporter": "Rapportör",
    "category": "Kategori",
    "track": "Spår",
    "description": "Beskrivning",
    "immediate_action": "Åtgärd direkt",
}

# Fields whose content is free text: never in an export or the timeline unless the EC asks.
FREE_TEXT_FIELDS = ("reporter", "description", "immediate_action", "investigation_note")


def validate_incident(draft: IncidentDraft, today: date) -> dict[str, str]:
    """Problems by field, in Swedish; empty when the report can be saved."""
    problems: dict[str, str] = {}
    if draft.occurred_on is None:
        problems["occurred_on"] = "Ange datum för händelsen."
    elif draft.occurred_on > today:
        problems["occurred_on"] = "Händelsen kan inte ha skett i framtiden."
    if draft.occurred_at is None:
        problems["occurred_at"] = "Ange klockslaget för händelsen (TT:MM), ungefärligt räcker."
    if draft.reported_on is None:
        problems["reported_on"] = "Ange datum då avvikelsen rapporterades."
    elif draft.reported_on > today:
        problems["reported_on"] = "Rapportdatum kan inte ligga i framtiden."
    elif draft.occurred_on is not None and draft.reported_on < draft.occurred_on:
        problems["reported_on"] = "Avvikelsen kan inte rapporteras före händelsen."
    if not draft.reporter.strip():
        problems["reporter"] = "Ange vem som rapporterade (namn eller yrkesroll)."
    elif len(draft.reporter) > MAX_NAME:
        problems["reporter"] = f"Högst {MAX_NAME} tecken."
    if draft.category not in CATEGORY_LABELS:
        problems["category"] = "Välj en kategori."
    if draft.track is None:
        problems["track"] = "Välj spår: det avgör vilka steg och tidsfrister som gäller."
    if not draft.description.strip():
        problems["description"] = "Beskriv vad som hände."
    for field in ("description", "immediate_action"):
        if len(getattr(draft, field)) > MAX_TEXT:
            problems[field] = f"Högst {MAX_TEXT} tecken; skriv det längre i utredningen."
    return problems


class Seriousness(enum.StrEnum):
    """Lex Sarah: the EC's decision whether the missförhållande is allvarligt."""

    UNDECIDED = "ej_beslutat"
    SERIOUS = "allvarligt"
    NOT_SERIOUS = "inte_allvarligt"

    @property
    def label(self) -> str:
        return {
            Seriousness.UNDECIDED: "Inte beslutat",
            Seriousness.SERIOUS: "Ja, allvarligt",
            Seriousness.NOT_SERIOUS: "Nej, inte allvarligt",
        }[self]

    @property
    def as_bool(self) -> bool | None:
        return None if self is Seriousness.UNDECIDED else self is Seriousness.SERIOUS

    @classmethod
    def of(cls, serious: bool | None) -> Seriousness:
        if serious is None:
            return cls.UNDECIDED
        return cls.SERIOUS if serious else cls.NOT_SERIOUS


@dataclass(frozen=True)
class IncidentSteps:
    """The steps and dates the tracks record (DOMAIN.md: Avvikelser)."""

    investigation_done_on: date | None = None
    investigation_note: str = ""
    serious: bool | None = None
    serious_decided_on: date | None = None
    reported_to_ivo_on: date | None = None
    handed_to_mas_on: date | None = None
    work_environment_kind: WorkEnvironmentKind | None = None
    reported_to_av_on: date | None = None
    reported_to_fk_on: date | None = None


STEP_LABELS: dict[str, str] = {
    "investigation_done_on": "Utredning dokumenterad",
    "investigation_note": "Utredningens anteckning",
    "serious": "Beslut: allvarligt missförhållande",
    "serious_decided_on": "Beslutsdatum",
    "reported_to_ivo_on": "Anmäld till IVO",
    "handed_to_mas_on": "Överlämnad till MAS",
    "work_environment_kind": "Typ av händelse",
    "reported_to_av_on": "Anmäld till Arbetsmiljöverket",
    "reported_to_fk_on": "Anmäld till Försäkringskassan",
}

STEP_FIELDS = tuple(f.name for f in fields(IncidentSteps))

# Every track may document an investigation; the other steps belong to their track.
_INVESTIGATION = ("investigation_done_on", "investigation_note")
TRACK_STEPS: dict[Track, tuple[str, ...]] = {
    Track.LEX_SARAH: (
        *_INVESTIGATION,
        "serious",
        "serious_decided_on",
        "reported_to_ivo_on",
    ),
    Track.LEX_MARIA: (*_INVESTIGATION, "handed_to_mas_on"),
    Track.WORK_ENVIRONMENT: (
        *_INVESTIGATION,
        "work_environment_kind",
        "reported_to_av_on",
        "reported_to_fk_on",
    ),
    Track.OTHER: _INVESTIGATION,
}


def validate_steps(
    steps: IncidentSteps, occurred_on: date, today: date, track: Track
) -> dict[str, str]:
    """Problems by step field: no date before the event or in the future, and what the
    decision on allvarligt needs."""
    problems: dict[str, str] = {}
    for name in STEP_FIELDS:
        value = getattr(steps, name)
        if not isinstance(value, date):
            continue
        if value > today:
            problems[name] = "Datumet kan inte ligga i framtiden."
        elif value < occurred_on:
            problems[name] = "Datumet kan inte ligga före händelsen."
    if len(steps.investigation_note) > MAX_TEXT:
        problems["investigation_note"] = f"Högst {MAX_TEXT} tecken."
    if track is Track.LEX_SARAH:
        if steps.serious is None and steps.serious_decided_on is not None:
            problems["serious"] = "Välj beslutet, eller ta bort beslutsdatumet."
        if steps.serious is False and steps.reported_to_ivo_on is not None:
            problems["reported_to_ivo_on"] = (
                "Bara ett allvarligt missförhållande anmäls till IVO: ändra beslutet eller ta "
                "bort datumet."
            )
    return problems


def step_value_text(name: str, value: object) -> str:
    """A step's value as the timeline writes it; a free text only as 'ändrad'."""
    if name == "investigation_note":
        return "ändrad" if value else "borttagen"
    if value is None or value == "":
        return "–"
    if name == "serious":
        return Seriousness.of(value if isinstance(value, bool) else None).label
    if name == "work_environment_kind":
        return WorkEnvironmentKind(str(value)).label
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


class EventKind(enum.StrEnum):
    """What a line of the timeline records."""

    REGISTERED = "registrerad"
    EDITED = "andrad"
    STEP = "steg"
    STATE = "status"
    REOPENED = "ateroppnad"
    ACTION_ADDED = "atgard_ny"
    ACTION_CHANGED = "atgard_andrad"
    ACTION_DONE = "atgard_klar"
    ACTION_REMOVED = "atgard_borttagen"


def _state_label(code: str | None) -> str:
    try:
        return IncidentState(code or "").label.lower()
    except ValueError:
        return code or "–"


def describe_event(
    kind: str, step: str | None, old_value: str | None, new_value: str | None
) -> str:
    """One line of the timeline in Swedish, from what the history table stores."""
    if kind == EventKind.REGISTERED:
        return "Avvikelsen registrerades" + (f" ({new_value})" if new_value else "")
    if kind == EventKind.EDITED:
        return "Uppgifter ändrade: " + (new_value or "–")
    if kind == EventKind.STEP:
        label = STEP_LABELS.get(step or "", step or "")
        if old_value and old_value != "–":
            return f"{label}: {old_value} → {new_value or '–'}"
        return f"{label}: {new_value or '–'}"
    if kind == EventKind.STATE:
        return f"Status: {_state_label(old_value)} → {_state_label(new_value)}"
    if kind == EventKind.REOPENED:
        return f"Öppnades igen: {_state_label(old_value)} → {_state_label(new_value)}"
    if kind == EventKind.ACTION_ADDED:
        return "Ny åtgärd" + (f", klar senast {new_value}" if new_value else "")
    if kind == EventKind.ACTION_CHANGED:
        return "Åtgärd ändrad" + (f": {new_value}" if new_value else "")
    if kind == EventKind.ACTION_DONE:
        return "Åtgärd klar" + (f" {new_value}" if new_value else "")
    if kind == EventKind.ACTION_REMOVED:
        return "Åtgärd borttagen"
    return kind


@dataclass(frozen=True)
class ActionDraft:
    description: str
    owner: str
    due_on: date | None
    done_on: date | None = None


ACTION_LABELS = {
    "description": "Åtgärd",
    "owner": "Ansvarig",
    "due_on": "Klar senast",
    "done_on": "Klar datum",
}


def validate_action(draft: ActionDraft, today: date) -> dict[str, str]:
    problems: dict[str, str] = {}
    if not draft.description.strip():
        problems["description"] = "Beskriv åtgärden."
    elif len(draft.description) > MAX_TEXT:
        problems["description"] = f"Högst {MAX_TEXT} tecken."
    if not draft.owner.strip():
        problems["owner"] = "Ange vem som ansvarar (namn eller yrkesroll)."
    elif len(draft.owner) > MAX_NAME:
        problems["owner"] = f"Högst {MAX_NAME} tecken."
    if draft.due_on is None:
        problems["due_on"] = "Ange när åtgärden ska vara klar."
    if draft.done_on is not None and draft.done_on > today:
        problems["done_on"] = "En åtgärd kan inte vara klar i framtiden."
    return problems


def median_days(values: Sequence[int]) -> Decimal | None:
    """The median of whole days; a half day when the count is even. None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return Decimal(ordered[middle])
    return (Decimal(ordered[middle - 1]) + Decimal(ordered[middle])) / 2

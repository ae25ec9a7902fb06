"""Trainings that recur and delegations: when they are valid, when they expire, and the
reminder window before that (DOMAIN.md, Medarbetarsamtal and competence).

Dates are inclusive: `valid_until` is the last day a training or delegation holds. A reminder is
due from `reminder_days` days before that day up to and including it; the day after, it has
expired.
"""

from __future__ import annotations

import enum
from calendar import monthrange
from dataclasses import dataclass
from datetime import date, timedelta

from enhetschef_app.domain.staff import fold

# A delegation of a medical task is personal and time-limited to at most one year
# (HSLF-FS 2017:37, 4 kap.); this is the regulation, not a local choice.
DELEGATION_MAX_MONTHS = 12


def add_months(day: date, months: int) -> date:
    """The same day `months` later; the 31st (or 29 February) falls back to the month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, monthrange(year, month)[1]))


def training_valid_until(completed_on: date, validity_months: int) -> date | None:
    """The last valid day of a training done on `completed_on`; None when it never expires.

    Valid for 12 months from 2026-03-15 means through 2027-03-14.
    """
    if validity_months <= 0:
        return None
    return add_months(completed_on, validity_months) - timedelta(days=1)


def delegation_last_allowed_day(valid_from: date) -> date:
    """A delegation from 2026-03-15 may hold through 2027-03-14 at the latest."""
    return add_months(valid_from, DELEGATION_MAX_MONTHS) - timedelta(days=1)


def competence_key(label: str) -> str:
    """What matches a shift type's required competence with a person's: case, accents and
    spacing ignored ('Läkemedel – överlämnande' matches 'LAKEMEDEL –  overlamnande')."""
    return fold(label)


class ExpiryState(enum.StrEnum):
    NOT_STARTED = "ej_borjat"
    VALID = "giltig"
    EXPIRING = "gar_ut"  # valid, but within the reminder window
    EXPIRED = "utgangen"
    ENDED = "avslutad"  # a delegation withdrawn before its end
    MISSING = "saknas"  # a recurring training the person has never done

    @property
    def label(self) -> str:
        return EXPIRY_LABELS[self]


EXPIRY_LABELS: dict[ExpiryState, str] = {
    ExpiryState.NOT_STARTED: "Gäller inte än",
    ExpiryState.VALID: "Giltig",
    ExpiryState.EXPIRING: "Går snart ut",
    ExpiryState.EXPIRED: "Utgången",
    ExpiryState.ENDED: "Avslutad",
    ExpiryState.MISSING: "Saknas",
}

# Suggestions in the delegation form; any task a nurse writes is accepted.
COMMON_DELEGATED_TASKS = (
    "Läkemedelshantering",
    "Insulininjektion",
    "Subkutan injektion",
    "Blodsockermätning",
    "Sondmatning",
    "Stomiskötsel",
    "Kateterskötsel",
    "Enklare såromläggning",
    "Ögondroppar",
    "Inhalation",
)


def days_left(valid_until: date | None, day: date) -> int | None:
    """Days from `day` to the last valid day: 0 on that day, negative once expired."""
    return None if valid_until is None else (valid_until - day).days


def expiry_state(
    valid_from: date,
    valid_until: date | None,
    day: date,
    reminder_days: int,
    ended_on: date | None = None,
) -> ExpiryState:
    """Where a training or delegation stands on `day`.

    `ended_on` is the first day a withdrawn delegation no longer holds.
    """
    if ended_on is not None and ended_on <= day:
        return ExpiryState.ENDED
    if day < valid_from:
        return ExpiryState.NOT_STARTED
    left = days_left(valid_until, day)
    if left is None:
        return ExpiryState.VALID
    if left < 0:
        return ExpiryState.EXPIRED
    if left <= reminder_days:
        return ExpiryState.EXPIRING
    return ExpiryState.VALID


def is_valid_on(
    valid_from: date, valid_until: date | None, day: date, ended_on: date | None = None
) -> bool:
    if ended_on is not None and ended_on <= day:
        return False
    return valid_from <= day and (valid_until is None or day <= valid_until)


def needs_reminder(
    valid_from: date,
    valid_until: date | None,
    day: date,
    reminder_days: int,
    ended_on: date | None = None,
) -> bool:
    """Expires within `reminder_days` days (or has expired and not been renewed)."""
    state = expiry_state(valid_from, valid_until, day, reminder_days, ended_on)
    return state in (ExpiryState.EXPIRING, ExpiryState.EXPIRED)


@dataclass(frozen=True)
class DelegationDraft:
    task: str
    delegated_by: str
    valid_from: date | None
    valid_to: date | None


DELEGATION_FIELD_LABELS = {
    "task": "Arbetsuppgift",
    "delegated_by": "Delegerande sjuksköterska",
    "valid_from": "Gäller från",
    "valid_to": "Gäller till",
}


def validate_delegation(draft: DelegationDraft) -> dict[str, str]:
    """Every problem of the draft, by field, in Swedish; empty when it can be saved."""
    problems: dict[str, str] = {}
    if not draft.task.strip():
        problems["task"] = "Ange vilken arbetsuppgift som delegeras, t.ex. Insulin."
    elif len(draft.task.strip()) > 200:
        problems["task"] = "Arbetsuppgiften är längre än 200 tecken."
    if not draft.delegated_by.strip():
        problems["delegated_by"] = "Ange vilken sjuksköterska som delegerar."
    if draft.valid_from is None:
        problems["valid_from"] = "Ange från vilket datum delegeringen gäller."
    if draft.valid_to is None:
        problems["valid_to"] = "En delegering är tidsbegränsad: ange sista giltiga dag."
    if draft.valid_from is not None and draft.valid_to is not None:
        if draft.valid_to < draft.valid_from:
            problems["valid_to"] = "Sista dagen ligger före första dagen."
        elif draft.valid_to > delegation_last_allowed_day(draft.valid_from):
            problems["valid_to"] = (
                "En delegering gäller högst ett år (HSLF-FS 2017:37); förnya den i stället."
            )
    return problems


@dataclass(frozen=True)
class TrainingKindDraft:
    name: str
    validity_months: int


def validate_training_kind(draft: TrainingKindDraft) -> dict[str, str]:
    problems: dict[str, str] = {}
    if not draft.name.strip():
        problems["name"] = "Utbildningen behöver ett namn."
    elif len(draft.name.strip()) > 100:
        problems["name"] = "Namnet är längre än 100 tecken."
    if not 0 <= draft.validity_months <= 120:
        problems["validity_months"] = "Giltighetstiden ska vara 0–120 månader (0: gäller alltid)."
    return problems

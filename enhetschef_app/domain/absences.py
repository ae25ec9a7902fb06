"""One absence record as the EC registers it: person, kind, from, to, extent. Never a diagnosis.

The kinds are `ABSENCE_KIND_CHOICES` of the settings catalog (the setting "Frånvaro som räknas"
picks among them). Records of one kind may overlap or touch: HR systems register an extension
as a new record beside the first, and the two are one spell (one occasion; each day counted
once, at the highest extent that day). Records of different kinds may overlap when together
they are at most 100 % (50 % sjuk beside 50 % föräldraledig); a day that cannot be one spell
(100 % sjuk and 100 % semester) is refused, and the message names the record in the way.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from enhetschef_app.domain.absence_occasions import AbsenceRecord
from enhetschef_app.domain.settings_catalog import ABSENCE_KIND_CHOICES
from enhetschef_app.domain.staff import fold

KIND_LABELS: dict[str, str] = dict(ABSENCE_KIND_CHOICES)
SICK = "sjuk"
MAX_EXTENT = 100

# What HR systems and people write in the kind column, folded (see `staff.fold`).
_KIND_ALIASES: dict[str, str] = {
    "sjuk": SICK,
    "sjukdom": SICK,
    "sjukfranvaro": SICK,
    "sjukskriven": SICK,
    "sjukskrivning": SICK,
    "sjuklon": SICK,
    "vab": "vab",
    "vard av barn": "vab",
    "vard av barn vab": "vab",
    "vard av sjukt barn": "vab",
    "tillfallig foraldrapenning": "vab",
    "semester": "semester",
    "tjanstledig": "tjanstledig",
    "tjanstledighet": "tjanstledig",
    "tjl": "tjanstledig",
    "foraldraledig": "foraldraledig",
    "foraldraledighet": "foraldraledig",
    "foraldrapenning": "foraldraledig",
    "utbildning": "utbildning",
    "kurs": "utbildning",
    "komp": "komp",
    "kompledig": "komp",
    "kompledighet": "komp",
    "ovrigt": "ovrigt",
    "annat": "ovrigt",
    "annan franvaro": "ovrigt",
}


def kind_label(kind: str) -> str:
    return KIND_LABELS.get(kind, kind)


@functools.lru_cache(maxsize=1024)  # a file names a few kinds in thousands of rows
def parse_absence_kind(text: str) -> str | None:
    """The kind a cell names ('Sjuk', 'VAB', 'Vård av barn (VAB)', 'föräldraledighet')."""
    key = " ".join(re.sub(r"[^0-9a-z]+", " ", fold(text)).split())
    if key in _KIND_ALIASES:
        return _KIND_ALIASES[key]
    for kind, label in ABSENCE_KIND_CHOICES:
        if key in (kind, " ".join(re.sub(r"[^0-9a-z]+", " ", fold(label)).split())):
            return kind
    return None


def kind_names() -> str:
    """The kinds as an import guide lists them: 'Sjuk, Vård av barn (VAB), …'."""
    return ", ".join(label for _kind, label in ABSENCE_KIND_CHOICES)


def describe_period(start: date, end: date | None) -> str:
    if end is None:
        return f"från {start.isoformat()} (pågår)"
    if end == start:
        return start.isoformat()
    return f"{start.isoformat()}–{end.isoformat()}"


@dataclass(frozen=True)
class AbsenceDraft:
    """What the absence form or an import row holds, before it is saved."""

    employee_id: int | None
    kind: str
    start: date | None
    end: date | None  # None: the spell goes on
    extent_percent: int | None = MAX_EXTENT


FIELD_LABELS = {
    "employee": "Medarbetare",
    "kind": "Frånvarotyp",
    "start": "Från",
    "end": "Till",
    "extent_percent": "Omfattning (%)",
}


def validate_absence(draft: AbsenceDraft) -> dict[str, str]:
    """Every problem of the draft by field, in Swedish; empty when it can be saved."""
    problems: dict[str, str] = {}
    if draft.employee_id is None:
        problems["employee"] = "Välj medarbetare."
    if draft.kind not in KIND_LABELS:
        problems["kind"] = f"Okänd frånvarotyp; välj en av {kind_names()}."
    if draft.start is None:
        problems["start"] = "Från-datum saknas."
    elif draft.end is not None and draft.end < draft.start:
        problems["end"] = "Till-datumet ligger före från-datumet."
    if draft.extent_percent is None:
        problems["extent_percent"] = "Omfattning saknas; skriv 100 för en hel frånvaro."
    elif not 1 <= draft.extent_percent <= MAX_EXTENT:
        problems["extent_percent"] = "Omfattningen ska vara mellan 1 och 100 %."
    return problems


def _overlaps(a: AbsenceRecord, b: AbsenceRecord) -> bool:
    a_end = a.end or date.max
    b_end = b.end or date.max
    return a.start <= b_end and b.start <= a_end


def conflict_message(other: AbsenceRecord) -> str:
    period = describe_period(other.start, other.end)
    label = kind_label(other.kind).lower()
    return (
        f"Överlappar {label} {period}: tillsammans mer än 100 % samma dag. "
        "Ändra omfattningen eller datumen."
    )


def in_conflict(a: AbsenceRecord, b: AbsenceRecord) -> bool:
    """True when the two cannot be one spell: different kinds, the same day, over 100 %."""
    return a.kind != b.kind and a.extent_percent + b.extent_percent > MAX_EXTENT and _overlaps(a, b)


def overlap_problem(record: AbsenceRecord, others: Iterable[AbsenceRecord]) -> str | None:
    """Why `record` cannot stand beside the person's other records, or None.

    `others` are the person's other records (not `record` itself). One of the same kind that
    overlaps or touches it is no problem: they join into one spell."""
    for other in sorted(others, key=lambda r: r.start):
        if other.id is not None and other.id == record.id:
            continue
        if in_conflict(record, other):
            return conflict_message(other)
    return None


def joins_another(record: AbsenceRecord, others: Iterable[AbsenceRecord]) -> bool:
    """True when a record of the same kind overlaps or touches `record`."""
    end = record.end or date.max
    for other in others:
        if other.kind != record.kind or (other.id is not None and other.id == record.id):
            continue
        other_end = other.end or date.max
        if record.start <= _next(other_end) and other.start <= _next(end):
            return True
    return False


def _next(day: date) -> date:
    return day if day == date.max else day + timedelta(days=1)

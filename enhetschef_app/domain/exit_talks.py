"""The avslutningssamtal: held or declined, with the reason from the fixed list of DOMAIN.md
(`staff.EndReason`) and short notes."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, timedelta

from enhetschef_app.domain.staff import EndReason

# A talk long before the last day is a plan, not an exit talk; long after, the person is gone.
EARLIEST_DAYS_BEFORE_END = 365
LATEST_DAYS_AFTER_END = 90
NOTES_MAX_CHARS = 2000


class ExitOutcome(enum.StrEnum):
    HELD = "genomfort"
    DECLINED = "avbojt"

    @property
    def label(self) -> str:
        return "Genomfört" if self is ExitOutcome.HELD else "Avböjt"


@dataclass(frozen=True)
class ExitTalkDraft:
    reason: EndReason | None
    outcome: ExitOutcome
    held_on: date | None
    notes: str


EXIT_FIELD_LABELS = {
    "reason": "Orsak",
    "outcome": "Samtalet",
    "held_on": "Datum",
    "notes": "Anteckning",
}


def validate_exit_talk(draft: ExitTalkDraft, end: date | None) -> dict[str, str]:
    """Every problem of the draft, by field, in Swedish; `end` is the employee's last day."""
    problems: dict[str, str] = {}
    if end is None:
        problems["reason"] = (
            "Ett avslutningssamtal hör till ett avslut: ange först medarbetarens slutdatum "
            "(sidan Personal)."
        )
    if draft.reason is None:
        problems["reason"] = "Välj orsaken till att medarbetaren slutar."
    if draft.outcome is ExitOutcome.HELD:
        if draft.held_on is None:
            problems["held_on"] = "Ange när samtalet hölls."
        elif end is not None and not (
            end - timedelta(days=EARLIEST_DAYS_BEFORE_END)
            <= draft.held_on
            <= end + timedelta(days=LATEST_DAYS_AFTER_END)
        ):
            problems["held_on"] = (
                f"Datumet ligger långt från sista anställningsdagen ({end.isoformat()})."
            )
    if len(draft.notes) > NOTES_MAX_CHARS:
        problems["notes"] = f"Anteckningen är längre än {NOTES_MAX_CHARS} tecken: håll den kort."
    return problems

"""What the EC types about one medarbetarsamtal: the plan (date, time, place) and the record
(date held, short notes, goals of the IUP), each checked before it is saved."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time

NOTES_MAX_CHARS = 2000
GOAL_MAX_CHARS = 500
DEFAULT_DURATION_MINUTES = 60
MIN_DURATION_MINUTES = 15
MAX_DURATION_MINUTES = 240


@dataclass(frozen=True)
class TalkPlanDraft:
    planned_on: date | None
    planned_time: time | None
    duration_minutes: int
    place: str


def validate_plan(draft: TalkPlanDraft, *, for_booking: bool = False) -> dict[str, str]:
    """Problems by field; a booking (an invitation) also needs the time of day."""
    problems: dict[str, str] = {}
    if draft.planned_on is None:
        problems["planned_on"] = "Ange dag för samtalet."
    if for_booking and draft.planned_time is None:
        problems["planned_time"] = "En inbjudan behöver en tid, t.ex. 10:00."
    if not MIN_DURATION_MINUTES <= draft.duration_minutes <= MAX_DURATION_MINUTES:
        problems["duration_minutes"] = (
            f"Längden ska vara {MIN_DURATION_MINUTES}–{MAX_DURATION_MINUTES} minuter."
        )
    if len(draft.place.strip()) > 200:
        problems["place"] = "Platsen är längre än 200 tecken."
    return problems


@dataclass(frozen=True)
class GoalDraft:
    goal: str
    how: str
    due_on: date | None
    followed_up_on: date | None
    goal_id: int | None = None  # an existing goal, kept with its id

    @property
    def is_blank(self) -> bool:
        return not (self.goal.strip() or self.how.strip() or self.due_on or self.followed_up_on)


@dataclass(frozen=True)
class TalkRecordDraft:
    held_on: date | None
    notes: str
    goals: tuple[GoalDraft, ...] = field(default=())
    followed_up_on: date | None = None


def validate_record(draft: TalkRecordDraft, today: date) -> dict[str, str]:
    """Problems by field ('held_on', 'notes', 'followed_up_on', 'goal.N' for the N:th goal)."""
    problems: dict[str, str] = {}
    if draft.held_on is None:
        problems["held_on"] = "Ange dagen samtalet hölls."
    elif draft.held_on > today:
        problems["held_on"] = "Ett samtal som inte hållits än planeras, det registreras inte."
    if len(draft.notes) > NOTES_MAX_CHARS:
        problems["notes"] = (
            f"Anteckningen är längre än {NOTES_MAX_CHARS} tecken: skriv kort vad ni kom överens om."
        )
    if draft.followed_up_on is not None:
        if draft.held_on is not None and draft.followed_up_on < draft.held_on:
            problems["followed_up_on"] = "Uppföljningen ligger före samtalet."
        elif draft.followed_up_on > today:
            problems["followed_up_on"] = "Uppföljningen har inte skett än."
    for number, goal in enumerate(draft.goals, start=1):
        problem = _goal_problem(goal, draft.held_on, today)
        if problem:
            problems[f"goal.{number}"] = f"Mål {number}: {problem}"
    return problems


def _goal_problem(goal: GoalDraft, held_on: date | None, today: date) -> str:
    if goal.is_blank:
        return ""
    if not goal.goal.strip():
        return "skriv vad målet är."
    if len(goal.goal) > GOAL_MAX_CHARS or len(goal.how) > GOAL_MAX_CHARS:
        return f"högst {GOAL_MAX_CHARS} tecken per fält."
    if goal.due_on is not None and held_on is not None and goal.due_on < held_on:
        return "'klart senast' ligger före samtalet."
    if goal.followed_up_on is not None and goal.followed_up_on > today:
        return "uppföljningen har inte skett än."
    return ""

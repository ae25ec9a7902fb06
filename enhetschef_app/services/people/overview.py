"""What Översikt shows of medarbetarsamtal and competence: talks overdue, goals to follow up,
trainings and delegations that expire within the reminder window, exit talks not recorded."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from enhetschef_app.domain.calendar import today
from enhetschef_app.services.core.settings import rule_settings
from enhetschef_app.services.core.workspace import Workspace, use_case
from enhetschef_app.services.people.competence import ItemKind, expiring
from enhetschef_app.services.people.exit_talks import leavers
from enhetschef_app.services.people.reviews import review_overview
from enhetschef_app.storage.queries.people import goals_to_follow_up


@dataclass(frozen=True)
class PeopleSignals:
    day: date
    cycle_label: str
    talks_overdue: int
    goals_to_follow_up: int
    trainings_expiring: int  # within the reminder window, or expired and not renewed
    delegations_expiring: int
    exit_talks_missing: int  # leavers of the last 90 days and the coming 30 without a talk
    reminder_days: int

    @property
    def anything(self) -> bool:
        return any(
            (
                self.talks_overdue,
                self.goals_to_follow_up,
                self.trainings_expiring,
                self.delegations_expiring,
                self.exit_talks_missing,
            )
        )


EXIT_TALK_DAYS_BACK = 90


@use_case
def people_signals(workspace: Workspace, day: date | None = None) -> PeopleSignals | None:
    """None when the workspace has no unit."""
    if workspace.unit is None:
        return None
    day = day or today()
    unit = workspace.require_unit()
    reviews = review_overview(workspace, day)
    items = expiring(workspace, day)
    with workspace.transaction() as session:
        goals = len(goals_to_follow_up(session, unit.id, day))
    exits = sum(
        1
        for leaver in leavers(workspace, day)
        if leaver.talk_due(day) and (day - leaver.end).days <= EXIT_TALK_DAYS_BACK
    )
    return PeopleSignals(
        day=day,
        cycle_label=reviews.cycle.label,
        talks_overdue=reviews.coverage.overdue,
        goals_to_follow_up=goals,
        trainings_expiring=sum(1 for i in items if i.kind is ItemKind.TRAINING),
        delegations_expiring=sum(1 for i in items if i.kind is ItemKind.DELEGATION),
        exit_talks_missing=exits,
        reminder_days=rule_settings(workspace).integer("competence.reminder_days"),
    )

"""What Översikt says of övertid: the requests waiting for the EC's decision, the oldest, and
how many would pass a limit if approved now."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from enhetschef_app.domain.overtime_requests import RequestStatus
from enhetschef_app.services.core.workspace import Workspace, use_case
from enhetschef_app.services.overtime.requests import list_requests


@dataclass(frozen=True)
class OvertimeSignals:
    waiting: int
    oldest_day: date | None
    passing_limits: int  # waiting requests an approval would take past a limit


@use_case
def overtime_signals(workspace: Workspace) -> OvertimeSignals | None:
    """None when the workspace has no unit."""
    if workspace.unit is None:
        return None
    waiting = list_requests(workspace, status=RequestStatus.WAITING)
    return OvertimeSignals(
        waiting=len(waiting),
        oldest_day=min((v.work_date for v in waiting), default=None),
        passing_limits=sum(1 for v in waiting if v.passed),
    )

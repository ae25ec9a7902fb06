"""What Översikt says about personal data: records due for gallring, and a database kept
where others (or the cloud) get a copy."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from enhetschef_app.services.core.database_file import storage_location_warning
from enhetschef_app.services.core.gallring import GallringPlan, gallring_preview
from enhetschef_app.services.core.workspace import Workspace, use_case


@dataclass(frozen=True)
class PrivacyOverview:
    due: GallringPlan | None
    location_warning: str | None

    @property
    def due_total(self) -> int:
        return 0 if self.due is None else self.due.total


@use_case
def privacy_overview(workspace: Workspace, day: date) -> PrivacyOverview:
    plan = gallring_preview(workspace, today=day) if workspace.unit is not None else None
    return PrivacyOverview(plan, storage_location_warning(workspace.path))

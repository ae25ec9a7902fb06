"""What the people services share: finding a unit's employee, the privacy check of free text,
and a form error that names each field's problem."""

from __future__ import annotations

from typing import Any

from enhetschef_app.domain.errors import NotFoundError, SensitiveText
from enhetschef_app.domain.sensitive_text import privacy_warnings
from enhetschef_app.services.core.workspace import Workspace
from enhetschef_app.storage import audit
from enhetschef_app.storage.models import Employee
from enhetschef_app.storage.queries.people import unit_employee
from enhetschef_app.storage.session import Session


def check_free_text(text: str, *, confirmed: bool) -> None:
    """Raises SensitiveText unless the text is clean or the EC has confirmed it."""
    warnings = privacy_warnings(text)
    if warnings and not confirmed:
        raise SensitiveText("Anteckningen", warnings)


def require_employee(session: Session, unit_id: int, employee_id: int) -> Employee:
    employee = unit_employee(session, unit_id, employee_id)
    if employee is None:
        raise NotFoundError("Medarbetaren finns inte längre i enheten. Uppdatera listan (F5).")
    return employee


def record_audit(
    workspace: Workspace,
    session: Session,
    action: str,
    entity: str,
    entity_id: object,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
) -> None:
    audit.record(
        session,
        actor=workspace.actor,
        action=action,
        entity=entity,
        entity_id=entity_id,
        unit_id=workspace.require_unit().id,
        before=before,
        after=after,
    )

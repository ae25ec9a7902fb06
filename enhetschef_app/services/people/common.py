"""What the people services share: finding a unit's employee, the privacy check of free text,
and a form error that names each field's problem."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from enhetschef_app.domain.errors import NotFoundError, UserError
from enhetschef_app.domain.sensitive_text import privacy_warnings
from enhetschef_app.services.core.workspace import Workspace
from enhetschef_app.storage import audit
from enhetschef_app.storage.models import Employee
from enhetschef_app.storage.queries.people import unit_employee
from enhetschef_app.storage.session import Session


class FormInvalid(UserError):
    """A form that cannot be saved; `problems` maps each field to what is wrong, in Swedish."""

    def __init__(self, what: str, problems: Mapping[str, str]) -> None:
        self.problems = dict(problems)
        super().__init__(f"{what} sparades inte. " + " ".join(self.problems.values()))


class SensitiveTextWarning(UserError):
    """Free text that looks like it holds a personnummer or health details: shown before saving;
    the EC decides (saving again with `confirmed=True`)."""

    def __init__(self, warnings: list[str]) -> None:
        self.warnings = warnings
        super().__init__(
            "Anteckningen sparades inte: "
            + " ".join(warnings)
            + " Ändra texten, eller bekräfta att den ska sparas som den är."
        )


def check_free_text(text: str, *, confirmed: bool) -> None:
    """Raises SensitiveTextWarning unless the text is clean or the EC has confirmed it."""
    warnings = privacy_warnings(text)
    if warnings and not confirmed:
        raise SensitiveTextWarning(warnings)


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

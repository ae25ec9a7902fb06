"""One use case's unit of work: the session it reads and writes through, the rule settings in
force, who acts and for which unit, the audit entries it records and the areas it changed.

A service opens one with `workspace.unit_of_work()` and everything it does commits together or
not at all. A use case that calls another use case joins the unit of work already open in its
thread instead of opening a second transaction, so "find cover candidates" or "register a cover
that also makes an overtime request" is one transaction however many service functions it
passes through. The areas changed travel back to the window with the result, so a page learns
that a cover also changed övertid without the page saying so by hand.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from enhetschef_app.domain.settings_catalog import RuleSettings
from enhetschef_app.storage import audit
from enhetschef_app.storage.areas import noting_writes
from enhetschef_app.storage.queries.settings import current_settings
from enhetschef_app.storage.versions import ACTOR_KEY


@dataclass
class UnitOfWork:
    session: Session
    actor: str
    unit_id: int | None
    changed: set[str] = field(default_factory=set)
    _settings: RuleSettings | None = None
    # The database it works in: a use case joins only a unit of work of the same database.
    owner: object = None

    @property
    def settings(self) -> RuleSettings:
        """The rule settings in force for the unit, read once per unit of work."""
        if self._settings is None:
            stored = current_settings(self.session, self.unit_id)
            self._settings = RuleSettings({key: value for key, (value, _when) in stored.items()})
        return self._settings

    def record(
        self,
        *,
        action: str,
        entity: str,
        entity_id: object | None = None,
        before: Mapping[str, Any] | None = None,
        after: Mapping[str, Any] | None = None,
        employee_id: int | None = None,
        area: str | None = None,
    ) -> None:
        """One audit entry by this unit of work's actor, for its unit; `area` marks the area the
        decision changed."""
        audit.record(
            self.session,
            actor=self.actor,
            action=action,
            entity=entity,
            entity_id=entity_id,
            unit_id=self.unit_id,
            before=before,
            after=after,
            employee_id=employee_id,
        )
        if area is not None:
            self.changed.add(area)

    def mark_changed(self, *areas: str) -> None:
        self.changed.update(areas)


_open = threading.local()


@contextlib.contextmanager
def joined_or_new(
    begin: contextlib.AbstractContextManager[Session],
    actor: str,
    unit_id: int | None,
    owner: object = None,
) -> Iterator[UnitOfWork]:
    """The unit of work open in this thread for the same database and unit, else a new one on
    `begin`.

    `begin` is entered only when a new one is opened, so a joined call costs no transaction.
    """
    current: UnitOfWork | None = getattr(_open, "uow", None)
    if current is not None and current.unit_id == unit_id and current.owner is owner:
        yield current
        return
    with begin as session:
        session.info[ACTOR_KEY] = actor  # who the flush stamps on changed records
        uow = UnitOfWork(session=session, actor=actor, unit_id=unit_id, owner=owner)
        _open.uow = uow
        try:
            with noting_writes(uow.changed):
                yield uow
                # Flushed here, not at the commit, so its statements are noted as this one's.
                session.flush()
        finally:
            _open.uow = current
    # Reached only when `begin` committed: a rolled-back unit of work changed nothing.
    collector: set[str] | None = getattr(_open, "collector", None)
    if collector is not None:
        collector.update(uow.changed)


@contextlib.contextmanager
def collect_changes() -> Iterator[set[str]]:
    """The areas that the units of work committed in this thread inside the block changed: the
    window's worker wraps a service call in it and announces them when the call is done."""
    outer: set[str] | None = getattr(_open, "collector", None)
    found: set[str] = set()
    _open.collector = found
    try:
        yield found
    finally:
        _open.collector = outer
        if outer is not None:
            outer.update(found)

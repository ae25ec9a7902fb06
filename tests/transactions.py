"""Counting the transactions a call opens on a workspace's database, with SQLAlchemy's own
`begin` event on the engine: a use case is one unit of work, so a public service function that
opens more than one transaction is a bug the count shows."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from sqlalchemy import event

from enhetschef_app.services.core.workspace import Workspace


class TransactionCount:
    def __init__(self) -> None:
        self.count = 0

    def _began(self, _connection: Any) -> None:
        self.count += 1


@contextlib.contextmanager
def counting_transactions(workspace: Workspace) -> Iterator[TransactionCount]:
    counter = TransactionCount()
    engine = workspace.database.engine
    event.listen(engine, "begin", counter._began)
    try:
        yield counter
    finally:
        event.remove(engine, "begin", counter._began)

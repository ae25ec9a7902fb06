"""Alembic environment. The program runs migrations itself (storage.database.open_database)
and passes its open connection in `config.attributes["connection"]`."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from enhetschef_app.storage.model_registry import metadata

config = context.config
target_metadata = metadata


def run_migrations() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        # Plain `alembic` command line: -x db=PATH names the file.
        db_path = context.get_x_argument(as_dictionary=True).get("db", "enhetschef.sqlite3")
        engine = create_engine(f"sqlite:///{db_path}")
        with engine.begin() as conn:
            _run(conn)
        return
    _run(connection)


def _run(connection: object) -> None:
    context.configure(
        connection=connection,  # type: ignore[arg-type]  # a Connection, from run_sync
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite alters tables by copying them
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()

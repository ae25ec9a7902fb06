"""Many new rows of one table in one executemany on the driver.

An import writes tens of thousands of rows and an audit entry for each. SQLAlchemy's
executemany builds and binds every parameter of every row anew (most of an import's time went
there); a table's rows repeat few distinct dates, times and texts, so each distinct value is
bound once here with the column's own bind processor, and the driver gets plain tuples. What is
stored is exactly what the ORM would store: the same processors, and the column's Python-side
default (taken once for the batch: an import happens at one moment) for a column not given.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import Table, bindparam, delete, func, insert, inspect, select, update
from sqlalchemy.orm import Session

from enhetschef_app.storage.areas import note_write
from enhetschef_app.storage.models import Versioned


def insert_rows(
    session: Session,
    model: type[Any],
    given_rows: Iterable[Mapping[str, Any]],
    *,
    return_ids: bool = False,
) -> list[int]:
    """Inserts the rows (column name → value) into the model's table; with `return_ids`, the
    new ids in the order of the rows."""
    rows: Sequence[Mapping[str, Any]] = list(given_rows)
    if not rows:
        return []
    table: Table = model.__table__
    if any(row.keys() != rows[0].keys() for row in rows):
        # Rows that name different columns: each gets what it leaves out as the ORM would
        # give it, the column's default or NULL, so that all name the same columns.
        named = {key for row in rows for key in row}
        fallback = _batch_defaults(table, ())
        rows = [{key: row.get(key, fallback.get(key)) for key in named} for row in rows]
    given = list(rows[0])
    defaults = _batch_defaults(table, given)
    connection = session.connection()
    dialect = connection.dialect
    if return_ids and dialect.name != "sqlite":
        # Elsewhere RETURNING with the rows' own order is the portable way to learn the ids.
        result = connection.execute(
            insert(table).returning(table.c.id, sort_by_parameter_order=True),
            [{**defaults, **row} for row in rows],
        )
        return [int(i) for i in result.scalars().all()]
    names = [*given, *defaults]
    statement = insert(table).values({name: bindparam(name) for name in names})
    compiled = statement.compile(dialect=dialect)
    binders = {
        name: _bound_once(table.c[name].type.dialect_impl(dialect).bind_processor(dialect))
        for name in names
    }
    constants = {name: binders[name](value) for name, value in defaults.items()}
    if compiled.positional:
        # Column by column, then zipped into rows: far fewer Python calls than row by row.
        count = len(rows)
        columns = [
            [constants[name]] * count
            if name in constants
            else _column_values(rows, name, binders[name])
            for name in compiled.positiontup or ()
        ]
        parameters: list[Any] = list(zip(*columns, strict=True))
    else:
        parameters = [
            {**constants, **{name: binders[name](row[name]) for name in given}} for row in rows
        ]
    connection.exec_driver_sql(str(compiled), parameters)
    note_write(table.name)  # a statement on the driver passes no compiled-statement hook
    if not return_ids:
        return []
    # SQLite gives each new row the highest rowid so far plus one, and no other writer can come
    # between while this transaction holds the write lock: the new ids are the last ones.
    highest = int(connection.execute(select(func.max(table.c.id))).scalar_one())
    return list(range(highest - len(rows) + 1, highest + 1))


def _column_values(
    rows: Sequence[Mapping[str, Any]], name: str, bind: Callable[[Any], Any]
) -> list[Any]:
    if bind is _same:
        return [row[name] for row in rows]
    return [bind(row[name]) for row in rows]


def _batch_defaults(table: Table, given: Sequence[str]) -> dict[str, Any]:
    """The Python-side default of each column not given (an id is the database's own)."""
    values: dict[str, Any] = {}
    for column in table.columns:
        default = column.default
        if column.name in given or default is None or column.primary_key:
            continue
        if getattr(default, "is_scalar", False):
            values[column.name] = default.arg  # type: ignore[attr-defined]
        elif getattr(default, "is_callable", False):
            # SQLAlchemy wraps a plain callable to take the execution context.
            values[column.name] = default.arg(None)  # type: ignore[attr-defined]
    return values


def _bound_once(process: Callable[[Any], Any] | None) -> Callable[[Any], Any]:
    """The column's bind processor, remembered per distinct value."""
    if process is None:
        return _same
    known: dict[Any, Any] = {}

    def bind(value: Any) -> Any:
        if value.__class__ not in _EQUAL_IS_SAME:
            return process(value)
        try:
            return known[value]
        except KeyError:
            result = known[value] = process(value)
            return result

    return bind


# Types whose equal values are bound alike: Decimal("75.0") == Decimal("75") is stored as two
# different texts, so a Decimal (and anything else) is bound each time.
_EQUAL_IS_SAME = frozenset({date, time, datetime, str, int})


def _same(value: Any) -> Any:
    return value


def update_rows(session: Session, model: type[Any], rows: Iterable[Mapping[str, Any]]) -> None:
    """Updates rows by primary key: each mapping holds the key and the columns to set."""
    batch = [dict(row) for row in rows]
    if not batch:
        return
    if issubclass(model, Versioned):
        _update_versioned(session, model, batch)
    else:
        session.execute(update(model), batch)
    note_write(model.__table__.name)


def _update_versioned(
    session: Session, model: type[Versioned], batch: list[dict[str, Any]]
) -> None:
    """`update_rows` of a record a form edits: each row's version moves on and it is stamped
    with the unit of work's actor, so a form that read it before saves over nothing unseen
    (the ORM's bulk update by key would ask for each row's version instead)."""
    from enhetschef_app.storage.versions import ACTOR_KEY

    table = model.__table__  # type: ignore[attr-defined]
    [key] = [column.name for column in table.primary_key.columns]
    stamp = {"changed_by": session.info.get(ACTOR_KEY), "changed_at": datetime.now(UTC)}
    session.flush()  # what the session holds goes first, at the versions it read
    by_columns: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for row in batch:
        by_columns.setdefault(tuple(sorted(row)), []).append(row)
    for columns, rows in by_columns.items():
        statement = (
            update(table)
            .where(table.c[key] == bindparam(f"b_{key}"))
            .values(
                {
                    **{c: bindparam(f"b_{c}") for c in columns if c != key},
                    "version": table.c.version + 1,
                    **stamp,
                }
            )
        )
        session.execute(statement, [{f"b_{c}": row[c] for c in columns} for row in rows])
    # A copy of a row loaded earlier now holds the old version: read it anew when next used.
    for row in batch:
        loaded = session.identity_map.get(session.identity_key(model, row[key]))
        if loaded is not None:
            session.expire(loaded)


def delete_by_ids(session: Session, model: type[Any], ids: Collection[int]) -> None:
    """Deletes the model's rows whose (single-column) primary key is in `ids`."""
    if ids:
        key = inspect(model).primary_key[0]
        session.execute(delete(model).where(key.in_(list(ids))))

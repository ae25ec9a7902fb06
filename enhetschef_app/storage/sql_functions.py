"""SQL expressions that SQLite and PostgreSQL spell differently, written once for the queries:
each compiles to its dialect's own form, so a query reads the same on a file and on a server.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Integer, String
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import GenericFunction


class minutes_of_day(GenericFunction[int]):  # noqa: N801 (named as the SQL function it is)
    """The minutes since midnight of a time of day (seconds dropped)."""

    type = Integer()
    inherit_cache = True


@compiles(minutes_of_day)
def _minutes_sqlite(element: minutes_of_day, compiler: SQLCompiler, **kw: Any) -> str:
    # SQLAlchemy keeps a time in SQLite as the text 'HH:MM:SS.ffffff'.
    value = compiler.process(element.clauses, **kw)
    return f"(CAST(substr({value}, 1, 2) AS INTEGER) * 60 + CAST(substr({value}, 4, 2) AS INTEGER))"


@compiles(minutes_of_day, "postgresql")
def _minutes_postgresql(element: minutes_of_day, compiler: SQLCompiler, **kw: Any) -> str:
    value = compiler.process(element.clauses, **kw)
    return f"CAST(EXTRACT(HOUR FROM {value}) * 60 + EXTRACT(MINUTE FROM {value}) AS INTEGER)"


class greatest(GenericFunction[Any]):  # noqa: N801
    """The largest of its arguments: SQLite's max() with two or more arguments."""

    inherit_cache = True


@compiles(greatest)
def _greatest_sqlite(element: greatest, compiler: SQLCompiler, **kw: Any) -> str:
    return f"max({compiler.process(element.clauses, **kw)})"


@compiles(greatest, "postgresql")
def _greatest_postgresql(element: greatest, compiler: SQLCompiler, **kw: Any) -> str:
    return f"GREATEST({compiler.process(element.clauses, **kw)})"


class least(GenericFunction[Any]):  # noqa: N801
    """The smallest of its arguments: SQLite's min() with two or more arguments."""

    inherit_cache = True


@compiles(least)
def _least_sqlite(element: least, compiler: SQLCompiler, **kw: Any) -> str:
    return f"min({compiler.process(element.clauses, **kw)})"


@compiles(least, "postgresql")
def _least_postgresql(element: least, compiler: SQLCompiler, **kw: Any) -> str:
    return f"LEAST({compiler.process(element.clauses, **kw)})"


class days_between(GenericFunction[int]):  # noqa: N801
    """Whole days from the first date to the second."""

    type = Integer()
    inherit_cache = True


@compiles(days_between)
def _days_sqlite(element: days_between, compiler: SQLCompiler, **kw: Any) -> str:
    first, second = (compiler.process(clause, **kw) for clause in element.clauses)
    return f"CAST(julianday({second}) - julianday({first}) AS INTEGER)"


@compiles(days_between, "postgresql")
def _days_postgresql(element: days_between, compiler: SQLCompiler, **kw: Any) -> str:
    first, second = (compiler.process(clause, **kw) for clause in element.clauses)
    return f"({second} - {first})"


class year_month(GenericFunction[str]):  # noqa: N801
    """A date's month as the text 'YYYY-MM'."""

    type = String()
    inherit_cache = True


@compiles(year_month)
def _year_month_sqlite(element: year_month, compiler: SQLCompiler, **kw: Any) -> str:
    return f"strftime('%Y-%m', {compiler.process(element.clauses, **kw)})"


@compiles(year_month, "postgresql")
def _year_month_postgresql(element: year_month, compiler: SQLCompiler, **kw: Any) -> str:
    return f"to_char({compiler.process(element.clauses, **kw)}, 'YYYY-MM')"

"""Which libraries' licences the program lists: what it ships, extras included only when the
program ships them (the PostgreSQL driver of the `server` extra)."""

from __future__ import annotations

from enhetschef_app.licences import runtime_distributions


def test_an_extra_named_in_brackets_is_followed_and_others_are_not() -> None:
    # psycopg[binary] is what the `server` extra asks for: the compiled driver ships with it.
    with_binary = runtime_distributions("psycopg", frozenset({"binary"}))
    plain = runtime_distributions("psycopg", frozenset())

    assert "psycopg-binary" in with_binary
    assert "psycopg-binary" not in plain
    # psycopg's own test and dev extras are never shipped.
    for tool in ("pytest", "mypy", "black"):
        assert tool not in with_binary


def test_the_program_lists_its_requirements_and_none_of_its_development_tools() -> None:
    names = {name.lower() for name in runtime_distributions()}

    assert {"sqlalchemy", "alembic", "pandas"} <= names
    assert not {"pytest", "mypy", "ruff", "pyinstaller"} & names

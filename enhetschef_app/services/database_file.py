"""The look at a database file that comes before opening it. It loads neither SQLAlchemy nor
Alembic, so the window can refuse a file (newer, damaged, someone else's) before it shows."""

from __future__ import annotations

from pathlib import Path


def check_database_file(path: Path, unit_code: str | None = None) -> None:
    """Raises the UserError that explains why the file cannot be opened, or lacks the unit
    asked for; quiet when it can be opened (also when it does not exist yet: opening creates
    it)."""
    from enhetschef_app.storage.file_check import refusal

    refusal(path.expanduser().resolve(), unit_code)

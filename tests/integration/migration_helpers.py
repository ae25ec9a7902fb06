"""What the migration tests share: the names in a database file's schema."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def schema_names(path: Path, kind: str = "table") -> set[str]:
    """The names of the file's tables (or triggers, indexes: `kind`), read with sqlite3."""
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute("SELECT name FROM sqlite_master WHERE type = ?", (kind,))
        return {row[0] for row in rows}
    finally:
        conn.close()

"""The window's icons: one set of small line drawings in resources/icons/ (SVG)."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from enhetschef_app.paths import resources_dir


@cache
def icon(name: str) -> QIcon:
    path = resources_dir() / "icons" / f"{name}.svg"
    if not path.exists():
        raise FileNotFoundError(f"ikonen {path} saknas")
    return QIcon(str(path))

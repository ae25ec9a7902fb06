"""Where the program's own files and the user's data live.

`db/` (Alembic) and `resources/` sit at the top of a source checkout, inside the package as
`_bundled/` in an installed wheel, and under `sys._MEIPASS` in a PyInstaller bundle. This is the
one place that knows; everything else asks here.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "Enhetschef"
DB_FILE_NAME = "enhetschef.sqlite3"
DEMO_DB_FILE_NAME = "enhetschef-demo.sqlite3"
LOG_FILE_NAME = "enhetschef.log"

_PACKAGE_DIR = Path(__file__).resolve().parent


def _candidates(name: str) -> list[Path]:
    found: list[Path] = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        found.append(Path(bundle) / name)
    found.append(_PACKAGE_DIR / "_bundled" / name)
    found.append(_PACKAGE_DIR.parent / name)
    return found


def _locate(name: str, marker: str) -> Path:
    for candidate in _candidates(name):
        if (candidate / marker).exists():
            return candidate
    searched = ", ".join(str(c) for c in _candidates(name))
    raise FileNotFoundError(f"Programmets mapp '{name}' saknas (sökte i {searched}).")


def migrations_dir() -> Path:
    """The Alembic script directory (holds env.py and versions/)."""
    return _locate("db", "env.py")


def resources_dir() -> Path:
    return _locate("resources", "style.qss")


def example_file(name: str) -> Path:
    """One of the example import files that ship with the program (resources/examples/)."""
    path = resources_dir() / "examples" / name
    if not path.is_file():
        raise FileNotFoundError(f"Exempelfilen '{name}' saknas i {path.parent}.")
    return path


def guide_dir() -> Path:
    """The user guide (Markdown and its pictures): docs/guide in a checkout, `guide` when
    bundled."""
    bundle = getattr(sys, "_MEIPASS", None)
    candidates = [Path(bundle) / "guide"] if bundle else []
    candidates += [_PACKAGE_DIR / "_bundled" / "guide", _PACKAGE_DIR.parent / "docs" / "guide"]
    for candidate in candidates:
        if (candidate / "index.md").exists():
            return candidate
    searched = ", ".join(str(c) for c in candidates)
    raise FileNotFoundError(f"Användarhandboken saknas (sökte i {searched}).")


def user_data_dir() -> Path:
    override = os.environ.get("ENHETSCHEF_DATA_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def user_log_dir() -> Path:
    override = os.environ.get("ENHETSCHEF_LOG_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def log_file_path() -> Path:
    """The rotating log of the window and of the command line's unexpected errors."""
    return user_log_dir() / LOG_FILE_NAME


def default_database_path() -> Path:
    return user_data_dir() / DB_FILE_NAME


def demo_database_path() -> Path:
    return user_data_dir() / DEMO_DB_FILE_NAME


def backup_dir_for(database: Path) -> Path:
    return database.parent / "backups"

"""The frozen program, run as a user's machine runs it: the bundle of installer/enhetschef.spec
(dist/enhetschef/, built by installer/build.py when its inputs changed) placed in a folder
outside the checkout, started from yet another folder with an environment that names neither
the source tree nor the virtualenv (no PYTHONPATH, a PATH of system folders only).

The window is opened offscreen and closes by itself: ENHETSCHEF_BENCH_STARTUP=1 makes it print
one `BENCH ...` line once it is shown and filled from the database, and quit with exit 0.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

from enhetschef_app.storage.file_check import head_revision

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
BUILD_SCRIPT = REPO / "installer" / "build.py"
NSIS_SCRIPT = REPO / "installer" / "windows" / "enhetschef.nsi"
RELEASE_0_1_0 = REPO / "tests" / "data" / "release-0.1.0.sqlite3"
CLOSE_ITSELF = "ENHETSCHEF_BENCH_STARTUP"


def pyproject_version() -> str:
    with (REPO / "pyproject.toml").open("rb") as handle:
        return str(tomllib.load(handle)["project"]["version"])


def _link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:  # another file system: copy
        shutil.copy2(source, target)


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundle, built if stale, placed outside the checkout as an installer would."""
    build = subprocess.run(
        [sys.executable, str(BUILD_SCRIPT), "--bundle-only"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert build.returncode == 0, build.stdout + build.stderr
    installed = tmp_path_factory.mktemp("programs") / "Enhetschef"
    shutil.copytree(
        REPO / "dist" / "enhetschef", installed, symlinks=True, copy_function=_link_or_copy
    )
    return installed


class Frozen:
    """Runs the bundled program with private data, log and settings folders."""

    def __init__(self, bundle: Path, home: Path) -> None:
        self.program = bundle / "enhetschef"
        self.home = home
        self.cwd = home / "elsewhere"
        self.cwd.mkdir(parents=True)
        self.env = {
            "PATH": "/usr/bin:/bin",
            "HOME": str(home),
            "LANG": "C.UTF-8",
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_RUNTIME_DIR": str(home / "runtime"),
            "XDG_CONFIG_HOME": str(home / "config"),
            "ENHETSCHEF_DATA_DIR": str(home / "data"),
            "ENHETSCHEF_LOG_DIR": str(home / "log"),
        }
        (home / "runtime").mkdir(mode=0o700)

    def run(self, *args: str, **extra_env: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(self.program), *args],
            cwd=self.cwd,
            env={**self.env, **extra_env},
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )

    def json(self, *args: str) -> Any:
        done = self.run(*args)
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)

    def open_window(self, database: Path) -> dict[str, str]:
        done = self.run("--db", str(database), "gui", **{CLOSE_ITSELF: "1"})
        assert done.returncode == 0, done.stderr
        (line,) = [line for line in done.stdout.splitlines() if line.startswith("BENCH ")]
        return dict(part.split("=", 1) for part in line.split()[1:])

    def log_text(self) -> str:
        return (self.home / "log" / "enhetschef.log").read_text(encoding="utf-8")


@pytest.fixture
def frozen(bundle: Path, tmp_path: Path) -> Frozen:
    assert "PYTHONPATH" not in Frozen(bundle, tmp_path / "probe").env
    return Frozen(bundle, tmp_path / "home")


def test_the_bundle_is_outside_the_checkout_and_carries_no_source_tree(bundle: Path) -> None:
    assert REPO not in bundle.parents
    internal = bundle / "_internal"
    assert (internal / "db" / "env.py").exists()
    assert (internal / "resources" / "style.qss").exists()
    assert (internal / "licences.json").exists()
    # Hjälp → Användarhandbok reads the guide and its pictures from the bundle, offline.
    assert (internal / "guide" / "index.md").exists()
    assert list((internal / "guide").rglob("*.png"))
    dangling = [p for p in bundle.rglob("*") if p.is_symlink() and not p.exists()]
    assert dangling == []
    # The program's code is compiled into the archive, not lying about as a package folder.
    assert not (internal / "enhetschef_app" / "cli.py").exists()
    translations = {p.name for p in internal.rglob("*.qm")}
    assert "qtbase_sv.qm" in translations
    assert "enhetschef_sv.qm" in translations
    assert not [name for name in translations if name.endswith(("_de.qm", "_fr.qm", "_ja.qm"))]
    # Only the Qt modules the program uses: none of the large ones it does not.
    for unused in ("QtWebEngineCore", "Qt3DCore", "QtMultimedia", "QtQuick", "QtQml"):
        assert not list(internal.rglob(f"*{unused}*")), unused


def test_version_is_the_one_in_pyproject(frozen: Frozen) -> None:
    done = frozen.run("--version")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"enhetschef {pyproject_version()}"


def test_demo_info_and_month_summary_run_from_the_bundle(frozen: Frozen, tmp_path: Path) -> None:
    database = tmp_path / "demo.sqlite3"
    demo = frozen.run(
        "--db", str(database), "demo", "--staff", "8", "--weeks", "6", "--end", "2026-11-30"
    )
    assert demo.returncode == 0, demo.stderr
    assert "Demoenheten DEMO skapad" in demo.stdout

    info = frozen.json("--db", str(database), "info", "--json")
    assert info["schema_version"] == head_revision()
    (unit,) = info["units"]
    assert unit["code"] == "DEMO"
    assert unit["headcount_total"] == 8
    assert info["row_counts"]["schedule_rows"] > 0

    summary = frozen.json("--db", str(database), "month-summary", "--month", "2026-11", "--json")
    assert summary["unit"] == "DEMO"
    assert summary["month"] == "2026-11"
    assert summary["scheduled_hours"] > 0
    assert "sick_percent" in summary


def test_the_window_opens_offscreen_and_closes_by_itself(frozen: Frozen, tmp_path: Path) -> None:
    database = tmp_path / "window.sqlite3"
    made = frozen.run("--db", str(database), "demo", "--staff", "5", "--weeks", "2")
    assert made.returncode == 0, made.stderr

    bench = frozen.open_window(database)

    assert bench["pandas_loaded"] == "0"
    # Qt's own dialogs in Swedish, and the program's translations, both found in the bundle.
    assert set(bench["translations"].split(",")) == {"qtbase_sv", "enhetschef_sv"}
    log = frozen.log_text()
    assert f"Enhetschef {pyproject_version()} startar" in log
    assert "paketerat program" in log
    assert f"Öppnade {database}" in log


def revision_of(database: Path) -> str:
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as connection:
        (revision,) = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    return str(revision)


def test_a_release_0_1_0_database_opens_in_the_window_and_is_upgraded(
    frozen: Frozen, tmp_path: Path
) -> None:
    # The fixture stays as release 0.1.0 wrote it: the installer's upgrade path starts there.
    assert revision_of(RELEASE_0_1_0) == "0007"
    database = tmp_path / "enhetschef.sqlite3"
    shutil.copyfile(RELEASE_0_1_0, database)

    frozen.open_window(database)

    assert revision_of(database) == head_revision()
    backups = sorted((database.parent / "backups").glob("*.sqlite3"))
    if head_revision() != "0007":  # the program knows newer revisions: a backup came first
        assert backups, "no backup before the upgrade"
        assert revision_of(backups[-1]) == "0007"
    info = frozen.json("--db", str(database), "info", "--json")
    (unit,) = info["units"]
    assert unit["code"] == "REL-010"
    assert unit["headcount_total"] == 6
    counts = info["row_counts"]
    assert (counts["employees"], counts["schedule_rows"], counts["absences"]) == (7, 88, 5)
    summary = frozen.json("--db", str(database), "month-summary", "--month", "2026-11", "--json")
    assert summary["absence_occasions"] == 5


def test_the_windows_installer_script_compiles_around_the_bundle(
    bundle: Path, tmp_path: Path
) -> None:
    makensis = shutil.which("makensis")
    assert makensis is not None, "makensis is missing: `make dist-system-packages` installs it"
    out = tmp_path / "Enhetschef-setup.exe"
    command = [
        makensis, "-V2", "-WX", "-DUNCOMPRESSED", f"-DVERSION={pyproject_version()}",
        f"-DPAYLOAD={bundle}", f"-DOUTFILE={out}", str(NSIS_SCRIPT),
    ]  # fmt: skip
    done = subprocess.run(
        command,
        cwd=NSIS_SCRIPT.parent,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    data = out.read_bytes()
    assert data[:2] == b"MZ"  # a Windows program
    assert b"Nullsoft" in data
    payload = sum(
        path.stat().st_size
        for path in bundle.rglob("*")
        if path.is_file() and not path.is_symlink()
    )
    assert len(data) > payload  # stored uncompressed: every file of the bundle is inside

"""db/ and resources/ are found the same way from a checkout, an installed wheel and a bundle."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from enhetschef_app import paths

REPO = Path(__file__).resolve().parents[2]


def test_a_source_checkout_finds_the_top_level_folders() -> None:
    assert paths.migrations_dir() == REPO / "db"
    assert paths.resources_dir() == REPO / "resources"


def test_a_pyinstaller_bundle_is_searched_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "db").mkdir()
    (tmp_path / "db" / "env.py").write_text("# bundled\n")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.migrations_dir() == tmp_path / "db"


def test_user_folders_follow_the_environment_override(tmp_path: Path) -> None:
    assert paths.default_database_path() == Path(os.environ["ENHETSCHEF_DATA_DIR"]) / (
        "enhetschef.sqlite3"
    )
    assert paths.backup_dir_for(tmp_path / "x.sqlite3") == tmp_path / "backups"


@pytest.mark.slow
def test_an_installed_wheel_carries_migrations_and_resources_and_opens_a_database(
    tmp_path: Path,
) -> None:
    wheels = tmp_path / "wheels"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(REPO)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert build.returncode == 0, build.stderr
    (wheel,) = wheels.glob("enhetschef-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "enhetschef_app/_bundled/db/env.py" in names
    assert "enhetschef_app/_bundled/db/versions/0001_initial.py" in names
    assert "enhetschef_app/_bundled/resources/style.qss" in names
    assert "enhetschef_app/_bundled/resources/examples/personal-standard.csv" in names
    assert "enhetschef_app/_bundled/guide/index.md" in names
    assert "enhetschef_app/_bundled/guide/bilder/oversikt.png" in names

    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    probe = (
        "import sys; from pathlib import Path; import enhetschef_app.paths as p;"
        "from enhetschef_app.storage.database import open_database;"
        "db = open_database(Path(sys.argv[1])); print(p.migrations_dir()); "
        "print(p.resources_dir()); print(db.revision); print(p.guide_dir()); db.close()"
    )
    env = {**os.environ, "PYTHONPATH": str(site)}
    run = subprocess.run(
        [sys.executable, "-c", probe, str(tmp_path / "from-wheel.sqlite3")],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    migrations, resources, revision, guide = run.stdout.split()
    assert Path(migrations) == site / "enhetschef_app" / "_bundled" / "db"
    assert Path(resources) == site / "enhetschef_app" / "_bundled" / "resources"
    assert revision == paths_head()
    assert Path(guide) == site / "enhetschef_app" / "_bundled" / "guide"


def paths_head() -> str:
    from enhetschef_app.storage.database import head_revision

    return head_revision()

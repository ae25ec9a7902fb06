"""A clone is complete on its own: the guides link files that exist in it, the example files the
import dialogs offer ship in resources/, and nothing reads or names a folder beside the clone."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from enhetschef_app.paths import example_file
from enhetschef_app.ui.shell.examples import ABSENCE_EXAMPLE, SCHEDULE_EXAMPLE, STAFF_EXAMPLE

REPO = Path(__file__).resolve().parents[2]
SKIPPED_DIRS = {".git", ".venv", ".mypy_cache", ".pytest_cache", ".ruff_cache", "build", "dist"}
TEXT_SUFFIXES = {".py", ".md", ".toml", ".cfg", ".ini", ".sh", ".mako", ".txt", ".nsi", ".spec"}
MARKDOWN_LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")
# Built from parts so that this file does not itself name the folder it looks for.
OUTSIDE = ("..", "/", "shared")


def repository_files() -> list[Path]:
    found: list[Path] = []
    for path in REPO.rglob("*"):
        if SKIPPED_DIRS & set(path.relative_to(REPO).parts) or "bench/.cache" in str(path):
            continue
        if path.is_file() and (path.suffix in TEXT_SUFFIXES or path.name in {"Makefile", "run"}):
            found.append(path)
    return found


def guides() -> list[Path]:
    return [p for p in repository_files() if p.suffix == ".md"]


@pytest.mark.parametrize("guide", guides(), ids=lambda p: str(p.relative_to(REPO)))
def test_every_link_of_a_guide_leads_to_a_file_of_the_clone(guide: Path) -> None:
    text = guide.read_text(encoding="utf-8")
    missing = []
    for target in MARKDOWN_LINK.findall(text):
        if re.match(r"[a-z]+:", target):  # https:, mailto:
            continue
        resolved = (guide.parent / target).resolve()
        if REPO not in resolved.parents or not resolved.exists():
            missing.append(target)
    assert missing == []


def test_no_file_names_a_folder_beside_the_clone() -> None:
    needles = ["".join(OUTSIDE), 'parent / "' + OUTSIDE[2] + '"']
    offenders = [
        str(path.relative_to(REPO))
        for path in repository_files()
        if any(needle in path.read_text(encoding="utf-8", errors="replace") for needle in needles)
    ]
    assert len(repository_files()) > 200  # the walk saw the code, tests and docs
    assert offenders == []


def test_the_examples_the_dialogs_offer_ship_with_the_program() -> None:
    for name in (STAFF_EXAMPLE, SCHEDULE_EXAMPLE, ABSENCE_EXAMPLE):
        path = example_file(name)
        assert path.parent == REPO / "resources" / "examples"
        assert path.stat().st_size > 0
    with pytest.raises(FileNotFoundError, match="saknas"):
        example_file("finns-inte.xlsx")

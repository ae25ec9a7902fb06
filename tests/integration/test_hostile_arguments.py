"""Hostile arguments get exit 2 and one Swedish line, never a traceback: dates at Python's own
limits, numbers too big for SQLite, a wait of nan or infinity, a folder where a file belongs,
an output into a folder that does not exist. The sweep walks every command the parser knows."""

from __future__ import annotations

import argparse
import shutil
import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from enhetschef_app.cli import build_parser, main
from enhetschef_app.demo.unit import DemoSpec, generate_demo_unit
from enhetschef_app.domain.errors import EXIT_USER_ERROR
from enhetschef_app.services.core.workspace import open_workspace

# Hostile values by the argument's type (its parser function's qualified name).
HOSTILE: dict[str, tuple[str, ...]] = {
    "iso_date": ("9999-12-31", "0001-01-01", "2026-02-30"),
    "year_month": ("9999-12", "0001-01", "2026-13"),
    "_month": ("9999-12", "0001-01"),
    "_year": ("9999", "0001", "２０２６"),
    "record_id": ("99999999999999999999999", "-5", "0"),
    "_request_id": ("99999999999999999999999", "-5"),
    "bounded_int.<locals>.parse": ("99999999999999999999999", "-5"),
    "seconds.<locals>.parse": ("nan", "-5", "1e309", "inf"),
}
SANE: dict[str, str] = {
    "iso_date": "2026-11-10",
    "year_month": "2026-11",
    "_month": "2026-11",
    "_year": "2026",
    "record_id": "1",
    "_request_id": "1",
    "bounded_int.<locals>.parse": "5",
    "seconds.<locals>.parse": "0",
    "_clock": "07:00",
}
# Free text a person could type anywhere: never a traceback, whatever the command makes of it.
FREE_TEXT = ("99999999999999999999999", "../../A/B:C*", "")


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("svep") / "demo.sqlite3"
    workspace = open_workspace(path)
    try:
        generate_demo_unit(workspace, DemoSpec(staff=6, weeks=2, end=_end(), seed=3))
    finally:
        workspace.close()
    return path


def _end() -> date:
    return date(2026, 11, 30)


@pytest.fixture
def db(demo_db: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "demo.sqlite3"
    shutil.copy(demo_db, copy)
    return copy


def _type_name(action: argparse.Action) -> str | None:
    kind = action.type
    return None if kind is None else getattr(kind, "__qualname__", None)


def _commands(
    parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subs:
        yield prefix, parser
        return
    for name, child in subs[0].choices.items():
        if name != "gui":  # starts the window
            yield from _commands(child, (*prefix, name))


def _sane(action: argparse.Action, tmp: Path) -> str:
    if action.choices:
        return str(next(iter(action.choices)))
    kind = _type_name(action)
    if kind in SANE:
        return SANE[kind]
    if action.type is Path:
        return str(tmp / f"{action.dest}.xlsx")
    if action.dest == "file":
        return str(tmp / "saknas.xlsx")
    return "1001" if action.dest == "employee" else "x"


def _argv(
    path: tuple[str, ...],
    parser: argparse.ArgumentParser,
    tmp: Path,
    replaced: argparse.Action,
    value: str,
) -> list[str]:
    """The command with every required argument sane and one argument hostile."""
    argv = list(path)
    positionals: list[str] = []
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction) or action.dest == "help":
            continue
        chosen = value if action is replaced else None
        if chosen is None and not (action.required or not action.option_strings):
            continue
        text = chosen if chosen is not None else _sane(action, tmp)
        if action.option_strings:
            argv += [action.option_strings[0], text]
        else:
            positionals.append(text)
    return argv + positionals


def _cases(tmp: Path) -> Iterator[tuple[tuple[str, ...], list[str], bool]]:
    """(command, argv, must be refused): typed arguments with hostile values must exit 2; free
    text, and the global --unit of every command, must not trace back."""
    for path, parser in _commands(build_parser()):
        for value in FREE_TEXT:
            sane = _argv(path, parser, tmp, argparse.Action([], "none"), "")
            yield path, ["--unit", value, *sane], False
        for action in parser._actions:
            if not action.option_strings and action.choices:
                continue
            if isinstance(action, argparse._StoreTrueAction | argparse._HelpAction):
                continue
            kind = _type_name(action)
            if kind in HOSTILE:
                for value in HOSTILE[kind]:
                    yield path, _argv(path, parser, tmp, action, value), True
            elif action.type is None and not action.choices:
                for value in FREE_TEXT:
                    yield path, _argv(path, parser, tmp, action, value), False
            elif action.type is int:  # a count the service bounds itself
                for value in ("99999999999999999999999", "-99999999999999999999999"):
                    yield path, _argv(path, parser, tmp, action, value), False


def _run(argv: list[str]) -> int:
    try:
        return main(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)


def test_every_command_answers_hostile_values_with_exit_2_and_no_traceback(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # A free text given where a database goes (copy-unit's target) makes that database: in
    # the test's folder, not in the checkout.
    monkeypatch.chdir(tmp_path)
    cases = list(_cases(tmp_path))
    every_command = {path for path, _parser in _commands(build_parser())}
    assert {path for path, _argv, _refused in cases} == every_command
    assert len(every_command) >= 25
    assert sum(1 for *_rest, refused in cases if refused) >= 60
    failures: list[str] = []
    for _path, argv, must_refuse in cases:
        code = _run(["--db", str(db), *argv])
        err = capsys.readouterr().err
        if "Traceback" in err or code not in (0, 2, 3) or (must_refuse and code != 2):
            failures.append(f"{argv} → {code}: {err.strip()[-300:]}")
    assert failures == []


def _refused(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    code = _run(argv)
    err = capsys.readouterr().err
    assert code == EXIT_USER_ERROR, err
    assert "Traceback" not in err and err.startswith(("usage", "enhetschef:"))
    return err


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01"])
@pytest.mark.parametrize(
    "command",
    [
        ["overtime", "request", "--employee", "1001", "--start", "07:00", "--end", "15:00",
         "--reason", "x", "--date"],
        ["follow-up", "--date"],
        ["check-schedule", "--from", "2026-11-01", "--to"],
    ],
)  # fmt: skip
def test_dates_at_pythons_limits_are_refused(
    db: Path, command: list[str], day: str, capsys: pytest.CaptureFixture[str]
) -> None:
    err = _refused(["--db", str(db), *command, day], capsys)
    assert "utanför 1900-01-01–2100-12-31" in err


def test_a_month_or_an_id_out_of_range_is_refused(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert "utanför åren" in _refused(
        ["--db", str(db), "overtime", "list", "--month", "9999-12"], capsys
    )
    _refused(
        ["--db", str(db), "overtime", "decide", "99999999999999999999999", "approve",
         "--reason", "x"],
        capsys,
    )  # fmt: skip


def test_a_schedule_row_in_year_9999_does_not_break_the_check(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with sqlite3.connect(db) as conn:  # as an older version's import could leave it
        for day in ("9999-12-31", "0001-01-01"):
            conn.execute(
                "INSERT INTO schedule_rows (unit_id, work_date, start_time, end_time, "
                "break_minutes, shift_code, employee_id, source) SELECT unit_id, ?, start_time, "
                "end_time, break_minutes, shift_code, employee_id, source FROM schedule_rows "
                "WHERE employee_id IS NOT NULL LIMIT 1",
                (day,),
            )
    for first, last in (("2026-11-01", "2026-11-30"), ("2100-12-01", "2100-12-31")):
        code = main(["--db", str(db), "check-schedule", "--from", first, "--to", last, "--json"])
        assert code == 0
        assert "Traceback" not in capsys.readouterr().err
    _refused(["--db", str(db), "check-schedule", "--from", "2026-11-01", "--to", "9999-12-31"],
             capsys)  # fmt: skip


@pytest.mark.parametrize("wait", ["nan", "-5", "1e309", "inf"])
def test_a_sync_wait_that_is_no_time_is_refused_at_once(
    db: Path, tmp_path: Path, wait: str, capsys: pytest.CaptureFixture[str]
) -> None:
    book = tmp_path / "delad.xlsx"
    err = _refused(
        ["--db", str(db), "sync", "--month", "2026-11", "--workbook", str(book), "--wait", wait],
        capsys,
    )
    assert "antal sekunder" in err
    assert not book.exists()


def test_a_folder_as_the_shared_workbook_is_refused(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "delad.xlsx"
    folder.mkdir()
    err = _refused(
        ["--db", str(db), "sync", "--month", "2026-11", "--workbook", str(folder)], capsys
    )
    assert "är en mapp" in err
    assert list(folder.iterdir()) == []


def test_export_checks_every_output_before_writing_any(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "rapport.xlsx"
    err = _refused(
        ["--db", str(db), "export-month", "--month", "2026-11", "--out", str(out),
         "--pdf", str(tmp_path / "saknas" / "rapport.pdf")],
        capsys,
    )  # fmt: skip
    assert "saknas" in err
    assert not out.exists()


def test_a_demo_that_cannot_be_made_leaves_no_unit_behind(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fresh = tmp_path / "ny.sqlite3"
    _refused(["--db", str(fresh), "demo", "--staff", "5", "--end", "9999-12-31"], capsys)
    _refused(["--db", str(fresh), "demo", "--staff", "5", "--weeks", "520", "--end",
              "1901-01-01"], capsys)  # fmt: skip
    assert not fresh.exists() or _units(fresh) == []
    assert main(["--db", str(fresh), "demo", "--staff", "5", "--weeks", "1"]) == 0
    assert _units(fresh) == ["DEMO"]


def _units(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return [row[0] for row in conn.execute("SELECT code FROM units")]

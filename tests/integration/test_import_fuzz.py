"""Malformed files fed to every import through the command line, in-process: each ends in exit
0 (a clean import) or exit 2 with the database unchanged. Anything else – exit 1, another code
or an exception out of `main` – is a bug and fails the test; the CLI has no catch-all that
turns an unexpected exception into exit 2.

The files are made by a seeded generator (the same files on every run) from a valid file of
each kind: hostile cell values (years 0001 and 9999, 25:00, NaN, 1e309, look-alike digits,
formulas, very long text, NUL), rows with cells missing or extra, headers lost, doubled or
garbled, other delimiters and encodings, truncated and bit-flipped bytes, empty and binary
files, and broken or real .xlsx workbooks.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import random
import sqlite3
from pathlib import Path

import pytest
from openpyxl import Workbook

from enhetschef_app.cli import main

CASES = 200
SEED = 13

STAFF = [
    ["Anställningsnr", "Namn", "Anställningsform", "Sysselsättningsgrad (%)", "Anställd från"],
    ["1001", "Anna Ålund", "Tillsvidare", "100", "2019-08-15"],
    ["1002", "Björn Öberg", "Tillsvidare", "75", "2019-08-15"],
    ["1003", "Cecilia Ärlig", "Timavlönad", "", ""],
    ["1004", "David Nyström", "Tillsvidare", "50", "2026-01-01"],
]
SCHEDULE = [
    ["Anställningsnr", "Namn", "Datum", "Start", "Slut", "Rast (min)", "Passkod"],
    ["1001", "Anna Ålund", "2026-11-16", "7:00", "15:30", "30", "D"],
    ["1002", "Björn Öberg", "2026-11-16", "13:30", "21:30", "30", "K"],
    ["", "", "2026-11-17", "21:00", "07:00", "0", "N"],
    ["1001", "Anna Ålund", "2026-11-18", "7:00", "15:30", "30", "D"],
    ["1004", "David Nyström", "2026-11-19", "13:30", "21:30", "30", "K"],
]
ABSENCE = [
    ["Anställningsnr", "Frånvarotyp", "Från", "Till", "Omfattning (%)"],
    ["1001", "Sjuk", "2026-11-02", "2026-11-03", "100"],
    ["1002", "VAB", "2026-11-05", "", "50"],
    ["1001", "Sjuk", "2026-11-03", "2026-11-06", "100"],
    ["1004", "Semester", "2026-07-01", "2026-07-20", ""],
]
IMPORTS: dict[str, tuple[str, list[list[str]]]] = {
    "staff": ("import-staff", STAFF),
    "schedule": ("import-schedule", SCHEDULE),
    "absences": ("import-absences", ABSENCE),
}

HOSTILE = [
    "", " ", "9999-12-31", "0001-01-01", "1899-12-31", "2101-01-01", "2026-02-30", "2026-13-01",
    "31/12/9999", "99991231", "25:00", "24:00", "23:60", "-1", "-0", "1e309", "nan", "NaN",
    "inf", "-inf", "99999999999999999999999", "0,5", "1,2.3", "100 %", "150", "1", "0",
    "\uff11\uff10\uff10\uff11", "10\u200b01", "\ufeff1001", "=1+1", "=HYPERLINK(\"x\")",
    "x" * 5000, "Å" * 201, "1" * 21, "\x00", "a\x00b", "'; DROP TABLE employees; --", "٣",
    "☃", "\u202e1001", "Sjuk", "Migrän", "Tillsvidare", "Visstid", "2026-11-16 00:00:00",
    "2026-11-16T07:00", "7", "0700", "7.00.00", "\n", "\"", ";", ",", "\t",
]  # fmt: skip


def _cell_mutation(rng: random.Random, rows: list[list[str]]) -> None:
    row = rng.randrange(1, len(rows)) if len(rows) > 1 else 0
    if rows[row]:
        rows[row][rng.randrange(len(rows[row]))] = rng.choice(HOSTILE)


def _shape_mutation(rng: random.Random, rows: list[list[str]]) -> None:
    choice = rng.randrange(8)
    row = rng.randrange(len(rows))
    if choice == 0 and rows[row]:
        del rows[row][rng.randrange(len(rows[row]))]  # a cell missing
    elif choice == 1:
        rows[row].extend(rng.choice(HOSTILE) for _ in range(rng.randrange(1, 4)))
    elif choice == 2:
        del rows[0]  # no header
    elif choice == 3:
        rows[0][rng.randrange(len(rows[0]))] = rng.choice(["", "Datum", "Namn", "???", "Från"])
    elif choice == 4:
        rows.insert(rng.randrange(len(rows) + 1), list(rows[0]))  # the header again in the data
    elif choice == 5:
        rows.extend(list(r) for r in rows[1:])  # every row twice
    elif choice == 6:
        rng.shuffle(rows[0])
    else:
        rows[:] = rows[:1]  # only the header


def _text(rng: random.Random, rows: list[list[str]]) -> str:
    delimiter = rng.choice([";", ";", ";", ",", "\t", "|"])
    return "\n".join(delimiter.join(row) for row in rows) + rng.choice(["\n", "", "\r\n"])


def _bytes(rng: random.Random, text: str) -> bytes:
    encoding = rng.choice(["utf-8", "utf-8", "utf-8-sig", "cp1252", "utf-16", "latin-1"])
    data = text.encode(encoding, errors="replace")
    for _ in range(rng.randrange(3)):
        kind = rng.randrange(4)
        if kind == 0 and data:
            data = data[: rng.randrange(len(data))]  # truncated
        elif kind == 1 and data:
            at = rng.randrange(len(data))
            data = data[:at] + bytes([data[at] ^ (1 << rng.randrange(8))]) + data[at + 1 :]
        elif kind == 2:
            at = rng.randrange(len(data) + 1)
            data = data[:at] + rng.randbytes(rng.randrange(1, 20)) + data[at:]
        else:
            data = data.replace(b";", b"\x00", 1)
    return data


def _workbook(rows: list[list[str]], path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append([cell.replace("\x00", "") for cell in row])
    book.save(path)


def malformed_file(rng: random.Random, base: list[list[str]], folder: Path, number: int) -> Path:
    rows = [list(row) for row in base]
    for _ in range(rng.randrange(1, 4)):
        (_cell_mutation if rng.random() < 0.7 else _shape_mutation)(rng, rows)
    shape = rng.random()
    if shape < 0.06:
        path = folder / f"{number}.csv"
        path.write_bytes(rng.choice([b"", b"\xef\xbb\xbf", rng.randbytes(200), b"<html></html>"]))
    elif shape < 0.12:
        path = folder / f"{number}.xlsx"
        path.write_bytes(b"PK\x03\x04" + rng.randbytes(rng.randrange(0, 400)))
    elif shape < 0.22:
        path = folder / f"{number}.xlsx"
        _workbook(rows, path)
        if rng.random() < 0.3:
            data = path.read_bytes()
            path.write_bytes(data[: rng.randrange(len(data))])
    else:
        path = folder / f"{number}.csv"
        path.write_bytes(_bytes(rng, _text(rng, rows)))
    return path


def fingerprint(database: Path) -> str:
    """Every row of every table, hashed: equal fingerprints, unchanged data."""
    digest = hashlib.sha256()
    conn = sqlite3.connect(database)
    try:
        tables = [
            name
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        for table in tables:
            for row in conn.execute(f'SELECT * FROM "{table}" ORDER BY rowid'):
                digest.update(repr(row).encode())
    finally:
        conn.close()
    return digest.hexdigest()


def run_cli(arguments: list[str]) -> tuple[int, str]:
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        try:
            code = main(arguments)
        except SystemExit as exc:  # argparse's own exit; any other exception fails the test
            code = int(exc.code or 0)
    return code, err.getvalue()


@pytest.fixture
def database(tmp_path: Path) -> Path:
    path = tmp_path / "fuzz.sqlite3"
    staff = tmp_path / "personal.csv"
    staff.write_text("\n".join(";".join(r) for r in STAFF) + "\n", encoding="utf-8")
    assert run_cli(["--db", str(path), "import-staff", str(staff), "--unit", "HT-FUZZ"])[0] == 0
    schedule = tmp_path / "schema.csv"
    schedule.write_text("\n".join(";".join(r) for r in SCHEDULE) + "\n", encoding="utf-8")
    assert run_cli(["--db", str(path), "import-schedule", str(schedule)])[0] == 0
    return path


@pytest.mark.parametrize("kind", list(IMPORTS))
def test_malformed_files_end_in_a_clean_import_or_exit_2_with_nothing_changed(
    kind: str, database: Path, tmp_path: Path
) -> None:
    command, base = IMPORTS[kind]
    rng = random.Random(f"{SEED}-{kind}")
    folder = tmp_path / "filer"
    folder.mkdir()
    outcomes: dict[int, int] = {}
    for number in range(CASES):
        path = malformed_file(rng, base, folder, number)
        before = fingerprint(database)
        code, err = run_cli(["--db", str(database), command, str(path)])
        outcomes[code] = outcomes.get(code, 0) + 1
        assert code in (0, 2), f"{path.name}: slutkod {code}: {err}"
        if code == 2:
            assert err.strip(), f"{path.name}: slutkod 2 utan förklaring"
            assert "Traceback" not in err
            assert fingerprint(database) == before, f"{path.name} ändrade databasen: {err}"
    assert outcomes.get(2, 0) >= CASES // 2  # most of them are refused, as they should be

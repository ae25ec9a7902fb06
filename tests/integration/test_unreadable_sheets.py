"""A damaged workbook or sheet is described in words a person can act on, never in the XML
reader's own terms ("(c)", "worksheet"); the database is left as it was."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl
import pytest

from enhetschef_app.cli import main

SHEET_PART = "xl/worksheets/sheet1.xml"


def _workbook_with_sheet(path: Path, sheet_xml: bytes | None, other: str | None = None) -> Path:
    book = openpyxl.Workbook()
    book.active.append(["Anställningsnummer", "Namn", "Anställningsform"])
    book.active.append(["1001", "Anna Ålund", "Tillsvidare"])
    buffer = io.BytesIO()
    book.save(buffer)
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            if name == SHEET_PART and sheet_xml is not None:
                data = sheet_xml
            if name == other:
                data = b"<a><b"
            target.writestr(name, data)
    return path


@pytest.mark.parametrize(
    ("sheet_xml", "other", "words"),
    [
        (b"<worksheet><sheetData><row><c r='A1'><v>1</v>", None, "en cell är trasig"),
        (b"", None, "bladet är trasigt"),
        (
            b"<worksheet><sheetData><row><c r='A1' t='s'><v>99</v></c></row></sheetData>"
            b"</worksheet>",
            None,
            "en cell hänvisar till en text som saknas",
        ),
        (None, "xl/workbook.xml", "inte en Excel-arbetsbok som går att känna igen"),
    ],
)
@pytest.mark.parametrize("command", ["import-staff", "import-schedule", "import-absences"])
def test_a_damaged_sheet_is_described_in_words(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    command: str,
    sheet_xml: bytes | None,
    other: str | None,
    words: str,
) -> None:
    db = tmp_path / "enhet.sqlite3"
    assert main(["--db", str(db), "demo", "--staff", "5", "--weeks", "1", "--unit", "HT"]) == 0
    capsys.readouterr()
    before = db.read_bytes()
    book = _workbook_with_sheet(tmp_path / "trasig.xlsx", sheet_xml, other)

    code = main(["--db", str(db), command, str(book)])

    err = capsys.readouterr().err
    assert code == 2
    assert words in err
    assert "(c)" not in err and "(worksheet)" not in err and "Traceback" not in err
    assert db.read_bytes() == before

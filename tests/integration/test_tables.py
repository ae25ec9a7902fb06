"""Reading real xlsx and csv files into rows of text, numbered as the person sees them."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

import openpyxl
import pytest

from enhetschef_app.domain.errors import ImportFormatError, NotFoundError, UserError
from enhetschef_app.excel.tables import (
    excel_column_letter,
    header_key,
    match_columns,
    read_table,
)

STAFF_HEADERS = [
    "Anställningsnr",
    "Namn",
    "Anställningsform",
    "Sysselsättningsgrad (%)",
    "Heltid (h/v)",
    "Anställd från",
    "Anställd till",
    "Månadslön",
]


def write_workbook(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def test_the_sample_csv_reads_as_text_with_row_numbers(samples: Path) -> None:
    table = read_table(samples / "personal-standard.csv")
    assert table.file_name == "personal-standard.csv"
    assert table.sheet is None
    assert table.headers == STAFF_HEADERS  # the BOM is not part of the first header
    assert [row.row_number for row in table.rows] == list(range(2, 10))
    anna = table.rows[0].cells
    assert anna["Namn"] == "Anna Ålund"
    assert anna["Heltid (h/v)"] == "38,25"
    assert anna["Månadslön"] == "31 500"
    gustav = table.rows[6]
    assert gustav.value("Namn") == "Gustav Berg"
    assert gustav.value("Sysselsättningsgrad (%)") == ""
    assert gustav.value("Kolumn som inte finns") == ""
    assert gustav.value(None) == ""


def test_a_windows_1252_export_is_decoded(samples: Path) -> None:
    table = read_table(samples / "schema-export-cp1252.csv")
    assert table.headers[:2] == ["Anst nr", "Medarbetare"]
    assert "Från" in table.headers
    assert table.rows[0].cells["Medarbetare"] == "Anna Ålund"
    assert table.rows[1].cells["Medarbetare"] == "Björn Öberg"
    empty_row = table.rows[5]  # an unstaffed shift: no person, but a row all the same
    assert empty_row.row_number == 7
    assert empty_row.cells["Anst nr"] == ""
    assert empty_row.cells["Från"] == "7:00"


@pytest.mark.parametrize(
    ("delimiter", "encoding"),
    [(",", "utf-8"), (",", "cp1252"), ("\t", "utf-16"), (";", "utf-8-sig"), (";", "cp1252")],
)
def test_delimiter_and_encoding_are_detected(tmp_path: Path, delimiter: str, encoding: str) -> None:
    lines = [
        delimiter.join(["Anställningsnr", "Namn", "Heltid (h/v)"]),
        delimiter.join(["1001", "Åsa Öst", '"38,25"' if delimiter == "," else "38,25"]),
    ]
    path = tmp_path / "lista.csv"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    table = read_table(path)
    assert table.headers == ["Anställningsnr", "Namn", "Heltid (h/v)"]
    assert table.rows[0].cells == {
        "Anställningsnr": "1001",
        "Namn": "Åsa Öst",
        "Heltid (h/v)": "38,25",
    }


def test_csv_row_numbers_count_blank_lines_and_quoted_line_breaks(tmp_path: Path) -> None:
    path = tmp_path / "lista.csv"
    path.write_text('Nr;Anteckning\n1;"två\nrader"\n\n2;ok\n;\n3;sist\n', encoding="utf-8")
    table = read_table(path)
    assert [(row.row_number, row.cells["Nr"]) for row in table.rows] == [
        (2, "1"),
        (5, "2"),
        (7, "3"),  # line 6 has only empty cells and is skipped, not renumbered
    ]
    assert table.rows[0].cells["Anteckning"] == "två\nrader"


def test_excel_sep_line_sets_the_delimiter(tmp_path: Path) -> None:
    path = tmp_path / "lista.csv"
    path.write_text("sep=,\nNr,Namn\n7,Bo\n", encoding="utf-8")
    table = read_table(path)
    assert table.headers == ["Nr", "Namn"]
    assert table.header_row == 2
    assert table.rows[0].row_number == 3


def test_xlsx_cells_read_as_the_person_sees_them(tmp_path: Path) -> None:
    path = write_workbook(
        tmp_path / "lista.xlsx",
        {
            "Personal": [
                [],
                ["Nr", "Namn", "Start", "Pass", "Lön", "Grad", "Kod", "Summa", "Klar"],
                [
                    1001,
                    "  Anna  ",
                    date(2026, 11, 22),
                    time(7, 0),
                    31500,
                    38.25,
                    "0012",
                    0.1 + 0.2,
                    True,
                ],
                [],
                [1002.0, "Bo", datetime(2026, 11, 22, 21, 30), timedelta(hours=38, minutes=15)],
            ],
            "Annat": [["x"], [1]],
        },
    )
    table = read_table(path)
    assert table.sheet == "Personal"  # the first sheet unless another is named
    assert table.header_row == 2
    first, second = table.rows
    assert first.row_number == 3
    assert first.cells == {
        "Nr": "1001",
        "Namn": "Anna",
        "Start": "2026-11-22",
        "Pass": "07:00",
        "Lön": "31500",
        "Grad": "38.25",
        "Kod": "0012",
        "Summa": "0.3",
        "Klar": "SANT",
    }
    assert second.row_number == 5  # the empty row 4 is skipped, the numbering is Excel's
    assert second.cells["Nr"] == "1002"
    assert second.cells["Start"] == "2026-11-22 21:30"
    assert second.cells["Pass"] == "38:15"
    assert second.cells["Klar"] == ""


def test_a_named_sheet_is_read_and_a_wrong_name_lists_the_sheets(tmp_path: Path) -> None:
    path = write_workbook(
        tmp_path / "personal.xlsx",
        {"Info": [["Skapad av HR"]], "Personal": [["Nr", "Namn"], [1, "Ann"]]},
    )
    assert read_table(path, "Personal").rows[0].cells == {"Nr": "1", "Namn": "Ann"}
    assert read_table(path, "personal").sheet == "Personal"  # case does not matter
    with pytest.raises(UserError) as caught:
        read_table(path, "Anställda")
    assert "inget blad som heter 'Anställda'" in caught.value.message
    assert "'Info', 'Personal'" in caught.value.message


def test_columns_without_header_and_repeated_headers_keep_their_data(tmp_path: Path) -> None:
    path = write_workbook(
        tmp_path / "lista.xlsx",
        {"Blad1": [["Nr", None, "Namn", "Namn"], [1, "x", "Ann", "Berg"], [2]]},
    )
    table = read_table(path)
    assert table.headers == ["Nr", "Kolumn B", "Namn", "Namn (2)"]
    assert table.rows[0].cells == {"Nr": "1", "Kolumn B": "x", "Namn": "Ann", "Namn (2)": "Berg"}
    assert table.rows[1].cells["Namn"] == ""


def test_excel_column_letters() -> None:
    assert [excel_column_letter(i) for i in (0, 25, 26, 27, 51, 52, 701, 702)] == [
        "A", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA",
    ]  # fmt: skip


def test_files_a_person_gets_wrong(tmp_path: Path) -> None:
    with pytest.raises(NotFoundError, match="finns inte"):
        read_table(tmp_path / "saknas.xlsx")
    pdf = tmp_path / "lista.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    with pytest.raises(UserError, match=r"filtypen '\.pdf' stöds inte"):
        read_table(pdf)
    fake = tmp_path / "lista.xlsx"
    fake.write_text("Nr;Namn\n1;Ann\n", encoding="utf-8")
    with pytest.raises(UserError, match="kunde inte läsas som Excel-arbetsbok"):
        read_table(fake)
    renamed = tmp_path / "egentligen-excel.csv"
    write_workbook(renamed, {"Blad1": [["Nr"], [1]]})
    with pytest.raises(UserError, match="inte en textfil"):
        read_table(renamed)
    empty = tmp_path / "tom.csv"
    empty.write_bytes(b"\xef\xbb\xbf\r\n;;\r\n")
    with pytest.raises(UserError, match=r"Det finns inget i filen tom\.csv"):
        read_table(empty)
    with pytest.raises(UserError, match="har inga blad"):
        read_table(tmp_path / "egentligen-excel.csv", sheet="Blad1")
    with pytest.raises(UserError, match="en mapp"):
        read_table(tmp_path)


def test_an_empty_sheet_is_named(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "lista.xlsx", {"Tomt": [], "Personal": [["Nr"], [1]]})
    with pytest.raises(UserError, match=r"bladet 'Tomt' i filen lista\.xlsx"):
        read_table(path)


def test_a_file_with_only_headers_has_no_rows(tmp_path: Path) -> None:
    path = tmp_path / "rubriker.csv"
    path.write_text("Nr;Namn\n", encoding="utf-8")
    table = read_table(path)
    assert table.headers == ["Nr", "Namn"]
    assert table.rows == []


FIELDS = {
    "employee_no": ("Anställningsnr", "Anst nr", "Personalnr"),
    "name": ("Namn", "Medarbetare"),
    "grade": ("Sysselsättningsgrad (%)", "Syss.grad"),
    "salary": ("Månadslön", "Lön"),
}


def test_headers_match_their_aliases_whatever_the_case_accents_and_punctuation() -> None:
    headers = ["ANST NR", "medarbetare", "Sysselsattningsgrad", "Övrigt"]
    mapping = match_columns(headers, FIELDS, {"employee_no", "name", "grade"}, file_name="x.csv")
    assert mapping == {
        "employee_no": "ANST NR",
        "name": "medarbetare",
        "grade": "Sysselsattningsgrad",
    }
    assert header_key("Syss.grad") == header_key("syss grad") == "syssgrad"
    assert header_key("Sysselsättningsgrad (%)") == header_key("SYSSELSÄTTNINGSGRAD")


def test_missing_required_columns_are_named_with_the_headers_found() -> None:
    with pytest.raises(ImportFormatError) as caught:
        match_columns(
            ["Nr", "Namn", "Lön"],
            FIELDS,
            {"employee_no", "name", "grade"},
            file_name="lista.xlsx",
            sheet="Personal",
        )
    error = caught.value
    assert "saknas kolumnerna Anställningsnr, Sysselsättningsgrad (%)" in error.message
    assert "bladet 'Personal' i filen lista.xlsx" in error.message
    assert "Rubrikerna i filen (rad 1): Nr, Namn, Lön" in error.message
    assert [(p.row, p.column, p.sheet) for p in error.problems] == [
        (1, "Anställningsnr", "Personal"),
        (1, "Sysselsättningsgrad (%)", "Personal"),
    ]
    assert "Anst nr, Personalnr" in error.problems[0].problem
    assert "Anställningsnr" in error.full_text()


def test_two_columns_for_one_field_is_an_error_not_a_guess() -> None:
    with pytest.raises(ImportFormatError) as caught:
        match_columns(["Anställningsnr", "Namn", "Personalnr"], FIELDS, {"name"}, file_name="x.csv")
    (problem,) = caught.value.problems
    assert problem.column == "Personalnr"
    assert "'Anställningsnr' och 'Personalnr'" in problem.problem


def test_the_table_matches_its_own_columns(samples: Path) -> None:
    table = read_table(samples / "personal-standard.csv")
    assert table.match_columns(FIELDS, {"name"})["salary"] == "Månadslön"

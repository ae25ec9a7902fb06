"""Registerutdrag: every table of the schema that refers to an employee has its sheet (so a
new area's table cannot be left out), the workbook read back holds the person's rows and no
other person's name, no brukare and no incident text; the PDF and the command line."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, time
from pathlib import Path

import pytest
from openpyxl import load_workbook
from privacy_helpers import LeaverUnit, build_leaver_unit
from sqlalchemy import Column, ForeignKey, Integer, MetaData, Table

from enhetschef_app.cli import main
from enhetschef_app.domain.incident_report import ActionDraft, IncidentDraft
from enhetschef_app.domain.incidents import Track
from enhetschef_app.services.core.registerutdrag import (
    AUDIT_SHEET,
    INCIDENT_SHEET,
    SHEETS,
    export_register_extract,
)
from enhetschef_app.services.core.workspace import Workspace
from enhetschef_app.services.incidents.workflow import register_incident, save_action
from enhetschef_app.storage.model_registry import metadata
from enhetschef_app.storage.models_people import Delegation, SalaryTalk, Training, TrainingKind
from enhetschef_app.storage.queries.person_data import person_tables

OTHERS = ("Bo Berg", "Cia Cato", "Dan Dahl", "Eva Ek", "Fia Falk", "Gun Gran", "Hans Holm")
BRUKARE = "Greta Svensson"


def tables_about_employees(tables: list[Table]) -> set[str]:
    """Walked here on its own: a table with a foreign key to `employees`, or to such a table."""
    found = {"employees"}
    grew = True
    while grew:
        grew = False
        for table in tables:
            if table.name not in found and any(
                fk.column.table.name in found for fk in table.foreign_keys
            ):
                found.add(table.name)
                grew = True
    return found


def test_every_table_that_refers_to_an_employee_has_a_sheet() -> None:
    tables = list(metadata.tables.values())
    about = tables_about_employees(tables)
    missing = sorted(about - set(SHEETS))
    assert not missing, (
        f"Tables about employees without a sheet in registerutdrag.SHEETS: {missing}. "
        "Add each with a Swedish sheet name and column names."
    )
    assert {t.name for t in person_tables()} == about
    assert all(len(spec.title) <= 31 for spec in SHEETS.values())


def test_a_new_table_below_an_employee_table_is_found() -> None:
    extra = MetaData()
    tables = [t.to_metadata(extra) for t in metadata.tables.values()]
    new = Table(
        "talk_attachments",
        extra,
        Column("id", Integer, primary_key=True),
        Column("talk_id", ForeignKey("review_talks.id")),
    )
    about = tables_about_employees([*tables, new])
    assert "talk_attachments" in about
    assert "talk_attachments" in {t.name for t in person_tables([*tables, new])}
    assert "talk_attachments" not in SHEETS  # the first test would fail on it


@pytest.fixture
def unit(workspace: Workspace) -> LeaverUnit:
    built = build_leaver_unit(workspace)
    anna = built.month.people["A"]
    with workspace.transaction() as session:
        kind = TrainingKind(name="HLR-test", validity_months=12)
        session.add(kind)
        session.flush()
        session.add_all(
            [
                Training(employee_id=anna, training_kind_id=kind.id, completed_on=date(2026, 3, 1)),
                Training(
                    employee_id=built.month.people["B"],
                    training_kind_id=kind.id,
                    completed_on=date(2026, 3, 2),
                ),
                Delegation(
                    employee_id=anna,
                    task="Insulin",
                    delegated_by="Sjuksköterskan",
                    valid_from=date(2026, 1, 1),
                    valid_to=date(2026, 12, 31),
                ),
                SalaryTalk(employee_id=anna, talk_date=date(2026, 4, 2), done=True),
            ]
        )
    reported = register_incident(
        workspace,
        IncidentDraft(
            occurred_on=date(2026, 11, 3),
            occurred_at=time(9),
            reported_on=date(2026, 11, 3),
            reporter="Anna Ahl",
            category="fall",
            track=Track.OTHER,
            description=f"{BRUKARE} föll i badrummet; Bo Berg hjälpte upp henne.",
        ),
        today=date(2026, 11, 5),
    )
    save_action(
        workspace,
        reported.id,
        ActionDraft("Halkmatta i badrummet", "Bo Berg", date(2026, 11, 20)),
        today=date(2026, 11, 5),
    )
    by_bo = register_incident(
        workspace,
        IncidentDraft(
            occurred_on=date(2026, 11, 4),
            occurred_at=time(10),
            reported_on=date(2026, 11, 4),
            reporter="Bo Berg",
            category="fall",
            track=Track.OTHER,
            description="Annan händelse",
        ),
        today=date(2026, 11, 5),
    )
    save_action(
        workspace,
        by_bo.id,
        ActionDraft("Se över rutinen", "Anna Ahl", date(2026, 11, 25)),
        today=date(2026, 11, 5),
    )
    return built


def _workbook_text(path: Path) -> dict[str, list[list[object]]]:
    book = load_workbook(path, read_only=True)
    try:
        return {ws.title: [list(r) for r in ws.iter_rows(values_only=True)] for ws in book}
    finally:
        book.close()


def test_the_extract_holds_the_persons_rows_and_no_one_elses(
    workspace: Workspace, unit: LeaverUnit, tmp_path: Path
) -> None:
    path, extract = export_register_extract(workspace, "1001", tmp_path / "utdrag.xlsx")
    sheets = _workbook_text(path)
    titles = {spec.title for spec in SHEETS.values()}
    assert titles | {INCIDENT_SHEET, AUDIT_SHEET, "Om utdraget"} == set(sheets)

    def rows(title: str) -> list[dict[str, object]]:
        first, *body = sheets[title]
        header = [str(h) for h in first]
        empty = "Inga uppgifter av detta slag."
        return [dict(zip(header, r, strict=True)) for r in body if r[0] != empty]

    person = rows("Person och anställning")
    assert [(r["Anställningsnummer"], r["Namn"]) for r in person] == [("1001", "Anna Ahl")]
    absences = rows("Frånvaro")
    assert sorted((str(r["Från"])[:10], r["Slag"]) for r in absences) == [
        ("2026-10-06", "sjuk"),
        ("2026-10-20", "semester"),
    ]
    assert len(rows("Schemarader")) == 6  # rows 1, 2, 3, 13 and the two outside October
    assert [r["Passkod"] for r in rows("Schemarader")].count("D") == 5
    assert len(rows("Omtankessamtal")) == 1
    assert len(rows("Medarbetarsamtal")) == 1
    assert [r["Utbildning"] for r in rows("Utbildningar")] == ["HLR-test"]
    assert [r["Uppgift"] for r in rows("Delegeringar")] == ["Insulin"]
    assert [r["Genomfört"] for r in rows("Lönesamtal")] == ["ja"]
    assert rows("Ersättarpass") == []  # D covered A's row: that is D's data
    roles = sorted(str(r["Roll"]) for r in rows(INCIDENT_SHEET))
    assert roles[0].startswith("Ansvarig för en åtgärd") and roles[1] == "Rapporterade avvikelsen"
    log = rows(AUDIT_SHEET)
    assert "skapa_medarbetare" in {r["Händelse"] for r in log}
    assert [r["Gäller"] for r in log].count("franvaro") == 2  # one entry per absence saved
    assert all(r["Konto i datorn"] and r["Dator"] for r in log)

    every_cell = " ".join(str(c) for sheet in sheets.values() for r in sheet for c in r if c)
    for name in OTHERS:
        assert name not in every_cell
    assert BRUKARE not in every_cell and "badrummet" not in every_cell
    assert sum(len(s.rows) for s in extract.sheets) > 15


def test_a_leaver_gets_the_extract_too(
    workspace: Workspace, unit: LeaverUnit, tmp_path: Path
) -> None:
    path, _extract = export_register_extract(workspace, "1006", tmp_path / "fia.xlsx")
    sheets = _workbook_text(path)
    assert len(sheets["Frånvaro"]) == 3  # header and F's two spells
    assert sheets["Avslutningssamtal"][1][0] is not None
    text = " ".join(str(c) for s in sheets.values() for r in s for c in r if c)
    assert "Anna Ahl" not in text and "Fia Falk" in text


def test_the_command_line_writes_workbook_and_pdf(
    workspace: Workspace, unit: LeaverUnit, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(workspace.path)
    workspace.close()
    out, pdf = tmp_path / "anna.xlsx", tmp_path / "anna.pdf"
    # Its own process: the command starts Qt itself, headless, as a scheduled job would.
    done = subprocess.run(
        [sys.executable, "-m", "enhetschef_app", "--db", db, "registerutdrag", "--employee",
         "1001", "--out", str(out), "--pdf", str(pdf)],
        capture_output=True, text=True, timeout=180, check=False,
        env={k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "Anna Ahl" in done.stdout
    assert "Anna Ahl" in str(_workbook_text(out)["Person och anställning"])
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    assert "Registerutdrag" in text and "Anna Ahl" in text and "Frånvaro (2)" in text
    for name in OTHERS:
        assert name not in text

    missing = tmp_path / "ingen.xlsx"
    assert main(["--db", db, "registerutdrag", "--employee", "9999", "--out", str(missing)]) == 2
    assert not missing.exists()
    assert "9999" in capsys.readouterr().err

"""Nothing sensitive leaves in a shared file: a personnummer or samordningsnummer in the month
comment stops the sync and the VC report (exit 2, the files untouched, the message names the
field); health words stop them until confirmed (--allow-sensitive-words); the APT workbook's
one free text (the unit's name) likewise; the JSON outputs keep their keys."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from shared_workbooks import SAMPLE_NAME

from enhetschef_app.cli import main
from enhetschef_app.domain.year_month import YearMonth
from enhetschef_app.services.core.outgoing_text import HealthWordsInExport, IdentityNumberInExport
from enhetschef_app.services.core.workspace import Workspace
from enhetschef_app.services.month.document import export_month_workbook
from enhetschef_app.services.month.report import save_comment
from enhetschef_app.services.month.sync import sync_month_to_shared_workbook

OCTOBER = YearMonth(2026, 10)
PERSONNUMMER = "Sjuk hela veckan: Anna 811218-9876."
SAMORDNINGSNUMMER = "Vikarien 701063-2391 täckte natten."
HEALTH = "Två i personalgruppen har haft influensa och feber."


@pytest.fixture
def shared(samples: Path, tmp_path: Path) -> Path:
    target = tmp_path / "natverk" / SAMPLE_NAME
    target.parent.mkdir()
    shutil.copy(samples / SAMPLE_NAME, target)
    return target


@pytest.mark.parametrize(
    ("comment", "label"), [(PERSONNUMMER, "personnummer"), (SAMORDNINGSNUMMER, "samordningsnummer")]
)
def test_an_identity_number_stops_sync_and_export_and_names_the_field(
    workspace: Workspace, shared: Path, tmp_path: Path, comment: str, label: str
) -> None:
    save_comment(workspace, OCTOBER, comment)
    before = shared.read_bytes()
    folder_before = sorted(p.name for p in shared.parent.iterdir())
    with pytest.raises(IdentityNumberInExport) as stopped:
        sync_month_to_shared_workbook(workspace, OCTOBER, shared, allow_sensitive_words=True)
    assert "Kommentaren till månaden" in stopped.value.message
    assert label in stopped.value.message
    assert shared.read_bytes() == before
    assert sorted(p.name for p in shared.parent.iterdir()) == folder_before
    report = tmp_path / "rapport.xlsx"
    report.write_bytes(b"the report of last time")
    with pytest.raises(IdentityNumberInExport):
        export_month_workbook(workspace, OCTOBER, report, allow_sensitive_words=True)
    assert report.read_bytes() == b"the report of last time"


def test_the_command_line_exits_2_and_leaves_the_files(
    workspace: Workspace, shared: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    save_comment(workspace, OCTOBER, PERSONNUMMER)
    db = str(workspace.path)
    workspace.close()
    before = shared.read_bytes()
    sync = ["--db", db, "sync", "--month", "2026-10", "--workbook", str(shared)]
    assert main([*sync, "--allow-sensitive-words"]) == 2
    err = capsys.readouterr().err
    assert "Kommentaren till månaden" in err and "personnummer" in err
    assert "811218-9876" in err  # she sees what to take away
    assert shared.read_bytes() == before
    out, pdf = tmp_path / "rapport.xlsx", tmp_path / "rapport.pdf"
    export = [
        "--db",
        db,
        "export-month",
        "--month",
        "2026-10",
        "--out",
        str(out),
        "--pdf",
        str(pdf),
    ]
    assert main(export) == 2
    assert not out.exists() and not pdf.exists()
    assert "Kommentaren till månaden" in capsys.readouterr().err
    # The JSON of the month keeps its keys (the comment is the EC's own, on her screen).
    assert main(["--db", db, "month-summary", "--month", "2026-10", "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert {"comment", "closed", "differences", "vc_comment", "synced_at", "figures"} <= set(
        summary
    )


def test_health_words_need_the_confirmation(
    workspace: Workspace, shared: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    save_comment(workspace, OCTOBER, HEALTH)
    with pytest.raises(HealthWordsInExport) as asked:
        sync_month_to_shared_workbook(workspace, OCTOBER, shared)
    assert set(asked.value.words) == {"feber", "influensa"}
    db = str(workspace.path)
    workspace.close()
    before = shared.read_bytes()
    sync = ["--db", db, "sync", "--month", "2026-10", "--workbook", str(shared)]
    assert main(sync) == 2
    assert "--allow-sensitive-words" in capsys.readouterr().err
    assert shared.read_bytes() == before
    assert main([*sync, "--allow-sensitive-words"]) == 0
    assert shared.read_bytes() != before
    out = tmp_path / "rapport.xlsx"
    export = ["--db", db, "export-month", "--month", "2026-10", "--out", str(out)]
    assert main(export) == 2 and not out.exists()
    assert main([*export, "--allow-sensitive-words"]) == 0 and out.exists()


def test_the_apt_workbook_checks_the_units_name(
    workspace: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from enhetschef_app.storage.models import Unit

    with workspace.transaction() as session:
        unit = session.get(Unit, workspace.require_unit().id)
        assert unit is not None
        unit.name = "Hemtjänst 811218-9876"
    db = str(workspace.path)
    workspace.close()
    out = tmp_path / "apt.xlsx"
    assert main(["--db", db, "incidents", "apt-export", str(out), "--year", "2026"]) == 2
    assert "Enhetens namn" in capsys.readouterr().err
    assert not out.exists()

"""Gallring on a unit with people who left at different times: the preview is what is
deleted, no month's figures change (closed months keep theirs, with no difference shown), the
audit log keeps its entries with the details of deleted records replaced, old backups go, and
the database permits the audit log that one change only."""

from __future__ import annotations

import ast
import json
import os
import re
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from privacy_helpers import EXIT_NOTES, LeaverUnit, build_leaver_unit

from enhetschef_app.cli import main
from enhetschef_app.domain.year_month import YearMonth
from enhetschef_app.paths import backup_dir_for
from enhetschef_app.services.core.gallring import gallring_preview, run_gallring
from enhetschef_app.services.core.settings import change_settings
from enhetschef_app.services.core.workspace import Workspace
from enhetschef_app.services.month.report import close_month, month_report_view, month_trend
from enhetschef_app.services.month.summary import month_summary
from enhetschef_app.storage.audit_culling import MARKER

TODAY = date(2026, 12, 4)  # with 12 months' retention: what ended before 2025-12-04 goes
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def leavers(workspace: Workspace) -> LeaverUnit:
    built = build_leaver_unit(workspace)
    change_settings(workspace, {"privacy.retention_months": 12})
    return built


def _all_months() -> list[YearMonth]:
    return YearMonth(2026, 11).back(38)  # 2023-10 … 2026-11


def _figures(workspace: Workspace) -> dict[str, dict[str, object]]:
    return {m.label: month_summary(workspace, m.year, m.month).as_dict() for m in _all_months()}


def _count(db: Path, sql: str, *params: object) -> int:
    conn = sqlite3.connect(db)
    try:
        return int(conn.execute(sql, params).fetchone()[0])
    finally:
        conn.close()


def _old_backup(workspace: Workspace, name: str, when: date) -> Path:
    folder = backup_dir_for(workspace.path)
    folder.mkdir(exist_ok=True)
    path = folder / f"{workspace.path.stem}-{name}.sqlite3"
    path.write_bytes(b"copy")
    stamp = float(date.toordinal(when) - date(1970, 1, 1).toordinal()) * 86400
    os.utime(path, (stamp, stamp))
    return path


def test_the_preview_is_what_is_deleted_and_no_month_changes(
    workspace: Workspace, leavers: LeaverUnit
) -> None:
    db = workspace.path
    close_month(workspace, YearMonth(2024, 2), today=TODAY)  # F's sick spell is in it
    close_month(workspace, YearMonth(2026, 10), today=TODAY)
    old = _old_backup(workspace, "20250110T080000Z-manuell", date(2025, 1, 10))
    recent = _old_backup(workspace, "20261101T080000Z-manuell", date(2026, 11, 1))
    other = _old_backup(workspace, "demo-20250110T080000Z-manuell", date(2025, 1, 10))
    before = _figures(workspace)
    trend_before = month_trend(workspace, YearMonth(2026, 11), count=36).as_dict()
    closed_before = {
        label: month_report_view(workspace, YearMonth.parse(label)).reported
        for label in ("2024-02", "2026-10")
    }

    preview = gallring_preview(workspace, today=TODAY)
    assert {i.kind: i.count for i in preview.items} == {
        "franvaro": 3,  # F's two spells, G's one; H's (2026) and the October unit's stay
        "omtankessamtal": 1,
        "omtankessignaler": 1,
        "medarbetarsamtal_anteckningar": 1,
        "avslutningssamtal_anteckningar": 2,  # F and G; H's talk was in 2026
        "sakerhetskopior": 1,
    }
    assert all(i.ended_before == date(2025, 12, 4) for i in preview.items)
    assert preview.total == 9
    absences_before = _count(db, "SELECT COUNT(*) FROM absences")

    done = run_gallring(workspace, today=TODAY, expected=preview)

    assert done.counts() == preview.counts()
    assert _count(db, "SELECT COUNT(*) FROM absences") == absences_before - 3
    for letter in ("F", "G"):
        for absence_id in leavers.absences[letter]:
            assert _count(db, "SELECT COUNT(*) FROM absences WHERE id = ?", absence_id) == 0
    assert _count(db, "SELECT COUNT(*) FROM absences WHERE id = ?", leavers.absences["H"][0]) == 1
    assert _count(db, "SELECT COUNT(*) FROM care_talks WHERE id = ?", leavers.care_talk_f) == 0
    assert _count(db, "SELECT COUNT(*) FROM care_talk_snoozes") == 0
    # The exit talks stay (the figures count them); only the old notes are gone.
    assert _count(db, "SELECT COUNT(*) FROM exit_talks") == 3
    assert _count(db, "SELECT COUNT(*) FROM exit_talks WHERE notes = ?", EXIT_NOTES) == 1
    assert _count(db, "SELECT COUNT(*) FROM review_talks WHERE notes = 'Vill gå kurs'") == 0
    assert not old.exists() and recent.exists()
    assert other.exists()  # a copy of another database (enhet-demo) is not this one's
    # The people themselves stay: their employment is in the figures (turnover, headcount).
    assert _count(db, "SELECT COUNT(*) FROM employees WHERE employee_no = '1006'") == 1

    assert _figures(workspace) == before
    assert month_trend(workspace, YearMonth(2026, 11), count=36).as_dict() == trend_before
    for label, reported in closed_before.items():
        view = month_report_view(workspace, YearMonth.parse(label))
        assert view.reported == reported
        assert view.differences == []
    assert gallring_preview(workspace, today=TODAY).total == 0


def test_the_audit_log_keeps_its_entries_and_loses_the_details(
    workspace: Workspace, leavers: LeaverUnit
) -> None:
    db = workspace.path
    entries_before = _count(db, "SELECT COUNT(*) FROM audit_log")
    f_absences = [str(i) for i in leavers.absences["F"]]
    run_gallring(workspace, today=TODAY)
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute(
            "SELECT entity, entity_id, before_json, after_json, employee_id FROM audit_log"
        ).fetchall()
    finally:
        conn.close()
    assert len(rows) == entries_before + 1  # nothing deleted; one entry for the run
    culled = [r for r in rows if r[0] == "franvaro" and r[1] in f_absences]
    assert culled and all(r[3] == MARKER and r[2] is None and r[4] is None for r in culled)
    talk = [r for r in rows if r[0] == "omtankessamtal" and r[1] == str(leavers.care_talk_f)]
    assert talk and talk[0][3] == MARKER
    kept = [r for r in rows if r[0] == "franvaro" and r[1] == str(leavers.absences["H"][0])]
    assert kept and kept[0][3] != MARKER and '"2026-01-12"' in kept[0][3]
    (run,) = [r for r in rows if r[0] == "gallring"]
    logged = json.loads(run[3])
    assert logged["counts"]["franvaro"] == 3
    text = json.dumps(logged, ensure_ascii=False)
    for content in ("Fia", "Gun", "Flyttar", "2024-02-05", "läkarintyg", "schemaläggning"):
        assert content not in text
    assert _count(db, "SELECT COUNT(*) FROM gallring_runs WHERE finished_at IS NOT NULL") == 1
    assert _count(db, "SELECT COUNT(*) FROM gallring_runs WHERE finished_at IS NULL") == 0


def test_the_database_permits_only_the_gallring_change_of_the_audit_log(
    workspace: Workspace, leavers: LeaverUnit
) -> None:
    conn = sqlite3.connect(workspace.path)
    try:
        entry = conn.execute("SELECT id FROM audit_log WHERE after_json IS NOT NULL").fetchone()[0]
        attempts = [
            f"UPDATE audit_log SET after_json = '{MARKER}' WHERE id = {entry}",  # no open run
        ]
        for sql in attempts:
            with pytest.raises(sqlite3.IntegrityError, match="append-only"):
                conn.execute(sql)
        conn.execute(
            "INSERT INTO gallring_runs (unit_id, as_of, started_at, actor, counts_json) "
            "VALUES (1, '2026-12-04', '2026-12-04 10:00:00', 'test', '{}')"
        )
        for sql in (
            f"UPDATE audit_log SET actor = 'någon annan' WHERE id = {entry}",
            f"UPDATE audit_log SET after_json = 'annan text' WHERE id = {entry}",
            f"UPDATE audit_log SET at = '2020-01-01 00:00:00', after_json = '{MARKER}' "
            f"WHERE id = {entry}",
            f"DELETE FROM audit_log WHERE id = {entry}",
        ):
            with pytest.raises(sqlite3.IntegrityError, match="append-only"):
                conn.execute(sql)
        conn.execute(f"UPDATE audit_log SET after_json = '{MARKER}' WHERE id = {entry}")
        assert conn.execute(f"SELECT after_json FROM audit_log WHERE id = {entry}").fetchone() == (
            MARKER,
        )
        conn.rollback()
    finally:
        conn.close()


def _imports_culling(source: str) -> bool:
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import) and any("audit_culling" in a.name for a in node.names):
            return True
        if isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if "audit_culling" in module or any(a.name == "audit_culling" for a in node.names):
                return True
    return False


def test_only_gallring_uses_the_path_that_changes_the_audit_log() -> None:
    users = []
    writers = []
    for path in sorted((REPO / "enhetschef_app").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        name = path.relative_to(REPO).as_posix()
        if _imports_culling(text) or path.name == "audit_culling.py":
            users.append(name)
        if re.search(r"UPDATE\s+audit_log|update\(\s*AuditEntry", text, re.IGNORECASE):
            writers.append(name)
    assert users == [
        "enhetschef_app/services/core/gallring.py",
        "enhetschef_app/storage/audit_culling.py",
    ]
    assert writers == ["enhetschef_app/storage/audit_culling.py"]


def test_incidents_stay_unless_the_kommun_sets_a_retention(
    workspace: Workspace, leavers: LeaverUnit
) -> None:
    db = workspace.path
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("UPDATE incidents SET state = 'avslutad', closed_on = '2024-03-01'")
    conn.close()
    incidents = _count(db, "SELECT COUNT(*) FROM incidents")
    plan = gallring_preview(workspace, today=TODAY)
    assert "avvikelser" not in plan.counts()
    run_gallring(workspace, today=TODAY)
    assert _count(db, "SELECT COUNT(*) FROM incidents") == incidents
    october = month_summary(workspace, 2026, 10).as_dict()

    change_settings(workspace, {"privacy.incident_retention_months": 24})
    plan = gallring_preview(workspace, today=TODAY)
    assert plan.counts()["avvikelser"] == incidents
    assert [i.ended_before for i in plan.items if i.kind == "avvikelser"] == [date(2024, 12, 4)]
    run_gallring(workspace, today=TODAY, expected=plan)
    assert _count(db, "SELECT COUNT(*) FROM incidents") == 0
    assert month_summary(workspace, 2026, 10).as_dict() == october  # still counts them


def test_the_command_line_previews_then_deletes(
    workspace: Workspace, leavers: LeaverUnit, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(workspace.path)
    workspace.close()
    assert main(["--db", db, "gallring", "--dry-run", "--json", "--date", "2026-12-04"]) == 0
    preview = json.loads(capsys.readouterr().out)
    assert set(preview) == {"as_of", "items", "total"}
    assert preview["as_of"] == "2026-12-04"
    assert all({"kind", "count", "ended_before"} <= set(item) for item in preview["items"])
    assert preview["total"] == sum(item["count"] for item in preview["items"]) == 8
    assert (
        _count(
            Path(db),
            "SELECT COUNT(*) FROM absences WHERE employee_id IN (?, ?)",
            leavers.leavers["F"],
            leavers.leavers["G"],
        )
        == 3
    )

    assert main(["--db", db, "gallring", "--yes", "--json", "--date", "2026-12-04"]) == 0
    deleted = json.loads(capsys.readouterr().out)
    assert deleted["items"] == preview["items"]
    assert (
        _count(
            Path(db),
            "SELECT COUNT(*) FROM absences WHERE employee_id IN (?, ?)",
            leavers.leavers["F"],
            leavers.leavers["G"],
        )
        == 0
    )
    assert main(["--db", db, "gallring", "--dry-run", "--json", "--date", "2026-12-04"]) == 0
    assert json.loads(capsys.readouterr().out)["total"] == 0
    # Neither flag: a user's error, nothing deleted.
    with pytest.raises(SystemExit) as refused:
        main(["--db", db, "gallring"])
    assert refused.value.code == 2

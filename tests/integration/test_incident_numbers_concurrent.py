"""Avvikelser reported at the same moment from several programs (colleagues on one server
database, or two windows on one file) never get the same AVV number, and none is lost."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from datetime import date
from datetime import time as clock
from pathlib import Path

import pytest
from postgres_server import PostgresServer

from enhetschef_app.domain.errors import BusyError
from enhetschef_app.domain.incident_report import IncidentDraft
from enhetschef_app.domain.incidents import Track
from enhetschef_app.services.core.workspace import Workspace, ensure_unit, open_workspace
from enhetschef_app.services.incidents.views import list_incidents
from enhetschef_app.services.incidents.workflow import register_incident

REPORTERS = 6
REPORTS_EACH = 8
REPO = Path(__file__).resolve().parents[2]
DRAFT = IncidentDraft(
    occurred_on=date(2026, 11, 2),
    occurred_at=clock(19, 30),
    reported_on=date(2026, 11, 2),
    reporter="Undersköterska Lisa",
    category="bemotande",
    track=Track.LEX_SARAH,
    description="Brukare fick vänta en timme på hjälp till toaletten.",
)


def _database(url: str) -> str:
    return url.rsplit("/", 1)[1]


# One reporter: opens the database, says it is ready, waits for the common start, then
# registers its reports as fast as it can and prints the numbers it was given.
REPORTER = """
import json, sys
from datetime import date, time
from enhetschef_app.domain.incident_report import IncidentDraft
from enhetschef_app.domain.incidents import Track
from enhetschef_app.services.core.workspace import open_workspace
from enhetschef_app.services.incidents.workflow import register_incident

workspace = open_workspace(sys.argv[1], "HT-TEST", create=False)
print("ready", flush=True)
sys.stdin.readline()
numbers = []
for n in range(int(sys.argv[2])):
    summary = register_incident(workspace, IncidentDraft(
        occurred_on=date(2026, 11, 2), occurred_at=time(19, 30), reported_on=date(2026, 11, 2),
        reporter=f"Rapportör {sys.argv[3]}", category="bemotande", track=Track.LEX_SARAH,
        description=f"Händelse {n} från rapportör {sys.argv[3]}.",
    ), today=date(2026, 11, 24))
    numbers.append(summary.number)
workspace.close()
print(json.dumps(numbers), flush=True)
"""


@pytest.mark.slow
def test_reports_from_several_programs_at_once_get_distinct_numbers(
    any_workspace: Workspace, db_url: str
) -> None:
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]),
    }
    reporters = [
        subprocess.Popen(
            [sys.executable, "-c", REPORTER, db_url, str(REPORTS_EACH), str(index)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for index in range(REPORTERS)
    ]
    try:
        for reporter in reporters:
            assert reporter.stdout is not None
            assert reporter.stdout.readline().strip() == "ready", reporter.communicate()[1]
        for reporter in reporters:
            assert reporter.stdin is not None
            reporter.stdin.write("go\n")
            reporter.stdin.flush()
        given: list[str] = []
        for reporter in reporters:
            out, err = reporter.communicate(timeout=120)
            assert reporter.returncode == 0, err
            given += json.loads(out.strip().splitlines()[-1])
    finally:
        for reporter in reporters:
            if reporter.poll() is None:
                reporter.kill()
                reporter.wait()

    expected = {f"AVV-2026-{n:04d}" for n in range(1, REPORTERS * REPORTS_EACH + 1)}
    assert sorted(given) == sorted(expected)
    listed = list_incidents(any_workspace)
    assert sorted(item.number for item in listed) == sorted(expected)


def test_a_number_held_too_long_by_another_reporter_is_busy_not_a_hang(
    postgres_server: PostgresServer, postgres_url: str
) -> None:
    workspace = open_workspace(postgres_url)
    try:
        workspace = workspace.with_unit(ensure_unit(workspace, "HT-TEST", "Hemtjänst Test"))
        register_incident(workspace, DRAFT, today=date(2026, 11, 24))
        with postgres_server.connect(_database(postgres_url)) as other:
            # Another program in the middle of registering: it holds the year's series.
            other.execute("SELECT * FROM incident_number_series FOR UPDATE")
            started = time.monotonic()
            with pytest.raises(BusyError) as raised:
                register_incident(workspace, DRAFT, today=date(2026, 11, 24))
            assert raised.value.exit_code == 3
            assert "används av ett annat program" in raised.value.message
            assert time.monotonic() - started < 30
        assert register_incident(workspace, DRAFT, today=date(2026, 11, 24)).number == (
            "AVV-2026-0002"
        )
    finally:
        workspace.close()

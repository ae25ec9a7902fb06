"""Gallring: deleting personal data the configured time after it stopped being needed.

Absence records, omtankessamtal (with their notes) and snoozed signals go
`privacy.retention_months` after they ended; the notes of medarbetarsamtal and exit talks are
emptied as long after the talk (the talk itself, which the figures count, stays). Avvikelser are
allmänna handlingar under the kommun's own gallringsbeslut: they go only when
`privacy.incident_retention_months` is set (0, the default, keeps them). Backups of the
database older than the cut-off are deleted, since they hold the same data.

The preview and the run share one function, so what the preview shows is what goes. Before
anything is deleted, every month whose figures rest on the rows is kept as a recorded aggregate
(the month summary reads it from then on), so no month's figures change. The audit log's details
of the deleted records are replaced by a marker through `storage.audit_culling`; the run itself
is logged by kind and count, never by content.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from enhetschef_app.domain.calendar import today as today_in_sweden
from enhetschef_app.domain.errors import RuleViolation
from enhetschef_app.domain.incidents import incident_number
from enhetschef_app.domain.year_month import YearMonth
from enhetschef_app.paths import backup_dir_for
from enhetschef_app.services.core.settings import rule_settings
from enhetschef_app.services.core.workspace import Workspace, use_case
from enhetschef_app.services.month.summary import computed_month_summary, encode_summary
from enhetschef_app.storage import audit, audit_culling
from enhetschef_app.storage.bulk import delete_by_ids
from enhetschef_app.storage.models import Absence
from enhetschef_app.storage.models_absence import CareTalk, CareTalkSnooze
from enhetschef_app.storage.models_incidents import Incident
from enhetschef_app.storage.models_privacy import MonthAggregate
from enhetschef_app.storage.queries import privacy as queries
from enhetschef_app.storage.session import Session

# Audit entity names of the records gallring deletes (as their services write them).
ABSENCE_ENTITY = "franvaro"
CARE_TALK_ENTITY = "omtankessamtal"
SNOOZE_ENTITY = "omtankessignal"
INCIDENT_ENTITY = "avvikelse"
INCIDENT_ACTION_ENTITY = "avvikelse_atgard"

# The figures of a month look back at most twelve months (omtankessamtal due, the 12-month
# turnover), so deleted rows can move the figures of months up to a year after they ended.
LOOKBACK_MONTHS = 12

KIND_LABELS: dict[str, str] = {
    "franvaro": "Frånvaroperioder",
    "omtankessamtal": "Omtankessamtal med anteckningar",
    "omtankessignaler": "Väntande omtankessignaler",
    "medarbetarsamtal_anteckningar": "Anteckningar från medarbetarsamtal",
    "avslutningssamtal_anteckningar": "Anteckningar från avslutningssamtal",
    "avvikelser": "Avslutade avvikelser",
    "sakerhetskopior": "Säkerhetskopior av databasen",
}


@dataclass(frozen=True)
class GallringItem:
    kind: str
    count: int
    ended_before: date

    @property
    def label(self) -> str:
        return KIND_LABELS[self.kind]


@dataclass(frozen=True)
class GallringPlan:
    as_of: date
    items: tuple[GallringItem, ...]

    @property
    def total(self) -> int:
        return sum(item.count for item in self.items)

    def counts(self) -> dict[str, int]:
        return {item.kind: item.count for item in self.items}

    def as_dict(self) -> dict[str, Any]:
        """The CLI's JSON (`gallring --dry-run --json`)."""
        return {
            "as_of": self.as_of.isoformat(),
            "items": [
                {
                    "kind": item.kind,
                    "label": item.label,
                    "count": item.count,
                    "ended_before": item.ended_before.isoformat(),
                }
                for item in self.items
            ],
            "total": self.total,
        }


def months_before(day: date, months: int) -> date:
    """The same day `months` months earlier (the month's last day when it has fewer days)."""
    target = YearMonth.of(day).shifted(-months)
    return date(target.year, target.month, min(day.day, target.last.day))


@dataclass
class _Due:
    absences: list[Absence]
    care_talks: list[CareTalk]
    snoozes: list[CareTalkSnooze]
    review_talks: list[Any]
    exit_talks: list[Any]
    incidents: list[Incident]
    backups: list[Path]
    cutoff: date
    incident_cutoff: date | None


def _backups_before(workspace: Workspace, cutoff: date) -> list[Path]:
    if workspace.on_server:
        return []  # a server database's copies are IT's, kept by IT's own rules
    folder = backup_dir_for(workspace.path)
    if not folder.is_dir():
        return []
    limit = datetime(cutoff.year, cutoff.month, cutoff.day, tzinfo=UTC).timestamp()
    stem = workspace.path.stem
    # The copies' names go on with a time stamp, so another database's copies
    # (enhetschef-demo-…) are not taken for this one's.
    copies = folder.glob(f"{stem}-[0-9]*")
    return sorted(p for p in copies if p.is_file() and p.stat().st_mtime < limit)


def _due(workspace: Workspace, session: Session, as_of: date) -> _Due:
    unit = workspace.require_unit()
    settings = rule_settings(workspace)
    cutoff = months_before(as_of, settings.integer("privacy.retention_months"))
    incident_months = settings.integer("privacy.incident_retention_months")
    incident_cutoff = None if incident_months <= 0 else months_before(as_of, incident_months)
    return _Due(
        absences=queries.absences_ended_before(session, unit.id, cutoff),
        care_talks=queries.care_talks_ended_before(session, unit.id, cutoff),
        snoozes=queries.snoozes_ended_before(session, unit.id, cutoff),
        review_talks=queries.review_talks_with_notes_before(session, unit.id, cutoff),
        exit_talks=queries.exit_talks_with_notes_before(session, unit.id, cutoff),
        incidents=[]
        if incident_cutoff is None
        else queries.incidents_closed_before(session, unit.id, incident_cutoff),
        backups=_backups_before(workspace, cutoff),
        cutoff=cutoff,
        incident_cutoff=incident_cutoff,
    )


def _plan(due: _Due, as_of: date) -> GallringPlan:
    items = [
        GallringItem("franvaro", len(due.absences), due.cutoff),
        GallringItem("omtankessamtal", len(due.care_talks), due.cutoff),
        GallringItem("omtankessignaler", len(due.snoozes), due.cutoff),
        GallringItem("medarbetarsamtal_anteckningar", len(due.review_talks), due.cutoff),
        GallringItem("avslutningssamtal_anteckningar", len(due.exit_talks), due.cutoff),
    ]
    if due.incident_cutoff is not None:
        items.append(GallringItem("avvikelser", len(due.incidents), due.incident_cutoff))
    items.append(GallringItem("sakerhetskopior", len(due.backups), due.cutoff))
    return GallringPlan(as_of=as_of, items=tuple(items))


@use_case
def gallring_preview(workspace: Workspace, *, today: date | None = None) -> GallringPlan:
    """What a gallring today would delete, per kind and count; nothing is changed."""
    as_of = today or today_in_sweden()
    with workspace.transaction() as session:
        return _plan(_due(workspace, session, as_of), as_of)


@use_case
def gallring_due_count(workspace: Workspace, *, today: date | None = None) -> int:
    """How many records and backups are due for gallring (the reminder on Översikt)."""
    return gallring_preview(workspace, today=today).total


def _affected_months(due: _Due, as_of: date) -> list[YearMonth]:
    """The months whose figures rest on the rows to be deleted: from the earliest of them to a
    year after the last cut-off, ending with the last whole month."""
    starts: list[date] = [a.start_date for a in due.absences]
    starts += [t.signal_date for t in due.care_talks]
    starts += [s.made_on for s in due.snoozes]
    starts += [i.occurred_on for i in due.incidents]
    if not starts:
        return []
    cutoffs = [due.cutoff] + ([due.incident_cutoff] if due.incident_cutoff else [])
    last = min(
        YearMonth.of(max(cutoffs)).shifted(LOOKBACK_MONTHS),
        YearMonth.of(as_of).shifted(-1),
    )
    months: list[YearMonth] = []
    current = YearMonth.of(min(starts))
    while (current.year, current.month) <= (last.year, last.month):
        months.append(current)
        current = current.shifted(1)
    return months


def _keep_month_figures(workspace: Workspace, due: _Due, as_of: date) -> int:
    unit = workspace.require_unit()
    months = _affected_months(due, as_of)
    if not months:
        return 0
    with workspace.transaction() as session:
        kept = queries.aggregated_months(session, unit.id)
    settings = rule_settings(workspace)
    summaries = {
        m.label: encode_summary(computed_month_summary(workspace, m, settings))
        for m in months
        if m.label not in kept
    }
    with workspace.transaction() as session:
        for label, text in summaries.items():
            if queries.month_aggregate(session, unit.id, label) is None:
                session.add(MonthAggregate(unit_id=unit.id, month=label, summary_json=text))
    return len(summaries)


def run_gallring(
    workspace: Workspace, *, today: date | None = None, expected: GallringPlan | None = None
) -> GallringPlan:
    """Deletes what is due and returns what went. With `expected` (the preview the EC
    confirmed) it refuses when the data changed in between, so she deletes what she saw."""
    as_of = today or today_in_sweden()
    unit = workspace.require_unit()
    with workspace.transaction() as session:
        plan = _plan(_due(workspace, session, as_of), as_of)
    if expected is not None and expected.counts() != plan.counts():
        raise RuleViolation(
            "Uppgifterna har ändrats sedan förhandsvisningen. Öppna Gallra… igen och se vad "
            "som gallras nu."
        )
    if plan.total == 0:
        return plan
    with workspace.transaction() as session:
        due = _due(workspace, session, as_of)
    months_kept = _keep_month_figures(workspace, due, as_of)
    with workspace.transaction() as session:
        due = _due(workspace, session, as_of)
        done = _plan(due, as_of)
        if done.counts() != plan.counts():
            raise RuleViolation("Uppgifterna ändrades medan gallringen pågick. Försök igen.")
        run = audit_culling.open_run(session, unit.id, as_of, workspace.actor)
        refs: list[tuple[str, str]] = [(ABSENCE_ENTITY, str(a.id)) for a in due.absences]
        refs += [(CARE_TALK_ENTITY, str(t.id)) for t in due.care_talks]
        refs += [(SNOOZE_ENTITY, str(s.id)) for s in due.snoozes]
        refs += [(INCIDENT_ENTITY, incident_number(i.year, i.sequence)) for i in due.incidents]
        refs += [
            (INCIDENT_ACTION_ENTITY, str(action_id))
            for action_id in queries.incident_action_ids(session, [i.id for i in due.incidents])
        ]
        culled = audit_culling.cull_details(session, run, refs)
        _delete_rows(session, due)
        counts = {k: v for k, v in done.counts().items() if k != "sakerhetskopior"}
        audit_culling.close_run(session, run, counts)
        audit.record(
            session,
            actor=workspace.actor,
            action="gallra",
            entity="gallring",
            entity_id=run.id,
            unit_id=unit.id,
            after={
                "as_of": as_of,
                "ended_before": due.cutoff,
                "counts": done.counts(),
                "audit_entries_anonymised": culled,
                "months_kept_as_aggregates": months_kept,
            },
        )
    for path in due.backups:
        path.unlink(missing_ok=True)
    return done


def _delete_rows(session: Session, due: _Due) -> None:
    def ids(rows: list[Any]) -> list[int]:
        return [row.id for row in rows]

    delete_by_ids(session, Absence, ids(due.absences))
    delete_by_ids(session, CareTalk, ids(due.care_talks))
    delete_by_ids(session, CareTalkSnooze, ids(due.snoozes))
    for talk in due.review_talks:
        talk.notes = ""
    for talk in due.exit_talks:
        talk.notes = ""
    delete_by_ids(session, Incident, ids(due.incidents))
    session.flush()


@use_case
def last_gallring(workspace: Workspace) -> dict[str, Any] | None:
    """When the unit was last gallrad and what went, by kind and count."""
    unit = workspace.require_unit()
    with workspace.transaction() as session:
        run = queries.last_finished_run(session, unit.id)
        if run is None:
            return None
        return {
            "as_of": run.as_of,
            "finished_at": run.finished_at,
            "counts": json.loads(run.counts_json),
        }

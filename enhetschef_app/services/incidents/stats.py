"""Avvikelser counted: a year by track, category, state and month, how long closing takes, what
is late, and whether the unit was understaffed when things happened. Also the two workbooks:
the anonymized one for the APT and the EC's own list.

A report belongs to the year and month of its event date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from enhetschef_app.domain.calendar import today as today_in_sweden
from enhetschef_app.domain.errors import UserError
from enhetschef_app.domain.incident_report import STEP_LABELS, median_days
from enhetschef_app.domain.incident_staffing import staffing_at_event
from enhetschef_app.domain.incidents import (
    CATEGORIES,
    STATE_ORDER,
    IncidentState,
    Track,
)
from enhetschef_app.excel.incident_apt import (
    AptFigures,
    ChartKind,
    CountTable,
    table_from_counts,
    write_apt_workbook,
)
from enhetschef_app.excel.incident_list import Cell, write_incident_list
from enhetschef_app.services.core.outgoing_text import OutgoingText, check_outgoing
from enhetschef_app.services.core.workspace import Workspace, use_case
from enhetschef_app.services.incidents.views import IncidentSummary, list_incidents
from enhetschef_app.storage import audit
from enhetschef_app.storage.queries.incident_staffing import needs_around, rows_around
from enhetschef_app.storage.queries.incidents import (
    ActionCounts,
    action_totals,
    counts_by,
    counts_by_month_and_track,
    days_to_close,
)

MONTH_NAMES = (
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
)
FIRST_YEAR, LAST_YEAR = 2000, 2100


@dataclass(frozen=True)
class StaffingAtEvents:
    understaffed: int  # fewer present than the need when it happened
    staffed: int
    unknown: int  # no schedule or no need for that moment


@dataclass(frozen=True)
class IncidentStats:
    unit_code: str
    year: int
    as_of: date
    total: int
    by_track: dict[str, int]
    by_category: dict[str, int]
    by_state: dict[str, int]
    by_month: dict[str, int]  # "2026-01" … "2026-12"
    by_month_and_track: dict[str, dict[str, int]]
    closed: int
    median_days_to_close: Decimal | None
    overdue: int  # reports with a step past its deadline or a late action, as of `as_of`
    overdue_by_step: dict[str, int]  # the late steps by what they are ("Anmälan till IVO")
    actions: ActionCounts
    lex_sarah_serious: int
    reported_to_ivo: int
    staffing_at_event: StaffingAtEvents

    def as_dict(self) -> dict[str, Any]:
        median = self.median_days_to_close
        return {
            "unit": self.unit_code,
            "year": self.year,
            "as_of": self.as_of.isoformat(),
            "total": self.total,
            "by_track": dict(self.by_track),
            "by_category": dict(self.by_category),
            "by_state": dict(self.by_state),
            "by_month": dict(self.by_month),
            "by_month_and_track": {m: dict(t) for m, t in self.by_month_and_track.items()},
            "closed": self.closed,
            "median_days_to_close": None if median is None else float(median),
            "overdue": self.overdue,
            "overdue_by_step": dict(self.overdue_by_step),
            "actions": {
                "total": self.actions.total,
                "open": self.actions.open,
                "overdue": self.actions.overdue,
            },
            "lex_sarah_serious": self.lex_sarah_serious,
            "reported_to_ivo": self.reported_to_ivo,
            "staffing_at_event": {
                "understaffed": self.staffing_at_event.understaffed,
                "staffed": self.staffing_at_event.staffed,
                "unknown": self.staffing_at_event.unknown,
            },
        }


def _check_year(year: int) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise UserError(f"Ange ett år mellan {FIRST_YEAR} och {LAST_YEAR}.")


def _staffing_of(
    workspace: Workspace, unit_id: int, summaries: list[IncidentSummary]
) -> StaffingAtEvents:
    understaffed = staffed = unknown = 0
    with workspace.transaction() as session:
        for summary in summaries:
            day = summary.occurred_on
            found = staffing_at_event(
                rows_around(session, unit_id, day),
                needs_around(session, unit_id, day),
                summary.occurred_at,
            ).understaffed
            if found is None:
                unknown += 1
            elif found:
                understaffed += 1
            else:
                staffed += 1
    return StaffingAtEvents(understaffed, staffed, unknown)


@use_case
def incident_stats(workspace: Workspace, year: int, as_of: date | None = None) -> IncidentStats:
    _check_year(year)
    unit = workspace.require_unit()
    day = as_of or today_in_sweden()
    summaries = list_incidents(workspace, day, date(year, 1, 1), date(year, 12, 31))
    with workspace.transaction() as session:
        tracks = counts_by(session, unit.id, year, "track")
        categories = counts_by(session, unit.id, year, "category")
        states = counts_by(session, unit.id, year, "state")
        months = counts_by(session, unit.id, year, "month")
        month_track = counts_by_month_and_track(session, unit.id, year)
        durations = days_to_close(session, unit.id, year)
        actions = action_totals(session, unit.id, year, day)
    month_keys = [f"{year}-{m:02d}" for m in range(1, 13)]
    overdue_by_step: dict[str, int] = {}
    for summary in summaries:
        for warning in summary.deadlines:
            overdue_by_step[warning.what] = overdue_by_step.get(warning.what, 0) + 1
    sarah = [s for s in summaries if s.track is Track.LEX_SARAH]
    return IncidentStats(
        unit_code=unit.code,
        year=year,
        as_of=day,
        total=sum(tracks.values()),
        by_track={t.value: tracks.get(t.value, 0) for t in Track},
        by_category={code: categories.get(code, 0) for code, _ in CATEGORIES},
        by_state={s.value: states.get(s.value, 0) for s in STATE_ORDER},
        by_month={m: months.get(m, 0) for m in month_keys},
        by_month_and_track={
            m: {t.value: month_track.get((m, t.value), 0) for t in Track} for m in month_keys
        },
        closed=states.get(IncidentState.CLOSED.value, 0),
        median_days_to_close=median_days(durations),
        overdue=sum(1 for s in summaries if s.overdue),
        overdue_by_step=dict(sorted(overdue_by_step.items())),
        actions=actions,
        lex_sarah_serious=sum(1 for s in sarah if s.steps.serious),
        reported_to_ivo=sum(1 for s in sarah if s.steps.reported_to_ivo_on is not None),
        staffing_at_event=_staffing_of(workspace, unit.id, summaries),
    )


def _days_text(value: Decimal | None) -> str:
    if value is None:
        return "–"
    text = f"{value.normalize():f}".replace(".", ",")
    return f"{text} dagar"


def apt_figures(stats: IncidentStats, unit_name: str) -> AptFigures:
    """The workbook's content: labels and counts only, never a name or a free text."""
    tracks = list(Track)
    staffing = stats.staffing_at_event
    return AptFigures(
        title=f"Avvikelser {stats.year} – {unit_name}",
        subtitle=(
            f"Anonymiserad sammanställning för APT, läget {stats.as_of.isoformat()}. "
            "Innehåller bara antal: inga namn och inga fritexter."
        ),
        key_figures=(
            ("Avvikelser under året", stats.total),
            ("Avslutade", stats.closed),
            ("Mediantid till avslutad", _days_text(stats.median_days_to_close)),
            ("Efter tidsfrist nu", stats.overdue),
            ("Åtgärder totalt", stats.actions.total),
            ("Åtgärder klara", stats.actions.total - stats.actions.open),
            ("Åtgärder försenade", stats.actions.overdue),
            ("Lex Sarah bedömda som allvarliga", stats.lex_sarah_serious),
            ("Anmälda till IVO", stats.reported_to_ivo),
            ("Hände vid underbemanning", staffing.understaffed),
            ("Hände när bemanningen räckte", staffing.staffed),
        ),
        definitions=(
            "En avvikelse räknas till året och månaden då händelsen inträffade.",
            "Mediantid till avslutad: dagar från rapport till avslutad, för årets avslutade.",
            "Efter tidsfrist: ett steg (t.ex. anmälan till IVO) eller en åtgärd är sen.",
            "Underbemanning: färre i tjänst än behovet vid händelsens klockslag enligt schemat "
            "(tomma rader och frånvarande räknas inte som i tjänst).",
        ),
        tables=(
            CountTable(
                sheet="Per månad",
                title=f"Avvikelser per månad och spår {stats.year}",
                label_header="Månad",
                count_headers=tuple(t.label for t in tracks),
                rows=tuple(
                    (
                        MONTH_NAMES[index].capitalize(),
                        tuple(stats.by_month_and_track[month][t.value] for t in tracks),
                    )
                    for index, month in enumerate(stats.by_month_and_track)
                ),
                chart=ChartKind.STACKED_COLUMNS,
            ),
            table_from_counts(
                "Per kategori",
                "Avvikelser per kategori",
                "Kategori",
                "Antal",
                [(label, stats.by_category[code]) for code, label in CATEGORIES],
                ChartKind.BARS,
            ),
            table_from_counts(
                "Per spår",
                "Avvikelser per spår",
                "Spår",
                "Antal",
                [(t.label, stats.by_track[t.value]) for t in tracks],
                ChartKind.PIE,
            ),
            table_from_counts(
                "Per status",
                "Avvikelser per status",
                "Status",
                "Antal",
                [(s.label, stats.by_state[s.value]) for s in STATE_ORDER],
                ChartKind.BARS,
            ),
            table_from_counts(
                "Bemanning",
                "Bemanningen när det hände",
                "Läge",
                "Antal",
                [
                    ("Underbemannat", staffing.understaffed),
                    ("Bemanningen räckte", staffing.staffed),
                    ("Okänt (inget schema)", staffing.unknown),
                ],
                ChartKind.BARS,
                note="Jämför med schemat: färre i tjänst än behovet vid händelsens klockslag.",
            ),
        ),
    )


def export_apt(
    workspace: Workspace,
    year: int,
    path: Path,
    as_of: date | None = None,
    *,
    allow_sensitive_words: bool = False,
) -> IncidentStats:
    """Writes the anonymized APT workbook for the year; the export is noted in the audit log.
    Its only free text is the unit's name, checked like every text that leaves."""
    unit = workspace.require_unit()
    check_outgoing(
        [OutgoingText("Enhetens namn", unit.name)], allow_health_words=allow_sensitive_words
    )
    stats = incident_stats(workspace, year, as_of)
    write_apt_workbook(path, apt_figures(stats, unit.name))
    with workspace.transaction() as session:
        audit.record(
            session,
            actor=workspace.actor,
            action="exportera_avvikelser_apt",
            entity="avvikelse",
            unit_id=unit.id,
            after={"year": year, "file": str(path), "total": stats.total},
        )
    return stats


def _yes_no(value: bool | None) -> str:
    return "" if value is None else ("ja" if value else "nej")


def _step_cell(summary: IncidentSummary, name: str) -> Cell:
    """A step's date, only where the report's track has that step."""
    value = getattr(summary.steps, name)
    if name not in summary.track_steps or value is None:
        return None
    return value if isinstance(value, date) else str(value)


def list_rows(
    summaries: list[IncidentSummary], with_text: bool
) -> tuple[list[str], list[list[Cell]]]:
    """The list workbook's columns: free text only `with_text`."""
    headers = [
        "Nummer",
        "Händelsedatum",
        "Klockslag",
        "Rapporterad",
        "Spår",
        "Kategori",
        "Status",
        "Typ (arbetsmiljö)",
        "Allvarligt (Lex Sarah)",
        STEP_LABELS["investigation_done_on"],
        STEP_LABELS["reported_to_ivo_on"],
        STEP_LABELS["handed_to_mas_on"],
        STEP_LABELS["reported_to_av_on"],
        STEP_LABELS["reported_to_fk_on"],
        "Avslutad",
        "Åtgärder öppna",
        "Åtgärder försenade",
        "Efter tidsfrist",
    ]
    if with_text:
        headers += ["Rapportör", "Beskrivning", "Åtgärd direkt", "Utredningens anteckning"]
    rows: list[list[Cell]] = []
    for s in summaries:
        steps = s.steps
        kind = _step_cell(s, "work_environment_kind")
        row: list[Cell] = [
            s.number,
            s.occurred_on,
            s.occurred_at.strftime("%H:%M"),
            s.reported_on,
            s.track.label,
            s.category_label,
            s.state.label,
            steps.work_environment_kind.label if kind and steps.work_environment_kind else "",
            _yes_no(steps.serious) if "serious" in s.track_steps else "",
            _step_cell(s, "investigation_done_on"),
            _step_cell(s, "reported_to_ivo_on"),
            _step_cell(s, "handed_to_mas_on"),
            _step_cell(s, "reported_to_av_on"),
            _step_cell(s, "reported_to_fk_on"),
            s.closed_on,
            s.actions.open,
            s.actions.overdue,
            "; ".join(f"{w.what} ({w.days_over} d)" for w in s.deadlines),
        ]
        if with_text:
            row += [s.reporter, s.description, s.immediate_action, steps.investigation_note]
        rows.append(row)
    return headers, rows


def export_incident_list(
    workspace: Workspace,
    path: Path,
    summaries: list[IncidentSummary],
    with_text: bool = False,
) -> Path:
    """The EC's own list of the given reports; free text only when she chose it (audited)."""
    unit = workspace.require_unit()
    headers, rows = list_rows(summaries, with_text)
    title = f"Avvikelser – {unit.name} ({len(rows)} st)"
    write_incident_list(path, title, headers, rows)
    with workspace.transaction() as session:
        audit.record(
            session,
            actor=workspace.actor,
            action="exportera_avvikelselista",
            entity="avvikelse",
            unit_id=unit.id,
            after={"file": str(path), "rows": len(rows), "with_text": with_text},
        )
    return path

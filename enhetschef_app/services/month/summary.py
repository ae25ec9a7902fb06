"""The month summary for the verksamhetschef: every key figure of one month of the unit, each
with its definition and the inputs it was computed from (DOMAIN.md: Key figures of the month
summary).

The figures of each area come from that area's own service, so the month report and the area's
page always agree: sjukfrånvaro, frånvarotillfällen and omtankessamtal from
`absence_figures`, headcount, avgångar, personalomsättning, heltid and medarbetarsamtal from
`people_figures`, övertid and mertid through `month_overtime`. Worked hours, the hourly-paid
share and the empty rows are counted here, in SQL (`storage.queries.month_rows`), by the rules
of `domain.month_rows`. Nothing depends on the day it is computed: the summary of 2026-10 is
the same for the same data.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from enhetschef_app.domain.incidents import Track
from enhetschef_app.domain.key_figures import (
    FIGURE_KEYS,
    FIGURE_SPECS,
    TargetStatus,
    hourly_paid_share_percent,
    overtime_and_mertid_hours,
    sick_percent,
    target_status,
)
from enhetschef_app.domain.month_lock import FigureValue
from enhetschef_app.domain.month_rows import dst_change_days_between, month_row_figures
from enhetschef_app.domain.rounding import hours_of_percent_minutes, round_half_up
from enhetschef_app.domain.settings_catalog import RuleSettings
from enhetschef_app.domain.year_month import YearMonth
from enhetschef_app.services.absence.figures import absence_month_figures
from enhetschef_app.services.core.settings import rule_settings
from enhetschef_app.services.core.workspace import Workspace, use_case
from enhetschef_app.services.economy.figures import economy_month_figures
from enhetschef_app.services.month.overtime import OvertimeMonth, overtime_of_month
from enhetschef_app.services.people.figures import (
    PEOPLE_FIGURE_DEFINITIONS,
    people_month_figures,
)
from enhetschef_app.storage.queries.incidents import counts_by_month_and_track
from enhetschef_app.storage.queries.month_rows import month_row_groups
from enhetschef_app.storage.queries.privacy import month_aggregate

Inputs = dict[str, Any]


@dataclass(frozen=True)
class MonthSummary:
    unit_code: str
    unit_name: str
    month: YearMonth
    values: dict[str, FigureValue]  # one per FIGURE_KEYS
    inputs: dict[str, Inputs]  # per figure: what it was computed from
    definitions: dict[str, str]
    targets: dict[str, Decimal]  # figure key → its ceiling (the `targets.*` settings)
    overtime_recorded: bool = True
    details: dict[str, Any] = field(default_factory=dict)

    def value(self, key: str) -> FigureValue:
        return self.values[key]

    def status(self, key: str) -> TargetStatus | None:
        """Against its target, for a figure that has one."""
        return self.status_of(key, self.values[key])

    def status_of(self, key: str, value: FigureValue) -> TargetStatus | None:
        """`value` of the figure `key` against the figure's target, if it has one."""
        ceiling = self.targets.get(key)
        return None if ceiling is None else target_status(value, ceiling)

    def as_dict(self) -> dict[str, Any]:
        """The CLI's JSON: the figures as numbers at the top (percent as percent: 6.78), then
        the period, each figure's definition, inputs and target under `figures`."""
        out: dict[str, Any] = {
            "unit": self.unit_code,
            "unit_name": self.unit_name,
            "month": self.month.label,
        }
        out.update({key: json_number(self.values[key]) for key in FIGURE_KEYS})
        out["period"] = {"first": self.month.first.isoformat(), "last": self.month.last.isoformat()}
        out["overtime_recorded"] = self.overtime_recorded
        out["details"] = plain(self.details)
        out["figures"] = {
            key: {
                "label": FIGURE_SPECS[key].label,
                "unit": FIGURE_SPECS[key].unit.value,
                "value": json_number(self.values[key]),
                "definition": self.definitions[key],
                "inputs": plain(self.inputs.get(key, {})),
                **(
                    {
                        "target_max": json_number(self.targets[key]),
                        "target_status": target_status(self.values[key], self.targets[key]).value,
                    }
                    if key in self.targets
                    else {}
                ),
            }
            for key in FIGURE_KEYS
        }
        return out


def json_number(value: object) -> object:
    """A Decimal as a JSON number (6.78); counts as they are, None as null."""
    if isinstance(value, Decimal):
        return (
            int(value)
            if value == value.to_integral_value() and value.as_tuple().exponent == 0
            else float(value)
        )
    return value


def plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return json_number(value)
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value


def targets_of(settings: RuleSettings) -> dict[str, Decimal]:
    return {
        spec.key: settings.decimal(spec.target_setting)
        for spec in FIGURE_SPECS.values()
        if spec.target_setting is not None
    }


def definitions_of(month: YearMonth) -> dict[str, str]:
    period = f" Period: {month.first.isoformat()}–{month.last.isoformat()}."
    found: dict[str, str] = {}
    for key, spec in FIGURE_SPECS.items():
        text = PEOPLE_FIGURE_DEFINITIONS.get(key, spec.definition)
        found[key] = text + period
    return found


def _tagged(value: Any) -> Any:
    """Exact JSON of a summary's parts: a Decimal or a date keeps its type when read back."""
    if isinstance(value, Decimal):
        return {"$decimal": str(value)}
    if isinstance(value, date):
        return {"$date": value.isoformat()}
    if isinstance(value, dict):
        return {str(k): _tagged(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_tagged(v) for v in value]
    return value


def _untagged(value: Any) -> Any:
    if isinstance(value, dict):
        if set(value) == {"$decimal"}:
            return Decimal(value["$decimal"])
        if set(value) == {"$date"}:
            return date.fromisoformat(value["$date"])
        return {k: _untagged(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_untagged(v) for v in value]
    return value


def encode_summary(summary: MonthSummary) -> str:
    """The data-borne parts of a summary (values, inputs, details), kept when gallring removes
    the rows they were computed from."""
    return json.dumps(
        {
            "values": _tagged(summary.values),
            "inputs": _tagged(summary.inputs),
            "details": _tagged(summary.details),
            "overtime_recorded": summary.overtime_recorded,
        },
        ensure_ascii=False,  # the order of keys is kept: the JSON outputs read the same
    )


def _recorded_summary(
    workspace: Workspace, period: YearMonth, settings: RuleSettings
) -> MonthSummary | None:
    unit = workspace.require_unit()
    with workspace.transaction() as session:
        row = month_aggregate(session, unit.id, period.label)
        if row is None:
            return None
        stored = _untagged(json.loads(row.summary_json))
    return MonthSummary(
        unit_code=unit.code,
        unit_name=unit.name,
        month=period,
        values=stored["values"],
        inputs=stored["inputs"],
        definitions=definitions_of(period),
        targets=targets_of(settings),
        overtime_recorded=stored["overtime_recorded"],
        details=stored["details"],
    )


@use_case
def month_summary(workspace: Workspace, year: int, month: int) -> MonthSummary:
    """The month's figures: computed from the data, or, for a month whose rows gallring has
    removed, the aggregate recorded before it did."""
    period = YearMonth(year, month)
    settings = rule_settings(workspace)
    recorded = _recorded_summary(workspace, period, settings)
    if recorded is not None:
        return recorded
    return computed_month_summary(workspace, period, settings)


@use_case
def computed_month_summary(
    workspace: Workspace, period: YearMonth, settings: RuleSettings
) -> MonthSummary:
    unit = workspace.require_unit()
    year, month = period.year, period.month
    absence = absence_month_figures(workspace, year, month)
    people = people_month_figures(workspace, year, month)
    overtime = overtime_of_month(workspace, year, month)
    economy = economy_month_figures(workspace, year, month)
    dst_days = dst_change_days_between(period.first, period.last)
    with workspace.transaction() as session:
        groups = month_row_groups(session, unit.id, period.first, period.last, dst_days)
        by_month_track = counts_by_month_and_track(session, unit.id, year)
    rows = month_row_figures(groups)
    incidents_by_track = {
        track: count for (label, track), count in by_month_track.items() if label == period.label
    }
    worked = hours_of_percent_minutes(rows.worked_percent_minutes)
    hourly = hours_of_percent_minutes(rows.hourly_paid_percent_minutes)
    scheduled = absence.scheduled_hours
    values: dict[str, FigureValue] = {
        "scheduled_hours": scheduled,
        "sick_hours": absence.sick_hours,
        "sick_percent": absence.sick_percent,
        "sick_percent_short": sick_percent(absence.short_sick_hours, scheduled),
        "sick_percent_long": sick_percent(absence.long_sick_hours, scheduled),
        "worked_hours": worked,
        "hourly_paid_hours": hourly,
        "hourly_paid_share_percent": hourly_paid_share_percent(
            rows.hourly_paid_percent_minutes, rows.worked_percent_minutes
        ),
        "overtime_hours_simple": overtime.simple_hours,
        "overtime_hours_qualified": overtime.qualified_hours,
        "mertid_hours": overtime.mertid_hours,
        "overtime_cost": overtime.cost,
        "absence_occasions": absence.occasions_started,
        "care_talks_due": absence.talks_due_at_month_end,
        "care_talks_held": absence.talks_held,
        "empty_rows": rows.empty_rows,
        "empty_rows_filled": rows.filled,
        "empty_rows_unfilled": rows.unfilled,
        "incidents": sum(incidents_by_track.values()),
        "incidents_lex_sarah": incidents_by_track.get(Track.LEX_SARAH.value, 0),
        "reviews_coverage_percent": people.reviews_coverage_percent,
        "headcount_tillsvidare": people.headcount_tillsvidare,
        "headcount_visstid": people.headcount_visstid,
        "headcount_timavlonad": people.headcount_timavlonad,
        "leavers": people.leavers,
        "turnover_percent_12m": people.turnover_percent_12m,
        "fulltime_share_percent": people.fulltime_share_percent,
        **economy.values,
    }
    sick_inputs = {"sick_hours": absence.sick_hours, "scheduled_hours": scheduled}
    overtime_inputs = _overtime_inputs(overtime)
    inputs: dict[str, Inputs] = {
        "sick_percent": sick_inputs,
        "sick_percent_short": {"short_sick_hours": absence.short_sick_hours, **sick_inputs},
        "sick_percent_long": {"long_sick_hours": absence.long_sick_hours, **sick_inputs},
        "sick_hours": {
            "short_sick_hours": absence.short_sick_hours,
            "middle_sick_hours": absence.middle_sick_hours,
            "long_sick_hours": absence.long_sick_hours,
        },
        "hourly_paid_share_percent": {"hourly_paid_hours": hourly, "worked_hours": worked},
        "empty_rows": {"filled_by": dict(rows.filled_by), "unfilled": rows.unfilled},
        "empty_rows_filled": {"filled_by": dict(rows.filled_by)},
        "incidents": {"by_track": dict(sorted(incidents_by_track.items()))},
        "turnover_percent_12m": {
            "leavers_12m": people.turnover_leavers_12m,
            "average_tillsvidare_12m": round_half_up(people.average_tillsvidare_12m),
        },
        "fulltime_share_percent": {"headcount_tillsvidare": people.headcount_tillsvidare},
        "reviews_coverage_percent": {
            "cycle": people.reviews_cycle,
            "expected": people.reviews_expected,
            "held": people.reviews_held,
        },
        "leavers": {
            "by_form": dict(people.leavers_by_form),
            "reasons": dict(people.leave_reasons),
        },
        **{key: overtime_inputs for key in _OVERTIME_KEYS},
        **economy.inputs,
    }
    return MonthSummary(
        unit_code=unit.code,
        unit_name=unit.name,
        month=period,
        values=values,
        inputs=inputs,
        definitions=definitions_of(period),
        targets=targets_of(settings),
        overtime_recorded=overtime.recorded,
        details={
            "empty_rows_filled_by": dict(rows.filled_by),
            "incidents_by_track": dict(sorted(incidents_by_track.items())),
            "sick_hours_middle": absence.middle_sick_hours,
            "overtime_requests_waiting": overtime.waiting,
            "exit_talks_held": people.exit_talks_held,
        },
    )


_OVERTIME_KEYS = (
    "overtime_hours_simple",
    "overtime_hours_qualified",
    "mertid_hours",
    "overtime_cost",
)


def _overtime_inputs(overtime: OvertimeMonth) -> Inputs:
    if not overtime.recorded:
        return {"recorded": False, "note": "Övertid och mertid registreras inte i programmet än."}
    return {
        "recorded": True,
        "total_hours": overtime_and_mertid_hours(
            overtime.simple_hours, overtime.qualified_hours, overtime.mertid_hours
        ),
        "requests_waiting": overtime.waiting,
    }

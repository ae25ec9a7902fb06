"""Registerutdrag (GDPR art. 15): everything the program holds about one employee, a sheet per
kind with Swedish column names, for the EC to hand over.

The kinds are found from the schema (`storage.queries.person_data`): every table that refers to
an employee, directly or through a parent. Each needs an entry in `SHEETS` (its sheet name and
column names); a test walks the schema and fails on a table without one, so a new area's table
cannot be left out. Avvikelser refer to people by name, not by key: the person's part in them
(reported, holds an action) is listed, never the description, which may name brukare or
colleagues. The audit log's entries about the person end the extract.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from enhetschef_app.domain.errors import NotFoundError
from enhetschef_app.domain.incidents import incident_number
from enhetschef_app.services.core.workspace import Workspace, use_case
from enhetschef_app.storage import audit
from enhetschef_app.storage.queries.person_data import (
    audit_entries_about,
    lookup_names,
    person_rows,
    person_tables,
)
from enhetschef_app.storage.queries.privacy import incidents_involving
from enhetschef_app.storage.queries.staff import employee_by_number

STOCKHOLM = ZoneInfo("Europe/Stockholm")

Cell = str | int | float | date | datetime | None


@dataclass(frozen=True)
class SheetSpec:
    title: str  # the sheet's name (at most 31 characters)
    columns: dict[str, str]  # column → Swedish heading, in the order shown
    audit_entity: str | None = None  # how the audit log names a record of this kind


_CREATED = {"created_at": "Registrerad"}

# Every table that refers to an employee, with its sheet; a test holds this complete.
SHEETS: dict[str, SheetSpec] = {
    "employees": SheetSpec(
        "Person och anställning",
        {
            "employee_no": "Anställningsnummer",
            "name": "Namn",
            "unit_id": "Enhet",
            "employment_form": "Anställningsform",
            "grade_percent": "Sysselsättningsgrad (%)",
            "fulltime_week_minutes": "Heltidsvecka (minuter)",
            "monthly_salary": "Månadslön (kr)",
            "start_date": "Första dag",
            "end_date": "Sista dag",
            "end_reason": "Orsak till avslut",
            "created_at": "Registrerad",
            "updated_at": "Senast ändrad",
        },
        audit.EMPLOYEE_ENTITY,
    ),
    "schedule_rows": SheetSpec(
        "Schemarader",
        {
            "work_date": "Datum",
            "start_time": "Start",
            "end_time": "Slut",
            "break_minutes": "Rast (minuter)",
            "shift_code": "Passkod",
            "source": "Källa",
            "unit_id": "Enhet",
        },
        "schemarad",
    ),
    "schedule_covers": SheetSpec(
        "Ersättarpass",
        {
            "row_id": "Schemarad",
            "kind": "Som",
            "released_row_id": "Släppt resurspass",
            "recorded_by": "Registrerat av",
            "recorded_at": "Registrerat",
            "unit_id": "Enhet",
        },
        "ersattare",
    ),
    "absences": SheetSpec(
        "Frånvaro",
        {
            "kind": "Slag",
            "start_date": "Från",
            "end_date": "Till",
            "extent_percent": "Omfattning (%)",
            **_CREATED,
        },
        "franvaro",
    ),
    "care_talks": SheetSpec(
        "Omtankessamtal",
        {
            "state": "Status",
            "signal_date": "Signal",
            "occasions": "Tillfällen",
            "covers_from": "Gäller från",
            "covers_through": "Gäller till",
            "invited_date": "Inbjuden till dag",
            "invited_time": "Tid",
            "duration_minutes": "Längd (minuter)",
            "place": "Plats",
            "invitations": "Inbjudningar",
            "held_on": "Genomfört",
            "support_text": "Överenskommet stöd",
            "follow_up_date": "Uppföljning planerad",
            "followed_up_on": "Uppföljt",
            "follow_up_note": "Anteckning från uppföljningen",
            "closed_on": "Avslutat",
            "decided_on": "Beslutat",
            "reason": "Motivering",
            "unit_id": "Enhet",
            "created_at": "Registrerat",
            "updated_at": "Senast ändrat",
        },
        "omtankessamtal",
    ),
    "care_talk_snoozes": SheetSpec(
        "Väntande omtankessignaler",
        {
            "made_on": "Beslutat",
            "until": "Vänta till",
            "reason": "Skäl",
            "created_by": "Beslutat av",
            "unit_id": "Enhet",
            "created_at": "Registrerat",
        },
        "omtankessignal",
    ),
    "overtime_requests": SheetSpec(
        "Övertid och mertid",
        {
            "work_date": "Datum",
            "start_time": "Start",
            "end_time": "Slut",
            "break_start": "Rast från",
            "break_end": "Rast till",
            "reason": "Skäl",
            "compensation": "Ersättning",
            "source": "Källa",
            "cover_id": "Ersättarpass",
            "row_id": "Schemarad",
            "absence_id": "Täcker frånvaro",
            "created_by": "Registrerad av",
            "unit_id": "Enhet",
            "created_at": "Registrerad",
        },
        "overtid",
    ),
    "overtime_decisions": SheetSpec(
        "Övertidsbeslut",
        {
            "request_id": "Begäran",
            "corrects_id": "Rättar beslut",
            "verdict": "Beslut",
            "reason": "Motivering",
            "over_limit_reason": "Skäl till att gränsen passeras",
            "limits_passed": "Passerade gränser",
            "decided_by": "Beslutat av",
            "decided_at": "Beslutat",
            "compensation": "Ersättning",
            "minutes_hourly": "Timlön (minuter)",
            "minutes_mertid": "Mertid (minuter)",
            "minutes_simple": "Enkel övertid (minuter)",
            "minutes_qualified": "Kvalificerad övertid (minuter)",
            "cost_mertid_ore": "Kostnad mertid (öre)",
            "cost_simple_ore": "Kostnad enkel (öre)",
            "cost_qualified_ore": "Kostnad kvalificerad (öre)",
            "comp_hundredths": "Komp (hundradels timmar)",
            "hourly_wage": "Timlön (kr)",
            "segments_json": "Uppdelning per minut",
            "limits_json": "Gränser vid beslutet",
        },
    ),
    "review_talks": SheetSpec(
        "Medarbetarsamtal",
        {
            "planned_on": "Planerat",
            "planned_time": "Tid",
            "duration_minutes": "Längd (minuter)",
            "place": "Plats",
            "booked_at": "Inbjudan skickad",
            "held_on": "Genomfört",
            "notes": "Anteckningar",
            "followed_up_on": "Uppföljt",
            "created_at": "Registrerat",
        },
        "medarbetarsamtal",
    ),
    "review_goals": SheetSpec(
        "Mål (IUP)",
        {
            "talk_id": "Samtal",
            "position": "Ordning",
            "goal": "Mål",
            "how": "Hur",
            "due_on": "Klart senast",
            "followed_up_on": "Uppföljt",
        },
        "mal",
    ),
    "salary_talks": SheetSpec(
        "Lönesamtal", {"talk_date": "Datum", "done": "Genomfört"}, "lonesamtal"
    ),
    "trainings": SheetSpec(
        "Utbildningar",
        {
            "training_kind_id": "Utbildning",
            "completed_on": "Genomförd",
            "valid_until": "Giltig till",
            **_CREATED,
        },
        "utbildning_genomford",
    ),
    "delegations": SheetSpec(
        "Delegeringar",
        {
            "task": "Uppgift",
            "delegated_by": "Delegerad av",
            "valid_from": "Giltig från",
            "valid_to": "Giltig till",
            "ended_on": "Återkallad",
            **_CREATED,
        },
        "delegering",
    ),
    "intro_checks": SheetSpec(
        "Introduktion",
        {"item_id": "Punkt", "planned_on": "Planerad", "done_on": "Klar"},
        "introduktionspunkt",
    ),
    "exit_talks": SheetSpec(
        "Avslutningssamtal",
        {
            "outcome": "Utfall",
            "held_on": "Datum",
            "notes": "Anteckningar",
            "created_at": "Registrerat",
            "updated_at": "Senast ändrat",
        },
        "avslutningssamtal",
    ),
}

# Referenced tables shown by a readable value instead of their key.
LOOKUPS: dict[str, str] = {
    "units": "code",
    "training_kinds": "name",
    "intro_items": "title",
}

INCIDENT_SHEET = "Avvikelser"
AUDIT_SHEET = "Logg"
INCIDENT_HEADERS = ["Nummer", "Händelsedatum", "Kategori", "Spår", "Status", "Roll"]
AUDIT_HEADERS = [
    "Tid",
    "Vem",
    "Konto i datorn",
    "Dator",
    "Händelse",
    "Gäller",
    "Id",
    "Före",
    "Efter",
]


@dataclass(frozen=True)
class ExtractSheet:
    title: str
    headers: list[str]
    rows: list[list[Cell]]


@dataclass(frozen=True)
class RegisterExtract:
    employee_no: str
    name: str
    unit_code: str
    unit_name: str
    made_at: datetime
    made_by: str
    sheets: list[ExtractSheet]

    def sheet(self, title: str) -> ExtractSheet:
        return next(s for s in self.sheets if s.title == title)


def cell(value: Any) -> Cell:
    """A stored value as the extract shows it: times of day as 08:30, moments in Swedish time,
    yes/no in Swedish, exact decimals as numbers."""
    if value is None or (isinstance(value, str | int) and not isinstance(value, bool)):
        return value
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, datetime):
        moment = value if value.tzinfo else value.replace(tzinfo=UTC)
        return moment.astimezone(STOCKHOLM).replace(tzinfo=None, microsecond=0)
    if isinstance(value, date):
        return value
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, Decimal):
        return float(value)
    return str(value)


def _columns(spec: SheetSpec, stored: list[str]) -> list[tuple[str, str]]:
    """The shown columns: those named in the spec, then any the spec does not know yet under
    their own name (so a new column is never hidden); keys to the person are left out."""
    shown = [(column, heading) for column, heading in spec.columns.items() if column in stored]
    hidden = {"id", "employee_id"}
    shown += [(c, c) for c in stored if c not in spec.columns and c not in hidden]
    return [("id", "Id"), *shown]


@use_case
def register_extract(workspace: Workspace, employee_no: str) -> RegisterExtract:
    unit = workspace.require_unit()
    from enhetschef_app.storage.model_registry import metadata

    with workspace.transaction() as session:
        employee = employee_by_number(session, unit.id, employee_no.strip())
        if employee is None:
            raise NotFoundError(
                f"Det finns ingen medarbetare med nummer {employee_no} i {unit.code}."
            )
        rows = person_rows(session, employee.id)
        sheets: list[ExtractSheet] = []
        refs: list[tuple[str, str]] = []
        order = list(SHEETS)
        tables = sorted(
            person_tables(), key=lambda t: order.index(t.name) if t.name in order else len(order)
        )
        for spec_table in tables:
            # A table no entry describes yet still comes along, under its own name.
            spec = SHEETS.get(spec_table.name) or SheetSpec(spec_table.name[:31], {})
            table = metadata.tables[spec_table.name]
            columns = _columns(spec, [c.name for c in table.columns])
            found = rows[spec_table.name]
            names: dict[str, dict[Any, Any]] = {}
            for column, _heading in columns:
                for fk in table.c[column].foreign_keys:
                    target = fk.column.table.name
                    if target in LOOKUPS:
                        keys = {r[column] for r in found if r[column] is not None}
                        names[column] = lookup_names(session, target, LOOKUPS[target], keys)
            sheets.append(
                ExtractSheet(
                    title=spec.title,
                    headers=[heading for _c, heading in columns],
                    rows=[
                        [
                            cell(names[c].get(r[c], r[c]) if c in names else r[c])
                            for c, _h in columns
                        ]
                        for r in found
                    ],
                )
            )
            if spec.audit_entity is not None:
                refs += [(spec.audit_entity, str(r["id"])) for r in found]
        involvement = incidents_involving(session, unit.id, employee.name)
        sheets.append(
            ExtractSheet(
                title=INCIDENT_SHEET,
                headers=INCIDENT_HEADERS,
                rows=[
                    [
                        incident_number(i.year, i.sequence),
                        i.occurred_on,
                        i.category,
                        i.track,
                        i.state,
                        role,
                    ]
                    for i, role in involvement
                ],
            )
        )
        entries = audit_entries_about(session, employee.id, refs)
        sheets.append(
            ExtractSheet(
                title=AUDIT_SHEET,
                headers=AUDIT_HEADERS,
                rows=[
                    [
                        cell(e.at),
                        e.actor,
                        e.os_user,
                        e.machine,
                        e.action,
                        e.entity,
                        e.entity_id,
                        _details(e.before_json),
                        _details(e.after_json),
                    ]
                    for e in entries
                ],
            )
        )
        result = RegisterExtract(
            employee_no=employee.employee_no,
            name=employee.name,
            unit_code=unit.code,
            unit_name=unit.name,
            made_at=datetime.now(UTC),
            made_by=workspace.actor,
            sheets=sheets,
        )
        audit.record(
            session,
            actor=workspace.actor,
            action="registerutdrag",
            entity=audit.EMPLOYEE_ENTITY,
            entity_id=employee.id,
            unit_id=unit.id,
            after={"sheets": {s.title: len(s.rows) for s in sheets}},
        )
    return result


def _details(text: str | None) -> str | None:
    """The audit details as readable `key: value` lines."""
    if not text:
        return None
    try:
        values = json.loads(text)
    except ValueError:
        return text
    if not isinstance(values, dict):
        return text
    return "; ".join(f"{k}: {v}" for k, v in values.items())


def about_lines(extract: RegisterExtract) -> list[tuple[str, str]]:
    """What the extract's first page says: whose data, from where, when, and what it holds."""
    made = cell(extract.made_at)
    return [
        ("Person", extract.name),
        ("Anställningsnummer", extract.employee_no),
        ("Enhet", f"{extract.unit_name} ({extract.unit_code})"),
        ("Uttaget", made.strftime("%Y-%m-%d %H:%M") if isinstance(made, datetime) else ""),
        ("Uttaget av", extract.made_by),
        (
            "Innehåll",
            "Allt programmet Enhetschef har sparat om personen, ett blad per slag. Avvikelser "
            "visas med personens roll, utan beskrivningen (den kan nämna andra personer).",
        ),
    ]


def export_register_extract(
    workspace: Workspace, employee_no: str, out: Path
) -> tuple[Path, RegisterExtract]:
    """Writes the person's registerutdrag as a workbook; the extract is returned for the PDF."""
    from enhetschef_app.excel.register_extract import write_register_extract

    extract = register_extract(workspace, employee_no)
    path = write_register_extract(
        out,
        about_lines(extract),
        [(s.title, s.headers, s.rows) for s in extract.sheets],
    )
    return path, extract

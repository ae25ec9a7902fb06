"""The month report for the VC as a document (`domain.report_document`), and its export to a
formatted workbook. The PDF of the same document is drawn by the window's Qt code."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from enhetschef_app.domain.key_figures import FIGURE_SPECS, FIGURES, FigureUnit, target_status
from enhetschef_app.domain.month_lock import FigureValue
from enhetschef_app.domain.report_document import MonthReportDocument, ReportFigure, TrendRow
from enhetschef_app.domain.year_month import YearMonth
from enhetschef_app.services.core.outgoing_text import OutgoingText, check_outgoing
from enhetschef_app.services.core.workspace import Workspace, use_case
from enhetschef_app.services.month.report import (
    MonthReportView,
    MonthTrend,
    month_report_view,
    month_trend,
)

INPUT_LABELS = {
    "short_sick_hours": "sjuktimmar korttid",
    "middle_sick_hours": "sjuktimmar 15–59 dagar",
    "long_sick_hours": "sjuktimmar långtid",
    "filled_by": "bemannade med",
    "unfilled": "obemannade",
    "by_track": "per spår",
    "leavers_12m": "avgångar tillsvidare, 12 mån",
    "average_tillsvidare_12m": "genomsnitt tillsvidareanställda",
    "cycle": "samtalsperiod",
    "expected": "ska ha samtal",
    "held": "har haft samtal",
    "by_form": "per anställningsform",
    "reasons": "orsaker",
    "recorded": "registreras i programmet",
    "note": "obs",
    "total_hours": "timmar totalt",
    "requests_waiting": "ansökningar som väntar på beslut",
    "source": "källa",
    "estimate": "beräknad kostnad",
    "wages": "löner",
    "po": "PO-pålägg",
    "overtid": "övertid och mertid inkl. PO",
    "timavlonade": "timavlönade inkl. PO",
    "sjukfranvaro": "sjukfrånvaro netto inkl. PO",
    "gaps": "personer utan lön",
    "outcome": "bokfört utfall",
    "outcome_minus_estimate": "utfall − beräknad",
    "months": "månader",
    "outcome_months": "bokfört utfall",
    "estimated_months": "beräknade månader",
    "planned_months": "planerat framåt",
    "budget_year": "årets budget",
    "fixed_hours": "fasta timmar",
    "flexible_hours": "rörliga timmar",
    "target_percent": "mål %",
}
VALUE_WORDS = {
    "resurspass": "resurspass",
    "mertid": "mertid",
    "timavlonad": "timavlönad",
    "overtid": "övertid",
    "lex_sarah": "Lex Sarah",
    "lex_maria": "Lex Maria",
    "arbetsmiljo": "arbetsmiljö",
    "ovrigt": "övrigt",
    "tillsvidare": "tillsvidare",
    "visstid": "visstid",
}


def swedish_number(value: object, decimals: int = 2) -> str:
    if value is None:
        return "–"
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, Decimal | float):
        text = f"{Decimal(str(value)):,.{decimals}f}"
        return text.replace(",", " ").replace(".", ",")
    if isinstance(value, int):
        return f"{value:,}".replace(",", " ")
    return str(value)


def figure_text(key: str, value: FigureValue) -> str:
    """A figure as the report shows it: '6,8 %', '7 588,25 h', '12 st', '3 450,00 kr'.

    Percentages carry one decimal: read at a glance, and no key figure's definition needs a
    hundredth of a percent."""
    if value is None:
        return "–"
    unit = FIGURE_SPECS[key].unit
    if unit is FigureUnit.COUNT:
        return swedish_number(int(value))
    if unit is FigureUnit.PERCENT:
        return f"{swedish_number(Decimal(value), 1)} {unit.value}"
    return f"{swedish_number(Decimal(value))} {unit.value}"


def inputs_text(inputs: dict[str, Any]) -> str:
    parts: list[str] = []
    for name, value in inputs.items():
        label = INPUT_LABELS.get(name) or (
            FIGURE_SPECS[name].label.lower() if name in FIGURE_SPECS else name
        )
        if isinstance(value, dict):
            inner = ", ".join(
                f"{VALUE_WORDS.get(str(k), str(k))} {swedish_number(v)}" for k, v in value.items()
            )
            parts.append(f"{label}: {inner or 'inga'}")
        elif isinstance(value, str) and name not in FIGURE_SPECS:
            parts.append(f"{label}: {value}")
        else:
            parts.append(f"{label}: {swedish_number(_as_number(value))}")
    return "; ".join(parts)


def _as_number(value: object) -> object:
    if isinstance(value, str):
        try:
            return Decimal(value)
        except ArithmeticError:
            return value
    return value


def _status_text(view: MonthReportView) -> str:
    if view.closed_at is None:
        return "Utkast: inte markerad klar"
    when = view.closed_at.astimezone().strftime("%Y-%m-%d")
    return f"Klar (markerad {when} av {view.closed_by})"


def report_document(
    view: MonthReportView, trend: MonthTrend, *, made_at: datetime | None = None
) -> MonthReportDocument:
    summary = view.summary
    changed = {d.key: d for d in view.differences}
    figures: list[ReportFigure] = []
    for spec in FIGURES:
        value = view.reported[spec.key]
        ceiling = summary.targets.get(spec.key)
        status = None
        if ceiling is not None:
            status = target_status(value, ceiling).label
        difference = changed.get(spec.key)
        figures.append(
            ReportFigure(
                key=spec.key,
                section=spec.section,
                label=spec.label,
                unit=spec.unit.value,
                value=value,
                definition=summary.definitions[spec.key],
                inputs=inputs_text(view.reported_inputs.get(spec.key, {})),
                target=ceiling,
                status=status,
                change=None
                if difference is None
                else f"nu {figure_text(spec.key, difference.current)}",
            )
        )
    notes: list[str] = []
    if not summary.overtime_recorded:
        notes.append(
            "Övertid och mertid registreras inte i programmet än; de visas som 0 tills de gör det."
        )
    if view.differences:
        notes.append(
            f"Underlaget har ändrats sedan månaden markerades klar: {len(view.differences)} "
            "nyckeltal skiljer sig (se kolumnen 'Ändrat sedan klar'). Rapporten visar värdena "
            "som de var när månaden blev klar."
        )
    notes.append(
        "Rapporten innehåller bara sammanräknade uppgifter för enheten, inga namn eller "
        "uppgifter om enskilda."
    )
    stamp = (made_at or datetime.now(UTC)).astimezone().strftime("%Y-%m-%d %H:%M")
    return MonthReportDocument(
        unit_code=summary.unit_code,
        unit_name=summary.unit_name,
        month=summary.month.label,
        status=_status_text(view),
        made_at=stamp,
        figures=tuple(figures),
        trend=tuple(
            TrendRow(
                month=p.month.label,
                sick_percent=p.sick_percent,
                overtime_hours=p.overtime_hours,
                mertid_hours=p.mertid_hours,
                hourly_paid_share_percent=p.hourly_paid_share_percent,
                reported=p.reported,
            )
            for p in trend.points
        ),
        sick_target=summary.targets["sick_percent"],
        hourly_paid_target=summary.targets["hourly_paid_share_percent"],
        comment=view.comment,
        notes=tuple(notes),
    )


@use_case
def month_document(workspace: Workspace, period: YearMonth) -> MonthReportDocument:
    view = month_report_view(workspace, period)
    return report_document(view, month_trend(workspace, period, known=view.summary))


COMMENT_FIELD = "Kommentaren till månaden"


@use_case
def outgoing_month_document(
    workspace: Workspace, period: YearMonth, *, allow_sensitive_words: bool = False
) -> MonthReportDocument:
    """The VC report's document, once its free text may leave (see `outgoing_text`)."""
    document = month_document(workspace, period)
    check_outgoing(
        [OutgoingText(COMMENT_FIELD, document.comment or "")],
        allow_health_words=allow_sensitive_words,
    )
    return document


def export_month_workbook(
    workspace: Workspace, period: YearMonth, out: Path, *, allow_sensitive_words: bool = False
) -> tuple[Path, MonthReportDocument]:
    """Writes the VC report to `out` (.xlsx); returns the path and the document it shows.
    Nothing is written when the comment must not leave (`outgoing_text`)."""
    from enhetschef_app.excel.month_report import write_month_report

    document = outgoing_month_document(
        workspace, period, allow_sensitive_words=allow_sensitive_words
    )
    return write_month_report(out, document), document

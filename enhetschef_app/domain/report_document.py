"""The month report for the verksamhetschef as plain values: what the Excel report and the PDF
both show. Aggregates only: the document has no field for a person (GDPR: no name next to a
health figure in a shared file)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class ReportFigure:
    key: str
    section: str
    label: str
    unit: str  # '%', 'h', 'st', 'kr'
    value: Decimal | int | None
    definition: str
    inputs: str  # what it was computed from, in words
    target: Decimal | None = None  # the ceiling, for the figures that have one
    status: str | None = None  # 'Inom målet' / 'Över målet' / 'Inget värde'
    change: str | None = None  # a month marked klar: the value now, when it has changed


@dataclass(frozen=True)
class TrendRow:
    month: str
    sick_percent: Decimal | None
    overtime_hours: Decimal
    mertid_hours: Decimal
    hourly_paid_share_percent: Decimal | None
    reported: bool = False  # from a month marked klar


@dataclass(frozen=True)
class MonthReportDocument:
    unit_code: str
    unit_name: str
    month: str
    status: str  # 'Klar (markerad 2026-11-03 av anna)' or 'Utkast: inte markerad klar'
    made_at: str
    figures: tuple[ReportFigure, ...]
    trend: tuple[TrendRow, ...]
    sick_target: Decimal
    hourly_paid_target: Decimal
    comment: str
    notes: tuple[str, ...] = ()

    @property
    def title(self) -> str:
        return f"Månadsrapport {self.month} – {self.unit_name} ({self.unit_code})"

    def sections(self) -> list[tuple[str, list[ReportFigure]]]:
        grouped: dict[str, list[ReportFigure]] = {}
        for figure in self.figures:
            grouped.setdefault(figure.section, []).append(figure)
        return list(grouped.items())

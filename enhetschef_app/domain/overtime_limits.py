"""The ATL limits on övertid and mertid, and the running totals shown beside every decision."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from enhetschef_app.domain.settings_catalog import RuleSettings


@dataclass(frozen=True)
class ApprovedExtra:
    day: date
    overtime_minutes: int
    mertid_minutes: int


@dataclass(frozen=True)
class OvertimeLimits:
    four_weeks_hours: int = 48
    month_hours: int = 50
    year_hours: int = 200
    mertid_year_hours: int = 200

    @classmethod
    def from_settings(cls, settings: RuleSettings) -> OvertimeLimits:
        return cls(
            four_weeks_hours=settings.integer("overtime.limit_4_weeks_hours"),
            month_hours=settings.integer("overtime.limit_month_hours"),
            year_hours=settings.integer("overtime.limit_year_hours"),
            mertid_year_hours=settings.integer("overtime.mertid_limit_year_hours"),
        )


@dataclass(frozen=True)
class LimitCheck:
    key: str
    label: str
    used_minutes: int  # approved before this decision
    adding_minutes: int
    limit_minutes: int

    @property
    def after_minutes(self) -> int:
        return self.used_minutes + self.adding_minutes

    @property
    def exceeded(self) -> bool:
        return self.adding_minutes > 0 and self.after_minutes > self.limit_minutes

    def describe(self) -> str:
        def h(minutes: int) -> str:
            text = f"{minutes / 60:.2f}".rstrip("0").rstrip(".")
            return text.replace(".", ",")

        mark = " – ÖVER GRÄNSEN" if self.exceeded else ""
        return (
            f"{self.label}: {h(self.used_minutes)} + {h(self.adding_minutes)} = "
            f"{h(self.after_minutes)} av {h(self.limit_minutes)} h{mark}"
        )


def check_limits(
    approved: Iterable[ApprovedExtra],
    day: date,
    overtime_minutes: int,
    mertid_minutes: int,
    limits: OvertimeLimits,
) -> list[LimitCheck]:
    """Running totals against every limit if this request were approved. The four-week limit
    takes the worst of the 28-day periods that contain the day."""
    extras = list(approved)

    def overtime_between(first: date, last: date) -> int:
        return sum(e.overtime_minutes for e in extras if first <= e.day <= last)

    worst_four_weeks = max(
        overtime_between(
            day - timedelta(days=offset), day - timedelta(days=offset) + timedelta(days=27)
        )
        for offset in range(28)
    )
    month_first = day.replace(day=1)
    next_month = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    month_used = overtime_between(month_first, next_month - timedelta(days=1))
    year_used = overtime_between(date(day.year, 1, 1), date(day.year, 12, 31))
    mertid_used = sum(e.mertid_minutes for e in extras if e.day.year == day.year)
    return [
        LimitCheck(
            "four_weeks",
            "Allmän övertid per 4 veckor",
            worst_four_weeks,
            overtime_minutes,
            limits.four_weeks_hours * 60,
        ),
        LimitCheck(
            "month",
            "Allmän övertid per kalendermånad",
            month_used,
            overtime_minutes,
            limits.month_hours * 60,
        ),
        LimitCheck(
            "year",
            "Allmän övertid per kalenderår",
            year_used,
            overtime_minutes,
            limits.year_hours * 60,
        ),
        LimitCheck(
            "mertid_year",
            "Mertid per kalenderår",
            mertid_used,
            mertid_minutes,
            limits.mertid_year_hours * 60,
        ),
    ]

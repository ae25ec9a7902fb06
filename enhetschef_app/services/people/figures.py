"""The people figures of one month, for the month summary: leavers and their reasons, exit talks,
headcount by employment form, the heltid share, personalomsättning over 12 months and the
medarbetarsamtal coverage. Counts come from SQL; the formulas are `domain.people_figures`.

Every figure is defined in `PEOPLE_FIGURE_DEFINITIONS` (Swedish, for the report's definitions
sheet and the page's tooltips) and depends only on the stored data and the month, so the same
month always gives the same numbers for the same data.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from enhetschef_app.domain.calendar import month_end
from enhetschef_app.domain.exit_talks import ExitOutcome
from enhetschef_app.domain.people_figures import (
    counts_as_turnover,
    mean_headcount,
    month_ends_back,
    turnover_percent,
)
from enhetschef_app.domain.rounding import percent, round_half_up
from enhetschef_app.domain.staff import EmploymentForm, EndReason
from enhetschef_app.services.core.settings import rule_settings
from enhetschef_app.services.core.workspace import Workspace, use_case
from enhetschef_app.services.people.reviews import review_overview
from enhetschef_app.storage.queries.people import fulltime_count, leavers_between
from enhetschef_app.storage.queries.staff import headcount_by_form

NO_REASON = "ej_angiven"

PEOPLE_FIGURE_DEFINITIONS: dict[str, str] = {
    "leavers": "Anställda (alla anställningsformer) vars sista anställningsdag ligger i månaden.",
    "leave_reasons": "Månadens avgångar per avslutsorsak (den fasta listan); "
    "'ej_angiven' när orsaken saknas.",
    "exit_talks_held": "Avslutningssamtal genomförda med månadens avgångar.",
    "exit_talks_declined": "Avslutningssamtal som månadens avgångar avböjt.",
    "headcount_tillsvidare": "Tillsvidareanställda anställda månadens sista dag.",
    "headcount_visstid": "Visstidsanställda anställda månadens sista dag.",
    "headcount_timavlonad": "Timavlönade med pågående anställning månadens sista dag.",
    "fulltime_share_percent": "Andel av tillsvidareanställda månadens sista dag som har "
    "sysselsättningsgrad 100 % (heltidsresan).",
    "turnover_percent_12m": "Personalomsättning: tillsvidareanställda vars sista dag ligger i de "
    "12 månaderna som slutar med månaden, delat med genomsnittligt antal tillsvidareanställda "
    "(medelvärdet av antalet varje månads sista dag under de 12 månaderna). Med inställningen "
    "'räkna inte byte inom kommunen' räknas inte den som slutat för annat jobb inom kommunen.",
    "reviews_coverage_percent": "Medarbetarsamtal: andel av dem som ska ha samtal i den "
    "samtalsperiod som gäller månadens sista dag, och som är anställda då, som har haft sitt "
    "samtal till och med den dagen.",
}


@dataclass(frozen=True)
class PeopleMonthFigures:
    """The people figures of `year`-`month`; see PEOPLE_FIGURE_DEFINITIONS for each."""

    year: int
    month: int
    leavers: int
    leavers_by_form: dict[str, int]
    leave_reasons: dict[str, int]
    exit_talks_held: int
    exit_talks_declined: int
    headcount_by_form: dict[str, int]
    fulltime_share_percent: Decimal | None
    turnover_leavers_12m: int
    average_tillsvidare_12m: Decimal
    turnover_percent_12m: Decimal | None
    reviews_cycle: str
    reviews_expected: int
    reviews_held: int
    reviews_coverage_percent: Decimal | None
    definitions: dict[str, str] = field(default_factory=lambda: dict(PEOPLE_FIGURE_DEFINITIONS))

    @property
    def headcount_tillsvidare(self) -> int:
        return self.headcount_by_form.get(EmploymentForm.PERMANENT.value, 0)

    @property
    def headcount_visstid(self) -> int:
        return self.headcount_by_form.get(EmploymentForm.FIXED_TERM.value, 0)

    @property
    def headcount_timavlonad(self) -> int:
        return self.headcount_by_form.get(EmploymentForm.HOURLY.value, 0)

    def as_dict(self) -> dict[str, Any]:
        """Plain values, percentages as text of the exact decimal ('8.50') or None."""

        def text(value: Decimal | None) -> str | None:
            return None if value is None else str(value)

        return {
            "month": f"{self.year:04d}-{self.month:02d}",
            "leavers": self.leavers,
            "leavers_by_form": dict(self.leavers_by_form),
            "leave_reasons": dict(self.leave_reasons),
            "exit_talks_held": self.exit_talks_held,
            "exit_talks_declined": self.exit_talks_declined,
            "headcount_tillsvidare": self.headcount_tillsvidare,
            "headcount_visstid": self.headcount_visstid,
            "headcount_timavlonad": self.headcount_timavlonad,
            "fulltime_share_percent": text(self.fulltime_share_percent),
            "turnover_leavers_12m": self.turnover_leavers_12m,
            "average_tillsvidare_12m": str(round_half_up(self.average_tillsvidare_12m)),
            "turnover_percent_12m": text(self.turnover_percent_12m),
            "reviews_cycle": self.reviews_cycle,
            "reviews_expected": self.reviews_expected,
            "reviews_held": self.reviews_held,
            "reviews_coverage_percent": text(self.reviews_coverage_percent),
        }


@use_case
def people_month_figures(workspace: Workspace, year: int, month: int) -> PeopleMonthFigures:
    """The people figures of one calendar month of the workspace's unit.

    - leavers, leavers_by_form, leave_reasons, exit_talks_*: those whose last day is in the month;
    - headcount_* and fulltime_share_percent: on the month's last day;
    - turnover_percent_12m: tillsvidare leavers of the 12 months ending with the month / the mean
      tillsvidare headcount on those months' last days (DOMAIN.md; the municipal-move exclusion
      is the setting `turnover.exclude_municipal_moves`);
    - reviews_*: the medarbetarsamtal cycle in force on the month's last day, as of that day.
    """
    unit = workspace.require_unit()
    first = date(year, month, 1)
    last = month_end(first)
    exclude_moves = rule_settings(workspace).flag("turnover.exclude_municipal_moves")
    year_ends = month_ends_back(year, month, 12)
    year_first = year_ends[0].replace(day=1)
    permanent = EmploymentForm.PERMANENT.value
    with workspace.transaction() as session:
        month_leavers = leavers_between(session, unit.id, first, last)
        year_leavers = leavers_between(session, unit.id, year_first, last, permanent)
        headcounts = headcount_by_form(session, unit.id, last)
        permanent_counts = [
            headcount_by_form(session, unit.id, end).get(permanent, 0) for end in year_ends
        ]
        full, permanent_total = fulltime_count(session, unit.id, last, permanent)
    overview = review_overview(workspace, last)
    reviews = overview.coverage
    reasons = [EndReason(r) if r else None for _f, r, _o in year_leavers]
    counted = sum(1 for r in reasons if counts_as_turnover(r, exclude_moves))
    average = mean_headcount(permanent_counts)
    return PeopleMonthFigures(
        year=year,
        month=month,
        leavers=len(month_leavers),
        leavers_by_form=dict(sorted(Counter(f for f, _r, _o in month_leavers).items())),
        leave_reasons=dict(sorted(Counter(r or NO_REASON for _f, r, _o in month_leavers).items())),
        exit_talks_held=sum(1 for _f, _r, o in month_leavers if o == ExitOutcome.HELD.value),
        exit_talks_declined=sum(
            1 for _f, _r, o in month_leavers if o == ExitOutcome.DECLINED.value
        ),
        headcount_by_form={form.value: headcounts.get(form.value, 0) for form in EmploymentForm},
        fulltime_share_percent=percent(full, permanent_total),
        turnover_leavers_12m=counted,
        average_tillsvidare_12m=average,
        turnover_percent_12m=turnover_percent(
            reasons, permanent_counts, exclude_municipal_moves=exclude_moves
        ),
        reviews_cycle=overview.cycle.label,
        reviews_expected=reviews.expected,
        reviews_held=reviews.held,
        reviews_coverage_percent=reviews.percent,
    )

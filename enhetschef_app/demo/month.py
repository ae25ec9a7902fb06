"""The demo unit's month reports: the EC's comment on each of the six whole months before the
period's last month, the way an EC sums up a month for the verksamhetschef (no names, no health
details). Drawn from the plan and the seed, never the clock."""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

from enhetschef_app.demo.plan import DemoPlan
from enhetschef_app.domain.year_month import YearMonth
from enhetschef_app.storage.bulk import insert_rows
from enhetschef_app.storage.models_month import MonthReport
from enhetschef_app.storage.session import Session

if TYPE_CHECKING:  # demo_unit imports this module for its WRITE_STEPS
    from enhetschef_app.demo.context import WriteContext

MONTHS_BACK = 6
COMMENTS = (
    "Flera korttidsfrånvaron under månaden; tomma rader fylldes främst med resurspass.",
    "Stabil bemanning. Två nya timvikarier introducerade.",
    "Högre andel timavlönade än målet under semesterperioden, som planerat.",
    "Medarbetarsamtalen har börjat; planen är att alla ska vara klara i november.",
    "Arbetsmiljöavvikelse utredd och åtgärdad; uppföljning på nästa APT.",
    "Sjukfrånvaron har minskat efter omtankessamtalen i våras.",
    "Rekrytering av en undersköterska pågår; tjänsten täcks med resurspass tills vidare.",
    "Inga särskilda händelser.",
)


def write_demo_month_reports(session: Session, plan: DemoPlan, ctx: WriteContext) -> None:
    rng = random.Random(plan.spec.seed * 7919 + 9)  # demo data from the seed
    last = YearMonth.of(plan.today()).shifted(-1)
    first = YearMonth.of(plan.start)
    months = [m for m in last.back(MONTHS_BACK) if m >= first]
    rows = [
        {"unit_id": ctx.unit_id, "month": month.label, "ec_comment": rng.choice(COMMENTS)}
        for month in months
    ]
    insert_rows(session, MonthReport, rows)

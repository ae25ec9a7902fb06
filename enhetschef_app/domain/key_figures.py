"""The key figures of the month summary (DOMAIN.md: Key figures of the month summary): the
formulas, and each figure's Swedish name, unit, definition and target.

Counts and hours come in; percentages go out as percent (6.78, not 0.0678) to the hundredth,
rounded half up once at the end, so the same inputs always give the same figure. A share of
nothing is None (no schedule, no staff), never zero.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from decimal import Decimal

from enhetschef_app.domain.rounding import percent


def sick_percent(sick_hours: Decimal, scheduled_hours: Decimal) -> Decimal | None:
    """Sjukfrånvaro % = sick hours / ordinary scheduled hours (monthly-paid staff) × 100."""
    return percent(sick_hours, scheduled_hours)


def hourly_paid_share_percent(hourly_paid: Decimal | int, worked: Decimal | int) -> Decimal | None:
    """Andel timavlönade = hours worked by hourly-paid staff / all hours worked × 100."""
    return percent(hourly_paid, worked)


def overtime_and_mertid_hours(simple: Decimal, qualified: Decimal, mertid: Decimal) -> Decimal:
    """The trend's övertid + mertid: every approved extra hour of the month, all kinds."""
    return simple + qualified + mertid


class TargetStatus(enum.StrEnum):
    WITHIN = "inom"
    ABOVE = "over"
    NO_VALUE = "saknas"

    @property
    def label(self) -> str:
        return {
            TargetStatus.WITHIN: "Inom målet",
            TargetStatus.ABOVE: "Över målet",
            TargetStatus.NO_VALUE: "Inget värde",
        }[self]


def target_status(value: Decimal | int | None, ceiling: Decimal) -> TargetStatus:
    """Every target of the month report is a ceiling (sjukfrånvaro ≤ 5 %...)."""
    if value is None:
        return TargetStatus.NO_VALUE
    return TargetStatus.WITHIN if Decimal(value) <= ceiling else TargetStatus.ABOVE


class FigureUnit(enum.StrEnum):
    PERCENT = "%"
    HOURS = "h"
    COUNT = "st"
    KRONOR = "kr"
    FTE = "åa"  # årsarbetare


@dataclass(frozen=True)
class FigureSpec:
    key: str
    label: str
    unit: FigureUnit
    definition: str
    target_setting: str | None = None  # a `targets.*` setting: the figure's ceiling
    section: str = ""


SECTION_ABSENCE = "Sjukfrånvaro och omtanke"
SECTION_WORK = "Arbetad tid och bemanning"
SECTION_OVERTIME = "Övertid och mertid"
SECTION_INCIDENTS = "Avvikelser"
SECTION_PEOPLE = "Personal"
SECTION_ECONOMY = "Personalekonomi"

_ORDINARY = (
    "varje schemarad i månaden, passets verkliga längd (över midnatt och vid byte till och "
    "från sommartid) minus rasten"
)

FIGURES: tuple[FigureSpec, ...] = (
    FigureSpec(
        "sick_percent",
        "Sjukfrånvaro",
        FigureUnit.PERCENT,
        "Sjuktimmar / schemalagda timmar × 100, för månadsavlönade (SKR:s definition).",
        "targets.sick_percent",
        SECTION_ABSENCE,
    ),
    FigureSpec(
        "sick_percent_short",
        "Sjukfrånvaro, korttid",
        FigureUnit.PERCENT,
        "Sjuktimmar i sjukperioder om 1–14 kalenderdagar / schemalagda timmar × 100.",
        section=SECTION_ABSENCE,
    ),
    FigureSpec(
        "sick_percent_long",
        "Sjukfrånvaro, långtid",
        FigureUnit.PERCENT,
        "Sjuktimmar i sjukperioder om 60 kalenderdagar eller mer / schemalagda timmar × 100.",
        section=SECTION_ABSENCE,
    ),
    FigureSpec(
        "scheduled_hours",
        "Schemalagda timmar",
        FigureUnit.HOURS,
        f"Ordinarie arbetstid för månadsavlönade (tillsvidare och visstid): {_ORDINARY}. "
        "Vakanta rader och timavlönade räknas inte.",
        section=SECTION_ABSENCE,
    ),
    FigureSpec(
        "sick_hours",
        "Sjuktimmar",
        FigureUnit.HOURS,
        "Av de schemalagda timmarna: rader på dagar då personen är sjuk, gånger "
        "sjukskrivningens omfattning (50 % sjuk: halva passet).",
        section=SECTION_ABSENCE,
    ),
    FigureSpec(
        "absence_occasions",
        "Frånvarotillfällen",
        FigureUnit.COUNT,
        "Frånvarotillfällen som börjar i månaden, all personal: sammanhängande perioder av de "
        "frånvarotyper som räknas (inställningen 'Frånvaro som räknas').",
        section=SECTION_ABSENCE,
    ),
    FigureSpec(
        "care_talks_due",
        "Omtankessamtal aktuella",
        FigureUnit.COUNT,
        "Medarbetare som ska erbjudas omtankessamtal månadens sista dag (antal tillfällen och "
        "period enligt inställningarna).",
        section=SECTION_ABSENCE,
    ),
    FigureSpec(
        "care_talks_held",
        "Omtankessamtal hållna",
        FigureUnit.COUNT,
        "Omtankessamtal genomförda under månaden.",
        section=SECTION_ABSENCE,
    ),
    FigureSpec(
        "hourly_paid_share_percent",
        "Andel timavlönade",
        FigureUnit.PERCENT,
        "Timavlönades arbetade timmar / alla arbetade timmar × 100.",
        "targets.hourly_paid_share_percent",
        SECTION_WORK,
    ),
    FigureSpec(
        "worked_hours",
        "Arbetade timmar",
        FigureUnit.HOURS,
        f"Tid som arbetades på enhetens schemarader, alla anställningsformer: {_ORDINARY}. "
        "En rad räknas för sin egen person när den är närvarande (vid delvis frånvaro den "
        "närvarande delen) och för ersättaren när någon har tagit raden. Ett resurspass som "
        "lämnats för att ta en annan rad räknas inte, inte heller vakanta och obemannade rader.",
        section=SECTION_WORK,
    ),
    FigureSpec(
        "hourly_paid_hours",
        "Timavlönades timmar",
        FigureUnit.HOURS,
        "Av de arbetade timmarna: de som timavlönade arbetade, på egna rader eller som ersättare.",
        section=SECTION_WORK,
    ),
    FigureSpec(
        "empty_rows",
        "Tomma rader",
        FigureUnit.COUNT,
        "Schemarader i månaden utan person eller vars person var frånvarande den dagen. Ett "
        "resurspass vars innehavare är frånvarande lämnar ingen lucka och räknas inte.",
        section=SECTION_WORK,
    ),
    FigureSpec(
        "empty_rows_filled",
        "Tomma rader bemannade",
        FigureUnit.COUNT,
        "Av de tomma raderna: de som en närvarande ersättare tog (resurspass, mertid, "
        "timavlönad eller övertid).",
        section=SECTION_WORK,
    ),
    FigureSpec(
        "empty_rows_unfilled",
        "Tomma rader obemannade",
        FigureUnit.COUNT,
        "Av de tomma raderna: de som ingen tog.",
        section=SECTION_WORK,
    ),
    FigureSpec(
        "overtime_hours_simple",
        "Enkel övertid",
        FigureUnit.HOURS,
        "Beviljad enkel övertid (AB § 20) i månaden. Bara enhetschefens beslut räknas.",
        section=SECTION_OVERTIME,
    ),
    FigureSpec(
        "overtime_hours_qualified",
        "Kvalificerad övertid",
        FigureUnit.HOURS,
        "Beviljad kvalificerad övertid (AB § 20) i månaden. Bara enhetschefens beslut räknas.",
        section=SECTION_OVERTIME,
    ),
    FigureSpec(
        "mertid_hours",
        "Mertid",
        FigureUnit.HOURS,
        "Beviljad mertid (fyllnadstid) för deltidsanställda i månaden.",
        section=SECTION_OVERTIME,
    ),
    FigureSpec(
        "overtime_cost",
        "Kostnad övertid och mertid",
        FigureUnit.KRONOR,
        "Ersättning för månadens beviljade övertid och mertid: timlön × ersättning per slag "
        "(inställningarna för övertid).",
        section=SECTION_OVERTIME,
    ),
    FigureSpec(
        "incidents",
        "Avvikelser",
        FigureUnit.COUNT,
        "Avvikelser med händelsedatum i månaden, alla spår.",
        section=SECTION_INCIDENTS,
    ),
    FigureSpec(
        "incidents_lex_sarah",
        "Varav Lex Sarah",
        FigureUnit.COUNT,
        "Av månadens avvikelser: de som hanteras enligt Lex Sarah.",
        section=SECTION_INCIDENTS,
    ),
    FigureSpec(
        "turnover_percent_12m",
        "Personalomsättning, 12 mån",
        FigureUnit.PERCENT,
        "Tillsvidareanställda som slutat under de 12 månaderna som slutar med månaden / "
        "genomsnittligt antal tillsvidareanställda × 100.",
        "targets.turnover_percent",
        SECTION_PEOPLE,
    ),
    FigureSpec(
        "fulltime_share_percent",
        "Andel heltid",
        FigureUnit.PERCENT,
        "Andel av tillsvidareanställda månadens sista dag som har sysselsättningsgrad 100 %.",
        section=SECTION_PEOPLE,
    ),
    FigureSpec(
        "reviews_coverage_percent",
        "Medarbetarsamtal genomförda",
        FigureUnit.PERCENT,
        "Andel av dem som ska ha medarbetarsamtal i perioden som har haft det.",
        section=SECTION_PEOPLE,
    ),
    FigureSpec(
        "headcount_tillsvidare",
        "Tillsvidareanställda",
        FigureUnit.COUNT,
        "Tillsvidareanställda månadens sista dag.",
        section=SECTION_PEOPLE,
    ),
    FigureSpec(
        "headcount_visstid",
        "Visstidsanställda",
        FigureUnit.COUNT,
        "Visstidsanställda månadens sista dag.",
        section=SECTION_PEOPLE,
    ),
    FigureSpec(
        "headcount_timavlonad",
        "Timavlönade",
        FigureUnit.COUNT,
        "Timavlönade med pågående anställning månadens sista dag.",
        section=SECTION_PEOPLE,
    ),
    FigureSpec(
        "leavers",
        "Avgångar",
        FigureUnit.COUNT,
        "Anställda (alla anställningsformer) vars sista anställningsdag ligger i månaden.",
        section=SECTION_PEOPLE,
    ),
    FigureSpec(
        "personnel_cost",
        "Personalkostnad",
        FigureUnit.KRONOR,
        "Bokfört utfall där det är importerat, annars programmets beräkning: månadslön × "
        "sysselsättningsgrad för anställda dagar, timavlönades timmar × timlön, beslutad "
        "övertid och mertid, sjukavdrag, sjuklön dag 1–14 minus karensavdrag, sjuklönetillägg "
        "dag 15–90, plus PO-pålägg.",
        section=SECTION_ECONOMY,
    ),
    FigureSpec(
        "personnel_budget",
        "Budget personalkostnad",
        FigureUnit.KRONOR,
        "Månadens budget för personalkostnad, importerad från ekonomisystemet eller inskriven.",
        section=SECTION_ECONOMY,
    ),
    FigureSpec(
        "budget_deviation",
        "Avvikelse mot budget",
        FigureUnit.KRONOR,
        "Budget − personalkostnad (positiv: under budget).",
        section=SECTION_ECONOMY,
    ),
    FigureSpec(
        "budget_deviation_ytd",
        "Avvikelse ackumulerad",
        FigureUnit.KRONOR,
        "Summan av månadernas avvikelse från januari till och med månaden, för månader med budget.",
        section=SECTION_ECONOMY,
    ),
    FigureSpec(
        "forecast_year",
        "Prognos helår",
        FigureUnit.KRONOR,
        "Årets personalkostnad: bokfört utfall + beräknade månader utan utfall + planerat "
        "schema framåt, räknat på samma sätt.",
        section=SECTION_ECONOMY,
    ),
    FigureSpec(
        "fte_actual",
        "Årsarbetare (utfall)",
        FigureUnit.FTE,
        "Månadsavlönades sysselsättningsgrad × anställda dagar av månadens dagar + "
        "timavlönades timmar / månadens heltidstimmar.",
        section=SECTION_ECONOMY,
    ),
    FigureSpec(
        "fte_budget",
        "Årsarbetare (budget)",
        FigureUnit.FTE,
        "Månadens budgeterade årsarbetare.",
        section=SECTION_ECONOMY,
    ),
    FigureSpec(
        "fixed_share_percent",
        "Fast bemanning",
        FigureUnit.PERCENT,
        "Månadsavlönades arbetade timmar inom sitt schema / alla arbetade timmar "
        "(fasta + timavlönade, mertid och övertid) × 100.",
        section=SECTION_ECONOMY,
    ),
)

FIGURE_SPECS: dict[str, FigureSpec] = {spec.key: spec for spec in FIGURES}
FIGURE_KEYS: tuple[str, ...] = tuple(spec.key for spec in FIGURES)

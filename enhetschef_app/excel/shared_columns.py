"""The columns of the VC's shared follow-up workbook (tests/data/delad-manadsuppfoljning.xlsx
is one): which header means which figure, found by name in any order.

The *required* columns are the layout of the VC's workbook; one that is missing is added at the
end of the header row. The *optional* ones are written only when the VC has made such a column,
never added. "Kommentar VC" and every column not named here belong to the VC: the app reads the
VC's comment and never writes to them.
"""

from __future__ import annotations

from dataclasses import dataclass

from enhetschef_app.excel.tables import header_key


@dataclass(frozen=True)
class SharedColumn:
    key: str  # what the app writes there (a figure key, or 'unit', 'month', 'comment')
    header: str  # the title written when the column is added
    aliases: tuple[str, ...] = ()
    required: bool = False
    percent: bool = False  # a percentage: written as a fraction if the cell is formatted as %
    text: bool = False

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(header_key(name) for name in (self.header, *self.aliases))


UNIT = "unit"
MONTH = "month"
COMMENT = "comment"

UNIT_COLUMN = SharedColumn(UNIT, "Enhet", ("Enhetskod", "Enhetens kod"), True, text=True)
MONTH_COLUMN = SharedColumn(MONTH, "Månad", ("Period", "År och månad"), True, text=True)
VC_COMMENT_COLUMN = SharedColumn(
    "vc_comment", "Kommentar VC", ("Kommentar verksamhetschef", "VC:s kommentar", "VC kommentar")
)

SHARED_COLUMNS: tuple[SharedColumn, ...] = (
    UNIT_COLUMN,
    MONTH_COLUMN,
    SharedColumn(
        "sick_percent", "Sjukfrånvaro %", ("Sjukfrånvaro", "Sjukfrånvaro totalt"), True, True
    ),
    SharedColumn(
        "hourly_paid_share_percent",
        "Andel timavlönade %",
        ("Andel timavlönade", "Andel timanställda", "Timavlönade andel"),
        True,
        True,
    ),
    SharedColumn("overtime_hours", "Övertid (h)", ("Övertid", "Övertid timmar"), True),
    SharedColumn("mertid_hours", "Mertid (h)", ("Mertid", "Fyllnadstid", "Mertid timmar"), True),
    SharedColumn("empty_rows", "Tomma rader", ("Tomma schemarader",), True),
    SharedColumn(
        "care_talks_held",
        "Omtankessamtal hållna",
        ("Omtankessamtal genomförda", "Omtankessamtal"),
        True,
    ),
    SharedColumn("incidents", "Avvikelser", ("Antal avvikelser",), True),
    # Written only where the VC has such a column.
    SharedColumn(
        "sick_percent_short",
        "Sjukfrånvaro korttid %",
        ("Korttidssjukfrånvaro", "Sjukfrånvaro korttid"),
        percent=True,
    ),
    SharedColumn(
        "sick_percent_long",
        "Sjukfrånvaro långtid %",
        ("Långtidssjukfrånvaro", "Sjukfrånvaro långtid"),
        percent=True,
    ),
    SharedColumn("overtime_hours_simple", "Enkel övertid (h)", ("Enkel övertid",)),
    SharedColumn("overtime_hours_qualified", "Kvalificerad övertid (h)", ("Kvalificerad övertid",)),
    SharedColumn(
        "overtime_cost",
        "Kostnad övertid och mertid (kr)",
        ("Kostnad övertid", "Övertidskostnad", "Kostnad övertid (kr)"),
    ),
    SharedColumn("empty_rows_filled", "Tomma rader bemannade", ("Tomma rader tillsatta",)),
    SharedColumn("empty_rows_unfilled", "Tomma rader obemannade", ("Tomma rader ej tillsatta",)),
    SharedColumn("absence_occasions", "Frånvarotillfällen", ("Antal frånvarotillfällen",)),
    SharedColumn("care_talks_due", "Omtankessamtal aktuella", ("Omtankessamtal att hålla",)),
    SharedColumn("incidents_lex_sarah", "Lex Sarah", ("Avvikelser Lex Sarah",)),
    SharedColumn(
        "turnover_percent_12m",
        "Personalomsättning %",
        ("Personalomsättning", "Personalomsättning 12 mån"),
        percent=True,
    ),
    SharedColumn(
        "fulltime_share_percent", "Andel heltid %", ("Andel heltid", "Heltid"), percent=True
    ),
    SharedColumn(
        "reviews_coverage_percent",
        "Medarbetarsamtal %",
        ("Medarbetarsamtal", "Medarbetarsamtal genomförda"),
        percent=True,
    ),
    SharedColumn("headcount_tillsvidare", "Tillsvidareanställda", ("Antal tillsvidare",)),
    SharedColumn("headcount_visstid", "Visstidsanställda", ("Antal visstid",)),
    SharedColumn("headcount_timavlonad", "Timavlönade", ("Antal timavlönade",)),
    SharedColumn("leavers", "Avgångar", ("Slutat", "Antal avgångar")),
    SharedColumn(
        "personnel_cost",
        "Personalkostnad",
        ("Personalkostnad (kr)", "Personalkostnader", "Kostnad personal"),
    ),
    SharedColumn(
        "personnel_budget",
        "Budget",
        ("Budget (kr)", "Budget personalkostnad", "Personalbudget"),
    ),
    SharedColumn(
        "budget_deviation",
        "Avvikelse",
        ("Avvikelse (kr)", "Avvikelse mot budget", "Budgetavvikelse"),
    ),
    SharedColumn(
        "budget_deviation_ytd",
        "Avvikelse ack.",
        ("Avvikelse ackumulerad", "Ackumulerad avvikelse", "Avvikelse hittills i år"),
    ),
    SharedColumn(
        "forecast_year",
        "Prognos helår",
        ("Helårsprognos", "Prognos", "Prognos helår (kr)"),
    ),
    SharedColumn(
        "fte_actual",
        "Årsarbetare",
        ("Årsarbetare utfall", "Antal årsarbetare", "ÅA"),
    ),
    SharedColumn(
        "fixed_share_percent",
        "Fast andel %",
        ("Fast andel", "Andel fast bemanning", "Fast bemanning %"),
        percent=True,
    ),
    SharedColumn(
        COMMENT,
        "Kommentar EC",
        ("Kommentar enhetschef", "EC:s kommentar", "EC kommentar"),
        text=True,
    ),
)


def column_for_header(text: str) -> SharedColumn | None:
    """The app's column a header names, or None for a column the app does not know."""
    key = header_key(text)
    if not key:
        return None
    for column in (*SHARED_COLUMNS, VC_COMMENT_COLUMN):
        if key in column.keys:
            return column
    return None

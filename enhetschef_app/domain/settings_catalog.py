"""Every rule parameter, declared once: key, type, default, unit, Swedish label and help.

The settings page is drawn from these declarations and the rules read their values through
`RuleSettings`; nothing else hard-codes a number an EC may change (DOMAIN.md: "the app must never
hard-code a local choice"). Later areas add their declarations to `CATALOG` here.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation


class SettingType(enum.StrEnum):
    INTEGER = "integer"
    DECIMAL = "decimal"
    BOOLEAN = "boolean"
    CHOICES = "choices"  # a set of values picked from `choices`


SettingValue = int | Decimal | bool | tuple[str, ...]


@dataclass(frozen=True)
class SettingSpec:
    key: str
    type: SettingType
    default: SettingValue
    group: str
    label: str
    help: str
    unit: str = ""
    minimum: Decimal | None = None
    maximum: Decimal | None = None
    choices: tuple[tuple[str, str], ...] = field(default=())  # (value, Swedish label)

    def coerce(self, raw: object) -> SettingValue:
        """The value in this setting's type; ValueError (in Swedish) when it does not fit."""
        if self.type is SettingType.BOOLEAN:
            if isinstance(raw, bool):
                return raw
            if isinstance(raw, str) and raw.strip().lower() in {"true", "ja", "1"}:
                return True
            if isinstance(raw, str) and raw.strip().lower() in {"false", "nej", "0"}:
                return False
            raise ValueError(f"{self.label}: ange ja eller nej.")
        if self.type is SettingType.CHOICES:
            values = (raw,) if isinstance(raw, str) else tuple(raw)  # type: ignore[arg-type]  # stored lists of codes
            allowed = {value for value, _ in self.choices}
            unknown = [v for v in values if v not in allowed]
            if unknown:
                raise ValueError(f"{self.label}: okänt val {', '.join(map(str, unknown))}.")
            return tuple(v for v, _ in self.choices if v in values)
        try:
            number = Decimal(str(raw).replace(",", ".").strip())
        except InvalidOperation:
            raise ValueError(f"{self.label}: '{raw}' är inte ett tal.") from None
        if self.minimum is not None and number < self.minimum:
            raise ValueError(f"{self.label}: minst {self.minimum} {self.unit}".rstrip() + ".")
        if self.maximum is not None and number > self.maximum:
            raise ValueError(f"{self.label}: högst {self.maximum} {self.unit}".rstrip() + ".")
        if self.type is SettingType.INTEGER:
            if number != number.to_integral_value():
                raise ValueError(f"{self.label}: ange ett heltal.")
            return int(number)
        return number

    def to_json(self, value: SettingValue) -> object:
        if isinstance(value, Decimal):
            return str(value)
        if isinstance(value, tuple):
            return list(value)
        return value


ABSENCE_KIND_CHOICES: tuple[tuple[str, str], ...] = (
    ("sjuk", "Sjuk"),
    ("vab", "Vård av barn (VAB)"),
    ("semester", "Semester"),
    ("tjanstledig", "Tjänstledighet"),
    ("foraldraledig", "Föräldraledig"),
    ("utbildning", "Utbildning"),
    ("komp", "Komp"),
    ("ovrigt", "Övrigt"),
)

GROUP_UNIT = "Enheten"
GROUP_REST = "Arbetstid och vila"
GROUP_ABSENCE = "Frånvaro och omtankessamtal"
GROUP_OVERTIME = "Övertid och mertid"
GROUP_STAFFING = "Dagsuppföljning"
GROUP_INCIDENTS = "Avvikelser"
GROUP_PEOPLE = "Medarbetarsamtal och kompetens"
GROUP_TARGETS = "Mål i månadsrapporten"
GROUP_ECONOMY = "Personalekonomi"
GROUP_PRIVACY = "Dataskydd"

_D = Decimal

CATALOG: tuple[SettingSpec, ...] = (
    SettingSpec(
        "unit.fulltime_week_hours",
        SettingType.DECIMAL,
        _D("38.25"),
        GROUP_UNIT,
        "Heltid för enhetens schema",
        "Heltidsveckan för den som inte har annat angivet: "
        "40 h vardagar, 38,25 h dygnet runt med sön- och helgdagar, 34,33 h ständig natt.",
        "h/vecka",
        _D("30"),
        _D("40"),
    ),
    SettingSpec(
        "rest.daily_rest_hours",
        SettingType.DECIMAL,
        _D("11"),
        GROUP_REST,
        "Dygnsvila",
        "Minsta sammanhängande ledighet mellan två pass (ATL 13 §, AB).",
        "timmar",
        _D("9"),
        _D("24"),
    ),
    SettingSpec(
        "rest.weekly_rest_hours",
        SettingType.DECIMAL,
        _D("36"),
        GROUP_REST,
        "Veckovila",
        "Minsta sammanhängande ledighet under varje period om 7 dagar (ATL 14 §).",
        "timmar",
        _D("24"),
        _D("72"),
    ),
    SettingSpec(
        "rest.break_after_hours",
        SettingType.DECIMAL,
        _D("5"),
        GROUP_REST,
        "Rast senast efter",
        "Ett pass längre än så ska ha rast (ATL 15 §).",
        "timmar",
        _D("1"),
        _D("12"),
    ),
    SettingSpec(
        "rest.night_meal_break",
        SettingType.BOOLEAN,
        True,
        GROUP_REST,
        "Nattpass med måltidsuppehåll",
        "Ett pass som mest ligger mellan 22 och 06 får ha betalt måltidsuppehåll i stället för "
        "rast (ATL 15 §) och varnas då inte för saknad rast.",
    ),
    SettingSpec(
        "rest.max_consecutive_days",
        SettingType.INTEGER,
        6,
        GROUP_REST,
        "Arbetsdagar i följd",
        "Varna när någon arbetar fler dagar i rad än så.",
        "dagar",
        _D("1"),
        _D("14"),
    ),
    SettingSpec(
        "rest.average_week_hours",
        SettingType.DECIMAL,
        _D("48"),
        GROUP_REST,
        "Genomsnittlig veckoarbetstid",
        "Högst i genomsnitt per vecka under fyra månader, övertid inräknad (ATL 10 b §).",
        "h/vecka",
        _D("20"),
        _D("60"),
    ),
    SettingSpec(
        "rest.average_months",
        SettingType.INTEGER,
        4,
        GROUP_REST,
        "Beräkningsperiod för genomsnittet",
        "Genomsnittet räknas över perioder om så många kalendermånader, en med start varje "
        "månad (ATL 10 b §: högst fyra).",
        "månader",
        _D("1"),
        _D("12"),
    ),
    SettingSpec(
        "staffing.fill_absence_gaps_same_week",
        SettingType.BOOLEAN,
        True,
        GROUP_STAFFING,
        "Tomma rader vid frånvaro bemannas tidigast samma vecka",
        "En lucka efter planerad frånvaro i en senare vecka visas men erbjuds inte för "
        "bemanning förrän den veckan har börjat.",
    ),
    SettingSpec(
        "absence.counting_kinds",
        SettingType.CHOICES,
        ("sjuk",),
        GROUP_ABSENCE,
        "Frånvaro som räknas",
        "Vilka frånvarotyper som räknas som frånvarotillfällen för omtankessamtal.",
        choices=ABSENCE_KIND_CHOICES,
    ),
    SettingSpec(
        "absence.care_talk_threshold",
        SettingType.INTEGER,
        3,
        GROUP_ABSENCE,
        "Tillfällen före omtankessamtal",
        "Så många frånvarotillfällen inom perioden gör att ett omtankessamtal ska erbjudas.",
        "tillfällen",
        _D("1"),
        _D("20"),
    ),
    SettingSpec(
        "absence.care_talk_window_months",
        SettingType.INTEGER,
        12,
        GROUP_ABSENCE,
        "Period för tillfällena",
        "Rullande period: från samma datum så många månader tidigare till och med dagen som "
        "visas, båda ändar räknade (finns inte datumet, som 29 februari, gäller månadens "
        "sista dag).",
        "månader",
        _D("1"),
        _D("36"),
    ),
    SettingSpec(
        "absence.free_days_join_spell",
        SettingType.BOOLEAN,
        True,
        GROUP_ABSENCE,
        "Fria dagar bryter inte ett tillfälle",
        "Dagar utan pass mellan två frånvaroposter "
        "(till exempel en ledig helg) gör dem till ett och samma tillfälle.",
    ),
    SettingSpec(
        "absence.relapse_joins_spell",
        SettingType.BOOLEAN,
        False,
        GROUP_ABSENCE,
        "Återinsjuknande inom 5 dagar är samma tillfälle",
        "Enligt sjuklönelagen hör det till "
        "samma sjuklöneperiod; som standard räknas det ändå som ett nytt tillfälle.",
    ),
    SettingSpec(
        "absence.restart_after_talk",
        SettingType.BOOLEAN,
        True,
        GROUP_ABSENCE,
        "Börja om räkningen efter samtalet",
        "Tillfällen före ett genomfört omtankessamtal räknas inte igen.",
    ),
    SettingSpec(
        "absence.care_talk_invite_days",
        SettingType.INTEGER,
        3,
        GROUP_ABSENCE,
        "Föreslå samtalsdag efter",
        "En inbjudan till omtankessamtal föreslår ett datum så många dagar efter signalen "
        "(eller efter idag, om signalen är äldre).",
        "dagar",
        _D("0"),
        _D("60"),
    ),
    SettingSpec(
        "absence.care_talk_follow_up_weeks",
        SettingType.INTEGER,
        6,
        GROUP_ABSENCE,
        "Uppföljning efter omtankessamtal",
        "Ett genomfört samtal föreslår en uppföljning så många veckor efter samtalet.",
        "veckor",
        _D("1"),
        _D("52"),
    ),
    SettingSpec(
        "absence.care_talk_snooze_days",
        SettingType.INTEGER,
        14,
        GROUP_ABSENCE,
        "Vänta med en signal",
        "Att vänta med en signal om omtankessamtal föreslår så många dagar.",
        "dagar",
        _D("1"),
        _D("365"),
    ),
    SettingSpec(
        "overtime.simple_divisor",
        SettingType.INTEGER,
        94,
        GROUP_OVERTIME,
        "Enkel övertid: månadslön delat med",
        "Ersättning per timme enkel övertid = heltidsmånadslönen / detta tal (AB § 20).",
        "",
        _D("1"),
        _D("400"),
    ),
    SettingSpec(
        "overtime.qualified_divisor",
        SettingType.INTEGER,
        72,
        GROUP_OVERTIME,
        "Kvalificerad övertid: månadslön delat med",
        "Ersättning per timme kvalificerad övertid = heltidsmånadslönen / detta tal (AB § 20).",
        "",
        _D("1"),
        _D("400"),
    ),
    SettingSpec(
        "overtime.mertid_divisor",
        SettingType.INTEGER,
        165,
        GROUP_OVERTIME,
        "Mertid: månadslön delat med",
        "Fyllnadslön per timme mertid = heltidsmånadslönen / detta tal (AB § 21).",
        "",
        _D("1"),
        _D("400"),
    ),
    SettingSpec(
        "overtime.simple_comp_factor",
        SettingType.DECIMAL,
        _D("1.5"),
        GROUP_OVERTIME,
        "Kompledigt för enkel övertid",
        "Timmar ledigt per timme enkel övertid, när medarbetaren väljer komp i stället för pengar.",
        "h per h",
        _D("1"),
        _D("3"),
    ),
    SettingSpec(
        "overtime.qualified_comp_factor",
        SettingType.DECIMAL,
        _D("2.0"),
        GROUP_OVERTIME,
        "Kompledigt för kvalificerad övertid",
        "Timmar ledigt per timme kvalificerad övertid, när medarbetaren väljer komp.",
        "h per h",
        _D("1"),
        _D("3"),
    ),
    SettingSpec(
        "overtime.hourly_paid_month_hours",
        SettingType.INTEGER,
        165,
        GROUP_OVERTIME,
        "Timavlönade: övertid efter",
        "Timavlönade får övertid först när månadens timmar passerar detta.",
        "h/månad",
        _D("100"),
        _D("250"),
    ),
    SettingSpec(
        "overtime.limit_4_weeks_hours",
        SettingType.INTEGER,
        48,
        GROUP_OVERTIME,
        "Allmän övertid per 4 veckor",
        "Gräns enligt ATL 8 §.",
        "timmar",
        _D("0"),
        _D("100"),
    ),
    SettingSpec(
        "overtime.limit_month_hours",
        SettingType.INTEGER,
        50,
        GROUP_OVERTIME,
        "Allmän övertid per kalendermånad",
        "Gräns enligt ATL 8 §.",
        "timmar",
        _D("0"),
        _D("100"),
    ),
    SettingSpec(
        "overtime.limit_year_hours",
        SettingType.INTEGER,
        200,
        GROUP_OVERTIME,
        "Allmän övertid per kalenderår",
        "Gräns enligt ATL 8 §.",
        "timmar",
        _D("0"),
        _D("400"),
    ),
    SettingSpec(
        "overtime.mertid_limit_year_hours",
        SettingType.INTEGER,
        200,
        GROUP_OVERTIME,
        "Mertid per kalenderår",
        "Gräns för mertid enligt ATL 8 a §.",
        "timmar",
        _D("0"),
        _D("400"),
    ),
    SettingSpec(
        "overtime.night_start_hour",
        SettingType.INTEGER,
        20,
        GROUP_OVERTIME,
        "Kvalificerad övertid från klockan",
        "Övertid efter denna tid på kvällen är alltid kvalificerad (lokala regler).",
        "kl.",
        _D("16"),
        _D("24"),
    ),
    SettingSpec(
        "overtime.night_end_hour",
        SettingType.INTEGER,
        6,
        GROUP_OVERTIME,
        "Kvalificerad övertid till klockan",
        "Övertid före denna tid på morgonen är alltid kvalificerad.",
        "kl.",
        _D("0"),
        _D("9"),
    ),
    SettingSpec(
        "incidents.ivo_warning_days",
        SettingType.INTEGER,
        14,
        GROUP_INCIDENTS,
        "Varna när IVO-anmälan dröjer",
        "Ett allvarligt missförhållande (Lex Sarah) ska anmälas till IVO utan dröjsmål; "
        "varna när så många dagar gått sedan rapporten.",
        "dagar",
        _D("1"),
        _D("90"),
    ),
    SettingSpec(
        "incidents.report_warning_days",
        SettingType.INTEGER,
        3,
        GROUP_INCIDENTS,
        "Varna när anmälan till MAS, Arbetsmiljöverket eller Försäkringskassan dröjer",
        "Lex Maria lämnas till MAS, en olycka anmäls till Arbetsmiljöverket och en arbetsskada "
        "till Försäkringskassan utan dröjsmål; varna när så många dagar gått sedan rapporten.",
        "dagar",
        _D("1"),
        _D("90"),
    ),
    SettingSpec(
        "incidents.close_warning_days",
        SettingType.INTEGER,
        30,
        GROUP_INCIDENTS,
        "Varna när en avvikelse inte är avslutad",
        "Varna när så många dagar gått sedan rapporten och avvikelsen ännu inte är avslutad.",
        "dagar",
        _D("1"),
        _D("365"),
    ),
    SettingSpec(
        "incidents.action_due_days",
        SettingType.INTEGER,
        14,
        GROUP_INCIDENTS,
        "Åtgärd klar inom",
        "En ny åtgärd i en avvikelse föreslås vara klar så många dagar efter idag.",
        "dagar",
        _D("1"),
        _D("365"),
    ),
    SettingSpec(
        "reviews.cycle_start_month",
        SettingType.INTEGER,
        9,
        GROUP_PEOPLE,
        "Medarbetarsamtal: perioden börjar",
        "Månad (1–12) då årets medarbetarsamtal börjar.",
        "månad",
        _D("1"),
        _D("12"),
    ),
    SettingSpec(
        "reviews.cycle_end_month",
        SettingType.INTEGER,
        11,
        GROUP_PEOPLE,
        "Medarbetarsamtal: perioden slutar",
        "Månad (1–12) då årets medarbetarsamtal ska vara klara.",
        "månad",
        _D("1"),
        _D("12"),
    ),
    SettingSpec(
        "competence.reminder_days",
        SettingType.INTEGER,
        30,
        GROUP_PEOPLE,
        "Påminn om utbildning och delegering",
        "Så många dagar innan en utbildning eller delegering går ut.",
        "dagar",
        _D("1"),
        _D("180"),
    ),
    SettingSpec(
        "introduction.new_employee_days",
        SettingType.INTEGER,
        180,
        GROUP_PEOPLE,
        "Introduktion: visa nyanställda i",
        "En ny medarbetares introduktionslista visas så här många dagar efter första "
        "arbetsdagen (och alltid så länge punkter återstår).",
        "dagar",
        _D("14"),
        _D("730"),
    ),
    SettingSpec(
        "turnover.exclude_municipal_moves",
        SettingType.BOOLEAN,
        False,
        GROUP_PEOPLE,
        "Personalomsättning: räkna inte byte inom kommunen",
        "Den som slutar för ett annat jobb inom kommunen räknas då inte som avgång i "
        "personalomsättningen.",
    ),
    SettingSpec(
        "targets.sick_percent",
        SettingType.DECIMAL,
        _D("5"),
        GROUP_TARGETS,
        "Sjukfrånvaro högst",
        "Sjuktimmar av ordinarie schemalagda timmar.",
        "%",
        _D("0"),
        _D("100"),
    ),
    SettingSpec(
        "targets.hourly_paid_share_percent",
        SettingType.DECIMAL,
        _D("15"),
        GROUP_TARGETS,
        "Andel timavlönade högst",
        "Timavlönades arbetade timmar av alla arbetade timmar.",
        "%",
        _D("0"),
        _D("100"),
    ),
    SettingSpec(
        "targets.turnover_percent",
        SettingType.DECIMAL,
        _D("11"),
        GROUP_TARGETS,
        "Personalomsättning högst",
        "Tillsvidareanställda som slutat under 12 månader av "
        "genomsnittligt antal tillsvidareanställda.",
        "%",
        _D("0"),
        _D("100"),
    ),
    SettingSpec(
        "economy.po_percent",
        SettingType.DECIMAL,
        _D("40"),
        GROUP_ECONOMY,
        "PO-pålägg",
        "Personalomkostnader i procent av lönerna; förvaltningens egen sats.",
        "%",
        _D("0"),
        _D("100"),
    ),
    SettingSpec(
        "economy.default_hourly_rate",
        SettingType.DECIMAL,
        _D("170"),
        GROUP_ECONOMY,
        "Timlön för timavlönade",
        "Används för timavlönade som saknar egen timlön i personallistan.",
        "kr/h",
        _D("0"),
        _D("2000"),
    ),
    SettingSpec(
        "economy.sick_supplement_percent",
        SettingType.DECIMAL,
        _D("10"),
        GROUP_ECONOMY,
        "Sjuklönetillägg dag 15–90",
        "Avtalets tillägg till Försäkringskassans sjukpenning, i procent av timlönen.",
        "%",
        _D("0"),
        _D("100"),
    ),
    SettingSpec(
        "economy.fixed_share_target_percent",
        SettingType.DECIMAL,
        _D("80"),
        GROUP_ECONOMY,
        "Fast bemanning, mål",
        "Andel timmar av månadsavlönade inom sitt schema; resten är rörlig bemanning "
        "(timavlönade, mertid, övertid).",
        "%",
        _D("0"),
        _D("100"),
    ),
    SettingSpec(
        "privacy.retention_months",
        SettingType.INTEGER,
        24,
        GROUP_PRIVACY,
        "Gallring av frånvaro och samtalsanteckningar",
        "Så länge efter att en sjukperiod avslutats sparas uppgifterna; kommunen beslutar.",
        "månader",
        _D("1"),
        _D("120"),
    ),
    SettingSpec(
        "privacy.incident_retention_months",
        SettingType.INTEGER,
        0,
        GROUP_PRIVACY,
        "Gallring av avslutade avvikelser",
        "Avvikelser är allmänna handlingar och gallras enligt kommunens gallringsbeslut: så "
        "länge efter att en avvikelse avslutats sparas den. 0 betyder att inget gallras.",
        "månader",
        _D("0"),
        _D("600"),
    ),
)

SPECS: dict[str, SettingSpec] = {spec.key: spec for spec in CATALOG}


def groups() -> list[str]:
    seen: list[str] = []
    for spec in CATALOG:
        if spec.group not in seen:
            seen.append(spec.group)
    return seen


class RuleSettings(Mapping[str, SettingValue]):
    """The values in force: stored values over the declared defaults."""

    def __init__(self, stored: Mapping[str, object] | None = None) -> None:
        values: dict[str, SettingValue] = {spec.key: spec.default for spec in CATALOG}
        for key, raw in (stored or {}).items():
            spec = SPECS.get(key)
            if spec is None:
                continue  # a setting an older or newer version knew; kept in the db, unused
            try:
                values[key] = spec.coerce(raw)
            except ValueError:
                continue  # a damaged stored value falls back to the default
        self._values = values

    def __getitem__(self, key: str) -> SettingValue:
        return self._values[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def decimal(self, key: str) -> Decimal:
        value = self._values[key]
        assert isinstance(value, Decimal | int) and not isinstance(value, bool)
        return Decimal(value)

    def integer(self, key: str) -> int:
        value = self._values[key]
        assert isinstance(value, int) and not isinstance(value, bool)
        return value

    def flag(self, key: str) -> bool:
        value = self._values[key]
        assert isinstance(value, bool)
        return value

    def choices(self, key: str) -> tuple[str, ...]:
        value = self._values[key]
        assert isinstance(value, tuple)
        return value

    def changed_from_defaults(self) -> Iterable[str]:
        return (s.key for s in CATALOG if self._values[s.key] != s.default)

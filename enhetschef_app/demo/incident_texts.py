"""Made-up wording for the demo unit's avvikelser: short, realistic, and free of anything that
identifies a person (no names of brukare, no personnummer, no diagnosis)."""

from __future__ import annotations

from enhetschef_app.domain.incidents import Track

DESCRIPTIONS: dict[str, tuple[str, ...]] = {
    "fall": (
        "Brukare hittades sittande på golvet i badrummet. Larmet var inte kopplat.",
        "Brukare föll vid förflyttning från säng till rullstol, en personal var ensam.",
        "Brukare snubblade på en matta i korridoren under kvällen.",
        "Brukare gled ur fåtöljen i dagrummet, ingen personal fanns i rummet.",
    ),
    "lakemedel": (
        "Kvällsdosen gavs inte; signeringslistan visade tom ruta vid nattens kontroll.",
        "Fel dospåse gavs till brukare, upptäcktes direkt vid kontroll.",
        "Läkemedel gavs en timme för sent på grund av hög arbetsbelastning.",
        "Dosett saknades när brukare kom hem från korttidsboende.",
    ),
    "bemotande": (
        "Brukare upplevde att personal talade över huvudet på henne vid morgonhjälpen.",
        "Anhörig framförde att brukare fick vänta länge på hjälp till toaletten.",
        "Personal använde ett olämpligt tonfall när brukare vägrade äta.",
    ),
    "utebliven_insats": (
        "Planerad dusch blev inte av, ingen fanns att ta passet.",
        "Promenad enligt genomförandeplanen uteblev hela veckan.",
        "Kvällsbesöket missades efter ett missförstånd vid överlämningen.",
        "Tillsyn enligt plan gjordes inte under natten.",
    ),
    "hot_vald": (
        "Personal blev knuffad av en orolig brukare vid kvällshjälpen.",
        "Brukare hotade personal verbalt under måltiden.",
        "Personal fick ett slag på armen vid omvårdnad, ensam i rummet.",
    ),
    "brand": (
        "Brandlarmet löste ut av bränd gröt i avdelningsköket.",
        "Brandskyddsdörr stod uppställd med kil under eftermiddagen.",
    ),
    "arbetsmiljo": (
        "Personal fick ont i ryggen vid förflyttning utan lift; liften var trasig.",
        "Personal halkade på vått golv i tvättstugan.",
        "Personal stack sig på en kanyl som låg kvar i sängen.",
        "Personal klämde handen i en dörr som stängdes av vinden.",
    ),
    "ovrigt": (
        "Nycklar till läkemedelsskåpet kunde inte hittas vid passbytet.",
        "Hjälpmedel levererades till fel adress.",
        "Larmet på avdelningen var ur funktion i en timme.",
        "Matleveransen kom två timmar för sent.",
    ),
}

IMMEDIATE_ACTIONS = (
    "Brukaren fick hjälp direkt och EC informerades samma pass.",
    "Extra personal kallades in och rutinen gicks igenom vid överlämningen.",
    "Sjuksköterska kontaktades och bedömde situationen.",
    "Anhöriga informerades och brukaren fick den uteblivna insatsen dagen efter.",
    "Personalen bytte arbetssätt direkt och arbetade två och två.",
)

INVESTIGATION_NOTES = (
    "Utredningen visar brister i överlämningen mellan dag och kväll.",
    "Rutinen var känd men följdes inte när bemanningen var låg.",
    "Orsaken var tekniskt fel; leverantören har åtgärdat.",
    "Händelsen beror på att introduktionen av nya vikarier inte räckte.",
)

ACTION_TEXTS = (
    "Gå igenom rutinen på nästa APT",
    "Uppdatera genomförandeplanen",
    "Beställ ny lift och kontrollera övriga hjälpmedel",
    "Ta fram checklista för överlämning",
    "Utbilda vikarier i läkemedelsrutinen",
    "Följ upp med berörd personal i enskilt samtal",
    "Se över bemanningen på kvällarna",
    "Kontrollera larmen på alla rum",
)

OWNER_ROLES = ("Enhetschef", "Sjuksköterska", "Arbetsterapeut", "Samordnare")

# Which categories a track's reports usually fall in, with weights.
CATEGORIES_BY_TRACK: dict[Track, tuple[tuple[str, int], ...]] = {
    Track.LEX_SARAH: (("bemotande", 4), ("utebliven_insats", 4), ("ovrigt", 1)),
    Track.LEX_MARIA: (("lakemedel", 3), ("fall", 2)),
    Track.WORK_ENVIRONMENT: (("hot_vald", 3), ("arbetsmiljo", 4), ("brand", 1)),
    Track.OTHER: (
        ("fall", 4),
        ("lakemedel", 3),
        ("utebliven_insats", 2),
        ("brand", 1),
        ("ovrigt", 2),
    ),
}

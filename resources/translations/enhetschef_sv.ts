<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE" sourcelanguage="sv_SE">
<context>
    <name>AboutDialog</name>
    <message>
        <source>Om Enhetschef</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enhetschef {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schema, frånvaro, övertid, avvikelser och månadsrapport för enhetschefer i vård och omsorg.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Databas:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datamapp:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loggmapp:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Byggd med:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Python {0}, Qt {1} (PySide6)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bibliotek som följer med programmet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bibliotek</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Läser licenserna…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Öppna</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Välj ett bibliotek för att läsa dess licenstext.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Biblioteket har ingen licenstext i sitt paket.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AbsenceDialog</name>
    <message>
        <source>Ny frånvaro</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frånvaro för {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Välj medarbetare …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lämna tomt medan frånvaron pågår</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tomt = pågår</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medarbetare *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frånvarotyp *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Från *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Omfattning *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bara typ, datum och omfattning sparas – aldrig orsak eller diagnos. Omfattning är andel av den schemalagda dagen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medarbetare {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2026-11-22.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AbsenceImport</name>
    <message>
        <source>Importera frånvaro</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importera personallistan först: frånvaron hör till enhetens medarbetare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frånvarolistor (*.xlsx *.csv);;Alla filer (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frånvaron importerades</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importerar {0} …</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AbsenceModel</name>
    <message>
        <source>Medarbetare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frånvaro</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Från</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Omfattning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tills vidare</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AbsencePage</name>
    <message>
        <source>Dag som visas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signalerna räknas fram till och med den här dagen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Idag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importera frånvaro…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Läs in frånvaro från Excel eller CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medarbetare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Välj en medarbetare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Omtankessamtal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frånvaro</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frånvaro och omtanke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dag:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medarbetare:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Välj medarbetare …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> – slutat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skriv dagen som ÅÅÅÅ-MM-DD, t.ex. 2026-11-24.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AbsenceTable</name>
    <message>
        <source>Frånvaro</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ny frånvaro…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ändra…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avsluta…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sätt sista dag på en pågående frånvaro</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ta bort…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medarbetare: namn eller nr (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filtrera på medarbetare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frånvarotyp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alla typer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period från</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bara pågående</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} poster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{shown} av {total} visas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingen frånvaro registrerad. Registrera med Ny frånvaro eller importera en frånvarolista (Arkiv → Importera frånvaro…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ta bort frånvaron {kind} {period} för {name}?

Den räknas då inte längre i frånvarotillfällen, omtankessamtal eller månadsrapportens sjukfrånvaro. Borttagningen sparas i loggen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ta bort frånvaro</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AbsenceTableModel</name>
    <message>
        <source>Anställningsnr</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Namn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frånvarotyp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Från</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dagar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Omfattning %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Läge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kommande</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pågår</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avslutad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inget slutdatum: frånvaron pågår. Avsluta den när den är över.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pågår</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ActionDialog</name>
    <message>
        <source>Ny åtgärd – {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Åtgärd – {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vad ska göras?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Namn eller yrkesroll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ÅÅÅÅ-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lämna tomt tills åtgärden är gjord</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Åtgärd *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ansvarig *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Klar senast *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Klar datum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spara</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2026-11-22.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ActionTableModel</name>
    <message>
        <source>Åtgärd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ansvarig</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Klar senast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Klar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Läge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Försenad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pågår</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ActionsTab</name>
    <message>
        <source>Åtgärder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ny åtgärd…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ändra…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markera klar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ta bort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ta bort åtgärd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ta bort åtgärden ”{0}”? Borttagningen syns i tidslinjen.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditLogView</name>
    <message>
        <source>Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vem (användare, konto eller dator)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loggen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Person:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Varje ändring i programmet: när, vem, från vilket konto och vilken dator. Uppgifter om gallrade poster är ersatta med ”gallrad”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alla</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} rader</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BreachModel</name>
    <message>
        <source>Datum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medarbetare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vad</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BudgetDialog</name>
    <message>
        <source>Budget {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget per månad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skriv månadens budget för personalkostnad och årsarbetare. Bokfört utfall ersätter programmets beräkning för månaden. Belopp skrivs som 1 234 567,50.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BudgetEditModel</name>
    <message>
        <source>Månad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget (kr)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Årsarbetare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bokfört utfall (kr)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{month}: &apos;{text}&apos; är inte ett belopp eller antal.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CandidateModel</name>
    <message>
        <source>Nr</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Namn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enhet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Som</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Varför</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CareOverviewPanel</name>
    <message>
        <source>Frånvaro och omtanke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> och {0} till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ska erbjudas omtankessamtal: {0} – {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingen ska erbjudas omtankessamtal idag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Omtankessamtal att hålla denna vecka: {0} – {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inga omtankessamtal att hålla denna vecka</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uppföljningar att göra: {0} – {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inga uppföljningar av omtankessamtal denna vecka</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rehabkedjan denna vecka: {0} – {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inga milstolpar i rehabkedjan denna vecka</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Öppna Frånvaro och omtanke</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CareTalkTab</name>
    <message>
        <source>Signaler för omtankessamtal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Omtankessamtal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visa avslutade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Välj en person i listorna till vänster.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bjud in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spara inbjudan (.ics)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Genomfört…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uppföljt…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avsluta…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avböjt…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ej aktuellt…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vänta med signalen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Väck signalen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samtal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Över gränsen {0} ({1} tillfällen på {2} månader)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{due} ska erbjudas samtal, {total} över gränsen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingen har nått gränsen för omtankessamtal {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ny tid…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spara inbjudan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kalenderfiler (*.ics)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inbjudan sparad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inbjudan är sparad:
{0}

Öppna den i Outlook eller skicka den till medarbetaren. Den säger bara &apos;Samtal med din chef&apos;, tid och plats.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ColumnMappingDialog</name>
    <message>
        <source>Välj kolumner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rubrikerna i {file} går inte att känna igen. Välj vilken kolumn som är vilket fält; valet sparas för filer med samma rubriker.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(ingen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De första raderna i filen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Förhandsvisning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Välj kolumn för {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kolumnen {0} är vald för flera fält.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompetenceTab</name>
    <message>
        <source>Utbildningar och delegeringar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alla</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Går ut snart eller har gått ut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Utbildningar som går ut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delegeringar som går ut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saknas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alla utbildningar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alla delegeringar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Utbildning…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registrera en genomförd utbildning (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delegering…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registrera en ny delegering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avsluta…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Återkalla den valda delegeringen från en dag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Återkommande utbildningar…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Förnya…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>En ny delegering som tar vid där den valda slutar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Krav per passtyp…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Går ut inom {days} dagar: {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Utgångna: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Utbildning saknas: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inga utbildningar eller delegeringar än. Lägg till återkommande utbildningar (Utbildningar…) eller registrera en delegering.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{number} – {name}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompetenceTableModel</name>
    <message>
        <source>Anst.nr</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Namn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Typ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Utbildning/uppgift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delegerad av</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Från/genomförd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Giltig till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Läge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Utbildning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delegering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Giltig</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Går snart ut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Utgången</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saknas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gäller från {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avslutad {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gick ut för {0} dagar sedan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>går ut idag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} dagar kvar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tills vidare</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CoordinationPage</name>
    <message>
        <source>Tomma rader i alla enheter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Välj en tom rad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Förslag på ersättare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Billigast först: resurspass, mertid, timavlönade, övertid. Radens egen enhet före grannenheterna. Alla har dygnsvila och veckovila kvar med passet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tillsätt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Den valda personen tar raden; båda enheterna ser det direkt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sambandscentral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tomma rader, alla enheter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{date} · v. {week}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Läser alla enheters tomma rader …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{rows} tomma rader i {with_rows} av {units} enheter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inga tomma rader denna dag i dina enheter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{unit}: {day} {code} {time} – {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Söker ersättare …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingen kan ta passet utan att bryta mot vilotiderna eller krocka med andra pass, i radens enhet eller dess grannenheter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{unit}: {what}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CountModel</name>
    <message>
        <source>Antal</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CoverDialog</name>
    <message>
        <source>Hitta ersättare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Söker ersättare …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Billigast först: resurspass, mertid, timavlönade, övertid. Egen personal före grannenheternas. Alla har dygnsvila och veckovila kvar med passet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Förslag på ersättare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visa de som inte kan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De som inte kan ta passet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stäng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Välj som ersättare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{day} {code} {time} – {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visa de som inte kan ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingen kan ta passet utan att bryta mot vilotiderna eller krocka med andra pass. Se listan över de som inte kan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Räknar övertid och gränser …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Övertid för {0} – passerar en gräns; godkännandet kräver skäl:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Övertid för {0} (väntar på ditt beslut på sidan Övertid):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>ÅÅÅÅ-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DayScheduleModel</name>
    <message>
        <source>Tid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medarbetare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Läge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vakant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tom rad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frånvarande – tom rad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bemannad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passet slutar nästa dag</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <source>Beslut om övertid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hämtar begäran …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fördelning per slag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pengar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kompledigt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fördelning och kostnad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Löpande summor mot gränserna</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tidigare beslut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Löpande summor med denna begäran</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Varför gränsen får passeras (t.ex. särskilda skäl enligt ATL)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skäl att gå över gränsen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skäl att gå över gränsen *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beslutets skäl (krävs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beslutets skäl</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beslutets skäl *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Godkänn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avslå</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stäng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} ({number}) – {day} {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skäl: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Täcker: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rast {0}–{1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rätta beslut om övertid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Begäran är redan {verdict}. Ett nytt beslut rättar det som gäller nu; det gamla finns kvar i historiken och i loggen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enkel övertid {simple} h · kvalificerad {qualified} h · mertid {mertid} h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Månadslön saknas för personen: kostnaden kan inte räknas ut.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per timme enligt AB: enkel övertid {simple}, kvalificerad {qualified}, mertid {mertid} (heltidsmånadslönen delad med inställningarnas tal).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ett godkännande passerar: {0}. Ange skäl för att gå över gränsen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · {0} h timlön (under månadens heltidstimmar, ej övertid)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{total}: enkel {simple}, kvalificerad {qualified}, mertid {mertid}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{hours} h ledigt för övertiden, och mertiden {mertid}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skriv beslutets skäl först.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Godkännandet passerar en gräns: skriv skälet att gå över den.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DelegationDialog</name>
    <message>
        <source>Förnya delegering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delegering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ny delegering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>t.ex. Insulininjektion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sjuksköterskans namn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medarbetare *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arbetsuppgift *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delegerande sjuksköterska *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gäller från *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gäller till *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>En delegering gäller högst ett år och förnyas sedan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skriv datumet som ÅÅÅÅ-MM-DD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enheten har ingen anställd att registrera på.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EconomyChart</name>
    <message>
        <source>Budget och kostnad per månad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Utfall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beräknad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planerad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tkr</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prognos helår {0} tkr – ingen budget inlagd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prognos helår {0} tkr – inom budget {1} tkr</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prognos helår {0} tkr – {1} tkr över budget</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EconomyModels</name>
    <message>
        <source>Månad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kostnad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Källa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avvikelse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ack.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ÅA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fast %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beräknad av programmet: {0} kr</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bokfört utfall: {0} kr ({1} kr mot beräkningen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>under budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>över budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avvikelse: {0} kr {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Månadens budget för personalkostnad, kr</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bokfört utfall där det finns, annars programmets beräkning, kr</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget − kostnad, kr (positiv: under budget)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avvikelsen ackumulerad från januari, kr</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Årsarbetare: utfall / budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fast bemanning: månadsavlönades timmar inom schemat, % av alla</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medarbetare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Belopp (kr)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Underlag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hela enheten</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EconomyOverviewPanel</name>
    <message>
        <source>Ekonomi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Öppna Ekonomi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prognosen för {year} är {over} kr över budget ({forecast} kr mot {budget} kr) →</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} medarbetare saknar månadslön i kostnadsberäkningen →</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EconomyPage</name>
    <message>
        <source>År</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skriv in budget…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importera budget…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Månad, Personalkostnad och Årsarbetare från ekonomisystemets export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importera utfall…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Månad och Utfall personalkostnad: ersätter beräkningen för de månaderna</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Året månad för månad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Månadens kostnadsrader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ekonomi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Räknar …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Året kunde inte räknas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingen budget för {0} än. Importera budgeten från ekonomisystemet eller skriv in den.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kostnad = bokfört utfall där det finns, annars programmets beräkning; avvikelse = budget − kostnad (positiv: under budget).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prognos helår {0} kr</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>över budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inom budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prognos helår {0} kr ({1} {2} kr)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avvikelse ack. t.o.m. {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Årsarbetare {0}: {1} (budget {2})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fast bemanning: {0} (mål {1} %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beräknad kostnad {0}: {1} kr – håll muspekaren över en rad för underlaget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saknar månadslön och räknas inte med: {0}. Lägg in lönen på Personal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vad som drev avvikelsen {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avvikelse mot budget: &lt;b&gt;{0}&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingen budget för månaden.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bokfört utfall {0} kr, {1} mot programmets beräkning {2} kr.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mot {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inklusive PO-pålägg ({0} %).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planerade månader räknas från det lagda schemat: lön, timavlönades pass och PO-pålägg, men ingen övertid eller sjukfrånvaro än.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sparar budgeten …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importera utfall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importera budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel eller CSV (*.xlsx *.csv);;Alla filer (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importen är klar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importerar {0} …</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EmployeeDialog</name>
    <message>
        <source>Ny medarbetare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medarbetare {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>t.ex. 87,5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ÅÅÅÅ-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lämna tomt för en anställning som gäller tills vidare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kronor per månad, t.ex. 31 500</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(ingen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anställningsnr *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Namn *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anställningsform *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sysselsättningsgrad (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heltid (h/v)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anställd från</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anställd till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Månadslön (kr)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avslutsorsak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spara</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>* måste fyllas i</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enhetens inställning ({0} h/v)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} h/v – vardagar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} h/v – dygnet runt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} h/v – ständig natt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} h/v</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skriv sysselsättningsgraden som ett tal, till exempel 87,5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skriv datumet som ÅÅÅÅ-MM-DD (t.ex. 2026-11-22) eller lämna tomt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skriv månadslönen i hela kronor, till exempel 31 500.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EmployeeTableModel</name>
    <message>
        <source>Anställningsnr</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Namn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anställningsform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syss.grad %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heltid h/v</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avtalstimmar h/v</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anställd från</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anställd till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avslutad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ej börjat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aktiv</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medarbetarens egen heltidsvecka</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enhetens inställning för heltid</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EmptyRowModel</name>
    <message>
        <source>Enhet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orsak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Läge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Väntar: bemannas tidigast samma vecka</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tom – behöver ersättare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passet slutar nästa dag</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EndAbsenceDialog</name>
    <message>
        <source>Avsluta frånvaro</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sista dag *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{kind} för {name} från {start}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2026-11-22.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ange sista dagen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sista dagen ligger före första dagen.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EndDelegationDialog</name>
    <message>
        <source>Avsluta delegering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gäller inte från *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{task}, delegerad av {nurse}, {first}–{last}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skriv datumet som ÅÅÅÅ-MM-DD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ange från vilken dag delegeringen inte gäller.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dagen ligger före delegeringens första dag.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EventBandModel</name>
    <message>
        <source>Tidsband</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Behov</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I tjänst</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Läge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saknas {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} – här hände det</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EventRowsModel</name>
    <message>
        <source>Pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medarbetare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Läge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tom rad (vakant)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tom rad (frånvarande)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I tjänst</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} (från dagen före)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vakant</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Examples</name>
    <message>
        <source>Exempelfilen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exempelfilen kunde inte kopieras: {0}
Stäng den om den är öppen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exempelfilen finns här:
{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Öppna exempelfil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visar en fil i den layout som importen läser ({0}).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExcludedModel</name>
    <message>
        <source>Namn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enhet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Varför inte</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExitTalkDialog</name>
    <message>
        <source>Avslutningssamtal – {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(välj orsak)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Genomfört</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avböjt av medarbetaren</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kort: vad som fungerat, vad som kan bli bättre. Inga hälsouppgifter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anteckning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orsak *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samtalet *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sista anställningsdag {0}. Orsaken räknas in i personalomsättningen och månadsrapportens avgångsorsaker.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>* måste fyllas i</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skriv datumet som ÅÅÅÅ-MM-DD.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExitsTab</name>
    <message>
        <source>Avslutningssamtal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bara de utan registrerat samtal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registrera avslutningssamtal…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingen har slutat det senaste året eller har ett slutdatum. När ett slutdatum anges på sidan Personal syns medarbetaren här för avslutningssamtal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orsaken väljs ur den fasta listan och räknas in i personalomsättningen och månadsrapportens avgångsorsaker.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FollowUpPage</name>
    <message>
        <source>Tomma rader denna vecka</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hitta ersättare…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Förslag på vem som kan ta den valda tomma raden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ta bort ersättare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frånvaro denna vecka</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regelbrott denna vecka</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tomma rader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bemanning mot behov</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frånvaro</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regelbrott</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dagen och veckan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bemanningsbehov</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dagsuppföljning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{weekday} {date} · v. {week}{holiday}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tomma rader {0} (dagens i fetstil)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frånvaro {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regelbrott {0}, faktiskt schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inga tomma rader denna vecka.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inget schema för veckan. Importera schema… på sidan Schema.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tomma rader dagen: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Underbemannade tidsband: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bemanningsbehov saknas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regelbrott i veckan: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{day} {time}: {name} hos {unit}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Utlånade till andra enheter: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ta bort {name} som ersättare {day} {time}? Raden blir tom igen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ersättaren togs bort. {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GallringDialog</name>
    <message>
        <source>Gallra personuppgifter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Det här gallras</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gallra nu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uppgifter som sparats längre än inställningarna under Dataskydd medger raderas för gott, liksom säkerhetskopior som är äldre. Månadsrapportens nyckeltal ändras inte: de sparas som summor innan raderna tas bort. Loggen får veta vad som gallrades och hur mycket, aldrig innehållet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} uppgifter gallras per {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inget behöver gallras i dag.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gallra</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} uppgifter raderas och kan inte återställas. Vill du gallra nu?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gallrar …</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GallringModel</name>
    <message>
        <source>Vad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Antal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slutade före</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GettingStartedPage</name>
    <message>
        <source>Kom igång</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fem steg till en enhet med personal och schema. Varje steg kan hoppas över och göras senare från Arkiv-menyn. Vill du först se hur programmet fungerar kan du prova med en påhittad demoenhet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prova med en demoenhet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skapar enheten DEMO med påhittad personal, schema och frånvaro</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}. {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tillbaka</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hoppa över</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gå vidare utan att göra steget; det går att göra sedan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nästa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Till Översikt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enheten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vad heter enheten, och vilken kod har den? Koden står i rapporter och filnamn, till exempel HT-NORR. Både namn och kod går att ändra senare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>till exempel Hemtjänst Norr</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>till exempel HT-NORR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Namn *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kod *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skapa enheten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Öppna exempelfil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personallistan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>En rad per medarbetare, första raden rubriker: Anställningsnr, Namn, Anställningsform (Tillsvidare, Visstid eller Timavlönad) och Sysselsättningsgrad (%). Heltid, anställd från/till och månadslön får finnas med. Excel (.xlsx) eller CSV med semikolon, som HR-systemet exporterar den.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importera personallista…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personallistor (*.xlsx *.csv);;Alla filer (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schemat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ett pass per rad: anställningsnr (tomt för en tom rad), datum, från, till, rast i minuter och passkod. Exporten ur schemaprogrammet går bra; känns rubrikerna inte igen får du välja kolumnerna själv.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importera schema…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheman (*.xlsx *.csv);;Alla filer (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bemanningsbehovet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hur många som behövs i varje tidsband, per veckodag. Översikt och Dagsuppföljning jämför schemat med det. Ta förslaget från schemat och ändra där det behövs, eller fyll i själv.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ta förslaget från schemat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medianen av schemats pass per veckodag i banden dag, kväll och natt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frånvaron</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>En rad per frånvaroperiod: anställningsnr, frånvaroorsak (till exempel Sjuk eller Semester), från och med, till och med och omfattning i procent. Den ger sjukfrånvaron, omtankessamtalen och tomma rader i schemat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importera frånvaro…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frånvarolistor (*.xlsx *.csv);;Alla filer (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Klart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enheten är redo. Översikt visar dagens bemanning och det som behöver göras; varje rad där leder till sidan som löser det. Hjälp → Användarhandbok (F1) beskriver varje sida.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skapa enheten först (eller prova med en demoenhet).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enheten {code} – {name} finns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enheten har {0} anställda.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schemat har {0} rader.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} frånvaroperioder är inlästa.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skriv både enhetens namn och dess kod.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exempelfilen kunde inte kopieras: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exempelfilen finns här: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schemat har inga pass att föreslå från: importera schemat först.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Förslaget visas ovan. Ändra där det behövs och tryck Spara.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Läser schemat …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skapar demoenheten …</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>Användarhandbok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Innehåll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tillbaka</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HeadcountModel</name>
    <message>
        <source>Anställningsform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anställda idag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Totalt</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>Beslut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Av</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>När</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skäl</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} (rättelse)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{reason} Över gräns: {why}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportProblemsDialog</name>
    <message>
        <source>Filen importerades inte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rätta raderna i filen och importera den igen. Ingenting sparades från den här filen. Antal fel: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fel i filen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stäng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kopiera listan</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IncidentDetailPanel</name>
    <message>
        <source>Ändra…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Öppna igen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tillbaka till under utredning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ta bort…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meddelande om status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Händelsen inträffade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rapporterad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rapportör</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kategori</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spår</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beskrivning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Åtgärd direkt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tidslinje</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bemanning mot behov den dagen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schemarader vid händelsen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schemarader när det hände</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Händelsen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Åtgärder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bemanning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Välj en avvikelse i listan för att se och följa upp den.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Åtgärder ({0} öppna)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{number} · {track} · {category}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Till {0} →</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flytta avvikelsen till nästa steg: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Innan nästa steg saknas: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allt som krävs för nästa steg är gjort.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avslutad {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sen: {what} – senast {due}, {days} dagar sedan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sen: {0} åtgärder efter sitt datum.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{track} ({kind})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{date} kl. {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(inte ifylld)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Det finns inget schema för {day}. Importera schemat för att se bemanningen när det hände.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kl. {at} den {day}: {present} i tjänst (inget behov angivet).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kl. {at} den {day}: {present} i tjänst mot behov {need} – underbemannat, {short} saknades.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kl. {at} den {day}: {present} i tjänst mot behov {need} – bemanningen räckte.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tomma rader just då: {now}. Tomma rader under dagen: {day}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ta bort avvikelse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ta bort {number}? Dess {actions} åtgärder och tidslinjen tas bort med den. Numret används inte igen, och borttagningen syns i granskningsloggen.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IncidentDialog</name>
    <message>
        <source>Ny avvikelse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avvikelse {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TT:MM, t.ex. 14:30</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ÅÅÅÅ-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Namn eller yrkesroll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(välj kategori)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(välj spår)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lex Sarah: missförhållanden i omsorgen (SoL/LSS). Lex Maria: vårdskador (HSL), går via MAS. Arbetsmiljö: tillbud, olycka eller arbetsskada för personal. Övrigt: intern förbättring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vad hände? Skriv inte namn eller personnummer på brukare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vad gjordes direkt?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kl.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Klockslag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Händelsen inträffade *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rapporterad *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rapportör *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kategori *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spår *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beskrivning *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Åtgärd direkt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spara</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numret {0} ändras inte.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>* måste fyllas i. Lex Sarah kräver en åtgärd direkt innan utredningen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2026-11-22.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skriv klockslaget som TT:MM, t.ex. 14:30.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IncidentStatsDialog</name>
    <message>
        <source>Avvikelser – statistik och APT-underlag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>År</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avvikelser per månad och spår</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spår</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kategori</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per spår</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per kategori</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spara APT-underlag (Excel)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bara antal och diagram: inga namn och ingen fritext</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stäng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>År:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>En avvikelse räknas till månaden då den inträffade. Underbemannat: färre i tjänst än behovet vid händelsens klockslag enligt schemat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Räknar …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>–</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{total} avvikelser {year}, {closed} avslutade (median {days} dagar till avslutad). Efter tidsfrist nu: {overdue}. Åtgärder: {actions} varav {late} försenade. Underbemannat när det hände: {under} av {known} med schema.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avvikelser per månad och spår {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spara APT-underlag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel-arbetsbok (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>APT-underlag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Underlaget för {year} ({total} avvikelser) är sparat:
{path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sparar APT-underlaget …</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IncidentTableModel</name>
    <message>
        <source>Nummer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Händelse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spår</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kategori</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tidsfrist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beskrivning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sen, {0} d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sen åtgärd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} åtgärder efter sitt datum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I tid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what}: senast {due}, {days} dagar sen</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IncidentsPage</name>
    <message>
        <source>Sök nummer eller text (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filtrera avvikelser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alla statusar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spår</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alla spår</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kategori</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alla kategorier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bara försenade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avvikelser med ett steg efter sin tidsfrist eller en försenad åtgärd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ny avvikelse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registrera en avvikelse (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statistik och APT…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Årets avvikelser räknade, och ett anonymiserat underlag för APT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exportera lista…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De avvikelser som visas, som Excel-fil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avvikelser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inga avvikelser registrerade än.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ny avvikelse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alla datum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Senaste 30 dagarna</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Senaste 12 månaderna</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{shown} av {total} visas, {late} försenade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importera en personallista först: den skapar enheten avvikelser hör till.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exportera lista</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listan innehåller nummer, datum, spår, status och tidsfrister. Fritext (rapportör, beskrivning, åtgärd direkt, utredning) tas bara med om du väljer det.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ta med fritext – bara för eget bruk, dela inte filen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spara som</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel-arbetsbok (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} avvikelser sparade i
{path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sparar listan …</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IntroChecklistModel</name>
    <message>
        <source>Punkt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planerat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Klart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Klar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Försenad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Återstår</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datumet är ändrat för den här medarbetaren</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IntroItemsDialog</name>
    <message>
        <source>Punkter i introduktionen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Punkt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dag efter första arbetsdagen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Används</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lägg till punkt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listan gäller alla enheter i databasen och alla nyanställda.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dag </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IntroPointDialog</name>
    <message>
        <source>ÅÅÅÅ-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tomt: checklistans dag räknat från första dagen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planerat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Klart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Klart idag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skriv datumet som ÅÅÅÅ-MM-DD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Punkten kan inte vara klar i framtiden.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IntroProgressModel</name>
    <message>
        <source>Namn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Första dag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Klart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nästa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Punkter vars dag har passerat utan att de är klara</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{done} av {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Försenade punkter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allt klart</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IntroTab</name>
    <message>
        <source>Nyanställda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Introduktionens checklista</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Klart idag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markera den valda punkten som klar idag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ändra…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ändra datum eller klardag för den valda punkten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checklistan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ändra checklistans punkter (gäller alla nyanställda)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingen nyanställd just nu. Den som börjar syns här med introduktionens checklista från första dagen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Välj en nyanställd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} – första dag {start}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LeaverTableModel</name>
    <message>
        <source>Anst.nr</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Namn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anställning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sista dag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orsak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avslutningssamtal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anteckning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Genomfört {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avböjt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Att hålla</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ej registrerat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(ej angiven)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LimitModel</name>
    <message>
        <source>Gräns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hittills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Denna</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Efter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Högst</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Läge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ÖVER GRÄNSEN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inom</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LogModel</name>
    <message>
        <source>Tid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Konto i datorn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Händelse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gäller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uppgifter</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Sidor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Arkiv</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importera personallista…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Säkerhetskopiera databasen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Byt enhet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avsluta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importera frånvaro…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importera schema…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ångra senaste import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anslut till förvaltningens databas…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redigera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ny post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filtrera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Visa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uppdatera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ver&amp;ktyg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grannenheter…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Öppna mappen med säkerhetskopior</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Öppna mappen med loggfiler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hjälp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Användarhandbok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kom igång</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Om Enhetschef</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{code} – {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Månadsrapport: ej synkad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Databas: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enhet: ingen än</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enhetschef</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Öppnar databasen …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Databas: {0} på {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enhet: {code} – {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enhetschef – {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Säkerhetskopia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Säkerhetskopian är sparad:
{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Säkerhetskopierar databasen …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Det finns ingen schemaimport att ångra.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ångra importen av {0} ({1} UTC)? Passen den lade till tas bort och de pass och ersättare den ändrade eller tog bort sätts tillbaka.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ångrar importen …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mappen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mappen finns här:
{0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ManagementPage</name>
    <message>
        <source>Månad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Föregående månad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nästa månad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exportera Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VC-rapporten för alla enheter: ett blad per enhet och ett jämförelseblad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delad arbetsbok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visa enheter som fortfarande synkar till den delade arbetsboken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Välj arbetsbok…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visa inte arbetsbokens enheter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visa nyckeltal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enheternas nyckeltal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rött: över enhetens mål, grönt: inom målet. En månad som är markerad klar visar nyckeltalen som de rapporterades.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enhetschefens kommentar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verksamhetschefens kommentar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Din kommentar till enhetens månad (inga namn eller hälsouppgifter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spara kommentar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enheternas trender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Förvaltning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visa:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Din kommentar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nyckeltal:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Månaden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trender, 12 månader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Räknar {0} för alla enheter …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Välj den delade arbetsboken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arbetsbokens enheter visas inte: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ur den delade arbetsboken {name} (bladet {sheet}): {codes}. Markerade ”arbetsbok”, som enheterna synkade dem, utan enheternas mål.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finns på servern och visas därifrån: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fler rader för samma enhet och månad hoppades över: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enheternas månad kunde inte räknas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Du har inga enheter. Den som sköter databasen ger behörighet per enhet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{month}: {closed} av {total} enheter har markerat månaden klar.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inte klara: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enhetschefens kommentar, {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Din kommentar, {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(ingen kommentar)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enheten synkar till arbetsboken: skriv din kommentar i arbetsboken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Du är enhetschef här: kommentaren skrivs av verksamhetschefen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kommentaren är sparad.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Räknar 12 månader för alla enheter …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{first} – {last}. En månad som är markerad klar visar den rapporterade siffran.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enheter ur den delade arbetsboken: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spara VC-rapporten för alla enheter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel-arbetsbok (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rapporten sparades: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skriver rapporten för alla enheter …</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MonthFigureModel</name>
    <message>
        <source>Nyckeltal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Värde</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mål (högst)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mot målet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ändrat sedan klar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Underlag: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nu {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inom målet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Över målet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inget värde</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MonthOverviewPanel</name>
    <message>
        <source>Månadsrapport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Öppna Månadsrapport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>klar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inte markerad klar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Månadsrapport {month} är inte synkad till verksamhetschefen ({state}) →</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Månadsrapport {month} synkad {when} →</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} synkar väntar i kön (arbetsboken var upptagen) →</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MonthReportPage</name>
    <message>
        <source>Månad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Föregående månad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nästa månad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markera klar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lås månadens nyckeltal som de är nu; senare ändringar visas som skillnader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exportera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Månadsrapporten till verksamhetschefen som Excel-arbetsbok eller PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Som Excel-arbetsbok…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Som PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synka till delad arbetsbok…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Månadens nyckeltal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enhetschefens kommentar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vad verksamhetschefen behöver veta om månaden (inga namn eller hälsouppgifter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spara kommentar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hämta VC:s kommentar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Försök igen nu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Månadsrapport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delad arbetsbok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Räknar {0} …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Månaden kunde inte räknas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Klar, låst {date} av {who}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> – {0} nyckeltal har ändrats sedan dess</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lås upp…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Utkast: inte markerad klar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} {year} ({first} – {last}) · </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Övertid och mertid registreras inte i programmet än.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Håll muspekaren över ett nyckeltal för definition och underlag.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Månaden är inte synkad till den delade arbetsboken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synkad {when} till {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nyckeltalen har ändrats sedan dess: synka igen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verksamhetschefens kommentar (hämtad {date}): {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingen kommentar från verksamhetschefen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synkkön: inget väntar.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synkkön: {count} väntar ({months}); försöks igen var {minutes}:e minut.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lås upp {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Varför låses månaden upp? (sparas i loggen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markera {0} klar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nyckeltalen för {0} låses som de är nu. Ändras underlaget senare visas det som en skillnad, och rapporten visar de låsta värdena. Markera klar?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spara månadsrapporten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel-arbetsbok (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skriver månadsrapporten …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spara månadsrapporten som PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF:en kunde inte sparas: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Månadsrapporten sparades: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synkar till den delade arbetsboken …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synken väntar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}

Den försöks igen automatiskt; du kan också välja Försök igen nu.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MonthStatus</name>
    <message>
        <source>Månadsrapport: ej synkad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Månadsrapport {month} synkad {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · {0} i synkkön</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OvertimeOverviewPanel</name>
    <message>
        <source>Övertid att besluta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Öppna Övertid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Övertid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingen övertid väntar på beslut →</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Övertid att besluta: {count} (äldsta {day})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, {0} skulle passera en gräns</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OvertimePage</name>
    <message>
        <source>Ny begäran…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registrera övertid eller mertid för beslut (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Besluta…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Godkänn eller avslå den valda begäran</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sök namn eller skäl (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filtrera övertid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medarbetare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Månad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Övertidsbegäran</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Övertid och mertid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Övertid finns först när enhetschefen har godkänt den. Ett beslut ändras aldrig: ett nytt beslut rättar det gamla, och båda finns kvar.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alla medarbetare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alla månader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Väntar på beslut ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Godkända ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avslagna ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alla ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visar {0} av {1} begäranden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inga begäranden med det urvalet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingen övertid registrerad. Välj en övertidskandidat i Dagsuppföljning, eller registrera en begäran med Ny begäran (Ctrl+N).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rätta beslut…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>Anställda per anställningsform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bemanning mot behov idag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dagens schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Behovet per tidsband kommer från enhetens bemanningsbehov. Ett pass räknas i ett tidsband när det täcker minst halva bandet; tomma rader och frånvarande räknas inte.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avvikelser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inget schema för idag.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importera schema…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{weekday} {date} · v. {week}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enhet: {code} – {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingen enhet än</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inget bemanningsbehov är angivet för {weekday}ar.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avvikelser att följa upp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} öppna avvikelser, ingen efter tidsfrist →</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Öppna Avvikelser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{late} avvikelser efter tidsfrist, {actions} försenade åtgärder →</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Efter tidsfrist: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tomma rader idag: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Underbemannade tidsband: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bemanningen räcker i alla tidsband</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bemanningsbehov saknas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anställda: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Page</name>
    <message>
        <source>{0} har ingen ny post att skapa: Ctrl+N gör något på sidorna med listor, som Frånvaro, Övertid och Avvikelser.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PeopleOverviewPanel</name>
    <message>
        <source>Medarbetarsamtal och kompetens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Öppna Medarbetarsamtal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Försenade medarbetarsamtal (period {cycle}): {count} →</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mål att följa upp: {0} →</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Utbildningar som går ut inom {days} dagar eller gått ut: {count} →</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delegeringar som går ut inom {days} dagar eller gått ut: {count} →</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avslutningssamtal att hålla: {0} →</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inga försenade samtal, mål att följa upp eller utbildningar och delegeringar som går ut →</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message>
        <source>Samtal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kompetens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Introduktion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avslutningssamtal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medarbetarsamtal och kompetens</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PeopleTab</name>
    <message>
        <source>Sök namn eller anställningsnr (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filtrera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingen i listan med det valet. Välj Alla eller ändra sökningen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{shown} av {total} visas</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PersonDetailView</name>
    <message>
        <source>Frånvaro och omtankessamtal för medarbetaren</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} tillfällen (gräns {threshold}) {first}–{last}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Under gränsen för omtankessamtal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ska erbjudas omtankessamtal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signalen vilar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inbjuden till omtankessamtal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hanterad – inget nytt tillfälle sedan samtalet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>räknas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>före senaste samtalet – räknas inte igen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>började före perioden – räknas inte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pågår</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Från</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dagar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Poster och hur de hänger ihop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Räknas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{state} (signal {signal}, {count} tillfällen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inbjuden till {date}{at}, {place}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>genomfört {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stöd: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>uppföljning {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>uppföljd {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>avslutad {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skäl: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signalen vilar till {until} (sedan {made}): {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>passerad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>denna vecka</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kommande</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (senast {0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> – om sjukskrivningen väntas pågå mer än 60 dagar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dag {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Läge</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlanTalkDialog</name>
    <message>
        <source>Planera medarbetarsamtal – {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>t.ex. Enhetschefens kontor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dag *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Längd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spara och skapa inbjudan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sparar en kalenderfil (.ics) med neutral rubrik att skicka till medarbetaren</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stryk samtalet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inbjudan är skickad. Ändras dag eller tid behövs en ny inbjudan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>* måste fyllas i</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skriv dagen som ÅÅÅÅ-MM-DD, t.ex. 2026-10-05.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skriv tiden som TT:MM, t.ex. 10:00.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stryka det planerade samtalet {0}? En skickad inbjudan tas inte bort ur kalendrar.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrivacyOverviewPanel</name>
    <message>
        <source>Dataskydd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Öppna Inställningar och gallra</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} uppgifter ska gallras ({1}) →</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordTalkDialog</name>
    <message>
        <source>Medarbetarsamtal – {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kort: vad ni kom överens om. Aldrig diagnos eller hälsouppgifter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anteckning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dagen målen följdes upp; sätts själv när alla mål är uppföljda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samtalet hölls *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uppföljt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mål</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Klart senast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lägg till mål</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mål (IUP)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>* måste fyllas i</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skriv datumet som ÅÅÅÅ-MM-DD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mål {0}: skriv datumen som ÅÅÅÅ-MM-DD.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RequestDetail</name>
    <message>
        <source>Beslut om begäran</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inget beslut än.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Välj en begäran i listan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} – {day} {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skäl: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{source} av {who} {when} · ersättning: {compensation}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ersättaren är borttagen i dagsuppföljningen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} h timlön under månadens heltidstimmar (ej övertid).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RequestDialog</name>
    <message>
        <source>Ny övertidsbegäran</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medarbetare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(slut före start: nästa dag)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rast från</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rast till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(om rast ingår)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Täcker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pengar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kompledigt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vem eller vilken tom rad övertiden täcker, och varför</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skäl</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medarbetare *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datum *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tid *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ersättning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skäl *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Så blir den om den godkänns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Välj medarbetare …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingen särskild rad eller frånvaro</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rad: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frånvaro: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Välj vem som ska arbeta.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skriv datumet som ÅÅÅÅ-MM-DD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ange datum.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skriv tiderna som TT:MM, t.ex. 15:30.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ange start och slut.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ange både när rasten börjar och slutar, eller ingen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skriv rastens tider som TT:MM.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Då syns fördelningen på mertid, enkel och kvalificerad övertid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start och slut kan inte vara samma tid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enkel {simple} h, kvalificerad {qualified} h, mertid {mertid} h.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kostnad {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ange skäl: vem eller vilken tom rad övertiden täcker.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RequestTableModel</name>
    <message>
        <source>Dag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medarbetare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enkel h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kval. h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mertid h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kostnad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gräns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passerad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Godkänd över gränsen: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ett godkännande skulle passera en gräns för övertid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skäl</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} (rättad)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passeras</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} + komp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slutar nästa dag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kompledigt {0} h i stället för pengar för övertiden</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewTableModel</name>
    <message>
        <source>Anst.nr</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Namn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anställning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Senaste samtal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planerat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mål att följa upp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lönesamtal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Läge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ej planerat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bokat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Genomfört</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uppföljt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Försenat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Klart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kvar att hålla</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} ej genomfört</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mål vars &apos;klart senast&apos; har passerats utan uppföljning</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewsTab</name>
    <message>
        <source>Medarbetarsamtal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alla</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Försenade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Har inte haft samtal än</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mål att följa upp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visa alla</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visa även de som inte ska ha samtal i perioden: timavlönade, nyanställda efter periodens start och de som slutar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planera samtal…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planera eller flytta samtalet (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skapa inbjudan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spara en kalenderinbjudan (.ics) och markera bokat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registrera samtal…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datum, kort anteckning och mål (IUP)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lönesamtal…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inga anställda än. Lägg till personal på sidan Personal först.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>avslutad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pågår</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>börjar {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period {label}: {start} – {end} ({state})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingen ska ha samtal i perioden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Genomförda: {held} av {expected} ({percent} %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Försenade: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mål att följa upp: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RowLineModel</name>
    <message>
        <source>Dag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orsak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Läge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ersätts av {name}{unit} ({kind})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Väntar: bemannas tidigast samma vecka</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tom – behöver ersättare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passet slutar nästa dag</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SalaryTalkDialog</name>
    <message>
        <source>Lönesamtal – {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Genomfört</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dag *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lönesamtalet hålls skilt från medarbetarsamtalet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skriv dagen som ÅÅÅÅ-MM-DD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ange dag för lönesamtalet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScheduleImport</name>
    <message>
        <source>Importera schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importera personallistan först: den skapar enheten som schemat hör till.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schema (*.xlsx *.csv);;Alla filer (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schemat importerades</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importerar {0} …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skapa {0} nya medarbetare (timavlönade) och importera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importera de giltiga raderna ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ta bort pass?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importen av {0} tar bort {1} av {2} pass i filens veckor, {3} registrerade ersättare och {4} beviljade övertider.

En säkerhetskopia tas före importen, och Arkiv → Ångra senaste import sätter tillbaka det som togs bort. Importera ändå?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importera och ta bort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScheduleOverviewPanel</name>
    <message>
        <source>Schema och dagsuppföljning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tomma rader idag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regelbrott denna vecka</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tomma rader idag: {count} ({absent} frånvaro, {vacant} vakanta) →</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inga tomma rader idag →</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… och {0} till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Öppna Dagsuppföljning och hitta ersättare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regelbrott v. {week}: {count} – {rules} →</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inga brott mot vilotiderna v. {0} →</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Öppna veckans schema</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SchedulePage</name>
    <message>
        <source>Föregående vecka (Alt+Vänster)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Föregående vecka</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nästa vecka (Alt+Höger)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nästa vecka</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Denna vecka</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gå till vecka med datum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gå till veckan med det här datumet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planerat schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Faktiskt schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Som det blev: med frånvaro, ersättare och godkänd övertid och mertid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planerat schema: som det lades. Faktiskt schema: som det blev, med frånvaro, ersättare och godkänd övertid och mertid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vilket schema som visas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importera schema…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Läs in schemat från Excel eller CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Veckans schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tom rad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>v. {week} · {first} – {last}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>faktiskt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>planerat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{empty} tomma rader · {breaches} regelbrott i {which} schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inget schema för v. {0}. Importera schema… (Arkiv → Importera schema…) eller bläddra till en annan vecka.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SegmentModel</name>
    <message>
        <source>Tid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timmar</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServerConnectDialog</name>
    <message>
        <source>Anslut till förvaltningens databas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Förvaltningens gemensamma databas ligger på en PostgreSQL-server. Uppgifterna får du av IT. Du ser bara de enheter du har behörighet till.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Databas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Användarnamn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lösenord</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tomt: lösenordsfilen eller inloggningen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Databas *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Användarnamn *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spara lösenordet i datorns nyckelring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datorn har ingen nyckelring som programmet kan använda: lösenordet gäller bara den här gången. Be IT om en lösenordsfil (pgpass) eller inloggning med Windows-kontot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anslut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ansluter…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Ångra ändringar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visa de sparade värdena igen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spara</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inställningar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reglerna som programmet räknar med. Standardvärdena följer lag och avtal (ATL, AB); ändra dem när kommunen eller enheten har beslutat annat. Varje ändring sparas med datum.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gallra…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visa vad som ska gallras enligt inställningarna, och gallra</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ändrad, inte sparad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>standard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ändrad {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ändringar som inte är sparade: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sparat. Ändrade inställningar: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShiftRequirementsDialog</name>
    <message>
        <source>Krav per passtyp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passtyp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{code} – {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kompetenser som krävs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annan delegering eller utbildning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lägg till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enheten har inga passtyper än; de kommer med schemat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Den som föreslås för ett tomt pass av typen ska ha alla markerade delegeringar och utbildningar giltiga den dagen.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignalTableModel</name>
    <message>
        <source>Nr</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Namn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tillfällen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Senaste tillfället</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Läge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ska erbjudas samtal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vilande till {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inbjuden {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hanterad: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SnoozeDialog</name>
    <message>
        <source>Vänta med signalen för {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>t.ex. Samtal bokas efter semestern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vila till *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skäl *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signalen visas inte som aktuell förrän den dagen. Skälet och datumet sparas i loggen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2026-12-08.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaffImport</name>
    <message>
        <source>Importera personallista</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personallistor (*.xlsx *.csv);;Alla filer (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ny enhet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enhetens kod, till exempel HT-NORR (personallistan hamnar där):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personallistan importerades</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importerar {0} …</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <source>Sök namn eller anställningsnr (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filtrera personal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anställningsform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alla anställningsformer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visa avslutade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ny medarbetare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lägg till en medarbetare (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importera personallista…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Läs in en personallista från Excel eller CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registerutdrag…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allt programmet har sparat om den markerade medarbetaren, som Excel och PDF (GDPR art. 15)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inga medarbetare än: importera personallistan eller lägg till en i taget.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{shown} av {total} visas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importera en personallista först: den skapar enheten som medarbetare hör till.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spara registerutdraget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF:en kunde inte sparas: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registerutdrag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registerutdraget för {name} är sparat:
{xlsx}
{pdf}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skriver registerutdraget …</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaffingBandModel</name>
    <message>
        <source>Tid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Behov</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schemalagda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Läge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saknas {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK, {0} extra</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaffingChart</name>
    <message>
        <source>Bemanning mot behov per tidsband</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inget bemanningsbehov angivet för dagen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Behov</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planerat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Faktiskt</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaffingNeedModel</name>
    <message>
        <source>Från</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mån</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lör</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sön</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Helgdag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Röda dagar och aftnar (julafton, nyårsafton …). Tomt: samma som veckodagen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tidsbandet slutar nästa dag</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaffingNeedTab</name>
    <message>
        <source>Bemanningsbehov per tidsband och veckodag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Antal medarbetare som behövs i varje tidsband. Ett pass räknas i ett tidsband när det täcker minst halva bandet. Helgdag gäller röda dagar och aftnar; lämna kolumnen tom så gäller veckodagens behov. Tider som 21:30–07:00 slutar nästa dag.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lägg till tidsband</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ta bort tidsband</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spara</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ångra ändringar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ändrat, inte sparat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sparat</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StepsForm</name>
    <message>
        <source>ÅÅÅÅ-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vad visade utredningen? (ingen fritext i exporter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(inte angiven)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Utredning dokumenterad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Utredningens slutsats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allvarligt missförhållande?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beslutat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anmäld till IVO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Överlämnad till MAS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Typ av händelse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anmäld till Arbetsmiljöverket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anmäld till Försäkringskassan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spara stegen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sparar datum och beslut; varje ändring syns i tidslinjen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lex Sarah: missförhållandet avhjälps genast (åtgärd direkt), utredningen dokumenteras och du beslutar om det är allvarligt. Ett allvarligt missförhållande anmäls till IVO utan dröjsmål.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lex Maria: händelsen lämnas till MAS, som bedömer och anmäler till IVO.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arbetsmiljö: ange tillbud, olycka eller arbetsskada. En olycka anmäls till Arbetsmiljöverket och en arbetsskada till Försäkringskassan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Övrigt: intern förbättring; dokumentera gärna utredningen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skriv datumet som ÅÅÅÅ-MM-DD eller lämna tomt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sen: skulle ha gjorts senast {due} ({days} dagar sedan).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message>
        <source>Synka {0} till delad arbetsbok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Den delade arbetsboken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bläddra…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arbetsbok:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blad:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synka</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enhetens rad (enhet och månad) skrivs in eller uppdateras. Andra enheters rader, verksamhetschefens kolumner och allt annat i arbetsboken lämnas som det är. Finns arbetsboken inte skapas den från programmets mall.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Välj den delade arbetsboken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel-arbetsbok (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ange arbetsboken (en .xlsx-fil).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arbetsboken ska vara en .xlsx-fil.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mappen finns inte eller går inte att nå.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TalkStepDialog</name>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>t.ex. Chefens kontor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tid *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Längd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plats *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uppföljning *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inbjudan kan sparas som kalenderfil (.ics) med rubriken &apos;Samtal med din chef&apos; – utan något om frånvaro eller hälsa.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bjud in {0} till omtankessamtal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Omtankessamtal med {0} genomfört</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uppföljning med {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avsluta omtankessamtalet med {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} avböjde omtankessamtal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Omtankessamtal med {0} är inte aktuellt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Omtankessamtal med {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datum för samtalet *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Genomfört den *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uppföljt den *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avslutat den *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datum *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Överenskommet stöd *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anteckning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skäl *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>t.ex. Kortare pass i två veckor, avstämning varje fredag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>t.ex. Stödet har fungerat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kort skäl</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skriv kort, bara det ni kom överens om (högst {0} tecken). Aldrig diagnos, sjukdomsdetaljer eller personnummer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2026-11-22.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skriv tiden som TT:MM, t.ex. 09:30.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TalkTableModel</name>
    <message>
        <source>Nr</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Namn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Läge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samtal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uppföljning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Klart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} – dags att registrera</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimeField</name>
    <message>
        <source>TT:MM</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <source>När</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vad</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainingDialog</name>
    <message>
        <source>Registrera utbildning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Räknas fram ur utbildningens giltighetstid; kan ändras</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medarbetare *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Utbildning *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Genomförd *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Giltig till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tomt &apos;Giltig till&apos;: gäller tills vidare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skriv datumet som ÅÅÅÅ-MM-DD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ange när utbildningen genomfördes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Utbildningen är inte genomförd än.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sista giltiga dag ligger före utbildningen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enheten har ingen anställd att registrera på.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lägg först till utbildningen i listan.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainingKindsDialog</name>
    <message>
        <source>Återkommande utbildningar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Utbildning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Giltig i</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Används</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lägg till utbildning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listan gäller alla enheter i databasen. En ändrad giltighetstid gäller utbildningar som registreras från nu; redan registrerade behåller sina datum.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Utbildningens namn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> månader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gäller alltid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Giltighetstid</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrendTabs</name>
    <message>
        <source>Sjukfrånvaro, 12 månader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Övertid och mertid, 12 månader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Andel timavlönade, 12 månader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sjukfrånvaro</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Övertid + mertid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Andel timavlönade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trender, 12 månader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mål</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sjukfrånvaro %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Övertid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mertid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timmar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Andel timavlönade %</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnitNeighboursDialog</name>
    <message>
        <source>Grannenheter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grannenheter lånar ut personal till {code} och lånar från den. Deras personal visas efter enhetens egen när du söker ersättare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{code} – {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Databasen har inga andra enheter. Importera en personallista med en ny enhetskod för att lägga till en.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WeekGridModel</name>
    <message>
        <source>vakant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>frånvarande: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>frånvarande</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ersatt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ersatt av {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resurspass använt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slutar nästa dag.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>annan enhet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ersätts av {name} ({kind}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass utan någon som arbetar: bemannas på Dagsuppföljning.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Enhetschef</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Databasen kan inte öppnas</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>day_navigation</name>
    <message>
        <source>Föregående dag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Föregående dag (Alt+Vänster)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nästa dag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nästa dag (Alt+Höger)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Idag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dag</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <source>Mål</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Klart senast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uppföljt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ta bort</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Ett oväntat fel inträffade och åtgärden avbröts. Det som redan var sparat finns kvar. Detaljerna har skrivits till loggfilen {0} – skicka gärna den till den som ger support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enhetschef</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kopiera felrapport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Felrapporten är kopierad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Klistra in felrapporten i ett e-brev till den som ger support.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>management</name>
    <message>
        <source>Huvudtal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}, forts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enhet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>klar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>utkast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Månaden är inte markerad klar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markerad klar {0} av {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>över målet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inom målet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label}: mål högst {target}, {word}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>arbetsbok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enheten synkar till den delade arbetsboken: rad {0} där</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: arbetsboken har ingen sådan kolumn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: ur den delade arbetsboken, utan enhetens mål</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sjukfrånvaro %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Övertid och mertid (h)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Andel timavlönade %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ur den delade arbetsboken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rapporterad siffra (månaden är markerad klar)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pages</name>
    <message>
        <source>Översikt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dagsuppföljning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frånvaro och omtanke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Övertid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avvikelser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medarbetarsamtal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Månadsrapport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ekonomi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inställningar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Förvaltning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sambandscentral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kom igång</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>people</name>
    <message>
        <source>Känsliga uppgifter?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}

Spara ändå?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spara</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spara inbjudan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kalenderfil (*.ics)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inbjudan sparad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inbjudan är sparad:
{0}

Öppna den i Outlook eller skicka den till medarbetaren. Rubriken är bara &apos;Medarbetarsamtal&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>privacy</name>
    <message>
        <source>Känsliga uppgifter?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Texten ser ut att innehålla ett personnummer eller samordningsnummer. En avvikelse ska inte peka ut en enskild person med nummer. Vill du spara ändå?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spara ändå</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ändra texten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hälsouppgifter i en delad fil?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skicka med texten ändå</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avbryt och ändra texten</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shell</name>
    <message>
        <source>Databasen har ingen enhet än: börja med Kom igång (Hjälp-menyn) eller importera en personallista.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

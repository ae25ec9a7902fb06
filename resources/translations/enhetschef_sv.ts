<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE" sourcelanguage="sv_SE">
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
        <source>Mappen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mappen finns här:
{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Enhetschef {version}&lt;/h3&gt;&lt;p&gt;Schema, frånvaro, övertid, avvikelser och månadsrapport för enhetschefer i vård och omsorg.&lt;/p&gt;&lt;p&gt;Databas: {database}&lt;br&gt;Loggfiler: {logs}&lt;/p&gt;</source>
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
        <source>Inget schema för idag. Importera schema eller skapa en demoenhet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Behovet per tidsband kommer från enhetens bemanningsbehov. Ett pass räknas i ett tidsband när det täcker minst halva bandet; tomma rader och frånvarande räknas inte.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Översikt</source>
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
        <source>Personal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Databasen har ingen enhet än. Importera en personallista (Arkiv → Importera personallista…) eller skapa en demoenhet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inga medarbetare än. Lägg till en med Ny medarbetare eller importera en personallista.</source>
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
    <name>errors</name>
    <message>
        <source>Ett oväntat fel inträffade och åtgärden avbröts. Det som redan var sparat finns kvar. Detaljerna har skrivits till loggfilen {0} – skicka gärna den till den som ger support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enhetschef</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

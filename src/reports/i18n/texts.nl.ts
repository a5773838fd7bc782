/**
 * The sentence every ESF+ output definition ends with (OUTPUT_NOTE in esf-indicators.ts), written
 * out here so that a reworded note no longer matches and shows in English, never stale Dutch.
 */
const OUTPUT_NOTE_EN =
  'Counted once per participant who entered in the period (ESF entry date: the first intake), with the entry data, and only when the entry data are complete.';
const OUTPUT_NOTE_NL =
  'Eén keer geteld per deelnemer die in de periode instapte (ESF-instapdatum: de eerste intake), met de gegevens bij instap, en enkel wanneer die gegevens volledig zijn.';

/** ESF_COUNTING_RULES (esf-indicators.ts), one by one; the ESF+ report's `definition` joins them. */
const ESF_COUNTING_RULES_NL: readonly [string, string][] = [
  [
    'Reached: a person is reached from sign-up (the start of a trajectory, status aanmelding). ESF participant: from the day the first trajectory reaches intake, which is the ESF entry date. A record that never reached intake counts as reached only, in no ESF figure.',
    'Bereikt: een persoon is bereikt vanaf de aanmelding (de start van een traject, status aanmelding). ESF-deelnemer: vanaf de dag waarop het eerste traject de intake bereikt; dat is de ESF-instapdatum. Een dossier dat de intake nooit bereikte, telt enkel als bereikt, in geen enkel ESF-cijfer.',
  ],
  [
    'Completeness: a participant whose non-sensitive entry data (gender, birth date, labour status at entry, education level) are incomplete counts in grandTotal only, and in no output (EECO) or result (EECR) indicator; completeness.complete is the count with complete data. The data-quality list names the incomplete records.',
    'Volledigheid: een deelnemer van wie de niet-gevoelige instapgegevens (gender, geboortedatum, arbeidsmarktstatus bij instap, onderwijsniveau) onvolledig zijn, telt enkel mee in grandTotal, en in geen enkele output- (EECO) of resultaatindicator (EECR); completeness.complete is het aantal met volledige gegevens. De lijst datakwaliteit noemt de onvolledige dossiers.',
  ],
  [
    'Re-entry: a participant who leaves and re-enters is counted once. Start date and output data refer to the first entry; the exit date and results are those of the final exit, so a re-entry withdraws an earlier exit (there is no exit while a trajectory is open) and can revise the results of a period already reported.',
    'Herinstap: een deelnemer die uitstroomt en opnieuw instapt, wordt één keer geteld. De startdatum en de outputgegevens gaan over de eerste instap; de uitstroomdatum en de resultaten zijn die van de laatste uitstroom, zodat een herinstap een eerdere uitstroom intrekt (er is geen uitstroom zolang een traject open is) en de resultaten van een al gerapporteerde periode kan herzien.',
  ],
  [
    'Results upon leaving: within 4 weeks of the exit date; six months after leaving: within 4 weeks either side of exit + 6 months. Dates are local dates in Europe/Brussels.',
    'Resultaten bij uitstroom: binnen 4 weken na de uitstroomdatum; zes maanden na uitstroom: binnen 4 weken vóór of na uitstroom + 6 maanden. Datums zijn lokale datums in Europe/Brussels.',
  ],
];

/**
 * Dutch texts of the reports, keyed by their exact English source. A text that is not here (a new
 * or reworded definition) is shown in English until someone adds it: never a stale translation.
 * src/reports/i18n/coverage.spec.ts fails when a text the reports can emit has no entry here.
 */
export const REPORT_TEXTS_NL: ReadonlyMap<string, string> = new Map([
  // ESF+ indicator definitions (src/reports/esf-indicators.ts)
  [
    `The sum of the employment statuses at entry: unemployed (incl. long-term) + inactive + employed (incl. self-employed). ${OUTPUT_NOTE_EN}`,
    `De som van de arbeidsmarktstatussen bij instap: werkloos (incl. langdurig) + inactief + werkend (incl. zelfstandig). ${OUTPUT_NOTE_NL}`,
  ],
  [
    `Participants without work, available for and seeking work at entry, including the long-term unemployed. ${OUTPUT_NOTE_EN}`,
    `Deelnemers zonder werk, beschikbaar voor en op zoek naar werk bij instap, langdurig werklozen inbegrepen. ${OUTPUT_NOTE_NL}`,
  ],
  [
    `Unemployed participants who are long-term unemployed at entry (a subset of EECO02). ${OUTPUT_NOTE_EN}`,
    `Werkloze deelnemers die bij instap langdurig werkloos zijn (een deel van EECO02). ${OUTPUT_NOTE_NL}`,
  ],
  [
    `Participants not in the labour force at entry (neither employed nor unemployed), including those in education or training. ${OUTPUT_NOTE_EN}`,
    `Deelnemers die bij instap niet tot de beroepsbevolking behoren (werken niet en zijn niet werkloos), ook wie onderwijs of opleiding volgt. ${OUTPUT_NOTE_NL}`,
  ],
  [
    `Participants in paid work or self-employment at entry. ${OUTPUT_NOTE_EN}`,
    `Deelnemers met betaald werk of als zelfstandige bij instap. ${OUTPUT_NOTE_NL}`,
  ],
  [
    `Participants younger than 18 on the entry date. ${OUTPUT_NOTE_EN}`,
    `Deelnemers jonger dan 18 op de instapdatum. ${OUTPUT_NOTE_NL}`,
  ],
  [
    `Participants aged 18 to 29 inclusive on the entry date. ${OUTPUT_NOTE_EN}`,
    `Deelnemers van 18 tot en met 29 jaar op de instapdatum. ${OUTPUT_NOTE_NL}`,
  ],
  [
    `Participants aged 55 or more on the entry date. ${OUTPUT_NOTE_EN}`,
    `Deelnemers van 55 jaar of ouder op de instapdatum. ${OUTPUT_NOTE_NL}`,
  ],
  [
    `Highest completed education at entry is ISCED 0, 1 or 2. ${OUTPUT_NOTE_EN}`,
    `Hoogst behaalde onderwijsniveau bij instap is ISCED 0, 1 of 2. ${OUTPUT_NOTE_NL}`,
  ],
  [
    `Highest completed education at entry is ISCED 3 or 4. ${OUTPUT_NOTE_EN}`,
    `Hoogst behaalde onderwijsniveau bij instap is ISCED 3 of 4. ${OUTPUT_NOTE_NL}`,
  ],
  [
    `Highest completed education at entry is ISCED 5, 6, 7 or 8. ${OUTPUT_NOTE_EN}`,
    `Hoogst behaalde onderwijsniveau bij instap is ISCED 5, 6, 7 of 8. ${OUTPUT_NOTE_NL}`,
  ],
  [
    `Participants who stated a disability at entry (special category, GDPR art. 9). ${OUTPUT_NOTE_EN}`,
    `Deelnemers die bij instap een handicap aangaven (bijzondere categorie, AVG art. 9). ${OUTPUT_NOTE_NL}`,
  ],
  [
    `Participants who are not citizens of the Union, including stateless persons (Regulation (EU) 2021/1057, Art. 2). ${OUTPUT_NOTE_EN}`,
    `Deelnemers die geen burger van de Unie zijn, staatlozen inbegrepen (Verordening (EU) 2021/1057, art. 2). ${OUTPUT_NOTE_NL}`,
  ],
  [
    `Participants with a foreign background as recorded at entry. ${OUTPUT_NOTE_EN}`,
    `Deelnemers met een buitenlandse achtergrond zoals geregistreerd bij instap. ${OUTPUT_NOTE_NL}`,
  ],
  [
    `Participants who stated they belong to a minority (special category, GDPR art. 9). ${OUTPUT_NOTE_EN}`,
    `Deelnemers die aangaven tot een minderheid te behoren (bijzondere categorie, AVG art. 9). ${OUTPUT_NOTE_NL}`,
  ],
  [
    `Participants who are homeless or affected by housing exclusion at entry. ${OUTPUT_NOTE_EN}`,
    `Deelnemers die bij instap dakloos zijn of met uitsluiting van huisvesting te maken hebben. ${OUTPUT_NOTE_NL}`,
  ],
  [
    `Participants living in a rural area at entry. ${OUTPUT_NOTE_EN}`,
    `Deelnemers die bij instap in een landelijk gebied wonen. ${OUTPUT_NOTE_NL}`,
  ],
  [
    'Participants who left in the period and were engaged in job searching within 4 weeks of leaving.',
    'Deelnemers die in de periode uitstroomden en binnen 4 weken na uitstroom werk zochten.',
  ],
  [
    'Participants who left in the period and were in education or training within 4 weeks of leaving.',
    'Deelnemers die in de periode uitstroomden en binnen 4 weken na uitstroom onderwijs of opleiding volgden.',
  ],
  [
    'Participants who left in the period and gained a qualification, established within 4 weeks of leaving.',
    'Deelnemers die in de periode uitstroomden en een kwalificatie behaalden, vastgesteld binnen 4 weken na uitstroom.',
  ],
  [
    'Participants who left in the period and were in employment or self-employment within 4 weeks of leaving.',
    'Deelnemers die in de periode uitstroomden en binnen 4 weken na uitstroom werkten, als werknemer of zelfstandige.',
  ],
  [
    'Participants whose exit date lies six months before a day in the period, in employment or self-employment six months after leaving.',
    'Deelnemers van wie de uitstroomdatum zes maanden vóór een dag van de periode ligt, en die zes maanden na uitstroom werken, als werknemer of zelfstandige.',
  ],
  [
    'Participants employed at entry who, six months after leaving, moved from precarious to stable employment, from underemployment to full employment, to a job needing higher competences, or were promoted.',
    'Deelnemers die bij instap werkten en zes maanden na uitstroom van precair naar stabiel werk gingen, van deeltijds naar voltijds, naar een job die hogere competenties vraagt, of promotie maakten.',
  ],
  // Quarterly report and empowerment coverage
  [
    "reached: participants whose trajectory started (sign-up, aanmelding) in the quarter; intensive: participants whose guidance (begeleiding) started in the quarter; esfEntrants: participants whose first trajectory reached intake in the quarter (their ESF entry date; the same count as the ESF+ report's completeness.grandTotal for the quarter). A record that never reached intake is reached only, never an ESF participant.",
    'bereikt: deelnemers van wie een traject in het kwartaal startte (aanmelding); intensief: deelnemers van wie de begeleiding in het kwartaal startte; ESF-instappers (esfEntrants): deelnemers van wie het eerste traject in het kwartaal de intake bereikte (hun ESF-instapdatum; hetzelfde aantal als completeness.grandTotal van het ESF+-rapport voor het kwartaal). Een dossier dat de intake nooit bereikte, is enkel bereikt en nooit een ESF-deelnemer.',
  ],
  [
    'Days from sign-up to closing, for trajectories closed in the quarter.',
    'Dagen van aanmelding tot afsluiting, voor trajecten die in het kwartaal werden afgesloten.',
  ],
  [
    'Contacts with the participant in the quarter (all organisations, confidential ones included as numbers only) per trajectory active at any time in the quarter. A case meeting counts only once it took place with the participant present, dated at the meeting; discussing someone in their absence is not a contact.',
    'Contacten met de deelnemer in het kwartaal (alle organisaties, vertrouwelijke enkel als aantal) per traject dat ergens in het kwartaal actief was. Een casusoverleg telt pas als het plaatsvond in aanwezigheid van de deelnemer, op de datum van het overleg; iemand bespreken in zijn of haar afwezigheid is geen contact.',
  ],
  [
    'Calendar days from submission to the first decision (accepted or rejected), for referrals decided in the quarter; and from submission to completion, for referrals completed in the quarter. Per target: vdab and ocmw (outbound), partnership (inbound).',
    'Kalenderdagen van indiening tot de eerste beslissing (aanvaard of geweigerd), voor doorverwijzingen beslist in het kwartaal; en van indiening tot afronding, voor doorverwijzingen afgerond in het kwartaal. Per bestemming: vdab en ocmw (uitgaand), partnerschap (inkomend).',
  ],
  [
    "Trajectories active at quarter end whose case manager is the coach, divided by the coach's FTE.",
    'Trajecten die op het einde van het kwartaal actief zijn met de coach als casemanager, gedeeld door de VTE van de coach.',
  ],
  [
    'Trajectories active at some time in the quarter whose guidance (begeleiding) started before the quarter end, and of those the ones with a baseline assessment taken before the quarter end.',
    'Trajecten die ergens in het kwartaal actief waren en van wie de begeleiding vóór het einde van het kwartaal startte, en daarvan die met een nulmeting vóór het einde van het kwartaal.',
  ],
  [
    'Per component: the mean change from the baseline to the latest review or exit taken before the quarter end, over the trajectories active in the quarter that have both; n is the number of those trajectories scored on the component. Each measurement counts the reading agreed with the participant, or the participant’s own where none was agreed; a reading by the coach alone is not counted.',
    'Per component: de gemiddelde verandering van de nulmeting tot de laatste tussen- of eindmeting vóór het einde van het kwartaal, over de trajecten die in het kwartaal actief waren en beide hebben; n is het aantal van die trajecten met een score op de component. Elke meting telt de score die met de deelnemer werd afgesproken, of anders de eigen score van de deelnemer; een score van de coach alleen telt niet mee.',
  ],
  [
    `Feedback participants gave in the quarter (by the date given), recorded by their coach with them: the number of responses, the mean satisfaction (1–5) and how many gave each score. The texts are listed only when the quarter has at least 5 responses (otherwise null), to avoid re-identification: without names, ids or dates, the participant's own first and last name taken out, in alphabetical order.`,
    `Feedback die deelnemers in het kwartaal gaven (volgens de datum waarop ze die gaven), samen met hun coach genoteerd: het aantal antwoorden, de gemiddelde tevredenheid (1–5) en hoeveel deelnemers elke score gaven. De teksten staan er alleen als het kwartaal minstens 5 antwoorden telt (anders null), zodat niemand herkenbaar wordt: zonder namen, id's of datums, met de eigen voor- en achternaam van de deelnemer weggelaten, in alfabetische volgorde.`,
  ],
  [
    `Contacts in the quarter (all organisations, confidential ones included as numbers only) per place where they took place; unknown: contacts from before places were recorded whose kind names no place, and contacts derived from case meetings. Interpreter use: contacts with an interpreter, per language (ISO 639 code).`,
    `Contactmomenten in het kwartaal (alle organisaties, vertrouwelijke enkel als aantal) per plaats waar ze plaatsvonden; onbekend: contacten van vóór de registratie van de plaats waarvan het soort geen plaats noemt, en contacten uit casusoverleg. Tolkgebruik: contacten met een tolk, per taal (ISO 639-code).`,
  ],
  // The ESF+ report: counting rules and completeness (dto/esf-report.response.ts)
  [ESF_COUNTING_RULES_NL.map(([en]) => en).join(' '), ESF_COUNTING_RULES_NL.map(([, nl]) => nl).join(' ')],
  [
    'grandTotal: ESF participants who entered in the period (first intake). complete: those of them whose gender, birth date, labour status and education level are all recorded; only they count in the output indicators. Leavers with incomplete entry data count in no result indicator either.',
    'grandTotal: ESF-deelnemers die in de periode instapten (eerste intake). complete: wie van hen gender, geboortedatum, arbeidsmarktstatus en onderwijsniveau allemaal geregistreerd heeft; enkel zij tellen mee in de outputindicatoren. Uitstromers met onvolledige instapgegevens tellen evenmin mee in een resultaatindicator.',
  ],
  // Quarterly report: exits and the work target
  [
    'Trajectories closed in the quarter, per outcome, counted as they happened: a participant who re-enters later keeps this exit here. The ESF+ report instead follows the EC re-entry rule (one participation, results of the final exit), so it drops an exit that a re-entry reopened, and it counts no sign-up that closed before intake (not an ESF participant). Where neither happened, its leavers (cohorts.left) equal the exits here.',
    'Trajecten die in het kwartaal werden afgesloten, per resultaat, geteld zoals ze gebeurden: een deelnemer die later opnieuw instapt, behoudt deze uitstroom hier. Het ESF+-rapport volgt daarentegen de herinstapregel van de EC (één deelname, resultaten van de laatste uitstroom): het laat een uitstroom weg die door een herinstap heropend werd, en het telt geen aanmelding die vóór de intake werd afgesloten (geen ESF-deelnemer). Waar geen van beide gebeurde, is het aantal uitstromers (cohorts.left) gelijk aan de uitstroom hier.',
  ],
  [
    "The work target (partnership agreement: 10-15% of everyone reached moves on to work). shareOfReached = exits to work (trajectories closed with outcome work) / participants reached (sign-ups), in the quarter and, under projectYear, from 1 January to the quarter end; status judges the quarter's shareOfReached against the target. shareOfExits (exits to work / all exits) is shown beside it and is not the target's base. Broken down by the organisation, the referral channel (toeleider) and the persona of the trajectory itself: a later reopening by another organisation never moves an earlier trajectory. byPersona also gives all exits per persona; its entry with personaId null counts the trajectories without a persona.",
    'De doelstelling werk (partnerschapsovereenkomst: 10-15% van alle bereikte deelnemers stroomt uit naar werk). shareOfReached = uitstroom naar werk (trajecten afgesloten met resultaat werk) / bereikte deelnemers (aanmeldingen), in het kwartaal en, onder projectYear, van 1 januari tot het einde van het kwartaal; status toetst de shareOfReached van het kwartaal aan de doelstelling. shareOfExits (uitstroom naar werk / alle uitstroom) staat ernaast en is niet de basis van de doelstelling. Opgesplitst per organisatie, per aanmeldingskanaal (toeleider) en per persona van het traject zelf: een latere heropening door een andere organisatie verschuift een eerder traject nooit. byPersona geeft ook alle uitstroom per persona; de regel met personaId null telt de trajecten zonder persona.',
  ],
  // Data-quality list (data-quality.reasons.ts): the reasons a coordinator reads
  [
    'Labour status at entry is missing: the participant is left out of the ESF+ total (EECO01).',
    'De arbeidsmarktstatus bij instap ontbreekt: de deelnemer valt buiten het ESF+-totaal (EECO01).',
  ],
  ['Education level (ISCED) at entry is missing.', 'Het onderwijsniveau (ISCED) bij instap ontbreekt.'],
  [
    'Unemployed at entry, but whether this is long-term unemployment is not recorded.',
    'Werkloos bij instap, maar niet geregistreerd of het om langdurige werkloosheid gaat.',
  ],
  [
    'Marked long-term unemployed, but the labour status is not unemployed.',
    'Aangeduid als langdurig werkloos, maar de arbeidsmarktstatus is niet werkloos.',
  ],
  [
    'Nationality is of an EU member state (Belgian, for instance), but marked as third-country national (EECO13).',
    'De nationaliteit is die van een EU-lidstaat (bijvoorbeeld Belg), maar aangeduid als onderdaan van een derde land (EECO13).',
  ],
  [
    'Aged 18 or over at entry with labour status "in education" (school pupil): check it.',
    '18 jaar of ouder bij instap met arbeidsmarktstatus "in onderwijs" (leerling): kijk dit na.',
  ],
  ['The entry date is before the birth date.', 'De instapdatum ligt vóór de geboortedatum.'],
  [
    'Third-country national (yes/no) is not recorded.',
    'Onderdaan van een derde land (ja/nee) is niet geregistreerd.',
  ],
  [
    'Foreign background (yes/no) is not recorded.',
    'Buitenlandse achtergrond (ja/nee) is niet geregistreerd.',
  ],
  [
    'Homeless or housing exclusion (yes/no) is not recorded.',
    'Dakloos of uitgesloten van huisvesting (ja/nee) is niet geregistreerd.',
  ],
  ['Rural area (yes/no) is not recorded.', 'Landelijk gebied (ja/nee) is niet geregistreerd.'],
  [
    'Disability or minority was never asked (a participant may decline; record that).',
    'Naar handicap of minderheid werd nooit gevraagd (een deelnemer mag weigeren te antwoorden; registreer dat).',
  ],
  ['A closed trajectory has no outcome.', 'Een afgesloten traject heeft geen resultaat.'],
  [
    'An open trajectory has had no contact in the last 90 days.',
    'Een open traject had de voorbije 90 dagen geen contact.',
  ],
  [
    'Signed up more than 60 days ago and no trajectory ever reached intake: reached only, not an ESF participant. Close the sign-up or record the intake.',
    'Meer dan 60 dagen geleden aangemeld en geen enkel traject bereikte ooit de intake: enkel bereikt, geen ESF-deelnemer. Sluit de aanmelding af of registreer de intake.',
  ],
  [
    'An ESF participant (intake reached) whose non-sensitive entry data (gender, birth date, labour status, education level) are incomplete: counted in the ESF+ grand total only, in no EECO/EECR indicator.',
    'Een ESF-deelnemer (intake bereikt) van wie de niet-gevoelige instapgegevens (gender, geboortedatum, arbeidsmarktstatus, onderwijsniveau) onvolledig zijn: telt enkel mee in het ESF+-eindtotaal, in geen enkele EECO/EECR-indicator.',
  ],
  [
    'Disability or minority answered, or a health note stored, without a live special_categories consent or legal basis (GDPR art. 9): record the basis or erase the value.',
    'Handicap of minderheid beantwoord, of een gezondheidsnotitie bewaard, zonder geldige toestemming of wettelijke grondslag special_categories (AVG art. 9): registreer de grondslag of wis de waarde.',
  ],
  [
    'In guidance or aftercare without a baseline empowerment assessment, although guidance started longer ago than the baseline window of the schedule (6 weeks by default).',
    'In begeleiding of nazorg zonder nulmeting empowerment, hoewel de begeleiding langer geleden startte dan de termijn voor de nulmeting in het schema (standaard 6 weken).',
  ],
]);

/**
 * Texts with a number in them, as [pattern over the English, Dutch with $1..$n]. Tried after the
 * exact texts.
 */
export const REPORT_PATTERNS_NL: readonly [RegExp, string][] = [
  [
    /^Every baseline or review makes the next review due (\d+) calendar months later, as on the trajectory's calendar\. A review belongs to the quarter in which it fell due\. due: reviews due in the quarter \(and already past\) while the trajectory was open and had no exit assessment\. onTime: the next baseline or review was taken at or before the due moment; late: the others \(due - onTime\), whether taken later or not at all\. outstanding: reviews that fell due in an earlier quarter and are still not taken at the quarter end \(or now\): they stay outstanding in every later quarter until taken, until an exit assessment, or until the trajectory closes\.$/,
    'Elke nul- of tussenmeting maakt de volgende tussenmeting $1 kalendermaanden later verschuldigd, volgens de kalender van het traject. Een tussenmeting hoort bij het kwartaal waarin ze verschuldigd werd. due: tussenmetingen die in het kwartaal verschuldigd waren (en al voorbij zijn) terwijl het traject open was en geen eindmeting had. onTime: de volgende nul- of tussenmeting werd uiterlijk op het verschuldigde moment afgenomen; late: de andere (due - onTime), of ze nu later of helemaal niet afgenomen werden. outstanding: tussenmetingen die in een eerder kwartaal verschuldigd werden en op het einde van het kwartaal (of nu) nog niet afgenomen zijn: ze blijven openstaan in elk later kwartaal, tot ze afgenomen worden, tot een eindmeting, of tot het traject afgesloten wordt.',
  ],
  // The data-quality list's definition (data-quality.reasons.ts, SIGN_UP_WITHOUT_INTAKE_DAYS)
  [
    /^One item per participant with every reason that applies\. Besides missing or inconsistent entry data: sign-ups older than (\d+) days that never reached intake \(reached only, no ESF participant\); ESF participants whose non-sensitive entry data \(gender, birth date, labour status, education level\) are incomplete \(grand total only, in no EECO\/EECR indicator\); and special-category values \(disability, minority, health notes\) stored without a live special_categories basis\.$/,
    'Eén item per deelnemer met elke reden die van toepassing is. Naast ontbrekende of tegenstrijdige instapgegevens: aanmeldingen ouder dan $1 dagen die nooit de intake bereikten (enkel bereikt, geen ESF-deelnemer); ESF-deelnemers van wie de niet-gevoelige instapgegevens (gender, geboortedatum, arbeidsmarktstatus, onderwijsniveau) onvolledig zijn (enkel in het eindtotaal, in geen enkele EECO/EECR-indicator); en waarden van een bijzondere categorie (handicap, minderheid, gezondheidsnotities) die bewaard zijn zonder geldige grondslag special_categories.',
  ],
];

/**
 * Dutch texts of the reports, keyed by their exact English source. A text that is not here (a new
 * or reworded definition) is shown in English until someone adds it: never a stale translation.
 */
export const REPORT_TEXTS_NL: ReadonlyMap<string, string> = new Map([
  // ESF+ indicator definitions (src/reports/esf-indicators.ts)
  [
    'The sum of the employment statuses at entry: unemployed (incl. long-term) + inactive + employed (incl. self-employed). Counted once per participant who entered in the period (first entry date), at the entry date.',
    'De som van de arbeidsmarktstatussen bij instap: werkloos (incl. langdurig) + inactief + werkend (incl. zelfstandig). Eén keer geteld per deelnemer die in de periode instapte (eerste instapdatum), op de instapdatum.',
  ],
  [
    'Participants without work, available for and seeking work at entry, including the long-term unemployed. Counted once per participant who entered in the period (first entry date), at the entry date.',
    'Deelnemers zonder werk, beschikbaar voor en op zoek naar werk bij instap, langdurig werklozen inbegrepen. Eén keer geteld per deelnemer die in de periode instapte (eerste instapdatum), op de instapdatum.',
  ],
  [
    'Unemployed participants who are long-term unemployed at entry (a subset of EECO02). Counted once per participant who entered in the period (first entry date), at the entry date.',
    'Werkloze deelnemers die bij instap langdurig werkloos zijn (een deel van EECO02). Eén keer geteld per deelnemer die in de periode instapte (eerste instapdatum), op de instapdatum.',
  ],
  [
    'Participants not in the labour force at entry (neither employed nor unemployed), including those in education or training. Counted once per participant who entered in the period (first entry date), at the entry date.',
    'Deelnemers die bij instap niet tot de beroepsbevolking behoren (werken niet en zijn niet werkloos), ook wie onderwijs of opleiding volgt. Eén keer geteld per deelnemer die in de periode instapte (eerste instapdatum), op de instapdatum.',
  ],
  [
    'Participants in paid work or self-employment at entry. Counted once per participant who entered in the period (first entry date), at the entry date.',
    'Deelnemers met betaald werk of als zelfstandige bij instap. Eén keer geteld per deelnemer die in de periode instapte (eerste instapdatum), op de instapdatum.',
  ],
  [
    'Participants younger than 18 on the entry date. Counted once per participant who entered in the period (first entry date), at the entry date.',
    'Deelnemers jonger dan 18 op de instapdatum. Eén keer geteld per deelnemer die in de periode instapte (eerste instapdatum), op de instapdatum.',
  ],
  [
    'Participants aged 18 to 29 inclusive on the entry date. Counted once per participant who entered in the period (first entry date), at the entry date.',
    'Deelnemers van 18 tot en met 29 jaar op de instapdatum. Eén keer geteld per deelnemer die in de periode instapte (eerste instapdatum), op de instapdatum.',
  ],
  [
    'Participants aged 55 or more on the entry date. Counted once per participant who entered in the period (first entry date), at the entry date.',
    'Deelnemers van 55 jaar of ouder op de instapdatum. Eén keer geteld per deelnemer die in de periode instapte (eerste instapdatum), op de instapdatum.',
  ],
  [
    'Highest completed education at entry is ISCED 0, 1 or 2. Counted once per participant who entered in the period (first entry date), at the entry date.',
    'Hoogst behaalde onderwijsniveau bij instap is ISCED 0, 1 of 2. Eén keer geteld per deelnemer die in de periode instapte (eerste instapdatum), op de instapdatum.',
  ],
  [
    'Highest completed education at entry is ISCED 3 or 4. Counted once per participant who entered in the period (first entry date), at the entry date.',
    'Hoogst behaalde onderwijsniveau bij instap is ISCED 3 of 4. Eén keer geteld per deelnemer die in de periode instapte (eerste instapdatum), op de instapdatum.',
  ],
  [
    'Highest completed education at entry is ISCED 5, 6, 7 or 8. Counted once per participant who entered in the period (first entry date), at the entry date.',
    'Hoogst behaalde onderwijsniveau bij instap is ISCED 5, 6, 7 of 8. Eén keer geteld per deelnemer die in de periode instapte (eerste instapdatum), op de instapdatum.',
  ],
  [
    'Participants who stated a disability at entry (special category, GDPR art. 9). Counted once per participant who entered in the period (first entry date), at the entry date.',
    'Deelnemers die bij instap een handicap aangaven (bijzondere categorie, AVG art. 9). Eén keer geteld per deelnemer die in de periode instapte (eerste instapdatum), op de instapdatum.',
  ],
  [
    'Participants who are not citizens of the Union, including stateless persons (Regulation (EU) 2021/1057, Art. 2). Counted once per participant who entered in the period (first entry date), at the entry date.',
    'Deelnemers die geen burger van de Unie zijn, staatlozen inbegrepen (Verordening (EU) 2021/1057, art. 2). Eén keer geteld per deelnemer die in de periode instapte (eerste instapdatum), op de instapdatum.',
  ],
  [
    'Participants with a foreign background as recorded at entry. Counted once per participant who entered in the period (first entry date), at the entry date.',
    'Deelnemers met een buitenlandse achtergrond zoals geregistreerd bij instap. Eén keer geteld per deelnemer die in de periode instapte (eerste instapdatum), op de instapdatum.',
  ],
  [
    'Participants who stated they belong to a minority (special category, GDPR art. 9). Counted once per participant who entered in the period (first entry date), at the entry date.',
    'Deelnemers die aangaven tot een minderheid te behoren (bijzondere categorie, AVG art. 9). Eén keer geteld per deelnemer die in de periode instapte (eerste instapdatum), op de instapdatum.',
  ],
  [
    'Participants who are homeless or affected by housing exclusion at entry. Counted once per participant who entered in the period (first entry date), at the entry date.',
    'Deelnemers die bij instap dakloos zijn of met uitsluiting van huisvesting te maken hebben. Eén keer geteld per deelnemer die in de periode instapte (eerste instapdatum), op de instapdatum.',
  ],
  [
    'Participants living in a rural area at entry. Counted once per participant who entered in the period (first entry date), at the entry date.',
    'Deelnemers die bij instap in een landelijk gebied wonen. Eén keer geteld per deelnemer die in de periode instapte (eerste instapdatum), op de instapdatum.',
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
    'reached: participants whose trajectory started (sign-up) in the quarter; intensive: participants whose guidance (begeleiding) started in the quarter.',
    'bereikt: deelnemers van wie een traject in het kwartaal startte (aanmelding); intensief: deelnemers van wie de begeleiding in het kwartaal startte.',
  ],
  [
    'Days from sign-up to closing, for trajectories closed in the quarter.',
    'Dagen van aanmelding tot afsluiting, voor trajecten die in het kwartaal werden afgesloten.',
  ],
  [
    'Contacts in the quarter (all organisations, confidential ones included as numbers only) per trajectory active at any time in the quarter.',
    'Contacten in het kwartaal (alle organisaties, vertrouwelijke enkel als aantal) per traject dat ergens in het kwartaal actief was.',
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
    'Per component: the mean change from the baseline to the latest review or exit taken before the quarter end, over the trajectories active in the quarter that have both; n is the number of those trajectories scored on the component. Coach scores, not the participant’s own.',
    'Per component: de gemiddelde verandering van de nulmeting tot de laatste tussen- of eindmeting vóór het einde van het kwartaal, over de trajecten die in het kwartaal actief waren en beide hebben; n is het aantal van die trajecten met een score op de component. Scores van de coach, niet van de deelnemer zelf.',
  ],
]);

/**
 * Texts with a number in them, as [pattern over the English, Dutch with $1..$n]. Tried after the
 * exact texts.
 */
export const REPORT_PATTERNS_NL: readonly [RegExp, string][] = [
  [
    /^Every baseline or review makes the next review due (\d+) calendar months later, as on the trajectory's calendar\. Counted: reviews due in the quarter \(and already past\) while the trajectory was open and had no exit assessment\. On time: the next baseline or review was taken at or before the due moment\.$/,
    'Elke nul- of tussenmeting maakt de volgende tussenmeting $1 kalendermaanden later verschuldigd, volgens de kalender van het traject. Geteld: tussenmetingen die in het kwartaal verschuldigd waren (en al voorbij zijn) terwijl het traject open was en geen eindmeting had. Op tijd: de volgende nul- of tussenmeting werd uiterlijk op het verschuldigde moment afgenomen.',
  ],
];

/**
 * Deterministic synthetic people for load tests: the same --seed gives the same names, dates,
 * INSZ numbers, ids and histories. None of it describes a real person.
 */
export type Rng = () => number;

/** mulberry32: tiny, fast and good enough to spread synthetic data; not for anything secret. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)];
export const between = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));

/** Up to n distinct elements in random order (a partial Fisher–Yates shuffle of a copy). */
export function sample<T>(rng: Rng, list: readonly T[], n: number): T[] {
  const copy = [...list];
  const k = Math.min(n, copy.length);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rng() * (copy.length - i));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, k);
}

/** Picks a key by weight: weighted(rng, { work: 43, no_result: 29 }). */
export function weighted<K extends string>(rng: Rng, weights: Record<K, number>): K {
  const entries = Object.entries(weights) as [K, number][];
  let r = rng() * entries.reduce((s, [, w]) => s + w, 0);
  for (const [k, w] of entries) if ((r -= w) < 0) return k;
  return entries[entries.length - 1][0];
}

/** A version-4-shaped UUID drawn from the generator, so ids repeat with the seed. */
export function uuid(rng: Rng): string {
  const hex: string[] = [];
  for (let i = 0; i < 16; i++)
    hex.push(
      Math.floor(rng() * 256)
        .toString(16)
        .padStart(2, '0'),
    );
  hex[6] = `4${hex[6][1]}`;
  hex[8] = ((parseInt(hex[8], 16) & 0x3f) | 0x80).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Valid INSZ (check digits per src/common/validation/insz.ts), including the 2000+ variant. */
export function syntheticInsz(birthDate: string, serial: number): string {
  const [y, m, d] = birthDate.split('-');
  const base = `${y.slice(2)}${m}${d}${String(serial).padStart(3, '0')}`;
  const check = 97 - (Number(`${Number(y) >= 2000 ? '2' : ''}${base}`) % 97);
  return `${base}${String(check).padStart(2, '0')}`;
}

/** A synthetic person's name, gender and birth date (born 1962–2007). */
export function syntheticPerson(rng: Rng) {
  const gender = weighted(rng, { female: 49, male: 49, nonbinary: 2 });
  const first = pick(rng, FIRST_NAMES[gender]);
  const last = pick(rng, LAST_NAMES);
  const birth = new Date(Date.UTC(between(rng, 1962, 2007), between(rng, 0, 11), between(rng, 1, 28)));
  return { gender, first, last, birthDate: birth.toISOString().slice(0, 10) };
}

/** A valid INSZ for the birth date that `used` does not hold yet; it is added to `used`. */
export function unusedInsz(rng: Rng, birthDate: string, used: Set<string>): string {
  let serial = between(rng, 1, 997);
  let number = syntheticInsz(birthDate, serial);
  while (used.has(number)) number = syntheticInsz(birthDate, (serial = (serial % 997) + 1));
  used.add(number);
  return number;
}

/** Belgian and intra-EU first names, and a few from the largest non-EU communities in Flanders. */
export const FIRST_NAMES = {
  female: [
    'Emma',
    'Louise',
    'Marie',
    'Lotte',
    'Ines',
    'Hanne',
    'Joke',
    'Sofie',
    'Elise',
    'Febe',
    'Noor',
    'Anaïs',
    'Chloé',
    'Léa',
    'Zoë',
    'Maëlle',
    'Aïcha',
    'Fatima',
    'Samira',
    'Nadia',
    'Khadija',
    'Elif',
    'Ayşe',
    'Zeynep',
    'Fatma',
    'Małgorzata',
    'Agnieszka',
    'Katarzyna',
    'Ioana',
    'Andreea',
    'Elena',
    'Mária',
    'Zuzana',
    'Petra',
    'Dragana',
    'Jelena',
    'Ágnes',
    'Réka',
    'Lucía',
    'María José',
    'Inês',
    'Conceição',
    'Giulia',
    'Francesca',
    'Σοφία',
    'Ελένη',
    'Радостина',
    'Ana-Maria',
    'Björk',
    'Siobhán',
    'Liesbeth',
    'An-Sofie',
  ],
  male: [
    'Lucas',
    'Louis',
    'Arthur',
    'Jules',
    'Bram',
    'Jonas',
    'Koen',
    'Pieter',
    'Wout',
    'Sander',
    'Ruben',
    'Thibault',
    'Noé',
    'Raphaël',
    'Loïc',
    'Jérôme',
    'Yusuf',
    'Mehmet',
    'Emre',
    'Çağan',
    'Oğuz',
    'Mohamed',
    'Youssef',
    'Hamza',
    'Bilal',
    'Karim',
    'Łukasz',
    'Paweł',
    'Tomasz',
    'Michał',
    'Andrei',
    'Mihai',
    'Ştefan',
    'Bogdan',
    'Dragoș',
    'Ivan',
    'Dimitar',
    'Miloš',
    'Jiří',
    'Tomáš',
    'Gábor',
    'Zoltán',
    'José',
    'João',
    'Gonçalo',
    'Giuseppe',
    'Niccolò',
    'Γιώργος',
    'Jörg',
    'Søren',
    'Jan-Willem',
    'Pieter-Jan',
  ],
  nonbinary: ['Alex', 'Sam', 'Robin', 'Noa', 'Charlie', 'Jo', 'Kim', 'Sasha', 'Eden', 'Lou'],
} as const;

export const LAST_NAMES = [
  'Peeters',
  'Janssens',
  'Maes',
  'Jacobs',
  'Mertens',
  'Willems',
  'Claes',
  'Goossens',
  'Wouters',
  'De Smet',
  'Dubois',
  'Lambert',
  'Dupont',
  'Martin',
  'Vermeulen',
  'Van den Broeck',
  'Van de Velde',
  "D'Hondt",
  'De Backer',
  'Verstraete',
  'Van Damme',
  'Desmet',
  'Coppens',
  'Vandenberghe',
  'Verbeke',
  'De Clercq',
  'Lemaître',
  'Leclercq',
  'Dumont',
  'Geerts',
  'Öztürk',
  'Yılmaz',
  'Demir',
  'Şahin',
  'Çelik',
  'Kaya',
  'Doğan',
  'Aydın',
  'Arslan',
  'El Amrani',
  'Bakkali',
  'El Idrissi',
  'Benali',
  'Ouali',
  'Aït Ahmed',
  'Nowak',
  'Kowalski',
  'Wiśniewski',
  'Wójcik',
  'Kamiński',
  'Lewandowski',
  'Zieliński',
  'Popescu',
  'Ionescu',
  'Popa',
  'Dumitrescu',
  'Stoica',
  'Rădulescu',
  'Ivanov',
  'Petrov',
  'Dimitrova',
  'Georgiev',
  'Novák',
  'Dvořák',
  'Černý',
  'Horváth',
  'Szabó',
  'Tóth',
  'Nagy',
  'Kovačević',
  'Petrović',
  'Jovanović',
  'García',
  'Fernández',
  'Martínez',
  'López',
  'Gonçalves',
  'Gómez',
  'Rossi',
  'Russo',
  'Esposito',
  'Bianchi',
  'Müller',
  'Schäfer',
  'Groß',
  'Jørgensen',
  'Nørgaard',
  'Papadopoulos',
  'Παπαδόπουλος',
  'Ó Briain',
  'Nguyễn',
  'Abebe',
  'Mulumba',
  'Diallo',
  'Kabongo',
  'Tshibanda',
] as const;

export const FLEMISH_TOWNS = [
  'Gent',
  'Antwerpen',
  'Brugge',
  'Leuven',
  'Mechelen',
  'Aalst',
  'Kortrijk',
  'Hasselt',
  'Sint-Niklaas',
  'Oostende',
  'Genk',
  'Roeselare',
  'Turnhout',
  'Dendermonde',
  'Beveren',
  'Vilvoorde',
  'Lokeren',
  'Geel',
  'Waregem',
  'Ieper',
  'Lier',
  'Mol',
  'Ninove',
  'Halle',
  'Beringen',
  'Heist-op-den-Berg',
  'Tienen',
  'Maasmechelen',
  'Lommel',
  'Menen',
  'Temse',
  'Herentals',
  'Wevelgem',
  'Zaventem',
  'Knokke-Heist',
  'Bilzen',
  'Tongeren',
  'Deinze',
  'Zele',
  'Ronse',
  'Oudenaarde',
  'Eeklo',
  'Tielt',
  'Diest',
  'Sint-Truiden',
  'Aarschot',
  'Asse',
  'Grimbergen',
  'Boom',
  'Willebroek',
  'Hamme',
  'Wetteren',
  'Zottegem',
  'Geraardsbergen',
  'Poperinge',
  'Izegem',
  'Harelbeke',
  'Houthalen-Helchteren',
  'Maaseik',
  'Bornem',
] as const;

export const WIJKEN = [
  'Centrum',
  'Noord',
  'Oost',
  'Zuid',
  'West',
  'Stationsbuurt',
  'Oude Dokken',
  'Rabot',
  'Brugse Poort',
];

export const CONTACT_KINDS = {
  office: 30,
  phone: 25,
  home_visit: 12,
  outreach: 10,
  digital: 12,
  accompanied_visit: 6,
  group_session: 5,
} as const;

/** The previous project's results (DOMAIN.md): 61% of those reached start, then these outcomes. */
export const OUTCOMES = { work: 43, regular_activation: 22, education: 6, no_result: 29 } as const;
export const REGULAR_ACTIVATION_KINDS = ['twe_art60', 'glow', 'vdab_training', 'vdab_guidance'] as const;

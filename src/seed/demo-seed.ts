import { Role } from '../access/role';
import { hashPassword } from '../auth/password';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { DatabaseContext } from '../database/database-context.service';
import { seedDemoCases } from './demo-cases';
import { OrganisationSeed, TenantBuilder } from './tenant-builder';

/** Shared by every demo account. Synthetic, for local use only: never seed the demo in production. */
export const DEMO_PASSWORD = 'Jobteam-demo-2026';
export const DEMO_DOMAIN = 'demo.jobteam.gent';

export interface DemoLogin {
  email: string;
  roles: Role[];
  organisation: string;
}

const ORGANISATIONS: (OrganisationSeed & { slug: string })[] = [
  { slug: 'stad', name: 'Stad Gent', kboNumber: '0207451227', kind: 'promotor' },
  { slug: 'ocmw', name: 'OCMW Gent', kboNumber: '0212214125', kind: 'ocmw' },
  { slug: 'compaan', name: 'Compaan / Job&Co vzw', kboNumber: '0440802543', kind: 'partner' },
  {
    slug: 'caw',
    name: 'CAW Oost-Vlaanderen',
    kboNumber: '0508774601',
    kind: 'partner',
    professionalSecrecy: true,
  },
  { slug: 'intro', name: 'Groep INTRO vzw', kboNumber: '0461936071', kind: 'partner' },
  { slug: 'jes', name: 'JES vzw', kboNumber: '0443565558', kind: 'partner' },
  { slug: 'voluit', name: 'Voluit vzw', kboNumber: '0420982473', kind: 'partner' },
  { slug: 'amal', name: 'Amal vzw', kboNumber: null, kind: 'partner' },
  { slug: 'vdab', name: 'VDAB', kboNumber: '0887010362', kind: 'vdab' },
];

const TEAMS = [
  {
    name: 'Team Noord',
    location: 'Wijkcentrum Rabot',
    wijken: ['Rabot-Blaisantvest', 'Sluizeken-Tolhuis-Ham', 'Muide-Meulestede-Afrikalaan'],
  },
  {
    name: 'Team Oost',
    location: 'Dienstencentrum Dampoort',
    wijken: ['Dampoort', 'Sint-Amandsberg', 'Oostakker'],
  },
  {
    name: 'Team Zuid',
    location: 'Buurtcentrum Nieuw Gent',
    wijken: ['Nieuw Gent-UZ', 'Zwijnaarde', 'Ledeberg'],
  },
  {
    name: 'Team West',
    location: 'Buurtcentrum Brugse Poort',
    wijken: ['Brugse Poort-Rooigem', 'Bloemekeswijk', 'Mariakerke'],
  },
];

/** Synthetic first and last names: a mix a Ghent team would recognise, none belonging to a real person here. */
const FIRST = [
  'Lotte',
  'Yusuf',
  'Ines',
  'Bram',
  'Samira',
  'Jonas',
  'Marta',
  'Koen',
  'Aylin',
  'Pieter',
  'Nadia',
  'Ruben',
  'Elif',
  'Wout',
  'Fatma',
  'Sander',
  'Joke',
  'Mehmet',
  'Hanne',
  'Tomasz',
];
const LAST = [
  'Verbeke',
  'Demir',
  'Claeys',
  'Van Damme',
  'El Amrani',
  'De Smet',
  'Nowak',
  'Willems',
  'Yilmaz',
  'Desmet',
  'Bakkali',
  'Maes',
  'Öztürk',
  'Coppens',
  'Popescu',
  'Goossens',
  'Dumont',
  'Kaya',
  'Vermeulen',
  'Wouters',
];

interface StaffPlan {
  org: string;
  roles: Role[];
  label: string;
  team: number | null;
  fte: number;
}

function staffPlan(): StaffPlan[] {
  const plan: StaffPlan[] = [
    { org: 'stad', roles: ['admin'], label: 'admin', team: null, fte: 0.2 },
    { org: 'stad', roles: ['coordinator'], label: 'coordinator', team: null, fte: 1 },
    { org: 'stad', roles: ['dpo'], label: 'dpo', team: null, fte: 0.2 },
  ];
  // 18 coaches spread over the seven coaching organisations and four teams.
  const coachOrgs = ['stad', 'ocmw', 'compaan', 'caw', 'intro', 'jes', 'voluit', 'amal'];
  for (let i = 0; i < 18; i++) {
    const org = coachOrgs[i % coachOrgs.length];
    plan.push({
      org,
      roles: ['coach'],
      label: `coach${Math.floor(i / coachOrgs.length) + 1}`,
      team: i % TEAMS.length,
      fte: i % 5 === 4 ? 0.5 : 1,
    });
  }
  for (let i = 0; i < 8; i++)
    plan.push({
      org: 'vdab',
      roles: ['spoc_vdab'],
      label: `spoc${i + 1}`,
      team: i % TEAMS.length,
      fte: 0.25,
    });
  for (let i = 0; i < 4; i++)
    plan.push({ org: 'ocmw', roles: ['spoc_ocmw'], label: `spoc${i + 1}`, team: i % TEAMS.length, fte: 0.5 });
  const expertiseOrgs = ['intro', 'jes', 'voluit', 'compaan', 'amal', 'caw', 'stad'];
  for (let i = 0; i < 7; i++)
    plan.push({ org: expertiseOrgs[i], roles: ['expertise'], label: 'expertise', team: null, fte: 0.5 });
  // Each organisation manages its own staff (appended last, so the accounts above keep their names).
  for (const o of ORGANISATIONS)
    plan.push({ org: o.slug, roles: ['org_admin'], label: 'orgadmin', team: null, fte: 0.1 });
  return plan;
}

interface DemoStaff extends StaffPlan {
  email: string;
  name: string;
}

/** The demo staff with their emails and synthetic names: pure, so the logins can be printed without a database. */
function demoStaff(): DemoStaff[] {
  const seen = new Set<string>();
  return staffPlan().map((p, n) => {
    let email = `${p.label}.${p.org}@${DEMO_DOMAIN}`;
    for (let k = 2; seen.has(email); k++) email = `${p.label}-${k}.${p.org}@${DEMO_DOMAIN}`;
    seen.add(email);
    return { ...p, email, name: `${FIRST[n % FIRST.length]} ${LAST[(n * 7) % LAST.length]}` };
  });
}

const organisationName = (slug: string) => ORGANISATIONS.find((o) => o.slug === slug)!.name;

export function demoLogins(): DemoLogin[] {
  return demoStaff().map((s) => ({ email: s.email, roles: s.roles, organisation: organisationName(s.org) }));
}

/** The demo's first admin: its presence tells whether the demo has been seeded. */
export const DEMO_ADMIN_EMAIL = `admin.stad@${DEMO_DOMAIN}`;

export interface DemoSeedOptions {
  /** The configured INSZ_HASH_KEY: the demo's INSZ hashes must match what the running app computes. */
  inszHashKey: string;
  /** Receives one line with what was seeded and how long it took. */
  log?: (line: string) => void;
}

/**
 * Builds Jobteam Gent as DOMAIN.md describes it, with synthetic staff and, after them, about 150
 * synthetic participants with 18 months of casework (demo-cases.ts), in one transaction. Returns the logins to print.
 */
export async function seedDemo(db: DatabaseContext, options: DemoSeedOptions): Promise<DemoLogin[]> {
  return TenantBuilder.create(db, 'Jobteam Gent', async (b) => {
    const orgs = new Map<string, OrganisationEntity>();
    for (const o of ORGANISATIONS) {
      const { slug, ...seed } = o;
      orgs.set(slug, await b.organisation(seed));
    }
    const teams = [];
    for (const t of TEAMS) teams.push(await b.team(t.name, t.location, t.wijken));
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    for (const s of demoStaff()) {
      await b.staff({
        email: s.email,
        name: s.name,
        organisationId: orgs.get(s.org)!.id,
        teamId: s.team === null ? null : teams[s.team].id,
        roles: s.roles,
        fte: s.fte,
        passwordHash,
      });
    }
    const cases = await seedDemoCases({
      manager: b.manager,
      partnershipId: b.partnershipId,
      organisations: ORGANISATIONS.map((o) => {
        const row = orgs.get(o.slug)!;
        return { id: row.id, name: row.name, kind: row.kind, slug: o.slug, secrecy: row.professionalSecrecy };
      }),
      teams,
      inszHashKey: options.inszHashKey,
    });
    options.log?.(
      `Seeded ${cases.rows.participants} demo participants (${Object.values(cases.rows).reduce((s, n) => s + n, 0)} rows) ` +
        `in ${(cases.ms / 1000).toFixed(1)} s, dated up to ${cases.anchor.toISOString().slice(0, 10)}`,
    );
    return demoLogins();
  });
}

export function formatDemoLogins(logins: DemoLogin[]): string {
  const pick = logins.filter(
    (l, i, all) => all.findIndex((o) => o.roles[0] === l.roles[0] && o.organisation === l.organisation) === i,
  );
  return [
    `Demo logins (password for all: ${DEMO_PASSWORD}):`,
    ...pick.map((l) => `  ${l.roles.join(',').padEnd(12)} ${l.email.padEnd(40)} ${l.organisation}`),
  ].join('\n');
}

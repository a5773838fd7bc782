import { Role } from '../../src/access/role';
import { hashPassword } from '../../src/auth/password';
import { TenantBuilder } from '../../src/seed/tenant-builder';
import { OrganisationEntity } from '../../src/organisations/organisation.entity';
import { StaffEntity } from '../../src/staff/staff.entity';
import { TeamEntity } from '../../src/teams/team.entity';
import { TestApp } from '../harness/test-app';

export const TEST_PASSWORD = 'Test-password-123';
let passwordHash: Promise<string> | undefined;

/** Which staff each test partnership gets: one per role, plus coaches in other organisations. */
const STAFF: { key: string; org: string; roles: Role[]; team?: number }[] = [
  { key: 'admin', org: 'stad', roles: ['admin'] },
  { key: 'orgAdmin', org: 'stad', roles: ['org_admin'] },
  { key: 'coordinator', org: 'stad', roles: ['coordinator'] },
  { key: 'dpo', org: 'stad', roles: ['dpo'] },
  { key: 'coach', org: 'compaan', roles: ['coach'], team: 0 },
  { key: 'coach2', org: 'compaan', roles: ['coach'], team: 0 },
  { key: 'coachCaw', org: 'caw', roles: ['coach'], team: 0 },
  { key: 'coachIntro', org: 'intro', roles: ['coach'], team: 1 },
  { key: 'spocVdab', org: 'vdab', roles: ['spoc_vdab'], team: 0 },
  { key: 'spocOcmw', org: 'ocmw', roles: ['spoc_ocmw'], team: 0 },
  { key: 'expertise', org: 'intro', roles: ['expertise'] },
];

export type StaffKey =
  | 'admin'
  | 'orgAdmin'
  | 'coordinator'
  | 'dpo'
  | 'coach'
  | 'coach2'
  | 'coachCaw'
  | 'coachIntro'
  | 'spocVdab'
  | 'spocOcmw'
  | 'expertise';

export interface TestPartnership {
  id: string;
  name: string;
  orgs: Record<'stad' | 'compaan' | 'caw' | 'intro' | 'vdab' | 'ocmw', OrganisationEntity>;
  teams: TeamEntity[];
  staff: Record<StaffKey, StaffEntity>;
  /** Bearer header value for one of the staff members. */
  auth(key: StaffKey): string;
}

let counter = 0;

export async function createPartnership(
  t: TestApp,
  name = `Partnership ${++counter}`,
): Promise<TestPartnership> {
  const hash = await (passwordHash ??= hashPassword(TEST_PASSWORD));
  const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  return TenantBuilder.create(t.db, name, async (b) => {
    const orgs = {
      stad: await b.organisation({ name: 'Stad Gent', kboNumber: '0207451227', kind: 'promotor' }),
      compaan: await b.organisation({ name: 'Compaan', kboNumber: '0440802543', kind: 'partner' }),
      caw: await b.organisation({
        name: 'CAW Oost-Vlaanderen',
        kboNumber: '0508774601',
        kind: 'partner',
        professionalSecrecy: true,
      }),
      intro: await b.organisation({ name: 'Groep INTRO', kboNumber: '0461936071', kind: 'partner' }),
      vdab: await b.organisation({ name: 'VDAB', kboNumber: '0887010362', kind: 'vdab' }),
      ocmw: await b.organisation({ name: 'OCMW Gent', kboNumber: '0212214125', kind: 'ocmw' }),
    };
    const teams = [
      await b.team('Team Noord', 'Rabot', ['Rabot-Blaisantvest', 'Bloemekeswijk']),
      await b.team('Team Zuid', 'Nieuw Gent', ['Nieuw Gent-UZ']),
    ];
    const staff = {} as Record<StaffKey, StaffEntity>;
    for (const s of STAFF) {
      staff[s.key as StaffKey] = await b.staff({
        email: `${s.key.toLowerCase()}.${suffix}@test.jobteam.example`,
        name: `Test ${s.key}`,
        organisationId: orgs[s.org as keyof typeof orgs].id,
        teamId: s.team === undefined ? null : teams[s.team].id,
        roles: s.roles,
        passwordHash: hash,
      });
    }
    const tokens = new Map<StaffKey, string>();
    return {
      id: b.partnershipId,
      name,
      orgs,
      teams,
      staff,
      auth: (key: StaffKey) => {
        if (!tokens.has(key)) tokens.set(key, `Bearer ${t.token(staff[key])}`);
        return tokens.get(key)!;
      },
    };
  });
}

/**
 * An active account with a known password, written straight to the database (the API hands out
 * activation tokens, never sets passwords): for tests that need one more colleague somewhere.
 */
export async function createStaffMember(
  t: TestApp,
  p: { id: string },
  s: { organisationId: string; roles: Role[]; email?: string; name?: string; teamId?: string | null },
): Promise<StaffEntity & { bearer: string }> {
  const hash = await (passwordHash ??= hashPassword(TEST_PASSWORD));
  const email =
    s.email ??
    `staff.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}@test.jobteam.example`;
  const saved = await t.db.runInTenant(p.id, (m) => {
    const repo = m.getRepository(StaffEntity);
    return repo.save(
      repo.create({
        partnershipId: p.id,
        organisationId: s.organisationId,
        teamId: s.teamId ?? null,
        email: email.toLowerCase(),
        name: s.name ?? 'Test collega',
        roles: s.roles,
        fte: 1,
        active: true,
        passwordHash: hash,
        version: 1,
      }),
    );
  });
  return Object.assign(saved, { bearer: `Bearer ${t.token(saved)}` });
}

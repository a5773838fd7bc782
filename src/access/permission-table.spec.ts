import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Permission } from './permission';
import { renderPermissionTable } from './permission-table';
import { ROLES } from './role';
import { permissionsFor } from './role-permissions';

/**
 * Who may do what, written out by hand (issue 15): it is deliberately NOT derived from
 * ROLE_PERMISSIONS, so a slip in role-permissions.ts (a permission added to or dropped from a role)
 * fails here instead of flowing silently into README and every test that reads the same source.
 * A change to this table is a change to who may see what: review it as one.
 */
const EXPECTED: Record<string, string> = {
  'self.read': 'admin org_admin coordinator coach spoc_vdab spoc_ocmw expertise dpo',
  'self.write': 'admin org_admin coordinator coach spoc_vdab spoc_ocmw expertise dpo',
  'organisation.read': 'admin org_admin coordinator coach spoc_vdab spoc_ocmw expertise dpo',
  'organisation.write': 'admin',
  'team.read': 'admin org_admin coordinator coach spoc_vdab spoc_ocmw expertise dpo',
  'team.write': 'admin',
  'staff.read': 'admin org_admin coordinator coach spoc_vdab spoc_ocmw expertise dpo',
  'staff.write': 'admin org_admin',
  'participant.create': 'coach',
  'participant.read': 'coordinator coach spoc_vdab spoc_ocmw expertise dpo',
  'participant.update': 'coach',
  'trajectory.write': 'coach',
  'contact.write': 'coach',
  'consent.write': 'coach dpo',
  'vdab_check.write': 'spoc_vdab',
  'referral.read': 'coordinator coach spoc_vdab spoc_ocmw',
  'referral.write': 'coach spoc_vdab spoc_ocmw',
  'case_meeting.read': 'coordinator coach spoc_vdab spoc_ocmw expertise',
  'case_meeting.write': 'coordinator coach',
  'group_session.read': 'coordinator coach expertise',
  'employer.read': 'coordinator coach spoc_vdab spoc_ocmw expertise',
  'employer.write': 'coordinator coach',
  'group_session.write': 'coach expertise',
  'instrument.read': 'admin coordinator coach',
  'instrument.write': 'admin',
  'assessment.read': 'coordinator coach',
  'assessment.write': 'coach',
  'feedback.read': 'coordinator coach',
  'feedback.write': 'coach',
  'report.read': 'coordinator',
  'persona.read': 'coordinator coach expertise',
  'persona.write': 'coordinator',
  'signal.write': 'coach',
  'report.submit': 'coordinator',
  'audit.read': 'dpo',
  'subject.export': 'coach dpo',
  'subject.pseudonymise': 'dpo',
  'agenda.read': 'admin coordinator coach spoc_vdab spoc_ocmw expertise dpo',
};
const EXPECTED_ROLES = [
  'admin',
  'org_admin',
  'coordinator',
  'coach',
  'spoc_vdab',
  'spoc_ocmw',
  'expertise',
  'dpo',
];

describe('roles × permissions', () => {
  it('has exactly the roles and permissions of the hand-written table', () => {
    expect([...ROLES]).toEqual(EXPECTED_ROLES);
    expect(Object.values(Permission).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it('gives each role exactly the permissions of the hand-written table', () => {
    const actual = Object.fromEntries(
      Object.values(Permission).map((p) => [p, ROLES.filter((r) => permissionsFor([r]).has(p)).join(' ')]),
    );
    expect(actual).toEqual(EXPECTED);
  });

  it('gives a person with several roles the union of their permissions, and no role nothing extra', () => {
    const both = permissionsFor(['coordinator', 'spoc_vdab']);
    const expected = Object.entries(EXPECTED)
      .filter(([, roles]) => roles.split(' ').some((r) => r === 'coordinator' || r === 'spoc_vdab'))
      .map(([p]) => p);
    expect([...both].sort()).toEqual(expected.sort());
  });
});

describe('README roles × permissions table', () => {
  it('matches role-permissions.ts exactly (regenerate with renderPermissionTable when access changes)', () => {
    const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
    expect(readme).toContain(renderPermissionTable());
  });

  it('matches the hand-written table, read cell by cell from README', () => {
    const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
    const lines = readme.split('\n');
    const start = lines.findIndex((l) => l.startsWith('| permission |'));
    const header = lines[start]
      .split('|')
      .map((c) => c.trim())
      .filter(Boolean)
      .slice(1);
    const rows: Record<string, string> = {};
    for (const line of lines.slice(start + 2)) {
      if (!line.startsWith('| `')) break;
      const cells = line
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim());
      const permission = cells[0].replace(/`/g, '');
      rows[permission] = header.filter((_, i) => cells[i + 1] === '✓').join(' ');
    }
    expect(header).toEqual(EXPECTED_ROLES);
    expect(rows).toEqual(EXPECTED);
  });
});

import { DEMO_PASSWORD, DemoLogin } from './demo-seed';

/** One login per role and organisation: enough to try every view without 40 lines of output. */
function representative(logins: DemoLogin[]): DemoLogin[] {
  return logins.filter(
    (l, i, all) => all.findIndex((o) => o.roles[0] === l.roles[0] && o.organisation === l.organisation) === i,
  );
}

/** The demo logins as an aligned table with a header, for a person at a terminal. */
export function demoLoginsTable(logins: DemoLogin[]): string {
  const rows = representative(logins).map((l) => [l.roles.join(', '), l.email, l.organisation]);
  const head = ['role', 'email', 'organisation'];
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) =>
    `  ${cells.map((cell, c) => cell.padEnd(widths[c])).join('   ')}`.trimEnd();
  return [
    `Demo logins (password for all: ${DEMO_PASSWORD}):`,
    line(head),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
  ].join('\n');
}

/**
 * What start-up logs about the demo logins: the table at a terminal; in JSON logs one object with a
 * list instead of a string full of `\n`. The accounts are synthetic demo staff, not personal data.
 */
export function demoLoginsMessage(logins: DemoLogin[], readable: boolean): string | object {
  if (readable) return demoLoginsTable(logins);
  return {
    msg: `Demo logins (password for all: ${DEMO_PASSWORD})`,
    logins: representative(logins).map((l) => ({
      role: l.roles.join(','),
      email: l.email,
      organisation: l.organisation,
    })),
  };
}

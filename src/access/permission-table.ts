import { Permission } from './permission';
import { ROLES } from './role';
import { permissionsFor } from './role-permissions';

/** The roles × permissions table as Markdown; the README carries it and a test keeps the two equal. */
export function renderPermissionTable(): string {
  const header = `| permission | ${ROLES.join(' | ')} |`;
  const rule = `|---|${ROLES.map(() => ':-:').join('|')}|`;
  const rows = Object.values(Permission).map(
    (p) => `| \`${p}\` | ${ROLES.map((r) => (permissionsFor([r]).has(p) ? '✓' : '')).join(' | ')} |`,
  );
  return [header, rule, ...rows].join('\n');
}

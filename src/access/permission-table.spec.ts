import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderPermissionTable } from './permission-table';

describe('README roles × permissions table', () => {
  it('matches role-permissions.ts exactly (regenerate with renderPermissionTable when access changes)', () => {
    const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
    expect(readme).toContain(renderPermissionTable());
  });
});

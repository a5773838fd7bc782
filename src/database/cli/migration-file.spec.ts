import { Query } from 'typeorm/driver/Query';
import { MIGRATION_NAME, registerMigration, renderMigration } from './migration-file';

describe('renderMigration', () => {
  it('writes up in order and down in reverse, with parameters and a review header', () => {
    const source = renderMigration(
      'AddNotes',
      1800000000000,
      [new Query('CREATE TABLE "notes" ("id" uuid)'), new Query('COMMENT ON TABLE "notes" IS $1', ['x'])],
      [new Query('DROP TABLE "notes"'), new Query('COMMENT ON TABLE "notes" IS NULL')],
    );
    expect(source).toContain('export class AddNotes1800000000000 implements MigrationInterface {');
    expect(source).toContain("name = 'AddNotes1800000000000';");
    expect(source).toContain('reviewed and edited by hand');
    expect(source).toContain(
      '    await q.query(`CREATE TABLE "notes" ("id" uuid)`);\n    await q.query(`COMMENT ON TABLE "notes" IS $1`, ["x"]);',
    );
    expect(source).toContain(
      '    await q.query(`COMMENT ON TABLE "notes" IS NULL`);\n    await q.query(`DROP TABLE "notes"`);',
    );
  });

  it('escapes what would break or run inside a template literal', () => {
    const source = renderMigration('Odd', 1, [new Query("select '`${x}` \\\\n'")], []);
    expect(source).toContain("await q.query(`select '\\`\\${x}\\` \\\\\\\\n'`);");
  });
});

describe('registerMigration', () => {
  const index = `import { Foundation1795300000000 } from './1795300000000-Foundation';

/** Every migration, in order. */
export const MIGRATIONS = [Foundation1795300000000];
`;

  it('adds the import after the last one and appends the class to MIGRATIONS', () => {
    expect(registerMigration(index, '1800000000000-AddNotes', 'AddNotes1800000000000')).toBe(
      `import { Foundation1795300000000 } from './1795300000000-Foundation';
import { AddNotes1800000000000 } from './1800000000000-AddNotes';

/** Every migration, in order. */
export const MIGRATIONS = [Foundation1795300000000, AddNotes1800000000000];
`,
    );
  });

  it('handles a multi-line list with a trailing comma', () => {
    const multi = index.replace('[Foundation1795300000000]', '[\n  Foundation1795300000000,\n]');
    expect(registerMigration(multi, '2-B', 'B2')).toContain(
      'export const MIGRATIONS = [Foundation1795300000000, B2];',
    );
  });

  it('gives up on an index it does not recognise', () => {
    expect(registerMigration('export default [];', '2-B', 'B2')).toBeUndefined();
  });
});

describe('MIGRATION_NAME', () => {
  it.each([
    ['AddNotes', true],
    ['addNotes', false],
    ['Add-Notes', false],
    ['A', false],
  ])('%s → %s', (name, ok) => expect(MIGRATION_NAME.test(name)).toBe(ok));
});

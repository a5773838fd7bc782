import { assertRuntimeRoleIsSafe } from '../../src/database/runtime-role-check';
import { InstrumentsService } from '../../src/empowerment/instruments.service';
import { createPartnership, TestPartnership } from '../factories/partnership.factory';
import { createTestApp, TestApp } from '../harness/test-app';
import { as } from '../support/api';

interface Instrument {
  id: string;
  anchors: { score: number; dimension: string | null; label: { nl: string; en: string } }[];
  key: string;
  version: number;
  builtIn: boolean;
  dimensions: {
    key: string;
    label: { nl: string; en: string };
    description: { nl: string; en: string } | null;
  }[];
  scaleMin: number;
  scaleMax: number;
}

const LIFE_DOMAINS = [
  'work',
  'income_debt',
  'housing',
  'health',
  'mental_health',
  'language',
  'mobility',
  'childcare_family',
  'justice',
  'social_network',
  'digital',
  'education',
  'residence_status',
];

const werkfit = (overrides: Record<string, unknown> = {}) => ({
  key: 'werkfit',
  name: { nl: 'Werkfit', en: 'Work-ready' },
  dimensions: [
    { key: 'attitude', label: { nl: 'Houding', en: 'Attitude' } },
    { key: 'skills', label: { nl: 'Vaardigheden', en: 'Skills' } },
    {
      key: 'network',
      label: { nl: 'Netwerk', en: 'Network' },
      description: { nl: 'Wie ken je?', en: 'Who?' },
    },
  ],
  scaleMin: 1,
  scaleMax: 5,
  ...overrides,
});

describe('instruments', () => {
  let t: TestApp;
  let a: TestPartnership;
  let b: TestPartnership;

  const list = async (
    p: TestPartnership,
    query = 'limit=200',
  ): Promise<{ items: Instrument[]; total: number }> =>
    (await as(t, p.auth('admin')).get(`/instruments?${query}`).expect(200)).body;

  beforeAll(async () => {
    t = await createTestApp();
    a = await createPartnership(t, 'A');
    b = await createPartnership(t, 'B');
  });
  afterAll(() => t.close());

  describe('GET /instruments', () => {
    it('lists the three built-in instruments with their dimensions and scales', async () => {
      const { items, total } = await list(a);
      expect(total).toBe(3);
      const byKey = Object.fromEntries(items.map((i) => [i.key, i]));
      expect(Object.keys(byKey).sort()).toEqual(['empowerment', 'life_domain_star', 'release_scale']);

      expect(byKey.empowerment).toMatchObject({
        version: 1,
        builtIn: true,
        scaleMin: 1,
        scaleMax: 10,
        name: { nl: 'Empowerment (Vrijbaan)', en: 'Empowerment (Vrijbaan)' },
        reviewIntervalMonths: 3,
        baselineDueWeeks: 6,
        progressThreshold: 1,
        regressionThreshold: -1,
        releaseThreshold: null,
      });
      // A low (1), middle (5) and high (10) anchor per component, for a participant to read.
      expect(byKey.empowerment.anchors).toHaveLength(18);
      expect(byKey.empowerment.anchors[0]).toEqual({
        score: 1,
        dimension: 'competentie',
        label: {
          nl: 'Ik weet niet goed wat ik kan. Ik twijfel of ik mijn doel kan halen.',
          en: 'I do not really know what I can do. I doubt I can reach my goal.',
        },
      });
      expect(byKey.empowerment.dimensions.map((d) => d.key)).toEqual([
        'competentie',
        'zelfbeschikking',
        'impact',
        'betekenis',
        'positieve_identiteit',
        'groepsorientatie',
      ]);
      expect(byKey.empowerment.dimensions[5]).toEqual({
        key: 'groepsorientatie',
        label: { nl: 'Groepsoriëntatie', en: 'Group orientation' },
        description: { nl: 'Je staat er niet alleen voor', en: 'You do not stand alone' },
      });
      expect(byKey.empowerment.dimensions[0].description!.nl).toBe('Weten wat je kunt');

      expect(byKey.release_scale).toMatchObject({
        version: 1,
        builtIn: true,
        scaleMin: 1,
        scaleMax: 10,
        releaseThreshold: 8,
      });
      expect(byKey.release_scale.dimensions).toHaveLength(1);

      expect(byKey.life_domain_star).toMatchObject({ version: 1, builtIn: true, scaleMin: 1, scaleMax: 5 });
      expect(byKey.life_domain_star.dimensions.map((d) => d.key)).toEqual(LIFE_DOMAINS);
      expect(byKey.life_domain_star.dimensions[1].label).toEqual({
        nl: 'Inkomen en schulden',
        en: 'Income and debt',
      });
    });

    it('is open to every role with instrument.read: coach and coordinator too', async () => {
      for (const role of ['coach', 'coordinator'] as const) {
        const res = await as(t, a.auth(role)).get('/instruments').expect(200);
        expect(res.body.total).toBeGreaterThanOrEqual(3);
      }
    });

    it('answers 403 to a role without instrument.read (a VDAB SPOC) and 401 without a token', async () => {
      await as(t, a.auth('spocVdab')).get('/instruments').expect(403);
      const res = await t.http().get('/instruments').expect(401);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.code).toBe('UNAUTHORIZED');
    });
  });

  describe('GET /instruments/:id', () => {
    it('returns one version, and 404 for a guessed id, 400 for a malformed one', async () => {
      const empowerment = (await list(a, 'key=empowerment')).items[0];
      const res = await as(t, a.auth('coach')).get(`/instruments/${empowerment.id}`).expect(200);
      expect(res.body).toMatchObject({ key: 'empowerment', version: 1, builtIn: true });
      expect(res.body).not.toHaveProperty('partnershipId');
      expect(res.body).not.toHaveProperty('createdBy');
      await as(t, a.auth('coach')).get('/instruments/00000000-0000-4000-8000-000000000000').expect(404);
      await as(t, a.auth('coach')).get('/instruments/nope').expect(400);
    });
  });

  describe('POST /instruments', () => {
    it("lets an admin add an instrument of the partnership's own, at version 1 with the defaults", async () => {
      const res = await as(t, a.auth('admin')).post('/instruments', werkfit()).expect(201);
      expect(res.body).toMatchObject({
        key: 'werkfit',
        version: 1,
        builtIn: false,
        scaleMin: 1,
        scaleMax: 5,
        reviewIntervalMonths: 3,
        baselineDueWeeks: 6,
        progressThreshold: 1,
        regressionThreshold: -1,
        anchors: [],
      });
      expect(res.body.dimensions[0]).toEqual({
        key: 'attitude',
        label: { nl: 'Houding', en: 'Attitude' },
        description: null,
      });
      expect(res.body.dimensions[2].description).toEqual({ nl: 'Wie ken je?', en: 'Who?' });
      const got = await as(t, a.auth('coach')).get(`/instruments/${res.body.id}`).expect(200);
      expect(got.body).toEqual(res.body);
    });

    it('adds a new version of a built-in key for the partnership, with its own schedule and thresholds', async () => {
      const builtIn = (await list(a, 'key=empowerment')).items[0];
      const body = {
        key: 'empowerment',
        name: { nl: 'Empowerment (halfjaarlijks)', en: 'Empowerment (half-yearly)' },
        dimensions: builtIn.dimensions.map((d) => ({
          key: d.key,
          label: d.label,
          description: d.description,
        })),
        scaleMin: 1,
        scaleMax: 10,
        anchors: [
          { score: 1, label: { nl: 'Helemaal niet', en: 'Not at all' } },
          { score: 10, label: { nl: 'Helemaal', en: 'Completely' }, dimension: 'impact' },
        ],
        reviewIntervalMonths: 6,
        baselineDueWeeks: 4,
        progressThreshold: 1.5,
        regressionThreshold: -0.5,
      };
      const v2 = await as(t, a.auth('admin')).post('/instruments', body).expect(201);
      expect(v2.body).toMatchObject({
        key: 'empowerment',
        version: 2,
        builtIn: false,
        reviewIntervalMonths: 6,
        baselineDueWeeks: 4,
        progressThreshold: 1.5,
        regressionThreshold: -0.5,
        anchors: [
          { score: 1, label: { nl: 'Helemaal niet', en: 'Not at all' }, dimension: null },
          { score: 10, label: { nl: 'Helemaal', en: 'Completely' }, dimension: 'impact' },
        ],
      });
      const v3 = await as(t, a.auth('admin')).post('/instruments', body).expect(201);
      expect(v3.body.version).toBe(3);

      const versions = (await list(a, 'key=empowerment')).items.map((i) => [i.version, i.builtIn]);
      expect(versions).toEqual([
        [1, true],
        [2, false],
        [3, false],
      ]);
      const latest = (await list(a, 'latest=true')).items.map((i) => `${i.key}@${i.version}`);
      expect(latest).toEqual(['empowerment@3', 'life_domain_star@1', 'release_scale@1', 'werkfit@1']);
    });

    it('refuses a coach and a coordinator with 403, and writes nothing', async () => {
      const before = (await list(a)).total;
      for (const role of ['coach', 'coordinator'] as const) {
        const res = await as(t, a.auth(role))
          .post('/instruments', werkfit({ key: 'coach_made' }))
          .expect(403);
        expect(res.body.code).toBe('FORBIDDEN');
      }
      expect((await list(a)).total).toBe(before);
    });

    it.each([
      ['scaleMin equal to scaleMax', { scaleMin: 5, scaleMax: 5 }, 'INSTRUMENT_INVALID', 'scaleMax'],
      ['scaleMin above scaleMax', { scaleMin: 6, scaleMax: 5 }, 'INSTRUMENT_INVALID', 'scaleMax'],
      [
        'duplicate dimension keys',
        {
          dimensions: [
            { key: 'same', label: { nl: 'A', en: 'A' } },
            { key: 'same', label: { nl: 'B', en: 'B' } },
          ],
        },
        'INSTRUMENT_INVALID',
        'dimensions.1.key',
      ],
      [
        'an anchor off the scale',
        { anchors: [{ score: 6, label: { nl: 'Zes', en: 'Six' } }] },
        'INSTRUMENT_INVALID',
        'anchors.0.score',
      ],
      [
        'a release threshold off the scale',
        { releaseThreshold: 6 },
        'INSTRUMENT_INVALID',
        'releaseThreshold',
      ],
      ['no dimensions', { dimensions: [] }, 'VALIDATION_FAILED', 'dimensions'],
      [
        '21 dimensions',
        { dimensions: Array.from({ length: 21 }, (_, i) => ({ key: `d${i}`, label: { nl: 'x', en: 'x' } })) },
        'VALIDATION_FAILED',
        'dimensions',
      ],
      [
        'a label without English',
        { dimensions: [{ key: 'only_nl', label: { nl: 'Alleen Nederlands' } }] },
        'VALIDATION_FAILED',
        'dimensions.0.label.en',
      ],
      ['a key with capitals', { key: 'WerkFit' }, 'VALIDATION_FAILED', 'key'],
      ['a fractional scale', { scaleMax: 5.5 }, 'VALIDATION_FAILED', 'scaleMax'],
      [
        'a positive regression threshold',
        { regressionThreshold: 1 },
        'VALIDATION_FAILED',
        'regressionThreshold',
      ],
      ['a version chosen by the client', { version: 7 }, 'VALIDATION_FAILED', 'version'],
      ['built-in status chosen by the client', { builtIn: true }, 'VALIDATION_FAILED', 'builtIn'],
      [
        'a partnershipId',
        { partnershipId: '00000000-0000-4000-8000-000000000000' },
        'VALIDATION_FAILED',
        'partnershipId',
      ],
    ])('answers 400 for %s, naming the field, and writes nothing', async (_, patch, code, field) => {
      const before = (await list(a)).total;
      const res = await as(t, a.auth('admin'))
        .post('/instruments', werkfit({ key: 'broken', ...patch }))
        .expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.code).toBe(code);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect((await list(a)).total).toBe(before);
      expect((await list(a, 'key=broken')).total).toBe(0);
    });

    it('offers no way to change or delete a version', async () => {
      const id = (await list(a, 'key=werkfit')).items[0].id;
      for (const method of ['patch', 'put', 'delete'] as const) {
        const http = t.http();
        const res = await http[method](`/instruments/${id}`).set('authorization', a.auth('admin')).send({});
        expect(res.status).toBe(404);
      }
    });
  });

  describe('OpenAPI', () => {
    it('states the permission of every instruments operation, and offers no update', async () => {
      const doc = (await t.http().get('/docs-json').expect(200)).body;
      const permissions = (path: string) =>
        Object.fromEntries(
          Object.entries(doc.paths[path] as Record<string, { 'x-permission': string }>).map(([m, op]) => [
            m,
            op['x-permission'],
          ]),
        );
      expect(permissions('/instruments')).toEqual({ get: 'instrument.read', post: 'instrument.write' });
      expect(permissions('/instruments/{id}')).toEqual({ get: 'instrument.read' });
    });
  });

  describe('between partnerships', () => {
    it("never shows another partnership's instrument: absent from the list, 404 by id", async () => {
      const theirs = await as(t, b.auth('admin'))
        .post('/instruments', werkfit({ key: 'b_only' }))
        .expect(201);
      expect((await list(a)).items.map((i) => i.key)).not.toContain('b_only');
      await as(t, a.auth('admin')).get(`/instruments/${theirs.body.id}`).expect(404);
      await as(t, b.auth('coach')).get(`/instruments/${theirs.body.id}`).expect(200);
    });

    it("numbers versions per partnership: B's versions of a key do not move A's", async () => {
      const body = werkfit({ key: 'shared_key' });
      for (const expected of [1, 2]) {
        const res = await as(t, b.auth('admin')).post('/instruments', body).expect(201);
        expect(res.body.version).toBe(expected);
      }
      const mine = await as(t, a.auth('admin')).post('/instruments', body).expect(201);
      expect(mine.body.version).toBe(1);
      // And B's own versions of empowerment start after the built-in, whatever A did.
      const builtIn = (await list(b, 'key=empowerment')).items;
      expect(builtIn.map((i) => i.version)).toEqual([1]);
    });

    it('resolves a key to the newest version the partnership can see, its own before a built-in', async () => {
      const service = t.app.get(InstrumentsService);
      const inA = await t.db.runInTenant(a.id, () => service.resolve('empowerment'));
      expect([inA.version, inA.partnershipId]).toEqual([3, a.id]);
      const v1 = await t.db.runInTenant(a.id, () => service.resolve('empowerment', 1));
      expect(v1.partnershipId).toBeNull();
      const inB = await t.db.runInTenant(b.id, () => service.resolve('empowerment'));
      expect([inB.version, inB.partnershipId]).toEqual([1, null]);
      await expect(t.db.runInTenant(b.id, () => service.resolve('werkfit'))).rejects.toMatchObject({
        status: 404,
      });
    });
  });

  describe('the database wall', () => {
    it('shows only the built-ins to a query without a tenant', async () => {
      const rows: { key: string; partnership_id: string | null }[] = await t.db.runWithoutTenant((m) =>
        m.query('select key, partnership_id from instruments order by key'),
      );
      expect(rows).toEqual([
        { key: 'empowerment', partnership_id: null },
        { key: 'life_domain_star', partnership_id: null },
        { key: 'release_scale', partnership_id: null },
      ]);
    });

    it('refuses the app role a built-in, another tenant, or any change to a version', async () => {
      const attempt = (sql: string) =>
        t.db
          .runInTenant(a.id, (m) => m.query(sql))
          .then(
            () => 'ok',
            (err: { code?: string }) => err.code,
          );
      const insert = (partnership: string) =>
        `insert into instruments (partnership_id, key, name, version, dimensions, scale_min, scale_max)
         values (${partnership}, 'sneaky', '{"nl":"x","en":"x"}', 1, '[{"key":"a"}]', 1, 5)`;
      expect(await attempt(insert('null'))).toBe('42501');
      expect(await attempt(insert(`'${b.id}'`))).toBe('42501');
      expect(await attempt(`update instruments set scale_max = 99`)).toBe('42501');
      expect(await attempt(`delete from instruments`)).toBe('42501');
    });

    it('passes the start-up check: instruments has forced row-level security', async () => {
      await expect(assertRuntimeRoleIsSafe(t.dataSource)).resolves.toBeUndefined();
    });
  });
});

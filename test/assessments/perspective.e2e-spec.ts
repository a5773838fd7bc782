import { createPartnership, StaffKey, TestPartnership } from '../factories/partnership.factory';
import { createTestApp, TestApp } from '../harness/test-app';
import { decodePng } from '../support/png';
import { findAll, hasClass, parseXml, textOf, XmlElement } from '../support/mini-xml';
import { assessmentsApi, scores } from './helpers';
import { as } from '../support/api';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Issue 16: whose reading an assessment is, what a score means, and the release scale over time. */
describe("the participant's own voice in assessments", () => {
  let t: TestApp;
  let a: TestPartnership;
  let b: TestPartnership;
  let api: ReturnType<typeof assessmentsApi>;

  beforeAll(async () => {
    t = await createTestApp();
    a = await createPartnership(t, 'A');
    b = await createPartnership(t, 'B');
    api = assessmentsApi(t, a);
  });
  afterAll(() => t.close());

  const startedAt = '2025-10-01T00:00:00Z';
  const assess = (
    id: string,
    kind: string,
    takenAt: string,
    s: Record<string, number>,
    perspective?: string,
    who: StaffKey = 'coach',
    extra = {},
  ) =>
    api.post(
      id,
      {
        instrument: 'empowerment',
        kind,
        takenAt,
        scores: s,
        ...(perspective ? { perspective } : {}),
        ...extra,
      },
      who,
    );
  const count = async (trajectoryId: string) =>
    (
      await t.sql<{ n: number }>('select count(*)::int as n from assessments where trajectory_id = $1', [
        trajectoryId,
      ])
    )[0].n;
  const bytes = (req: ReturnType<typeof api.get>) =>
    req.buffer(true).parse((r, done) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => done(null, Buffer.concat(chunks)));
    });
  const all = (root: XmlElement, cls: string) => findAll(root, hasClass(cls));

  describe('POST /trajectories/{id}/assessments with a perspective', () => {
    it('records whose reading it is; without one it is the agreed reading', async () => {
      const { trajectoryId } = await api.trajectory({ startedAt });
      const coach = await assess(trajectoryId, 'baseline', '2025-10-10T10:00:00Z', scores(3), 'coach').expect(
        201,
      );
      const own = await assess(
        trajectoryId,
        'baseline',
        '2025-10-10T10:05:00Z',
        scores(6),
        'participant',
      ).expect(201);
      const agreed = await assess(trajectoryId, 'baseline', '2025-10-10T10:10:00Z', scores(5)).expect(201);
      expect([coach.body.perspective, own.body.perspective, agreed.body.perspective]).toEqual([
        'coach',
        'participant',
        'agreed',
      ]);
      const listed = await api.get(`${api.base(trajectoryId)}?perspective=participant`).expect(200);
      expect(listed.body.items.map((x: { id: string }) => x.id)).toEqual([own.body.id]);
      const [row] = await t.sql<{ perspective: string }>(
        'select perspective from assessments where id = $1',
        [own.body.id],
      );
      expect(row.perspective).toBe('participant');
    });

    it('allows one baseline per perspective: a second coach baseline is 409 and not written', async () => {
      const { trajectoryId } = await api.trajectory({ startedAt });
      await assess(trajectoryId, 'baseline', '2025-10-10T10:00:00Z', scores(3), 'coach').expect(201);
      const again = await assess(trajectoryId, 'baseline', '2025-10-11T10:00:00Z', scores(4), 'coach').expect(
        409,
      );
      expect(again.body.code).toBe('ASSESSMENT_BASELINE_EXISTS');
      expect(await count(trajectoryId)).toBe(1);
    });

    it('refuses an unknown perspective and participantScores beside a participant reading (400, nothing written)', async () => {
      const { trajectoryId } = await api.trajectory({ startedAt });
      const bad = await assess(trajectoryId, 'baseline', '2025-10-10T10:00:00Z', scores(3), 'boss').expect(
        400,
      );
      expect(JSON.stringify(bad.body.errors)).toContain('perspective');
      const twice = await assess(
        trajectoryId,
        'baseline',
        '2025-10-10T10:00:00Z',
        scores(3),
        'participant',
        'coach',
        {
          participantScores: scores(4),
        },
      ).expect(400);
      expect(twice.body.code).toBe('ASSESSMENT_PARTICIPANT_SCORES_TWICE');
      expect(await count(trajectoryId)).toBe(0);
    });

    it('answers 404 to another organisation and another partnership, 403 to a role without the right', async () => {
      const { trajectoryId } = await api.trajectory({ startedAt });
      await assess(
        trajectoryId,
        'baseline',
        '2025-10-10T10:00:00Z',
        scores(9),
        'participant',
        'coachIntro',
      ).expect(404);
      await api
        .post(
          trajectoryId,
          {
            instrument: 'empowerment',
            kind: 'baseline',
            takenAt: '2025-10-10T10:00:00Z',
            scores: scores(9),
            perspective: 'participant',
          },
          'coach',
          b,
        )
        .expect(404);
      await assess(
        trajectoryId,
        'baseline',
        '2025-10-10T10:00:00Z',
        scores(9),
        'participant',
        'spocVdab',
      ).expect(403);
      await assess(
        trajectoryId,
        'baseline',
        '2025-10-10T10:00:00Z',
        scores(9),
        'participant',
        'coordinator',
      ).expect(403);
      expect(await count(trajectoryId)).toBe(0);
    });
  });

  describe('GET /trajectories/{id}/assessments/progress: agreed, else the participant, never the coach alone', () => {
    const progressOf = async (id: string) =>
      (await api.get(`${api.base(id)}/progress?instrument=empowerment`).expect(200)).body;

    it("counts the participant's reading when none was agreed, and ignores the coach's", async () => {
      const { trajectoryId } = await api.trajectory({ startedAt });
      await assess(trajectoryId, 'baseline', '2025-10-10T10:00:00Z', scores(2), 'coach').expect(201);
      const pb = await assess(
        trajectoryId,
        'baseline',
        '2025-10-10T10:05:00Z',
        scores(4),
        'participant',
      ).expect(201);
      await assess(trajectoryId, 'review', '2026-01-10T10:00:00Z', scores(9), 'coach').expect(201);
      const pr = await assess(
        trajectoryId,
        'review',
        '2026-01-10T11:00:00Z',
        scores(5),
        'participant',
      ).expect(201);
      const p = await progressOf(trajectoryId);
      expect(p.baseline.id).toBe(pb.body.id);
      expect(p.latest.id).toBe(pr.body.id);
      expect(p.total).toMatchObject({ baseline: 4, latest: 5, change: 1, label: 'progress' });
    });

    it('takes the agreed reading of a moment over the participant’s', async () => {
      const { trajectoryId } = await api.trajectory({ startedAt });
      await assess(trajectoryId, 'baseline', '2025-10-10T10:00:00Z', scores(4), 'participant').expect(201);
      await assess(trajectoryId, 'review', '2026-01-10T10:00:00Z', scores(8), 'participant').expect(201);
      const agreed = await assess(trajectoryId, 'review', '2026-01-10T09:00:00Z', scores(4), 'agreed').expect(
        201,
      );
      const p = await progressOf(trajectoryId);
      expect(p.latest.id).toBe(agreed.body.id);
      expect(p.total).toMatchObject({ change: 0, label: 'stagnation' });
    });

    it('shows no distance travelled on coach readings alone (the attack: a coach scoring without the participant)', async () => {
      const { trajectoryId } = await api.trajectory({ startedAt });
      await assess(trajectoryId, 'baseline', '2025-10-10T10:00:00Z', scores(1), 'coach').expect(201);
      await assess(trajectoryId, 'review', '2026-01-10T10:00:00Z', scores(10), 'coach').expect(201);
      const p = await progressOf(trajectoryId);
      expect(p).toMatchObject({ baseline: null, latest: null, total: null });
    });

    it('GET /assessments/progress aggregates the same readings', async () => {
      const c = await createPartnership(t, 'C');
      const capi = assessmentsApi(t, c);
      const { trajectoryId } = await capi.trajectory({ startedAt });
      const post = (kind: string, takenAt: string, v: number, perspective: string) =>
        capi
          .post(trajectoryId, { instrument: 'empowerment', kind, takenAt, scores: scores(v), perspective })
          .expect(201);
      await post('baseline', '2025-10-10T10:00:00Z', 1, 'coach');
      await post('baseline', '2025-10-10T10:00:00Z', 3, 'participant');
      await post('review', '2026-01-10T10:00:00Z', 10, 'coach');
      await post('review', '2026-01-10T10:00:00Z', 5, 'participant');
      const res = await capi
        .get('/assessments/progress?instrument=empowerment&from=2025-10-01&to=2026-03-31', 'coordinator', c)
        .expect(200);
      expect(res.body.groups).toHaveLength(1);
      expect(JSON.stringify(res.body.groups[0])).toContain('"meanChange":2');
    });
  });

  describe('GET /reports/quarterly: empowerment coverage with perspectives', () => {
    it('counts distance travelled on agreed or participant readings only, and one review per moment', async () => {
      const d = await createPartnership(t, 'D');
      const dapi = assessmentsApi(t, d);
      const post = (id: string, kind: string, takenAt: string, v: number, perspective: string) =>
        dapi
          .post(id, { instrument: 'empowerment', kind, takenAt, scores: scores(v), perspective })
          .expect(201);
      const both = await dapi.trajectory({ startedAt, guidanceAt: '2025-10-05T00:00:00Z' });
      await post(both.trajectoryId, 'baseline', '2025-10-10T10:00:00Z', 1, 'coach');
      await post(both.trajectoryId, 'baseline', '2025-10-10T10:05:00Z', 3, 'participant');
      await post(both.trajectoryId, 'review', '2026-01-10T09:00:00Z', 10, 'coach');
      await post(both.trajectoryId, 'review', '2026-01-10T09:30:00Z', 5, 'participant');
      // The attack: a coach scoring alone, from 1 to 10, to lift the partnership's figures.
      const alone = await dapi.trajectory({ startedAt, guidanceAt: '2025-10-05T00:00:00Z' });
      await post(alone.trajectoryId, 'baseline', '2025-10-10T10:00:00Z', 1, 'coach');
      await post(alone.trajectoryId, 'review', '2026-01-10T09:00:00Z', 10, 'coach');
      const res = await as(t, d.auth('coordinator'))
        .get('/reports/quarterly?year=2026&quarter=1', { lang: 'en' })
        .expect(200);
      const c = res.body.empowermentCoverage;
      expect(c.distanceTravelled.trajectories).toBe(1);
      expect(c.distanceTravelled.byComponent.competentie).toEqual({ n: 1, meanChange: 2 });
      expect(c.distanceTravelled.definition).toContain('a reading by the coach alone is not counted');
      // Each trajectory's review was due on 10 January (3 months after its baseline moment) and done:
      // the participant's and the coach's readings of one moment owe one review, not two.
      expect(c.reviews).toMatchObject({ due: 2, onTime: 2 });
      expect(c.baseline).toMatchObject({ trajectories: 2, withBaseline: 2 });
    });
  });

  describe('GET /trajectories/{id}/assessments/star.svg: both voices and what a score means', () => {
    it("draws the participant's and the coach's readings of a moment together, and the anchors in the legend", async () => {
      const { trajectoryId } = await api.trajectory({ startedAt });
      await assess(trajectoryId, 'baseline', '2025-10-10T10:00:00Z', scores(3), 'coach').expect(201);
      await assess(trajectoryId, 'baseline', '2025-10-10T10:05:00Z', scores(6), 'participant').expect(201);
      const res = await bytes(
        api.get(`${api.base(trajectoryId)}/star.svg?instrument=empowerment&compare=baseline,latest`),
      ).expect(200);
      const root = parseXml(res.body.toString('utf8'));
      expect(all(root, 'legend-item').map((e) => textOf(e).trim())).toEqual([
        'Nulmeting 2025-10-10 (coach)',
        'Nulmeting 2025-10-10 (deelnemer)',
      ]);
      expect(all(root, 'series')).toHaveLength(2);
      const anchors = all(root, 'anchor').map((e) => textOf(e));
      expect(anchors[0]).toBe('Wat betekent een score?');
      expect(anchors).toContain('Competentie');
      expect(anchors).toContain('1: Ik weet niet goed wat ik kan. Ik twijfel of ik mijn doel kan halen.');
      expect(anchors).toContain(
        '10: Ik sta er niet alleen voor. Ik werk samen en vraag hulp als ik die nodig heb.',
      );
      expect(anchors.filter((x) => /^\d+: /.test(x))).toHaveLength(18);
      const en = await bytes(
        api.get(`${api.base(trajectoryId)}/star.svg?instrument=empowerment`).set('accept-language', 'en'),
      ).expect(200);
      expect(en.body.toString('utf8')).toContain('What does a score mean?');
      expect(en.body.toString('utf8')).toContain('(participant)');
    });
  });

  describe('GET /instruments: the anchors and the release threshold', () => {
    it('gives each empowerment component a low, middle and high anchor in Dutch and English', async () => {
      const res = await as(t, a.auth('coach')).get('/instruments?key=empowerment').expect(200);
      const [emp] = res.body.items;
      const one = await as(t, a.auth('coach')).get(`/instruments/${emp.id}`).expect(200);
      expect(one.body.anchors).toHaveLength(18);
      for (const d of emp.dimensions) {
        const own = one.body.anchors.filter((x: { dimension: string }) => x.dimension === d.key);
        expect(own.map((x: { score: number }) => x.score)).toEqual([1, 5, 10]);
        for (const x of own) {
          expect(x.label.nl.length).toBeGreaterThan(10);
          expect(x.label.en.length).toBeGreaterThan(10);
        }
      }
      const release = await as(t, a.auth('coach')).get('/instruments?key=release_scale').expect(200);
      expect(release.body.items[0]).toMatchObject({ releaseThreshold: 8 });
      expect(emp.releaseThreshold).toBeNull();
    });
  });

  describe('GET /trajectories/{id}/assessments/release.svg and release.png', () => {
    let trajectoryId: string;
    beforeAll(async () => {
      ({ trajectoryId } = await api.trajectory({ startedAt }));
      const release = (kind: string, takenAt: string, v: number, perspective = 'agreed') =>
        api
          .post(trajectoryId, {
            instrument: 'release_scale',
            kind,
            takenAt,
            scores: { release: v },
            perspective,
          })
          .expect(201);
      await release('baseline', '2025-10-10T10:00:00Z', 2);
      await release('review', '2026-01-10T10:00:00Z', 5);
      await release('review', '2026-01-10T10:00:00Z', 7, 'participant');
      await release('review', '2026-04-10T10:00:00Z', 8);
    });
    const url = (id: string, ext = 'svg', q = '') => `/trajectories/${id}/assessments/release.${ext}${q}`;

    it('draws every measurement over time per perspective, with the threshold 8', async () => {
      const res = await bytes(api.get(url(trajectoryId))).expect(200);
      expect(res.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
      expect(res.headers['cache-control']).toBe('private, no-store');
      const root = parseXml(res.body.toString('utf8'));
      const points = all(root, 'point').map((p) => [p.attrs['data-date'], Number(p.attrs['data-score'])]);
      expect(points).toEqual([
        ['2025-10-10', 2],
        ['2026-01-10', 5],
        ['2026-04-10', 8],
        ['2026-01-10', 7],
      ]);
      const [threshold] = all(root, 'threshold');
      expect(threshold.attrs['data-value']).toBe('8');
      expect(res.body.toString('utf8')).toContain('Vanaf 8 kan de begeleiding losgelaten worden');
      expect(all(root, 'legend-item').map((e) => textOf(e).trim())).toEqual([
        'Vanaf 8 kan de begeleiding losgelaten worden',
        'samen',
        'deelnemer',
      ]);
      const [audit] = await t.sql<{ n: number }>(
        `select count(*)::int as n from audit_events where resource_type = 'assessment.release' and resource_id = $1`,
        [trajectoryId],
      );
      expect(audit.n).toBeGreaterThanOrEqual(1);
    });

    it('renders the same chart as a PNG', async () => {
      const res = await bytes(api.get(url(trajectoryId, 'png'))).expect(200);
      expect(res.headers['content-type']).toBe('image/png');
      expect(res.body.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
      expect(decodePng(res.body).width).toBe(800);
    });

    it('answers 404 without release measurements, 400 for a bad or multi-dimension instrument', async () => {
      const { trajectoryId: empty } = await api.trajectory({ startedAt });
      const none = await api.get(url(empty)).expect(404);
      expect(none.headers['content-type']).toContain('application/problem+json');
      await api.get(url(trajectoryId, 'svg', '?instrument=Not-A-Key')).expect(400);
      await assess(empty, 'baseline', '2025-10-10T10:00:00Z', scores(4)).expect(201);
      const star = await api.get(url(empty, 'svg', '?instrument=empowerment')).expect(400);
      expect(star.body.code).toBe('RELEASE_NOT_DRAWABLE');
      await api.get(`/trajectories/not-a-uuid/assessments/release.svg`).expect(400);
    });

    it('answers 404 to another organisation and another partnership, 403 to a role without the right', async () => {
      await api.get(url(trajectoryId), 'coachIntro').expect(404);
      await api.get(url(trajectoryId, 'png'), 'coachIntro').expect(404);
      await api.get(url(trajectoryId), 'coach', b).expect(404);
      await api.get(url(trajectoryId), 'spocVdab').expect(403);
      await api.get(url(trajectoryId, 'png'), 'expertise').expect(403);
    });

    it('escapes an instrument name with markup (the SVG injection attack)', async () => {
      const evil = await as(t, a.auth('admin'))
        .post('/instruments', {
          key: 'release_scale',
          name: { nl: '<script>alert(1)</script>', en: '<a href="javascript:x">x</a>' },
          dimensions: [{ key: 'release', label: { nl: '<b>los</b>', en: 'release' } }],
          scaleMin: 1,
          scaleMax: 10,
          releaseThreshold: 7,
        })
        .expect(201);
      expect(evil.body).toMatchObject({ version: 2, releaseThreshold: 7 });
      const { trajectoryId: id } = await api.trajectory({ startedAt });
      await api
        .post(id, {
          instrument: 'release_scale',
          kind: 'baseline',
          takenAt: '2025-10-10T10:00:00Z',
          scores: { release: 7 },
        })
        .expect(201);
      const svg = (await bytes(api.get(url(id))).expect(200)).body.toString('utf8');
      expect(svg).not.toContain('<script');
      expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(parseXml(svg)).toBeDefined();
      expect(svg).toContain('Vanaf 7 kan de begeleiding losgelaten worden');
      const en = (await bytes(api.get(url(id)).set('accept-language', 'en')).expect(200)).body.toString(
        'utf8',
      );
      expect(en).not.toContain('<a href');
    });
  });
});

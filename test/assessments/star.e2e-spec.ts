import { SERIES_STYLES, STAR_GEOMETRY } from '../../src/empowerment/star-svg';
import { createPartnership, TestPartnership } from '../factories/partnership.factory';
import { createTestApp, TestApp } from '../harness/test-app';
import { countColour, decodePng } from '../support/png';
import { findAll, hasClass, parseXml, pointsOf, textOf, XmlElement } from '../support/mini-xml';
import { assessmentsApi, scores } from './helpers';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('GET /trajectories/{id}/assessments/star.svg and star.png', () => {
  let t: TestApp;
  let a: TestPartnership;
  let b: TestPartnership;
  let api: ReturnType<typeof assessmentsApi>;
  let participantId: string;
  let trajectoryId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    a = await createPartnership(t, 'A');
    b = await createPartnership(t, 'B');
    api = assessmentsApi(t, a);
    ({ participantId, trajectoryId } = await api.trajectory({ startedAt: '2025-12-01T00:00:00Z' }));
    const assess = async (name: string, kind: string, takenAt: string, s: Record<string, number>) => {
      ids[name] = (
        await api.post(trajectoryId, { instrument: 'empowerment', kind, takenAt, scores: s }).expect(201)
      ).body.id;
    };
    await assess('baseline', 'baseline', '2026-01-15T10:00:00Z', scores(4));
    await assess('spring', 'review', '2026-04-15T10:00:00Z', scores(10));
    await assess('summer', 'review', '2026-07-15T10:00:00Z', scores(5, 6, 4, 3, 4, 5));
    await api
      .post(trajectoryId, {
        instrument: 'release_scale',
        kind: 'baseline',
        takenAt: '2026-01-15T10:00:00Z',
        scores: { release: 3 },
      })
      .expect(201);
  });
  afterAll(() => t.close());

  const url = (query = '', ext = 'svg', id = trajectoryId) =>
    `/trajectories/${id}/assessments/star.${ext}?instrument=empowerment${query}`;
  /** supertest leaves image types unparsed: collect the bytes. */
  const bytes = (req: ReturnType<typeof api.get>) =>
    req.buffer(true).parse((r, done) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => done(null, Buffer.concat(chunks)));
    });
  const svgOf = async (res: { body: Buffer }) => parseXml(res.body.toString('utf8'));
  const all = (root: XmlElement, cls: string) => findAll(root, hasClass(cls));
  const legend = (root: XmlElement) => all(root, 'legend-item').map((e) => textOf(e).trim());
  const radius = ([x, y]: [number, number]) => Math.hypot(x - STAR_GEOMETRY.cx, y - STAR_GEOMETRY.cy);

  it('draws the baseline against the latest, in Dutch by default', async () => {
    const res = await bytes(api.get(url())).expect(200);
    expect(res.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
    expect(res.headers['cache-control']).toBe('private, no-store');
    const svg = await svgOf(res);
    expect(svg.name).toBe('svg');
    expect(svg.attrs['xml:lang']).toBe('nl');
    expect(all(svg, 'axis')).toHaveLength(6);
    const series = all(svg, 'series');
    expect(series).toHaveLength(2);
    expect(legend(svg)).toEqual(['Nulmeting 2026-01-15', 'Opvolgmeting 2026-07-15']);
    const labels = all(svg, 'axis-label').map((e) => textOf(e));
    expect(labels[0]).toContain('Competentie');
    expect(labels[5]).toContain('Groepsoriëntatie');
    expect(textOf(all(svg, 'chart-title')[0])).toBe('Empowerment (Vrijbaan)');
    // The baseline (series 0) scores 4 everywhere: every point on the ring of 4.
    const baseline = series.find((s) => s.attrs['data-series'] === '0')!;
    const ring4 = STAR_GEOMETRY.inner + ((4 - 1) / 9) * (STAR_GEOMETRY.outer - STAR_GEOMETRY.inner);
    for (const p of pointsOf(baseline)) expect(radius(p)).toBeCloseTo(ring4, 1);

    const audit = await t.sql<{ details: { assessments: string[]; format: string } }>(
      `select details from audit_events where participant_id = $1 and resource_type = 'assessment.star'`,
      [participantId],
    );
    expect(audit).toEqual([
      { details: expect.objectContaining({ assessments: [ids.baseline, ids.summer], format: 'svg' }) },
    ]);
  });

  it('speaks English when asked with Accept-Language', async () => {
    const res = await bytes(api.get(url()).set('accept-language', 'en-GB,en;q=0.9,nl;q=0.5')).expect(200);
    const svg = await svgOf(res);
    expect(svg.attrs['xml:lang']).toBe('en');
    expect(textOf(all(svg, 'axis-label')[0])).toContain('Competence');
    expect(textOf(all(svg, 'axis-label')[5])).toContain('Group orientation');
    expect(legend(svg)).toEqual(['Baseline 2026-01-15', 'Review 2026-07-15']);
  });

  it('compares any assessments by id, oldest first, at the right radius', async () => {
    const res = await bytes(api.get(url(`&compare=${ids.summer},${ids.spring}`))).expect(200);
    const svg = await svgOf(res);
    expect(legend(svg)).toEqual(['Opvolgmeting 2026-04-15', 'Opvolgmeting 2026-07-15']);
    const spring = all(svg, 'series').find((s) => s.attrs['data-series'] === '0')!;
    for (const p of pointsOf(spring)) expect(radius(p)).toBeCloseTo(STAR_GEOMETRY.outer, 1);
    const three = await svgOf(
      await bytes(api.get(url(`&compare=baseline,${ids.spring},latest`))).expect(200),
    );
    expect(all(three, 'series')).toHaveLength(3);
  });

  it('renders the same picture as a PNG', async () => {
    const res = await bytes(api.get(url('', 'png'))).expect(200);
    expect(res.headers['content-type']).toBe('image/png');
    const body = res.body as Buffer;
    expect(body.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    const png = decodePng(body);
    expect(png.width).toBe(STAR_GEOMETRY.width);
    const svg = await svgOf(await bytes(api.get(url())).expect(200));
    expect(png.height).toBe(Number(svg.attrs.height));
    // Drawn, not blank: the latest (solid, blue) outline and the baseline's (dashed, orange) both show.
    expect(countColour(png, SERIES_STYLES[0].colour)).toBeGreaterThan(500);
    expect(countColour(png, SERIES_STYLES[1].colour)).toBeGreaterThan(200);
  });

  describe('refusals', () => {
    it('answers 400 for a one-dimension instrument and for a malformed compare, as problem+json', async () => {
      const one = await api
        .get(`/trajectories/${trajectoryId}/assessments/star.svg?instrument=release_scale`)
        .expect(400);
      expect(one.headers['content-type']).toContain('application/problem+json');
      expect(one.body.code).toBe('STAR_NOT_DRAWABLE');
      await api.get(url('&compare=baseline')).expect(400);
      await api.get(url('&compare=first,last')).expect(400);
    });

    it('answers 404 without assessments to draw or for an id not in this trajectory', async () => {
      const other = await api.trajectory();
      await api.get(url('', 'svg', other.trajectoryId)).expect(404);
      await api.get(url('', 'png', other.trajectoryId)).expect(404);
      await api.get(url(`&compare=baseline,${other.trajectoryId}`)).expect(404);
    });

    it('answers 401, 403 to a role without the permission or at summary scope, 404 elsewhere', async () => {
      await t.http().get(url()).expect(401);
      await api.get(url(), 'spocVdab').expect(403);
      await api.get(url(), 'coachCaw').expect(404);
      await api.get(url('', 'png'), 'coachCaw').expect(404);
      await api.get(url(), 'coach', b).expect(404);
      const p = await api.trajectory();
      await api
        .post(p.trajectoryId, {
          instrument: 'empowerment',
          kind: 'baseline',
          takenAt: new Date().toISOString(),
          scores: scores(5),
        })
        .expect(201);
      await api.grant(p.participantId, a.orgs.intro.id, 'summary');
      const svg = await api.get(url('', 'svg', p.trajectoryId), 'coachIntro').expect(403);
      expect(svg.body.code).toBe('SCOPE_INSUFFICIENT');
      const png = await api.get(url('', 'png', p.trajectoryId), 'coachIntro').expect(403);
      expect(png.body.code).toBe('SCOPE_INSUFFICIENT');
    });
  });
});

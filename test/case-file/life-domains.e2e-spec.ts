import { createPartnership, StaffKey, TestPartnership } from '../factories/partnership.factory';
import { createParticipant, startTrajectory } from '../factories/participant.factory';
import { createTestApp, TestApp } from '../harness/test-app';
import { as } from '../support/api';
import { daysAgo } from '../support/time';

describe('life domains', () => {
  let t: TestApp;
  let a: TestPartnership;
  let b: TestPartnership;

  beforeAll(async () => {
    t = await createTestApp();
    a = await createPartnership(t, 'A');
    b = await createPartnership(t, 'B');
  });
  afterAll(() => t.close());

  const get = (id: string, who: StaffKey = 'coach', p = a) =>
    as(t, p.auth(who)).get(`/trajectories/${id}/life-domains`);
  const put = (id: string, version: string | null, domains: unknown, who: StaffKey = 'coach', p = a) => {
    const req = as(t, p.auth(who)).put(`/trajectories/${id}/life-domains`);
    if (version !== null) req.set('if-match', version);
    return req.send({ domains });
  };
  const giveSpecialConsent = (participantId: string) =>
    t.sql(
      `insert into consents (partnership_id, participant_id, scope, basis, given_at, evidence, recorded_by)
       values ($1, $2, 'special_categories', 'consent', now() - interval '1 day', 'Signed form 2026-01', $3)`,
      [a.id, participantId, a.staff.coach.id],
    );
  const stored = (trajectoryId: string) =>
    t.sql<{ domain: string; severity: number; note: string | null }>(
      `select domain, severity, note from life_domains where trajectory_id = $1 order by domain`,
      [trajectoryId],
    );
  const storedVersion = async (trajectoryId: string) =>
    (
      await t.sql<{ v: number }>(`select life_domains_version as v from trajectories where id = $1`, [
        trajectoryId,
      ])
    )[0].v;

  async function setUp(consent = true) {
    const p = await createParticipant(t, a);
    const tr = await startTrajectory(t, a, p.id, 'coach', { startedAt: daysAgo(30) });
    if (consent) await giveSpecialConsent(p.id);
    return { p, tr };
  }

  it('replaces the whole set under If-Match, with notes, and logs severities but never note text', async () => {
    const { p, tr } = await setUp();
    const empty = await get(tr.id).expect(200);
    expect(empty.body).toEqual({ trajectoryId: tr.id, participantId: p.id, version: 1, domains: [] });
    expect(empty.headers.etag).toBe('"1"');

    await put(tr.id, null, [{ domain: 'work', severity: 4 }]).expect(428);
    const first = await put(tr.id, empty.headers.etag, [
      { domain: 'health', severity: 3, note: 'Diabetes type 2, goed opgevolgd' },
      { domain: 'work', severity: 4, note: 'Zoekt werk in de logistiek' },
      { domain: 'housing', severity: 5 },
    ]).expect(200);
    expect(first.headers.etag).toBe('"2"');
    expect(first.body.version).toBe(2);
    expect(first.body.domains).toEqual([
      expect.objectContaining({
        domain: 'work',
        severity: 4,
        note: 'Zoekt werk in de logistiek',
        updatedBy: a.staff.coach.id,
      }),
      expect.objectContaining({ domain: 'housing', severity: 5, note: null }),
      expect.objectContaining({ domain: 'health', severity: 3, note: 'Diabetes type 2, goed opgevolgd' }),
    ]);

    await put(tr.id, '"1"', [{ domain: 'work', severity: 1 }]).expect(412);
    const second = await put(tr.id, '"2"', [
      { domain: 'work', severity: 2, note: 'Deeltijds aan de slag' },
    ]).expect(200);
    expect(second.body.domains).toEqual([expect.objectContaining({ domain: 'work', severity: 2 })]);
    expect(await stored(tr.id)).toEqual([{ domain: 'work', severity: 2, note: 'Deeltijds aan de slag' }]);

    const audit = await t.sql<{ action: string; details: { changes?: unknown[] }; scope: string }>(
      `select action, audit_open_details(e) as details, scope from audit_events e
        where resource_id = $1 and resource_type = 'life_domains' order by id`,
      [tr.id],
    );
    expect(audit.map((e) => e.action)).toEqual(['read', 'update', 'update']);
    expect(audit[2].details.changes).toEqual(
      expect.arrayContaining([
        { domain: 'work', from: 4, to: 2, noteChanged: true },
        { domain: 'housing', from: 5, to: null, noteChanged: false },
        { domain: 'health', from: 3, to: null, noteChanged: true },
      ]),
    );
    expect(JSON.stringify(audit)).not.toContain('Diabetes');
  });

  it('lets exactly one of two saves of the same version through', async () => {
    const { tr } = await setUp(false);
    const results = await Promise.all([
      put(tr.id, '"1"', [{ domain: 'language', severity: 3 }]),
      put(tr.id, '"1"', [{ domain: 'mobility', severity: 2 }], 'coach2'),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
    expect(await storedVersion(tr.id)).toBe(2);
    expect(await stored(tr.id)).toHaveLength(1);
  });

  it('shows health notes only at full scope with a special_categories consent, and keeps what it hides', async () => {
    const { p, tr } = await setUp();
    await put(tr.id, '"1"', [
      { domain: 'mental_health', severity: 4, note: 'Depressieve klachten, opvolging CGG' },
      { domain: 'digital', severity: 2, note: 'Geen laptop' },
    ]).expect(200);

    await as(t, a.auth('coach'))
      .post(`/trajectories/${tr.id}/co-coaches`, { staffId: a.staff.coachIntro.id })
      .expect(201);
    const asCo = await get(tr.id, 'coachIntro').expect(200);
    expect(asCo.body.domains).toEqual([
      { domain: 'mental_health', severity: 4, updatedAt: expect.any(String), updatedBy: a.staff.coach.id },
      expect.objectContaining({ domain: 'digital', note: 'Geen laptop' }),
    ]);
    expect(asCo.body.domains[0]).not.toHaveProperty('note');

    // A co-coach may write the set, but not a health note, and cannot erase one by leaving it out.
    const refused = await put(
      tr.id,
      '"2"',
      [{ domain: 'mental_health', severity: 2, note: 'Beter' }],
      'coachIntro',
    ).expect(403);
    expect(refused.body.code).toBe('SPECIAL_CATEGORY_NOT_ALLOWED');
    await put(
      tr.id,
      '"2"',
      [
        { domain: 'mental_health', severity: 3 },
        { domain: 'digital', severity: 1, note: 'Laptop via Digipunt' },
      ],
      'coachIntro',
    ).expect(200);
    expect(await stored(tr.id)).toEqual([
      { domain: 'digital', severity: 1, note: 'Laptop via Digipunt' },
      { domain: 'mental_health', severity: 3, note: 'Depressieve klachten, opvolging CGG' },
    ]);

    const owner = await get(tr.id).expect(200);
    expect(owner.body.domains[0]).toMatchObject({
      domain: 'mental_health',
      note: 'Depressieve klachten, opvolging CGG',
    });

    // Withdrawn consent: the owner no longer sees the note either.
    await t.sql(`update consents set withdrawn_at = now(), withdrawn_by = $2 where participant_id = $1`, [
      p.id,
      a.staff.coach.id,
    ]);
    const withdrawn = await get(tr.id).expect(200);
    expect(withdrawn.body.domains[0]).not.toHaveProperty('note');
    const audit = await t.sql<{ details: { specialCategoryNotesShown: boolean } }>(
      `select details from audit_events where resource_id = $1 and action = 'read' and actor_id = $2 order by id`,
      [tr.id, a.staff.coach.id],
    );
    expect(audit.map((e) => e.details.specialCategoryNotesShown)).toEqual([true, false]);
  });

  it('refuses a health note from the owner when no special_categories basis is recorded, writing nothing', async () => {
    const { tr } = await setUp(false);
    // Full scope, but no basis: 409 naming what to record (issue 13, rule 7), not a 403.
    const res = await put(tr.id, '"1"', [{ domain: 'health', severity: 2, note: 'Rugklachten' }]).expect(409);
    expect(res.body.code).toBe('SPECIAL_CATEGORY_BASIS_REQUIRED');
    expect(await stored(tr.id)).toEqual([]);
    expect(await storedVersion(tr.id)).toBe(1);
    await put(tr.id, '"1"', [{ domain: 'health', severity: 2 }]).expect(200);
  });

  it.each([
    ['a severity of 6', [{ domain: 'work', severity: 6 }]],
    ['a severity of 0', [{ domain: 'work', severity: 0 }]],
    ['a fractional severity', [{ domain: 'work', severity: 2.5 }]],
    ['an unknown domain', [{ domain: 'money', severity: 2 }]],
    ['a missing severity', [{ domain: 'work' }]],
    [
      'a domain listed twice',
      [
        { domain: 'work', severity: 2 },
        { domain: 'work', severity: 3 },
      ],
    ],
    ['no list at all', undefined],
  ])('rejects %s with 400 and writes nothing', async (_, domains) => {
    const { tr } = await setUp(false);
    const res = await put(tr.id, '"1"', domains).expect(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(await stored(tr.id)).toEqual([]);
    expect(await storedVersion(tr.id)).toBe(1);
  });

  it('answers 401, 403 for roles without the right, and 404 outside the grant or the partnership', async () => {
    const { tr } = await setUp(false);
    await t.http().get(`/trajectories/${tr.id}/life-domains`).expect(401);
    await put(tr.id, '"1"', [], 'spocVdab').expect(403);
    await put(tr.id, '"1"', [], 'coordinator').expect(403);
    await get(tr.id, 'admin').expect(403);
    await get(tr.id, 'spocVdab').expect(404);
    await get(tr.id, 'coachIntro').expect(404);
    await put(tr.id, '"1"', [{ domain: 'work', severity: 1 }], 'coachCaw').expect(404);
    await get(tr.id, 'coach', b).expect(404);
    await put(tr.id, '"1"', [{ domain: 'work', severity: 1 }], 'coach', b).expect(404);
    await get(tr.id, 'coach2').expect(200);
    expect(await storedVersion(tr.id)).toBe(1);
  });
});

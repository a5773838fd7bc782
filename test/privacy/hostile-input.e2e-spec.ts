import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { createPartnership, TestPartnership } from '../factories/partnership.factory';
import { createParticipant, participantBody, startTrajectory } from '../factories/participant.factory';
import { createTestApp, TEST_SECRETS, TestApp } from '../harness/test-app';
import { as } from '../support/api';

const b64url = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');

describe('hostile input', () => {
  let t: TestApp;
  let a: TestPartnership;
  let b: TestPartnership;
  let mine: { id: string; lastName: string; version: number };
  let theirs: { id: string };
  let trajectoryId: string;
  const statuses: number[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    a = await createPartnership(t, 'A');
    b = await createPartnership(t, 'B');
    const p = await createParticipant(t, a);
    mine = { id: p.id, lastName: String(p.lastName), version: p.version };
    trajectoryId = (await startTrajectory(t, a, p.id)).id;
    theirs = await createParticipant(t, b);
  });
  afterAll(() => t.close());
  afterAll(() => expect(statuses.filter((s) => s >= 500)).toEqual([]));

  const track = <T extends { status: number }>(res: T) => {
    statuses.push(res.status);
    return res;
  };
  const getWith = async (authorization: string, path = `/participants/${mine.id}`) =>
    track(await as(t, authorization).get(path));

  describe('tokens', () => {
    const coach = () => a.staff.coach;
    const claims = () => ({ sub: coach().id, tid: a.id });

    it('refuses an expired token', async () => {
      const jwt = new JwtService({ secret: TEST_SECRETS.jwtSecret });
      const expired = jwt.sign(
        { ...claims(), exp: Math.floor(Date.now() / 1000) - 60 },
        { algorithm: 'HS256' },
      );
      const res = await getWith(`Bearer ${expired}`);
      expect(res.status).toBe(401);
      expect(res.body).not.toHaveProperty('firstName');
    });

    it('refuses alg none, with or without a signature', async () => {
      const unsigned = `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url({ ...claims(), exp: Math.floor(Date.now() / 1000) + 600 })}`;
      expect((await getWith(`Bearer ${unsigned}.`)).status).toBe(401);
      expect((await getWith(`Bearer ${unsigned}.c2lnbmF0dXJl`)).status).toBe(401);
    });

    it('refuses a token signed with another secret, and one that switches HS256 for HS512', async () => {
      const wrong = new JwtService({ secret: 'another-secret-that-is-long-enough-0123456789abcdef' });
      expect((await getWith(`Bearer ${wrong.sign(claims(), { algorithm: 'HS256' })}`)).status).toBe(401);
      const right = new JwtService({ secret: TEST_SECRETS.jwtSecret });
      expect((await getWith(`Bearer ${right.sign(claims(), { algorithm: 'HS512' })}`)).status).toBe(401);
    });

    it('refuses a validly signed token that claims another partnership for a staff member (the staff row decides)', async () => {
      const right = new JwtService({ secret: TEST_SECRETS.jwtSecret });
      const forged = right.sign({ sub: coach().id, tid: b.id }, { algorithm: 'HS256' });
      expect((await getWith(`Bearer ${forged}`, `/participants/${theirs.id}`)).status).toBe(401);
      const junk = right.sign({ sub: "1' or '1'='1", tid: a.id }, { algorithm: 'HS256' });
      expect((await getWith(`Bearer ${junk}`)).status).toBe(401);
    });

    it('refuses garbage in the header', async () => {
      for (const h of ['Bearer', 'Bearer x.y.z', 'Basic YWRtaW46YWRtaW4=', `Bearer ${'a'.repeat(5000)}`])
        expect((await getWith(h)).status).toBe(401);
    });
  });

  describe('ids', () => {
    const paths = (id: string) => [
      `/participants/${id}`,
      `/participants/${id}/trajectories`,
      `/participants/${id}/consents`,
      `/participants/${id}/access-log`,
      `/participants/${id}/export`,
      `/trajectories/${id}`,
    ];

    it('answers 404 to guessed UUIDs and to ids of another partnership, for the owner role and the DPO alike', async () => {
      for (const id of [randomUUID(), randomUUID(), theirs.id, '00000000-0000-0000-0000-000000000000'])
        for (const path of paths(id))
          for (const who of ['coach', 'dpo'] as const) {
            const res = await getWith(a.auth(who), path);
            expect({ path, who, status: res.status }).toEqual({ path, who, status: 404 });
            expect(res.body).not.toHaveProperty('firstName');
          }
    });

    it('answers 400 to ids that are not UUIDs, SQL included', async () => {
      for (const id of ["1' or '1'='1", '1;select pg_sleep(1)', '..%2F..%2Fetc', 'null'])
        for (const path of paths(encodeURIComponent(id)))
          expect((await getWith(a.auth('coach'), path)).status).toBe(400);
    });
  });

  describe('query strings', () => {
    it('treats SQL and LIKE metacharacters in q as text: no rows, no error', async () => {
      for (const q of [
        "' or 1=1 --",
        "%' union select insz_encrypted from participants --",
        '%%',
        '_%_',
        '\\\\',
        `${mine.lastName}' or '1'='1`,
      ]) {
        const res = track(await as(t, a.auth('coach')).get('/participants', { query: { q } }));
        expect({ q, status: res.status, total: res.body.total }).toEqual({ q, status: 200, total: 0 });
      }
      // The same search with a plain name does find the row, so the zeros above are not vacuous.
      const found = await as(t, a.auth('coach')).get('/participants', { query: { q: mine.lastName } });
      expect(found.body.total).toBe(1);
    });

    it('refuses injection through audit filters and paging with 400', async () => {
      for (const query of [
        { action: "read' or '1'='1" },
        { actorId: "x' or 1=1 --" },
        { from: "2020-01-01'; drop table audit_events; --" },
        { page: '1 or 1=1' },
        { limit: '-1' },
      ]) {
        const res = track(await as(t, a.auth('dpo')).get('/audit-events', { query }));
        expect(res.status).toBe(400);
      }
      const [{ n }] = await t.sql<{ n: number }>('select count(*)::int as n from audit_events');
      expect(n).toBeGreaterThan(0);
    });
  });

  describe('mass assignment', () => {
    it('refuses ownerOrganisationId and partnershipId on create, and writes nothing', async () => {
      const body = participantBody();
      for (const extra of [
        { ownerOrganisationId: a.orgs.caw.id },
        { partnershipId: b.id },
        { id: randomUUID() },
        { pseudonymisedAt: null },
      ]) {
        const res = track(await as(t, a.auth('coach')).post('/participants', { ...body, ...extra }));
        expect(res.status).toBe(400);
        expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(Object.keys(extra));
      }
      const rows = await t.sql('select 1 from participants where last_name = $1', [body.lastName]);
      expect(rows).toHaveLength(0);
    });

    it('refuses them on PATCH, and the row keeps its owner, tenant and version', async () => {
      for (const extra of [
        { ownerOrganisationId: a.orgs.caw.id },
        { partnershipId: b.id },
        { version: 99 },
      ]) {
        const res = track(
          await as(t, a.auth('coach')).patch(
            `/participants/${mine.id}`,
            { phone: '0470 12 12 12', ...extra },
            { ifMatch: `"${mine.version}"` },
          ),
        );
        expect(res.status).toBe(400);
      }
      const [row] = await t.sql<{
        owner_organisation_id: string;
        partnership_id: string;
        version: number;
        phone: string;
      }>('select owner_organisation_id, partnership_id, version, phone from participants where id = $1', [
        mine.id,
      ]);
      expect(row).toEqual({
        owner_organisation_id: a.orgs.compaan.id,
        partnership_id: a.id,
        version: mine.version,
        phone: '+32 470 00 00 00',
      });
    });

    it('refuses foreign keys smuggled into consents, trajectories and transitions', async () => {
      const consent = {
        scope: 'vdab_exchange',
        basis: 'consent',
        givenAt: new Date().toISOString(),
        evidence: 'F-9',
      };
      for (const [path, body] of [
        [`/participants/${mine.id}/consents`, { ...consent, participantId: theirs.id }],
        [`/participants/${mine.id}/consents`, { ...consent, partnershipId: b.id }],
        [`/participants/${mine.id}/trajectories`, { ownerOrganisationId: a.orgs.caw.id }],
        [
          `/trajectories/${trajectoryId}/transitions`,
          { to: 'intake', at: new Date().toISOString(), participantId: theirs.id },
        ],
      ] as const) {
        const res = track(await as(t, a.auth('coach')).post(path, body));
        expect({ path, status: res.status }).toEqual({ path, status: 400 });
      }
      const consents = await t.sql('select 1 from consents where participant_id = any($1)', [
        [mine.id, theirs.id],
      ]);
      expect(consents).toHaveLength(0);
    });

    it('answers 400 to JSON that is not an object and to wrong types, never 500', async () => {
      for (const body of ['[]', '"x"', '{"scope": {"$ne": null}}', '{"givenAt": 1}', '{']) {
        const res = track(
          await as(t, a.auth('coach')).post(`/participants/${mine.id}/consents`, body, {
            headers: { 'content-type': 'application/json' },
          }),
        );
        expect(res.status).toBe(400);
      }
    });
  });
});

import { purgeExpiredIdempotencyKeys, runReferralRetention } from '../../src/privacy/retention';
import { giveConsent } from '../collaboration/helpers';
import { syntheticInsz } from '../factories/insz';
import { createPartnership, StaffKey, TestPartnership } from '../factories/partnership.factory';
import { createParticipant, participantBody, startTrajectory } from '../factories/participant.factory';
import { createTestApp, TestApp } from '../harness/test-app';
import { transfer } from './matrix-world';
import { as } from '../support/api';

const DAY = 86400_000;

/**
 * Issue 12, items 4, 6, 7, 12 and 15 (the non-audit parts): each attack is performed and must fail.
 * The clock-moving tests run last and reset the clock.
 */
describe('replays, referrals, duplicates, NUL bytes and erasure', () => {
  let t: TestApp;
  let a: TestPartnership;
  let b: TestPartnership;

  beforeAll(async () => {
    t = await createTestApp();
    a = await createPartnership(t, 'A');
    b = await createPartnership(t, 'B');
  });
  afterAll(async () => {
    t.clock.reset();
    await t.close();
  });

  const by = (key: StaffKey, p = a) => ({
    get: (url: string) => as(t, p.auth(key)).get(url),
    post: (url: string, body: Record<string, unknown> = {}, idem?: string) =>
      as(t, p.auth(key)).post(url, body, { idempotencyKey: idem || undefined }),
  });
  const count = async (sql: string, params: unknown[] = []) =>
    (await t.sql<{ n: number }>(`select count(*)::int as n from ${sql}`, params))[0].n;
  const handOver = async (trajectoryId: string, from: StaffKey, to: StaffKey) => {
    const current = await by(from).get(`/trajectories/${trajectoryId}`).expect(200);
    await as(t, a.auth(from))
      .put(
        `/trajectories/${trajectoryId}/case-manager`,
        { staffId: a.staff[to].id, note: 'Warme overdracht' },
        { ifMatch: current.headers.etag },
      )
      .expect(200);
  };

  describe('idempotent replays (item 4)', () => {
    it('replays with the status and id, re-read under current access; after a hand-over the old owner gets 404 and no INSZ, email or address', async () => {
      const insz = syntheticInsz('1985-02-11', 211);
      const body = participantBody({
        birthDate: '1985-02-11',
        insz,
        email: 'replay.persoon@example.org',
        address: { street: 'Replaystraat 12', postalCode: '9000', city: 'Gent', wijk: 'Rabot-Blaisantvest' },
      });
      const key = 'replay-after-hand-over-1';
      const first = await by('coach').post('/participants', body, key).expect(201);
      expect(first.body).toMatchObject({ insz, email: 'replay.persoon@example.org' });

      // A replay before anything changed: same status and id, the record as a fresh read shows it.
      const again = await by('coach').post('/participants', body, key).expect(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body).toMatchObject({ id: first.body.id, insz, email: 'replay.persoon@example.org' });
      expect(await count('participants where last_name = $1', [body.lastName])).toBe(1);

      // The stored entry holds no personal data: no body column, only status, resource id and a keyed hash.
      const rows = await t.sql<Record<string, unknown>>(
        'select * from idempotency_keys where staff_id = $1 and key = $2',
        [a.staff.coach.id, key],
      );
      expect(Object.keys(rows[0]).sort()).toEqual(
        ['created_at', 'key', 'partnership_id', 'request_hash', 'resource_id', 'staff_id', 'status'].sort(),
      );
      expect(rows[0]).toMatchObject({ status: 201, resource_id: first.body.id });
      const stored = JSON.stringify(rows[0]);
      for (const value of [insz, String(body.lastName), 'replay.persoon', 'Replaystraat'])
        expect(stored).not.toContain(value);

      // The attack: hand the case over to CAW, then replay the original POST as the old owner.
      const tr = await startTrajectory(t, a, first.body.id);
      await handOver(tr.id, 'coach', 'coachCaw');
      const replay = await by('coach').post('/participants', body, key);
      expect(replay.status).toBe(404);
      const text = JSON.stringify(replay.body);
      for (const value of [insz, 'replay.persoon', 'Replaystraat', String(body.firstName)])
        expect(text).not.toContain(value);
      expect(replay.body).not.toHaveProperty('insz');
      expect(await count('participants where last_name = $1', [body.lastName])).toBe(1);
    });

    it('replays a contact moment the same way, and answers 404 in another partnership', async () => {
      const p = await createParticipant(t, a);
      const tr = await startTrajectory(t, a, p.id);
      const contact = {
        at: new Date(Date.now() - DAY).toISOString(),
        kind: 'office',
        durationMinutes: 30,
        summary: 'Gesprek',
      };
      const first = await by('coach').post(`/trajectories/${tr.id}/contacts`, contact, 'contact-replay-1');
      expect(first.status).toBe(201);
      const again = await by('coach').post(`/trajectories/${tr.id}/contacts`, contact, 'contact-replay-1');
      expect(again.status).toBe(201);
      expect(again.body.id).toBe(first.body.id);
      expect(await count('contacts where trajectory_id = $1', [tr.id])).toBe(1);
      await by('coach', b).post(`/trajectories/${tr.id}/contacts`, contact, 'contact-replay-1').expect(404);
      // A role without the permission is refused before any key is stored.
      await by('coordinator')
        .post(`/trajectories/${tr.id}/contacts`, contact, 'contact-replay-2')
        .expect(403);
      expect(await count('idempotency_keys where key = $1', ['contact-replay-2'])).toBe(0);
    });

    it('replays a goal through its trajectory route, and a replay after the trajectory is handed over is 404', async () => {
      const p = await createParticipant(t, a);
      const tr = await startTrajectory(t, a, p.id);
      const goal = { lifeDomain: 'work', title: 'Heftruckattest', targetDate: '2030-01-01' };
      const first = await by('coach').post(`/trajectories/${tr.id}/goals`, goal, 'goal-replay-1').expect(201);
      const again = await by('coach').post(`/trajectories/${tr.id}/goals`, goal, 'goal-replay-1').expect(201);
      expect(again.body).toMatchObject({ id: first.body.id, title: 'Heftruckattest' });
      await handOver(tr.id, 'coach', 'coachCaw');
      const after = await by('coach').post(`/trajectories/${tr.id}/goals`, goal, 'goal-replay-1');
      expect(after.status).toBe(404);
      expect(JSON.stringify(after.body)).not.toContain('Heftruckattest');
      expect(await count('goals where trajectory_id = $1', [tr.id])).toBe(1);
    });

    it('keeps keys per user: another user with the same key creates its own record, never gets the first body', async () => {
      const key = 'shared-key-per-user';
      const mine = participantBody();
      const first = await by('coach').post('/participants', mine, key).expect(201);
      const theirs = participantBody();
      const second = await by('coach2').post('/participants', theirs, key).expect(201);
      expect(second.body.id).not.toBe(first.body.id);
      expect(second.body.lastName).toBe(theirs.lastName);
      expect(second.headers['idempotent-replayed']).toBeUndefined();
      // The same body under the same key by another user is not a replay either (here: a duplicate).
      const same = await by('coach2').post('/participants', mine, 'shared-key-per-user-2');
      expect(same.status).toBe(409);
      expect(same.body.id).toBeUndefined();
    });

    it('refuses an invalid key with 400 and writes nothing', async () => {
      const body = participantBody();
      const res = await by('coach').post('/participants', body, 'short');
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('IDEMPOTENCY_KEY_INVALID');
      expect(await count('participants where last_name = $1', [body.lastName])).toBe(0);
    });
  });

  describe('inbound referrals of a known participant (item 6)', () => {
    const inbound = (
      participantId: string,
      targetOrganisationId: string,
      key: StaffKey = 'spocVdab',
      p = a,
    ) =>
      by(key, p).post('/referrals', {
        direction: 'inbound',
        target: 'partnership',
        kind: 'other',
        participantId,
        targetOrganisationId,
      });

    it('refuses the VDAB SPOC who holds only a stale referral scope from a rejected referral (404), and the third partner sees nothing', async () => {
      const p = await createParticipant(t, a);
      await giveConsent(t, a, p.id, 'vdab_exchange');
      const out = await by('coach')
        .post('/referrals', { direction: 'outbound', target: 'vdab', kind: 'training', participantId: p.id })
        .expect(201);
      await by('spocVdab')
        .post(`/referrals/${out.body.id}/transitions`, { to: 'rejected', reason: 'Geen aanbod' })
        .expect(200);
      // VDAB still sees the participant for the follow-up, at referral scope...
      await by('spocVdab').get(`/participants/${p.id}`).expect(200);
      // ...but that is no basis to pass them on to a third partner.
      const res = await inbound(p.id, a.orgs.intro.id);
      expect(res.status).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain(String(p.firstName));
      await by('coachIntro').get(`/participants/${p.id}`).expect(404);
      expect(await count(`referrals where participant_id = $1 and direction = 'inbound'`, [p.id])).toBe(0);
    });

    it('needs partnership_sharing for a third partner (409 CONSENT_REQUIRED); vdab_exchange covers the owner', async () => {
      const p = await createParticipant(t, a);
      await giveConsent(t, a, p.id, 'vdab_exchange');
      await by('coach')
        .post('/referrals', { direction: 'outbound', target: 'vdab', kind: 'training', participantId: p.id })
        .expect(201);
      const third = await inbound(p.id, a.orgs.intro.id).expect(409);
      expect(third.body).toMatchObject({ code: 'CONSENT_REQUIRED', consentScope: 'partnership_sharing' });
      await by('coachIntro').get(`/participants/${p.id}`).expect(404);
      expect(await count(`referrals where participant_id = $1 and direction = 'inbound'`, [p.id])).toBe(0);
      // Back to the owner, on the exchange consent alone.
      await inbound(p.id, a.orgs.compaan.id).expect(201);
      // With a withdrawn exchange consent even the owner is out of reach.
      await t.sql(
        `update consents set withdrawn_at = now() - interval '1 minute' where participant_id = $1`,
        [p.id],
      );
      const withdrawn = await inbound(p.id, a.orgs.compaan.id).expect(409);
      expect(withdrawn.body.consentScope).toBe('vdab_exchange');
    });

    it('lets VDAB, owning the file, refer its participant to a partner on vdab_exchange alone', async () => {
      const p = await createParticipant(t, a);
      await transfer(t, a, p.id, 'vdab');
      await giveConsent(t, a, p.id, 'vdab_exchange');
      const res = await inbound(p.id, a.orgs.intro.id).expect(201);
      expect(res.body).toMatchObject({ participantId: p.id, state: 'submitted' });
      await by('coachIntro').get(`/participants/${p.id}`).expect(200);
    });

    it('answers 400 to a malformed id, 404 in another partnership and 403 to a role without the right', async () => {
      const p = await createParticipant(t, a);
      expect((await inbound('not-a-uuid', a.orgs.intro.id)).status).toBe(400);
      await inbound(p.id, b.orgs.intro.id, 'spocVdab', b).expect(404);
      await inbound(p.id, a.orgs.intro.id, 'coordinator').expect(403);
    });
  });

  describe('the duplicate check and professional secrecy (item 7)', () => {
    it('does not name CAW to a coach without a grant, but says how to arrange a warm hand-over', async () => {
      const insz = syntheticInsz('1979-08-30', 301);
      const body = participantBody({ birthDate: '1979-08-30', insz });
      await by('coachCaw').post('/participants', body).expect(201);
      const res = await by('coach')
        .post('/participants', { ...body, lastName: 'Anders' })
        .expect(409);
      expect(res.body).toMatchObject({ code: 'PARTICIPANT_DUPLICATE', knownInPartnership: true });
      expect(res.body).not.toHaveProperty('contactOrganisation');
      expect(res.body).not.toHaveProperty('existingParticipantId');
      expect(res.body.handOver).toMatch(/warm hand-over/);
      expect(JSON.stringify(res.body)).not.toMatch(/CAW/i);

      const byName = await by('coach')
        .post('/participants', {
          ...participantBody(),
          firstName: body.firstName,
          lastName: body.lastName,
          birthDate: '1979-08-30',
        })
        .expect(409);
      expect(byName.body.code).toBe('PARTICIPANT_POSSIBLE_DUPLICATE');
      expect(byName.body.matches).toEqual([{}]);
      expect(JSON.stringify(byName.body)).not.toMatch(/CAW/i);
      expect(byName.body.detail).toMatch(/warm hand-over/);
    });

    it('names an organisation without professional secrecy', async () => {
      const insz = syntheticInsz('1981-01-21', 302);
      const body = participantBody({ birthDate: '1981-01-21', insz });
      await by('coach').post('/participants', body).expect(201);
      const res = await by('coachCaw').post('/participants', body).expect(409);
      expect(res.body).toMatchObject({ code: 'PARTICIPANT_DUPLICATE', contactOrganisation: 'Compaan' });
      expect(res.body.handOver).toBeUndefined();
    });
  });

  describe('NUL bytes (item 12)', () => {
    const nulError = (
      res: { status: number; body: { code: string; errors: { field: string }[] } },
      field: string,
    ) => {
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('CONTROL_CHARACTER');
      expect(res.body.errors.map((e) => e.field)).toContain(field);
    };

    it('answers 400 naming the field for a query parameter, a path parameter, body fields at any depth, and a public route', async () => {
      nulError(await by('coach').get('/participants').query({ q: 'Jan\u0000ssens' }), 'q');
      nulError(await by('coach').get('/participants/%00'), 'id');
      const body = participantBody({ firstName: 'An\u0000na' });
      nulError(await by('coach').post('/participants', body), 'firstName');
      const nested = participantBody({
        address: {
          street: 'Kerk\u0000straat 1',
          postalCode: '9000',
          city: 'Gent',
          wijk: 'Rabot-Blaisantvest',
        },
      });
      nulError(await by('coach').post('/participants', nested), 'address.street');
      expect(await count('participants where last_name = any($1)', [[body.lastName, nested.lastName]])).toBe(
        0,
      );
      nulError(
        await t.http().post('/auth/login').send({ email: 'coach\u0000@test.example', password: 'x' }),
        'email',
      );
    });

    it('answers 400 on a PATCH and on a goal step, and changes nothing', async () => {
      const p = await createParticipant(t, a);
      const patch = await as(t, a.auth('coach')).patch(
        `/participants/${p.id}`,
        { phone: '0470\u0000' },
        { ifMatch: `"${p.version}"` },
      );
      nulError(patch, 'phone');
      const [row] = await t.sql<{ version: number }>('select version from participants where id = $1', [
        p.id,
      ]);
      expect(row.version).toBe(p.version);
      const tr = await startTrajectory(t, a, p.id);
      const goal = await by('coach').post(`/trajectories/${tr.id}/goals`, {
        lifeDomain: 'work',
        title: 'Werk',
        targetDate: '2030-01-01',
        steps: [{ title: 'ok' }, { title: 'st\u0000ap' }],
      });
      nulError(goal, 'steps[1].title');
      const referral = await by('spocVdab').post('/referrals', {
        direction: 'inbound',
        target: 'partnership',
        kind: 'other',
        targetOrganisationId: a.orgs.compaan.id,
        person: { firstName: 'Nul', lastName: 'Byte', birthDate: '1990-01-01', gender: 'male' },
        note: '\u0000',
      });
      nulError(referral, 'note');
      expect(await count('goals where trajectory_id = $1', [tr.id])).toBe(0);
    });
  });

  describe('pseudonymisation leaves nothing outside the audit log (item 15)', () => {
    it('finds none of the original values in any table but audit_events', async () => {
      const insz = syntheticInsz('1977-06-05', 415);
      const person = {
        firstName: 'Wisvoornaam',
        lastName: 'Wisachternaam',
        birthDate: '1977-06-05',
        insz,
        phone: '+32 471 55 66 77',
        email: 'wis.persoon@example.org',
        address: { street: 'Wisstraat 77', postalCode: '9000', city: 'Gent', wijk: 'Rabot-Blaisantvest' },
      };
      const values = {
        ...person,
        address: undefined,
        street: 'Wisstraat 77',
        newPhone: '+32 472 88 99 00',
        newEmail: 'wis.nieuw@example.org',
        goal: 'Wisdoel heftruckattest',
        contact: 'Wiscontact over schulden',
        closeNote: 'Wisafsluiting verhuisd',
        referralNote: 'Wisverwijzing nota',
        rejection: 'Wisweigering reden',
        referralPhone: '+32 473 12 34 56',
      };
      const created = await by('coach')
        .post('/participants', participantBody(person), 'erase-me-participant')
        .expect(201);
      const id = created.body.id as string;
      const patched = await as(t, a.auth('coach')).patch(
        `/participants/${id}`,
        { phone: values.newPhone, email: values.newEmail },
        { ifMatch: `"${created.body.version}"` },
      );
      expect(patched.status).toBe(200);
      const tr = await startTrajectory(t, a, id, 'coach', {
        startedAt: new Date(Date.now() - 40 * DAY).toISOString(),
      });
      await by('coach')
        .post(
          `/trajectories/${tr.id}/goals`,
          { lifeDomain: 'work', title: values.goal, targetDate: '2030-01-01' },
          'erase-me-goal',
        )
        .expect(201);
      await by('coach')
        .post(
          `/trajectories/${tr.id}/contacts`,
          {
            at: new Date(Date.now() - 2 * DAY).toISOString(),
            kind: 'office',
            durationMinutes: 20,
            summary: values.contact,
          },
          'erase-me-contact',
        )
        .expect(201);
      await by('coach')
        .post(`/trajectories/${tr.id}/transitions`, {
          to: 'afgesloten',
          at: new Date(Date.now() - DAY).toISOString(),
          outcome: 'no_result',
          note: values.closeNote,
        })
        .expect(200);
      // The same person, sent in by VDAB and rejected: never linked to the participant.
      const referral = await by('spocVdab')
        .post('/referrals', {
          direction: 'inbound',
          target: 'partnership',
          kind: 'other',
          targetOrganisationId: a.orgs.intro.id,
          person: {
            firstName: person.firstName,
            lastName: person.lastName,
            birthDate: person.birthDate,
            gender: 'female',
            insz,
            phone: values.referralPhone,
          },
          note: values.referralNote,
        })
        .expect(201);
      await by('coachIntro')
        .post(`/referrals/${referral.body.id}/transitions`, { to: 'rejected', reason: values.rejection })
        .expect(200);

      await as(t, a.auth('dpo')).post(`/participants/${id}/pseudonymise`).expect(200);
      // Not yet due: the rejected referral keeps its data until its retention ends...
      expect(await runReferralRetention(t.adminUrl, 24, { dryRun: true })).toEqual([]);
      // ...and 25 months after it closed it is erased.
      const later = new Date(Date.now() + 25 * 31 * DAY);
      const done = await runReferralRetention(t.adminUrl, 24, { now: later });
      expect(done).toEqual([
        expect.objectContaining({
          referralId: referral.body.id,
          partnershipId: a.id,
          state: 'rejected',
          result: 'erased',
        }),
      ]);
      expect(await runReferralRetention(t.adminUrl, 24, { now: later })).toEqual([]);
      const [kept] = await t.sql<Record<string, unknown>>('select * from referrals where id = $1', [
        referral.body.id,
      ]);
      expect(kept).toMatchObject({
        state: 'rejected',
        kind: 'other',
        person: null,
        person_insz_encrypted: null,
        note: null,
      });

      const tables = await t.sql<{ tablename: string }>(
        `select tablename from pg_tables where schemaname = 'public' and tablename <> 'audit_events' order by 1`,
      );
      expect(tables.length).toBeGreaterThan(20);
      const needles = Object.values(values)
        .filter((v): v is string => typeof v === 'string' && v !== person.birthDate)
        .flatMap((v) => [v.toLowerCase(), v.replace(/\D/g, '').length >= 9 ? v.replace(/\D/g, '') : ''])
        .filter((v) => v.length > 0);
      const found: string[] = [];
      for (const { tablename } of tables) {
        const rows = await t.sql<{ row: string }>(`select lower(x::text) as row from "${tablename}" x`);
        for (const { row } of rows) {
          const digits = row.replace(/\D/g, '');
          for (const needle of needles)
            if (row.includes(needle) || (/^\d+$/.test(needle) && digits.includes(needle)))
              found.push(`${tablename}: ${needle}`);
        }
      }
      expect([...new Set(found)]).toEqual([]);
    });
  });

  describe('time (run last: these move the clock)', () => {
    it('counts referral working days in Brussels calendar days: Friday 23:30 in Brussels, across summer time', async () => {
      // Fri 19 March 2027 23:30 CET. Ten working days (Easter Monday 29 March off) → Mon 5 April 23:30 CEST.
      t.clock.travel(Date.parse('2027-03-19T22:30:00Z') - t.clock.now().getTime());
      const res = await by('spocVdab')
        .post('/referrals', {
          direction: 'inbound',
          target: 'partnership',
          kind: 'other',
          targetOrganisationId: a.orgs.compaan.id,
          person: { firstName: 'Laat', lastName: 'Vrijdag', birthDate: '1990-01-01', gender: 'male' },
        })
        .expect(201);
      t.clock.reset();
      expect(String(res.body.dueAt).slice(0, 16)).toBe('2027-04-05T21:30');
    });

    it('does not honour an idempotency key after 24 hours, and purges expired keys of everyone', async () => {
      const key = 'expires-after-a-day';
      const first = await by('coach').post('/participants', participantBody(), key).expect(201);
      await by('coach2').post('/participants', participantBody(), 'coach2-old-key').expect(201);
      t.clock.travel(24 * 3600_000 + 60_000);
      try {
        const other = participantBody();
        const fresh = await by('coach').post('/participants', other, key).expect(201);
        expect(fresh.body.id).not.toBe(first.body.id);
        expect(fresh.body.lastName).toBe(other.lastName);
        expect(fresh.headers['idempotent-replayed']).toBeUndefined();
        // coach's write purged coach2's expired key too.
        expect(
          await count('idempotency_keys where staff_id = $1 and key = $2', [
            a.staff.coach2.id,
            'coach2-old-key',
          ]),
        ).toBe(0);
        expect(
          await count(
            `idempotency_keys where partnership_id = $1 and created_at < $2::timestamptz - interval '24 hours'`,
            [a.id, t.clock.now().toISOString()],
          ),
        ).toBe(0);
      } finally {
        t.clock.reset();
      }
    });

    it('purges expired keys in the retention run too, for a partnership where nobody wrote since', async () => {
      await by('coach', b).post('/participants', participantBody(), 'quiet-partnership-key').expect(201);
      const left = () => count('idempotency_keys where key = $1', ['quiet-partnership-key']);
      expect(await purgeExpiredIdempotencyKeys(t.adminUrl)).toBe(0);
      expect(await left()).toBe(1);
      const later = new Date(Date.now() + 24 * 3600_000 + 60_000);
      expect(await purgeExpiredIdempotencyKeys(t.adminUrl, { now: later })).toBeGreaterThanOrEqual(1);
      expect(await left()).toBe(0);
    });
  });
});

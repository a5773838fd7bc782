import { runReferralRetention } from '../../src/privacy/retention';

import { syntheticInsz } from '../factories/insz';
import type { TestPartnership } from '../factories/partnership.factory';
import { createParticipant, participantBody, startTrajectory } from '../factories/participant.factory';
import type { TestApp } from '../harness/test-app';

import { as } from '../support/api';
import { useAttacksWorld } from './attacks-world';
import { DAY } from '../support/time';

/**
 * Issue 12, items 4, 6, 7, 12 and 15 (the non-audit parts): each attack is performed and must fail.
 * The clock-moving tests run last and reset the clock.
 */

describe('replays, referrals, duplicates, NUL bytes and erasure', () => {
  let t: TestApp;
  let a: TestPartnership;
  const { by, count } = useAttacksWorld((world) => ({ t, a } = world));

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
});

import type { TestPartnership } from '../factories/partnership.factory';
import type { TestApp } from '../harness/test-app';
import { as } from '../support/api';
import { base, useContactsWorld } from './contacts-world';

describe('contact moments', () => {
  let t: TestApp;
  let a: TestPartnership;
  let b: TestPartnership;
  const { create, list, patch, setUp } = useContactsWorld((world) => ({ t, a, b } = world));

  describe('professional secrecy', () => {
    let participantId: string;
    let trajectoryId: string;
    let secret: { id: string; at: string };
    let openNote: { id: string };
    let coCoachNote: { id: string };

    beforeAll(async () => {
      const { p, tr } = await setUp('coachCaw');
      participantId = p.id;
      trajectoryId = tr.id;
      await as(t, a.auth('coachCaw'))
        .post(`/trajectories/${tr.id}/co-coaches`, { staffId: a.staff.coach.id })
        .expect(201);
      // Stad Gent holds a partnership-sharing grant, so only secrecy stands between its staff and the notes.
      await t.sql(
        `insert into access_grants (partnership_id, participant_id, organisation_id, scope, reason, valid_from)
         values ($1, $2, $3, 'full', 'consent_partnership', now() - interval '1 day')`,
        [a.id, p.id, a.orgs.stad.id],
      );
      secret = (
        await create(
          tr.id,
          {
            at: '2025-02-03T10:00:00Z',
            kind: 'office',
            durationMinutes: 50,
            summary: 'Gesprek over schulden en verslaving',
          },
          'coachCaw',
        ).expect(201)
      ).body;
      openNote = (
        await create(
          tr.id,
          {
            at: '2025-02-05T10:00:00Z',
            kind: 'accompanied_visit',
            durationMinutes: 90,
            summary: 'Samen naar het OCMW',
            confidential: false,
          },
          'coachCaw',
        ).expect(201)
      ).body;
      // A co-coach of another partner may write contacts too.
      coCoachNote = (
        await create(tr.id, {
          at: '2025-02-07T10:00:00Z',
          kind: 'phone',
          durationMinutes: 10,
          summary: 'Afspraak VDAB bevestigd',
        }).expect(201)
      ).body;
    });

    it('shows the confidential contact to its CAW author', async () => {
      const res = await list(trajectoryId, '', 'coachCaw').expect(200);
      expect(res.body.items.map((c: { id: string }) => c.id)).toEqual([
        coCoachNote.id,
        openNote.id,
        secret.id,
      ]);
      const one = await as(t, a.auth('coachCaw'))
        .get(`${base(trajectoryId)}/${secret.id}`)
        .expect(200);
      expect(one.body).toMatchObject({ summary: 'Gesprek over schulden en verslaving', confidential: true });
    });

    it.each(['coach', 'coordinator', 'dpo'] as const)(
      'hides it, content and count, from %s of another organisation',
      async (who) => {
        const res = await list(trajectoryId, '', who).expect(200);
        expect(res.body.items.map((c: { id: string }) => c.id)).toEqual([coCoachNote.id, openNote.id]);
        expect(res.body.intensity.totals).toEqual({ contacts: 2, minutes: 100 });
        expect(JSON.stringify(res.body)).not.toContain('verslaving');
        await as(t, a.auth(who))
          .get(`${base(trajectoryId)}/${secret.id}`)
          .expect(404);
      },
    );

    it('refuses an edit of it from outside CAW as not found, and keeps its revisions inside CAW', async () => {
      await patch(trajectoryId, secret.id, '"1"', { summary: 'x' }).expect(404);
      await patch(trajectoryId, openNote.id, '"1"', { summary: 'x' }).expect(403);
      await patch(trajectoryId, secret.id, '"1"', { durationMinutes: 55 }, 'coachCaw').expect(200);
      const revisions = await t.db.runAsStaff(
        { tenantId: a.id, staffId: a.staff.coach.id, requestId: 'test' },
        () =>
          t.db.manager.query(`select count(*)::int as n from contact_revisions where contact_id = $1`, [
            secret.id,
          ]),
      );
      expect(revisions).toEqual([{ n: 0 }]);
      expect(await t.sql(`select version from contact_revisions where contact_id = $1`, [secret.id])).toEqual(
        [{ version: 1 }],
      );
    });

    it('tells the DPO that it exists: date, author, organisation and kind, never the content', async () => {
      const res = await as(t, a.auth('dpo'))
        .get(`/participants/${participantId}/confidential-contacts`)
        .expect(200);
      expect(res.body).toEqual({
        participantId,
        total: 1,
        items: [
          {
            id: secret.id,
            at: '2025-02-03T10:00:00.000Z',
            authorId: a.staff.coachCaw.id,
            authorOrganisationId: a.orgs.caw.id,
            kind: 'office',
          },
        ],
      });
      const audit = await t.sql(
        `select actor_id, reason from audit_events where participant_id = $1 and resource_type = 'contact.confidential_index'`,
        [participantId],
      );
      expect(audit).toEqual([{ actor_id: a.staff.dpo.id, reason: 'dpo_oversight' }]);
    });

    it('keeps that index from everyone but the DPO of the same partnership', async () => {
      const url = `/participants/${participantId}/confidential-contacts`;
      await t.http().get(url).expect(401);
      await as(t, a.auth('coordinator')).get(url).expect(403);
      await as(t, a.auth('coachCaw')).get(url).expect(403);
      await as(t, b.auth('dpo')).get(url).expect(404);
      await as(t, a.auth('dpo'))
        .get(`/participants/00000000-0000-4000-8000-000000000000/confidential-contacts`)
        .expect(404);
    });

    it('has the SQL function itself answer nothing without a tenant, to a non-DPO, or to another tenant', async () => {
      const ask = (tenantId: string, staffId: string) =>
        t.db.runAsStaff({ tenantId, staffId, requestId: 'test' }, () =>
          t.db.manager.query(`select id from app_confidential_contacts($1)`, [participantId]),
        );
      expect(await ask(a.id, a.staff.dpo.id)).toEqual([{ id: secret.id }]);
      expect(await ask(a.id, a.staff.coordinator.id)).toEqual([]);
      expect(await ask(a.id, a.staff.coach.id)).toEqual([]);
      expect(await ask(b.id, b.staff.dpo.id)).toEqual([]);
      expect(
        await t.db.runWithoutTenant((m) =>
          m.query(`select id from app_confidential_contacts($1)`, [participantId]),
        ),
      ).toEqual([]);
    });
  });
});

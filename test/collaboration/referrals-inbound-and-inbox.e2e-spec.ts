import { syntheticInsz } from '../factories/insz';
import { createParticipant } from '../factories/participant.factory';
import { createPartnership, TestPartnership } from '../factories/partnership.factory';
import type { TestApp } from '../harness/test-app';
import { giveConsent } from './helpers';
import { as } from '../support/api';
import { useReferralsWorld } from './referrals-world';
import { DAY } from '../support/time';

describe('referrals', () => {
  let t: TestApp;
  let a: TestPartnership;
  let b: TestPartnership;
  const { outbound, move } = useReferralsWorld((world) => ({ t, a, b } = world));

  describe('inbound referrals', () => {
    const person = (overrides: Record<string, unknown> = {}) => ({
      firstName: 'Inkomend',
      lastName: `Persoon${Math.random().toString(36).slice(2, 7)}`,
      birthDate: '1992-04-11',
      gender: 'male',
      phone: '+32 470 11 22 33',
      ...overrides,
    });
    const inbound = (
      body: Record<string, unknown>,
      who: Parameters<TestPartnership['auth']>[0] = 'spocVdab',
    ) =>
      as(t, a.auth(who)).post('/referrals', {
        direction: 'inbound',
        target: 'partnership',
        kind: 'intake_check',
        targetOrganisationId: a.orgs.compaan.id,
        ...body,
      });

    it('shows the person to the two sides only; accepting creates the participant and a trajectory owned by the accepting organisation', async () => {
      const insz = syntheticInsz('1992-04-11', 411);
      const created = await inbound({ person: person({ insz }) }).expect(201);
      expect(created.body).toMatchObject({
        direction: 'inbound',
        state: 'submitted',
        participantId: null,
        senderOrganisationId: a.orgs.vdab.id,
        targetOrganisationId: a.orgs.compaan.id,
        assignedSpocId: a.staff.spocVdab.id,
        person: { firstName: 'Inkomend', birthDate: '1992-04-11', insz },
      });
      const id = created.body.id;
      const stored = await t.sql<{ person: Record<string, unknown>; person_insz_encrypted: string }>(
        'select person, person_insz_encrypted from referrals where id = $1',
        [id],
      );
      expect(stored[0].person).not.toHaveProperty('insz');
      expect(stored[0].person_insz_encrypted).not.toContain(insz);

      const target = await as(t, a.auth('coach2')).get(`/referrals/${id}`).expect(200);
      expect(target.body.person).toMatchObject({ firstName: 'Inkomend', insz });
      expect(target.body.allowedTransitions).toEqual(['accepted', 'rejected']);
      await as(t, a.auth('coachIntro')).get(`/referrals/${id}`).expect(404);
      await as(t, a.auth('spocOcmw')).get(`/referrals/${id}`).expect(404);
      const introList = await as(t, a.auth('coachIntro')).get('/referrals').expect(200);
      expect(introList.body.items.map((x: { id: string }) => x.id)).not.toContain(id);
      // RLS, not only the service: a raw query as another organisation sees no row.
      const raw = await t.db.runAsStaff(
        { tenantId: a.id, staffId: a.staff.coachIntro.id, requestId: 'rls-check' },
        () => t.db.manager.query('select count(*)::int as n from referrals where id = $1', [id]),
      );
      expect(raw[0].n).toBe(0);

      const accepted = await move(id, 'coach', { to: 'accepted' }).expect(200);
      expect(accepted.body.state).toBe('accepted');
      expect(accepted.body).not.toHaveProperty('person');
      const participantId = accepted.body.participantId as string;
      expect(participantId).toEqual(expect.any(String));
      const participant = await as(t, a.auth('coach')).get(`/participants/${participantId}`).expect(200);
      expect(participant.body).toMatchObject({
        scope: 'full',
        firstName: 'Inkomend',
        insz,
        ownerOrganisationId: a.orgs.compaan.id,
        referralChannel: 'vdab',
        referrer: 'VDAB',
        status: 'aanmelding',
        currentTrajectoryId: accepted.body.trajectoryId,
        caseManagerId: a.staff.coach.id,
      });
      const after = await t.sql('select person, person_insz_encrypted from referrals where id = $1', [id]);
      expect(after[0]).toEqual({ person: null, person_insz_encrypted: null });

      // The sending VDAB SPOC follows the person at referral scope, no more.
      const fromVdab = await as(t, a.auth('spocVdab')).get(`/participants/${participantId}`).expect(200);
      expect(fromVdab.body.scope).toBe('referral');
      expect(fromVdab.body).not.toHaveProperty('birthDate');
      expect(fromVdab.body).not.toHaveProperty('entryProfile');
      expect(fromVdab.body.labourStatus).toBeNull();
      await as(t, a.auth('coachIntro')).get(`/participants/${participantId}`).expect(404);
    });

    it('applies the duplicate check on acceptance and leaves the referral untouched when it fails', async () => {
      const insz = syntheticInsz('1987-01-20', 120);
      await createParticipant(t, a, 'coachIntro', { birthDate: '1987-01-20', insz });
      const r = await inbound({ person: person({ birthDate: '1987-01-20', insz }) }).expect(201);
      const dup = await move(r.body.id, 'coach', { to: 'accepted' }).expect(409);
      expect(dup.body).toMatchObject({ code: 'PARTICIPANT_DUPLICATE', contactOrganisation: 'Groep INTRO' });
      const still = await as(t, a.auth('coach')).get(`/referrals/${r.body.id}`).expect(200);
      expect(still.body).toMatchObject({ state: 'submitted', participantId: null });

      const same = await createParticipant(t, a, 'coachIntro', {
        firstName: 'Naam',
        lastName: 'Gelijk',
        birthDate: '1970-02-02',
      });
      const r2 = await inbound({
        person: person({ firstName: 'Naam', lastName: 'Gelijk', birthDate: '1970-02-02' }),
      }).expect(201);
      const possible = await move(r2.body.id, 'coach', { to: 'accepted' }).expect(409);
      expect(possible.body.code).toBe('PARTICIPANT_POSSIBLE_DUPLICATE');
      const ok = await move(r2.body.id, 'coach', { to: 'accepted', confirmedNotDuplicate: true }).expect(200);
      expect(ok.body.participantId).not.toBe(same.id);
    });

    it('refuses a bad person, an inbound from a partner, and a wrong target', async () => {
      const badInsz = await inbound({ person: person({ insz: '12345678901' }) }).expect(400);
      expect(badInsz.body.code).toBe('INSZ_INVALID');
      const badPerson = await inbound({ person: person({ gender: 'x', birthDate: '1992-13-01' }) }).expect(
        400,
      );
      expect(badPerson.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
        'person.birthDate',
        'person.gender',
      ]);
      const fromPartner = await inbound({ person: person() }, 'coach').expect(403);
      expect(fromPartner.body.code).toBe('REFERRAL_SENDER_NOT_ALLOWED');
      const toVdab = await inbound({ person: person(), targetOrganisationId: a.orgs.vdab.id }).expect(400);
      expect(toVdab.body.code).toBe('REFERRAL_TARGET_ORGANISATION_INVALID');
      const noTarget = await inbound({ person: person(), targetOrganisationId: undefined }).expect(400);
      expect(noTarget.body.code).toBe('REFERRAL_TARGET_ORGANISATION_INVALID');
      const otherTenant = await inbound({ person: person(), targetOrganisationId: b.orgs.compaan.id }).expect(
        400,
      );
      expect(otherTenant.body.code).toBe('REFERRAL_TARGET_ORGANISATION_INVALID');
      const both = await inbound({ person: person(), participantId: a.staff.coach.id }).expect(400);
      expect(both.body.code).toBe('REFERRAL_SUBJECT_INVALID');
    });
  });

  describe('GET /referrals and the SPOC inbox', () => {
    it('lists open referrals first by due date, then closed ones, and counts per state and overdue over the whole inbox', async () => {
      const c = await createPartnership(t, 'C');
      const refer = async (dueInDays: number, assign = true) => {
        const p = await createParticipant(t, c);
        await giveConsent(t, c, p.id, 'vdab_exchange');
        const res = await as(t, c.auth('coach')).post('/referrals', {
          direction: 'outbound',
          target: 'vdab',
          kind: 'indicering',
          participantId: p.id,
          dueAt: new Date(Date.now() + dueInDays * DAY).toISOString(),
          ...(assign ? { assignedSpocId: c.staff.spocVdab.id } : {}),
        });
        expect(res.status).toBe(201);
        return res.body.id as string;
      };
      const late = await refer(1);
      const soon = await refer(3);
      const later = await refer(20);
      const unassigned = await refer(2, false);
      await as(t, c.auth('spocVdab')).post(`/referrals/${later}/transitions`, { to: 'accepted' }).expect(200);
      const rejected = await refer(4);
      await as(t, c.auth('spocVdab'))
        .post(`/referrals/${rejected}/transitions`, {
          to: 'rejected',
          reason: 'Niet van toepassing',
        })
        .expect(200);
      const rejectedLater = await refer(10);
      await as(t, c.auth('spocVdab'))
        .post(`/referrals/${rejectedLater}/transitions`, {
          to: 'rejected',
          reason: 'Al in traject bij VDAB',
        })
        .expect(200);

      t.clock.travel(2 * DAY);
      const mine = await as(t, c.auth('spocVdab')).get('/referrals?inbox=mine').expect(200);
      expect(mine.body.items.map((x: { id: string }) => x.id)).toEqual([
        late,
        soon,
        later,
        rejectedLater,
        rejected,
      ]);
      expect(mine.body.counts).toEqual({
        submitted: 2,
        accepted: 1,
        rejected: 2,
        in_progress: 0,
        completed: 0,
        cancelled: 0,
      });
      expect(mine.body.overdueCount).toBe(1);
      expect(mine.body.items[0].overdue).toBe(true);
      expect(mine.body.total).toBe(5);

      const overdue = await as(t, c.auth('spocVdab')).get('/referrals?inbox=mine&overdue=true').expect(200);
      expect(overdue.body.items.map((x: { id: string }) => x.id)).toEqual([late]);
      expect(overdue.body.counts.submitted).toBe(2);
      const submitted = await as(t, c.auth('spocVdab'))
        .get('/referrals?inbox=mine&state=submitted')
        .expect(200);
      expect(submitted.body.items.map((x: { id: string }) => x.id)).toEqual([late, soon]);

      // The team inbox holds what is assigned to the team; the organisation inbox also the unassigned one.
      const team = await as(t, c.auth('spocVdab')).get('/referrals?inbox=team').expect(200);
      expect(team.body.total).toBe(5);
      const org = await as(t, c.auth('spocVdab')).get('/referrals?inbox=organisation').expect(200);
      expect(org.body.items.map((x: { id: string }) => x.id)).toEqual([
        late,
        unassigned,
        soon,
        later,
        rejectedLater,
        rejected,
      ]);
      expect(org.body.overdueCount).toBe(2);
      const paged = await as(t, c.auth('spocVdab'))
        .get('/referrals?inbox=organisation&limit=2&page=2')
        .expect(200);
      expect(paged.body.items.map((x: { id: string }) => x.id)).toEqual([soon, later]);

      const ocmw = await as(t, c.auth('spocOcmw')).get('/referrals?inbox=organisation').expect(200);
      expect(ocmw.body).toMatchObject({ total: 0, overdueCount: 0 });
      const coachMine = await as(t, c.auth('coach')).get('/referrals?inbox=mine').expect(200);
      expect(coachMine.body.total).toBe(0);
    });

    it('rejects bad filters with 400 and answers 401/403, and other partnerships see nothing', async () => {
      await as(t, a.auth('spocVdab')).get('/referrals?inbox=everyone').expect(400);
      await as(t, a.auth('spocVdab')).get('/referrals?state=open').expect(400);
      await as(t, a.auth('spocVdab')).get('/referrals?overdue=maybe').expect(400);
      await t.http().get('/referrals').expect(401);
      await as(t, a.auth('admin')).get('/referrals').expect(403);
      await as(t, a.auth('expertise')).get('/referrals').expect(403);
      const p = await createParticipant(t, a);
      await giveConsent(t, a, p.id, 'vdab_exchange');
      const r = (await outbound(p.id).expect(201)).body;
      await as(t, b.auth('spocVdab')).get(`/referrals/${r.id}`).expect(404);
      const other = await as(t, b.auth('spocVdab')).get('/referrals').expect(200);
      expect(other.body.total).toBe(0);
    });
  });
});

import { ParticipantsService } from '../../src/participants/participants.service';
import { CreateParticipantDto } from '../../src/participants/dto/participant-input.dto';
import { ConsentsService } from '../../src/privacy/consents.service';
import { CreateConsentDto } from '../../src/privacy/dto/consent.dto';
import { participantBody } from '../factories/participant.factory';
import { createPartnership, TestPartnership } from '../factories/partnership.factory';
import { createMediumContext, MediumContext } from '../harness/medium-context';

describe('withdrawing consent to share with the partnership (services on the database, no HTTP)', () => {
  let m: MediumContext;
  let a: TestPartnership;
  let participants: ParticipantsService;
  let consents: ConsentsService;

  beforeAll(async () => {
    m = await createMediumContext();
    a = await createPartnership(m);
    participants = m.get(ParticipantsService);
    consents = m.get(ConsentsService);
  });
  afterAll(() => m.close());

  const sharing = (): CreateConsentDto =>
    ({
      scope: 'partnership_sharing',
      basis: 'consent',
      givenAt: new Date(Date.now() - 3600_000).toISOString(),
      evidence: 'Toestemmingsformulier, getekend',
    }) as CreateConsentDto;

  const grants = (participantId: string) =>
    m.sql<{ organisation_id: string; scope: string; ended: boolean }>(
      `select organisation_id, scope, ended_at is not null as ended from access_grants
        where participant_id = $1 and reason = 'consent_partnership'`,
      [participantId],
    );

  it('ends every grant that rested on the consent, so the other organisations lose the participant at once', async () => {
    const person = await m.as(a.staff.coach, () =>
      participants.create(participantBody() as unknown as CreateParticipantDto),
    );
    await expect(m.as(a.staff.coachCaw, () => participants.get(person.id))).rejects.toMatchObject({
      status: 404,
    });

    const consent = await m.as(a.staff.coach, () => consents.record(person.id, sharing()));
    // Every organisation but the owner (Compaan) sees the summary: five of the six.
    const given = await grants(person.id);
    expect(given).toHaveLength(5);
    expect(given.every((g) => g.scope === 'summary' && !g.ended)).toBe(true);
    expect(given.map((g) => g.organisation_id)).not.toContain(a.orgs.compaan.id);
    const seen = await m.as(a.staff.coachCaw, () => participants.get(person.id));
    expect(seen.scope).toBe('summary');

    const withdrawn = await m.as(a.staff.coach, () => consents.withdraw(person.id, consent.id));
    expect(withdrawn).toMatchObject({ id: consent.id, active: false, withdrawnBy: a.staff.coach.id });
    expect((await grants(person.id)).map((g) => g.ended)).toEqual([true, true, true, true, true]);
    await expect(m.as(a.staff.coachCaw, () => participants.get(person.id))).rejects.toMatchObject({
      status: 404,
    });
    // The owner keeps the file: the withdrawal ends sharing, not the case.
    expect((await m.as(a.staff.coach, () => participants.get(person.id))).scope).toBe('full');

    const audit = await m.sql<{ details: { grantsEnded: number } }>(
      `select details from audit_events where resource_id = $1 and action = 'revoke' and reason = 'consent_withdrawn'`,
      [consent.id],
    );
    expect(audit).toEqual([{ details: expect.objectContaining({ grantsEnded: 5 }) }]);
  });

  it('refuses to withdraw the same consent twice and changes nothing the second time', async () => {
    const person = await m.as(a.staff.coach, () =>
      participants.create(participantBody() as unknown as CreateParticipantDto),
    );
    const consent = await m.as(a.staff.coach, () => consents.record(person.id, sharing()));
    await m.as(a.staff.coach, () => consents.withdraw(person.id, consent.id));
    await expect(m.as(a.staff.coach, () => consents.withdraw(person.id, consent.id))).rejects.toMatchObject({
      status: 409,
    });
  });
});

import { createPartnership, TestPartnership } from '../factories/partnership.factory';
import { createParticipant, startTrajectory } from '../factories/participant.factory';
import { createTestApp, TestApp } from '../harness/test-app';
import { as } from '../support/api';

describe('pseudonymisation and case meetings', () => {
  let t: TestApp;
  let a: TestPartnership;

  beforeAll(async () => {
    t = await createTestApp();
    a = await createPartnership(t, 'A');
  });
  afterAll(() => t.close());

  it("blanks what a case meeting said about the person, and leaves another participant's item alone", async () => {
    const post = (url: string, body: Record<string, unknown>, code = 201) =>
      as(t, a.auth('coach')).post(url, body).expect(code);
    const soon = new Date(Date.now() + 3600_000).toISOString();
    // Presence is recorded at or after the meeting: it took place an hour ago.
    const meeting = await post('/case-meetings', {
      teamId: a.teams[0].id,
      scheduledAt: new Date(Date.now() - 3600_000).toISOString(),
      location: 'Rabot',
      attendeeIds: [a.staff.coach.id],
    });
    const ids: string[] = [];
    for (const name of ['Gone', 'Stays']) {
      const p = await createParticipant(t, a, 'coach', { firstName: name });
      const tr = await startTrajectory(t, a, p.id);
      await post(`/case-meetings/${meeting.body.id}/items`, {
        trajectoryId: tr.id,
        participantPresent: true,
        summary: `Schulden besproken met ${name}`,
        decisions: 'Budgetbegeleiding',
        actions: [{ description: `Afspraak OCMW voor ${name}`, ownerStaffId: a.staff.coach.id, dueAt: soon }],
      });
      await post(
        `/trajectories/${tr.id}/transitions`,
        { to: 'afgesloten', at: new Date().toISOString(), outcome: 'no_result' },
        200,
      );
      ids.push(p.id);
    }
    await as(t, a.auth('dpo')).post(`/participants/${ids[0]}/pseudonymise`).expect(200);
    const items = await t.sql<{
      participant_id: string;
      summary: string | null;
      decisions: string | null;
      description: string;
    }>(
      `select i.participant_id, i.summary, i.decisions, a.description
         from case_meeting_items i join case_meeting_actions a on a.item_id = i.id order by i.created_at`,
    );
    expect(items).toEqual([
      {
        participant_id: ids[0],
        summary: null,
        decisions: null,
        description: '(removed by pseudonymisation)',
      },
      {
        participant_id: ids[1],
        summary: 'Schulden besproken met Stays',
        decisions: 'Budgetbegeleiding',
        description: 'Afspraak OCMW voor Stays',
      },
    ]);
  });
});

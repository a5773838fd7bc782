import { randomUUID } from 'node:crypto';
import { giveConsent } from '../collaboration/helpers';
import { createParticipant, startTrajectory } from '../factories/participant.factory';
import type { TestPartnership } from '../factories/partnership.factory';
import type { TestApp } from '../harness/test-app';
import { thisQuarter, useLearningWorld } from './learning-world';

/** Issue 16, items 10-12: personas, signals of structural barriers, and value questions. */

describe('learning as a partnership', () => {
  let t: TestApp;
  let a: TestPartnership;
  const { A, B } = useLearningWorld((world) => ({ t, a } = world));
  let serial = 0;

  describe('value questions', () => {
    const meetingWithItem = async (firstName = 'Yasmina', lastName = `Waardevraag${++serial}`) => {
      const person = await createParticipant(t, a, 'coach', { firstName, lastName });
      const tr = await startTrajectory(t, a, person.id);
      await giveConsent(t, a, person.id, 'case_meeting');
      const meeting = await A.post('/case-meetings', 'coach', {
        teamId: a.teams[0].id,
        scheduledAt: new Date(Date.now() + 3600_000).toISOString(),
        location: 'Rabot, zaal 2',
        attendeeIds: [a.staff.spocVdab.id, a.staff.expertise.id],
      }).expect(201);
      const item = await A.post(`/case-meetings/${meeting.body.id}/items`, 'coach', {
        trajectoryId: tr.id,
        summary: 'Zoekt werk',
      }).expect(201);
      return { person, tr, meetingId: meeting.body.id as string, itemId: item.body.id as string };
    };
    const url = (x: { meetingId: string; itemId: string }) =>
      `/case-meetings/${x.meetingId}/items/${x.itemId}/value-question`;

    it('records and changes the value question and the waste of an agenda item; attendees read them', async () => {
      const x = await meetingWithItem();
      const first = await A.put(url(x), 'coach', {
        valueQuestion: 'Ik wil dat mijn kinderen zien dat ik werk.',
      }).expect(200);
      expect(first.body).toMatchObject({
        caseMeetingId: x.meetingId,
        itemId: x.itemId,
        trajectoryId: x.tr.id,
        participantId: x.person.id,
        valueQuestion: 'Ik wil dat mijn kinderen zien dat ik werk.',
        waste: null,
        recordedBy: a.staff.coach.id,
        version: 1,
      });
      const second = await A.put(url(x), 'coach', { waste: 'Drie keer hetzelfde formulier.' }).expect(200);
      expect(second.body).toMatchObject({
        id: first.body.id,
        valueQuestion: 'Ik wil dat mijn kinderen zien dat ik werk.',
        waste: 'Drie keer hetzelfde formulier.',
        version: 2,
      });
      const read = await A.get(url(x), 'spocVdab').expect(200);
      expect(read.body.waste).toBe('Drie keer hetzelfde formulier.');
    });

    it('refuses bad input with 400 and writes nothing', async () => {
      const x = await meetingWithItem();
      const empty = await A.put(url(x), 'coach', {}).expect(400);
      expect(empty.body.code).toBe('VALUE_QUESTION_EMPTY');
      await A.put(url(x), 'coach', { valueQuestion: '' }).expect(400);
      await A.put(url(x), 'coach', { waste: 'x'.repeat(2001) }).expect(400);
      await A.put(url(x), 'coach', { valueQuestion: 'ok', other: 1 }).expect(400);
      await A.put(`/case-meetings/${x.meetingId}/items/geen-uuid/value-question`, 'coach', {
        waste: 'x',
      }).expect(400);
      await A.put(`/case-meetings/${x.meetingId}/items/${randomUUID()}/value-question`, 'coach', {
        waste: 'x',
      }).expect(404);
      await A.get(url(x), 'coach').expect(404);
      expect(
        await t.sql('select id from case_meeting_value_questions where item_id = $1', [x.itemId]),
      ).toEqual([]);
    });

    it('follows the agenda item: another organisation without a grant and another partnership get 404, roles without the right 403', async () => {
      const x = await meetingWithItem();
      await A.put(url(x), 'coach', { valueQuestion: 'Zelf beslissen over mijn traject.' }).expect(200);
      await A.get(url(x), 'coachCaw').expect(404);
      await A.put(url(x), 'coachCaw', { waste: 'Overschreven' }).expect(404);
      await B.get(url(x), 'coach').expect(404);
      await B.put(url(x), 'coach', { waste: 'Overschreven' }).expect(404);
      await A.put(url(x), 'spocVdab', { waste: 'Overschreven' }).expect(403);
      await A.get(url(x), 'admin').expect(403);
      await t.http().get(url(x)).expect(401);
      const rows = await t.sql<{ waste: string | null }>(
        'select waste from case_meeting_value_questions where item_id = $1',
        [x.itemId],
      );
      expect(rows).toEqual([{ waste: null }]);
    });

    it("lists the quarter's value questions pseudonymously for the coordinator, with a new reference per report", async () => {
      const x = await meetingWithItem('Ilse', 'Pseudoniemtest');
      const y = await meetingWithItem();
      await A.put(url(x), 'coach', {
        valueQuestion: 'Ilse wil erkend worden als moeder die werkt.',
        waste: 'Pseudoniemtest moest drie keer haar verhaal doen.',
      }).expect(200);
      await A.put(url(y), 'coach', { waste: 'Wachten op een attest.' }).expect(200);
      const first = await A.get(`/reports/value-questions?${thisQuarter()}`, 'coordinator').expect(200);
      const body = JSON.stringify(first.body);
      for (const secret of [x.person.id, x.tr.id, x.itemId, x.meetingId, 'Pseudoniemtest', y.person.id])
        expect(body).not.toContain(secret);
      const items = first.body.items as {
        ref: string;
        valueQuestion: string | null;
        waste: string | null;
        team: string;
      }[];
      const mine = items.find((i) => i.valueQuestion === '[naam] wil erkend worden als moeder die werkt.')!;
      expect(mine).toEqual({
        ref: expect.stringMatching(/^p-[0-9a-f]{8}$/),
        meetingDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        team: 'Team Noord',
        valueQuestion: '[naam] wil erkend worden als moeder die werkt.',
        waste: '[naam] moest drie keer haar verhaal doen.',
      });
      expect(items.find((i) => i.waste === 'Wachten op een attest.')!.ref).not.toBe(mine.ref);
      const second = await A.get(`/reports/value-questions?${thisQuarter()}`, 'coordinator').expect(200);
      expect(second.body.items.map((i: { ref: string }) => i.ref)).not.toContain(mine.ref);
      expect(first.body.total).toBe(items.length);

      const other = await B.get(`/reports/value-questions?${thisQuarter()}`, 'coordinator').expect(200);
      expect(other.body).toMatchObject({ total: 0, items: [] });
      await A.get(`/reports/value-questions?${thisQuarter()}`, 'coach').expect(403);
      await A.get('/reports/value-questions?year=1999&quarter=1', 'coordinator').expect(400);
    });

    it('goes into the subject export, and pseudonymisation blanks it', async () => {
      const x = await meetingWithItem();
      await A.put(url(x), 'coach', { valueQuestion: 'Een eigen inkomen.', waste: 'Dubbele intake.' }).expect(
        200,
      );
      const exported = await A.get(`/participants/${x.person.id}/export`, 'coach').expect(200);
      expect(exported.body.valueQuestions).toEqual([
        expect.objectContaining({
          trajectoryId: x.tr.id,
          valueQuestion: 'Een eigen inkomen.',
          waste: 'Dubbele intake.',
          recordedByOrganisation: 'Compaan',
        }),
      ]);
      await A.post(`/trajectories/${x.tr.id}/transitions`, 'coach', {
        to: 'afgesloten',
        at: new Date().toISOString(),
        outcome: 'no_result',
      }).expect(200);
      await A.post(`/participants/${x.person.id}/pseudonymise`, 'dpo').expect(200);
      const rows = await t.sql(
        'select value_question, waste from case_meeting_value_questions where item_id = $1',
        [x.itemId],
      );
      expect(rows).toEqual([{ value_question: null, waste: null }]);
      const report = await A.get(`/reports/value-questions?${thisQuarter()}`, 'coordinator').expect(200);
      expect(JSON.stringify(report.body)).not.toContain('Dubbele intake.');
    });
  });
});

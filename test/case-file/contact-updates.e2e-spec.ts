import type { TestPartnership } from '../factories/partnership.factory';
import type { TestApp } from '../harness/test-app';
import { useContactsWorld, visit } from './contacts-world';
import { daysAgo } from '../support/time';

describe('contact moments', () => {
  let t: TestApp;
  let a: TestPartnership;
  const { create, patch, setUp } = useContactsWorld((world) => ({ t, a } = world));

  describe('PATCH', () => {
    it('lets only the author edit, and keeps every previous version as a revision', async () => {
      const { tr } = await setUp();
      const c = (await create(tr.id, { ...visit, durationMinutes: 30 }).expect(201)).body;

      const colleague = await patch(tr.id, c.id, '"1"', { summary: 'Aangepast' }, 'coach2').expect(403);
      expect(colleague.body.code).toBe('CONTACT_NOT_AUTHOR');
      await patch(tr.id, c.id, null, { summary: 'x' }).expect(428);

      const first = await patch(tr.id, c.id, '"1"', {
        durationMinutes: 45,
        summary: 'Huisbezoek, post en facturen',
      }).expect(200);
      expect(first.headers.etag).toBe('"2"');
      expect(first.body).toMatchObject({
        durationMinutes: 45,
        summary: 'Huisbezoek, post en facturen',
        version: 2,
      });
      await patch(tr.id, c.id, '"1"', { durationMinutes: 50 }).expect(412);
      await patch(tr.id, c.id, '"2"', { kind: 'accompanied_visit', at: '2025-01-11T09:00:00Z' }).expect(200);

      const revisions = await t.sql<{
        version: number;
        snapshot: Record<string, unknown>;
        edited_by: string;
      }>(
        `select version, snapshot, edited_by from contact_revisions where contact_id = $1 order by version`,
        [c.id],
      );
      expect(revisions).toEqual([
        {
          version: 1,
          edited_by: a.staff.coach.id,
          snapshot: expect.objectContaining({
            at: '2025-01-10T09:00:00.000Z',
            kind: 'home_visit',
            durationMinutes: 30,
            summary: 'Huisbezoek, post doorgenomen',
            confidential: false,
          }),
        },
        {
          version: 2,
          edited_by: a.staff.coach.id,
          snapshot: expect.objectContaining({
            kind: 'home_visit',
            durationMinutes: 45,
            summary: 'Huisbezoek, post en facturen',
          }),
        },
      ]);
      const stored = await t.sql(`select kind, at, duration_minutes, version from contacts where id = $1`, [
        c.id,
      ]);
      expect(stored).toEqual([
        { kind: 'accompanied_visit', at: new Date('2025-01-11T09:00:00Z'), duration_minutes: 45, version: 3 },
      ]);
      const audit = await t.sql<{ details: { fields: string[] } }>(
        `select details from audit_events where resource_id = $1 and action = 'update' order by id`,
        [c.id],
      );
      expect(audit.map((e) => e.details.fields)).toEqual([
        ['durationMinutes', 'summary'],
        ['at', 'kind'],
      ]);
      expect(JSON.stringify(audit)).not.toContain('facturen');
    });

    it('lets exactly one of two edits of the same version through, with one revision', async () => {
      const { tr } = await setUp();
      const c = (await create(tr.id, visit).expect(201)).body;
      const results = await Promise.all([
        patch(tr.id, c.id, '"1"', { durationMinutes: 20 }),
        patch(tr.id, c.id, '"1"', { durationMinutes: 25 }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
      expect(await t.sql(`select version from contact_revisions where contact_id = $1`, [c.id])).toEqual([
        { version: 1 },
      ]);
    });

    it('rejects a bad edit with 400 and stores no revision', async () => {
      const { tr } = await setUp();
      const c = (await create(tr.id, visit).expect(201)).body;
      await patch(tr.id, c.id, '"1"', { durationMinutes: 601 }).expect(400);
      await patch(tr.id, c.id, '"1"', { durationMinutes: 0 }).expect(400);
      await patch(tr.id, c.id, '"1"', { kind: null }).expect(400);
      await patch(tr.id, c.id, '"1"', { kind: 'coffee' }).expect(400);
      expect((await patch(tr.id, c.id, '"1"', { at: daysAgo(-1) }).expect(400)).body.code).toBe(
        'DATE_IN_FUTURE',
      );
      const rows = await t.sql(`select duration_minutes, kind, version from contacts where id = $1`, [c.id]);
      expect(rows).toEqual([{ duration_minutes: 60, kind: 'home_visit', version: 1 }]);
      expect(await t.sql(`select 1 from contact_revisions where contact_id = $1`, [c.id])).toEqual([]);
    });
  });
});

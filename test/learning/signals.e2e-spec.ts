import { createParticipant } from '../factories/participant.factory';
import type { StaffKey, TestPartnership } from '../factories/partnership.factory';
import type { TestApp } from '../harness/test-app';
import { thisQuarter, useLearningWorld } from './learning-world';

/** Issue 16, items 10-12: personas, signals of structural barriers, and value questions. */

describe('learning as a partnership', () => {
  let t: TestApp;
  let a: TestPartnership;
  const { A, B } = useLearningWorld((world) => ({ t, a } = world));

  describe('signals', () => {
    const count = async () =>
      (
        await t.sql<{ n: number }>('select count(*)::int as n from signals where partnership_id = $1', [a.id])
      )[0].n;
    const stored = async (id: string) =>
      (await t.sql<{ text: string }>('select text from signals where id = $1', [id]))[0].text;

    it('records a signal for the coordinator and never echoes its text', async () => {
      const res = await A.post('/signals', 'coach', {
        category: 'housing',
        text: 'Wie een leefloon krijgt, vindt in Rabot geen huurwoning onder 700 euro.',
      }).expect(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        category: 'housing',
        recordedAt: expect.any(String),
      });
      expect(await stored(res.body.id)).toBe(
        'Wie een leefloon krijgt, vindt in Rabot geen huurwoning onder 700 euro.',
      );
    });

    it('refuses an INSZ, with or without separators, with 400 and writes nothing', async () => {
      const before = await count();
      for (const text of [
        'Dossier 85073003328 wacht op de huisvestingsmaatschappij',
        'Zie 85.07.30-033.28, wachtlijst',
      ]) {
        const res = await A.post('/signals', 'coach', { category: 'housing', text }).expect(400);
        expect(res.body).toMatchObject({
          code: 'SIGNAL_PERSONAL_DATA',
          errors: [{ field: 'text', code: 'INSZ' }],
        });
      }
      // A number that fails the check is no INSZ.
      await A.post('/signals', 'coach', {
        category: 'debt',
        text: 'Schuld van 85073003329 cent, fictief voorbeeld',
      }).expect(201);
      expect(await count()).toBe(before + 1);
    });

    it('refuses the name of a participant the coach can see, in either order and case, with 400', async () => {
      const person = await createParticipant(t, a, 'coach', {
        firstName: 'Mirela',
        lastName: 'Vanhoutte-Çelik',
      });
      const before = await count();
      for (const text of [
        'Mirela Vanhoutte-Çelik vindt geen kinderopvang',
        'VANHOUTTE-CELIK mirela: geen opvang',
      ]) {
        const res = await A.post('/signals', 'coach', { category: 'childcare', text }).expect(400);
        expect(res.body).toMatchObject({
          code: 'SIGNAL_PERSONAL_DATA',
          errors: [{ field: 'text', code: 'PARTICIPANT_NAME' }],
        });
      }
      expect(await count()).toBe(before);
      expect(person.id).toBeDefined();
    });

    it('does not reveal that a name it cannot see is known: accepted as usual, stored with the name replaced', async () => {
      // A CAW client (professional secrecy): the Compaan coach holds no grant on this person.
      const secret = await createParticipant(t, a, 'coachCaw', { firstName: 'Okke', lastName: 'Geheimhout' });
      await A.get(`/participants/${secret.id}`, 'coach').expect(404);
      const known = await A.post('/signals', 'coach', {
        category: 'regulation',
        text: 'Okke Geheimhout en anderen wachten 9 maanden op een beslissing van de dienst.',
      }).expect(201);
      const unknown = await A.post('/signals', 'coach', {
        category: 'regulation',
        text: 'Pieter Nergensbekend en anderen wachten 9 maanden op een beslissing van de dienst.',
      }).expect(201);
      expect(Object.keys(known.body).sort()).toEqual(Object.keys(unknown.body).sort());
      expect(await stored(known.body.id)).toBe(
        '[naam] en anderen wachten 9 maanden op een beslissing van de dienst.',
      );
      expect(await stored(unknown.body.id)).toBe(
        'Pieter Nergensbekend en anderen wachten 9 maanden op een beslissing van de dienst.',
      );
      // Another partnership's participant of that name is no concern of partnership B's check.
      const res = await B.post('/signals', 'coach', {
        category: 'regulation',
        text: 'Okke Geheimhout is ook de naam van een fictief personage.',
      }).expect(201);
      expect(await stored(res.body.id)).toBe('Okke Geheimhout is ook de naam van een fictief personage.');
    });

    it('refuses bad input with 400', async () => {
      const bad = await A.post('/signals', 'coach', { category: 'weather', text: 'kort' }).expect(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['category', 'text']);
      await A.post('/signals', 'coach', { category: 'debt', text: 'x'.repeat(2001) }).expect(400);
      await A.post('/signals', 'coach', {
        category: 'debt',
        text: 'Geldige tekst maar met extra',
        extra: 1,
      }).expect(400);
    });

    it('answers 401 and 403 to callers without the right', async () => {
      await t.http().post('/signals').send({}).expect(401);
      for (const who of ['coordinator', 'spocVdab', 'expertise', 'dpo'] as StaffKey[])
        await A.post('/signals', who, {
          category: 'debt',
          text: 'Schuldbemiddeling heeft een wachtlijst.',
        }).expect(403);
      await A.get(`/reports/signals?${thisQuarter()}`, 'coach').expect(403);
    });

    it("gives the coordinator the quarter's counts per category and texts, and another partnership none of them", async () => {
      await A.post('/signals', 'coach', {
        category: 'mobility',
        text: 'Geen bus naar de haven voor de vroege shift.',
      }).expect(201);
      await A.post('/signals', 'coachIntro', {
        category: 'mobility',
        text: 'Fietsherstel te duur voor wie een leefloon krijgt.',
      }).expect(201);
      await A.post('/signals', 'coach', {
        category: 'language',
        text: 'NT2-lessen vol tot september.',
      }).expect(201);
      // Recorded 100 days ago by the injected clock: another quarter.
      t.clock.travel(-100 * 86400_000);
      await A.post('/signals', 'coach', {
        category: 'mobility',
        text: 'Een signaal uit een vorig kwartaal.',
      }).expect(201);
      t.clock.reset();
      const res = await A.get(`/reports/signals?${thisQuarter()}`, 'coordinator').expect(200);
      const fromDb = await t.sql<{ category: string; n: number }>(
        `select category, count(*)::int as n from signals where partnership_id = $1
            and created_at >= ($2::date::timestamp at time zone 'Europe/Brussels') group by category`,
        [a.id, res.body.period.from],
      );
      for (const { category, n } of fromDb) expect(res.body.byCategory[category]).toBe(n);
      expect(res.body.byCategory.mobility).toBe(2);
      expect(res.body.byCategory.language).toBeGreaterThanOrEqual(1);
      expect(res.body.total).toBe(res.body.items.length);
      const texts = res.body.items.map((i: { text: string }) => i.text);
      expect(texts).toContain('Fietsherstel te duur voor wie een leefloon krijgt.');
      expect(texts).not.toContain('Een signaal uit een vorig kwartaal.');
      expect(
        res.body.items.find((i: { text: string }) => i.text.startsWith('Fietsherstel')).organisation,
      ).toBe('Groep INTRO');
      const other = await B.get(`/reports/signals?${thisQuarter()}`, 'coordinator').expect(200);
      expect(JSON.stringify(other.body)).not.toContain('Fietsherstel');
      await A.get('/reports/signals?year=2026&quarter=5', 'coordinator').expect(400);
      await A.get('/reports/signals', 'coordinator').expect(400);
    });
  });
});

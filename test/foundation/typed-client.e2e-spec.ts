import { randomUUID } from 'node:crypto';
import { createJobteamClient, JobteamClient } from '../../client/src';
import {
  createPartnership,
  StaffKey,
  TEST_PASSWORD,
  TestPartnership,
} from '../factories/partnership.factory';
import { createParticipant, startTrajectory } from '../factories/participant.factory';
import { createTestApp, TestApp } from '../harness/test-app';

/**
 * The typed client (client/, generated from openapi.json) against the listening test server: if the
 * server stops answering what the contract says, these calls fail to type-check or to pass.
 */
describe('typed client (client/) against the running API', () => {
  let t: TestApp;
  let a: TestPartnership;
  let b: TestPartnership;
  let baseUrl: string;

  beforeAll(async () => {
    t = await createTestApp();
    a = await createPartnership(t, 'A');
    b = await createPartnership(t, 'B');
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = await t.app.getUrl();
  });
  afterAll(() => t.close());

  async function logIn(p: TestPartnership, key: StaffKey): Promise<JobteamClient> {
    const { data, error, response } = await createJobteamClient(baseUrl).POST('/auth/login', {
      body: { email: p.staff[key].email, password: TEST_PASSWORD },
    });
    expect({ status: response.status, error }).toEqual({ status: 200, error: undefined });
    expect(data!.tokenType).toBe('Bearer');
    return createJobteamClient(baseUrl, data!.accessToken);
  }

  it('logs in, lists participants, writes a contact moment and reads it back', async () => {
    const person = await createParticipant(t, a, 'coach');
    const trajectory = await startTrajectory(t, a, person.id, 'coach', { startedAt: '2024-12-01T09:00:00Z' });
    const api = await logIn(a, 'coach');

    const list = await api.GET('/participants', {
      params: { query: { q: String(person.lastName), limit: 10 } },
    });
    expect(list.response.status).toBe(200);
    expect(list.data!.items.map((p) => p.id)).toContain(person.id);
    expect(list.data!.items.find((p) => p.id === person.id)!.lastName).toBe(person.lastName);

    const created = await api.POST('/trajectories/{id}/contacts', {
      params: { path: { id: trajectory.id } },
      body: { at: '2025-01-10T09:00:00Z', kind: 'home_visit', durationMinutes: 45, summary: 'Huisbezoek' },
    });
    expect(created.response.status).toBe(201);
    expect(created.data).toEqual(
      expect.objectContaining({
        trajectoryId: trajectory.id,
        participantId: person.id,
        kind: 'home_visit',
        durationMinutes: 45,
        summary: 'Huisbezoek',
        at: '2025-01-10T09:00:00.000Z',
      }),
    );

    const read = await api.GET('/trajectories/{id}/contacts/{contactId}', {
      params: { path: { id: trajectory.id, contactId: created.data!.id } },
    });
    expect(read.data).toEqual(created.data);

    const page = await api.GET('/trajectories/{id}/contacts', { params: { path: { id: trajectory.id } } });
    expect(page.data!.items.map((c) => c.id)).toEqual([created.data!.id]);
    expect(page.data!.intensity.totals).toEqual({ contacts: 1, minutes: 45 });
  });

  it('types the problem body of an error: bad input is a 400 with field errors and nothing is written', async () => {
    const person = await createParticipant(t, a, 'coach');
    const trajectory = await startTrajectory(t, a, person.id, 'coach', { startedAt: '2024-12-01T09:00:00Z' });
    const api = await logIn(a, 'coach');
    const res = await api.POST('/trajectories/{id}/contacts', {
      params: { path: { id: trajectory.id } },
      body: { at: '2025-01-10T09:00:00Z', kind: 'séance' as 'home_visit', durationMinutes: -5 },
    });
    expect(res.response.status).toBe(400);
    expect(res.response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.error).toEqual(expect.objectContaining({ status: 400, code: 'VALIDATION_FAILED' }));
    expect(res.error!.errors.map((e) => (e as { field?: string }).field).sort()).toEqual([
      'durationMinutes',
      'kind',
    ]);
    const [{ n }] = await t.sql<{ n: number }>(
      'select count(*)::int as n from contacts where trajectory_id = $1',
      [trajectory.id],
    );
    expect(n).toBe(0);
  });

  it("answers 404 for another partnership's trajectory and 403 for a role without contact.write", async () => {
    const person = await createParticipant(t, b, 'coach');
    const other = await startTrajectory(t, b, person.id, 'coach', { startedAt: '2024-12-01T09:00:00Z' });
    const api = await logIn(a, 'coach');
    const foreign = await api.GET('/trajectories/{id}/contacts', { params: { path: { id: other.id } } });
    expect({ status: foreign.response.status, code: foreign.error?.code }).toEqual({
      status: 404,
      code: 'NOT_FOUND',
    });
    expect(JSON.stringify(foreign.error)).not.toContain(person.id);

    const own = await createParticipant(t, a, 'coach');
    const mine = await startTrajectory(t, a, own.id, 'coach', { startedAt: '2024-12-01T09:00:00Z' });
    const spoc = await logIn(a, 'spocVdab');
    const denied = await spoc.POST('/trajectories/{id}/contacts', {
      params: { path: { id: mine.id } },
      body: { at: '2025-01-10T09:00:00Z', kind: 'phone', durationMinutes: 10 },
    });
    expect({ status: denied.response.status, code: denied.error?.code }).toEqual({
      status: 403,
      code: 'FORBIDDEN',
    });

    const missing = await api.GET('/participants/{id}', { params: { path: { id: randomUUID() } } });
    expect({ status: missing.response.status, code: missing.error?.code }).toEqual({
      status: 404,
      code: 'NOT_FOUND',
    });
  });

  it('sends no token without one: an anonymous call to an authenticated route is a typed 401', async () => {
    const res = await createJobteamClient(baseUrl).GET('/auth/me');
    expect({ status: res.response.status, code: res.error?.code }).toEqual({
      status: 401,
      code: 'UNAUTHORIZED',
    });
  });
});

/**
 * Scenarios beyond the hot path and the search: contacts, SPOC inbox, star SVG, ESF report and
 * export. Each probes its route first: Nest's "Cannot GET ..." 404 means the feature is missing on
 * this branch, and the scenario is reported as skipped instead of counting 404s as throughput. The
 * same goes for data the scenario needs (an open trajectory, an assessed one, a filled inbox): a
 * scenario that would measure fast 4xx answers is skipped with the reason.
 */
export type Json = (
  base: string,
  method: string,
  path: string,
  token?: string,
  body?: unknown,
) => Promise<{ status: number; body: Record<string, unknown>; text: string }>;

export interface ScenarioContext {
  apiUrl: string;
  login(user: string): Promise<string>;
  ids: string[];
  trajectoryIds: string[];
  /** Current trajectories of the hot-path participants that are not closed: contacts may be added. */
  openTrajectoryIds: string[];
}

type Next = (i: number) => { method: string; path: string; body?: string; headers: Record<string, string> };

export interface OptionalScenario {
  key: string;
  name: string;
  connections?: number;
  prepare(ctx: ScenarioContext, json: Json): Promise<{ next: Next } | { skip: string }>;
  /** For exports: rows in one response, to report rows/s. */
  rowsPerResponse?(ctx: ScenarioContext, json: Json): Promise<number>;
}

const routeMissing = (r: { status: number; body: Record<string, unknown> }) =>
  r.status === 404 && /^Cannot (GET|POST)/.test(String(r.body.detail ?? r.body.message ?? ''));

async function probe(
  ctx: ScenarioContext,
  json: Json,
  token: string,
  method: string,
  path: string,
  body?: unknown,
) {
  const r = await json(ctx.apiUrl, method, path, token, body);
  if (routeMissing(r))
    throw new Error(`endpoint not present (${method} ${path.replace(/[0-9a-f-]{36}/g, '{id}')})`);
  if (r.status >= 400) throw new Error(`probe answered ${r.status} ${r.body.code ?? ''}`);
  return r;
}

const year = new Date().getUTCFullYear() - 1;

export const OPTIONAL_SCENARIOS: OptionalScenario[] = [
  {
    key: 'contact',
    name: 'POST contact moment',
    async prepare(ctx, json) {
      const token = await ctx.login('coach1');
      const open = ctx.openTrajectoryIds;
      if (!open.length) throw new Error("none of coach1's trajectories is open");
      const body = {
        at: new Date().toISOString(),
        kind: 'office',
        durationMinutes: 30,
        summary: 'Bench',
        confidential: false,
      };
      const path = (i: number) => `/trajectories/${open[i % open.length]}/contacts`;
      await probe(ctx, json, token, 'POST', path(0), body);
      return {
        next: (i) => ({
          method: 'POST',
          path: path(i),
          body: JSON.stringify(body),
          headers: { authorization: `Bearer ${token}` },
        }),
      };
    },
  },
  {
    key: 'inbox',
    name: 'SPOC inbox',
    async prepare(ctx, json) {
      // Every VDAB SPOC sees the organisation's referrals both ways; the seed gives them open ones.
      const token = await ctx.login('spocvdab1');
      const inbox = await probe(ctx, json, token, 'GET', '/referrals?inbox=organisation');
      if (!inbox.body.total) throw new Error('the VDAB inbox is empty: seed referrals first');
      return {
        next: () => ({
          method: 'GET',
          path: '/referrals?inbox=organisation',
          headers: { authorization: `Bearer ${token}` },
        }),
      };
    },
  },
  {
    key: 'star',
    name: 'star SVG',
    async prepare(ctx, json) {
      const token = await ctx.login('coach1');
      const star = (id: string) =>
        `/trajectories/${id}/assessments/star.svg?instrument=empowerment&compare=baseline,latest`;
      // Only trajectories with an empowerment baseline have a star; the others answer 404.
      const drawn: string[] = [];
      for (const id of ctx.trajectoryIds) {
        const r = await json(ctx.apiUrl, 'GET', star(id), token);
        if (routeMissing(r))
          throw new Error('endpoint not present (GET /trajectories/{id}/assessments/star.svg)');
        if (r.status === 200) drawn.push(id);
        if (drawn.length === 50) break;
      }
      if (!drawn.length) throw new Error("none of coach1's trajectories has an empowerment baseline");
      const path = (i: number) => star(drawn[i % drawn.length]);
      return {
        next: (i) => ({ method: 'GET', path: path(i), headers: { authorization: `Bearer ${token}` } }),
      };
    },
  },
  {
    key: 'esf',
    name: `GET /reports/esf for ${year}`,
    connections: 4,
    async prepare(ctx, json) {
      const token = await ctx.login('coordinator');
      await probe(ctx, json, token, 'GET', `/reports/esf?from=${year}-01-01&to=${year}-12-31`);
      return {
        next: () => ({
          method: 'GET',
          path: `/reports/esf?from=${year}-01-01&to=${year}-12-31`,
          headers: { authorization: `Bearer ${token}` },
        }),
      };
    },
  },
  {
    key: 'export',
    name: 'ESF CSV export',
    connections: 1,
    async prepare(ctx, json) {
      const token = await ctx.login('coordinator');
      await probe(ctx, json, token, 'GET', `/reports/esf.csv?from=${year}-01-01&to=${year}-12-31`);
      return {
        next: () => ({
          method: 'GET',
          path: `/reports/esf.csv?from=${year}-01-01&to=${year}-12-31`,
          headers: { authorization: `Bearer ${token}` },
        }),
      };
    },
    async rowsPerResponse(ctx, json) {
      const token = await ctx.login('coordinator');
      const r = await json(ctx.apiUrl, 'GET', `/reports/esf.csv?from=${year}-01-01&to=${year}-12-31`, token);
      return Math.max(0, r.text.split('\n').filter(Boolean).length - 1);
    },
  },
  {
    key: 'submit',
    name: `POST /reports/esf/submissions for ${year}`,
    // One at a time: each submission computes the report and stores every participant's facts.
    connections: 1,
    async prepare(ctx, json) {
      const token = await ctx.login('coordinator');
      const body = { from: `${year}-01-01`, to: `${year}-12-31`, note: 'Bench' };
      await probe(ctx, json, token, 'POST', '/reports/esf/submissions', body);
      return {
        next: () => ({
          method: 'POST',
          path: '/reports/esf/submissions',
          body: JSON.stringify(body),
          headers: { authorization: `Bearer ${token}` },
        }),
      };
    },
    async rowsPerResponse(ctx, json) {
      const token = await ctx.login('coordinator');
      const r = await json(ctx.apiUrl, 'GET', '/reports/esf/submissions?limit=1', token);
      const items = (r.body.items ?? []) as { factsCount?: number }[];
      return items[0]?.factsCount ?? 0;
    },
  },
];

/**
 * Scenarios for endpoints other branches add (contacts, SPOC inbox, star SVG, ESF report and
 * export). Each probes its route first: Nest's "Cannot GET ..." 404 means the feature has not been
 * merged here, and the scenario is reported as skipped instead of counting 404s as throughput.
 * Paths are the ones the issue names; adjust them here when the features land.
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
      const body = {
        at: new Date().toISOString(),
        kind: 'office',
        durationMinutes: 30,
        summary: 'Bench',
        confidential: false,
      };
      const path = (i: number) => `/trajectories/${ctx.trajectoryIds[i % ctx.trajectoryIds.length]}/contacts`;
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
      const token = await ctx.login('spocvdab1');
      await probe(ctx, json, token, 'GET', '/referrals?inbox=organisation');
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
      const path = (i: number) => `/trajectories/${ctx.trajectoryIds[i % ctx.trajectoryIds.length]}/assessments/star.svg?instrument=empowerment&compare=baseline,latest`;
      await probe(ctx, json, token, 'GET', path(0));
      return {
        next: (i) => ({ method: 'GET', path: path(i), headers: { authorization: `Bearer ${token}` } }),
      };
    },
  },
  {
    key: 'esf',
    name: `GET /reports/esf?year=${year}`,
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
];

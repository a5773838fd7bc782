import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import { escapeLiteral, Pool, PoolClient, QueryResult } from 'pg';

/**
 * The floor: what the hot path and the search cost with no framework at all. Plain node:http and
 * pg, connected as jobteam_app, running the statements the services run, in the same order and
 * in one transaction: BEGIN, app_begin_request, scope check, the read, the audit insert, the
 * consent check, COMMIT. Our API's throughput is reported as a ratio of this.
 *
 * env: FLOOR_DATABASE_URL (app role), FLOOR_JWT_SECRET, FLOOR_POOL_SIZE, PORT
 */
const pool = new Pool({
  connectionString: process.env.FLOOR_DATABASE_URL,
  max: Number(process.env.FLOOR_POOL_SIZE ?? 10),
  application_name: 'jobteam-floor',
});
const secret = process.env.FLOOR_JWT_SECRET ?? '';

// Copied from DatabaseContext.runAsStaff, AccessService.scopesFor, AuditService.record, ConsentChecks.
const BEGIN_REQUEST = 'select organisation_id, team_id, roles, name, email from app_begin_request';
const SCOPES = `select participant_id, scope from access_grants g
        where g.participant_id = any($1::uuid[]) and g.partnership_id = app_tenant()
          and (g.organisation_id = app_org() or g.staff_id = app_user())
          and g.ended_at is null and g.valid_from <= app_now() and (g.valid_until is null or g.valid_until > app_now())`;
const PARTICIPANT = 'select * from participants where id = $1 limit 1';
// As ParticipantsService.list: the LIKE runs inside app_search_participants (trigram index, no RLS
// barrier), and RLS applies to the outer query.
const SEARCH = `select * from participants p where p.id in (select app_search_participants($1))
  order by p.last_name asc, p.first_name asc, p.id asc limit $2 offset $3`;
const SEARCH_COUNT =
  'select count(distinct(p.id)) as cnt from participants p where p.id in (select app_search_participants($1))';
// As AuditService: the runtime role writes the log only through app_audit_record (actor from the context).
const AUDIT = 'select app_audit_record($1, $2::jsonb)';
const CONSENT_ONE = `select 1 from consents where participant_id = $1 and scope = $2 and withdrawn_at is null and given_at <= app_now() limit 1`;
const CONSENT_MANY = `select distinct participant_id from consents
        where participant_id = any($1::uuid[]) and scope = $2 and withdrawn_at is null and given_at <= app_now()`;

function verify(header: string | undefined): { sub: string; tid: string } | null {
  const [h, p, s] = (header ?? '').replace(/^Bearer /, '').split('.');
  if (!h || !p || !s) return null;
  const expected = createHmac('sha256', secret).update(`${h}.${p}`).digest();
  const given = Buffer.from(s, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const payload = JSON.parse(Buffer.from(p, 'base64url').toString()) as {
    sub: string;
    tid: string;
    exp: number;
  };
  return payload.exp * 1000 > Date.now() ? payload : null;
}

const RANK: Record<string, number> = { summary: 1, referral: 2, case: 3, full: 4 };

/** As DatabaseContext.transaction: BEGIN and app_begin_request in one simple-protocol round trip. */
async function inTransaction<T>(
  user: { tid: string; sub: string },
  now: Date,
  fn: (c: PoolClient, staff: Record<string, unknown>[]) => Promise<T>,
): Promise<T> {
  const c = await pool.connect();
  try {
    const first = `start transaction; ${BEGIN_REQUEST}(${escapeLiteral(user.tid)}::uuid, ${escapeLiteral(user.sub)}::uuid, ${escapeLiteral(now.toISOString())}::timestamptz)`;
    const results = (await c.query(first)) as unknown as QueryResult[];
    const out = await fn(c, results[1].rows);
    await c.query('commit');
    return out;
  } catch (err) {
    await c.query('rollback').catch(() => undefined);
    throw err;
  } finally {
    c.release();
  }
}

async function handle(req: http.IncomingMessage): Promise<[number, unknown]> {
  const user = verify(req.headers.authorization);
  if (!user) return [401, { code: 'UNAUTHORIZED' }];
  const url = new URL(req.url ?? '/', 'http://floor');
  const requestId = Math.random().toString(36).slice(2);
  const now = new Date();
  return inTransaction(user, now, async (c, staff) => {
    if (!staff[0]) return [401, { code: 'UNAUTHORIZED' }];
    const one = /^\/participants\/([0-9a-f-]{36})$/.exec(url.pathname);
    if (one) {
      const id = one[1];
      const { rows: grants } = await c.query(SCOPES, [[id]]);
      if (!grants.length) return [404, { code: 'NOT_FOUND' }];
      const scope = grants.reduce((a, g) => (RANK[g.scope] > RANK[a] ? g.scope : a), grants[0].scope);
      const { rows } = await c.query(PARTICIPANT, [id]);
      const audit = [
        { action: 'read', resource_type: 'participant', resource_id: id, participant_id: id, scope },
      ];
      await c.query(AUDIT, [requestId, JSON.stringify(audit)]);
      const special =
        scope === 'full' ? (await c.query(CONSENT_ONE, [id, 'special_categories'])).rows.length > 0 : false;
      return [200, { ...rows[0], scope, specialCategories: special }];
    }
    if (url.pathname === '/participants') {
      const limit = Number(url.searchParams.get('limit') ?? 50);
      const q = `%${(url.searchParams.get('q') ?? '').toLowerCase()}%`;
      const { rows } = await c.query(SEARCH, [q, limit, 0]);
      const total =
        rows.length < limit ? rows.length : Number((await c.query(SEARCH_COUNT, [q])).rows[0].cnt);
      const { rows: grants } = await c.query(SCOPES, [rows.map((r) => r.id)]);
      const scopes = new Map(grants.map((g) => [g.participant_id, g.scope]));
      const visible = rows.filter((r) => scopes.has(r.id));
      if (visible.length) {
        const audit = visible.map((r) => ({
          action: 'list',
          resource_type: 'participant',
          resource_id: r.id,
          participant_id: r.id,
          scope: scopes.get(r.id),
        }));
        await c.query(AUDIT, [requestId, JSON.stringify(audit)]);
      }
      const full = visible.filter((r) => scopes.get(r.id) === 'full').map((r) => r.id);
      if (full.length) await c.query(CONSENT_MANY, [full, 'special_categories']);
      return [200, { items: visible, total, page: 1, limit }];
    }
    return [404, { code: 'NOT_FOUND' }];
  });
}

const server = http.createServer((req, res) => {
  handle(req).then(
    ([status, body]) => {
      const text = JSON.stringify(body);
      res.writeHead(status, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(text),
      });
      res.end(text);
    },
    () => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end('{"code":"INTERNAL_ERROR"}');
    },
  );
});
server.keepAliveTimeout = 65000;
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const addr = server.address();
  console.log(JSON.stringify({ listening: typeof addr === 'object' && addr ? addr.port : 0 }));
});
process.once('SIGTERM', () => server.close(() => void pool.end().then(() => process.exit(0))));

import type { ClientBase, QueryResult } from 'pg';

/** Who writes a row: the organisation and staff member the RLS write policies test (app_org(), app_user()). */
export interface RowActor {
  org?: string | null;
  user?: string | null;
}

/** Per table: the actor of one row, given as column name → value. Tables not listed need no actor. */
export type ActorRules = Record<string, (row: Record<string, unknown>) => RowActor>;

/** Row r of an unnest insert's column arrays, as column name → value. */
const rowAt = (columns: string[], arrays: unknown[][], r: number) =>
  Object.fromEntries(columns.map((c, k) => [c, arrays[k][r]]));

const UNNEST_INSERT = /^insert into (\w+) \(([^)]*)\) select \* from unnest\(/;

/**
 * A pg client for the scale seed's generators that writes as the app role does in a request: each
 * `insert ... select * from unnest(...)` is split by the staff member who would have written the row,
 * and sent with that member's app.org_id and app.user_id set. The RLS write policies (owner organisation,
 * referral sender, meeting organiser, professional secrecy, a live grant for assessments) then check the
 * seed exactly as they check the API. Everything else passes through unchanged.
 */
export class ActorScopedClient {
  constructor(
    private readonly client: ClientBase,
    private readonly rules: ActorRules,
  ) {}

  async query(sql: string, params?: unknown[]): Promise<QueryResult> {
    const match = UNNEST_INSERT.exec(sql);
    if (!match || !params) return this.client.query(sql, params);
    const columns = match[2].split(',').map((c) => c.trim());
    const arrays = params as unknown[][];
    if (match[1] === 'access_grants') return this.seedGrants(columns, arrays);
    const rule = this.rules[match[1]];
    if (!rule) return this.client.query(sql, params);
    const groups = new Map<string, { actor: RowActor; rows: number[] }>();
    for (let r = 0; r < (arrays[0]?.length ?? 0); r++) {
      const actor = rule(rowAt(columns, arrays, r));
      const key = `${actor.org ?? ''}|${actor.user ?? ''}`;
      const group = groups.get(key);
      if (group) group.rows.push(r);
      else groups.set(key, { actor, rows: [r] });
    }
    for (const { actor, rows } of groups.values()) {
      await this.as(actor);
      await this.client.query(
        sql,
        arrays.map((a) => rows.map((r) => a[r])),
      );
    }
    await this.as({});
    return { rows: [], rowCount: arrays[0]?.length ?? 0 } as unknown as QueryResult;
  }

  /**
   * The app role may not insert grants (only app_grant, which judges them against "now"); historic
   * grants of a partnership created in this same transaction go through app_seed_grants instead.
   */
  async seedGrants(columns: string[], arrays: unknown[][]): Promise<QueryResult> {
    const count = arrays[0]?.length ?? 0;
    if (count === 0) return { rows: [], rowCount: 0 } as unknown as QueryResult;
    const rows = Array.from({ length: count }, (_, r) => rowAt(columns, arrays, r));
    await this.client.query('select app_seed_grants($1::jsonb)', [JSON.stringify(rows)]);
    return { rows: [], rowCount: count } as unknown as QueryResult;
  }

  /** Sets (or, with {}, clears) the acting organisation and staff member for the rest of the transaction. */
  async as(actor: RowActor): Promise<void> {
    await this.client.query(
      `select set_config('app.org_id', $1, true), set_config('app.user_id', $2, true)`,
      [actor.org ?? '', actor.user ?? ''],
    );
  }
}

import { Injectable } from '@nestjs/common';
import { GenerateSql, SQL_FIXTURE as F } from '../../common/persistence/generate-sql';
import { DatabaseContext } from '../../database/database-context.service';
import { forEachBatch } from '../export/cursor';
import { localMidnight } from '../period';
import { Cell, StoredFacts } from './restatement';

export type SubmissionKind = 'esf' | 'quarterly';

const START = localMidnight('$1');
const END = localMidnight('$2');
const QUARTERLY_FACTS_SQL = `
  select t.participant_id, t.id, t.owner_organisation_id, t.referral_channel,
         t.started_at >= ${START} as started,
         coalesce(t.guidance_started_at >= ${START} and t.guidance_started_at < ${END}, false) as guidance_started,
         coalesce(t.closed_at < ${END}, false) as closed,
         t.outcome,
         (t.closed_at is null or t.closed_at >= ${END}) as active_at_end
    from trajectories t
   where t.partnership_id = app_tenant() and t.started_at < ${END} and (t.closed_at is null or t.closed_at >= ${START})
   order by t.participant_id, t.id`;

export interface SubmissionRow {
  id: string;
  kind: SubmissionKind;
  period_from: string;
  period_to: string;
  year: number | null;
  quarter: number | null;
  note: string | null;
  language: string;
  facts_hash: string;
  facts_count: number;
  submitted_at: Date;
  submitted_by: string;
  submitted_by_organisation: string;
  figures?: string;
}

const SUMMARY_COLUMNS = `id, kind, period_from::text, period_to::text, year, quarter, note, language, facts_hash,
  jsonb_array_length(facts->'rows')::int as facts_count, submitted_at, submitted_by, submitted_by_organisation`;

export interface NewSubmission {
  kind: SubmissionKind;
  from: string;
  to: string;
  year: number | null;
  quarter: number | null;
  note: string | null;
  /** The figures as the JSON text that is answered: the json column keeps it byte for byte. */
  figures: string;
  facts: StoredFacts;
  factsHash: string;
  language: string;
  submittedAt: Date;
  submittedBy: string;
  submittedByOrganisation: string;
}

const ID = F.submissionId;

/**
 * Queries on report_submissions (append-only), and the quarterly facts a submission freezes. The
 * latter is a report query: it reads trajectories by table name in raw SQL (no other module's entity
 * is imported), partnership-wide as the tenant reader.
 */
@Injectable()
export class SubmissionsRepository {
  constructor(private readonly db: DatabaseContext) {}

  /** One page of a kind's submissions, newest first; the total on every row. */
  @GenerateSql({ params: ['esf', 50, 0] })
  list(kind: SubmissionKind, limit: number, offset: number): Promise<(SubmissionRow & { total: number })[]> {
    return this.db.manager.query(
      `select ${SUMMARY_COLUMNS}, count(*) over ()::int as total from report_submissions
        where kind = $1 order by submitted_at desc, id limit $2 offset $3`,
      [kind, limit, offset],
    );
  }

  @GenerateSql(
    { name: 'summary', params: ['esf', ID, false] },
    { name: 'with figures', params: ['esf', ID, true] },
  )
  async find(kind: SubmissionKind, id: string, withFigures: boolean): Promise<SubmissionRow | undefined> {
    const [row]: SubmissionRow[] = await this.db.manager.query(
      `select ${SUMMARY_COLUMNS}${withFigures ? ', figures::text as figures' : ''}
         from report_submissions where id = $1 and kind = $2`,
      [id, kind],
    );
    return row;
  }

  @GenerateSql({
    params: [
      {
        kind: 'esf',
        from: '2025-01-01',
        to: '2025-12-31',
        year: null,
        quarter: null,
        note: null,
        figures: '{}',
        facts: { header: ['participant_id'], rows: [] },
        factsHash: '0'.repeat(64),
        language: 'nl',
        submittedAt: new Date('2026-01-15T09:00:00Z'),
        submittedBy: F.coachId,
        submittedByOrganisation: F.organisationId,
      },
    ],
  })
  async insert(s: NewSubmission): Promise<SubmissionRow> {
    const [row]: SubmissionRow[] = await this.db.manager.query(
      `insert into report_submissions (partnership_id, kind, period_from, period_to, year, quarter, note, figures, facts,
         facts_hash, language, submitted_at, submitted_by, submitted_by_organisation)
       values (app_tenant(), $1, $2, $3, $4, $5, $6, $7::json, $8::jsonb, $9, $10, $11, $12, $13)
       returning ${SUMMARY_COLUMNS}`,
      [
        s.kind,
        s.from,
        s.to,
        s.year,
        s.quarter,
        s.note,
        s.figures,
        JSON.stringify(s.facts),
        s.factsHash,
        s.language,
        s.submittedAt,
        s.submittedBy,
        s.submittedByOrganisation,
      ],
    );
    return row;
  }

  @GenerateSql({ params: [ID] })
  async storedFacts(id: string): Promise<StoredFacts> {
    const [{ facts }]: { facts: StoredFacts }[] = await this.db.manager.query(
      'select facts from report_submissions where id = $1',
      [id],
    );
    return facts;
  }

  @GenerateSql({ params: [ID] })
  async storedHeader(id: string): Promise<string[]> {
    const [{ header }]: { header: string[] }[] = await this.db.manager.query(
      `select facts->'header' as header from report_submissions where id = $1`,
      [id],
    );
    return header;
  }

  /** The stored fact rows in their order, in batches through a cursor; `onBatch` returning false stops. */
  @GenerateSql({ params: [ID, 1000, () => Promise.resolve(false)] })
  forEachStoredRowBatch(
    id: string,
    batchSize: number,
    onBatch: (rows: { r: Cell[] }[]) => Promise<boolean>,
  ): Promise<void> {
    return forEachBatch<{ r: Cell[] }>(
      this.db.manager,
      `select r from report_submissions s, jsonb_array_elements(s.facts->'rows') with ordinality as e(r, n)
        where s.id = $1 order by e.n`,
      [id],
      batchSize,
      onBatch,
    );
  }

  /** One row per trajectory active at some time in the quarter [from, next), as QUARTERLY_FACTS_HEADER lists. */
  @GenerateSql({ params: ['2025-01-01', '2025-04-01'] })
  quarterlyFacts(from: string, next: string): Promise<Record<string, Cell>[]> {
    return this.db.asTenantReader((m) => m.query(QUARTERLY_FACTS_SQL, [from, next]));
  }
}

import { Injectable } from '@nestjs/common';
import { GenerateSql } from '../common/persistence/generate-sql';
import { DatabaseContext } from '../database/database-context.service';
import { GenderCountRow } from './dto/esf-report.response';
import { ESF_FACTS_SQL } from './esf-facts.sql';
import {
  COHORT_COLUMN,
  ESF_INDICATORS,
  EsfFacts,
  EsfIndicator,
  indicatorByCode,
  ReportGender,
} from './esf-indicators';
import { forEachBatch } from './export/cursor';

const counted = (i: EsfIndicator) => `(${COHORT_COLUMN[i.cohort]} and coalesce((${i.sql}), false))`;
const unknown = (i: EsfIndicator) =>
  i.unknownSql
    ? `(${COHORT_COLUMN[i.cohort]} and not coalesce((${i.sql}), false) and (${i.unknownSql}))`
    : 'false';

/** Every indicator and its unknowns, per gender, in one pass over the facts. */
const AGGREGATE_SQL = `
  select f.gender,
         count(*) filter (where f.entered)::int as entered,
         count(*) filter (where f.entered and f.complete)::int as entered_complete,
         count(*) filter (where f.left_in_period)::int as left_in_period,
         count(*) filter (where f.left_six_months_before)::int as left_six_months_before,
         count(*) filter (where f.left_in_period and cardinality(f.situations_upon_leaving) > 0)::int as followed_up_upon_leaving,
         count(*) filter (where f.left_six_months_before and cardinality(f.situations_six_months) > 0)::int as followed_up_six_months,
         ${ESF_INDICATORS.map(
           (i) => `count(*) filter (where ${counted(i)})::int as "${i.code}",
         count(*) filter (where ${unknown(i)})::int as "${i.code}_unknown"`,
         ).join(',\n         ')}
    from (${ESF_FACTS_SQL}) f
   group by f.gender`;

/** Every participant row of the period, for the exports and the submissions' facts. */
const ESF_ROWS_SQL = `select * from (${ESF_FACTS_SQL}) f
  where f.entered or f.left_in_period or f.left_six_months_before
  order by f.entry_date, f.participant_id`;

export interface EsfParticipantsQuery {
  from: string;
  to: string;
  indicator: string;
  bucket: 'counted' | 'unknown';
  gender?: ReportGender;
  limit: number;
  offset: number;
}

export interface EsfParticipantRow {
  participant_id: string;
  pseudonymised: boolean;
  total: number;
}

const PERIOD = ['2025-01-01', '2025-12-31'];

/**
 * The ESF+ facts (esf-facts.sql.ts) and what is read from them. A report repository: it reads
 * participants, trajectories and follow-ups by table name in raw SQL (no other module's entity is
 * imported), partnership-wide as the tenant reader.
 */
@Injectable()
export class EsfRepository {
  constructor(private readonly db: DatabaseContext) {}

  /** The figures of a period (local dates, inclusive), one row per gender. */
  @GenerateSql({ params: PERIOD })
  aggregate(from: string, to: string): Promise<GenderCountRow[]> {
    return this.db.asTenantReader<GenderCountRow[]>((m) => m.query(AGGREGATE_SQL, [from, to]));
  }

  /** One page of the participants behind one indicator's number (or its unknowns); the total on every row. */
  @GenerateSql(
    {
      name: 'counted',
      params: [
        { from: PERIOD[0], to: PERIOD[1], indicator: 'EECO02', bucket: 'counted', limit: 50, offset: 0 },
      ],
    },
    {
      name: 'unknown by gender',
      params: [
        {
          from: PERIOD[0],
          to: PERIOD[1],
          indicator: 'EECO02',
          bucket: 'unknown',
          gender: 'female',
          limit: 50,
          offset: 0,
        },
      ],
    },
  )
  participants(q: EsfParticipantsQuery): Promise<EsfParticipantRow[]> {
    const indicator = indicatorByCode(q.indicator)!;
    const where = q.bucket === 'unknown' ? unknown(indicator) : counted(indicator);
    const params: unknown[] = [q.from, q.to, q.limit, q.offset];
    let genderFilter = '';
    if (q.gender) {
      params.push(q.gender);
      genderFilter = `and f.gender = $${params.length}`;
    }
    return this.db.asTenantReader<EsfParticipantRow[]>((m) =>
      m.query(
        `select f.participant_id, f.pseudonymised, count(*) over ()::int as total
           from (${ESF_FACTS_SQL}) f where ${where} ${genderFilter}
          order by f.participant_id limit $3 offset $4`,
        params,
      ),
    );
  }

  /**
   * Every participant row of the period, in batches of `batchSize` through a cursor, so memory stays
   * flat however many there are. `onBatch` returning false stops early (the reader has gone).
   */
  @GenerateSql({ params: [...PERIOD, 1000, () => Promise.resolve(false)] })
  forEachRowBatch(
    from: string,
    to: string,
    batchSize: number,
    onBatch: (rows: EsfFacts[]) => Promise<boolean>,
  ): Promise<void> {
    return this.db.asTenantReader((m) =>
      forEachBatch<EsfFacts>(m, ESF_ROWS_SQL, [from, to], batchSize, onBatch),
    );
  }
}

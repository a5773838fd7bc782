import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { GenerateSql, SQL_FIXTURE as F } from '../common/persistence/generate-sql';
import { findById } from '../common/persistence/find-by-id';
import { DatabaseContext } from '../database/database-context.service';
import { InstrumentEntity } from './instrument.entity';

const INSTRUMENT_ID = F.instrumentId;

export interface InstrumentFilter {
  key?: string;
  /** Only the newest version of each key. */
  latest?: boolean;
}

/** A new version's fields; the repository picks its number. */
export type NewInstrumentVersion = Omit<InstrumentEntity, 'id' | 'version' | 'createdAt'>;

/**
 * Every query on `instruments`. RLS decides which rows are visible (the built-ins plus the
 * partnership's own); nothing here filters on partnership_id.
 */
@Injectable()
export class InstrumentsRepository {
  constructor(private readonly db: DatabaseContext) {}

  private get repo() {
    return this.db.manager.getRepository(InstrumentEntity);
  }

  /** A page of instruments by key, version, then built-in before the partnership's own; with the total. */
  @GenerateSql({ params: [{ key: 'empowerment', latest: true }, 0, 50] })
  list(filter: InstrumentFilter, offset: number, limit: number): Promise<[InstrumentEntity[], number]> {
    const qb = this.repo.createQueryBuilder('i');
    if (filter.key) qb.andWhere('i.key = :key', { key: filter.key });
    if (filter.latest) {
      qb.andWhere(
        'not exists (select 1 from instruments newer where newer.key = i.key and newer.version > i.version)',
      );
    }
    return qb
      .orderBy('i.key', 'ASC')
      .addOrderBy('i.version', 'ASC')
      .addOrderBy('i.partnership_id', 'ASC', 'NULLS FIRST')
      .offset(offset)
      .limit(limit)
      .getManyAndCount();
  }

  @GenerateSql({ params: [INSTRUMENT_ID] })
  findById(id: string): Promise<InstrumentEntity | null> {
    return findById(this.db.manager, InstrumentEntity, id);
  }

  @GenerateSql({ params: [[INSTRUMENT_ID]] })
  findByIds(ids: readonly string[]): Promise<InstrumentEntity[]> {
    return this.repo.findBy({ id: In([...ids]) });
  }

  /**
   * The newest version of a key, or the given version. Should a built-in and the partnership's own
   * share a version number, the partnership's own wins.
   */
  @GenerateSql({ name: 'newest', params: ['empowerment'] }, { name: 'version', params: ['empowerment', 1] })
  findByKey(key: string, version?: number): Promise<InstrumentEntity | null> {
    const qb = this.repo.createQueryBuilder('i').where('i.key = :key', { key });
    if (version !== undefined) qb.andWhere('i.version = :version', { version });
    return qb.orderBy('i.version', 'DESC').addOrderBy('i.partnership_id', 'ASC', 'NULLS LAST').getOne();
  }

  /** Inserts the next version of `values.key` (1 for a new key), numbered under a lock. */
  @GenerateSql({
    params: [
      {
        partnershipId: F.partnershipId,
        key: 'empowerment',
        name: { nl: 'Empowerment', en: 'Empowerment' },
        dimensions: [{ key: 'competentie', label: { nl: 'Competentie', en: 'Competence' } }],
        scaleMin: 1,
        scaleMax: 10,
        anchors: null,
        reviewIntervalMonths: 3,
        baselineDueWeeks: 4,
        progressThreshold: 1,
        regressionThreshold: -1,
        releaseThreshold: null,
        createdBy: F.coachId,
      },
    ],
  })
  async insertNextVersion(values: NewInstrumentVersion): Promise<InstrumentEntity> {
    const m = this.db.manager;
    // Two admins adding a version of the same key at once would otherwise pick the same number.
    await m.query('select pg_advisory_xact_lock(hashtextextended($1, 0))', [
      `instruments:${values.partnershipId}:${values.key}`,
    ]);
    const [{ latest }]: { latest: number }[] = await m.query(
      'select coalesce(max(version), 0)::int as latest from instruments where key = $1',
      [values.key],
    );
    return this.repo.save(this.repo.create({ ...values, version: latest + 1 }));
  }

  /** Each key's newest schedule (the partnership's own wins a tie), for the overdue list. */
  @GenerateSql()
  async latestSchedules(): Promise<
    { key: string; baselineDueWeeks: number; reviewIntervalMonths: number }[]
  > {
    const rows: { key: string; baseline_due_weeks: number; review_interval_months: number }[] =
      await this.db.manager.query(
        `select distinct on (key) key, baseline_due_weeks, review_interval_months
           from instruments order by key, version desc, partnership_id nulls last`,
      );
    return rows.map((r) => ({
      key: r.key,
      baselineDueWeeks: r.baseline_due_weeks,
      reviewIntervalMonths: r.review_interval_months,
    }));
  }
}

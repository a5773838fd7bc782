import { Injectable } from '@nestjs/common';
import { GenerateSql } from '../common/persistence/generate-sql';
import { DatabaseContext } from '../database/database-context.service';
import { localMidnight } from '../reports/period';
import { SignalEntity } from './learning.entity';
import { SignalCategory } from './signal-text';

/** A participant's first and last name (normalised, as participants.name_key holds them) in either order in $1. */
const NAMED_IN = `p.pseudonymised_at is null
  and (position(' ' || split_part(p.name_key, '|', 1) || ' ' || split_part(p.name_key, '|', 2) || ' ' in $1) > 0
    or position(' ' || split_part(p.name_key, '|', 2) || ' ' || split_part(p.name_key, '|', 1) || ' ' in $1) > 0)`;

export interface SignalReportRow {
  id: string;
  category: SignalCategory;
  text: string;
  organisation: string;
  created_at: Date;
}

const SEARCH = ' de buurman van jan peeters zegt ';

/**
 * Signals, and the name checks their texts go through. Those two read participants: they belong to the
 * signal's privacy rule (see SignalsService.create) and answer only "is such a name there", never a row.
 */
@Injectable()
export class SignalsRepository {
  constructor(private readonly db: DatabaseContext) {}

  /** Whether a participant the caller can see (RLS) is named in the normalised search text. */
  @GenerateSql({ params: [SEARCH] })
  async namesVisibleParticipant(search: string): Promise<boolean> {
    const rows: unknown[] = await this.db.manager.query(
      `select 1 from participants p where ${NAMED_IN} limit 1`,
      [search],
    );
    return rows.length > 0;
  }

  /** The first and last names of the partnership's other participants named in the search text. */
  @GenerateSql({ params: [SEARCH] })
  hiddenNamesIn(search: string): Promise<{ a: string; b: string }[]> {
    return this.db.manager.query('select a, b from app_signal_names_in($1)', [search]);
  }

  @GenerateSql({
    params: [
      {
        partnershipId: '00000000-0000-4000-8000-000000000002',
        category: 'housing',
        text: 'Synthetic signal text',
        authorId: '00000000-0000-4000-8000-000000000003',
        authorOrganisationId: '00000000-0000-4000-8000-000000000004',
        createdAt: new Date('2026-01-15T09:00:00Z'),
      },
    ],
  })
  insert(values: Partial<SignalEntity>): Promise<SignalEntity> {
    const repo = this.db.manager.getRepository(SignalEntity);
    return repo.save(repo.create(values));
  }

  /** The partnership's signals recorded from local midnight of `from` up to that of `next`, with the author's organisation. */
  @GenerateSql({ params: ['2026-01-01', '2026-04-01'] })
  quarter(from: string, next: string): Promise<SignalReportRow[]> {
    return this.db.manager.query(
      `select s.id, s.category, s.text, o.name as organisation, s.created_at
           from signals s join organisations o on o.id = s.author_organisation_id
          where s.partnership_id = app_tenant() and s.created_at >= ${localMidnight('$1')} and s.created_at < ${localMidnight('$2')}
          order by s.category, s.created_at, s.id`,
      [from, next],
    );
  }
}

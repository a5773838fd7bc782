import { Injectable } from '@nestjs/common';
import { GenerateSql, SQL_FIXTURE as F } from '../common/persistence/generate-sql';
import { DatabaseContext } from '../database/database-context.service';
import { localMidnight } from '../reports/period';
import { SignalEntity } from './learning.entity';
import { SignalCategory } from './signal-text';

export interface SignalReportRow {
  id: string;
  category: SignalCategory;
  text: string;
  organisation: string;
  created_at: Date;
}

const SEARCH = ' de buurman van jan peeters zegt ';

/** Signals, and the definer function that finds other participants' names in a signal's text. */
@Injectable()
export class SignalsRepository {
  constructor(private readonly db: DatabaseContext) {}

  /** The first and last names of the partnership's other participants named in the search text. */
  @GenerateSql({ params: [SEARCH] })
  hiddenNamesIn(search: string): Promise<{ a: string; b: string }[]> {
    return this.db.manager.query('select a, b from app_signal_names_in($1)', [search]);
  }

  @GenerateSql({
    params: [
      {
        partnershipId: F.partnershipId,
        category: 'housing',
        text: 'Synthetic signal text',
        authorId: F.coachId,
        authorOrganisationId: F.organisationId,
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

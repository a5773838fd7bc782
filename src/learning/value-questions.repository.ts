import { Injectable } from '@nestjs/common';
import { GenerateSql, SQL_FIXTURE as F } from '../common/persistence/generate-sql';
import { DatabaseContext } from '../database/database-context.service';
import { localMidnight } from '../reports/period';
import { ValueQuestionEntity } from './learning.entity';

export interface ValueQuestionReportRow {
  participant_id: string;
  meeting_at: Date;
  team: string;
  value_question: string | null;
  waste: string | null;
  first_name: string;
  last_name: string;
}

export type ValueQuestionFields = Partial<
  Pick<ValueQuestionEntity, 'valueQuestion' | 'waste' | 'recordedBy' | 'recordedByOrganisationId'>
>;

const ITEM_ID = F.caseMeetingItemId;

/** case_meeting_value_questions: RLS lets a row through exactly when its agenda item is visible. */
@Injectable()
export class ValueQuestionsRepository {
  constructor(private readonly db: DatabaseContext) {}

  private get repo() {
    return this.db.manager.getRepository(ValueQuestionEntity);
  }

  @GenerateSql({ params: [ITEM_ID] })
  async findByItem(itemId: string): Promise<ValueQuestionEntity | undefined> {
    return (await this.repo.findOneBy({ itemId })) ?? undefined;
  }

  @GenerateSql({
    params: [
      {
        partnershipId: F.partnershipId,
        caseMeetingId: F.caseMeetingId,
        itemId: F.caseMeetingItemId,
        trajectoryId: F.trajectoryId,
        participantId: F.participantId,
        teamId: F.teamId,
        meetingAt: new Date('2026-01-15T09:00:00Z'),
        valueQuestion: 'Synthetic question',
        waste: null,
        recordedBy: F.coachId,
        recordedByOrganisationId: F.organisationId,
      },
    ],
  })
  async insert(values: Partial<ValueQuestionEntity>): Promise<void> {
    await this.repo.insert(values);
  }

  /** Last writer wins on purpose: the item's recorder keeps it up to date during the meeting. */
  @GenerateSql({
    params: [
      '00000000-0000-4000-8000-000000000009',
      { waste: 'Synthetic waste', recordedBy: F.coachId, recordedByOrganisationId: F.organisationId },
    ],
  })
  async update(id: string, fields: ValueQuestionFields): Promise<void> {
    await this.repo
      .createQueryBuilder()
      .update()
      .set({ ...fields, version: () => 'version + 1', updatedAt: () => 'now()' } as never)
      .where('id = :id', { id })
      .execute();
  }

  /**
   * The quarter's recorded value questions with the team and the participant's names, read as the
   * tenant reader (every organisation's items): the service pseudonymises them before they leave.
   */
  @GenerateSql({ params: ['2026-01-01', '2026-04-01'] })
  quarter(from: string, next: string): Promise<ValueQuestionReportRow[]> {
    return this.db.asTenantReader<ValueQuestionReportRow[]>((m) =>
      m.query(
        `select v.participant_id, v.meeting_at, t.name as team, v.value_question, v.waste, p.first_name, p.last_name
           from case_meeting_value_questions v
           join teams t on t.id = v.team_id
           join participants p on p.id = v.participant_id
          where v.partnership_id = app_tenant() and v.meeting_at >= ${localMidnight('$1')} and v.meeting_at < ${localMidnight('$2')}
            and (v.value_question is not null or v.waste is not null)
          order by v.meeting_at, v.id`,
        [from, next],
      ),
    );
  }
}

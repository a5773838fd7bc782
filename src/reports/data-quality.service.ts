import { Injectable } from '@nestjs/common';
import { Lang } from '../common/i18n/lang';
import { DatabaseContext } from '../database/database-context.service';
import { EMPOWERMENT_INSTRUMENT } from '../empowerment/instrument';
import { InstrumentsService } from '../empowerment/instruments.service';
import { DataQualityQuery } from './dto/report-query.dto';
import { DATA_QUALITY_LIST, DATA_QUALITY_REASONS } from './data-quality.reasons';
import { DataQualityRepository } from './data-quality.repository';
import { reportText } from './i18n/localise';
import { ParticipantNamesService } from './participant-names.service';

@Injectable()
export class DataQualityService {
  constructor(
    private readonly db: DatabaseContext,
    private readonly names: ParticipantNamesService,
    private readonly instruments: InstrumentsService,
    private readonly dataQuality: DataQualityRepository,
  ) {}

  async list(q: DataQualityQuery, lang: Lang = 'en') {
    // The baseline window as the schedule has it; read before the switch of role (instruments are not the reader's).
    const empowerment = await this.instruments.resolve(EMPOWERMENT_INSTRUMENT);
    const rows = await this.dataQuality.checks(
      this.db.now,
      q.limit,
      (q.page - 1) * q.limit,
      empowerment.baselineDueWeeks,
      empowerment.key,
    );
    const names = await this.names.namedAndAudited(
      rows.map((r) => r.participant_id),
      { action: 'read', resourceType: 'report.data_quality', details: { page: q.page, limit: q.limit } },
    );
    return {
      definition: reportText(DATA_QUALITY_LIST.definition, lang),
      items: rows.map((r) => {
        const n = names.get(r.participant_id);
        return {
          participantId: r.participant_id,
          ...(n ? { firstName: n.firstName, lastName: n.lastName } : {}),
          reasons: r.reasons.map((code) => ({ code, message: reportText(DATA_QUALITY_REASONS[code], lang) })),
        };
      }),
      total: rows[0]?.total ?? 0,
      page: q.page,
      limit: q.limit,
    };
  }
}
